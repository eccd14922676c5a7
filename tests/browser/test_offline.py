"""The site kept in the browser by its service worker (docs/sw.js, sitebuild/offline.py), in real Chromium: after
one visit every tool and page answers with the network gone; a new build is offered and loaded without losing a
draft; two copies of the site on one host keep apart; org.yml's `offline: false` takes the worker away; damaged
or missing cache entries, a full storage and a browser without service workers each end in a working page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sitebuild import offline
from tests.browser.conftest import Watch, has_snapshot, wait_for_result
from tests.support.build import PREFIX, ROOT
from tests.support.server import SitesServer
from tests.support.settings import site_settings

PLANNER = "tools/planner/"
GUIDANCE = ["", "glossary/", "employees/formal-request/"]
DRAFT_FIELD = "Your name or initials (optional)"
READY = "This site now works offline in this browser too."
UPDATE = "A newer version of this site is ready."

def tool_pages(site: Path) -> list[str]:
    """Every page of the site that holds a tool's form, as a path under the site."""
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                  if 'data-tool="' in p.read_text(encoding="utf-8"))


def guidance_pages(site: Path) -> list[str]:
    return [path for path in GUIDANCE if (site / path / "index.html").exists()]


def answer(page) -> None:
    """The tool on the page answers: its example, where it has one, else the form as it is."""
    example = page.get_by_role("button", name="Try an example")
    if example.count():
        example.first.click()
    wait_for_result(page)


def eventually(page, predicate: str, timeout_ms: int = 90_000) -> None:
    """Until the async `predicate` holds in the page (wait_for_function does not wait for a promise)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            if page.evaluate(predicate):
                return
        except PlaywrightError as error:  # the page reloaded meanwhile (the switched-off worker reloads it)
            if "context was destroyed" not in str(error):
                raise
        assert time.monotonic() < deadline, f"not so after {timeout_ms} ms: {predicate}"
        page.wait_for_timeout(250)


KEPT = """async () => { const r = await navigator.serviceWorker.getRegistration();
    return Boolean(r && r.active && r.active.state === 'activated' && !r.installing && !r.waiting); }"""


def wait_until_kept(page) -> None:
    """Until this site's service worker has installed the build and is active (the page then says so once)."""
    eventually(page, KEPT)


def cache_names(page) -> list[str]:
    return page.evaluate("async () => (await caches.keys()).filter(n => n.startsWith('swt-offline '))")


def deploy_copy(site: Path, dest: Path, marker: str, enabled: bool = True) -> Path:
    """Another build of the site: a copy with one page changed (it carries `marker`), its manifest made again."""
    shutil.copytree(site, dest)
    page = dest / PLANNER / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<head>", f'<head><meta name="swt-build" content="{marker}">', 1),
                    encoding="utf-8")
    offline.write(ROOT, dest, enabled)
    # A deploy's files are newer than the last's, to the second that Last-Modified counts (copies made within
    # one second would otherwise be "not modified" to a browser that asks again).
    _deploys.append(time.time() + 5 * len(_deploys))
    for changed in (page, dest / offline.SCRIPT):
        os.utime(changed, (_deploys[-1], _deploys[-1]))
    return dest


_deploys: list[float] = []


def build_marker(page) -> str | None:
    return page.evaluate("document.querySelector('meta[name=swt-build]')?.content ?? null")


@pytest.fixture
def watched(context):
    """A page in a fresh context, watched like the suite's own (no foreign request, no console error)."""
    opened = context.new_page()
    watch = Watch(opened, "http://127.0.0.1")
    yield opened
    assert watch.foreign == [], f"requests left the origin: {watch.foreign}"
    assert watch.errors == [], "\n".join(watch.errors)


@pytest.fixture(scope="module")
def offline_off_site(tmp_path_factory) -> Path:
    """The same site built with org.yml's `offline: false`, as a fork that switches it off builds it."""
    settings = yaml.safe_load((ROOT / "org.yml").read_text(encoding="utf-8"))  # the default's, on a fork run too
    settings["offline"] = False
    folder = tmp_path_factory.mktemp("offline-off")
    org = folder / "org.yml"
    org.write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
    out = folder / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SWT_ORG": str(org)}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=ROOT,
                         env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return out


