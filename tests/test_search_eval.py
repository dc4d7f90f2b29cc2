"""Search quality on the served site: every query of tests/search/queries.yaml entered into the real
search box (scripts/search_eval.py) must keep each language at or above its floors, and a number
prefix must list its codes in numeric order. The whole set is entered as one IME commit per query
(seconds); a sample typed key by key, Hangul jamo by jamo through the IME, must rank the same."""

from __future__ import annotations

import pytest
import search_eval
from conftest import only_shape

pytestmark = pytest.mark.browser
# Ranking does not depend on where the site is served: the project-site shape only.
served_once = only_shape("project")

QUERIES, FLOORS = search_eval.load_queries()


@pytest.fixture(scope="module")
def outcomes(browser, site_url):
    context = browser.new_context()
    try:
        yield search_eval.run(context, site_url, QUERIES, typing="commit")
    finally:
        context.close()


@served_once
@pytest.mark.parametrize("lang", sorted(search_eval.LANG_ROOTS))
def test_search_stays_at_or_above_its_floors(outcomes, lang):
    mine = [o for o in outcomes if o.query.lang == lang]
    assert len(mine) == sum(q.lang == lang for q in QUERIES)
    got = search_eval.figures(mine)
    floors = FLOORS[lang]
    below = {name: (round(getattr(got, name), 3), floor) for name, floor in floors.items() if getattr(got, name) < floor}
    assert not below, f"{lang}: below the floor (measured, floor): {below}\n" + search_eval.markdown(mine)


ORDER_CHECKS = [q for q in QUERIES if q.expect_order]


@served_once
@pytest.mark.parametrize("query", ORDER_CHECKS, ids=[f"{q.lang}-{q.q}" for q in ORDER_CHECKS])
def test_a_number_prefix_lists_its_codes_in_numeric_order(outcomes, query):
    outcome = next(o for o in outcomes if o.query == query)
    assert outcome.pages[:len(query.expect_order)] == list(query.expect_order)


def test_the_40_prefix_is_checked_in_both_languages():
    forty = {q.lang: q.expect_order for q in ORDER_CHECKS if q.q == "40"}
    assert forty == {lang: tuple(f"{c}/" for c in range(400, 410)) for lang in search_eval.LANG_ROOTS}


# Korean ones with particles, endings, spaces and digits, and English ones with a typo and a header:
# every third (19 queries; each key typed costs a search in the browser, 0.6 CPU-s a query).
TYPED_SAMPLE = [q for q in QUERIES if q.kind in ("particle_ko", "typo", "header", "number")][::3]


@served_once
def test_typing_key_by_key_ranks_as_the_committed_query(browser, site_url, outcomes):
    assert sum(q.lang == "ko" for q in TYPED_SAMPLE) >= 8 and sum(q.lang == "en" for q in TYPED_SAMPLE) >= 4
    assert {q.kind for q in TYPED_SAMPLE} == {"particle_ko", "typo", "header", "number"}
    context = browser.new_context()
    try:
        typed = search_eval.run(context, site_url, TYPED_SAMPLE, typing="keys")
    finally:
        context.close()
    committed = {o.query: o.pages for o in outcomes}
    differ = [(o.query.q, o.pages[:3], committed[o.query][:3]) for o in typed if o.pages != committed[o.query]]
    assert not differ, differ


@served_once
def test_the_node_replay_ranks_as_the_browser(site, outcomes):
    """scripts/search_eval.py --replay (the worker in Node, for tuning) gives every query of the set
    the same first ten pages as the real search box, so figures measured with it hold in the browser."""
    replayed = {o.query: o.pages for o in search_eval.replay(site, QUERIES)}
    differ = [(o.query.lang, o.query.q, o.pages[:3], replayed[o.query][:3]) for o in outcomes
              if o.pages[:10] != replayed[o.query][:10]]
    assert not differ, differ


PASTED = [q for q in QUERIES if q.kind in ("pasted_message", "log_line", "browser_error", "json_body", "client_error")]


@served_once
def test_a_pasted_text_never_shows_an_empty_list(outcomes):
    """What a reader pastes shares words with some page, so the list is never empty; the set's
    pasted queries (framework messages, log lines, JSON bodies...) all find something."""
    assert len(PASTED) >= 100
    empty = [o.query.q for o in outcomes if o.query in PASTED and not o.pages]
    assert not empty, empty
