"""Snippets that claim a behaviour, run: the code pages' JavaScript in Node against a stub
`fetch` (Node's own Response and Headers), and the Python ones in the tests' Django project.

Each runs exactly as the page shows it, in both languages: the block is taken from the data,
written to a module with an `export` of the functions it defines, and a scenario calls them.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess

import django
import pytest

from conftest import real_registry
from snippet_blocks import block_of

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

LANGS = ("ko", "en")


def block(code: int, field: str, lang: str, language: str) -> str:
    return block_of(real_registry(), code, field, lang, language)


def run_js(tmp_path, code: int, lang: str, exports: str, scenario: str) -> dict:
    """Run ``scenario`` (a module body that may use the snippet's ``exports`` and must print one
    JSON line) with the snippet of ``code``'s frontend in ``lang``."""
    (tmp_path / "snippet.mjs").write_text(block(code, "frontend", lang, "js") + f"\nexport {{ {exports} }};\n", encoding="utf-8")
    (tmp_path / "scenario.mjs").write_text(f'import {{ {exports} }} from "./snippet.mjs";\n{scenario}\n', encoding="utf-8")
    run = subprocess.run([shutil.which("node"), str(tmp_path / "scenario.mjs")], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


def run_python(code: int, lang: str, **names) -> dict:
    """The names the Python block of ``code``'s Django section defines, run as the page shows
    it; ``names`` are what the page leaves to the reader (a model, say)."""
    namespace = dict(names)
    exec(compile(block(code, "django.how", lang, "python"), f"{code} django.how.{lang}", "exec"), namespace)
    return namespace


def messages(code: int, lang: str) -> list[str]:
    """The user-visible strings of the snippet, in the page's language."""
    return re.findall(r'"([^"]*[.!?다요])"', block(code, "frontend", lang, "js"))


@pytest.mark.parametrize("lang", LANGS)
def test_429_fetch_with_retry_waits_for_retry_after(tmp_path, lang):
    result = run_js(tmp_path, 429, lang, "fetchWithRetry", """
const calls = [];
globalThis.fetch = async (url) => {
  calls.push(Date.now());
  return calls.length === 1
    ? new Response(null, { status: 429, headers: { "Retry-After": "2" } })
    : new Response("{}", { status: 200 });
};
const response = await fetchWithRetry("/api/search");
console.log(JSON.stringify({ status: response.status, calls: calls.length, waited: calls[1] - calls[0] }));
""")
    assert result["status"] == 200 and result["calls"] == 2
    # Retry-After: 2, plus up to 300 ms of jitter (without the header the snippet waits 1 s)
    assert 2000 <= result["waited"] < 2000 + 300 + 1000, result


@pytest.mark.parametrize("lang", LANGS)
def test_429_fetch_with_retry_gives_up_without_waiting_after_the_last_try(tmp_path, lang):
    result = run_js(tmp_path, 429, lang, "fetchWithRetry", """
const waits = [];
globalThis.setTimeout = (resolve, ms) => { waits.push(ms); resolve(); };
let calls = 0;
globalThis.fetch = async () => { calls++; return new Response(null, { status: 429, headers: { "Retry-After": "120" } }); };
let error = null;
try { await fetchWithRetry("/api/search"); } catch (e) { error = e.message; }
console.log(JSON.stringify({ calls, waits: waits.map((ms) => Math.floor(ms / 1000)), error }));
""")
    assert result["calls"] == 3 and result["waits"] == [120, 120] and result["error"]


@pytest.mark.parametrize("lang", LANGS)
def test_403_shows_the_problem_detail_and_survives_django_s_html_csrf_page(tmp_path, lang):
    result = run_js(tmp_path, 403, lang, "deleteProject", """
const seen = [];
const shown = [];
const answers = [
  new Response("<!DOCTYPE html><title>403 Forbidden</title>", { status: 403, headers: { "Content-Type": "text/html; charset=utf-8" } }),
  new Response(JSON.stringify({ detail: "Only the owner can delete it." }), { status: 403, headers: { "Content-Type": "application/problem+json" } }),
];
globalThis.fetch = async (url, init) => { seen.push(init.headers["X-CSRFToken"]); return answers.shift(); };
await deleteProject(7, "tok", { showToast: (text) => shown.push(text) });
await deleteProject(7, "tok", { showToast: (text) => shown.push(text) });
console.log(JSON.stringify({ seen, shown }));
""")
    assert result["seen"] == ["tok", "tok"]
    fallback = [m for m in messages(403, lang) if m != "Content-Type"]
    assert result["shown"] == [fallback[0], "Only the owner can delete it."], result


@pytest.mark.parametrize("lang", LANGS)
def test_424_sends_json_and_names_the_step_that_failed_first(tmp_path, lang):
    result = run_js(tmp_path, 424, lang, "runBatch", """
let sent;
globalThis.fetch = async (url, init) => {
  sent = init.headers["Content-Type"];
  const results = [{ id: 1, status: 200 }, { id: 2, status: 409 }, { id: 3, status: 424 }];
  return new Response(JSON.stringify({ results }), { status: 207, headers: { "Content-Type": "application/json" } });
};
const shown = [];
await runBatch([{ op: "a" }], "tok", { showError: (text) => shown.push(text) });
console.log(JSON.stringify({ sent, shown }));
""")
    assert result["sent"] == "application/json"  # a string body alone goes out as text/plain (415 from DRF)
    assert len(result["shown"]) == 1 and "2" in result["shown"][0] and "3" not in result["shown"][0]


@pytest.mark.parametrize("lang", LANGS)
def test_204_delete_reads_no_body(tmp_path, lang):
    result = run_js(tmp_path, 204, lang, "deleteBook", """
let token;
globalThis.fetch = async (url, init) => { token = init.headers["X-CSRFToken"]; return new Response(null, { status: 204 }); };
const removed = [];
await deleteBook(42, "tok", { removeBookFromList: (id) => removed.push(id) });
console.log(JSON.stringify({ removed, token }));
""")
    assert result == {"removed": [42], "token": "tok"}  # Django's CSRF check needs the token on a DELETE


@pytest.mark.parametrize("lang", LANGS)
def test_401_refreshes_the_token_once_and_retries(tmp_path, lang):
    result = run_js(tmp_path, 401, lang, "createApiFetch", """
const tokens = [];
let token = "old";
globalThis.fetch = async (url, init) => {
  tokens.push(init.headers.Authorization);
  return new Response(null, { status: tokens.length === 1 ? 401 : 200 });
};
let redirected = 0;
const apiFetch = createApiFetch({
  getAccessToken: () => token,
  refreshAccessToken: async () => { token = "new"; return true; },
  redirectToLogin: () => { redirected += 1; },
});
const response = await apiFetch("/api/me");
console.log(JSON.stringify({ status: response.status, tokens, redirected }));
""")
    assert result == {"status": 200, "tokens": ["Bearer old", "Bearer new"], "redirected": 0}


@pytest.mark.parametrize("lang", LANGS)
def test_429_plain_django_answer_carries_retry_after(lang):
    namespace = run_python(429, lang)
    response = namespace["too_many_requests"]()
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "30"
    assert json.loads(response.content)["detail"]


@pytest.mark.parametrize("lang", LANGS)
def test_413_refuses_a_large_upload_before_drf_reads_it(lang, monkeypatch):
    """A signed-in session user's upload: DRF's authentication runs the CSRF check, which reads
    request.POST; the page's check in initial() answers 413 before that, so nothing is parsed."""
    from types import ModuleType

    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.http import HttpResponse
    from django.http.multipartparser import MultiPartParser
    from django.middleware.csrf import get_token
    from django.test import Client, override_settings
    from django.urls import path
    from rest_framework.response import Response
    from rest_framework.views import APIView

    namespace = run_python(413, lang)
    parsed = []
    real_parse = MultiPartParser.parse
    monkeypatch.setattr(MultiPartParser, "parse", lambda self: parsed.append(1) or real_parse(self))

    class CheckedInPost(APIView):  # the check where it comes too late: in post()
        def post(self, request):
            return Response(status=413)

    urls = ModuleType("upload_urls")
    urls.urlpatterns = [path("token/", lambda request: HttpResponse(get_token(request))),
                        path("avatar/", namespace["AvatarUploadView"].as_view()),
                        path("late/", CheckedInPost.as_view())]
    call_command("migrate", verbosity=0)
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get_or_create(username="uploader")[0])
    with override_settings(ROOT_URLCONF=urls):
        token = client.get("/token/").content.decode()
        for address in ("/avatar/", "/late/"):
            upload = {"avatar": SimpleUploadedFile("a.png", b"x" * (6 * 1024 * 1024), "image/png")}
            answer = client.post(address, upload, HTTP_X_CSRFTOKEN=token)
            assert answer.status_code == 413
            if address == "/avatar/":
                assert answer.json()["detail"] == namespace["UploadTooLarge"].default_detail and parsed == []
        assert parsed  # checked in post(), the upload had been read during authentication


