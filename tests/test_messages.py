"""What tools show and log with each code (data/messages/, the #messages section).

Django's and DRF's texts are held to the installed releases: each `text` must be in the source
file at the line its `source` links to, and its Korean must be what the release's own catalog
(locale/ko*/LC_MESSAGES/django.mo) says, so neither can drift from the pinned versions."""

from __future__ import annotations

import gettext
import html
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import django
import pytest
import rest_framework
import yaml

from statuscodes.loader import DataError, load_registry
from statuscodes.model import PLACEHOLDER, Message, Tool
from statuscodes.pages import render_site

# Each framework: its installed package, the GitHub path prefix of its sources at the pinned
# tag, its Korean catalog, and how its own format fields look (what ‹name› stands for).
FRAMEWORKS = {
    "django": {
        "package": Path(django.__file__).parent,
        "url": f"https://github.com/django/django/blob/{django.__version__}/django/",
        "locale": Path(django.__file__).parent / "conf" / "locale", "language": "ko",
        "field": "%({})s",
    },
    "drf": {
        "package": Path(rest_framework.__file__).parent,
        "url": f"https://github.com/encode/django-rest-framework/blob/{rest_framework.__version__}/rest_framework/",
        "locale": Path(rest_framework.__file__).parent / "locale", "language": "ko_KR",
        "field": "{{{}}}",
    },
}
WINDOW = 12  # lines from the linked one in which the text's pieces must all be found
TESTS = Path(__file__).resolve().parent


@cache
def _django_output() -> tuple[str, ...]:
    """Every log message and every line of page text the installed Django produces in the
    situations of djangoapp/messages_run.py (its own process, with Django's defaults)."""
    run = subprocess.run([sys.executable, str(TESTS / "djangoapp" / "messages_run.py")],
                         capture_output=True, text=True, check=True, cwd=TESTS, timeout=120)
    produced = json.loads(run.stdout)
    # The text of each element, its white space collapsed as a browser shows it.
    lines = [" ".join(html.unescape(chunk).split()) for body in produced["bodies"]
             for chunk in re.split(r"<[^>]+>", body)]
    return tuple(produced["logs"] + [line for line in lines if line])


def produced_by_django(text: str) -> bool:
    """Whether running Django printed or logged ``text`` (‹name› standing for any value)."""
    pattern = ".+".join(re.escape(part) for part in PLACEHOLDER.split(text)[::2])
    return any(re.fullmatch(pattern, line) for line in _django_output())


@cache
def _catalog(slug: str) -> dict[str, str]:
    fw = FRAMEWORKS[slug]
    translation = gettext.translation("django", fw["locale"], languages=[fw["language"]])
    return {k: v for k, v in translation._catalog.items() if isinstance(k, str) and k}


def _as_msgid(text: str, slug: str) -> str:
    return PLACEHOLDER.sub(lambda m: FRAMEWORKS[slug]["field"].format(m.group(1)), text)


def _pieces(msgid: str, catalog: dict[str, str]) -> list[str] | None:
    """The catalog messages that, joined by spaces, make ``msgid`` (DRF's Throttled joins two),
    or None when it is not made of catalog messages."""
    if msgid in catalog:
        return [msgid]
    for cut in (m.end() for m in re.finditer(r"[.!?] ", msgid)):
        head = msgid[:cut - 1]
        if head in catalog:
            rest = _pieces(msgid[cut:], catalog)
            if rest:
                return [head] + rest
    return None


def _source_window(slug: str, source: str) -> tuple[str | None, str]:
    """The linked source lines, with Python's implicit string concatenation undone."""
    fw = FRAMEWORKS[slug]
    match = re.fullmatch(re.escape(fw["url"]) + r"([\w/.]+\.(?:py|html))#L(\d+)", source)
    if not match:
        return None, f"source must be {fw['url']}<file>#L<line> (the installed release's tag)"
    path = fw["package"] / match.group(1)
    if not path.is_file():
        return None, f"no file {match.group(1)} in the installed package"
    line = int(match.group(2))
    lines = path.read_text(encoding="utf-8").splitlines()[line - 1:line - 1 + WINDOW]
    window = "\n".join(lines)
    return re.sub(r"([\"'])\s*\n\s*\1", "", window), ""


