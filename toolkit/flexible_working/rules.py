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
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import now
from ..documents import date_words

LAW_DIR = Path(__file__).resolve().parent / "law"

# Every rule a law file may hold: its key, the kind of value, and what to write when it is wrong.
RULE_KEYS: dict[str, tuple[str, str]] = {
    "eligibility": ("text", '"employees"'),
    "circumstances": ("list", "a list of the circumstances a request must rest on (the law's own list)"),
    "qualifying_weeks": ("count", "a whole number of weeks, 0 for from the first day"),
    "qualifying_months": ("count", "a whole number of months, 0 for from the first day"),
    "service_before": ("choice:request,start", '"request" (the service is needed before asking) or "start" (before '
                                               'the arrangement starts)'),
    "per_12_months": ("count", "a whole number of requests, 0 where the law sets no limit"),
    "one_at_a_time": ("bool", "true or false"),
    "request_contents": ("list", 'a list of what a request must contain, e.g. ["in writing", "dated"]'),
    "explain_effect": ("bool", "true or false"),
    "reason_required": ("bool", "true or false"),
    "notice_weeks": ("positive", "a whole number of weeks between the request and the start, 1 or more"),
    "when_made": ("text", '"received"'),
    "decision_period_months": ("count", "a whole number of months, 0 where only the steps are timed"),
    "decision_period_weeks": ("positive", "a whole number of weeks, 1 or more"),
    "decision_period_days": ("positive", "a whole number of days, 1 or more"),
    "period_counting": ("counting", '"beginning_with" (the day of receipt counts) or "after" (it does not)'),
    "appeal_within_period": ("bool", "true or false"),
    "meeting_days": ("positive", "a whole number of days, 1 or more"),
    "decision_days": ("positive", "a whole number of days, 1 or more"),
    "appeal_days": ("positive", "a whole number of days, 1 or more"),
    "appeal_meeting_days": ("positive", "a whole number of days, 1 or more"),
    "appeal_decision_days": ("positive", "a whole number of days, 1 or more"),
    "extension": ("choice:agreement,agreement_in_writing,employer_notice,none",
                  '"agreement", "agreement_in_writing", "employer_notice" or "none"'),
    "extension_weeks": ("positive", "a whole number of weeks, 1 or more: the most the employer's notice may add"),
    "consult_before_refusal": ("bool", "true or false"),
    "refusal_conditions": ("list", "a list of what must be true before a refusal"),
    "grounds_kind": ("choice:closed,examples,reasons", '"closed" (only the listed grounds), "examples" (the listed '
                                                       'grounds and others like them) or "reasons" (no list)'),
    "grounds": ("grounds", 'a table of the grounds, key = "words", in the statute\'s order'),
    "decision_notice": ("choice:notice,written_grounds_explained,written_reasons",
                        '"notice", "written_grounds_explained" or "written_reasons"'),
    "reasonable_refusal": ("choice:not_in_force,in_force", '"not_in_force" or "in_force"'),
    "withdrawal": ("text", '"two_missed_meetings"'),
    "appeal": ("choice:statutory,good_practice", '"statutory" or "good_practice"'),
    "companion": ("choice:statutory_worker,good_practice", '"statutory_worker" or "good_practice"'),
    "dispute_route": ("list", "a list of the steps open to an employee who disputes the decision, in order"),
    "written_statement_months": ("positive", "a whole number of months, 1 or more"),
}
# Rules every law file holds. Of the others: one of each ALTERNATIVES group, and any that apply to that law.
REQUIRED = ("eligibility", "per_12_months", "request_contents", "explain_effect", "when_made", "period_counting",
            "extension", "consult_before_refusal", "decision_notice", "appeal", "companion")
ALTERNATIVES = (("qualifying_weeks", "qualifying_months"),
                ("decision_period_months", "decision_period_weeks", "decision_period_days"))
