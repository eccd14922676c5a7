"""Counts for HR: how many of a team are in the office, at home and not working each day, with no group smaller
than the organisation's threshold shown as a number. The team agreement writes them; the team counts page adds
many teams' together. Both read this one description of the file."""

from __future__ import annotations

from typing import Any

FORMAT = "toolkit-counts"
VERSION = 1
PLACES = ("office", "home", "elsewhere", "off")  # each day's groups; desks needed is the office's number
WORDS = {"office": "In the office", "home": "At home", "elsewhere": "Elsewhere", "off": "Not working"}


def fewer(smallest: int) -> str:
    return f"fewer than {smallest}"


def shown(n: int, smallest: int) -> int | str:
    """A group's size as the counts show it: none is 0, a group smaller than `smallest` is "fewer than 5"."""
    return n if n == 0 or n >= smallest else fewer(smallest)


def bounds(value: Any, smallest: int) -> tuple[int, int] | None:
    """The least and most a shown count can stand for ((1, 4) for "fewer than 5"), or None if it is not one."""
    if value == fewer(smallest):
        return 1, smallest - 1
    if isinstance(value, int) and not isinstance(value, bool) and (value == 0 or smallest <= value <= 10_000):
        return value, value
    return None


def words(lo: int, hi: int) -> str:
    """A total that may hold suppressed groups: "12", or "12 to 15"."""
    return str(lo) if lo == hi else f"{lo} to {hi}"
