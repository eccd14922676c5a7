// The toolkit's Web Worker: boots Pyodide once, loads the toolkit wheel the lockfile lists, and answers
// {id, request} with {id, result} (a JSON string from toolkit.bridge.handle) or {id, error}.
// Only strings cross the boundary, so what the page sends is exactly what pytest sends.
import { loadPyodide } from "../pyodide/pyodide.mjs";

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

const plainFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  if (String(input).endsWith("/pyodide.asm.wasm") && (await pageModule)) return STAND_IN;
  const response = await plainFetch(input, init);
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
  const { file_name: name, sha256 } = (await boot).toolkit;
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

async function boot() {
  progress("download");
  const bootJson = plainFetch(new URL("boot.json", INDEX_URL)).then((r) => {
    if (!r.ok) throw new Error(`could not download boot.json (HTTP ${r.status})`);
    return r.json();
  });
  // Not awaited: the sizes arrive long before the first megabyte does.
  bootJson.then((b) => (expected = Object.values(b.files).reduce((a, c) => a + c, 0)), () => {});
  const wheel = downloadToolkit(bootJson);
  wheel.catch(() => {}); // its failure is reported where it is awaited, below
  const t0 = performance.now();
  const pyodide = await loadPyodide({ indexURL: INDEX_URL });
  const t1 = performance.now();
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  const t2 = performance.now();
  progress("toolkit");
  const handle = pyodide.pyimport("toolkit.bridge").handle;
  const t3 = performance.now();
  progress("ready", 1);
  // How the boot went, in the worker's own clock: the benchmark reports it beside the page's marks.
  const timings = { origin: performance.timeOrigin, start: t0, loaded: t1, installed: t2, imported: t3 };
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

self.onmessage = async ({ data }) => {
  if (data.type === "wasm") return receiveModule(data.module);
  if (data.type === "bytes") return counted(data.bytes);
  try {
    const handle = await ready;
    self.postMessage({ id: data.id, result: handle(data.request) });
  } catch (error) {
    self.postMessage({ id: data.id, error: String((error && error.message) || error) });
  }
};
