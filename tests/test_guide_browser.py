"""The Django guide as a team uses it: the guide's project on a real server (tests/live_django.py,
uvicorn, CSRF on, DEBUG off) and the guide's fetch wrapper in Chromium, from a page Django
serves (same origin) and from a page on a second origin (another port on the loopback, the
guide's https://app.example.com). For every status the guide names, the wrapper reports what
the guide says it reports."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import ROOT
from live_django import free_port, live_django

pytestmark = pytest.mark.browser

SCRIPTS = {f"/{name}": (ROOT / "tests/js" / name).read_bytes() for name in ("api.js", "front.js")}
LEGACY = (ROOT / "tests/js/legacy.js").read_text(encoding="utf-8")


class FrontEnd(BaseHTTPRequestHandler):
    """The second origin: a blank page and the wrapper, plus a proxy's error page at /gateway/
    that, like most, carries no CORS headers."""

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        if self.path == "/":
            self.answer(200, "text/html", b"<!doctype html><title>front end</title>")
        elif self.path in SCRIPTS:
            self.answer(200, "text/javascript", SCRIPTS[self.path])
        elif self.path.startswith("/gateway/"):
            self.answer(502, "text/html", b"<html><body><h1>502 Bad Gateway</h1></body></html>")
        else:
            self.answer(404, "text/plain", b"no such file")

    def answer(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def origins():
    front = ThreadingHTTPServer(("127.0.0.1", free_port()), FrontEnd)
    threading.Thread(target=front.serve_forever, daemon=True).start()
    front_url = f"http://127.0.0.1:{front.server_address[1]}"
    try:
        with live_django(front_end=front_url) as server:
            yield server, front_url
    finally:
        front.shutdown()
        front.server_close()


# The wrapper as the guide sets it up on each origin, with the two screen-wide reactions (sign
# in, show a message) and its sleep recorded instead of performed.
SETUP = """async ([api, cross]) => {
  const events = [];
  const options = {
    signIn: (error) => events.push(["signIn", error.status]),
    showMessage: (text) => events.push(["showMessage", text]),
    sleep: async (ms) => events.push(["sleep", ms]),
    maxWaitMs: 120_000,
  };
  // The guide's connectApi on the other origin; the template's createApi() on Django's page.
  const wrapped = cross
    ? await (await import("/front.js")).connectApi(api, options)
    : (await import("/static/books/api.js")).createApi(options);
  window.api = wrapped;
  window.call = async (path, init) => {
    events.length = 0;
    try {
      return { value: await wrapped(path, init), events: [...events] };
    } catch (error) {
      const { name, status, type, title, detail, errors, message } = error;
      return { name, status, type, title, detail, errors, message, events: [...events] };
    }
  };
}"""


@pytest.fixture(scope="module")
def pages(browser, origins):
    """One page per (user, origin): anonymous, alice and bob, on Django's page and on the front end."""
    server, front_url = origins
    contexts, opened = [], {}
    for user in (None, "alice", "bob"):
        context = browser.new_context()
        contexts.append(context)
        if user:
            context.add_cookies([{"name": "sessionid", "value": server.sessions[user],
                                  "url": server.url + "/"}])
        for cross, start in ((False, server.url + "/"), (True, front_url + "/")):
            page = context.new_page()
            page.goto(start)
            page.evaluate(SETUP, [server.url, cross])
            opened[user, cross] = page
    yield opened
    for context in contexts:
        context.close()


def call(page, path, **init):
    return page.evaluate("([path, init]) => window.call(path, init)", [path, init])


BOOK = {"title": "Again", "isbn": "9780000000011", "price": 1}  # book 1's ISBN: a conflict
INVALID = {"title": " ", "isbn": "978-0", "price": True}

