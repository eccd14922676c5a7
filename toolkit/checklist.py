"""Interactive checklists: definitions in templates/checklists/*.toml, ticked and annotated in the browser."""

from __future__ import annotations

import functools
import json
import re
import tomllib
from dataclasses import dataclass
from typing import Any

from . import org as org_settings
from . import records, templates
from .forms import Field, FieldError, Group, ToolForm, flag, text
from .render import Rendered, table
from .safe import esc, md

NAME = "checklist"
FOLDER = "checklists"
AUDIENCES = ("organisations", "managers", "employees", "teams")
NOTE_LIMIT = 1000
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


# ---------------------------------------------------------------- the tool

def form(checklist_id: str, org: dict[str, Any] | None = None) -> ToolForm:
    """The form a page shows: per item a checkbox and an optional note."""
    checklist = load(checklist_id, org)
    fields: list[Any] = [Field("checklist", "Checklist", kind="hidden", default=checklist.id)]
    for section in checklist.sections:
        rows: list[Field] = []
        for item in section.items:
            rows.append(Field(f"items.{item.id}.done", item.text, kind="checkbox", hint=item.hint))
            rows.append(Field(f"items.{item.id}.note", f"Note on “{item.text}” (optional)", kind="textarea",
                              max_length=NOTE_LIMIT))
        fields.append(Group(section.title, tuple(rows)))
    return ToolForm(
        tool=NAME,
        draft_key=f"{NAME}:{checklist.id}",
        fields=fields,
        result_heading="Your progress",
        result_placeholder="Tick items and add notes: your progress and what is still open appear here.",
        import_limit=records.MAX_CHARS,
    )


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


def compute(filled: Filled) -> Result:
    summaries = tuple(
        SectionSummary(s, sum(filled.entries[i.id].done for i in s.items), len(s.items))
        for s in filled.checklist.sections
    )
    open_items = tuple(i for i in filled.checklist.items() if not filled.entries[i.id].done)
    total = sum(s.total for s in summaries)
    return Result(filled, summaries, total - len(open_items), total, open_items)


def render(result: Result, values: dict[str, Any]) -> Rendered:
    checklist = result.filled.checklist
    return Rendered(
        html=_html(result),
        markdown=_markdown(result),
        record=records.make(NAME, checklist.title, values, _summary_data(result)),
        filename=f"checklist-{checklist.id}",
        status=f"{result.done} of {result.total} done.",
    )


def _summary_data(result: Result) -> dict[str, Any]:
    return {
        "done": result.done,
        "total": result.total,
        "sections": [{"title": s.section.title, "done": s.done, "total": s.total} for s in result.sections],
        "open": [i.id for i in result.open_items],
    }


def _html(result: Result) -> str:
    checklist = result.filled.checklist
    if result.open_items:
        still = "<h3>Still to do</h3><ul>" + "".join(f"<li>{esc(i.text)}</li>" for i in result.open_items) + "</ul>"
    else:
        still = "<p><strong>Everything on this checklist is done.</strong></p>"
    record = []
    for section in checklist.sections:
        lines = []
        for item in section.items:
            entry = result.filled.entries[item.id]
            mark = "Done" if entry.done else "Not yet"
            note = f'<div class="swt-note">Note: {esc(entry.note)}</div>' if entry.note else ""
            lines.append(f'<li class="swt-{"done" if entry.done else "open"}"><span class="swt-mark">{mark}:</span> '
                         f"{esc(item.text)}{note}</li>")
        record.append(f"<h4>{esc(section.title)}</h4><ul class=\"swt-record-list\">{''.join(lines)}</ul>")
    return (
        f'<p class="swt-headline"><strong>{result.done} of {result.total}</strong> items done.</p>'
        f'<progress max="{result.total}" value="{result.done}" aria-label="Items done">{result.done} of {result.total}</progress>'
        + table("Done in each section", ("Section", "Done", "Items"),
                [(esc(s.section.title), [str(s.done), str(s.total)]) for s in result.sections])
        + still
        + f'<div class="swt-record"><h3>{esc(checklist.title)}: the full record</h3>{"".join(record)}</div>'
    )


def _markdown(result: Result) -> str:
    checklist = result.filled.checklist
    out = [f"# {md(checklist.title)}", "", f"**{result.done} of {result.total}** items done.", ""]
    for summary in result.sections:
        out += [f"## {md(summary.section.title)} ({summary.done} of {summary.total})", ""]
        for item in summary.section.items:
            entry = result.filled.entries[item.id]
            out.append(f"- [{'x' if entry.done else ' '}] {md(item.text)}")
            if entry.note:
                out.append(f"  - Note: {md(entry.note)}")
        out.append("")
    return "\n".join(out)
