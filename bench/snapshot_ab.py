"""Recompute with and without the memory snapshot, in one run (issue 10): the same site built both ways, 100
edits each on the planner (40 activities) and the team agreement (30 members), alternating.

    .venv/bin/python bench/snapshot_ab.py"""
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "bench"))
from playwright.sync_api import sync_playwright
from tests.support.server import SiteServer
from tests.support.build import build_site, free_port
from tests.browser.conftest import ARGS
import run as bench
sites = {}
for label, env in (("snap", "1"), ("bare", "0")):
    out = Path(f"/tmp/swt-ab-{label}"); subprocess.run(["rm", "-rf", str(out)])
    os.environ["SWT_SNAPSHOT"] = env
    port = free_port(); r = build_site(out, port); assert r.returncode == 0, r.stderr
    sites[label] = out
res = {k: {"planner": [], "team": []} for k in sites}
with sync_playwright() as p:
    b = p.chromium.launch(executable_path=bench.CHROMIUM, args=ARGS)
    for rnd in range(2):
        for label, site in sites.items():
            with SiteServer(site) as server:
                ctx = b.new_context(); page = ctx.new_page()
                bench.open_with_draft(page, server.url + bench.PLANNER, "where_when", bench.planner_values(site))
                res[label]["planner"] += page.evaluate(bench.RECOMPUTE, ['[name="activities.0.hours"]', 50, "input"])
                bench.open_with_draft(page, server.url + bench.TEAM, "team_agreement", bench.team_values(site))
                res[label]["team"] += page.evaluate(bench.RECOMPUTE, ['[name="members.0.role"]', 50, "input"])
                ctx.close()
    b.close()
for label in res:
    for tool, t in res[label].items():
        print(label, tool, "p50 %.1f p95 %.1f" % (statistics.median(t), bench.percentile(t, 95)))
