"""Django behaviour the 400 and 410 pages describe, run against the pinned Django.

- 400: MultiPartParser (django/http/multipartparser.py) raises MultiPartParserError, which the
  handler turns into 400, for a bad Content-Type boundary or length, and for a part whose headers
  do not end within 1,024 bytes; a body that otherwise fails to follow its boundary is parsed as
  far as it goes and the view sees empty or partial `request.POST`.
- 410: RedirectView.get() (django/views/generic/base.py) returns HttpResponseGone when
  get_redirect_url() is None, e.g. RedirectView.as_view(url=None)."""

from __future__ import annotations

import os

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.http import JsonResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.generic.base import RedirectView  # noqa: E402

from conftest import real_registry  # noqa: E402


def count_fields(request):
    return JsonResponse({"fields": sorted(request.POST)})


urlpatterns = [path("form/", count_fields), path("old-campaign/", RedirectView.as_view(url=None))]


def _post_multipart(content_type, body):
    with override_settings(ROOT_URLCONF=__name__):
        return Client().generic("POST", "/form/", body, content_type=content_type)


@pytest.mark.parametrize(
    "content_type, body, status",
    [
        ("multipart/form-data; boundary=xyz", b"garbage", 200),  # not a multipart body at all
        ("multipart/form-data; boundary=xyz", b'--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1', 200),
        ("multipart/form-data", b"garbage", 400),  # no boundary
        ("multipart/form-data; boundary=", b"garbage", 400),  # empty boundary
        # A part's headers must end within 1,024 bytes (MAX_TOTAL_HEADER_SIZE): a longer run of
        # bytes without the blank line is "Request max total header size exceeded."
        ("multipart/form-data; boundary=xyz", b"x" * 2000, 400),
        ("multipart/form-data; boundary=xyz", b"--xyz\r\nX-Long: " + b"y" * 1100 + b"\r\n\r\nv\r\n--xyz--\r\n", 400),
    ],
    ids=["garbage-body", "no-closing-delimiter", "no-boundary", "empty-boundary", "long-garbage", "long-part-headers"],
)
def test_which_broken_multipart_bodies_django_answers_with_400(content_type, body, status):
    assert _post_multipart(content_type, body).status_code == status


def test_retiring_a_url_with_redirectview_url_none_answers_410():
    with override_settings(ROOT_URLCONF=__name__):
        assert Client().get("/old-campaign/").status_code == 410


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_410_page_names_both_builtin_sources(lang):
    how = real_registry().get(410).django.how[lang]
    assert "RedirectView.as_view(url=None)" in how and "RedirectFallbackMiddleware" in how


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_400_page_does_not_say_every_broken_multipart_body_is_400(lang):
    how = real_registry().get(400).django.how[lang]
    assert "깨진 multipart 본문" not in how and "broken multipart" not in how
    assert "boundary" in how
    assert "1,024" in how and "MultiPartParserError" in how  # the exception to "not a 400"
