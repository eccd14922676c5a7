"""The trial review as a manager and an employee use it: filled in by label, each measure met or not and drawn,
bad input explained beside its field with nothing lost, the outcome choices and their questions, the outcome
letter and the JSON downloaded and loaded back. Real Chromium, real Pyodide, sub-path, strict CSP."""

from __future__ import annotations

import json

from tests.browser.conftest import axe_violations, visit, wait_for_result
from toolkit import records

PAGE = "tools/trial-review/"
ATTACK = "<img src=x onerror=alert(1)>"


def measures(page):
    return page.locator("[data-repeat=measures] [data-row]")


def fill_trial(page, employee="Alex Morgan", start="3/8/2026", end="23/10/2026"):
    page.get_by_label("Employee's name").fill(employee)
    page.get_by_label("Manager's name").fill("Priya Shah")
    page.get_by_label("The pattern being tried").fill("Home on Monday and Friday.")
    page.get_by_label("Trial start date").fill(start)
    page.get_by_label("Trial end date").fill(end)
    page.locator("[data-repeat=reviews] [data-row]").nth(0).get_by_label("Review date").fill("25/9/2026")
    page.get_by_label("Date of this review").fill("23/10/2026")


def fill_measure(row, name, baseline, target, actual, unit="", better="Higher is better", kind=None):
    row.get_by_label("Measure", exact=True).fill(name)
    if kind:
        row.get_by_label("Kind of measure").select_option(label=kind)
    row.get_by_label("Unit (optional)").fill(unit)
    row.get_by_label("Baseline (before the trial)").fill(baseline)
    row.get_by_label("Target", exact=True).fill(target)
    row.get_by_label("Actual (leave empty until measured)").fill(actual)
    if better:
        row.get_by_label("Which way is better").select_option(label=better)


def test_a_review_filled_by_label_shows_each_measure_met_or_not_and_draws_them(page, server):
    visit(page, server.url + PAGE)
    fill_trial(page, employee=ATTACK)
    fill_measure(measures(page).nth(0), "Invoices processed a week", "95", "105", "118", unit="invoices")
    page.get_by_role("button", name="Add measure", exact=True).click()
    fill_measure(measures(page).nth(1), "Reply time", "20", "8", "11", unit="hours", better="Lower is better",
                 kind="Response time")
    wait_for_result(page, "1 of 2 measures met their targets; “Reply time” did not.")
    body = page.locator("[data-result-body]")
    table = body.get_by_role("table", name="Each measure's baseline, target and actual")
    assert "Up 23 (24%), better" in table.get_by_role("row", name="Invoices processed a week").inner_text()
    assert "Not met (lower is better)" in table.get_by_role("row", name="Reply time").inner_text()
    figure = body.get_by_role("img", name="How each measure went against its target")
    assert figure.is_visible() and figure.bounding_box()["height"] > 100
    assert body.get_by_role("img", name="The trial's dates").is_visible()
    assert ATTACK in body.text_content()  # shown as text: a dialog or error would fail the page's watch
    # Nothing is chosen for them, so no letter is drafted: the page says what to fill in where it would be.
    assert "To draft the trial outcome letter, choose what you agreed" in body.text_content()
    assert "Thank you for reviewing" not in body.text_content()
    assert page.get_by_role("button", name="Download the trial outcome letter (printable page)").count() == 0
    page.get_by_label("Adjust the pattern and carry on").check()
    wait_for_result(page, "We agreed to adjust the pattern and carry on.")
    page.get_by_role("button", name="Download the trial outcome letter (printable page)").wait_for()


def test_bad_input_is_explained_beside_the_field_and_nothing_typed_is_lost(page, server):
    visit(page, server.url + PAGE)
    fill_trial(page, start="23/10/2026", end="3/8/2026")
    page.get_by_label("Trial end date").blur()
    message = page.locator("[data-error-for='trial.end']")
    message.get_by_text("The trial must end after it starts (23 October 2026)").wait_for()
    assert page.get_by_label("Trial end date").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Trial end date").input_value() == "3/8/2026"
    row = measures(page).nth(0)
    fill_measure(row, "Invoices", "95 invoices", "105", "")
    row.get_by_label("Baseline (before the trial)").blur()
    row.locator("[data-error-for='measures.0.baseline']").get_by_text("put “invoices” in the unit box").wait_for()
    assert row.get_by_label("Baseline (before the trial)").input_value() == "95 invoices"


def test_ending_asks_why_and_says_it_is_not_a_sanction(page, server):
    visit(page, server.url + PAGE)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Reply time to budget holders")
    reason = page.get_by_label("Why the trial is ending")
    assert not reason.is_visible()  # asked only when ending is chosen
    page.get_by_label("End the trial and return to the earlier pattern").check()
    reason.fill(" ")
    reason.blur()
    page.locator("[data-error-for='outcome.reason']").get_by_text("Say why the trial is ending").wait_for()
    page.get_by_label("What ending the trial rests on").select_option(label="The measures we agreed were not met")
    reason.fill("Budget holders waited over a weekend for answers in six of the twelve weeks.")
    wait_for_result(page, "This is not a sanction")
    assert "Before ending it, could you adjust instead?" in page.locator("[data-result-body]").text_content()


