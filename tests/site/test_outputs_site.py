"""Issue 22 in the built site: search leaves the forms' chrome out and weighs the glossary (point 11); the
accessibility statement is published and linked (point 13)."""

from __future__ import annotations

import json


def test_22_11_search_leaves_out_the_forms_chrome_and_weighs_the_glossary(site_dir):
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    chrome = ("There is a problem", "The tool is loading", "What you type is kept in this browser only")
    found = [(d["location"], c) for d in docs for c in chrome if c in d["title"] + d["text"]]
    assert found == []
    glossary = [d for d in docs if d["location"].startswith("glossary/")]
    assert glossary and all(d.get("boost", 1) > 1 for d in glossary)
    # The tool pages are still found by what their own text says.
    assert any(d["location"].startswith("tools/planner/") for d in docs)


def test_22_13_the_accessibility_statement_is_built_and_linked(site_dir):
    page = (site_dir / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "WCAG 2.2 level AA" in page and "Problems we know about" in page and "Enforcement procedure" in page
    assert 'href="accessibility/"' in (site_dir / "index.html").read_text(encoding="utf-8")
