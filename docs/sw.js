// The toolkit's service worker: the whole site, this build of it, kept in this browser, so that after one visit
// every page and every tool works with the network gone, and a repeat visit starts without asking the server
// about each file. The build (sitebuild/offline.py) writes this build's list of files and their hashes into
// BUILD below; with org.yml's `offline: false` it writes BUILD = null, and this script then takes away what an
// earlier build installed.
//
// - Scope: the folder this file is in, the site's own path (/smart-working/), so two copies of the toolkit on
//   one host keep their own caches. Caches are named "swt-offline <scope> <build>".
// - Install: every file of the build into a cache of its own, each checked against the build's hash (files
//   the previous build's cache holds with the same hash are copied from it, not downloaded again). A failure
//   (the network, storage full, a file from another build) leaves the install undone, the old build working,
//   and is told to the pages; the next visit resumes it.
// - Activate: only when no page uses the old build, or the reader clicks "Load it" (skip-waiting); then the
//   other builds' caches of this scope go. One build's cache answers, never a mix.
// - Fetch: a file of the build from its cache, without asking the server; one missing from the cache (the
//   browser evicted it, or it was damaged and taken out) from the server, checked against the build's hash
//   and put back, and then everything else missing. No navigation preload: pages come from the cache, so a
//   preloaded request would be a round trip to the server for nothing. No clients.claim(): a page already open
//   never changes build under itself.
const BUILD = null; // {version, files: [[path, "sha256-…"], …]}: written by the build
// The memory snapshot (BUILD.inflate) is kept inflated (its 16 MB of pages that are not all zeros): inflating its
// 6 MB took ~390 ms of every repeat visit (measured in Chromium, bench/); Python's worker reads the inflated copy
// straight from this cache. Its gzip is checked (the build's hash, then gzip's CRC-32) as it is inflated here,
// once; the worker still checks what it reads, and falls back, and takes a copy that does not restore out of
// the cache (toolkit-worker.js).

const SCOPE = self.registration.scope; // ends with "/"
const PREFIX = `swt-offline ${SCOPE} `;
const CACHE = BUILD && PREFIX + BUILD.version;
const MANIFEST_KEY = `${SCOPE}__swt-offline-manifest.json`; // kept in each cache: what it holds, by hash
const PARALLEL = 4;

// "tools/planner/index.html" is asked for as "tools/planner/": the cache keeps a page under its address.
const address = (path) => new URL(path.replace(/(^|\/)index\.html$/, "$1"), SCOPE).href;
const FILES = new Map((BUILD ? BUILD.files : []).map(([path, integrity]) => [address(path), integrity]));
const INFLATE = new Set((BUILD ? BUILD.inflate : []).map(address));
const INFLATED = "X-SWT-Snapshot"; // the header that tells the worker a snapshot is inflated already

async function tellPages(message) {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    if (client.url.startsWith(SCOPE)) client.postMessage(message);
  }
}

async function digest(response) {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
  return "sha256-" + btoa(String.fromCharCode(...bytes));
}

// A file from an earlier build's cache when its hash is the same (checked again: a damaged copy is not carried
// over), else from the server, refused unless its bytes have this build's hash. The snapshot is inflated.
async function obtain(url, integrity, earlier) {
  for (const { cache, manifest } of earlier) {
    if (manifest[url] !== integrity || INFLATE.has(url)) continue; // a new build's snapshot is another file
    const kept = await cache.match(url);
    if (kept && (await digest(kept.clone())) === integrity) return kept;
  }
  let response;
  try {
    response = await fetch(url, { integrity, cache: "no-cache", credentials: "same-origin" });
  } catch (error) {
    throw new Error(`${new URL(url).pathname} could not be downloaded whole, or is from another version of the site`);
  }
  if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
  return INFLATE.has(url) ? inflated(response) : response;
}

async function inflated(response) {
  const raw = await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  return new Response(raw, { headers: { "Content-Type": "application/octet-stream", [INFLATED]: "inflated" } });
}

async function earlierCaches() {
  const found = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const listed = await cache.match(MANIFEST_KEY);
    if (listed) found.push({ cache, manifest: await listed.json().catch(() => ({})) });
  }
  return found;
}

async function install() {
  const cache = await caches.open(CACHE);
  await cache.delete(MANIFEST_KEY); // whole again only when every file is back
  // A half-installed build (the connection dropped, the browser closed) resumes where it stopped.
  const held = new Set((await cache.keys()).map((request) => request.url));
  const missing = [...FILES].filter(([url]) => !held.has(url));
  const earlier = await earlierCaches();
  let next = 0;
  async function lane() {
    while (next < missing.length) {
      const [url, integrity] = missing[next++];
      await cache.put(url, await obtain(url, integrity, earlier));
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  // Last: a cache with its manifest is whole.
  await cache.put(MANIFEST_KEY, new Response(JSON.stringify(Object.fromEntries(FILES)),
    { headers: { "Content-Type": "application/json" } }));
}

function explain(error) {
  if (error && error.name === "QuotaExceededError") return "this browser's storage for the site is full";
  return String((error && error.message) || error);
}

self.addEventListener("install", (event) => {
  if (!BUILD) {
    event.waitUntil(self.skipWaiting());
    return;
  }
  event.waitUntil(install().catch(async (error) => {
    await tellPages({ type: "swt:offline-failed", reason: explain(error) });
    throw error; // the install is undone; the build in use, if any, goes on answering
  }));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    if (BUILD) return;
    // Switched off: no worker, and the pages this one answered load again from the server.
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url).catch(() => {});
  })());
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "swt:skip-waiting") self.skipWaiting();
});

// The build's own file for a request, if it is one: the address without its query, and a page's index.html
// as its folder.
function fileFor(request) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  const key = address(url.href.slice(SCOPE.length));
  return url.href.startsWith(SCOPE) && FILES.has(key) ? key : null;
}

// Files missing from the cache (the browser evicted it, or a damaged copy was taken out) are fetched again, all
// of them, once one is found missing: the site is then whole for use offline again. As an install: each checked.
let refilling = null;
function refill() {
  refilling = refilling || install().catch(() => {}).finally(() => (refilling = null));
  return refilling;
}

async function answer(event, key) {
  const { request } = event;
  const cache = await caches.open(CACHE);
  const kept = await cache.match(key);
  // A request that names its hash (the toolkit's wheel) is checked here too: a damaged copy would fail it on
  // every visit, so it is replaced instead.
  if (kept && !(request.integrity && (await digest(kept.clone())) !== FILES.get(key))) return kept;
  // Not in the cache: from the server, checked, and put back; then the rest of what is missing.
  try {
    const response = await fetch(key, { integrity: FILES.get(key), cache: "no-cache", credentials: "same-origin" });
    if (response.ok) {
      const stored = cache.put(key, response.clone()).catch(() => {});
      event.waitUntil(stored.then(refill));
    }
    return response;
  } catch {
    // Offline, or the server holds another build by now: look for one, and answer as the network does.
    self.registration.update().catch(() => {});
    return fetch(request);
  }
}

async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    // An address that is no page of the site, with the network gone: the site's own "not found" page.
    const missing = await (await caches.open(CACHE)).match(address("404.html"));
    if (missing) return new Response(missing.body, { status: 404, headers: missing.headers });
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  if (!BUILD) return;
  const key = fileFor(event.request);
  if (key) event.respondWith(answer(event, key));
  else if (event.request.mode === "navigate" && event.request.url.startsWith(SCOPE)) event.respondWith(page(event.request));
});
