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

// Python's WebAssembly, compiled once a visit and from the worker's first moment, beside boot.json, rather than
// when Pyodide asks for it (on a first visit it is the longest download). On a repeat visit the page compiles
// pyodide.asm.wasm and sends the module ({type: "wasm"}): the browser keeps compiled code for a page's compile,
// not a worker's (see toolkit.js). With no module (a first visit, an old browser, a stricter policy) it is
// compiled here as it downloads. Pyodide gets a stand-in response, and the module; a plain start after a snapshot
// that did not restore gets the same module again.
const WASM_URL = new URL("pyodide.asm.wasm", INDEX_URL).href;
let receiveModule;
const pageModule = new Promise((resolve) => (receiveModule = resolve));
let compiled = null;
function python() {
  compiled = compiled || pageModule.then((module) => module || WebAssembly.compileStreaming(download(WASM_URL)));
  return compiled;
}
const STAND_IN = new Response(new Uint8Array(0), { headers: { "Content-Type": "application/wasm" } });
WebAssembly.instantiateStreaming = async (source, imports) => {
  try {
    await source;
    const module = await python();
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  } catch (error) {
    fail(error); // Pyodide only logs it, and would wait for ever
    throw error;
  }
};

// Python restored from the snapshot holds every module the toolkit imports, so Pyodide is handed an empty zip for
// its standard library instead of the 2.5 MB one; toolkit/stdlib_on_demand.py fetches the real one, through
// swtStandardLibrary below, should a module outside the snapshot ever be imported.
const EMPTY_STDLIB_URL = new URL("empty-stdlib.zip", INDEX_URL).href; // never on the server: answered here
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]); // end of central directory

// Pyodide asks for the standard library while it starts, after Python's WebAssembly is compiled and linked and just
// before it restores the memory snapshot: the empty zip is handed over once the snapshot is in (see startPython).
let snapshotSettled = Promise.resolve();

// Every download Pyodide makes goes through here: counted for the progress bar, and a missing file said plainly
// (Pyodide does not always give up on one by itself).
const plainFetch = self.fetch.bind(self);
async function download(input, init) {
  const response = await plainFetch(input, init);
  if (!response.ok) fail(`could not download ${new URL(response.url || input, INDEX_URL).pathname} (HTTP ${response.status})`);
  // The caller gets the response itself, the counter a copy; a broken download fails where it is read.
  if (response.body) countStream(response.clone().body).catch(() => {});
  return response;
}
self.fetch = async (input, init) => {
  if (String(input) === EMPTY_STDLIB_URL) return snapshotSettled.then(() => new Response(EMPTY_ZIP));
  if (String(input) === WASM_URL) return STAND_IN;
  return download(input, init);
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
// The site's service worker (docs/sw.js) keeps it inflated already, with a header that says so; its gzip was
// checked when it was inflated there. This worker reads that copy from the cache itself, as a Blob: on a repeat
// visit, the same 31 MB took ~160 ms through the service worker and ~80 from the cache (bench/).
async function downloadSnapshot({ file, size }) {
  expected += size; // before Python's own downloads start, so the bar never steps back
  const url = new URL(file, INDEX_URL).href;
  const kept = await keptCopy(url);
  const response = kept || (await plainFetch(url));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  let raw;
  try {
    if (response.headers.get(INFLATED) === "inflated") {
      raw = new Uint8Array(await (await response.blob()).arrayBuffer());
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

// This site's caches, as the site's service worker (docs/sw.js) names them: "swt-offline <site address> <build>".
// None where the browser gives a worker no Cache Storage.
const INFLATED = "X-SWT-Snapshot";
const SITE = new URL("../../", INDEX_URL).href;
async function siteCaches() {
  const names = self.caches ? await caches.keys() : [];
  return Promise.all(names.filter((name) => name.startsWith(`swt-offline ${SITE} `)).map((name) => caches.open(name)));
}

// The copy of `url` that the service worker keeps inflated, if it keeps one. Its name carries its hash, so any of
// this site's caches that holds it (the build in use, or one being installed) holds the same.
async function keptCopy(url) {
  try {
    for (const cache of await siteCaches()) {
      const kept = await cache.match(url);
      if (kept && kept.headers.get(INFLATED) === "inflated") return kept;
    }
  } catch {
    /* storage the browser refuses (private browsing, say): fetched as without a service worker */
  }
  return null;
}

// A kept file that turned out damaged is taken out of every cache of the site, so the service worker fetches it
// again, checked against the build's hash, the next time it is asked for; meanwhile Python starts without it.
function forgetKept(url) {
  siteCaches().then((all) => Promise.all(all.map((cache) => cache.delete(url)))).catch(() => {});
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
    // Pyodide sizes Python's memory by the snapshot, so it waits for the snapshot before it even compiles Python's
    // WebAssembly. boot.json gives the size, so Pyodide is handed the memory to restore at once, and it compiles,
    // links and sets up Python (~150 ms of this thread) while the snapshot is still arriving. Its bytes are copied
    // in once they are all in, before Pyodide has the standard library it asks for just before it restores them.
    const memory = new Uint8Array(snapshot.memory);
    const download = downloadSnapshot(snapshot).then(({ files, memory: length, restore }) => {
      if (length !== memory.length) throw new Error(`${snapshot.file} is not the one boot.json describes`);
      restore(memory);
      return files;
    });
    snapshotSettled = download.then(() => {}, () => {}); // a failed one leaves the memory empty: Pyodide refuses it
    const stdlibSize = boot.files["python_stdlib.zip"];
    expected -= stdlibSize; // not downloaded unless needed
    self.swtStandardLibrary = () => standardLibrary(stdlibSize);
    try {
      const pyodide = await loadPyodide({ indexURL: INDEX_URL, _loadSnapshot: memory, stdLibURL: EMPTY_STDLIB_URL });
      // Pyodide's settings keep the 30 MB it was given: let them go once restored.
      if (pyodide._api && pyodide._api.config) pyodide._api.config._loadSnapshot = undefined;
      return { pyodide, files: await download };
    } catch (failure) {
      // Missing, damaged, from another build, or Pyodide could not restore it: start as without one. The
      // download's own reason says more than Pyodide's, which finds an empty memory.
      const error = await download.then(() => failure, (reason) => reason);
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
  python().catch(() => {}); // its failure is met where Pyodide instantiates it
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
