"""One way to build the site for tests and the benchmark: `mkdocs build --strict`, published at a known address.

Material's instant navigation only takes over links under `site_url` (scheme, host and port), so a site
served on a local test port is built for that port, as an organisation builds for its intranet address."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "/smart-working/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_url(port: int) -> str:
    return f"http://127.0.0.1:{port}{PREFIX}"


def build_site(out: Path, port: int) -> subprocess.CompletedProcess:
    """Build into `out` for http://127.0.0.1:<port>/smart-working/; the caller checks the return code."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SWT_SITE_URL": site_url(port)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def built_port(site: Path) -> int:
    """The local port a site was built for (read back from its sitemap), or 0 for any other address."""
    sitemap = site / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8") if sitemap.exists() else ""
    marker = "<loc>http://127.0.0.1:"
    start = text.find(marker)
    if start < 0:
        return 0
    digits = text[start + len(marker):].split("/", 1)[0]
    return int(digits) if digits.isdigit() else 0
