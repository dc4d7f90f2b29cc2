"""One search index per language, with what each code page contributes in its own field.

static-i18n merges every language into site/search/search_index.json, so a Korean reader
searching "404" would get English pages too. This splits the merged index into one file per
language root (/search/..., /en/search/...), with locations relative to that root (the
pages' Material "base" points there, see mkdocs_hooks.on_post_page). static-i18n cannot do
this itself, which is why it runs after the build.

What a code page contributes (the field boosts are in mkdocs.yml, plugins.search.fields; the
page boost, registered codes above unofficial ones, is front matter `search.boost`):
- title: "404 Not Found", plus the Korean name on Korean pages;
- text: the summary, so that the result's snippet is the page's one-sentence answer;
- vendor: who sends an unofficial code, so that naming the vendor brings its codes back up;
- names: other phrases, keywords, the Korean name and keywords written without spaces, and
  camel-case constant names split into words (PermissionDenied -> Permission Denied,
  RedirectKeepVerb -> Redirect Keep Verb);
- headers: the header fields that go with the code (Retry-After, WWW-Authenticate), also
  written whole (RetryAfter), which the search worker matches against a typed "Retry-After";
- constants: every ecosystem's constant name (data/ecosystems/) without its type, as the search
  separator (mkdocs.yml) leaves a pasted one (HttpServletResponse.SC_NOT_FOUND -> SC_NOT_FOUND,
  Response::HTTP_NOT_FOUND -> HTTP_NOT_FOUND, :not_found, Status404NotFound), and the Django
  built-ins (Http404). The types are left out: every code page would hold them, and with
  Material's trailing "*" a query word "status" or "http" matched them all (measured: with the
  whole names joined, top-3 fell from 98.6% to 97.2% in English; without, 100%);
- messages: the words of the texts tools show or log with it (data/messages/; on Korean pages
  the tools' Korean too), so that a pasted error finds its code, each word once; beside it,
  message_words says which words each text holds, so that the search worker ranks a paste by
  the one text that holds most of it (bag_of_messages); the words that only texts many codes
  show hold (a browser's CORS errors) go to shared_messages, which lunr weighs little;
- the sections that explain the code (meaning and headers), as their own entries; *when to use
  it* was measured too and left out (18 KB more index, no query found better).
The rest of a code page, the lists that repeat every summary (home, class tables, cheat sheet)
and code listings are left out. Guides are searched in full, minus code listings and the
parts marked data-search-exclude (the decision diagram).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import NamedTuple

from .model import DEFAULT_LANGUAGE, LANGUAGES, PLACEHOLDER, Registry, StatusCode, lang_root

# Material appends "*" to every query word, and lunr runs no pipeline on such a word; the
# query side is done by the site's search worker (docs/assets/javascripts/workers/site-search.js).
# English runs no pipeline: lunr's stop words would drop "not" from "not found". Korean runs the
# particle stemmer of docs/assets/javascripts/lunr/min/lunr.ko.min.js.
SEARCH_LANG = {"ko": ["ko"], "en": ["en"]}
PIPELINES = {"ko": ["stemmer"], "en": []}

_CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.S)
_TAG = re.compile(r"<[^>]+>")
_CODE_PAGE = re.compile(r"^(\d{3})/(#(.*))?$")
_KEPT_CODE_SECTIONS = {None, "meaning", "headers"}
_LIST_PAGES = re.compile(r"^(|[1-5]xx/|guides/cheatsheet/)#")  # their sections are tables of summaries
_WORD = re.compile(r"[^\s\-,:;!=\[\]()\"/·'`?.]+")  # roughly mkdocs.yml's search separator
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_HANGUL_SPACE = re.compile(r"(?<=[가-힣]) +(?=[가-힣])")


def _plain(html: str) -> str:
    return " ".join(_TAG.sub(" ", _CODE_BLOCK.sub(" ", html)).split())


def _keep(doc: dict) -> bool:
    match = _CODE_PAGE.match(doc["location"])
    if match:
        return match.group(3) in _KEPT_CODE_SECTIONS
    return not _LIST_PAGES.match(doc["location"])


# A heading with an id starts a section of Material's search index (and a document of it).
_SECTION_START = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]*)"')


def indexed_html(url: str, content: str) -> str:
    """The parts of a page's HTML whose documents split_search_index keeps: the page's top (the
    h1 starts it, as in Material) and the sections _keep keeps, each whole. Material's search
    plugin parses every page with Python's HTMLParser, a fifth of a build's time, and most of a
    code page (constants tables, messages, listings) was parsed only to be dropped here. The
    index is the same either way (tests/test_search_index.py). A page with data-search-*
    attributes is left whole, since Material also removes those from the page it shows."""
    lang = next((l for l in LANGUAGES if lang_root(l) and url.startswith(lang_root(l))), DEFAULT_LANGUAGE)
    location = url[len(lang_root(lang)):]
    starts = list(_SECTION_START.finditer(content))
    if not starts or "data-search-" in content:
        return content
    kept = [content[:starts[0].start()]]
    for start, end in zip(starts, starts[1:] + [None]):
        if start.group(1) == "1" or _keep({"location": f"{location}#{start.group(2)}"}):
            kept.append(content[start.start():end.start() if end else len(content)])
    return "".join(kept)


def framework_names(code: StatusCode, registry: Registry) -> list[str]:
    """The code's constants as a reader pastes them, then the Django built-ins that produce it.
    Node's STATUS_CODES values are reason phrases, already in the title and names."""
    names = [eco.written(code.code, name) for eco, names in registry.constants(code.code)
             if eco.shape == "identifier" for name in names]
    if code.django:
        names += sorted({dotted.rpartition(".")[2] for dotted in code.django.produces})
    return list(dict.fromkeys(names))


