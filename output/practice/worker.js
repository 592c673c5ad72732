// The checker in a Web Worker: Pyodide (./pyodide/, copied from its npm package by
// `derivations docs`) runs the package's own code, unpacked from ./checker.zip onto
// sys.path.  Nothing is fetched but these files of the site.  The page's first message,
// {kind: "start", files, port}, names the files the start needs (name -> URL: the
// snapshot's key, the archive, Pyodide's memory snapshot, the standard library, the
// wasm, the lock file) and hands over a port to the fetcher the page started beside this
// worker (fetcher.js: the wasm and the snapshot; without a port, this worker starts one;
// {kind: "unstarted"} from the page: that fetcher failed to start); they are asked for
// at once, as are the loader (pyodide.mjs) and the interpreter's glue (pyodide.asm.mjs):
// the wasm is compiled while it streams in, the snapshot put together (inflated by the
// browser when the server sends it with Content-Encoding: gzip, else by the fetcher) and
// the archive read meanwhile.  Messages to the page: {kind: "progress", step}, {kind:
// "ready", stages, marks} (stages: milliseconds each start-up step took, and flags:
// restored, encoded (the snapshot inflated by the browser), fetched (how many of the
// wasm and the snapshot the fetcher handed over), nested (a fetcher this worker
// started), inline (the page's fetcher, started from its copy in the page), inflated
// (the archive by this worker), held (how many of its files were not written: the
// snapshot holds them as imported modules); marks: when each step ended, as
// performance.timeOrigin + performance.now(); both for the benchmark), {kind: "failed",
// reason, key: a catalogued reason the page says in its language, or null} and {kind: "result", id, json}; then from the page: {id, question, answer,
// lang, at} (at: the question asks for a number at the page's layer).
const say = (message) => self.postMessage(message);
const here = (name) => new URL(name, import.meta.url).href;
const SITE = "/home/pyodide/checker";
const MAGIC = 0x31525053; // "SPR1" read as a little-endian word (snapshot.py: SPARSE)
// run after every start: what the page calls (imports already in a snapshot are no-ops)
const IMPORTS = `
import sys
if ${JSON.stringify(SITE)} not in sys.path:
    sys.path.insert(0, ${JSON.stringify(SITE)})
from derivations.practice.browser import answer, warm, warm_steps
from derivations.practice.numbers import answer_at
`;
// run after a start without the snapshot (which holds it all, derivations/practice/
// snapshot.py: WARM): one answer, so the first the student sends imports nothing
const FIRST = `answer("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w", "en")`;
const mark = (marks, name) => (marks[name] = performance.timeOrigin + performance.now());
const marks = {};
mark(marks, "worker");

let check = null;
let checkAt = null;

// a failure is reported where the promise is awaited, not as an unhandled rejection
const quiet = (promise) => {
  promise.catch(() => {});
  return promise;
};
const noted = (name, promise) => quiet(promise.then((value) => (mark(marks, name), value)));
const failedFetch = (url, status) => new Error(`practice/${url.split("/practice/").pop()}: HTTP ${status}`);

// the start message: its files (see the top)
let started = null; // resolves to whether the checker started (boot)
let unstarted = () => {}; // called when the page says the fetcher it started failed
const starting = new Promise((resolve) => {
  self.onmessage = (event) => {
    if (event.data && event.data.kind === "start") resolve(event.data);
    else if (event.data && event.data.kind === "unstarted") unstarted();
    else answered(event.data);
  };
});

// file `name` (a URL of the start message) as `use` reads it from its Response
async function read(name, use) {
  const { files } = await starting;
  return use(await fetch(files[name]), files[name]);
}
const checked = (r, url) => {
  if (!r.ok) throw failedFetch(url, r.status);
  return r;
};

// how the snapshot's gzip was inflated: "browser" (sent with Content-Encoding: gzip, as
// `derivations serve` sends it: the browser's network process inflated it) or "worker"
// (sent as it is: inflated by the fetcher, or by this worker without it)
let inflatedBy = null;
let fetched = 0; // of the wasm and the snapshot, how many the fetcher handed over
let inline = 0; // 1: that fetcher was started from the page's own copy of its code (a blob)

