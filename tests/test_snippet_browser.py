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

from conftest import real_registry  # noqa: E402
from snippet_blocks import block_of  # noqa: E402

LANGS = ("ko", "en")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_urls():
    """Two servers of the same views: two origins (the port differs)."""
    # Django's own CSRF failure page (the test project's settings swap in the guide's JSON one).
    with override_settings(ROOT_URLCONF="snippet_live_urls", ALLOWED_HOSTS=["127.0.0.1"],
                           CSRF_FAILURE_VIEW="django.views.csrf.csrf_failure"):
        servers = [LiveServerThread("127.0.0.1", static_handler=lambda app: app) for _ in range(2)]
        for server in servers:
            server.daemon = True
            server.start()
            server.is_ready.wait()
            if server.error:
                raise server.error
        try:
            yield [f"http://127.0.0.1:{server.port}" for server in servers]
        finally:
            for server in servers:
                server.terminate()
                server.join()


@pytest.fixture(scope="module")
def live_url(live_urls):
    return live_urls[0]


def run(page, live_url: str, code: int, lang: str, scenario: str):
    page.goto(f"{live_url}/")
    return page.evaluate(f"(async () => {{\n{block_of(real_registry(), code, 'frontend', lang, 'js')}\n{scenario}\n}})()")


@pytest.mark.parametrize("lang", LANGS)
def test_429_retry_waits_for_drf_s_retry_after(page, live_url, lang):
    result = run(page, live_url, 429, lang, f"""
const started = performance.now();
const response = await fetchWithRetry("/api/search?wait=2&key={lang}-{time.time_ns()}");
return {{ status: response.status, waited: performance.now() - started }};
""")
    assert result["status"] == 200
    # DRF's Throttled(wait=2) sends Retry-After: 2; without it the snippet would wait 1 s
    assert result["waited"] >= 2000, result


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


@pytest.mark.parametrize("lang", LANGS)
def test_429_retry_reads_retry_after_across_origins_only_when_exposed(page, live_urls, lang):
    # The page's claim: a cross-origin API must send Access-Control-Expose-Headers: Retry-After,
    # or the script cannot read it and falls back to its own 1 s backoff.
    api = live_urls[1]
    result = run(page, live_urls[0], 429, lang, f"""
const waited = {{}};
for (const expose of ["0", "1"]) {{
  const started = performance.now();
  const response = await fetchWithRetry("{api}/api/cross-origin/search?wait=3&expose=" + expose + "&key={lang}-{time.time_ns()}-" + expose);
  waited[expose] = [response.status, performance.now() - started];
}}
return waited;
""")
    hidden, exposed = result["0"], result["1"]
    assert hidden[0] == exposed[0] == 200
    assert 1000 <= hidden[1] < 2500, result  # Retry-After unreadable: the snippet's own first backoff
    assert exposed[1] >= 3000, result  # Retry-After: 3 read and honoured
