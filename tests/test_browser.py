"""The built site in headless Chromium, served as a user site and as a project site: search
per language, language switching with the #fragment, copy-link, the 404 page, and no requests
to other hosts. (Link-preview meta: test_site.py, as a chat app's preview bot reads it.)"""

from __future__ import annotations

from urllib.parse import urlsplit

import pages_server
import pytest
import search_eval
from search_input import run_query

from conftest import only_shape

pytestmark = pytest.mark.browser

def search(page, query: str) -> list[str]:
    """Type a query into Material's search and return the result URLs, best first."""
    run_query(page, query)
    page.wait_for_timeout(150)
    return page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
    )


def page_of(url: str, site_url: str) -> str:
    """The page a URL leads to, from the site's root: "en/404/" (no ?query, no #fragment)."""
    root = urlsplit(site_url)
    parts = urlsplit(url)
    assert parts.netloc == root.netloc and parts.path.startswith(root.path), f"{url} is not on {site_url}"
    return parts.path[len(root.path):]


@pytest.mark.parametrize("lang, prefix", [("ko", ""), ("en", "en/")])
def test_search_returns_only_pages_of_the_current_language(page, site_url, lang, prefix):
    page.goto(f"{site_url}{prefix}404/")
    results = search(page, "404")
    assert page_of(results[0], site_url) == f"{prefix}404/"
    for url in results:
        assert page_of(url, site_url).startswith("en/") == (lang == "en"), url


QUERIES = [
    ("ko", "404", 404), ("ko", "not found", 404), ("ko", "too many requests", 429),
    ("ko", "찾을 수 없음", 404), ("ko", "찾을수없음", 404), ("ko", "찾을 수 없음을", 404),
    ("ko", "HTTP_404_NOT_FOUND", 404), ("ko", "Http404", 404), ("ko", "PermissionDenied", 403),
    ("ko", "HTTPStatus.NOT_FOUND", 404), ("ko", "Throttled", 429),
    ("en", "404", 404), ("en", "not found", 404), ("en", "too many requests", 429),
    ("en", "HTTP_404_NOT_FOUND", 404), ("en", "Http404", 404), ("en", "PermissionDenied", 403),
    ("en", "HTTPStatus.NOT_FOUND", 404), ("en", "Throttled", 429),
]


@pytest.fixture(scope="module")
def search_box(browser, site_url):
    """One search box per language, its index loaded once for all the ranking cases (a cold
    index costs about 0.6 s of CPU in Chromium, a query 0.1 s). Each query waits for the
    worker's answer to that query (search_eval.SearchBox), so no case reads another's results."""
    context = browser.new_context()
    boxes: dict[str, search_eval.SearchBox] = {}

    def box(lang: str) -> search_eval.SearchBox:
        if lang not in boxes:
            boxes[lang] = search_eval.SearchBox(context, site_url, lang)
        return boxes[lang]

    yield box
    context.close()


# Ranking comes from the search index, which is the same in both shapes (its locations are
# relative): checked once, in the deployed shape.
@only_shape("project")
@pytest.mark.parametrize("lang, query, code", QUERIES, ids=[f"{l}-{q}" for l, q, _ in QUERIES])
def test_search_finds_the_code_in_the_top_three(search_box, lang, query, code):
    box = search_box(lang)
    pages = box.search(query, typing="commit")  # paths from the language's root, each page once
    assert box.value() == query
    assert f"{code}/" in pages[:3], pages[:5]


@only_shape("project")
def test_search_by_prefix_lists_the_40x_codes(page, site_url, registry):
    page.goto(site_url)
    search(page, "40")
    # Material renders results in batches as the list scrolls; load them all.
    for _ in range(5):
        page.evaluate("document.querySelector('.md-search__scrollwrap').scrollTop = 1e6")
        page.wait_for_timeout(200)
    urls = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    pages = {page_of(u, site_url) for u in urls}
    expected = {f"{c.code}/" for c in registry.codes if 400 <= c.code <= 409}
    assert len(expected) == 10
    assert expected <= pages, sorted(expected - pages)


