"""Django and DRF behaviour that the 4xx code pages describe in prose, run in tests/djangoapp.

`django.produces` entries are run by test_django_claims.py; this file holds the rest of what the
review of 400-497 (reviews/4xx.md) checked: which headers and bodies come with the code, and
when Django or DRF sends it by itself. Each test names the page whose claim it holds."""

from __future__ import annotations

import asyncio

import asyncrun
import io
import os
import socket
import threading
from types import SimpleNamespace

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.contrib.auth.decorators import permission_required  # noqa: E402
from django.contrib.auth.mixins import PermissionRequiredMixin  # noqa: E402
from django.contrib.auth.models import AnonymousUser, User  # noqa: E402
from django.core.handlers.asgi import ASGIHandler  # noqa: E402
from django.core.handlers.wsgi import WSGIRequest  # noqa: E402
from django.core.servers.basehttp import ServerHandler, WSGIRequestHandler  # noqa: E402
from django.http import HttpResponse, JsonResponse  # noqa: E402
from django.test import Client, RequestFactory, override_settings  # noqa: E402
from django.views import View  # noqa: E402
from rest_framework import serializers  # noqa: E402
from rest_framework.validators import UniqueValidator  # noqa: E402

URLCONF = "djangoapp.behaviour_4xx"
# DRF's own defaults, not the guide's problem+json handler: the pages describe stock DRF.
STOCK_DRF = {}


@pytest.fixture(autouse=True)
def stock_urls():
    with override_settings(ROOT_URLCONF=URLCONF, REST_FRAMEWORK=STOCK_DRF):
        yield


# 400 Bad Request --------------------------------------------------------------------------


def test_400_a_host_outside_allowed_hosts_is_refused_by_common_middleware():
    response = Client().get("/4xx/get-only/", HTTP_HOST="evil.example")
    assert response.status_code == 400


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100)
def test_400_a_body_over_data_upload_max_memory_size():
    response = Client().post("/4xx/read-post/", "x=" + "a" * 200, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100)
def test_400_the_size_limit_only_applies_once_something_reads_the_body():
    response = Client().post("/4xx/ignore-body/", "x=" + "a" * 200, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200


@override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=3)
def test_400_more_fields_than_data_upload_max_number_fields():
    response = Client().post("/4xx/read-post/", {f"f{i}": "1" for i in range(5)})
    assert response.status_code == 400


def test_400_a_broken_multipart_body():
    response = Client().post(
        "/4xx/read-post/", b"not multipart at all", content_type="multipart/form-data; boundary="
    )
    assert response.status_code == 400


def test_400_django_validation_error_from_a_view_is_500_in_django_and_drf():
    client = Client(raise_request_exception=False)
    assert client.get("/4xx/django-validation-error/").status_code == 500
    assert client.get("/4xx/django-validation-error-api/").status_code == 500


# 403 Forbidden ----------------------------------------------------------------------------


def test_403_session_authentication_first_turns_not_authenticated_into_403():
    response = Client().get("/4xx/session-only/")
    assert response.status_code == 403
    assert "WWW-Authenticate" not in response.headers


def test_403_session_authentication_enforces_csrf_for_a_signed_in_user():
    user = User(username="minsu", pk=1)
    factory = RequestFactory()
    request = factory.post("/4xx/session-only/", {})
    request._dont_enforce_csrf_checks = False
    request.user = user  # SessionAuthentication reads the user Django's middleware set
    from djangoapp.behaviour_4xx import SessionOnly

    response = SessionOnly.as_view()(request)
    response.render()
    assert response.status_code == 403
    assert str(response.data["detail"]).startswith("CSRF Failed:")


class _NeedsPerm(PermissionRequiredMixin, View):
    permission_required = "books.delete_book"

    def get(self, request):
        return HttpResponse("ok")


def _user(signed_in: bool):
    if not signed_in:
        return AnonymousUser()
    return SimpleNamespace(is_authenticated=True, has_perms=lambda perms: False)


def test_403_permission_required_mixin_refuses_a_signed_in_user_and_redirects_an_anonymous_one():
    factory = RequestFactory()
    for signed_in, expected in ((True, 403), (False, 302)):
        request = factory.get("/x/")
        request.user = _user(signed_in)
        if expected == 403:
            with pytest.raises(django.core.exceptions.PermissionDenied):
                _NeedsPerm.as_view()(request)
        else:
            assert _NeedsPerm.as_view()(request).status_code == 302


