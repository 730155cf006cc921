"""Sources: every supported format, gzip, stdin, folders, and each way a source can be bad."""

import gzip
import io
import json
import os

import pytest

from parley.ingest.sources import RawDocument, Rejection, Skipped, iter_documents

HTML = (
    "<html><head><title>Gespräche in Genf</title></head><body>"
    "<article><p>{}</p></article></body></html>"
)


def read(*paths, **kwargs):
    return list(iter_documents([str(p) for p in paths], **kwargs))


def test_plain_text_file(tmp_path, prose):
    (tmp_path / "a.txt").write_text(prose(1), encoding="utf-8")
    [doc] = read(tmp_path / "a.txt")
    assert doc == RawDocument(str(tmp_path / "a.txt"), None, prose(1), "text")


def test_html_file_is_marked_html(tmp_path, prose):
    (tmp_path / "a.htm").write_text(HTML.format(prose(1)), encoding="utf-8")
    [doc] = read(tmp_path / "a.htm")
    assert doc.kind == "html" and "<article>" in doc.content


def test_jsonl_records_carry_metadata_hints_and_line_numbers(tmp_path, prose):
    lines = [
        json.dumps({"text": prose(1), "url": "https://example.org/a", "title": "A", "x": 1}),
        "",
        json.dumps({"html": HTML.format(prose(2)), "outlet": "Example", "published": None}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = read(tmp_path / "feed.jsonl")
    assert (first.line, first.kind, first.hints) == (
        1,
        "text",
        {"url": "https://example.org/a", "title": "A"},
    )
    assert (second.line, second.kind, second.hints) == (3, "html", {"outlet": "Example"})
    assert first.location == f"{tmp_path / 'feed.jsonl'}:1"


def test_json_file_with_one_record_or_an_array(tmp_path, prose):
    (tmp_path / "one.json").write_text(json.dumps({"text": prose(1)}), encoding="utf-8")
    (tmp_path / "many.json").write_text(
        json.dumps([{"text": prose(2)}, {"title": "no text"}, {"text": prose(3)}]),
        encoding="utf-8",
    )
    items = read(tmp_path / "many.json", tmp_path / "one.json")
    assert [type(i).__name__ for i in items] == [
        "RawDocument",
        "Rejection",
        "RawDocument",
        "RawDocument",
    ]
    assert items[1] == Rejection(
        str(tmp_path / "many.json"), 2, "record has neither 'text' nor 'html'"
    )
    assert items[3].line is None and items[3].content == prose(1)


@pytest.mark.parametrize("name", ["a.txt.gz", "a.html.gz", "a.jsonl.gz", "a.json.gz"])
def test_gzip_versions_of_each_format(tmp_path, prose, name):
    text = prose(5)
    payload = {
        "a.txt.gz": text,
        "a.html.gz": HTML.format(text),
        "a.jsonl.gz": json.dumps({"text": text}) + "\n",
        "a.json.gz": json.dumps({"text": text}),
    }[name]
    (tmp_path / name).write_bytes(gzip.compress(payload.encode("utf-8")))
    [doc] = read(tmp_path / name)
    assert isinstance(doc, RawDocument)
    assert text.strip() in doc.content


def test_folders_are_walked_recursively_in_sorted_order(tmp_path, prose):
    for rel in ["b/z.txt", "b/a.txt", "a.txt", ".hidden/x.txt", "b/.x.txt", "c/notes.pdf"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(prose(len(rel)), encoding="utf-8")
    items = read(tmp_path)
    names = [os.path.relpath(i.source, tmp_path) for i in items]
    assert names == ["a.txt", "b/a.txt", "b/z.txt", "c/notes.pdf"]
    assert isinstance(items[-1], Skipped)


def test_stdin_is_sniffed_as_text_jsonl_or_gzip(prose):
    text = prose(1)
    record = json.dumps({"text": text, "outlet": "Wire"})
    for data, kind, hints in [
        (text.encode(), "text", {}),
        ((record + "\n" + record + "\n").encode(), "text", {"outlet": "Wire"}),
        (gzip.compress(text.encode("cp1252")), "text", {}),
        (HTML.format(text).encode(), "html", {}),
    ]:
        docs = read("-", stdin=io.BytesIO(data))
        assert docs and all(d.source == "<stdin>" and d.kind == kind for d in docs)
        assert docs[0].hints == hints


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "unterminated', "malformed JSON: Unterminated string"),
        ("[1, 2]", "record is a JSON list, not an object"),
        ('{"title": "no body"}', "record has neither 'text' nor 'html'"),
        ('{"text": 42}', "field 'text' must be a string"),
        ('{"text": "   "}', "field 'text' is empty"),
        ('{"text": "ok text", "published": 2025}', "field 'published' must be a string"),
    ],
)
def test_bad_jsonl_lines_are_rejected_with_file_and_line_and_the_rest_is_read(
    tmp_path, prose, line, reason
):
    good = json.dumps({"text": prose(1)})
    (tmp_path / "feed.jsonl").write_text(f"{good}\n{line}\n{good}\n", encoding="utf-8")
    first, bad, last = read(tmp_path / "feed.jsonl")
    assert isinstance(first, RawDocument) and isinstance(last, RawDocument)
    assert (bad.source, bad.line) == (str(tmp_path / "feed.jsonl"), 2)
    assert reason in bad.reason
    assert str(bad).startswith(f"{tmp_path / 'feed.jsonl'}:2: ")


def test_size_limit_applies_per_file_and_per_jsonl_line(tmp_path, prose):
    (tmp_path / "big.txt").write_text("x" * 500, encoding="utf-8")
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(b"y" * 500))
    records = [
        json.dumps({"text": "kurz"}),
        json.dumps({"text": "z" * 400}),
        json.dumps({"text": "auch"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    items = read(tmp_path, max_bytes=100)
    summary = [
        (os.path.basename(i.source), getattr(i, "line", None), type(i).__name__) for i in items
    ]
    assert summary == [
        ("big.txt", None, "Rejection"),
        ("big.txt.gz", None, "Rejection"),
        ("feed.jsonl", 1, "RawDocument"),
        ("feed.jsonl", 2, "Rejection"),
        ("feed.jsonl", 3, "RawDocument"),
    ]
    assert "too large" in items[0].reason and "100" in items[0].reason


def test_missing_unreadable_and_corrupt_inputs_are_rejected(tmp_path, prose):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(prose(1).encode())[:30])
    (tmp_path / "empty.txt").write_bytes(b"")
    items = read(tmp_path, tmp_path / "nothing-here.txt")
    reasons = {os.path.basename(i.source): i.reason for i in items}
    assert reasons == {
        "broken.txt.gz": reasons["broken.txt.gz"],
        "dangling.txt": "cannot read: No such file or directory",
        "empty.txt": "empty file",
        "nothing-here.txt": "no such file or directory",
    }
    assert reasons["broken.txt.gz"].startswith("corrupt gzip data")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission_is_rejected(tmp_path, prose):
    path = tmp_path / "secret.txt"
    path.write_text(prose(1), encoding="utf-8")
    path.chmod(0)
    [item] = read(path)
    assert item.reason == "cannot read: Permission denied"


def test_progress_reports_every_byte_on_disk(tmp_path, prose):
    (tmp_path / "a.txt").write_text(prose(1), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": prose(2)}) + "\n\n", encoding="utf-8")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(prose(3).encode()))
    seen = []
    read(tmp_path, on_bytes=seen.append)
    assert sum(seen) == sum(p.stat().st_size for p in tmp_path.iterdir())
