"""The build-time memory snapshot in real Chromium: the worker restored from it answers every tool
byte for byte as a worker that starts Python without it, fetching neither the toolkit's wheel nor the standard
library's zip; a damaged, missing, foreign or unrestorable snapshot falls back to the plain start and still
answers. The default site has the snapshot; the fork switches it off (tests/support/fork.py), so the fork's run
of the browser suite is a site working without it."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess

import pytest

from tests.browser.conftest import prepare, wait_for_result
from tests.support.build import ROOT
from tests.support import TODAY
from toolkit import checklist, now, planner
from toolkit import tools

CHECKLIST = "checklists/manager-conversation/"


# Every test here is about Python starting: each has a fresh page of its own.
pytestmark = pytest.mark.own_page


# The site with the default settings (the snapshot on), whichever site the suite runs on: the run's one build of
# it (tests/conftest.py), and its one server.
@pytest.fixture(scope="module")
def site_dir(default_site):
    return default_site


@pytest.fixture(scope="module")
def server(default_site, serve):
    return serve(default_site)
WORKER = "assets/javascripts/toolkit-worker.js"


def requests() -> list[str]:
    """What pages send: each tool's first (lazy) answer, every download made, a download on its own, bad input;
    made for the one day every test works to and sent with it, as the page sends its own date (whenever it is
    called: a module's fixture is made before a test's pinned clock)."""
    with now.pinned(TODAY):
        return [json.dumps({**ask, "today": TODAY.isoformat()}) for ask in _requests()]


def _requests() -> list[dict]:
    asks = []
    for lazy in (True, False):
        for tool in tools.names():
            asks.append({"tool": tool, "action": "compute", "values": tools.module(tool).example(), "lazy": lazy})
    for cid in checklist.available():
        ticked = {item.id: {"done": True, "note": "Agreed <b>&</b> noted"} for item in list(checklist.load(cid).items())[:3]}
        asks.append({"tool": "checklist", "action": "compute", "values": {"checklist": cid, "items": ticked},
                     "lazy": True})
    asks.append({"tool": "planner", "action": "download", "values": planner.example(), "filename": None})
    asks.append({"tool": "planner", "action": "compute", "values": {**planner.example(), "hours": "-3"}})
    asks.append({"tool": "team_agreement", "action": "compute", "values": {}})
    return asks


# Starts the site's own worker in the page, as toolkit.js does, and asks it every request.
ASK_WORKER = """async ([url, requests]) => {
  const worker = new Worker(url, {type: "module"});
  worker.postMessage({type: "wasm", module: null});
  const answers = new Array(requests.length);
  let snapshot = null, left = requests.length;
  await new Promise((resolve, reject) => {
    worker.onmessage = ({data}) => {
      if (data.type === "ready") snapshot = data.timings.snapshot;
      else if (data.type === "failed") reject(new Error(data.message));
      else if (data.type !== "progress") {
        answers[data.id] = data.error ? "ERROR " + data.error : data.result;
        if (--left === 0) resolve();
      }
    };
    requests.forEach((request, id) => worker.postMessage({id, request}));
  });
  worker.terminate();
  return {answers, snapshot};
}"""


def ask(page, server) -> dict:
    page.goto(server.url)  # any page of the site: the worker's address and policy are the site's
    return page.evaluate(ASK_WORKER, [server.url + WORKER, requests()])


def boot_json(site_dir) -> dict:
    return json.loads((site_dir / "assets" / "pyodide" / "boot.json").read_text(encoding="utf-8"))


def with_boot(page, change) -> None:
    """Serve boot.json as the site holds it, changed by `change(boot)`."""
    def handler(route):
        boot = route.fetch().json()
        change(boot)
        route.fulfill(status=200, body=json.dumps(boot), headers={"Content-Type": "application/json"})
    page.route("**/assets/pyodide/boot.json", handler)


def warnings(page) -> list[str]:
    seen = []
    page.on("console", lambda m: m.type in ("warning", "info") and seen.append(m.text))
    return seen


@pytest.fixture(scope="module")
def bare_answers(browser, server):
    """The answers of a worker that starts Python without the snapshot (boot.json naming none)."""
    context = prepare(browser.new_context())
    page = context.new_page()
    with_boot(page, lambda boot: boot.pop("snapshot"))
    with now.pinned(TODAY):  # a module's fixture runs outside each test's pinned clock: the examples' dates too
        answer = ask(page, server)
    context.close()
    assert answer["snapshot"] is False
    return answer["answers"]


def test_the_site_carries_a_snapshot_named_by_its_hash_for_this_pyodide_and_wheel(site_dir):
    boot = boot_json(site_dir)
    snap = boot["snapshot"]
    data = (site_dir / "assets" / "pyodide" / snap["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == snap["sha256"] and snap["file"] == f"snapshot-{snap['sha256'][:16]}.bin"
    assert len(data) == snap["size"] and data[:2] == b"\x1f\x8b"  # gzip, inflated by the worker
    package = json.loads((site_dir / "assets" / "pyodide" / "package.json").read_text(encoding="utf-8"))
    assert snap["pyodide"] == package["version"]
    assert len(list((site_dir / "assets" / "pyodide").glob("snapshot-*.bin"))) == 1


def test_the_snapshot_keeps_only_the_pages_of_memory_that_hold_something(site_dir):
    """snapshot-format.mjs: the memory's runs of pages that are not all zeros, in order, within the memory whose
    length boot.json gives the worker before the file is in; what is left out is all zeros."""
    snap = boot_json(site_dir)["snapshot"]
    raw = gzip.decompress((site_dir / "assets" / "pyodide" / snap["file"]).read_bytes())
    assert raw[:8] == b"SWTSNAP2"
    index_end = 12 + int.from_bytes(raw[8:12], "little")
    index = json.loads(raw[12:index_end])
    assert index["memory"] == snap["memory"]
    runs = index["runs"]
    assert all(offset % 4096 == 0 and a[0] + a[1] < offset for a, (offset, _) in zip(runs, runs[1:]))
    stored = sum(length for _, length in runs)
    memory_at = index_end + sum(length for _, length in index["files"])
    assert memory_at + stored == len(raw)
    assert stored < 0.75 * snap["memory"]  # about half of Python's memory is pages of zeros it has not used
    at = memory_at
    for offset, length in runs:  # each run holds something in every page
        pages = [raw[at + p:at + min(p + 4096, length)] for p in range(0, length, 4096)]
        assert all(any(page) for page in pages), offset
        at += length


def test_the_snapshot_answers_every_tool_byte_for_byte_as_a_plain_start(page, server, bare_answers):
    answer = ask(page, server)
    assert answer["snapshot"] is True
    assert all(a.startswith("{") for a in answer["answers"]), answer["answers"]
    for request, mine, bare in zip(requests(), answer["answers"], bare_answers):
        assert mine == bare, request


def test_a_tool_page_boots_from_the_snapshot_first_and_repeat_visit(page, server, site_dir):
    page.goto(server.url + CHECKLIST)
    page.get_by_role("checkbox").first.check()
    wait_for_result(page, "1 of")
    assert page.evaluate("window.__swtBootTimings.snapshot") is True
    # The snapshot holds the toolkit and every module it imports: neither the wheel nor the standard library.
    fetched = [u.rsplit("/", 1)[-1] for u in page.watch.requests if "/assets/pyodide/" in u]
    assert not [f for f in fetched if f.endswith((".whl", ".zip"))], fetched
    # Should Python ever need the standard library after all, the worker can fetch it whole, within the CSP.
    worker = next(w for w in page.workers if w.url.endswith("toolkit-worker.js"))
    size = boot_json(site_dir)["files"]["python_stdlib.zip"]
    assert worker.evaluate("() => self.swtStandardLibrary().length") == size
    assert any(u.endswith("/python_stdlib.zip") for u in page.watch.requests)
    # A repeat visit: the page compiles Python's WebAssembly and hands the module over (toolkit.js).
    page.reload()
    wait_for_result(page, "1 of")  # the draft is back
    assert page.evaluate("window.__swtBootTimings.snapshot") is True
    assert page.evaluate("localStorage.getItem('swt:python-seen')") == "1"


def corrupt(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 64]) + data[middle + 64:]


def foreign_build(data: bytes) -> tuple[bytes, str]:
    """The snapshot with another build id in Pyodide's header: whole and hashed right, but not this build's memory.
    The file's layout is snapshot-format.mjs's: the index, the files, then the memory's runs, the first of which
    starts with Pyodide's header (magic, two offsets, then the 32 bytes of its build id)."""
    raw = bytearray(gzip.decompress(data))
    index_end = 12 + int.from_bytes(raw[8:12], "little")
    index = json.loads(raw[12:index_end])
    assert index["runs"][0][0] == 0
    memory_at = index_end + sum(length for _, length in index["files"])
    raw[memory_at + 16:memory_at + 48] = bytes(32)
    packed = gzip.compress(bytes(raw), compresslevel=1)
    return packed, hashlib.sha256(packed).hexdigest()


