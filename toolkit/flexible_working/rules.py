"""The rules a request is handled under, chosen by the organisation's settings (`policy.requests`).

The law of each jurisdiction is data: one file a jurisdiction in `law/` (`gb.toml`, `ni.toml`; a fork may add its
own), every rule with its citation, a link and the day it was last checked. This module reads those files and
refuses one that cannot be trusted (`law_problems`: the build runs it through org_schema, and so do the tests).

`jurisdiction` picks the law: "GB" (England, Wales and Scotland; the default), "NI" (Northern Ireland), another
law file a fork adds, or "policy": no statutory scheme at all, for an organisation outside Great Britain and
Northern Ireland. An organisation in Great Britain that wants to be more generous stays "GB" and sets more
generous values: under a law its figures are the floor, and org_schema refuses a setting less generous than it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import now
from ..documents import date_words

LAW_DIR = Path(__file__).resolve().parent / "law"

# Every rule a law file may hold: its key, the kind of value, and what to write when it is wrong.
RULE_KEYS: dict[str, tuple[str, str]] = {
    "eligibility": ("text", '"employees"'),
    "qualifying_weeks": ("count", "a whole number of weeks, 0 for from the first day"),
    "per_12_months": ("positive", "a whole number of requests, 1 or more"),
    "one_at_a_time": ("bool", "true or false"),
    "request_contents": ("list", 'a list of what a request must contain, e.g. ["in writing", "dated"]'),
    "explain_effect": ("bool", "true or false"),
    "when_made": ("text", '"received"'),
    "decision_period_months": ("count", "a whole number of months, 0 where only the steps are timed"),
    "period_counting": ("counting", '"beginning_with" or "after"'),
    "meeting_days": ("positive", "a whole number of days, 1 or more"),
    "decision_days": ("positive", "a whole number of days, 1 or more"),
    "appeal_days": ("positive", "a whole number of days, 1 or more"),
    "appeal_meeting_days": ("positive", "a whole number of days, 1 or more"),
    "appeal_decision_days": ("positive", "a whole number of days, 1 or more"),
    "extension": ("choice:agreement,agreement_in_writing", '"agreement" or "agreement_in_writing"'),
    "consult_before_refusal": ("bool", "true or false"),
    "grounds": ("list", "a list of the grounds a refusal may rest on"),
    "decision_notice": ("choice:notice,written_grounds_explained", '"notice" or "written_grounds_explained"'),
    "reasonable_refusal": ("choice:not_in_force,in_force", '"not_in_force" or "in_force"'),
    "withdrawal": ("text", '"two_missed_meetings"'),
    "appeal": ("choice:statutory,good_practice", '"statutory" or "good_practice"'),
    "companion": ("choice:statutory_worker,good_practice", '"statutory_worker" or "good_practice"'),
    "written_statement_months": ("positive", "a whole number of months, 1 or more"),
}
REQUIRED = tuple(k for k in RULE_KEYS if k not in ("meeting_days", "decision_days", "appeal_days", "appeal_meeting_days",
                                                  "appeal_decision_days", "reasonable_refusal"))
STEP_KEYS = ("meeting_days", "decision_days", "appeal_days", "appeal_meeting_days", "appeal_decision_days")
STATUSES = ("law", "good practice", "not in force")
# The keys the grounds are known by in forms and records, in the order of the statute's list.
GROUND_KEYS = ("costs", "customer_demand", "reorganise", "recruit", "quality", "performance", "insufficient_work",
               "structural_changes")


class LawFileError(ValueError):
    """A law file the toolkit cannot trust: every problem, each with the file, the key and what to write."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Rule:
    key: str
    value: Any
    says: str
    status: str  # law, good practice, not in force
    citation: str
    link: str
    verified: date


