"""The Django guide (docs/ko/guides/django.md, docs/en/guides/django.md) shows only code from
tests/books, tests/djangoapp (settings, root URLconf) and tests/js, pulled in with pymdownx.snippets sections. These tests run
every view it shows and check each status code, header and body field the guide promises; the
last group checks that the pages include every section there is, so nothing shown is untested."""

from __future__ import annotations

import asyncio
import json
import os
import re
from pathlib import Path
from types import ModuleType

import django
import asyncrun
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path as route  # noqa: E402
from django.core.exceptions import SynchronousOnlyOperation  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from rest_framework.settings import api_settings  # noqa: E402

from conftest import ROOT  # noqa: E402
from djangoapp import urls as root_urls  # noqa: E402
from books import data, problem, views  # noqa: E402
from books.exception_handler import field_errors  # noqa: E402

API = "/api"
CHALLENGE = 'Session realm="books"'
PROBLEMS = problem.PROBLEM_BASE


@pytest.fixture(scope="module", autouse=True)
def users():
    # The in-memory database only needs the auth tables, for the users that sign in.
    call_command("migrate", verbosity=0)
    User = get_user_model()
    for name in ("alice", "bob"):
        User.objects.get_or_create(username=name)
    User.objects.get_or_create(username="carol", defaults={"is_active": False})


@pytest.fixture(autouse=True)
def fresh_state():
    data.reset()
    cache.clear()
    yield
    data.reset()
    cache.clear()


def client(user: str | None = None, **kwargs) -> Client:
    c = Client(**kwargs)
    if user:
        c.force_login(get_user_model().objects.get(username=user))
    return c


def assert_problem(response, status: int, *, detail: str | None = None, problem_type: str = "about:blank",
                   title: str | None = None) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status  # RFC 9457 §3.1.2: the same code as the response
    assert body["type"] == problem_type
    assert body["instance"] == response.wsgi_request.path
    assert isinstance(body["title"], str) and body["title"]
    if title is not None:
        assert body["title"] == title
    if detail is None:
        assert "detail" not in body
    else:
        assert body["detail"] == detail
    return body


def post_json(c: Client, path: str, payload) -> object:
    return c.post(path, payload, content_type="application/json")


# --- before.py: the pattern the guide starts from ------------------------------------------

def test_before_answers_200_whatever_happened(caplog):
    caplog.set_level("WARNING", logger="books.legacy")
    url = f"{API}/books/{{}}/delete/"  # its old address, kept while old callers move
    cases = [
        (client().get(url.format(1)), 405),
        (client().post(url.format(1)), 401),
        (client("alice").post(url.format(99)), 404),
        (client("alice").post(url.format(2)), 403),
        (client("alice").post(url.format(1)), 200),
    ]
    for response, code_in_body in cases:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response.json() == {"result": code_in_body == 200, "statusCode": code_in_body}
    assert 1 not in data.BOOKS
    # Every call is logged with the page it came from, to find the callers still to move.
    calls = [r for r in caplog.records if r.name == "books.legacy"]
    assert len(calls) == 5 and all(r.levelname == "WARNING" for r in calls)
    assert calls[0].getMessage() == f"old API: GET {url.format(1)} called from an unknown page"
    response = client().post(url.format(2), HTTP_REFERER="http://testserver/shelf/")
    assert caplog.records[-1].getMessage() == f"old API: POST {url.format(2)} called from http://testserver/shelf/"


# --- step1.py: status-only ------------------------------------------------------------------

def test_status_only_puts_each_outcome_in_the_status_line():
    url = f"{API}/step1/books/{{}}/"
    response = client().post(url.format(1))
    assert response.status_code == 405
    assert response["Allow"] == "DELETE"

    response = client().delete(url.format(1))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == CHALLENGE
    assert response.json() == {"detail": "Sign in to delete books."}

    response = client("alice").delete(url.format(99))
    assert (response.status_code, response.json()) == (404, {"detail": "There is no book 99."})

    response = client("alice").delete(url.format(2))
    assert (response.status_code, response.json()) == (403, {"detail": "Only the owner can delete this book."})

    response = client("alice").delete(url.format(1))
    assert response.status_code == 204
    assert response.content == b""
    assert 1 not in data.BOOKS


# --- views.py -------------------------------------------------------------------------------

