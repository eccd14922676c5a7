"""Real Chromium (Debian's, through Playwright) against the built site served under a sub-path with a strict CSP.

Every page a test opens is watched: a request to another origin, a console error or an uncaught exception
fails the test. There is no skipping: without Chromium the suite fails and says how to install it.

Python starts once per test module, not once per test: `page` is the module's page, where Python keeps running,
and `visit()` opens a tool page in it as a reader following a link would (Material's instant navigation, which
keeps the worker), with the browser's drafts cleared. A test about Python starting (`@pytest.mark.own_page`) gets a
fresh page of its own. Every page's clock reads CLOCK, and the worker's warm-up is off unless a test asks for it
(`@pytest.mark.warm_up`)."""

from __future__ import annotations

import json
from datetime import datetime, time
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.support import TODAY
from tests.support.build import PREFIX
from tests.support.chromium import ARGS, CHROMIUM  # noqa: F401  (the benchmark imports them from here)
from tests.support.server import SiteServer

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# The page's own clock in every browser test (local time), on the day every test works to: the dates toolkit.js
# sends are that day's. Time still flows from it, so timers and Material's debounced events run as they would.
CLOCK = datetime.combine(TODAY, time(10, 0))

# The worker repeats the first question for two seconds to warm V8 up (toolkit-worker.js, warmUp): for a reader
# that is time they spend reading, for a test it is two seconds of a busy core. Its switch is one message.
NO_WARM_UP = """(() => {
  const RealWorker = window.Worker;
  window.Worker = class extends RealWorker {
    constructor(url, options) {
      super(url, options);
      if (String(url).includes("toolkit-worker.js")) this.postMessage({type: "warm-up", on: false});
    }
  };
})();"""


def prepare(context: BrowserContext, warm_up: bool = False, clock: bool = True) -> BrowserContext:
    """A context as every browser test has it: the clock at CLOCK (unless not `clock`) and, unless `warm_up`, the
    warm-up off. Playwright's clock stands in for `performance` too (no resource timing entries), so a test that
    reads those keeps the browser's own clock (`@pytest.mark.native_clock`)."""
    if clock:
        context.clock.set_system_time(CLOCK)
    if not warm_up:
        context.add_init_script(NO_WARM_UP)
    return context


@pytest.fixture(scope="session")
def serve():
    """`serve(site)`: one server per built site for the whole run (a site is served on the port it was built for)."""
    running: dict[Path, SiteServer] = {}

    def start(site: Path) -> SiteServer:
        if site not in running:
            running[site] = SiteServer(site).__enter__()
        return running[site]

    yield start
    for server in running.values():
        server.__exit__(None, None, None)


@pytest.fixture(scope="session")
def server(site_dir, serve):
    return serve(site_dir)


class Watch:
    """What a page did that it must not: leave the origin, log an error, throw, open a dialog."""

    def __init__(self, page: Page, origin: str) -> None:
        self.reset()
        page.on("request", self._request)
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))
        self.origin = origin

    def reset(self) -> None:
        """Forget what was seen: a page shared by a module's tests is watched for each test on its own."""
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []

    def _request(self, request) -> None:
        self.requests.append(request.url)
        if not request.url.startswith((self.origin, "blob:", "data:")):
            self.foreign.append(request.url)


@pytest.fixture
def new_context(browser, request):
    """`new_context(**options)`: browser.new_context as every test needs it (see prepare), closed after the test."""
    made: list[BrowserContext] = []
    warm_up = request.node.get_closest_marker("warm_up") is not None
    clock = request.node.get_closest_marker("native_clock") is None

    def make(**options) -> BrowserContext:
        made.append(prepare(browser.new_context(**options), warm_up=warm_up, clock=clock))
        return made[-1]

    yield make
    for context in made:
        context.close()


