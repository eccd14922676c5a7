"""The trial review for the page, as a printable page, as Markdown and as a record that loads back; the outcome
letter as its own printable download.

Every value a person typed goes through safe.esc / html_block for HTML and safe.md / md_text for Markdown."""

from __future__ import annotations

from typing import Any

from .. import org as org_settings
from .. import records
from ..documents import Rendered, date_words, file_name, made_line, printable_page, table
from ..flexible_working import timeline
from ..safe import esc, html_block, md, md_text
from . import figures
from .computation import review_state
from .letters import amount
from .model import BASES, BETTER, KINDS, OUTCOMES, Reading, Result, Review, label
from .schema import NAME

STATE_WORDS = {"met": "Met", "not_met": "Not met", "unmeasured": "Not measured yet"}
LETTER_LABEL = "Download the trial outcome letter (printable page)"


def title(result: Result) -> str:
    return f"Trial review: {result.trial.employee}"


def outcome_words(result: Result) -> str:
    return label(OUTCOMES, result.trial.outcome) if result.trial.outcome else "Not chosen yet"


def status(result: Result) -> str:
    if not result.trial.outcome:
        return f"Trial review ready, without an outcome letter. {result.overall} {to_draft(result)}"
    return f"Trial review ready. {result.overall} Outcome: {outcome_words(result).lower()}."


def to_draft(result: Result) -> str:
    """Where the letter would be, until an outcome is chosen: what to fill in to draft it."""
    return ("To draft the trial outcome letter, choose what you agreed under “What you agreed”, and fill in “Date "
            f"of this review” if the review was not held on {date_words(result.trial.decided)}.")


# ---------------------------------------------------------------- words shared by every format (unescaped)

def _measure_cells(r: Reading) -> list[str]:
    m = r.measure
    actual = amount(m.actual, m) if m.actual is not None else "Not measured yet"
    return [label(KINDS, m.kind), amount(m.baseline, m), amount(m.target, m), actual, r.change_words,
            f"{STATE_WORDS[r.state]} ({label(BETTER, m.better).lower()})"]


MEASURE_HEADINGS = ("Measure", "Kind", "Baseline", "Target", "Actual", "Change from baseline", "Result")


def _review_state(result: Result, r: Review) -> str:
    """The same word as the dates table gives the same date (computation.review_state)."""
    word = timeline.STATE_WORDS[review_state(result.trial, r)]
    return word + " (this review)" if r.day == result.trial.decided else word


def outcome_points(result: Result) -> list[str]:
    """What the outcome means, in sentences: the same on the page, in print and in Markdown."""
    trial = result.trial
    out: list[str] = []
    if not trial.outcome:
        out.append("You have not chosen what you agreed yet, so there is no outcome letter. " + to_draft(result))
    elif trial.outcome == "adjust":
        out.append(f"You agreed to adjust the pattern and carry on, from {date_words(trial.effective)}."
                   + (f" Next review: {date_words(trial.next_review)}." if trial.next_review else ""))
    elif trial.outcome == "confirm":
        law = f" ({trial.rules.law.statement})" if trial.rules.law and trial.rules.law.statement else ""
        out.append(f"The arrangement becomes permanent from {date_words(trial.effective)}. It changes the "
                   f"contract: confirm the change to {trial.employee} in writing by "
                   f"{date_words(result.confirm_by)}, within {_months(trial.rules.confirm_months)} of it taking "
                   f"effect{law}.")
    elif trial.outcome == "extend":
        out.append(f"The trial is extended to {date_words(trial.new_end)}. An extension needs you both to agree "
                   "in writing: the outcome letter has a line to sign.")
    else:
        why = (label(BASES, trial.basis).lower() if trial.basis else "")
        out.append(f"The trial ends, and the earlier pattern applies again from {date_words(trial.effective)}. "
                   f"This rests on {why}.")
        out.append("This is not a sanction: a return to the earlier pattern answers what the measures or the work "
                   "showed, not where the work was done. If the concern is how the work is done wherever it "
                   "happens, that is a conversation about performance, not about the pattern.")
    if result.extension:
        out.append(result.extension)
    return out


def _months(n: int) -> str:
    return "one month" if n == 1 else f"{n} months"


# ---------------------------------------------------------------- HTML

def measures_table(result: Result) -> str:
    rows = [(esc(r.measure.name), [esc(c) for c in _measure_cells(r)]) for r in result.readings]
    return table("Each measure's baseline, target and actual, and the change from the baseline", MEASURE_HEADINGS,
                 rows)


def reviews_table(result: Result) -> str:
    if not result.trial.reviews:
        return "<p>No review dates yet.</p>"
    rows = [(esc(date_words(r.day)), [esc(_review_state(result, r)), html_block(r.notes) if r.notes else ""])
            for r in result.trial.reviews]
    return table("The reviews, held and to come", ("Date", "State", "Who took part, and notes"), rows)


