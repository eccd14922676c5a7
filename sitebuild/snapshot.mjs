// Makes the memory snapshot a reader's worker restores instead of starting Python (snapshot.py): Pyodide started
// with its private _makeSnapshot option, the toolkit wheel unpacked into site-packages exactly as
// toolkit-worker.js does it, every module of the toolkit imported and every tool asked, so the first answer finds
// its modules imported and their first-call work done, and the standard library's zip left for
// toolkit/stdlib_on_demand.py to fetch should restored Python ever need it. Pyodide's snapshot is Python's
// WebAssembly memory only, not its file system, so the toolkit's data files (the templates are read when a form
// is answered; its modules are in the memory) go in front of it:
//   "SWTSNAP1", u32 index length, u32 offset of Pyodide's snapshot (16-aligned), index JSON [[path, size], ...]
//   (paths under site-packages), the files' bytes, padding, Pyodide's snapshot.
// argv: <wheel path> <output path>; stdout: {"bytes": <size>, "files": <count>}
import { readFile, writeFile } from "node:fs/promises";
import { loadPyodide } from "pyodide/pyodide.mjs";

const [wheelPath, outPath] = process.argv.slice(2);
const pyodide = await loadPyodide({
  _makeSnapshot: true,
  stdout: () => {},
  stderr: (line) => process.stderr.write(line + "\n"),
});
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel", { extractDir: sitePackages });
pyodide.runPython(`
import importlib, json, pkgutil
import toolkit
from toolkit import bridge, checklist, stdlib_on_demand, tools

# Every module the toolkit runs in the browser, imported now: restored Python then never needs the standard
# library's zip for them (stdlib_on_demand). The command line is not run there.
for module in pkgutil.walk_packages(toolkit.__path__, "toolkit."):
    if module.name not in ("toolkit.cli", "toolkit.__main__"):
        importlib.import_module(module.name)

def ask(request):
    answer = json.loads(bridge.handle(json.dumps(request)))
    if not answer.get("ok"):
        raise SystemExit(f"warming the toolkit failed: {answer}")

# Every tool asked as the page asks first (lazy: downloads listed, made on a click), then with every download made.
for lazy in (True, False):
    for name in tools.names():
        ask({"tool": name, "action": "compute", "values": tools.module(name).example(), "lazy": lazy})
    for cid in checklist.available():
        ask({"tool": "checklist", "action": "compute", "values": checklist.example(cid), "lazy": lazy})
stdlib_on_demand.leave_zip()
del ask, importlib, json, pkgutil, toolkit, bridge, checklist, tools, stdlib_on_demand, module, lazy, name, cid
`);
const files = [];
(function walk(dir) {
  for (const name of pyodide.FS.readdir(dir)) {
    if (name === "." || name === "..") continue;
    const path = `${dir}/${name}`;
    if (pyodide.FS.isDir(pyodide.FS.stat(path).mode)) walk(path);
    // Its modules are in the memory: only the files it reads as it answers (templates, data) go along.
    else if (!/\.pyc?$/.test(name)) files.push([path.slice(sitePackages.length + 1), pyodide.FS.readFile(path)]);
  }
})(sitePackages);
const memory = pyodide.makeMemorySnapshot();

const index = new TextEncoder().encode(JSON.stringify(files.map(([path, data]) => [path, data.length])));
const filesEnd = 16 + index.length + files.reduce((sum, [, data]) => sum + data.length, 0);
const offset = Math.ceil(filesEnd / 16) * 16; // Pyodide reads its header as 32-bit words
const out = new Uint8Array(offset + memory.length);
out.set(new TextEncoder().encode("SWTSNAP1"));
new DataView(out.buffer).setUint32(8, index.length, true);
new DataView(out.buffer).setUint32(12, offset, true);
out.set(index, 16);
let at = 16 + index.length;
for (const [, data] of files) {
  out.set(data, at);
  at += data.length;
}
out.set(memory, offset);
await writeFile(outPath, out);
process.stdout.write(JSON.stringify({ bytes: out.length, files: files.length }));
