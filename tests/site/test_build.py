"""The built site: self-contained, labelled, and carrying Python and the toolkit wheel it promises."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitebuild.pack import PACKAGE, PYODIDE_DIR, wheel_name
from tests.support.fork import SETTINGS as FORK_SETTINGS

# Every page the settings make (a fork adds its own) and the snapshot switch: run again on the fork.
pytestmark = pytest.mark.settings

# Attributes through which a page makes the browser fetch something (links to other sites are fine).
LOADING = {("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
           ("iframe", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
           ("track", "src"), ("input", "src")}
LINK_LOADS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon", "preconnect"}
OTHER_HOST = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.loads: list[str] = []
        self.inline_scripts = 0
        self.controls: list[dict] = []
        self.label_for: set[str] = set()
        self.in_template = 0
        self.in_tool = 0
        self.open_labels = 0
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "template":
            self.in_template += 1
        if tag == "form" and "data-tool" in a:
            self.in_tool += 1
        for (t, attr) in LOADING:
            if tag == t and a.get(attr):
                self.loads.append(a[attr])
        if tag == "link" and set((a.get("rel") or "").split()) & LINK_LOADS and a.get("href"):
            self.loads.append(a["href"])
        if tag == "script" and not a.get("src") and a.get("type") != "application/json":
            self.inline_scripts += 1
        if tag == "label":
            self.open_labels += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden" and self.in_tool:
            self.controls.append({**a, "_in_label": self.open_labels > 0, "_in_template": self.in_template > 0})
        if a.get("style"):
            self.styles.append(a["style"])

    def handle_endtag(self, tag):
        if tag == "template":
            self.in_template -= 1
        if tag == "form":
            self.in_tool = 0
        if tag == "label":
            self.open_labels -= 1


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def tool_pages(site: Path) -> list[Path]:
    return [p for p in html_pages(site) if "data-tool=" in p.read_text(encoding="utf-8")]


def test_the_site_has_tool_pages_and_guidance_pages(site_dir):
    assert len(tool_pages(site_dir)) >= 2
    assert len(html_pages(site_dir)) > len(tool_pages(site_dir))


def test_no_page_loads_anything_from_another_host(site_dir):
    offenders = [(p.relative_to(site_dir).as_posix(), url) for p in html_pages(site_dir)
                 for url in parse(p).loads if OTHER_HOST.match(url) or url.startswith(("http:", "https:"))]
    assert offenders == []


def test_no_stylesheet_loads_from_another_host(site_dir):
    pattern = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])((?:https?:)?//[^"')\s]+)""", re.I)
    offenders = [(p.name, m) for p in site_dir.rglob("*.css") for m in pattern.findall(p.read_text("utf-8"))]
    assert offenders == []


# Hosts named inside third-party scripts, each on a code path this site never takes; anything new fails.
KNOWN_DEAD_PATHS = {
    "unpkg.com": "Material loads mermaid from it only for mermaid diagrams; the site has none",
    "cdn.jsdelivr.net": "Pyodide's default indexURL; the worker always passes its own indexURL",
    "api.github.com": "Material's repository facts, used only when repo_url is set; it is not",
}
CDN_LIKE = re.compile(r"https?://((?:[a-z0-9-]+\.)*(?:unpkg\.com|jsdelivr\.net|cdnjs\.[a-z]+|googleapis\.com|"
                      r"gstatic\.com|api\.github\.com|cdn\.[a-z0-9.-]+|[a-z0-9-]+\.cloudflare\.com))", re.I)


def test_scripts_name_no_cdn_except_on_paths_the_site_never_takes(site_dir):
    found = {host.lower() for p in list(site_dir.rglob("*.js")) + list(site_dir.rglob("*.mjs"))
             for host in CDN_LIKE.findall(p.read_text("utf-8", errors="replace"))}
    assert found <= set(KNOWN_DEAD_PATHS), found - set(KNOWN_DEAD_PATHS)
    assert not any('class="mermaid"' in p.read_text("utf-8") for p in html_pages(site_dir))
    worker = (site_dir / "assets/javascripts/toolkit-worker.js").read_text("utf-8")
    assert "indexURL: INDEX_URL" in worker


def test_our_own_scripts_name_no_other_host(site_dir):
    for name in ("toolkit.js", "toolkit-worker.js"):
        assert not re.search(r"https?://", (site_dir / "assets/javascripts" / name).read_text("utf-8"))


def test_no_inline_script_is_left_for_a_strict_csp(site_dir):
    assert {p.name: parse(p).inline_scripts for p in html_pages(site_dir) if parse(p).inline_scripts} == {}


