// The toolkit's Web Worker: boots Pyodide once, loads the toolkit wheel the lockfile lists, and answers
// {id, action, request} with {id, result} (a JSON string from toolkit.bridge.handle) or {id, error}.
// Only strings cross the boundary, so what the page sends is exactly what pytest sends.
import { loadPyodide, version as PYODIDE_VERSION } from "../pyodide/pyodide.mjs";
import { unpack } from "./snapshot-format.mjs";

const INDEX_URL = new URL("../pyodide/", import.meta.url).href;

// Real download progress: count the bytes of every file Pyodide fetches, and of Python's WebAssembly that the
// page fetches (it sends {type: "bytes"}), against the sizes the build wrote down (boot.json).
let expected = 0;
let received = 0;
function counted(bytes) {
  received += bytes;
  // Once the files are in, what is left is compiling and starting Python.
  if (expected) progress(received < expected ? "download" : "start", received / expected);
}

// On a repeat visit the page compiles pyodide.asm.wasm and sends the module ({type: "wasm"}): the browser
// keeps compiled code for a page's compile, not a worker's (see toolkit.js). Pyodide then gets a stand-in
// response instead of fetching the file again. With no module (a first visit, an old browser, a stricter
// policy) Pyodide fetches and compiles it here, as it would by itself.
let receiveModule;
const pageModule = new Promise((resolve) => (receiveModule = resolve));
const STAND_IN = new Response(new Uint8Array(0), { headers: { "Content-Type": "application/wasm" } });
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  if ((await source) !== STAND_IN) return instantiateStreaming(source, imports);
  const module = await pageModule;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

// A boot from the snapshot that fails before Python starts leaves its downloads unread: the boot without it
// takes them over (by URL) instead of fetching them again, those still under way too (a missing snapshot fails
// before Python's WebAssembly has even begun to arrive, and that file was fetched twice).
const spare = new Map();

// Python restored from the snapshot holds every module the toolkit imports, so Pyodide is handed an empty zip for
// its standard library instead of the 2.5 MB one; toolkit/stdlib_on_demand.py fetches the real one, through
// swtStandardLibrary below, should a module outside the snapshot ever be imported.
const EMPTY_STDLIB_URL = new URL("empty-stdlib.zip", INDEX_URL).href; // never on the server: answered here
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]); // end of central directory

const plainFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  if (String(input) === EMPTY_STDLIB_URL) return new Response(EMPTY_ZIP);
  if (String(input).endsWith("/pyodide.asm.wasm") && (await pageModule)) return STAND_IN;
  const keeping = spare.get(String(input));
  spare.delete(String(input));
  const kept = keeping && (await keeping.catch(() => null));
  if (kept && !kept.bodyUsed) return kept;
  const fetching = plainFetch(input, init);
  spare.set(String(input), fetching);
  const response = await fetching;
  // Pyodide does not always give up on a missing file by itself; say plainly which file it was.
  if (!response.ok) fail(`could not download ${new URL(response.url || input, INDEX_URL).pathname} (HTTP ${response.status})`);
  // Pyodide gets the response itself, the counter a copy.
  if (response.body) countStream(response.clone().body).catch(() => {}); // a broken download fails in Pyodide
  return response;
};

async function countStream(body) {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    counted(value.byteLength);
  }
}

// Stage weights of the bar: downloading is most of the wait on a first visit.
const STAGES = { download: [0, 80], start: [80, 92], toolkit: [92, 99], ready: [100, 100] };
let lastPercent = -1;
function progress(stage, fraction = 0) {
  const [from, to] = STAGES[stage];
  const percent = Math.round(from + (to - from) * (stage === "download" ? fraction : 0));
  if (percent === lastPercent) return; // one message per step: the page's thread is busy loading too
  lastPercent = percent;
  self.postMessage({ type: "progress", stage, percent });
}

// The toolkit's wheel as pyodide-lock.json lists it (`pyodide lockfile add-wheels` wrote its file name and
// sha256; the build copies them into boot.json), downloaded while Python does and refused unless the bytes
// match that hash. It is unpacked into site-packages rather than installed with loadPackage, whose installer
// imports tarfile and importlib.metadata, compiled from source, to look for native libraries: ~150 ms of
// every visit (measured under Pyodide in Node) for a wheel that has none.
async function downloadToolkit(boot) {
  const { file_name: name, sha256 } = boot.toolkit;
  const digest = btoa(String.fromCharCode(...sha256.match(/../g).map((pair) => parseInt(pair, 16))));
  let response;
  try {
    response = await plainFetch(new URL(name, INDEX_URL), { integrity: `sha256-${digest}` });
    if (!response.ok) throw new Error(`could not download ${name} (HTTP ${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (response && !response.ok) throw error;
    // fetch says only "Failed to fetch" when the bytes do not match the published hash or the connection drops.
    throw new Error(`the toolkit's file ${name} did not arrive intact: the connection dropped, or the file on ` +
      "the site is damaged or from another version of it");
  }
}