STEP_KEYS = ("meeting_days", "decision_days", "appeal_days", "appeal_meeting_days", "appeal_decision_days")
STATUSES = ("law", "good practice", "not in force")
CHECKED = ("primary", "reproduction", "secondary", "not verified")  # what the rule was checked against
# The keys the eight grounds of Great Britain and Northern Ireland are known by in forms and records, in the order of
# the statute's list, for a law file that writes them as a plain list.
GROUND_KEYS = ("costs", "customer_demand", "reorganise", "recruit", "quality", "performance", "insufficient_work",
               "structural_changes")
OTHER_GROUND = "other"  # under a law whose grounds are examples: another ground of the same kind, explained
RULE_FIELDS = ("value", "says", "status", "citation", "link", "verified", "note", "checked")


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
    note: str = ""  # what could not be checked, or how the toolkit reads an unclear text
    checked: str = "primary"  # what it was checked against: primary, reproduction, secondary, not verified


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
    """What one jurisdiction's statute says, read from its law file. Where the law has more than one kind of
    request (Ireland: remote working, and flexible working for caring), `kinds` lists them and `kind` is this one."""

    jurisdiction: str
    name: str  # as a sentence names it: "the law in Great Britain"
    citation: str  # the provisions, for a letter
    link: str
    rules: dict[str, Rule] = field(compare=False)
    file: str = ""
    kind: str = ""  # the kind of request these rules are for ("" where the law has one)
    kinds: tuple[tuple[str, str], ...] = ()  # (key, words) of every kind of request the law has
    variants: dict[str, "Law"] = field(default_factory=dict, compare=False, repr=False)
    whole: tuple[str, str] = ("", "")  # where the law has kinds: the file's own name and citation, for all of them

    def value(self, key: str, default: Any = None) -> Any:
        return self.rules[key].value if key in self.rules else default

    def of_kind(self, kind: str) -> "Law":
        """The rules for one kind of request; this law itself for an unknown kind or a law with one."""
        return self.variants.get(kind, self)

    @property
    def per_12_months(self) -> int | None:
        """How many statutory requests in any 12 months; None where the law sets no limit."""
        return self.value("per_12_months") or None

    @property
    def qualifying_weeks(self) -> int:
        return self.value("qualifying_weeks", 0)

    @property
    def qualifying_months(self) -> int:
        return self.value("qualifying_months", 0)

    @property
    def has_qualifying_period(self) -> bool:
        return bool(self.qualifying_weeks or self.qualifying_months)

    @property
    def service_words(self) -> str:
        """The qualifying service as a phrase: "26 weeks'", "12 months'"."""
        if self.qualifying_months:
            return f"{self.qualifying_months} month{'s' if self.qualifying_months != 1 else ''}'"
        return f"{self.qualifying_weeks} weeks'"

    def qualifies_on(self, since: date) -> date | None:
        """The first day the qualifying service is complete, for someone employed since `since`: weeks counted as
        the days they hold, months as a period beginning with the first day (ending the day before the same date,
        or on the month's last day where it has none), so the day after it is the first day with the service."""
        from .dates import period_end

        if self.qualifying_months:
            return period_end(since, self.qualifying_months) + timedelta(days=1)
        if self.qualifying_weeks:
            return since + timedelta(weeks=self.qualifying_weeks)
        return None

    @property
    def service_before_start(self) -> bool:
        """The service is needed before the arrangement starts, not before asking (Ireland)."""
        return self.value("service_before") == "start"

    @property
    def decision_months(self) -> int | None:
        return self.value("decision_period_months") or None

    @property
    def period(self) -> tuple[int, str] | None:
        """The time for a decision as the law counts it: (number, "days", "weeks" or "months"); None where only
        the steps are timed (Northern Ireland)."""
        for unit in ("months", "weeks", "days"):
            if self.value(f"decision_period_{unit}"):
                return self.value(f"decision_period_{unit}"), unit
        return None

    @property
    def counting(self) -> str:
        return self.value("period_counting", "beginning_with")

    @property
    def consult_before_refusal(self) -> bool:
        return bool(self.value("consult_before_refusal"))

    @property
    def explain_effect(self) -> bool:
        return bool(self.value("explain_effect"))

    @property
    def reason_required(self) -> bool:
        return bool(self.value("reason_required"))

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
    def grounds_kind(self) -> str:
        return self.value("grounds_kind", "closed")

    @property
    def statement(self) -> str:
        """Where a change to the contract must be confirmed in writing, as a sentence names it: "section 4 of the
        Employment Rights Act 1996"; "" where the law file holds no such rule."""
        if "written_statement_months" not in self.rules:
            return ""
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
    if kind == "grounds":  # a table of key = "words", or (Great Britain's files) a list of the eight in order
        if isinstance(value, list):
            return _kind_problem("list", value)
        return not isinstance(value, dict) or not value or not all(
            isinstance(k, str) and k.replace("_", "").isalnum() and k.islower() and k != OTHER_GROUND
            and isinstance(v, str) and v.strip() for k, v in value.items())
    if kind == "counting":
        return value not in ("beginning_with", "after")
    if kind.startswith("choice:"):
        return value not in kind[len("choice:"):].split(",")
    return True


