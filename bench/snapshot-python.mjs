// Python's time per team-of-30 recompute in Node, restored from the build's memory snapshot or started plainly
// (issue 10). Needs a snapshot in .cache/ (SWT_SNAPSHOT=1 ./dev build) and a request saved as JSON:
//   node bench/snapshot-python.mjs snap|bare request.json
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { readFileSync, readdirSync } from "fs";
import { gunzipSync } from "zlib";
const mode = process.argv[2];
const ROOT = new URL("..", import.meta.url).pathname;
const cacheFile = readdirSync(ROOT + ".cache").find((f) => f.startsWith("snapshot-"));
if (!cacheFile) {
  console.error("No snapshot in .cache/: build one first with SWT_SNAPSHOT=1 ./dev build.");
  process.exit(2);
}
const raw = gunzipSync(readFileSync(ROOT + ".cache/" + cacheFile));
const dv = new DataView(raw.buffer, raw.byteOffset);
const indexLen = dv.getUint32(8, true), offset = dv.getUint32(12, true);
const index = JSON.parse(new TextDecoder().decode(raw.subarray(16, 16 + indexLen)));
let py;
if (mode === "snap") {
  py = await loadPyodide({ _loadSnapshot: raw.slice(offset) });
} else {
  py = await loadPyodide();
}
const sp = py.runPython("import site; site.getsitepackages()[0]");
let at = 16 + indexLen;
for (const [path, size] of index) {
  const full = sp + "/" + path; const dir = full.slice(0, full.lastIndexOf("/"));
  py.FS.mkdirTree(dir); py.FS.writeFile(full, raw.subarray(at, at + size)); at += size;
}
py.globals.set("req", readFileSync(process.argv[3], "utf8"));
console.log(mode, py.runPython(`
import time, json, gc
from toolkit import bridge
base = json.loads(req)
def one(i):
    base["values"]["members"][0]["role"] = str(5 + i % 7 / 2)
    return bridge.handle(json.dumps(base))
for i in range(5): one(i)
ts=[]
for i in range(40):
    t=time.perf_counter(); one(i+1); ts.append((time.perf_counter()-t)*1000)
ts.sort()
f"p50 {ts[20]:.1f} p95 {ts[37]:.1f} gc {gc.get_threshold()} {gc.isenabled()} counts {gc.get_count()}"
`));
