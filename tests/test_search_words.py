"""data/search/words.yaml: how readers type a word, mapped to how the pages write it, and the
words that say nothing in a pasted text. The search worker reads both from the index; a bad entry
stops the build like any bad data."""

from __future__ import annotations

import json

import pytest
import yaml

from statuscodes.loader import DataError, load_registry


def test_every_spelling_leads_to_words_the_korean_pages_hold(registry, site):
    """A rewrite into a word no Korean page holds would find nothing: each target word is in the
    Korean search index (a page's title, names, text, messages, constants or headers)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["spellings"] == registry.search_words.spellings["ko"]
    assert index["config"]["noise"] == registry.search_words.noise["ko"]
    held = " ".join(" ".join(str(doc.get(f, "")) for f in ("title", "names", "text", "vendor", "messages", "shared_messages", "constants", "headers")) for doc in index["docs"]).lower()
    missing = sorted({word for target in registry.search_words.spellings["ko"].values() for word in target.split()
                      if word.lower() not in held})
    assert not missing, missing


def test_the_english_index_carries_the_english_list(registry, site):
    index = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["spellings"] == registry.search_words.spellings.get("en", {})
    assert index["config"]["noise"] == registry.search_words.noise["en"]


@pytest.mark.parametrize("entry, problem", [
    ({"spellings": {"ko": {"엑세스": "<b>액세스</b>"}}}, "field 'spellings.ko.엑세스'"),
    ({"spellings": {"ko": {"엑세스\u200b": "액세스"}}}, "field 'spellings.ko.엑세스\u200b"),
    ({"spellings": {"ko": ["엑세스"]}}, "field 'spellings.ko'"),
    ({"spellings": {"jp": {"a": "b"}}}, "field 'spellings'"),
    ({"noise": {"en": ["the", "<script>"]}}, "field 'noise.en.1'"),
    ({"nois": {"en": ["the"]}}, "field 'nois'"),
])
def test_a_bad_spelling_names_the_file_and_the_field(data_copy, entry, problem):
    (data_copy / "search" / "words.yaml").write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_registry(data_copy, check_markdown=False)
    assert any(p.startswith("data/search/words.yaml") and problem in p for p in error.value.problems), error.value.problems
