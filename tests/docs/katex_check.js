// Render math spans with KaTeX (throwOnError): reads [{"tex": str, "display": bool}, ...]
// as JSON on stdin, prints a JSON list of {"index", "tex", "error"} for the failures.
"use strict";
const path = require("path");
const katex = require(path.resolve(process.argv[2] || "node_modules/katex"));
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const failures = [];
  JSON.parse(input).forEach((span, index) => {
    try {
      katex.renderToString(span.tex, { displayMode: span.display, throwOnError: true,
                                       strict: "error" });
    } catch (error) {
      failures.push({ index, tex: span.tex, error: String(error.message || error) });
    }
  });
  process.stdout.write(JSON.stringify(failures));
});
