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
}


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


def page_markdown(org: dict[str, Any]) -> str:
    """The body of the rules page for the site's jurisdiction (its settings included)."""
    rules = for_org(org)
    lw = rules.law
    if lw is None:
        return (f"This site follows {md(rules.source)}: no statutory scheme is set "
                "(`policy.requests.jurisdiction: policy`, for an organisation outside Great Britain and Northern "
                "Ireland). The settings in `org.yml` are the rules; [setting the rules for formal requests]"
                "(organisations/request-rules.md) explains each.\n")
    out = [f"This site follows **{md(lw.name)}** ({md(lw.citation)}). Every rule below is read from one file, "
           f"`{md(lw.file)}`, which the tools, the letters and the guidance use; each was last checked against the "
           f"text cited on the date shown. Rules as of **{as_of_words(rules)}**.", "",
           "| Rule | What it says | Law or good practice | Source | Checked |", "|---|---|---|---|---|"]
    for key in RULE_KEYS:
        if key not in lw.rules:
            continue
        r = lw.rules[key]
        cell = lambda text: md(text).replace("|", "\\|")  # noqa: E731
        out.append(f"| {TITLES[key]} | {cell(r.says)} | {r.status.capitalize()} | "
                   f"[{cell(r.citation)}]({r.link}) | {date_words(r.verified)} |")
    out += ["", "## What this organisation adds", ""]
    extra = []
    if rules.per_12_months and rules.per_12_months > lw.per_12_months:
        extra.append(f"- Up to {rules.per_12_months} formal requests in any 12 months under its own policy (the "
                     f"law's {lw.per_12_months} are statutory).")
    if rules.decision_months and lw.decision_months and rules.decision_months < lw.decision_months:
        extra.append(f"- A decision within {rules.decision_months} month{'s' if rules.decision_months != 1 else ''}"
                     ", sooner than the law asks.")
    if rules.aim_months:
        extra.append(f"- An aim of finishing the whole process within {rules.aim_months} month"
                     f"{'s' if rules.aim_months != 1 else ''}; the law's steps still apply.")
    if lw.qualifying_weeks and rules.from_day_one:
        extra.append(f"- Formal requests from the first day under its own policy (statutory after "
                     f"{lw.qualifying_weeks} weeks).")
    if rules.appeal and not lw.appeal_statutory:
        extra.append("- An appeal against a refusal, as the Acas Code recommends.")
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
