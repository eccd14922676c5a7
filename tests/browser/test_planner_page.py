"""The where & when planner as a person uses it: filled in by label, rows added and removed, the week shown,
kept across a reload, downloaded, loaded back. Real Chromium, real Pyodide, sub-path, strict CSP."""

from __future__ import annotations

import pytest

import json

from tests.browser.conftest import visit, wait_for_result
from tests.support.settings import site_settings

# The form starts from the settings' policy: run again on the fork.
pytestmark = pytest.mark.settings

BOUND = "() => document.querySelector('form[data-tool]')?.dataset.bound === '1'"

PAGE = "tools/planner/"
ATTACK = "<img src=x onerror=alert(1)>"


def rows(page):
    return page.locator("[data-repeat=activities] [data-row]")


def fill_activity(row, name, hours, where="Anywhere", why=None, focus=None):
    row.get_by_label("Activity", exact=True).fill(name)
    row.get_by_label("Hours a week").fill(hours)
    row.get_by_label("Where it can happen").select_option(label=where)
    if why:
        row.get_by_label("Why it has to happen there").select_option(label=why)
    if focus:
        row.get_by_label("Concentration it needs").select_option(label=focus)


def agree_team_rules(page):
    """The team's rules these tests work with (Tuesday as the anchor day, one day together), set in the form:
    the form starts from the organisation's settings, which a fork changes."""
    for box in page.locator("[name='team.anchor_days']").all():
        box.set_checked(box.get_attribute("value") == "Tuesday")
    page.get_by_label("Core hours start").fill("10:00")
    page.get_by_label("Core hours end").fill("15:00")
    page.get_by_label("Minimum days together a week").fill("1")


def fill_role(page):
    """A 37.5-hour, 5-day role: 8 hours that need the team's base, 29.5 that can happen anywhere."""
    agree_team_rules(page)
    page.get_by_label("Contracted hours a week").fill("37.5")
    fill_activity(rows(page).nth(0), "Client meetings", "8", where="With the team at a shared base",
                  why="In-person contact (say with whom below)")
    page.get_by_role("button", name="Add activity").click()
    fill_activity(rows(page).nth(1), "Writing reports", "29.5", focus="High: needs quiet and long stretches")
    for need in page.locator("fieldset", has_text="Working at home").get_by_role("checkbox").all():
        need.check()
    # Each tick is an edit with its own result: wait for the last one's (with every need for home working met,
    # the base days read "Together"), not an earlier one that already says "1 day together".
    wait_for_result(page, "Together at the base")


def day(page, name):
    """The suggested week's row for one day, as text."""
    return page.locator("[data-result-body] tr", has=page.locator("td, th", has_text=name)).last.inner_text()


def test_a_fresh_form_does_not_open_with_complaints(page, server):
    visit(page, server.url + PAGE)
    body = page.locator("[data-result-body]")
    body.get_by_text("still to answer").wait_for()
    assert page.locator("[data-error-summary]").is_hidden()
    page.get_by_role("button", name="Show what is missing").click()
    summary = page.locator("[data-error-summary]")
    summary.wait_for(state="visible")
    assert "Enter contracted hours" in summary.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")


def test_the_team_rules_start_from_the_organisations_settings(page, server):
    policy = site_settings()["policy"]
    visit(page, server.url + PAGE)
    page.wait_for_function(BOUND)
    checked = [box.get_attribute("value") for box in page.locator("[name='team.anchor_days']:checked").all()]
    assert checked == policy["anchor_days"]
    assert page.get_by_label("Core hours start").input_value() == policy["core_hours"]["start"]
    assert page.get_by_label("Core hours end").input_value() == policy["core_hours"]["end"]
    assert page.get_by_label("Minimum days together a week").input_value() == str(policy["min_days_together"])


