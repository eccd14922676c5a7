"""Checklists' vocabulary and definitions: read from templates/checklists/*.toml and checked."""

from __future__ import annotations

import functools
import json
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import org as org_settings
from .. import templates

NAME = "checklist"
FOLDER = "checklists"
AUDIENCES = ("organisations", "managers", "employees", "teams")
NOTE_LIMIT = 1000
ABOUT_LIMIT = 80
_ID = re.compile(r"^[a-z][a-z0-9-]{0,59}$")


class ChecklistError(ValueError):
    """A checklist file that cannot be used, with the file and the reason in plain words."""


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    hint: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    audience: str
    summary: str
    sections: tuple[Section, ...]

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]


@dataclass(frozen=True)
class Entry:
    """One item as the person left it."""

    item: Item
    done: bool
    note: str


@dataclass(frozen=True)
class Filled:
    """The validated input: which checklist, and each item's tick and note."""

    checklist: Checklist
    entries: dict[str, Entry]
    by: str = ""  # who filled it in
    with_whom: str = ""
    on: date | None = None  # the day it was filled in


@dataclass(frozen=True)
class SectionSummary:
    section: Section
    done: int
    total: int


@dataclass(frozen=True)
class Result:
    filled: Filled
    sections: tuple[SectionSummary, ...]
    done: int
    total: int
    open_items: tuple[Item, ...]


# ---------------------------------------------------------------- loading definitions

def available() -> list[str]:
    return templates.names(FOLDER, ".toml")


def load(checklist_id: str, org: dict[str, Any] | None = None) -> Checklist:
    """Read and check one checklist definition; placeholders such as {term} are filled from `org`."""
    if not isinstance(checklist_id, str) or not _ID.match(checklist_id) or checklist_id not in available():
        raise ChecklistError(f"There is no checklist called “{checklist_id}”. Known: {', '.join(available())}.")
    # Every recompute asks for the definition again: parse each version of the file once per organisation.
    return _parse_text(checklist_id, templates.read(f"{FOLDER}/{checklist_id}.toml"), json.dumps(org or {}, sort_keys=True))


@functools.lru_cache(maxsize=32)
def _parse_text(checklist_id: str, source_text: str, org_json: str) -> Checklist:
    source = f"templates/{FOLDER}/{checklist_id}.toml"
    try:
        data = tomllib.loads(source_text)
    except tomllib.TOMLDecodeError as exc:
        raise ChecklistError(f"{source} is not valid TOML: {exc}.") from None
    return parse(checklist_id, data, source, org_settings.merge(json.loads(org_json)))


def parse(checklist_id: str, data: dict[str, Any], source: str, org: dict[str, Any]) -> Checklist:
    def need(mapping: dict[str, Any], key: str, where: str) -> str:
        value = mapping.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ChecklistError(f"{source}: {where} needs a “{key}” (text).")
        return org_settings.fill(value.strip(), org)

    audience = need(data, "audience", "the checklist")
    if audience not in AUDIENCES:
        raise ChecklistError(f"{source}: audience must be one of {', '.join(AUDIENCES)}, not “{audience}”.")
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise ChecklistError(f"{source}: add at least one [[sections]].")
    seen: set[str] = set()
    sections = []
    for s_no, raw in enumerate(raw_sections, 1):
        where = f"section {s_no}"
        if not isinstance(raw, dict):
            raise ChecklistError(f"{source}: {where} is not a table.")
        raw_items = raw.get("items")
        if not isinstance(raw_items, list) or not raw_items:
            raise ChecklistError(f"{source}: {where} needs at least one [[sections.items]].")
        items = []
        for i_no, item in enumerate(raw_items, 1):
            at = f"{where}, item {i_no}"
            if not isinstance(item, dict):
                raise ChecklistError(f"{source}: {at} is not a table.")
            item_id = item.get("id")
            if not isinstance(item_id, str) or not _ID.match(item_id):
                raise ChecklistError(f"{source}: {at} needs an id of lower-case letters, digits and hyphens.")
            if item_id in seen:
                raise ChecklistError(f"{source}: {at} repeats the id “{item_id}”.")
            seen.add(item_id)
            hint = item.get("hint", "")
            if not isinstance(hint, str):
                raise ChecklistError(f"{source}: {at} has a hint that is not text.")
            items.append(Item(item_id, need(item, "text", at), org_settings.fill(hint.strip(), org)))
        sections.append(Section(need(raw, "title", where), tuple(items)))
    return Checklist(checklist_id, need(data, "title", "the checklist"), audience,
                     need(data, "summary", "the checklist"), tuple(sections))
