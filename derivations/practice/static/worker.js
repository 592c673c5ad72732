// The checker in a Web Worker: Pyodide (./pyodide/, copied from its npm package by
// `derivations docs`) runs the package's own code, unpacked from ./checker.zip onto
// sys.path.  Nothing is fetched but these files of the site.  The runtime and the
// archive are fetched at once, in parallel, as the worker starts.  Messages to the page:
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
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(here("./pyodide/pyodide.mjs")));
  } catch (error) {
    throw new Error(`the Python runtime is missing (practice/pyodide/pyodide.mjs)`);
  }
  lap("loader");
  const pyodide = await loadPyodide({ indexURL: here("./pyodide/"), stdout: () => {}, stderr: () => {} });
  lap("runtime"); // the interpreter (wasm) and the standard library
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
