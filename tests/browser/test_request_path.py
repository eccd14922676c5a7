"""From plan to agreed pattern, as the people on it use the tools: the planner's plan becomes the employee's
request, the request file becomes the manager's decision record, the record's trial becomes the trial review;
each is downloaded and loaded back. Filled in by label, in real Chromium with real Pyodide."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.browser.conftest import axe_violations, visit, wait_for_result
from tests.support import TODAY  # the day the page's clock is pinned to (tests/browser/conftest.py)

# The request rules follow the settings: run again on the fork.
pytestmark = pytest.mark.settings

from tests.support.settings import request_opening
ATTACK = "<img src=x onerror=alert(1)>"


def uk(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def download(page, tmp_path, name: str, file_name: str) -> str:
    with page.expect_download() as made:
        page.get_by_role("button", name=name).click()
    path = tmp_path / file_name
    made.value.save_as(path)
    return path.read_text()


def error_beside(page, label: str) -> str:
    field = page.get_by_label(label, exact=True).first
    described = field.get_attribute("aria-describedby").split()
    return " ".join(page.locator(f"[id='{i}']").inner_text() for i in described if i.endswith("-error"))


def test_plan_to_request_to_decision_to_trial_review(page, server, tmp_path):
    # The planner: the example plan, with a name, downloaded.
    visit(page, server.url + "tools/planner/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "A suggested week")
    page.get_by_label("Your name or initials (optional)").fill("Sam Taylor")  # a download is made from the form
    plan = download(page, tmp_path, "Download as JSON (to load back later)", "plan.json")
    week = {d["day"]: d["place"] for d in json.loads(plan)["result"]["week"]}

    # The request: started from the plan, given a start date, the letter written and downloaded.
    visit(page, server.url + "tools/request/")
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / "plan.json")
    page.wait_for_function("() => document.querySelector('[name=\"request.employee\"]').value === 'Sam Taylor'")
    tuesday = page.get_by_label("Tuesday", exact=True).input_value()
    assert tuesday == {"site": "office", "home": "home"}[week["Tuesday"]]
    page.get_by_label("Your manager's name (optional)").fill("Priya Shah")
    page.get_by_label("Date the change would start").fill(uk(TODAY + timedelta(days=90)))
    wait_for_result(page, request_opening())
    letter = download(page, tmp_path, "Download as a printable page (HTML)", "request.html")
    assert letter.startswith("<!doctype html>") and "Sam Taylor" in letter and "Priya Shah" in letter
    download(page, tmp_path, "Download as JSON (to load back later)", "request.json")
    page.get_by_role("button", name="Clear what I typed").click()
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / "request.json")
    wait_for_result(page, request_opening())
    assert page.get_by_label("Your manager's name (optional)").input_value() == "Priya Shah"

    # The decision record: started from the request file, a trial agreed, its letters downloaded.
    visit(page, server.url + "tools/decision-record/")
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / "request.json")
    page.wait_for_function("() => document.querySelector('[name=\"request.employee\"]').value === 'Sam Taylor'")
    page.get_by_label("Date the request was received").fill(uk(TODAY))
    page.get_by_label("Date of the meeting to discuss it").fill(uk(TODAY + timedelta(days=7)))
    page.get_by_label("Outcome", exact=True).select_option(label="Agree a trial first")
    page.get_by_label("Date of the decision letter").fill(uk(TODAY + timedelta(days=10)))
    page.get_by_label("Trial starts").fill(uk(TODAY + timedelta(days=14)))
    page.get_by_label("What success looks like").fill("Answers to budget holders within a day.")
    page.get_by_role("button", name="Add measure", exact=True).click()
    measure = page.locator("[data-repeat=trial_measures] [data-row]").nth(0)
    measure.get_by_label("Measure", exact=True).fill("Hours to answer an email")
    measure.get_by_label("Now (baseline)").fill("6")
    measure.get_by_label("Target").fill("8")
    measure.get_by_label("Which way is better").select_option(label="Lower is better")
    wait_for_result(page, "Trial confirmation")
    body = page.locator("[data-result-body]").text_content()
    # 12 weeks from a start 14 days on runs past the two-month decision period: the extension is drafted.
    assert "Extension agreement" in body and "Agree with the employee to extend the decision period" in body
    assert "a month after the trial, to review it, decide and hear any appeal" in error_beside(page, "Length")
    confirmation = download(page, tmp_path, "Download the trial confirmation (printable page)", "trial.html")
    assert "Hours to answer an email: now 6, target 8" in confirmation
    extension = download(page, tmp_path, "Download the extension agreement (printable page)", "extension.html")
    assert "Signed by Sam Taylor (employee)" in extension
    record = download(page, tmp_path, "Download as JSON (to load back later)", "decision.json")
    assert json.loads(record)["result"]["trial"]["measures"][0]["name"] == "Hours to answer an email"

    # The record loads back into itself as it was.
    page.get_by_role("button", name="Clear what I typed").click()
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / "decision.json")
    # Cleared, the form may still show the last result for a moment: wait for the loaded record itself.
    page.wait_for_function("() => document.querySelector('[name=\"decision.outcome\"]').value === 'trial'")
    wait_for_result(page, "Trial confirmation")
    assert page.get_by_label("Outcome", exact=True).input_value() == "trial"

    # The trial review: started from the decision record's trial.
    visit(page, server.url + "tools/trial-review/")
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / "decision.json")
    page.wait_for_function("() => document.querySelector('[name=\"people.employee\"]').value === 'Sam Taylor'")
    row = page.locator("[data-repeat=measures] [data-row]").nth(0)
    assert row.get_by_label("Measure", exact=True).input_value() == "Hours to answer an email"
    row.get_by_label("Actual (leave empty until measured)").fill("5")
    wait_for_result(page, "Hours to answer an email")
    review = download(page, tmp_path, "Download as JSON (to load back later)", "review.json")
    page.get_by_role("button", name="Clear what I typed").click()
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / "review.json")
    wait_for_result(page, "Hours to answer an email")
    assert json.loads(review)["tool"] == "trial_review"


def test_the_request_and_the_decision_record_have_no_accessibility_violations(page, server):
    for path, shows in (("tools/request/", request_opening()), ("tools/decision-record/", "Trial confirmation")):
        visit(page, server.url + path)
        page.get_by_role("button", name="Try an example").click()
        wait_for_result(page, shows)
        assert axe_violations(page) == [], path
