"""What follows from the record: the deadline (extended or not), each date drawn, what is still missing, which
date comes next, and the letters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..documents import date_words
from ..flexible_working.dates import months_after, weeks_after
from ..flexible_working.rules import Steps
from ..flexible_working.rules_page import as_of_words, rules_link
from ..flexible_working.timeline import Event
from .letters import letters
from .model import Decision, Result, last_day_to_appeal

REFUSED = ("refuse",)
AGREED = ("accept", "accept_changes")
CLOSED = ("withdrawn", "treated_withdrawn")


def compute(decision: Decision) -> Result:
    d = decision
    steps = d.rules.steps
    timed = d.meeting + timedelta(days=steps.decision) if steps and d.meeting else d.standing.decide_by
    # An informal request has no date in law: the record keeps any the two agree (an extension), and no other.
    decide_by = d.extended_to or (timed if d.standing.formal else None)
    trial_end = working_day(weeks_after(d.trial.start, d.trial.weeks) - timedelta(days=1)) if d.trial else None
    proposed = months_after(trial_end, 1) if trial_end else None
    reviews: tuple[date, ...] = ()
    if d.trial and trial_end:
        reviews = trial_reviews(d.trial.start, d.trial.weeks, d.trial.review_every, trial_end)
    confirm_by = months_after(d.start, d.rules.confirm_months) if d.outcome in AGREED and d.start else None
    if d.appeal and d.appeal.outcome == "upheld" and d.appeal.decided_on:
        confirm_by = months_after(d.start or d.appeal.decided_on, d.rules.confirm_months)
    warnings = list(_late(d, decide_by, trial_end))
    events = _events(d, decide_by, trial_end, reviews, confirm_by)
    if steps:
        step_events, step_warnings = _steps(d, steps)
        events += step_events
        warnings += step_warnings
    upcoming = [ev for ev in events if ev.day >= d.today and ev.state in ("due", "planned")]
    result = Result(d, decide_by, trial_end, proposed, reviews, confirm_by, tuple(events), tuple(_missing(d, trial_end,
                    decide_by, confirm_by)), min(upcoming, key=lambda ev: ev.day) if upcoming else None, (),
                    tuple(warnings), timed if d.standing.formal else None)
    # The letters read the dates worked out above, and carry the day the rules were checked.
    as_of, link = as_of_words(d.rules), rules_link(d.org)
    return replace(result, letters=tuple(replace(x, rules_as_of=as_of, rules_link=link) for x in letters(result)))


def working_day(day: date) -> date:
    """The day itself on a weekday, or the Friday before: a trial ends, and is reviewed, on a working day."""
    return day - timedelta(days=max(day.weekday() - 4, 0))


def trial_reviews(start: date, weeks: int, every: int, end: date) -> tuple[date, ...]:
    """A review every `every` weeks on a working day, and the final one on the trial's last day. An interim
    review closer to the final one than half the interval is left out: two reviews in one week help no one."""
    interim = [working_day(weeks_after(start, w)) for w in range(every, weeks, every)]
    return tuple(day for day in interim if day < end and (end - day).days * 2 >= every * 7) + (end,)


def _late(d: Decision, decide_by: date | None, trial_end: date | None):
    if not decide_by:
        return
    if d.decided_on and d.decided_on > decide_by:
        yield ("decision.decided_on", f"The decision is dated after it was due ({date_words(decide_by)}). "
                                      + _extend_words(d))
    elif not d.decided_on and d.outcome not in CLOSED and d.today > decide_by and not d.appeal:
        yield ("decision.decided_on", f"The decision was due by {date_words(decide_by)} and none is recorded. "
                                      "Decide now, and say why it is late.")
    if d.appeal and d.appeal.decided_on and d.appeal.decided_on > decide_by:
        yield ("appeal.decided_on", f"The appeal is decided after the decision period ended ({date_words(decide_by)}"
                                    "). The period includes any appeal: " + _extend_words(d, lower=True))
    if trial_end and trial_end > decide_by and d.rules.extension in ("agreement", "agreement_in_writing"):
        yield ("trial.weeks", f"The trial ends on {date_words(trial_end)}, after the decision is due "
                              f"({date_words(decide_by)}). Agree with the employee, before then, to extend the "
                              f"decision period{', any appeal included,' if d.rules.decision_months else ''} to "
                              f"{date_words(months_after(trial_end, 1))}: a month after the trial, to review it, "
                              "decide and hear any appeal. The record drafts the agreement: "
                              + ("under " + d.rules.source + " it must be recorded in writing." if
                                 d.rules.extension_in_writing else "writing it down is good practice."))


def _extend_words(d: Decision, lower: bool = False) -> str:
    """How to extend the period: by agreement; in writing where the law asks for it (NI), as advice elsewhere."""
    if d.rules.extension == "none":
        text = f"{d.rules.source[0].upper() + d.rules.source[1:]} sets no way to extend it: reply now."
    elif d.rules.extension == "employer_notice":
        text = (f"Under {d.rules.source} the time can be extended only by your written notice given within it; "
                "reply now.")
    elif d.rules.extension_in_writing:
        text = (f"Agree an extension with the employee before the date passes; under {d.rules.source} you must "
                "record the agreement in writing, dated, and send it to them.")
    elif d.rules.jurisdiction == "GB":
        text = ("Agree an extension with the employee: the law allows it by agreement before the period ends or, "
                "looking back, within three months after it ended. Writing the agreement down is good practice.")
    else:
        text = "Agree an extension with the employee before the date passes, and write it down."
    return text[0].lower() + text[1:] if lower else text


def _steps(d: Decision, steps: Steps) -> tuple[list[Event], list[tuple[str, str]]]:
    """Where the law times each step (NI): the meeting after receipt, and an appeal's steps after the decision."""
    events, warnings = [], []
    meeting_by = d.received + timedelta(days=steps.meeting)  # "within 28 days after the date" it was made
    if not d.meeting:
        events.append(Event(meeting_by, "meeting due by", "late" if d.today > meeting_by else "due"))
    elif d.meeting > meeting_by and not d.extended_to:
        warnings.append(("decision.meeting", f"{_under(d)} the meeting is due within {steps.meeting} days of "
                                             f"receiving the request, by {date_words(meeting_by)}, unless you both "
                                             "agree a later date."))
    if d.outcome == "refuse" and d.decided_on and not d.appeal:
        appeal_by = last_day_to_appeal(d, steps)
        events.append(Event(appeal_by, "last day to appeal", "done" if d.today > appeal_by else "planned"))
    if d.appeal:
        meet_by = d.appeal.received + timedelta(days=steps.appeal_meeting)
        if not d.appeal.meeting:
            events.append(Event(meet_by, "appeal meeting due by", "late" if d.today > meet_by else "due"))
        else:
            decide_by = d.appeal.meeting + timedelta(days=steps.appeal_decision)
            if not d.appeal.decided_on:
                events.append(Event(decide_by, "appeal decision due by", "late" if d.today > decide_by else "due"))
            elif d.appeal.decided_on > decide_by:
                warnings.append(("appeal.decided_on", f"{_under(d)} the appeal is decided within "
                                                      f"{steps.appeal_decision} days of its meeting, by "
                                                      f"{date_words(decide_by)}."))
    return events, warnings


