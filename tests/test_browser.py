"""The built site in headless Chromium: search per language, language switching with the
#fragment, copy-link, link-preview meta, the 404 page, and no requests to other hosts."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from search_input import run_query

pytestmark = pytest.mark.browser

def search(page, query: str) -> list[str]:
    """Type a query into Material's search and return the result URLs, best first."""
    run_query(page, query)
    page.wait_for_timeout(150)
    return page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
    )


def page_of(url: str) -> str:
    return urlsplit(url).path.split("#")[0]


@pytest.mark.parametrize("lang, prefix", [("ko", "/"), ("en", "/en/")])
def test_search_returns_only_pages_of_the_current_language(page, base_url, lang, prefix):
    page.goto(f"{base_url}{prefix.lstrip('/')}404/")
    results = search(page, "404")
    assert page_of(results[0]) == f"{prefix}404/"
    for url in results:
        assert page_of(url).startswith("/en/") == (lang == "en"), url


QUERIES = [
    ("ko", "404", 404), ("ko", "not found", 404), ("ko", "too many requests", 429),
    ("ko", "찾을 수 없음", 404), ("ko", "찾을수없음", 404), ("ko", "찾을 수 없음을", 404),
    ("ko", "HTTP_404_NOT_FOUND", 404), ("ko", "Http404", 404), ("ko", "PermissionDenied", 403),
    ("ko", "HTTPStatus.NOT_FOUND", 404), ("ko", "Throttled", 429),
    ("en", "404", 404), ("en", "not found", 404), ("en", "too many requests", 429),
    ("en", "HTTP_404_NOT_FOUND", 404), ("en", "Http404", 404), ("en", "PermissionDenied", 403),
    ("en", "HTTPStatus.NOT_FOUND", 404), ("en", "Throttled", 429),
]


@pytest.mark.parametrize("lang, query, code", QUERIES, ids=[f"{l}-{q}" for l, q, _ in QUERIES])
def test_search_finds_the_code_in_the_top_three(page, base_url, lang, query, code):
    prefix = "" if lang == "ko" else "en/"
    page.goto(f"{base_url}{prefix}")
    pages = []
    for url in search(page, query):
        if page_of(url) not in pages:
            pages.append(page_of(url))
    assert f"/{prefix}{code}/" in pages[:3], pages[:5]


def test_search_by_prefix_lists_the_40x_codes(page, base_url, registry):
    page.goto(base_url)
    search(page, "40")
    # Material renders results in batches as the list scrolls; load them all.
    for _ in range(5):
        page.evaluate("document.querySelector('.md-search__scrollwrap').scrollTop = 1e6")
        page.wait_for_timeout(200)
    urls = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    pages = {page_of(u) for u in urls}
    expected = {f"/{c.code}/" for c in registry.codes if 400 <= c.code <= 409}
    assert len(expected) == 10
    assert expected <= pages, sorted(expected - pages)


@pytest.mark.parametrize("start, lang, target, target_lang", [
    ("404/#django", "ko", "en/404/#django", "en"),
    ("en/404/#django", "en", "404/#django", "ko"),
    ("", "ko", "en/", "en"),
    ("en/4xx/", "en", "4xx/", "ko"),
])
def test_language_switch_keeps_the_page_and_fragment(page, base_url, start, lang, target, target_lang):
    page.goto(base_url + start)
    assert page.get_attribute("html", "lang") == lang
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={target_lang}]").click()
    page.wait_for_url(base_url + target)
    assert page.get_attribute("html", "lang") == target_lang


@pytest.mark.parametrize("path, expected", [
    ("404/", "[404 Not Found (찾을 수 없음)]({base}404/)"),
    ("en/429/", "[429 Too Many Requests]({base}en/429/)"),
])
def test_copy_link_puts_a_markdown_link_on_the_clipboard(page, context, base_url, path, expected):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + path)
    page.locator(".sc-copy-link").click()
    page.wait_for_function("document.querySelector('.sc-copy-link').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == expected.format(base=base_url)


def test_link_preview_meta(page, base_url):
    page.goto(base_url + "en/404/")
    meta = lambda key: page.get_attribute(f'meta[property="{key}"]', "content")  # noqa: E731
    assert meta("og:title") == "404 Not Found"
    assert meta("og:url") == base_url + "en/404/"
    assert meta("og:locale") == "en_US" and meta("og:locale:alternate") == "ko_KR"
    assert meta("og:description") and meta("og:description") == page.get_attribute('meta[name="description"]', "content")
    assert page.get_attribute('meta[name="twitter:card"]', "content") == "summary"
    assert page.get_attribute('link[rel="canonical"]', "href") == base_url + "en/404/"
    alternates = {a: page.get_attribute(f'link[rel="alternate"][hreflang="{a}"]', "href") for a in ("ko", "en", "x-default")}
    assert alternates == {"ko": base_url + "404/", "en": base_url + "en/404/", "x-default": base_url + "404/"}


@pytest.mark.parametrize("path, lang, heading, suggested", [
    ("nope/", "ko", "페이지를 찾을 수 없습니다", []),
    ("en/nope/", "en", "Page not found", []),
    ("4044/", "ko", "페이지를 찾을 수 없습니다", ["404", "444"]),
    ("en/41/", "en", "Page not found", ["410", "411", "412", "413", "414", "415", "416", "417"]),
])
def test_missing_pages_explain_the_404_in_the_right_language(page, base_url, path, lang, heading, suggested):
    response = page.goto(base_url + path)
    assert response.status == 404
    page.wait_for_selector("h1")
    page.wait_for_function(f"document.documentElement.lang === '{lang}'")
    assert page.locator("article h1").inner_text() == heading
    assert "404 Not Found" in page.locator("article").inner_text()
    shown = page.locator("#sc-suggest li a").all_inner_texts()
    assert [s.split()[0] for s in shown][: len(suggested)] == suggested
    if suggested:
        prefix = "en/" if lang == "en" else ""
        assert page.locator("#sc-suggest li a").first.get_attribute("href") == f"{base_url}{prefix}{suggested[0]}/"


@pytest.mark.parametrize("path", ["", "404/", "en/", "en/503/"])
def test_no_request_leaves_the_site(page, base_url, path):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(base_url + path)
    search(page, "timeout")
    page.wait_for_timeout(300)
    assert hosts == {urlsplit(base_url).netloc}
