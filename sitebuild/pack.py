"""Build-time packing: the toolkit as a wheel beside Pyodide's core files, no inline scripts left in pages, and
one costly rule taken out of Material's palette stylesheet."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sitebuild import snapshot
import toolkit

DIST = "smart_working_toolkit"
PACKAGE = "smart-working-toolkit"  # its name in pyodide-lock.json
PYODIDE_DIR = "assets/pyodide"  # inside the site
# The files loadPyodide() needs from the npm package (console pages, maps and typings are left out).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "package.json")
# A fixed timestamp keeps the wheel, and so the lockfile's hash, the same from build to build.
_EPOCH = (2024, 1, 1, 0, 0, 0)


def wheel_name() -> str:
    return f"{DIST}-{toolkit.__version__}-py3-none-any.whl"


def build_wheel(root: Path, out_dir: Path, bytecode: bool = True) -> Path:
    """A pure-Python wheel of toolkit/, carrying templates/ as toolkit/_templates, and Pyodide's bytecode for it
    unless `bytecode` is False (the memory snapshot is made from the sources)."""
    files: list[tuple[str, bytes]] = []
    for path in sorted((root / "toolkit").rglob("*.py")):
        files.append((path.relative_to(root).as_posix(), path.read_bytes()))
    if bytecode:
        files += sorted(pyodide_bytecode(root, dict(files)).items())
    for path in sorted((root / "templates").rglob("*")):
        if path.is_file():
            files.append(("toolkit/_templates/" + path.relative_to(root / "templates").as_posix(), path.read_bytes()))
    info = f"{DIST}-{toolkit.__version__}.dist-info"
    files += [
        (f"{info}/METADATA", f"Metadata-Version: 2.1\nName: smart-working-toolkit\nVersion: {toolkit.__version__}\n".encode()),
        (f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: sitepack\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        (f"{info}/top_level.txt", b"toolkit\n"),
    ]
    record = "".join(f"{name},sha256={_b64_digest(data)},{len(data)}\n" for name, data in files)
    files.append((f"{info}/RECORD", (record + f"{info}/RECORD,,\n").encode()))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / wheel_name()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in files:
            wheel.writestr(zipfile.ZipInfo(name, _EPOCH), data, zipfile.ZIP_DEFLATED)
    return target


def pyodide_bytecode(root: Path, sources: dict[str, bytes]) -> dict[str, bytes]:
    """Bytecode (__pycache__/*.pyc) for the wheel, compiled by the pinned Pyodide's own Python.

    Pyodide compiles every .py it imports; for the toolkit that was 35-80 ms of each visit's first result
    (measured in Node). Compiling takes Node ~3 s, so the result is kept in .cache/ until a source or the
    Pyodide version changes."""
    version = json.loads((pyodide_source(root) / "package.json").read_text(encoding="utf-8"))["version"]
    fingerprint = [version, sorted((name, _b64_digest(data)) for name, data in sources.items())]
    key = hashlib.sha256(json.dumps(fingerprint).encode()).hexdigest()
    cache = root / ".cache" / "pyodide-bytecode.json"
    try:
        kept = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        kept = {}
    if kept.get("key") != key:
        request = json.dumps({"files": {k: v.decode("utf-8") for k, v in sources.items()}})
        run = subprocess.run(["node", str(root / "sitebuild" / "bytecode.mjs")], input=request, cwd=root,
                             capture_output=True, text=True)
        if run.returncode:
            raise RuntimeError(f"compiling the toolkit with Pyodide failed:\n{run.stderr}")
        kept = {"key": key, "files": json.loads(run.stdout)["files"]}
        cache.parent.mkdir(exist_ok=True)
        cache.write_text(json.dumps(kept), encoding="utf-8")
    return {name: base64.b64decode(data) for name, data in kept["files"].items()}


def _b64_digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def pyodide_source(root: Path) -> Path:
    source = root / "node_modules" / "pyodide"
    if not (source / "pyodide.mjs").is_file():
        raise RuntimeError("Pyodide is not installed: run `npm ci` (the README's commands do it for you).")
    return source


def pack_python(root: Path, site: Path, memory_snapshot: bool) -> None:
    """Copy Pyodide's core into the site and add the toolkit wheel to its lockfile (and the memory snapshot)."""
    source = pyodide_source(root)
    target = site / PYODIDE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        _copy_if_changed(source / name, target / name)
    version = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    # Python's memory after start-up with the toolkit imported, restored by the worker (snapshot.py). It needs
    # only the toolkit's sources, so after a change to them it is made (Node, ~6 s) while the wheel's bytecode
    # is compiled (Node, ~4 s): on two cores that saves most of the shorter.
    with tempfile.TemporaryDirectory() as scratch, ThreadPoolExecutor(max_workers=1) as pool:
        sources_wheel = build_wheel(root, Path(scratch), bytecode=False)
        snapshot_made = pool.submit(snapshot.make, root, target, sources_wheel, source / "pyodide-lock.json",
                                    version, memory_snapshot)
        wheel = build_wheel(root, target)
        made = snapshot_made.result()
    # pyodide-build's own command (pyodide lockfile add-wheels) writes the wheel's entry and sha256.
    cli = Path(sys.executable).parent / "pyodide"
    subprocess.run(
        [str(cli), "lockfile", "add-wheels", "--input", str(source / "pyodide-lock.json"),
         "--output", str(target / "pyodide-lock.json"), "--base-path", str(target), str(wheel)],
        check=True, capture_output=True, env={**os.environ, "PYODIDE_CLI_QUIET": "1"},
    )
    # The worker shows real download progress: the bytes it has received out of these. It loads the toolkit
    # by the lockfile's entry for it (file name and sha256), copied here so it need not fetch the lockfile twice.
    fetched_at_boot = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
    sizes = {name: (target / name).stat().st_size for name in fetched_at_boot}
    entry = json.loads((target / "pyodide-lock.json").read_text(encoding="utf-8"))["packages"][PACKAGE]
    toolkit_wheel = {"file_name": entry["file_name"], "sha256": entry["sha256"]}
    boot = {"files": sizes, "toolkit": toolkit_wheel}
    if made:
        boot["snapshot"] = made
    (target / "boot.json").write_text(json.dumps(boot), encoding="utf-8")


def _copy_if_changed(src: Path, dst: Path) -> None:
    # `mkdocs serve` rebuilds on every edit; skip the 10 MB wasm copy when it is already there.
    if dst.exists() and dst.stat().st_size == src.stat().st_size and dst.stat().st_mtime >= src.stat().st_mtime:
        return
    shutil.copy2(src, dst)


_INLINE = re.compile(r"<script>(.*?)</script>", re.S)


def externalise_inline_scripts(site: Path) -> int:
    """Move every inline <script> (Material writes a few) into a file named by its hash, for a strict CSP.

    Data blocks (<script type="application/json">) are not scripts and stay. Returns the number moved."""
    out = site / "assets" / "inline"
    out.mkdir(parents=True, exist_ok=True)
    moved = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        prefix = os.path.relpath(site, page.parent).replace(os.sep, "/")

        def to_file(match: re.Match[str]) -> str:
            nonlocal moved
            body = match.group(1)
            name = hashlib.sha256(body.encode()).hexdigest()[:16] + ".js"
            (out / name).write_text(body, encoding="utf-8")
            moved += 1
            return f'<script src="{prefix}/assets/inline/{name}"></script>'

        new = _INLINE.sub(to_file, html)
        if new != html:
            page.write_text(new, encoding="utf-8")
    return moved


# Material marks <body> with this attribute while it applies the colour palette, which it does on every page
# load and every instant navigation, and the rule below makes that mark restyle the whole page twice (on and
# off again). Measured on a cold tool page: ~70 ms less main-thread blocking without it. The rule only
# stops colours easing for a quarter of a second when a reader flips light/dark; that easing is the cost.
COLOUR_SWITCHING_RULE = ("[data-md-color-switching] *,[data-md-color-switching] :after,"
                         "[data-md-color-switching] :before{transition-duration:0s!important}")


def drop_colour_switching_rule(site: Path) -> None:
    """Remove COLOUR_SWITCHING_RULE from Material's palette stylesheet.

    A Material release that words the rule differently leaves it in place; a site test then says so."""
    for sheet in (site / "assets" / "stylesheets").glob("palette.*.css"):
        css = sheet.read_text(encoding="utf-8")
        if COLOUR_SWITCHING_RULE in css:
            sheet.write_text(css.replace(COLOUR_SWITCHING_RULE, ""), encoding="utf-8")
