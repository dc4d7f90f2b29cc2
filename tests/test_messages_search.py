"""A pasted error finds its code: every query of tests/search/messages.yaml (texts of
data/messages/, with sample values in place of the ‹placeholders›) entered into the real search
box must keep each language at or above the floors written there."""

from __future__ import annotations

from pathlib import Path

import pytest
import search_eval
from conftest import only_shape

pytestmark = pytest.mark.browser
served_once = only_shape("project")

QUERIES, FLOORS = search_eval.load_queries(Path(__file__).parent / "search" / "messages.yaml")


@pytest.fixture(scope="module")
def outcomes(browser, site_url):
    context = browser.new_context()
    try:
        yield search_eval.run(context, site_url, QUERIES, typing="commit")
    finally:
        context.close()


@served_once
@pytest.mark.parametrize("lang", sorted(search_eval.LANG_ROOTS))
def test_pasted_errors_find_their_code(outcomes, lang):
    mine = [o for o in outcomes if o.query.lang == lang]
    got = search_eval.figures(mine)
    below = {name: (round(getattr(got, name), 3), floor) for name, floor in FLOORS[lang].items()
             if getattr(got, name) < floor}
    assert not below, f"{lang}: below the floor (measured, floor): {below}\n" + search_eval.markdown(mine)
