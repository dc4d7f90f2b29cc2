"""The limits of Django's development server, as the 431 and 505 pages give them.

`runserver` (django.core.servers.basehttp.WSGIRequestHandler) parses headers with Python's
http.server, whose http.client._read_headers appends the blank line that ends the headers
before comparing the count with _MAXHEADERS (100): 99 fields pass, 100 are "Too many headers"
(431). A header line over _MAXLINE (65,536 bytes) is "Line too long" (431)."""

from __future__ import annotations

import io
import os

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.core.servers.basehttp import WSGIRequestHandler  # noqa: E402

from conftest import real_registry  # noqa: E402


def _status(headers: list[bytes], version: str = "HTTP/1.1") -> int:
    handler = WSGIRequestHandler.__new__(WSGIRequestHandler)  # no socket: parse one request
    raw = f"GET / {version}\r\nHost: localhost\r\n".encode() + b"".join(headers) + b"\r\n"
    handler.rfile, handler.wfile = io.BytesIO(raw), io.BytesIO()
    handler.client_address, handler.request_version = ("127.0.0.1", 0), "HTTP/0.9"
    handler.close_connection = True
    handler.requestline = handler.rfile.readline(65537).decode().rstrip("\r\n")
    handler.raw_requestline = (handler.requestline + "\r\n").encode()
    handler.log_message = lambda *args: None
    if handler.parse_request():
        return 200
    return int(handler.wfile.getvalue().split(b" ", 2)[1])


@pytest.mark.parametrize("fields, status", [(99, 200), (100, 431)])
def test_runserver_accepts_at_most_99_header_fields(fields, status):
    # Host is one of them.
    assert _status([f"X-H{i}: v\r\n".encode() for i in range(fields - 1)]) == status


def test_runserver_refuses_a_header_line_over_64_kib():
    assert _status([b"X-Big: " + b"a" * 65536 + b"\r\n"]) == 431


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_431_page_gives_the_header_count_limit_exactly(lang):
    c = real_registry().get(431)
    text = c.when_to_use[lang] + c.django.how[lang]
    assert "99" in text
    assert "100개를 넘으면" not in text and "more than 100" not in text and "100 header fields)" not in text


def test_runserver_answers_http_2_0_with_a_505_page_but_no_status_line():
    """The 505 page: Python's http.server sends its 505 error page before it has settled the
    request's version, so as HTTP/0.9: the page and no status line."""
    handler = WSGIRequestHandler.__new__(WSGIRequestHandler)
    handler.rfile, handler.wfile = io.BytesIO(b"Host: localhost\r\n\r\n"), io.BytesIO()
    handler.client_address = ("127.0.0.1", 0)
    handler.raw_requestline = b"GET / HTTP/2.0\r\n"
    handler.log_message = lambda *args: None
    assert handler.parse_request() is False
    sent = handler.wfile.getvalue()
    assert not sent.startswith(b"HTTP/") and b"Error code: 505" in sent and b"Invalid HTTP version (2.0)" in sent
    assert _status([], "HTTP/1.0") == 200
