"""What the 509 page says about DRF throttling, run against DRF (pinned version).

`throttle_scope` is read only by `ScopedRateThrottle`; DRF's `DEFAULT_THROTTLE_CLASSES` is
empty, so a scope alone throttles nothing. With the class and a rate, the request over the
limit is 429 with `Retry-After`; with the class and no rate, `ImproperlyConfigured`."""

from __future__ import annotations

import os
import re

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.exceptions import ImproperlyConfigured  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from rest_framework.response import Response  # noqa: E402
from rest_framework.throttling import ScopedRateThrottle  # noqa: E402
from rest_framework.views import APIView  # noqa: E402

from conftest import real_registry  # noqa: E402


class ScopeOnly(APIView):
    throttle_scope = "exports"

    def get(self, request):
        return Response({"ok": True})


class ScopedAndEnabled(ScopeOnly):
    throttle_classes = [ScopedRateThrottle]


def _statuses(view, n):
    cache.clear()
    request = RequestFactory().get("/export/", REMOTE_ADDR="203.0.113.7")
    return [view.as_view()(request) for _ in range(n)]


def test_a_scope_alone_never_throttles():
    assert {r.status_code for r in _statuses(ScopeOnly, 20)} == {200}


def test_the_scoped_throttle_with_a_rate_answers_429_with_retry_after(monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"exports": "2/hour"})
    responses = _statuses(ScopedAndEnabled, 3)
    assert [r.status_code for r in responses] == [200, 200, 429]
    assert int(responses[-1].headers["Retry-After"]) > 0


def test_the_scoped_throttle_without_a_rate_is_a_configuration_error(monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {})
    with pytest.raises(ImproperlyConfigured, match="exports"):
        _statuses(ScopedAndEnabled, 1)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_509_snippet_turns_the_scoped_throttle_on(lang):
    how = real_registry().get(509).django.how[lang]
    if "throttle_scope" in how:
        assert "throttle_classes = [ScopedRateThrottle]" in how
        assert re.search(r"DEFAULT_THROTTLE_RATES.*\"exports\"", how)
