"""Edits with and without the memory snapshot, in one run: the same site built both ways (the second
with a copy of org.yml saying python.memory_snapshot: false), then on each the planner (40 activities) and the
team agreement (30 members) edited 100 times from 2 s after the first result, in windows of 25 edits, so that
the first edits, when V8 is still optimising Python's WebAssembly, show apart from the rest.

    .venv/bin/python bench/snapshot_ab.py"""
import os
import statistics
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "bench"))
from playwright.sync_api import sync_playwright  # noqa: E402

import run as bench  # noqa: E402
from tests.browser.conftest import ARGS  # noqa: E402
from tests.support.build import build_site, free_port  # noqa: E402
from tests.support.server import SiteServer  # noqa: E402

WINDOW, WINDOWS = 25, 4
sites = {}
for label, on in (("snapshot", True), ("plain start", False)):
    settings = yaml.safe_load((ROOT / "org.yml").read_text("utf-8"))
    settings["python"] = {"memory_snapshot": on}
    org = Path(f"/tmp/swt-ab-org-{on}.yml")
    org.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    os.environ["SWT_ORG"] = str(org)
    out = Path(f"/tmp/swt-ab-{'snap' if on else 'bare'}")
    subprocess.run(["rm", "-rf", str(out)], check=True)
    run = build_site(out, free_port())
    assert run.returncode == 0, run.stderr
    sites[label] = out
tools = (("planner", bench.PLANNER, "planner", bench.planner_values, '[name="activities.0.hours"]'),
         ("team", bench.TEAM, "team_agreement", bench.team_values, '[name="members.0.role"]'))
times = {(label, tool[0], w): [] for label in sites for tool in tools for w in range(WINDOWS)}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=bench.CHROMIUM, args=ARGS)
    for _ in range(2):  # alternating, so drift on the machine touches both alike
        for label, site in sites.items():
            with SiteServer(site) as server:
                for name, path, tool, values, field in tools:
                    context = browser.new_context()
                    page = context.new_page()
                    bench.open_with_draft(page, server.url + path, tool, values(site))
                    for w in range(WINDOWS):
                        times[label, name, w] += page.evaluate(bench.RECOMPUTE, [field, WINDOW, "input"])
                    context.close()
    browser.close()
print("| site | tool | " + " | ".join(f"edits {w * WINDOW + 1}-{(w + 1) * WINDOW}: p50 / p95 ms" for w in range(WINDOWS))
      + " |")
print("|---|---|" + "---|" * WINDOWS)
for label in sites:
    for name, *_ in tools:
        cells = [f"{statistics.median(t):.0f} / {bench.percentile(t, 95):.0f}"
                 for t in (times[label, name, w] for w in range(WINDOWS))]
        print(f"| {label} | {name} | " + " | ".join(cells) + " |")
