// The practice page's script: starts the checker in a Web Worker (worker.js), sends each
// submitted answer to it and shows the verdict in the form, as text only.
// Contract: body[data-checker] is "loading", "ready" or "failed"; after a check the form's
// feedback box holds [data-verdict] (the verdict id, or "timeout", or "unchecked" when the
// checker did not load and nothing ran on the answer; [data-restricted] where
// the answer is right only at some layers; data-ms: milliseconds
// from sending the answer to the worker to its verdict) and [data-feedback].  A form with
// data-layer asks for a number at the page's layer.
// An answer that runs longer than body[data-limit-ms] ends the worker, which is restarted.
// body[data-stages]: the milliseconds each start-up step of the worker took (JSON);
// body[data-marks]: when each ended, in milliseconds since the page was opened (JSON);
// body[data-first-verdict]: when the first answer was sent and its verdict shown (JSON).
(() => {
  "use strict";
  const body = document.body;
  const said = JSON.parse(document.getElementById("practice-messages").textContent);
  const status = document.getElementById("checker-status");
  const lang = body.dataset.lang === "zh" ? "zh" : "en";
  const workerURL = new URL("worker.js", document.currentScript.src);
  const queue = [];
  let worker = null;
  let fetcher = null; // the worker's fetcher the head's script started (it ends itself)
  let current = null; // {form, answer, timer}
  let serial = 0;

  function show(state, line) {
    body.dataset.checker = state;
    status.textContent = line;
  }

  // the checker did not load: `key` names a catalogued reason (practice.reason.*), said in
  // the page's language; without one, `reason` (an error's own text) is said as it is
  function failed(reason, key) {
    const why = (key && said.reason[key]) || String(reason || "?");
    show("failed", said.status.failed.replace("{reason}", why.split("\n")[0].slice(0, 300)));
    if (worker) worker.terminate();
    if (fetcher) fetcher.terminate();
    worker = null;
    while (current || queue.length) finish({ verdict: "unchecked", feedback: status.textContent });
  }

  // the worker: `early` ({worker, events}: the one the page's first script started, and
  // what it said meanwhile), else a new one
  function start(early) {
    show("loading", said.status.loading);
    if (location.protocol === "file:") {
      failed(said.status.file); // a module worker and WebAssembly load only over http(s)
      return;
    }
    try {
      if (early) {
        worker = early.worker; // the head's script already named it the files
        fetcher = early.fetcher || null;
      } else {
        worker = new Worker(workerURL, { type: "module" });
        worker.postMessage({ kind: "start", files: files() });
      }
    } catch (error) {
      failed(error && error.message);
      return;
    }
    worker.onmessage = (event) => receive(event.data);
    worker.onerror = errored;
    for (const event of early ? early.events : []) {
      if (event.type === "error") errored(event);
      else receive(event.data);
    }
  }

  // the files the worker's start needs (#practice-files), as URLs
  function files() {
    const paths = JSON.parse(document.getElementById("practice-files").textContent);
    return Object.fromEntries(Object.entries(paths).map(([name, path]) => [name, new URL(path, location.href).href]));
  }

  function errored(event) {
    event.preventDefault();
    failed(event.message, event.message ? null : "worker");
  }

  function receive(message) {
    if (message.kind === "progress") {
      show("loading", said.status[message.step] || said.status.loading);
    } else if (message.kind === "ready") {
      // how long each start-up step took in the worker (milliseconds), for the benchmark
      body.dataset.stages = JSON.stringify(message.stages || {});
      // when each start-up step ended, in milliseconds since the page was opened
      const marks = Object.entries(message.marks || {});
      body.dataset.marks = JSON.stringify(
        Object.fromEntries(marks.map(([step, at]) => [step, Math.round(at - performance.timeOrigin)])),
      );
      show("ready", said.status.ready);
      next();
    } else if (message.kind === "failed") {
      failed(message.reason, message.key);
    } else if (message.kind === "result" && current && message.id === current.id) {
      let data;
      try {
        data = JSON.parse(message.json);
      } catch (error) {
        data = { verdict: "error", feedback: String(error) };
      }
      finish(data);
      next();
    }
  }

  function next() {
    if (current || !queue.length || body.dataset.checker !== "ready") return;
    current = queue.shift();
    current.id = ++serial;
    const limit = Number(body.dataset.limitMs) || 10000;
    current.timer = setTimeout(tooLong, limit);
    current.sent = performance.now();
    const form = current.form;
    // a form with data-layer asks for a number at the page's layer (practice/numbers.py)
    worker.postMessage({ id: current.id, question: form.dataset.question, answer: current.answer, lang, at: "layer" in form.dataset });
  }

  function tooLong() {
    finish({ verdict: "timeout", feedback: said.verdict.timeout });
    worker.terminate();
    worker = null;
    if (fetcher) fetcher.terminate(); // long done (it ends itself): nothing to wait for
    fetcher = null;
    start();
    show("loading", said.status.restarting);
  }

  function paragraph(box, cls, label, value) {
    const p = document.createElement("p");
    if (cls) p.className = cls;
    if (label) {
      const strong = document.createElement("strong");
      strong.textContent = label + ": ";
      p.append(strong);
    }
    p.append(document.createTextNode(value));
    box.append(p);
    return p;
  }

  function finish(data) {
    const item = current || queue.shift();
    if (!item) return;
    const took = item.sent === undefined ? null : performance.now() - item.sent;
    if (item === current) {
      clearTimeout(current.timer);
      current = null;
    }
    const box = item.form.querySelector(".feedback");
    box.replaceChildren();
    const verdict = String(data.verdict || "error");
    // an answer right only at some layers (its floor left out) keeps its verdict but has
    // its own banner and colour: never shown as plainly right
    const banner = data.restricted ? "restricted" : verdict;
    const line = paragraph(box, "verdict", "", said.verdict[banner] || verdict);
    line.dataset.verdict = verdict;
    if (data.restricted) line.dataset.restricted = "";
    if (took !== null) line.dataset.ms = took.toFixed(1); // to the worker and back
    if (took !== null && !body.dataset.firstVerdict) {
      // the first verdict: when its answer was sent and the verdict shown (ms since the
      // page was opened), for the benchmark
      const shown = performance.now();
      body.dataset.firstVerdict = JSON.stringify({ sent: Math.round(item.sent), shown: Math.round(shown) });
    }
    paragraph(box, "echo", said.label.answer, item.answer); // not "answer": the sheet's boxed-answer class
    if (data.parsed && data.parsed.text) {
      paragraph(box, "read-as", said.label.read_as, data.parsed.text);
    }
    for (const convention of data.conventions || []) {
      paragraph(box, "convention", said.label.conventions, convention.text);
    }
    if (data.misconception && data.misconception.title) {
      paragraph(box, "misconception", said.label.misconception, data.misconception.title);
    }
    paragraph(box, "words", "", String(data.feedback || "")).dataset.feedback = "";
  }

  function submitted(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const answer = form.elements.answer.value;
    if (current && current.form === form) return;
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].form === form) queue.splice(i, 1);
    const box = form.querySelector(".feedback");
    box.replaceChildren();
    queue.push({ form, answer });
    if (body.dataset.checker === "failed") {
      finish({ verdict: "unchecked", feedback: status.textContent });
      return;
    }
    paragraph(box, "pending", "", body.dataset.checker === "ready" ? said.status.checking : said.status.waiting);
    next();
  }

  for (const form of document.querySelectorAll("form[data-question]")) {
    form.addEventListener("submit", submitted);
  }
  // a link to an exercise's worked answer opens its <details> (closed until then)
  for (const link of document.querySelectorAll("a[data-opens]")) {
    link.addEventListener("click", () => {
      const target = document.getElementById(link.dataset.opens);
      if (target && target.tagName === "DETAILS") target.open = true;
    });
  }
  const early = window.practiceWorker;
  window.practiceWorker = null;
  start(early);
})();