// the two largest files, the wasm and the snapshot, asked for by a worker of their own
// (fetcher.js), so this thread, busy with Pyodide's glue and the archive, never holds
// them up: the one the page started beside this worker when its start message hands
// over a port to it (then the page says "unstarted" if it failed to start), else one
// started here.  {wasm: a promise of the compiled module, snapshot: a promise of {head,
// reader} (as sparseBytes)}, rejecting with `unstarted` set when no fetcher could start
// (asked for here then).
function fetcher() {
  let wasmNow, wasmFailed, snapshotNow, snapshotFailed;
  const wasm = quiet(new Promise((resolve, reject) => ([wasmNow, wasmFailed] = [resolve, reject])));
  const snapshot = quiet(new Promise((resolve, reject) => ([snapshotNow, snapshotFailed] = [resolve, reject])));
  const queue = []; // the snapshot's chunks received, not yet read
  let [ended, failure, waiting, settled] = [false, null, null, 0];
  const reader = {
    read: () => {
      if (queue.length) return Promise.resolve({ done: false, value: queue.shift() });
      if (failure) return Promise.reject(failure);
      if (ended) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
  };
  const wake = () => {
    if (!waiting) return;
    const { resolve, reject } = waiting;
    waiting = null;
    reader.read().then(resolve, reject);
  };
  const fail = (error) => {
    [failure, ended] = [failure || error, true];
    snapshotFailed(error);
    wake();
  };
  const cannot = () => {
    const error = Object.assign(new Error("the fetcher did not start"), { unstarted: true });
    wasmFailed(error);
    fail(error);
  };
  let nested = null; // the fetcher started here
  const done = () => ++settled === 2 && nested && nested.terminate(); // the wasm and the snapshot
  const received = ({ data }) => {
    if (data.kind === "wasm") {
      if (data.error) wasmFailed(new Error(data.error));
      else {
        wasmNow(data.module);
        fetched++;
        inline = data.inline ? 1 : 0;
      }
      done();
    } else if (data.kind === "snapshot" && data.error) {
      fail(new Error(data.error));
      done();
    } else if (data.kind === "snapshot") {
      inflatedBy = data.inflatedBy;
      snapshotNow({ head: new Uint8Array(0), reader });
      queue.push(...data.chunks);
      ended = data.done;
      if (ended) done(), fetched++;
      wake();
    }
  };
  starting.then(({ files, port }) => {
    if (port) {
      port.onmessage = received; // the page's fetcher
      unstarted = cannot;
      return;
    }
    try {
      nested = new Worker(here("./fetcher.js"), { type: "module", name: "practice-fetcher" });
    } catch (error) {
      cannot(); // a worker that cannot start workers
      return;
    }
    fetchedBy = "worker";
    nested.onmessage = received;
    nested.onerror = (event) => {
      event.preventDefault();
      cannot();
    };
    nested.postMessage({ wasm: files.wasm, snapshot: files.snapshot });
  });
  return { wasm, snapshot };
}
let fetchedBy = "page"; // who started the fetcher
const fetching = fetcher();
// asked for here when no fetcher could start
const orHere = (promise, here) => promise.catch((error) => (error.unstarted ? here() : Promise.reject(error)));

// asked for in this order (a browser opens about 6 connections to a host): the scripts,
// the two largest files, then the small ones and the standard library
const early = {
  loader: noted("loader", import(here("./pyodide/pyodide.mjs"))),
  glue: noted("glue", import(here("./pyodide/pyodide.asm.mjs"))),
  snapshot: quiet(
    orHere(fetching.snapshot, async () => {
      const { sparseBytes } = await import(here("./fetcher.js"));
      return read("snapshot", async (r, url) => {
        const bytes = await sparseBytes(checked(r, url));
        inflatedBy = bytes.inflatedBy;
        return bytes;
      });
    }).then(unsparse),
  ),
  wasm: noted(
    "wasm",
    orHere(fetching.wasm, () => read("wasm", (r, url) => WebAssembly.compileStreaming(checked(r, url)))),
  ),
  keyed: noted("key", read("key", (r) => (r.ok ? r.json() : null))),
  zip: noted("zip", read("zip", (r, url) => checked(r, url).arrayBuffer())),
  stdlib: noted("stdlib", read("stdlib", (r, url) => checked(r, url).blob())),
  lock: noted("lock", read("lock", (r, url) => checked(r, url).json())),
};

// Pyodide's memory snapshot (derivations/practice/snapshot.py), or null: used only when
// its key names this archive (SHA-256) and this Pyodide; absent or stale, Python starts
// as without one.  Resolves once the key is checked: the snapshot's bytes may still be
// arriving (loadPyodide awaits them after the glue is loaded); `held`: the archive's
// files the snapshot holds as imported modules (never written when it is restored).
async function snapshot(version) {
  try {
    const keyed = await early.keyed;
    if (!keyed || keyed.pyodide !== version) return null;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await early.zip));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
    if (keyed.archive !== hex) return null;
    const header = quiet(early.snapshot.then((streaming) => streaming.header));
    const held = new Set(Array.isArray(keyed.held) ? keyed.held : []); // snapshot.py: held
    return { header, filled: quiet(early.snapshot.then((streaming) => streaming.filled)), held };
  } catch (error) {
    return null;
  }
}

