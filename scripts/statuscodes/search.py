"""One search index per language.

static-i18n merges every language into site/search/search_index.json, so a Korean reader
searching "404" would get English pages too. This splits the merged index into one file per
language root (/search/..., /en/search/...), with locations relative to that root (the
pages' Material "base" points there, see mkdocs_hooks.on_post_page), and adds each code's
extra keywords to its page entry.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import LANGUAGES, Registry

# Material appends "*" to every query word for prefix search; lunr's English trimmer and stemmer
# would eat or mangle it ("throttled*"), and its stop words would drop "not" from "not found".
# The separator already splits at punctuation, so English runs no pipeline. Korean runs the
# particle stemmer of docs/assets/javascripts/lunr/min/lunr.ko.min.js, which keeps the "*".
SEARCH_LANG = {"ko": ["ko"], "en": ["en"]}
PIPELINES = {"ko": ["stemmer"], "en": []}


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
        docs[lang].append(doc)

    codes = {f"{c.code}/": c for c in registry.codes}
    written = {}
    for lang in LANGUAGES:
        for doc in docs[lang]:
            code = codes.get(doc["location"])
            if code is None:
                continue
            extra = list(code.keywords) + list(code.other_phrases)
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