def test_methods_answer_405_with_allow():
    response = client().put(f"{API}/books/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    response = client().patch(f"{API}/books/1/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, PUT, DELETE"
    assert client().head(f"{API}/books/").status_code == 200
    assert client().head(f"{API}/books/1/").status_code == 200


def test_bad_request_for_a_page_that_is_not_a_positive_number():
    for page in ("abc", "0", "-1", "1.5"):
        assert_problem(client().get(f"{API}/books/", {"page": page}), 400,
                       detail="page must be a positive whole number.")
    response = client().get(f"{API}/books/")
    assert response.status_code == 200
    assert [b["id"] for b in response.json()["books"]] == [1, 2]  # the draft is not listed
    assert client().get(f"{API}/books/", {"page": "2"}).json() == {"page": 2, "books": []}


def test_not_found_for_a_missing_book_and_for_someone_elses_draft():
    assert_problem(client().get(f"{API}/books/99/"), 404, detail="There is no book 99.")
    assert_problem(client("alice").get(f"{API}/books/3/"), 404, detail="There is no book 3.")
    response = client("bob").get(f"{API}/books/3/")
    assert response.status_code == 200
    assert response.json()["title"] == data.BOOKS[3]["title"]


def test_delete_answers_401_403_404_and_204():
    response = client().delete(f"{API}/books/1/")
    assert_problem(response, 401, detail="Sign in to continue.")
    assert response["WWW-Authenticate"] == CHALLENGE
    assert_problem(client("bob").delete(f"{API}/books/1/"), 403, detail="Only the owner can delete this book.")
    assert_problem(client("alice").delete(f"{API}/books/99/"), 404, detail="There is no book 99.")
    response = client("alice").delete(f"{API}/books/1/")
    assert response.status_code == 204
    assert response.content == b""
    assert 1 not in data.BOOKS


def test_get_object_or_404_for_unknown_and_inactive_authors():
    response = client().get(f"{API}/authors/alice/")
    assert response.status_code == 200
    assert response.json() == {"username": "alice", "books": [data.BOOKS[1]["title"]]}
    assert client().get(f"{API}/authors/bob/").json()["books"] == [data.BOOKS[2]["title"]]  # no draft
    for name in ("nobody", "carol"):
        assert_problem(client().get(f"{API}/authors/{name}/"), 404, detail="No User matches the given query.")


def test_login_required_redirects_html_pages_but_json_gets_401():
    response = client().get("/account/")
    assert response.status_code == 302
    assert response["Location"] == f"{settings.LOGIN_URL}?next=/account/"
    assert client("alice").get("/account/").status_code == 200

    response = post_json(client(), f"{API}/books/", {"title": "T", "isbn": "9780000000042", "price": 1})
    assert_problem(response, 401, detail="Sign in to continue.")
    assert response["WWW-Authenticate"] == CHALLENGE
    assert not response.has_header("Location")


def test_create_answers_400_for_broken_json():
    c = client("alice")
    assert_problem(post_json(c, f"{API}/books/", "{not json"), 400, detail="The request body is not valid JSON.")
    assert_problem(c.post(f"{API}/books/", b"\xff\xfe", content_type="application/json"), 400,
                   detail="The request body is not valid JSON.")
    assert_problem(post_json(c, f"{API}/books/", ["a", "list"]), 400,
                   detail="The request body must be a JSON object.")


def test_create_answers_422_with_field_errors():
    response = post_json(client("alice"), f"{API}/books/", {"title": " ", "isbn": "978-0", "price": True})
    body = assert_problem(response, 422, problem_type=f"{PROBLEMS}validation-error",
                          title="The request has invalid fields",
                          detail="Correct the fields listed in errors and send the request again.")
    assert body["errors"] == [
        {"pointer": "#/title", "detail": "Enter a title."},
        {"pointer": "#/isbn", "detail": "An ISBN has exactly 13 digits."},
        {"pointer": "#/price", "detail": "The price must be a whole number, 0 or more."},
    ]
    response = post_json(client("alice"), f"{API}/books/", {"title": "T", "isbn": "9780000000042", "price": -1})
    assert [e["pointer"] for e in response.json()["errors"]] == ["#/price"]
    assert views.validate_book({"title": "T", "isbn": "9780000000042", "price": 0}) == []


def test_create_answers_409_for_a_duplicate_isbn():
    response = post_json(client("alice"), f"{API}/books/", {"title": "Again", "isbn": "9780000000011", "price": 1})
    assert_problem(response, 409, problem_type=f"{PROBLEMS}duplicate-isbn", title="The ISBN is already registered",
                   detail="A book with ISBN 9780000000011 already exists.")
    assert len(data.BOOKS) == 3


def test_create_answers_201_with_location():
    c = client("alice")
    response = post_json(c, f"{API}/books/", {"title": " New ", "isbn": "9780000000042", "price": 0})
    assert response.status_code == 201
    assert response["Content-Type"] == "application/json"
    assert response["Location"] == f"{API}/books/4/"
    assert response.json() == {"id": 4, "title": "New", "isbn": "9780000000042", "price": 0,
                               "owner": "alice", "draft": False}
    assert c.get(response["Location"]).json()["title"] == "New"


def test_rate_limit_answers_429_with_retry_after(monkeypatch):
    clock = {"now": 1_700_000_000.5}  # 20 seconds into a one-minute window
    monkeypatch.setattr(views.time, "time", lambda: clock["now"])
    c = client()
    for _ in range(5):
        assert c.get(f"{API}/search/", {"q": "cach"}).json()["books"][0]["id"] == 2
    response = c.get(f"{API}/search/", {"q": "cach"})
    assert_problem(response, 429, detail="Too many requests. Try again in 40 seconds.")
    assert response["Retry-After"] == "40"
    clock["now"] += 40  # the next window
    assert c.get(f"{API}/search/", {"q": "cach"}).status_code == 200


def test_the_error_handlers_are_the_guides():
    assert root_urls.handler400 == "books.problem.bad_request"
    assert root_urls.handler403 == "books.problem.permission_denied"
    assert root_urls.handler404 == "books.problem.not_found"
    assert root_urls.handler500 == "books.problem.server_error"
    assert settings.CSRF_FAILURE_VIEW == "books.problem.csrf_failure"


def test_unknown_api_urls_get_problem_json_without_the_url_patterns():
    body = assert_problem(client().get(f"{API}/no/such/thing/"), 404,
                          detail=f"There is no API endpoint at {API}/no/such/thing/.")
    assert "tried" not in str(body) and "claim" not in str(body)


def test_a_post_without_the_trailing_slash_is_a_404_not_a_redirect():
    # Without the catch-all, CommonMiddleware (APPEND_SLASH) answers 301 and fetch repeats it as GET.
    assert settings.APPEND_SLASH
    for c in (client(), client("alice")):
        response = post_json(c, f"{API}/books", {"title": "T", "isbn": "9780000000042", "price": 1})
        assert_problem(response, 404, detail=f"There is no API endpoint at {API}/books. API addresses end with a slash.")
    assert len(data.BOOKS) == 3
    # Pages keep APPEND_SLASH's redirect.
    response = client("alice").get("/account")
    assert (response.status_code, response["Location"]) == (301, "/account/")


def test_pages_outside_the_api_keep_djangos_html_errors():
    response = client().get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    response = client(raise_request_exception=False).get("/claim/raise/django.core.exceptions.PermissionDenied/")
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("path", [f"{API}/broken/", f"{API}/drf/broken/"])
def test_unexpected_errors_are_500_without_details(path):
    response = client(raise_request_exception=False).get(path)
    assert_problem(response, 500, detail="Something went wrong on our side. Please try again later.")
    for secret in (b"hunter2", b"postgres", b"RuntimeError", b"Traceback"):
        assert secret not in response.content


def test_csrf_failures_in_the_api_are_problem_json_too():
    c = client(enforce_csrf_checks=True)
    response = post_json(c, f"{API}/books/", {"title": "T"})
    assert_problem(response, 403, detail="CSRF verification failed. Reload the page and try again.")
    response = client(enforce_csrf_checks=True).post("/claim/csrf/", {"x": "1"})
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


def test_problem_helper_defaults():
    request = client().get(f"{API}/books/").wsgi_request
    response = problem.problem(request, 404)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content) == {"type": "about:blank", "title": "Not Found", "status": 404,
                                            "instance": f"{API}/books/"}


