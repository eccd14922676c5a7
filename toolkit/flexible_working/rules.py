"""The rules a request is handled under, chosen by the organisation's settings (`policy.requests`).

`jurisdiction` picks the law: "GB" (England, Wales and Scotland; the default), "NI" (Northern Ireland) or
"policy" (the organisation's own policy only: an employer outside the UK, or a scheme beyond the statutory one).
Under GB and NI the law's figures are the floor: the other settings may only be more generous (more requests a
year, a shorter decision period, asking from day one). org_schema refuses a setting less generous than the law."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The eight business reasons a statutory request may be refused for: ERA 1996 s.80G(1)(b) in Great Britain,
# the same eight in Article 112G(1)(b) of the Employment Rights (Northern Ireland) Order 1996.
STATUTORY_GROUNDS: tuple[tuple[str, str], ...] = (
    ("costs", "the burden of additional costs"),
    ("customer_demand", "a detrimental effect on the ability to meet customer demand"),
    ("reorganise", "an inability to reorganise work among existing staff"),
    ("recruit", "an inability to recruit additional staff"),
    ("quality", "a detrimental impact on quality"),
    ("performance", "a detrimental impact on performance"),
    ("insufficient_work", "insufficiency of work during the periods the employee proposes to work"),
    ("structural_changes", "planned structural changes"),
)


@dataclass(frozen=True)
class Steps:
    """Northern Ireland times each step rather than the whole (Article 112G and the 2015 Regulations)."""

    meeting: int = 28  # days from receipt to the meeting
    decision: int = 14  # days from the meeting to the decision
    appeal: int = 14  # days from the decision for the employee to appeal
    appeal_meeting: int = 14  # days from the appeal to its meeting
    appeal_decision: int = 14  # days from the appeal meeting to its decision


@dataclass(frozen=True)
class Law:
    """What one jurisdiction's statute says."""

    name: str  # as a sentence names it
    citation: str  # the provisions, for a letter
    per_12_months: int
    decision_months: int | None  # the decision period, any appeal included (GB); None where steps are timed instead
    qualifying_weeks: int  # continuous employment before a statutory request; 0 from day one
    consult_before_refusal: bool
    statement: str = ""  # where a change to the contract must be confirmed in writing (within confirm_months)
    steps: Steps | None = None  # days allowed for each step (NI), where there is no overall period
    explain_effect: bool = False  # the request must say its effect on the employer and how to deal with it (NI)


LAWS: dict[str, Law] = {
    "GB": Law("the law in Great Britain",
              "section 80F of the Employment Rights Act 1996 and the Flexible Working Regulations 2014",
              per_12_months=2, decision_months=2, qualifying_weeks=0, consult_before_refusal=True,
              statement="section 4 of the Employment Rights Act 1996"),
    "NI": Law("the law in Northern Ireland",
              "Article 112F of the Employment Rights (Northern Ireland) Order 1996 and the Flexible Working "
              "Regulations (Northern Ireland) 2015",
              per_12_months=1, decision_months=None, qualifying_weeks=26, consult_before_refusal=False,
              statement="Article 36 of the Employment Rights (Northern Ireland) Order 1996", steps=Steps(),
              explain_effect=True),
}
JURISDICTIONS = ("GB", "NI", "policy")


@dataclass(frozen=True)
class Rules:
    """The rules in force for this organisation: the law's where there is one, improved by its own policy."""

    jurisdiction: str
    law: Law | None  # None under "policy": no statute applies
    source: str  # where the rules come from, as a sentence names it
    per_12_months: int | None  # None: no limit
    decision_months: int | None  # None: no period set
    qualifying_weeks: int  # 0: from the first day
    from_day_one: bool  # the organisation lets people ask from day one (under its policy, where the law does not)
    one_live: bool  # one request at a time
    consult_before_refusal: bool
    appeal: bool
    grounds: tuple[tuple[str, str], ...]  # (key, words) a refusal may rest on
    confirm_months: int = 1  # a contract change confirmed in writing within this many months (ERA 1996 s.4)

    @property
    def statutory(self) -> bool:
        return self.law is not None

    def to_dict(self) -> dict[str, Any]:
        """For the pages (org.request_rules in Markdown): plain values, with the settings' names."""
        return {"jurisdiction": self.jurisdiction, "statutory": self.statutory, "law": self.source,
                "citation": self.law.citation if self.law else "", "per_12_months": self.per_12_months,
                "decision_within_months": self.decision_months, "qualifying_weeks": self.qualifying_weeks,
                "from_day_one": self.from_day_one, "one_live": self.one_live,
                "steps": self.law.steps.__dict__ if self.law and self.law.steps else None,
                "explain_effect": bool(self.law and self.law.explain_effect),
                "consult_before_refusal": self.consult_before_refusal, "appeal": self.appeal,
                "grounds": [words for _, words in self.grounds], "confirm_within_months": self.confirm_months}


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _more_requests(law_value: int, own: int | None) -> int:
    return max(law_value, own) if own else law_value


def _sooner(law_value: int | None, own: int | None) -> int | None:
    if law_value is None:  # no overall period in the law: the organisation's own, if it sets one
        return own
    return min(law_value, own) if own else law_value


def for_org(org: dict[str, Any]) -> Rules:
    """The rules for an organisation's (merged) settings. Never raises: a value of the wrong kind counts as unset
    (the build has already refused it, with its key)."""
    policy = org.get("policy") if isinstance(org.get("policy"), dict) else {}
    own = policy.get("requests") if isinstance(policy.get("requests"), dict) else {}
    jurisdiction = own.get("jurisdiction") if own.get("jurisdiction") in JURISDICTIONS else "GB"
    per, months = _int(own.get("per_12_months")), _int(own.get("decision_within_months"))
    named = own.get("law") if isinstance(own.get("law"), str) and own.get("law").strip() else ""
    appeal = own.get("appeal") is not False
    # None: the law's rule. Under "policy", false with qualifying_weeks sets a qualifying period.
    day_one = own.get("from_day_one")
    law = LAWS.get(jurisdiction)
    if law is None:
        listed = own.get("grounds") if isinstance(own.get("grounds"), list) else []
        grounds = tuple((f"ground_{i + 1}", g.strip()) for i, g in enumerate(listed) if isinstance(g, str) and g.strip())
        weeks = _int(own.get("qualifying_weeks")) or 0 if day_one is False else 0
        return Rules("policy", None, named or "the organisation's own policy", per, months,
                     qualifying_weeks=weeks, from_day_one=weeks == 0, one_live=True,
                     consult_before_refusal=True, appeal=appeal, grounds=grounds or STATUTORY_GROUNDS)
    return Rules(jurisdiction, law, named or law.name, _more_requests(law.per_12_months, per),
                 _sooner(law.decision_months, months), qualifying_weeks=law.qualifying_weeks,
                 from_day_one=law.qualifying_weeks == 0 or day_one is True, one_live=True,
                 consult_before_refusal=law.consult_before_refusal, appeal=appeal, grounds=STATUTORY_GROUNDS)