def problems(slug: str, m: Message) -> list[str]:
    """Why a Django or DRF entry does not match the installed release (empty when it does)."""
    found = []
    catalog = _catalog(slug)
    msgid = _as_msgid(m.text, slug)
    pieces = _pieces(msgid, catalog) or [msgid]
    window, why = _source_window(slug, m.source)
    if window is None:
        return [why]
    missing = []
    for piece in pieces:
        # The literal parts between the placeholders, without the quotes a %r adds around a value
        # (and the period after it, which Django's DisallowedHost writes before its next sentence).
        for literal in re.split(r"%\(\w+\)s|\{\w+\}", piece):
            literal = literal.strip(" '\".")
            if len(literal) >= 3 and literal not in window:
                missing.append(f"{literal!r} is not at {m.source}")
    # A log line built from a format ("%s: %s" with the reason phrase) is not in the source as
    # written: the installed Django must have produced it.
    if missing and not (slug == "django" and produced_by_django(m.text)):
        found += missing
    translated = [catalog.get(p) for p in pieces]
    if m.ko is not None:
        if not all(translated):
            found.append(f"ko is given but {msgid!r} is not in the Korean catalog")
        elif _as_msgid(m.ko, slug) != " ".join(translated):
            found.append(f"ko {m.ko!r} is not the catalog's {' '.join(translated)!r}")
    elif all(translated) and " ".join(translated) != msgid:
        found.append(f"the Korean catalog translates it ({' '.join(translated)!r}): give it as ko")
    return found


@cache
def _registry():
    return load_registry(check_markdown=False)


def _entries():
    tools = _registry().tools
    return [pytest.param(slug, m, id=f"{slug}-{i}-{m.code[0]}")
            for slug in FRAMEWORKS for i, m in enumerate(tools[slug].messages)]


@pytest.mark.parametrize("slug, message", _entries())
def test_django_and_drf_texts_are_the_installed_releases_own(slug, message):
    assert problems(slug, message) == []


# Where Django writes a page or a log line by itself; a text linked to one of these must come out
# of the installed Django when it runs (djangoapp/messages_run.py), not only be in its source.
RUN_CHECKED = ("views/defaults.py", "views/csrf.py", "views/generic/base.py", "core/handlers/", "http/request.py#L196",
               "middleware/csrf.py#L212", "views/templates/technical_")


def _run_checked():
    tools = _registry().tools
    return [pytest.param(m, id=f"{i}-{m.code[0]}") for i, m in enumerate(tools["django"].messages)
            if any(part in m.source for part in RUN_CHECKED)]


@pytest.mark.parametrize("message", _run_checked())
def test_django_pages_and_log_lines_are_what_the_installed_django_prints(message):
    assert produced_by_django(message.text), message.text


def test_the_run_tells_a_real_log_line_from_a_made_up_one():
    assert produced_by_django("Not Found: ‹path›")
    assert not produced_by_django("Page Not Found: ‹path›")
    assert not produced_by_django("Forbidden (CSRF token missing.): ‹path›")  # that run had no cookie


def test_the_files_name_the_installed_releases():
    tools = _registry().tools
    assert tools["django"].version == django.__version__
    assert tools["drf"].version == rest_framework.__version__


def _changed(slug: str, index: int, **change) -> Message:
    return _registry().tools[slug].messages[index].model_copy(update=change)


