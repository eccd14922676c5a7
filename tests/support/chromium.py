"""Debian's Chromium, as every browser test and the benchmark launch it: one instance per test run (tests/conftest.py),
shared by the browser and deploy suites, since Playwright's sync API cannot run two at once in one thread."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