def test_403_permission_required_decorator_redirects_unless_raise_exception():
    factory = RequestFactory()

    def view(request):
        return HttpResponse("ok")

    request = factory.get("/x/")
    request.user = _user(True)
    assert permission_required("books.delete_book")(view)(request).status_code == 302
    with pytest.raises(django.core.exceptions.PermissionDenied):
        permission_required("books.delete_book", raise_exception=True)(view)(request)


# 404 Not Found ----------------------------------------------------------------------------


def test_404_drf_format_suffix_without_a_renderer_is_404_not_406():
    response = Client().get("/4xx/json-only/?format=xml")
    assert response.status_code == 404


def test_404_drf_turns_an_http404_raised_in_an_api_view_into_404():
    assert Client().get("/4xx/drf-http404/").status_code == 404


def test_404_drf_details_a_missing_object_with_djangos_text_and_a_bad_lookup_with_not_found():
    # data/messages/drf.yaml ("Not found.") and django.yaml ("No ‹model› matches the given query.")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    missing = Client().get("/4xx/groups/42/")
    assert missing.status_code == 404 and missing.json() == {"detail": "No Group matches the given query."}
    wrong_type = Client().get("/4xx/groups/abc/")
    assert wrong_type.status_code == 404 and wrong_type.json() == {"detail": "Not found."}


# 405 Method Not Allowed -------------------------------------------------------------------


def test_405_require_get_also_refuses_head_and_sets_allow():
    response = Client().head("/4xx/get-only/")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET"


def test_405_a_class_based_view_without_the_handler_answers_405_with_allow():
    response = Client().delete("/4xx/get-only-cbv/")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_405_drf_api_view_sends_allow_on_every_response():
    client = Client()
    ok = client.get("/4xx/drf-get-only/")
    refused = client.delete("/4xx/drf-get-only/")
    assert ok.status_code == 200 and "GET" in ok.headers["Allow"]
    assert refused.status_code == 405 and "GET" in refused.headers["Allow"]


# 406 Not Acceptable -----------------------------------------------------------------------


def test_406_drf_refuses_an_accept_it_cannot_render_and_renders_the_error_as_json():
    response = Client().get("/4xx/json-only/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    assert response.headers["Content-Type"] == "application/json"
    assert "detail" in response.json()


# 408 Request Timeout / 426 Upgrade Required -----------------------------------------------


def _runserver_handler() -> ServerHandler:
    """The WSGI ServerHandler `runserver` uses, on in-memory streams."""
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "SERVER_NAME": "testserver", "SERVER_PORT": "80",
               "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http"}
    return ServerHandler(io.BytesIO(), io.BytesIO(), io.StringIO(), environ)


@pytest.mark.parametrize("header, value", [("Connection", "close"), ("Upgrade", "websocket")])
def test_408_426_runserver_refuses_hop_by_hop_headers_from_the_application(header, value):
    handler = _runserver_handler()
    with pytest.raises(AssertionError, match="Hop-by-hop"):
        handler.start_response("426 Upgrade Required", [(header, value), ("Content-Type", "text/plain")])
    # An ordinary header goes through, so the refusal is about the hop-by-hop field.
    _runserver_handler().start_response("426 Upgrade Required", [("Content-Type", "text/plain")])


def test_426_asgi_passes_upgrade_and_connection_through():
    messages = []

    sent_body = False

    async def receive():
        nonlocal sent_body
        if not sent_body:
            sent_body = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # the client stays connected

    async def send(message):
        messages.append(message)

    scope = {"type": "http", "method": "GET", "path": "/4xx/upgrade/", "query_string": b"",
             "headers": [(b"host", b"testserver")], "server": ("testserver", 80), "client": ("127.0.0.1", 1),
             "scheme": "http", "http_version": "1.1", "asgi": {"version": "3.0"}, "root_path": ""}
    with override_settings(ROOT_URLCONF="djangoapp.behaviour_4xx_asgi"):
        asyncrun.run(ASGIHandler()(scope, receive, send))
    start = messages[0]
    assert start["status"] == 426
    assert (b"Upgrade", b"websocket") in start["headers"]
    assert (b"Connection", b"Upgrade") in start["headers"]


# 411 Length Required ----------------------------------------------------------------------


def test_411_wsgi_request_without_content_length_reads_no_body():
    environ = RequestFactory().post("/4xx/read-body/", b"payload", content_type="application/octet-stream").environ
    del environ["CONTENT_LENGTH"]
    request = WSGIRequest(environ)
    assert request.body == b""


