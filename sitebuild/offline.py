"""The site's service worker (docs/sw.js) given this build's precache manifest: every file a reader may need with
the network gone, each with its sha256, and the build's version, a hash of them all.

Written into site/sw.js after everything else is packed (the pages with their scripts moved out, Pyodide, the
wheel, the snapshot), so the hashes are of the files served. org.yml's `offline: false` writes the same script with
no manifest: it then takes away the worker and the caches an earlier build installed (see docs/sw.js)."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from sitebuild.pack import PYODIDE_DIR

SCRIPT = "sw.js"
PLACEHOLDER = "const BUILD = null; // {version, files: [[path, \"sha256-…\"], …]}: written by the build"
# Not cached: for search engines (the gzipped sitemap; Material's instant navigation reads sitemap.xml, which is
# kept), for the browser's developer tools (.map), for search in languages other than English (lunr's), and the
# worker itself.
SKIPPED_NAMES = ("sitemap.xml.gz", SCRIPT)
SKIPPED_SUFFIXES = (".map",)
SKIPPED_FOLDERS = ("assets/javascripts/lunr/",)


def integrity(data: bytes) -> str:
    """The Subresource Integrity value of `data`, as fetch() checks it: sha256-<base64>."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


def cached(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return not (path in SKIPPED_NAMES or name.endswith(SKIPPED_SUFFIXES) or path.startswith(SKIPPED_FOLDERS))


def manifest(site: Path) -> dict:
    """{version, files: [[path, integrity], ...], inflate: [path]} for every file of the site the worker keeps,
    sorted by path; `inflate` names the memory snapshot (boot.json's), which the worker keeps inflated."""
    files = sorted((p.relative_to(site).as_posix(), p) for p in site.rglob("*") if p.is_file())
    entries = [[path, integrity(p.read_bytes())] for path, p in files if cached(path)]
    version = hashlib.sha256(json.dumps(entries).encode()).hexdigest()[:16]
    boot = site / PYODIDE_DIR / "boot.json"
    made = json.loads(boot.read_text(encoding="utf-8")).get("snapshot") if boot.exists() else None
    return {"version": version, "files": entries, "inflate": [f"{PYODIDE_DIR}/{made['file']}"] if made else []}


def write(root: Path, site: Path, enabled: bool) -> dict | None:
    """Write site/sw.js from docs/sw.js: with this build's manifest, or (not `enabled`) without one, which
    unregisters an earlier worker and clears its caches. Returns the manifest written, if any."""
    source = (root / "docs" / SCRIPT).read_text(encoding="utf-8")
    if PLACEHOLDER not in source:
        raise RuntimeError(f"docs/{SCRIPT} no longer has the line the build fills in: {PLACEHOLDER}")
    made = manifest(site) if enabled else None
    line = f"const BUILD = {json.dumps(made, separators=(',', ':'))}; // written by sitebuild/offline.py"
    (site / SCRIPT).write_text(source.replace(PLACEHOLDER, line), encoding="utf-8")
    return made