const joined = (a, b) => {
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
};

// the snapshot file (snapshot.py: packed, SPARSE) as its sparse bytes come in
// (sparseBytes: {head, reader}): {header: a promise of Pyodide's own header (the file's
// first bytes, before the memory), as soon as they are read, which loadPyodide is given
// as the snapshot so it sets up meanwhile; filled: a promise of {size, into}, once every
// stretch kept is in: the memory's size in bytes, and into(heap, fresh) writes the memory
// into Pyodide's `heap` (a Uint8Array at least that long whose bytes past `fresh` are
// zeros), straight from the bytes read (never put together in a buffer of its own)}; both
// reject when the file is not of that form (header only when that is seen before it is
// read)
function unsparse({ head: read, reader }) {
  let headerNow, headerFailed;
  const header = quiet(
    new Promise((resolve, reject) => {
      [headerNow, headerFailed] = [resolve, reject];
    }),
  );
  let pending = read; // read, not yet used
  const more = async () => {
    const { done, value } = await reader.read();
    if (done) throw new Error("a sparse snapshot cut short");
    return value;
  };
  const ensure = async (count) => {
    while (pending.length < count) pending = joined(pending, await more());
  };
  const take = async (count) => {
    await ensure(count);
    const head = new DataView(pending.slice(0, count).buffer);
    pending = pending.subarray(count);
    return head;
  };
  const filled = quiet(
    (async () => {
      const head = await take(12);
      if (head.getUint32(0, true) !== MAGIC) throw new Error("not a sparse snapshot");
      const [size, count] = [head.getUint32(4, true), head.getUint32(8, true)];
      const table = await take(8 * count);
      // Pyodide's header: its second word is where the memory starts in the file
      if (!count || table.getUint32(0, true) !== 0) throw new Error("a sparse snapshot without its header");
      await ensure(8);
      const start = new DataView(pending.slice(0, 8).buffer).getUint32(4, true);
      if (start % 16 || start > Math.min(size, table.getUint32(4, true))) throw new Error("a bad snapshot header");
      await ensure(start);
      headerNow(pending.slice(0, start));
      mark(marks, "sized");
      const pieces = []; // [offset in the memory, bytes], in order
      let end = 0;
      for (let i = 0; i < count; i++) {
        let [at, length] = [table.getUint32(8 * i, true), table.getUint32(8 * i + 4, true)];
        if (at < end || at + length > size) throw new Error("a sparse snapshot out of bounds");
        end = at + length;
        while (length > 0) {
          if (!pending.length) pending = await more();
          const n = Math.min(length, pending.length);
          const skip = Math.max(0, start - at); // the header's bytes: not memory
          if (skip < n) pieces.push([at + skip - start, pending.subarray(skip, n)]);
          [pending, at, length] = [pending.subarray(n), at + n, length - n];
        }
      }
      for (let rest = pending; ; rest = (await reader.read()).value) {
        if (rest === undefined) break;
        if (rest.length) throw new Error("a sparse snapshot of the wrong length");
      }
      mark(marks, "snapshot");
      const memory = size - start;
      const into = (heap, fresh) => {
        let at = 0; // where the zeros left out start
        for (const [offset, bytes] of pieces) {
          if (offset > at && at < fresh) heap.fill(0, at, Math.min(offset, fresh));
          heap.set(bytes, offset);
          at = offset + bytes.length;
        }
        if (at < fresh) heap.fill(0, at, Math.min(memory, fresh));
      };
      return { size: memory, into };
    })(),
  );
  filled.catch(headerFailed); // a file that fails before its header is read: header too
  return { header, filled };
}