# --- DRF: drf_views.py, authentication.py, exception_handler.py, settings ----------------------

def test_drf_settings_are_the_guides():
    assert settings.REST_FRAMEWORK["EXCEPTION_HANDLER"] == \
        "books.exception_handler.problem_exception_handler"
    assert [c.__name__ for c in api_settings.DEFAULT_AUTHENTICATION_CLASSES] == ["SessionAuthenticationWithChallenge"]


def test_drf_anonymous_writes_get_401_with_a_challenge():
    for response in (client().delete(f"{API}/drf/books/1/"),
                     post_json(client(), f"{API}/drf/books/", {"title": "T"})):
        assert_problem(response, 401, detail="Authentication credentials were not provided.")
        assert response["WWW-Authenticate"] == CHALLENGE


def test_drf_reads():
    response = client().get(f"{API}/drf/books/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert [b["id"] for b in response.json()] == [1, 2]
    assert_problem(client().get(f"{API}/drf/books/99/"), 404, detail="There is no book 99.")
    assert_problem(client("alice").get(f"{API}/drf/books/3/"), 404, detail="There is no book 3.")
    assert client("bob").get(f"{API}/drf/books/3/").json()["id"] == 3


def test_drf_validation_error_is_400_with_field_errors():
    response = post_json(client("alice"), f"{API}/drf/books/", {"title": "", "isbn": "12", "price": -3})
    body = assert_problem(response, 400, problem_type=f"{PROBLEMS}validation-error",
                          title="The request has invalid fields",
                          detail="Correct the fields listed in errors and send the request again.")
    assert [e["pointer"] for e in body["errors"]] == ["#/title", "#/isbn", "#/price"]
    assert all(isinstance(e["detail"], str) and e["detail"] for e in body["errors"])


def test_drf_parse_error_is_400():
    response = post_json(client("alice"), f"{API}/drf/books/", "{not json")
    detail = response.json().get("detail", "")
    assert detail.startswith("JSON parse error")
    assert_problem(response, 400, detail=detail)


def test_drf_conflict_created_forbidden_deleted():
    c = client("alice")
    response = post_json(c, f"{API}/drf/books/", {"title": "Again", "isbn": "9780000000028", "price": 1})
    assert_problem(response, 409, title="Conflict", detail="A book with ISBN 9780000000028 already exists.")

    response = post_json(c, f"{API}/drf/books/", {"title": "New", "isbn": "9780000000042", "price": 5})
    assert response.status_code == 201
    assert response["Location"] == f"{API}/drf/books/4/"
    assert response.json() == {"id": 4, "title": "New", "isbn": "9780000000042", "price": 5}

    assert_problem(c.delete(f"{API}/drf/books/2/"), 403, detail="Only the owner can delete this book.")
    response = c.delete(f"{API}/drf/books/1/")
    assert response.status_code == 204
    assert 1 not in data.BOOKS


def test_drf_method_not_allowed_keeps_allow():
    response = client("alice").patch(f"{API}/drf/books/")
    assert_problem(response, 405, detail='Method "PATCH" not allowed.')
    assert set(response["Allow"].split(", ")) == {"GET", "POST", "HEAD", "OPTIONS"}


def test_drf_throttle_is_429_with_retry_after():
    c = client()
    for _ in range(5):
        assert c.get(f"{API}/drf/search/", {"q": "two"}).status_code == 200
    response = c.get(f"{API}/drf/search/", {"q": "two"})
    detail = response.json().get("detail", "")
    assert detail.startswith("Request was throttled.")
    assert_problem(response, 429, detail=detail)
    assert 1 <= int(response["Retry-After"]) <= 60


def test_field_errors_flattens_nested_serializer_errors():
    errors = {
        "non_field_errors": ["Title and ISBN do not match."],
        "title": ["This field is required."],
        "author": {"name": ["Too long."]},
        "tags": [{}, {"slug": ["Invalid."]}],
    }
    assert api_settings.NON_FIELD_ERRORS_KEY == "non_field_errors"
    assert list(field_errors(errors)) == [
        {"pointer": "#", "detail": "Title and ISBN do not match."},
        {"pointer": "#/title", "detail": "This field is required."},
        {"pointer": "#/author/name", "detail": "Too long."},
        {"pointer": "#/tags/1/slug", "detail": "Invalid."},
    ]
    assert list(field_errors(["Just one message."])) == [{"pointer": "#", "detail": "Just one message."}]


# --- the pages include every section, and every include is real --------------------------------

PAGES = {lang: ROOT / "docs" / lang / "guides" / "django.md" for lang in ("ko", "en")}
SOURCES = sorted(
    [*(ROOT / "tests/books").glob("*.py"), *(ROOT / "tests/books/templates/books").glob("*.html"), ROOT / "tests/djangoapp/settings.py",
     ROOT / "tests/djangoapp/urls.py", *(ROOT / "tests/js").glob("*.js"), *(ROOT / "tests/js").glob("*.mjs")]
)
INCLUDE = re.compile(r'^-{1,}8<-{1,}[ \t]+"(?P<path>[^"]+)"[ \t]*$')
START = re.compile(r"-{1,}8<-{1,}[ \t]+\[start:(?P<name>[a-z][-_0-9a-z]*)\]")
END = re.compile(r"-{1,}8<-{1,}[ \t]+\[end:(?P<name>[a-z][-_0-9a-z]*)\]")
FENCE_LANG = {".py": "python", ".js": "js", ".mjs": "js", ".html": "html"}
# A fence's title is the file a reader pastes the block into (test_guide_paste.py).
FENCE = re.compile(r'```(?P<lang>[a-z]+)(?: title="(?P<title>[^"]+)")?')


def sections(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    starts = START.findall(text)
    assert sorted(starts) == sorted(END.findall(text)), f"{path}: unbalanced section markers"
    assert len(starts) == len(set(starts)), f"{path}: a section name is used twice"
    return starts


def includes(lang: str) -> list[tuple[str, str, str]]:
    """(path, section, fence language) for every include line of a page."""
    lines = PAGES[lang].read_text(encoding="utf-8").splitlines()
    found = []
    for i, line in enumerate(lines):
        match = INCLUDE.match(line.strip())
        if not match:
            assert "8<" not in line, f"{lang}:{i + 1}: a snippet line the test does not understand: {line}"
            continue
        path, _, section = match["path"].rpartition(":")
        opening, closing = lines[i - 1].strip(), lines[i + 1].strip()
        assert opening.startswith("```") and closing == "```", \
            f"{lang}:{i + 1}: an include must be the only line of its code fence"
        fence = FENCE.fullmatch(opening)
        assert fence, f"{lang}:{i}: a code fence the test does not understand: {opening}"
        found.append((path, section, fence["lang"], fence["title"]))
    return found


def test_pages_exist():
    for page in PAGES.values():
        assert page.exists(), page


def test_there_are_sections_to_show():
    assert sum(len(sections(p)) for p in SOURCES) >= 20


@pytest.mark.parametrize("lang", PAGES)
def test_every_include_names_an_existing_file_and_section(lang):
    shown = includes(lang)
    assert shown, f"the {lang} page includes no code"
    for path, section, fence, _ in shown:
        source = ROOT / path
        assert source.is_file(), f"{lang}: {path} does not exist"
        assert source in SOURCES, f"{lang}: {path} is not one of the tested guide sources"
        assert section in sections(source), f"{lang}: {path} has no section {section!r}"
        assert fence == FENCE_LANG[source.suffix], f"{lang}: {path}:{section} is fenced as {fence!r}"


@pytest.mark.parametrize("lang", PAGES)
def test_every_section_is_shown(lang):
    existing = {(str(p.relative_to(ROOT)), name) for p in SOURCES for name in sections(p)}
    shown = {(path, section) for path, section, *_ in includes(lang)}
    assert existing - shown == set(), f"sections the {lang} page does not show"


def test_both_languages_show_the_same_code_in_the_same_order():
    assert includes("ko") == includes("en")


def h2_anchors(lang: str) -> list[str]:
    text = PAGES[lang].read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    headings = re.findall(r"^## .*$", text, flags=re.M)
    anchors = []
    for heading in headings:
        match = re.search(r"\{#([a-z0-9][a-z0-9-]*)\}\s*$", heading)
        assert match, f"{lang}: h2 without an explicit ASCII anchor: {heading}"
        anchors.append(match[1])
    return anchors


def test_h2_anchors_are_the_same_in_both_languages():
    assert h2_anchors("ko") == h2_anchors("en")
    assert len(h2_anchors("en")) == len(set(h2_anchors("en")))


@pytest.mark.parametrize("lang", PAGES)
def test_the_json_examples_are_what_the_views_send(lang):
    text = PAGES[lang].read_text(encoding="utf-8")
    shown = [json.loads(block) for block in re.findall(r"^```json\n(.*?)^```", text, flags=re.S | re.M)]
    invalid = post_json(client("alice"), f"{API}/books/", {"title": " ", "isbn": "978-0", "price": True})
    broken = client(raise_request_exception=False).get(f"{API}/broken/")
    assert shown == [invalid.json(), broken.json()]


@pytest.mark.parametrize("lang", PAGES)
def test_code_page_links_lead_to_existing_codes(lang):
    text = PAGES[lang].read_text(encoding="utf-8")
    linked = re.findall(r"\]\(\.\./(\d{3})\.md(?:#[a-z0-9-]+)?\)", text)
    assert len(linked) >= 10
    for code in linked:
        assert list((ROOT / "data" / "codes").glob(f"*/{code}.yaml")), f"{lang}: no page for {code}"


# --- CSRF, preconditions, DEBUG, async views, DRF edge cases ---------------------------------

def test_csrf_answers_before_the_view_and_the_page_sets_the_cookie():
    c = client(enforce_csrf_checks=True)
    # Without the cookie, CSRF answers 403 before the view's 401 or 405.
    assert_problem(c.delete(f"{API}/books/1/"), 403, detail="CSRF verification failed. Reload the page and try again.")
    assert_problem(c.put(f"{API}/books/"), 403, detail="CSRF verification failed. Reload the page and try again.")
    page = c.get("/")
    assert page.status_code == 200 and "csrftoken" in page.cookies
    assert b"createApi" in page.content
    token = page.cookies["csrftoken"].value
    response = c.delete(f"{API}/books/1/", HTTP_X_CSRFTOKEN=token)
    assert_problem(response, 401, detail="Sign in to continue.")
    assert c.put(f"{API}/books/", HTTP_X_CSRFTOKEN=token).status_code == 405
    # The token endpoint for another origin: its token passes the check as well.
    other = client(enforce_csrf_checks=True)
    answer = other.get(f"{API}/csrf/")
    assert answer.status_code == 200 and "csrftoken" in answer.cookies
    response = other.delete(f"{API}/books/1/", HTTP_X_CSRFTOKEN=answer.json()["csrfToken"])
    assert response.status_code == 401


def test_a_csrf_failure_says_why_while_debug_is_on():
    for debug, detail in ((False, "CSRF verification failed. Reload the page and try again."),
                          (True, "CSRF verification failed. Reload the page and try again. (Origin checking failed"
                                 " - https://elsewhere.example does not match any trusted origins.)")):
        with override_settings(DEBUG=debug):
            c = client(enforce_csrf_checks=True)
            token = c.get(f"{API}/csrf/").json()["csrfToken"]
            response = c.delete(f"{API}/books/1/", HTTP_X_CSRFTOKEN=token, HTTP_ORIGIN="https://elsewhere.example")
            assert_problem(response, 403, detail=detail)


def test_precondition_is_checked_before_the_body():
    c = client("alice")
    shown = c.get(f"{API}/books/1/")
    etag = shown["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{20}"', etag)
    invalid = json.dumps({"title": " ", "isbn": "1", "price": -1})
    for body in (invalid, "{not json", json.dumps({"title": "T", "isbn": "9780000000028", "price": 1})):
        response = c.put(f"{API}/books/1/", body, content_type="application/json", HTTP_IF_MATCH='"stale"')
        assert_problem(response, 412, detail="The book has changed since you loaded it. Load it again.")
    # With the current ETag the body is checked: 422, 409, then 200 with a new ETag.
    assert c.put(f"{API}/books/1/", invalid, content_type="application/json", HTTP_IF_MATCH=etag).status_code == 422
    duplicate = json.dumps({"title": "T", "isbn": "9780000000028", "price": 1})
    assert c.put(f"{API}/books/1/", duplicate, content_type="application/json", HTTP_IF_MATCH=etag).status_code == 409
    good = json.dumps({"title": "Renamed", "isbn": "9780000000011", "price": 1})
    response = c.put(f"{API}/books/1/", good, content_type="application/json", HTTP_IF_MATCH=f'"x", {etag}')
    assert response.status_code == 200 and response["ETag"] != etag
    assert response.json()["title"] == "Renamed"
    # The ordinary checks come first: anonymous 401, another user's book 403.
    assert client().put(f"{API}/books/1/", good, content_type="application/json", HTTP_IF_MATCH='"stale"').status_code == 401
    assert client("bob").put(f"{API}/books/1/", good, content_type="application/json", HTTP_IF_MATCH='"stale"').status_code == 403


WITHOUT_THE_MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "books.middleware.ApiErrorMiddleware"]


def test_debug_off_needs_allowed_hosts_and_static_files_as_the_guide_says(caplog):
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.contrib.staticfiles.management.commands.runserver import Command as StaticRunserver
    from django.core.management import CommandError

    with override_settings(DEBUG=False, ALLOWED_HOSTS=[]):
        with pytest.raises(CommandError, match=r"^You must set settings\.ALLOWED_HOSTS if DEBUG is False\.$"):
            call_command("runserver", "--noreload")
        with caplog.at_level("ERROR", logger="django.security.DisallowedHost"):
            for address in (f"{API}/books/", "/"):
                assert client(raise_request_exception=False).get(address).status_code == 400
        assert [r.name for r in caplog.records] == ["django.security.DisallowedHost"] * 2
        handler = StaticRunserver().get_handler(use_static_handler=True, insecure_serving=False)
        assert not isinstance(handler, StaticFilesHandler)  # runserver serves no static files
        handler = StaticRunserver().get_handler(use_static_handler=True, insecure_serving=True)
        assert isinstance(handler, StaticFilesHandler)  # unless --insecure


def test_debug_true_shows_technical_pages_without_the_middleware():
    with override_settings(DEBUG=True, MIDDLEWARE=WITHOUT_THE_MIDDLEWARE):
        for path in (f"{API}/books/99/", f"{API}/books/?page=0", f"{API}/broken/"):
            response = client(raise_request_exception=False).get(path, HTTP_ACCEPT="text/html")
            assert response["Content-Type"].startswith("text/html"), path
        assert b"hunter2" in client(raise_request_exception=False).get(f"{API}/broken/", HTTP_ACCEPT="text/html").content
        # handler403 is called whatever DEBUG says.
        assert_problem(client("bob").delete(f"{API}/books/1/"), 403, detail="Only the owner can delete this book.")
        # A request that does not accept HTML (the wrapper asks for JSON) gets the traceback as text.
        response = client(raise_request_exception=False).get(f"{API}/broken/", HTTP_ACCEPT="application/json")
        assert response["Content-Type"].startswith("text/plain") and b"hunter2" in response.content


def test_debug_true_with_the_middleware_keeps_the_api_bodies(caplog):
    caplog.set_level("ERROR", logger="books.middleware")
    with override_settings(DEBUG=True):
        assert_problem(client().get(f"{API}/books/99/"), 404, detail="There is no book 99.")
        assert_problem(client().get(f"{API}/no/such/"), 404, detail=f"There is no API endpoint at {API}/no/such/.")
        assert_problem(client().get(f"{API}/books/", {"page": "0"}), 400, detail="page must be a positive whole number.")
        for path in (f"{API}/broken/", f"{API}/async/broken/", f"{API}/drf/broken/"):
            response = client().get(path, HTTP_ACCEPT="text/html")
            assert_problem(response, 500, detail="Something went wrong on our side. Please try again later.")
            assert b"hunter2" not in response.content
        # The traceback goes to the log, and pages keep Django's technical 404.
        assert any(r.exc_info and "hunter2" in str(r.exc_info[1]) for r in caplog.records)
        assert client().get("/no-such-page/")["Content-Type"].startswith("text/html")


def test_async_views_take_the_decorators(monkeypatch):
    # After a browser test in the same process Playwright's event loop runs in this thread, and
    # the test client cannot call an async view while it does.
    with asyncrun.no_running_loop():
        assert asyncio.iscoroutinefunction(views.my_books)
        assert_problem(client().get(f"{API}/my/books/"), 401, detail="Sign in to continue.")
        response = client("bob").get(f"{API}/my/books/")
        assert response.status_code == 200
        assert [b["id"] for b in response.json()["books"]] == [2, 3]
        clock = {"now": 1_700_000_000.5}
        monkeypatch.setattr(views.time, "time", lambda: clock["now"])
        c = client("bob")
        for _ in range(30):
            assert c.get(f"{API}/my/books/").status_code == 200
        response = c.get(f"{API}/my/books/")
        assert_problem(response, 429, detail="Too many requests. Try again in 40 seconds.")
        assert response["Retry-After"] == "40"


def test_a_plain_decorator_on_an_async_view_fails_with_the_error_the_guide_quotes():
    """The guide's reason for the async branch in its decorators: a wrapper written for plain
    functions returns the view's coroutine unawaited, and Django refuses it."""
    returned = []

    def plain(view):
        def wrapper(request, *args, **kwargs):
            returned.append(view(request, *args, **kwargs))
            return returned[-1]
        return wrapper

    urls = ModuleType("plain_decorator_urls")
    urls.urlpatterns = [route("api/my/books/", plain(views.my_books))]
    with asyncrun.no_running_loop(), override_settings(ROOT_URLCONF=urls):
        with pytest.raises(ValueError, match=r"It returned an unawaited coroutine instead\. You may need to add an 'await' into your view\."):
            Client().get(f"{API}/my/books/")
        assert Client(raise_request_exception=False).get(f"{API}/my/books/").status_code == 500
    for coroutine in returned:
        coroutine.close()  # closed, Python does not also warn that it was never awaited


def test_request_user_in_an_async_view_is_refused_and_auser_is_not(monkeypatch):
    """The guide: in an async view, read the user with await request.auser()."""
    async def reads_user(request):
        return JsonResponse({"user": request.user.username})

    async def awaits_user(request):
        return JsonResponse({"user": (await request.auser()).username})

    urls = ModuleType("async_user_urls")
    urls.urlpatterns = [route("user/", reads_user), route("auser/", awaits_user)]  # outside /api/: raised, not answered
    signed_in = client("bob")
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE")  # as in production (tests/conftest.py sets it)
    with asyncrun.no_running_loop(), override_settings(ROOT_URLCONF=urls):
        with pytest.raises(SynchronousOnlyOperation, match="You cannot call this from an async context"):
            signed_in.get("/user/")
        assert signed_in.get("/auser/").json() == {"user": "bob"}


def test_rate_limit_survives_an_evicted_counter(monkeypatch):
    monkeypatch.setattr(views.time, "time", lambda: 1_700_000_000.5)
    c = client()
    assert c.get(f"{API}/search/").status_code == 200
    monkeypatch.setattr(views.cache, "incr", lambda key: (_ for _ in ()).throw(ValueError(key)))
    assert c.get(f"{API}/search/").status_code == 200


def test_field_errors_escape_pointer_tokens():
    errors = {"extra": {"a/b~c": ["Bad."], "제목": ["Too long."]}}
    assert list(field_errors(errors)) == [
        {"pointer": "#/extra/a~1b~0c", "detail": "Bad."},
        {"pointer": "#/extra/%EC%A0%9C%EB%AA%A9", "detail": "Too long."},
    ]


def test_drf_exception_with_a_list_keeps_every_message():
    from rest_framework.exceptions import PermissionDenied as DrfPermissionDenied
    from rest_framework.test import APIRequestFactory

    from books.exception_handler import problem_exception_handler

    request = APIRequestFactory().get(f"{API}/drf/books/")
    response = problem_exception_handler(DrfPermissionDenied(["Not yours.", "Read only."]), {"request": request})
    assert response.status_code == 403
    assert json.loads(response.content)["detail"] == "Not yours. Read only."


def test_the_choosing_diagram_checks_preconditions_before_the_body():
    # RFC 9110 §13.2.1, as replace_book does it: a stale If-Match is 412 whatever the body holds.
    from conftest import real_registry

    client_branch = next(b for b in real_registry().choosing.branches if b.tone == "client")
    order = [rule.code for rule in client_branch.rules]
    assert all(order.index(412) < order.index(code) for code in (400, 422, 409)), order
    for lang in ("ko", "en"):
        assert "13.2.1" in real_registry().choosing.intro[lang]
