"""Shared test set-up: the repository on sys.path, and one real build of the site per test run."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import TODAY  # noqa: E402
from tests.support.build import build_site, free_port  # noqa: E402
from tests.support.chromium import ARGS, CHROMIUM  # noqa: E402
from tests.support.fork import build_fork, make_fork  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def pinned_clock():
    """Every test works to one fixed day, so none passes only on the day it was written (toolkit.now). For the
    whole session, so fixtures of any scope (a module's shared answers) work to the same day as the tests."""
    from toolkit import now

    with now.pinned(TODAY):
        yield


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `mkdocs build --strict` leaves it (built once; SITE_DIR reuses a build made beforehand).
    With SWT_FORK=1 it is the site of a fork with settings unlike the defaults (tests/support/fork.py), so the
    same tests show that a fork works."""
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"])
    out = tmp_path_factory.mktemp("site")
    if os.environ.get("SWT_FORK"):
        fork = make_fork(tmp_path_factory.mktemp("fork") / "toolkit")
        run = build_fork(fork, out, free_port())
    else:
        run = build_site(out, free_port())
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, never downloaded, never skipped: one for the whole run."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium) "
                    "or set CHROMIUM=/path/to/chromium. The browser suite is never skipped.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()
