"""sitebuild/offline.py without a browser: the precache manifest that the service worker (docs/sw.js) is given, and
the switch (org.yml's `offline`). (The worker itself runs in real Chromium in tests/browser/test_offline.py, and
the built site's manifest is checked in tests/site/test_offline_site.py.)"""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from sitebuild import offline
from tests.conftest import ROOT


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    for path, data in {"index.html": b"home", "tools/planner/index.html": b"planner",
                       "assets/pyodide/pyodide.asm.wasm": b"\0asm", "assets/pyodide/snapshot-0123.bin": b"\x1f\x8b",
                       "sitemap.xml": b"<urlset/>", "sitemap.xml.gz": b"gz", "sw.js": b"old",
                       "assets/javascripts/bundle.min.js.map": b"{}", "assets/javascripts/lunr/min/lunr.de.min.js": b"",
                       "search/search_index.json": b"{}"}.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return folder


def written(site) -> dict | None:
    found = re.search(r"^const BUILD = (.*); // written by sitebuild/offline\.py$", (site / "sw.js").read_text(), re.M)
    assert found, "sw.js does not carry the build's line"
    return json.loads(found.group(1))


def test_every_file_a_reader_needs_is_listed_with_its_hash(site):
    made = offline.write(ROOT, site, True)
    assert made == written(site)
    listed = dict(made["files"])
    assert sorted(listed) == ["assets/pyodide/pyodide.asm.wasm", "assets/pyodide/snapshot-0123.bin", "index.html",
                              "search/search_index.json", "sitemap.xml", "tools/planner/index.html"]
    digest = base64.b64encode(hashlib.sha256(b"planner").digest()).decode()
    assert listed["tools/planner/index.html"] == f"sha256-{digest}"  # as fetch() checks integrity


def test_the_version_is_the_builds_own(site):
    before = offline.manifest(site)["version"]
    assert offline.manifest(site)["version"] == before  # the same files, the same version
    (site / "tools/planner/index.html").write_bytes(b"planner, changed")
    assert offline.manifest(site)["version"] != before
    (site / "sitemap.xml.gz").write_bytes(b"not listed, so no new version")
    assert offline.manifest(site)["version"] == offline.manifest(site)["version"]


def test_switched_off_the_worker_ships_without_a_manifest(site):
    assert offline.write(ROOT, site, False) is None
    assert written(site) is None  # docs/sw.js then unregisters itself and clears its caches


def test_the_worker_keeps_the_line_the_build_fills_in():
    assert offline.PLACEHOLDER in (ROOT / "docs" / offline.SCRIPT).read_text(encoding="utf-8")


def test_the_memory_snapshot_is_named_to_be_kept_inflated(site):
    assert offline.manifest(site)["inflate"] == []  # a site without one (org.yml python.memory_snapshot: false)
    (site / "assets/pyodide/boot.json").write_text(json.dumps({"snapshot": {"file": "snapshot-0123.bin"}}))
    assert offline.manifest(site)["inflate"] == ["assets/pyodide/snapshot-0123.bin"]