def _rule_problems(rules: Any, file: str, where_rules: str, today: date) -> list[str]:
    out: list[str] = []
    for key, rule in rules.items():
        where = f"{file}: {where_rules}.{key}"
        if key not in RULE_KEYS:
            out.append(f"{where}: there is no rule called {key!r}. The rules are: {', '.join(RULE_KEYS)}.")
            continue
        if not isinstance(rule, dict):
            out.append(f"{where}: write it as a table: [{where_rules}.{key}] with value, says, status, citation, "
                       "link, verified.")
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
        elif verified > today:
            out.append(f"{where}.verified: {verified.isoformat()} is in the future: write the day you checked it.")
        if "note" in rule and (not isinstance(rule["note"], str) or not rule["note"].strip()):
            out.append(f'{where}.note: write note = "…", what could not be checked, or delete the line.')
        if rule.get("checked", "primary") not in CHECKED:
            out.append(f"{where}.checked: write checked = " + ", ".join(f'"{c}"' for c in CHECKED[:-1])
                       + f' or "{CHECKED[-1]}": what the rule was checked against.')
        elif rule.get("checked", "primary") != "primary" and not isinstance(rule.get("note"), str):
            out.append(f'{where}.note: a rule not checked against the primary text says why: write note = "…".')
        extra = set(rule) - set(RULE_FIELDS)
        if extra:
            out.append(f"{where}: unknown field{'s' if len(extra) > 1 else ''} {', '.join(sorted(extra))}: "
                       "a rule holds value, says, status, citation, link and verified (and may hold note, checked).")
    return out


def _whole_problems(rules: dict[str, Any], file: str, where_rules: str) -> list[str]:
    """The rules of one kind of request taken together: what must be there, and what must agree."""
    out: list[str] = []

    def val(key: str) -> Any:
        return rules[key].get("value") if isinstance(rules.get(key), dict) else None

    for key in REQUIRED:
        if key not in rules:
            kind, like = RULE_KEYS[key]
            out.append(f"{file}: {where_rules}.{key}: missing: add a [{where_rules}.{key}] table with value = {like} "
                       "and its citation, link and verified date.")
    for group in ALTERNATIVES:
        present = [k for k in group if k in rules]
        if len(present) != 1:
            out.append(f"{file}: {where_rules}.{group[0]}: write exactly one of {', '.join(group)} "
                       f"({'none' if not present else ', '.join(present)} written).")
    if val("decision_period_months") == 0 and not all(k in rules for k in STEP_KEYS):
        missing = ", ".join(k for k in STEP_KEYS if k not in rules)
        out.append(f"{file}: {where_rules}.decision_period_months: 0 means no overall period, so no date could be "
                   f"counted without the steps: add {missing}, or write the period in months.")
    kind = val("grounds_kind") or "closed"
    grounds = val("grounds")
    if kind != "reasons" and "grounds" not in rules:
        out.append(f"{file}: {where_rules}.grounds: missing: the law's grounds for a refusal, as a table of "
                   'key = "words"; or write grounds_kind = "reasons" where the law asks only for reasons.')
    if kind == "reasons" and "grounds" in rules:
        out.append(f'{file}: {where_rules}.grounds: grounds_kind is "reasons", so there is no list: delete the '
                   "grounds, or set grounds_kind.")
    if isinstance(grounds, list) and len(grounds) != len(GROUND_KEYS):
        out.append(f"{file}: {where_rules}.grounds.value: a plain list is read as the {len(GROUND_KEYS)} grounds of "
                   f"Great Britain's law, in its order; this file lists {len(grounds)}. Write a table instead: "
                   'grounds.value = { key = "words", … }.')
    if val("extension") == "employer_notice" and "extension_weeks" not in rules:
        out.append(f"{file}: {where_rules}.extension_weeks: missing: how many weeks the employer's notice may add.")
    return out


