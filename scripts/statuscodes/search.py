"""One search index per language, kept small.

static-i18n merges every language into site/search/search_index.json, so a Korean reader
searching "404" would get English pages too. This splits the merged index into one file per
language root (/search/..., /en/search/...), with locations relative to that root (the
pages' Material "base" points there, see mkdocs_hooks.on_post_page).

It also decides what is worth searching. Every code page is found by its number, reason
phrase, names, summary, keywords and framework names (as tags, which rank highest) and by its
"meaning" section; the rest of a code page, the lists that repeat every summary (home, class
tables, cheat sheet) and code listings are left out, which keeps each index under its
60 KB gzip budget (tests/test_budgets.py). Guides are searched in full, minus code listings.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .model import LANGUAGES, Registry

# Material appends "*" to every query word for prefix search; lunr's English trimmer and stemmer
# would eat or mangle it ("throttled*"), and its stop words would drop "not" from "not found".
# The separator already splits at punctuation, so English runs no pipeline. Korean runs the
# particle stemmer of docs/assets/javascripts/lunr/min/lunr.ko.min.js, which keeps the "*".
SEARCH_LANG = {"ko": ["ko"], "en": ["en"]}
PIPELINES = {"ko": ["stemmer"], "en": []}


_CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.S)
_TAG = re.compile(r"<[^>]+>")
_CODE_PAGE = re.compile(r"^(\d{3})/(#(.*))?$")
_KEPT_CODE_SECTIONS = {None, "meaning"}
_LIST_PAGES = re.compile(r"^(|[1-5]xx/|guides/cheatsheet/)#")  # their sections are tables of summaries


def _plain(html: str) -> str:
    return " ".join(_TAG.sub(" ", _CODE_BLOCK.sub(" ", html)).split())


def _keep(doc: dict) -> bool:
    match = _CODE_PAGE.match(doc["location"])
    if match:
        return match.group(3) in _KEPT_CODE_SECTIONS
    return not _LIST_PAGES.match(doc["location"])


def framework_names(code) -> list[str]:
    names = [f"HTTPStatus.{n}" for n in code.constants.python]
    if code.constants.drf:
        names.append(code.constants.drf)
    if code.django:
        names += sorted({dotted.rpartition(".")[2] for dotted in code.django.produces})
    return names


def _root(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def split_search_index(site: Path, registry: Registry, default: str) -> dict[str, Path]:
    merged_path = site / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    docs = {lang: [] for lang in LANGUAGES}
    for doc in merged["docs"]:
        lang = next((l for l in LANGUAGES if l != default and doc["location"].startswith(f"{l}/")), default)
        doc = dict(doc, location=doc["location"][len(_root(lang, default)):])
        if _keep(doc):
            docs[lang].append(dict(doc, text=_plain(doc["text"])))

    codes = {f"{c.code}/": c for c in registry.codes}
    written = {}
    for lang in LANGUAGES:
        for doc in docs[lang]:
            code = codes.get(doc["location"])
            if code is None:
                continue
            extra = code.keywords.en + (code.keywords.ko if lang == "ko" else []) + list(code.other_phrases)
            if lang == "ko":
                # The Korean name ranks with the title; written without spaces it still matches.
                doc["title"] = f"{doc['title']} · {code.name_ko}"
                extra.append(code.name_ko.replace(" ", ""))
            doc["text"] = doc["text"] + " " + " ".join(extra)
            # Framework names rank like tags (Material boosts the tags field), so a search for
            # HTTP_404_NOT_FOUND or PermissionDenied puts the code's page first.
            doc["tags"] = framework_names(code)
        config = dict(merged["config"], lang=SEARCH_LANG[lang], pipeline=PIPELINES[lang])
        path = site / _root(lang, default) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"config": config, "docs": docs[lang]}, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
        written[lang] = path
    return written