_TYPE_SEPARATOR = re.compile(r"[.:]+")
_STATUS_PREFIX = re.compile(r"^Status\d*(?=[A-Z])")


def _bare(written: str) -> str:
    # StatusCodes.Status404NotFound -> Status404NotFound: the part after the type.
    return _TYPE_SEPARATOR.split(written)[-1]


def _constant_tokens(names: list[str]) -> list[str]:
    """Each name without its type, once: lunr lowercases tokens, so NOT_FOUND is not_found."""
    tokens: dict[str, str] = {}
    for written in names:
        tokens.setdefault(_bare(written).lower(), _bare(written))
    return list(tokens.values())


def _names(code: StatusCode, lang: str, registry: Registry) -> list[str]:
    words = list(code.other_phrases) + code.keywords.en
    if lang == "ko":
        # Korean is written with and without spaces ("레이트 리밋", "레이트리밋"). Only the spaces
        # between Hangul go: "CORS사전요청실패" would match every typed "cors" (and "POST허용안됨"
        # every "post"), as the index matches a query word as a prefix.
        korean = [code.name_ko] + code.keywords.ko
        words += code.keywords.ko + [_HANGUL_SPACE.sub("", w) for w in korean if _HANGUL_SPACE.search(w)]
    # PermissionDenied and RedirectKeepVerb as words, for readers who type them so; Go's and
    # ASP.NET Core's "Status"/"Status404" prefix left out, and each wording once: repeated,
    # "status" and "request" on every page outranked the pages a query was about.
    bare = [_STATUS_PREFIX.sub("", _bare(n)) for n in framework_names(code, registry)]
    words += [_CAMEL.sub(" ", n) for n in bare if _CAMEL.search(n)]
    seen = {code.phrase.lower()}
    return [w for w in dict.fromkeys(words) if not (w.lower() in seen or seen.add(w.lower()))]


def _message_words(texts: list[str]) -> list[str]:
    return [w.lower() for t in texts for w in _WORD.findall(PLACEHOLDER.sub(" ", t))]


