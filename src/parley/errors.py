"""Errors that the CLI turns into one readable line instead of a traceback."""

from __future__ import annotations


class ParleyError(Exception):
    """An expected failure caused by the user's input or environment.

    The CLI prints ``str(error)`` (which should name the file and the problem)
    and exits non-zero; anything else is a bug and keeps its traceback.
    """


class InputError(ParleyError):
    """A source file or record that cannot be read as an article."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")
