"""A trial review starts from the decision record's trial: the people, the pattern, the dates and the measures.

The decision record is read through `records`, like any typed input: this package never imports that tool. Its
`result.trial` is null (no trial decided) or {employee, manager, pattern: [lines], start, end, reviews: [dates],
decide_by (or null), success, measures: [{name, baseline, target, better ("higher", "lower"; older records: none)}]}. A damaged one is named, never half-read."""

from __future__ import annotations

import re
from typing import Any

from ..forms import day_date

NO_TRIAL = "This decision record has no trial in it: choose a trial as the outcome there first."
# "95 invoices a week" -> ("95", "invoices a week"): the form keeps the number and the unit in their own boxes.
_AMOUNT = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)(?![\d,])\s*(.*?)\s*$")
# Targets are often written with their direction: "140 or more", "at most 8 hours", "8 hours or fewer".
_BEFORE = {"at least": "higher", "no less than": "higher", "more than": "higher", "over": "higher",
           "above": "higher", "at most": "lower", "no more than": "lower", "up to": "lower", "within": "lower",
           "under": "lower", "below": "lower", "less than": "lower", "fewer than": "lower"}
_AFTER = {"or more": "higher", "or higher": "higher", "or above": "higher", "or over": "higher", "+": "higher",
          "or fewer": "lower", "or less": "lower", "or lower": "lower", "or below": "lower", "or under": "lower"}
_KIND_WORDS = (
    ("response_time", ("respon", "reply", "replies", "answer", "turnaround", "time to")),
    ("well_being", ("well-being", "wellbeing", "well being", "stress", "workload", "energy")),
    ("service_level", ("service", "sla", "cover", "complaint", "satisfaction")),
    ("outputs", ("processed", "completed", "output", "delivered", "closed", "invoice", "cases", "reports")),
)
_ON_TIME = ("same day", "on time", "in time", "within", "by the deadline")


def _split(raw: str) -> tuple[str, str, str]:
    """A figure as (number, unit, the direction its words give or ""); a figure that does not start with a number
    stays whole, for the form to explain beside its field."""
    words, way = raw.strip(), ""
    for phrase, direction in _BEFORE.items():
        if words.casefold().startswith(phrase + " "):
            words, way = words[len(phrase):].strip(), direction
            break
    for phrase, direction in _AFTER.items():
        if words.casefold().endswith(phrase) and words[:-len(phrase)].strip():
            words, way = words[:-len(phrase)].strip(), direction
            break
    m = _AMOUNT.match(words)
    return (m.group(1), m.group(2), way) if m else (raw.strip(), "", "")


def _kind(name: str, unit: str = "") -> str:
    low = name.casefold()
    if "%" in unit or "per cent" in low or "percent" in low or any(w in low for w in _ON_TIME):
        return "service_level"  # a share of things done in time: a service level, whatever the verb
    return next((kind for kind, words in _KIND_WORDS if any(w in low for w in words)), "other")


def _measure(raw: dict[str, Any]) -> dict[str, str]:
    """One measure as the form holds it. Which way is better comes from the record, or from the target's own words
    ("140 or more"); otherwise it is left for the two people to choose, never guessed from the name."""
    name = raw["name"].strip()
    baseline, unit_b, _ = _split(raw["baseline"])
    target, unit_t, way = _split(raw["target"])
    stated = raw.get("better") if raw.get("better") in ("higher", "lower") else ""
    return {"name": name, "kind": _kind(name, unit_b or unit_t), "unit": unit_b or unit_t, "baseline": baseline,
            "target": target, "actual": "", "better": stated or way}


def _is_date(raw: Any) -> bool:
    return isinstance(raw, str) and day_date(raw, label="", required=True)[1] is None


def _problems(trial: dict[str, Any]) -> list[str]:
    """What is missing or of the wrong kind, in words."""
    out = []
    for key, words in (("employee", "the employee's name"), ("manager", "the manager's name"),
                       ("success", "what success looks like")):
        if not isinstance(trial.get(key), str):
            out.append(f"{words} is missing or not text")
    pattern = trial.get("pattern")
    if not isinstance(pattern, list) or not all(isinstance(line, str) for line in pattern):
        out.append("the pattern is not a list of lines")
    for key, words in (("start", "the start date"), ("end", "the end date")):
        if not _is_date(trial.get(key)):
            out.append(f"{words} is not a date")
    if trial.get("decide_by") is not None and not _is_date(trial.get("decide_by")):
        out.append("the date the decision is due is not a date")
    reviews = trial.get("reviews")
    if not isinstance(reviews, list) or not all(_is_date(r) for r in reviews):
        out.append("the review dates are not a list of dates")
    measures = trial.get("measures")
    if not isinstance(measures, list):
        out.append("the measures are not a list")
    else:
        for i, m in enumerate(measures):
            if not isinstance(m, dict) or not all(isinstance(m.get(k), str) for k in ("name", "baseline", "target")):
                out.append(f"measure {i + 1} has no name, baseline or target")
    return out


def from_decision(data: dict[str, Any]) -> dict[str, Any] | str:
    """The trial review's answers from a decision record, or why the record will not do."""
    result = data.get("result")
    if not isinstance(result, dict) or "trial" not in result:
        return ("The decision record holds no decision (it was saved before it was complete). Finish it in the "
                "decision record and download it again.")
    trial = result["trial"]
    if trial is None:
        return NO_TRIAL
    if not isinstance(trial, dict):
        return "The decision record's trial is damaged. Open it in the decision record and download it again."
    problems = _problems(trial)
    if problems:
        listed = "; ".join(problems[:4]) + ("; and more" if len(problems) > 4 else "")
        return (f"The decision record's trial is damaged: {listed}. Open it in the decision record and download "
                "it again.")
    return {
        "people": {"employee": trial["employee"].strip(), "manager": trial["manager"].strip()},
        "trial": {"pattern": "\n".join(line.strip() for line in trial["pattern"] if line.strip()),
                  "success": trial["success"].strip(), "start": trial["start"].strip(), "end": trial["end"].strip(),
                  "decide_by": (trial["decide_by"] or "").strip()},
        "reviews": [{"date": day.strip(), "notes": ""} for day in trial["reviews"]],
        "measures": [_measure(m) for m in trial["measures"]],
        "notes": {"employee": "", "manager": ""},
        # No outcome is chosen for the two people: the review has not been held yet, and the letter waits for it.
        "outcome": {"choice": "", "decided": "", "changes": "", "next_review": "", "new_end": "",
                    "basis": "", "reason": "", "from": ""},
    }


TAKES = {"decision_record": from_decision}
