"""The whole path of a team gathered by link, and the organisation's picture without names, by label: a manager
makes an invitation; two members reply from their own browsers; the manager merges the replies, prints the
agreement (checked as a PDF) and downloads the counts; HR adds three teams' counts on the team counts page.
Every page is watched: no request leaves the origin, nothing is logged as an error. Real Chromium, real Pyodide."""

from __future__ import annotations

import json
import re

from tests.browser.conftest import Watch, axe_violations, wait_for_result
from toolkit import team_counts

AGREEMENT = "tools/team-agreement/"
COUNTS = "tools/team-counts/"


def member_row(page, n):
    return page.locator("[data-repeat=members] [data-row]").nth(n)


def fill_row(row, name, hours="37.5", days=None):
    row.get_by_label("Name or initials").fill(name)
    row.get_by_label("Contracted hours a week").fill(hours)
    for day, place in (days or {}).items():
        row.get_by_label(day, exact=True).select_option(label=place)


def watched(browser, server):
    """A browser of the member's own: a new context, watched like the fixtures' page."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.watch = Watch(page, server.url.split("/smart-working/")[0])
    return context, page


def reply_from(browser, server, invitation, name, days, hours="37.5"):
    context, page = watched(browser, server)
    try:
        page.goto(invitation)
        page.get_by_text("You opened the invitation to Claims").wait_for()
        assert "#" not in page.url  # the link leaves the address bar once read
        assert page.get_by_label("Team name").input_value() == "Claims"
        assert page.get_by_role("button", name="Make an invitation link for the team").is_hidden()
        fill_row(member_row(page, 0), name, hours, days)
        wait_for_result(page, name)
        page.get_by_role("button", name="Make my reply link").click()
        link = page.get_by_label("The link")
        link.wait_for()
        page.wait_for_function("() => document.querySelector('[data-link-out]').value.includes('#swt1.reply.')")
        about = page.locator("[data-link-about]").inner_text()
        assert "your row" in about and "never sends to a website" in about
        value = link.input_value()
        assert page.watch.foreign == [] and page.watch.errors == []
        return value
    finally:
        context.close()


def test_a_team_gathered_by_link_merged_printed_and_counted(page, server, browser, tmp_path):
    # 1. The manager drafts the frame and a guess at Ana's week, and makes an invitation.
    page.goto(server.url + AGREEMENT)
    page.get_by_label("Team name").fill("Claims")
    page.get_by_label("Site or office (optional)").fill("Leeds")
    fill_row(member_row(page, 0), "Ana", days={"Friday": "At home"})
    wait_for_result(page, "Claims")
    page.get_by_role("button", name="Make an invitation link for the team").click()
    page.wait_for_function("() => document.querySelector('[data-link-out]').value.includes('#swt1.invite.')")
    invitation = page.get_by_label("The link").input_value()
    assert "no one's name or week" in page.locator("[data-link-about]").inner_text()
    assert "Ana" not in invitation

    # 2. Two members reply from their own browsers: Ben is new; Ana corrects the week the manager guessed.
    ben = reply_from(browser, server, invitation, "Ben", {"Monday": "At home"})
    ana = reply_from(browser, server, invitation, "Ana", {"Thursday": "Not working", "Friday": "Not working"},
                     hours="22.5")

    # 3. The manager pastes both replies: Ben joins; Ana's reply is shown beside her row, to accept.
    page.get_by_label("Paste reply links from the team (one a line)").fill(f"{ben}\n{ana}")
    page.get_by_role("button", name="Add what I pasted").click()
    review = page.locator("[data-row-review]")
    review.get_by_role("table", name="Ana: the row in the form now").wait_for()
    assert "37.5" in review.inner_text() and "22.5" in review.inner_text()
    assert member_row(page, 1).get_by_label("Name or initials").input_value() == "Ben"
    page.get_by_label("Accept Ana's reply").check()
    page.get_by_role("button", name="Accept the ticked replies").click()
    page.wait_for_function("() => !document.querySelector('[data-row-review]')")
    assert member_row(page, 0).get_by_label("Contracted hours a week").input_value() == "22.5"
    assert member_row(page, 0).get_by_label("Friday", exact=True).input_value() == "off"
    wait_for_result(page, "2 members")
    # The same reply again, and a reply for another team, are named beside the box; nothing gathered is lost.
    other = ana.replace(ana.split(".")[-1], "AAAA")
    page.get_by_label("Paste reply links from the team (one a line)").fill(other)
    page.get_by_role("button", name="Add what I pasted").click()
    page.locator("[data-error-for='import.members']").get_by_text("Link 1 is damaged").wait_for()
    assert page.locator("[data-repeat=members] [data-row]").count() == 2
    assert axe_violations(page) == []

    # 4. The agreement prints as a document to sign: no form controls, A4, page numbers, a line per signatory.
    with page.expect_download() as printable:
        page.get_by_role("button", name="Download as a printable page (HTML)").click()
    html = open(printable.value.path(), encoding="utf-8").read()
    assert 'counter(page) " of " counter(pages)' in html and "size:A4" in html
    printed = browser.new_page()
    try:
        printed.set_content(html)
        assert printed.locator("input, select, textarea, button").count() == 0
        signers = printed.get_by_role("table", name="Each member and the manager sign and date")
        assert [r.inner_text().split("\t")[0].strip() for r in signers.get_by_role("row").all()[1:]] == [
            "Ana", "Ben", "The manager"]
        pdf = printed.pdf(format="A4")
    finally:
        printed.close()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2
    assert re.search(rb"/MediaBox\s*\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]", pdf)  # A4 in points
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Make an invitation link for the team").is_visible()
    assert not page.get_by_label("Team name").is_visible()
    page.emulate_media(media="screen")

    # 5. The counts for HR: no names, small groups hidden.
    with page.expect_download() as counted:
        page.get_by_role("button", name="Download counts for HR (JSON)").click()
    claims = tmp_path / "team-counts-claims.json"
    counted.value.save_as(claims)
    data = json.loads(claims.read_text())
    assert data["team"] == "Claims" and data["size"] == "fewer than 5" and "Ana" not in claims.read_text()

    # 6. HR adds three teams' counts: the example's Payroll and IT Service Desk, and Claims.
    paths = [claims]
    for row in team_counts.example()["teams"][1:]:
        path = tmp_path / f"{row['team']}.json"
        path.write_text(row["counts"])
        paths.append(path)
    page.goto(server.url + COUNTS)
    assert "Nothing is uploaded" in page.locator("article").inner_text()
    page.get_by_label("Desks across the organisation (optional)").fill("20")
    page.get_by_label("Add teams' count files (JSON)").set_input_files(paths)
    wait_for_result(page, "3 teams counted")
    week = page.get_by_role("table", name="Every team's counts added together")
    # Tuesday: Payroll 10 and IT Service Desk 6 in the office, and Claims' two hidden (a team of fewer than 5: 0 to 4).
    assert "16 to 20" in week.get_by_role("row", name="Tuesday").inner_text()
    sites = page.get_by_role("table", name="Desks needed each day at each site")
    assert "16 to 20" in sites.get_by_role("row", name="Leeds").inner_text()
    # A file from another version is named beside the button; the three teams stay.
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**data, "version": 3}))
    page.get_by_label("Add teams' count files (JSON)").set_input_files(newer)
    page.locator("[data-error-for='import.teams']").get_by_text("newer.json: not added").wait_for()
    assert "a newer version" in page.locator("[data-error-for='import.teams']").inner_text()
    assert page.locator("[data-repeat=teams] [data-row]").count() == 3
    with page.expect_download() as csv_file:
        page.get_by_role("button", name="Download as CSV (for a spreadsheet)").click()
    assert "all,Tuesday,2,16," in open(csv_file.value.path(), encoding="utf-8").read()
    page.mouse.move(0, 0)  # a button under the pointer shows its hover colours, which axe would judge instead
    assert axe_violations(page) == []
    # Everything happened in this origin: the fixture's watch fails the test on any request elsewhere.
    assert all(url.startswith(server.url.split("/smart-working/")[0]) or url.startswith(("blob:", "data:"))
               for url in page.watch.requests)


def test_a_damaged_link_is_explained_and_the_draft_is_kept(page, server):
    page.goto(server.url + AGREEMENT)
    page.get_by_label("Team name").fill("Kept team")
    page.goto(server.url)  # another page first: a new address only after "#" would not load the page again
    page.goto(server.url + AGREEMENT + "#swt1.invite.team_agreement.00000000.q1YqS8wpTS1WsqpWSlSyUkoiGSjV1gIA")
    page.locator("[data-error-for='link']").get_by_text("other settings").wait_for()
    assert page.get_by_label("Team name").input_value() == "Kept team"


def test_the_planner_shares_a_draft_by_link(page, server, browser):
    page.goto(server.url + "tools/planner/")
    page.get_by_role("button", name="Try an example").click()
    wait_for_result(page, "")
    page.get_by_role("button", name="Share this draft as a link").click()
    page.wait_for_function("() => document.querySelector('[data-link-out]').value.includes('#swt1.draft.planner.')")
    link = page.get_by_label("The link").input_value()
    context, other = watched(browser, server)
    try:
        other.goto(link)
        other.get_by_text("Opened the draft shared with you by link").wait_for()
        assert other.get_by_label("Your name or initials (optional)").input_value() == \
            page.get_by_label("Your name or initials (optional)").input_value()
        assert other.watch.foreign == [] and other.watch.errors == []
    finally:
        context.close()


def test_the_team_counts_fit_a_phone_and_have_no_accessibility_violations(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(server.url + COUNTS)
        page.get_by_role("button", name="Try an example").click()
        wait_for_result(page, "3 teams counted")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert axe_violations(page) == []
    finally:
        context.close()
