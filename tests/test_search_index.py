"""Material's search plugin reads only the parts of a page that the search index keeps.

Its parser (Python's HTMLParser) took a fifth of every build; most of a code page (the
constants tables, the messages, the listings) was parsed only for split_search_index to drop
those sections. scripts/mkdocs_hooks.py now hands the plugin statuscodes.search.indexed_html
of each page and gives the page its whole HTML back afterwards. What a reader searches must
not change: for every built page, the documents Material makes from the whole HTML and from
the trimmed one are the same, once the index's own filter has run on both.
"""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

from conftest import only_shape
from material.plugins.search.plugin import SearchIndex

from statuscodes.search import _keep, indexed_html

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def _pages(site):
    for path in sorted(site.rglob("index.html")):
        match = _ARTICLE.search(path.read_text(encoding="utf-8"))
        if match:
            url = path.parent.relative_to(site).as_posix()
            yield ("" if url == "." else url + "/"), match.group(1)


def _documents(url: str, content: str) -> list[dict]:
    index = SearchIndex()
    index.add_entry_from_context(SimpleNamespace(meta={}, content=content, toc=[], url=url, title=url))
    lang_root = "en/" if url.startswith("en/") else ""
    return [doc for doc in index.entries if _keep({"location": doc["location"][len(lang_root):]})]


@only_shape("user")
def test_the_index_holds_the_same_documents_when_the_plugin_reads_only_what_is_kept(site):
    pages = list(_pages(site))
    assert len(pages) >= 180  # every code, class and guide page of both languages
    for url, content in pages:
        assert _documents(url, indexed_html(url, content)) == _documents(url, content), url


@only_shape("user")
def test_the_plugin_parses_under_half_of_the_code_pages_html(site):
    """What the trimming is for (a byte figure, not a timing): a code page's constants,
    messages and listings are no longer parsed only to be dropped."""
    whole = trimmed = 0
    for url, content in _pages(site):
        if re.fullmatch(r"(en/)?\d{3}/", url):
            whole += len(content.encode())
            trimmed += len(indexed_html(url, content).encode())
    assert whole and trimmed < whole / 2, (trimmed, whole)


def test_a_page_with_search_attributes_is_handed_over_whole():
    # Material removes data-search-* attributes from the page it shows; such a page is not
    # trimmed, so that the page gets back exactly what Material left of it.
    html = '<h1 id="t">T</h1><p>a</p><h2 id="constants">C</h2><div data-search-exclude>x</div>'
    assert indexed_html("404/", html) == html
    assert indexed_html("404/", html.replace(" data-search-exclude", "")) == '<h1 id="t">T</h1><p>a</p>'


def test_each_tool_text_can_be_read_back_from_the_index(registry):
    """The search worker ranks a paste by the one tool text that holds most of it: every text's
    words must come back, each from its own positions in the page's field of words."""
    from statuscodes.search import SHARED_BY, bag_of_messages, message_texts

    flagged = 0
    for code in registry.codes:
        found = [m for _, entries in registry.messages(code.code) for _, m in entries]
        for lang in ("ko", "en"):
            texts = message_texts(registry, code, lang)
            if not texts:
                continue
            fields = bag_of_messages(texts)
            words = fields.own.split(" ") if fields.own else []
            words += fields.shared.split(" ") if fields.shared else []  # positions run on into it
            assert len(words) == len(set(words))
            groups = [group.split(";") for group in fields.groups.split(",")]
            read = [{words[int(n)] for n in group.removeprefix("~").split(" ")} for group, _ in groups]
            assert read == [set(t.words) for t in texts], (code.code, lang)
            # A text that SHARED_BY codes or more show is marked, so that it ranks no code first.
            assert [g.startswith("~") for g, _ in groups] == [len(m.code) >= SHARED_BY for m in found], (code.code, lang)
            flagged += sum(g.startswith("~") for g, _ in groups)
            # Only the words no text of this code's own holds are weighed as shared.
            assert set(fields.shared.split()) == {w for t in texts if t.shared for w in t.words} - {
                w for t in texts if not t.shared for w in t.words}, (code.code, lang)
            # Each text's own words, its tool's name left out, are among the words read back.
            for (_, own), text, m in zip(groups, read, found):
                assert 0 < int(own) <= len(text), (code.code, lang, m.text)
    assert flagged > 0  # Chrome's CORS errors, at least


def test_a_texts_own_words_leave_out_its_tools_name(registry):
    from statuscodes.search import message_texts

    not_found = next(c for c in registry.codes if c.code == 404)
    found = [m for _, entries in registry.messages(404) for _, m in entries]
    counts = dict(zip([m.text for m in found], [t.own for t in message_texts(registry, not_found, "en")]))
    assert counts["Cannot ‹method› ‹path›"] == 1  # "cannot": not "express", not "finalhandler"


@only_shape("user")
def test_the_code_of_a_tools_json_body_is_one_of_its_texts_words(registry, site):
    """A reader who has only PostgREST's "code" (PGRST116) or a SQLSTATE (23505) types it: the
    index holds it among the words of the text it comes with, in both languages."""
    from statuscodes.search import message_texts

    for lang in ("ko", "en"):
        texts = message_texts(registry, registry.get(406), lang)
        assert any({"pgrst116", "coerce"} <= set(t.words) for t in texts), lang
        index = json.loads((site / ("en/" if lang == "en" else "") / "search/search_index.json").read_text(encoding="utf-8"))
        pages = {d["location"]: d for d in index["docs"]}
        assert "pgrst116" in pages["406/"]["messages"].split()
        assert "23505" in pages["409/"]["messages"].split()
        assert "token_not_valid" in pages["401/"]["messages"].split()
