"""Byte and request budgets, measured as scripts/bench.py measures them (scripts/measure.py:
the full Chromium, headless, the site served like GitHub Pages with gzip). Times are reported by the
benchmark, never asserted here. Measured on the deployed shape, a project site: the bytes of
the two shapes differ only by the URL prefix."""

from __future__ import annotations

import gzip

import pytest

from conftest import only_shape
from measure import launch_options, measure_visit

pytestmark = [pytest.mark.browser, only_shape("project")]

FIRST_VISIT_BYTES = 80 * 1024
FIRST_VISIT_REQUESTS = 10
REPEAT_VISIT_BYTES = 12 * 1024
INDEX_GZIP_BYTES = 80 * 1024  # issue 13: the index may grow to hold headers, names and more sections
# Issue 24 held a code page's HTML to 12 KB gzip once the site's scripts moved to site.js. Issue 20
# then added the texts tools show (#messages): up to 3.2 KB more on the pages readers meet most
# (2026-12-05: 403 15.8 KB, 404 14.7 KB; without the section 12.6 and 11.6 KB). So a code page is
# held to 16 KB, and what every page repeats around its content (header, navigation, footer,
# inline scripts and data), which issue 24 was about, to 8 KB (7.4 KB measured). Minifying the
# HTML (mkdocs-minify-plugin) took 0.9 KB off each page and added 2 s to every build: left out.
# 2026-12-05, later: the texts of a second batch of pasted queries that the site lacked (S3's
# error codes, API Gateway, Cloudflare 1020, Laravel, Simple JWT, nginx's upstream TLS lines...)
# put 403, for which 15 tools have texts of their own, at 16.2 KB (16,556 bytes; 400 15.9 KB).
# The budget is 17 KB: that batch went from 64-76% first to 88-100%, and a 403 first visit is
# still well under the 80 KB above.
CODE_PAGE_HTML_GZIP_BYTES = 17 * 1024
CODE_PAGE_FRAME_GZIP_BYTES = 8 * 1024


@pytest.fixture(scope="module")
def full_browser(playwright):
    # The full browser, as scripts/bench.py measures and readers run it, not the other tests'
    # headless shell (which, for one, sends pointer moves of its own after a page loads).
    browser = playwright.chromium.launch(**launch_options(full=True))
    yield browser
    browser.close()


# A Korean and an English code page and a server error's page (every page's own bytes are held
# to their budget file by file below; these add what a visit fetches around them). 404's English
# page is the Korean one's template with less text: not visited again.
@pytest.mark.parametrize("path", ["404/", "en/429/", "503/"])
def test_code_page_first_and_repeat_visit(full_browser, site_url, path):
    context = full_browser.new_context()
    first = measure_visit(context, site_url + path)
    repeat = measure_visit(context, site_url + path)
    context.close()
    assert first["requests"] <= FIRST_VISIT_REQUESTS, first["urls"]
    assert first["bytes"] <= FIRST_VISIT_BYTES, (first["bytes"], first["urls"])
    assert repeat["bytes"] <= REPEAT_VISIT_BYTES, repeat["urls"]
    assert not any("search_index" in url or "sitemap" in url for url in first["urls"])


@pytest.mark.parametrize("rel", ["search/search_index.json", "en/search/search_index.json"])
def test_search_index_fits_its_budget(site, rel):
    assert len(gzip.compress((site / rel).read_bytes(), compresslevel=6)) <= INDEX_GZIP_BYTES


def _gzip(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=6))


def test_every_code_page_fits_its_budget(site):
    # Every page's own bytes, never cached: the scripts it shares with other pages do not belong in it.
    pages = sorted(site.glob("[1-5][0-9][0-9]/index.html")) + sorted(site.glob("en/[1-5][0-9][0-9]/index.html"))
    assert len(pages) >= 160
    over, frames = [], []
    for path in pages:
        html = path.read_text(encoding="utf-8")
        start, end = html.index('<article class="md-content__inner'), html.index("</article>") + len("</article>")
        if _gzip(html) > CODE_PAGE_HTML_GZIP_BYTES:
            over.append((str(path.relative_to(site)), _gzip(html)))
        if _gzip(html[:start] + html[end:]) > CODE_PAGE_FRAME_GZIP_BYTES:
            frames.append((str(path.relative_to(site)), _gzip(html[:start] + html[end:])))
    assert not over, over
    assert not frames, frames


def test_search_loads_its_index_only_when_opened(page, site_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "en/404/", wait_until="networkidle")
    assert not any("search_index.json" in url for url in requested)
    with page.expect_request(lambda request: "search_index.json" in request.url, timeout=10_000):
        page.keyboard.press("/")
