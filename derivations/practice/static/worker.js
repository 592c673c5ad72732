// The checker in a Web Worker: Pyodide (./pyodide/, copied from its npm package by
// `derivations docs`) runs the package's own code, unpacked from ./checker.zip onto
// sys.path.  Nothing is fetched but these files of the site.  Every file the start needs
// is asked for at once as the worker starts, in parallel: the loader (pyodide.mjs), the
// interpreter's glue (pyodide.asm.mjs) and its wasm (compiled while it streams in), the
// lock file, the archive and Pyodide's memory snapshot (./pyodide/checker.snapshot and
// its key, when docs could make it); Pyodide's own fetch of the standard library starts
// when loadPyodide is called, as soon as the key is checked.  Messages to the page:
// {kind: "progress", step}, {kind: "ready", stages} (stages: milliseconds each start-up
// step took, for the benchmark), {kind: "failed", reason} and {kind: "result", id, json};
// from the page: {id, question, answer, lang, at} (at: the question asks for a number at
// the page's layer).
const say = (message) => self.postMessage(message);
const here = (name) => new URL(name, import.meta.url).href;
const SITE = "/home/pyodide/checker";
const MAGIC = 0x31525053; // "SPR1" read as a little-endian word (snapshot.py: SPARSE)
const BOOT = `
import sys
sys.path.insert(0, ${JSON.stringify(SITE)})
from derivations.practice.browser import answer, warm, warm_steps
from derivations.practice.numbers import answer_at
answer("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w", "en")  # imports everything a check uses
`;

let check = null;
let checkAt = null;

// a failure is reported where the promise is awaited, not as an unhandled rejection
const quiet = (promise) => {
  promise.catch(() => {});
  return promise;
};
const bytes = (name) =>
  quiet(
    fetch(here(name)).then((r) => {
      if (!r.ok) throw new Error(`practice/${name.slice(2)}: HTTP ${r.status}`);
      return r.arrayBuffer();
    }),
  );
const early = {
  // the small files first (a browser opens about 6 connections to one host), then the
  // snapshot and the wasm, which the start waits for longest
  loader: quiet(import(here("./pyodide/pyodide.mjs"))),
  keyed: quiet(fetch(here("./pyodide/checker.snapshot.json")).then((r) => (r.ok ? r.json() : null))),
  zip: bytes("./checker.zip"),
  lock: quiet(fetch(here("./pyodide/pyodide-lock.json")).then((r) => r.json())),
  snapshot: quiet(
    fetch(here("./pyodide/checker.snapshot")).then((r) => {
      if (!r.ok) throw new Error(`practice/pyodide/checker.snapshot: HTTP ${r.status}`);
      return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    }),
  ),
  wasm: quiet(WebAssembly.compileStreaming(fetch(here("./pyodide/pyodide.asm.wasm")))),
  glue: quiet(import(here("./pyodide/pyodide.asm.mjs"))),
};

// Pyodide's memory snapshot (derivations/practice/snapshot.py), or null: used only when
// its key names this archive (SHA-256) and this Pyodide; absent or stale, Python starts
// as without one.  Resolves once the key is checked: the snapshot's bytes may still be
// arriving (loadPyodide awaits them after the glue is loaded).
async function snapshot(version) {
  try {
    const keyed = await early.keyed;
    if (!keyed || keyed.pyodide !== version) return null;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await early.zip));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
    return keyed.archive === hex ? { memory: early.snapshot.then(memory) } : null;
  } catch (error) {
    return null;
  }
}

// the memory the snapshot file holds, once inflated (snapshot.py: packed, SPARSE): every
// stretch of whole zero pages left out, put back here as zeros; an error when the file is
// not of that form
function memory(buffer) {
  const view = new DataView(buffer);
  const words = (at) => view.getUint32(at, true);
  if (buffer.byteLength < 12 || words(0) !== MAGIC) throw new Error("not a sparse snapshot");
  const [size, count] = [words(4), words(8)];
  const out = new Uint8Array(size);
  let from = 12 + 8 * count;
  let end = 0;
  for (let i = 0; i < count; i++) {
    const [at, length] = [words(12 + 8 * i), words(16 + 8 * i)];
    if (at < end || at + length > size || from + length > buffer.byteLength) {
      throw new Error("a sparse snapshot out of bounds");
    }
    out.set(new Uint8Array(buffer, from, length), at);
    [from, end] = [from + length, at + length];
  }
  if (from !== buffer.byteLength) throw new Error("a sparse snapshot of the wrong length");
  return out;
}