def _under(d: Decision) -> str:
    return f"Under {d.rules.source}"


def _deadline_state(d: Decision, decide_by: date, trial_end: date | None) -> str:
    """Done only when the last decision came in time and nothing can still follow it before the date: an appeal
    may follow a refusal until the period ends, and a trial running past it must be decided after it."""
    last = d.appeal.decided_on if d.appeal else d.decided_on
    if (last and last > decide_by) or (not last and d.today > decide_by):
        return "late"
    if not last or (d.appeal and not d.appeal.decided_on):
        return "due"
    if trial_end and trial_end > decide_by and d.rules.extension in ("agreement", "agreement_in_writing"):
        return "due"  # the trial's own decision is still to come: the extension moves this date
    if d.outcome in REFUSED and not d.appeal and d.today <= decide_by:
        return "due"  # an appeal can still come within the period
    if d.outcome == "trial" and d.today <= decide_by:
        return "due"  # a trial answers for now: the decision on the request comes after it
    return "met" if decide_by >= d.today else "done"  # a date still to come is never "Done"


def _state(day: date, today: date) -> str:
    return "done" if day < today else "planned"


def _events(d: Decision, decide_by, trial_end, reviews, confirm_by) -> list[Event]:
    t = d.today
    out = [Event(d.received, "request received", "done")]
    if d.acknowledged:
        out.append(Event(d.acknowledged, "acknowledged", "done"))
    if d.meeting:
        out.append(Event(d.meeting, "meeting", _state(d.meeting, t)))
    if d.consulted and d.consulted != d.meeting:
        out.append(Event(d.consulted, "consulted the employee", _state(d.consulted, t)))
    if d.decided_on:
        # A trial's letter agrees the trial: the decision on the request comes after it (the date due, below).
        out.append(Event(d.decided_on, "trial agreed in writing" if d.outcome == "trial" else "decision letter",
                         _state(d.decided_on, t)))
    if decide_by and d.outcome not in CLOSED:
        out.append(Event(decide_by, "decision due (extended)" if d.extended_to else
                         "decision due, appeal included" if d.rules.decision_months else "decision due",
                         _deadline_state(d, decide_by, trial_end)))
    if d.start and d.outcome in AGREED:
        out.append(Event(d.start, "the change starts", _state(d.start, t)))
    if d.trial and trial_end:
        out.append(Event(d.trial.start, "trial starts", _state(d.trial.start, t)))
        for i, day in enumerate(reviews[:-1]):
            out.append(Event(day, f"trial review {i + 1}", _state(day, t)))
        out.append(Event(trial_end, "trial ends: final review", _state(trial_end, t)))
    if d.appeal:
        out.append(Event(d.appeal.received, "appeal received", "done"))
        if d.appeal.meeting:
            out.append(Event(d.appeal.meeting, "appeal meeting", _state(d.appeal.meeting, t)))
        if d.appeal.decided_on:
            out.append(Event(d.appeal.decided_on, "appeal decided", _state(d.appeal.decided_on, t)))
    if confirm_by and d.confirmed_on:  # done on the day it was done, not on the date it was due by
        out.append(Event(d.confirmed_on, "new terms confirmed in writing", "done" if d.confirmed_on <= t else
                         "planned"))
    elif confirm_by:
        out.append(Event(confirm_by, "new terms confirmed in writing by", "late" if t > confirm_by else "due"))
    return out


