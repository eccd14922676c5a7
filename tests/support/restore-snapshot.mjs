// Restores a site's memory snapshot in Node as the worker does (an empty standard library zip, the toolkit's files
// written back) and reports, as JSON: each tool's answer to its example, then whether importing modules the
// snapshot does not hold fetched the real zip through swtStandardLibrary (toolkit/stdlib_on_demand.py), and how
// often. Used by tests/browser/test_snapshot.py.
//   node tests/support/restore-snapshot.mjs <snapshot .bin> <python_stdlib.zip> <empty zip>
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

const [snapshotPath, stdlibPath, emptyPath] = process.argv.slice(2);
const raw = new Uint8Array(gunzipSync(readFileSync(snapshotPath)));
const head = new DataView(raw.buffer, raw.byteOffset);
const indexEnd = 16 + head.getUint32(8, true);
let fetched = 0;
globalThis.swtStandardLibrary = () => {
  fetched += 1;
  return new Uint8Array(readFileSync(stdlibPath));
};
const pyodide = await loadPyodide({ _loadSnapshot: raw.slice(head.getUint32(12, true)), stdLibURL: emptyPath });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
let at = indexEnd;
for (const [path, length] of JSON.parse(new TextDecoder().decode(raw.subarray(16, indexEnd)))) {
  const target = `${sitePackages}/${path}`;
  pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
  pyodide.FS.writeFile(target, raw.subarray(at, at + length));
  at += length;
}
const answers = JSON.parse(pyodide.runPython(`
import json
from toolkit import bridge, tools
json.dumps({tool: bridge.handle(json.dumps({"tool": tool, "action": "compute",
                                             "values": tools.module(tool).example()}))
            for tool in tools.names()})
`));
const before = fetched;
const later = pyodide.runPython(`
import difflib, email.mime.text
"é".encode("cp1252").hex() + " " + str(difflib.SequenceMatcher(None, "ab", "abc").ratio())
`);
console.log(JSON.stringify({ answers, fetched_while_answering: before, later, fetched }));
