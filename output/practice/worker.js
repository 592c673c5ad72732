// The checker in a Web Worker: Pyodide (./pyodide/, copied from its npm package by
// `derivations docs`) runs the package's own code, unpacked from ./checker.zip onto
// sys.path.  Nothing is fetched but these files of the site.  Messages to the page:
// {kind: "progress", step}, {kind: "ready"}, {kind: "failed", reason} and
// {kind: "result", id, json}; from the page: {id, question, answer, lang, at} (at: the
// question asks for a number at the page's layer).
const say = (message) => self.postMessage(message);
const here = (name) => new URL(name, import.meta.url).href;
const BOOT = `
import os, sys, zipfile
site = "/home/pyodide/checker"
with zipfile.ZipFile("/tmp/checker.zip") as archive:
    archive.extractall(site)
os.remove("/tmp/checker.zip")
sys.path.insert(0, site)
from derivations.practice.browser import answer
from derivations.practice.numbers import answer_at
answer("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w", "en")  # imports everything a check uses
`;

let check = null;
let checkAt = null;

async function boot() {
  say({ kind: "progress", step: "loading" });
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(here("./pyodide/pyodide.mjs")));
  } catch (error) {
    throw new Error(`the Python runtime is missing (practice/pyodide/pyodide.mjs)`);
  }
  const pyodide = await loadPyodide({ indexURL: here("./pyodide/"), stdout: () => {}, stderr: () => {} });
  say({ kind: "progress", step: "checker" });
  const response = await fetch(here("./checker.zip"));
  if (!response.ok) throw new Error(`practice/checker.zip: HTTP ${response.status}`);
  pyodide.FS.writeFile("/tmp/checker.zip", new Uint8Array(await response.arrayBuffer()));
  pyodide.runPython(BOOT);
  check = pyodide.globals.get("answer");
  checkAt = pyodide.globals.get("answer_at");
  say({ kind: "ready" });
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
