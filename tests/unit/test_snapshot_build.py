"""snapshot.py's bookkeeping without Node: the switch (org.yml's python.memory_snapshot), the cache key, naming by hash, one snapshot in the site.
(The snapshot itself is made and restored for real in tests/browser/test_snapshot.py.)"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil

import pytest

from sitebuild import snapshot
from tests.conftest import ROOT


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    for script in (snapshot.SCRIPT, snapshot.FORMAT):
        (root / script).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / script, root / script)
    target = tmp_path / "pyodide"
    target.mkdir()
    (target / "toolkit.whl").write_bytes(b"wheel")
    (target / "pyodide-lock.json").write_text("{}")
    return root, target


def packed(memory: int = 65536) -> bytes:
    """A snapshot file as snapshot-format.mjs lays it out: no files, and a memory of `memory` bytes, all zeros."""
    index = json.dumps({"files": [], "memory": memory, "runs": []}).encode()
    return gzip.compress(b"SWTSNAP2" + len(index).to_bytes(4, "little") + index, mtime=0)


def cached(root, target, version="314.0.7", payload=packed()):
    """Put a snapshot into .cache/ under the key make() will look for, so make() must not run Node."""
    def sha(path):
        return hashlib.sha256(path.read_bytes()).hexdigest()
    key = hashlib.sha256(json.dumps([version, sha(target / "toolkit.whl"), sha(target / "pyodide-lock.json"),
                                     sha(root / snapshot.SCRIPT), sha(root / snapshot.FORMAT)]).encode()).hexdigest()[:32]
    (root / ".cache").mkdir(exist_ok=True)
    (root / ".cache" / f"snapshot-{key}.bin").write_bytes(payload)
    return payload


def test_a_cached_snapshot_is_used_named_by_its_hash_and_the_old_one_removed(tree, monkeypatch):
    root, target = tree
    monkeypatch.setattr(snapshot, "_build", lambda *a: pytest.fail("made again although cached"))
    (target / "snapshot-0123456789abcdef.bin").write_bytes(b"old")
    payload = cached(root, target)
    entry = snapshot.make(root, target, target / "toolkit.whl", target / "pyodide-lock.json", "314.0.7", True)
    digest = hashlib.sha256(payload).hexdigest()
    assert entry == {"file": f"snapshot-{digest[:16]}.bin", "size": len(payload), "sha256": digest,
                     "pyodide": "314.0.7", "memory": 65536}  # the memory's length, read from the file's index
    assert [p.name for p in target.glob("snapshot-*.bin")] == [entry["file"]]


@pytest.mark.parametrize("change", ["wheel", "lockfile", "pyodide"])
def test_a_change_to_the_wheel_lockfile_or_pyodide_makes_it_again(tree, monkeypatch, change):
    root, target = tree
    cached(root, target)
    made = []
    monkeypatch.setattr(snapshot, "_build", lambda r, w, cache: (made.append(cache), cache.write_bytes(packed(131072))))
    version = "314.0.8" if change == "pyodide" else "314.0.7"
    if change == "wheel":
        (target / "toolkit.whl").write_bytes(b"wheel 2")
    if change == "lockfile":
        (target / "pyodide-lock.json").write_text('{"x": 1}')
    snapshot.make(root, target, target / "toolkit.whl", target / "pyodide-lock.json", version, True)
    assert len(made) == 1


def test_on_in_the_shipped_settings():
    from toolkit import org
    assert org.DEFAULTS["python"]["memory_snapshot"] is True


def test_switched_off_it_leaves_no_snapshot(tree):
    root, target = tree
    (target / "snapshot-0123456789abcdef.bin").write_bytes(b"old")
    assert snapshot.make(root, target, target / "toolkit.whl", target / "pyodide-lock.json", "314.0.7", False) is None
    assert not list(target.glob("snapshot-*"))