@pytest.mark.parametrize("lang", LANGS)
def test_304_answers_from_the_cache_and_keeps_one_entry_per_book(tmp_path, lang):
    result = run_js(tmp_path, 304, lang, "loadBook", """
const sent = [];
globalThis.fetch = async (url, init) => {
  const match = init.headers["If-None-Match"];
  sent.push([url, match ?? null]);
  if (url.endsWith("/3")) return new Response('{"id":3}', { status: 200 });  // no readable ETag
  if (match === `"v${url.at(-1)}"`) return new Response(null, { status: 304 });
  return new Response(`{"id":${url.at(-1)}}`, { status: 200, headers: { ETag: `"v${url.at(-1)}"` } });
};
const got = [await loadBook(1), await loadBook(2), await loadBook(1), await loadBook(3), await loadBook(3)];
console.log(JSON.stringify({ got: got.map((b) => b.id), sent }));
""")
    assert result["got"] == [1, 2, 1, 3, 3]
    assert [m for _, m in result["sent"]] == [None, None, '"v1"', None, None]  # book 3: never "null"


@pytest.mark.parametrize("lang", LANGS)
def test_226_returns_the_base_on_a_304(tmp_path, lang):
    result = run_js(tmp_path, 226, lang, "fetchReleases", """
globalThis.fetch = async () => new Response(null, { status: 304 });
const base = { etag: '"r1"', body: new Uint8Array([1, 2]) };
const got = await fetchReleases(base, { applyVcdiff: () => { throw new Error("no delta on a 304"); } });
console.log(JSON.stringify({ same: got === base }));
""")
    assert result == {"same": True}


