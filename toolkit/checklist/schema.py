"""A checklist's form: per item a tick and an optional note."""

from __future__ import annotations

from typing import Any

from ..forms import Field, Group, ToolForm, tool_form
from .model import ABOUT_LIMIT, NAME, NOTE_LIMIT, available, load


def form(org: dict[str, Any], checklist_id: str | None = None) -> ToolForm:
    """The form a checklist's page shows (the first checklist without `checklist_id`): per item a checkbox and an
    optional note. Each checklist is a page of its own, made from its template (orgfile), so none offers one
    example: `example()` is for the tests and the snapshot."""
    checklist = load(checklist_id or available()[0], org)
    fields: list[Any] = [
        Field("checklist", "Checklist", kind="hidden", default=checklist.id),
        Group("About this record", (
            Field("about.by", "Filled in by (optional)", width="m", max_length=ABOUT_LIMIT),
            Field("about.with", "With (optional)", width="m", max_length=ABOUT_LIMIT,
                  hint="Who else took part, e.g. the employee and their manager."),
            Field("about.date", "Date", kind="date", width="s", hint="e.g. 2026-12-01. Leave empty for today."),
        )),
    ]
    for section in checklist.sections:
        rows: list[Field] = []
        for item in section.items:
            rows.append(Field(f"items.{item.id}.done", item.text, kind="checkbox", hint=item.hint))
            rows.append(Field(f"items.{item.id}.note", f"Note on “{item.text}” (optional)", kind="textarea",
                              max_length=NOTE_LIMIT, collapsed=True))
        fields.append(Group(section.title, tuple(rows)))
    return tool_form(
        NAME,
        draft_key=f"{NAME}:{checklist.id}",
        fields=fields,
        result_heading="Your progress",
        result_placeholder="Tick items and add notes: your progress and what is still open appear here.",
    )


def example(checklist_id: str | None = None) -> dict[str, Any]:
    """A checklist part done: its first three items ticked, one with a note."""
    checklist = load(checklist_id or available()[0])
    ticked = {item.id: {"done": True, "note": ""} for item in checklist.items()[:3]}
    if ticked:
        ticked[next(iter(ticked))]["note"] = "Agreed at the meeting."
    return {"checklist": checklist.id, "items": ticked}