def test_filling_by_label_gives_one_day_together_on_the_anchor_day(page, server):
    visit(page, server.url + PAGE)
    fill_role(page)
    wait_for_result(page, "1 day together")
    tuesday = day(page, "Tuesday")
    assert "Together" in tuesday and "Client meetings" in tuesday
    for other in ("Monday", "Wednesday", "Thursday", "Friday"):
        assert "At home" in day(page, other) and "Writing reports" in day(page, other)
    assert "79%" in page.locator("[data-result-body]").inner_text()


def test_rows_are_added_moved_and_removed(page, server):
    visit(page, server.url + PAGE)
    fill_role(page)
    wait_for_result(page, "1 day together")
    page.get_by_role("button", name="Add activity").click()
    fill_activity(rows(page).nth(2), "Filing", "1")
    # The sum now passes the contracted hours: a plain message in the summary, and no stale week.
    summary = page.locator("[data-error-summary]")
    summary.get_by_text("add up to 38.5 hours").wait_for()
    assert "once the" in page.locator("[data-result-body]").inner_text()
    assert rows(page).count() == 3
    rows(page).nth(2).get_by_role("button", name="Move up").click()
    assert rows(page).nth(1).get_by_label("Activity", exact=True).input_value() == "Filing"
    rows(page).nth(1).get_by_role("button", name="Remove").click()
    assert rows(page).count() == 2
    assert [rows(page).nth(i).get_by_label("Activity", exact=True).input_value() for i in range(2)] == [
        "Client meetings", "Writing reports"]
    wait_for_result(page, "1 day together")


def test_bad_hours_are_explained_beside_the_field_and_kept(page, server):
    visit(page, server.url + PAGE)
    fill_role(page)
    wait_for_result(page, "1 day together")
    hours = rows(page).nth(1).get_by_label("Hours a week")
    hours.fill("-3")
    hours.blur()
    error = rows(page).nth(1).locator('[data-error-for="activities.1.hours"]')
    error.wait_for(state="visible")
    assert "0" in error.inner_text() or "more than" in error.inner_text()
    assert hours.get_attribute("aria-invalid") == "true"
    assert error.inner_text() in page.locator("[data-error-summary]").inner_text()
    assert hours.input_value() == "-3"
    page.reload()
    assert rows(page).nth(1).get_by_label("Hours a week").input_value() == "-3"


@pytest.mark.parametrize("how", ["keyboard", "mouse"])
def test_a_link_in_the_problem_summary_puts_the_cursor_in_its_field(page, server, how):
    """Leaving a field shows its problem in the summary as the focus moves on; the link followed (Enter, or a
    click, which takes the focus on mousedown) still reaches its field, in a row as much as outside one."""
    visit(page, server.url + PAGE)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page)
    hours = rows(page).nth(1).get_by_label("Hours a week")
    hours.fill("x")
    page.keyboard.press("Tab")  # into the row's next field, which has not been left yet
    link = page.locator("[data-error-summary] a", has_text="Activity 2")
    link.wait_for()
    if how == "keyboard":
        link.focus()
        page.keyboard.press("Enter")
    else:
        link.click()
    assert hours.evaluate("field => field === document.activeElement")
    assert hours.input_value() == "x"


def test_the_plan_survives_a_reload_downloads_and_loads_back(page, server, tmp_path):
    visit(page, server.url + PAGE)
    fill_role(page)
    rows(page).nth(0).get_by_label("With whom, or what (optional)").fill(ATTACK)
    wait_for_result(page, "1 day together")
    page.reload()
    wait_for_result(page, "1 day together")
    assert rows(page).count() == 2
    assert rows(page).nth(1).get_by_label("Activity", exact=True).input_value() == "Writing reports"
    # What was typed is shown as text and runs nothing (a dialog would fail the test through the watcher).
    assert ATTACK in page.locator("[data-result-body]").inner_text()
    assert page.locator("[data-result-body] img").count() == 0

    with page.expect_download() as markdown:
        page.get_by_role("button", name="Download as Markdown").click()
    text = open(markdown.value.path(), encoding="utf-8").read()
    assert "Writing reports" in text and "Tuesday" in text
    with page.expect_download() as record:
        page.get_by_role("button", name="Download as JSON (to load back later)").click()
    saved = tmp_path / record.value.suggested_filename
    record.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["tool"] == "planner"

    page.get_by_role("button", name="Clear what I typed").click()
    assert rows(page).count() == 1
    assert rows(page).nth(0).get_by_label("Activity", exact=True).input_value() == ""
    page.get_by_label("Load a saved record (JSON)").set_input_files(str(saved))
    wait_for_result(page, "1 day together")
    assert rows(page).count() == 2
    assert rows(page).nth(0).get_by_label("With whom, or what (optional)").input_value() == ATTACK
    assert page.get_by_label("Contracted hours a week").input_value() == "37.5"


