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

# Korean text is searched as syllables: the separator in mkdocs.yml splits between Hangul
# syllables, so spacing variants ("찾을수없음") and particles ("없음을") still match. lunr's
# trimmer and stemmer would strip Hangul (it is \\W to them), so the Korean index runs none.
PIPELINES = {"ko": [], "en": ["stemmer", "stopWordFilter", "trimmer"]}


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

    keywords = {f"{c.code}/": c.keywords for c in registry.codes if c.keywords}
    written = {}
    for lang in LANGUAGES:
        for doc in docs[lang]:
            if doc["location"] in keywords:
                doc["text"] = doc["text"] + " " + " ".join(keywords[doc["location"]])
        config = dict(merged["config"], lang=["en"], pipeline=PIPELINES[lang])
        path = site / _root(lang, default) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"config": config, "docs": docs[lang]}, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
        written[lang] = path
    return written