def outcome_html(result: Result, level: int) -> str:
    h = f"h{level}"
    points = "".join(f"<p>{esc(p)}</p>" for p in outcome_points(result))
    extra = ""
    if result.suggestions:
        extra = ("<p><strong>Before ending it, could you adjust instead?</strong></p><ul>"
                 + "".join(f"<li>{esc(s)}</li>" for s in result.suggestions) + "</ul>")
    if result.trial.outcome == "end" and result.trial.reason:
        extra = f"<p><strong>Why:</strong></p>{html_block(result.trial.reason)}" + extra
    if result.trial.outcome in ("adjust", "extend") and result.trial.changes:
        extra += f"<p><strong>What you will adjust:</strong></p>{html_block(result.trial.changes)}"
    return (f'<div class="swt-finding" data-part-name="outcome"><{h}>Outcome: {esc(outcome_words(result))}</{h}>'
            f"{points}{extra}</div>")


def notes_html(result: Result, level: int) -> str:
    trial, h = result.trial, f"h{level}"
    parts = []
    for who, words in (("The employee's notes", trial.employee_notes), ("The manager's notes", trial.manager_notes)):
        parts.append(f"<{h}>{who}</{h}>" + (html_block(words) if words else "<p><em>None written.</em></p>"))
    return "".join(parts)


def dates_html(result: Result) -> str:
    # As of the date of this review, like the letter dated that day: read later, a "planned" date may be past.
    caption = f"The trial's dates in words, as at this review ({date_words(result.trial.decided)})"
    return timeline.drawn("tr-dates", "The trial's dates", caption, list(result.events), result.trial.org)


def _headline(result: Result) -> str:
    trial = result.trial
    held, to_come = len(result.held), len(result.to_come)
    reviews = f"{held} review{'s' if held != 1 else ''} held, {to_come} to come"
    return (f'<p class="swt-headline">Trial review for {esc(trial.employee)}, {esc(date_words(trial.start))} to '
            f"{esc(date_words(trial.end))}: {esc(result.overall)} {esc(reviews)}. "
            f"<strong>Outcome: {esc(outcome_words(result).lower())}.</strong></p>")


def html(result: Result, chart: str) -> list[str]:
    return [
        _headline(result),
        outcome_html(result, 3),
        "<h3>The measures</h3>" + chart + measures_table(result),
        "<h3>The dates</h3>" + dates_html(result) + reviews_table(result),
        "<h3>Notes from both sides</h3>" + notes_html(result, 4),
        result.letter.html() if result.letter else _letter_to_come(result),
    ]


def _letter_to_come(result: Result) -> str:
    return (f'<section class="swt-letter-to-come" aria-labelledby="trial-outcome-letter-h">'
            f'<h3 id="trial-outcome-letter-h">Trial outcome letter</h3><p>{esc(to_draft(result))}</p></section>')


def _trial_html(result: Result, top: int) -> str:
    trial, h = result.trial, f"h{top}"
    lines = [f"Employee: {trial.employee}", f"Manager: {trial.manager}",
             f"Trial: {date_words(trial.start)} to {date_words(trial.end)}",
             f"This review: {date_words(trial.decided)}"]
    if trial.decide_by:
        lines.append(f"Decision due by: {date_words(trial.decide_by)}")
    out = "<p>" + "<br>".join(esc(line) for line in lines) + "</p>"
    out += f"<{h}>The pattern tried</{h}>" + html_block(trial.pattern)
    if trial.success:
        out += f"<{h}>What success looks like</{h}>" + html_block(trial.success)
    return out


def document(result: Result, chart: str) -> str:
    """The whole review on clean A4, with lines for both to sign."""
    trial = result.trial
    body = (_trial_html(result, 2) + "<h2>The measures</h2>" + f"<p>{esc(result.overall)}</p>" + chart
            + measures_table(result) + "<h2>The dates</h2>" + dates_html(result) + reviews_table(result)
            + "<h2>Notes from both sides</h2>" + notes_html(result, 3) + outcome_html(result, 2)
            + "<h2>Signed</h2>" + table("Both sign and date", ("Name", "Signature", "Date"),
                                        [(esc(trial.employee), ["", ""]), (esc(trial.manager), ["", ""])]))
    return printable_page(title(result), body, subtitle=made_line(on=trial.today))


# ---------------------------------------------------------------- Markdown

def _md_table(headings: tuple[str, ...], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)] + [
        "| " + " | ".join(cell or " " for cell in row) + " |" for row in rows] + [""]


