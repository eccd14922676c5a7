"""Shared test set-up: the repository on sys.path, and each site built once per test run.

Two sites at most are built in a run, each the first time a test needs it and never again: the default settings
(`default_site`) and the fork's (`fork_site`, tests/support/fork.py). `site_dir` is the one the suites run on:
the default, or the fork's with SWT_FORK=1."""

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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "settings: the outcome depends on the organisation's settings (words, brand, policy, pages "
        "switched off, the memory snapshot): CI runs these again on a fork (SWT_FORK=1 ./dev test -m settings)")
    config.addinivalue_line(
        "markers", "own_page: the test gets a fresh page of its own, not the module's page where Python already "
        "runs: it is about Python starting (or failing to), or it changes the page for itself (routes, scripts, clock)")
    config.addinivalue_line(
        "markers", "native_clock: the page keeps the browser's own clock (a fresh page of its own), for a test that "
        "reads performance's resource timing, which Playwright's clock replaces")
    config.addinivalue_line(
        "markers", "warm_up: the worker warms V8 up after its first answer, as for a reader (switched off for "
        "other tests, where its busy seconds only slow them)")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Each phase's report on the test item: a shared page is not handed on from a test that failed on it.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `mkdocs build --strict` leaves it with the shipped settings (org.yml), built once a run;
    SITE_DIR reuses one built beforehand."""
    if os.environ.get("SITE_DIR") and not os.environ.get("SWT_FORK"):
        return Path(os.environ["SITE_DIR"])
    out = tmp_path_factory.mktemp("site")
    run = build_site(out, free_port())
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"
    return out


@pytest.fixture(scope="session")
def fork_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository made an organisation's own (tests/support/fork.py)."""
    return make_fork(tmp_path_factory.mktemp("fork") / "northgate-toolkit")


@pytest.fixture(scope="session")
def fork_site(fork_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fork's site, built once a run (SITE_DIR reuses one built beforehand when SWT_FORK=1)."""
    if os.environ.get("SITE_DIR") and os.environ.get("SWT_FORK"):
        return Path(os.environ["SITE_DIR"])
    out = tmp_path_factory.mktemp("fork-site")
    run = build_fork(fork_repo, out, free_port())
    assert run.returncode == 0, f"the fork did not build:\n{run.stdout}\n{run.stderr}"
    return out


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest) -> Path:
    """The site the suites run on: the default settings', or with SWT_FORK=1 the site of a fork with settings
    unlike the defaults (tests/support/fork.py), so the same tests show that a fork works."""
    return request.getfixturevalue("fork_site" if os.environ.get("SWT_FORK") else "default_site")


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
