"""The manager's decision record page on its own, by label in real Chromium: a refusal without a ground is
blocked beside the grounds with what was typed kept (and shown as text), a received date in the future is named
beside it, and the record fits a phone. (The whole path from plan to trial review is test_request_path.py.)"""

from __future__ import annotations

from datetime import timedelta

from tests.browser.conftest import visit, wait_for_result
from tests.browser.test_request_path import ATTACK, error_beside, uk
from tests.support import TODAY


def test_a_refusal_without_a_ground_is_blocked_beside_the_grounds_and_nothing_is_lost(page, server):
    visit(page, server.url + "tools/decision-record/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Trial confirmation")
    page.get_by_label("Outcome", exact=True).select_option(label="Refuse it")
    page.get_by_label("Why the ground applies to this request").fill(ATTACK)
    page.get_by_role("group", name="The grounds the refusal rests on").wait_for()
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-error-for=\"decision.grounds\"]')].some(e => !e.hidden)")
    message = page.locator("[data-error-for='decision.grounds']").inner_text()
    assert "must rest on at least one of the grounds" in message
    assert page.get_by_label("Why the ground applies to this request").input_value() == ATTACK
    page.locator("[name='decision.grounds']").first.check()  # the law's first ground, or the fork's own
    wait_for_result(page, "Outcome letter")
    assert ATTACK in page.locator("[data-result-body]").text_content()  # as text: a dialog would fail the watch


def test_a_received_date_in_the_future_is_named_beside_it(page, server):
    visit(page, server.url + "tools/decision-record/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Trial confirmation")
    page.get_by_label("Date the request was received").fill(uk(TODAY + timedelta(days=3)))
    page.wait_for_function(
        "() => !document.querySelector('[data-error-for=\"decision.received\"]').hidden")
    assert "cannot be received in the future" in error_beside(page, "Date the request was received")
    assert page.get_by_label("Date the request was received").input_value() == uk(TODAY + timedelta(days=3))


def test_the_decision_record_fits_a_phone(new_context, server):
    context = new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        visit(page, server.url + "tools/decision-record/")
        page.get_by_role("button", name="Try an example").click()
        wait_for_result(page, "Trial confirmation")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
