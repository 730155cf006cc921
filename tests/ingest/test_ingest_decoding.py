"""Bytes to text: legacy encodings are decoded, damaged or binary input is refused."""

import codecs

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from parley.errors import InputError
from parley.ingest.decoding import decode_bytes

GERMAN = "Größere Verhandlungen über den Frieden – „Wir sind bereit“, sagte Selenskyj in Kiew."


@pytest.mark.parametrize(
    "data",
    [
        GERMAN.encode("utf-8"),
        codecs.BOM_UTF8 + GERMAN.encode("utf-8"),
        GERMAN.encode("cp1252"),
        GERMAN.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"),
        codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "utf-16", "utf-16-be", "utf-16-le"],
)
def test_text_in_any_supported_encoding_decodes_to_the_same_string(data):
    assert decode_bytes(data, "a.txt") == GERMAN


def test_latin1_text_is_decoded_not_rejected():
    text = "Gespräche über Sicherheitsgarantien für die Ukraine: Größe, Maß, Übergabe."
    assert decode_bytes(text.encode("latin-1"), "a.txt") == text


def test_cyrillic_code_page_is_decoded():
    text = "Переговоры в Москве продолжились в среду, сообщил Кремль."
    assert decode_bytes(text.encode("cp1251"), "a.txt") == text


def test_line_endings_are_normalised():
    assert decode_bytes(b"eins\r\nzwei\rdrei\n", "a.txt") == "eins\nzwei\ndrei\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary content"),
        (
            GERMAN.encode("utf-8") + b"\xff\xfe\xfa" + GERMAN.encode("utf-8"),
            "invalid UTF-8 at byte",
        ),
        (GERMAN.encode("utf-8")[:10] + b"\xc3", "invalid UTF-8"),  # cut off mid-character
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "invalid UTF-16"),
    ],
    ids=["empty", "blank", "binary", "invalid-utf8", "truncated-utf8", "broken-utf16"],
)
def test_bad_bytes_are_refused_with_a_reason_naming_the_file(data, reason):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "dir/bad.txt")
    assert reason in str(info.value)
    assert str(info.value).startswith("dir/bad.txt: ")


def test_record_errors_name_the_line():
    with pytest.raises(InputError) as info:
        decode_bytes(b"", "feed.jsonl", 7)
    assert str(info.value) == "feed.jsonl:7: empty record"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_any_utf8_text_round_trips(text):
    assume(text.strip())
    assert decode_bytes(text.encode("utf-8"), "p.txt") == text