def test_the_site_is_built_to_be_kept_offline(site_dir):
    assert site_settings()["offline"] is True
    script = (site_dir / "sw.js").read_text(encoding="utf-8")
    built = re.search(r"const BUILD = (\{.*?\}); //", script)
    assert built, "site/sw.js carries no manifest"
    assert 'name="swt-offline"' in (site_dir / "index.html").read_text(encoding="utf-8")


def test_after_one_visit_every_tool_and_guidance_page_answers_offline(watched, context, server, site_dir):
    page = watched
    page.goto(server.url + PLANNER)
    answer(page)
    wait_until_kept(page)
    # Said once, quietly: a polite status, not a dialog.
    note = page.locator("[data-swt-offline] [role=status]")
    note.filter(has_text=READY).wait_for()
    context.set_offline(True)
    assert page.evaluate("navigator.onLine") is False
    for path in tool_pages(site_dir):
        page.goto(server.url + path)
        page.reload()
        answer(page)
        assert page.evaluate("navigator.serviceWorker.controller !== null"), path
    for path in guidance_pages(site_dir):
        page.goto(server.url + path)
        page.reload()
        assert page.locator("h1").first.is_visible(), path
    # Said once only: not again on the pages after.
    assert note.count() == 0 or READY not in note.inner_text()


def test_a_repeat_visit_asks_the_server_nothing_before_its_answer(watched, context, server, site_dir):
    """Kept, the page and every file Python needs come from the service worker's cache, none from the server (not
    even to revalidate), and the memory snapshot is read by Python's worker straight from the cache."""
    page = watched
    page.goto(server.url + PLANNER)
    answer(page)
    wait_until_kept(page)
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page.reload()
    answer(page)
    answered = len(finished)
    # Only the browser's own check for a newer build goes to the server (toolkit.js asks it on every load).
    to_server = [r.url for r in finished[:answered] if not r.response().from_service_worker
                 and not r.url.endswith("/sw.js")]
    assert to_server == [], to_server
    assert any(r.url.endswith("/pyodide.asm.wasm") for r in finished[:answered])  # compiled by the page, kept
    if has_snapshot(site_dir):
        assert page.evaluate("window.__swtBootTimings.snapshot") is True
        assert not [r.url for r in finished if re.search(r"/snapshot-[0-9a-f]+\.bin$", r.url)]


def visit_until_kept(page, served) -> None:
    """A first visit to the planner on the first build, kept by the service worker, and the page loaded again from it."""
    page.goto(served.url() + PLANNER)
    answer(page)
    wait_until_kept(page)
    page.reload()


def test_a_new_build_is_offered_and_loaded_without_losing_a_draft(watched, site_dir, tmp_path):
    page = watched
    first = deploy_copy(site_dir, tmp_path / "one", "1")
    second = deploy_copy(site_dir, tmp_path / "two", "2")
    with SitesServer({PREFIX: first}) as served:
        visit_until_kept(page, served)
        answer(page)
        page.get_by_label(DRAFT_FIELD).fill("Ada")
        served.sites[PREFIX] = second  # the deploy, with the page open
        page.reload()  # the browser asks for sw.js again: a new build, installed beside the one in use
        assert build_marker(page) == "1"
        wait_for_result(page)  # the draft's answer
        assert page.get_by_label(DRAFT_FIELD).input_value() == "Ada"
        page.get_by_label(DRAFT_FIELD).fill("Ada Lovelace")
        page.locator("[data-swt-offline]").get_by_text(UPDATE).wait_for(timeout=90_000)
        assert build_marker(page) == "1"  # nothing changes until the reader says so
        page.locator("[data-swt-offline]").get_by_role("button", name="Load it").click()
        page.wait_for_function("() => document.querySelector('meta[name=swt-build]')?.content === '2'", timeout=30_000)
        wait_for_result(page)
        assert page.get_by_label(DRAFT_FIELD).input_value() == "Ada Lovelace"
        names = cache_names(page)
        assert len(names) == 1, names  # the old build's cache is gone: never two builds answering