class IndexedText(NamedTuple):
    """A text a page quotes (a tool's message, or a sentence a guide quotes), as the index
    holds it for the search worker."""
    words: list[str]  # its words, with its tool's name where it has one
    own: int  # how many different words are the text's own (its tool's name left out)
    shared: bool = False  # SHARED_BY codes or more show it


class MessageFields(NamedTuple):
    """What a page's texts put in its search entry."""
    own: str  # the "messages" field: the words of the texts this page's code stands for
    shared: str  # the "shared_messages" field (low boost): words only texts many codes show hold
    groups: str  # "message_words": which of those words each text holds


def bag_of_messages(texts: list[IndexedText]) -> MessageFields:
    """Each text's words -> the fields: every word once, in lower case, and which of its words
    each text holds, as positions: "0 1 2;3,0 3 4;2". Each word once: a page with many texts would
    otherwise rank below a page with one short text that shares a single common word (lunr
    scales a term's weight down by field length). The positions let the search worker rank a
    pasted text by the one text that holds most of it, not by words gathered from several (a
    page whose messages hold "upstream" and "no such file" in two different log lines is not
    the page of a third line that holds both). After ";", how many words are the text's own: of
    two texts that hold a paste whole, the one the paste fills more of counts more ("Cannot GET
    /x" fills Express's "Cannot ‹method› ‹path›", not a longer text that also holds "cannot").
    A shared text starts with "~": many codes show it, so holding it says little about this one,
    and the words only such texts hold go to a field of their own that lunr weighs little (a
    typed "CORS" finds the guide that explains CORS, not eleven code pages that quote Chrome's
    CORS errors). Positions count on from the own field into the shared one."""
    position: dict[str, int] = {}
    for text in sorted(texts, key=lambda t: t.shared):  # stable: the own texts' words first
        for word in text.words:
            position.setdefault(word, len(position))
    own_words = {w for t in texts if not t.shared for w in t.words}
    groups = []
    for text in texts:
        group = " ".join(map(str, sorted({position[w] for w in text.words})))
        groups.append(f"{'~' if text.shared else ''}{group};{text.own}")
    words = list(position)  # in order of position
    return MessageFields(" ".join(w for w in words if w in own_words),
                         " ".join(w for w in words if w not in own_words), ",".join(groups))


def message_fields(texts: list[IndexedText]) -> dict[str, str]:
    """The entry's fields for ``texts``: those with words only."""
    fields = bag_of_messages(texts)
    found = {"messages": fields.own, "shared_messages": fields.shared, "message_words": fields.groups}
    return {name: value for name, value in found.items() if value}


# A text that this many codes or more lead to (a browser's CORS error, "This page isn't
# working") is about none of them: a code page that holds a paste of it gains little for that,
# so the guide section that explains it comes first.
SHARED_BY = 4


def message_texts(registry: Registry, code: StatusCode, lang: str) -> list[IndexedText]:
    """Each text tools show or log with ``code`` (data/messages/), with the tool's name ("envoy
    503"); on Korean pages the tool's own Korean too, since a Korean reader pastes either (its
    own words are then those of the longer of the two)."""
    texts = []
    # The worker measures how much of a text a paste fills by the paste's words that are not
    # noise ("this", "is"); so is the text, or "This field is required." (DRF's 400) would be
    # half filled by its own paste, and FastAPI's "Field required" (422) wholly.
    noise = set(registry.search_words.noise.get(lang, []))
    for _, entries in registry.messages(code.code):
        for tool, m in entries:
            # The body's code is part of what a reader pastes, or types alone ("PGRST116").
            versions = [m.text] + ([m.ko] if lang == "ko" and m.ko else [])
            versions = [f"{v} {m.body_code}" for v in versions] if m.body_code else versions
            own = max(max(len(set(_message_words([v])) - noise), 1) for v in versions)
            texts.append(IndexedText(_message_words([tool.name] + versions), own, len(m.code) >= SHARED_BY))
    return texts


