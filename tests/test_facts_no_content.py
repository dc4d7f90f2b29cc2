"""A 204 from Django carries no Content-Length once the 204 page's middleware is in place.

RFC 9110 §8.6: "A server MUST NOT send a Content-Length header field in any response with a
status code of 1xx (Informational) or 204 (No Content)". Django's CommonMiddleware
(django/middleware/common.py) sets Content-Length on every non-streaming response."""

from __future__ import annotations

import os
import re

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.http import HttpResponse  # noqa: E402
from django.middleware.common import CommonMiddleware  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from conftest import real_registry  # noqa: E402


def _page_middleware(lang):
    how = real_registry().get(204).django.how[lang]
    code = next(b for b in re.findall(r"```python\n(.*?)```", how, flags=re.S) if "class DropContentLengthOn204" in b)
    namespace = {}
    exec(compile(code, f"204.django.how.{lang}", "exec"), namespace)  # the page's own code
    return namespace["DropContentLengthOn204"]


def _through(chain, status):
    view = lambda request: HttpResponse(status=status)  # noqa: E731
    return chain(view)(RequestFactory().delete("/books/42/"))


def test_common_middleware_adds_content_length_0_to_a_204():
    assert _through(CommonMiddleware, 204)["Content-Length"] == "0"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_204_pages_middleware_above_common_removes_it(lang):
    fix = _page_middleware(lang)
    response = _through(lambda view: fix(CommonMiddleware(view)), 204)
    assert response.status_code == 204 and "Content-Length" not in response
    other = _through(lambda view: fix(CommonMiddleware(view)), 200)
    assert other["Content-Length"] == "0"  # other statuses keep theirs