// the archive's files, {path below SITE: bytes}, read with the browser's own inflater
// while the rest downloads (the archive is docs' own: archive.py, deflated or stored, no
// zip64); rejects when it is not of that form or the browser has no DecompressionStream
async function members(buffer) {
  const view = new DataView(buffer);
  const end = buffer.byteLength - 22; // the end of central directory, without a comment
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) throw new Error("not a zip");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const files = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("a bad zip entry");
    const method = view.getUint16(at + 10, true);
    const [packed, size] = [view.getUint32(at + 20, true), view.getUint32(at + 24, true)];
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(new Uint8Array(buffer, at + 46, nameLength));
    at += 46 + skip;
    if (name.endsWith("/")) continue;
    if (name.split("/").some((part) => part === ".." || part === "") || method > 8) {
      throw new Error(`a zip entry not to unpack: ${name}`);
    }
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = new Uint8Array(buffer, start, packed);
    files.push(
      (method === 0 ? Promise.resolve(data) : inflate(data)).then((out) => {
        if (out.length !== size) throw new Error(`a zip entry of the wrong size: ${name}`);
        return [name, out];
      }),
    );
  }
  return Promise.all(files);
}

async function inflate(data) {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// the archive unpacked into SITE: its files as members() read them (true), else (they
// could not be read so) by Pyodide's unpacker, as the archive is (false)
async function unpack(pyodide, zip, files) {
  let read = null;
  try {
    read = await files;
  } catch (error) {
    pyodide.unpackArchive(await zip, "zip", { extractDir: SITE });
    return false;
  }
  for (const [name, data] of read) {
    const path = `${SITE}/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, data, { mode: 0o644, canOwn: true });
  }
  return true;
}

// Pyodide instantiates its wasm with WebAssembly.instantiateStreaming on a response of its
// own; while `run` runs, that call uses the module compiled from the early fetch instead
// (started before the snapshot's bytes arrive), or, when that compile failed, does what
// it did (Pyodide's own response)
async function withEarlyWasm(run) {
  const original = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (source, imports) => {
    let module;
    try {
      module = await early.wasm;
    } catch (error) {
      return original.call(WebAssembly, source, imports);
    }
    Promise.resolve(source).then(
      (response) => response.body && response.body.cancel(),
      () => {},
    );
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  try {
    return await run();
  } finally {
    WebAssembly.instantiateStreaming = original;
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
  const files = quiet(early.zip.then(members)); // inflated while the runtime loads
  let loadPyodide, version;
  try {
    ({ loadPyodide, version } = await early.loader);
  } catch (error) {
    throw new Error(`the Python runtime is missing (practice/pyodide/pyodide.mjs)`);
  }
  lap("loader");
  const saved = await snapshot(version);
  lap("key"); // the snapshot's key checked against the archive (its bytes may still come)
  const options = {
    indexURL: here("./pyodide/"),
    lockFileContents: early.lock,
    packageBaseUrl: here("./pyodide/"),
    createPyodideModule: async (settings) => (await early.glue).default(settings),
    stdout: () => {},
    stderr: () => {},
  };
  const pyodide = await withEarlyWasm(async () => {
    if (saved) {
      try {
        const restored = await loadPyodide({ ...options, _loadSnapshot: saved.memory });
        stages.restored = 1;
        return restored;
      } catch (error) {
        say({ kind: "progress", step: "loading" }); // refused: start Python without it
      }
    }
    return loadPyodide(options);
  });
  lap("runtime"); // the interpreter (wasm) and the standard library, or the snapshot restored
  say({ kind: "progress", step: "checker" });
  if (await unpack(pyodide, early.zip, files)) stages.inflated = 1;
  lap("unpack"); // the archive's files written (read while the runtime loaded)
  pyodide.runPython(BOOT);
  lap("imports");
  check = pyodide.globals.get("answer");
  checkAt = pyodide.globals.get("answer_at");
  say({ kind: "ready", stages });
  warmUp(pyodide);
}

// after "ready": load every question's derivations, one per task, so an answer that
// arrives meanwhile waits for one step at most and no later answer pays for loading them
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