// the archive's files, {path below SITE: bytes}, but for those named in `left` (a Set),
// read with the browser's own inflater while the rest downloads (the archive is docs'
// own: archive.py, deflated or stored, no zip64); rejects when it is not of that form or
// the browser has no DecompressionStream
async function members(buffer, left = null) {
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
    if (left && left.has(name)) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = new Uint8Array(buffer, start, packed);
    files.push(
      (method === 0 ? Promise.resolve(data) : inflate(data, size)).then((out) => {
        if (out.length !== size) throw new Error(`a zip entry of the wrong size: ${name}`);
        return [name, out];
      }),
    );
  }
  return Promise.all(files);
}

// `data` (raw deflate) inflated into `size` bytes, or shorter or longer when it is not
// that size (members() says so); written to the stream and read from it directly (a Blob
// piped into a Response took three to five times the CPU, for the archive's ~180 files)
async function inflate(data, size) {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  quiet(writer.write(data));
  quiet(writer.close());
  const reader = stream.readable.getReader();
  const out = new Uint8Array(size);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return at === size ? out : out.subarray(0, at);
    if (at + value.length > size) {
      quiet(reader.cancel()); // too long: members() refuses the entry
      return new Uint8Array(at + value.length);
    }
    out.set(value, at);
    at += value.length;
  }
}

