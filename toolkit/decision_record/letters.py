"""Each letter of the decision record, worded for its step and its outcome. Sentences are plain text with the
typed names and words inside; toolkit.flexible_working.letters escapes them for each format."""

from __future__ import annotations

from ..forms import fmt_clock
from ..documents import date_words
from ..flexible_working.letters import Letter
from ..flexible_working.rules import OTHER_GROUND
from .model import Result, last_day_to_appeal


def letters(r: Result) -> list[Letter]:
    d = r.decision
    out = [acknowledgement(r)]
    if d.meeting:
        out.append(invitation(r))
    if d.outcome == "trial" and d.trial:
        out.append(trial_confirmation(r))
    elif d.outcome:
        out.append(outcome(r))
    if d.extended_to or (r.trial_end and r.decide_by and r.trial_end > r.decide_by
                         and d.rules.extension in ("agreement", "agreement_in_writing")):
        out.append(extension(r))
    if d.appeal and d.appeal.outcome:
        out.append(appeal_outcome(r))
    if r.confirm_by:
        out.append(confirmation(r))
    return out


def _manager(r: Result) -> str:
    return r.decision.request.manager or "Your manager"


def _change(r: Result) -> tuple[str, ...]:
    """The change asked for, in the letter's plain words (the employee's own words are quoted apart: _asked)."""
    return tuple(r.decision.request.change_lines(words=False))


def _asked(r: Result, intro: str) -> list:
    """What the employee asked for: the set parts as a list, and their own description quoted and attributed, so
    that a manager's letter never puts the employee's words in the manager's mouth."""
    lines, words = _change(r), " ".join(r.decision.request.change_words.split())
    return [intro] + ([lines] if lines else []) + ([f"In your words: “{words}”"] if words else [])


def acknowledgement(r: Result) -> Letter:
    d, req = r.decision, r.decision.request
    dated = d.acknowledged or d.received
    blocks: list = _asked(r, f"Thank you for your request for flexible working, dated {date_words(req.made)}, which I "
                             f"received on {date_words(d.received)}. You asked for:")
    steps = d.rules.steps
    due = r.due_on(dated)  # what was true on the day the letter is dated: a later extension is not in it
    if steps and d.standing.formal:
        blocks.append(f"Under {d.rules.source} we will meet within {steps.meeting} days after receiving it and give "
                      f"you our decision in writing within {steps.decision} days after the meeting, unless we agree "
                      "together to take longer (an agreement I will confirm to you in writing).")
    elif due and d.standing.formal and d.rules.period:
        blocks.append(f"Under {d.rules.source} we will reply to you in writing by {date_words(due)}"
                      + {"employer_notice": ", unless we give you written notice, before then, that we need longer.",
                         "none": "."}.get(d.rules.extension, ", unless we agree together to take longer."))
    elif due and d.standing.formal:
        blocks.append(f"Under {d.rules.source} we will give you our decision, including any appeal, by "
                      f"{date_words(due)}, unless we agree together to take longer.")
    if not d.standing.formal:
        blocks.append("It cannot be a formal request at the moment, for the reason below, so we will treat it as an "
                      "informal request and still consider it carefully:")
        blocks.append(tuple(message for _, message in d.standing.notes))
    blocks.append("I would like to meet you to talk it through. " + d.rules.companion_words())
    return Letter("acknowledgement-letter", "Acknowledgement", "Your flexible working request", req.employee,
                  _manager(r), dated, tuple(blocks), signed=_manager(r))


def invitation(r: Result) -> Letter:
    d, req = r.decision, r.decision.request
    at = f" at {fmt_clock(d.meeting_time)}" if d.meeting_time is not None else ""
    where = f" ({d.meeting_place})" if d.meeting_place else ""
    blocks = (f"I would like to meet you on {date_words(d.meeting)}{at}{where} to talk about your request for "
              "flexible working.",
              "We will look at what you have asked for, how it could work for you and for the team, and any other "
              "options. Nothing is decided before we have talked.",
              d.rules.companion_words() + " Please tell me if someone will come with you, if the "
              f"{'time' if d.meeting_time is not None else 'date'} does not suit you, or if you need any adjustment "
              "to take part.")
    return Letter("meeting-invitation", "Meeting invitation", "Meeting about your flexible working request",
                  req.employee, _manager(r), d.acknowledged or d.received, blocks, signed=_manager(r))


