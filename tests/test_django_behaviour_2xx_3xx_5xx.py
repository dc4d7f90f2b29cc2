"""What the 1xx, 2xx, 3xx and 5xx pages say Django and DRF do, run in tests/djangoapp.

Each test names the page and the claim it holds; reviews/1xx-2xx-3xx-5xx.md lists them with
the rest of that review's findings (the 4xx pages: test_django_behaviour_4xx.py). Claims about
a built-in's status code alone live in the pages' `django.produces` lists
(tests/test_django_claims.py); these are the ones that need a middleware, a header, a setting
or a request method to show."""

from __future__ import annotations

import asyncrun
import http.client
import json
import os
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect  # noqa: E402
from django.test import AsyncClient, Client, RequestFactory, override_settings  # noqa: E402

# Django's and DRF's own defaults: this URLconf keeps Django's error handlers, and DRF's
# default exception handler replaces the guide's problem+json one.
DEFAULTS = override_settings(ROOT_URLCONF="djangoapp.behaviour_2xx_3xx_5xx", REST_FRAMEWORK={})
COMMON = "django.middleware.common.CommonMiddleware"


@pytest.fixture(autouse=True)
def django_defaults():
    with DEFAULTS:
        yield


# --- 200 OK -----------------------------------------------------------------------------

def test_200_drf_generic_views_answer_list_retrieve_and_update_with_200():
    client = Client()
    assert client.get("/ra/books/").status_code == 200
    assert client.get("/ra/books/42/").status_code == 200
    updated = client.put("/ra/books/42/", {"title": "New"}, content_type="application/json")
    assert updated.status_code == 200
    assert updated.json()["title"] == "New"
    assert Client().get("/ra/drf/").status_code == 200  # Response(...) without status=


def test_200_conditional_get_middleware_adds_an_etag_and_answers_a_match_with_304():
    middleware = [*settings.MIDDLEWARE, "django.middleware.http.ConditionalGetMiddleware"]
    with override_settings(MIDDLEWARE=middleware):
        first = Client().get("/ra/plain/")
        assert first.status_code == 200
        etag = first.headers["ETag"]
        again = Client().get("/ra/plain/", headers={"If-None-Match": etag})
        assert again.status_code == 304


# --- 201 Created ------------------------------------------------------------------------

def test_201_drf_create_answers_201_with_location_from_the_url_field():
    response = Client().post("/ra/books/", {"title": "HTTP Semantics"}, content_type="application/json")
    assert response.status_code == 201
    assert response.headers["Location"] == "/ra/books/42/"


# --- 203 Non-Authoritative Information --------------------------------------------------

def test_203_cache_control_no_transform_sends_the_no_transform_directive():
    response = Client().get("/ra/no-transform/")
    directives = {d.strip() for d in response.headers["Cache-Control"].split(",")}
    assert directives == {"no-transform", "max-age=3600"}


# --- 204 No Content ---------------------------------------------------------------------

def test_204_drf_destroy_answers_204_without_a_body():
    response = Client().delete("/ra/books/42/")
    assert response.status_code == 204
    assert response.content == b""


def test_204_common_middleware_adds_content_length_0_to_a_204():
    # The 204 page warns about this: RFC 9110 §8.6 says a server MUST NOT send Content-Length
    # in a 204, and CommonMiddleware adds it to every non-streaming response.
    assert COMMON in settings.MIDDLEWARE
    response = Client().get("/ra/no-content/")
    assert response.status_code == 204
    assert response.headers["Content-Length"] == "0"


# --- 301 Moved Permanently --------------------------------------------------------------

def test_301_redirect_permanent_and_redirect_view_permanent():
    assert Client().get("/ra/permanent/").status_code == 301
    assert Client().get("/ra/redirect-view-permanent/").status_code == 301


def test_301_common_middleware_append_slash():
    response = Client().get("/ra/plain")
    assert response.status_code == 301
    assert response.headers["Location"] == "/ra/plain/"


def test_301_common_middleware_prepend_www():
    with override_settings(PREPEND_WWW=True):
        response = Client().get("/ra/plain/")
    assert response.status_code == 301
    assert response.headers["Location"] == "http://www.testserver/ra/plain/"


def test_301_security_middleware_ssl_redirect():
    middleware = ["django.middleware.security.SecurityMiddleware", *settings.MIDDLEWARE]
    with override_settings(MIDDLEWARE=middleware, SECURE_SSL_REDIRECT=True):
        response = Client().get("/ra/plain/")
    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/ra/plain/"


