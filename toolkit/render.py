"""What a tool gives back for the page: safe HTML, a Markdown document and a JSON record to download."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from .safe import attr


@dataclass(frozen=True)
class Rendered:
    html: str  # safe HTML for the result panel: typed values already escaped
    markdown: str  # the same, as a document to keep or send
    record: dict[str, Any]  # the JSON record: loads back into the tool
    filename: str  # file name without extension
    status: str  # one short sentence for screen readers, e.g. "5 of 12 done."
    document: str = ""  # a printable page (a whole HTML document), for tools that offer one

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": True,
            "html": self.html,
            "status": self.status,
            "downloads": ([
                {"label": "Download as a printable page (HTML)", "filename": f"{self.filename}.html",
                 "mime": "text/html", "content": self.document}] if self.document else []) + [
                {"label": "Download as Markdown", "filename": f"{self.filename}.md",
                 "mime": "text/markdown", "content": self.markdown},
                {"label": "Download as JSON (to load back later)", "filename": f"{self.filename}.json",
                 "mime": "application/json", "content": json.dumps(self.record, indent=2, ensure_ascii=False)},
            ],
        }


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def date_words(day: date) -> str:
    """30 November 2026: how a document says the date it was made."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def made_line(name: str = "", on: date | None = None) -> str:
    """The line under a downloaded document's title: who it belongs to, if they said, and the day it was made.
    Plain text of our own words and the typed name: callers escape it for the format they write."""
    when = date_words(on or date.today())
    return f"{name}, {when}" if name else f"Made on {when}"


def table(caption: str, headings: tuple[str, ...], rows: list[tuple[str, list[str]]]) -> str:
    """A result table: each row is (its heading, its other cells), all already safe HTML; `caption` and
    `headings` are our own words. Every cell carries its column's name, so on a phone, where a row reads as
    a short card (toolkit.css), each value keeps its label."""
    head = "".join(f'<th scope="col">{h}</th>' for h in headings)
    body = "".join(
        f'<tr><th scope="row">{first}</th>'
        + "".join(f'<td data-label="{attr(h)}">{cell}</td>' for h, cell in zip(headings[1:], cells, strict=True))
        + "</tr>"
        for first, cells in rows
    )
    return (f'<table class="swt-table"><caption>{caption}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")
