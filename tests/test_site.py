"""The built site, read as files: pages, titles, URLs, language links, no third-party requests.
Each test runs for a user site and a project site (conftest.py); `site_url` is the URL the site
was built for."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from statuscodes.model import LANGUAGES, lang_root

from htmlpage import parse, parse_html

PREFIX = {lang: lang_root(lang) for lang in LANGUAGES}
OTHER = {"ko": "en", "en": "ko"}


def page_path(site: Path, lang: str, slug: str = "") -> Path:
    return site / PREFIX[lang] / slug / "index.html"


def test_url_scheme(site, registry):
    # Documented in README.md: /<code>/ in Korean, /en/<code>/ in English; classes as /4xx/.
    for lang in ("ko", "en"):
        assert page_path(site, lang).exists()
        for n in range(1, 6):
            assert page_path(site, lang, f"{n}xx").exists()
        for c in registry.codes:
            assert page_path(site, lang, str(c.code)).exists(), f"/{PREFIX[lang]}{c.code}/ is missing"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_code_pages_have_the_right_title_heading_and_lang(site, registry, lang):
    site_name = {"ko": "HTTP 상태 코드 사전", "en": "HTTP Status Codes"}[lang]
    for c in registry.codes:
        page = parse(page_path(site, lang, str(c.code)))
        assert page.lang == lang
        assert page.h1 == [f"{c.code} {c.phrase}"]
        mark = {"ko": " (비공식)", "en": " (Unofficial)"}[lang] if c.standing.value == "unofficial" else ""
        assert page.title == f"{c.code} {c.phrase}{mark} - {site_name}"
        assert page.meta("description") == c.summary[lang]
        if lang == "ko":
            assert c.name_ko in page.text


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_language_switch_leads_to_the_same_code(site, site_url, registry, lang):
    for c in registry.codes:
        here = f"{site_url}{PREFIX[lang]}{c.code}/"
        page = parse(page_path(site, lang, str(c.code)))
        switch = {a["hreflang"]: urljoin(here, a["href"]) for a in page.links if "md-select__link" in a.get("class", "")}
        assert switch == {
            lang: here,
            OTHER[lang]: f"{site_url}{PREFIX[OTHER[lang]]}{c.code}/",
        }


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_home_and_class_pages_list_every_code(site, site_url, registry, lang):
    home = page_path(site, lang)
    home_links = {urljoin(f"{site_url}{PREFIX[lang]}", a.get("href", "")) for a in parse(home).links}
    for n in range(1, 6):
        class_page = page_path(site, lang, f"{n}xx")
        base = f"{site_url}{PREFIX[lang]}{n}xx/"
        class_links = {urljoin(base, a.get("href", "")) for a in parse(class_page).links}
        for c in registry.in_class(n):
            target = f"{site_url}{PREFIX[lang]}{c.code}/"
            assert target in home_links, f"home ({lang}) does not link {c.code}"
            assert target in class_links, f"{n}xx ({lang}) does not link {c.code}"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_home_lists_codes_with_name_and_summary(site, registry, lang):
    text = parse(page_path(site, lang)).text
    for c in registry.codes:
        assert c.summary[lang] in text
        assert c.phrase in text


def test_sitemap_has_absolute_urls_with_language_alternates(site, site_url, registry):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{site_url}404/</loc>" in sitemap
    assert f'hreflang="en" href="{site_url}en/404/"' in sitemap
    assert f'hreflang="ko" href="{site_url}404/"' in sitemap
    assert sitemap.count("<url>") >= len(registry.codes) + 6


ASSET_ATTRS = [("script", "src"), ("link", "href"), ("img", "src")]


def _external(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) or parsed.scheme in ("http", "https")


def test_no_third_party_scripts_styles_fonts_or_images(site):
    offenders = []
    for html in site.rglob("*.html"):
        page = parse(html)
        for script in page.scripts:
            if _external(script.get("src", "")):
                offenders.append((html, script["src"]))
        for link in page.heads:
            rel = link.get("rel", "")
            if rel in ("stylesheet", "preconnect", "preload", "modulepreload", "dns-prefetch", "icon") and _external(link.get("href", "")):
                offenders.append((html, link["href"]))
        for img in page.images:
            if _external(img.get("src", "")):
                offenders.append((html, img["src"]))
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:[^'\")]+)", css.read_text(encoding="utf-8")):
            if not url.startswith("http://www.w3.org/"):
                offenders.append((css, url))
        if "@import" in css.read_text(encoding="utf-8"):
            offenders.append((css, "@import"))
    assert offenders == []


def test_codes_json_matches_the_data(site, site_url, registry):
    document = json.loads((site / "codes.json").read_text(encoding="utf-8"))
    assert document["count"] == len(registry.codes) == len(document["codes"])
    by_code = {entry["code"]: entry for entry in document["codes"]}
    for c in registry.codes:
        entry = by_code[c.code]
        assert entry["phrase"] == c.phrase
        assert entry["name"] == {"ko": c.name_ko, "en": c.phrase}
        assert entry["summary"] == {"ko": c.summary.ko, "en": c.summary.en}
        assert entry["class"] == f"{c.code // 100}xx"
        assert entry["standing"] == c.standing.value and entry["vendor"] == c.vendor
        assert [s["url"] for s in entry["spec"]] == [s.href for s in c.spec]
        assert entry["url"] == {"ko": f"{site_url}{c.code}/", "en": f"{site_url}en/{c.code}/"}
        for url in entry["url"].values():
            assert (site / url.removeprefix(site_url) / "index.html").exists()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_language_has_its_own_search_index(site, registry, lang):
    index = json.loads((site / PREFIX[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not any(loc.startswith("en/") for loc in locations)
    assert {f"{c.code}/" for c in registry.codes} <= set(locations)
    page = next(doc for doc in index["docs"] if doc["location"] == "404/")
    # Each library's constant (data/ecosystems/), as the search separator leaves a pasted one:
    # HttpServletResponse.SC_NOT_FOUND -> SC_NOT_FOUND, StatusCodes.Status404NotFound -> Status404NotFound.
    assert {"HTTP_404_NOT_FOUND", "SC_NOT_FOUND", "HTTP_NOT_FOUND", "Status404NotFound", "StatusNotFound",
            "Http404"} <= set(page["constants"].split())
    assert ("찾을 수 없음" in page["title"]) == (lang == "ko")
    assert page["text"] == registry.get(404).summary[lang]  # the result's snippet: the page's answer


def test_one_not_found_page_per_language(site):
    assert parse(site / "404.html").title == "페이지를 찾을 수 없습니다 - HTTP 상태 코드 사전"
    assert parse(site / "en/404.html").title == "Page not found - HTTP Status Codes"
    assert parse(site / "404.html").lang == "ko"
    assert parse(site / "en/404.html").lang == "en"
    assert "Page not found" in parse(site / "en/404.html").h1


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_not_found_page_language_links_lead_to_the_homes(site, site_url, lang):
    # GitHub Pages serves a 404 page at whatever path was missing, so its links must not
    # depend on that path: resolved from anywhere, they lead to each language's home.
    homes = {"ko": site_url, "en": f"{site_url}en/"}
    page = parse(site / PREFIX[lang] / "404.html")
    for missing in (site_url + "nope", f"{site_url}{PREFIX[lang]}a/b/c/"):
        switch = {a["hreflang"]: urljoin(missing, a["href"]) for a in page.links if "md-select__link" in a.get("class", "")}
        assert switch == homes, missing
    hreflang = {h["hreflang"]: h["href"] for h in page.link_rel("alternate") if h.get("hreflang")}
    assert hreflang == {**homes, "x-default": homes["ko"]}


# What a chat app or wiki shows for a pasted link comes from the page's HTML as its preview bot
# fetches it, with no script run: so these are read from the served page over HTTP.
@pytest.mark.parametrize("path, lang, here, other", [
    ("en/404/", "en", "en/404/", "404/"),
    ("", "ko", "", "en/"),
    ("en/", "en", "en/", ""),
])
def test_link_preview_meta(site_url, path, lang, here, other):
    with urllib.request.urlopen(site_url + path, timeout=10) as response:
        page = parse_html(response.read())
    if here == "en/404/":
        assert page.meta("og:title") == "404 Not Found"
    locales = {"ko": "ko_KR", "en": "en_US"}
    assert page.meta("og:url") == site_url + here
    assert page.meta("og:locale") == locales[lang] and page.meta("og:locale:alternate") == locales[OTHER[lang]]
    assert page.meta("og:description") and page.meta("og:description") == page.meta("description")
    assert page.meta("twitter:card") == "summary_large_image"
    assert page.meta("og:image").startswith(site_url + "assets/images/social/") and page.meta("og:image:alt")
    assert [h["href"] for h in page.link_rel("canonical")] == [site_url + here]
    alternates = {h["hreflang"]: h["href"] for h in page.link_rel("alternate") if h.get("hreflang")}
    ko, en = (here, other) if lang == "ko" else (other, here)
    assert alternates == {"ko": site_url + ko, "en": site_url + en, "x-default": site_url + ko}