@dataclass(frozen=True)
class Steps:
    """Where the law times each step rather than the whole (Northern Ireland): days allowed for each."""

    meeting: int = 28  # after receipt, to the meeting
    decision: int = 14  # after the meeting, to notice of the decision
    appeal: int = 14  # after notice of the decision is given, for the employee to appeal
    appeal_meeting: int = 14  # after the appeal is received, to its meeting
    appeal_decision: int = 14  # after the appeal meeting, to notice of its decision


@dataclass(frozen=True)
class Law:
    """What one jurisdiction's statute says, read from its law file."""

    jurisdiction: str
    name: str  # as a sentence names it: "the law in Great Britain"
    citation: str  # the provisions, for a letter
    link: str
    rules: dict[str, Rule] = field(compare=False)
    file: str = ""

    def value(self, key: str, default: Any = None) -> Any:
        return self.rules[key].value if key in self.rules else default

    @property
    def per_12_months(self) -> int:
        return self.value("per_12_months")

    @property
    def qualifying_weeks(self) -> int:
        return self.value("qualifying_weeks")

    @property
    def decision_months(self) -> int | None:
        return self.value("decision_period_months") or None

    @property
    def consult_before_refusal(self) -> bool:
        return bool(self.value("consult_before_refusal"))

    @property
    def explain_effect(self) -> bool:
        return bool(self.value("explain_effect"))

    @property
    def steps(self) -> Steps | None:
        if not all(k in self.rules for k in STEP_KEYS):
            return None
        return Steps(*(self.value(k) for k in STEP_KEYS))

    @property
    def appeal_statutory(self) -> bool:
        return self.value("appeal") == "statutory"

    @property
    def companion_statutory(self) -> bool:
        return self.value("companion") == "statutory_worker"

    @property
    def extension_in_writing(self) -> bool:
        return self.value("extension") == "agreement_in_writing"

    @property
    def statement(self) -> str:
        """Where a change to the contract must be confirmed in writing, as a sentence names it: "section 4 of the
        Employment Rights Act 1996"."""
        act, _, provision = self.rules["written_statement_months"].citation.partition(", ")
        head = provision.split("(")[0].strip().replace("s.", "section ").replace("Art. ", "Article ")
        return f"{head} of the {act}" if head else act

    @property
    def as_of(self) -> date:
        """The day the rules were last checked: the oldest rule's check, so none is newer than the date said."""
        return min(r.verified for r in self.rules.values())


# ---------------------------------------------------------------- reading and checking the files

def _kind_problem(kind: str, value: Any) -> bool:
    """True when `value` is not of the rule's kind."""
    if kind == "text":
        return not isinstance(value, str) or not value.strip()
    if kind == "bool":
        return not isinstance(value, bool)
    if kind in ("count", "positive"):
        return not isinstance(value, int) or isinstance(value, bool) or value < (1 if kind == "positive" else 0)
    if kind == "list":
        return not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value)
    if kind == "counting":
        return value not in ("beginning_with", "after")
    if kind.startswith("choice:"):
        return value not in kind[len("choice:"):].split(",")
    return True


