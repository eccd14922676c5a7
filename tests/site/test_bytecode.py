"""The wheel carries the toolkit compiled by the pinned Pyodide (sitebuild.pack.pyodide_bytecode): checked under
that same Pyodide in Node, because no Python on the build machine reads 3.14 bytecode."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

from sitebuild.pack import PYODIDE_DIR, wheel_name
from tests.support.build import ROOT

# Unpacks the built wheel into Pyodide as the worker does, then imports every toolkit module with compile() watched: a module
# whose bytecode is missing, stale or for another Python would be compiled from its source.
CHECK = """
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ stdout: () => {} });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(readFileSync(process.argv[1])), "wheel", { extractDir: sitePackages });
console.log(pyodide.runPython(`
import builtins, importlib, json, pkgutil, toolkit
compiled, plain = [], builtins.compile
def watched(source, filename, *args, **kwargs):
    compiled.append(str(filename))
    return plain(source, filename, *args, **kwargs)
builtins.compile = watched
names = [m.name for m in pkgutil.walk_packages(toolkit.__path__, "toolkit.") if m.name != "toolkit.__main__"]
for name in names:
    importlib.import_module(name)
builtins.compile = plain
json.dumps({"imported": names, "compiled": [f for f in compiled if "/toolkit/" in f]})
`));
"""


def test_the_wheel_carries_bytecode_for_every_module(site_dir: Path):
    with zipfile.ZipFile(site_dir / PYODIDE_DIR / wheel_name()) as wheel:
        names = set(wheel.namelist())
    # toolkit/planner/week.py <-> toolkit/planner/__pycache__/week.cpython-314.pyc, in every sub-package
    modules = {n[:-3] for n in names if n.startswith("toolkit/") and "/_templates/" not in n and n.endswith(".py")}
    cached = {n.replace("__pycache__/", "").split(".")[0] for n in names if "/__pycache__/" in n}
    assert {"toolkit/forms", "toolkit/planner/week", "toolkit/team_agreement/checks"} <= modules
    assert cached == modules


def test_pyodide_imports_the_toolkit_from_its_bytecode_without_compiling_it(site_dir: Path):
    wheel = site_dir / PYODIDE_DIR / wheel_name()
    run = subprocess.run(["node", "--input-type=module", "-e", CHECK, str(wheel)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert {"toolkit.planner.week", "toolkit.checklist.model", "toolkit.team_agreement.checks"} <= set(result["imported"])
    assert result["compiled"] == []