def test_301_ssl_redirect_behind_a_tls_proxy_loops_until_the_proxy_header_is_named():
    # The proxy ended TLS and says so in X-Forwarded-Proto; Django sees plain HTTP and sends the
    # browser back to HTTPS, again and again, until SECURE_PROXY_SSL_HEADER names that header.
    middleware = ["django.middleware.security.SecurityMiddleware", *settings.MIDDLEWARE]
    proxied = {"HTTP_X_FORWARDED_PROTO": "https"}
    with override_settings(MIDDLEWARE=middleware, SECURE_SSL_REDIRECT=True):
        again = Client().get("/ra/plain/", **proxied)
        with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")):
            served = Client().get("/ra/plain/", **proxied)
    assert again.status_code == 301 and again.headers["Location"] == "https://testserver/ra/plain/"
    assert served.status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_301_append_slash_raises_runtime_error_for_unsafe_methods_under_debug(method):
    with override_settings(DEBUG=True), pytest.raises(RuntimeError, match="APPEND_SLASH"):
        getattr(Client(), method)("/ra/plain")


def test_301_append_slash_still_redirects_unsafe_methods_without_debug():
    assert Client().post("/ra/plain").status_code == 301


# --- 302 Found --------------------------------------------------------------------------

def test_302_redirect_and_redirect_view_default_to_302():
    assert Client().get("/ra/temporary/").status_code == 302
    assert Client().get("/ra/redirect-view/").status_code == 302


def test_302_login_required_and_login_required_mixin_redirect_to_login_url():
    for url in ("/ra/dashboard/", "/ra/login-mixin/"):
        response = Client().get(url)
        assert response.status_code == 302
        assert response.headers["Location"].startswith(f"{settings.LOGIN_URL}?next=")


def test_302_locale_middleware_redirects_to_the_language_prefixed_url():
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index(COMMON), "django.middleware.locale.LocaleMiddleware")
    with override_settings(MIDDLEWARE=middleware, LANGUAGE_CODE="en"):
        response = Client().get("/ra/localized/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/ra/localized/"


# --- 307 and 308 ------------------------------------------------------------------------

def test_307_preserve_request_turns_a_302_into_307():
    assert Client().get("/ra/preserve/").status_code == 307
    assert HttpResponseRedirect("/x/", preserve_request=True).status_code == 307
    assert HttpResponseRedirect("/x/", status=307).status_code == 307


def test_308_preserve_request_turns_a_301_into_308():
    assert Client().get("/ra/preserve-permanent/").status_code == 308
    assert HttpResponsePermanentRedirect("/x/", preserve_request=True).status_code == 308
    assert HttpResponsePermanentRedirect("/hooks/payments/", status=308).status_code == 308


# --- 500 Internal Server Error ----------------------------------------------------------

def test_500_drf_reraises_non_api_exceptions_for_django_to_answer_500():
    with pytest.raises(ValueError):
        Client().get("/ra/crash/")  # raise_request_exception=True by default
    response = Client(raise_request_exception=False).get("/ra/crash/")
    assert response.status_code == 500


def test_500_default_handler500_without_a_template_sends_short_html():
    # django.views.defaults.server_error falls back to its own page when 500.html is missing.
    response = Client(raise_request_exception=False).get("/ra/crash/")
    assert response.headers["Content-Type"].startswith("text/html")
    assert b"<title>Server Error (500)</title>" in response.content
    assert b"<h1>Server Error (500)</h1>" in response.content


def test_500_drf_server_error_handler_answers_json():
    from rest_framework.exceptions import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert json.loads(response.content) == {"error": "Server Error (500)"}


# --- 501 Not Implemented ----------------------------------------------------------------

def test_501_class_based_view_answers_an_unknown_method_with_405():
    response = Client().generic("PURGE", "/ra/get-only/")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"


def test_501_function_view_without_decorators_accepts_any_method():
    response = Client().generic("PURGE", "/ra/any-method/")
    assert response.status_code == 200
    assert response.content == b"PURGE"


def test_501_python_http_server_answers_post_with_501(tmp_path):
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=5)
        connection.request("POST", "/", body=b"x=1")
        assert connection.getresponse().status == 501
        connection.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- 503 Service Unavailable ------------------------------------------------------------

def test_503_drf_throttling_answers_429_with_retry_after_not_503():
    response = Client().get("/ra/throttled/")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "30"


# --- 505 HTTP Version Not Supported -----------------------------------------------------

def test_505_server_protocol_is_set_under_wsgi_but_not_by_the_asgi_handler():
    assert Client().get("/ra/protocol/").json() == {"protocol": "HTTP/1.1"}
    response = asyncrun.run(AsyncClient().get("/ra/protocol/"))
    assert response.json() == {"protocol": None}


# --- 506 Variant Also Negotiates --------------------------------------------------------

def test_506_drf_answers_406_not_506_when_no_renderer_matches():
    response = Client().get("/ra/json-only/", headers={"Accept": "text/csv"})
    assert response.status_code == 406
