// Makes the memory snapshot a reader's worker restores instead of starting Python (snapshot.py): Pyodide started
// with its private _makeSnapshot option, the toolkit wheel unpacked into site-packages exactly as
// toolkit-worker.js does it, toolkit.bridge imported and every tool asked once, so the first answer finds its
// modules imported and their first-call work done. Pyodide's snapshot is Python's WebAssembly memory only, not
// its file system, so the toolkit's files (the templates are read when a form is answered) go in front of it:
//   "SWTSNAP1", u32 index length, u32 offset of Pyodide's snapshot (16-aligned), index JSON [[path, size], ...]
//   (paths under site-packages), the files' bytes, padding, Pyodide's snapshot.
// The standard library's zip is not included: Pyodide fetches it on every start, snapshot or not.
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
import json
from toolkit import bridge, checklist, team_agreement, where_when

def ask(request):
    answer = json.loads(bridge.handle(json.dumps(request)))
    if not answer.get("ok"):
        raise SystemExit(f"warming the toolkit failed: {answer}")

# As the page asks first (lazy: downloads listed, made on a click), then with every download made.
for lazy in (True, False):
    ask({"tool": "where_when", "action": "compute", "values": where_when.example(), "lazy": lazy})
    ask({"tool": "team_agreement", "action": "compute", "values": team_agreement.example(), "lazy": lazy})
    for cid in checklist.available():
        ask({"tool": "checklist", "action": "compute", "values": {"checklist": cid, "items": {}}, "lazy": lazy})
del ask, json, bridge, checklist, team_agreement, where_when
`);
const files = [];
(function walk(dir) {
  for (const name of pyodide.FS.readdir(dir)) {
    if (name === "." || name === "..") continue;
    const path = `${dir}/${name}`;
    if (pyodide.FS.isDir(pyodide.FS.stat(path).mode)) walk(path);
    else files.push([path.slice(sitePackages.length + 1), pyodide.FS.readFile(path)]);
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
