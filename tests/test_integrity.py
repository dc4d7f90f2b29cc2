"""Integrity of the built site, for a user site and a project site: every internal link and
#fragment resolves, every absolute URL a page advertises is a page of the served site, every
page has one h1, a title, a description and the right lang, and two builds are byte-identical."""

from __future__ import annotations

import gzip
import http.client
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import only_shape, run_mkdocs_build
from htmlpage import parse
from statuscodes import language_fork


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _url_of(site: Path, site_url: str, html: Path) -> str:
    """Where a page is served; a 404 page is served at any missing path, so at a made-up one."""
    rel = html.relative_to(site).as_posix()
    if html.name == "404.html":
        return site_url + rel.removesuffix("404.html") + "no/such/page/"
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return site_url + rel


def _target(site: Path, site_url: str, url: str) -> Path | None:
    """The file a same-site URL is served from, or None if it is not on this site."""
    if not url.startswith(site_url):
        return None
    rel = unquote(urlsplit(url).path)[len(urlsplit(site_url).path):]
    path = site / rel
    return path / "index.html" if rel.endswith("/") or rel == "" else path


@pytest.fixture(scope="module")
def parsed(site):
    return {html: parse(html) for html in _pages(site)}


def test_every_internal_link_and_fragment_resolves(site, site_url, parsed):
    broken = []
    for html, page in parsed.items():
        here = _url_of(site, site_url, html)
        refs = [a.get("href", "") for a in page.links] + [h.get("href", "") for h in page.heads]
        refs += [s.get("src", "") for s in page.scripts if s.get("src")] + [i.get("src", "") for i in page.images]
        for ref in refs:
            if not ref or ref.startswith(("mailto:", "javascript:", "data:")):
                continue
            url = urljoin(here, ref)
            target = _target(site, site_url, url)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{html.relative_to(site)}: {ref} -> missing {target.relative_to(site)}")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and unquote(fragment) not in parsed[target].ids:
                broken.append(f"{html.relative_to(site)}: {ref} -> no #{fragment}")
    assert broken == []


def test_every_page_has_one_h1_a_title_a_description_and_its_language(site, parsed):
    for html, page in parsed.items():
        rel = html.relative_to(site).as_posix()
        assert len(page.h1) == 1, f"{rel}: {len(page.h1)} h1"
        assert page.title, rel
        assert page.meta("description"), rel
        assert page.lang == ("en" if rel.startswith("en/") else "ko"), rel


SECTIONS = {"meaning", "messages", "when-to-use", "confused-with", "headers", "client", "example", "django",
            "frontend", "error-body", "constants", "spec"}


def test_code_section_anchors_are_the_same_in_both_languages(site, registry):
    for c in registry.codes:
        ko = parse(site / str(c.code) / "index.html").ids & SECTIONS
        en = parse(site / "en" / str(c.code) / "index.html").ids & SECTIONS
        assert {"meaning", "when-to-use", "spec"} <= ko, c.code
        assert ko == en, f"{c.code}: {sorted(ko ^ en)}"


def _advertised_urls(site: Path, parsed: dict) -> dict[str, str]:
    """Every absolute URL the site hands to search engines, link previews and bots, with where
    it was found: canonical, hreflang alternates and og:url of each page, the sitemap's
    entries and their alternates, and the page URLs in codes.json."""
    found: dict[str, str] = {}
    for html, page in parsed.items():
        where = str(html.relative_to(site))
        for link in page.link_rel("canonical") + [h for h in page.link_rel("alternate") if h.get("hreflang")]:
            found.setdefault(link["href"], f"{where}: <link rel={link['rel']} hreflang={link.get('hreflang')}>")
        if page.meta("og:url"):
            found.setdefault(page.meta("og:url"), f"{where}: og:url")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    for loc in sitemap.iterfind("s:url/s:loc", ns):
        found.setdefault(loc.text.strip(), "sitemap.xml: <loc>")
    for alt in sitemap.iterfind("s:url/x:link", ns):
        found.setdefault(alt.get("href"), f"sitemap.xml: alternate {alt.get('hreflang')}")
    for entry in json.loads((site / "codes.json").read_text(encoding="utf-8"))["codes"]:
        for lang, url in entry["url"].items():
            found.setdefault(url, f"codes.json: {entry['code']} url.{lang}")
    return found


def _status(url: str) -> tuple[int, str]:
    """Status and Content-Type of a GET, redirects not followed (a 301 is not a page)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Content-Type", "")
    finally:
        connection.close()


def test_every_advertised_url_is_a_page_of_the_served_site(site, site_url, parsed, registry):
    advertised = _advertised_urls(site, parsed)
    assert len(advertised) >= 2 * len(registry.codes), "fewer URLs than code pages: the collector is broken"
    not_pages = []
    for url, where in sorted(advertised.items()):
        if not url.startswith(site_url):
            not_pages.append(f"{where}: {url} is not on {site_url}")
            continue
        status, ctype = _status(url)
        if status != 200 or not ctype.startswith("text/html"):
            not_pages.append(f"{where}: {url} -> {status} {ctype}")
    assert not_pages == []


@only_shape("project")  # one more build is enough: the project site, as deployed
def test_two_builds_of_one_commit_are_byte_identical(site, site_url, tmp_path):
    # The served site was built as `mkdocs build` builds it, the other languages in a second
    # process (statuscodes/language_fork.py); this one builds them one after the other, as
    # static-i18n does. So the test also shows that the fork changes nothing but the time.
    again = tmp_path / "again"
    proc = run_mkdocs_build(again, site_url, **{language_fork.ONE_PROCESS: "1"})
    assert proc.returncode == 0, proc.stderr
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    different = [str(k) for k in first if first[k] != second[k]]
    assert different == []
    for name in ("codes.json", "search/search_index.json", "en/search/search_index.json", "sitemap.xml"):
        assert Path(name) in first


_POLICY = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]+">')


def _without_address(path: Path, site_url: str) -> bytes:
    """A built file with its address taken out: the site URL, and the sub-path that starts the
    absolute links of the homes and 404 pages; the policy goes too, since it hashes scripts
    that name the sub-path."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    data = _POLICY.sub(b"", data.replace(site_url.encode(), b"SITE/"))
    mount = urlsplit(site_url).path
    return data.replace(b'"' + mount.encode(), b'"/') if mount != "/" else data


def test_the_two_shapes_are_one_site_but_for_its_address(_served_sites):
    # Why browser tests of how pages read and run (conftest.same_in_both_shapes) need only the
    # deployed shape: apart from its address, every file of the user site and the project site
    # is the same. Tests of addresses, links, the language switch and 404s run in both.
    user, project = _served_sites("user"), _served_sites("project")
    files = sorted(p.relative_to(project.root) for p in project.root.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(user.root) for p in user.root.rglob("*") if p.is_file())
    assert len(files) > 200
    different = [str(rel) for rel in files
                 if _without_address(project.root / rel, project.url) != _without_address(user.root / rel, user.url)]
    assert different == []