def test_a_trial_past_the_decision_deadline_is_noted_beside_it(page, server):
    visit(page, server.url + PAGE)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Reply time to budget holders")
    page.get_by_label("Next review date").fill("")
    page.get_by_label("Decision due by (from the decision record, including any agreed extension)").fill("16/10/2026")
    wait_for_result(page, "after the decision is due (16 October 2026)")
    note = page.locator("[data-error-for='trial.decide_by']")
    assert note.is_visible() and "The trial ends on 23 October 2026" in note.inner_text()
    field = page.get_by_label("Decision due by (from the decision record, including any agreed extension)")
    assert field.get_attribute("aria-invalid") is None  # a note, not an error


def test_the_outcome_letter_and_the_json_download_and_the_json_loads_back(page, server, tmp_path):
    visit(page, server.url + PAGE)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Reply time to budget holders")
    files = {}
    for name, file_name in (("Download the trial outcome letter (printable page)", "letter.html"),
                            ("Download as a printable page (HTML)", "review.html"),
                            ("Download as Markdown", "review.md"),
                            ("Download as JSON (to load back later)", "review.json")):
        with page.expect_download() as download:
            page.get_by_role("button", name=name).click()
        # Named by tool, person and the date of the review.
        assert download.value.suggested_filename in ("trial-outcome-letter-alex-morgan-2026-10-23.html",
                                                     "trial-review-alex-morgan-2026-10-23.html",
                                                     "trial-review-alex-morgan-2026-10-23.md",
                                                     "trial-review-alex-morgan-2026-10-23.json")
        download.value.save_as(tmp_path / file_name)
        files[file_name] = (tmp_path / file_name).read_text()
    assert files["letter.html"].startswith("<!doctype html>")
    assert "Your trial working pattern: what we are adjusting" in files["letter.html"]
    assert "The home day moves from Friday to Wednesday" in files["letter.html"]
    assert "Trial review: Alex Morgan" in files["review.html"] and "| Well-being score |" in files["review.md"]
    assert json.loads(files["review.json"])["tool"] == "trial_review"

    page.get_by_role("button", name="Clear what I typed").click()
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / "review.json")
    wait_for_result(page, "Reply time to budget holders")
    assert page.get_by_label("Employee's name").input_value() == "Alex Morgan"
    assert measures(page).count() == 3
    assert measures(page).nth(1).get_by_label("Which way is better").input_value() == "lower"


def test_a_decision_records_trial_fills_the_review(page, server, tmp_path):
    trial = {"employee": "Sam Taylor", "manager": "Priya Shah", "pattern": ["Monday: at home.", "Friday: at home."],
             "start": "2026-10-19", "end": "2027-01-11", "reviews": ["2026-11-16", "2026-12-14", "2027-01-11"],
             "decide_by": "2027-01-29", "success": "Answers within a working day.",
             "measures": [{"name": "Hours to answer an email", "baseline": "6", "target": "8 or fewer"}]}
    path = tmp_path / "decision.json"
    path.write_text(json.dumps(records.make("decision_record", "Decision", {}, {"trial": trial})))
    visit(page, server.url + PAGE)
    page.get_by_label("Load a saved record (JSON)").set_input_files(path)
    page.wait_for_function("() => document.querySelector('[name=\"people.employee\"]').value === 'Sam Taylor'")
    assert page.get_by_label("The pattern being tried").input_value() == "Monday: at home.\nFriday: at home."
    assert page.locator("[data-repeat=reviews] [data-row]").count() == 3
    row = measures(page).nth(0)
    assert row.get_by_label("Target", exact=True).input_value() == "8"
    assert row.get_by_label("Which way is better").input_value() == "lower"
    # The review has not been held: no outcome is chosen for them, and no letter is drafted.
    assert page.locator("[name='outcome.choice']:checked").count() == 0
    row.get_by_label("Actual (leave empty until measured)").fill("5")
    wait_for_result(page, "The measure met its target.")
    body = page.locator("[data-result-body]")
    assert "To draft the trial outcome letter" in body.text_content()
    assert "Thank you for reviewing" not in body.text_content()
    # One state for one date in both tables: the next review is due in each.
    dates = body.get_by_role("table", name="The trial's dates in words")
    reviews = body.get_by_role("table", name="The reviews, held and to come")
    assert "Due" in dates.get_by_role("row", name="14 December 2026").inner_text()
    assert "Due" in reviews.get_by_role("row", name="14 December 2026").inner_text()

    path.write_text(json.dumps(records.make("decision_record", "Decision", {}, {"trial": None})))
    page.get_by_label("Load a saved record (JSON)").set_input_files(path)
    page.locator("[data-error-for='import']").get_by_text("This decision record has no trial in it").wait_for()
    assert page.get_by_label("Employee's name").input_value() == "Sam Taylor"  # nothing typed is lost


def test_on_a_phone_in_dark_mode_the_review_fits_and_has_no_accessibility_violations(new_context, server):
    # In light mode on a wide screen: tests/browser/test_accessibility.py.
    context = new_context(color_scheme="dark", viewport={"width": 360, "height": 740}, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto(server.url + PAGE)
        phone.get_by_role("button", name="Try an example").click()
        wait_for_result(phone, "Reply time to budget holders")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        assert axe_violations(phone) == []
    finally:
        context.close()
