"""Working out the review: each measure against its target, the reviews held and to come, the dates that follow
from the outcome, whether the decision period needs extending, and the outcome letter."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from ..forms import fmt_number
from ..documents import date_words
from ..flexible_working.dates import months_after
from ..flexible_working.letters import Letter
from ..flexible_working.rules_page import as_of_words, rules_link
from ..flexible_working.timeline import Event
from . import letters
from .model import ADJUST_INSTEAD, Measure, Reading, Result, Review, Trial


def met(m: Measure) -> bool:
    """At least as good as the target, in the measure's direction."""
    return (m.actual - m.target) * (1 if m.better == "higher" else -1) >= 0


def reading(m: Measure) -> Reading:
    if m.actual is None:
        return Reading(m, "unmeasured", None, "Not measured yet")
    change = m.actual - m.baseline
    if change == 0:
        return Reading(m, "met" if met(m) else "not_met", 0.0, "No change")
    better = (change > 0) == (m.better == "higher")
    size = fmt_number(abs(change))
    if _in_percent(m):
        # 80% to 92% is up 12 percentage points: a share of the baseline ("15%") would read as the same kind of %.
        size += f" percentage point{'' if abs(change) == 1 else 's'}"
    elif m.baseline:
        size += f" ({fmt_number(round(abs(change) / abs(m.baseline) * 100))}%)"
    words = f"{'Up' if change > 0 else 'Down'} {size}, {'better' if better else 'worse'}"
    return Reading(m, "met" if met(m) else "not_met", change, words)


def _in_percent(m: Measure) -> bool:
    unit = m.unit.strip().casefold()
    return unit.startswith("%") or unit in ("percent", "per cent", "percentage", "percentage points")


def _names(readings: list[Reading]) -> str:
    names = [f"“{r.measure.name}”" for r in readings]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def overall(readings: tuple[Reading, ...]) -> str:
    """The picture in one sentence (typed names inside: escape it to render)."""
    n = len(readings)
    got = {s: [r for r in readings if r.state == s] for s in ("met", "not_met", "unmeasured")}
    if len(got["unmeasured"]) == n:
        return ("The measure has not" if n == 1 else f"None of the {n} measures has") + " been measured yet: fill in " \
               "the actual figures before the review."
    if len(got["met"]) == n:
        return "The measure met its target." if n == 1 else f"All {n} measures met their targets."
    said = [f"{len(got['met'])} of {n} measures met {'its' if n == 1 else 'their'} target"
            + ("" if n == 1 else "s")]
    if got["not_met"]:
        said.append(f"{_names(got['not_met'])} did not")
    if got["unmeasured"]:
        said.append(f"{_names(got['unmeasured'])} {'is' if len(got['unmeasured']) == 1 else 'are'} not measured yet")
    return "; ".join(said) + "."


def _latest(trial: Trial) -> tuple[date, str]:
    """The last date the trial reaches, and how to say what falls on it."""
    if trial.outcome in ("confirm", "end"):  # this review decides: later dates of the trial no longer count
        return trial.decided, "This review is on"
    # On a tie the first named wins: the trial's end before a review on the same day.
    marks = [(trial.end, "The trial ends on")] + [(r.day, "The last review is on") for r in trial.reviews]
    marks.append((trial.decided, "This review is on"))
    if trial.outcome == "extend" and trial.new_end:
        marks.append((trial.new_end, "The extended trial ends on"))
    if trial.outcome == "adjust" and trial.next_review:
        marks.append((trial.next_review, "The next review of the adjusted pattern is on"))
    return max(marks, key=lambda m: m[0])


def extension(trial: Trial) -> tuple[str, date]:
    """Why the decision period must be extended ("" when it need not be), and the latest date. An extension is by
    agreement (ERA 1996 s.80G(1B)-(1C)); writing it down is advice in Great Britain and the law in Northern Ireland."""
    latest, what = _latest(trial)
    due = trial.decide_by
    if due is None or latest <= due or trial.rules.extension not in ("agreement", "agreement_in_writing"):
        return "", latest  # under a law whose reply agreed the trial (IE, AU, NZ), no period runs past it
    # This review is where both can still agree it in time; after the date, only an extension made then counts.
    written = trial.rules.extension_in_writing
    words = ("the outcome letter has the words for you both to sign" if trial.outcome else
             "choose what you agreed, and the outcome letter will have the words for you both to sign")
    before = (f"Agree to extend it before {date_words(due)} ({words}), then put the new date here."
              if trial.decided <= due else
              f"It had to be extended by agreement before {date_words(due)}"
              + (" (in Great Britain, or within three months after it, looking back)" if trial.rules.jurisdiction
                 == "GB" else "") + ": if it was, put the extended date here.")
    how = (f"an extension agreed by you both, which under {trial.rules.source} must be recorded in writing"
           if written else "an extension agreed by you both (writing it down is good practice)")
    return (f"{what} {date_words(latest)}, after the decision is due ({date_words(due)}). Trials longer than the "
            f"decision period need {how}. {before}"), latest


