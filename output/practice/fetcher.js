// The practice worker's second thread (a worker named FETCHER): started by the page beside
// the checker's worker (the two talk through a MessageChannel's ports), or by that worker
// itself when it was started without one (page.js restarting it), it asks for the two
// largest files of the start and hands them over, so the checker's worker, busy compiling
// Pyodide's glue and reading the archive meanwhile, never holds them up: the
// interpreter's wasm, compiled as it streams in (the compiled module is posted, not its
// bytes), and the memory snapshot's sparse bytes (snapshot.py: sparse; inflated by the
// browser when the server sent the file with Content-Encoding: gzip, else here), posted
// as they come in batches, their buffers transferred (not copied); then it closes itself.
// The page starts it from a copy of this file's text in the page itself (a blob: URL),
// so it needs no request of its own.
// Message in: {wasm: URL, snapshot: URL, port (optional: where to post, else to whoever
// started it)}.  Messages out: {kind: "wasm", module, inline (started from the page's
// copy)} or {kind: "wasm", error};
// {kind: "snapshot", chunks, done, inflatedBy} (any number, the last with done) or
// {kind: "snapshot", error}.  worker.js also imports sparseBytes from here when it
// fetches the snapshot itself (a browser without workers in workers).
export const FETCHER = "practice-fetcher";
const BATCH = 1 << 20; // bytes of the snapshot posted together (the first chunk at once)

// the snapshot file's sparse bytes from `response`: {head: the first bytes, reader: the
// rest, inflatedBy: "browser" or "worker"}: its body as it comes when that is not gzip
// (the browser inflated it), else inflated here with DecompressionStream
export async function sparseBytes(response) {
  const reader = response.body.getReader();
  let head = new Uint8Array(0);
  while (head.length < 2) {
    const { done, value } = await reader.read();
    if (done) break;
    head = joined(head, value);
  }
  if (!(head[0] === 0x1f && head[1] === 0x8b)) return { head, reader, inflatedBy: "browser" };
  const inflater = new DecompressionStream("gzip"); // gzip's magic number: inflate it here
  const writer = inflater.writable.getWriter();
  (async () => {
    for (let chunk = head; ; ) {
      await writer.write(chunk);
      const { done, value } = await reader.read();
      if (done) break;
      chunk = value;
    }
    await writer.close();
  })().catch((error) => writer.abort(error).catch(() => {}));
  return { head: new Uint8Array(0), reader: inflater.readable.getReader(), inflatedBy: "worker" };
}

export function joined(a, b) {
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}

const reason = (error) => String((error && error.message) || error);

async function fetched(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`practice/${url.split("/practice/").pop()}: HTTP ${response.status}`);
  return response;
}

async function compile(url, out) {
  try {
    const module = await WebAssembly.compileStreaming(await fetched(url));
    out.postMessage({ kind: "wasm", module, inline: self.location.protocol === "blob:" });
  } catch (error) {
    out.postMessage({ kind: "wasm", error: reason(error) });
  }
}

// a chunk as its own ArrayBuffer (transferable without copying when it is one already)
const owned = (chunk) =>
  chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice();

async function relay(url, out) {
  try {
    const { head, reader, inflatedBy } = await sparseBytes(await fetched(url));
    let chunks = head.length ? [owned(head)] : [];
    let size = BATCH; // the first chunk goes at once: its header lets Pyodide set up
    for (;;) {
      const { done, value } = await reader.read();
      if (!done && value.length) {
        chunks.push(owned(value));
        size += value.length;
      }
      if (done || size >= BATCH) {
        const buffers = chunks.map((chunk) => chunk.buffer);
        out.postMessage({ kind: "snapshot", chunks, done, inflatedBy }, buffers);
        [chunks, size] = [[], 0];
      }
      if (done) return;
    }
  } catch (error) {
    out.postMessage({ kind: "snapshot", error: reason(error) });
  }
}

if (typeof WorkerGlobalScope !== "undefined" && self.name === FETCHER) {
  self.onmessage = ({ data }) => {
    const out = data.port || self;
    Promise.all([compile(data.wasm, out), relay(data.snapshot, out)]).then(() => self.close());
  };
}
