"""Measure the site's search the way a reader meets it: type each query of
tests/search/queries.yaml into Material's search box in headless Chromium and score the
ranked result pages (top-1, top-3, MRR per language and per kind).

Usage:
    .venv/bin/python scripts/search_eval.py                  # build into a temp dir, serve, measure
    .venv/bin/python scripts/search_eval.py --site site/     # serve an existing build
    .venv/bin/python scripts/search_eval.py --base-url http://127.0.0.1:8000/
    ... --json results.json                                  # also write every query's ranking

How a query is typed, and why:
- Material reads the box on `keyup` (and when its index is ready), never on `input`, so a bare
  fill() or insertText() is not a search. English and other ASCII is typed as key presses.
- Hangul is typed as a 2-beolsik IME delivers it in Chromium: each jamo key is a keydown with
  key "Process" / keyCode 229, then the IME's composition update (compositionstart/update,
  beforeinput/input with isComposing), then the keyup of that key. A syllable is committed
  (compositionend) when the next one's vowel arrives (until then the IME shows the consonant as
  the previous syllable's final: 이 + ㅇ = 잉), before a space or ASCII, and the last syllable is
  left composing, as when a reader stops typing and looks at the results. The CDP calls are
  Input.dispatchKeyEvent, Input.imeSetComposition and Input.insertText.
- Results are read once the search worker has answered every query the box sent (the worker
  answers in order), so the list reflects the last query, not an earlier one. Material renders
  the first 10 result pages before any scrolling: ranks are 1-10, and MRR counts a page missing
  from those 10 as 0.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "search" / "queries.yaml"
sys.path.insert(0, str(ROOT / "scripts"))
from statuscodes.model import LANGUAGES, lang_root  # noqa: E402

LANG_ROOTS = {lang: lang_root(lang) for lang in LANGUAGES}
KINDS = (
    "number", "prefix", "phrase", "name_ko", "concept_ko", "particle_ko", "header", "constant",
    "old_name", "nickname", "typo", "vendor", "standard_first", "concept", "class", "guide",
    "pasted_message", "log_line", "browser_error", "json_body", "client_error", "spelling_ko", "mixed_ko",
    "error_id",
)
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"

# Counts the search worker's query and result messages (Material's SearchMessageType: QUERY = 2,
# RESULT = 3), so a reading waits for the answer to the last query typed. It subclasses the
# page's Worker before any page script runs; site.js's lazy-search shim wraps it in turn.
_WORKER_PROBE = """
(() => {
  const RealWorker = window.Worker;
  const probe = window.__searchEval = { sent: 0, answered: 0, last: null };
  window.Worker = class extends RealWorker {
    constructor(url, options) {
      super(url, options);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) probe.answered++;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { probe.sent++; probe.last = message.data; }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""


# One round trip per query (the whole set is 500 of them): in "commit" typing, put the query in
# the box at once, with the events an IME sends when it commits a composition (composition*,
# input, then keyup with key "Process"): the same final query and the same events Material
# reads as typing it, in one step; the key-by-key typing is checked against it on a sample
# (tests/test_search_eval.py). Then wait for the worker's answer to what the box holds, let
# Material draw it, and read the result links. A function, not an expression: the site's
# Content-Security-Policy refuses eval().
_ANSWER = """async ({ enter, timeout }) => {
  const box = document.querySelector("input.md-search__input");
  if (enter !== null) {
    box.focus();
    box.value = "";
    box.dispatchEvent(new KeyboardEvent("keyup", { key: "Backspace", bubbles: true }));
    box.dispatchEvent(new CompositionEvent("compositionstart", { data: "", bubbles: true }));
    box.value = enter;
    box.dispatchEvent(new InputEvent("input", { data: enter, inputType: "insertCompositionText", isComposing: true, bubbles: true }));
    box.dispatchEvent(new CompositionEvent("compositionend", { data: enter, bubbles: true }));
    box.dispatchEvent(new KeyboardEvent("keyup", { key: "Process", keyCode: 229, bubbles: true }));
  }
  const probe = window.__searchEval, until = Date.now() + timeout;
  await new Promise((resolve, reject) => (function check() {
    if (probe.answered >= probe.sent && probe.last === box.value) resolve();
    else if (Date.now() > until) reject(new Error("no answer from the search worker for " + JSON.stringify(box.value)));
    else setTimeout(check, 5);
  })());
  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return { value: box.value, hrefs: [...document.querySelectorAll(RESULT_LINKS)].map(a => a.href) };
}""".replace("RESULT_LINKS", json.dumps(RESULT_LINKS))


# --- The query set -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Query:
    lang: str
    q: str
    expect: str
    kind: str
    note: str = ""
    expect_order: tuple[str, ...] = ()


def load_queries(path: Path = QUERIES) -> tuple[list[Query], dict]:
    """The queries and the floors of ``path``; a malformed entry stops with its index and field."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    queries, problems = [], []
    for i, entry in enumerate(data.get("queries") or []):
        where = f"{path}: query {i + 1} ({entry.get('q')!r})" if isinstance(entry, dict) else f"{path}: query {i + 1}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not a mapping")
            continue
        unknown = set(entry) - {"lang", "q", "expect", "kind", "note", "expect_order"}
        if unknown:
            problems.append(f"{where}: unknown field(s) {sorted(unknown)}")
        if entry.get("lang") not in LANG_ROOTS:
            problems.append(f"{where}: field 'lang' must be one of {sorted(LANG_ROOTS)}")
        if entry.get("kind") not in KINDS:
            problems.append(f"{where}: field 'kind' must be one of {list(KINDS)}")
        for name in ("q", "expect"):
            if not isinstance(entry.get(name), str) or not entry[name].strip():
                problems.append(f"{where}: field {name!r} must be a non-empty string")
        paths = [entry.get("expect")] + list(entry.get("expect_order") or [])
        if any(isinstance(p, str) and (p.startswith("/") or not p.endswith("/")) for p in paths):
            problems.append(f"{where}: page paths are relative to the language root and end in '/' (\"401/\")")
        if not problems:
            queries.append(Query(entry["lang"], entry["q"], entry["expect"], entry["kind"], entry.get("note", ""),
                                 tuple(entry.get("expect_order") or ())))
    if problems:
        raise SystemExit("error: the query set has problems:\n  " + "\n  ".join(problems))
    return queries, data.get("floors") or {}


def check_pages_exist(queries: list[Query], site: Path) -> None:
    """Every expected page must exist in the built site, so a typo in the set cannot pass as a miss."""
    missing = sorted({f"{LANG_ROOTS[q.lang]}{p}" for q in queries for p in (q.expect, *q.expect_order)
                      if not (site / LANG_ROOTS[q.lang] / p / "index.html").is_file()})
    if missing:
        raise SystemExit(f"error: {QUERIES}: expected page(s) not in the built site: {', '.join(missing)}")


# --- Typing like a reader ------------------------------------------------------------------------

_L = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_V = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_T = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ",
      "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
# Jamo typed with two keys on a 2-beolsik keyboard.
_COMPOUND_V = {"ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ"}
_COMPOUND_T = {"ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ",
               "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ"}
# The QWERTY key of each jamo (2-beolsik), for the key events' code and virtual key code.
_KEY_OF = dict(zip("ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡㅃㅉㄸㄲㅆㅒㅖ", "qwertyuiopasdfghjklzxcvbnmQWERTOP"))


def _syllable(l: int, v: int, t: int = 0) -> str:
    return chr(0xAC00 + (l * 21 + v) * 28 + t)


def composition_steps(syllable: str) -> list[tuple[str, str]]:
    """The (jamo key, composition text) pairs a 2-beolsik IME shows while typing one syllable."""
    index = ord(syllable) - 0xAC00
    if not 0 <= index < 11172:
        return [(syllable, syllable)]  # a lone jamo
    l, v, t = index // 588, (index % 588) // 28, index % 28
    steps = [(_L[l], _L[l])]
    vowel = _V[v]
    for n, key in enumerate(_COMPOUND_V.get(vowel, vowel)):
        so_far = vowel if n else key
        steps.append((key, _syllable(l, _V.index(so_far) if so_far in _V else v)))
    if t:
        final = _T[t]
        for n, key in enumerate(_COMPOUND_T.get(final, final)):
            steps.append((key, _syllable(l, v, t if n else _T.index(key))))
    return steps


def attach_final(syllable: str, consonant: str) -> str | None:
    """``syllable`` with ``consonant`` added as (part of) its final, as the IME shows it until the
    next key tells it whether the consonant starts a new syllable; None if it cannot attach."""
    index = ord(syllable) - 0xAC00 if len(syllable) == 1 else -1
    if not 0 <= index < 11172:
        return None
    l, v, t = index // 588, (index % 588) // 28, index % 28
    if t == 0:
        final = consonant if consonant in _T else None
    else:
        final = next((c for c, keys in _COMPOUND_T.items() if keys == _T[t] + consonant), None)
    return _syllable(l, v, _T.index(final)) if final else None


def _is_hangul(ch: str) -> bool:
    return 0xAC00 <= ord(ch) <= 0xD7A3 or 0x3131 <= ord(ch) <= 0x318E


class SearchBox:
    """Material's search box on one page of one language, typed into as a reader types."""

    def __init__(self, context, base_url: str, lang: str):
        self.lang = lang
        self.root = urlsplit(base_url).path + LANG_ROOTS[lang]
        self.page = context.new_page()
        self.page.add_init_script(_WORKER_PROBE)
        self.page.goto(base_url + LANG_ROOTS[lang])
        self.cdp = context.new_cdp_session(self.page)
        self.page.keyboard.press("/")  # Material's shortcut: focus the box, which starts the index
        # Wait for the index: once it is ready, Material sends the (empty) box as a first query.
        # A function, not an expression: the site's Content-Security-Policy refuses eval().
        self.page.wait_for_function("() => window.__searchEval.answered > 0", timeout=20000)
        self.composing = ""
        self.last_value = ""  # what the box held when the last results were read

    # Key events through CDP, so the IME's keys carry key "Process" and keyCode 229.
    def _key(self, type_: str, key: str, code: str, vk: int, text: str | None = None) -> None:
        params = {"type": type_, "key": key, "code": code, "windowsVirtualKeyCode": vk, "nativeVirtualKeyCode": vk}
        if text is not None:
            params["text"] = text
        self.cdp.send("Input.dispatchKeyEvent", params)

    def _jamo_key(self, jamo: str, composition: str, starts_syllable: bool) -> None:
        letter = _KEY_OF.get(jamo, "k")
        code = f"Key{letter.upper()}"
        self._key("rawKeyDown", "Process", code, 229)
        if starts_syllable:
            self._commit()  # the IME ends the previous syllable when the next one's first key arrives
        self.cdp.send("Input.imeSetComposition", {"text": composition, "selectionStart": len(composition),
                                                  "selectionEnd": len(composition)})
        self._key("keyUp", jamo, code, ord(letter.upper()))

    def _commit(self) -> None:
        if self.composing:
            self.cdp.send("Input.insertText", {"text": self.composing})
            self.composing = ""

    def type(self, text: str) -> None:
        for ch in text:
            if _is_hangul(ch):
                steps = composition_steps(ch)
                attached = attach_final(self.composing, steps[0][0]) if self.composing and len(steps) > 1 else None
                if attached:
                    # 이 + ㅇ shows 잉; the vowel that follows takes the ㅇ back and commits 이.
                    self._jamo_key(steps[0][0], attached, starts_syllable=False)
                    steps = steps[1:]
                for n, (jamo, composition) in enumerate(steps):
                    self._jamo_key(jamo, composition, starts_syllable=n == 0)
                self.composing = steps[-1][1]
            else:
                self._commit()
                self.page.keyboard.type(ch)

    def clear(self) -> None:
        self._commit()
        self.page.evaluate("document.querySelector('input.md-search__input').select()")
        self.page.keyboard.press("Backspace")

    def search(self, query: str, timeout: float = 15.0, typing: str = "keys") -> list[str]:
        """Type ``query`` into an empty box (``typing``: "keys", key by key as a reader types,
        or "commit", as one IME commit); return the result page paths (relative to the language
        root, fragments dropped, each page once), best first."""
        if typing == "commit":
            self._commit()
            answer = self.page.evaluate(_ANSWER, {"enter": query, "timeout": timeout * 1000})
        else:
            self.clear()
            self.type(query)
            answer = self.page.evaluate(_ANSWER, {"enter": None, "timeout": timeout * 1000})
        self.last_value = answer["value"]
        pages: list[str] = []
        for href in answer["hrefs"]:
            path = urlsplit(href).path
            rel = path[len(self.root):] if path.startswith(self.root) else path
            if rel not in pages:
                pages.append(rel)
        return pages

    def value(self) -> str:
        return self.page.input_value("input.md-search__input")

    def close(self) -> None:
        self.page.close()


# --- Scoring ----------------------------------------------------------------------------------------

@dataclass
class Outcome:
    query: Query
    pages: list[str]
    rank: int | None = None  # 1-based rank of the expected page among the rendered results
    order_ok: bool | None = None  # for queries with expect_order
    seconds: float = 0.0

    @property
    def top1(self) -> bool:
        return self.rank == 1 and self.order_ok is not False

    @property
    def top3(self) -> bool:
        return self.rank is not None and self.rank <= 3 and self.order_ok is not False

    @property
    def rr(self) -> float:
        return 1 / self.rank if self.rank else 0.0


def score(query: Query, pages: list[str]) -> Outcome:
    rank = pages.index(query.expect) + 1 if query.expect in pages else None
    order_ok = None
    if query.expect_order:
        order_ok = pages[:len(query.expect_order)] == list(query.expect_order)
    return Outcome(query, pages, rank, order_ok)


def replay(site: Path, queries: list[Query]) -> list[Outcome]:
    """Score ``queries`` by replaying the built site's search worker in Node
    (scripts/search_replay.mjs): the same index, worker and ranking, without a browser."""
    outcomes = []
    for lang, root in LANG_ROOTS.items():
        mine = [q for q in queries if q.lang == lang]
        if not mine:
            continue
        proc = subprocess.run(["node", str(ROOT / "scripts" / "search_replay.mjs"), str(site), root],
                              input=json.dumps([q.q for q in mine]), capture_output=True, text=True, check=True)
        outcomes += [score(q, pages) for q, pages in zip(mine, json.loads(proc.stdout))]
    return outcomes


def run(context, base_url: str, queries: list[Query], typing: str = "keys") -> list[Outcome]:
    """Type every query in its language's search box (one page per language) and score it."""
    outcomes = []
    for lang in LANG_ROOTS:
        mine = [q for q in queries if q.lang == lang]
        if not mine:
            continue
        box = SearchBox(context, base_url, lang)
        try:
            for query in mine:
                start = time.perf_counter()
                pages = box.search(query.q, typing=typing)
                typed = box.last_value
                if typed != query.q:
                    raise RuntimeError(f"typed {query.q!r} but the search box holds {typed!r}")
                outcome = score(query, pages)
                outcome.seconds = time.perf_counter() - start
                outcomes.append(outcome)
        finally:
            box.close()
    return outcomes


@dataclass
class Figures:
    n: int = 0
    top1: float = 0.0
    top3: float = 0.0
    mrr: float = 0.0


def figures(outcomes: list[Outcome]) -> Figures:
    n = len(outcomes)
    if not n:
        return Figures()
    return Figures(n, sum(o.top1 for o in outcomes) / n, sum(o.top3 for o in outcomes) / n,
                   sum(o.rr for o in outcomes) / n)


def summary(outcomes: list[Outcome]) -> dict:
    by_lang = defaultdict(list)
    by_kind = defaultdict(lambda: defaultdict(list))
    for o in outcomes:
        by_lang[o.query.lang].append(o)
        by_kind[o.query.kind][o.query.lang].append(o)
    return {
        "languages": {lang: asdict(figures(os_)) for lang, os_ in by_lang.items()},
        "kinds": {kind: {lang: asdict(figures(os_)) for lang, os_ in langs.items()}
                  for kind, langs in sorted(by_kind.items(), key=lambda kv: KINDS.index(kv[0]))},
    }


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def markdown(outcomes: list[Outcome]) -> str:
    s = summary(outcomes)
    lines = ["| language | queries | top-1 | top-3 | MRR |", "|---|---:|---:|---:|---:|"]
    for lang, f in s["languages"].items():
        lines.append(f"| {lang} | {f['n']} | {_pct(f['top1'])} | {_pct(f['top3'])} | {f['mrr']:.3f} |")
    lines += ["", "| kind | language | queries | top-1 | top-3 | MRR |", "|---|---|---:|---:|---:|---:|"]
    for kind, langs in s["kinds"].items():
        for lang, f in langs.items():
            lines.append(f"| {kind} | {lang} | {f['n']} | {_pct(f['top1'])} | {_pct(f['top3'])} | {f['mrr']:.3f} |")
    failing = [o for o in outcomes if not o.top1]
    lines += ["", f"Queries whose expected page is not first ({len(failing)}):", "",
              "| language | kind | query | expected | rank | first result |", "|---|---|---|---|---:|---|"]
    for o in failing:
        rank = str(o.rank) if o.rank else "-"
        if o.order_ok is False:
            rank += " (order: " + ", ".join(o.pages[:len(o.query.expect_order)]) + ")"
        first = o.pages[0] if o.pages else "(nothing)"
        q = o.query.q.replace("|", "\\|")
        lines.append(f"| {o.query.lang} | {o.query.kind} | `{q}` | {o.query.expect} | {rank} | {first} |")
    return "\n".join(lines) + "\n"


def to_json(outcomes: list[Outcome]) -> dict:
    return {
        **summary(outcomes),
        "queries": [{**asdict(o.query), "rank": o.rank, "order_ok": o.order_ok, "top": o.pages[:5],
                     "seconds": round(o.seconds, 3)} for o in outcomes],
    }


# --- Command line --------------------------------------------------------------------------------

def _build(dest: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"error: mkdocs build --strict failed:\n{proc.stdout}{proc.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--site", type=Path, help="a built site to serve (default: build one in a temp dir)")
    where.add_argument("--base-url", help="a site already served, e.g. http://127.0.0.1:8000/")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--json", type=Path, help="also write every query's outcome here")
    parser.add_argument("--typing", choices=("keys", "commit"), default="keys",
                        help="keys: key by key, Hangul through the IME (default); commit: each query as one IME commit")
    parser.add_argument("--replay", action="store_true",
                        help="replay the search worker in Node instead of typing in Chromium (fast; for tuning)")
    args = parser.parse_args(argv)

    if args.replay:
        queries, _ = load_queries(args.queries)
        with tempfile.TemporaryDirectory(prefix="search-eval-") as tmp:
            site = args.site
            if site is None:
                site = Path(tmp) / "site"
                _build(site)
            check_pages_exist(queries, site)
            outcomes = replay(site, queries)
        print(markdown(outcomes))
        if args.json:
            args.json.write_text(json.dumps(to_json(outcomes), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return 0

    from playwright.sync_api import sync_playwright

    import pages_server
    from measure import launch_options

    queries, _ = load_queries(args.queries)
    with tempfile.TemporaryDirectory(prefix="search-eval-") as tmp:
        server = None
        if args.base_url:
            base_url = args.base_url if args.base_url.endswith("/") else args.base_url + "/"
        else:
            site = args.site
            if site is None:
                site = Path(tmp) / "site"
                _build(site)
            check_pages_exist(queries, site)
            server, base_url = pages_server.serve(site)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(**launch_options())  # the tests' browser
                start = time.perf_counter()
                outcomes = run(browser.new_context(), base_url, queries, args.typing)
                elapsed = time.perf_counter() - start
                browser.close()
        finally:
            if server:
                server.shutdown()
    print(markdown(outcomes))
    print(f"{len(outcomes)} queries in {elapsed:.1f} s", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(to_json(outcomes), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
