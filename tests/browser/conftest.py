"""Real Chromium (Debian's, through Playwright) against the built site served under a sub-path with a strict CSP.

Every page a test opens is watched: a request to another origin, a console error or an uncaught exception
fails the test. There is no skipping: without Chromium the suite fails and says how to install it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.support import TODAY
from tests.support.chromium import ARGS, CHROMIUM  # noqa: F401  (the benchmark imports them from here)
from tests.support.server import SiteServer

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def server(site_dir):
    with SiteServer(site_dir) as running:
        yield running


class Watch:
    """What a page did that it must not: leave the origin, log an error, throw, open a dialog."""

    def __init__(self, page: Page, origin: str) -> None:
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))
        self.origin = origin

    def _request(self, request) -> None:
        self.requests.append(request.url)
        if not request.url.startswith((self.origin, "blob:", "data:")):
            self.foreign.append(request.url)


@pytest.fixture
def context(browser, tmp_path):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


PINNED_DATE = """(() => {
  const Real = Date, offset = new Real(%d, %d, %d, 9, 0).getTime() - Real.now();
  class Pinned extends Real {
    constructor(...args) { if (args.length) super(...args); else super(Real.now() + offset); }
    static now() { return Real.now() + offset; }
  }
  globalThis.Date = Pinned;
})();"""


@pytest.fixture
def page(context, server):
    opened = context.new_page()
    # The page's own date, which it sends with every question, is the day the tests work to, and runs on from there.
    # Only Date moves: Playwright's clock would fake performance's timers too, which the boot measures.
    opened.add_init_script(PINNED_DATE % (TODAY.year, TODAY.month - 1, TODAY.day))
    origin = server.url.split("/smart-working/")[0]
    watch = Watch(opened, origin)
    opened.watch = watch
    yield opened
    assert watch.foreign == [], f"requests left the origin: {watch.foreign}"
    assert watch.errors == [], "\n".join(watch.errors)


def without_snapshot(page: Page) -> None:
    """Make the page's worker start Python plainly (the snapshot not found), as a site without one does: for the
    tests of the files only that start fetches (the toolkit's wheel, the standard library's zip)."""
    page.route("**/snapshot-*.bin", lambda route: route.fulfill(status=404, body="Not found"))


def has_snapshot(site: Path) -> bool:
    return "snapshot" in json.loads((site / "assets" / "pyodide" / "boot.json").read_text(encoding="utf-8"))


def wait_for_result(page: Page, text: str = "", timeout: float = 60_000) -> None:
    """Wait until Python has answered (the result panel holds a computed result, containing `text`)."""
    page.wait_for_function(
        "t => { const b = document.querySelector('[data-result-body]');"
        " return b && b.dataset.computed && b.textContent.includes(t); }",
        arg=text, timeout=timeout)


def axe_violations(page: Page) -> list[dict]:
    # Evaluated through the DevTools protocol, so the page's CSP does not apply to the test's own script.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))""")
