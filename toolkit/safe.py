"""Safe rendering: every value a person typed goes through here before it reaches HTML or Markdown."""

from __future__ import annotations

import html
import re


def esc(value: object) -> str:
    """Text for an HTML element's content."""
    return html.escape(str(value), quote=False)


def attr(value: object) -> str:
    """Text for an HTML attribute value (quoted with either kind of quote)."""
    return html.escape(str(value), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md(value: object) -> str:
    """Text for Markdown: special characters escaped, line breaks folded, so typed text stays text."""
    flat = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)
