"""Views and a URLconf for tests/test_django_behaviour_2xx_3xx_5xx.py: each view is the
smallest use of one Django or DRF feature that a code page (1xx, 2xx, 3xx, 5xx) says something about.

Tests select this URLconf with override_settings(ROOT_URLCONF="djangoapp.behaviour_2xx_3xx_5xx"), so the
handlers are Django's defaults, not the guide's problem+json ones."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import path
from django.views import View
from django.views.decorators.cache import cache_control
from django.views.generic import RedirectView
from rest_framework import generics, serializers
from rest_framework.exceptions import Throttled
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

BOOK = {"id": 42, "title": "HTTP Semantics", "url": "/ra/books/42/"}


class BookSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField()
    url = serializers.CharField(read_only=True)

    def create(self, validated_data):
        return {**BOOK, **validated_data}

    def update(self, instance, validated_data):
        return {**instance, **validated_data}


class NoAuth:
    authentication_classes: list = []
    permission_classes: list = []


class BookList(NoAuth, generics.ListCreateAPIView):
    serializer_class = BookSerializer

    def get_queryset(self):
        return [BOOK]


class BookDetail(NoAuth, generics.RetrieveUpdateDestroyAPIView):
    serializer_class = BookSerializer

    def get_object(self):
        return dict(BOOK)

    def perform_destroy(self, instance):
        pass


class PlainDrfView(NoAuth, APIView):
    def get(self, request):
        return Response({"ok": True})


class JsonOnlyView(NoAuth, APIView):
    renderer_classes = [JSONRenderer]

    def get(self, request):
        return Response({"title": "Getting started"})


class ThrottledView(NoAuth, APIView):
    def get(self, request):
        raise Throttled(wait=30)


class CrashingDrfView(NoAuth, APIView):
    def get(self, request):
        raise ValueError("not an APIException")


class GetOnlyView(View):
    def get(self, request):
        return HttpResponse("ok")


class LoginRequiredView(LoginRequiredMixin, View):
    def get(self, request):
        return HttpResponse("ok")


def any_method(request):
    return HttpResponse(request.method)


def no_content(request):
    return HttpResponse(status=204)


def plain(request):
    return HttpResponse("hello")


@cache_control(no_transform=True, max_age=3600)
def no_transform(request):
    return HttpResponse("photo")


def protocol(request):
    return JsonResponse({"protocol": request.META.get("SERVER_PROTOCOL")})


@login_required
def dashboard(request):
    return HttpResponse("ok")


def to_detail(request):
    return redirect("ra-book", permanent=True)


def to_detail_temporarily(request):
    return redirect("ra-book")


def preserve_temporary(request):
    return redirect("/ra/plain/", preserve_request=True)


def preserve_permanent(request):
    return redirect("ra-book", permanent=True, preserve_request=True)


urlpatterns = [
    path("ra/books/", BookList.as_view()),
    path("ra/books/42/", BookDetail.as_view(), name="ra-book"),
    path("ra/drf/", PlainDrfView.as_view()),
    path("ra/json-only/", JsonOnlyView.as_view()),
    path("ra/throttled/", ThrottledView.as_view()),
    path("ra/crash/", CrashingDrfView.as_view()),
    path("ra/get-only/", GetOnlyView.as_view()),
    path("ra/login-mixin/", LoginRequiredView.as_view()),
    path("ra/any-method/", any_method),
    path("ra/no-content/", no_content),
    path("ra/plain/", plain),
    path("ra/no-transform/", no_transform),
    path("ra/protocol/", protocol),
    path("ra/dashboard/", dashboard),
    path("ra/permanent/", to_detail),
    path("ra/temporary/", to_detail_temporarily),
    path("ra/preserve/", preserve_temporary),
    path("ra/preserve-permanent/", preserve_permanent),
    path("ra/redirect-view/", RedirectView.as_view(pattern_name="ra-book")),
    path("ra/redirect-view-permanent/", RedirectView.as_view(pattern_name="ra-book", permanent=True)),
    *i18n_patterns(path("ra/localized/", plain)),
]
