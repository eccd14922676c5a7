// Restores a site's memory snapshot in Node as the worker does (an empty standard library zip, the toolkit's files
// written back) and reports, as JSON: each tool's answer to its example, then whether importing modules the
// snapshot does not hold fetched the real zip through swtStandardLibrary (toolkit/stdlib_on_demand.py), and how
// often. Used by tests/browser/test_snapshot.py.
//   node tests/support/restore-snapshot.mjs <snapshot .bin> <python_stdlib.zip> <empty zip>
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { unpack } from "../../docs/assets/javascripts/snapshot-format.mjs";

const [snapshotPath, stdlibPath, emptyPath] = process.argv.slice(2);
const { files, memory, restore } = unpack(new Uint8Array(gunzipSync(readFileSync(snapshotPath))));
let fetched = 0;
globalThis.swtStandardLibrary = () => {
  fetched += 1;
  return new Uint8Array(readFileSync(stdlibPath));
};
const pyodide = await loadPyodide({ _loadSnapshot: restore(new Uint8Array(memory)), stdLibURL: emptyPath });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const [path, data] of files) {
  const target = `${sitePackages}/${path}`;
  pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
  pyodide.FS.writeFile(target, data);
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
