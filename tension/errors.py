"""The exception hierarchy of :mod:`tension`: everything we raise derives from :class:`TensionError`."""

from __future__ import annotations

from dataclasses import dataclass


class TensionError(Exception):
    """Base class of every error raised on purpose by ``tension``."""


class InputError(TensionError, ValueError):
    """The caller passed a value we cannot use; the message names the argument, the value and the fix."""


@dataclass(frozen=True)
class LexiconProblem:
    """One problem found in a lexicon file: where it is, what is wrong, how to fix it."""

    file: str
    line: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        tail = f" Fix: {self.fix}" if self.fix else ""
        return f"{self.file}:{self.line}: {self.message}.{tail}"


class LexiconError(TensionError):
    """A lexicon folder failed validation. ``problems`` lists every problem found, not only the first."""

    def __init__(self, problems: list[LexiconProblem]):
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in lexicon files:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
