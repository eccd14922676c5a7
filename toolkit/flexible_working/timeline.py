"""A request's dates drawn on one line: what has happened, what is due and when, at a glance. The table under
it says the same in words (toolkit.svg's rule: a figure summarises, the table stays)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..svg import Figure, fit
from ..documents import date_words, table
from ..safe import esc

WIDTH, LEFT, RIGHT = 640, 20, 20
ROW_H = 30
# "met": a deadline still to come that was met early. A date after the day a document is dated is never "Done".
# "extended": a deadline moved by agreement to a later date, which has its own event.
MARKS = {"done": "solid", "met": "solid", "due": "none", "planned": "hatch", "late": "cross", "extended": "dots"}
STATE_WORDS = {"done": "Done", "met": "Met", "due": "Due", "planned": "Planned", "late": "Late",
               "extended": "Extended"}


@dataclass(frozen=True)
class Event:
    day: date
    what: str  # our own words, possibly with a typed name in them: escaped when drawn
    state: str  # done, met, due, planned, late, extended


def figure(key: str, title: str, events: list[Event], colour: str) -> str:
    """The dates as a line with a mark for each, labels in rows so none overlaps; '' with fewer than two."""
    events = sorted(events, key=lambda e: e.day)
    if len(events) < 2:
        return ""
    first, last = events[0].day, events[-1].day
    span = max((last - first).days, 1)
    usable = WIDTH - LEFT - RIGHT
    rows: list[float] = []  # the right edge of the last label in each row
    placed = []
    for ev in events:
        x = LEFT + usable * (ev.day - first).days / span
        # Each label as long as it needs (rows keep them apart): "decision due, appeal included" cut short said
        # something else.
        label = fit(f"{ev.day.day} {date_words(ev.day).split()[1][:3]}: {ev.what}", WIDTH - LEFT - RIGHT, 11)
        width = len(label) * 6.1
        left = min(max(x - 4, LEFT), WIDTH - RIGHT - width)
        row = next((i for i, edge in enumerate(rows) if left > edge + 8), len(rows))
        if row == len(rows):
            rows.append(0)
        rows[row] = left + width
        placed.append((ev, x, left, row, label))
    axis = 24
    height = axis + 16 + len(rows) * ROW_H
    fig = Figure(key, WIDTH, height, title,
                 f"{len(events)} dates from {date_words(first)} to {date_words(last)}, each marked done, met, "
                 + ("due, planned, late or extended" if any(ev.state == "extended" for ev in events) else
                    "due, planned or late") + ". The table below lists them in words.", colour)
    fig.line(LEFT, axis, WIDTH - RIGHT, axis)
    for ev, x, left, row, label in placed:
        y = axis + 16 + row * ROW_H
        fig.line(x, axis, x, y + 2, dash=True)
        fig.rect(x - 6, axis - 6, 12, 12, fig.pattern(MARKS[ev.state]),
                 tip=f"{date_words(ev.day)}: {ev.what} ({STATE_WORDS[ev.state].lower()})")
        fig.text(left, y + 16, label, size=11, bold=ev.state in ("due", "late"))
    return fig.svg()


def drawn(key: str, title: str, caption: str, events: list[Event], org: dict) -> str:
    """The dates drawn in the organisation's colour, with the table that says them in words."""
    from ..org import primary_colour

    return figure(key, title, events, primary_colour(org)) + dates_table(caption, events)


def dates_table(caption: str, events: list[Event]) -> str:
    rows = [(esc(date_words(ev.day)), [esc(ev.what), esc(STATE_WORDS[ev.state])])
            for ev in sorted(events, key=lambda e: e.day)]
    return table(esc(caption), ("Date", "What", "State"), rows)
