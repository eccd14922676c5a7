"""A checklist's progress for the page, and the record as Markdown and JSON."""

from __future__ import annotations

from typing import Any

from .. import now, records
from ..documents import Rendered, file_name, table
from ..documents import date_words
from ..safe import esc, html_block, md, md_text
from .model import NAME, Filled, Result


def render(result: Result, values: dict[str, Any]) -> Rendered:
    checklist = result.filled.checklist
    return Rendered(
        parts=(_html(result),),
        filename=file_name(f"checklist-{checklist.id}", result.filled.by, on=result.filled.on or now.today()),
        status=f"{result.done} of {result.total} done.",
        make_markdown=lambda: _markdown(result),
        make_record=lambda: records.make(NAME, checklist.title, values, _summary_data(result)),
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
            note = f'<div class="swt-note">Note: {html_block(entry.note)}</div>' if entry.note else ""
            lines.append(f'<li class="swt-{"done" if entry.done else "open"}"><span class="swt-mark">{mark}:</span> '
                         f"{esc(item.text)}{note}</li>")
        record.append(f"<h4>{esc(section.title)}</h4><ul class=\"swt-record-list\">{''.join(lines)}</ul>")
    return (
        f'<p class="swt-headline"><strong>{result.done} of {result.total}</strong> items done.</p>'
        f'<progress max="{result.total}" value="{result.done}" aria-label="Items done">{result.done} of {result.total}</progress>'
        + table("Done in each section", ("Section", "Done", "Items"),
                [(esc(s.section.title), [str(s.done), str(s.total)]) for s in result.sections])
        + still
        + f'<div class="swt-record"><h3>{esc(checklist.title)}: the full record</h3>'
        f'<p>{esc(_about(result.filled))}</p>{"".join(record)}</div>'
    )


def _about(filled: Filled) -> str:
    """Who filled it in, with whom and when, as plain text (escaped by the caller)."""
    who = f"Filled in by {filled.by}" if filled.by else "Filled in"
    with_whom = f" with {filled.with_whom}" if filled.with_whom else ""
    return f"{who}{with_whom} on {date_words(filled.on)}."


def _markdown(result: Result) -> str:
    checklist = result.filled.checklist
    out = [f"# {md(checklist.title)}", "", md(_about(result.filled)), "",
           f"**{result.done} of {result.total}** items done.", ""]
    for summary in result.sections:
        out += [f"## {md(summary.section.title)} ({summary.done} of {summary.total})", ""]
        for item in summary.section.items:
            entry = result.filled.entries[item.id]
            out.append(f"- [{'x' if entry.done else ' '}] {md(item.text)}")
            if entry.note:
                out.append("  - Note: " + md_text(entry.note).replace("\n", "\n    "))
        out.append("")
    return "\n".join(out)
