"""The Content-Security-Policy of the built pages: every page carries one that allows no
inline script except the theme's own (by hash), every page kind still works under it in
Chromium, and an inline handler injected into a page is blocked."""

from __future__ import annotations

import importlib
import re
import time
import sys
from pathlib import Path

import pytest
from conftest import same_in_both_shapes
from search_input import run_query

from statuscodes import csp

ROOT = Path(__file__).resolve().parents[1]
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _directives(html: str) -> dict[str, list[str]]:
    found = META.findall(html)
    assert len(found) == 1, f"{len(found)} policies"
    return {name: values for name, *values in (part.split() for part in found[0].split(";"))}


# --- The policy in the built HTML ---------------------------------------------------------

def test_every_page_has_a_policy_that_hashes_exactly_its_inline_scripts(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 170
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policy = _directives(html)
        scripts = policy["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, path
        assert "'unsafe-hashes'" not in scripts and "'strict-dynamic'" not in scripts, path
        assert scripts[0] == "'self'" and "*" not in scripts and "data:" not in scripts, path
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], path
        assert "'unsafe-inline'" not in policy["style-src"], path
        hashes = {h for h in scripts if h.startswith("'sha256-")}
        inline = {csp.script_hash(s) for s in csp.inline_scripts(html)}
        assert inline <= hashes, path  # every theme script can run
        if path.name != "404.html" or path.parent != site:
            assert hashes == inline, path  # and nothing else
        # The policy must come before the first script to apply to it.
        assert html.index("Content-Security-Policy") < html.index("<script"), path


def test_the_root_404_page_also_allows_the_english_page_it_writes_into_itself(site):
    root = set(_directives((site / "404.html").read_text(encoding="utf-8"))["script-src"])
    english = (site / "en/404.html").read_text(encoding="utf-8")
    assert {csp.script_hash(s) for s in csp.inline_scripts(english)} <= root


def test_a_script_in_the_page_content_gets_no_hash():
    page = ('<html><head><meta charset="utf-8"><script>theme()</script></head><body>'
            '<article><p>x</p><script>alert(1)</script></article></body></html>')
    protected = csp.protect(page, content="<p>x</p><script>alert(1)</script>")
    hashes = _directives(protected)["script-src"]
    assert csp.script_hash("theme()") in hashes
    assert csp.script_hash("alert(1)") not in hashes
    assert protected.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')


def test_json_data_blocks_are_not_hashed():
    page = ('<html><head><script id="__config" type="application/json">{"a": 1}</script>'
            '<script src="x.js"></script><script type="module">m()</script></head></html>')
    assert csp.inline_scripts(page) == ["m()"]


def test_the_script_scanner_reads_each_page_as_an_html_parser_does(site):
    # csp.inline_scripts reads scripts with a pattern (speed); lxml's parser is the reference.
    import lxml.html

    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        parsed = [s.text or "" for s in lxml.html.document_fromstring(html).iter("script")
                  if s.get("src") is None and (s.get("type") or "").strip().lower() in csp._EXECUTABLE_TYPES]
        assert csp.inline_scripts(html) == parsed, path


def test_the_script_scanner_skips_comments_and_reads_quoted_attributes():
    page = ('<!-- <script>commented()</script> --><SCRIPT data-x="a>b">one()</SCRIPT >'
            "<script type='text/javascript'>two('</scrip')</script><script defer src=x.js></script>"
            "<script\ntype=module>three()</script>")
    assert csp.inline_scripts(page) == ["one()", "two('</scrip')", "three()"]


def test_no_policy_while_serving_so_live_reload_keeps_working():
    sys.path.insert(0, str(ROOT / "scripts"))
    hooks = importlib.import_module("mkdocs_hooks")
    page = '<html><head><meta charset="utf-8"><script>x()</script></head></html>'
    try:
        hooks.on_startup(command="serve", dirty=False)
        assert hooks._protect(page) == page
        hooks.on_startup(command="build", dirty=False)
        assert "Content-Security-Policy" in hooks._protect(page)
    finally:
        hooks._state.pop("csp", None)


# --- In the browser -----------------------------------------------------------------------

# Collects the violations a page reports: the event on the document, and Chromium's console
# message (which also covers a document that document.open() replaced, as the 404 swap does).
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture
def watched(page):
    seen: list[str] = []
    page.add_init_script(LISTEN)
    page.on("console", lambda msg: "Content Security Policy" in msg.text and seen.append(msg.text))
    page.on("pageerror", lambda error: seen.append(f"page error: {error}"))

    def violations() -> list[str]:
        page.wait_for_timeout(200)
        return seen + (page.evaluate("window.__violations || []") or [])

    page.violations = violations
    return page


PAGES = [
    ("home", "", "ko"), ("home", "en/", "en"),
    ("class", "4xx/", "ko"), ("class", "en/4xx/", "en"),
    ("code", "404/", "ko"), ("code", "en/429/", "en"),
    ("guide", "guides/choosing/", "ko"), ("guide", "en/guides/django/", "en"),
    ("cheatsheet", "guides/cheatsheet/", "ko"), ("cheatsheet", "en/guides/cheatsheet/", "en"),
    ("404", "nope/", "ko"), ("404", "en/nope/", "en"),
]



def _first_interaction(page) -> None:
    """Material's bundle starts on the reader's first interaction (site.js): move
    the pointer, as a reader does, and wait until it has run."""
    page.mouse.move(5, 5)
    page.mouse.move(40, 60)
    _until(page, "typeof document$ === 'object'")


def _until(page, expression: str, timeout: float = 15.0) -> None:
    """Poll ``expression`` from outside the page: Playwright's wait_for_function evaluates its
    predicate with eval(), which the policy rightly refuses ('unsafe-eval' is not allowed)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)

def _in_shapes(cases: list[tuple]) -> list:
    """Each case in the deployed shape (conftest.same_in_both_shapes); a 404 page in both too,
    since its scripts name the sub-path, so that its policy is not the same in both."""
    shaped = []
    for case in cases:
        path = case[1] if len(case) > 1 else case[0]
        for shape in (("user", "project") if "nope/" in path else ("project",)):
            shaped.append(pytest.param(shape, *case, id=f"{shape}-{path}"))
    return shaped


# en/nope/ is the English 404 page the root one writes into itself. Its search failed without the
# policy too: the lazy-search wrapper of the root 404 page survived document.open() and waited
# for a focus event whose listener document.open() removed.
@pytest.mark.browser
@pytest.mark.parametrize("shape, kind, path, lang", _in_shapes(PAGES), indirect=["shape"])
def test_every_page_kind_runs_its_scripts_and_search_with_no_violation(watched, site_url, kind, path, lang):
    watched.goto(site_url + path)
    _first_interaction(watched)
    _until(watched, f"document.documentElement.lang === '{lang}'")
    # Material's inline head script and its bundle ran; so did site.js (the search's name).
    assert watched.evaluate("typeof __md_scope === 'object' && typeof document$ === 'object'")
    assert watched.get_attribute(".md-search", "aria-label")
    run_query(watched, "404", timeout=8)  # starts the lazy search worker, which answers
    assert watched.locator(".md-search-result__item").count() > 0
    assert watched.violations() == []


@pytest.mark.browser
@same_in_both_shapes
@pytest.mark.parametrize("path, lang", [("", "ko"), ("en/404/", "en")])
def test_palette_toggle_works_under_the_policy(watched, site_url, path, lang):
    watched.emulate_media(color_scheme="light")
    watched.goto(site_url + path)
    _first_interaction(watched)
    assert watched.get_attribute("body", "data-md-color-scheme") == "default"
    watched.locator('label[for="__palette_1"]').click()
    _until(watched, "document.body.dataset.mdColorScheme === 'slate'")
    watched.reload()  # the palette script in <body> restores the choice
    assert watched.get_attribute("body", "data-md-color-scheme") == "slate"
    assert watched.violations() == []


@pytest.mark.browser
def test_language_switcher_works_under_the_policy(watched, site_url):
    watched.goto(site_url + "404/#django")
    _first_interaction(watched)
    watched.locator(".md-header__option .md-select").hover()
    watched.locator("a.md-select__link[hreflang=en]").click()
    watched.wait_for_url(site_url + "en/404/#django")  # site.js's handler kept the #
    assert watched.violations() == []


@pytest.mark.browser
def test_copy_link_works_under_the_policy(watched, context, site_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    watched.goto(site_url + "en/429/")
    _first_interaction(watched)
    watched.locator(".sc-copy-link").click()
    _until(watched, "(b => b.textContent === b.dataset.copied)(document.querySelector('.sc-copy-link'))")
    assert watched.evaluate("navigator.clipboard.readText()") == f"[429 Too Many Requests]({site_url}en/429/)"
    assert watched.violations() == []


@pytest.mark.browser
@pytest.mark.parametrize("path, lang, heading, first", [
    ("en/4044/", "en", "Page not found", "404"),
    ("4044/", "ko", "페이지를 찾을 수 없습니다", "404"),
])
def test_404_swap_and_suggestions_work_under_the_policy(watched, site_url, path, lang, heading, first):
    response = watched.goto(site_url + path)
    _first_interaction(watched)
    assert response.status == 404
    _until(watched, f"document.documentElement.lang === '{lang}'")
    assert watched.locator("article h1").inner_text() == heading
    # The suggestions come from an inline script of the page that was written in.
    watched.wait_for_selector("#sc-suggest li a")
    assert watched.locator("#sc-suggest li a").first.inner_text().split()[0] == first
    assert watched.violations() == []


@pytest.mark.browser
@pytest.mark.parametrize("shape, path", _in_shapes([("en/404/",), ("nope/",)]), indirect=["shape"])
def test_an_injected_inline_handler_or_script_is_blocked(watched, site_url, path):
    watched.goto(site_url + path)
    _first_interaction(watched)
    watched.evaluate("""() => {
        const box = document.createElement("div");
        box.innerHTML = '<img src="data:," onerror="window.__ran = (window.__ran || 0) + 1">'
                      + '<svg onload="window.__ran = (window.__ran || 0) + 1"></svg>'
                      + '<a id="sc-evil" href="javascript:window.__ran = 1">x</a>';
        document.querySelector("article").appendChild(box);
        const script = document.createElement("script");
        script.textContent = "window.__ran = (window.__ran || 0) + 1";
        document.body.appendChild(script);
    }""")
    watched.locator("#sc-evil").click()
    reported = watched.violations()
    assert watched.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src-attr") for v in watched.evaluate("window.__violations")), reported
    assert any(v.startswith("script-src-elem") for v in watched.evaluate("window.__violations")), reported