# (user, path, request, status, what the wrapper reports): none of these changes the books.
STATUSES = [
    (None, "/api/books/1/", {"method": "DELETE"}, 401,
     {"detail": "Sign in to continue.", "events": [["signIn", 401]]}),
    ("bob", "/api/books/1/", {"method": "DELETE"}, 403,
     {"detail": "Only the owner can delete this book.",
      "events": [["showMessage", "Only the owner can delete this book."]]}),
    (None, "/api/books/99/", {}, 404, {"detail": "There is no book 99.", "events": []}),
    ("alice", "/api/books/", {"method": "PATCH"}, 405, {"message": "Method Not Allowed", "type": "about:blank"}),
    ("alice", "/api/books/", {"method": "POST", "body": BOOK}, 409,
     {"type": "https://example.com/problems/duplicate-isbn", "detail": "A book with ISBN 9780000000011 already exists."}),
    # The precondition fails first, although the body is invalid too (RFC 9110 §13.2.1).
    ("alice", "/api/books/1/", {"method": "PUT", "body": INVALID, "headers": {"If-Match": '"stale"'}}, 412,
     {"detail": "The book has changed since you loaded it. Load it again.", "events": []}),
    ("alice", "/api/books/", {"method": "POST", "body": INVALID}, 422,
     {"type": "https://example.com/problems/validation-error",
      "errors": [{"pointer": "#/title", "detail": "Enter a title."},
                 {"pointer": "#/isbn", "detail": "An ISBN has exactly 13 digits."},
                 {"pointer": "#/price", "detail": "The price must be a whole number, 0 or more."}]}),
    (None, "/api/broken/", {}, 500,
     {"detail": "Something went wrong on our side. Please try again later.", "events": []}),
]


@pytest.mark.parametrize("cross", [False, True], ids=["same-origin", "other-origin"])
def test_every_error_status_reaches_the_caller_as_the_guide_says(pages, cross):
    for user, path, init, status, expected in STATUSES:
        got = call(pages[user, cross], path, **init)
        assert got.get("name") == "ApiError" and got["status"] == status, (path, init, got)
        for key, value in expected.items():
            assert got[key] == value, (status, key, got)


@pytest.mark.parametrize("cross", [False, True], ids=["same-origin", "other-origin"])
def test_success_creates_and_deletes_with_the_csrf_token(pages, cross):
    isbn = "978000000010" + ("1" if cross else "0")
    created = call(pages["alice", cross], "/api/books/", method="POST",
                   body={"title": "New", "isbn": isbn, "price": 5})["value"]
    assert created["isbn"] == isbn and created["owner"] == "alice"
    assert call(pages["alice", cross], f"/api/books/{created['id']}/", method="DELETE") == {"value": None, "events": []}
    assert call(pages[None, cross], f"/api/books/{created['id']}/")["status"] == 404


def test_the_other_origin_fetches_the_new_csrf_token_after_signing_in(browser, origins):
    """login() gives the session a new CSRF token: the token connectApi fetched is refused
    until the front end calls refreshToken(), as the guide says."""
    server, front_url = origins
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(front_url + "/")
        page.evaluate(SETUP, [server.url, True])
        assert call(page, "/api/test-sign-in/", method="POST", body={"username": "alice"})["value"] is None
        book = {"title": "Signed in", "isbn": "9780000000301", "price": 2}
        stale = call(page, "/api/books/", method="POST", body=book)
        assert (stale["status"], stale["detail"]) == (403, "CSRF verification failed. Reload the page and try again.")
        page.evaluate("() => window.api.refreshToken()")
        created = call(page, "/api/books/", method="POST", body=book)["value"]
        assert created["owner"] == "alice"
        assert call(page, f"/api/books/{created['id']}/", method="DELETE") == {"value": None, "events": []}
    finally:
        context.close()


def test_the_page_django_serves_sets_the_csrf_cookie(pages):
    assert "csrftoken=" in pages[None, False].evaluate("document.cookie")
    # The template's own wrapper works as it stands.
    assert pages[None, False].evaluate("window.api('/api/books/')")["page"] == 1


