// The checker in a Web Worker: Pyodide (./pyodide/, copied from its npm package by
// `derivations docs`) runs the package's own code, unpacked from ./checker.zip onto
// sys.path.  Nothing is fetched but these files of the site.  The runtime, the
// archive and Pyodide's memory snapshot (./pyodide/checker.snapshot, when docs could
// make it) are fetched at once, in parallel, as the worker starts.  Messages to the page:
// {kind: "progress", step}, {kind: "ready", stages} (stages: milliseconds each start-up
// step took, for the benchmark), {kind: "failed", reason} and {kind: "result", id, json};
// from the page: {id, question, answer, lang, at} (at: the question asks for a number at
// the page's layer).
const say = (message) => self.postMessage(message);
const here = (name) => new URL(name, import.meta.url).href;
const SITE = "/home/pyodide/checker";
const BOOT = `
import sys
sys.path.insert(0, ${JSON.stringify(SITE)})
from derivations.practice.browser import answer, warm, warm_steps
from derivations.practice.numbers import answer_at
answer("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w", "en")  # imports everything a check uses
`;

let check = null;
let checkAt = null;

async function archive() {
  const response = await fetch(here("./checker.zip"));
  if (!response.ok) throw new Error(`practice/checker.zip: HTTP ${response.status}`);
  return response.arrayBuffer();
}

// Pyodide's memory snapshot (derivations/practice/snapshot.py), or null: used only when
// its key names this archive (SHA-256) and this Pyodide; absent or stale, Python starts
// as without one
function fetchSnapshot() {
  const pending = Promise.all([
    fetch(here("./pyodide/checker.snapshot.json")).then((r) => (r.ok ? r.json() : null)),
    fetch(here("./pyodide/checker.snapshot")).then((r) => (r.ok ? r.arrayBuffer() : null)),
  ]);
  pending.catch(() => {}); // awaited in snapshot(), where a failure means "none"
  return pending;
}

async function snapshot(pending, zip, version) {
  try {
    const [keyed, data] = await pending;
    if (!keyed || !data || keyed.pyodide !== version) return null;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await zip));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
    return keyed.archive === hex ? new Uint8Array(data) : null;
  } catch (error) {
    return null;
  }
}

async function boot() {
  const stages = {};
  let last = performance.now();
  const lap = (name) => {
    const now = performance.now();
    stages[name] = Math.round(now - last);
    last = now;
  };
  say({ kind: "progress", step: "loading" });
  const zip = archive(); // in parallel with the runtime
  zip.catch(() => {}); // awaited below; a failure is reported there
  const pending = fetchSnapshot(); // also in parallel
  let loadPyodide, version;
  try {
    ({ loadPyodide, version } = await import(here("./pyodide/pyodide.mjs")));
  } catch (error) {
    throw new Error(`the Python runtime is missing (practice/pyodide/pyodide.mjs)`);
  }
  lap("loader");
  const saved = await snapshot(pending, zip, version);
  lap("snapshot"); // fetching and keying the snapshot (the archive awaited for its hash)
  const options = { indexURL: here("./pyodide/"), stdout: () => {}, stderr: () => {} };
  let pyodide = null;
  if (saved) {
    try {
      pyodide = await loadPyodide({ ...options, _loadSnapshot: saved });
      stages.restored = 1;
    } catch (error) {
      say({ kind: "progress", step: "loading" }); // refused: start Python without it
    }
  }
  if (!pyodide) pyodide = await loadPyodide(options);
  lap("runtime"); // the interpreter (wasm) and the standard library, or the snapshot restored
  say({ kind: "progress", step: "checker" });
  const bytes = await zip;
  lap("archive"); // what was left to wait for the archive
  pyodide.unpackArchive(bytes, "zip", { extractDir: SITE });
  lap("unpack");
  pyodide.runPython(BOOT);
  lap("imports");
  check = pyodide.globals.get("answer");
  checkAt = pyodide.globals.get("answer_at");
  say({ kind: "ready", stages });
  warmUp(pyodide);
}

// after "ready": load every question's derivations, one per task, so an answer that
// arrives meanwhile waits for one step at most and no later answer pays for loading
async function warmUp(pyodide) {
  const steps = pyodide.globals.get("warm_steps")().toJs();
  const warm = pyodide.globals.get("warm");
  for (const step of steps) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      warm(step);
    } catch (error) {
      return; // an answer would load it again, and say what failed
    }
  }
}

const started = boot().then(
  () => true,
  (error) => {
    say({ kind: "failed", reason: String((error && error.message) || error).split("\n")[0] });
    return false;
  },
);

self.onmessage = async (event) => {
  const { id, question, answer, lang, at } = event.data;
  if (!(await started)) return;
  let json;
  try {
    json = (at ? checkAt : check)(String(question), String(answer), String(lang));
  } catch (error) {
    const line = String((error && error.message) || error).trim().split("\n").pop();
    json = JSON.stringify({ question, verdict: "error", feedback: line });
  }
  say({ kind: "result", id, json });
};
