"""The one clock the toolkit reads: today's date as the reader's own computer has it.

The page sends its local date with each question (the worker's clock may be in UTC), and tests pin it, so no
answer and no test depends on the day it runs."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from typing import Iterator

_pinned: date | None = None


def today() -> date:
    """The date the toolkit works to: the pinned one if any, else the machine's."""
    return _pinned or date.today()


@contextmanager
def pinned(day: date | None) -> Iterator[None]:
    """Work to `day` inside the block (None changes nothing): one request, or one test."""
    global _pinned
    before, _pinned = _pinned, day or _pinned
    try:
        yield
    finally:
        _pinned = before


def read(value: object) -> date | None:
    """A date the page sent (YYYY-MM-DD); None for anything else, so a bad value falls back to the machine's."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None
