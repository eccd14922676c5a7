"""The decision record's form: the request as received (the shared questions), then each step of handling it."""

from __future__ import annotations

from typing import Any

from .. import now, tools
from ..forms import Field, Group, Repeat, ToolForm
from ..flexible_working import rules as request_rules
from ..flexible_working.dates import dated_example
from ..flexible_working.fields import NAME_LIMIT, WORDS_LIMIT, request_groups
from .model import APPEAL_OUTCOMES, BETTER, COMPANION, LASTING, MAX_MEASURES, MISSED, OUTCOMES
from .validation import ground_options

NAME = "decision_record"


def form(org: dict[str, Any]) -> ToolForm:
    rules = request_rules.for_org(org)
    steps = rules.steps
    if steps:
        deadline = (f"Under {rules.source} the meeting is due within {steps.meeting} days after the day the request "
                    f"was received, and the decision within {steps.decision} days after the meeting. There is no "
                    "overall period: an appeal has its own steps.")
    elif rules.decision_months:
        deadline = (f"Under {rules.source} the decision, including any appeal, is due within "
                    f"{rules.decision_months} month{'s' if rules.decision_months != 1 else ''} beginning with the day "
                    "the request was received.")
    elif rules.period:
        deadline = (f"Under {rules.source} the reply is due within {rules.period_words} "
                    f"{'beginning with' if rules.counts_receipt_day else 'after'} the day the request was received.")
    else:
        deadline = "No period for deciding is set: agree a date with the employee."
    if rules.companion_statutory:
        companion_hint = (f"Under {rules.source} the employee has the right to be accompanied by one companion who "
                          "is a worker employed by you.")
    elif rules.jurisdiction == "GB":
        companion_hint = ("The Acas Code says employers should let the employee bring a colleague or a trade union "
                          "representative. It is good practice, not a right in law.")
    else:
        companion_hint = "Letting the employee bring a colleague or a representative is good practice."
    if rules.reasonable_refusal:
        reasonable_hint = ("Required: under the Employment Rights Act 2025 a refusal must be reasonable on the "
                           "grounds given, and the letter must explain why.")
    elif rules.jurisdiction == "GB":
        reasonable_hint = ("Good practice now: once the Employment Rights Act 2025's change commences, a refusal "
                           "must be reasonable and the letter must explain why. The letter gives what you write.")
    else:
        reasonable_hint = "Good practice: why refusing is reasonable, weighing the request against the ground."
    extension_hint = (f"Under {rules.source} no extension is possible: leave these empty." if rules.extension == "none"
                      else f"Under {rules.source} you may extend the time by up to {rules.extension_weeks} weeks, if "
                      "assessing the request is difficult, by written notice to the employee given before the reply "
                      "is due. The record drafts the notice." if rules.extension == "employer_notice" else
                      f"Only with the employee's agreement. Under {rules.source} you must record it in writing, "
                      "dated, and send it to the employee." if rules.extension_in_writing else
                      "Only with the employee's agreement: before the period ends or, looking back, within three "
                      "months after it ended. The law does not ask for writing; writing it down is good practice."
                      if rules.jurisdiction == "GB" else "Only with the employee's agreement.")
    handling = [
        Group("Receiving it", (
            Field("decision.received", "Date the request was received", kind="date", width="s",
                  hint="The day it was received. By email (where you accept requests that way): the day it was "
                       "sent. By post: the day it would arrive in the ordinary course of post. By hand: the day it "
                       "was handed over."),
            Field("decision.acknowledged", "Date you acknowledged it (optional)", kind="date", width="s"),
        ), hint=deadline),
        Group("The meeting", (
            Field("decision.meeting", "Date of the meeting to discuss it", kind="date", width="s"),
            Field("decision.meeting_time", "Time (optional)", kind="time", width="s"),
            Field("decision.meeting_place", "Where, or how to join (optional)", width="m", max_length=120),
            Field("decision.companion", "A companion at the meeting", kind="select", options=COMPANION, default="",
                  hint=companion_hint),
            Field("decision.missed", "Meetings the employee missed without good reason", kind="select",
                  options=MISSED, default="0"),
            Field("decision.consulted", "Date you consulted the employee about it", kind="date", width="s",
                  hint="Before any refusal you must discuss the request with the employee. The meeting counts; "
                       "leave this empty if that is when you did." if rules.consult_before_refusal else
                  "Talking it through with the employee before deciding is good practice."),
        )),
        Group("The decision", (
            Field("decision.outcome", "Outcome", kind="select", options=OUTCOMES, default=""),
            Field("decision.decided_on", "Date of the decision letter", kind="date", width="s"),
            Field("decision.changes", "What was agreed instead", kind="textarea", max_length=WORDS_LIMIT,
                  shown_when=("outcome", ("accept_changes",)),
                  hint="The pattern you and the employee agreed, in plain words."),
            Field("decision.start", "Date the change starts", kind="date", width="s",
                  shown_when=("outcome", ("accept", "accept_changes"))),
            Field("decision.lasting", "How long it lasts", kind="select", options=LASTING, default="permanent",
                  shown_when=("outcome", ("accept", "accept_changes")),
                  hint="An agreed change is permanent unless you both agree otherwise."),
            Field("decision.until", "Until", kind="date", width="s", shown_when=("lasting", ("until",))),
            Field("decision.explanation", "The reasons for refusing" if rules.grounds_kind == "reasons" else
                  "Why the ground applies to this request", kind="textarea",
                  max_length=WORDS_LIMIT, shown_when=("outcome", ("refuse",)),
                  hint=f"{rules.source[0].upper() + rules.source[1:]} asks for the reasons, weighed against your "
                       "needs and the employee's. The letter gives them." if rules.grounds_kind == "reasons" else
                  "The facts behind each ground you chose, for this job and this team. The letter gives them."),
            Field("decision.alternatives", "What else you considered (optional)", kind="textarea",
                  max_length=WORDS_LIMIT, shown_when=("outcome", ("refuse",)),
                  hint="Other patterns, a trial, a later start: what you looked at and why it would not work."),
            Field("decision.reasonable", "Why refusing is reasonable" + ("" if rules.reasonable_refusal else
                                                                         " (good practice)"),
                  kind="textarea", max_length=WORDS_LIMIT, shown_when=("outcome", ("refuse",)),
                  hint=reasonable_hint),
        )),
        *refusal_groups(rules),
        Group("If you agree a trial", (
            Field("trial.start", "Trial starts", kind="date", width="s"),
            Field("trial.weeks", "Length", kind="number", width="s", suffix="weeks", default="12"),
            Field("trial.review_every", "Review every", kind="number", width="s", suffix="weeks", default="4"),
            Field("trial.success", "What success looks like", kind="textarea", max_length=WORDS_LIMIT,
                  hint="What the two of you will look at to decide: the work done, the service, how it feels."),
        ), hint="Only for a trial. A trial that ends after the decision is due needs the period extended by "
                "agreement: the record says so and drafts the agreement."),
        Repeat("trial_measures", "Measures for the trial", "measure", (
            Field("name", "Measure", width="m", max_length=120, hint="e.g. “Invoices processed a week”."),
            Field("baseline", "Now (baseline)", width="s", max_length=40),
            Field("target", "Target", width="s", max_length=40),
            Field("better", "Which way is better", kind="select", options=BETTER, default="",
                  hint="Is a higher figure better (work done, replies on time) or a lower one (hours to reply)?"),
        ), min_rows=0, max_rows=MAX_MEASURES, hint="Only for a trial: what you will measure, where it is now and "
                                                   "where it should be. The trial review starts from these."),
        Group("Extending the decision period", (
            Field("decision.extended_to", "Extended, by your notice, to (optional)" if rules.extension ==
                  "employer_notice" else "Extended, by agreement, to (optional)", kind="date", width="s"),
            Field("decision.extension_agreed_on", "Date you gave the notice" if rules.extension == "employer_notice"
                  else "Date the extension was agreed", kind="date", width="s"),
        ), hint=extension_hint),
    ]
    if rules.appeal:
        handling.append(Group("Appeal", (
            Field("appeal.received", "Date the appeal was received (optional)", kind="date", width="s"),
            Field("appeal.by", "Who hears the appeal", width="m", max_length=NAME_LIMIT,
                  hint="Someone other than the manager who decided, where possible."),
            Field("appeal.meeting", "Date of the appeal meeting", kind="date", width="s"),
            Field("appeal.outcome", "Appeal outcome", kind="select", options=APPEAL_OUTCOMES, default=""),
            Field("appeal.decided_on", "Date of the appeal decision", kind="date", width="s"),
            Field("appeal.reasons", "Reasons for the appeal decision", kind="textarea", max_length=WORDS_LIMIT),
        ), hint=(f"Only if the employee appeals. Under {rules.source} the appeal is the employee's right: within "
                 f"{steps.appeal} days after notice of the decision, then a meeting within {steps.appeal_meeting} "
                 f"days and the decision within {steps.appeal_decision} days after it." if rules.appeal_statutory
                 and steps else "Only if the employee appeals. The appeal falls within the same decision period.")))
    handling.append(Group("Confirming the change", (
        Field("decision.confirmed_on", "Date the new terms were confirmed in writing (optional)", kind="date",
              width="s", hint=f"A change to the particulars of employment must be confirmed in writing within a "
                              f"month of it ({rules.law.statement})." if rules.law and rules.law.statement else
                              "Confirming an agreed change in writing, within a month, is good practice."),
    )))
    return tools.tool_form(
        NAME,
        fields=[*request_groups(rules, by="manager"), *handling],
        result_heading="The decision record",
        result_placeholder="Load the employee's request file, or fill in the request and the date you received "
                           "it: the dates, what is still missing and the letters appear here.",
        example=example(),
    )


