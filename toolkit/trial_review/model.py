"""The trial review's vocabulary: the choices its form offers, what validate builds and what compute returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..flexible_working.letters import Letter
from ..flexible_working.rules import Rules
from ..flexible_working.timeline import Event

KINDS = (
    ("outputs", "Outputs (work done)"),
    ("service_level", "Service level"),
    ("response_time", "Response time"),
    ("well_being", "Well-being"),
    ("other", "Other"),
)
# Never guessed: a row starts on "Choose one", and the review waits for the two people to say.
BETTER = (("", "Choose one"), ("higher", "Higher is better"), ("lower", "Lower is better"))
# Nothing is chosen until the two people say what they agreed: the outcome letter has legal weight, so none is
# drafted from a default. Adjusting is listed first, and an unanswered outcome never reads as ending the trial.
NO_OUTCOME = ""
OUTCOMES = (
    ("adjust", "Adjust the pattern and carry on"),
    ("confirm", "Make the arrangement permanent"),
    ("extend", "Extend the trial to a new end date"),
    ("end", "End the trial and return to the earlier pattern"),
)
BASES = (
    ("", "Choose one"),
    ("measures", "The measures we agreed were not met"),
    ("work", "The needs of the work (cover, service, the team)"),
)
# What could be adjusted instead of ending, by what fell short: the seeds' "adjust, don't sanction".
ADJUST_INSTEAD = {
    "outputs": "move the work that needs quiet to the days away from the office, and the work that needs others "
               "to the office days",
    "service_level": "agree who covers the service on the days away from the office, or move an office day to "
                     "the busiest day",
    "response_time": "agree set times in the day to answer messages, or share an inbox so that someone else can "
                     "answer",
    "well_being": "change the hours or the days, add regular contact with the team, or check the set-up at home",
    "other": "change the days, the hours or how the work is shared",
    "work": "change which days are in the office, share the cover differently, or try different hours",
}


def label(options: tuple[tuple[str, str], ...], value: str) -> str:
    return dict(options).get(value, value)


@dataclass(frozen=True)
class Measure:
    index: int  # its row, from 0: notes point back to it
    name: str
    kind: str  # a KINDS value
    unit: str  # typed, may be empty: "invoices a week", "hours"
    baseline: float
    target: float
    actual: float | None  # None until measured
    better: str  # "higher" or "lower"


@dataclass(frozen=True)
class Review:
    index: int
    day: date
    notes: str  # who attended, and what was said


@dataclass(frozen=True)
class Trial:
    """The validated input. Typed text is kept as typed: escaped where it is rendered."""

    employee: str
    manager: str
    pattern: str
    success: str
    start: date
    end: date
    decide_by: date | None  # the decision period's end, any agreed extension included
    reviews: tuple[Review, ...]  # in date order
    measures: tuple[Measure, ...]
    employee_notes: str
    manager_notes: str
    outcome: str  # an OUTCOMES value, or NO_OUTCOME ("") until one is chosen: then there is no letter
    decided: date  # the date the outcome was agreed
    changes: str  # what is adjusted (adjust, extend)
    next_review: date | None  # adjust, confirm
    new_end: date | None  # extend
    basis: str  # end: "measures" or "work"
    reason: str  # end
    effective: date  # when the outcome takes effect
    rules: Rules
    org: dict[str, Any]
    today: date
    notes: tuple[tuple[str, str], ...]  # things to check found while reading, beside their fields


# ---------------------------------------------------------------- the result

@dataclass(frozen=True)
class Reading:
    """One measure read against its target."""

    measure: Measure
    state: str  # "met", "not_met" or "unmeasured"
    change: float | None  # actual - baseline, None until measured
    change_words: str  # "up 23 (24%), better"


@dataclass(frozen=True)
class Result:
    trial: Trial
    readings: tuple[Reading, ...]
    overall: str  # the picture in one sentence
    held: tuple[Review, ...]  # reviews on or before today
    to_come: tuple[Review, ...]
    events: tuple[Event, ...]
    extension: str  # why the decision period must be extended in writing; "" when it need not be
    latest: date  # the last date the trial reaches
    confirm_by: date | None  # confirm: the written statement of the change is due by then
    suggestions: tuple[str, ...]  # end: what could be adjusted instead
    extended_to: date | None  # the decision period as this review's letter extends it; None when it does not
    letter: Letter | None  # None until an outcome is chosen
    notes: tuple[tuple[str, str], ...]
