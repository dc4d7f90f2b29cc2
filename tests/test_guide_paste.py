"""A reader who pastes the Django guide top to bottom gets a project that runs: the blocks with
a file title, in page order, each appended to the file it names, on top of what `startproject
config .` and `startapp books` write. The project then runs under `runserver` (DEBUG on, as
startproject leaves it) and answers as the guide says."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import ROOT
from live_django import free_port

PAGES = {lang: ROOT / "docs" / lang / "guides" / "django.md" for lang in ("ko", "en")}
BLOCK = re.compile(r'^(?P<indent> *)```(?P<lang>[a-z]+) title="(?P<title>[^"]+)"\n(?P<body>.*?)^(?P=indent)```$',
                   re.S | re.M)
INCLUDE = re.compile(r'^-{1,}8<-{1,}[ \t]+"(?P<path>[^"]+)"$')
MARKER = re.compile(r"-{1,}8<-{1,}[ \t]+\[(?:start|end):[a-z][-_0-9a-z]*\]")


def section(path: str, name: str) -> str:
    """What pymdownx.snippets shows for path:name: the lines between the markers, markers out."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if f"[start:{name}]" in line)
    end = next(i for i, line in enumerate(lines) if f"[end:{name}]" in line)
    return "\n".join(line for line in lines[start + 1:end] if not MARKER.search(line))


def pasted_files(lang: str) -> list[tuple[str, str]]:
    """(file, text) for every titled block of the page, in page order."""
    found = []
    for block in BLOCK.finditer(PAGES[lang].read_text(encoding="utf-8")):
        body = "\n".join(line[len(block["indent"]):] for line in block["body"].splitlines())
        include = INCLUDE.match(body.strip())
        found.append((block["title"], section(*include["path"].rsplit(":", 1)) if include else body))
    return found


def test_both_pages_paste_the_same_files_in_the_same_order():
    assert [f for f, _ in pasted_files("ko")] == [f for f, _ in pasted_files("en")]
    assert len(pasted_files("en")) >= 30


PASSWORD = "a-test-only-password"


def run(args, cwd, env):
    proc = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"{' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def pasted_project(tmp_path_factory):
    """The project a reader builds from the English page, served by runserver."""
    project = tmp_path_factory.mktemp("pasted")
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    env["DJANGO_ALLOW_ASYNC_UNSAFE"] = ""
    run(["-m", "django", "startproject", "config", "."], project, env)
    run(["manage.py", "startapp", "books"], project, env)
    for name, text in pasted_files("en"):
        target = project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a", encoding="utf-8") as f:
            f.write("\n\n" + text + "\n")
    # As the page's first block: Django's own tables, and a user to sign in as at /admin/.
    run(["manage.py", "migrate", "--verbosity", "0"], project, env)
    run(["manage.py", "createsuperuser", "--noinput"], project,
        {**env, "DJANGO_SUPERUSER_USERNAME": "alice", "DJANGO_SUPERUSER_EMAIL": "alice@example.com",
         "DJANGO_SUPERUSER_PASSWORD": PASSWORD})
    port = free_port()
    log = (project / "server.log").open("w")
    server = subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, (project / "server.log").read_text()
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


class Browserless:
    """urllib with a cookie jar: enough to act like the page's fetch (same origin)."""

    def __init__(self, url):
        self.url = url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def __call__(self, method, path, body=None, headers=None, form=None):
        headers = dict(headers or {})
        token = next((c.value for c in self.jar if c.name == "csrftoken"), None)
        if token and method not in ("GET", "HEAD", "OPTIONS"):
            headers["X-CSRFToken"] = token
        data = json.dumps(body).encode() if body is not None else None
        if data:
            headers["Content-Type"] = "application/json"
        if form is not None:  # a form a person fills in, such as the admin's sign-in
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            return response.status, response.headers, response.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def problem(answer, status):
    code, headers, body = answer
    assert (code, headers["Content-Type"]) == (status, "application/problem+json"), body[:300]
    return json.loads(body)


def test_the_pasted_project_runs_and_answers_as_the_guide_says(pasted_project):
    page = Browserless(pasted_project)
    status, _, html = page("GET", "/")
    assert status == 200 and b"createApi" in html
    assert any(c.name == "csrftoken" for c in page.jar)  # ensure_csrf_cookie
    status, _, script = page("GET", "/static/books/api.js")
    assert status == 200 and b"export function createApi" in script
    status, _, body = page("GET", "/api/books/")
    assert status == 200 and json.loads(body)["page"] == 1
    # With the CSRF cookie and header, an anonymous delete reaches the view: 401, not 403.
    answer = page("DELETE", "/api/books/1/")
    assert problem(answer, 401)["detail"] == "Sign in to continue."
    assert answer[1]["WWW-Authenticate"] == 'Session realm="books"'
    # DEBUG is on, and the API still answers problem+json, not Django's technical pages.
    assert problem(page("GET", "/api/books/99/"), 404)["detail"] == "There is no book 99."
    assert problem(page("GET", "/api/books/?page=0"), 400)["detail"] == "page must be a positive whole number."
    assert problem(page("POST", "/api/books", {"title": "T"}), 404)["detail"].endswith("API addresses end with a slash.")
    assert problem(page("GET", "/api/my/books/"), 401)["status"] == 401  # the async view
    status, _, body = page("GET", "/api/drf/books/")
    assert status == 200 and [b["id"] for b in json.loads(body)] == [1, 2]
    assert problem(page("DELETE", "/api/drf/books/1/"), 401)["detail"] == "Authentication credentials were not provided."
    status, _, body = page("POST", "/api/books/1/delete/")  # the old address, for old callers
    assert (status, json.loads(body)) == (200, {"result": False, "statusCode": 401})
    # The other origin the guide names is allowed, with the headers it needs exposed.
    status, headers, _ = page("GET", "/api/books/1/", headers={"Origin": "https://app.example.com"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://app.example.com"
    assert "Retry-After" in headers["Access-Control-Expose-Headers"]


def test_signed_in_the_pasted_project_answers_for_the_user(pasted_project):
    """Signed in at /admin/ (the user createsuperuser made): the views that read the user and
    the session work, which they could not without the tables migrate creates."""
    page = Browserless(pasted_project)
    page("GET", "/admin/login/")  # the sign-in form sets the CSRF cookie
    status, headers, _ = page("POST", "/admin/login/?next=/admin/", form={"username": "alice", "password": PASSWORD})
    assert status == 302 and any(c.name == "sessionid" for c in page.jar), headers
    status, _, body = page("GET", "/api/authors/alice/")
    assert status == 200 and json.loads(body)["username"] == "alice"
    status, _, body = page("GET", "/api/my/books/")  # the async view, signed in
    assert status == 200 and {b["owner"] for b in json.loads(body)["books"]} == {"alice"}
    # Signing in gave the session a new CSRF token (login() rotates it); the cookie jar holds it.
    status, _, _ = page("DELETE", "/api/books/1/")
    assert status == 204
