"""The request path under each jurisdiction's law (issue 25), in real Chromium with real Pyodide: the employee's
request is written and downloaded, the manager's decision record is started from it and the request refused, and the
dates and the refusal letter's route of appeal or dispute are read as the law has them. One site is built per
jurisdiction, once a run, from the default settings with only `policy.requests` changed (as a fork would), and
served on its own port; the site the rest of the suite uses is reused where it already follows that law."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import Watch, wait_for_result
from tests.browser.test_request_path import download, uk
from tests.support import TODAY
from tests.support.build import ROOT, free_port, site_url
from tests.support.fork import SETTINGS as FORK
from tests.support.server import SiteServer
from tests.support.settings import jurisdiction
from toolkit.documents import date_words
from toolkit.flexible_working.dates import period_end

REQUESTS = {
    "GB": {"jurisdiction": "GB"},
    "NI": {"jurisdiction": "NI"},
    "IE": {"jurisdiction": "IE"},
    "AU": {"jurisdiction": "AU"},
    "NZ": {"jurisdiction": "NZ"},
    "policy": FORK["policy"]["requests"],  # the example fork's US-style policy
}
RECEIVED = TODAY
MEETING, DECIDED = TODAY + timedelta(days=7), TODAY + timedelta(days=10)


def _due(code: str) -> tuple[str, date]:
    """The date the decision record shows as due, worked by hand from each law (see test_jurisdictions.py)."""
    return {
        "GB": ("decision due, appeal included", period_end(RECEIVED, 2)),  # ERA 1996 s.80G(1B): 2 months beginning
        "NI": ("last day to appeal", DECIDED + timedelta(days=14)),  # 2003 Regs reg. 6: 14 days after the decision
        "IE": ("decision due", RECEIVED + timedelta(days=27)),  # WLB Act 2023 s.21(1)(b): 4 weeks, receipt counted
        "AU": ("decision due", RECEIVED + timedelta(days=21)),  # FWA s.65A(1); AIA s.36: receipt not counted
        "NZ": ("decision due", period_end(RECEIVED + timedelta(days=1), 1)),  # ERA 2000 s.69AAE; LA 2019 s.56
        "policy": ("decision due, appeal included", period_end(RECEIVED, 1)),  # the fork's own month
    }[code]


# What the employee's letter opens with, and what the refusal letter says of the route after it.
OPENING = {
    "GB": "statutory request for flexible working under section 80F",
    "NI": "statutory request for flexible working under Article 112F",
    "IE": "statutory request for flexible working under Part IIA of the Parental Leave Act 1998",
    "AU": "statutory request for flexible working under sections 65 to 65C of the Fair Work Act 2009",
    "NZ": "statutory request for flexible working under Part 6AA of the Employment Relations Act 2000",
    "policy": "formal request for flexible working under",  # the organisation's own policy, named
}
ROUTE = {
    "GB": ["If you disagree, you can appeal", "within the period for deciding your request"],
    "NI": ["you have the right to appeal under Article 112G", "that is by", "within 14 days after receiving it",
           "within 14 days after that meeting", "one companion to the meeting, who must be a worker employed by us"],
    "IE": ["for these reasons", "Workplace Relations Commission", "section 41 of the Workplace Relations Act 2015"],
    "AU": ["which Fair Work Act 2009, s.65A(5) allows", "at the workplace", "Fair Work Commission", "form F10C"],
    "NZ": ["which Employment Relations Act 2000, s.69AAF(2) and (3) allows", "Labour Inspector", "mediation",
           "Employment Relations Authority"],
    "policy": ["own policy on flexible working, not a statutory right"],
}


@pytest.fixture(scope="session")
def jurisdiction_sites(tmp_path_factory, site_dir):
    """Each jurisdiction's site, built on first use and kept for the run: {code: Path}."""
    built: dict[str, Path] = {}

    def site(code: str) -> Path:
        if code == jurisdiction() and (code != "policy" or os.environ.get("SWT_FORK")):
            return site_dir  # the suite's own site already follows this law
        if code not in built:
            settings = yaml.safe_load((ROOT / "org.yml").read_text("utf-8"))
            settings["policy"]["requests"] = {**settings["policy"]["requests"], **REQUESTS[code]}
            where = tmp_path_factory.mktemp(f"law-{code.lower()}")
            (where / "org.yml").write_text(yaml.safe_dump(settings, sort_keys=False), "utf-8")
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SWT_ORG": str(where / "org.yml"),
                   "SWT_SITE_URL": site_url(free_port())}
            run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(where / "site")],
                                 cwd=ROOT, env=env, capture_output=True, text=True)
            assert run.returncode == 0, f"the {code} site did not build:\n{run.stderr}"
            built[code] = where / "site"
        return built[code]

    return site


