"""The law on the built site: "The rules this site follows" made from the law file, "Rules as of" on every tool
page of the request path, the guidance linking it; and a Northern Ireland build saying NI's own law."""

from __future__ import annotations

import yaml

from tests.site.test_settings_build import build_with, default_settings
from tests.support.settings import is_published, jurisdiction
from toolkit.flexible_working import rules

REQUEST_PATH = ("tools/request/index.html", "tools/decision-record/index.html", "tools/trial-review/index.html")


def test_the_rules_page_lists_every_rule_with_its_citation_link_and_date(site_dir):
    page = (site_dir / "rules/index.html").read_text("utf-8")
    if jurisdiction() == "policy":  # the example fork's US-style policy (SWT_FORK=1): no law file, no statute claimed
        assert "no statutory scheme is set" in page and "never claim a statutory right" in page
        return
    for r in rules.law("GB").rules.values():
        assert f'href="{r.link}"' in page, r.key
    assert page.count("5 December 2026") >= len(rules.law("GB").rules)
    assert "s.80G(1B)" in page and "beginning with" in page


def test_every_tool_page_of_the_request_path_says_rules_as_of_and_links_the_page(site_dir):
    said = "Rules: Northgate University" if jurisdiction() == "policy" else "Rules as of 5 December 2026"
    for name in REQUEST_PATH:
        page = (site_dir / name).read_text("utf-8")
        assert said in page and 'href="../../rules/"' in page, name


def test_the_guidance_links_the_rules_page(site_dir):
    for name in ("employees/formal-request/index.html", "managers/formal-requests/index.html",
                 "organisations/request-rules/index.html", "sources/index.html"):
        if is_published(name.removesuffix("index.html")):  # the fork switches the organisations' guide off
            assert "rules/" in (site_dir / name).read_text("utf-8"), name


def test_a_northern_ireland_site_says_northern_irelands_law(tmp_path):
    settings = default_settings()
    settings["policy"]["requests"].update({"jurisdiction": "NI", "appeal": True})
    run = build_with(yaml.safe_dump(settings, sort_keys=False), tmp_path)
    assert run.returncode == 0, run.stderr
    out = tmp_path / "out"
    rules_page = (out / "rules/index.html").read_text("utf-8")
    assert "the law in Northern Ireland" in rules_page and "reg. 12" in rules_page
    employees = (out / "employees/formal-request/index.html").read_text("utf-8")
    assert "one companion, who must be a worker employed by" in employees
    assert "no overall period" in employees and "within 14 days after the decision is given" in employees
    managers = (out / "managers/formal-requests/index.html").read_text("utf-8")
    assert "colleague or a trade union representative" not in managers.split("Offer a companion")[1][:400]
    assert "record the agreement in writing" in managers


def test_appeal_false_under_northern_ireland_stops_the_build(tmp_path):
    settings = default_settings()
    settings["policy"]["requests"].update({"jurisdiction": "NI", "appeal": False})
    run = build_with(yaml.safe_dump(settings, sort_keys=False), tmp_path)
    assert run.returncode != 0 and "org.yml: policy.requests.appeal: " in run.stderr


def test_the_law_files_travel_in_the_wheel(site_dir):
    import zipfile

    from sitebuild.pack import PYODIDE_DIR, wheel_name

    with zipfile.ZipFile(site_dir / PYODIDE_DIR / wheel_name()) as wheel:
        names = set(wheel.namelist())
    assert {f"toolkit/flexible_working/law/{code}.toml" for code in ("gb", "ni", "ie", "au", "nz")} <= names
