"""Taking records in: members from the planner's JSON downloads, and a saved agreement loaded back to revise.

The planner's record is read through `records`, like any typed input: this package never imports the planner."""

from __future__ import annotations

import json
from typing import Any

from .. import records
from ..planner import record as planner_record  # a tool reads another's files only through its record module
from ..forms import FieldError, clock, hours_as_minutes, text
from .model import DAY_KEYS, DAYS
from .revision import snapshot
from .schema import MAX_MEMBERS, NAME_LIMIT



def imported(values: dict[str, Any]) -> dict[str, Any]:
    """A saved agreement loaded back becomes the earlier agreement this one revises."""
    loaded = {k: v for k, v in values.items() if k != "previous"}
    return {**loaded, "previous": json.dumps(snapshot(loaded), ensure_ascii=False)}


def _member(data: dict[str, Any]) -> dict[str, Any] | str:
    """A member row from a planner record, or why the record does not give one."""
    week = planner_record.week(data)
    if isinstance(week, str):
        return f"it {week}."
    role, places = week
    hours, start, finish = role.get("hours"), role.get("start"), role.get("finish")
    if hours_as_minutes(hours, "hours")[1] or clock(start, label="start")[1] or clock(finish, label="finish")[1]:
        return "its contracted hours or usual start and finish are missing or damaged."
    name, problem = text(role.get("name"), label="name", max_length=NAME_LIMIT)
    row = {"name": "" if problem else name, "role": "", "hours": hours, "start": start, "finish": finish,
           "timezone": "", "rotas": ""}
    row.update({key: places.get(day) or "off" for key, day in zip(DAY_KEYS, DAYS)})
    return row


def import_rows(repeat: str, files: Any, count: Any) -> dict[str, Any]:
    """Rows for `repeat` from the files chosen ([{name, text}]), after `count` rows already there.

    Every file is either added or named with the reason it was not: nothing is dropped without a word."""
    field = f"import.{repeat}"
    if repeat != "members" or not isinstance(files, list) or not isinstance(count, int):
        return {"ok": False, "errors": [FieldError(field, "Those files could not be read. Choose them again.").to_dict()]}
    rows, problems, notes = [], [], []
    room = MAX_MEMBERS - count
    for i, item in enumerate(files):
        name = item.get("name") if isinstance(item, dict) and isinstance(item.get("name"), str) else f"file {i + 1}"
        data = records.open_record(item.get("text") if isinstance(item, dict) else None, planner_record.NAME)
        member = _member(data) if isinstance(data, dict) else None
        if isinstance(data, str):
            problems.append(f"{name}: {_planner_words(data)}")
        elif isinstance(member, str):
            problems.append(f"{name}: not added, because {member}")
        elif len(rows) >= room:
            problems.append(f"{name}: not added, because the team already has the most members the drafter "
                            f"takes ({MAX_MEMBERS}).")
        else:
            rows.append(member)
            unnamed = "" if member["name"] else "; type their name"
            notes.append(f"{name} added as member {count + len(rows)}{unnamed}.")
    errors = [FieldError(field, " ".join(problems)).to_dict()] if problems else []
    return {"ok": True, "rows": rows, "errors": errors, "notes": notes}


def _planner_words(message: str) -> str:
    """records' reasons, said of a planner file."""
    if "different tool" in message:
        return "not added, because it is not a plan from the where & when planner."
    return "not added. " + message
