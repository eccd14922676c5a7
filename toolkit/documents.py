"""What a tool gives back and the documents it offers: the `Rendered` answer (safe HTML for the page, Markdown,
a JSON record, printable pages), result tables, and dates in words."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from . import now
from .safe import attr


@dataclass(frozen=True)
class Rendered:
    """A tool's answer. The downloads are made when they are asked for, not on every recompute: for a team of 30
    the printable page and the Markdown were most of a recompute's time (bench/)."""

    # The result panel's safe HTML (typed values already escaped), in parts the page patches one by one: after
    # an edit only the parts whose HTML changed are parsed and laid out again (a team's week is 60 KB).
    parts: tuple[str, ...]
    filename: str  # file name without extension
    status: str  # one short sentence for screen readers, e.g. "5 of 12 done."
    make_markdown: Callable[[], str]  # the result as a document to keep or send
    make_record: Callable[[], dict[str, Any]]  # the JSON record: loads back into the tool
    make_document: Callable[[], str] | None = None  # a printable page, for tools that offer one
    # Things to check that do not stop the result, each shown beside its field (field name, message).
    notes: tuple[tuple[str, str], ...] = ()
    # More printable pages, each its own download: (label, file name with .html, how to make it). The letters.
    pages: tuple[tuple[str, str, Callable[[], str]], ...] = ()
    # Other files, each its own download: (label, file name, MIME type, how to make it). A team's counts for HR.
    more: tuple[tuple[str, str, str, Callable[[], str]], ...] = ()

    @property
    def html(self) -> str:
        return "".join(self.parts)

    @property
    def markdown(self) -> str:
        return self.make_markdown()

    @property
    def record(self) -> dict[str, Any]:
        return self.make_record()

    @property
    def document(self) -> str:
        return self.make_document() if self.make_document else ""

    def files(self) -> list[dict[str, Any]]:
        """The downloads offered, each with how to make its content."""
        out = []
        if self.make_document:
            out.append({"label": "Download as a printable page (HTML)", "filename": f"{self.filename}.html",
                        "mime": "text/html", "make": lambda: self.document})
        out += [{"label": label, "filename": name, "mime": "text/html", "make": make} for label, name, make in self.pages]
        out.append({"label": "Download as Markdown", "filename": f"{self.filename}.md", "mime": "text/markdown",
                    "make": lambda: self.markdown})
        out.append({"label": "Download as JSON (to load back later)", "filename": f"{self.filename}.json",
                    "mime": "application/json",
                    "make": lambda: json.dumps(self.record, indent=2, ensure_ascii=False)})
        out += [{"label": label, "filename": name, "mime": mime, "make": make} for label, name, mime, make in self.more]
        return out

    def to_dict(self, contents: bool = True) -> dict[str, Any]:
        """The answer for the page; without `contents` the downloads are listed and made later (`download`)."""
        downloads = [{k: v for k, v in f.items() if k != "make"} | ({"content": f["make"]()} if contents else {})
                     for f in self.files()]
        return {"ok": True, "parts": list(self.parts), "status": self.status, "downloads": downloads,
                "notes": [{"field": field, "message": message} for field, message in self.notes]}

    def download(self, filename: Any) -> dict[str, Any] | None:
        """One download, made now; None for a name this answer does not offer."""
        for f in self.files():
            if f["filename"] == filename:
                return {"filename": f["filename"], "mime": f["mime"], "content": f["make"]()}
        return None


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def date_words(day: date) -> str:
    """30 November 2026: how a document says the date it was made."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def file_name(*words: str, on: date) -> str:
    """A download's name without its extension, by tool, person and date: decision-record-sam-okoro-2026-12-07.
    Typed names become plain letters, digits and hyphens, so no name can reach outside the download's folder."""
    def slug(word: str) -> str:
        plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
        return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-")

    return "-".join([s for s in map(slug, words) if s] + [on.isoformat()])


def made_line(name: str = "", on: date | None = None) -> str:
    """The line under a downloaded document's title: who it belongs to, if they said, and the day it was made.
    Plain text of our own words and the typed name: callers escape it for the format they write."""
    when = date_words(on or now.today())
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


PRINT_STYLE = (
    "@page{size:A4;margin:16mm}body{font:11pt/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#111;"
    "max-width:46em;margin:1.5em auto;padding:0 1em}h1{font-size:1.6em}h2,h3{margin-top:1.3em;break-after:avoid}"
    "table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #888;padding:.3em .45em;"
    "text-align:left;vertical-align:top}tr,figure{break-inside:avoid}figure{margin:.8em 0}"
    "svg{max-width:100%;height:auto}"
    "caption{text-align:left;font-style:italic;padding-bottom:.3em}.swt-hint{color:#444;font-size:.92em}"
    ".swt-finding{border-left:4px solid #888;padding-left:.7em;margin:.6em 0;break-inside:avoid}"
    ".swt-letter{break-before:page}.swt-letter:first-of-type{break-before:auto}"
    ".swt-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    "td[data-label=Signature]{height:2.2em;width:45%}"
)


# Page numbers in the bottom margin of every printed page, for documents people sign.
PAGE_NUMBERS = ('@page{@bottom-right{content:"Page " counter(page) " of " counter(pages);font:9pt system-ui,'
                'sans-serif;color:#444}}')


def printable_page(title: str, body: str, subtitle: str = "", heading: bool = True, style: str = "") -> str:
    """A whole HTML document for a download: clean A4, no site around it. `title` and `subtitle` are plain text;
    `body` is safe HTML (with its own h1 when `heading` is False); `style` is the toolkit's own CSS added to it."""
    from .safe import esc

    top = (f"<h1>{esc(title)}</h1>" + (f"<p>{esc(subtitle)}</p>" if subtitle else "")) if heading else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><style>{PRINT_STYLE}{style}</style>'
            f"</head><body>{top}{body}</body></html>")