@pytest.mark.parametrize("lang", LANGS)
def test_300_returns_the_response_of_a_plain_200(tmp_path, lang):
    result = run_js(tmp_path, 300, lang, "loadReport", """
globalThis.fetch = async () => new Response("{}", { status: 200 });
const response = await loadReport();
console.log(JSON.stringify({ status: response?.status ?? null }));
""")
    assert result == {"status": 200}


@pytest.mark.parametrize("lang", LANGS)
def test_599_shows_the_banner_for_any_error_status_and_the_network_one_only_without_a_response(tmp_path, lang):
    result = run_js(tmp_path, 599, lang, "loadWeather", """
const seen = [];
const ui = { showBanner: (text) => seen.push(["banner", text]), render: (data) => seen.push(["render", data]) };
for (const answer of [403, 599, "offline"]) {
  globalThis.fetch = async () => {
    if (answer === "offline") throw new TypeError("Failed to fetch");
    return new Response('{"detail":"no"}', { status: answer, headers: { "Content-Type": "application/json" } });
  };
  await loadWeather(ui);
}
console.log(JSON.stringify(seen));
""")
    assert [kind for kind, _ in result] == ["banner", "banner", "banner"]  # never a 403 rendered as weather
    assert result[0][1] == result[1][1] != result[2][1]  # an error status is not "check your network"


@pytest.mark.parametrize("code, function", [(431, "loadDashboard"), (444, "loadItems")])
@pytest.mark.parametrize("lang", LANGS)
def test_only_a_fetch_with_no_response_is_reported_as_a_network_failure(tmp_path, lang, code, function):
    result = run_js(tmp_path, code, lang, function, f"""
const seen = [];
const ui = {{ showError: (t) => seen.push("message"), showNetworkError: (t) => seen.push("message"), render: () => seen.push("render") }};
globalThis.fetch = async () => {{ throw new TypeError("Failed to fetch"); }};
await {function}(ui);
globalThis.fetch = async () => new Response("oops", {{ status: 500 }});
let thrown = null;
try {{ await {function}(ui); }} catch (error) {{ thrown = error.message; }}
console.log(JSON.stringify({{ seen, thrown }}));
""")
    assert result == {"seen": ["message"], "thrown": "HTTP 500"}  # a 500 is not "could not reach the server"


@functools.cache
def _article_model():
    """The model 412's view writes to (the page leaves it to the reader): a version and a body,
    its table made in the tests' database."""
    from django.db import connection, models

    class Article(models.Model):
        version = models.PositiveIntegerField(default=1)
        body = models.TextField(default="")

        class Meta:
            app_label = "books"

    with connection.schema_editor() as editor:
        editor.create_model(Article)
    return Article


@pytest.mark.parametrize("lang", LANGS)
def test_412_view_writes_only_on_a_current_if_match_and_closes_the_race(lang):
    from django.test import RequestFactory

    Article = _article_model()
    view = run_python(412, lang, Article=Article)["article"]
    undecorated = view.__wrapped__.__wrapped__  # past require_http_methods and condition
    put = lambda headers, pk: RequestFactory().put(f"/articles/{pk}/", "edited", content_type="text/plain", headers=headers)  # noqa: E731

    Article.objects.all().delete()
    pk = Article.objects.create(version=1, body="first").pk
    # The page's "..." is where the view goes on to answer; a write that went through reaches it.
    assert view(put({"If-Match": '"1"'}, pk), pk=pk) is None
    assert Article.objects.values_list("version", "body").get(pk=pk) == (2, "edited")
    assert view(put({"If-Match": '"1"'}, pk), pk=pk).status_code == 412  # stale: the decorator
    assert view(put({}, pk), pk=pk).status_code == 428  # no condition: the view asks for one
    assert view(put({"If-Match": "*"}, pk), pk=pk) is None  # "*": the article exists, so it is written
    assert Article.objects.get(pk=pk).version == 3
    assert view(put({"If-Match": "*"}, pk + 1000), pk=pk + 1000).status_code == 412  # "*" and no article
    # Someone saves between the decorator's check and the write: the conditional UPDATE refuses.
    raced = undecorated(put({"If-Match": '"2"'}, pk), pk=pk)
    assert raced.status_code == 412 and json.loads(raced.content)["detail"]
    assert Article.objects.get(pk=pk).version == 3