@pytest.mark.parametrize("start, lang, target, target_lang", [
    ("404/#django", "ko", "en/404/#django", "en"),
    ("en/404/#django", "en", "404/#django", "ko"),
    ("", "ko", "en/", "en"),
    ("en/4xx/", "en", "4xx/", "ko"),
])
def test_language_switch_keeps_the_page_and_fragment(page, site_url, start, lang, target, target_lang):
    page.goto(site_url + start)
    assert page.get_attribute("html", "lang") == lang
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={target_lang}]").click()
    page.wait_for_url(site_url + target)
    assert page.get_attribute("html", "lang") == target_lang


def copy_link(page) -> str:
    """Click "copy Markdown link", wait until the button says it copied, read the clipboard."""
    button = page.locator(".sc-copy-link")
    label, copied = button.inner_text(), button.get_attribute("data-copied")
    assert copied and copied != label
    button.click()
    page.wait_for_function("([b, text]) => b.textContent.trim() === text", arg=[button.element_handle(), copied])
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("path, expected", [
    ("404/", "[404 Not Found (찾을 수 없음)]({base}404/)"),
    ("en/429/", "[429 Too Many Requests]({base}en/429/)"),
])
def test_copy_link_puts_a_markdown_link_on_the_clipboard(page, context, site_url, path, expected):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + path + "#django")
    assert copy_link(page) == expected.format(base=site_url)


@only_shape("user")
def test_copy_link_gives_the_address_the_reader_is_on(browser, site, site_url):
    # The same files served at another address, as a build made for one URL (the
    # 127.0.0.1:8000 default without SITE_URL) is read at another: the link copied is the
    # page the reader is on, not the address the build was told.
    server, elsewhere = pages_server.serve(site)
    try:
        assert elsewhere != site_url
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto(elsewhere + "en/429/")
        assert copy_link(page) == f"[429 Too Many Requests]({elsewhere}en/429/)"
        context.close()
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("path, lang, heading, suggested", [
    ("nope/", "ko", "페이지를 찾을 수 없습니다", []),
    ("en/nope/", "en", "Page not found", []),
    ("4044/", "ko", "페이지를 찾을 수 없습니다", ["404", "444"]),
    ("en/41/", "en", "Page not found", ["410", "411", "412", "413", "414", "415", "416", "417"]),
])
def test_missing_pages_explain_the_404_in_the_right_language(page, site_url, path, lang, heading, suggested):
    response = page.goto(site_url + path)
    assert response.status == 404
    page.wait_for_selector("h1")
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    assert page.locator("article h1").inner_text() == heading
    assert "404 Not Found" in page.locator("article").inner_text()
    shown = page.locator("#sc-suggest li a").all_inner_texts()
    assert [s.split()[0] for s in shown] == suggested
    assert page.locator("#sc-suggest").is_visible() == bool(suggested)
    prefix = "en/" if lang == "en" else ""
    hrefs = [a.get_attribute("href") for a in page.locator("#sc-suggest li a").all()]
    assert hrefs == [f"{site_url}{prefix}{code}/" for code in suggested]


@pytest.mark.parametrize("path, lang, other, home", [
    ("nope/", "ko", "en", "en/"),
    ("en/nope/", "en", "ko", ""),
    ("en/4xx/nope/", "en", "ko", ""),
])
def test_language_switch_on_a_missing_page_leads_to_the_other_home(page, site_url, path, lang, other, home):
    assert page.goto(site_url + path).status == 404
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={other}]").click()
    page.wait_for_url(site_url + home)
    assert page.get_attribute("html", "lang") == other
    assert page.locator("article h1").count() == 1


@only_shape("project")  # which hosts a page asks does not depend on the URL prefix
@pytest.mark.parametrize("path", ["", "404/", "en/", "en/503/"])
def test_no_request_leaves_the_site(page, site_url, path):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(site_url + path)
    search(page, "timeout")
    page.wait_for_timeout(300)
    assert hosts == {urlsplit(site_url).netloc}
