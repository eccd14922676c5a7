"""The layout every letter on the request path shares: on the page, as a printable page and as Markdown.

A letter is data: plain sentences (typed names and words inside them as typed) and lists. Escaping happens
here, once, for the format being written, so no tool builds a letter's HTML by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Union

from ..documents import date_words, printable_page
from ..safe import attr, esc, html_block, md, md_text

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
    rules_as_of: str = ""  # "5 December 2026": the day the rules it follows were checked (a manager's letter)
    rules_link: str = ""  # the address of "The rules this site follows", where the site's address is known

    def _rules_html(self) -> str:
        if not self.rules_as_of:
            return ""
        where = (f'<a href="{attr(self.rules_link)}">the rules this site follows</a>' if self.rules_link else
                 "“The rules this site follows” on the toolkit's site")
        return f'<p class="swt-letter-rules">Rules as of {esc(self.rules_as_of)}: see {where}.</p>'

    def _meta_html(self) -> str:
        return (f'<p class="swt-letter-meta">To: {esc(self.to or "…")}<br>From: {esc(self.sender or "…")}<br>'
                f"Date: {esc(date_words(self.dated)) if self.dated else '…'}</p>")

    def _body_html(self, level: int) -> str:
        greeting = f"<p>Dear {esc(self.to)},</p>" if self.to else ""
        body = "".join(_html_block(b, level) for b in self.blocks)
        sign = f"<p>Yours sincerely,</p><p>{esc(self.signed)}</p>" if self.signed else ""
        return greeting + body + sign

    def html(self, level: int = 3) -> str:
        """The letter on a page of the site (or in a whole record), headed by what it is."""
        h = f"h{level}"
        return (f'<article class="swt-letter" id="{attr(self.key)}" aria-labelledby="{attr(self.key)}-h">'
                f'<{h} id="{attr(self.key)}-h">{esc(self.title)}</{h}>{self._meta_html()}'
                f"<p><strong>{esc(self.subject)}</strong></p>{self._body_html(level + 1)}{self._rules_html()}"
                "</article>")

    def markdown(self, heading: bool = True) -> str:
        """As Markdown: under its own heading in a whole record, or (heading=False) on its own, to paste."""
        when = date_words(self.dated) if self.dated else "…"
        lines = ([f"## {md(self.title)}", ""] if heading else []) + [
            f"To: {md(self.to or '…')}  ", f"From: {md(self.sender or '…')}  ", f"Date: {when}", "",
            f"**{md(self.subject)}**", ""]
        if self.to:
            lines += [f"Dear {md(self.to)},", ""]
        for b in self.blocks:
            lines += [_md_block(b), ""]
        if self.signed:
            lines += ["Yours sincerely,", "", md(self.signed), ""]
        if self.rules_as_of:
            where = f"the rules this site follows ({self.rules_link})" if self.rules_link else \
                "“The rules this site follows” on the toolkit's site"
            lines += [f"*Rules as of {md(self.rules_as_of)}: see {where}.*", ""]
        return "\n".join(lines)

    def page(self) -> str:
        """The letter as the person it is for receives it: its subject as the heading, nothing of the site's."""
        body = (f'<article class="swt-letter">{self._meta_html()}<h1>{esc(self.subject)}</h1>'
                f"{self._body_html(2)}{self._rules_html()}</article>")
        return printable_page(self.subject, body, heading=False)


def _html_block(b: Block, level: int) -> str:
    if isinstance(b, tuple) and b[:1] == ("h",):
        return f"<h{min(level, 6)}>{esc(b[1])}</h{min(level, 6)}>"
    if isinstance(b, tuple):
        return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in b) + "</ul>"
    return html_block(b)


def _md_block(b: Block) -> str:
    if isinstance(b, tuple) and b[:1] == ("h",):
        return f"### {md(b[1])}"
    if isinstance(b, tuple):
        return "\n".join(f"- {md(item)}" for item in b)
    return md_text(b)
