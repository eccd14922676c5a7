// The toolkit's browser runtime. It knows no tool by name: it serialises any form[data-tool] (repeating rows
// included), sends {tool, values} to one Web Worker running Python, and puts the answer where the page asked.
// Drafts stay in this browser (localStorage); nothing is sent anywhere.
(() => {
  "use strict";
  const ASSETS = new URL("../", document.currentScript.src); // .../assets/, wherever the site is hosted
  const DRAFT_PREFIX = "swt:v1:";

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

  function startWorker() {
    if (worker) return;
    try {
      worker = new RealWorker(new URL("javascripts/toolkit-worker.js", ASSETS), { type: "module" });
    } catch (error) {
      return bootFailed(String(error));
    }
    window.__swtWorkerStarts = (window.__swtWorkerStarts || 0) + 1; // read by the tests and the benchmark
    compileForWorker(worker);
    performance.mark("swt:boot-start");
    worker.onmessage = ({ data }) => {
      if (data.type === "progress") Object.assign(boot, { stage: data.stage, percent: data.percent });
      else if (data.type === "ready") {
        Object.assign(boot, { ready: true, percent: 100 });
        performance.mark("swt:boot-ready");
        rememberPython();
        pythonSettled();
        window.__swtBootTimings = data.timings; // read by the benchmark
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
    boot.failed = reason;
    pythonSettled();
    for (const resolve of pending.values()) resolve({ error: reason });
    pending.clear();
    showBoot();
  }

  function ask(request) {
    if (boot.failed) return Promise.resolve({ error: boot.failed });
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, request: JSON.stringify(request) });
    });
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
      // The worker starts from <head>, so progress can arrive while this panel is still being parsed;
      // mount() shows the current state again once the page is complete.
      if (!bar || !text) continue;
      if (boot.failed) {
        panel.classList.add("swt-boot-failed");
        bar.hidden = true;
        text.textContent = "The calculator could not start in this browser, so results cannot be worked out here. " +
          "Everything you type is still kept in this browser. Try reloading the page, or use an up-to-date " +
          `Chrome, Edge, Firefox or Safari. (Reason: ${boot.failed})`;
      } else if (boot.ready) {
        panel.hidden = true;
      } else {
        bar.value = boot.percent;
        // Screen readers hear each stage once, and the percentage in steps of a quarter.
        const words = `${STAGE_TEXT[boot.stage]}: ${boot.percent}%. You can fill in the form meanwhile.`;
        const coarse = `${boot.stage}:${Math.floor(boot.percent / 25)}`;
        if (coarse !== lastAnnounced || !text.textContent.startsWith(STAGE_TEXT[boot.stage])) {
          text.textContent = words;
          lastAnnounced = coarse;
        }
      }
    }
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

  function fill(form, values) {
    for (const repeat of form.querySelectorAll("[data-repeat]")) {
      const rows = getPath(values, repeat.dataset.repeat);
      if (Array.isArray(rows)) setRowCount(repeat, rows.length);
    }
    for (const el of form.elements) {
      if (!el.name || el.type === "file" || el.hasAttribute("data-fixed")) continue;
      const value = getPath(values, el.name);
      if (value === undefined || value === null || typeof value === "object" && !Array.isArray(value)) continue;
      if (el.type === "checkbox" && el.hasAttribute("data-multi")) el.checked = Array.isArray(value) && value.includes(el.value);
      else if (el.type === "checkbox") el.checked = value === true;
      else if (el.type === "radio") el.checked = String(value) === el.value;
      else el.value = String(value);
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
  function isBlankRow(row) {
    return [...row.querySelectorAll('input[type="text"], textarea')].every((el) => el.value.trim() === el.defaultValue);
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
    for (const slot of root.querySelectorAll("[data-error-for]")) {
      slot.hidden = true;
      slot.textContent = "";
    }
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    const summary = root.querySelector("[data-error-summary]");
    const list = summary.querySelector("ul");
    list.replaceChildren();
    for (const { field, message } of errors) {
      const slot = root.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
      const control = slot && (controlsNamed(form, field)[0] || slot.closest("fieldset"));
      if (slot) {
        slot.textContent = message; // textContent: messages may quote what was typed
        slot.hidden = false;
      }
      if (control) control.setAttribute("aria-invalid", "true");
      const item = document.createElement("li");
      const target = control && (control.id || (control.querySelector("input, select, textarea") || {}).id);
      if (target) {
        const link = document.createElement("a");
        link.href = `#${target}`;
        link.textContent = message;
        link.addEventListener("click", (event) => {
          event.preventDefault();
          document.getElementById(target).focus();
        });
        item.append(link);
      } else {
        item.textContent = message;
      }
      list.append(item);
    }
    summary.hidden = errors.length === 0;
    if (focus && errors.length) summary.focus();
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

  function showResult(root, answer) {
    const body = root.querySelector("[data-result-body]");
    body.innerHTML = answer.html; // built by Python, every typed value escaped
    body.dataset.computed = String(Number(body.dataset.computed || 0) + 1); // how many results were shown
    const downloads = root.querySelector("[data-downloads]");
    downloads.replaceChildren();
    for (const file of answer.downloads || []) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = file.label;
      button.addEventListener("click", () => download(file));
      downloads.append(button);
    }
    const print = document.createElement("button");
    print.type = "button";
    print.className = "md-button";
    print.textContent = "Print";
    print.addEventListener("click", () => window.print());
    downloads.append(print);
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

  function bind(form) {
    if (form.dataset.bound) return;
    form.dataset.bound = "1";
    const root = form.closest("[data-tool-root]");
    const key = DRAFT_PREFIX + form.dataset.draftKey;
    const context = JSON.parse(form.dataset.toolContext || "{}");
    let busy = false;
    let again = false;
    // A refused file stays explained until the next file is chosen, whatever is recomputed meanwhile.
    let importErrors = [];
    let fieldErrors = [];
    let complete = false; // the last answer was a result, not problems
    // A question's problem is shown once the person has been through it (a change or leaving the field), so a
    // fresh form does not open covered in complaints. A restored draft, the example or an import shows all.
    let showAll = false;

    const saved = readDraft(key);
    if (saved) fill(form, saved);
    showAll = Boolean(saved);
    for (const repeat of form.querySelectorAll("[data-repeat]")) renumber(repeat);

    // One request at a time; edits made meanwhile are folded into a single follow-up request.
    async function recompute({ focusErrors = false } = {}) {
      applyConditions(form); // the first result and every change of the form's values come through here
      if (busy) return void (again = true);
      busy = true;
      const values = serialise(form);
      const answer = await ask({ tool: form.dataset.tool, action: "compute", values, context });
      busy = false;
      if (!form.isConnected) return;
      if (again) {
        again = false;
        return recompute({ focusErrors });
      }
      render(answer, focusErrors);
    }

    function render(answer, focusErrors) {
      if (answer.error) return; // the boot panel explains; what was typed stays in the form and the draft
      const reply = JSON.parse(answer.result);
      if (reply.failure) {
        console.warn(reply.detail);
        setStatus(root, reply.failure);
        return;
      }
      fieldErrors = reply.errors || [];
      complete = Boolean(reply.ok);
      showProblems(focusErrors);
      if (complete) {
        showResult(root, reply);
        setStatus(root, reply.status);
      }
      performance.mark("swt:result"); // the benchmark times first results and recomputes by these
      root.dispatchEvent(new CustomEvent("swt:result", { bubbles: true }));
    }

    // The problems the person has reached, beside their fields; while there is no result, what is missing.
    function showProblems(focus) {
      const shown = fieldErrors.filter((error) => showAll || reached(form, error.field));
      showErrors(root, form, [...importErrors, ...shown], { focus });
      if (!complete) showIncomplete(root, shown.length, fieldErrors.length - shown.length, revealAll);
    }

    function revealAll() {
      showAll = true;
      showProblems(true);
    }

    function changed() {
      writeDraft(key, serialise(form));
      recompute();
    }

    // The import button is a file input: choosing a file is not an edit of the form.
    const edited = (event) => event.target.type !== "file" && changed();
    form.addEventListener("input", edited);
    form.addEventListener("change", (event) => {
      event.target.dataset.reached = "1";
      edited(event);
    });
    form.addEventListener("focusout", (event) => {
      if (event.target.name && !event.target.dataset.reached) {
        event.target.dataset.reached = "1";
        if (fieldErrors.length) showProblems(false); // the problem with the field just left, if it has one
      }
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.rowAction) {
        rowAction(button);
        changed();
      } else if (button.dataset.toolAction === "clear") {
        localStorage.removeItem(key);
        emptyForm(form);
        showAll = false;
        for (const el of form.querySelectorAll("[data-reached]")) delete el.dataset.reached;
        recompute();
        setStatus(root, "Cleared. Nothing you typed is kept in this browser any more.");
      } else if (button.dataset.toolAction === "example") {
        fill(form, JSON.parse(root.querySelector("[data-tool-example]").textContent));
        showAll = true;
        changed();
      }
    });
    form.querySelector("[data-tool-import]").addEventListener("change", async (event) => {
      const file = event.target.files[0];
      event.target.value = "";
      if (!file) return;
      const limit = Number(form.dataset.importLimit);
      // The worker checks the size too; this only avoids reading a huge file into the page at all.
      const text = file.size > limit * 4 ? "x".repeat(limit + 1) : await file.text();
      const answer = await ask({ tool: form.dataset.tool, action: "import", text, fixed: fixedValues(form) });
      if (answer.error) return;
      const reply = JSON.parse(answer.result);
      importErrors = reply.ok ? [] : reply.errors;
      if (!reply.ok) return showErrors(root, form, [...importErrors, ...fieldErrors], { focus: true });
      emptyForm(form); // a loaded record replaces what was there, it is not merged into it
      fill(form, reply.values);
      showAll = true;
      writeDraft(key, serialise(form));
      await recompute({ focusErrors: true });
      setStatus(root, `Loaded ${file.name}.`);
    });
    for (const input of form.querySelectorAll("[data-row-import]")) {
      input.addEventListener("change", () => importRows(input));
    }

    // Rows from other tools' records (the team agreement takes members from planner files). Blank rows give
    // way to them; every file is either added or named with the reason it was not.
    async function importRows(input) {
      const chosen = [...input.files];
      input.value = "";
      if (!chosen.length) return;
      const repeat = form.querySelector(`[data-repeat="${CSS.escape(input.dataset.rowImport)}"]`);
      const limit = Number(form.dataset.importLimit);
      const files = await Promise.all(chosen.map(async (file) => ({
        name: file.name, text: file.size > limit * 4 ? "x".repeat(limit + 1) : await file.text() })));
      const values = serialise(form);
      const kept = (getPath(values, repeat.dataset.repeat) || []).filter((_, i) => !isBlankRow(rowsOf(repeat)[i]));
      const answer = await ask({ tool: form.dataset.tool, action: "import_rows", repeat: repeat.dataset.repeat,
        files, count: kept.length });
      if (answer.error) return;
      const reply = JSON.parse(answer.result);
      const field = `import.${repeat.dataset.repeat}`;
      importErrors = [...importErrors.filter((e) => e.field !== field), ...(reply.errors || [])];
      if (reply.rows && reply.rows.length) {
        setPath(values, repeat.dataset.repeat, [...kept, ...reply.rows]);
        fill(form, values);
        showAll = true;
        writeDraft(key, serialise(form));
      }
      await recompute({ focusErrors: Boolean(reply.errors && reply.errors.length) });
      setStatus(root, (reply.notes || []).join(" ") || "No rows were added.");
    }
    recompute();
  }

  function readDraft(key) {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch {
      return null; // a damaged draft is ignored rather than breaking the page
    }
  }

  function writeDraft(key, values) {
    try {
      localStorage.setItem(key, JSON.stringify(values));
    } catch {
      /* storage full or disabled: the form still works, the draft is just not kept */
    }
  }

  // ------------------------------------------------------------ every page, including instant navigation

  function mount() {
    const forms = document.querySelectorAll("form[data-tool]");
    if (!forms.length) return; // pages without a tool load no Python at all
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
