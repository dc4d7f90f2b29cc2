"""A small parsed view of a built HTML page (stdlib only), for assertions."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


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


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in = []
        self._text = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "html":
            self.page.lang = a.get("lang", "")
        elif tag == "a":
            self.page.links.append(a)
        elif tag == "link":
            self.page.heads.append(a)
        elif tag == "meta":
            self.page.metas.append(a)
        elif tag == "script":
            self.page.scripts.append(a)
        elif tag == "img":
            self.page.images.append(a)
        if tag in ("title", "h1", "script", "style"):
            self._in.append([tag, []])

    def handle_endtag(self, tag):
        if self._in and self._in[-1][0] == tag:
            name, parts = self._in.pop()
            text = "".join(parts).replace("¶", "").strip()
            if name == "title":
                self.page.title = text
            elif name == "h1":
                self.page.h1.append(text)

    def handle_data(self, data):
        if self._in:
            self._in[-1][1].append(data)
        if not self._in or self._in[-1][0] not in ("script", "style"):
            self._text.append(data)

    def close(self):
        super().close()
        self.page.text = " ".join(" ".join(self._text).split())


def parse(path: Path) -> Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page
