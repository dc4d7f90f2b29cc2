"""Type a query into Material's search box and wait for results, in Playwright.

Material reads the search box on keyup (and once when its index is ready); Playwright's
fill() sends no key events, so after filling, this presses keys that leave the query as it
was until results appear.
"""

from __future__ import annotations

import time


def run_query(page, query: str, result_selector: str = ".md-search-result__item", timeout: float = 15.0) -> float:
    """Search for ``query``; return the seconds until ``result_selector`` is on the page."""
    if not page.evaluate("document.activeElement && document.activeElement.matches('input.md-search__input')"):
        page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    start = time.perf_counter()
    box.fill(query)
    deadline = start + timeout
    while True:
        try:
            page.wait_for_selector(result_selector, state="attached", timeout=100)
            return time.perf_counter() - start
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError; nudge and retry
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no search result for {query!r} within {timeout} s") from None
            box.press("End")
            box.press("Space")
            box.press("Backspace")
