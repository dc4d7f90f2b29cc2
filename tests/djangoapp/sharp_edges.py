"""Views and middleware for what the code pages say Django and DRF do beyond `django.produces`:
the sharp edges a reader would otherwise find in production (tests/test_django_claims.py)."""

from __future__ import annotations

from django import forms
from django.http import HttpResponse
from django.utils.module_loading import import_string
from django.views.decorators.http import condition, etag
from django.views.generic.edit import FormView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import DEFAULTS
from rest_framework.views import APIView

BODY = "hello, conditional world"


# 304 page: @etag/@condition answer 304 themselves, and CommonMiddleware then adds the
# Content-Length of that empty 304 (0), which is not the 200's length (RFC 9110 §8.6).
@etag(lambda request: '"v1"')
def etag_view(request):
    return HttpResponse(BODY)


@condition(etag_func=lambda request: '"v1"')
def condition_view(request):
    return HttpResponse(BODY)


# The fix the 304 page shows, verbatim (the test checks that the page prints this class).
class DropContentLengthOn304:
    """List it above CommonMiddleware, so it sees the response after CommonMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 304:
            del response["Content-Length"]  # 0 is not the 200's length (RFC 9110 §8.6)
        return response


# 422 page and the Django guide: an invalid form is rendered again with 200.
class TitleForm(forms.Form):
    title = forms.CharField()


class TitleFormView(FormView):
    form_class = TitleForm
    template_name = "title_form.html"
    success_url = "/done/"


# 401 page: DRF out of the box (its own default authentication and permission classes).
def _defaults(setting: str) -> list:
    return [import_string(path) for path in DEFAULTS[setting]]


class OutOfTheBoxAPI(APIView):
    authentication_classes = _defaults("DEFAULT_AUTHENTICATION_CLASSES")
    permission_classes = _defaults("DEFAULT_PERMISSION_CLASSES")

    def get(self, request):
        return Response({"user": str(request.user)})


class SignedInOnlyAPI(OutOfTheBoxAPI):
    permission_classes = [IsAuthenticated]