def test_a_half_installed_update_leaves_the_old_build_working_and_resumes(watched, context, site_dir, tmp_path):
    page = watched
    first = deploy_copy(site_dir, tmp_path / "one", "1")
    second = deploy_copy(site_dir, tmp_path / "two", "2")
    with SitesServer({PREFIX: first}) as served:
        visit_until_kept(page, served)
        served.sites[PREFIX] = second
        # The new build's one changed file does not arrive: its install fails half-way.
        context.route(f"**{PREFIX}{PLANNER}", lambda route: route.abort("connectionreset"))
        page.reload()
        assert build_marker(page) == "1"
        wait_for_result(page)
        note = page.locator("[data-swt-offline]")
        note.get_by_text("could not be made ready").wait_for(timeout=90_000)
        note.get_by_role("button", name="Try again").wait_for()
        page.get_by_label(DRAFT_FIELD).fill("Grace")
        context.unroute(f"**{PREFIX}{PLANNER}")
        try:
            note.get_by_role("button", name="Try again").click(timeout=5000)
        except PlaywrightTimeout:
            pass  # the browser's own next check for a new build came first, and found it
        note.get_by_text(UPDATE).wait_for(timeout=90_000)
        note.get_by_role("button", name="Load it").click()
        page.wait_for_function("() => document.querySelector('meta[name=swt-build]')?.content === '2'", timeout=30_000)
        assert page.get_by_label(DRAFT_FIELD).input_value() == "Grace"


def test_two_sites_on_one_origin_keep_their_own_caches(watched, site_dir, tmp_path):
    page = watched
    ours = deploy_copy(site_dir, tmp_path / "ours", "1")
    pilot = deploy_copy(site_dir, tmp_path / "pilot", "1")
    with SitesServer({PREFIX: ours, "/pilot/": pilot}) as served:
        for prefix in (PREFIX, "/pilot/"):
            page.goto(served.url(prefix) + PLANNER)
            answer(page)
            wait_until_kept(page)
        names = cache_names(page)
        assert sorted(n.split(" ")[1] for n in names) == sorted([served.url(PREFIX), served.url("/pilot/")]), names
        scopes = page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).map(r => r.scope)")
        assert sorted(scopes) == sorted([served.url(PREFIX), served.url("/pilot/")])
        # A new build of the pilot replaces the pilot's cache only.
        served.sites["/pilot/"] = deploy_copy(site_dir, tmp_path / "pilot-2", "2")
        page.reload()
        page.locator("[data-swt-offline]").get_by_text(UPDATE).wait_for(timeout=90_000)
        page.locator("[data-swt-offline]").get_by_role("button", name="Load it").click()
        page.wait_for_function("() => document.querySelector('meta[name=swt-build]')?.content === '2'", timeout=30_000)
        after = cache_names(page)
        ours_name = [n for n in names if served.url(PREFIX) in n]
        assert ours_name and ours_name[0] in after, after
        assert len(after) == 2 and not set(after) >= set(names), after


def test_switching_offline_off_in_org_yml_takes_the_worker_and_its_caches_away(watched, site_dir, offline_off_site):
    page = watched
    script = (offline_off_site / "sw.js").read_text(encoding="utf-8")
    assert "const BUILD = null;" in script
    assert 'name="swt-offline"' not in (offline_off_site / PLANNER / "index.html").read_text(encoding="utf-8")
    with SitesServer({PREFIX: site_dir}) as served:
        visit_until_kept(page, served)
        assert page.evaluate("navigator.serviceWorker.controller !== null")
        served.sites[PREFIX] = offline_off_site
        page.reload()
        eventually(page, """async () => (await navigator.serviceWorker.getRegistrations()).length === 0
            && (await caches.keys()).every(n => !n.startsWith('swt-offline '))""")
        page.wait_for_load_state()
        page.goto(served.url() + PLANNER)
        assert 'name="swt-offline"' not in page.content()
        answer(page)
        page.wait_for_timeout(4000)  # well past when a tool page would register a worker
        assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0


