"""The runtime under real use and bad input: each test is named after a problem seen before it was put
right, and fails without the fix. Real Chromium, real Pyodide, sub-path, strict CSP."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import visit, wait_for_result, without_snapshot
from toolkit import bridge, planner

PLANNER = "tools/planner/"
TEAM = "tools/team-agreement/"
CHECKLIST = "checklists/manager-conversation/"
BOUND = "() => { const form = document.querySelector('form[data-tool]'); return form && form.dataset.bound; }"


def draft_key(server, tool):
    return f"swt:v2:/smart-working/:{tool}"


def import_file(page, tmp_path, text, name="record.json"):
    path = tmp_path / name
    path.write_text(text)
    page.get_by_label("Load a saved record (JSON)").set_input_files(path)


def planner_record(activities=None) -> str:
    values = planner.example()
    if activities:
        values["activities"] = activities
    answer = json.loads(bridge.handle(json.dumps({"tool": "planner", "values": values})))
    return next(d["content"] for d in answer["downloads"] if d["mime"] == "application/json")


# ---------------------------------------------------------------- 1. the example after instant navigation

@pytest.mark.settings  # from guidance pages whose words follow the settings
@pytest.mark.parametrize("start, link, target, shows", [
    ("", "Plan where and when", PLANNER, "A suggested week"),
    ("teams/", "team agreement drafter", TEAM, "Front desk"),
    ("employees/", "planner", PLANNER, "A suggested week"),
    (PLANNER, "team agreement drafter", TEAM, "Front desk"),
    (CHECKLIST, "Draft your team agreement", TEAM, "Front desk"),
])
def test_1_try_an_example_after_instant_navigation_fills_the_form(page, server, start, link, target, shows):
    visit(page, server.url + start)
    page.locator("article, nav").get_by_role("link", name=link).first.click()
    page.wait_for_url(f"**/{target}")
    page.wait_for_function("() => window.__swtWorkerStarts >= 1")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, shows)


# ---------------------------------------------------------------- 2 and 3. strict JSON in

@pytest.mark.parametrize("junk, words", [
    ('{"format": "smart-working-toolkit", "version": 1, "tool": "planner", "values": {"a": NaN}}', "NaN"),
    ('{"format": "smart-working-toolkit", "version": 1, "tool": "planner", "values": {"a": Infinity}}',
     "Infinity"),
    ('{"format": "smart-working-toolkit", "version": 1, "tool": "planner", "values": {"a": 1e999}}', "1e999"),
])
def test_2_a_file_holding_nan_or_infinity_is_refused_in_words(page, server, tmp_path, junk, words):
    visit(page, server.url + PLANNER)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "A suggested week")
    import_file(page, tmp_path, junk)
    message = page.locator("[data-error-for=import]")
    message.get_by_text(words).wait_for()
    assert "not a number JSON allows" in message.inner_text() or "too large" in message.inner_text()
    assert page.get_by_label("Contracted hours a week").input_value() == "37.5"  # nothing typed is lost


def test_3_a_file_nested_5000_deep_is_refused_and_the_tool_keeps_working(page, server, tmp_path):
    visit(page, server.url + PLANNER)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "A suggested week")
    import_file(page, tmp_path, "[" * 5000 + "]" * 5000)
    page.locator("[data-error-for=import]").get_by_text("nested too deeply").wait_for()
    page.get_by_label("Contracted hours a week").fill("38")
    wait_for_result(page, "38 contracted hours")


# ---------------------------------------------------------------- 4. no click lost to a recompute

@pytest.mark.warm_up  # as for a reader: a click while the worker warms up is not lost either
def test_4_a_download_click_right_after_typing_is_not_lost(page, server):
    page.goto(server.url + PLANNER)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "A suggested week")
    got = 0
    for i in range(8):
        page.get_by_label("Contracted hours a week").fill(f"{37 + i % 2}.5")  # leaving it recomputes
        with page.expect_download(timeout=10_000) as download:
            page.get_by_role("button", name="Download as Markdown").click()
        got += bool(download.value.suggested_filename)
    assert got == 8


# ---------------------------------------------------------------- 5. boot failures end in a message and a retry

@pytest.mark.settings  # the boot differs on a site without the memory snapshot (org.yml's python.memory_snapshot)
@pytest.mark.own_page
@pytest.mark.parametrize("file", ["pyodide.asm.wasm", "python_stdlib.zip", "smart_working_toolkit-*.whl"])
def test_5_a_download_cut_mid_transfer_ends_in_a_message_and_a_retry_that_works(page, server, site_dir, file):
    real = next((site_dir / "assets" / "pyodide").glob(file)).read_bytes()
    cut = {"on": True}

    def half(route):
        if cut["on"]:
            route.fulfill(status=200, body=real[: len(real) // 2], headers={
                "Content-Type": "application/wasm" if file.endswith(".wasm") else "application/octet-stream"})
        else:
            route.continue_()

    page.route(f"**/{file}", half)
    if not file.endswith(".wasm"):  # the memory snapshot holds what these hold: they are fetched without it
        without_snapshot(page)
    with page.expect_request_finished(lambda request: request.url.endswith("/pyodide.asm.wasm")):
        page.goto(server.url + CHECKLIST)  # the cut file is served before the watchdog's wait is skipped
    page.get_by_role("checkbox").first.check()
    boot = page.locator("[data-tool-boot]")
    message = boot.locator("[data-boot-text]", has_text="could not start")
    if file.endswith(".wasm"):
        # Half of Python's WebAssembly never fails by itself: the download just stops, and the page's watchdog
        # says so after 30 s without progress (toolkit.js, STALL_MS).
        skip_the_watchdogs_wait(page, message)
    message.wait_for(timeout=90_000)
    assert "Reason:" in boot.inner_text() and "Failed to fetch" not in boot.inner_text()
    with page.expect_download() as download:
        boot.get_by_role("button", name="Download what I typed (JSON)").click()
    saved = json.loads(open(download.value.path()).read())
    assert saved["tool"] == "checklist" and any(v.get("done") for v in saved["values"]["items"].values())
    cut["on"] = False
    page.context.clear_cookies()
    boot.get_by_role("button", name="Try again").click()
    wait_for_result(page, "1 of")
    page.watch.errors.clear()  # the browser logs the broken download itself


def skip_the_watchdogs_wait(page, message) -> None:
    """Jump the page's clock over the watchdog's 30 s rather than wait them (once Python's WebAssembly has been
    served or refused); again, should the last progress be counted only after a jump."""
    for _ in range(5):
        page.clock.fast_forward(31_000)
        try:
            return message.wait_for(timeout=3_000)
        except PlaywrightTimeout:
            pass


@pytest.mark.settings  # the boot differs on a site without the memory snapshot (org.yml's python.memory_snapshot)
@pytest.mark.own_page
def test_5_a_connection_reset_on_the_wasm_ends_in_a_message_not_an_endless_zero(page, server):
    page.route("**/pyodide.asm.wasm", lambda route: route.abort("connectionreset"))
    with page.expect_event("requestfailed", lambda request: request.url.endswith("/pyodide.asm.wasm")):
        page.goto(server.url + CHECKLIST)
    boot = page.locator("[data-tool-boot]")
    # Pyodide only warns when the file's fetch fails, in some runs, and then waits: the watchdog ends the wait
    # (30 s without progress), and the page's clock jumps those 30 s.
    skip_the_watchdogs_wait(page, boot.locator("[data-boot-text]", has_text="could not start"))
    boot.locator("[data-boot-text]", has_text="could not start").wait_for(timeout=90_000)
    assert boot.get_by_role("button", name="Try again").is_visible()
    page.watch.errors.clear()


# ---------------------------------------------------------------- 6. typed before the form is bound

@pytest.mark.own_page
def test_6_text_typed_before_the_form_is_bound_wins_over_the_draft_and_is_saved(page, server):
    page.goto(server.url + TEAM)
    page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify({version: 2, values: v}))",
                  [draft_key(server, "team_agreement"), {"team": {"name": "Old name"}}])
    held = []
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    page.goto(server.url + TEAM, wait_until="commit")
    page.get_by_label("Team name").fill("Typed early")
    assert page.evaluate("!document.querySelector('form[data-tool]').dataset.bound")  # really before binding
    page.wait_for_function("() => true")  # let the held route arrive
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()
    page.wait_for_function(BOUND)
    assert page.get_by_label("Team name").input_value() == "Typed early"
    saved = page.evaluate("k => JSON.parse(localStorage.getItem(k))", draft_key(server, "team_agreement"))
    assert saved["values"]["team"]["name"] == "Typed early"


# ---------------------------------------------------------------- 7. two sites on one host

def test_7_drafts_are_kept_per_site_path_and_clear_leaves_the_other_site_alone(page, server):
    visit(page, server.url + PLANNER)
    other = "swt:v2:/pilot/:planner"
    page.evaluate("k => localStorage.setItem(k, JSON.stringify({version: 2, values: {role: {hours: '20'}}}))", other)
    page.get_by_label("Contracted hours a week").fill("30")
    page.wait_for_function("k => localStorage.getItem(k)", arg=draft_key(server, "planner"))
    page.get_by_role("button", name="Clear what I typed").click()
    assert page.evaluate("k => localStorage.getItem(k)", draft_key(server, "planner")) is None
    assert page.evaluate("k => localStorage.getItem(k)", other) is not None


def test_7_a_draft_of_the_old_version_is_moved_to_this_sites_key(page, server):
    visit(page, server.url + PLANNER)
    page.evaluate("() => localStorage.setItem('swt:v1:planner', JSON.stringify({role: {hours: '29'}}))")
    page.reload()
    assert page.get_by_label("Contracted hours a week").input_value() == "29"
    assert page.evaluate("() => localStorage.getItem('swt:v1:planner')") is None
    page.reload()  # moved, not lost: it is under this site's key now
    page.wait_for_function(BOUND)
    assert page.get_by_label("Contracted hours a week").input_value() == "29"


# ---------------------------------------------------------------- 8. destructive actions, damaged and full storage

def test_8_the_example_and_clear_offer_undo(page, server):
    visit(page, server.url + PLANNER)
    page.get_by_label("Contracted hours a week").fill("21")
    page.get_by_role("button", name="Try an example").click()
    notice = page.locator("[data-notice]")
    notice.get_by_text("The example replaced what you had typed.").wait_for()
    assert page.get_by_label("Contracted hours a week").input_value() == "37.5"
    notice.get_by_role("button", name="Undo").click()
    assert page.get_by_label("Contracted hours a week").input_value() == "21"
    page.get_by_role("button", name="Clear what I typed").click()
    assert page.get_by_label("Contracted hours a week").input_value() == ""
    notice.get_by_role("button", name="Undo").click()
    assert page.get_by_label("Contracted hours a week").input_value() == "21"
    page.get_by_role("button", name="Try an example").click()
    page.get_by_label("Contracted hours a week").fill("36")  # an edit after it: Undo would now lose it
    assert notice.is_hidden()


def test_8_an_import_replaces_and_says_which_rows_it_could_not_take(page, server, tmp_path):
    visit(page, server.url + PLANNER)
    page.get_by_label("Contracted hours a week").fill("21")
    row = planner.example()["activities"][0]
    text = json.loads(planner_record())
    text["values"]["activities"] = [dict(row, hours="0.5") for _ in range(45)]
    import_file(page, tmp_path, json.dumps(text))
    notice = page.locator("[data-notice]")
    notice.get_by_text("the last 5 were not loaded").wait_for()
    # The import is finished once its result is in (the problems it shows may move the page).
    wait_for_result(page, "A suggested week")
    assert page.locator("[data-repeat=activities] [data-row]").count() == 40
    notice.get_by_role("button", name="Undo").click()
    assert page.get_by_label("Contracted hours a week").input_value() == "21"


def test_8_a_damaged_draft_is_kept_aside_and_the_person_told(page, server):
    visit(page, server.url + PLANNER)
    page.evaluate("k => localStorage.setItem(k, '{broken')", draft_key(server, "planner"))
    page.reload()
    page.locator("[data-notice]").get_by_text("could not be read").wait_for()
    kept = page.evaluate("() => Object.keys(localStorage).filter(k => k.includes(':damaged:'))")
    assert len(kept) == 1 and page.evaluate("k => localStorage.getItem(k)", kept[0]) == "{broken"


def test_8_a_full_storage_is_reported_beside_the_form(page, server):
    visit(page, server.url + PLANNER)
    page.evaluate("""() => { let i = 0;
        for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 1]) {
          const chunk = 'x'.repeat(size);
          for (;;) { try { localStorage.setItem('filler' + i++, chunk); } catch { break; } }
        } }""")
    page.get_by_label("Contracted hours a week").fill("30")
    page.locator("[data-draft-note]").get_by_text("its storage is full").wait_for()


# ---------------------------------------------------------------- 9. progress in words

@pytest.mark.settings  # the boot differs on a site without the memory snapshot (org.yml's python.memory_snapshot)
@pytest.mark.own_page
def test_9_progress_never_reads_undefined_and_follows_the_bar(page, server):
    page.add_init_script("""
        window.__bootTexts = [];
        new MutationObserver(() => {
          const text = document.querySelector('[data-boot-text]');
          const bar = document.querySelector('[data-boot-bar]');
          if (text && bar) window.__bootTexts.push([text.textContent, bar.value]);
        }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
    """)
    page.goto(server.url + CHECKLIST)
    wait_for_result(page, "0 of")
    texts = page.evaluate("window.__bootTexts")
    assert texts and not any("undefined" in t for t, _ in texts)
    for text, value in texts:
        if "%" in text:
            assert f": {int(value)}%" in text, (text, value)


# ---------------------------------------------------------------- every field as typed, on every tool page

@pytest.mark.parametrize("path, label, value", [
    (PLANNER, "Contracted hours a week", "31.5"),
    (TEAM, "Team name", "Round trip team"),
    (CHECKLIST, None, None),
])
def test_typed_values_survive_instant_navigation_away_and_back_and_a_reload(page, server, path, label, value):
    visit(page, server.url + path)
    if label:
        page.get_by_label(label).fill(value)
        check = lambda: page.get_by_label(label).input_value() == value  # noqa: E731
    else:
        page.get_by_role("checkbox").first.check()
        check = lambda: page.get_by_role("checkbox").first.is_checked()  # noqa: E731
    page.locator("nav").get_by_role("link", name="Glossary").first.click()
    page.wait_for_url("**/glossary/")
    page.go_back()
    page.wait_for_url(f"**/{path}")
    page.wait_for_function(BOUND)
    assert check()
    page.reload()
    page.wait_for_function(BOUND)
    assert check()


# ---------------------------------------------------------------- forms people would expect

def test_notes_stay_folded_until_used_and_a_long_checklist_is_short_on_a_phone(new_context, server):
    context = new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(server.url + "checklists/trial-review/")
        wait_for_result(page, "0 of")
        assert page.evaluate("document.querySelector('form[data-tool]').scrollHeight") < 3500
        first_note = page.locator("details[data-collapsed]").first
        assert not first_note.locator("textarea").is_visible()
        first_note.locator("summary").click()
        first_note.locator("textarea").fill("Agreed at the meeting.")
        page.reload()
        wait_for_result(page, "0 of")
        assert page.locator("details[data-collapsed]").first.locator("textarea").is_visible()
    finally:
        context.close()


def test_an_invalid_field_is_marked_by_shape_and_sign_not_colour_alone(page, server):
    visit(page, server.url + PLANNER)
    field = page.get_by_label("Contracted hours a week")
    field.fill("lots")
    field.blur()
    page.locator("[data-error-for='role.hours']").get_by_text("must be a number").wait_for()
    assert field.get_attribute("aria-invalid") == "true"
    assert "inset" in page.evaluate("el => getComputedStyle(el).boxShadow", field.element_handle())
    sign = page.evaluate("() => getComputedStyle(document.querySelector(\"[data-error-for='role.hours']\"), "
                         "'::before').content")
    assert "⚠" in sign


def test_the_active_navigation_entry_is_not_in_the_error_colour(page, server):
    visit(page, server.url + "teams/")
    colours = page.evaluate("""() => {
        const active = document.querySelector('.md-nav__link--active');
        const error = document.createElement('p'); error.className = 'swt-field-error'; document.body.append(error);
        return [getComputedStyle(active).color, getComputedStyle(error).color]; }""")
    assert colours[0] != colours[1]


# ---------------------------------------------------------------- 10. an edit touches only what it changed

def test_10_an_edit_patches_the_result_in_place_and_leaves_the_other_parts_alone(page, server):
    """Rebuilding a team's whole result on every key made the browser lay out hundreds of cells each time
    (bench/): the figure an edit does not change stays the same element, and the changed row is updated."""
    visit(page, server.url + TEAM)
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Front desk")
    page.evaluate("""() => {
        window.__grid = document.querySelector('[data-result-body] svg[role=img]');
        window.__table = document.querySelector('[data-result-body] table');
    }""")
    computed = page.locator("[data-result-body]").get_attribute("data-computed")
    page.get_by_label("Role (optional)").first.fill("Night <b>editor</b>")
    page.wait_for_function("n => document.querySelector('[data-result-body]').dataset.computed !== n", arg=computed)
    week = page.locator("[data-result-body] table").first
    assert "Night <b>editor</b>" in week.inner_text()  # escaped: shown as typed, not as markup
    assert page.evaluate("""() => window.__grid.isConnected
        && window.__grid === document.querySelector('[data-result-body] svg[role=img]')
        && window.__table === document.querySelector('[data-result-body] table')""")