def _missing(d: Decision, trial_end, decide_by, confirm_by) -> list[str]:
    """What the record still lacks, in the order it is needed."""
    if d.outcome in CLOSED:
        return []
    out = []
    if not d.acknowledged and not d.outcome:
        out.append("Acknowledge the request in writing (the record drafts the letter).")
    if not d.meeting and not d.outcome:
        out.append("Arrange a meeting to talk it through (the record drafts the invitation).")
    if d.meeting and d.meeting >= d.today and not d.companion:
        out.append(f"Tell the employee of their right to bring a companion to the meeting (under {d.rules.source}, "
                   "one worker employed by you)." if d.rules.companion_statutory else
                   "Offer the employee a companion at the meeting (the Acas Code: good practice, not a legal right)."
                   if d.rules.jurisdiction == "GB" else "Offer the employee a companion at the meeting.")
    if not d.outcome:
        when = f" by {date_words(decide_by)}" if decide_by else ""
        out.append(f"Decide{when}, and write to the employee.")
    elif not d.decided_on:
        out.append("Date the decision letter.")
    if d.outcome in AGREED and not d.start:
        out.append("Agree the date the change starts.")
    if confirm_by and not d.confirmed_on:
        out.append(f"Confirm the new terms in writing by {date_words(confirm_by)}.")
    if (trial_end and decide_by and trial_end > decide_by and not d.extended_to
            and d.rules.extension in ("agreement", "agreement_in_writing")):
        out.append(f"Agree with the employee to extend the decision period to "
                   f"{date_words(months_after(trial_end, 1))}, a month after the trial ends"
                   + (", and record the agreement in writing." if d.rules.extension_in_writing else
                      " (writing the agreement down is good practice)."))
    if d.appeal and not d.appeal.outcome:
        out.append("Decide the appeal, and write to the employee.")
    if d.outcome == "trial" and trial_end and trial_end >= d.today:
        # A trial answers the request for now: its reviews and the decision after it are still to come.
        reviews = [day for day in _reviews(d, trial_end) if day >= d.today]
        if len(reviews) > 1:
            out.append(f"Review the trial together on {date_words(reviews[0])}, and on each review date after it.")
        due = decide_by if decide_by and decide_by >= trial_end else None
        out.append(f"Hold the final review on {date_words(trial_end)}, then decide on the request"
                   + (f" by {date_words(due)}" if due else "") + " and write to the employee.")
    return out


def _reviews(d: Decision, trial_end: date) -> tuple[date, ...]:
    assert d.trial is not None
    return trial_reviews(d.trial.start, d.trial.weeks, d.trial.review_every, trial_end)
