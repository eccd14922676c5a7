// Compiles the toolkit's Python to bytecode with the pinned Pyodide's own Python (3.14: no Python on the build
// machine need match it), so the browser imports the toolkit without compiling it on every visit (sitebuild/pack.py).
// stdin: {"files": {"toolkit/forms.py": "<source>", ...}}
// stdout: {"files": {"toolkit/__pycache__/forms.cpython-314.pyc": "<base64>", ...}}
import { loadPyodide } from "pyodide/pyodide.mjs";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") });
pyodide.globals.set("request", input);
const answer = pyodide.runPython(`
import base64, json, pathlib, py_compile, sys

out = {}
for path, source in json.loads(request)["files"].items():
    folder, _, name = path.rpartition("/")
    target = f"{folder}/__pycache__/{name[:-3]}.{sys.implementation.cache_tag}.pyc"
    written = pathlib.Path("/tmp/toolkit-source") / path
    written.parent.mkdir(parents=True, exist_ok=True)
    written.write_text(source, encoding="utf-8")
    # Unchecked hash-based: Python loads it without comparing the source's timestamp (PEP 552).
    compiled = py_compile.compile(str(written), cfile=str(written) + "c", dfile=path, doraise=True,
                                  invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    out[target] = base64.b64encode(pathlib.Path(compiled).read_bytes()).decode()
json.dumps({"files": out})
`);
process.stdout.write(answer);
