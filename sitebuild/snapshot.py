"""Build-time memory snapshot of Pyodide with the toolkit imported: the worker restores it instead of
starting Python and importing the toolkit, which is the same work, giving the same bytes, on every visit.

The snapshot is made in Node by snapshot.mjs with Pyodide's private `_makeSnapshot` option, gzipped,
and put beside Pyodide as `snapshot-<sha256 prefix>.bin` (not `.gz`: a server that sees `.gz` may label it
`Content-Encoding: gzip`, and the browser would inflate it before the worker does). It is made again only
when the Pyodide version, the toolkit's sources, Pyodide's lockfile or the script change; `.cache/` keeps the last one.
org.yml's `python.memory_snapshot: false` builds a site without it."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPT = "sitebuild/snapshot.mjs"
FORMAT = "docs/assets/javascripts/snapshot-format.mjs"  # the file's layout, shared with the worker
PREFIX = "snapshot-"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make(root: Path, target: Path, wheel: Path, lockfile: Path, version: str, wanted: bool) -> dict | None:
    """Put the snapshot for `wheel` (the toolkit's sources) and Pyodide's `lockfile` into `target` (the site's
    Pyodide folder) and return its boot.json entry; not `wanted` (org.yml's python.memory_snapshot), remove any
    old one and return None."""
    for old in target.glob(PREFIX + "*.bin"):
        old.unlink()
    if not wanted:
        return None
    wheel_sha = _sha256(wheel)
    key = hashlib.sha256(json.dumps(
        [version, wheel_sha, _sha256(lockfile), _sha256(root / SCRIPT), _sha256(root / FORMAT)]).encode()).hexdigest()[:32]
    cache = root / ".cache" / f"{PREFIX}{key}.bin"
    if not cache.exists():
        _build(root, wheel, cache)
    data = cache.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    name = f"{PREFIX}{digest[:16]}.bin"
    shutil.copyfile(cache, target / name)
    return {"file": name, "size": len(data), "sha256": digest, "pyodide": version, "memory": _memory_length(data)}


def _memory_length(packed: bytes) -> int:
    """The length of Pyodide's memory snapshot, as the file's index gives it (snapshot-format.mjs): the worker
    sizes Python's memory with it before the snapshot is in."""
    with gzip.GzipFile(fileobj=io.BytesIO(packed)) as raw:
        head = raw.read(12)
        index = json.loads(raw.read(int.from_bytes(head[8:12], "little")))
    return index["memory"]


def _build(root: Path, wheel: Path, cache: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "snapshot.raw"
        run = subprocess.run(["node", str(root / SCRIPT), str(wheel), str(raw)], cwd=root,
                             capture_output=True, text=True)
        if run.returncode:
            # Pyodide's errors carry its whole minified source: keep the end, where the reason is.
            raise RuntimeError(f"making Pyodide's memory snapshot failed (org.yml's python.memory_snapshot: false builds without it):\n"
                               f"{run.stderr[-3000:]}")
        # mtime=0: the same snapshot gives the same file, name and hash. Level 6: 1% larger than 9, 3.4 s sooner.
        packed = gzip.compress(raw.read_bytes(), compresslevel=6, mtime=0)
    cache.parent.mkdir(exist_ok=True)
    for old in cache.parent.glob(PREFIX + "*.bin"):
        old.unlink()  # one snapshot kept: each is ~6 MB
    tmp_cache = cache.with_suffix(".tmp")
    tmp_cache.write_bytes(packed)
    tmp_cache.replace(cache)
