"""The employee's request page on its own, by label in real Chromium: the example writes a statutory letter that
downloads as Markdown, and a start before the request is refused beside its field with nothing typed lost.
(The whole path from plan to trial review is tests/browser/test_request_path.py.)"""

from __future__ import annotations

from tests.browser.conftest import visit, wait_for_result
from tests.browser.test_request_path import download, error_beside
from tests.support.settings import request_opening


def test_the_example_writes_a_statutory_letter_that_downloads(page, server, tmp_path):
    visit(page, server.url + "tools/request/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, request_opening())  # a formal one under the fork's own policy (SWT_FORK=1)
    letter = download(page, tmp_path, "Download as Markdown", "request.md")
    assert "Sam Taylor" in letter and request_opening() in letter


def test_a_start_before_the_request_is_said_beside_it_and_the_form_keeps_what_was_typed(page, server):
    visit(page, server.url + "tools/request/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, request_opening())
    page.get_by_label("Date of the request").fill("10/3/2027")
    page.get_by_label("Date the change would start").fill("1/3/2027")
    page.get_by_label("Date the change would start").blur()
    page.wait_for_function("() => document.querySelector('[data-error-summary]').hidden === false")
    assert "cannot start before the request is made" in error_beside(page, "Date the change would start")
    assert page.get_by_label("Your name", exact=True).input_value() == "Sam Taylor"
