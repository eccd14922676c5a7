"""The request as a letter, and the dates that follow from it."""

from __future__ import annotations

from ..documents import date_words
from ..flexible_working.letters import Letter
from ..flexible_working.model import PREVIOUS_STATES
from ..flexible_working.timeline import Event
from .model import Asked, Result


def compute(asked: Asked) -> Result:
    return Result(asked, letter(asked), tuple(events(asked)))


def events(asked: Asked) -> list[Event]:
    req, st = asked.request, asked.standing
    out = [Event(req.made, "request made", "done" if req.made <= asked.today else "planned")]
    if st.statutory_from:
        out.append(Event(st.statutory_from, "a statutory request can be made" if st.formal else
                         "a formal request can be made", "planned"))
    if st.decide_by and st.formal:
        # Counted from the day it is received (Flexible Working Regulations 2014, reg. 5), which only the manager
        # knows: the date shown assumes it arrives the day it is dated.
        out.append(Event(st.decide_by, ("decision due, appeal included" if asked.rules.decision_months else
                                        "reply due" if asked.rules.period else "decision due")
                         + ", if received the day it is dated", "due"))
    out.append(Event(req.start_date, "the change would start", "planned"))
    return out


def letter(asked: Asked) -> Letter:
    req, st, rules, org = asked.request, asked.standing, asked.rules, asked.org
    name, term = str(org.get("name", "")), str(org.get("term", ""))
    blocks: list = []
    if st.statutory and rules.law:
        subject = "Statutory request for flexible working"
        blocks.append(f"I am making a statutory request for flexible working under {rules.law.citation}.")
    elif st.formal:
        subject = "Request for flexible working"
        blocks.append(f"I am making a formal request for flexible working under {name}'s {term} policy.")
    else:
        subject = "Informal request for flexible working"
        when = f" until {date_words(st.statutory_from)}" if st.statutory_from else " yet"
        blocks.append(f"I would like to ask, informally, for a change to how I work. I understand it cannot be a "
                      f"formal request{when}, and I would be glad to talk about it now.")
    if req.circumstance and rules.law and rules.law.value("circumstances"):
        listed = dict((f"c{i + 1}", w) for i, w in enumerate(rules.law.value("circumstances")))
        if req.circumstance in listed:
            blocks.append(f"I make it because of a circumstance the law lists "
                          f"({rules.law.rules['circumstances'].citation}): {listed[req.circumstance]}.")
    lines = req.change_lines(words=False)
    blocks += ["The change I am asking for:", tuple(lines)] if lines else ["The change I am asking for:"]
    if req.change_words:
        blocks.append(req.change_words)
    blocks.append(f"I would like the change to start on {date_words(req.start_date)}.")
    if req.how_it_works:
        effect = bool(rules.law and rules.law.explain_effect)
        blocks += [("h", "The effect on the organisation, and how it could be dealt with" if effect else
                    "How it could work"), req.how_it_works]
    if req.trial:
        length = f" of {req.trial_weeks} weeks" if req.trial_weeks else ""
        blocks.append(f"I would be happy to try it first for a trial period{length}, and to review it together at "
                      "the end.")
    if req.reason:
        blocks += [("h", "Why I am asking"), req.reason]
    if req.health_or_care:
        blocks.append("This request is linked to a disability, a health condition or caring for someone. Please "
                      "consider it with that in mind, including any reasonable adjustment it may call for.")
    if req.previous:
        earlier = "; ".join(f"{date_words(p.made)} ({dict(PREVIOUS_STATES)[p.state].lower()})" for p in req.previous)
        plural = "earlier requests" if len(req.previous) > 1 else "an earlier request"
        blocks.append(f"I have made {plural} for flexible working to this employer: {earlier}.")
    else:
        blocks.append("I have not made a request for flexible working to this employer before.")
    steps = rules.steps
    months = rules.decision_months
    if st.formal and steps:
        blocks.append(f"I understand that under {rules.source} we should meet within {steps.meeting} days after you "
                      f"receive this request, and that you will give me your decision within {steps.decision} days "
                      "after the meeting. I am happy to talk it through.")
    elif st.formal and months:
        period = "two months" if months == 2 else f"{months} month{'s' if months != 1 else ''}"
        blocks.append(f"I understand that {rules.source} asks for a decision, including any appeal, within {period} "
                      f"beginning with {rules.received_words()}, unless we agree to take longer. I am happy to meet "
                      "to talk it through.")
    elif st.formal and rules.period:
        blocks.append(f"I understand that {rules.source} asks for a written reply within {rules.period_words} "
                      f"{'beginning with' if rules.counts_receipt_day else 'after'} the day you receive this request. "
                      "I am happy to meet to talk it through.")
    else:
        blocks.append("I am happy to meet to talk it through.")
    return Letter("request-letter", "Your request letter", subject, req.manager, req.employee,
                  req.made, tuple(blocks), signed=req.employee)

