"""Issue 22 in the browser: the letters and documents downloaded and read as text, Print printing the tool's
printable page, a loaded file said on the page, and figures read on a phone. Real Chromium, real Pyodide."""

from __future__ import annotations

import html
import re

from tests.browser.conftest import axe_violations, wait_for_result


def day(page) -> str:
    """The reader's own date, which the page sends with every question (toolkit.js: localDay)."""
    return page.evaluate("() => new Date().toLocaleDateString('en-CA')")


def download(page, tmp_path, label: str) -> tuple[str, str]:
    """(the file's suggested name, its text), as the person receiving it opens it."""
    with page.expect_download() as made:
        page.get_by_role("button", name=label).click()
    path = tmp_path / made.value.suggested_filename
    made.value.save_as(path)
    return made.value.suggested_filename, path.read_text(encoding="utf-8")


def words(page_html: str) -> str:
    body = page_html[page_html.index("<body"):] if "<body" in page_html else page_html
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip())


def test_22_1_2_3_12_the_decision_records_letters_read_as_their_reader_reads_them(page, server, tmp_path):
    page.goto(server.url + "tools/decision-record/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Trial confirmation")
    row = page.locator("[data-repeat=trial_measures] [data-row]").nth(1)
    assert row.get_by_label("Which way is better").input_value() == "lower"  # asked, and answered, per measure
    page.get_by_label("The change in the employee's words").fill("I would like to start at 08:00 on my home days.")
    wait_for_result(page, "In your words")

    name, ack = download(page, tmp_path, "Download the acknowledgement (printable page)")
    assert re.fullmatch(r"acknowledgement-letter-sam-taylor-\d{4}-\d\d-\d\d\.html", name)
    text = words(ack)
    assert "In your words: “I would like to start at 08:00 on my home days.”" in text
    assert not re.search(r"<li>I would like", ack)  # never a point in the manager's own list
    name, confirmation = download(page, tmp_path, "Download the trial confirmation (printable page)")
    assert "(lower is better)" in words(confirmation) and "(higher is better)" in words(confirmation)

    name, markdown = download(page, tmp_path, "Download as Markdown")
    assert name == f"decision-record-sam-taylor-{day(page)}.md"
    assert not re.search(r"\\$", markdown, re.M)
    # The extended date is still to come: due, never done.
    assert re.search(r"decision due \(extended\) \(due\)", markdown)
    assert "0 things still to do" not in page.locator("[data-tool-status]").text_content()


def test_a_letters_headings_on_the_page_keep_the_case_they_are_written_in(page, server):
    """Material sets h5 and h6 in capitals; a letter's own headings ("What success looks like") are not shouted."""
    page.goto(server.url + "tools/decision-record/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Trial confirmation")
    headings = page.locator("[data-result-body] .swt-letter").locator("h4, h5, h6")
    assert headings.count()
    assert set(headings.evaluate_all("hs => hs.map(h => getComputedStyle(h).textTransform)")) == {"none"}


def test_22_8_print_prints_the_printable_page(page, server, tmp_path):
    page.goto(server.url + "tools/trial-review/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Reply time to budget holders")
    _, document = download(page, tmp_path, "Download as a printable page (HTML)")
    # Print is the browser's; the test keeps what the page would print when it is called.
    page.evaluate("""() => { window.print = () => {
        window.__printed = document.querySelector('[data-print-document]').innerText; }; }""")
    page.get_by_role("button", name="Print", exact=True).click()
    page.wait_for_function("() => window.__printed !== undefined")
    printed = re.sub(r"\s+", " ", page.evaluate("() => window.__printed")).strip()
    expected = words(document)
    for part in ("Trial review: Alex Morgan", "Notes from both sides", "Signed", "Both sign and date"):
        assert part in printed and part in expected
    assert printed.replace(" ", "") == expected.replace(" ", "")
    page.emulate_media(media="print")
    assert page.locator("[data-print-document]").is_visible()
    assert not page.locator(".md-content form").is_visible() and not page.locator(".md-header").is_visible()
    page.emulate_media(media="screen")
    assert not page.locator("[data-print-document]").is_visible()


def test_22_12_a_loaded_file_is_said_on_the_page(page, server, tmp_path):
    page.goto(server.url + "tools/trial-review/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "Reply time to budget holders")
    name, _ = download(page, tmp_path, "Download as JSON (to load back later)")
    page.get_by_role("button", name="Clear what I typed").click()
    page.get_by_role("button", name="Clear what I typed").click()  # nothing typed now: no Undo to offer
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / name)
    wait_for_result(page, "Reply time to budget holders")
    notice = page.locator("[data-notice]")
    notice.get_by_text(f"Loaded {name}").wait_for()
    assert notice.is_visible()


def test_22_5_the_plan_and_the_request_speak_as_their_author(page, server, tmp_path):
    page.goto(server.url + "tools/planner/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "A suggested week")
    page.get_by_label("Your name or initials (optional)").fill("Sam Okoro")
    page.wait_for_timeout(1500)
    name, plan = download(page, tmp_path, "Download as Markdown")
    assert name == f"where-and-when-plan-sam-okoro-{day(page)}.md"
    assert "## My activities" in plan and not re.search(r"\b[Yy]our?\b", plan)
    name, _ = download(page, tmp_path, "Download as JSON (to load back later)")
    page.goto(server.url + "tools/request/")
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / name)
    page.wait_for_function("() => document.querySelector('[name=\"request.employee\"]').value === 'Sam Okoro'")
    page.get_by_label("Date the change would start").fill("1/3/2027")
    wait_for_result(page, "statutory request")
    _, letter = download(page, tmp_path, "Download as a printable page (HTML)")
    assert "Of my 37.5 working hours a week" in words(letter) and "planner" not in words(letter)


def test_22_4_10_the_drawn_week_on_a_phone_is_readable_and_keeps_core_hours(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + "tools/planner/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "A suggested week")
    figure = page.get_by_role("img", name="The suggested week as a timeline")
    figure.scroll_into_view_if_needed()
    heights = figure.evaluate("svg => [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)")
    assert heights and min(heights) >= 9, min(heights)  # was 5 to 6 pixels at this width
    box = figure.evaluate("svg => { const f = svg.closest('figure'); return [f.scrollWidth, f.clientWidth]; }")
    assert box[0] > box[1]  # it scrolls inside its own box, not the page
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    # The table after it keeps the facts.
    assert page.get_by_role("table", name="Hours per day and place").is_visible()
    # Core-hours work is drawn inside core hours: 10:00 to 15:00.
    tips = figure.evaluate("svg => [...svg.querySelectorAll('rect > title')].map(t => t.textContent)")
    for tip in tips:
        m = re.match(r"Answering budget holders' emails and calls: (\d\d):(\d\d) to (\d\d):(\d\d)$", tip)
        if m:
            start, end = int(m[1]) * 60 + int(m[2]), int(m[3]) * 60 + int(m[4])
            assert 600 <= start and end <= 900, tip
    assert axe_violations(page) == []


def test_22_13_the_accessibility_statement_is_published(page, server):
    page.goto(server.url + "accessibility/")
    main = page.locator("article").inner_text()
    assert "WCAG 2.2 level AA" in main and "people@example.org" in main
    assert axe_violations(page) == []