@pytest.mark.parametrize("code", list(REQUESTS))
def test_the_request_path_under_each_law(code, jurisdiction_sites, site_dir, server, context, tmp_path):
    site = jurisdiction_sites(code)
    if site == site_dir:  # the suite's own site, already served
        _in_chromium(code, server, context, tmp_path)
        return
    with SiteServer(site) as own:
        _in_chromium(code, own, context, tmp_path)


def _in_chromium(code: str, server, context, tmp_path) -> None:
    page = context.new_page()
    watch = Watch(page, server.url.split("/smart-working/")[0])
    try:
        _walk(code, page, server, tmp_path)
    finally:
        page.close()
    assert watch.foreign == [] and watch.errors == [], (watch.foreign, watch.errors)


def _walk(code: str, page, server, tmp_path) -> None:
    # The employee's request, filled in by label: what this law asks for is asked.
    page.goto(server.url + "tools/request/")
    page.get_by_label("Your name", exact=True).fill("Sam Taylor")
    page.get_by_label("Your manager's name (optional)").fill("Priya Shah")
    page.get_by_label("Date of the request").fill(uk(RECEIVED))
    page.get_by_label("Date you started working here (optional)").fill(uk(TODAY - timedelta(days=3 * 365)))
    page.get_by_label("Hours a week asked for (leave empty for no change)").fill("30")
    page.get_by_label("Date the change would start").fill(uk(TODAY + timedelta(days=120)))
    if code == "IE":  # Ireland's two kinds of request, told apart: the caring one rests on a listed circumstance
        page.get_by_label("The kind of request").select_option("caring")
        page.get_by_label("The circumstance your request rests on").select_option("c1")
    if code == "AU":
        page.get_by_label("The circumstance your request rests on").select_option("c2")
    if code in ("IE", "AU"):
        page.get_by_label("Why you are asking", exact=True).fill("To collect my son from school.")
    if code in ("NI", "NZ"):
        page.get_by_label("The effect on the organisation, and how it could be dealt with").fill("The team covers.")
    wait_for_result(page, OPENING[code])
    download(page, tmp_path, "Download as JSON (to load back later)", "request.json")

    # The manager's decision record, from the request's file: received, met, refused.
    page.goto(server.url + "tools/decision-record/")
    page.get_by_label("Load a saved record (JSON)").set_input_files(tmp_path / "request.json")
    page.wait_for_function("() => document.querySelector('[name=\"request.employee\"]').value === 'Sam Taylor'")
    page.get_by_label("Date the request was received").fill(uk(RECEIVED))
    page.get_by_label("Date of the meeting to discuss it").fill(uk(MEETING))
    page.get_by_label("Outcome", exact=True).select_option(label="Refuse it")
    page.get_by_label("Date of the decision letter").fill(uk(DECIDED))
    if code == "IE":
        page.get_by_label("The reasons for refusing").fill("The clinic must be staffed at those hours.")
    else:
        page.locator("[name='decision.grounds']").first.check()
        page.get_by_label("Why the ground applies to this request").fill("The clinic must be staffed at those hours.")
    if code == "AU":
        page.get_by_label("Each of these is true").check()
    wait_for_result(page, "Outcome letter")

    what, due = _due(code)
    dates = page.locator("[data-result-body] table").first.inner_text()
    assert date_words(due) in dates and what in dates, dates
    letter = download(page, tmp_path, "Download the outcome letter (printable page)", "outcome.html")
    text = " ".join(letter.split())
    for words in ROUTE[code]:
        assert words in text, (code, words)
    if code == "NI":  # the last day to appeal is the 14th day after the decision is given
        assert f"that is by {date_words(DECIDED + timedelta(days=14))}" in text
    if code == "policy":  # no statutory right is claimed
        assert "statutory request" not in text and " Act " not in text and "Rules as of" not in text
