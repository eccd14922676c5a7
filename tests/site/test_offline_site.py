"""The built site's service worker: its manifest names every page, script, style sheet and Python file, with the
hashes of the files as served (tests/browser/test_offline.py runs it in Chromium)."""

from __future__ import annotations

import json
import re

from sitebuild import offline
from sitebuild.pack import PYODIDE_DIR
from tests.support.settings import site_settings


def manifest(site_dir) -> dict | None:
    found = re.search(r"^const BUILD = (.*); // written by sitebuild/offline\.py$",
                      (site_dir / "sw.js").read_text(encoding="utf-8"), re.M)
    assert found, "site/sw.js does not carry the build's line"
    return json.loads(found.group(1))


def test_the_service_worker_lists_every_file_the_site_serves_as_it_is_served(site_dir):
    made = manifest(site_dir)
    if not site_settings()["offline"]:
        assert made is None
        return
    listed = dict(made["files"])
    assert made == offline.manifest(site_dir)  # the hashes of the files as served, after every change to them
    pages = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")}
    assert pages and pages <= set(listed)
    python = {p.relative_to(site_dir).as_posix() for p in (site_dir / PYODIDE_DIR).iterdir()}
    assert python <= set(listed)  # Pyodide, the wheel, the standard library, the snapshot, boot.json
    for kind in (".js", ".css"):
        assert {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*" + kind)
                if offline.cached(p.relative_to(site_dir).as_posix())} <= set(listed)


def test_every_page_says_whether_the_site_is_kept_offline(site_dir):
    on = site_settings()["offline"]
    for page in site_dir.rglob("*.html"):
        assert ('name="swt-offline"' in page.read_text(encoding="utf-8")) == on, page