def law_problems(text: str, file: str, today: date | None = None) -> list[str]:
    """Every problem in one law file's text, each as "file: key: what is wrong and what to write"; [] if sound."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [f"{file}: this is not valid TOML ({exc}). Check the quotes and brackets near that line."]
    today = today or now.today()
    out: list[str] = []
    for top in ("jurisdiction", "name", "citation", "link"):
        if not isinstance(data.get(top), str) or not data[top].strip():
            out.append(f'{file}: {top}: missing: write {top} = "…" at the top of the file.')
    extra = set(data) - {"jurisdiction", "name", "citation", "link", "rules", "kinds"}
    if extra:
        out.append(f"{file}: unknown table{'s' if len(extra) > 1 else ''} {', '.join(sorted(extra))}: a law file "
                   "holds jurisdiction, name, citation, link, [rules.…] and, where the law has more than one kind "
                   "of request, [kinds.…].")
    rules = data.get("rules")
    if not isinstance(rules, dict) or not rules:
        return out + [f"{file}: rules: no rules: write each rule as a [rules.<key>] table."]
    out += _rule_problems(rules, file, "rules", today)
    kinds = data.get("kinds", {})
    if not isinstance(kinds, dict):
        return out + [f"{file}: kinds: write each kind of request as a [kinds.<key>] table."]
    if not kinds:
        return out + _whole_problems(rules, file, "rules")
    for key, kind in kinds.items():
        where = f"kinds.{key}"
        if not isinstance(kind, dict):
            out.append(f"{file}: {where}: write it as a table with label, name, citation, link and its rules.")
            continue
        for top in ("label", "name", "citation", "link"):
            if not isinstance(kind.get(top), str) or not kind[top].strip():
                out.append(f'{file}: {where}.{top}: missing: write {top} = "…".')
        own = kind.get("rules", {})
        if not isinstance(own, dict):
            out.append(f"{file}: {where}.rules: write each rule as a [{where}.rules.<key>] table.")
            continue
        out += _rule_problems(own, file, f"{where}.rules", today)
        out += _whole_problems({**rules, **own}, file, f"{where}.rules")
    return out


def _rule(key: str, r: dict[str, Any]) -> Rule:
    return Rule(key, r["value"], r["says"], r["status"], r["citation"], r["link"], r["verified"], r.get("note", ""),
                r.get("checked", "primary"))


def _read(path: Path) -> Law:
    text = path.read_text(encoding="utf-8")
    problems = law_problems(text, _shown(path))
    if problems:
        raise LawFileError(problems)
    data = tomllib.loads(text)
    base = {k: _rule(k, r) for k, r in data["rules"].items()}
    kinds = data.get("kinds", {})
    if not kinds:
        return Law(data["jurisdiction"], data["name"], data["citation"], data["link"], base, _shown(path))
    listed = tuple((k, v["label"]) for k, v in kinds.items())
    variants: dict[str, Law] = {}
    for key, kind in kinds.items():
        own = {k: _rule(k, r) for k, r in kind.get("rules", {}).items()}
        variants[key] = Law(data["jurisdiction"], kind["name"], kind["citation"], kind["link"], {**base, **own},
                            _shown(path), key, listed, variants, (data["name"], data["citation"]))
    return variants[listed[0][0]]


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
JURISDICTIONS = ("GB", "NI", "IE", "AU", "NZ", "policy")  # the ones shipped; a fork's own are added by jurisdictions()


def __getattr__(name: str) -> Any:
    if name == "STATUTORY_GROUNDS":  # read from the law file on first use, not at import
        return statutory_grounds()
    raise AttributeError(name)


def statutory_grounds(lw: Law | None = None) -> tuple[tuple[str, str], ...]:
    """The grounds a refusal may rest on under a law, as (key, words); () where the law asks only for reasons."""
    words = (lw or law("GB")).value("grounds")
    if isinstance(words, dict):
        return tuple(words.items())
    return tuple(zip(GROUND_KEYS, words)) if words else ()


def dispute_route(lw: Law | None) -> tuple[str, ...]:
    return tuple(lw.value("dispute_route", ())) if lw else ()


# ---------------------------------------------------------------- the organisation's rules

@dataclass(frozen=True)
class Rules:
    """The rules in force for this organisation: the law's where there is one, improved by its own policy."""

    jurisdiction: str
    law: Law | None  # None under "policy": no statute applies
    source: str  # where the rules come from, as a sentence names it
    per_12_months: int | None  # None: no limit
    decision_months: int | None  # an overall period in months that includes any appeal (GB; a policy's); None: none
    qualifying_weeks: int  # 0: from the first day (for a formal request under these rules)
    from_day_one: bool  # the organisation lets people ask from day one (under its policy, where the law does not)
    one_live: bool  # one request at a time
    consult_before_refusal: bool
    appeal: bool
    grounds: tuple[tuple[str, str], ...]  # (key, words) a refusal may rest on; () where the law asks for reasons
    confirm_months: int = 1  # a contract change confirmed in writing within this many months (ERA 1996 s.4)
    reasonable_refusal: bool = False  # ERA 2025: a refusal must be reasonable, and the notice say why (a setting)
    aim_months: int | None = None  # under a law with timed steps only: the organisation's own aim for the whole
    kind: str = ""  # the kind of request (Ireland: "remote" or "caring"); "" where the law has one
    org: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def statutory(self) -> bool:
        return self.law is not None

    def of_kind(self, kind: str) -> "Rules":
        """The rules for one kind of request, where the law has more than one (Ireland); these rules otherwise."""
        if not self.law or not self.law.kinds or kind == self.kind or kind not in dict(self.law.kinds):
            return self
        return for_org(self.org, kind)

    @property
    def period(self) -> tuple[int, str] | None:
        """The law's time for a decision, counted its own way, where it is not an overall period that includes an
        appeal (Ireland's weeks, Australia's days, New Zealand's month); None otherwise."""
        if self.decision_months or not self.law:
            return None
        return self.law.period

    @property
    def period_words(self) -> str:
        n, unit = self.period or (self.decision_months or 0, "months")
        return f"{n} {unit[:-1] if n == 1 else unit}" if n else ""

    @property
    def counts_receipt_day(self) -> bool:
        return (self.law.counting if self.law else "beginning_with") == "beginning_with"

    @property
    def extension(self) -> str:
        """How the time for a decision can be extended: agreement, agreement_in_writing, employer_notice or none."""
        return self.law.value("extension") if self.law else "agreement"

    @property
    def extension_weeks(self) -> int | None:
        return self.law.value("extension_weeks") if self.law else None

    @property
    def grounds_kind(self) -> str:
        """closed: only the listed grounds; examples: those and others like them; reasons: no list."""
        return self.law.grounds_kind if self.law else "closed"

    @property
    def dispute_route(self) -> tuple[str, ...]:
        return dispute_route(self.law)

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
        whole = bool(lw and lw.kinds and self.source == lw.name)  # the pages name the whole law, every kind
        return {"jurisdiction": self.jurisdiction, "statutory": self.statutory,
                "law": lw.whole[0] if whole else self.source,
                "citation": (lw.whole[1] if whole else lw.citation) if lw else "", "per_12_months": self.per_12_months,
                "law_per_12_months": lw.per_12_months if lw else None,
                "decision_within_months": self.decision_months, "aim_months": self.aim_months,
                "period": self.period_words if self.period else "",
                "counts_receipt_day": self.counts_receipt_day,
                "qualifying_weeks": self.qualifying_weeks,
                "law_qualifying_weeks": lw.qualifying_weeks if lw else None,
                "law_service": lw.service_words if lw and lw.has_qualifying_period else "",
                "service_before_start": bool(lw and lw.service_before_start),
                "from_day_one": self.from_day_one, "one_live": self.one_live,
                "steps": self.steps.__dict__ if self.steps else None,
                "explain_effect": bool(lw and lw.explain_effect),
                "reason_required": bool(lw and lw.reason_required),
                "notice_weeks": lw.value("notice_weeks") if lw else None,
                "circumstances": list(lw.value("circumstances", [])) if lw else [],
                "request_contents": list(lw.value("request_contents", [])) if lw else [],
                "kinds": [{"key": k, "label": words, "name": lw.of_kind(k).name, "citation": lw.of_kind(k).citation}
                          for k, words in lw.kinds] if lw else [],
                "consult_before_refusal": self.consult_before_refusal, "appeal": self.appeal,
                "appeal_statutory": self.appeal_statutory, "companion_statutory": self.companion_statutory,
                "extension": self.extension, "extension_weeks": self.extension_weeks,
                "extension_in_writing": self.extension_in_writing,
                "reasonable_refusal": self.reasonable_refusal,
                "grounds_kind": self.grounds_kind,
                "grounds": [words for _, words in self.grounds], "confirm_within_months": self.confirm_months,
                "dispute_route": list(self.dispute_route),
                "as_of": date_words(self.as_of) if self.as_of else "",
                "as_of_iso": self.as_of.isoformat() if self.as_of else ""}


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _more_requests(law_value: int | None, own: int | None) -> int | None:
    if law_value is None:
        return None  # the law sets no limit: a setting cannot add one (the build refuses it)
    return max(law_value, own) if own else law_value


