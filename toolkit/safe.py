"""Safe rendering: every value a person typed goes through here before it reaches HTML or Markdown."""

from __future__ import annotations

import re

# The same replacements as html.escape. Importing the html module pulls in its table of 2,000 named
# entities, which costs about 55 ms of a tool page's first result under Pyodide (measured in Node).
_CONTENT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def esc(value: object) -> str:
    """Text for an HTML element's content."""
    return str(value).translate(_CONTENT)


def attr(value: object) -> str:
    """Text for an HTML attribute value (quoted with either kind of quote)."""
    return str(value).translate(_ATTRIBUTE)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md(value: object) -> str:
    """Text for Markdown: special characters escaped, line breaks folded, so typed text stays text."""
    flat = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)
