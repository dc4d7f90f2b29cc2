"""Reading the site on a 1366x900 desktop and a 390x844 phone, in both languages: nothing
scrolls sideways, code lists keep every summary on screen, a code page answers in its first
screen, Korean wraps between words, section links copy, unofficial codes are marked.
How pages read is checked on the deployed shape (conftest.same_in_both_shapes); what involves
an address (copied links, search from a 404 page) in both."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import same_in_both_shapes

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": (1366, 900), "phone": (390, 844)}
# How far down the answer of a code page must be: one screen on a desktop, two on a phone.
FIRST_VIEW = {"desktop": 900, "phone": 2 * 844}
PREFIX = {"ko": "", "en": "en/"}
GUIDES = ["guides/choosing/", "guides/django/", "guides/error-formats/", "guides/cheatsheet/"]
# One page of every kind: home, a class, a registered, an unofficial and an unused code, the
# guides, and a missing page.
PAGE_KINDS = ["", "4xx/", "401/", "444/", "306/", *GUIDES, "no-such-page/"]
LISTS = ["", "1xx/", "2xx/", "3xx/", "4xx/", "5xx/", "guides/choosing/", "guides/cheatsheet/"]


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request, browser):
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    yield request.param, page
    context.close()


@same_in_both_shapes
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_page_scrolls_sideways(viewport, site_url, lang):
    name, page = viewport
    wide = []
    for path in PAGE_KINDS:
        page.goto(site_url + PREFIX[lang] + path)
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width[0] > width[1]:
            wide.append(f"/{PREFIX[lang]}{path}: {width[0]} px wide in a {width[1]} px {name} window")
    assert wide == []


@same_in_both_shapes
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_code_list_shows_each_summary_on_screen(viewport, site_url, registry, lang):
    name, page = viewport
    width = VIEWPORTS[name][0]
    off = []
    for path in LISTS:
        page.goto(site_url + PREFIX[lang] + path)
        rows = page.eval_on_selector_all(
            ".sc-list tbody tr",
            """rows => rows.map(row => [...row.cells].map(cell => {
                 const box = cell.getBoundingClientRect();
                 return {text: cell.innerText.trim(), left: box.left, right: box.right, width: box.width};
               }))""",
        )
        assert rows, f"/{PREFIX[lang]}{path} has no code list"
        for cells in rows:
            code, _, summary = cells
            expected = registry.get(int(code["text"])).summary[lang]
            assert summary["text"] == expected
            for cell in cells:
                if cell["width"] <= 0 or cell["left"] < 0 or cell["right"] > width:
                    off.append(f"/{PREFIX[lang]}{path} {code['text']}: {cell['text'][:30]!r} at {cell['left']:.0f}-{cell['right']:.0f}")
    assert off == []


def _key_header(code):
    return next((h for h in code.headers if h.level in ("must", "should")), None)


# The verdict and the first header of a code page's answer box: the text a reader sees and
# where its box ends, from the top of the page as first shown (nothing scrolled).
_FIRST_SCREEN = """() => Object.fromEntries([
  ["verdict", ".sc-answer .sc-verdict"], ["key header", ".sc-answer .sc-answer__facts code"],
].map(([what, selector]) => {
  const element = document.querySelector(selector);
  return [what, element && { text: element.innerText, bottom: element.getBoundingClientRect().bottom }];
}))"""


@same_in_both_shapes
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_verdict_and_key_header_are_in_the_first_screen(viewport, site_url, registry, lang):
    name, page = viewport
    codes = [c for c in registry.codes if _key_header(c)]
    assert codes
    late = []
    for c in codes:
        page.goto(f"{site_url}{PREFIX[lang]}{c.code}/")
        shown = page.evaluate(_FIRST_SCREEN)  # one round trip: Playwright's locators cost 5x a page's own
        if shown["verdict"] is None:
            late.append(f"{c.code}: no verdict")
            continue
        assert c.verdict[lang] in shown["verdict"]["text"]
        assert shown["key header"]["text"] == _key_header(c).name
        for what in ("verdict", "key header"):
            if shown[what]["bottom"] > FIRST_VIEW[name]:
                late.append(f"{c.code}: the {what} ends at {shown[what]['bottom']:.0f} px")
    assert late == []


# For each code block of a code page's first screen: the text a reader copies, and the tokens
# (Pygments' spans) that wrap onto a second line although they would fit on one. A token with a
# space or a hyphen may wrap there, as words do ("WWW-" at the end of a line, "Authenticate"
# on the next); one without breaks only where it cannot fit at all.
_GLANCE_CODE = """() => [...document.querySelectorAll('.sc-glance code')].map(code => {
  const probe = code.appendChild(document.createElement('span'));
  probe.textContent = '0'.repeat(10);
  const perChar = probe.getBoundingClientRect().width / 10;
  probe.remove();
  const style = getComputedStyle(code);
  const room = code.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const split = [...code.querySelectorAll('span')].filter(span => !/[\\s-]/.test(span.textContent)
    && [...span.getClientRects()].filter(rect => rect.width > 0).length > 1
    && span.textContent.length * perChar <= room);
  return {text: code.innerText.trim(), split: split.map(span => span.textContent)};
})"""


@same_in_both_shapes
def test_first_screen_code_wraps_between_tokens_on_a_phone(browser, site_url, registry):
    # The status line and Django's line wrap rather than scroll; a line too long for a phone
    # breaks after punctuation or an operator (site.css), not inside a name such as
    # HTTP_503_SERVICE_UNAVAILABLE, and still copies exactly as the data writes it (the Korean
    # line, with its Korean message, on these Korean pages; both languages share one stylesheet).
    context = browser.new_context(viewport=dict(zip(("width", "height"), VIEWPORTS["phone"])))
    page = context.new_page()
    codes = [c for c in registry.codes if c.django and c.django.line]
    assert len(codes) > 30
    wrong = []
    for c in codes:
        page.goto(f"{site_url}{c.code}/")
        blocks = page.evaluate(_GLANCE_CODE)
        if blocks[-1]["text"] != c.django.line["ko"]:
            wrong.append(f"{c.code}: copies as {blocks[-1]['text']!r}")
        wrong += [f"{c.code}: {token!r} is split across lines" for block in blocks for token in block["split"]]
    context.close()
    assert wrong == []


@same_in_both_shapes
def test_korean_keeps_words_whole_in_the_navigation_and_toc(page, site_url):
    page.goto(site_url + "guides/error-formats/")
    for selector in (".md-sidebar--primary .md-nav__link", ".md-sidebar--secondary .md-nav__link",
                     ".md-typeset td", ".md-typeset p"):
        styles = page.eval_on_selector_all(selector, "els => els.map(e => getComputedStyle(e).wordBreak)")
        assert styles and set(styles) == {"keep-all"}, selector


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_section_heading_copies_a_markdown_link_to_that_section(page, context, site_url, registry, lang):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}{PREFIX[lang]}401/")
    heading = page.locator("h2#django")
    heading.hover()
    heading.locator(".sc-section-copy").click()
    section = registry.ui["django"][lang]
    expected = f"[401 Unauthorized \u203a {section}]({site_url}{PREFIX[lang]}401/#django)"
    page.wait_for_function("() => document.querySelector('[aria-live]') && document.querySelector('[aria-live]').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert registry.ui["section_copied"][lang] in page.locator("[aria-live]").inner_text()
    # Every section of the page has one, and the page-level button stays.
    assert page.locator("article h2 .sc-section-copy").count() == page.locator("article h2[id]").count()
    assert page.locator(".sc-copy-link").count() == 1


@same_in_both_shapes
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_navigation_marks_unofficial_codes(page, site_url, registry, lang):
    mark = f"({registry.ui['standing_unofficial'][lang]})"
    for number in (4, 5):
        page.goto(f"{site_url}{PREFIX[lang]}{number}xx/")
        codes = registry.in_class(number)
        texts = page.evaluate("""codes => codes.map(code => {
          const link = document.querySelector(`.md-sidebar--primary a.md-nav__link[href$='/${code}/']`);
          return link && link.innerText;
        })""", [c.code for c in codes])
        for c, text in zip(codes, texts):
            assert text is not None, f"{c.code}: not in the navigation"
            assert (mark in text) == (c.standing.value == "unofficial"), f"{c.code}: {text!r}"
    page.goto(f"{site_url}{PREFIX[lang]}444/")
    assert mark in page.title()


@same_in_both_shapes
@pytest.mark.parametrize("lang, other", [("ko", "en"), ("en", "ko")])
def test_the_language_menu_marks_the_current_language(page, site_url, lang, other):
    page.goto(f"{site_url}{PREFIX[lang]}404/")
    assert page.get_attribute(f"a.md-select__link[hreflang={lang}]", "aria-current") == "page"
    assert page.get_attribute(f"a.md-select__link[hreflang={other}]", "aria-current") is None


# en/no-such-page/: the root 404 page replaces itself with the English one in the same window.
@pytest.mark.parametrize("path", ["", "no-such-page/", "en/404.html", "en/no-such-page/"])
def test_the_search_box_in_the_body_searches(page, site_url, path):
    page.goto(site_url + path)
    box = page.locator("article #sc-search-input")
    box.click()
    box.press_sequentially("429")
    # What was typed moved on into Material's search box, which now has the focus.
    header_box = page.locator("input.md-search__input")
    assert header_box.input_value() == "429"
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    for _ in range(50):  # Material reads the box on keyup; nudge it until its index is ready
        if page.locator(".md-search-result__item").count():
            break
        header_box.press("End")
        page.wait_for_timeout(300)
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    assert any(urlsplit(link).path.endswith("/429/") for link in links), links


@same_in_both_shapes
def test_example_json_bodies_are_pretty_printed(page, site_url):
    page.goto(site_url + "en/429/")
    example = page.locator("h2#example ~ div.highlight").first.inner_text()
    assert '{\n  "type": "https://api.example.com/problems/rate-limited",\n  "title": "Too Many Requests",' in example
    # A reader sees every line without scrolling the code block sideways.
    assert page.locator("h2#example ~ div.highlight pre").first.evaluate("pre => pre.scrollWidth <= pre.clientWidth")
