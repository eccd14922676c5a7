"""The deploy/ settings, tried where they can run: real nginx and Apache serve the built site at /smart-working/
with the project's own files (see conftest.py), and real Chromium uses a tool through each. IIS cannot run
here: its web.config must declare exactly the headers and types the other two are seen to send."""

from __future__ import annotations

import gzip
import http.client
import re
import time
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import Watch, prepare, wait_for_result
from tests.support.build import PREFIX, ROOT
from tests.support.server import CSP  # the policy every test serves the site under

DEPLOY = ROOT / "deploy"
PAGE = "tools/planner/"
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "Cache-Control": "no-cache"}
# The site's file types that Debian's tables lack or IIS may not know (it serves no file of an unknown type).
TYPES = {".mjs": "text/javascript", ".wasm": "application/wasm", ".whl": "application/zip",
         ".zip": "application/zip", ".json": "application/json", ".bin": "application/octet-stream"}
# With nosniff a browser refuses a script or a style sheet served as anything else.
NOSNIFF = {".js": {"text/javascript", "application/javascript"}, ".mjs": {"text/javascript"}, ".css": {"text/css"}}


def get(served, path: str, gzip_ok: bool = False) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One GET for `path` (from the server's root), redirects not followed; as a browser asks, with `gzip_ok`."""
    address = urlsplit(served.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def requests_logged(served) -> list[tuple[str, str]]:
    """(path, status) for each request in the server's access log, oldest first."""
    text = served.access_log.read_text(encoding="utf-8") if served.access_log.exists() else ""
    return re.findall(r'"GET (\S+) HTTP/[\d.]+" (\d{3})', text)


def test_the_server_takes_the_settings_without_a_warning(deployed):
    # A configuration problem is a warning or worse (nginx logs each 404 as an [error], so not that).
    logs = "".join(p.read_text(errors="replace") for p in (deployed.error_log, deployed.output) if p.exists())
    assert not re.search(r"\[(\w+:)?(warn|crit|alert|emerg)\]", logs), logs


# A folder without a page is refused (403) without the site's 404 page: the headers must come all the same.
@pytest.mark.parametrize("path, status", [("", 200), (PAGE, 200), ("assets/pyodide/pyodide.mjs", 200),
                                          ("no/such/page/", 404), ("assets/no-such-file.js", 404),
                                          ("assets/", 403)])
def test_every_response_carries_the_security_and_cache_headers(deployed, path, status):
    got, headers, _ = get(deployed, PREFIX + path)
    assert got == status
    for name, value in HEADERS.items():
        assert headers.get_all(name) == [value], f"{name} on {PREFIX + path}"


def test_a_missing_page_gets_the_sites_own_404_page(deployed, published):
    status, headers, body = get(deployed, PREFIX + "no/such/page/")
    assert status == 404 and headers.get_content_type() == "text/html"
    assert body == (published / "404.html").read_bytes()


def test_the_sub_path_without_its_slash_leads_to_the_site(deployed):
    status, headers, _ = get(deployed, PREFIX.rstrip("/"))
    assert status == 301 and urlsplit(headers["Location"]).path == PREFIX


@pytest.mark.parametrize("extension", sorted(TYPES))
def test_the_files_python_needs_are_served_with_their_types(deployed, published, extension):
    files = sorted(published.rglob("*" + extension))
    if extension == ".bin" and not files:
        # A site built without the memory snapshot (org.yml's python.memory_snapshot: false): a file of its kind
        # stands in, since what is tested here is the server's settings for it.
        files = [published / "assets" / "pyodide" / "snapshot-0000000000000000.bin"]
        files[0].write_bytes(b"\x1f\x8b" + bytes(30))
    assert files, f"the built site has no {extension} file"
    status, headers, _ = get(deployed, PREFIX + files[0].relative_to(published).as_posix(), gzip_ok=True)
    assert status == 200 and headers.get_content_type() == TYPES[extension], files[0].name
    # Compressed already: the snapshot is gzip the worker inflates (a server that said Content-Encoding would
    # have the browser inflate it first), the wheel and the zip are zips.
    if extension in (".bin", ".whl", ".zip"):
        assert "Content-Encoding" not in headers, files[0].name


@pytest.mark.parametrize("path", ["assets/pyodide/pyodide.asm.wasm", "assets/pyodide/pyodide.asm.mjs",
                                  "assets/javascripts/toolkit.js", "assets/pyodide/pyodide-lock.json", PAGE])
def test_the_large_files_go_out_gzipped_to_a_browser_that_accepts_it(deployed, published, path):
    status, headers, body = get(deployed, PREFIX + path, gzip_ok=True)
    assert status == 200 and headers.get("Content-Encoding") == "gzip", path
    on_disk = published / (path + "index.html" if path.endswith("/") else path)
    assert gzip.decompress(body) == on_disk.read_bytes() and len(body) < on_disk.stat().st_size / 2


def test_every_script_and_style_sheet_has_a_type_nosniff_accepts(deployed, published):
    wrong = []
    for extension, accepted in NOSNIFF.items():
        for file in sorted(published.rglob("*" + extension)):
            status, headers, _ = get(deployed, PREFIX + file.relative_to(published).as_posix())
            if status != 200 or headers.get_content_type() not in accepted:
                wrong.append(f"{file.relative_to(published)}: {status} {headers.get_content_type()}")
    assert wrong == []


def test_a_tool_boots_and_answers_in_chromium_on_a_first_and_a_second_visit(deployed, browser):
    # As a reader's browser has it (the worker warms up after its first answer), with the tests' clock, and the
    # server's own caching as a browser without the site's service worker sees it (the tests below have it).
    context = prepare(browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block"),
                      warm_up=True)
    try:
        page = context.new_page()
        watch = Watch(page, deployed.url.split(PREFIX)[0])
        # A first visit: the worker fetches and compiles Python's WebAssembly itself.
        response = page.goto(deployed.url + PAGE)
        assert response.headers["content-security-policy"] == CSP
        page.get_by_role("button", name="Try an example").click()
        wait_for_result(page, "A suggested week")
        before = len(requests_logged(deployed))
        # A second visit: the page compiles the WebAssembly with compileStreaming, which takes only
        # application/wasm, and hands the module to the worker, so the file is fetched once, not twice.
        # no-cache makes the browser ask again for what it has kept, and the server says 304 when unchanged.
        # (The 9.6 MB .wasm itself is too big for this private context's memory cache: a 200 each visit.)
        page.goto(deployed.url + PAGE)
        page.get_by_role("button", name="Try an example").click()
        wait_for_result(page, "A suggested week")
        second = requests_logged(deployed)[before:]
        assert len([path for path, _ in second if path.endswith(".wasm")]) == 1, second
        assert [status for path, status in second if path.endswith("/boot.json")] == ["304"], second
        assert watch.foreign == [], f"requests left the origin: {watch.foreign}"
        assert watch.errors == [], "\n".join(watch.errors)
    finally:
        context.close()


def test_the_service_worker_is_served_as_a_script_that_browsers_always_ask_for_again(deployed):
    status, headers, body = get(deployed, PREFIX + "sw.js", gzip_ok=True)
    assert status == 200 and headers.get_content_type() in NOSNIFF[".js"]
    assert headers.get_all("Cache-Control") == ["no-cache"]  # a new build is found on the next visit
    assert "worker-src 'self'" in headers["Content-Security-Policy"]
    # Its scope is its own folder, the site's path: no Service-Worker-Allowed needed, none widened.
    assert "Service-Worker-Allowed" not in headers


KEPT = """async () => { const r = await navigator.serviceWorker.getRegistration();
    return r && r.active && r.active.state === 'activated' && !r.installing ? r.scope : ''; }"""


def test_after_one_visit_through_the_server_a_tool_answers_offline(deployed, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        watch = Watch(page, deployed.url.split(PREFIX)[0])
        page.goto(deployed.url + PAGE)
        page.get_by_role("button", name="Try an example").click()
        wait_for_result(page, "A suggested week")
        deadline = time.monotonic() + 90
        while not (scope := page.evaluate(KEPT)):
            assert time.monotonic() < deadline, "the service worker did not install through " + deployed.name
            page.wait_for_timeout(250)
        assert scope == deployed.url  # the site's own path, no wider
        context.set_offline(True)
        page.reload()
        page.get_by_role("button", name="Try an example").click()
        wait_for_result(page, "A suggested week")
        assert watch.foreign == [], f"requests left the origin: {watch.foreign}"
        assert watch.errors == [], "\n".join(watch.errors)
    finally:
        context.close()


# IIS: web.config read as XML (it must parse) and held to exactly what nginx and Apache are seen to do above.

def web_config() -> ET.Element:
    return ET.parse(DEPLOY / "web.config").getroot().find("system.webServer")


def removed_then_added(parent: ET.Element, tag: str, key: str, value: str) -> dict[str, str]:
    """{key: value} of the <tag> entries, each of which must follow a <remove> of the same key: IIS refuses a
    second entry for a key that the server's own configuration already has."""
    removed, added = set(), {}
    for entry in parent:
        if entry.tag == "remove":
            removed.add(entry.get(key))
        elif entry.tag == tag:
            assert entry.get(key) in removed, f"<{tag} {key}=\"{entry.get(key)}\"> has no <remove> before it"
            added[entry.get(key)] = entry.get(value)
    return added


def test_web_config_maps_the_same_types_as_apache():
    apache = {}
    for mime, extensions in re.findall(r"^\s*AddType\s+(\S+)\s+(.+)$", (DEPLOY / "apache.conf").read_text(), re.M):
        apache.update(dict.fromkeys(extensions.split(), mime))
    iis = removed_then_added(web_config().find("staticContent"), "mimeMap", "fileExtension", "mimeType")
    # nginx states only what Debian's table lacks; what it serves is held to TYPES above.
    assert iis == apache == TYPES


def test_web_config_sends_the_same_headers_as_nginx_and_apache():
    nginx = dict(re.findall(r'^\s*add_header\s+(\S+)\s+"([^"]*)"', (DEPLOY / "nginx.conf").read_text(), re.M))
    apache = dict(re.findall(r'^\s*Header\s+always\s+set\s+(\S+)\s+"([^"]*)"',
                             (DEPLOY / "apache.conf").read_text(), re.M))
    iis = removed_then_added(web_config().find("httpProtocol/customHeaders"), "add", "name", "value")
    assert iis == nginx == apache == HEADERS


def test_web_config_answers_a_missing_page_with_the_sites_own_404_page():
    errors = web_config().find("httpErrors")
    assert errors.get("errorMode") == "Custom"
    page = removed_then_added(errors, "error", "statusCode", "path")
    assert page == {"404": PREFIX + "404.html"}
    assert errors.find("error").get("responseMode") == "ExecuteURL"  # keeps the 404 status, unlike Redirect
