// The toolkit's browser runtime. It knows no tool by name: it serialises any form[data-tool] (repeating rows
// included), sends {tool, values} to one Web Worker running Python, and puts the answer where the page asked.
// Drafts stay in this browser (localStorage); nothing is sent anywhere. Links made from a form carry it after the
// "#" of the address, which a browser never sends to a server; Python makes and reads them (toolkit/links.py).
(() => {
  "use strict";
  const ASSETS = new URL("../", document.currentScript.src); // .../assets/, wherever the site is hosted
  // Drafts are kept per site and per tool: two copies of the toolkit on one host (/smart-working/ and /pilot/)
  // never share or clear each other's. Version 2 stores {version, saved, values}; version 1 (values only, keyed
  // without the site's path) is moved over once, by the first site that finds it.
  const SITE_PATH = new URL("../", ASSETS).pathname;
  const DRAFT_PREFIX = `swt:v2:${SITE_PATH}:`;
  const OLD_DRAFT_PREFIX = "swt:v1:";
  const RECORD_FORMAT = { format: "toolkit-record", version: 1 }; // as toolkit/records.py writes them
  // A boot that shows no progress for this long has stalled (a dropped connection leaves a download hanging).
  const STALL_MS = { download: 30000, start: 90000, toolkit: 60000 };

  // ------------------------------------------------------------ one worker for the whole visit
  // Kept at module level: Material's instant navigation swaps pages without reloading this script.
  let worker = null;
  let nextId = 1;
  const pending = new Map();
  const boot = { stage: "download", percent: 0, failed: null, ready: false };

  // ------------------------------------------------------------ Material's search waits for Python
  // On a 2-core machine, Material building its search index in its own worker while Python boots makes the
  // first result about a sixth slower (bench/). On a tool page that worker starts once Python is ready or has
  // failed; until then searching says it is starting. Messages sent to it meanwhile are kept and passed on.
  const RealWorker = window.Worker;
  let pythonSettled;
  const settled = new Promise((resolve) => (pythonSettled = resolve));

  class LaterWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.queue = [];
      settled.then(() => {
        this.worker = new RealWorker(url, options);
        this.worker.onmessage = ({ data }) => this.dispatchEvent(new MessageEvent("message", { data }));
        this.worker.onerror = ({ message }) => this.dispatchEvent(new ErrorEvent("error", { message }));
        for (const message of this.queue) this.worker.postMessage(message);
        this.queue = [];
      });
    }

    postMessage(message) {
      if (this.worker) this.worker.postMessage(message);
      else this.queue.push(message);
    }

    terminate() {
      settled.then(() => this.worker.terminate());
    }
  }

  if (document.querySelector('meta[name="swt-tool"]')) {
    window.Worker = function Worker(url, options) {
      const later = String(url).includes("/workers/search.") && !boot.ready && !boot.failed;
      return later ? new LaterWorker(url, options) : new RealWorker(url, options);
    };
  }

  let watchdog = null;
  let lastProgress = 0;

  function startWorker() {
    if (worker) return;
    lastProgress = performance.now();
    watchdog = setInterval(() => {
      if (boot.ready || boot.failed) return clearInterval(watchdog);
      if (performance.now() - lastProgress > STALL_MS[boot.stage]) {
        bootFailed(boot.stage === "download" ? "the download stopped part of the way through"
          : "Python took too long to start");
      }
    }, 1000);
    try {
      worker = new RealWorker(new URL("javascripts/toolkit-worker.js", ASSETS), { type: "module" });
    } catch (error) {
      return bootFailed(String(error));
    }
    window.__swtWorkerStarts = (window.__swtWorkerStarts || 0) + 1; // read by the tests and the benchmark
    compileForWorker(worker);
    performance.mark("swt:boot-start");
    worker.onmessage = ({ data }) => {
      if (data.type === "progress") {
        lastProgress = performance.now();
        if (data.stage !== "ready") Object.assign(boot, { stage: data.stage, percent: data.percent });
      }
      else if (data.type === "ready") {
        Object.assign(boot, { ready: true, percent: 100 });
        performance.mark("swt:boot-ready");
        rememberPython();
        pythonSettled();
        window.__swtBootTimings = data.timings; // read by the benchmark
        document.dispatchEvent(new CustomEvent("swt:python-ready")); // forms filled meanwhile get their result
      }
      else if (data.type === "failed") return bootFailed(data.message);
      else if (pending.has(data.id)) {
        pending.get(data.id)(data);
        pending.delete(data.id);
      }
      showBoot();
    };
    worker.onerror = (event) => bootFailed(event.message || "the worker could not start");
  }

  // On a repeat visit Python's WebAssembly is compiled here and the module handed to the worker: the browser
  // caches compiled code for a page's compile, not a worker's, so later visits start ~0.8 s sooner (bench/).
  // Not on a first visit: compiling here streams the download through this thread, ~250 ms of long tasks,
  // while the worker compiles just as fast off it. Without a module the worker compiles the file itself.
  const PYTHON_SEEN = "swt:python-seen"; // set once Python has started in this browser: its files are cached
  async function compileForWorker(target) {
    let module = null;
    try {
      if (localStorage.getItem(PYTHON_SEEN) && WebAssembly.compileStreaming) {
        const response = await fetch(new URL("pyodide/pyodide.asm.wasm", ASSETS));
        if (response.ok) {
          countForWorker(response.clone().body, target).catch(() => {});
          module = await WebAssembly.compileStreaming(response);
        }
      }
    } catch {
      module = null;
    }
    try {
      target.postMessage({ type: "wasm", module });
    } catch {
      target.postMessage({ type: "wasm", module: null }); // a browser that cannot pass a module to a worker
    }
  }

  function rememberPython() {
    try {
      localStorage.setItem(PYTHON_SEEN, "1");
    } catch {
      /* storage disabled: every visit is compiled like a first one */
    }
  }

  async function countForWorker(body, target) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      target.postMessage({ type: "bytes", bytes: value.byteLength });
    }
  }

  function bootFailed(reason) {
    if (boot.failed || boot.ready) return;
    boot.failed = reason;
    clearInterval(watchdog);
    if (worker) worker.terminate(); // a stalled boot that finishes later must not answer a page that gave up
    pythonSettled();
    for (const resolve of pending.values()) resolve({ error: reason });
    pending.clear();
    showBoot();
  }

  // Start Python again after a failed boot: a new worker, and every bound form asks again once it is ready.
  function retryBoot() {
    worker = null;
    Object.assign(boot, { stage: "download", percent: 0, failed: null, ready: false });
    lastAnnounced = "";
    startWorker();
    showBoot();
  }

  function ask(request) {
    if (boot.failed) return Promise.resolve({ error: boot.failed });
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      // The action beside the request: the worker warms up on computes without parsing what Python will parse.
      // The reader's own date goes with it: the worker's clock may be in another zone (toolkit/now.py).
      worker.postMessage({ id, action: request.action, request: JSON.stringify({ ...request, today: localDay() }) });
    });
  }

  function localDay() {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  }

  const STAGE_TEXT = {
    download: "Downloading the calculator",
    start: "Starting Python",
    toolkit: "Loading the toolkit",
  };

  let lastAnnounced = "";
  function showBoot() {
    for (const panel of document.querySelectorAll("[data-tool-boot]")) {
      const bar = panel.querySelector("[data-boot-bar]");
      const text = panel.querySelector("[data-boot-text]");
      const live = panel.querySelector("[data-boot-live]");
      const actions = panel.querySelector("[data-boot-actions]");
      // The worker starts from <head>, so progress can arrive while this panel is still being parsed;
      // mount() shows the current state again once the page is complete.
      if (!bar || !text || !live || !actions) continue;
      if (boot.failed) {
        panel.classList.add("swt-boot-failed");
        panel.hidden = false;
        bar.hidden = true;
        const words = "The calculator could not start, so results cannot be worked out here yet. Everything you " +
          "type is still kept in this browser, and you can download it. Try again, or reload the page; if it keeps " +
          `failing, use an up-to-date Chrome, Edge, Firefox or Safari. (Reason: ${boot.failed}.)`;
        text.textContent = words;
        live.textContent = words;
        if (!actions.childElementCount) actions.append(button("Try again", retryBoot), downloadTypedButton(panel));
      } else if (boot.ready) {
        panel.hidden = true;
      } else {
        panel.classList.remove("swt-boot-failed");
        bar.hidden = false;
        actions.replaceChildren();
        bar.value = boot.percent;
        text.textContent = `${STAGE_TEXT[boot.stage]}: ${boot.percent}%. You can fill in the form meanwhile.`;
        // Screen readers hear each stage once, and the percentage in steps of a quarter.
        const coarse = `${boot.stage}:${Math.floor(boot.percent / 25)}`;
        if (coarse !== lastAnnounced) {
          live.textContent = text.textContent;
          lastAnnounced = coarse;
        }
      }
    }
  }

  function button(label, onClick) {
    const el = document.createElement("button");
    el.type = "button";
    el.className = "md-button";
    el.textContent = label;
    el.addEventListener("click", onClick);
    return el;
  }

  // Without Python the form is still a form: what was typed downloads as a record that loads back later.
  function downloadTypedButton(panel) {
    return button("Download what I typed (JSON)", () => {
      const form = panel.closest("[data-tool-root]").querySelector("form[data-tool]");
      const values = serialise(form);
      const record = { ...RECORD_FORMAT, tool: form.dataset.tool, title: document.title, values, result: {} };
      download({ filename: `${form.dataset.draftKey.replace(/[^a-z0-9-]+/gi, "-")}-typed.json`,
        mime: "application/json", content: JSON.stringify(record, null, 2) });
    });
  }

  // ------------------------------------------------------------ reading and filling forms

  function setPath(target, path, value) {
    const parts = path.split(".");
    let node = target;
    parts.slice(0, -1).forEach((part) => (node = node[part] = node[part] || {}));
    node[parts[parts.length - 1]] = value;
  }

  function getPath(source, path) {
    return path.split(".").reduce((node, part) => (node == null ? undefined : node[part]), source);
  }

  // Repeating rows are named rows.0.x, rows.1.x: objects whose keys are all numbers become lists.
  function listify(node) {
    if (!node || typeof node !== "object") return node;
    const keys = Object.keys(node);
    for (const key of keys) node[key] = listify(node[key]);
    if (keys.length && keys.every((k) => /^\d+$/.test(k))) return keys.sort((a, b) => a - b).map((k) => node[k]);
    return node;
  }

  function serialise(form) {
    const values = {};
    for (const repeat of form.querySelectorAll("[data-repeat]")) setPath(values, repeat.dataset.repeat, {});
    for (const el of form.elements) {
      if (!el.name || el.type === "file" || el.disabled) continue;
      if (el.type === "checkbox" && el.hasAttribute("data-multi")) {
        const list = getPath(values, el.name) || [];
        if (el.checked) list.push(el.value);
        setPath(values, el.name, list);
      } else if (el.type === "checkbox") {
        setPath(values, el.name, el.checked);
      } else if (el.type === "radio") {
        if (el.checked || getPath(values, el.name) === undefined) setPath(values, el.name, el.checked ? el.value : "");
      } else {
        setPath(values, el.name, el.value);
      }
    }
    return listify(values);
  }

  // Returns what could not be taken, in words: rows past a repeat's limit.
  function fill(form, values) {
    const dropped = [];
    for (const repeat of form.querySelectorAll("[data-repeat]")) {
      const rows = getPath(values, repeat.dataset.repeat);
      if (!Array.isArray(rows)) continue;
      const max = Number(repeat.dataset.max);
      if (rows.length > max) {
        dropped.push(`It has ${rows.length} ${repeat.dataset.item} rows and this form takes ${max}: ` +
          `the last ${rows.length - max} were not loaded.`);
      }
      setRowCount(repeat, rows.length);
    }
    for (const el of form.elements) {
      if (!el.name || el.type === "file" || el.hasAttribute("data-fixed")) continue;
      const value = getPath(values, el.name);
      if (value === undefined || value === null || typeof value === "object" && !Array.isArray(value)) continue;
      if (el.type === "checkbox" && el.hasAttribute("data-multi")) el.checked = Array.isArray(value) && value.includes(el.value);
      else if (el.type === "checkbox") el.checked = value === true;
      else if (el.type === "radio") el.checked = String(value) === el.value;
      else if (el.tagName === "SELECT" && ![...el.options].some((o) => o.value === String(value))) continue;
      else el.value = String(value);
    }
    openUsedNotes(form);
    return dropped;
  }

  // A note behind "Add a note" is shown once it holds something, so nothing filled in is out of sight.
  function openUsedNotes(form) {
    for (const more of form.querySelectorAll("details[data-collapsed]")) {
      if (more.querySelector("textarea").value.trim()) more.open = true;
    }
  }

  // A question that applies only after a certain answer (the set day, after "at set times") is hidden
  // otherwise. Its value stays, and Python ignores it then, so changing one's mind loses nothing.
  function applyConditions(form) {
    for (const wrapper of form.querySelectorAll("[data-shown-when]")) {
      const own = wrapper.querySelector("[name]");
      const prefix = own.name.slice(0, own.name.lastIndexOf(".") + 1);
      const controls = controlsNamed(form, prefix + wrapper.dataset.shownWhen);
      const answer = controls.find((el) => el.checked) || controls[0]; // a radio group's answer, or the select
      const hide = Boolean(answer) && !wrapper.dataset.shownValues.split(" ").includes(answer.value);
      if (wrapper.hidden !== hide) wrapper.hidden = hide;
    }
  }

  // Back to the form as the page gave it: fields at their defaults, repeats at their fewest rows, nothing carried.
  function emptyForm(form) {
    form.reset();
    for (const el of form.querySelectorAll("[data-carried]")) el.value = "";
    for (const repeat of form.querySelectorAll("[data-repeat]")) setRowCount(repeat, 0);
  }

  // A row nobody has typed in: every text as the page gave it (a usual start of 09:00 is the page's, not theirs).
  // The controls a person changed before the form was bound, with their values: they win over a saved draft.
  function typedSoFar(form) {
    const changed = [];
    for (const el of form.elements) {
      if (!el.name || el.type === "file" || el.type === "hidden") continue;
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked !== el.defaultChecked) changed.push([el, el.checked]);
      } else if (el.tagName === "SELECT") {
        if (el.selectedIndex < 0 || !el.options[el.selectedIndex].defaultSelected) changed.push([el, el.value]);
      } else if (el.value !== el.defaultValue) {
        changed.push([el, el.value]);
      }
    }
    return changed;
  }

  function setControl(el, value) {
    if (el.type === "checkbox" || el.type === "radio") el.checked = value;
    else el.value = value;
  }

  function isEmptyForm(form) {
    return typedSoFar(form).length === 0 && [...form.querySelectorAll("[data-repeat]")].every(
      (repeat) => rowsOf(repeat).length <= Number(repeat.dataset.min) && rowsOf(repeat).every(isBlankRow));
  }

  function isBlankRow(row) {
    return [...row.querySelectorAll('input[type="text"], textarea')].every((el) => el.value.trim() === el.defaultValue)
      && [...row.querySelectorAll("select")].every((el) => el.selectedIndex < 0 || el.options[el.selectedIndex].defaultSelected);
  }

  function fixedValues(form) {
    const fixed = {};
    for (const el of form.querySelectorAll("[data-fixed]")) fixed[el.name] = el.value;
    return fixed;
  }

  // ------------------------------------------------------------ repeating rows

  function rowsOf(repeat) {
    return [...repeat.querySelector("[data-rows]").children];
  }

  function renumber(repeat) {
    const name = repeat.dataset.repeat.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`(${name})([.-])\\d+([.-])`, "g");
    const rows = rowsOf(repeat);
    rows.forEach((row, i) => {
      for (const el of row.querySelectorAll("[id],[for],[name],[aria-describedby],[data-error-for]")) {
        for (const attr of ["id", "for", "name", "aria-describedby", "data-error-for"]) {
          const value = el.getAttribute(attr);
          if (value) el.setAttribute(attr, value.replace(pattern, `$1$2${i}$3`));
        }
      }
      for (const number of row.querySelectorAll("[data-row-number]")) number.textContent = String(i + 1);
      row.querySelector('[data-row-action="up"]').disabled = i === 0;
      row.querySelector('[data-row-action="down"]').disabled = i === rows.length - 1;
      row.querySelector('[data-row-action="remove"]').disabled = rows.length <= Number(repeat.dataset.min);
    });
    repeat.querySelector(':scope > .swt-repeat-actions > [data-row-action="add"]').disabled = rows.length >= Number(repeat.dataset.max);
  }

  function addRow(repeat) {
    const template = repeat.querySelector(":scope > template[data-row-template]");
    const html = template.innerHTML.replaceAll("__i__", String(rowsOf(repeat).length)).replaceAll("__n__", "0");
    repeat.querySelector("[data-rows]").insertAdjacentHTML("beforeend", html);
    return rowsOf(repeat).at(-1);
  }

  function setRowCount(repeat, count) {
    const target = Math.max(Number(repeat.dataset.min), Math.min(Number(repeat.dataset.max), count));
    while (rowsOf(repeat).length < target) addRow(repeat);
    while (rowsOf(repeat).length > target) rowsOf(repeat).at(-1).remove();
    renumber(repeat);
  }

  function rowAction(button) {
    const repeat = button.closest("[data-repeat]");
    const row = button.closest("[data-row]");
    const action = button.dataset.rowAction;
    if (action === "add") {
      if (rowsOf(repeat).length >= Number(repeat.dataset.max)) return;
      const added = addRow(repeat);
      renumber(repeat);
      added.querySelector("input, select, textarea").focus();
    } else if (action === "remove") {
      if (rowsOf(repeat).length <= Number(repeat.dataset.min)) return;
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber(repeat);
      (next ? next.querySelector('[data-row-action="remove"]') : repeat.querySelector('[data-row-action="add"]')).focus();
    } else if (action === "up" && row.previousElementSibling) {
      row.previousElementSibling.before(row);
      renumber(repeat);
      button.disabled ? row.querySelector('[data-row-action="down"]').focus() : button.focus();
    } else if (action === "down" && row.nextElementSibling) {
      row.nextElementSibling.after(row);
      renumber(repeat);
      button.disabled ? row.querySelector('[data-row-action="up"]').focus() : button.focus();
    }
  }

  // ------------------------------------------------------------ showing answers

  function showErrors(root, form, errors, { focus = false } = {}) {
    // Only the messages now shown are cleared: touching all of them (500 on a team of 30) restyled the page.
    for (const slot of root.querySelectorAll("[data-error-for]:not([hidden])")) {
      slot.hidden = true;
      slot.textContent = "";
      slot.classList.remove("swt-field-note");
    }
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    const summary = root.querySelector("[data-error-summary]");
    const items = [];
    const seen = new Map();
    for (const { field, message } of errors) {
      const slot = root.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
      const control = slot && (controlsNamed(form, field)[0] || slot.closest("fieldset"));
      if (slot) {
        slot.textContent = message; // textContent: messages may quote what was typed
        slot.hidden = false;
      }
      if (control) control.setAttribute("aria-invalid", "true");
      const more = control && control.closest("details");
      if (more) more.open = true; // a problem with a note is never hidden behind "Add a note"
      const target = control && (control.id || (control.querySelector("input, select, textarea") || {}).id);
      const key = `${target || ""}\n${message}`;
      seen.set(key, (seen.get(key) || 0) + 1); // the same problem twice is two items
      items.push({ key: `${key}\n${seen.get(key)}`, target, message });
    }
    showSummary(summary, items);
    summary.hidden = errors.length === 0;
    if (focus && errors.length) summary.focus();
  }

  // The summary's list, changed only where the problems changed. Leaving a field shows its problem, and that
  // happens as the focus moves onto a link here (Tab, or a click's mousedown): a list made anew would take the
  // link from under the focus, and the click or Enter would go nowhere.
  function showSummary(summary, items) {
    const list = summary.querySelector("ul");
    if (!summary.dataset.linked) {
      summary.dataset.linked = "1";
      summary.addEventListener("click", (event) => {
        const link = event.target.closest("a[data-target]");
        const field = link && document.getElementById(link.dataset.target);
        if (!field) return;
        // Not a navigation: Material's instant navigation would take the link, and the focus with it.
        event.preventDefault();
        event.stopPropagation();
        field.focus();
      });
    }
    const kept = new Map([...list.children].map((item) => [item.dataset.key, item]));
    let next = list.firstElementChild;
    for (const { key, target, message } of items) {
      let item = kept.get(key);
      kept.delete(key);
      if (!item) {
        item = document.createElement("li");
        item.dataset.key = key;
        if (target) {
          const link = document.createElement("a");
          link.href = `#${target}`;
          link.dataset.target = target;
          link.textContent = message;
          item.append(link);
        } else {
          item.textContent = message;
        }
      }
      if (item === next) next = next.nextElementSibling;
      else list.insertBefore(item, next);
    }
    for (const item of kept.values()) item.remove();
  }

  // Things to check that do not stop the result, beside their fields (after showErrors cleared the slots).
  function showNotes(root, notes) {
    for (const { field, message } of notes) {
      const slot = root.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
      if (!slot || !slot.hidden) continue; // a problem with the field says more
      slot.textContent = message;
      slot.classList.add("swt-field-note");
      slot.hidden = false;
    }
  }

  // The controls named `name` (several for a group of checkboxes). form.elements.namedItem, not a [name=]
  // selector over the form: on the 40-row planner, 160 lookups took 0.7 ms instead of 9.8 (measured).
  function controlsNamed(form, name) {
    const found = name ? form.elements.namedItem(name) : null;
    return !found ? [] : found instanceof RadioNodeList ? [...found] : [found];
  }

  // Has the person been through the question this error is about? Errors about a group or a set of rows
  // (no control of that name) count as reached once any question in their fieldset, or the form, has been.
  function reached(form, field) {
    if (!field) return true;
    const controls = controlsNamed(form, field);
    if (controls.length) return controls.some((el) => el.dataset.reached);
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    const scope = (slot && slot.closest("fieldset")) || form;
    return Boolean(scope.querySelector("[data-reached]"));
  }

  // No result while the form is incomplete or wrong: an old result beside new answers would mislead.
  function showIncomplete(root, shown, waiting, revealAll) {
    const body = root.querySelector("[data-result-body]");
    const note = document.createElement("p");
    const problems = shown === 1 ? "1 problem" : `${shown} problems`;
    const questions = waiting === 1 ? "1 question" : `${waiting} questions`;
    note.textContent = waiting
      ? `Your result appears here once the form is complete: ${questions} still to answer` +
        (shown ? `, and ${problems} to put right above.` : ".")
      : `Your result appears here once the ${problems} listed above ${shown === 1 ? "is" : "are"} put right.`;
    body.replaceChildren(note);
    root.querySelector("[data-downloads]").replaceChildren();
    if (waiting) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = "Show what is missing";
      button.addEventListener("click", revealAll);
      body.append(button);
    }
    setStatus(root, note.textContent);
  }

  // The download buttons stay the same elements from one result to the next, and each reads the latest file
  // when clicked: a recompute (leaving a field fires one) must not swap a button out from under the pointer.
  // Files come without their content (making them on every recompute cost most of a large team's recompute):
  // `make(file)` asks Python for it on the click.
  const latestFiles = new WeakMap();

  function showResult(root, answer, make, print) {
    const body = root.querySelector("[data-result-body]");
    showParts(body, answer.parts); // built by Python, every typed value escaped
    body.dataset.computed = String(Number(body.dataset.computed || 0) + 1); // how many results were shown
    const downloads = root.querySelector("[data-downloads]");
    const files = answer.downloads || [];
    latestFiles.set(downloads, { files: new Map(files.map((file) => [file.label, file])), make });
    const labels = [...files.map((file) => file.label), "Print"];
    const shown = [...downloads.children].map((el) => el.textContent);
    if (shown.join("\n") === labels.join("\n")) return;
    downloads.replaceChildren(
      ...files.map(({ label }) => button(label, () => {
        const latest = latestFiles.get(downloads);
        const file = latest.files.get(label);
        return file.content === undefined ? latest.make(file) : download(file);
      })),
      button("Print", () => {
        // The tool's printable page, when it has one, is what Print prints: the same document as its download.
        const latest = latestFiles.get(downloads);
        const file = [...latest.files.values()].find((f) => f.label === PRINTABLE);
        return file ? print(file) : window.print();
      }));
  }

  const PRINTABLE = "Download as a printable page (HTML)"; // toolkit.documents.Rendered.files

  // The printable page shown for printing only, in place of the page: its body, with ids made its own (a figure
  // on the page has the same ones). Its typed values were escaped by Python, as for the result.
  function printDocument(html) {
    // Only its body: the page's own <style> would be refused under the strict CSP (toolkit.css styles it here).
    const body = html.slice(html.indexOf("<body>") + "<body>".length, html.lastIndexOf("</body>"));
    const fresh = document.createElement("template");
    fresh.innerHTML = body;
    let box = document.querySelector("[data-print-document]");
    if (!box) {
      box = Object.assign(document.createElement("div"), { className: "swt-print-document", hidden: true });
      box.setAttribute("data-print-document", "");
      document.body.append(box);
    }
    box.replaceChildren(fresh.content);
    const own = (id) => `${id}-print`;
    for (const el of box.querySelectorAll("[id]")) el.id = own(el.id);
    for (const el of box.querySelectorAll("[aria-labelledby]")) {
      el.setAttribute("aria-labelledby", el.getAttribute("aria-labelledby").split(/\s+/).map(own).join(" "));
    }
    for (const el of box.querySelectorAll("[fill^='url(#']")) {
      el.setAttribute("fill", el.getAttribute("fill").replace(/\)$/, "-print)"));
    }
    document.documentElement.classList.add("swt-printing");
    window.addEventListener("afterprint", () => {
      document.documentElement.classList.remove("swt-printing");
      box.replaceChildren();
    }, { once: true });
    window.print();
  }

  // Python sends the result in parts (a figure, a table, the findings), each shown in a box of its own. After an
  // edit only the parts whose HTML changed are parsed, and within them only what differs is touched: a team's
  // week rebuilt whole (hundreds of cells) made the browser style and lay out the page again on every key.
  const shownHtml = new WeakMap(); // part box -> the HTML it shows

  function showParts(body, parts) {
    let boxes = [...body.children];
    if (boxes.length !== parts.length || body.childNodes.length !== parts.length
        || !boxes.every((box) => box.matches("[data-part]"))) {
      boxes = parts.map(() => Object.assign(document.createElement("div"), { className: "swt-part" }));
      for (const box of boxes) box.setAttribute("data-part", "");
      body.replaceChildren(...boxes);
    }
    parts.forEach((html, i) => {
      if (shownHtml.get(boxes[i]) === html) return;
      shownHtml.set(boxes[i], html);
      const fresh = document.createElement("template");
      fresh.innerHTML = html;
      patchChildren(boxes[i], fresh.content);
    });
  }

  // Elements alike in tag, attributes and number of children are kept and their children patched; text that
  // differs is rewritten in place; anything else is replaced whole.
  function patchChildren(now, next) {
    const old = [...now.childNodes];
    const fresh = [...next.childNodes];
    if (old.length !== fresh.length) return now.replaceChildren(...fresh);
    fresh.forEach((node, i) => {
      const was = old[i];
      if (was.isEqualNode(node)) return;
      if (was.nodeType === Node.TEXT_NODE && node.nodeType === Node.TEXT_NODE) {
        was.nodeValue = node.nodeValue;
      } else if (was.nodeType === Node.ELEMENT_NODE && sameShell(was, node)) {
        patchChildren(was, node);
      } else {
        was.replaceWith(node);
      }
    });
  }

  function sameShell(a, b) {
    if (a.namespaceURI !== b.namespaceURI || a.tagName !== b.tagName) return false;
    if (a.attributes.length !== b.attributes.length) return false;
    for (const { name, value } of b.attributes) if (a.getAttribute(name) !== value) return false;
    return a.childNodes.length === b.childNodes.length;
  }

  function download({ filename, mime, content }) {
    const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function setStatus(root, text) {
    const status = root.querySelector("[data-tool-status]");
    if (status.textContent !== text) status.textContent = text;
  }

  // ------------------------------------------------------------ binding one tool
  // A bound tool is one object: its elements and its state, passed to the named parts below (draft, form events,
  // asking Python, showing the result, files), each short enough to read at once.

  function bind(form) {
    if (form.dataset.bound) return;
    form.dataset.bound = "1";
    const root = form.closest("[data-tool-root]");
    const tool = {
      form, root,
      key: DRAFT_PREFIX + form.dataset.draftKey,
      context: JSON.parse(form.dataset.toolContext || "{}"),
      notice: root.querySelector("[data-notice]"),
      draftNote: root.querySelector("[data-draft-note]"),
      busy: false, // a question is with Python
      again: false, // edits came meanwhile: ask once more when it answers
      importErrors: [], // a refused file or link stays explained until the next one is chosen
      rowChanges: [], // rows a file or link would change, offered side by side until accepted or set aside
      fieldErrors: [],
      complete: false, // the last answer was a result, not problems
      // A question's problem is shown once the person has been through it (a change or leaving the field), so a
      // fresh form does not open covered in complaints. A restored draft, the example or an import shows all.
      showAll: false,
    };
    restoreDraft(tool);
    listenForEdits(tool);
    listenForActions(tool);
    listenForFiles(tool);
    listenForLinks(tool);
    showLinkButtons(tool);
    openLink(tool);
    // Python that becomes ready later (after a retry) answers what is in the form by then.
    if (!boot.ready) document.addEventListener("swt:python-ready", () => form.isConnected && recompute(tool), { once: true });
    recompute(tool);
  }

  // --- draft: what was typed before this script bound the form (it loads while the page is read) wins over it

  function restoreDraft(tool) {
    const { form } = tool;
    const typed = typedSoFar(form);
    const draft = readDraft(tool.key, form.dataset.draftKey, (form.dataset.draftFormer || "").split(" ").filter(Boolean));
    if (draft.values) fill(form, draft.values);
    for (const [el, value] of typed) setControl(el, value);
    tool.showAll = Boolean(draft.values);
    if (typed.length) saveDraft(tool);
    for (const repeat of form.querySelectorAll("[data-repeat]")) renumber(repeat);
    if (draft.damaged) {
      tell(tool, "A draft kept in this browser earlier could not be read, so the form starts empty. The damaged " +
           "draft is kept aside, not overwritten.", button("Download the damaged draft", () => download({
        filename: "damaged-draft.txt", mime: "text/plain", content: draft.damaged })));
    }
  }

  function saveDraft(tool, values = serialise(tool.form)) {
    const problem = writeDraft(tool.key, values);
    const words = problem
      ? `This browser could not keep what you typed (${problem}). It is still in the form: download it to keep it.`
      : "What you type is kept in this browser only, so you can come back to it. Nothing is sent anywhere.";
    // Only when it changes: rewriting the same words on every keystroke made the page lay itself out again.
    if (tool.draftNote.textContent !== words) {
      tool.draftNote.classList.toggle("swt-warning", Boolean(problem));
      tool.draftNote.textContent = words;
    }
  }

  function tell(tool, message, ...actions) {
    tool.notice.replaceChildren(Object.assign(document.createElement("p"), { textContent: message }), ...actions);
    tool.notice.hidden = false;
  }

  // The example, Clear and a loaded file replace what is in the form; when there was something, they say so and
  // offer to put it back.
  function replaceWith(tool, values, message) {
    const { form } = tool;
    // A field still focused would report the replaced value as its own edit when it loses focus (a "change"),
    // which would end the offer of Undo at once: let it report what the person typed first.
    if (form.contains(document.activeElement)) document.activeElement.blur();
    const before = serialise(form);
    const hadSomething = !isEmptyForm(form);
    emptyForm(form);
    const dropped = values ? fill(form, values) : [];
    saveDraft(tool);
    const words = [message, ...dropped].join(" ");
    if (hadSomething) {
      tell(tool, words, button("Undo", () => {
        emptyForm(form);
        fill(form, before);
        tool.showAll = true;
        saveDraft(tool);
        tool.notice.hidden = true;
        recompute(tool);
      }));
    } else if (dropped.length) {
      tell(tool, words);
    } else {
      tool.notice.hidden = true;
    }
  }

  // --- form events: edits, leaving a field, the row buttons, Clear and the example

  function listenForEdits(tool) {
    const { form } = tool;
    // The import button is a file input: choosing a file is not an edit of the form.
    // Nor is ticking a reply to accept, or pasting links before adding them: they are not the form's answers.
    const edited = (event) => event.target.type !== "file" && !event.target.closest("[data-row-review]")
      && !event.target.hasAttribute("data-row-paste-text") && changed(tool);
    form.addEventListener("input", edited);
    form.addEventListener("change", (event) => {
      event.target.dataset.reached = "1";
      edited(event);
    });
    form.addEventListener("focusout", (event) => {
      if (event.target.name && !event.target.dataset.reached) {
        event.target.dataset.reached = "1";
        if (tool.fieldErrors.length) showProblems(tool, false); // the problem with the field just left, if any
      }
    });
    form.addEventListener("submit", (event) => event.preventDefault());
  }

  function changed(tool) {
    if (!tool.notice.hidden) tool.notice.hidden = true; // Undo is offered until the next edit, never over new typing
    const typed = serialise(tool.form);
    saveDraft(tool, typed);
    recompute(tool, { typed });
  }

  function listenForActions(tool) {
    const { form, root } = tool;
    form.addEventListener("click", (event) => {
      const clicked = event.target.closest("button");
      if (!clicked) return;
      if (clicked.dataset.rowAction) {
        rowAction(clicked);
        changed(tool);
      } else if (clicked.dataset.toolAction === "clear") {
        replaceWith(tool, null, "Cleared what you typed.");
        removeDraft(tool.key);
        tool.showAll = false;
        for (const el of form.querySelectorAll("[data-reached]")) delete el.dataset.reached;
        recompute(tool);
        setStatus(root, "Cleared. Nothing you typed is kept in this browser any more.");
      } else if (clicked.dataset.toolAction === "example") {
        replaceWith(tool, JSON.parse(clicked.dataset.example), "The example replaced what you had typed.");
        tool.showAll = true;
        recompute(tool);
      }
    });
  }

  // --- asking Python: one question at a time; edits made meanwhile are folded into a single follow-up

  // `typed`: the form's values when the caller has just read them (an edit reads them once for the draft and for
  // Python; on a team of 30 each reading is a few milliseconds).
  async function recompute(tool, { focusErrors = false, typed = null } = {}) {
    applyConditions(tool.form); // the first result and every change of the form's values come through here
    showLinkButtons(tool);
    if (tool.busy) return void (tool.again = true);
    tool.busy = true;
    const values = typed || serialise(tool.form);
    const answer = await ask({ tool: tool.form.dataset.tool, action: "compute", values, context: tool.context,
      lazy: true });
    tool.busy = false;
    if (!tool.form.isConnected) return;
    if (tool.again) {
      tool.again = false;
      return recompute(tool, { focusErrors });
    }
    showAnswer(tool, answer, focusErrors);
  }

  // --- the result: problems beside their fields, or the result, its notes and its files

  function showAnswer(tool, answer, focusErrors) {
    const { root } = tool;
    if (answer.error) return broken(tool, answer.error);
    const reply = JSON.parse(answer.result);
    if (reply.failure) {
      console.warn(reply.detail);
      setStatus(root, reply.failure);
      return;
    }
    tool.fieldErrors = reply.errors || [];
    tool.complete = Boolean(reply.ok);
    showProblems(tool, focusErrors);
    if (tool.complete) {
      showNotes(root, reply.notes || []);
      showResult(root, reply, (file) => makeFile(tool, file), (file) => makeFile(tool, file, printDocument));
      setStatus(root, reply.status);
    }
    performance.mark("swt:result"); // the benchmark times first results and recomputes by these
    root.dispatchEvent(new CustomEvent("swt:result", { bubbles: true }));
  }

  // The problems the person has reached, beside their fields; while there is no result, what is missing.
  function showProblems(tool, focus) {
    const { form, root } = tool;
    const shown = tool.fieldErrors.filter((error) => tool.showAll || reached(form, error.field));
    showErrors(root, form, [...tool.importErrors, ...shown], { focus });
    if (!tool.complete) {
      showIncomplete(root, shown.length, tool.fieldErrors.length - shown.length, () => {
        tool.showAll = true;
        showProblems(tool, true);
      });
    }
  }

  // Python failed after it had started (the boot panel explains a boot that failed): say so where the result
  // would be. What was typed stays in the form and the draft.
  function broken(tool, reason) {
    if (boot.failed) return;
    const note = document.createElement("p");
    note.className = "swt-warning";
    note.textContent = "The calculator stopped working, so this cannot be worked out now. What you typed is kept " +
      `in this browser: reload the page to start it again. (Reason: ${reason}.)`;
    tool.root.querySelector("[data-result-body]").replaceChildren(note, button("Reload the page", () => location.reload()));
    setStatus(tool.root, note.textContent);
  }

  // --- files: a download made by Python from the form as it is when its button is clicked; records and rows in

  async function makeFile(tool, file, then = download) {
    if (file.content !== undefined) return then(then === download ? file : file.content);
    const answer = await ask({ tool: tool.form.dataset.tool, action: "download", values: serialise(tool.form),
      context: tool.context, filename: file.filename });
    if (answer.error) return broken(tool, answer.error);
    const reply = JSON.parse(answer.result);
    if (reply.ok) then(then === download ? reply.download : reply.download.content);
    else setStatus(tool.root, "That download could not be made: put right the problems listed above first.");
  }

  function listenForFiles(tool) {
    tool.form.querySelector("[data-tool-import]").addEventListener("change", (event) => {
      const file = event.target.files[0];
      event.target.value = "";
      if (file) loadRecord(tool, file);
    });
    for (const input of tool.form.querySelectorAll("[data-row-import]")) {
      input.addEventListener("change", () => importRows(tool, input));
    }
    for (const paste of tool.form.querySelectorAll("[data-row-paste]")) {
      paste.addEventListener("click", () => pasteRows(tool, paste));
    }
  }

  // The worker checks a file's size too; this only avoids reading a huge file into the page at all.
  async function readLimited(tool, file) {
    const limit = Number(tool.form.dataset.importLimit);
    return file.size > limit * 4 ? "x".repeat(limit + 1) : file.text();
  }

  async function loadRecord(tool, file) {
    const { form, root } = tool;
    const text = await readLimited(tool, file);
    const answer = await ask({ tool: form.dataset.tool, action: "import", text, fixed: fixedValues(form) });
    if (answer.error) return broken(tool, answer.error);
    const reply = JSON.parse(answer.result);
    tool.importErrors = reply.ok ? [] : reply.errors;
    if (!reply.ok) return showErrors(root, form, [...tool.importErrors, ...tool.fieldErrors], { focus: true });
    // A loaded record replaces what was there; it is not merged into it.
    replaceWith(tool, reply.values, `Loaded ${file.name}; it replaced what you had typed.`);
    tool.showAll = true;
    await recompute(tool, { focusErrors: true });
    // Said on the page, not only to screen readers: a form filled from a file should say where it came from.
    if (tool.notice.hidden) tell(tool, `Loaded ${file.name}.`);
    setStatus(root, `Loaded ${file.name}.`);
  }

  // Rows from other tools' records (the team agreement takes members from planner files). Blank rows give way to
  // them; every file is either added or named with the reason it was not.
  async function importRows(tool, input) {
    const chosen = [...input.files];
    input.value = "";
    if (!chosen.length) return;
    const files = await Promise.all(chosen.map(async (file) => ({ name: file.name, text: await readLimited(tool, file) })));
    await addRows(tool, input.dataset.rowImport, files);
  }

  // Links pasted into a repeat's box, one a line (a team's replies): read like files, each named by its line.
  async function pasteRows(tool, button) {
    const box = button.parentElement.querySelector("[data-row-paste-text]");
    const lines = box.value.split(/\r?\n/).filter((line) => line.trim()); // Python finds the link in each line
    if (!lines.length) return setStatus(tool.root, "There is nothing pasted to add.");
    const added = await addRows(tool, button.dataset.rowPaste, lines.map((text, i) => ({ name: `Link ${i + 1}`, text })));
    if (added) box.value = ""; // what was pasted stays until Python has read it
  }

  // Python answers with rows to add, and rows that would change one already there (shown side by side to accept).
  async function addRows(tool, name, files) {
    const { form, root } = tool;
    const repeat = form.querySelector(`[data-repeat="${CSS.escape(name)}"]`);
    const filled = () => rowsOf(repeat).filter((row) => !isBlankRow(row)).length;
    const answer = await ask({ tool: form.dataset.tool, action: "import_rows", repeat: name, files, count: filled(),
      current: serialise(form), context: tool.context });
    if (answer.error) return broken(tool, answer.error);
    const reply = JSON.parse(answer.result);
    const field = `import.${name}`;
    tool.importErrors = [...tool.importErrors.filter((e) => e.field !== field), ...(reply.errors || [])];
    if (reply.rows && reply.rows.length) {
      // The form as it is now, not as it was when the files were chosen: typing meanwhile is kept.
      const values = serialise(form);
      const rows = Array.isArray(getPath(values, name)) ? getPath(values, name) : []; // an empty repeat reads as {}
      const kept = rows.filter((_, i) => !isBlankRow(rowsOf(repeat)[i]));
      setPath(values, name, [...kept, ...reply.rows]);
      fill(form, values);
      tool.showAll = true;
      saveDraft(tool);
    }
    if (reply.changes && reply.changes.length) showRowChanges(tool, repeat, reply.changes);
    await recompute(tool, { focusErrors: Boolean(reply.errors && reply.errors.length) });
    setStatus(root, (reply.notes || []).join(" ") || "No rows were added.");
    return reply.ok;
  }

  // Rows a file or link would change, each beside the row now (Python's table) with a box to tick: accepted ones
  // replace the row of the same name; the others stay offered until accepted or set aside.
  function showRowChanges(tool, repeat, changes) {
    let panel = repeat.querySelector(":scope > [data-row-review]");
    if (!panel) {
      panel = Object.assign(document.createElement("div"), { className: "swt-review" });
      panel.setAttribute("data-row-review", "");
      panel.setAttribute("data-screen-only", "");
      repeat.querySelector(":scope > .swt-repeat-actions").before(panel);
    }
    tool.rowChanges = [...(tool.rowChanges || []).filter((old) => !changes.some((c) => sameRow(c, old))), ...changes];
    const items = tool.rowChanges.map((change, i) => {
      const item = Object.assign(document.createElement("div"), { className: "swt-review-item" });
      const box = Object.assign(document.createElement("input"), { type: "checkbox", id: `${repeat.dataset.repeat}-accept-${i}`, checked: true });
      const label = Object.assign(document.createElement("label"), { htmlFor: box.id, textContent: change.label });
      const table = document.createElement("template");
      table.innerHTML = change.html; // built by Python, every typed value escaped
      const tick = Object.assign(document.createElement("div"), { className: "swt-option" });
      tick.append(box, label);
      item.append(table.content, tick);
      return item;
    });
    const heading = Object.assign(document.createElement("h3"), { textContent: "Replies that would change a row" });
    const accept = button("Accept the ticked replies", () => acceptRowChanges(tool, repeat, panel));
    const aside = button("Set them all aside", () => {
      tool.rowChanges = [];
      panel.remove();
      setStatus(tool.root, "The replies were set aside; the rows are as they were.");
    });
    const actions = Object.assign(document.createElement("div"), { className: "swt-actions" });
    actions.append(accept, aside);
    panel.replaceChildren(heading, ...items, actions);
  }

  function sameRow(a, b) {
    return a.key === b.key && String(a.value).toLowerCase() === String(b.value).toLowerCase();
  }

  function acceptRowChanges(tool, repeat, panel) {
    const ticked = [...panel.querySelectorAll('input[type="checkbox"]')].map((box) => box.checked);
    const accepted = tool.rowChanges.filter((_, i) => ticked[i]);
    if (!accepted.length) return setStatus(tool.root, "Tick the replies to accept first.");
    const values = serialise(tool.form);
    const rows = Array.isArray(getPath(values, repeat.dataset.repeat)) ? getPath(values, repeat.dataset.repeat) : [];
    for (const change of accepted) {
      const at = rows.findIndex((row) => String(row[change.key] || "").trim().toLowerCase() === String(change.value).toLowerCase());
      if (at >= 0) rows[at] = { ...rows[at], ...change.row };
      else rows.push(change.row);
    }
    setPath(values, repeat.dataset.repeat, rows);
    fill(tool.form, values);
    tool.rowChanges = tool.rowChanges.filter((_, i) => !ticked[i]);
    if (tool.rowChanges.length) showRowChanges(tool, repeat, []);
    else panel.remove();
    saveDraft(tool);
    recompute(tool);
    setStatus(tool.root, `Accepted ${accepted.length} ${accepted.length === 1 ? "reply" : "replies"}: ` +
      accepted.map((change) => change.value).join(", ") + ".");
  }

  // --- links: a form's values carried in the address after "#" (never sent to a server), made and read by Python

  function listenForLinks(tool) {
    const panel = tool.root.querySelector("[data-link-panel]");
    if (!panel) return;
    tool.form.addEventListener("click", (event) => {
      const clicked = event.target.closest("button");
      if (clicked && clicked.dataset.linkKind) makeLink(tool, clicked.dataset.linkKind);
      else if (clicked && clicked.hasAttribute("data-link-copy")) copyLink(tool, panel);
    });
  }

  // A button that needs a carried value ("invitation") shows only with it; "!invitation" only without it.
  function showLinkButtons(tool) {
    for (const el of tool.form.querySelectorAll("[data-link-kind]")) {
      const when = el.dataset.linkWhen || "";
      if (!when) continue;
      const carried = controlsNamed(tool.form, when.replace(/^!/, ""))[0];
      const filled = Boolean(carried && carried.value);
      el.hidden = when.startsWith("!") ? filled : !filled;
    }
  }

  async function makeLink(tool, kind) {
    const { form, root } = tool;
    const panel = root.querySelector("[data-link-panel]");
    const answer = await ask({ tool: form.dataset.tool, action: "link", kind, values: serialise(form),
      context: tool.context });
    if (answer.error) return broken(tool, answer.error);
    const reply = JSON.parse(answer.result);
    tool.importErrors = [...tool.importErrors.filter((e) => e.field !== "link"), ...(reply.ok ? [] : reply.errors)];
    showErrors(root, form, [...tool.importErrors, ...tool.fieldErrors.filter((e) => tool.showAll || reached(form, e.field))],
      { focus: !reply.ok });
    if (!reply.ok) return void (panel.hidden = true);
    const out = panel.querySelector("[data-link-out]");
    out.value = `${location.href.split("#")[0]}#${reply.fragment}`;
    panel.querySelector("[data-link-about]").textContent = reply.contains;
    panel.querySelector("[data-link-file]").replaceChildren(button("Download it as a file", () => download(reply.file)));
    panel.hidden = false;
    out.focus();
    out.select();
    setStatus(root, "The link is ready below: copy it and send it by whatever channel you use.");
  }

  async function copyLink(tool, panel) {
    const out = panel.querySelector("[data-link-out]");
    try {
      await navigator.clipboard.writeText(out.value);
      setStatus(tool.root, "The link is copied.");
    } catch {
      out.focus();
      out.select();
      setStatus(tool.root, "This browser would not copy it: the link is selected, so copy it yourself.");
    }
  }

  // A page opened with a link ("#swt1...") reads it once: a draft or an invitation fills the form (with Undo), a
  // reply joins the rows gathered. The link then leaves the address bar, so a reload keeps the draft instead.
  async function openLink(tool) {
    if (!location.hash.startsWith("#swt")) return;
    const text = location.hash;
    history.replaceState(history.state, "", location.href.split("#")[0]);
    const { form, root } = tool;
    const answer = await ask({ tool: form.dataset.tool, action: "open_link", text, context: tool.context });
    if (answer.error) return broken(tool, answer.error);
    const reply = JSON.parse(answer.result);
    if (!reply.ok) {
      tool.importErrors = [...tool.importErrors.filter((e) => e.field !== "link"), ...reply.errors];
      return showErrors(root, form, tool.importErrors, { focus: true });
    }
    if (reply.gather) {
      await addRows(tool, reply.gather, [{ name: "The link this page was opened with", text }]);
      return tell(tool, reply.message);
    }
    replaceWith(tool, reply.values, reply.message);
    if (tool.notice.hidden) tell(tool, reply.message);
    tool.showAll = true;
    showLinkButtons(tool);
    await recompute(tool);
  }

  // ------------------------------------------------------------ drafts in this browser

  // {values} for a draft that reads, {damaged: text} for one that does not (moved aside under its own key, never
  // overwritten), or {} for none. A draft of the old version, or kept under a tool's former name, is moved to
  // this site's key.
  // `formerNames`: names the tool had before (its form's data-draft-former), whose drafts move over once too.
  function readDraft(key, draftKey, formerNames = []) {
    let raw = null;
    let from = key;
    const places = [key, ...formerNames.flatMap((old) => [DRAFT_PREFIX + old, OLD_DRAFT_PREFIX + old]),
      OLD_DRAFT_PREFIX + draftKey];
    try {
      for (from of places) if ((raw = localStorage.getItem(from)) !== null) break;
    } catch {
      return {}; // storage switched off: nothing was kept
    }
    if (raw === null) return {};
    try {
      const draft = JSON.parse(raw);
      const v2 = draft && draft.version === 2 && draft.values && typeof draft.values === "object";
      if (from === key && v2) return { values: draft.values };
      if (from !== key && v2) {
        if (!writeDraft(key, draft.values)) localStorage.removeItem(from); // moved only once safely under the new key
        return { values: draft.values };
      }
      if (from !== key && draft && typeof draft === "object" && !Array.isArray(draft)) {
        // Moved only once it is safely under the new key.
        if (!writeDraft(key, draft)) localStorage.removeItem(from);
        return { values: draft };
      }
    } catch {
      /* kept aside below */
    }
    try {
      localStorage.setItem(`${key}:damaged:${Date.now()}`, raw);
      localStorage.removeItem(from);
    } catch {
      /* the damaged draft stays where it was */
    }
    return { damaged: raw };
  }

  // Nothing, or why the draft could not be kept, in words.
  function writeDraft(key, values) {
    try {
      localStorage.setItem(key, JSON.stringify({ version: 2, saved: new Date().toISOString(), values }));
      return "";
    } catch (error) {
      return error && error.name === "QuotaExceededError" ? "its storage is full" : "its storage is switched off";
    }
  }

  function removeDraft(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      /* storage switched off: nothing was kept */
    }
  }

  // ------------------------------------------------------------ the site kept in this browser (offline)
  // A service worker (sw.js at the site's root, so its scope is this site's path and no other copy's) keeps this
  // build of the site in the browser: after one visit to a tool page every page and tool works with the network
  // gone, and later visits start without asking the server about each file. It is registered from a tool page
  // once Python has answered and warmed (never from a guidance page, which loads no Python, and never while
  // the first result is being made); every page watches it for a newer build. With org.yml's `offline: false`
  // the pages carry no swt-offline meta, and one that an earlier build registered is taken away here (and by
  // the sw.js that build ships). A browser without service workers (private windows in some) works as before.
  const OFFLINE = document.querySelector('meta[name="swt-offline"]');
  const SITE_URL = new URL("../", ASSETS).href;
  const OFFLINE_SAID = `swt:offline-said:${SITE_PATH}`;
  const REGISTER_AFTER_MS = 3000; // after the first result and the worker's warm-up (toolkit-worker.js)
  const offline = { registration: null, registering: false, updating: false, lastCheck: -Infinity };

  function offlineNote() {
    let note = document.querySelector("[data-swt-offline]");
    if (!note) {
      // A polite status, outside what instant navigation swaps, so it stays across pages; not a dialog.
      note = document.createElement("div");
      note.className = "swt-offline";
      note.dataset.swtOffline = "";
      note.hidden = true;
      const text = document.createElement("p");
      text.setAttribute("role", "status");
      text.dataset.offlineText = "";
      const actions = document.createElement("span");
      actions.dataset.offlineActions = "";
      note.append(text, actions);
      document.body.append(note);
    }
    return note;
  }

  function sayOffline(words, ...actions) {
    const note = offlineNote();
    const text = note.querySelector("[data-offline-text]");
    clearTimeout(offline.fade);
    note.hidden = !words;
    if (text.textContent !== words) text.textContent = words;
    note.querySelector("[data-offline-actions]").replaceChildren(...actions);
  }

  function readyOffline() {
    try {
      if (localStorage.getItem(OFFLINE_SAID)) return;
      localStorage.setItem(OFFLINE_SAID, "1");
    } catch {
      /* storage disabled: said on this page only */
    }
    sayOffline("This site now works offline in this browser too.");
    offline.fade = setTimeout(() => sayOffline(""), 10000);
  }

  function updateReady(waiting) {
    sayOffline("A newer version of this site is ready.", button("Load it", () => {
      offline.updating = true; // drafts need nothing more: each edit is kept as it is made
      waiting.postMessage({ type: "swt:skip-waiting" });
    }));
    performance.mark("swt:update-ready"); // read by the tests
  }

  function watchOffline(registration) {
    if (offline.registration === registration) return;
    offline.registration = registration;
    const container = navigator.serviceWorker;
    const follow = (worker) => {
      if (!worker) return;
      worker.addEventListener("statechange", () => {
        if (worker.state === "installed" && container.controller) updateReady(worker);
        if (worker.state === "activated" && !container.controller) readyOffline();
      });
    };
    if (registration.waiting && container.controller) updateReady(registration.waiting);
    else if (registration.active && !registration.installing) readyOffline();
    follow(registration.installing || registration.waiting);
    registration.addEventListener("updatefound", () => follow(registration.installing));
    container.addEventListener("controllerchange", () => {
      // This page asked for the newer build: load it. Another tab did: offer the same.
      if (offline.updating) location.reload();
      else sayOffline("A newer version of this site was loaded in another tab.",
        button("Load it", () => location.reload()));
    });
    container.addEventListener("message", ({ data }) => {
      if (!data || data.type !== "swt:offline-failed") return;
      const words = container.controller
        ? `A newer version of this site could not be made ready in this browser (${data.reason}). This one ` +
          "goes on working, and nothing you typed is lost."
        : `This site could not be kept in this browser for use offline (${data.reason}). It works as before ` +
          "while you are online, and nothing you typed is lost.";
      sayOffline(words, button("Try again", () => {
        sayOffline("");
        // The install starts again where it stopped (what it had cached is kept).
        registration.update().catch(() => navigator.serviceWorker.register(new URL("sw.js", SITE_URL),
          { scope: SITE_URL })).catch(() => {});
      }));
    });
    container.startMessages();
  }

  async function registerOffline() {
    if (offline.registering || !OFFLINE || !("serviceWorker" in navigator)) return;
    offline.registering = true;
    try {
      const registration = await navigator.serviceWorker.register(new URL("sw.js", SITE_URL), { scope: SITE_URL });
      if (registration) watchOffline(registration);
    } catch (error) {
      console.info(`toolkit: this browser will not keep the site for use offline (${error && error.message}).`);
    } finally {
      offline.registering = false;
    }
  }

  // Every page: follow a worker registered earlier (a newer build, a failed install), or take it away when the
  // site no longer wants one; and ask whether a newer build is out (sw.js, one small file, off the page's path),
  // on a page load and at most once a minute across instant navigation. (Chromium's own check on navigation was
  // seen not to come on every reload.)
  async function checkOffline() {
    if (!("serviceWorker" in navigator)) return;
    let registration;
    try {
      registration = await navigator.serviceWorker.getRegistration(SITE_URL);
    } catch {
      return; // storage switched off: no service workers here
    }
    if (registration && registration.scope !== SITE_URL) registration = null; // a wider site's, not ours
    if (!OFFLINE) {
      if (registration) await registration.unregister();
      for (const name of await caches.keys()) {
        if (name.startsWith(`swt-offline ${SITE_URL} `)) await caches.delete(name);
      }
      return;
    }
    if (!registration) return;
    watchOffline(registration);
    if (performance.now() - offline.lastCheck > 60000) {
      offline.lastCheck = performance.now();
      registration.update().catch(() => {}); // offline, or the server is away: the build in hand goes on
    }
  }

  function offlineAfterPython() {
    if (!OFFLINE) return;
    settled.then(() => setTimeout(registerOffline, boot.ready ? REGISTER_AFTER_MS : 0));
  }

  // ------------------------------------------------------------ every page, including instant navigation

  function mount() {
    checkOffline().catch(() => {});
    const forms = document.querySelectorAll("form[data-tool]");
    if (!forms.length) return; // pages without a tool load no Python at all
    offlineAfterPython();
    performance.mark("swt:mount"); // the page is in place (after instant navigation too): the benchmark splits here
    startWorker();
    showBoot();
    forms.forEach(bind);
    performance.measure("swt:bind", "swt:mount"); // this page's own main-thread cost, for the benchmark
  }

  // Loaded async from <head>: start Python at once on a tool page, bind forms once Material's document$ exists.
  if (document.querySelector('meta[name="swt-tool"]')) startWorker();
  function subscribe() {
    if (window.document$) window.document$.subscribe(mount);
    else mount();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
  else subscribe();
})();
