// Compiles the toolkit's Python to bytecode with the pinned Pyodide's own Python (3.14: no Python on the build
// machine need match it), so the browser imports the toolkit without compiling it on every visit (sitepack.py).
// stdin: {"files": {"toolkit/forms.py": "<source>", ...}}
// stdout: {"files": {"toolkit/__pycache__/forms.cpython-314.pyc": "<base64>", ...}}
import { loadPyodide } from "pyodide/pyodide.mjs";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") });
pyodide.globals.set("request", input);
const answer = pyodide.runPython(`
import base64, importlib.util, json, sys
from importlib._bootstrap_external import _code_to_hash_pyc

out = {}
for path, source in json.loads(request)["files"].items():
    data = source.encode("utf-8")
    code = compile(data, path, "exec", dont_inherit=True)
    # Unchecked hash-based: Python loads it without reading the source's timestamp (PEP 552).
    pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
    folder, _, name = path.rpartition("/")
    out[f"{folder}/__pycache__/{name[:-3]}.{sys.implementation.cache_tag}.pyc"] = base64.b64encode(pyc).decode()
json.dumps({"files": out})
`);
process.stdout.write(answer);