def law_problems(text: str, file: str, today: date | None = None) -> list[str]:
    """Every problem in one law file's text, each as "file: key: what is wrong and what to write"; [] if sound."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [f"{file}: this is not valid TOML ({exc}). Check the quotes and brackets near that line."]
    out: list[str] = []
    for top in ("jurisdiction", "name", "citation", "link"):
        if not isinstance(data.get(top), str) or not data[top].strip():
            out.append(f'{file}: {top}: missing: write {top} = "…" at the top of the file.')
    rules = data.get("rules")
    if not isinstance(rules, dict) or not rules:
        return out + [f"{file}: rules: no rules: write each rule as a [rules.<key>] table."]
    for key, rule in rules.items():
        where = f"{file}: rules.{key}"
        if key not in RULE_KEYS:
            out.append(f"{where}: there is no rule called {key!r}. The rules are: {', '.join(RULE_KEYS)}.")
            continue
        if not isinstance(rule, dict):
            out.append(f"{where}: write it as a table: [rules.{key}] with value, says, status, citation, link, "
                       "verified.")
            continue
        kind, like = RULE_KEYS[key]
        if "value" not in rule or _kind_problem(kind, rule["value"]):
            problem = "cannot be counted" if kind in ("count", "positive", "counting") else "is not valid"
            out.append(f"{where}.value: {rule.get('value')!r} {problem}: write {like}.")
        if not isinstance(rule.get("citation"), str) or not rule["citation"].strip():
            out.append(f'{where}.citation: missing: write citation = "…", the act and section (or article, '
                       'regulation or code paragraph) the rule comes from.')
        if not isinstance(rule.get("link"), str) or not rule["link"].startswith("https://"):
            out.append(f'{where}.link: write link = "https://…", the address of the text cited.')
        if not isinstance(rule.get("says"), str) or not rule["says"].strip():
            out.append(f'{where}.says: missing: write says = "…", the rule in plain words.')
        if rule.get("status") not in STATUSES:
            out.append(f"{where}.status: write status = \"law\", \"good practice\" or \"not in force\".")
        verified = rule.get("verified")
        if not isinstance(verified, date) or isinstance(verified, datetime):
            out.append(f"{where}.verified: write verified = YYYY-MM-DD (no quotes), the day you checked the rule "
                       "against the text cited.")
        elif verified > (today or now.today()):
            out.append(f"{where}.verified: {verified.isoformat()} is in the future: write the day you checked it.")
        extra = set(rule) - {"value", "says", "status", "citation", "link", "verified"}
        if extra:
            out.append(f"{where}: unknown field{'s' if len(extra) > 1 else ''} {', '.join(sorted(extra))}: "
                       "a rule holds value, says, status, citation, link and verified.")
    for key in REQUIRED:
        if key not in rules:
            kind, like = RULE_KEYS[key]
            out.append(f"{file}: rules.{key}: missing: add a [rules.{key}] table with value = {like} and its "
                       "citation, link and verified date.")
    months = rules.get("decision_period_months", {}).get("value") if isinstance(rules.get("decision_period_months"),
                                                                                 dict) else None
    if months == 0 and not all(k in rules for k in STEP_KEYS):
        missing = ", ".join(k for k in STEP_KEYS if k not in rules)
        out.append(f"{file}: rules.decision_period_months: 0 means no overall period, so no date could be counted "
                   f"without the steps: add {missing}, or write the period in months.")
    grounds = rules.get("grounds", {}).get("value") if isinstance(rules.get("grounds"), dict) else None
    if isinstance(grounds, list) and len(grounds) != len(GROUND_KEYS):
        out.append(f"{file}: rules.grounds.value: the toolkit knows {len(GROUND_KEYS)} statutory grounds; this file "
                   f"lists {len(grounds)}. Write all {len(GROUND_KEYS)}, in the statute's order.")
    return out


def _read(path: Path) -> Law:
    text = path.read_text(encoding="utf-8")
    problems = law_problems(text, _shown(path))
    if problems:
        raise LawFileError(problems)
    data = tomllib.loads(text)
    rules = {k: Rule(k, r["value"], r["says"], r["status"], r["citation"], r["link"], r["verified"])
             for k, r in data["rules"].items()}
    return Law(data["jurisdiction"], data["name"], data["citation"], data["link"], rules, _shown(path))


def _shown(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[parts.index("toolkit"):]) if "toolkit" in parts else str(path)


def law_files() -> dict[str, Path]:
    """The jurisdictions there are law files for, by code ("GB", "NI"): each file's name in capitals."""
    return {p.stem.upper(): p for p in sorted(LAW_DIR.glob("*.toml"))}


