"""Where documents come from: files, folders, gzip, JSON Lines and standard input.

Sources turn paths into a stream of :class:`RawDocument` (decoded text or HTML
plus the metadata a JSON record carries) and :class:`Rejection` (why an input
could not be read). Nothing is collected up front: folders are walked lazily in
sorted order (so every run sees the same order, which idempotent re-runs and
kill-and-resume rely on) and JSONL is read one bounded line at a time, so memory
does not grow with the corpus.

Supported: ``.txt``, ``.html``/``.htm``, ``.json`` (one record or an array of
records), ``.jsonl``/``.ndjson`` (one record per line), each optionally ``.gz``;
``-`` reads standard input and sniffs the format (gzip, JSON, HTML or text).
A record has ``text`` or ``html`` and optional ``url``, ``title``,
``published``, ``outlet`` and ``author``.

The size limit applies per document: a whole ``.txt``/``.html``/``.json`` file,
or one JSONL line (a corpus may well be one multi-gigabyte JSONL file).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Literal

from parley.errors import InputError
from parley.ingest.decoding import decode_bytes

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
STDIN = "-"
STDIN_NAME = "<stdin>"

Format = Literal["text", "html", "json", "jsonl"]
_SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
HINT_FIELDS = ("url", "title", "published", "outlet", "author")
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read, before any cleaning."""

    source: str  # the path as given, or "<stdin>"
    line: int | None  # JSONL line, or record number in a JSON array
    content: str
    kind: Literal["text", "html"]
    hints: dict[str, str] = field(default_factory=dict)

    @property
    def location(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that is not an article, with a reason a person can act on."""

    source: str
    line: int | None
    reason: str

    @classmethod
    def of(cls, error: InputError) -> Rejection:
        return cls(error.source, error.line, error.reason)

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file inside a folder that is not a news format (a README, an image…).

    Reported, so every input is accounted for, but not an error: corpus folders
    routinely hold such files.
    """

    source: str
    reason: str = "not a news format (.txt/.html/.json/.jsonl)"


Item = RawDocument | Rejection | Skipped
ProgressCallback = Callable[[int], None]


def format_of(path: str) -> Format | None:
    """The format a file name announces (``.gz`` looked through), else ``None``."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return _SUFFIXES.get(os.path.splitext(name)[1])


def iter_paths(paths: Iterable[str]) -> Iterator[str | Rejection | Skipped]:
    """Files under ``paths`` in a stable order; folders recursively, hidden entries ignored.

    Explicitly named files are read whatever their suffix (the format is then
    sniffed); inside folders, files of other types are reported as skipped.
    """
    for path in paths:
        if path == STDIN:
            yield path
            continue
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            yield Rejection(path, None, "no such file or directory")
            continue
        except OSError as exc:
            yield Rejection(path, None, f"cannot access: {exc.strerror}")
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        else:
            yield path


def _walk(folder: str) -> Iterator[str | Rejection | Skipped]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Rejection(folder, None, f"cannot list folder: {exc.strerror}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry.path)
        elif format_of(entry.name) is None:
            yield Skipped(entry.path)
        else:
            yield entry.path


def scan(paths: Iterable[str]) -> tuple[int, int]:
    """Count files and on-disk bytes under ``paths`` (for a progress bar's total)."""
    files = size = 0
    for item in iter_paths(paths):
        if isinstance(item, str) and item != STDIN:
            files += 1
            with contextlib.suppress(OSError):
                size += os.stat(item).st_size
    return files, size


def iter_documents(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    on_bytes: ProgressCallback | None = None,
) -> Iterator[Item]:
    """Every document (or rejection) under ``paths``, streamed in a stable order.

    ``on_bytes`` is told how many on-disk bytes have been consumed, for progress.
    """
    report = on_bytes or (lambda _n: None)
    for item in iter_paths(paths):
        if isinstance(item, Rejection | Skipped):
            yield item
        elif item == STDIN:
            stream = stdin if stdin is not None else _stdin()
            yield from _read_stream(STDIN_NAME, stream, None, max_bytes, lambda: None)
        else:
            yield from _read_file(item, max_bytes, report)


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def _read_file(path: str, max_bytes: int, report: ProgressCallback) -> Iterator[Item]:
    fmt = format_of(path)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below, read lazily
    except OSError as exc:
        yield Rejection(path, None, f"cannot read: {exc.strerror}")
        return
    done = 0

    def progress() -> None:
        nonlocal done
        position = raw.tell()
        report(position - done)
        done = position

    with raw:
        size = os.fstat(raw.fileno()).st_size
        is_gzip = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        if not is_gzip and fmt != "jsonl" and size > max_bytes:
            yield Rejection(path, None, f"file too large ({size:,} bytes > limit {max_bytes:,})")
            report(size)
            return
        stream: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb") if is_gzip else raw
        yield from _read_stream(path, stream, fmt, max_bytes, progress)
        report(size - done)


def _read_stream(
    source: str,
    stream: BinaryIO,
    fmt: Format | None,
    max_bytes: int,
    progress: Callable[[], None],
) -> Iterator[Item]:
    try:
        if fmt is None:
            stream, fmt = _sniff(stream)
        if fmt == "jsonl":
            yield from _read_jsonl(source, stream, max_bytes, progress)
            return
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(source, f"document too large (over the limit of {max_bytes:,} bytes)")
        if fmt == "json":
            yield from _read_json(source, data)
        else:
            yield RawDocument(source, None, decode_bytes(data, source), fmt)
    except InputError as exc:
        yield Rejection.of(exc)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Rejection(source, None, f"corrupt gzip data: {exc}")
    except OSError as exc:
        yield Rejection(source, None, f"cannot read: {exc.strerror or exc}")
    finally:
        progress()


def _sniff(stream: BinaryIO) -> tuple[BinaryIO, Format]:
    """Guess the format of an unnamed stream from its first bytes."""
    head = stream.read(_CHUNK)
    if head.startswith(_GZIP_MAGIC):
        inner = gzip.GzipFile(fileobj=io.BufferedReader(_Prefixed(head, stream)), mode="rb")
        return _sniff(inner)
    stream = io.BufferedReader(_Prefixed(head, stream))
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"{":
        return stream, "jsonl"
    if start == b"[":
        return stream, "json"
    if start == b"<":
        return stream, "html"
    return stream, "text"


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read, then continues with the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_jsonl(
    source: str, stream: BinaryIO, max_bytes: int, progress: Callable[[], None]
) -> Iterator[Item]:
    for number, line in _bounded_lines(stream, max_bytes):
        if line is None:
            yield Rejection(
                source, number, f"record too large (over the limit of {max_bytes:,} bytes)"
            )
        elif line.strip():
            try:
                text = decode_bytes(line.rstrip(b"\r\n"), source, number)
                yield _record(source, number, _parse_json(text, source, number))
            except InputError as exc:
                yield Rejection.of(exc)
        progress()


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Lines of at most ``max_bytes``; a longer line is skipped and yielded as ``None``."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
            yield number, None
        else:
            yield number, line


def _read_json(source: str, data: bytes) -> Iterator[Item]:
    value = _parse_json(decode_bytes(data, source), source, None)
    if isinstance(value, list):
        for number, record in enumerate(value, start=1):
            try:
                yield _record(source, number, record)
            except InputError as exc:
                yield Rejection.of(exc)
    else:
        yield _record(source, None, value)


def _parse_json(text: str, source: str, line: int | None) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            source,
            f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
            if line is None
            else f"malformed JSON: {exc.msg} (column {exc.colno})",
            line,
        ) from None
    except RecursionError:
        raise InputError(source, "malformed JSON: nested too deeply", line) from None


def _record(source: str, line: int | None, value: object) -> RawDocument:
    if not isinstance(value, dict):
        raise InputError(source, f"record is a JSON {type(value).__name__}, not an object", line)
    hints: dict[str, str] = {}
    for key in HINT_FIELDS:
        hint = value.get(key)
        if hint is None:
            continue
        if not isinstance(hint, str):
            raise InputError(source, f"field '{key}' must be a string", line)
        if hint.strip():
            hints[key] = hint.strip()
    for key, kind in (("text", "text"), ("html", "html")):
        content = value.get(key)
        if content is None:
            continue
        if not isinstance(content, str):
            raise InputError(source, f"field '{key}' must be a string", line)
        if not content.strip():
            raise InputError(source, f"field '{key}' is empty", line)
        return RawDocument(source, line, content.replace("\r\n", "\n"), kind, hints)
    raise InputError(source, "record has neither 'text' nor 'html'", line)
