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

from django.http import HttpResponse  # noqa: E402
from django.middleware.csrf import get_token  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.http import require_http_methods  # noqa: E402

from conftest import real_registry  # noqa: E402


def token(request):
    get_token(request)  # sets the csrftoken cookie, as any page with a form does
    return HttpResponse("ok")


@require_http_methods(["POST", "DELETE"])
def change(request):
    return HttpResponse(status=204)


urlpatterns = [path("token/", token), path("change/", change)]

# Pages whose Django section is a plain Django view and whose fetch changes state (review F4 and
# its siblings). Not here: pages whose Django section shows no view (417, 422, 425, 100), whose
# fetch posts a Django form's own FormData with its csrfmiddlewaretoken (205, 303), the upload
# protocol client (104), and 500, whose snippet passes a `headers` object built elsewhere.
PLAIN_VIEW_PAGES = (102, 201, 202, 204, 307, 308, 408, 411, 412, 418, 423, 424, 428, 507, 524)


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize("method", ["post", "delete"])
def test_an_unsafe_fetch_to_a_django_view_needs_the_csrf_header(method):
    client = Client(enforce_csrf_checks=True)  # what a browser gets: no test-client exemption
    client.get("/token/")
    assert getattr(client, method)("/change/").status_code == 403
    header = client.cookies["csrftoken"].value
    assert getattr(client, method)("/change/", HTTP_X_CSRFTOKEN=header).status_code == 204


@pytest.mark.parametrize("code", PLAIN_VIEW_PAGES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_pages_unsafe_fetches_send_the_csrf_header(code, lang):
    js = "".join(re.findall(r"```js\n(.*?)```", real_registry().get(code).frontend[lang], flags=re.S))
    unsafe = [m for m in re.finditer(r'method: "(POST|PUT|PATCH|DELETE)"', js)]
    assert unsafe, f"{code}: no unsafe fetch left to check"
    for m in unsafe:
        call = js[max(0, js.rfind("fetch(", 0, m.start()), js.rfind("api(", 0, m.start())):js.find("});", m.end())]
        assert '"X-CSRFToken": getCookie("csrftoken")' in call, f"{code}.frontend.{lang}: {call!r}"
