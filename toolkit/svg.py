"""Figures as inline SVG, drawn by the toolkit: no chart library, nothing fetched, no script, no style attribute.

A figure is `role="img"` with a title and a description, so a screen reader hears one summary rather than every
block; the table it summarises stays on the page. Text and lines use `currentColor`, so a figure follows the
page's light or dark scheme and prints black; places are told apart by pattern and by a word as well as by colour,
so nothing is lost on a black-and-white printer. Every text a person typed goes through `safe.esc`/`safe.attr`."""

from __future__ import annotations

import functools
import re

from .safe import attr, esc

DEFAULT_COLOUR = "#1f5f8b"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def colour(value: object) -> str:
    """An organisation's colour if it is a #rrggbb value, else the default (the settings are checked at build)."""
    return value if isinstance(value, str) and _HEX.match(value) else DEFAULT_COLOUR


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours, from 1 to 21."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, share: float) -> str:
    """`a` moved `share` (0..1) of the way towards `b`: the lighter and darker shades of a brand colour."""
    channels = (round(int(a[i:i + 2], 16) * (1 - share) + int(b[i:i + 2], 16) * share) for i in (1, 3, 5))
    return "#" + "".join(f"{c:02x}" for c in channels)


@functools.lru_cache(maxsize=16)
def text_on(fill: str) -> str:
    """Black or white, whichever reads better on `fill` (WCAG AA wants 4.5:1 for text)."""
    return "#ffffff" if contrast(fill, "#ffffff") >= contrast(fill, "#000000") else "#000000"


def fit(text: str, width: float, size: float = 11) -> str:
    """`text` cut to what fits `width` units at font size `size` (about 0.55 em a character), with an ellipsis."""
    room = int(width / (size * 0.55))
    if room < 2:
        return ""
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


class Figure:
    """One SVG figure. Ids are prefixed with `key`, so two figures on a page never share a pattern's id."""

    def __init__(self, key: str, width: float, height: float, title: str, description: str, fill: str) -> None:
        self.key, self.width, self.height = key, width, height
        self.title, self.description, self.fill = title, description, fill
        self.parts: list[str] = []

    def id(self, name: str) -> str:
        return f"swt-{self.key}-{name}"

    def rect(self, x: float, y: float, w: float, h: float, fill: str, *, stroke: str = "currentColor",
             tip: str = "", dash: bool = False, cls: str = "") -> None:
        """A block; `tip` (plain text, escaped here) is shown when the pointer rests on it. `fill`, `stroke` and
        `cls` are the toolkit's own values (patterns, checked colours), never typed text: not escaped."""
        extra = ' stroke-dasharray="4 3"' if dash else ""
        kind = f' class="{cls}"' if cls else ""
        tip_el = f"<title>{esc(tip)}</title>" if tip else ""
        self.parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{fill}" '
                          f'stroke="{stroke}" stroke-width="1"{extra}{kind}>{tip_el}</rect>')

    def text(self, x: float, y: float, words: str, *, size: float = 11, anchor: str = "start", fill: str = "currentColor",
             bold: bool = False) -> None:
        """Plain text (escaped here), its baseline at y; `fill` and `anchor` are the toolkit's own values."""
        weight = ' font-weight="700"' if bold else ""
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
                          f'fill="{fill}"{weight}>{esc(words)}</text>')

    def line(self, x1: float, y1: float, x2: float, y2: float, *, dash: bool = False) -> None:
        extra = ' stroke-dasharray="3 3"' if dash else ""
        self.parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="currentColor" '
                          f'stroke-width="1"{extra}/>')

    def _defs(self) -> str:
        hatch = (f'<pattern id="{self.id("hatch")}" width="6" height="6" patternUnits="userSpaceOnUse" '
                 f'patternTransform="rotate(45)"><rect width="6" height="6" fill="none"/>'
                 f'<line x1="0" y1="0" x2="0" y2="6" stroke="{attr(self.fill)}" stroke-width="3"/></pattern>')
        dots = (f'<pattern id="{self.id("dots")}" width="6" height="6" patternUnits="userSpaceOnUse">'
                f'<circle cx="3" cy="3" r="1.4" fill="{attr(self.fill)}"/></pattern>')
        cross = (f'<pattern id="{self.id("cross")}" width="8" height="8" patternUnits="userSpaceOnUse">'
                 '<path d="M0 0L8 8M8 0L0 8" stroke="currentColor" stroke-width="1"/></pattern>')
        return f"<defs>{hatch}{dots}{cross}</defs>"

    def pattern(self, name: str) -> str:
        """A fill: "solid" (the organisation's colour), "hatch" (diagonal lines), "dots", "cross" or "none"."""
        return {"solid": self.fill, "none": "none"}.get(name) or f"url(#{self.id(name)})"

    def svg(self) -> str:
        title, desc = self.id("title"), self.id("desc")
        # Its own size in CSS pixels: scaled to the text's width on a wide screen (toolkit.css), and on a phone kept
        # at this size in a box that scrolls sideways, so its words stay readable (a figure shrunk to a phone's
        # width had text 5 pixels tall). The box can be focused, to scroll it from the keyboard.
        return (f'<figure class="swt-figure" tabindex="0" aria-labelledby="{title}">'
                f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {self.width:.0f} {self.height:.0f}" '
                f'width="{self.width:.0f}" height="{self.height:.0f}" '
                f'aria-labelledby="{title} {desc}" font-family="system-ui, sans-serif">'
                f'<title id="{title}">{esc(self.title)}</title><desc id="{desc}">{esc(self.description)}</desc>'
                f'{self._defs()}<g aria-hidden="true">{"".join(self.parts)}</g></svg></figure>')
