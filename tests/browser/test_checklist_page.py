"""The interactive checklist as a person uses it: in Chromium, under a sub-path and a strict CSP."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

from sitebuild.pack import PYODIDE_DIR
from toolkit import checklist
from tests.browser.conftest import axe_violations, has_snapshot, visit, wait_for_result, without_snapshot

PAGE = "checklists/manager-conversation/"
OTHER = "checklists/employee-request/"
ATTACK = "<img src=x onerror=alert(1)>"


def items(cid="manager-conversation"):
    return checklist.load(cid).items()


def note(page, item):
    """The note on an item: behind "Add a note" until used, so it is opened first if it is folded."""
    field = page.get_by_label(f"Note on “{item.text}” (optional)")
    folded = page.locator("details[data-collapsed]", has=field)
    if not folded.evaluate("el => el.open"):
        folded.locator("summary").click()
    return field


def open_checklist(page, server, path=PAGE):
    visit(page, server.url + path)
    wait_for_result(page, "0 of")


def test_python_boots_and_ticking_and_typing_update_the_summary(page, server):
    open_checklist(page, server)
    first, second = items()[:2]
    assert page.locator("[data-tool-boot]").is_hidden()
    page.get_by_label(first.text, exact=True).check()
    wait_for_result(page, f"1 of {len(items())}")
    page.get_by_label(second.text, exact=True).check()
    note(page, second).fill("Booked the room")
    wait_for_result(page, "Booked the room")
    body = page.locator("[data-result-body]")
    assert f"2 of {len(items())}" in body.inner_text()
    assert first.text not in body.locator("ul").first.inner_text()  # no longer in "Still to do"


def test_a_reload_restores_what_was_ticked_and_typed(page, server):
    open_checklist(page, server)
    first = items()[0]
    page.get_by_label(first.text, exact=True).check()
    note(page, first).fill("Spoke on Monday")
    wait_for_result(page, "Spoke on Monday")
    page.reload()
    wait_for_result(page, "Spoke on Monday")
    assert page.get_by_label(first.text, exact=True).is_checked()
    assert note(page, first).input_value() == "Spoke on Monday"


def test_html_in_a_note_is_shown_as_text_and_runs_nothing(page, server):
    open_checklist(page, server)
    first = items()[0]
    note(page, first).fill(ATTACK)
    wait_for_result(page, ATTACK)
    assert page.locator("[data-result-body] img").count() == 0
    page.wait_for_timeout(300)  # an onerror handler would have fired by now; the page watch fails on a dialog


def test_the_record_downloads_as_markdown_and_json_and_loads_back(page, server, tmp_path):
    open_checklist(page, server)
    first = items()[0]
    page.get_by_label(first.text, exact=True).check()
    note(page, first).fill("Follow up in May")
    wait_for_result(page, "Follow up in May")
    with page.expect_download() as markdown:
        page.get_by_role("button", name="Download as Markdown").click()
    text = open(markdown.value.path(), encoding="utf-8").read()
    # Named by the checklist, the person who filled it in (when they said) and the day.
    assert re.fullmatch(r"checklist-manager-conversation(-[a-z0-9-]+)?-\d{4}-\d\d-\d\d\.md",
                        markdown.value.suggested_filename)
    assert f"- [x] {first.text.rstrip('.')}" in text.replace("\\", "") and "Follow up in May" in text
    with page.expect_download() as record:
        page.get_by_role("button", name="Download as JSON (to load back later)").click()
    saved = tmp_path / "record.json"
    saved.write_bytes(open(record.value.path(), "rb").read())
    assert json.loads(saved.read_text())["values"]["items"][first.id]["done"] is True

    page.get_by_role("button", name="Clear what I typed").click()
    wait_for_result(page, "0 of")
    assert not page.get_by_label(first.text, exact=True).is_checked()
    page.reload()
    wait_for_result(page, "0 of")  # cleared means gone from the browser too
    page.get_by_label("Load a saved record (JSON)").set_input_files(str(saved))
    wait_for_result(page, "Follow up in May")
    assert page.get_by_label(first.text, exact=True).is_checked()


def test_a_file_that_is_not_a_record_is_refused_beside_the_field_and_nothing_is_lost(page, server, tmp_path):
    open_checklist(page, server)
    first = items()[0]
    note(page, first).fill("Keep me")
    wait_for_result(page, "Keep me")
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a record"')
    page.get_by_label("Load a saved record (JSON)").set_input_files(str(bad))
    error = page.locator('[data-error-for="import"]')
    error.wait_for(state="visible")
    assert "not valid JSON" in error.inner_text()
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible() and "not valid JSON" in summary.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert note(page, first).input_value() == "Keep me"


def test_instant_navigation_to_another_tool_page_reuses_the_worker(page, server):
    open_checklist(page, server)
    page.evaluate("window.__sameVisit = true")
    page.locator(f'nav a[href$="{OTHER.split("/")[1]}/"]').first.click()
    page.wait_for_url("**/" + OTHER)
    wait_for_result(page, f"0 of {len(items('employee-request'))}")
    assert page.evaluate("window.__sameVisit === true"), "the page was reloaded, not navigated instantly"
    assert page.evaluate("window.__swtWorkerStarts") == 1
    page.get_by_label(items("employee-request")[0].text, exact=True).check()
    wait_for_result(page, f"1 of {len(items('employee-request'))}")


@pytest.mark.own_page
def test_a_guidance_page_loads_no_python(page, server):
    page.goto(server.url)
    page.wait_for_load_state("networkidle")
    python = [u for u in page.watch.requests if "pyodide" in u or u.endswith((".wasm", ".whl", ".zip"))]
    assert python == []
    assert page.evaluate("window.__swtWorkerStarts") is None


BAR_VALUES = """new MutationObserver(changes => {
  for (const change of changes)
    if (change.target.matches("[data-boot-bar]")) (window.__bar = window.__bar || []).push(change.target.value);
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["value"]});"""


@pytest.mark.settings  # the boot differs on a site without the memory snapshot (org.yml's python.memory_snapshot)
@pytest.mark.own_page
def test_the_progress_bar_follows_real_bytes_and_python_is_downloaded_once(page, server, site_dir):
    page.add_init_script(BAR_VALUES)
    open_checklist(page, server)
    values = page.evaluate("window.__bar")
    assert values == sorted(values), f"the bar went backwards: {values}"
    assert len({v for v in values if 0 < v < 80}) >= 2, f"no download progress shown: {values}"
    assert values[-1] >= 92, values
    fetched = [u.rsplit("/", 1)[-1] for u in page.watch.requests]  # the worker's own requests are seen here
    assert fetched.count("pyodide.asm.wasm") == 1
    if has_snapshot(site_dir):  # Python and the toolkit come in the snapshot, counted in the bar like the rest
        assert len([f for f in fetched if f.startswith("snapshot-") and f.endswith(".bin")]) == 1
        assert not [f for f in fetched if f.endswith((".zip", ".whl"))], fetched
    else:
        assert "python_stdlib.zip" in fetched and len([f for f in fetched if f.endswith(".whl")]) == 1


PAGE_FETCHED_WASM = "performance.getEntriesByType('resource').some(e => e.name.endsWith('/pyodide.asm.wasm'))"


@pytest.mark.settings  # the boot differs on a site without the memory snapshot (org.yml's python.memory_snapshot)
@pytest.mark.native_clock  # it reads resource timing
def test_a_repeat_visit_compiles_python_on_the_page_and_the_worker_does_not_fetch_it_again(page, server):
    open_checklist(page, server)
    assert not page.evaluate(PAGE_FETCHED_WASM), "a first visit compiles in the worker, off the page's thread"
    page.watch.requests.clear()
    page.reload()
    wait_for_result(page, "0 of")
    assert page.evaluate(PAGE_FETCHED_WASM), "a repeat visit compiles on the page, where the browser caches it"
    fetched = [u.rsplit("/", 1)[-1] for u in page.watch.requests]
    assert fetched.count("pyodide.asm.wasm") == 1, fetched


@pytest.mark.settings  # the boot differs on a site without the memory snapshot (org.yml's python.memory_snapshot)
@pytest.mark.own_page
def test_when_python_cannot_load_the_page_says_so_and_keeps_what_was_typed(page, server):
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(server.url + PAGE)
    first = items()[0]
    page.get_by_label(first.text, exact=True).check()
    boot = page.locator("[data-tool-boot]")
    boot.locator("[data-boot-text]", has_text="could not start").wait_for(timeout=60_000)
    assert "Everything you type is still kept in this browser" in boot.inner_text()
    page.reload()
    assert page.get_by_label(first.text, exact=True).is_checked()
    page.watch.errors.clear()  # the failed download is logged by the browser itself, as it should be


@pytest.mark.own_page
def test_a_toolkit_wheel_that_does_not_match_the_lockfile_is_refused_plainly(page, server, site_dir):
    # The worker checks the wheel against the sha256 `pyodide lockfile add-wheels` wrote. The stand-in is a
    # working wheel with one file more: only that check can tell it from the real one.
    real = next((site_dir / PYODIDE_DIR).glob("smart_working_toolkit-*.whl")).read_bytes()
    buffer = io.BytesIO(real)
    with zipfile.ZipFile(buffer, "a") as wheel:
        wheel.writestr("toolkit/extra.py", "CHANGED = True\n")
    page.route("**/smart_working_toolkit-*.whl", lambda route: route.fulfill(status=200, body=buffer.getvalue()))
    without_snapshot(page)  # which holds the toolkit: the wheel is fetched only without it
    page.goto(server.url + PAGE)
    boot = page.locator("[data-tool-boot]")
    boot.locator("[data-boot-text]", has_text="could not start").wait_for(timeout=60_000)
    assert "Everything you type is still kept in this browser" in boot.inner_text()
    page.watch.errors.clear()  # the browser logs the refused download itself


def test_the_printed_page_shows_the_record_not_the_controls(page, server):
    open_checklist(page, server)
    page.emulate_media(media="print")
    assert page.locator("form[data-tool]").is_hidden()
    assert page.locator("[data-tool-result] .swt-record").is_visible()
    assert page.locator(".md-sidebar--primary").is_hidden()


def test_on_a_phone_the_form_fits_the_screen(page, server):
    page.set_viewport_size({"width": 360, "height": 740})
    open_checklist(page, server)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_home_page_and_the_tool_page_have_no_accessibility_violations(page, server):
    visit(page, server.url)
    assert axe_violations(page) == []
    open_checklist(page, server)
    page.get_by_label(items()[0].text, exact=True).check()
    wait_for_result(page, "1 of")
    assert axe_violations(page) == []


@pytest.mark.own_page  # a tool page loaded afresh, where Material's search waits for Python to start
def test_search_works_on_a_tool_page_once_python_is_ready(page, server):
    # Material's search worker is held back while Python boots on a tool page; it must still start after.
    open_checklist(page, server)
    page.keyboard.press("/")
    page.get_by_role("textbox", name="Search").press_sequentially("anchor day", delay=20)  # Material reads keys
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=30_000)
    assert results.count() > 0
