// Node: boot Pyodide, unpack the checker's archive, import what a check uses and check
// one answer, then write Pyodide's memory snapshot to OUT and the archive's files it holds
// as imported modules (the boot's HELD) to OUT.held.json.  Run by `derivations docs`
// (derivations/practice/snapshot.py):  node snapshot.mjs PYODIDE_DIR ARCHIVE BOOT_PY OUT
// ARCHIVE is read once the standard input ends: docs starts Node before the archive is
// made (Pyodide boots meanwhile) and closes Node's input when it has written it.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [folder, archive, boot, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(folder, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: folder + path.sep,
  _makeSnapshot: true,
  stdout: () => {},
  stderr: () => {},
});
readFileSync(0); // until the input ends: the archive is written then
pyodide.unpackArchive(new Uint8Array(readFileSync(archive)), "zip", { extractDir: "/home/pyodide/checker" });
pyodide.runPython(readFileSync(boot, "utf8"));
const held = pyodide.globals.get("HELD"); // the boot's JSON text (snapshot.py: WARM)
writeFileSync(out, pyodide.makeMemorySnapshot());
writeFileSync(`${out}.held.json`, typeof held === "string" ? held : "[]");
