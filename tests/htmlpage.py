"""A small parsed view of a built HTML page, for assertions. lxml builds the document tree,
so the page title is the <title> in <head>, not the one inside an SVG diagram."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import lxml.etree

_PARSER = lxml.etree.HTMLParser(encoding="utf-8")
_NO_TEXT = {"script", "style", "template"}
_BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
           "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
           "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"}


@dataclass
class Page:
    lang: str = ""
    title: str = ""
    h1: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    links: list[dict] = field(default_factory=list)  # every <a>, with its attributes
    heads: list[dict] = field(default_factory=list)  # every <link>
    metas: list[dict] = field(default_factory=list)
    scripts: list[dict] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    text: str = ""

    def meta(self, key: str) -> str | None:
        for m in self.metas:
            if m.get("name") == key or m.get("property") == key:
                return m.get("content")
        return None

    def link_rel(self, rel: str) -> list[dict]:
        return [h for h in self.heads if rel in (h.get("rel") or "").split()]


def _text(element) -> str:
    """The text a reader sees in an element (changes the tree: call it last): no script or
    style, no permalink ¶, blocks apart, spaces collapsed."""
    lxml.etree.strip_elements(element, *_NO_TEXT, with_tail=False)
    for block in element.iter(*_BLOCKS):
        block.text = " " + (block.text or "")
        block.tail = " " + (block.tail or "")
    return " ".join("".join(element.itertext()).replace("¶", "").split())


def parse_html(html: bytes | str) -> Page:
    if isinstance(html, str):
        html = html.encode("utf-8")
    root = lxml.etree.fromstring(html, parser=_PARSER)
    attrs = lambda tag: [dict(el.attrib) for el in root.iter(tag)]  # noqa: E731
    head, body = root.find("head"), root.find("body")
    title = head.find("title") if head is not None else None
    page = Page(
        lang=root.get("lang", ""),
        ids={str(value) for value in root.xpath("//@id")},
        links=attrs("a"),
        heads=attrs("link"),
        metas=attrs("meta"),
        scripts=attrs("script"),
        images=attrs("img"),
    )
    # Text last: _text rewrites the tree it reads.
    page.title = _text(title) if title is not None else ""
    page.h1 = [_text(h) for h in root.iter("h1")]
    page.text = _text(body) if body is not None else ""
    return page


def parse(path: Path) -> Page:
    """The page at ``path``, parsed once per process while the file stays as it is (several
    tests read every built page): a shared Page, for reading only."""
    stat = Path(path).stat()
    return _parse_file(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1024)
def _parse_file(path: str, mtime_ns: int, size: int) -> Page:
    return parse_html(Path(path).read_bytes())