@pytest.mark.parametrize("kept_as", ["gzip", "inflated"])
def test_a_damaged_file_in_the_cache_is_replaced_and_the_tool_still_answers(watched, server, site_dir, kept_as):
    page = watched
    page.goto(server.url + PLANNER)
    answer(page)
    wait_until_kept(page)
    boot = (site_dir / "assets" / "pyodide" / "boot.json").read_text(encoding="utf-8")
    # With the memory snapshot its file, else the toolkit's wheel (fetched with its hash): garbage in the cache.
    damaged = (re.search(r'"file": "(snapshot-[0-9a-f]+\.bin)"', boot) or re.search(r'"file_name": "([^"]+)"', boot)).group(1)
    url = server.url + "assets/pyodide/" + damaged
    page.evaluate("""async ([url, inflated]) => {
        for (const name of (await caches.keys()).filter(n => n.startsWith('swt-offline '))) {
            await (await caches.open(name)).put(url, new Response(new Uint8Array(4096).fill(7),
                {headers: {'Content-Type': 'application/octet-stream', 'X-SWT-Snapshot': inflated ? 'inflated' : ''}}));
        }}""", [url, kept_as == "inflated"])
    page.reload()
    answer(page)
    if has_snapshot(site_dir):
        assert page.evaluate("window.__swtBootTimings.snapshot") is False  # started without it
    page.reload()
    answer(page)
    if has_snapshot(site_dir):
        assert page.evaluate("window.__swtBootTimings.snapshot") is True  # fetched again, checked, kept
    kept = page.evaluate("""async ([url]) => { const name = (await caches.keys()).find(n => n.startsWith('swt-offline '));
        const r = await (await caches.open(name)).match(url); return r ? (await r.arrayBuffer()).byteLength : 0; }""", [url])
    assert kept > 4096


def test_a_cache_the_browser_evicted_is_filled_again_and_the_site_works_offline_after(watched, context, server):
    page = watched
    page.goto(server.url + PLANNER)
    answer(page)
    wait_until_kept(page)
    page.reload()
    page.evaluate("async () => { for (const n of await caches.keys()) await caches.delete(n); }")
    page.reload()  # every file from the server now, each checked against the build's hash
    answer(page)
    eventually(page, """async () => { for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        if (await cache.match(new URL('../../__swt-offline-manifest.json', location.href))) return true; }
        return false; }""")
    context.set_offline(True)
    page.goto(server.url + "glossary/")
    page.goto(server.url + PLANNER)
    answer(page)


def test_a_full_storage_ends_in_a_working_page_and_a_try_again(watched, context, server):
    page = watched
    page.goto(server.url + "glossary/")
    cdp = context.new_cdp_session(page)
    origin = server.url.split(PREFIX)[0]
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin, "quotaSize": 2_000_000})
    page.goto(server.url + PLANNER)
    answer(page)
    note = page.locator("[data-swt-offline]")
    note.get_by_text("could not be kept in this browser").wait_for(timeout=90_000)
    assert "full" in note.inner_text()
    page.get_by_label(DRAFT_FIELD).fill("Kept")
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin})
    note.get_by_role("button", name="Try again").click()
    wait_until_kept(page)
    assert page.get_by_label(DRAFT_FIELD).input_value() == "Kept"


@pytest.mark.parametrize("how", ["blocked", "absent"])
def test_a_browser_without_service_workers_works_as_before(browser, server, how):
    context = browser.new_context(service_workers="block" if how == "blocked" else "allow")
    try:
        if how == "absent":  # as in private windows that have no service workers at all
            context.add_init_script("delete Navigator.prototype.serviceWorker;")
        page = context.new_page()
        watch = Watch(page, server.url.split(PREFIX)[0])
        page.goto(server.url + PLANNER)
        answer(page)
        page.wait_for_timeout(4000)  # past when the worker would be registered
        page.reload()
        answer(page)
        assert page.locator("[data-swt-offline]").count() == 0 or page.locator("[data-swt-offline]").is_hidden()
        assert watch.errors == [], watch.errors
    finally:
        context.close()
