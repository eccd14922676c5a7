"""Reading a filled checklist: each item's tick and note."""

from __future__ import annotations

from typing import Any


from .. import now
from ..forms import FieldError, day_date, flag, text
from .model import ABOUT_LIMIT, NOTE_LIMIT, ChecklistError, Entry, Filled, load


def validate(values: dict[str, Any], org: dict[str, Any]) -> Filled | list[FieldError]:
    try:
        checklist = load(values.get("checklist"), org)
    except ChecklistError as exc:
        return [FieldError("checklist", str(exc))]
    raw_items = values.get("items")
    raw_items = raw_items if isinstance(raw_items, dict) else {}
    errors: list[FieldError] = []
    entries = {}
    for item in checklist.items():
        raw = raw_items.get(item.id)
        raw = raw if isinstance(raw, dict) else {}
        note, problem = text(raw.get("note"), label="The note", max_length=NOTE_LIMIT)
        if problem:
            errors.append(FieldError(f"items.{item.id}.note", problem))
        entries[item.id] = Entry(item, flag(raw.get("done")), note)
    about = values.get("about") if isinstance(values.get("about"), dict) else {}
    by, problem_by = text(about.get("by"), label="Who filled it in", max_length=ABOUT_LIMIT)
    with_whom, problem_with = text(about.get("with"), label="Who else took part", max_length=ABOUT_LIMIT)
    on, problem_on = day_date(about.get("date"), label="The date", required=False)
    for name, problem in (("about.by", problem_by), ("about.with", problem_with), ("about.date", problem_on)):
        if problem:
            errors.append(FieldError(name, problem))
    return errors or Filled(checklist, entries, by, with_whom, on or now.today())