def _quoted_text(quote: str) -> IndexedText:
    words = _message_words([quote])
    return IndexedText(words, len(set(words)))


def code_entry(doc: dict, code: StatusCode, lang: str, registry: Registry) -> dict:
    title = f"{code.code} {code.phrase}" + (f" · {code.name_ko}" if lang == "ko" else "")
    entry = dict(doc, title=title, text=code.summary[lang])
    entry["names"] = " · ".join(_names(code, lang, registry))
    # Each header also whole (ContentRange), for the worker's whole-name clause.
    entry["headers"] = " ".join(f"{h.name} {h.name.replace('-', '')}" for h in code.headers)
    entry["constants"] = " ".join(_constant_tokens(framework_names(code, registry)))
    messages = message_texts(registry, code, lang)
    if messages:
        entry.update(message_fields(messages))
    if code.vendor:
        entry["vendor"] = code.vendor
    return entry


# A code span in a guide's text that is a sentence (four words or more, ending in a full stop,
# or in a colon when the guide lists what follows) quotes what a tool shows, such as a
# console's CORS error, for the reader to recognise.
_QUOTED = re.compile(r"<code>([^<]*(?:\s+[^<\s]+){3,}[.:])</code>")


def guide_entry(doc: dict) -> dict:
    """A section of a guide or list page: its text, and the texts it quotes as its messages, so
    that a pasted console line finds the section that explains it as a code page's messages do."""
    entry = dict(doc, text=_plain(doc["text"]))
    quoted = [html.unescape(q) for q in _QUOTED.findall(_CODE_BLOCK.sub(" ", doc["text"]))]
    if quoted:
        entry.update(message_fields([_quoted_text(q) for q in quoted]))
    return entry


def _page_of(location: str) -> str:
    return location.partition("#")[0]


def split_search_index(site: Path, registry: Registry, pages: set[str] | None = None,
                       previous: dict | None = None) -> dict[str, dict[str, list[dict]]]:
    """Write one index per language; return its documents by language and page.

    ``pages``: the site-relative URLs of the pages that exist; others' documents are dropped.
    While serving, a dirty rebuild indexes only the pages it rebuilt: ``previous`` (what this
    returned last time) gives every other page its documents."""
    merged_path = site / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    codes = {f"{c.code}/": c for c in registry.codes}
    docs: dict[str, dict[str, list[dict]]] = {lang: {} for lang in LANGUAGES}
    for doc in merged["docs"]:
        lang = next((l for l in LANGUAGES if lang_root(l) and doc["location"].startswith(lang_root(l))),
                    DEFAULT_LANGUAGE)
        doc = dict(doc, location=doc["location"][len(lang_root(lang)):])
        if not _keep(doc):
            continue
        code = codes.get(doc["location"])
        entry = code_entry(doc, code, lang, registry) if code else guide_entry(doc)
        if doc["location"] == "guides/choosing/":
            keywords = registry.choosing.keywords
            entry["names"] = " · ".join(keywords.en + (keywords.ko if lang == "ko" else []))
        docs[lang].setdefault(_page_of(doc["location"]), []).append(entry)

    for lang in LANGUAGES:
        if previous is not None:
            # The rebuilt pages' documents replace their old ones, in place.
            docs[lang] = {**previous[lang], **docs[lang]}
        if pages is not None:
            docs[lang] = {page: entries for page, entries in docs[lang].items() if lang_root(lang) + page in pages}
        config = dict(merged["config"], lang=SEARCH_LANG[lang], pipeline=PIPELINES[lang],
                      # read by the search worker (data/search/words.yaml)
                      spellings=registry.search_words.spellings.get(lang, {}),
                      noise=registry.search_words.noise.get(lang, []))
        path = site / lang_root(lang) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        index = {"config": config, "docs": [entry for entries in docs[lang].values() for entry in entries]}
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return docs
