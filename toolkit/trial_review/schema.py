"""The trial review's form, declared once: the page renders it, the example fills it, a decision record prefills it."""

from __future__ import annotations

from typing import Any

from .. import tools
from ..forms import Field, Group, Repeat, ToolForm
from .model import BASES, BETTER, KINDS, OUTCOMES

NAME = "trial_review"
NAME_LIMIT = 80
MEASURE_LIMIT = 120  # as long as the decision record lets a measure's name be
WORDS_LIMIT = 2000
NOTE_LIMIT = 500
UNIT_LIMIT = 40
FIGURE_LIMIT = 20  # a baseline, target or actual as typed
MAX_REVIEWS = 26  # a review every fortnight for a year
MAX_MEASURES = 8


def form(org: dict[str, Any]) -> ToolForm:
    review = (
        Field("date", "Review date", kind="date", width="s", hint="e.g. 2026-09-25 or 25/9/2026."),
        Field("notes", "Who took part, and notes (optional)", kind="textarea", max_length=NOTE_LIMIT),
    )
    measure = (
        Field("name", "Measure", width="l", max_length=MEASURE_LIMIT,
              hint="e.g. “Invoices processed a week”, “Replies to budget holders”."),
        Field("kind", "Kind of measure", kind="select", options=KINDS, default="outputs"),
        Field("unit", "Unit (optional)", width="m", max_length=UNIT_LIMIT, hint="e.g. “hours”, “out of 10”."),
        Field("baseline", "Baseline (before the trial)", kind="number", width="s", max_length=FIGURE_LIMIT),
        Field("target", "Target", kind="number", width="s", max_length=FIGURE_LIMIT),
        Field("actual", "Actual (leave empty until measured)", kind="number", width="s", max_length=FIGURE_LIMIT),
        Field("better", "Which way is better", kind="select", options=BETTER, default="",
              hint="Higher for work done or replies on time; lower for hours to reply or errors."),
    )
    fields: list[Any] = [
        Group("Who", (
            Field("people.employee", "Employee's name", width="m", max_length=NAME_LIMIT),
            Field("people.manager", "Manager's name", width="m", max_length=NAME_LIMIT),
        )),
        Group("The trial", (
            Field("trial.pattern", "The pattern being tried", kind="textarea", max_length=WORDS_LIMIT,
                  hint="Days, hours and places, e.g. “Home on Monday and Wednesday, office Tuesday to Thursday, "
                       "08:00 to 16:00.”"),
            Field("trial.success", "What success looks like (optional)", kind="textarea", max_length=WORDS_LIMIT),
            Field("trial.start", "Trial start date", kind="date", width="s", hint="e.g. 2026-08-03 or 3/8/2026."),
            Field("trial.end", "Trial end date", kind="date", width="s"),
            Field("trial.decide_by", "Decision due by (from the decision record, including any agreed extension)",
                  kind="date", width="s",
                  hint="Optional. A trial that runs past it needs the decision period extended in writing."),
        ), hint="Load the decision record's JSON file to fill this in from the trial it set up."),
        Repeat("reviews", "Review dates", "review", review, min_rows=1, max_rows=MAX_REVIEWS,
               hint="The dates you agreed to look at the trial together, held or still to come."),
        Repeat("measures", "The measures you agreed", "measure", measure, min_rows=1, max_rows=MAX_MEASURES,
               hint="Two to four is usually enough. Give each a number before the trial, the number you aimed "
                    "for, and the number now."),
        Group("Notes from both sides", (
            Field("notes.employee", "The employee's notes (optional)", kind="textarea", max_length=WORDS_LIMIT,
                  hint="What worked, what got in the way, what they would change."),
            Field("notes.manager", "The manager's notes (optional)", kind="textarea", max_length=WORDS_LIMIT,
                  hint="What worked, what got in the way, what the team and clients said."),
        )),
        Group("The outcome", (
            Field("outcome.choice", "What you agreed", kind="radios", options=OUTCOMES, default="",
                  hint="Choose once you have agreed it: the outcome letter is drafted from it. If something is "
                       "not working, adjusting the pattern comes first. A return to the office is never a "
                       "sanction."),
            Field("outcome.decided", "Date of this review", kind="date", width="s", hint="Leave empty for today."),
            Field("outcome.changes", "What you will adjust (optional)", kind="textarea", max_length=WORDS_LIMIT,
                  hint="e.g. “Home day moves from Friday to Monday; emails checked at 10:00 and 14:00.”",
                  shown_when=("choice", ("adjust", "extend"))),
            Field("outcome.next_review", "Next review date", kind="date", width="s",
                  hint="When you will look at the pattern again.", shown_when=("choice", ("adjust", "confirm"))),
            Field("outcome.new_end", "New end date of the trial", kind="date", width="s",
                  shown_when=("choice", ("extend",))),
            Field("outcome.basis", "What ending the trial rests on", kind="select", options=BASES, default="",
                  shown_when=("choice", ("end",))),
            Field("outcome.reason", "Why the trial is ending", kind="textarea", max_length=WORDS_LIMIT,
                  hint="Point to the measures or to the needs of the work, with examples. Not to where the "
                       "person was working.", shown_when=("choice", ("end",))),
            Field("outcome.from", "Date it takes effect (optional)", kind="date", width="s",
                  hint="Leave empty for the day after the trial ends (the date of this review, for an "
                       "adjustment).", shown_when=("choice", ("adjust", "confirm", "end"))),
        )),
    ]
    return tools.tool_form(
        NAME,
        fields=fields,
        result_heading="Your trial review",
        result_placeholder="Fill in the trial, its measures and the reviews, or load the decision record's JSON "
                           "file: how each measure went, the dates and the outcome letter appear here.",
        example=example(),
    )


def example() -> dict[str, Any]:
    """A finance officer's 12-week hybrid trial, kept as data in templates/examples/ so an organisation can
    replace it."""
    return tools.example(NAME)
