"""A flexible working request: what the employee asks for, as every tool on the path reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..forms import DAYS

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # the week's fields: request.week.mon
PLACES = (
    ("", "No change"),
    ("office", "In the office"),
    ("home", "At home"),
    ("either", "Office or home, as the work needs"),
    ("off", "Not working"),
)
PLACE_WORDS = {"office": "in the office", "home": "at home", "either": "in the office or at home, as the work needs",
               "off": "not working"}
PREVIOUS_STATES = (("decided", "Decided"), ("withdrawn", "Withdrawn"), ("open", "Still being decided"))


@dataclass(frozen=True)
class Previous:
    index: int
    made: date
    state: str  # decided, withdrawn, open


@dataclass(frozen=True)
class Request:
    employee: str
    manager: str  # who it is addressed to; may be empty
    made: date  # the date the request carries
    hours_now: float | None
    hours_asked: float | None  # a week
    start_time: int | None  # minutes after midnight
    finish_time: int | None
    week: tuple[tuple[str, str], ...]  # (day, place) for the days the pattern changes
    change_words: str  # the change in the employee's own words
    start_date: date  # when the change should start
    previous: tuple[Previous, ...]
    employed_since: date | None
    how_it_works: str
    trial: bool
    trial_weeks: int | None
    reason: str
    health_or_care: bool  # linked to a disability, a health condition or caring: more than a flexible working request
    kind: str = ""  # the kind of request, where the law has more than one (Ireland: "remote" or "caring")
    circumstance: str = ""  # the law's listed circumstance it rests on (Australia; Ireland's caring): "c1", …

    def change_lines(self, words: bool = True) -> list[str]:
        """The change asked for, one plain sentence each (typed text included as typed: escape it to render).
        Without `words`, the change in the employee's own words is left for the caller to set as paragraphs."""
        lines = []
        if self.hours_asked is not None:
            now = f", from {_hours(self.hours_now)} now" if self.hours_now is not None else ""
            lines.append(f"Hours: {_hours(self.hours_asked)} a week{now}.")
        if self.start_time is not None and self.finish_time is not None:
            lines.append(f"Times: starting at {_clock(self.start_time)} and finishing at {_clock(self.finish_time)}.")
        for day, place in self.week:
            lines.append(f"{day}: {PLACE_WORDS[place]}.")
        if self.change_words and words:
            lines.append(" ".join(self.change_words.split()))
        return lines


def _hours(value: float | None) -> str:
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text} hour{'' if value == 1 else 's'}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def day_name(key: str) -> str:
    return DAYS[DAY_KEYS.index(key)]