def test_headers_the_guide_exposes_are_readable_from_the_other_origin(pages, origins):
    server, _ = origins
    got = pages["alice", True].evaluate("""async (api) => {
      const { csrfToken } = await (await fetch(`${api}/api/csrf/`, { credentials: "include" })).json();
      const send = (path, init = {}) => fetch(`${api}${path}`, { credentials: "include", ...init,
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken, ...init.headers } });
      const shown = await send("/api/books/1/");
      const created = await send("/api/books/", { method: "POST",
        body: JSON.stringify({ title: "Exposed", isbn: "9780000000301", price: 1 }) });
      const location = created.headers.get("Location");
      const removed = await send(location, { method: "DELETE" });
      const forged = await send("/api/books/1/", { method: "DELETE", headers: { "X-CSRFToken": "forged" } });
      return { etag: shown.headers.get("ETag"), created: created.status, location, removed: removed.status,
               forged: forged.status, forgedType: forged.headers.get("Content-Type") };
    }""", server.url)
    assert got["etag"] and got["etag"].startswith('"')
    assert got["created"] == 201 and got["location"].startswith("/api/books/")
    assert got["removed"] == 204
    # A wrong token: CSRF still guards the other origin, and answers problem+json.
    assert (got["forged"], got["forgedType"]) == (403, "application/problem+json")


@pytest.mark.parametrize("cross", [True, False], ids=["other-origin", "same-origin"])
def test_retry_after_is_honoured_on_both_origins(pages, cross):
    page = pages[None, cross]
    # Five searches a minute; a minute may turn over on the way, so search until refused.
    for _ in range(11):
        got = call(page, "/api/search/?q=edge")
        if "value" not in got:
            break
    assert got["status"] == 429, got
    sleeps = [ms for kind, ms in got["events"] if kind == "sleep"]
    # The server's Retry-After (what is left of the minute), not the 1 s and 2 s the wrapper
    # falls back to without it.
    assert len(sleeps) == 2 and all(ms % 1000 == 0 and 1000 <= ms <= 60_000 for ms in sleeps)
    assert sleeps != [1000, 2000]
    match = re.fullmatch(r"Too many requests\. Try again in (\d+) seconds\.", got["detail"])
    assert match and abs(int(match[1]) * 1000 - sleeps[-1]) <= 1000


def test_a_missing_slash_or_a_redirect_is_never_a_success(pages):
    got = call(pages["alice", False], "/api/books", method="POST", body={"title": "T", "isbn": "9780000000099", "price": 1})
    assert (got["name"], got["status"]) == ("ApiError", 404)
    assert got["detail"] == "There is no API endpoint at /api/books. API addresses end with a slash."
    got = call(pages[None, False], "/account/")  # a page behind login_required answers 302
    assert (got["name"], got["title"]) == ("ApiError", "Unexpected redirect")


def test_a_proxy_error_page_without_cors_headers_is_a_network_error(pages, origins):
    _, front_url = origins
    page = pages[None, False]  # Django's page calling the front end's origin, which has no CORS
    got = page.evaluate("""async (gateway) => {
      const { createApi } = await import("/static/books/api.js");
      try {
        await createApi({ baseUrl: gateway })("/gateway/api/books/");
      } catch (error) {
        return { name: error.name, status: error.status ?? null, cause: error.cause?.name };
      }
    }""", front_url)
    assert got == {"name": "NetworkError", "status": None, "cause": "TypeError"}


def test_the_old_caller_keeps_working_at_the_old_address(pages, origins):
    page = pages["alice", False]
    page.add_script_tag(content=LEGACY)
    created = call(page, "/api/books/", method="POST", body={"title": "Old", "isbn": "9780000000202", "price": 1})
    removed = page.evaluate("""async (id) => {
      const row = { removed: false, remove() { this.removed = true; } };
      await deleteBook(id, row);
      return row.removed;
    }""", created["value"]["id"])
    assert removed is True
    assert call(page, f"/api/books/{created['value']['id']}/")["status"] == 404
