""""The rules this site follows": the law file of the site's jurisdiction as a page, every rule with its citation,
a link to the text and the day it was checked; and the "Rules as of" line every tool page and manager's letter
carries. Made from the same file the tools compute with, so nothing restates a rule by hand."""

from __future__ import annotations

from typing import Any

from ..documents import date_words
from ..safe import md
from .rules import RULE_KEYS, Rules, for_org

PAGE = "rules.md"  # docs/rules.md, published at rules/
TITLES = {
    "eligibility": "Who has the right", "qualifying_weeks": "Service needed first", "per_12_months":
    "Requests in any 12 months", "one_at_a_time": "One at a time", "request_contents": "What a request must contain",
    "explain_effect": "The effect on the employer", "when_made": "When a request is made",
    "decision_period_months": "Time for a decision", "period_counting": "How the dates are counted",
    "meeting_days": "The meeting", "decision_days": "The decision", "appeal_days": "Appealing",
    "appeal_meeting_days": "The appeal meeting", "appeal_decision_days": "The appeal decision",
    "extension": "Extending the time", "consult_before_refusal": "Consulting before a refusal",
    "grounds": "Grounds for refusing", "decision_notice": "What the decision must say",
    "reasonable_refusal": "A reasonable refusal (Employment Rights Act 2025)", "withdrawal": "Treated as withdrawn",
    "appeal": "Appeal", "companion": "A companion at meetings",
    "written_statement_months": "Confirming a change in writing",
    "circumstances": "The circumstances a request rests on", "qualifying_months": "Service needed first",
    "service_before": "When the service counts", "reason_required": "The reasons for a request",
    "notice_weeks": "Notice before the start", "decision_period_weeks": "Time for a reply",
    "decision_period_days": "Time for a response", "appeal_within_period": "An appeal within the period",
    "extension_weeks": "How long an extension may be", "refusal_conditions": "Before a refusal",
    "grounds_kind": "Grounds or reasons", "dispute_route": "If the employee disagrees",
}
CHECKED_WORDS = {"reproduction": "against a reproduction of the text, not the official copy",
                 "secondary": "against commentary only, not the text", "not verified": "not verified"}


def as_of_words(rules: Rules) -> str:
    return date_words(rules.as_of) if rules.as_of else ""


def rules_link(org: dict[str, Any]) -> str:
    """The page's address for a letter (outside the site), when the settings give the site's address."""
    url = org.get("site_url") if isinstance(org.get("site_url"), str) else ""
    return (url if url.endswith("/") else url + "/") + "rules/" if url.startswith(("https://", "http://")) else ""


def as_of_markdown(org: dict[str, Any], href: str) -> str:
    """The line a tool page shows: "Rules as of 5 December 2026", linking the rules page (`href`, relative)."""
    rules = for_org(org)
    if not rules.law:
        return f"Rules: {md(rules.source)}. [The rules this site follows]({href}).\n{{: .swt-rules-as-of }}\n"
    return (f"Rules as of {as_of_words(rules)}: {md(rules.law.name)}. [The rules this site follows]({href}) lists "
            "each with its source.\n{: .swt-rules-as-of }\n")


def _table(lw: Any) -> list[str]:
    out = ["| Rule | What it says | Law or good practice | Source | Checked |", "|---|---|---|---|---|"]
    cell = lambda text: md(text).replace("|", "\\|")  # noqa: E731
    for key in RULE_KEYS:
        if key not in lw.rules:
            continue
        r = lw.rules[key]
        says = r.says
        if key == "dispute_route":
            says += " " + " ".join(r.value)
        checked = date_words(r.verified)
        if r.checked != "primary":
            checked += f", {CHECKED_WORDS[r.checked]}"
        if r.note:
            checked += f". {r.note}"
        out.append(f"| {TITLES[key]} | {cell(says)} | {r.status.capitalize()} | [{cell(r.citation)}]({r.link}) | "
                   f"{cell(checked)} |")
    return out + [""]


def page_markdown(org: dict[str, Any]) -> str:
    """The body of the rules page for the site's jurisdiction (its settings included)."""
    rules = for_org(org)
    lw = rules.law
    if lw is None:
        return (f"This site follows {md(rules.source)}: no statutory scheme is set "
                "(`policy.requests.jurisdiction: policy`, for an organisation where no law gives a right to request "
                "flexible working, such as most of the United States). The settings in `org.yml` are the rules; "
                "[setting the rules for formal requests](organisations/request-rules.md) explains each. The letters "
                "this site writes never claim a statutory right.\n")
    kinds = [lw.of_kind(k) for k, _ in lw.kinds] or [lw]
    heading, citation = lw.whole if lw.kinds else (lw.name, lw.citation)
    out = [f"This site follows **{md(heading)}** ({md(citation)}). Every rule below is read from one file, "
           f"`{md(lw.file)}`, which the tools, the letters and the guidance use; each was last checked against the "
           f"text cited on the date shown, and a rule not checked against the official text says so. Rules as of "
           f"**{as_of_words(rules)}**.", ""]
    if lw.kinds:
        out += [f"The law has {len(lw.kinds)} kinds of request, each with its own rules; the request form asks "
                "which one a request is.", ""]
    for one in kinds:
        if lw.kinds:
            out += [f"## {md(one.name[0].upper() + one.name[1:])}", "", f"{md(one.citation)}.", ""]
        out += _table(one)
    out += ["", "## What this organisation adds", ""]
    extra = []
    if rules.per_12_months and lw.per_12_months and rules.per_12_months > lw.per_12_months:
        extra.append(f"- Up to {rules.per_12_months} formal requests in any 12 months under its own policy (the "
                     f"law's {lw.per_12_months} are statutory).")
    if rules.decision_months and lw.decision_months and rules.decision_months < lw.decision_months:
        extra.append(f"- A decision within {rules.decision_months} month{'s' if rules.decision_months != 1 else ''}"
                     ", sooner than the law asks.")
    if rules.aim_months:
        extra.append(f"- An aim of finishing the whole process within {rules.aim_months} month"
                     f"{'s' if rules.aim_months != 1 else ''}; the law's steps still apply.")
    if lw.has_qualifying_period and not lw.service_before_start and rules.from_day_one:
        extra.append(f"- Formal requests from the first day under its own policy (statutory after "
                     f"{lw.service_words} service).")
    if rules.appeal and not lw.appeal_statutory:
        extra.append("- An appeal against a refusal, as the Acas Code recommends." if rules.jurisdiction == "GB" else
                     "- Its own appeal against a refusal, before the route the law gives.")
    if "reasonable_refusal" in lw.rules:
        extra.append("- A refusal must be reasonable and the letter say why: **required**, because the setting "
                     "`era_2025_reasonable_refusal` says the Employment Rights Act 2025's change has commenced."
                     if rules.reasonable_refusal else
                     "- The decision record asks why a refusal is reasonable, as **good practice**: the Employment "
                     "Rights Act 2025's change has not commenced (the setting `era_2025_reasonable_refusal` is "
                     "false). No commencement date had been set when this was checked.")
    out += extra or ["Nothing beyond the law."]
    out += ["", "Laws change: check the current text through the links above before relying on a rule, and take "
            "advice on a case that matters. An organisation that finds a rule out of date corrects it in its law "
            "file, with the date it checked it."]
    return "\n".join(out) + "\n"
