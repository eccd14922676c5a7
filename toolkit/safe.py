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


# Markdown: escape only what would change how the text reads, so a document pasted into a wiki stays clean
# ("One-to-ones", not "One\-to\-ones"). Anywhere in a line: backslash, code, emphasis, links, HTML, table cells,
# strikethrough, entities; `_` only where it could start or end emphasis (not inside snake_case or a word).
_MD_INLINE = re.compile(r"([\\`*\[\]<>|])|~|&(?=#?\w+;)|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
# At the start of a line: headings, quotes, list markers, numbered lists, setext underlines.
_MD_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


# Typed addresses stay text: a wiki's Markdown turns "https://..." and "www...." into links by itself.
_MD_AUTOLINK = re.compile(r"(?<=[A-Za-z]):(?=//)|(?<=\bwww)\.|@(?=\w)")


def _md_line(line: str) -> str:
    escaped = _MD_INLINE.sub(lambda m: "\\" + m.group(0), line)
    escaped = _MD_AUTOLINK.sub(lambda m: "\\" + m.group(0), escaped)
    start = _MD_START.match(escaped)
    if not start:
        return escaped
    if start.group(2).isdigit():  # "1. " would start a list: escape the dot, not the number
        end = start.end()
        return escaped[:end] + "\\" + escaped[end:]
    return escaped[:start.start(2)] + "\\" + escaped[start.start(2):]


def md(value: object) -> str:
    """Text for one line of Markdown: line breaks folded, and only what would change its meaning escaped."""
    return _md_line(" ".join(str(value).split()))


def md_text(value: object) -> str:
    """Typed text over several lines for Markdown: its paragraphs and line breaks kept, each line escaped. A line
    break is two spaces at the line's end, which renders the same and shows nothing when pasted into an email,
    where a backslash would show."""
    paragraphs = [p for p in re.split(r"\n\s*\n", str(value).replace("\r\n", "\n").strip()) if p.strip()]
    return "\n\n".join("  \n".join(_md_line(" ".join(line.split())) for line in p.splitlines() if line.strip())
                       for p in paragraphs)


def html_block(value: object) -> str:
    """Typed text over several lines for HTML: escaped, paragraphs as <p>, line breaks as <br>."""
    paragraphs = [p for p in re.split(r"\n\s*\n", str(value).replace("\r\n", "\n").strip()) if p.strip()]
    return "".join("<p>" + "<br>".join(esc(line.strip()) for line in p.splitlines() if line.strip()) + "</p>"
                   for p in paragraphs)
