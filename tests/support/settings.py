"""The organisation's settings the site under test was built from, so tests follow them instead of assuming the
defaults: a fork's suite then passes because the fork works (SWT_FORK=1 runs it on tests/support/fork.py's)."""

from __future__ import annotations

import os

from sitebuild import orgfile
from tests.support.fork import SETTINGS as FORK_SETTINGS
from toolkit import org


def site_settings() -> dict:
    return org.merge(FORK_SETTINGS) if os.environ.get("SWT_FORK") else orgfile.checked()


def is_published(url_path: str) -> bool:
    """Whether the page at `url_path` ("faq/", "organisations/") is in the site, not switched off."""
    switched_off = site_settings()["content"]["switched_off"]
    stem = url_path.rstrip("/")
    sources = [f"{stem}/index.md" if stem else "index.md", f"{stem}.md"]
    return not any(orgfile.is_switched_off(src, switched_off) for src in sources)


def jurisdiction() -> str:
    """The law the site under test follows (GB by default; the fork's is "policy", a US-style policy)."""
    return site_settings()["policy"]["requests"]["jurisdiction"]


def request_opening() -> str:
    """How the employee's letter opens for the site under test: a statutory request under a law, a formal one under
    the organisation's own policy."""
    if jurisdiction() == "policy":
        return "formal request for flexible working under"
    return "statutory request for flexible working under section 80F" if jurisdiction() == "GB" else \
        "statutory request for flexible working under"