def test_no_script_file_in_the_page_body_for_instant_navigation_to_wait_for(site_dir):
    # Material's instant navigation loads every script file in the swapped-in body again, and waits for it,
    # before the new page is shown (overrides/partials/javascripts/content.html).
    waits = {}
    for page in html_pages(site_dir):
        html = page.read_text(encoding="utf-8")
        start = html.find('data-md-component="container"')
        body = html[start:html.find('class="md-dialog"', start)] if start >= 0 else ""
        files = re.findall(r"<script\b[^>]*\bsrc=", body)  # data blocks (JSON) are swapped in at once
        if files:
            waits[page.relative_to(site_dir).as_posix()] = len(files)
    assert waits == {}


def test_material_palette_no_longer_restyles_the_whole_page_on_each_load(site_dir):
    # sitebuild.pack.drop_colour_switching_rule: a Material release that words the rule differently fails here.
    sheets = list((site_dir / "assets/stylesheets").glob("palette.*.css"))
    assert sheets
    for sheet in sheets:
        assert "data-md-color-switching" not in sheet.read_text(encoding="utf-8"), sheet.name


def test_every_form_control_has_a_label(site_dir):
    checked = 0
    for page in tool_pages(site_dir):
        parsed = parse(page)
        for control in parsed.controls:
            labelled = control["_in_label"] or control.get("id") in parsed.label_for or control.get("aria-label")
            assert labelled, f"{page.relative_to(site_dir)}: {control}"
            checked += 1
    assert checked > 20


def test_pyodide_and_the_toolkit_wheel_are_in_the_site(site_dir):
    folder = site_dir / PYODIDE_DIR
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (folder / name).stat().st_size > 0, name
    lock = json.loads((folder / "pyodide-lock.json").read_text("utf-8"))
    entry = lock["packages"][PACKAGE]
    wheel = folder / entry["file_name"]
    assert wheel.name == wheel_name()
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["toolkit"]


def test_the_wheel_is_a_valid_wheel_carrying_the_toolkit_and_its_templates(site_dir):
    with zipfile.ZipFile(site_dir / PYODIDE_DIR / wheel_name()) as wheel:
        names = set(wheel.namelist())
        record = wheel.read(next(n for n in names if n.endswith("dist-info/RECORD"))).decode()
        for line in record.splitlines():
            name, digest, size = line.split(",")
            if digest:
                data = wheel.read(name)
                expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                assert digest == f"sha256={expected}" and int(size) == len(data), name
    root = Path(__file__).resolve().parents[2]
    for source in (root / "toolkit").rglob("*.py"):
        assert source.relative_to(root).as_posix() in names, source  # the build glue (sitebuild/) is not in toolkit/
    for template in (root / "templates").rglob("*.*"):
        assert "toolkit/_templates/" + template.relative_to(root / "templates").as_posix() in names


def test_progress_knows_the_real_sizes_of_what_it_downloads(site_dir):
    folder = site_dir / PYODIDE_DIR
    boot = json.loads((folder / "boot.json").read_text("utf-8"))
    assert boot["files"] and all((folder / n).stat().st_size == s for n, s in boot["files"].items())


def test_the_worker_loads_the_toolkit_by_its_lockfile_entry(site_dir):
    folder = site_dir / PYODIDE_DIR
    boot = json.loads((folder / "boot.json").read_text("utf-8"))
    entry = json.loads((folder / "pyodide-lock.json").read_text("utf-8"))["packages"][PACKAGE]
    assert boot["toolkit"] == {"file_name": entry["file_name"], "sha256": entry["sha256"]}
    assert hashlib.sha256((folder / entry["file_name"]).read_bytes()).hexdigest() == entry["sha256"]


@pytest.mark.parametrize("name, mime", [("a.wasm", "application/wasm"), ("a.mjs", "text/javascript")])
def test_the_test_server_serves_pyodide_with_the_right_types(name, mime):
    from tests.support.server import _Handler
    assert _Handler.extensions_map[Path(name).suffix] == mime


def test_python_starts_from_a_memory_snapshot_unless_the_settings_switch_it_off(site_dir):
    """org.yml's python.memory_snapshot (on in the shipped settings, off in the test fork): boot.json names the
    snapshot and it is shipped, or neither."""
    on = FORK_SETTINGS["python"]["memory_snapshot"] if os.environ.get("SWT_FORK") else True
    boot = json.loads((site_dir / PYODIDE_DIR / "boot.json").read_text("utf-8"))
    assert ("snapshot" in boot) == on
    assert bool(list((site_dir / PYODIDE_DIR).glob("snapshot-*.bin"))) == on