@pytest.mark.parametrize("case", ["damaged", "missing", "other pyodide version", "another build's memory"])
def test_a_snapshot_that_cannot_be_used_falls_back_and_still_answers(page, server, site_dir, bare_answers, case):
    snap = boot_json(site_dir)["snapshot"]
    real = (site_dir / "assets" / "pyodide" / snap["file"]).read_bytes()
    said = warnings(page)
    if case == "damaged":
        page.route(f"**/{snap['file']}", lambda route: route.fulfill(status=200, body=corrupt(real)))
    elif case == "missing":
        page.route(f"**/{snap['file']}", lambda route: route.fulfill(status=404, body="Not found"))
    elif case == "other pyodide version":
        with_boot(page, lambda boot: boot["snapshot"].update(pyodide="0.26.4"))
    else:
        packed, digest = foreign_build(real)
        with_boot(page, lambda boot: boot["snapshot"].update(sha256=digest, size=len(packed)))
        page.route(f"**/{snap['file']}", lambda route: route.fulfill(status=200, body=packed))
    answer = ask(page, server)
    assert answer["snapshot"] is False
    assert answer["answers"] == bare_answers
    assert any("snapshot" in text for text in said), said  # said in the console, as a warning or note
    # Python's WebAssembly is downloaded and compiled once: the plain start takes the module the refused one made.
    wasm = [u for u in page.watch.requests if u.endswith("/pyodide.asm.wasm")]
    assert len(wasm) == 1, wasm
    # A 404 is logged by the browser itself ("Failed to load resource"); the worker logs no error of its own.
    page.watch.errors[:] = [e for e in page.watch.errors if "Failed to load resource" not in e or case != "missing"]




def test_restored_python_answers_without_the_standard_library_and_fetches_it_only_for_a_module_it_lacks(
        site_dir, tmp_path):
    """In Node, as the worker restores it: toolkit/stdlib_on_demand.py brings the zip back once, when needed."""
    pyodide_dir = site_dir / "assets" / "pyodide"
    empty = tmp_path / "empty.zip"
    empty.write_bytes(b"PK\x05\x06" + bytes(18))
    run = subprocess.run(["node", str(ROOT / "tests" / "support" / "restore-snapshot.mjs"),
                          str(pyodide_dir / boot_json(site_dir)["snapshot"]["file"]),
                          str(pyodide_dir / "python_stdlib.zip"), str(empty)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert set(report["answers"]) == set(tools.names())
    for tool, answer in report["answers"].items():
        assert json.loads(answer)["ok"] is True, (tool, answer[:500])
    assert report["fetched_while_answering"] == 0
    assert report["later"] == "e9 0.8" and report["fetched"] == 1