def extended_to(trial: Trial, why: str, latest: date) -> date | None:
    """The decision period as this review's letter extends it, or None. The trial runs past the date the request had
    to be decided by, and the outcome keeps it running (adjust, extend): the letter is where both agree in writing,
    to a month past the trial's last date, for the final review, the decision and any appeal after it."""
    if why and trial.outcome in ("adjust", "extend") and trial.decide_by:
        return months_after(latest, 1)
    return None


def review_state(trial: Trial, review: Review) -> str:
    """One review's state, the same word in the dates table and the reviews table: done on or before the date of
    this review, the next one to come due, the later ones planned."""
    if review.day <= trial.decided:
        return "done"
    coming = [r for r in trial.reviews if r.day > trial.decided]
    return "due" if review is coming[0] else "planned"


def events(trial: Trial, confirm_by: date | None, extended: date | None = None) -> list[Event]:
    # The review is a record of its own day: what is done and what is to come follow "Date of this review". A date on
    # or before it is never "planned".
    today = trial.decided

    def state(day: date) -> str:
        return "done" if day <= today else "planned"

    out = [Event(trial.start, "trial starts", state(trial.start)), Event(trial.end, "trial ends", state(trial.end))]
    for r in trial.reviews:
        out.append(Event(r.day, "this review" if r.day == today else "review", review_state(trial, r)))
    if trial.decide_by:
        if trial.outcome == "confirm":  # this review is the decision, and its letter gives it
            done = "met" if trial.decided < trial.decide_by else "done" if trial.decided == trial.decide_by else "late"
        elif trial.decided > trial.decide_by:
            done = "late"
        else:  # extended by this review's letter, in time; otherwise still to come
            done = "extended" if extended else "due"
        out.append(Event(trial.decide_by, "decision due", done))
        if extended:
            out.append(Event(extended, "decision due (extended by this review)", "due"))
    if trial.outcome == "extend" and trial.new_end:
        out.append(Event(trial.new_end, "extended trial ends", "planned"))
    if trial.next_review:
        out.append(Event(trial.next_review, "next review", "planned"))
    starts = {"confirm": "permanent from", "end": "earlier pattern again from",
              "adjust": "adjusted pattern from" if trial.changes else ""}.get(trial.outcome)
    if starts:
        out.append(Event(trial.effective, starts, state(trial.effective)))
    if confirm_by:
        out.append(Event(confirm_by, "change confirmed in writing by", "late" if confirm_by < today else "due"))
    return out


def suggestions(trial: Trial, readings: tuple[Reading, ...]) -> tuple[str, ...]:
    """What could be adjusted instead of ending: for each kind of measure that fell short, or the work."""
    if trial.outcome != "end":
        return ()
    kinds = [r.measure.kind for r in readings if r.state == "not_met"] if trial.basis == "measures" else []
    keys = list(dict.fromkeys(kinds)) or ["work"]
    return tuple(ADJUST_INSTEAD[k][0].upper() + ADJUST_INSTEAD[k][1:] + "." for k in keys)


def with_rules(made: Letter, rules: Any, org: dict[str, Any]) -> Letter:
    """A manager's letter carries "Rules as of DATE" and where the rules page is."""
    return replace(made, rules_as_of=as_of_words(rules), rules_link=rules_link(org))


def compute(trial: Trial) -> Result:
    """Pure: no I/O; the date of this review (`trial.decided`, today when left empty) says which reviews are
    held: a review recorded later keeps the count of its own day."""
    readings = tuple(reading(m) for m in trial.measures)
    held = tuple(r for r in trial.reviews if r.day <= trial.decided)
    to_come = tuple(r for r in trial.reviews if r.day > trial.decided)
    why, latest = extension(trial)
    confirm_by = months_after(trial.effective, trial.rules.confirm_months) if trial.outcome == "confirm" else None
    notes = trial.notes + ((("trial.decide_by", why),) if why else ())
    sentence = overall(readings)
    extended = extended_to(trial, why, latest)
    # No letter until the two people have said what they agreed: it has legal weight, and is never a default's.
    letter = (with_rules(letters.outcome_letter(trial, readings, confirm_by, extended, latest), trial.rules,
                         trial.org) if trial.outcome else None)
    return Result(trial, readings, sentence, held, to_come, tuple(events(trial, confirm_by, extended)), why, latest,
                  confirm_by, suggestions(trial, readings), extended, letter, notes)
