"""Reading the decision record: the request, each step's dates and the outcome, checked against the rules.

What the rules forbid is refused beside its field, with the rule (a refusal with no ground, or before consulting);
what is merely late or unusual is a note beside its field, and the record is still drawn."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .. import now
from ..forms import (Errors, FieldError, choice, choices, clock, day_date, flag, group_of, number, readable_rows,
                     row_list, text)
from ..documents import date_words
from ..flexible_working import rules as request_rules
from ..flexible_working.fields import NAME_LIMIT, WORDS_LIMIT
from ..flexible_working.reading import read_request, standing
from .model import (APPEAL_OUTCOMES, BETTER, COMPANION, LASTING, MAX_MEASURES, MISSED, OUTCOMES, Appeal, Decision, Measure,
                    Trial)


def _date(e: Errors, name: str, raw: Any, label: str, required: bool = False) -> date | None:
    return e.take(name, day_date(raw, label=label, required=required))


def validate(values: dict[str, Any], org: dict[str, Any], today: date | None = None) -> Decision | list[FieldError]:
    values = values if isinstance(values, dict) else {}
    org = org if isinstance(org, dict) else {}
    today = today or now.today()
    rules = request_rules.for_org(org)
    e = Errors()
    notes: list[tuple[str, str]] = []
    d = group_of(values, "decision")
    received = _date(e, "decision.received", d.get("received"), "The date the request was received", required=True)
    request = read_request(values, e, today, by="manager", made_default=received, rules=rules)
    if request:
        rules = rules.of_kind(request.kind)  # where the law has more than one kind of request (Ireland)

    if received and received > today:
        e.add("decision.received", f"A request cannot be received in the future: {date_words(received)} is after "
                                   f"today, {date_words(today)}. Check the date.")
        received = None
    if received and request and received < request.made:
        e.add("decision.received", f"It cannot be received ({date_words(received)}) before the date written on it "
                                   f"({date_words(request.made)}). Check both dates.")
        received = None

    def after_received(name: str, value: date | None, what: str) -> date | None:
        if value and received and value < received:
            e.add(name, f"{what} ({date_words(value)}) is before the request was received ({date_words(received)}).")
            return None
        return value

    acknowledged = after_received("decision.acknowledged", _date(e, "decision.acknowledged", d.get("acknowledged"),
                                                                 "The date you acknowledged it"), "The acknowledgement")
    meeting = after_received("decision.meeting", _date(e, "decision.meeting", d.get("meeting"),
                                                       "The date of the meeting"), "The meeting")
    meeting_time = e.take("decision.meeting_time", clock(d.get("meeting_time"), label="The time", required=False))
    place = e.take("decision.meeting_place", text(d.get("meeting_place"), label="Where", max_length=120)) or ""
    companion = e.take("decision.companion", choice(d.get("companion", ""), label="A companion", options=COMPANION,
                                                    required=False)) or ""
    missed = int(e.take("decision.missed", choice(d.get("missed", "0"), label="Meetings missed", options=MISSED,
                                                  required=False)) or 0)
    consulted = after_received("decision.consulted", _date(e, "decision.consulted", d.get("consulted"),
                                                           "The date you consulted"), "The consultation")
    outcome = e.take("decision.outcome", choice(d.get("outcome", ""), label="The outcome", options=OUTCOMES,
                                                required=False)) or ""
    decided_on = after_received("decision.decided_on", _date(e, "decision.decided_on", d.get("decided_on"),
                                                             "The date of the decision letter"), "The decision")
    if decided_on and not outcome:
        e.add("decision.outcome", "Choose the outcome the decision letter gives.")

    changes = start = until = None
    lasting = "permanent"
    grounds: tuple[str, ...] = ()
    explanation = alternatives = reasonable = ""
    if outcome == "accept_changes":
        changes = e.take("decision.changes", text(d.get("changes"), label="What was agreed instead", required=True,
                                                  max_length=WORDS_LIMIT))
    if outcome in ("accept", "accept_changes"):
        start = _date(e, "decision.start", d.get("start"), "The date the change starts")
        lasting = e.take("decision.lasting", choice(d.get("lasting", "permanent"), label="How long it lasts",
                                                    options=LASTING)) or "permanent"
        if lasting == "until":
            until = _date(e, "decision.until", d.get("until"), "The date it lasts until", required=True)
            if until and start and until <= start:
                e.add("decision.until", f"It must last until after it starts ({date_words(start)}).")
        if start and decided_on and start < decided_on:
            notes.append(("decision.start", f"The change starts ({date_words(start)}) before the decision letter "
                                            f"is dated ({date_words(decided_on)}). Check the dates."))
    if outcome == "refuse":
        grounds, explanation, alternatives, reasonable = _refusal(d, rules, e)
        conditions = rules.law.value("refusal_conditions") if rules.law else None
        if conditions and not flag(d.get("conditions_met")):
            e.add("decision.conditions_met", f"Under {rules.source} you may refuse only if "
                                             + "; ".join(conditions) + f" ({rules.law.rules['refusal_conditions'].citation}). "
                                             "Confirm each, or do not refuse.")
        if rules.consult_before_refusal and not consulted and not (meeting and meeting <= (decided_on or today)):
            e.add("decision.consulted", f"Under {rules.source} you must consult the employee before refusing. Hold "
                                        "the meeting, or record the date you discussed it with them, and then decide.")
    if outcome == "treated_withdrawn" and missed < 2:
        e.add("decision.outcome", "A request can be treated as withdrawn only when the employee has missed two "
                                  "meetings about it without good reason. Set the meetings missed, or choose "
                                  "another outcome.")
    if consulted and decided_on and consulted > decided_on and outcome == "refuse":
        e.add("decision.consulted", f"The consultation ({date_words(consulted)}) comes after the decision "
                                    f"({date_words(decided_on)}): consult before deciding.")
    # A decision is made after the meeting, where one is held (the invitation says "Nothing is decided before we
    # have talked"); the same day is fine. A withdrawal may come before a meeting that then never takes place.
    if meeting and decided_on and decided_on < meeting and outcome != "withdrawn":
        e.add("decision.decided_on", f"The decision letter is dated {date_words(decided_on)}, before the meeting "
                                     f"({date_words(meeting)}). A decision is made after talking it through: date "
                                     f"the letter on or after {date_words(meeting)}, or correct the meeting's date.")

    trial = _trial(values, e, received, meeting, decided_on, notes) if outcome == "trial" else None
    extended_to = _date(e, "decision.extended_to", d.get("extended_to"), "The extended date")
    agreed_on = _date(e, "decision.extension_agreed_on", d.get("extension_agreed_on"), "The date it was agreed")
    if extended_to and not agreed_on:
        e.add("decision.extension_agreed_on", "Give the date you and the employee agreed the extension.")
    appeal = _appeal(group_of(values, "appeal"), e, decided_on, outcome, rules.appeal, notes, request)
    confirmed_on = _date(e, "decision.confirmed_on", d.get("confirmed_on"), "The date it was confirmed")

    if e.list or request is None or received is None:
        return e.list or [FieldError("request.employee", "Fill in the request and the date it was received.")]
    st = standing(request, rules, received)
    if extended_to and rules.extension == "none":
        return [FieldError("decision.extended_to", f"{rules.source[0].upper() + rules.source[1:]} sets no way to "
                                                   f"extend the time for a reply ({rules.law.rules['extension'].citation}"
                                                   f"): it is due by {date_words(st.decide_by)}. Leave this empty.")]
    if extended_to and st.decide_by and extended_to <= st.decide_by:
        return [FieldError("decision.extended_to", f"An extension must end after the decision is due "
                                                   f"({date_words(st.decide_by)}).")]
    if extended_to and rules.extension == "employer_notice" and st.decide_by:
        most = st.decide_by + timedelta(weeks=rules.extension_weeks or 0)
        cite = rules.law.rules["extension"].citation
        if extended_to > most:
            return [FieldError("decision.extended_to", f"Under {rules.source} the notice may extend the time by "
                                                       f"{rules.extension_weeks} weeks at most ({cite}): to "
                                                       f"{date_words(most)} at the latest.")]
        if agreed_on and agreed_on > st.decide_by:
            return [FieldError("decision.extension_agreed_on", f"Under {rules.source} the notice of an extension is "
                                                               f"given within the time for a reply, by "
                                                               f"{date_words(st.decide_by)} ({cite}). It is too late "
                                                               "to extend it now.")]
    if agreed_on and st.decide_by and agreed_on > st.decide_by and rules.extension in ("agreement",
                                                                                      "agreement_in_writing"):
        from ..flexible_working.dates import period_end

        looking_back = period_end(st.decide_by + timedelta(days=1), 3) if rules.jurisdiction == "GB" else None
        notes.append(("decision.extension_agreed_on",
                      f"The extension was agreed after the period ended ({date_words(st.decide_by)}). "
                      + (f"The law in Great Britain allows that only within three months after it ended (by "
                         f"{date_words(looking_back)}: Employment Rights Act 1996, s.80G(1C)). "
                         + ("That date has passed. " if agreed_on > looking_back else "") if looking_back else "")
                      + "Agree extensions before the period runs out where you can."))
    return Decision(request, st, rules, org, today, received, acknowledged, meeting, meeting_time, place, companion,
                    missed, consulted, extended_to, agreed_on, outcome, decided_on, changes or "", start, lasting,
                    until, grounds, explanation, alternatives, reasonable, trial, appeal, confirmed_on,
                    st.notes + tuple(notes))


def ground_options(rules: request_rules.Rules) -> tuple[tuple[str, str], ...]:
    """The grounds a manager may choose: the law's list, and under a law whose list is of examples (Australia)
    another ground of the same kind, explained."""
    if rules.grounds_kind == "examples":
        return rules.grounds + ((request_rules.OTHER_GROUND, "another reasonable business ground, explained below"),)
    return rules.grounds


def _refusal(d: dict[str, Any], rules: request_rules.Rules, e: Errors) -> tuple[tuple[str, ...], str, str, str]:
    raw = d.get("grounds", [])
    if rules.grounds_kind == "reasons":
        picked: list[str] = []
        if raw not in (None, "", []):
            e.add("decision.grounds", f"{rules.source[0].upper() + rules.source[1:]} has no list of grounds: a refusal "
                                      f"gives its reasons ({rules.law.rules['grounds_kind'].citation}). Clear the "
                                      "grounds and write the reasons.")
        explanation = e.take("decision.explanation", text(
            d.get("explanation"), label="The reasons for refusing", required=True, max_length=WORDS_LIMIT)) or ""
        alternatives = e.take("decision.alternatives", text(d.get("alternatives"), label="What else you considered",
                                                            max_length=WORDS_LIMIT)) or ""
        return (), explanation, alternatives, ""
    picked, problem = choices(raw if isinstance(raw, (list, str)) else [], label="The grounds",
                              options=ground_options(rules))
    if problem or not isinstance(raw, (list, str)):
        e.add("decision.grounds", f"A refusal can rest only on the grounds listed here: {rules.source} allows no "
                                  "other. Choose from the list.")
    elif not picked:
        e.add("decision.grounds", f"A refusal must rest on at least one of the grounds {rules.source} allows. "
                                  "Choose each one that applies; if none does, the request cannot be refused.")
    explanation = e.take("decision.explanation", text(
        d.get("explanation"), label="Why the ground applies", required=True, max_length=WORDS_LIMIT)) or ""
    alternatives = e.take("decision.alternatives", text(d.get("alternatives"), label="What else you considered",
                                                        max_length=WORDS_LIMIT)) or ""
    # The Employment Rights Act 2025, s.9: a refusal must be reasonable and the notice say why. Asked now as good
    # practice; required once the organisation's setting says the change has commenced.
    reasonable = e.take("decision.reasonable", text(
        d.get("reasonable"), label="Why refusing is reasonable", required=rules.reasonable_refusal,
        max_length=WORDS_LIMIT)) or ""
    return tuple(picked), explanation, alternatives, reasonable


def _trial(values: dict[str, Any], e: Errors, received: date | None, meeting: date | None, decided_on: date | None,
           notes: list[tuple[str, str]]) -> Trial | None:
    t = group_of(values, "trial")
    start = _date(e, "trial.start", t.get("start"), "The date the trial starts", required=True)
    # A trial answers the request: it cannot start before the request arrived, nor before the two have talked.
    # Agreed at the meeting and started at once, it may start before the letter confirming it: a note, not a stop.
    if start and received and start < received:
        e.add("trial.start", f"The trial cannot start ({date_words(start)}) before the request was received "
                             f"({date_words(received)}): it is agreed in answer to the request. Check the dates.")
    elif start and meeting and start < meeting:
        e.add("trial.start", f"The trial starts ({date_words(start)}) before the meeting ({date_words(meeting)}). "
                             "A trial is agreed after talking the request through: start it on or after the "
                             "meeting, or correct the meeting's date.")
    elif start and decided_on and start < decided_on:
        notes.append(("trial.start", f"The trial starts ({date_words(start)}) before the letter agreeing it is dated "
                                     f"({date_words(decided_on)}). That is fine if you agreed it at the meeting and "
                                     "confirmed it in writing later; otherwise check the dates."))
    weeks = e.take("trial.weeks", number(t.get("weeks", "12"), label="The trial's length", minimum=1, maximum=52))
    every = e.take("trial.review_every", number(t.get("review_every", "4"), label="How often to review", minimum=1,
                                                maximum=52))
    success = e.take("trial.success", text(t.get("success"), label="What success looks like", required=True,
                                           max_length=WORDS_LIMIT))
    if weeks is not None and weeks != int(weeks):
        e.add("trial.weeks", "Give the trial's length in whole weeks.")
        weeks = None
    if every is not None and every != int(every):
        e.add("trial.review_every", "Give how often to review in whole weeks.")
        every = None
    measures = []
    rows = row_list(values, "trial_measures", MAX_MEASURES, "measures", e)
    for _, at, n, row in readable_rows(rows, "trial_measures", "Measure", "name", e):
        name = e.take(at + "name", text(row.get("name"), label="The measure", required=True, max_length=120), n)
        baseline = e.take(at + "baseline", text(row.get("baseline"), label="The baseline", max_length=40), n) or ""
        target = e.take(at + "target", text(row.get("target"), label="The target", max_length=40), n) or ""
        better = e.take(at + "better", choice(row.get("better", ""), label="Which way is better", options=BETTER,
                                              required=False), n) or ""
        if name and not better and not any(x.field == at + "better" for x in e.list):
            e.add(at + "better", f"{n}say which way is better for “{name}”: a higher figure or a lower one. The "
                                 "trial review reads each measure this way, and does not guess.")
        if name:
            measures.append(Measure(name, baseline, target, better))
    if start is None or weeks is None or every is None or not success:
        return None
    return Trial(start, int(weeks), int(every), success, tuple(measures))


def _appeal(a: dict[str, Any], e: Errors, decided_on: date | None, outcome: str, allowed: bool,
            notes: list[tuple[str, str]], request: Any) -> Appeal | None:
    received = _date(e, "appeal.received", a.get("received"), "The date the appeal was received")
    if received is None:
        return None
    if not allowed:
        e.add("appeal.received", "Your organisation's rules do not offer an appeal.")
        return None
    if outcome not in ("refuse", "accept_changes", "trial"):
        e.add("appeal.received", "There is nothing to appeal against yet: an appeal follows a refusal, or a "
                                 "decision that changed what was asked.")
        return None
    if decided_on and received < decided_on:
        e.add("appeal.received", f"The appeal ({date_words(received)}) comes before the decision it is against "
                                 f"({date_words(decided_on)}).")
    by = e.take("appeal.by", text(a.get("by"), label="Who hears the appeal", required=True, max_length=NAME_LIMIT))
    meeting = _date(e, "appeal.meeting", a.get("meeting"), "The date of the appeal meeting")
    if meeting and meeting < received:
        e.add("appeal.meeting", f"The appeal meeting is before the appeal was received ({date_words(received)}).")
    result = e.take("appeal.outcome", choice(a.get("outcome", ""), label="The appeal outcome",
                                             options=APPEAL_OUTCOMES, required=False)) or ""
    decided = _date(e, "appeal.decided_on", a.get("decided_on"), "The date of the appeal decision")
    if decided and not result:
        e.add("appeal.outcome", "Choose the appeal's outcome.")
    reasons = e.take("appeal.reasons", text(a.get("reasons"), label="The reasons", required=bool(result),
                                            max_length=WORDS_LIMIT)) or ""
    if by and request and request.manager and by.casefold() == request.manager.casefold():
        notes.append(("appeal.by", "The Acas Code expects the appeal to be heard by a different manager from the "
                                   "one who decided, where that is possible."))
    if not by:
        return None
    return Appeal(received, by, meeting, result, decided, reasons)
