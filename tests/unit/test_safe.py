"""Escaping: the toolkit's own escape must match the standard library's, character for character."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from toolkit import safe


@given(st.text())
def test_esc_and_attr_match_html_escape(text):
    assert safe.esc(text) == html.escape(text, quote=False)
    assert safe.attr(text) == html.escape(text, quote=True)


def test_typed_markup_stays_text():
    assert safe.esc("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert safe.attr('" onmouseover="x') == "&quot; onmouseover=&quot;x"
