"""Reading the request's answers, and where it stands under the rules (statutory or not, and why)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..forms import Errors, choice, clock, day_date, flag, fmt_clock, fmt_number, group_of, number, readable_rows, row_list, text
from ..documents import date_words
from .dates import months_after, period_end
from .dates import last_day
from .fields import MAX_PREVIOUS, NAME_LIMIT, WORDS_LIMIT, circumstance_options
from .model import DAY_KEYS, PLACES, PREVIOUS_STATES, Previous, Request, day_name
from .rules import Rules


def read_request(values: dict[str, Any], e: Errors, today: date, *, by: str, explain_effect: bool = False,
                 made_default: date | None = None, rules: Rules | None = None) -> Request | None:
    """The request, with each problem added to `e` beside its field; None when something needed is missing.
    `explain_effect`: the law asks the employee to say the change's effect and how to deal with it (NI). With
    `rules`, the kind of request (where the law has more than one), its circumstance and what its law asks for."""
    r = group_of(values, "request")
    you = by == "employee"
    kind = circumstance = ""
    reason_required = False
    if rules and rules.law:
        if rules.law.kinds:
            kind = e.take("request.kind", choice(r.get("kind") or rules.law.kinds[0][0], label="The kind of request",
                                                 options=rules.law.kinds)) or ""
            rules = rules.of_kind(kind)
        explain_effect = rules.law.explain_effect
        reason_required = you and rules.law.reason_required
        if rules.law.value("circumstances"):
            circumstance = e.take("request.circumstance", choice(
                r.get("circumstance", ""), label="The circumstance", options=circumstance_options(rules),
                required=False)) or ""
    employee = e.take("request.employee", text(r.get("employee"), label="Your name" if you else "The employee's name",
                                               required=True, max_length=NAME_LIMIT))
    manager = e.take("request.manager", text(r.get("manager"), label="The manager's name", max_length=NAME_LIMIT))
    # Left empty: the employee's is dated today; a manager's takes the day it was received (`made_default`).
    made = e.take("request.made", day_date(r.get("made"), label="The date of the request", required=False)) or (
        today if you else made_default)
    since = e.take("request.employed_since", day_date(r.get("employed_since"), label="The start date",
                                                        required=False))
    if since and made and since > made:
        e.add("request.employed_since", f"The start date ({date_words(since)}) is after the date of the request "
                                        f"({date_words(made)}). Check both.")
    hours_now = e.take("request.hours_now", number(r.get("hours_now"), label="Hours a week now", minimum=0.5,
                                                   maximum=100, required=False))
    hours_asked = e.take("request.hours_asked", number(r.get("hours_asked"), label="Hours a week asked for",
                                                       minimum=0.5, maximum=100, required=False))
    if hours_now is not None and hours_asked is not None and hours_now == hours_asked:
        e.add("request.hours_asked", f"The hours asked for are the hours worked now ({fmt_number(hours_now)} a "
                                     "week). Give the new hours, or leave this empty if the hours stay the same.")
    start = e.take("request.start_time", clock(r.get("start_time"), label="The start time", required=False))
    finish = e.take("request.finish_time", clock(r.get("finish_time"), label="The finish time", required=False))
    if (start is None) != (finish is None) and not any(
            err.field in ("request.start_time", "request.finish_time") for err in e.list):
        missing = "request.finish_time" if finish is None else "request.start_time"
        e.add(missing, "Give both a start and a finish time, or neither.")
    elif start is not None and finish is not None and finish <= start:
        e.add("request.finish_time", f"The finish time must be later than the start time ({fmt_clock(start)}).")
    week_raw = group_of(r, "week")
    week = []
    for key in DAY_KEYS:
        place = e.take(f"request.week.{key}", choice(week_raw.get(key, ""), label="where and whether you work that day", options=PLACES,
                                                     required=False))
        if place:
            week.append((day_name(key), place))
    words = e.take("request.change_words", text(r.get("change_words"), label="The change", max_length=WORDS_LIMIT))
    if hours_asked is None and start is None and not week and not words and not any(
            err.field.startswith("request.") and err.field != "request.employee" for err in e.list):
        e.add("request.change_words", "Say what change is asked for: hours, times, the days and where, or in words. "
                                      "A request must set out the change it asks for.")
    start_date = e.take("request.start_date", day_date(r.get("start_date"), label="The date the change would start"))
    if start_date and made and start_date < made:
        e.add("request.start_date", f"The change cannot start before the request is made ({date_words(made)}). "
                                    "Choose a later date.")
    how_label = "The effect on the organisation and how it could be dealt with" if explain_effect else "How it could work"
    how = e.take("request.how_it_works", text(r.get("how_it_works"), label=how_label,
                                              required=you and explain_effect, max_length=WORDS_LIMIT)) or ""
    trial = flag(r.get("trial"))
    trial_weeks = None
    if trial:
        weeks = e.take("request.trial_weeks", number(r.get("trial_weeks"), label="The trial's length", minimum=1,
                                                     maximum=52, required=False))
        trial_weeks = round(weeks) if weeks is not None else None
    reason = e.take("request.reason", text(r.get("reason"), label="The reason", max_length=WORDS_LIMIT)) or ""
    if reason_required and not reason and rules and not any(err.field == "request.reason" for err in e.list):
        e.add("request.reason", f"{rules.source[0].upper() + rules.source[1:]} asks a request to give the reasons for "
                                "it: say why you are asking.")
    previous = _previous(values, e, made)
    if not employee or made is None or start_date is None or previous is None:
        return None
    return Request(employee, manager or "", made, hours_now, hours_asked, start, finish, tuple(week), words or "",
                   start_date, previous, since, how, trial, trial_weeks, reason, flag(r.get("health_or_care")), kind,
                   circumstance)


def _previous(values: dict[str, Any], e: Errors, made: date | None) -> tuple[Previous, ...] | None:
    rows = row_list(values, "previous", MAX_PREVIOUS, "earlier requests", e)
    out = []
    ok = True
    for i, at, n, row in readable_rows(rows, "previous", "Earlier request", "made", e):
        when = e.take(at + "made", day_date(row.get("made"), label="The date of that request"), prefix=n)
        state = e.take(at + "state", choice(row.get("state", "decided"), label="Where it stands",
                                            options=PREVIOUS_STATES), prefix=n)
        if when and made and when > made:
            e.add(at + "made", f"{n}it is dated after this request ({date_words(made)}). List only earlier ones.")
            when = None
        if when is None or state is None:
            ok = False
            continue
        out.append(Previous(i, when, state))
    return tuple(sorted(out, key=lambda p: p.made)) if ok else None


@dataclass(frozen=True)
class Standing:
    """Whether the request is a statutory one, and each reason it is not (or what to watch), beside its field."""

    formal: bool  # a formal request under the rules now (statutory, where a law applies)
    statutory: bool
    notes: tuple[tuple[str, str], ...]
    statutory_from: date | None  # when a statutory request could be made, if not now
    decide_by: date | None  # the end of the decision period, counted from the request's date


def standing(req: Request, rules: Rules, received: date | None = None) -> Standing:
    """Check the request against the rules: how many in 12 months, one at a time, qualifying service, and when a
    decision is due. Nothing here refuses the request: the person is told, with the rule, and can still ask.
    With `received` (the decision record) the notes speak to the manager, once the request has been made.

    Two questions, because an organisation may be more generous than the law: is it a formal request under the
    organisation's rules, and is it also a statutory one (within the law's own limits: ERA 1996 s.80F(4), (8))?"""
    manager = received is not None
    meanwhile = ("You may still consider it as an informal request." if manager else
                 "You can still ask informally now.")
    notes: list[tuple[str, str]] = []
    blocked_until: list[date] = []
    not_statutory: list[date] = []  # formal under the organisation's policy, but beyond the law's limits
    law = f"Under {rules.source}"
    live = [p for p in req.previous if p.state == "open"]
    if live and rules.one_live:
        p = live[-1]
        notes.append((f"previous.{p.index}.state",
                      f"{law} only one request can be considered at a time, and the one of {date_words(p.made)} is "
                      "still being decided. "
                      + ("This one can be a formal request once that one is decided or withdrawn. " + meanwhile
                         if manager else "Wait for its answer (or withdraw it) before making this one formally.")))
    year_ago = months_after(req.made, -12)
    recent = sorted((p for p in req.previous if p.made > year_ago), key=lambda p: p.made)
    if rules.per_12_months and len(recent) >= rules.per_12_months:
        free = months_after(recent[-rules.per_12_months].made, 12)
        blocked_until.append(free)
        notes.append((f"previous.{recent[-1].index}.made",
                      f"This {'is' if manager else 'would be'} request number {len(recent) + 1} in 12 months. {law} "
                      f"{_times(rules.per_12_months)} can be made in any 12 months, so this cannot be a formal "
                      f"request until {date_words(free)}. {meanwhile}"))
    elif rules.law and rules.law.per_12_months and len(recent) >= rules.law.per_12_months:
        free = months_after(recent[-rules.law.per_12_months].made, 12)
        not_statutory.append(free)
        notes.append((f"previous.{recent[-1].index}.made",
                      f"This {'is' if manager else 'would be'} request number {len(recent) + 1} in 12 months. "
                      f"{rules.law.name[0].upper() + rules.law.name[1:]} allows {_times(rules.law.per_12_months)} in "
                      "any 12 months, so this one is a formal request under the organisation's own policy, not a "
                      f"statutory one; a statutory request can be made from {date_words(free)}."))
    lw = rules.law
    if lw is None and rules.qualifying_weeks and req.employed_since:
        qualifies = req.employed_since + timedelta(weeks=rules.qualifying_weeks)
        if qualifies > req.made:
            blocked_until.append(qualifies)
            notes.append(("request.employed_since",
                          f"{law} a formal request can be made after {rules.qualifying_weeks} weeks' "
                          f"employment, which is on {date_words(qualifies)}. {meanwhile}"))
    elif lw and lw.has_qualifying_period and req.employed_since:
        qualifies = lw.qualifies_on(req.employed_since)
        if lw.service_before_start:
            if req.start_date < qualifies:
                notes.append(("request.start_date",
                              f"{law} an approved arrangement cannot start before {lw.service_words} continuous "
                              f"employment, which is on {date_words(qualifies)}. Choose that date or a later one."))
        elif qualifies > req.made and not rules.from_day_one:
            blocked_until.append(qualifies)
            notes.append(("request.employed_since",
                          f"{law} a statutory request can be made after {lw.service_words} continuous "
                          f"employment, which is on {date_words(qualifies)}. {meanwhile}"))
        elif qualifies > req.made:
            not_statutory.append(qualifies)
            notes.append(("request.employed_since",
                          f"{lw.name[0].upper() + lw.name[1:]} gives the statutory right after "
                          f"{lw.service_words} continuous employment, on {date_words(qualifies)}. Until then this "
                          "is a formal request under the organisation's own policy, not a statutory one."))
    no_circumstance = bool(lw and lw.value("circumstances") and not req.circumstance)
    if no_circumstance:
        notes.append(("request.circumstance",
                      f"{law} a statutory request rests on one of the circumstances the law lists ({lw.rules['circumstances'].citation}). "
                      + ("Choose the one that applies. " if not manager else "The request names none. ") + meanwhile))
    notice = lw.value("notice_weeks") if lw else None
    if notice and req.start_date < req.made + timedelta(weeks=notice):
        earliest = req.made + timedelta(weeks=notice)
        notes.append(("request.start_date",
                      f"{law} a request is made at least {notice} weeks before the change would start "
                      f"({lw.rules['notice_weeks'].citation}): for a request made on {date_words(req.made)}, a start "
                      f"on {date_words(earliest)} or later."))
    decide_by = decision_due(received or req.made, rules)
    if decide_by and req.start_date <= decide_by and not blocked_until and not live and not manager:
        counted = "the day it is received" if not manager else date_words(received)
        if rules.decision_months:
            when = (f"{law} the decision, including any appeal, can take until {date_words(decide_by)} "
                    f"({rules.decision_months} month{'s' if rules.decision_months != 1 else ''} beginning with "
                    f"{counted}{'' if manager else ', if that is the date it carries'})")
        elif rules.period:
            when = (f"{law} the reply can take until {date_words(decide_by)} ({rules.period_words} "
                    f"{'beginning with' if rules.counts_receipt_day else 'after'} {counted}"
                    f"{'' if manager else ', if that is the date it carries'})")
        else:
            when = (f"{law} the decision can take until {date_words(decide_by)} (the meeting within "
                    f"{rules.steps.meeting} days and the decision within {rules.steps.decision} days after it, "
                    f"counted from {counted}{'' if manager else ', if that is the date it carries'}; an appeal has "
                    "its own steps after that)")
        notes.append(("request.start_date",
                      f"{when}. A start on {date_words(req.start_date)} may come before it: you can still ask for "
                      "it, and agree the date when the answer comes."))
    formal = not blocked_until and not (live and rules.one_live) and not no_circumstance
    statutory = formal and rules.statutory and not not_statutory
    return Standing(formal, statutory, tuple(notes),
                    max(blocked_until + not_statutory) if (blocked_until or not_statutory) else None, decide_by)


def decision_due(received: date, rules: Rules) -> date | None:
    """The last day for a decision: the end of the period (any appeal included) where the rules set one; the
    law's own period counted its own way (days, weeks or months; the day of receipt counted or not); where only
    the steps are timed (NI), the meeting on its last allowed day and the decision on the last day after it."""
    if rules.decision_months:
        return period_end(received, rules.decision_months)
    if rules.period:
        n, unit = rules.period
        return last_day(received, n, unit, "beginning_with" if rules.counts_receipt_day else "after")
    if rules.steps:
        return received + timedelta(days=rules.steps.meeting + rules.steps.decision)
    return None


def _times(n: int) -> str:
    return {1: "one request", 2: "two requests"}.get(n, f"{n} requests")
