"""The code pages' frontend snippets in a real browser (Chromium) against real Django and DRF
answers (tests/snippet_live_urls.py, served by Django's live server thread), both languages.

What runs is the block exactly as the page shows it; the scenario after it calls its function.
"""

from __future__ import annotations

import os
import time

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.test import override_settings  # noqa: E402
from django.test.testcases import LiveServerThread  # noqa: E402

from test_snippet_runs import LANGS, block  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_url():
    # Django's own CSRF failure page (the test project's settings swap in the guide's JSON one).
    with override_settings(ROOT_URLCONF="snippet_live_urls", ALLOWED_HOSTS=["127.0.0.1"],
                           CSRF_FAILURE_VIEW="django.views.csrf.csrf_failure"):
        server = LiveServerThread("127.0.0.1", static_handler=lambda app: app)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        try:
            yield f"http://127.0.0.1:{server.port}"
        finally:
            server.terminate()
            server.join()


def run(page, live_url: str, code: int, lang: str, scenario: str):
    page.goto(f"{live_url}/")
    return page.evaluate(f"(async () => {{\n{block(code, 'frontend', lang, 'js')}\n{scenario}\n}})()")


@pytest.mark.parametrize("lang", LANGS)
def test_429_retry_waits_for_drf_s_retry_after(page, live_url, lang):
    result = run(page, live_url, 429, lang, f"""
const started = performance.now();
const response = await fetchWithRetry("/api/search?key={lang}-{time.time_ns()}");
return {{ status: response.status, waited: performance.now() - started }};
""")
    assert result["status"] == 200
    assert result["waited"] >= 1000, result  # DRF's Throttled(wait=1) sends Retry-After: 1


@pytest.mark.parametrize("lang", LANGS)
def test_403_shows_django_s_csrf_refusal_and_an_api_refusal(page, live_url, lang):
    result = run(page, live_url, 403, lang, """
const shown = [];
const token = document.cookie.match(/csrftoken=([^;]+)/)[1];
await deleteProject(7, "not-the-token", { showToast: (text) => shown.push(text) });
await deleteProject(7, token, { showToast: (text) => shown.push(text) });
return shown;
""")
    fallback = {"ko": "이 작업을 할 권한이 없습니다.", "en": "You don't have permission to do that."}[lang]
    assert result == [fallback, "Only the owner can delete it."]
