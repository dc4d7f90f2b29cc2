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
from statuscodes.loader import load_registry  # noqa: E402

CLAIMS = [(c.code, name) for c in load_registry().codes if c.django for name in c.django.produces]


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
