"""The drawn results on the tool pages: shown under the strict CSP, named for screen readers, kept in print,
legible on a phone, and in the printable download."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, visit, wait_for_result

# The figures are drawn in the brand's colours: run again on the fork.
pytestmark = pytest.mark.settings

TOOLS = [("tools/planner/", "A suggested week", 3), ("tools/team-agreement/", "Front desk", 3),
         ("tools/trial-review/", "Reply time to budget holders", 2), ("tools/decision-record/", "Trial confirmation", 1)]


@pytest.mark.parametrize("path, shows, count", TOOLS)
def test_the_figures_are_drawn_named_and_printed(page, server, path, shows, count):
    visit(page, server.url + path)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, shows)
    figures = page.locator("[data-result-body] svg[role=img]")
    assert figures.count() == count
    for i in range(count):
        figure = figures.nth(i)
        assert figure.is_visible() and figure.bounding_box()["height"] > 40
        assert page.evaluate("el => el.getAttribute('aria-labelledby').split(' ').every(id => "
                             "document.getElementById(id).textContent.length > 10)", figure.element_handle())
    page.emulate_media(media="print")
    assert figures.first.is_visible()
    assert axe_violations(page) == []  # a CSP refusal of any part would also have failed the page's watch


@pytest.mark.parametrize("path, shows, count", TOOLS)
def test_on_a_phone_the_figures_fit_the_screen(new_context, server, path, shows, count):
    context = new_context(viewport={"width": 360, "height": 740}, is_mobile=True, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(server.url + path)
        page.get_by_role("button", name="Try an example").click()
        wait_for_result(page, shows)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        # Each figure keeps its own size, so its words stay readable, and scrolls sideways in its own box
        # (issue 22, point 10: shrunk to the screen, its text was 5 to 6 pixels tall).
        figure = page.locator("[data-result-body] figure.swt-figure").first
        assert figure.bounding_box()["width"] <= 360
        smallest = figure.evaluate("f => Math.min(...[...f.querySelectorAll('text')]"
                                   ".map(t => t.getBoundingClientRect().height))")
        assert smallest >= 9
        assert axe_violations(page) == []
    finally:
        context.close()