def outcome(r: Result) -> Letter:
    d, req, rules = r.decision, r.decision.request, r.decision.rules
    blocks: list = []
    if d.outcome == "accept":
        blocks += _asked(r, "I am pleased to agree to your request for flexible working. The change is:")
    elif d.outcome == "accept_changes":
        blocks += ["Thank you for talking your request through with me. We have agreed a pattern that differs from "
                   "what you first asked for:", d.changes]
    elif d.outcome == "refuse" and rules.grounds_kind == "reasons":
        blocks += ["I have considered your request carefully, having regard to your needs and ours. I am sorry that "
                   "I cannot agree to it, for these reasons:", d.explanation]
        if d.alternatives:
            blocks += [("h", "What else we considered"), d.alternatives]
        blocks += appeal_blocks(r)
    elif d.outcome == "refuse":
        named = dict(rules.grounds)
        named[OTHER_GROUND] = "another reasonable business ground, explained below"
        plural = len(d.grounds) > 1
        cited = rules.law.rules["grounds"].citation if rules.period and rules.law and "grounds" in rules.law.rules \
            else ""
        blocks += ["I have considered your request carefully and talked it through with you. I am sorry that I "
                   + ("cannot agree to it, for the following reason" + ("s" if plural else "") + ":" if not cited else
                      f"cannot agree to it. It is refused because of the following ground{'s' if plural else ''}, "
                      f"which {cited} allows:"),
                   tuple(named[g][0].upper() + named[g][1:] + "." for g in d.grounds),
                   ("h", "Why this applies to your request"), d.explanation]
        if d.alternatives:
            blocks += [("h", "What else we considered"), d.alternatives]
        if d.reasonable:
            blocks += [("h", "Why refusing is reasonable"), d.reasonable]
        blocks += appeal_blocks(r)
    if d.outcome == "refuse":
        blocks.append("You can make a new request in the future, within the rules on how often requests can be "
                      "made.")
    elif d.outcome == "withdrawn":
        blocks.append("You have told me that you wish to withdraw your request for flexible working. I confirm "
                      "that it is withdrawn; you are welcome to make another request in the future.")
    elif d.outcome == "treated_withdrawn":
        blocks.append("You did not attend two meetings arranged to discuss your request, and did not give a good "
                      "reason. I am therefore treating your request as withdrawn. If there was a reason you could "
                      "not attend, please tell me and we will look at it again.")
    if d.outcome in ("accept", "accept_changes"):
        if d.start:
            blocks.append(f"It will start on {date_words(d.start)}.")
        if d.lasting == "until" and d.until:
            blocks.append(f"It is agreed for a set time, until {date_words(d.until)}, when your earlier pattern "
                          "returns unless we agree otherwise.")
        else:
            blocks.append("It is a permanent change to your terms and conditions. We will confirm the new terms in "
                          "writing" + (f" by {date_words(r.confirm_by)}" if r.confirm_by else "") + ".")
    return Letter("outcome-letter", "Outcome letter", "The decision on your flexible working request", req.employee,
                  _manager(r), d.decided_on, tuple(blocks), signed=_manager(r))


def appeal_blocks(r: Result) -> list:
    """How to appeal a refusal. Where the law gives the appeal and times it (Northern Ireland), its three steps with
    the last day to appeal; where the organisation offers one (the Acas Code, in Great Britain), within the period."""
    d, rules = r.decision, r.decision.rules
    steps = rules.steps
    if rules.appeal_statutory and steps:
        last = last_day_to_appeal(d, steps)
        # Notice is given when it reaches the employee: a posted letter arrives later (2003 Regulations, reg. 2).
        by = (f", that is by {date_words(last)} if this letter is handed to you or emailed today (later if it is "
              "posted)" if last else "")
        return [f"If you disagree, you have the right to appeal under Article 112G of the Employment Rights "
                "(Northern Ireland) Order 1996 and the Flexible Working (Procedural Requirements) Regulations "
                f"(Northern Ireland) 2003. You may appeal within {steps.appeal} days after the day this notice is "
                f"given to you{by}, by a dated letter or email to me setting out your grounds of appeal.",
                f"We will then meet to discuss your appeal within {steps.appeal_meeting} days after receiving it, "
                f"and give you the decision on it in writing within {steps.appeal_decision} days after that "
                "meeting. Someone other than me will hear it where possible. " + rules.companion_words()]
    out: list = []
    due = r.due_on(d.decided_on)
    if rules.appeal and rules.decision_months:
        within = (f", and it will be decided by {date_words(due)}, within the period for deciding your "
                  "request" if due else "")
        out.append("If you disagree, you can appeal. Please write to me as soon as you can, saying why; someone "
                   f"other than me will hear the appeal where possible{within}.")
    elif rules.appeal:
        out.append("If you disagree, you can appeal under our own procedure: please write to me, saying why; someone "
                   "other than me will hear the appeal where possible.")
    if rules.appeal and not rules.statutory:
        own = rules.org.get("name") if isinstance(rules.org.get("name"), str) else ""
        out.append(f"This appeal is part of {own + chr(39) + 's' if own else 'our'} own policy on flexible working, "
                   "not a statutory right.")
    if rules.dispute_route:
        out += [("h", "If you still disagree: the route the law gives"),
                f"Under {rules.source}:", tuple(rules.dispute_route)]
    return out


