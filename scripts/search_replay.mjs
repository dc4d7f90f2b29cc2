// Replays the site's search worker in Node, outside the browser: the built site's own
// site-search.js, Material's worker and lunr files, fed the built search index and a list of
// queries, answering with the result pages in order. scripts/search_eval.py --replay uses it to
// score the evaluation set in seconds while tuning; the browser run (the default) stays the
// measure of record, and tests/test_search_eval.py checks that the two agree.
//
//   node scripts/search_replay.mjs SITE_DIR LANG_ROOT < queries.json > pages.json
//   (LANG_ROOT is "" or "en/"; queries.json is a JSON list of strings)
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

const [site, root = ""] = process.argv.slice(2);
const workers = path.join(site, "assets/javascripts/workers"); // one copy, at the site root
const material = fs.readdirSync(workers).find(name => /^search\.[0-9a-f]+\.min\.js$/.test(name));
const listeners = [];
const answers = [];

const context = {
  console,
  location: { hash: "#" + material, href: "file:///" + workers + "/site-search.js" },
  addEventListener: (type, fn) => { if (type === "message") listeners.push(fn); },
  postMessage: message => answers.push(message),
  importScripts: (...files) => {
    for (const file of files) {
      const resolved = path.resolve(workers, file);
      vm.runInContext(fs.readFileSync(resolved, "utf8"), context, { filename: resolved });
    }
  },
};
context.self = context;
vm.createContext(context);
context.importScripts("site-search.js");

async function send(message) {
  answers.length = 0;
  for (const fn of listeners) await fn({ data: message });
  // Material's listener answers through an async function: wait for its postMessage.
  for (let i = 0; i < 100 && !answers.length; i++) await new Promise(r => setImmediate(r));
  return answers[0];
}

const index = JSON.parse(fs.readFileSync(path.join(site, root, "search/search_index.json"), "utf8"));
await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: true } } });
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const out = [];
for (const q of queries) {
  const answer = await send({ type: 2, data: q });
  const pages = [];
  for (const group of answer.data.items) {
    const page = group[0].location.split("#")[0];
    if (!pages.includes(page)) pages.push(page);
  }
  out.push(pages.slice(0, 10));
}
process.stdout.write(JSON.stringify(out));
