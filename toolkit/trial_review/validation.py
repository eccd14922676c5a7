"""Reading the trial review: the trial, its reviews, measures and outcome, or a plain message beside each field."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from .. import now
from ..forms import Errors, FieldError, choice, day_date, group_of, number, readable_rows, row_list, text
from ..documents import date_words
from ..flexible_working import rules as request_rules
from .model import BASES, BETTER, KINDS, NO_OUTCOME, OUTCOMES, Measure, Review, Trial
from .schema import (FIGURE_LIMIT, MAX_MEASURES, MAX_REVIEWS, MEASURE_LIMIT, NAME_LIMIT, NOTE_LIMIT, UNIT_LIMIT,
                     WORDS_LIMIT)

LARGEST = 1e12
# "1,200" in a UK form is twelve hundred; forms.number reads a comma as a decimal point ("7,5").
_THOUSANDS = re.compile(r"^\s*[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*$")
_NUMBER_THEN_WORDS = re.compile(r"^\s*[+-]?\d+([.,]\d+)?\s*([^\d\s].*)$")


def validate(values: dict[str, Any], org: dict[str, Any], today: date | None = None) -> Trial | list[FieldError]:
    """The trial, or a plain message on each field that will not do. Never raises, whatever it is given."""
    values = values if isinstance(values, dict) else {}
    org = org if isinstance(org, dict) else {}
    today = today or now.today()
    e = Errors()
    notes: list[tuple[str, str]] = []

    p = group_of(values, "people")
    employee = e.take("people.employee", text(p.get("employee"), label="The employee's name", required=True,
                                              max_length=NAME_LIMIT))
    manager = e.take("people.manager", text(p.get("manager"), label="The manager's name", required=True,
                                            max_length=NAME_LIMIT))
    t = group_of(values, "trial")
    pattern = e.take("trial.pattern", text(t.get("pattern"), label="The pattern being tried", required=True,
                                           max_length=WORDS_LIMIT))
    success = e.take("trial.success", text(t.get("success"), label="What success looks like",
                                           max_length=WORDS_LIMIT)) or ""
    start = e.take("trial.start", day_date(t.get("start"), label="The trial's start date"))
    end = e.take("trial.end", day_date(t.get("end"), label="The trial's end date"))
    if start and end and end <= start:
        e.add("trial.end", f"The trial must end after it starts ({date_words(start)}). Check both dates.")
        end = None
    decide_by = e.take("trial.decide_by", day_date(t.get("decide_by"), label="The date the decision is due",
                                                   required=False))
    reviews = _reviews(values, e, start)
    if not reviews and not any(x.field.startswith("reviews") for x in e.list):
        notes.append(("reviews", "Add the review dates you agreed: at least one between the start and the end, "
                                 "so the trial is looked at together while it runs."))
    measures = _measures(values, e, notes)

    n = group_of(values, "notes")
    employee_notes = e.take("notes.employee", text(n.get("employee"), label="The employee's notes",
                                                   max_length=WORDS_LIMIT)) or ""
    manager_notes = e.take("notes.manager", text(n.get("manager"), label="The manager's notes",
                                                 max_length=WORDS_LIMIT)) or ""
    outcome = _outcome(group_of(values, "outcome"), e, notes, start, end, measures, today)
    if e.list or not (employee and manager and pattern and start and end and outcome is not None):
        return e.list or [FieldError("people.employee", "Fill in the names, the trial and its measures.")]
    choice_, decided, changes, next_review, new_end, basis, reason, effective = outcome
    if choice_ == "end" and decide_by:
        notes.append(("outcome.choice", "This trial answers a formal request, so ending it refuses the request. "
                                        "Record the refusal in the decision record too: on the grounds the rules "
                                        "allow, after consulting the employee, with the right to appeal."))
    if not choice_:
        notes.append(("outcome.choice", "Choose what you agreed, to draft the outcome letter."))
    if effective is None:  # the day after the trial ends, or the day of the review if that is later
        effective = decided if choice_ in ("adjust", NO_OUTCOME) else max(end + timedelta(days=1), decided)
    return Trial(employee, manager, pattern, success, start, end, decide_by, reviews, measures, employee_notes,
                 manager_notes, choice_, decided, changes, next_review, new_end, basis, reason, effective,
                 request_rules.for_org(org), org, today, tuple(notes))


def _reviews(values: dict[str, Any], e: Errors, start: date | None) -> tuple[Review, ...]:
    out = []
    rows = row_list(values, "reviews", MAX_REVIEWS, "review dates", e)
    for i, at, n, row in readable_rows(rows, "reviews", "Review", "date", e):
        if _blank(row, ("date", "notes")):
            continue  # an empty row the form keeps: not a problem
        day = e.take(at + "date", day_date(row.get("date"), label="The review date"), n)
        words = e.take(at + "notes", text(row.get("notes"), label="The notes", max_length=NOTE_LIMIT), n) or ""
        if day and start and day < start:
            e.add(at + "date", f"{n}this date is before the trial starts ({date_words(start)}). Check both dates.")
        elif day:
            out.append(Review(i, day, words))
    return tuple(sorted(out, key=lambda r: r.day))


def _blank(row: dict[str, Any], keys: tuple[str, ...]) -> bool:
    return all(row.get(k) in (None, "") or (isinstance(row.get(k), str) and not row.get(k).strip()) for k in keys)


def _figure(raw: Any, label: str, required: bool) -> tuple[float | None, str | None]:
    """A baseline, target or actual: a number, with the unit in its own box."""
    if isinstance(raw, str) and _THOUSANDS.match(raw):
        raw = raw.replace(",", "")
    if isinstance(raw, str) and len(raw.strip()) > FIGURE_LIMIT:
        return None, f"{label} must be a number of {FIGURE_LIMIT} characters or fewer."
    value, problem = number(raw, label=label, minimum=-LARGEST, maximum=LARGEST, required=required)
    if problem and isinstance(raw, str) and _NUMBER_THEN_WORDS.match(raw):
        unit = _NUMBER_THEN_WORDS.match(raw).group(2).strip()
        return None, f"{label} must be only a number: put “{unit}” in the unit box."
    return value, problem


def _measures(values: dict[str, Any], e: Errors, notes: list[tuple[str, str]]) -> tuple[Measure, ...]:
    out: list[Measure] = []
    seen: dict[str, int] = {}
    rows = row_list(values, "measures", MAX_MEASURES, "measures", e)
    for i, at, n, row in readable_rows(rows, "measures", "Measure", "name", e):
        if _blank(row, ("name", "unit", "baseline", "target", "actual")):
            continue
        before = len(e.list)
        name = e.take(at + "name", text(row.get("name"), label="Its name", required=True, max_length=MEASURE_LIMIT),
                      n)
        who = f"{name}: " if name else n
        if name and name.casefold() in seen:
            e.add(at + "name", who + f"measure {seen[name.casefold()] + 1} has the same name. Name each one "
                                     "so the review can tell them apart.")
        elif name:
            seen[name.casefold()] = i
        kind = e.take(at + "kind", choice(row.get("kind") or "other", label="The kind of measure", options=KINDS),
                      who)
        unit = e.take(at + "unit", text(row.get("unit"), label="The unit", max_length=UNIT_LIMIT), who) or ""
        baseline = e.take(at + "baseline", _figure(row.get("baseline"), "The baseline", True), who)
        target = e.take(at + "target", _figure(row.get("target"), "The target", True), who)
        actual = e.take(at + "actual", _figure(row.get("actual"), "The actual figure", False), who)
        better = e.take(at + "better", choice(row.get("better") or "", label="Which way is better",
                                              options=BETTER, required=False), who)
        if not better and not any(x.field == at + "better" for x in e.list):
            e.add(at + "better", who + "choose which way is better: a higher figure or a lower one. The review "
                                       "does not guess it.")
        if len(e.list) > before:
            continue
        if (target - baseline) * (1 if better == "higher" else -1) < 0:
            # Often slack agreed on purpose (a reply within 8 hours where it is 6 now), sometimes a slip.
            notes.append((at + "better", f"{who}the target is worse than the baseline, with {better} marked better. "
                                         "If that is the slack you agreed, leave it; if not, check which way is "
                                         "better."))
        out.append(Measure(i, name, kind, unit, baseline, target, actual, better))
    if not out and not any(x.field.startswith("measures") for x in e.list):
        e.add("measures", "Add at least one measure you agreed, with its baseline and its target.")
    return tuple(out)


def _outcome(o: dict[str, Any], e: Errors, notes: list[tuple[str, str]], start: date | None, end: date | None,
             measures: tuple[Measure, ...], today: date) -> tuple:
    """(outcome, decided, changes, next review, new end, basis, reason, takes effect). Answers to questions
    the chosen outcome hides are kept by the form but not read."""
    # Nothing is chosen for the two people: until they say, there is no outcome (NO_OUTCOME) and no letter, and an
    # unanswered outcome never reads as ending the trial.
    outcome = e.take("outcome.choice", choice(o.get("choice"), label="What you agreed", options=OUTCOMES,
                                              required=False))
    outcome = outcome or NO_OUTCOME  # a choice not on the list has its message beside it already
    typed = e.take("outcome.decided", day_date(o.get("decided"), label="The date of this review", required=False))
    decided = typed or today
    if start and typed and typed < start:
        e.add("outcome.decided", f"The review cannot be before the trial starts ({date_words(start)}).")
    elif start and decided < start:  # a review prepared before the trial: nothing is wrong, it is early
        notes.append(("outcome.decided", f"The trial starts on {date_words(start)}: until you review it together, "
                                         "the outcome and the letter are a draft."))
    changes, next_review, new_end, basis, reason, effective = "", None, None, "", "", None
    if outcome in ("adjust", "extend"):
        changes = e.take("outcome.changes", text(o.get("changes"), label="What you will adjust",
                                                 max_length=WORDS_LIMIT)) or ""
    if outcome in ("adjust", "confirm"):
        next_review = e.take("outcome.next_review", day_date(o.get("next_review"), label="The next review date",
                                                             required=False))
        if next_review and next_review <= decided:
            e.add("outcome.next_review", f"The next review must be after this one ({date_words(decided)}).")
        elif next_review is None and outcome == "adjust" and not any(x.field == "outcome.next_review" for x in e.list):
            notes.append(("outcome.next_review", "Set a date to look at the adjusted pattern together again."))
    if outcome == "extend":
        new_end = e.take("outcome.new_end", day_date(o.get("new_end"), label="The new end date"))
        if new_end and end and new_end <= end:
            e.add("outcome.new_end", f"The new end must be after the trial's current end ({date_words(end)}).")
        elif new_end and new_end <= decided:
            e.add("outcome.new_end", f"The new end must be after this review ({date_words(decided)}).")
    if outcome == "end":
        basis, reason = _ending(o, e, measures)
    if outcome in ("adjust", "confirm", "end"):  # the questions the form shows for these
        effective = e.take("outcome.from", day_date(o.get("from"), label="The date it takes effect", required=False))
        if effective and start and effective < start:
            e.add("outcome.from", f"It cannot take effect before the trial starts ({date_words(start)}).")
        elif effective and effective < decided:  # carrying on from the trial's end can be meant; going back is odd
            notes.append(("outcome.from", f"This takes effect before the review that decided it "
                                          f"({date_words(decided)}). If that is what you agreed, leave it; if not, "
                                          "check the date."))
    return outcome, decided, changes, next_review, new_end, basis, reason, effective


def _ending(o: dict[str, Any], e: Errors, measures: tuple[Measure, ...]) -> tuple[str, str]:
    """Ending a trial must rest on the measures or the needs of the work, in words: never on where someone was."""
    basis = e.take("outcome.basis", choice(o.get("basis"), label="What ending the trial rests on", options=BASES,
                                          required=False))
    if basis is None and not any(x.field == "outcome.basis" for x in e.list):
        e.add("outcome.basis", "Choose what ending the trial rests on: the measures you agreed, or the needs of "
                               "the work. A trial never ends as a sanction.")
    if basis == "measures" and measures:
        missed = [m for m in measures if m.actual is not None
                  and (m.actual - m.target) * (1 if m.better == "higher" else -1) < 0]
        if not missed:
            measured = any(m.actual is not None for m in measures)
            e.add("outcome.basis", ("Every measure you agreed was met" if measured else
                                    "No measure has an actual figure yet")
                  + ", so the measures cannot be why the trial ends. Choose the needs of the work and say which, "
                    "or adjust the pattern instead.")
    reason = e.take("outcome.reason", text(o.get("reason"), label="Why the trial is ending", max_length=WORDS_LIMIT))
    if not reason and not any(x.field == "outcome.reason" for x in e.list):
        e.add("outcome.reason", "Say why the trial is ending, pointing to the measures you agreed or to the needs "
                                "of the work, with examples. If something can be changed instead, choose to "
                                "adjust the pattern.")
    return basis or "", reason or ""
