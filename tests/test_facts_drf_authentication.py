"""What the 401 page says about where DRF's 401 comes from, run against DRF (pinned version).

`NotAuthenticated` comes from a permission class refusing an anonymous request
(rest_framework/views.py `permission_denied`); `AuthenticationFailed` is raised by the
authentication class itself (authentication.py, e.g. TokenAuthentication "Invalid token.")
inside `APIView.initial()` before permissions are checked, so `AllowAny` does not help. The
first authentication class decides 401 (it has a `WWW-Authenticate` value) or 403."""

from __future__ import annotations

import os

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.test import RequestFactory, override_settings  # noqa: E402
from rest_framework.authentication import (  # noqa: E402
    BasicAuthentication,
    SessionAuthentication,
    TokenAuthentication,
)
from rest_framework.permissions import AllowAny  # noqa: E402
from rest_framework.response import Response  # noqa: E402
from rest_framework.views import APIView  # noqa: E402

from conftest import real_registry  # noqa: E402


class _NoTokens:
    """Stands in for rest_framework.authtoken's Token model (not installed here): no token
    exists, so DRF's own TokenAuthentication.authenticate_credentials takes its
    DoesNotExist branch."""

    class DoesNotExist(Exception):
        pass

    class objects:  # noqa: N801 - the manager's name on a model
        @staticmethod
        def select_related(*_):
            return _NoTokens.objects

        @staticmethod
        def get(**_):
            raise _NoTokens.DoesNotExist


class StoredTokens(TokenAuthentication):
    def get_model(self):
        return _NoTokens


def _public(authentication_classes):
    class Public(APIView):
        permission_classes = [AllowAny]

        def get(self, request):
            return Response({"ok": True})

    Public.authentication_classes = authentication_classes
    return Public.as_view()


def _get(view, **headers):
    return view(RequestFactory().get("/public/", **headers))


def test_a_public_view_lets_a_request_without_credentials_through():
    assert _get(_public([StoredTokens])).status_code == 200


def test_a_wrong_token_is_refused_even_on_a_public_view():
    response = _get(_public([StoredTokens]), HTTP_AUTHORIZATION="Token not-a-real-token")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Token"


class RejectEveryone:
    """An authentication backend that knows no user, so no database is needed."""

    def authenticate(self, request, **credentials):
        return None


@override_settings(AUTHENTICATION_BACKENDS=[f"{__name__}.RejectEveryone"])
def test_wrong_basic_credentials_are_refused_even_on_a_public_view():
    response = _get(_public([BasicAuthentication]), HTTP_AUTHORIZATION="Basic bm9ib2R5Ondyb25n")
    assert response.status_code == 401


def test_with_session_authentication_first_the_same_wrong_token_is_403():
    response = _get(_public([SessionAuthentication, StoredTokens]), HTTP_AUTHORIZATION="Token nope")
    assert response.status_code == 403
    assert "WWW-Authenticate" not in response.headers


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_401_page_says_authentication_failed_is_raised_before_permissions(lang):
    how = real_registry().get(401).django.how[lang]
    assert "AllowAny" in how and "AuthenticationFailed" in how
    words = ("권한 검사보다 먼저", "공개 엔드포인트라도") if lang == "ko" else ("before any permission check", "even a public")
    for phrase in words:
        assert phrase in how, f"401.django.how.{lang} lacks {phrase!r}"
