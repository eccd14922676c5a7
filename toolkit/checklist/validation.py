"""Reading a filled checklist: each item's tick and note."""

from __future__ import annotations

from typing import Any

from ..forms import FieldError, flag, text
from .model import NOTE_LIMIT, ChecklistError, Entry, Filled, load


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
    return errors or Filled(checklist, entries)
