"""Integrity of the built site: every internal link and #fragment resolves, every page has
one h1, a title, a description and the right lang, and two builds are byte-identical."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import SITE_URL, run_mkdocs_build
from htmlpage import parse


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _url_of(site: Path, html: Path) -> str:
    rel = html.relative_to(site).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return SITE_URL + rel


def _target(site: Path, url: str) -> Path | None:
    """The file a same-site URL is served from, or None if it is not on this site."""
    if not url.startswith(SITE_URL):
        return None
    rel = unquote(urlsplit(url).path)[len(urlsplit(SITE_URL).path):]
    path = site / rel
    return path / "index.html" if rel.endswith("/") or rel == "" else path


@pytest.fixture(scope="module")
def parsed(site):
    return {html: parse(html) for html in _pages(site)}


def test_every_internal_link_and_fragment_resolves(site, parsed):
    broken = []
    for html, page in parsed.items():
        if html.name == "404.html":
            continue  # served at any path; its links are absolute and checked by the browser tests
        here = _url_of(site, html)
        refs = [a.get("href", "") for a in page.links] + [h.get("href", "") for h in page.heads]
        refs += [s.get("src", "") for s in page.scripts if s.get("src")] + [i.get("src", "") for i in page.images]
        for ref in refs:
            if not ref or ref.startswith(("mailto:", "javascript:", "data:")):
                continue
            url = urljoin(here, ref)
            target = _target(site, url)
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


SECTIONS = {"meaning", "when-to-use", "confused-with", "headers", "client", "example", "django",
            "frontend", "error-body", "constants", "spec"}


def test_code_section_anchors_are_the_same_in_both_languages(site, registry):
    for c in registry.codes:
        ko = parse(site / str(c.code) / "index.html").ids & SECTIONS
        en = parse(site / "en" / str(c.code) / "index.html").ids & SECTIONS
        assert {"meaning", "when-to-use", "spec"} <= ko, c.code
        assert ko == en, f"{c.code}: {sorted(ko ^ en)}"


def test_two_builds_of_one_commit_are_byte_identical(site, tmp_path):
    again = tmp_path / "again"
    proc = run_mkdocs_build(again)
    assert proc.returncode == 0, proc.stderr
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    different = [str(k) for k in first if first[k] != second[k]]
    assert different == []
    for name in ("codes.json", "search/search_index.json", "en/search/search_index.json", "sitemap.xml"):
        assert Path(name) in first
