"""The 425 page's middleware, run as written, against RFC 8470.

RFC 8470 §5.1: "Multiple or invalid instances of the header field MUST be treated as equivalent
to a single instance with a value of 1 by a server", and a request marked with Early-Data that
cannot be safely processed MUST be rejected with 425. Repeated headers reach Django joined with
"," (django/core/handlers/asgi.py), so the test sends "1,1" as Django would see it."""

from __future__ import annotations

import os
import re

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from conftest import real_registry  # noqa: E402


def _page_middleware(lang):
    how = real_registry().get(425).django.how[lang]
    code = re.search(r"```python\n(.*?)```", how, flags=re.S).group(1)
    namespace = {}
    exec(compile(code, f"425.django.how.{lang}", "exec"), namespace)  # the page's own code
    return namespace["reject_early_data"](lambda request: HttpResponse("done"))


CASES = [
    ("post", {"HTTP_EARLY_DATA": "1"}, 425),
    ("post", {"HTTP_EARLY_DATA": "1,1"}, 425),  # repeated header, joined by Django
    ("post", {"HTTP_EARLY_DATA": "true"}, 425),  # invalid value
    ("post", {"HTTP_EARLY_DATA": ""}, 425),  # present but empty: invalid, so 1
    ("post", {}, 200),  # not early data
    ("get", {"HTTP_EARLY_DATA": "1"}, 200),  # safe method: fine to replay
]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("method, headers, status", CASES, ids=[f"{m}-{h}" for m, h, _ in CASES])
def test_the_425_middleware_follows_rfc_8470(lang, method, headers, status):
    middleware = _page_middleware(lang)
    request = getattr(RequestFactory(), method)("/orders/", **headers)
    assert middleware(request).status_code == status
