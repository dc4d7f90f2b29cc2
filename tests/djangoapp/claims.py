"""Views that exercise one Django or DRF built-in each, named by its dotted path, so a test
can check the status code a code page claims it produces."""

from __future__ import annotations

import datetime
import importlib

from django.http import HttpResponse, HttpResponseBase
from django.views.decorators.csrf import csrf_exempt
from rest_framework.authentication import BasicAuthentication
from rest_framework.views import APIView

# Constructor arguments for response classes that need them.
RESPONSE_ARGS = {
    "HttpResponseNotAllowed": (["GET"],),
    "HttpResponseRedirect": ("/elsewhere/",),
    "HttpResponsePermanentRedirect": ("/elsewhere/",),
}
# Exceptions whose constructor needs an argument.
EXCEPTION_ARGS = {
    "MethodNotAllowed": ("DELETE",),
    "UnsupportedMediaType": ("text/plain",),
}
# Which request method each decorator refuses, and the argument it takes.
DECORATORS = {
    "require_http_methods": ("POST", (["GET"],)),
    "require_GET": ("POST", ()),
    "require_POST": ("GET", ()),
    "require_safe": ("POST", ()),
}


# The conditional-request decorators: each given a validator for the resource, and per code the
# request that gets it: a PUT whose precondition is stale (412), a GET whose copy is current (304).
_CHANGED = datetime.datetime(2026, 1, 2, tzinfo=datetime.timezone.utc)
_SINCE = {"HTTP_IF_UNMODIFIED_SINCE": "Thu, 01 Jan 2026 00:00:00 GMT"}
CONDITIONAL = {
    "condition": ({"etag_func": lambda request: '"2"'},
                  {412: ("PUT", {"HTTP_IF_MATCH": '"1"'}), 304: ("GET", {"HTTP_IF_NONE_MATCH": '"2"'})}),
    "etag": ((lambda request: '"2"',),
             {412: ("PUT", {"HTTP_IF_MATCH": '"1"'}), 304: ("GET", {"HTTP_IF_NONE_MATCH": '"2"'})}),
    "last_modified": ((lambda request: _CHANGED,),
                      {412: ("PUT", _SINCE), 304: ("GET", {"HTTP_IF_MODIFIED_SINCE": "Fri, 02 Jan 2026 00:00:00 GMT"})}),
}


def resolve(dotted: str):
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def kind(dotted: str) -> str:
    obj = resolve(dotted)
    name = dotted.rpartition(".")[2]
    if isinstance(obj, type) and issubclass(obj, HttpResponseBase):
        return "response"
    if isinstance(obj, type) and issubclass(obj, Exception):
        return "drf-exception" if dotted.startswith("rest_framework.") else "exception"
    if dotted.startswith("django.views.decorators.http.") and name in DECORATORS:
        return "decorator"
    if dotted.startswith("django.views.decorators.http.") and name in CONDITIONAL:
        return "conditional"
    if dotted == "django.middleware.csrf.CsrfViewMiddleware":
        return "csrf"
    raise ValueError(f"the test suite does not know how to check {dotted}")


def make_response(dotted: str) -> HttpResponseBase:
    cls = resolve(dotted)
    return cls(*RESPONSE_ARGS.get(cls.__name__, ()))


def _exception(dotted: str) -> Exception:
    cls = resolve(dotted)
    return cls(*EXCEPTION_ARGS.get(cls.__name__, ()))


def raise_view(request, dotted):
    raise _exception(dotted)


class RaiseInApi(APIView):
    # BasicAuthentication sends WWW-Authenticate, so DRF keeps 401 for auth failures.
    authentication_classes = [BasicAuthentication]
    permission_classes = []

    def get(self, request, dotted):
        raise _exception(dotted)


def decorated_view(request, dotted):
    name = dotted.rpartition(".")[2]
    _, args = DECORATORS[name]
    decorator = resolve(dotted)(*args) if args else resolve(dotted)
    return csrf_exempt(decorator(lambda request: HttpResponse("ok")))(request)


def conditional_view(request, dotted):
    args, _ = CONDITIONAL[dotted.rpartition(".")[2]]
    decorator = resolve(dotted)(**args) if isinstance(args, dict) else resolve(dotted)(*args)
    return csrf_exempt(decorator(lambda request: HttpResponse("ok")))(request)


def csrf_protected(request):
    return HttpResponse("ok")