def _sooner(law_value: int | None, own: int | None) -> int | None:
    return min(law_value, own) if own and law_value else law_value


def for_org(org: dict[str, Any], kind: str = "") -> Rules:
    """The rules for an organisation's (merged) settings, for one kind of request where the law has more than one
    (the first, unless `kind` names another). Never raises on settings: a value of the wrong kind counts as unset
    (the build has already refused it, with its key). A broken law file raises LawFileError."""
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
                     consult_before_refusal=True, appeal=appeal, grounds=grounds or statutory_grounds(), org=org)
    lw = lw.of_kind(kind)
    from_day_one = not lw.has_qualifying_period or lw.service_before_start or day_one is True
    reasonable = (own.get("era_2025_reasonable_refusal") is True and lw.value("reasonable_refusal") is not None) \
        or lw.value("reasonable_refusal") == "in_force"
    in_period = bool(lw.value("appeal_within_period"))
    return Rules(jurisdiction, lw, named or lw.name, _more_requests(lw.per_12_months, per),
                 _sooner(lw.decision_months, months) if in_period else None,
                 qualifying_weeks=0 if from_day_one else lw.qualifying_weeks, from_day_one=from_day_one,
                 one_live=bool(lw.value("one_at_a_time")), consult_before_refusal=lw.consult_before_refusal,
                 appeal=appeal or lw.appeal_statutory, grounds=statutory_grounds(lw),
                 confirm_months=lw.value("written_statement_months", 1), reasonable_refusal=reasonable,
                 aim_months=months if not in_period else None, kind=lw.kind, org=org)
