"""The 419 page names the CSRF middleware each current Laravel major registers in its `web`
group, and what Laravel 13 changed (laravel/framework source at the tags):

- v11.0.0 and v12.0.0: `ValidateCsrfToken` (`VerifyCsrfToken` is its alias),
  src/Illuminate/Foundation/Configuration/Middleware.php.
- v13.0.0 (2026-03-17): `PreventRequestForgery`; both old names are `@deprecated` subclasses.
  Its `hasValidOrigin()` lets `Sec-Fetch-Site: same-origin` through before any token check, and
  with `originOnly` a failure is `OriginMismatchException`, which Handler.php turns into 403
  (`TokenMismatchException` still becomes 419)."""

from __future__ import annotations

import pytest

MIDDLEWARE_BY_MAJOR = {"11": "ValidateCsrfToken", "12": "ValidateCsrfToken", "13": "PreventRequestForgery"}
LARAVEL_13_FACTS = ["Sec-Fetch-Site", "same-origin", "originOnly", "403", "2026-03-17"]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_419_page_names_each_majors_csrf_middleware(registry, lang):
    meaning = registry.get(419).meaning[lang]
    for major, middleware in MIDDLEWARE_BY_MAJOR.items():
        assert f"`{middleware}`" in meaning, f"419.meaning.{lang} does not name {middleware} (Laravel {major})"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_419_page_says_what_laravel_13_changed(registry, lang):
    meaning = registry.get(419).meaning[lang]
    laravel_13 = meaning[meaning.index("Laravel 13"):]
    missing = [fact for fact in LARAVEL_13_FACTS if fact not in laravel_13]
    assert not missing, f"419.meaning.{lang}, Laravel 13 part, lacks {missing}"
