"""Every built-in a code page lists under "Sending it from Django" really produces that code.

The pages render `django.produces` from the data; this test runs each entry in a small Django
project (tests/djangoapp), so a page cannot claim what Django or DRF does not do."""

from __future__ import annotations

import os

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.test import Client  # noqa: E402

from djangoapp import claims  # noqa: E402
from conftest import real_registry  # noqa: E402

CLAIMS = [(c.code, name) for c in real_registry().codes if c.django for name in c.django.produces]


def test_there_are_claims_to_check():
    assert len(CLAIMS) >= 20


@pytest.mark.parametrize("code, dotted", CLAIMS, ids=[f"{c}-{n}" for c, n in CLAIMS])
def test_claim_produces_the_code(code, dotted):
    kind = claims.kind(dotted)
    if kind == "response":
        response = claims.make_response(dotted)
    elif kind == "exception":
        response = Client().get(f"/claim/raise/{dotted}/")
    elif kind == "drf-exception":
        response = Client().get(f"/claim/drf/{dotted}/")
    elif kind == "decorator":
        method, _ = claims.DECORATORS[dotted.rpartition(".")[2]]
        response = getattr(Client(), method.lower())(f"/claim/decorated/{dotted}/")
    elif kind == "conditional":  # a stale PUT (412) or a current GET (304)
        method, headers = claims.CONDITIONAL[dotted.rpartition(".")[2]][1][code]
        response = getattr(Client(), method.lower())(f"/claim/conditional/{dotted}/", **headers)
    else:  # csrf
        response = Client(enforce_csrf_checks=True).post("/claim/csrf/", {"x": "1"})
    assert response.status_code == code, f"{dotted} produced {response.status_code}, the {code} page says {code}"
    if code == 405:
        assert response.headers.get("Allow"), f"{dotted}: a 405 must carry Allow (RFC 9110 §15.5.6)"
    if code == 401:
        assert response.headers.get("WWW-Authenticate"), f"{dotted}: a 401 must carry WWW-Authenticate"
    if code in (301, 302):
        assert response.headers.get("Location") == "/elsewhere/"


def test_an_unknown_kind_of_claim_is_refused():
    with pytest.raises(ValueError, match="does not know how to check"):
        claims.kind("django.utils.timezone.now")


# --- Sharp edges the pages describe beyond django.produces (djangoapp/sharp_edges.py) -------

import ast  # noqa: E402
import inspect  # noqa: E402
import re  # noqa: E402
import textwrap  # noqa: E402

from django.conf import settings  # noqa: E402
from django.test import override_settings  # noqa: E402

from djangoapp import sharp_edges  # noqa: E402

FIX = "djangoapp.sharp_edges.DropContentLengthOn304"
COMMON = "django.middleware.common.CommonMiddleware"


def _above_common(middleware: str) -> list[str]:
    chain = list(settings.MIDDLEWARE)
    return chain[: chain.index(COMMON)] + [middleware] + chain[chain.index(COMMON):]


@pytest.mark.parametrize("path", ["/edge/etag/", "/edge/condition/"])
def test_a_decorator_304_leaves_common_middleware_with_content_length_0(path):
    full = Client().get(path)
    assert full.status_code == 200 and full["Content-Length"] == str(len(sharp_edges.BODY))
    not_modified = Client().get(path, HTTP_IF_NONE_MATCH=full["ETag"])
    assert not_modified.status_code == 304
    # RFC 9110 §8.6: only the 200's length may be sent; the 304 page says this one is wrong.
    assert not_modified["Content-Length"] == "0"


@pytest.mark.parametrize("path", ["/edge/etag/", "/edge/condition/"])
def test_the_304_pages_fix_removes_that_content_length(path):
    with override_settings(MIDDLEWARE=_above_common(FIX)):
        full = Client().get(path)
        not_modified = Client().get(path, HTTP_IF_NONE_MATCH=full["ETag"])
    assert full["Content-Length"] == str(len(sharp_edges.BODY))
    assert not_modified.status_code == 304
    assert "Content-Length" not in not_modified.headers
    assert not_modified["ETag"] == full["ETag"]


def test_conditional_get_middleware_above_common_sends_no_content_length():
    with override_settings(MIDDLEWARE=_above_common("django.middleware.http.ConditionalGetMiddleware")):
        full = Client().get("/api/books/")
        not_modified = Client().get("/api/books/", HTTP_IF_NONE_MATCH=full["ETag"])
    assert not_modified.status_code == 304
    assert "Content-Length" not in not_modified.headers


def _code(source: str) -> str:
    """The class as Python sees it: comments and docstrings (which a page translates) dropped."""
    tree = ast.parse(textwrap.dedent(source))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            node.body = body[1:]
    return ast.dump(tree)


def test_the_304_page_prints_the_fix_the_tests_run(registry):
    expected = _code(inspect.getsource(sharp_edges.DropContentLengthOn304))
    for lang in ("ko", "en"):
        blocks = re.findall(r"```python\n(.*?)```", registry.get(304).django.how[lang], re.S)
        shown = [b for b in blocks if "class DropContentLengthOn304" in b]
        assert shown and _code(shown[0]) == expected, f"304 django.how.{lang} shows another fix"


LOCMEM_TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", {"title_form.html": "{{ form }}"})]},
}]


@override_settings(TEMPLATES=LOCMEM_TEMPLATES)
def test_an_invalid_django_form_is_rendered_again_with_200():
    # The 422 page and the Django guide: FormView.form_invalid() does not answer 400.
    response = Client().post("/edge/form/", {"title": ""})
    assert response.status_code == 200
    assert response.context_data["form"].errors["title"]
    assert Client().post("/edge/form/", {"title": "Dune"}).status_code == 302


def test_drf_out_of_the_box_lets_an_anonymous_request_through():
    # The 401 page: AllowAny is DRF's default permission, so nothing refuses the request.
    response = Client().get("/edge/drf/open/")
    assert response.status_code == 200
    assert response.json() == {"user": "AnonymousUser"}


def test_drf_refuses_an_anonymous_request_with_403_when_session_auth_comes_first():
    response = Client().get("/edge/drf/signed-in/")
    assert response.status_code == 403
    assert "WWW-Authenticate" not in response.headers