// The memory snapshot the build made (sitebuild/snapshot.py, sitebuild/snapshot.mjs): Python started, the toolkit imported
// and warmed, and the toolkit's data files, which Pyodide's snapshot (memory only) does not hold. Used only when
// made for the Pyodide served here; counted for the progress bar as it arrives and inflated as it arrives. No
// sha256 of our own: gzip's trailer (CRC-32 and length) fails the inflating of damaged bytes, and the file's
// name carries its hash, so a copy from another build cannot stand in. (Hashing it took 150-250 ms a visit.)
const marks = {}; // when the snapshot was in and inflated: for the benchmark
// The site's service worker (docs/sw.js) keeps it inflated already, and says so in a header: reading that from its
// cache is ~10 ms where inflating took ~390 (bench/); its gzip was checked when it was inflated there.
async function downloadSnapshot({ file, size }) {
  expected += size; // before Python's own downloads start, so the bar never steps back
  const response = await plainFetch(new URL(file, INDEX_URL));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  let raw;
  try {
    if (response.headers.get("X-SWT-Snapshot") === "inflated") {
      raw = new Uint8Array(await response.arrayBuffer());
      counted(size);
    } else {
      const counter = new TransformStream({
        transform(chunk, controller) {
          counted(chunk.byteLength);
          controller.enqueue(chunk);
        },
      });
      const inflating = response.body.pipeThrough(counter).pipeThrough(new DecompressionStream("gzip"));
      raw = new Uint8Array(await new Response(inflating).arrayBuffer());
    }
  } catch (error) {
    throw new Error(`${file} did not arrive whole (${error && error.message})`);
  }
  marks.inflated = performance.now();
  try {
    return unpack(raw); // the format: snapshot-format.mjs
  } catch (error) {
    throw new Error(`${file} ${error.message}`);
  }
}

// A file the site's service worker kept (docs/sw.js) that turned out damaged is taken out of its cache, so the
// worker fetches it again, checked against the build's hash, the next time it is asked for; meanwhile Python
// starts without it. Its caches are named "swt-offline <site address> <build>".
function forgetKept(url) {
  if (!self.caches) return;
  const site = new URL("../../", INDEX_URL).href;
  caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith(`swt-offline ${site} `))
    .map((name) => caches.open(name).then((cache) => cache.delete(url))))).catch(() => {});
}

// The standard library's zip for toolkit/stdlib_on_demand.py, which must have it before its import returns: a
// synchronous request, which a worker may make. Rarely if ever used: the snapshot holds what the toolkit imports.
function standardLibrary(size) {
  const request = new XMLHttpRequest();
  request.open("GET", new URL("python_stdlib.zip", INDEX_URL), false);
  request.responseType = "arraybuffer";
  request.send();
  const data = new Uint8Array(request.response || 0);
  if (request.status !== 200 || data.length !== size) {
    throw new Error(`Python's standard library (python_stdlib.zip) did not arrive whole (HTTP ${request.status}, ` +
      `${data.length} of ${size} bytes)`);
  }
  return data;
}

// Python restored from the snapshot, or started as without one. `files` are the toolkit's files to write into
// site-packages (from the snapshot), or null when the wheel must be downloaded and unpacked.
async function startPython(boot, plainStart) {
  const snapshot = boot.snapshot;
  if (snapshot && snapshot.pyodide !== PYODIDE_VERSION) {
    console.info(`toolkit: the memory snapshot is for Pyodide ${snapshot.pyodide}, this is ` +
      `${PYODIDE_VERSION}; starting Python without it.`);
  } else if (snapshot && typeof DecompressionStream === "function") {
    const download = downloadSnapshot(snapshot);
    const memory = download.then((d) => d.memory);
    memory.catch(() => {}); // its failure is met where loadPyodide awaits it
    const stdlibSize = boot.files["python_stdlib.zip"];
    expected -= stdlibSize; // not downloaded unless needed
    self.swtStandardLibrary = () => standardLibrary(stdlibSize);
    try {
      const pyodide = await loadPyodide({ indexURL: INDEX_URL, _loadSnapshot: memory, stdLibURL: EMPTY_STDLIB_URL });
      // Pyodide's settings keep the promise, and with it the 30 MB it gave: let them go once restored.
      if (pyodide._api && pyodide._api.config) pyodide._api.config._loadSnapshot = undefined;
      return { pyodide, files: (await download).files };
    } catch (error) {
      // Missing, damaged, from another build, or Pyodide could not restore it: start as without one.
      console.warn(`toolkit: the memory snapshot could not be used (${error && error.message});` +
        " starting Python without it.");
      expected += stdlibSize - snapshot.size;
      forgetKept(new URL(snapshot.file, INDEX_URL).href);
    }
  }
  plainStart();
  return { pyodide: await loadPyodide({ indexURL: INDEX_URL }), files: null };
}

