"""Accessibility: axe-core finds no violation on each kind of page, in both languages, light
and dark; and the site works from the keyboard alone.

Checked in the deployed shape (a project site) only: what axe and the keyboard meet does not
depend on the URL prefix."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import only_shape

pytestmark = [pytest.mark.browser, only_shape("project")]

KINDS = ["", "4xx/", "404/", "guides/choosing/", "guides/django/", "guides/cheatsheet/", "no-such-page/"]
# Each kind of page once per palette, the language alternating: both languages render one
# template with one stylesheet (the Korean pages add only the Korean names, as text inside
# elements both have), so every kind is checked in Korean and in English and each language
# in both palettes.
CASES = [
    (path, scheme, ("ko", "en")[(i + j) % 2])
    for i, path in enumerate(KINDS)
    for j, scheme in enumerate(("light", "dark"))
]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("path, scheme, lang", CASES, ids=[f"{p or 'home'}-{s}-{l}" for p, s, l in CASES])
def test_axe_finds_no_violations(browser, site_url, axe, path, lang, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + ("en/" if lang == "en" else "") + path)
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    page.wait_for_timeout(200)
    results = axe.run(page)
    context.close()
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert violations == []


def _tab_until(page, selector: str, limit: int = 80) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return True
    return False


def test_skip_link_is_the_first_stop(page, site_url):
    page.goto(site_url + "404/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className + ' ' + document.activeElement.getAttribute('href')")
    assert "md-skip" in focused
    target = page.evaluate("document.activeElement.getAttribute('href')").lstrip("#")
    assert page.locator(f"[id='{target}']").count() == 1


def test_search_opens_from_the_keyboard(page, site_url):
    page.goto(site_url + "en/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("429")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/429/**")


def test_language_switcher_is_reachable_by_keyboard(page, site_url):
    page.goto(site_url + "404/")
    assert _tab_until(page, "a.md-select__link[hreflang='en']")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "en/404/")


def test_copy_link_is_reachable_by_keyboard(page, context, site_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "en/404/")
    assert _tab_until(page, ".sc-copy-link")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.sc-copy-link').textContent.trim() === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == f"[404 Not Found]({site_url}en/404/)"