// the archive's files (as members() read them) written into SITE, in Pyodide's fsInit
// hook (before Python starts or the snapshot is restored: the file system is not in the
// snapshot); nothing when they could not be read so (unpacked by Pyodide's own
// unpacker once it is loaded)
async function write(FS, files) {
  let read;
  try {
    read = await files;
  } catch (error) {
    return;
  }
  for (const [name, data] of read) {
    const path = `${SITE}/${name}`;
    FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    FS.writeFile(path, data, { mode: 0o644, canOwn: true });
  }
  mark(marks, "unpack");
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

// the module with room for the snapshot's memory (`wanted` bytes): this build's wasm
// defines its own memory (480 pages), so a snapshot of a heap that grew past that
// (snapshot.py: WARM loads every question) would not fit; grown here before the memory
// is written into it
function grown(module, wanted) {
  if (wanted > module.HEAP8.length && !module.growMemory(wanted)) {
    throw new Error(`could not grow the memory to ${wanted} bytes for the snapshot`);
  }
  return module;
}

async function boot() {
  const stages = {};
  let last = performance.now();
  const lap = (name) => {
    const now = performance.now();
    stages[name] = Math.round(now - last);
    last = now;
    mark(marks, name);
  };
  say({ kind: "progress", step: "loading" });
  let loadPyodide, version;
  try {
    ({ loadPyodide, version } = await early.loader);
  } catch (error) {
    // the page says why in its own language (practice.reason.runtime)
    throw Object.assign(new Error("practice/pyodide/pyodide.mjs did not load"), { key: "runtime" });
  }
  const saved = await snapshot(version);
  lap("keyed"); // the snapshot's key checked against the archive (its bytes may still come)
  // the archive's files, inflated while the runtime loads: all of them for a start without
  // the snapshot, else but for those it holds as imported modules (Python never reads an
  // imported module's file again)
  let every = null;
  const everything = () => every || (every = quiet(early.zip.then((zip) => members(zip))));
  const files = saved ? quiet(early.zip.then((zip) => members(zip, saved.held))) : everything();
  let stdlib = null; // the standard library asked for as the worker started, handed to Pyodide
  try {
    stdlib = URL.createObjectURL(await early.stdlib);
  } catch (error) {
    // Pyodide asks for it itself
  }
  const options = {
    indexURL: here("./pyodide/"),
    lockFileContents: early.lock,
    packageBaseUrl: here("./pyodide/"),
    ...(stdlib ? { stdLibURL: stdlib } : {}),
    createPyodideModule: async (settings) => (await early.glue).default(settings),
    fsInit: (FS) => write(FS, everything()),
    stdout: () => {},
    stderr: () => {},
  };
  const pyodide = await withEarlyWasm(async () => {
    if (saved) {
      try {
        // Pyodide sets up (the wasm instantiated, the file system written) while the
        // snapshot is still arriving; restored once it is all in
        const createPyodideModule = async (settings) => {
          const module = await (await early.glue).default(settings);
          const memory = await saved.filled;
          const fresh = module.HEAP8.length;
          grown(module, memory.size);
          // the memory written here, so Pyodide (given the header alone) restores the rest
          memory.into(module.HEAP8, fresh);
          return module;
        };
        const restored = await loadPyodide({
          ...options,
          _loadSnapshot: saved.header,
          createPyodideModule,
          fsInit: (FS) => write(FS, files),
        });
        stages.restored = 1;
        if (inflatedBy === "browser") stages.encoded = 1; // its gzip inflated by the browser
        if (fetched) stages.fetched = fetched; // the wasm and the snapshot by the fetcher
        if (fetched && fetchedBy === "worker") stages.nested = 1; // a fetcher started here
        if (inline) stages.inline = 1; // the page's fetcher, from its copy in the page
        return restored;
      } catch (error) {
        say({ kind: "progress", step: "loading" }); // refused: start Python without it
      }
    }
    return loadPyodide(options);
  });
  if (stdlib) URL.revokeObjectURL(stdlib);
  lap("runtime"); // the interpreter (wasm) and the standard library, or the snapshot restored
  say({ kind: "progress", step: "checker" });
  if (pyodide.FS.analyzePath(SITE).exists) {
    stages.inflated = 1; // written by fsInit
    if (stages.restored && saved.held.size) stages.held = saved.held.size; // not written
  } else {
    pyodide.unpackArchive(await early.zip, "zip", { extractDir: SITE });
  }
  pyodide.runPython(stages.restored ? IMPORTS : IMPORTS + FIRST);
  lap("imports"); // the package imported (and, without the snapshot, one answer checked)
  check = pyodide.globals.get("answer");
  checkAt = pyodide.globals.get("answer_at");
  say({ kind: "ready", stages, marks });
  if (!stages.restored) warmUp(pyodide); // the snapshot holds them all (snapshot.py: WARM)
}

// after "ready", without the snapshot: load every question's derivations, one per task, so
// an answer that arrives meanwhile waits for one step at most and no later answer pays for
// loading them
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

started = boot().then(
  () => true,
  (error) => {
    const key = (error && error.key) || null; // a catalogued reason (practice.reason.*), if any
    say({ kind: "failed", reason: String((error && error.message) || error).split("\n")[0], key });
    return false;
  },
);

// an answer: {id, question, answer, lang, at}
async function answered(data) {
  const { id, question, answer, lang, at } = data;
  if (!(await started)) return;
  let json;
  try {
    json = (at ? checkAt : check)(String(question), String(answer), String(lang));
  } catch (error) {
    const line = String((error && error.message) || error).trim().split("\n").pop();
    json = JSON.stringify({ question, verdict: "error", feedback: line });
  }
  say({ kind: "result", id, json });
}
