"""The layout every letter on the request path shares: on the page, as a printable page and as Markdown.

A letter is data: plain sentences (typed names and words inside them as typed) and lists. Escaping happens
here, once, for the format being written, so no tool builds a letter's HTML by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Union

from ..render import date_words, printable_page
from ..safe import attr, esc, html_block, md, md_block

# A block is a paragraph (str), a list of points (tuple of str) or a heading (("h", text)).
Block = Union[str, tuple]


@dataclass(frozen=True)
class Letter:
    key: str  # its file name and its id on the page: "outcome-letter"
    title: str  # what it is, e.g. "Outcome letter"
    subject: str  # the letter's own heading
    to: str
    sender: str
    dated: date | None
    blocks: tuple[Block, ...]
    signed: str = ""

    def html(self, level: int = 3) -> str:
        h = f"h{level}"
        head = (f'<p class="swt-letter-meta">To: {esc(self.to or "…")}<br>From: {esc(self.sender or "…")}<br>'
                f"Date: {esc(date_words(self.dated)) if self.dated else '…'}</p>")
        body = "".join(_html_block(b) for b in self.blocks)
        sign = f"<p>{esc(self.signed)}</p>" if self.signed else ""
        return (f'<article class="swt-letter" id="{attr(self.key)}" aria-labelledby="{attr(self.key)}-h">'
                f'<{h} id="{attr(self.key)}-h">{esc(self.title)}</{h}>{head}<p><strong>{esc(self.subject)}</strong>'
                f"</p>{body}{sign}</article>")

    def markdown(self) -> str:
        when = date_words(self.dated) if self.dated else "…"
        lines = [f"## {md(self.title)}", "", f"To: {md(self.to or '…')}  ", f"From: {md(self.sender or '…')}  ",
                 f"Date: {when}", "", f"**{md(self.subject)}**", ""]
        for b in self.blocks:
            lines += [_md_block(b), ""]
        if self.signed:
            lines += [md(self.signed), ""]
        return "\n".join(lines)

    def page(self) -> str:
        return printable_page(self.title, self.html(level=1), heading=False)


def _html_block(b: Block) -> str:
    if isinstance(b, tuple) and b[:1] == ("h",):
        return f"<h4>{esc(b[1])}</h4>"
    if isinstance(b, tuple):
        return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in b) + "</ul>"
    return html_block(b)


def _md_block(b: Block) -> str:
    if isinstance(b, tuple) and b[:1] == ("h",):
        return f"### {md(b[1])}"
    if isinstance(b, tuple):
        return "\n".join(f"- {md(item)}" for item in b)
    return md_block(b)