@pytest.mark.parametrize("slug, index, change, expected", [
    # One word off in the English, in the Korean, a Korean that the tool does not ship, a
    # missing Korean where the catalog has one, and a line that does not hold the text.
    ("drf", 0, {"text": "Authentication credentials were not supplied."}, "is not at"),
    ("drf", 0, {"ko": "인증 정보가 제공되지 않았습니다."}, "is not the catalog's"),
    ("drf", 7, {"ko": "메서드 \"‹method›\"은 허용되지 않습니다."}, "is not the catalog's"),
    ("drf", 10, {"ko": "요청이 제한되었습니다."}, "is not the catalog's"),
    ("django", 6, {"ko": "요청한 리소스를 찾을 수 없습니다."}, "not in the Korean catalog"),
    ("django", 0, {"ko": None}, "give it as ko"),
    ("django", 1, {"source": "https://github.com/django/django/blob/5.2.19/django/middleware/csrf.py#L60"}, "is not at"),
    ("django", 13, {"text": "Page Not Found: ‹path›"}, "is not at"),
    ("django", 0, {"source": "https://github.com/django/django/blob/main/django/views/csrf.py#L30"}, "installed release's tag"),
])
def test_a_text_that_drifted_from_the_release_is_caught(slug, index, change, expected):
    assert problems(slug, _registry().tools[slug].messages[index]) == []
    found = problems(slug, _changed(slug, index, **change))
    assert any(expected in p for p in found), found


# The loader: one file per tool, each problem named by file, entry and field.