@lru_cache(maxsize=None)
def law(jurisdiction: str) -> Law | None:
    """The law of one jurisdiction, read once; None for "policy" or a code with no file. LawFileError if the
    file is broken (the build has already said so, with the file and key)."""
    path = law_files().get(jurisdiction)
    return _read(path) if path else None


def all_problems() -> list[str]:
    """Every law file's problems (for the build and the tests)."""
    out: list[str] = []
    for path in law_files().values():
        out += law_problems(path.read_text(encoding="utf-8"), _shown(path))
    return out


def jurisdictions() -> tuple[str, ...]:
    return (*law_files(), "policy")


class _Laws(dict):
    """LAWS["GB"]: the law files, read on first use."""

    def get(self, key: Any, default: Any = None) -> Any:
        return law(key) if isinstance(key, str) and key in law_files() else default

    def __getitem__(self, key: str) -> Law:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in law_files()


LAWS = _Laws()
JURISDICTIONS = ("GB", "NI", "policy")  # the ones shipped; a fork's own files are added by jurisdictions()


def __getattr__(name: str) -> Any:
    if name == "STATUTORY_GROUNDS":  # read from the law file on first use, not at import
        return statutory_grounds()
    raise AttributeError(name)


def statutory_grounds(lw: Law | None = None) -> tuple[tuple[str, str], ...]:
    words = (lw or law("GB")).value("grounds")
    return tuple(zip(GROUND_KEYS, words))


# ---------------------------------------------------------------- the organisation's rules

@dataclass(frozen=True)
class Rules:
    """The rules in force for this organisation: the law's where there is one, improved by its own policy."""

    jurisdiction: str
    law: Law | None  # None under "policy": no statute applies
    source: str  # where the rules come from, as a sentence names it
    per_12_months: int | None  # None: no limit
    decision_months: int | None  # the overall period (the law's, or the organisation's shorter one); None: none
    qualifying_weeks: int  # 0: from the first day (for a formal request under these rules)
    from_day_one: bool  # the organisation lets people ask from day one (under its policy, where the law does not)
    one_live: bool  # one request at a time
    consult_before_refusal: bool
    appeal: bool
    grounds: tuple[tuple[str, str], ...]  # (key, words) a refusal may rest on
    confirm_months: int = 1  # a contract change confirmed in writing within this many months (ERA 1996 s.4)
    reasonable_refusal: bool = False  # ERA 2025: a refusal must be reasonable, and the notice say why (a setting)
    aim_months: int | None = None  # under a law with timed steps only: the organisation's own aim for the whole

    @property
    def statutory(self) -> bool:
        return self.law is not None

    @property
    def steps(self) -> Steps | None:
        """The law's timed steps (NI), which apply whatever the organisation's settings say."""
        return self.law.steps if self.law else None

    @property
    def appeal_statutory(self) -> bool:
        return bool(self.law and self.law.appeal_statutory)

    @property
    def companion_statutory(self) -> bool:
        return bool(self.law and self.law.companion_statutory)

    @property
    def extension_in_writing(self) -> bool:
        return bool(self.law and self.law.extension_in_writing)

    @property
    def as_of(self) -> date | None:
        return self.law.as_of if self.law else None

    def companion_words(self) -> str:
        """Who may come with the employee to a meeting, and on what footing, as one sentence to the employee."""
        if self.companion_statutory:
            return (f"Under {self.source} you have the right to bring one companion to the meeting, who must be a "
                    "worker employed by us.")
        return ("You are welcome to bring a colleague or a trade union representative with you (the Acas Code of "
                "Practice recommends this; it is not a legal right)." if self.jurisdiction == "GB" else
                "You are welcome to bring a colleague or a trade union representative with you.")

    def received_words(self) -> str:
        """How the day a request is made is counted, for an employee's letter."""
        return ("the day you receive it: by email, where you accept requests that way, the day it is sent; by "
                "post, the day it would arrive in the ordinary course of post; by hand, the day it is handed over")

    def to_dict(self) -> dict[str, Any]:
        """For the pages (org.request_rules in Markdown): plain values, with the settings' names."""
        lw = self.law
        return {"jurisdiction": self.jurisdiction, "statutory": self.statutory, "law": self.source,
                "citation": lw.citation if lw else "", "per_12_months": self.per_12_months,
                "law_per_12_months": lw.per_12_months if lw else None,
                "decision_within_months": self.decision_months, "aim_months": self.aim_months,
                "qualifying_weeks": self.qualifying_weeks,
                "law_qualifying_weeks": lw.qualifying_weeks if lw else None,
                "from_day_one": self.from_day_one, "one_live": self.one_live,
                "steps": self.steps.__dict__ if self.steps else None,
                "explain_effect": bool(lw and lw.explain_effect),
                "consult_before_refusal": self.consult_before_refusal, "appeal": self.appeal,
                "appeal_statutory": self.appeal_statutory, "companion_statutory": self.companion_statutory,
                "extension_in_writing": self.extension_in_writing,
                "reasonable_refusal": self.reasonable_refusal,
                "grounds": [words for _, words in self.grounds], "confirm_within_months": self.confirm_months,
                "as_of": date_words(self.as_of) if self.as_of else "",
                "as_of_iso": self.as_of.isoformat() if self.as_of else ""}


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _more_requests(law_value: int, own: int | None) -> int:
    return max(law_value, own) if own else law_value


