"""Views for tests/test_django_behaviour_4xx.py: each one exercises a Django or DRF behaviour
that a 4xx code page describes in prose (not a `django.produces` entry), so the claim can be run.

The URLconf at the bottom includes the project's own, and the tests switch to it with
override_settings(ROOT_URLCONF=...)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import include, path
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import etag, require_GET
from django.contrib.auth.models import Group
from rest_framework import generics, serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import Throttled
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import AnonRateThrottle
from rest_framework.response import Response
from rest_framework.views import APIView


@csrf_exempt
def read_post(request):
    """Reads request.POST, as a form view does (400 pages: size and field limits, multipart)."""
    return JsonResponse({"fields": len(request.POST)})


@csrf_exempt
def ignore_body(request):
    """Never touches the body, so Django's upload limits are never checked (400 page)."""
    return HttpResponse("ok")


@csrf_exempt
def read_body(request):
    """Returns the number of body bytes Django handed to the view (411 page)."""
    return JsonResponse({"length": len(request.body)})


def raise_django_validation_error(request):
    raise ValidationError("not valid")


class Open:
    """No authentication or permission classes: the views below show what DRF itself answers."""
    authentication_classes = []
    permission_classes = []


class DjangoValidationErrorInApi(Open, APIView):
    def get(self, request):
        raise ValidationError("not valid")


@require_GET
def get_only(request):
    return HttpResponse("ok")


class GetOnlyView(View):
    def get(self, request):
        return HttpResponse("ok")


class DrfGetOnly(Open, APIView):
    def get(self, request):
        return Response({"ok": True})


class JsonOnly(Open, APIView):
    """One renderer, one parser: what the 406 and 415 pages show."""

    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]

    def get(self, request):
        return Response({"ok": True})

    def post(self, request):
        return Response({"received": request.data})


class DefaultParsers(Open, APIView):
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def post(self, request):
        return Response({"keys": sorted(request.data.keys())})


class RaisesHttp404(Open, APIView):
    def get(self, request):
        raise Http404


class IgnoresData(Open, APIView):
    parser_classes = [JSONParser]

    def post(self, request):
        return Response({"ok": True})


@login_required
def inbox(request):
    return HttpResponse("inbox")


class SessionOnly(APIView):
    """SessionAuthentication first: no WWW-Authenticate, so DRF answers 403 (403 page)."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"ok": True})

    def post(self, request):
        return Response({"ok": True})


class ThrottledView(Open, APIView):
    def get(self, request):
        raise Throttled(wait=30)


class OncePerMinute(AnonRateThrottle):
    rate = "1/minute"
    scope = "behaviour-4xx"


class RateLimited(Open, APIView):
    throttle_classes = [OncePerMinute]

    def get(self, request):
        return Response({"ok": True})


def _article_etag(request):
    return '"v2"'


@csrf_exempt
@etag(_article_etag)
def article(request):
    return HttpResponse("saved")


def status_444(request):
    return HttpResponse(status=444)


class GroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = Group
        fields = ["id", "name"]


class GroupDetail(Open, generics.RetrieveAPIView):
    """Stock DRF's detail view: its 404 bodies (data/messages/drf.yaml, django.yaml)."""
    queryset = Group.objects.all()
    serializer_class = GroupSerializer


urlpatterns = [
    path("4xx/read-post/", read_post),
    path("4xx/read-body/", read_body),
    path("4xx/ignore-body/", ignore_body),
    path("4xx/rate-limited/", RateLimited.as_view()),
    path("4xx/django-validation-error/", raise_django_validation_error),
    path("4xx/django-validation-error-api/", DjangoValidationErrorInApi.as_view()),
    path("4xx/get-only/", get_only),
    path("4xx/get-only-cbv/", GetOnlyView.as_view()),
    path("4xx/drf-get-only/", DrfGetOnly.as_view()),
    path("4xx/json-only/", JsonOnly.as_view()),
    path("4xx/default-parsers/", DefaultParsers.as_view()),
    path("4xx/session-only/", SessionOnly.as_view()),
    path("4xx/drf-http404/", RaisesHttp404.as_view()),
    path("4xx/groups/<str:pk>/", GroupDetail.as_view()),
    path("4xx/ignores-data/", IgnoresData.as_view()),
    path("4xx/inbox/", inbox),
    path("4xx/throttled/", ThrottledView.as_view()),
    path("4xx/article/", article),
    path("4xx/status-444/", status_444),
    path("", include("djangoapp.urls")),
]