def refusal_groups(rules: request_rules.Rules) -> list[Any]:
    """The grounds a refusal rests on, as the law has them: a closed list, a list of examples with "another", or
    (Ireland) no list, only reasons; and, where the law sets conditions before a refusal (Australia), their check."""
    source = rules.source[0].upper() + rules.source[1:]
    out: list[Any] = []
    if rules.grounds_kind != "reasons":
        examples = rules.grounds_kind == "examples"
        out.append(Group("If you refuse: the grounds", (
            Field("decision.grounds", "The grounds the refusal rests on", kind="checkboxes",
                  options=ground_options(rules)),
        ), hint=f"Only for a refusal. {source} " + (
            "allows a refusal only on reasonable business grounds, such as these; choose every one that applies, "
            "or another ground of the same kind, and explain it." if examples else
            "allows a refusal only on these grounds; choose every one that applies.")))
    conditions = rules.law.value("refusal_conditions") if rules.law else None
    if conditions:
        out.append(Group("If you refuse: before refusing", (
            Field("decision.conditions_met", "Each of these is true", kind="checkbox",
                  hint=f"{source} allows a refusal only if " + "; ".join(conditions) + "."),
        ), hint=f"Only for a refusal ({rules.law.rules['refusal_conditions'].citation})."))
    return out


def example() -> dict[str, Any]:
    """Kept as data in templates/examples/; its dates count from the day the site is built (see dated_example)."""
    return dated_example(tools.example(NAME), now.today())
