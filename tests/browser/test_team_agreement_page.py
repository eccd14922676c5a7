"""The team agreement drafter as a team uses it: filled in by label, planner files added, the week and findings
shown, downloaded in three formats, loaded back as a revision, kept across a reload. Real Chromium, real Pyodide,
sub-path, strict CSP."""

from __future__ import annotations

import json

import pytest

from tests.support import TODAY
from tests.browser.conftest import axe_violations, visit, wait_for_result
from toolkit import bridge, planner

# The team's checks follow the settings' policy: run again on the fork.
pytestmark = pytest.mark.settings

PAGE = "tools/team-agreement/"
ATTACK = "<img src=x onerror=alert(1)>"


def members(page):
    return page.locator("[data-repeat=members] [data-row]")


def fill_member(row, name, start="09:00", finish="17:00", hours="37.5", timezone="", days=None):
    row.get_by_label("Name or initials").fill(name)
    row.get_by_label("Contracted hours a week").fill(hours)
    row.get_by_label("Usual start").fill(start)
    row.get_by_label("Usual finish").fill(finish)
    if timezone:
        row.get_by_label("Time zone (difference from UTC, optional)").fill(timezone)
    for day, place in (days or {}).items():
        row.get_by_label(day, exact=True).select_option(label=place)


def planner_file(tmp_path, name, file_name):
    values = planner.example()
    values["role"] = {**values["role"], "name": name}
    answer = json.loads(bridge.handle(json.dumps({"tool": "planner", "values": values})))
    path = tmp_path / file_name
    path.write_text(next(d["content"] for d in answer["downloads"] if d["mime"] == "application/json"))
    return path


def test_a_team_filled_by_label_shows_its_week_and_a_day_with_no_shared_time(page, server):
    visit(page, server.url + PAGE)
    page.get_by_label("Team name").fill(ATTACK)
    fill_member(members(page).nth(0), "Ana", days={"Friday": "At home"})
    page.get_by_role("button", name="Add member", exact=True).click()
    # Tokyo is nine hours ahead: 09:00-17:00 there is 00:00-08:00 at UTC+0, the team's time.
    fill_member(members(page).nth(1), "Kenji", timezone="+9")
    wait_for_result(page, "No day when everyone is available at once")
    body = page.locator("[data-result-body]")
    grid = body.get_by_role("table", name="Where each member usually is").first
    assert "Home, 09:00 to 17:00" in grid.get_by_role("row", name="Ana").inner_text()
    assert "Office, 00:00 to 08:00" in grid.get_by_role("row", name="Kenji").inner_text()
    # textContent: parts of a result far down the page are not laid out until they come near (toolkit.css)
    assert "Kenji finishes at 08:00 and Ana starts at 09:00" in body.text_content()
    assert ATTACK in body.text_content()  # shown as text: a dialog or error would fail the page's watch


def test_bad_input_is_explained_beside_the_field_and_nothing_typed_is_lost(page, server):
    visit(page, server.url + PAGE)
    page.get_by_label("Team name").fill("Claims")
    row = members(page).nth(0)
    fill_member(row, "Ana", start="09:00", finish="09:00")
    row.get_by_label("Usual finish").blur()
    message = row.locator("[data-error-for='members.0.finish']")
    message.get_by_text("cannot be the same as the usual start").wait_for()
    assert row.get_by_label("Usual finish").get_attribute("aria-invalid") == "true"
    assert row.get_by_label("Usual start").input_value() == "09:00"


def test_days_longer_than_the_contract_are_noted_beside_the_hours_and_the_result_still_shows(page, server):
    visit(page, server.url + PAGE)
    page.get_by_label("Team name").fill("Claims")
    fill_member(members(page).nth(0), "Ana", hours="20")
    wait_for_result(page, "Usual days longer than the contract")
    note = members(page).nth(0).locator("[data-error-for='members.0.hours']")
    assert note.is_visible() and "more hours than the contract" in note.inner_text()
    assert members(page).nth(0).get_by_label("Contracted hours a week").get_attribute("aria-invalid") is None


def test_two_planner_files_add_two_members_and_a_broken_one_is_named(page, server, tmp_path):
    visit(page, server.url + PAGE)
    page.get_by_label("Team name").fill("Finance")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    page.get_by_label("Add members from planner or reply files (JSON)").set_input_files(
        [planner_file(tmp_path, "Priya", "priya.json"), planner_file(tmp_path, "Tom", "tom.json"), broken])
    wait_for_result(page, "Tom")
    # The blank first row gave way: the two planners are members 1 and 2, their week in place.
    assert members(page).count() == 2
    assert members(page).nth(0).get_by_label("Name or initials").input_value() == "Priya"
    assert members(page).nth(1).get_by_label("Contracted hours a week").input_value() == "37.5"
    assert members(page).nth(1).get_by_label("Tuesday", exact=True).input_value() == "office"
    error = page.locator("[data-error-for='import.members']")
    assert "broken.json: not added. The file is not a saved record: it is not valid JSON." in error.inner_text()


def test_downloads_in_three_formats_and_the_json_loads_back_as_a_revision(page, server, tmp_path):
    visit(page, server.url + PAGE)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Front desk: days without cover")
    # Agreed, so that the file loads back as the agreement it revises (a draft loads back as a draft).
    page.get_by_label("Date agreed").fill(f"{TODAY.day}/{TODAY.month}/{TODAY.year}")
    page.wait_for_function("() => !document.querySelector('[data-result-body]').textContent.includes('Draft')")
    files = {}
    for label, suffix in (("a printable page (HTML)", "html"), ("Markdown", "md"), ("JSON", "json")):
        with page.expect_download() as download:
            page.get_by_role("button", name=f"Download as {label}").click()
        path = tmp_path / f"agreement.{suffix}"
        download.value.save_as(path)
        files[suffix] = path.read_text()
    assert files["html"].startswith("<!doctype html>") and "Customer Finance" in files["html"]
    assert "| Ana Silva (Team leader) | Office, 09:00 to 17:00 |" in files["md"]
    assert json.loads(files["json"])["tool"] == "team_agreement"

    page.get_by_role("button", name="Clear what I typed").click()
    page.locator("[data-result-body]").get_by_text("once the form is complete").wait_for()
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / "agreement.json")
    wait_for_result(page, "What changed since the agreement of")
    assert "Nothing yet." in page.locator("[data-result-body]").inner_text()
    members(page).nth(0).get_by_label("Friday", exact=True).select_option(label="In the office")
    wait_for_result(page, "Ana Silva: was ")
    assert members(page).count() == 8


def test_a_reload_keeps_the_draft(page, server):
    visit(page, server.url + PAGE)
    page.get_by_label("Team name").fill("Kept team")
    fill_member(members(page).nth(0), "Ana", days={"Wednesday": "At home"})
    wait_for_result(page, "Kept team")
    page.reload()
    wait_for_result(page, "Kept team")
    assert page.get_by_label("Team name").input_value() == "Kept team"
    assert members(page).nth(0).get_by_label("Wednesday", exact=True).input_value() == "home"


def test_the_drafter_and_its_result_have_no_accessibility_violations(page, server):
    visit(page, server.url + PAGE)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Front desk")
    assert axe_violations(page) == []


def test_the_filled_drafter_fits_a_phone(new_context, server):
    context = new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(server.url + PAGE)
        page.get_by_role("button", name="Try an example").click()
        wait_for_result(page, "Front desk")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
