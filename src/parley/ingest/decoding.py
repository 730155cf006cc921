"""Bytes to text: the first place scraped input goes wrong.

Scraped news arrives as UTF-8 mostly, but also as Windows-1252 or Latin-1 from
older CMSs, as UTF-16 from Windows tools, truncated or spliced UTF-8, and now and
then as a binary that merely has a ``.txt`` name. Legacy encodings are decoded
(charset-normalizer picks among a few plausible ones); input that is damaged or
not text is refused with a reason, never turned into mojibake.

The rule that separates "legacy encoding" from "damaged UTF-8": a file that
contains valid UTF-8 multi-byte sequences *and* invalid bytes was written as
UTF-8 and then broken; a file with high bytes but no valid UTF-8 sequence at all
was written in an 8-bit code page.
"""

from __future__ import annotations

import codecs
import re

from parley.errors import InputError

#: Code pages worth considering for news text in de, en, fr, ru, uk. Restricting
#: charset-normalizer to these keeps it from "detecting" exotic encodings on a
#: short German text with three umlauts.
LEGACY_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1250", "cp1251", "koi8_r", "koi8_u")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# A well-formed UTF-8 multi-byte sequence (2-, 3- or 4-byte).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# C0 control characters that never occur in text (tab, LF, FF, CR and ESC excluded).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_SNIFF = 8192


def decode_bytes(data: bytes, source: str, line: int | None = None) -> str:
    """Decode one document's bytes to ``str`` or raise :class:`InputError`.

    Line endings are normalised to ``\\n`` so character offsets are stable
    whatever platform wrote the file.
    """
    if not data.strip():
        raise InputError(source, "empty file" if line is None else "empty record", line)
    text = _decode(data, source, line)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "no text after decoding", line)
    return text


def _decode(data: bytes, source: str, line: int | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"invalid {encoding.upper()} after byte-order mark: {exc.reason}", line
                ) from None
    head = data[:_SNIFF]
    if b"\x00" in head or len(_CONTROL.findall(head)) > max(2, len(head) // 100):
        raise InputError(source, "binary content, not text", line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            raise InputError(
                source, f"invalid UTF-8 at byte {exc.start}: {exc.reason}", line
            ) from None
    return _decode_legacy(data, source, line)


def _decode_legacy(data: bytes, source: str, line: int | None) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise InputError(source, "not UTF-8 and no known legacy encoding fits", line)
    return str(best)
