"""The decision record's vocabulary and the model validate builds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..flexible_working.letters import Letter
from ..flexible_working.model import Request
from ..flexible_working.reading import Standing
from ..flexible_working.rules import Rules, Steps
from ..flexible_working.timeline import Event

OUTCOMES = (
    ("", "Not decided yet"),
    ("accept", "Accept the request as asked"),
    ("accept_changes", "Accept it with changes agreed with the employee"),
    ("trial", "Agree a trial first"),
    ("refuse", "Refuse it"),
    ("withdrawn", "Withdrawn by the employee"),
    ("treated_withdrawn", "Treated as withdrawn: two meetings missed without good reason"),
)
COMPANION = (
    ("", "Not offered yet"),
    ("accepted", "Offered: they will bring a companion"),
    ("declined", "Offered: they chose to come alone"),
)
MISSED = (("0", "None"), ("1", "One"), ("2", "Two or more"))
LASTING = (("permanent", "Permanent: a change to the contract"), ("until", "For a set time, until a date"))
APPEAL_OUTCOMES = (("", "Not decided yet"), ("upheld", "Upheld: the request is accepted"),
                   ("dismissed", "Dismissed: the decision stands"))
MAX_MEASURES = 8
# Which way a measure is better is asked, never guessed: "Emails answered the same day" is a response, and more is
# better; "Hours to answer" is one too, and fewer is better.
BETTER = (("", "Choose one"), ("higher", "Higher is better"), ("lower", "Lower is better"))


@dataclass(frozen=True)
class Measure:
    name: str
    baseline: str
    target: str
    better: str = ""  # "higher" or "lower"


@dataclass(frozen=True)
class Trial:
    start: date
    weeks: int
    review_every: int
    success: str
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class Appeal:
    received: date
    by: str
    meeting: date | None
    outcome: str
    decided_on: date | None
    reasons: str


@dataclass(frozen=True)
class Decision:
    request: Request
    standing: Standing
    rules: Rules
    org: dict[str, Any]
    today: date
    received: date
    acknowledged: date | None
    meeting: date | None
    meeting_time: int | None
    meeting_place: str
    companion: str
    missed: int
    consulted: date | None
    extended_to: date | None
    extension_agreed_on: date | None
    outcome: str
    decided_on: date | None
    changes: str
    start: date | None  # when the agreed change starts
    lasting: str
    until: date | None
    grounds: tuple[str, ...]  # keys of rules.grounds
    explanation: str
    alternatives: str
    reasonable: str  # why refusing is reasonable (Employment Rights Act 2025: good practice until it commences)
    trial: Trial | None
    appeal: Appeal | None
    confirmed_on: date | None
    notes: tuple[tuple[str, str], ...]  # to check, beside their fields: they do not stop the record


@dataclass(frozen=True)
class Result:
    """What compute makes of a decision: the dates, what is missing and the letters."""

    decision: Decision
    decide_by: date | None  # the period's end, as extended
    trial_end: date | None  # the trial's last day
    proposed_extension: date | None  # a month past the trial: room to review it, decide and hear an appeal
    reviews: tuple[date, ...]
    confirm_by: date | None  # the written confirmation of a contract change
    events: tuple[Event, ...]
    missing: tuple[str, ...]
    next_date: Event | None
    letters: tuple[Letter, ...]
    warnings: tuple[tuple[str, str], ...]  # notes found here (dates late, a trial past the deadline)
    due_by_law: date | None = None  # the date the rules set, before any extension: what letters dated earlier say

    def due_on(self, day: date | None) -> date | None:
        """The decision's due date as it stood on `day`: an extension counts from the day it was agreed."""
        d = self.decision
        if d.extended_to and d.extension_agreed_on and day and d.extension_agreed_on <= day:
            return d.extended_to
        return self.due_by_law if d.extended_to else self.decide_by


def last_day_to_appeal(d: Decision, steps: Steps) -> date | None:
    """Where the law times the appeal (NI): 14 days after the day notice of the decision is given, taken here as the
    day the decision letter is dated (hand it over or send it that day)."""
    return d.decided_on + timedelta(days=steps.appeal) if d.decided_on else None
