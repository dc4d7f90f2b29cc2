"""CSRF on the pages that pair a plain Django view with a `fetch` that changes state.

Django's CsrfViewMiddleware (django/middleware/csrf.py) refuses an unsafe request to a
non-exempt view without the token (403) and lets it through with the `csrftoken` cookie's
value in `X-CSRFToken`; DRF's APIView.as_view() wraps the view in csrf_exempt and checks CSRF
again only in SessionAuthentication (rest_framework/views.py, authentication.py)."""

from __future__ import annotations

import os
import re

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.middleware.csrf import get_token  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.http import require_http_methods  # noqa: E402

from rest_framework.authentication import SessionAuthentication  # noqa: E402
from rest_framework.response import Response  # noqa: E402
from rest_framework.views import APIView  # noqa: E402

from conftest import real_registry  # noqa: E402


def token(request):
    get_token(request)  # sets the csrftoken cookie, as any page with a form does
    return HttpResponse("ok")


@require_http_methods(["POST", "DELETE"])
def change(request):
    return HttpResponse(status=204)


urlpatterns = [path("token/", token), path("change/", change)]

# Pages whose Django section is a plain Django view, or shows none, and whose fetch changes state
# (review F4 and its siblings; 417, 425 and 501 since an audit on 2026-12-06). Not here: pages
# whose Django section shows no view and whose fetch is not the point (422's is in
# DRF_VIEW_PAGES, 100), the fetch that posts a Django form's own FormData with its
# csrfmiddlewaretoken (205), the upload protocol client (104), and 500, whose snippet passes a
# `headers` object built elsewhere.
PLAIN_VIEW_PAGES = (102, 201, 202, 204, 303, 307, 308, 400, 405, 408, 411, 412, 417, 418, 423, 424, 425, 428, 501, 507, 524)
# Pages whose Django section is a DRF view: DRF checks CSRF for a user signed in with a session
# (SessionAuthentication, DRF's default), so their fetches send the token too.
DRF_VIEW_PAGES = (207, 402, 409, 413, 414, 415, 422, 504)


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize("method", ["post", "delete"])
def test_an_unsafe_fetch_to_a_django_view_needs_the_csrf_header(method):
    client = Client(enforce_csrf_checks=True)  # what a browser gets: no test-client exemption
    client.get("/token/")
    assert getattr(client, method)("/change/").status_code == 403
    header = client.cookies["csrftoken"].value
    assert getattr(client, method)("/change/", HTTP_X_CSRFTOKEN=header).status_code == 204


@override_settings(ROOT_URLCONF=__name__)
def test_the_csrf_check_answers_before_a_views_405():
    client = Client(enforce_csrf_checks=True)
    client.get("/token/")
    assert client.put("/change/").status_code == 403  # change() allows POST and DELETE only
    assert client.put("/change/", HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value).status_code == 405


class SignedInOnly(APIView):
    authentication_classes = [SessionAuthentication]

    def post(self, request):
        return Response({"user": request.user.username})


urlpatterns.append(path("api/", SignedInOnly.as_view()))


@override_settings(ROOT_URLCONF=__name__)
def test_drf_checks_csrf_for_a_session_user_only():
    call_command("migrate", verbosity=0)  # the tests' database, in memory: the users' table
    client = Client(enforce_csrf_checks=True)
    client.get("/token/")
    assert client.post("/api/").json() == {"user": ""}  # anonymous: DRF does not check the token
    client.force_login(get_user_model().objects.get_or_create(username="csrf-reader")[0])
    answer = client.post("/api/")
    assert answer.status_code == 403 and answer.json()["detail"] == "CSRF Failed: CSRF token missing."
    answer = client.post("/api/", HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert answer.status_code == 200 and answer.json() == {"user": "csrf-reader"}


@pytest.mark.parametrize("code", PLAIN_VIEW_PAGES + DRF_VIEW_PAGES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_pages_unsafe_fetches_send_the_csrf_header(code, lang):
    js = "".join(re.findall(r"```js\n(.*?)```", real_registry().get(code).frontend[lang], flags=re.S))
    js = re.sub(r"^\s*//.*$", "", js, flags=re.M)  # a commented-out call shows what not to send
    unsafe = [m for m in re.finditer(r'method: "(?!(?:GET|HEAD|OPTIONS|TRACE)")[A-Z]+"', js)]  # Django's unsafe methods: all but these four
    assert unsafe, f"{code}: no unsafe fetch left to check"
    for m in unsafe:
        if js.rfind("new Request(", 0, m.start()) > js.rfind("fetch(", 0, m.start()):
            continue  # a Request built to test what the browser supports (411), never sent
        call = js[max(0, js.rfind("fetch(", 0, m.start()), js.rfind("api(", 0, m.start())):js.find("});", m.end())]
        # The snippets are functions (tests/test_snippets.py: no name they do not define), so the
        # token is the function's parameter, which the caller reads from the csrftoken cookie.
        function = js[js.rfind("function ", 0, m.start()):]
        signature = function[:function.find("{", function.find(")"))]
        assert '"X-CSRFToken": csrfToken' in call, f"{code}.frontend.{lang}: {call!r}"
        assert "csrfToken" in signature, f"{code}.frontend.{lang}: {signature!r} does not take csrfToken"


@override_settings(ROOT_URLCONF=__name__)
def test_a_session_users_unparsable_body_is_415_before_the_view_reads_it():
    """415's page: SessionAuthentication's CSRF check parses the body (DRF's Request.POST), so a
    signed-in user's text/plain POST is refused even though SignedInOnly never reads request.data."""
    call_command("migrate", verbosity=0)
    client = Client(enforce_csrf_checks=True)
    token = client.get("/token/").cookies["csrftoken"].value
    assert client.post("/api/", "hi", content_type="text/plain", HTTP_X_CSRFTOKEN=token).status_code == 200
    client.force_login(get_user_model().objects.get_or_create(username="csrf-reader")[0])
    token = client.cookies["csrftoken"].value
    assert client.post("/api/", "hi", content_type="text/plain", HTTP_X_CSRFTOKEN=token).status_code == 415