def markdown(result: Result) -> str:
    trial = result.trial
    out = [f"# {md(title(result))}", "", md(made_line(on=trial.today)), "",
           f"Employee: {md(trial.employee)}  ", f"Manager: {md(trial.manager)}  ",
           f"Trial: {date_words(trial.start)} to {date_words(trial.end)}  ",
           f"This review: {date_words(trial.decided)}" + ("  " if trial.decide_by else "")]
    if trial.decide_by:
        out.append(f"Decision due by: {date_words(trial.decide_by)}")
    out += ["", "## The pattern tried", "", md_text(trial.pattern), ""]
    if trial.success:
        out += ["## What success looks like", "", md_text(trial.success), ""]
    out += ["## The measures", "", md(result.overall), ""]
    out += _md_table(MEASURE_HEADINGS, [[md(r.measure.name), *(md(c) for c in _measure_cells(r))]
                                        for r in result.readings])
    out += ["## The dates", "", f"As at this review ({date_words(trial.decided)}).", ""] + _md_table(("Date", "What", "State"), [
        [date_words(ev.day), md(ev.what), timeline.STATE_WORDS[ev.state]] for ev in sorted(result.events,
                                                                                          key=lambda ev: ev.day)])
    out += ["## The reviews", ""]
    out += [f"- {date_words(r.day)} ({_review_state(result, r).lower()})" + (f": {md(r.notes)}" if r.notes else "")
            for r in trial.reviews] or ["No review dates yet."]
    out += ["", "## Notes from both sides", ""]
    for who, words in (("The employee's notes", trial.employee_notes), ("The manager's notes", trial.manager_notes)):
        out += [f"### {who}", "", md_text(words) if words else "*None written.*", ""]
    out += [f"## Outcome: {md(outcome_words(result))}", ""] + [md(p) + "\n" for p in outcome_points(result)]
    if trial.outcome == "end" and trial.reason:
        out += ["**Why:**", "", md_text(trial.reason), ""]
    if result.suggestions:
        out += ["**Before ending it, could you adjust instead?**", ""]
        out += [f"- {md(s)}" for s in result.suggestions] + [""]
    if trial.outcome in ("adjust", "extend") and trial.changes:
        out += ["**What you will adjust:**", "", md_text(trial.changes), ""]
    out += [result.letter.markdown() if result.letter else f"## Trial outcome letter\n\n{md(to_draft(result))}\n"]
    return "\n".join(out)


# ---------------------------------------------------------------- the record

def summary(result: Result) -> dict[str, Any]:
    """What was worked out, as data: a reader of the JSON gets each measure's result without parsing sentences."""
    trial = result.trial
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return {
        "employee": trial.employee, "manager": trial.manager, "start": iso(trial.start), "end": iso(trial.end),
        "decide_by": iso(trial.decide_by), "reviewed": iso(trial.decided),
        "outcome": trial.outcome or None, "takes_effect": iso(trial.effective) if trial.outcome else None,
        "decision_extended_to": iso(result.extended_to), "new_end": iso(trial.new_end),
        "next_review": iso(trial.next_review), "confirm_in_writing_by": iso(result.confirm_by),
        "extension_needed": bool(result.extension), "overall": result.overall,
        "measures": [{"name": r.measure.name, "kind": r.measure.kind, "unit": r.measure.unit,
                      "baseline": r.measure.baseline, "target": r.measure.target, "actual": r.measure.actual,
                      "better": r.measure.better, "result": r.state, "change": r.change} for r in result.readings],
        "reviews": [{"date": iso(r.day), "state": review_state(trial, r), "this_review": r.day == trial.decided}
                    for r in trial.reviews],
    }


def _kept(result: Result, values: dict[str, Any]) -> dict[str, Any]:
    """The form as typed, with the review's date as it was worked out: an empty one would become the day the
    record is opened again. A draft made before the trial starts keeps its date open, to be the day it is held."""
    outcome = dict(values.get("outcome")) if isinstance(values.get("outcome"), dict) else {}
    if not result.trial.start or result.trial.decided >= result.trial.start:
        outcome["decided"] = result.trial.decided.isoformat()
    return {**values, "outcome": outcome}


def render(result: Result, values: dict[str, Any]) -> Rendered:
    chart = figures.measures(result.readings, result.overall, org_settings.primary_colour(result.trial.org))
    letter = result.letter
    return Rendered(
        parts=tuple(html(result, chart)),
        filename=file_name("trial-review", result.trial.employee, on=result.trial.decided),
        status=status(result),
        make_markdown=lambda: markdown(result),
        make_record=lambda: records.make(NAME, title(result), _kept(result, values), summary(result)),
        make_document=lambda: document(result, chart),
        notes=result.notes,
        # No letter to download until an outcome is chosen: the page, the Markdown and the print say what to fill in.
        pages=((LETTER_LABEL, file_name("trial-outcome-letter", result.trial.employee, on=result.trial.decided)
                + ".html", letter.page),) if letter else (),
    )