def test_the_example_fills_a_realistic_role(page, server):
    visit(page, server.url + PAGE)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "A suggested week")
    assert rows(page).count() >= 5
    assert page.locator("[data-error-summary]").is_hidden()


def test_a_saturday_anchor_day_keeps_the_example_week_and_is_checked_beside_the_anchor_days(page, server):
    """The new-user review: the example (Monday to Friday, a school pick-up on Wednesday), Saturday the only anchor."""
    visit(page, server.url + PAGE)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "A suggested week")
    for box in page.locator("[name='team.anchor_days']").all():
        box.set_checked(box.get_attribute("value") == "Saturday")
    wait_for_result(page, "The anchor day Saturday is not one of your working days")
    note = page.locator("[data-error-for='team.anchor_days']")
    note.wait_for(state="visible")
    assert "Talk to your team" in note.inner_text()
    assert "swt-field-note" in note.get_attribute("class")
    wednesday = day(page, "Wednesday")
    assert "At home" in wednesday and "Kept clear: School pick-up, 15:00 to 16:00" in wednesday
    assert "Not a working day in this plan" not in page.locator("[data-result-body]").inner_text()
    assert page.locator("[data-error-summary]").is_hidden()


# Every field of the form within the screen's width (a wide table in the result scrolls inside itself).
FIELDS_OUTSIDE = """() => [...document.querySelectorAll("form[data-tool] input, form[data-tool] select")]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.name)"""


def test_on_a_phone_the_filled_planner_fits_the_screen(page, server):
    page.set_viewport_size({"width": 360, "height": 740})
    visit(page, server.url + PAGE)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "A suggested week")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate(FIELDS_OUTSIDE) == []
    # The result tables read as cards: nothing scrolls sideways, and every value is shown under its column's name.
    tables = page.evaluate("""() => [...document.querySelectorAll('[data-tool-result] table')].map(t => ({
        sideways: t.scrollWidth > t.clientWidth,
        unlabelled: [...t.querySelectorAll('td')].filter(td =>
            getComputedStyle(td, '::before').content !== `"${td.dataset.label}: "`).length}))""")
    assert len(tables) == 2 and all(t == {"sideways": False, "unlabelled": 0} for t in tables), tables
    week = page.get_by_role("table", name="Hours per day and place")
    assert week.get_by_role("cell", name="At home").count() >= 1


def test_set_day_and_times_are_asked_only_for_work_at_set_times_and_kept_when_hidden(page, server):
    visit(page, server.url + PAGE)
    row = rows(page).first
    when, day, start = (row.get_by_label("When it can happen"), row.get_by_label("Set day"),
                        row.get_by_label("Set time from"))
    why = row.get_by_label("Why it has to happen there")
    assert day.is_hidden() and start.is_hidden() and why.is_hidden()
    row.get_by_label("Where it can happen").select_option(label="With the team at a shared base")
    why.wait_for(state="visible")
    when.select_option(label="At set times (give the day and time below)")
    day.wait_for(state="visible")
    day.select_option(label="Tuesday")
    start.fill("10:00")
    when.select_option(label="Any time")
    day.wait_for(state="hidden")
    page.reload()
    assert day.is_hidden(), "a restored draft hides the questions that do not apply"
    when.select_option(label="At set times (give the day and time below)")
    assert day.input_value() == "Tuesday" and start.input_value() == "10:00"
