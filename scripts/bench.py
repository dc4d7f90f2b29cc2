#!/usr/bin/env python3
"""Benchmark the site and print a Markdown table (the figures in README.md come from here).

    .venv/bin/python scripts/bench.py            # everything, Lighthouse included (~4 min)
    .venv/bin/python scripts/bench.py --no-lighthouse
    .venv/bin/python scripts/bench.py --suite    # also time `make test`'s pytest run (minutes)

It works on a fresh copy of the repository (scripts/repo_copy.py) and never edits the working tree.
Measures: clean build time (median of 5); time for `make serve` to show an edit to one code's
file (median of 5 edits); the test suite's time (with --suite); requests
and gzip bytes of a code page and the home page in both languages, first visit and repeat
visit (warm cache), in headless Chromium against a GitHub Pages-like server; search index
size per language; time from typing a query to the first result, cold and warm; Lighthouse
scores. Times are reported, never asserted; tests/test_budgets.py asserts the byte and
request budgets with the same measuring code.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import pages_server  # noqa: E402
from measure import CHROMIUM_ARGS, chromium_path, launch_options, measure_visit  # noqa: E402
from repo_copy import copy_repo  # noqa: E402

PAGES = {"code page (ko) /404/": "404/", "code page (en) /en/404/": "en/404/", "home (ko) /": "", "home (en) /en/": "en/"}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _copy() -> Path:
    """A fresh copy of the repository: the benchmark builds and edits only that."""
    return copy_repo(Path(tempfile.mkdtemp(prefix="bench-repo-")))


def build(dest: Path, site_url: str, runs: int = 5) -> tuple[list[float], list[float]]:
    """Seconds for a clean build (generate + ko + en, no caches: every link-preview card drawn)
    of a fresh copy, and for a rebuild, which finds the caches of .cache/ that the build before
    it left: the cards (.cache/social) and the compiled theme templates (.cache/jinja), the two
    the deploy keeps between runs. ``runs`` times each."""
    repo = _copy()
    clean, warm = [], []
    try:
        for _ in range(runs):
            for times, keep in ((clean, ()), (warm, ("social", "jinja"))):
                for path in (repo / ".cache").glob("*"):
                    if path.name not in keep:
                        shutil.rmtree(path, ignore_errors=True)
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(dest)],
                               cwd=repo, env={**ENV, "SITE_URL": site_url}, check=True)
                times.append(time.perf_counter() - start)
    finally:
        shutil.rmtree(repo, ignore_errors=True)
    return clean, warm


def card_sizes(site: Path) -> list[int]:
    return [p.stat().st_size for p in (site / "assets/images/social").rglob("*.png")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def serve_rebuild_times(edits: int = 5, timeout: float = 300) -> list[float]:
    """Seconds from saving an edited code file to `make serve` (mkdocs serve --dirty) serving
    the new text, for ``edits`` edits, in a copy of the repository."""
    repo = _copy()
    port = _free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=repo, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    path = repo / "data/codes/4xx/418.yaml"
    original = path.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/en/418/"
    times = []
    try:
        deadline = time.monotonic() + timeout
        while "418" not in _get(url):
            if time.monotonic() > deadline:
                raise TimeoutError("mkdocs serve did not start")
            time.sleep(0.5)
        for n in range(edits):
            time.sleep(2)  # let the watcher settle
            marker = f"bench-{n}-{time.time_ns()}"
            edited = re.sub(r"(\n  en: )(.*)", lambda m: f"{m.group(1)}{m.group(2)} {marker}", original, count=1)
            start = time.perf_counter()
            path.write_text(edited, encoding="utf-8")
            while marker not in _get(url):
                if time.monotonic() > deadline:
                    raise TimeoutError("the edit never showed up")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
    finally:
        serve.terminate()
        serve.wait(timeout=30)
        shutil.rmtree(repo, ignore_errors=True)
    return times


def _median(times: list[float]) -> str:
    return f"{statistics.median(times):.1f} s (median of {len(times)}: {min(times):.1f}-{max(times):.1f})"


def launch(playwright):
    return playwright.chromium.launch(**launch_options(full=True))  # as readers run it


def page_weights(browser, base: str) -> dict:
    weights = {}
    for label, path in PAGES.items():
        context = browser.new_context()
        first = measure_visit(context, base + path)
        repeat = measure_visit(context, base + path)
        context.close()
        weights[label] = {"first": first, "repeat": repeat}
    return weights


# Measured inside the page: from setting the query until the code's page is the first result.
# Material reads the box on keyup, skips a value it has already seen, and ignores queries
# typed before its index is ready; so until a result shows, the query is re-sent every 50 ms
# with and without a trailing space (that only matters when cold).
_TIME_QUERY = """async (query) => {
  const input = document.querySelector("input.md-search__input");
  input.focus();
  const list = document.querySelector(".md-search-result__list");
  const found = () => {
    const first = list.querySelector(".md-search-result__item a");
    return first && new URL(first.href).pathname.endsWith(`/${query}/`);
  };
  const start = performance.now();
  let flip = false;
  const nudge = () => {
    input.value = flip ? query + " " : query;
    flip = !flip;
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  };
  nudge();
  const timer = setInterval(nudge, 50);
  await new Promise((resolve) => {
    if (found()) return resolve();
    new MutationObserver((_, observer) => {
      if (found()) { observer.disconnect(); resolve(); }
    }).observe(list, { childList: true, subtree: true });
  });
  clearInterval(timer);
  return performance.now() - start;
}"""


def search_times(browser, base: str) -> dict:
    """Milliseconds from typing to the first result: cold (index still to load) and warm."""
    times = {}
    for lang, path in (("ko", ""), ("en", "en/")):
        page = browser.new_context().new_page()
        page.goto(base + path, wait_until="networkidle")
        cold = page.evaluate(_TIME_QUERY, "404")
        page.wait_for_timeout(500)
        warm = min(page.evaluate(_TIME_QUERY, query) for query in ("429", "503", "418"))
        times[lang] = {"cold_ms": cold, "warm_ms": warm}
        page.context.close()
    return times


def index_sizes(site: Path) -> dict:
    sizes = {}
    for lang, rel in (("ko", "search/search_index.json"), ("en", "en/search/search_index.json")):
        raw = (site / rel).read_bytes()
        sizes[lang] = {"raw": len(raw), "gzip": len(gzip.compress(raw, compresslevel=6))}
    return sizes


def lighthouse(base: str) -> dict:
    binary = ROOT / "scripts/lighthouse/node_modules/.bin/lighthouse"  # make bench installs it
    scores = {}
    for label, path in PAGES.items():
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(
                [str(binary), base + path, "--quiet", "--output=json", f"--output-path={out.name}",
                 "--only-categories=performance,accessibility,best-practices,seo",
                 "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
                cwd=ROOT, env={**ENV, "CHROME_PATH": chromium_path(full=True) or ""}, check=True, capture_output=True, timeout=300,
            )
            report = json.loads(Path(out.name).read_text())
        scores[label] = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    return scores


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve rebuild timing")
    parser.add_argument("--suite", action="store_true", help="also time the whole test suite (pytest)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    server, base = pages_server.serve(site)
    try:
        build_s, warm_s = build(site, base)
        cards = card_sizes(site)
        rebuild_s = None if args.no_serve else serve_rebuild_times()
        with sync_playwright() as playwright:
            browser = launch(playwright)
            weights = page_weights(browser, base)
            searches = search_times(browser, base)
            browser.close()
        sizes = index_sizes(site)
        scores = None if args.no_lighthouse else lighthouse(base)
    finally:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)

    suite_s = None
    if args.suite:
        start = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT, env=ENV,
                             capture_output=True, text=True)
        suite_s = time.perf_counter() - start
        if run.returncode != 0:  # the time of a failing suite means nothing: say why instead
            sys.stderr.write(run.stdout[-6000:] + run.stderr[-2000:])
            suite_s = None

    cpu = platform.processor() or platform.machine()
    print(f"Measured {date.today().isoformat()} on {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}\n")
    print("| measure | result | target |\n|---|---|---|")
    print(f"| clean build (generate + ko + en, every card drawn) | {_median(build_s)} | |")
    print(f"| rebuild: card and template caches warm | {_median(warm_s)} | ≤ 5 s |")
    print(f"| link-preview cards | {len(cards)}, largest {kb(max(cards))} | ≤ 150 KB each |")
    if rebuild_s is not None:
        print(f"| `make serve`: save one code's file until the page shows it | {_median(rebuild_s)} | ≤ 2 s |")
    if args.suite:
        result = f"{suite_s:.0f} s" if suite_s is not None else "FAILED (output above)"
        print(f"| `make test` (pytest, every test) | {result} | ≤ 150 s |")
    for label, w in weights.items():
        first, repeat = w["first"], w["repeat"]
        print(f"| {label}: first visit | {first['requests']} requests, {kb(first['bytes'])} | ≤ 10, ≤ 80 KB |")
        print(f"| {label}: repeat visit | {repeat['requests']} requests, {kb(repeat['bytes'])} | ≤ 12 KB |")
    for lang, s in sizes.items():
        print(f"| search index ({lang}) | {kb(s['raw'])} raw, {kb(s['gzip'])} gzip | ≤ 80 KB gzip |")
    for lang, t in searches.items():
        print(f"| first search result ({lang}): cold / warm | {t['cold_ms']:.0f} ms / {t['warm_ms']:.0f} ms | warm ≤ 50 ms |")
    if scores:
        for label, s in scores.items():
            print(f"| Lighthouse {label} | perf {s['performance']}, a11y {s['accessibility']}, "
                  f"best practices {s['best-practices']}, SEO {s['seo']} | 95, 100, 100, 100 |")
    return 1 if args.suite and suite_s is None else 0


if __name__ == "__main__":
    sys.exit(main())
