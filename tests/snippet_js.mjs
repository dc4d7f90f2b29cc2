// Checks JavaScript snippets as a reader would run them: in a browser module (or the console).
// Input on stdin: a JSON array of {id, code}. Output on stdout: a JSON object id -> [problems].
//
// 1. Node's own parser compiles each snippet as an ES module (vm.SourceTextModule), the way a
//    <script type="module"> or the console takes it: a top-level `return` is a syntax error,
//    a top-level `await` is allowed.
// 2. ESLint's no-undef rule with the browser's and the language's globals: every name a
//    snippet uses is declared in it (a function, its parameters, an import) or is a global a
//    browser has (fetch, document, location, AbortSignal...). A helper the snippet calls but
//    does not define is a parameter of the function it is shown in, never a loose name.
// 3. ESLint's no-unused-vars inside functions: a value computed and never used, or a function
//    declared inside another and never called, is code that does not do what it shows.
import vm from "node:vm";
import { readFileSync } from "node:fs";
import { Linter } from "eslint";
import globals from "globals";

// Browser globals whose names are everyday variable names: a snippet that uses `status` or
// `event` without defining it has a bug, even though window.status exists.
const LOOK_LIKE_VARIABLES = ["name", "status", "event", "length", "top", "parent", "closed", "opener", "external", "frames", "origin"];
const browser = Object.fromEntries(Object.entries(globals.browser).filter(([key]) => !LOOK_LIKE_VARIABLES.includes(key)));

const snippets = JSON.parse(readFileSync(0, "utf8"));
const linter = new Linter({ configType: "flat" });
const config = [{
  languageOptions: {
    ecmaVersion: "latest",
    sourceType: "module",
    globals: { ...browser, ...globals.es2025 },
  },
  rules: { "no-undef": "error", "no-unused-vars": ["error", { vars: "local", args: "none", caughtErrors: "none" }] },
}];

const results = {};
for (const { id, code } of snippets) {
  const problems = [];
  try {
    new vm.SourceTextModule(code, { identifier: id });
  } catch (error) {
    problems.push(`Node: ${error.name}: ${error.message}`);
  }
  if (problems.length === 0) {
    const lines = code.split("\n");
    for (const message of linter.verify(code, config)) {
      // What a snippet declares at its top level is what it offers the reader, used or not;
      // an unused name inside a function is dead code (a doubled wrapper, a forgotten value).
      const topLevel = message.ruleId === "no-unused-vars" && !/^\s/.test(lines[message.line - 1]);
      if (topLevel) continue;
      problems.push(`ESLint line ${message.line}: ${message.message}${message.ruleId ? ` (${message.ruleId})` : ""}`);
    }
  }
  results[id] = problems;
}
process.stdout.write(JSON.stringify(results));