def _sooner(law_value: int | None, own: int | None) -> int | None:
    return min(law_value, own) if own and law_value else law_value


def for_org(org: dict[str, Any]) -> Rules:
    """The rules for an organisation's (merged) settings. Never raises on settings: a value of the wrong kind counts
    as unset (the build has already refused it, with its key). A broken law file raises LawFileError."""
    policy = org.get("policy") if isinstance(org.get("policy"), dict) else {}
    own = policy.get("requests") if isinstance(policy.get("requests"), dict) else {}
    jurisdiction = own.get("jurisdiction") if own.get("jurisdiction") in jurisdictions() else "GB"
    per, months = _int(own.get("per_12_months")), _int(own.get("decision_within_months"))
    named = own.get("law") if isinstance(own.get("law"), str) and own.get("law").strip() else ""
    appeal = own.get("appeal") is not False
    # None: the law's rule. Under "policy", false with qualifying_weeks sets a qualifying period.
    day_one = own.get("from_day_one")
    lw = law(jurisdiction)
    if lw is None:
        listed = own.get("grounds") if isinstance(own.get("grounds"), list) else []
        grounds = tuple((f"ground_{i + 1}", g.strip()) for i, g in enumerate(listed) if isinstance(g, str) and g.strip())
        weeks = _int(own.get("qualifying_weeks")) or 0 if day_one is False else 0
        return Rules("policy", None, named or "the organisation's own policy", per, months,
                     qualifying_weeks=weeks, from_day_one=weeks == 0, one_live=True,
                     consult_before_refusal=True, appeal=appeal, grounds=grounds or statutory_grounds())
    from_day_one = lw.qualifying_weeks == 0 or day_one is True
    reasonable = (own.get("era_2025_reasonable_refusal") is True and lw.value("reasonable_refusal") is not None) \
        or lw.value("reasonable_refusal") == "in_force"
    return Rules(jurisdiction, lw, named or lw.name, _more_requests(lw.per_12_months, per),
                 _sooner(lw.decision_months, months),
                 qualifying_weeks=0 if from_day_one else lw.qualifying_weeks, from_day_one=from_day_one,
                 one_live=bool(lw.value("one_at_a_time")), consult_before_refusal=lw.consult_before_refusal,
                 appeal=appeal or lw.appeal_statutory, grounds=statutory_grounds(lw),
                 confirm_months=lw.value("written_statement_months"), reasonable_refusal=reasonable,
                 aim_months=months if lw.decision_months is None else None)
