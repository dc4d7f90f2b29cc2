"""Cloudflare's own numbers on the 5xx pages, as its documentation gives them today.

Source: Cloudflare's Error 524 page and its Connection limits page, both "Last updated
Jul 23, 2026": the Proxy Read Timeout is 125 s by default (Enterprise zones can raise it to
6,000 s), the Proxy Write Timeout 30 s (6.5 s for Cloudflare Images). The same pages said 100 s
on 2025-04-29 and 120 s for a while in between. gunicorn's own --timeout default is 30 s."""

from __future__ import annotations

import re

CURRENT_SECONDS = {"125", "6,000", "30", "6.5"}
SUPERSEDED_SECONDS = {"100", "120"}
VENDOR_PAGE_DATE = "2026-07-23"
_SECONDS = re.compile(r"(\d[\d,.]*)(?:초| seconds?|-second| s\b)")


def _seconds(text: str) -> set[str]:
    return set(_SECONDS.findall(text))


def test_the_524_page_gives_the_current_default_timeout(registry):
    c = registry.get(524)
    # What a reader acts on: only today's numbers.
    for lang in ("ko", "en"):
        current = " ".join(t[lang] for t in (c.summary, c.client, c.django.how, c.when_to_use))
        seconds = _seconds(current)
        assert "125" in _seconds(c.summary[lang]), f"524.summary.{lang} does not give 125 s"
        assert seconds <= CURRENT_SECONDS, f"524.{lang} gives {sorted(seconds - CURRENT_SECONDS)} s"


def test_the_524_page_dates_the_vendor_figure_and_marks_old_ones_as_old(registry):
    c = registry.get(524)
    for lang in ("ko", "en"):
        for field in ("meaning", "history"):
            text = getattr(c, field)[lang]
            seconds = _seconds(text)
            assert seconds <= CURRENT_SECONDS | SUPERSEDED_SECONDS, f"524.{field}.{lang}: {seconds}"
            assert "125" in seconds, f"524.{field}.{lang} does not give 125 s"
            if seconds & SUPERSEDED_SECONDS:
                assert VENDOR_PAGE_DATE in text, f"524.{field}.{lang} gives an old figure without the page date"