def trial_confirmation(r: Result) -> Letter:
    d, req, t = r.decision, r.decision.request, r.decision.trial
    assert t is not None and r.trial_end is not None
    blocks: list = _asked(r, f"Thank you for talking your request through with me. We have agreed to try the new "
                             f"pattern for {t.weeks} weeks, from {date_words(t.start)} to {date_words(r.trial_end)}. "
                             "The pattern is:")
    blocks += [("h", "What success looks like"), t.success]
    if t.measures:
        ways = {"higher": " (higher is better)", "lower": " (lower is better)"}
        blocks += ["We will look at:", tuple(f"{m.name}: now {m.baseline or 'to be measured'}, target "
                                             f"{m.target or 'to be agreed'}{ways.get(m.better, '')}"
                                             for m in t.measures)]
    blocks += ["We will review it together on:", tuple(date_words(day) for day in r.reviews),
               "If something is not working, we will first look at adjusting the pattern. The trial is not a test "
               "you can fail: it is how we find a pattern that works."]
    due = r.due_on(d.decided_on)
    if due and r.trial_end > due:
        blocks.append(f"Because the trial ends after the date our decision is due ({date_words(due)}), we "
                      "need to agree to extend that date. I enclose an agreement for us both to sign, so that we "
                      "each have a record of it.")
    return Letter("trial-confirmation", "Trial confirmation", "A trial of your flexible working pattern",
                  req.employee, _manager(r), d.decided_on, tuple(blocks), signed=_manager(r))


def extension(r: Result) -> Letter:
    if r.decision.rules.extension == "employer_notice":
        return extension_notice(r)
    d, req = r.decision, r.decision.request
    new_date = d.extended_to or r.proposed_extension
    original = d.standing.decide_by
    rules = d.rules
    period = "the period for deciding" if rules.decision_months or not rules.steps else "the time for deciding"
    blocks = (f"We agree that {period} the flexible working request dated {date_words(req.made)}, "
              f"received on {date_words(d.received)}, which would end on "
              f"{date_words(original) if original else 'the date the rules set'}, is extended to "
              f"{date_words(new_date)}" + (", any appeal included" if rules.decision_months else "")
              + (", so that the trial can end and be reviewed, and a decision made, first" if r.trial_end else "")
              + ".",
              (f"Under {rules.source} an extension is by agreement, and the employer records it in writing, dated, "
               "and gives the employee a copy. " if rules.extension_in_writing else
               "An extension is by agreement between us. " if rules.jurisdiction == "GB" else "")
              + "We each keep a signed copy of this agreement.",
              # Dotted lines, as in the trial outcome letter: underscores come out of Markdown as "\_\_\_" when pasted.
              (f"Signed by {req.employee} (employee): …………………… Date: …………",
               f"Signed by {_manager(r)} (manager): …………………… Date: …………"))
    return Letter("extension-agreement", "Extension agreement", "Agreement to extend the decision period",
                  req.employee, _manager(r), d.extension_agreed_on or d.decided_on, blocks)


def extension_notice(r: Result) -> Letter:
    """Where the law lets the employer extend the time by notice (Ireland): the notice, given within the time."""
    d, req, rules = r.decision, r.decision.request, r.decision.rules
    cite = rules.law.rules["extension"].citation if rules.law else ""
    blocks = (f"Thank you for your request dated {date_words(req.made)}, which I received on "
              f"{date_words(d.received)}. Our reply would be due by {date_words(d.standing.decide_by)}.",
              f"We are having difficulty assessing whether the arrangement you asked for is viable, so under {cite} I "
              f"am extending the time for our reply to {date_words(d.extended_to)}. The law allows an extension of "
              f"up to {rules.extension_weeks} weeks, given by notice in writing before the reply is due.",
              "I will reply to you as soon as I reasonably can, and by that date at the latest.")
    return Letter("extension-notice", "Extension notice", "Notice extending the time for our reply", req.employee,
                  _manager(r), d.extension_agreed_on, blocks, signed=_manager(r))


def appeal_outcome(r: Result) -> Letter:
    req, a = r.decision.request, r.decision.appeal
    assert a is not None
    if a.outcome == "upheld":
        head = "I have heard your appeal and I uphold it: your request is agreed."
    else:
        head = "I have heard your appeal and considered it carefully. I am sorry that the decision stands."
    blocks = (head, ("h", "Reasons"), a.reasons,
              "This is the final decision on this request within our procedure.")
    return Letter("appeal-outcome", "Appeal outcome letter", "The outcome of your appeal", req.employee, a.by,
                  a.decided_on, blocks, signed=a.by)


def confirmation(r: Result) -> Letter:
    d, req = r.decision, r.decision.request
    intro = "This letter confirms the change to your terms and conditions of employment that we agreed:"
    agreed = [intro, d.changes] if d.outcome == "accept_changes" else _asked(r, intro)
    start = d.start or (d.appeal.decided_on if d.appeal else None)
    lasting = (f"It lasts until {date_words(d.until)}, when your earlier terms return unless we agree otherwise."
               if d.lasting == "until" and d.until else "It is a permanent change.")
    blocks = [*agreed,
              f"The change takes effect from {date_words(start)}." if start else "",
              lasting,
              "All your other terms and conditions stay the same. Please keep this letter with your contract."]
    return Letter("contract-change", "Confirmation of the change", "A change to your terms and conditions",
                  req.employee, _manager(r), d.confirmed_on, tuple(b for b in blocks if b), signed=_manager(r))
