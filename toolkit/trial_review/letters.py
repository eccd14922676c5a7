"""The trial outcome letter, from the manager to the employee: each outcome worded its own way.

Plain sentences with the typed words inside them as typed: toolkit.flexible_working.letters escapes them once, for the
format being written."""

from __future__ import annotations

from datetime import date

from ..forms import fmt_number
from ..documents import date_words
from ..flexible_working.letters import Letter
from .model import Measure, Reading, Trial

SUBJECTS = {
    "adjust": "Your trial working pattern: what we are adjusting",
    "confirm": "Your working pattern is confirmed as permanent",
    "extend": "Your trial working pattern: the trial is extended",
    "end": "Your trial working pattern: the trial is ending",
}


def amount(value: float, m: Measure) -> str:
    """A figure with its unit as people write it: "95%", "8 hours"."""
    unit = m.unit.strip()
    return f"{fmt_number(value)}{unit}" if unit.startswith("%") else f"{fmt_number(value)} {unit}".strip()


def measure_line(r: Reading) -> str:
    m = r.measure
    if r.state == "unmeasured":
        return f"{m.name}: not measured yet (target {amount(m.target, m)}, baseline {amount(m.baseline, m)})."
    verdict = "met" if r.state == "met" else "not met"
    return (f"{m.name}: {amount(m.actual, m)} against a target of {amount(m.target, m)} (baseline "
            f"{amount(m.baseline, m)}), {verdict}.")


def pattern_lines(trial: Trial) -> tuple[str, ...]:
    """The pattern's lines; the employee's own words, named as theirs in the field, are "your words" in a letter
    to them."""
    theirs = f"In {trial.employee}'s words:"
    return tuple("In your words:" + line.strip()[len(theirs):] if line.strip().startswith(theirs) else line.strip()
                 for line in trial.pattern.splitlines() if line.strip())


def outcome_letter(trial: Trial, readings: tuple[Reading, ...], confirm_by: date | None, extended: date | None,
                   latest: date) -> Letter:
    """The letter for the outcome chosen (never called without one); `extended` is the decision period as this
    letter extends it (computation.extended_to), None when it does not."""
    ran = "runs" if trial.end > trial.decided else "ran"
    blocks: list = [
        f"Thank you for reviewing the trial of your working pattern with me on {date_words(trial.decided)}. The "
        f"trial {ran} from {date_words(trial.start)} to {date_words(trial.end)}.",
        "The pattern we tried:", pattern_lines(trial),
        "How it went against the measures we agreed:", tuple(measure_line(r) for r in readings),
    ]
    blocks += WORDING[trial.outcome](trial, readings, confirm_by)
    if extended and trial.decide_by:
        # The trial runs past the date the request had to be decided by: the letter is where both agree in writing.
        appeal = ", including any appeal," if trial.rules.decision_months else ""
        # Northern Ireland has no decision period, only timed steps: what is extended is the time for the notice.
        period = ("the time for giving you notice of the decision on your request (regulation 4 of the Flexible "
                  "Working (Procedural Requirements) Regulations (Northern Ireland) 2003)"
                  if trial.rules.jurisdiction == "NI" else f"the decision period{appeal}")
        blocks.append(f"The decision on your request was due by {date_words(trial.decide_by)}. As the trial now "
                      f"runs to {date_words(latest)}, we agree to extend {period} "
                      f"to {date_words(extended)}, to leave time after it to review the trial, "
                      "decide and hear any appeal.")
    if trial.outcome == "extend" or (extended and trial.outcome == "adjust"):
        blocks.append(f"Please sign and date a copy of this letter to show that you agree, and keep a copy. "
                      f"Agreed by {trial.employee}: signature …………………… date …………")
    return Letter("trial-outcome-letter", "Trial outcome letter", SUBJECTS[trial.outcome], trial.employee,
                  trial.manager, trial.decided, tuple(blocks), signed=trial.manager)


def _adjust(trial: Trial, readings: tuple[Reading, ...], confirm_by: date | None) -> list:
    out: list = ["We agreed to adjust the pattern and carry on."]
    if trial.changes:
        out += [("h", "What changes"), trial.changes,
                f"The adjusted pattern applies from {date_words(trial.effective)}."]
    else:
        out.append("For now we keep the pattern as it is, and look at it again together.")
    if trial.next_review:
        out.append(f"We will review it together on {date_words(trial.next_review)}.")
    out.append("Adjusting the pattern is the usual next step when part of a trial does not work as hoped. It is "
               "not a step back, and it is not a sanction.")
    return out


def _confirm(trial: Trial, readings: tuple[Reading, ...], confirm_by: date | None) -> list:
    law = trial.rules.law.statement if trial.rules.law else ""
    months = trial.rules.confirm_months
    within = "one month" if months == 1 else f"{months} months"
    out: list = [f"I am pleased to confirm that the pattern becomes your permanent working arrangement from "
                 f"{date_words(trial.effective)}.",
                 f"This changes your terms and conditions of employment. You will receive a written statement of "
                 f"the change by {date_words(confirm_by)}, within {within} of it taking effect"
                 + (f", as {law} requires." if law else ".")]
    if trial.next_review:
        out.append(f"We will keep it under review, next on {date_words(trial.next_review)}, or sooner if the "
                   "work changes.")
    else:
        out.append("We will keep it under review, for example once a year or when the work changes.")
    return out


def _extend(trial: Trial, readings: tuple[Reading, ...], confirm_by: date | None) -> list:
    open_ = [r.measure.name for r in readings if r.state != "met"]
    why = ("so that we can see how these measures go: " + "; ".join(open_) + "." if open_ else
           "so that we can see the pattern over a longer stretch of the work.")
    out: list = [f"We agreed to extend the trial to {date_words(trial.new_end)}, {why}"]
    if trial.changes:
        out += [("h", "What changes while it continues"), trial.changes]
    out.append("An extension of a trial needs us both to agree to it; we each keep a signed copy of this letter as "
               "the record.")
    return out


def _end(trial: Trial, readings: tuple[Reading, ...], confirm_by: date | None) -> list:
    missed = [r.measure.name for r in readings if r.state == "not_met"]
    basis = ("the measures we agreed: " + "; ".join(missed) + " did not reach " + ("its" if len(missed) == 1 else
             "their") + " target" + ("" if len(missed) == 1 else "s") + "."
             if trial.basis == "measures" else "the needs of the work.")
    out: list = [f"I have decided to end the trial. From {date_words(trial.effective)} your working pattern "
                 "returns to the one you had before it.",
                 ("h", "Why"), f"Ending the trial rests on {basis}", trial.reason,
                 "Ending the trial is not a sanction, and it is not a judgement of you. It rests on what is written "
                 "here, not on where you were working.",
                 "You can ask again for a different pattern, and I will consider it with an open mind."]
    if trial.decide_by:
        # A trial agreed in answer to a formal request: ending it refuses the request, with the law's protections.
        # A date already past is not promised: the decision is then late, and follows at once.
        when = (f"by {date_words(trial.decide_by)}" if trial.decided <= trial.decide_by else
                f"straight away (it was due by {date_words(trial.decide_by)})")
        out.append(f"The trial was part of the answer to your formal request, so ending it means the request is "
                   f"not agreed. You will receive the decision on it in writing {when}, "
                   "with the grounds it rests on" + (", and you can appeal against it." if trial.rules.appeal else
                                                     ". You can make a new request later, within the limits on how "
                                                     "often requests can be made."))
    return out


WORDING = {"adjust": _adjust, "confirm": _confirm, "extend": _extend, "end": _end}