def _write(data: Path, name: str, doc: dict) -> None:
    (data / "messages" / name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


GOOD = {"code": 502, "text": "no live upstreams while connecting to upstream",
        "where": {"ko": "error_log 줄", "en": "an error_log line"},
        "source": "https://github.com/nginx/nginx/blob/release-1.29.0/src/http/ngx_http_upstream.c#L1"}


@pytest.mark.parametrize("change, expected", [
    ({"code": 999}, "entry 0 (code 999): field 'messages.0.code': no page for code 999"),
    ({"source": "http://nginx.org/"}, "entry 0 (code 502): field 'messages.0.source'"),
    ({"source": "javascript:alert(1)//https://x.org/"}, "field 'messages.0.source'"),
    ({"text": "a ‹broken placeholder"}, "field 'messages.0.text': a placeholder is written ‹name›"),
    ({"text": "two\nlines"}, "field 'messages.0.text': must be a single line"),
    ({"where": {"ko": "error_log 줄"}}, "field 'messages.0.where.en': Field required"),
    ({"colour": "red"}, "field 'messages.0.colour': Extra inputs are not permitted"),
    ({"body_code": "<b>PGRST116</b>"}, "field 'messages.0.body_code': String should match pattern"),
    ({"body_code": "PGRST 116"}, "field 'messages.0.body_code': String should match pattern"),
    ({"body_code": 23505}, "field 'messages.0.body_code': Input should be a valid string"),
])
def test_a_bad_entry_is_reported_with_file_entry_and_field(data_copy, change, expected):
    _write(data_copy, "nginx-test.yaml", {"name": "nginx", "kind": "server", "version": "1.29.0",
                                          "messages": [{**GOOD, **change}]})
    with pytest.raises(DataError) as exc:
        load_registry(data_copy, check_markdown=False)
    assert any(p.startswith("data/messages/nginx-test.yaml: ") and expected in p for p in exc.value.problems), exc.value.problems


@pytest.mark.parametrize("change, expected", [
    ({"kind": "database"}, "field 'kind'"),
    ({"checked": "2026-12-05"}, "give exactly one of version"),
    ({"version": None}, "give exactly one of version"),
    ({"messages": []}, "field 'messages'"),
])
def test_a_bad_tool_is_reported_with_file_and_field(data_copy, change, expected):
    doc = {"name": "nginx", "kind": "server", "version": "1.29.0", "messages": [GOOD], **change}
    _write(data_copy, "nginx-test.yaml", {k: v for k, v in doc.items() if v is not None})
    with pytest.raises(DataError) as exc:
        load_registry(data_copy, check_markdown=False)
    assert any(p.startswith("data/messages/nginx-test.yaml") and expected in p for p in exc.value.problems), exc.value.problems


def test_a_file_name_that_is_not_a_tool_slug_is_rejected(data_copy):
    _write(data_copy, "Nginx Tool.yaml", {"name": "nginx", "kind": "server", "version": "1", "messages": [GOOD]})
    with pytest.raises(DataError) as exc:
        load_registry(data_copy, check_markdown=False)
    assert any("data/messages/Nginx Tool.yaml: the file name" in p for p in exc.value.problems)


# The pages.

@cache
def _pages():
    return render_site(_registry())


def _section(page: str) -> str:
    start = page.index("{#messages}")
    return page[start:page.index("\n## ", start)]


def test_a_korean_page_shows_the_tools_korean_text_and_the_english_original():
    section = _section(_pages()["ko/403.md"])
    assert "<code>CSRF 검증에 실패했습니다. 요청을 중단하였습니다.</code>" in section
    assert "영어 원문 <code>CSRF verification failed. Request aborted.</code>" in section
    assert "Django 5.2.19" in section
    assert "(https://github.com/django/django/blob/5.2.19/django/views/csrf.py#L30)" in section


def test_an_english_page_shows_the_english_text_only():
    section = _section(_pages()["en/403.md"])
    assert "<code>CSRF verification failed. Request aborted.</code>" in section
    assert "CSRF 검증에" not in section


def test_the_section_comes_right_after_the_meaning():
    page = _pages()["en/405.md"]
    assert page.index("{#meaning}") < page.index("{#messages}") < page.index("{#when-to-use}")


def test_every_code_with_an_entry_has_the_section_and_no_other_code_does():
    registry = _registry()
    with_entries = {code for tool in registry.tools.values() for m in tool.messages for code in m.code}
    for c in registry.codes:
        for lang in ("ko", "en"):
            assert ("{#messages}" in _pages()[f"{lang}/{c.code}.md"]) == (c.code in with_entries), (lang, c.code)


def test_the_code_a_tools_json_body_carries_is_shown_beside_its_text():
    # PostgREST's body is {"code": "PGRST116", "message": "Cannot coerce...", ...}: a reader has
    # both in front of them, and may have only the code.
    for lang in ("ko", "en"):
        section = html.unescape(_section(_pages()[f"{lang}/406.md"]))
        entry = section[section.index("<code>Cannot coerce the result to a single JSON object</code>"):]
        entry = entry[:entry.index("\n- ")] if "\n- " in entry else entry
        assert 'PostgREST 16.2 · <code>"code": "PGRST116"</code> · ' in entry, entry
        assert "(PGRST116)" not in entry  # said once, where it is shown
    section = html.unescape(_section(_pages()["en/409.md"]))
    assert '<code>"code": "23505"</code> · the JSON body\'s message, PostgreSQL\'s own (the code is its SQLSTATE)' in section
    section = html.unescape(_section(_pages()["ko/401.md"]))
    assert 'Simple JWT 5.5.1 · <code>"code": "token_not_valid"</code>' in section


def test_a_placeholder_is_shown_as_written():
    section = html.unescape(_section(_pages()["en/405.md"]))
    assert '<code>Method "‹method›" not allowed.</code>' in section


# Python requests is installed too: its texts are checked by raising the real HTTPError.

def _requests_text(code: int, reason: str) -> str:
    import requests

    response = requests.models.Response()
    response.status_code, response.reason, response.url = code, reason, "https://api.example.com/users/1"
    try:
        response.raise_for_status()
    except requests.HTTPError as error:
        # The last line of the traceback: the exception's qualified name, then its message.
        return f"{type(error).__module__}.{type(error).__qualname__}: {error}"
    return ""


def _requests_entries():
    return [pytest.param(m, id=str(m.code[0])) for m in _registry().tools["requests"].messages]


@pytest.mark.parametrize("message", _requests_entries())
def test_requests_texts_are_what_raise_for_status_raises(message):
    import http

    import requests

    assert _registry().tools["requests"].version == requests.__version__
    shown = _requests_text(message.code[0], http.HTTPStatus(message.code[0]).phrase)
    assert message.text.replace("‹url›", "https://api.example.com/users/1") == shown


def test_a_made_up_requests_text_is_caught():
    assert _requests_text(404, "Not Found") != "requests.exceptions.HTTPError: 404 Not Found for url: https://api.example.com/users/1"
    assert _requests_text(503, "Service Unavailable").startswith("requests.exceptions.HTTPError: 503 Server Error: ")


# uvicorn is installed too: its texts are checked by running it with an app that raises and by
# sending it bytes that are not HTTP.

def test_uvicorn_texts_are_what_the_installed_uvicorn_logs_and_sends(tmp_path):
    import socket
    import subprocess
    import sys
    import time

    import uvicorn
    from live_django import free_port

    tool = _registry().tools["uvicorn"]
    assert tool.version == uvicorn.__version__
    (tmp_path / "raising.py").write_text(
        "async def app(scope, receive, send):\n"
        "    if scope['type'] == 'http':\n"
        "        raise ValueError('the view failed')\n", encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--port", str(port), "--http", "h11", "raising:app"],
                              cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    try:
        answers = {}
        for name, request in (("raises", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"), ("not HTTP", b"\x16\x03\x01 not http\r\n\r\n")):
            for _ in range(100):
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
                        client.sendall(request)
                        answers[name] = b"".join(iter(lambda: client.recv(65536), b"")).decode()
                    break
                except ConnectionRefusedError:
                    time.sleep(0.05)
    finally:
        server.terminate()
        log = server.communicate(timeout=10)[1]
    by_code = {m.code[0]: m.text for m in tool.messages}

    def status_and_body(answer: str) -> tuple[str, str]:
        head, body = answer.split("\r\n\r\n", 1)
        if "transfer-encoding: chunked" in head.lower():  # one chunk, then the last (empty) one
            body = body.split("\r\n")[1]
        return head.split(" ")[1], body

    assert status_and_body(answers["raises"]) == ("500", "Internal Server Error")
    assert f"ERROR:    {by_code[500]}\nTraceback" in log and "ValueError: the view failed" in log
    assert status_and_body(answers["not HTTP"]) == ("400", by_code[400])
    assert f"WARNING:  {by_code[400]}" in log


# FastAPI is installed too: its 422 texts are what an app answers (tests/fastapi_app.py, called
# through asgiref's test communicator, no server), and each linked line of the installed release
# holds its text.

def _asgi_answer(app, method: str, path: str, body: bytes) -> tuple[int, dict]:
    import asyncrun
    from asgiref.testing import ApplicationCommunicator

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(b"host", b"api.example.com"), (b"content-type", b"application/json")],
             "client": ("127.0.0.1", 50000), "server": ("api.example.com", 80)}

    async def call():
        communicator = ApplicationCommunicator(app, scope)
        await communicator.send_input({"type": "http.request", "body": body, "more_body": False})
        start, answer = await communicator.receive_output(), await communicator.receive_output()
        return start["status"], json.loads(answer["body"])

    return asyncrun.run(call())  # in its own thread: a browser test may have left a loop running in this one


def test_fastapi_texts_are_what_the_installed_fastapi_answers():
    import fastapi
    import pydantic
    from fastapi_app import app

    tool = _registry().tools["fastapi"]
    assert tool.version == fastapi.__version__
    answers = [_asgi_answer(app, "POST", "/signup", b"{}"), _asgi_answer(app, "GET", "/items/abc", b""),
               _asgi_answer(app, "POST", "/signup", b"{not json")]
    assert [status for status, _ in answers] == [422, 422, 422]
    details = [body["detail"][0] for _, body in answers]
    assert [(d["type"], d["loc"]) for d in details] == [
        ("missing", ["body", "email"]), ("int_parsing", ["path", "item_id"]), ("json_invalid", ["body", 1])]
    assert [m.text for m in tool.messages] == [d["msg"] for d in details]
    # Each source: the installed release's line that holds the text, or the page pydantic links to.
    release = f"https://github.com/fastapi/fastapi/blob/{fastapi.__version__}/fastapi/"
    for m in tool.messages:
        if m.source.startswith(release):
            file, line = m.source.removeprefix(release).split("#L")
            assert m.text in (Path(fastapi.__file__).parent / file).read_text(encoding="utf-8").splitlines()[int(line) - 1]
        else:
            with pytest.raises(pydantic.ValidationError) as error:
                pydantic.TypeAdapter(int).validate_python("abc")
            assert m.source == error.value.errors()[0]["url"]