PAGE_OPTIONS = {"accept_downloads": True, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def context(new_context):
    return new_context(**PAGE_OPTIONS)


def watched(opened: Page, server) -> Page:
    opened.watch = Watch(opened, server.url.split(PREFIX)[0])
    return opened


class ModulePage:
    """The module's page, where Python keeps running from test to test: made when first needed, and made again
    after a test that did not pass on it (its state is then unknown)."""

    def __init__(self, browser, server) -> None:
        self.browser, self.server = browser, server
        self.context: BrowserContext | None = None
        self.page: Page | None = None
        self.spoilt = False

    def get(self) -> Page:
        if self.spoilt or self.page is None or self.page.is_closed():
            self.close()
            self.context = prepare(self.browser.new_context(**PAGE_OPTIONS))
            self.page = watched(self.context.new_page(), self.server)
            self.spoilt = False
        self.page.watch.reset()
        return self.page

    def close(self) -> None:
        if self.context:
            self.context.close()
        self.context = self.page = None


@pytest.fixture(scope="module")
def module_page(browser, server):
    held = ModulePage(browser, server)
    yield held
    held.close()


@pytest.fixture
def page(request, server, new_context, module_page):
    """The page a test works in: the module's, where Python already runs (open a tool page with `visit`), or for
    a test marked `own_page` or `warm_up` a fresh page in a fresh context."""
    own = any(request.node.get_closest_marker(m) for m in ("own_page", "warm_up", "native_clock"))
    opened = watched(new_context(**PAGE_OPTIONS).new_page(), server) if own else module_page.get()
    yield opened
    if not own:
        # A page the test failed on, or resized or printed, is not handed on: Material's components do not all
        # come back from a size or medium changed under them (search stops answering), so the next test gets a
        # fresh page rather than one set back.
        call = getattr(request.node, "report_call", None)
        module_page.spoilt = (call is None or not call.passed or opened.is_closed()
                              or opened.viewport_size != PAGE_OPTIONS["viewport"]
                              or opened.evaluate("matchMedia('print').matches"))
    assert opened.watch.foreign == [], f"requests left the origin: {opened.watch.foreign}"
    assert opened.watch.errors == [], "\n".join(opened.watch.errors)


# Opens a link to the given address as a reader's click would (Material's instant navigation takes it over).
FOLLOW = """url => {
  for (const old of document.querySelectorAll("article, form[data-tool]")) old.swtLeft = true;
  const link = Object.assign(document.createElement("a"), {href: url});
  document.body.append(link);
  link.click();
  link.remove();
}"""
# Arrived: the new page's content in place, its forms bound, and Material's "Back to top" button, which the
# jump to the top of the new page shows, faded out again as on a page loaded afresh (axe would measure it mid-fade).
ARRIVED = """path => location.pathname === path && document.querySelector("article")
  && !document.querySelector("article").swtLeft
  && [...document.querySelectorAll("form[data-tool]")].every(f => !f.swtLeft && f.dataset.bound)
  && [...document.querySelectorAll(".md-top")].every(b => getComputedStyle(b).opacity === "0")"""


def follow(page: Page, url: str) -> None:
    page.evaluate(FOLLOW, url)
    page.wait_for_function(ARRIVED, arg=url[url.index(PREFIX):].split("#")[0].split("?")[0])


def visit(page: Page, url: str) -> None:
    """Open `url` (a page of the site) as a first visit to it shows it, but in the page where Python already runs
    when there is one: nothing kept in this browser (drafts), the page reached as a reader's link reaches it
    (Material's instant navigation, which keeps the worker). A page not yet on the site loads it."""
    origin = url[:url.index(PREFIX) + len(PREFIX)]
    if not page.url.startswith(origin) or not page.evaluate("() => Boolean(window.location$)"):
        page.goto(url)
        return
    # A field still focused saves its edit when it loses focus: let it, before the drafts are cleared.
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    path = url[url.index(PREFIX):]
    if page.evaluate("() => location.pathname") == path:
        follow(page, origin)  # instant navigation to the page it is on would do nothing
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    follow(page, url)


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
    # Checked at rest: a colour caught half-way through a transition (Material's Back to top button fading in or
    # out) is not a colour anyone reads.
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
    return page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))""")