async function boot() {
  progress("download");
  const bootJson = plainFetch(new URL("boot.json", INDEX_URL)).then((r) => {
    if (!r.ok) throw new Error(`could not download boot.json (HTTP ${r.status})`);
    return r.json();
  });
  // boot.json says whether there is a snapshot, so Python waits for it: a small file, asked for first.
  const bootData = await bootJson;
  expected += Object.values(bootData.files).reduce((a, c) => a + c, 0);
  // The wheel downloads beside Python when Python starts without the snapshot, which holds the toolkit's files.
  let wheel = null;
  const plainStart = () => {
    wheel = downloadToolkit(bootData);
    wheel.catch(() => {}); // its failure is reported where it is awaited, below
  };
  const t0 = performance.now();
  const { pyodide, files } = await startPython(bootData, plainStart);
  spare.clear();
  const t1 = performance.now();
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  if (files) {
    for (const [path, data] of files) {
      const target = `${sitePackages}/${path}`;
      pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
      pyodide.FS.writeFile(target, data);
    }
  } else {
    pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  }
  const t2 = performance.now();
  progress("toolkit");
  const handle = pyodide.pyimport("toolkit.bridge").handle;
  const t3 = performance.now();
  progress("ready", 1);
  // How the boot went, in the worker's own clock: the benchmark reports it beside the page's marks.
  const timings = { origin: performance.timeOrigin, start: t0, loaded: t1, installed: t2, imported: t3,
    snapshot: Boolean(files), ...marks };
  self.postMessage({ type: "ready", timings });
  return handle;
}

// A failure in words a reader can act on; the browser's own wording for a dropped connection says little.
function fail(reason) {
  let message = String((reason && reason.message) || reason);
  if (/failed to fetch|network ?error|load failed|networkerror/i.test(message)) {
    message = "the connection dropped while Python's files were downloading";
  } else if (reason instanceof WebAssembly.CompileError || /wasm|webassembly/i.test(message)) {
    message = `Python's WebAssembly did not arrive whole or could not be compiled (${message})`;
  }
  self.postMessage({ type: "failed", message });
}

const ready = boot();
ready.catch(fail);
self.addEventListener("unhandledrejection", (event) => fail(event.reason));

// Python's WebAssembly starts in V8's baseline code and is optimised function by function as it runs. A plain
// start runs seconds of Python before the first answer; Python restored from the snapshot runs almost none, so
// its first fifty edits took 8-10 ms of Python instead of 4-5 and, with the optimising compiler busy on the
// other core, 33 ms instead of 19 on the page (planner, 40 activities; bench/snapshot_ab.py). So once the first
// answer is out, the worker asks the latest question again for two seconds: the compiling is done before the
// person types. Each ask is a task of its own, so a real request waits for one of them at most.
const WARM_MS = 2000;
const WARM_ASKS = 80;
let warmRequest = null; // the latest compute asked: warming follows what the page is doing
let warming = true; // the tests switch it off ({type: "warm-up", on: false}): there its busy seconds only slow them
function warmUp(handle) {
  const until = performance.now() + WARM_MS;
  let left = WARM_ASKS;
  const step = () => {
    if (left-- <= 0 || performance.now() > until) return;
    handle(warmRequest);
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

self.onmessage = async ({ data }) => {
  if (data.type === "wasm") return receiveModule(data.module);
  if (data.type === "bytes") return counted(data.bytes);
  if (data.type === "warm-up") return void (warming = data.on);
  try {
    const handle = await ready;
    self.postMessage({ id: data.id, result: handle(data.request) });
    if (data.action === "compute") {
      const first = !warmRequest;
      warmRequest = data.request;
      if (first && warming) warmUp(handle);
    }
  } catch (error) {
    self.postMessage({ id: data.id, error: String((error && error.message) || error) });
  }
};