# 414 URI Too Long / 431 Request Header Fields Too Large (runserver) -----------------------


def _runserver_answer(raw: bytes) -> bytes:
    """Feeds raw bytes to the request handler `runserver` uses and returns its status line."""
    server_side, client_side = socket.socketpair()
    server = SimpleNamespace(get_app=lambda: None, base_environ={}, server_name="testserver", server_port=80)

    def serve():
        try:
            WSGIRequestHandler(server_side, ("127.0.0.1", 1), server)
        finally:
            server_side.close()

    thread = threading.Thread(target=serve)
    thread.start()
    client_side.sendall(raw)
    client_side.shutdown(socket.SHUT_WR)
    data = b""
    while chunk := client_side.recv(65536):
        data += chunk
    client_side.close()
    thread.join(timeout=10)
    return data.split(b"\r\n", 1)[0]


def test_414_runserver_answers_a_request_line_over_65536_bytes():
    line = b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: testserver\r\n\r\n"
    assert _runserver_answer(line).startswith(b"HTTP/1.1 414")


def test_431_runserver_answers_a_header_line_over_65536_bytes():
    raw = b"GET / HTTP/1.1\r\nHost: testserver\r\nCookie: " + b"a" * 70000 + b"\r\n\r\n"
    assert _runserver_answer(raw).startswith(b"HTTP/1.1 431")


def test_431_runserver_answers_more_than_100_header_fields():
    headers = b"".join(b"X-H%d: 1\r\n" % i for i in range(101))
    raw = b"GET / HTTP/1.1\r\nHost: testserver\r\n" + headers + b"\r\n"
    assert _runserver_answer(raw).startswith(b"HTTP/1.1 431")


# 409 Conflict -----------------------------------------------------------------------------


def test_409_model_serializer_reports_unique_fields_through_unique_validator():
    class UserSerializer(serializers.ModelSerializer):
        class Meta:
            model = User
            fields = ["username"]

    validators = UserSerializer().fields["username"].validators
    assert any(isinstance(v, UniqueValidator) for v in validators)


# 415 Unsupported Media Type ---------------------------------------------------------------


def test_415_drf_refuses_an_unparsed_content_type_without_an_accept_header():
    response = Client().post("/4xx/json-only/", "hello", content_type="text/plain")
    assert response.status_code == 415
    assert "Accept" not in response.headers


def test_415_a_drf_view_that_never_reads_request_data_never_raises_it():
    response = Client().post("/4xx/ignores-data/", "hello", content_type="text/plain")
    assert response.status_code == 200


def test_415_multipart_without_boundary_is_a_400_parse_error_in_drf():
    response = Client().post(
        "/4xx/default-parsers/", b"--x\r\n\r\n", content_type="multipart/form-data"
    )
    assert response.status_code == 400


# 428 Precondition Required ----------------------------------------------------------------


def test_428_etag_decorator_answers_412_on_a_wrong_if_match_but_lets_a_missing_one_through():
    client = Client()
    assert client.put("/4xx/article/", "x", HTTP_IF_MATCH='"v1"').status_code == 412
    assert client.put("/4xx/article/", "x").status_code == 200


# 429 Too Many Requests --------------------------------------------------------------------


def test_429_drf_throttled_sends_retry_after_in_seconds():
    response = Client().get("/4xx/throttled/")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "30"


def test_429_a_drf_throttle_class_answers_429_with_the_wait_in_retry_after():
    from django.core.cache import cache

    cache.clear()
    client = Client()
    assert client.get("/4xx/rate-limited/").status_code == 200
    response = client.get("/4xx/rate-limited/")
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 60
    cache.clear()


# 444 (nginx) ------------------------------------------------------------------------------


def test_444_django_sends_it_as_an_ordinary_response_with_unknown_status_code():
    response = Client().get("/4xx/status-444/")
    assert response.status_code == 444
    assert response.reason_phrase == "Unknown Status Code"


# 440 Login Timeout (Exchange) ------------------------------------------------------------


def test_440_login_required_redirects_a_signed_out_user_to_login_url_with_302():
    response = Client().get("/4xx/inbox/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/login/?next=/4xx/inbox/"


def test_the_asgi_url_module_answers_426_from_a_plain_view():
    # Guards the ASGI test above: the view itself sets the headers a WSGI server would refuse.
    from djangoapp.behaviour_4xx_asgi import upgrade_required

    response = upgrade_required(RequestFactory().get("/"))
    assert isinstance(response, JsonResponse) and response.status_code == 426
