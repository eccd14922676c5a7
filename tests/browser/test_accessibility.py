"""axe-core (from the npm package) on every kind of page, in light and dark, and on a phone-sized screen."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, visit, wait_for_result
from tests.support.settings import is_published

# The brand's colours and the pages published follow the settings: run again on the fork.
pytestmark = pytest.mark.settings

# One page of each kind, as far as the organisation publishes it (a fork may switch a section off).
GUIDANCE = [path for path in ("", "organisations/", "managers/", "employees/formal-request/", "teams/",
                              "checklists/", "glossary/", "faq/", "sources/") if is_published(path)]


@pytest.mark.parametrize("path", GUIDANCE)
def test_guidance_pages_have_no_accessibility_violations(page, server, path):
    visit(page, server.url + path)
    assert axe_violations(page) == []


def test_the_planner_and_its_result_have_no_accessibility_violations(page, server):
    visit(page, server.url + "tools/planner/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "")
    assert axe_violations(page) == []


def test_the_trial_review_and_its_result_have_no_accessibility_violations(page, server):
    visit(page, server.url + "tools/trial-review/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Reply time to budget holders")
    assert axe_violations(page) == []


def test_dark_mode_on_a_phone_has_no_accessibility_violations(new_context, server):
    context = new_context(color_scheme="dark", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        # A reader whose system is dark gets Material's dark scheme (slate) from the start.
        page.goto(server.url + "checklists/trial-review/")
        wait_for_result(page, "0 of")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        assert axe_violations(page) == []
    finally:
        context.close()


def test_the_light_dark_switch_works_and_holds_across_instant_navigation(page, server):
    # Material's palette runs without its page-wide "switching" restyle (sitebuild.pack.drop_colour_switching_rule).
    visit(page, server.url + "checklists/manager-conversation/")
    wait_for_result(page, "0 of")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    background = "() => getComputedStyle(document.querySelector('.md-main')).getPropertyValue('--md-default-bg-color')"
    dark = page.evaluate(background)
    page.locator('nav a[href$="employee-request/"]').first.click()
    wait_for_result(page, "0 of")
    assert page.evaluate("location.pathname").endswith("employee-request/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.locator("label[title='Switch to light mode']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    assert page.evaluate(background) != dark
    assert not page.evaluate("document.body.hasAttribute('data-md-color-switching')")
