"""Run the installed Django on the situations whose texts data/messages/django.yaml quotes, and
print, as JSON, every log message and response body it produced (tests/test_messages.py).

A process of its own: it configures Django with its defaults (the stock CSRF failure page, no
404.html or 500.html), which the other tests' project does not keep."""

from __future__ import annotations

import json
import logging

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="tests-only-not-secret",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=["django.middleware.common.CommonMiddleware", "django.middleware.csrf.CsrfViewMiddleware"],
    INSTALLED_APPS=[],
    LOGGING_CONFIG=None,
)
django.setup()

from django.core.exceptions import PermissionDenied  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from django.views import View  # noqa: E402


class OnlyGet(View):
    def get(self, request):
        return HttpResponse("ok")


def denied(request):
    raise PermissionDenied


def boom(request):
    raise RuntimeError("boom")


def private(request):
    return HttpResponse(status=401)


def form(request):
    return HttpResponse("posted")


urlpatterns = [
    path("cbv", OnlyGet.as_view()),
    path("denied", denied),
    path("boom", boom),
    path("private", private),
    path("form", form),
]


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def main() -> None:
    collected = Collect()
    logger = logging.getLogger("django")
    logger.addHandler(collected)
    logger.setLevel(logging.DEBUG)
    client = Client(raise_request_exception=False)
    bodies = [
        client.get("/missing").content.decode(),
        client.get("/denied").content.decode(),
        client.get("/boom").content.decode(),
        client.get("/private").content.decode(),
        client.post("/cbv").content.decode(),
        Client(enforce_csrf_checks=True).post("/form").content.decode(),
        client.get("/cbv", HTTP_HOST="evil.example").content.decode(),
    ]
    with override_settings(DEBUG=True):  # the debug pages' titles, which readers paste too
        bodies += [client.get("/missing").content.decode(),
                   client.get("/cbv", HTTP_HOST="evil.example").content.decode()]
    print(json.dumps({"logs": collected.messages, "bodies": bodies}))


if __name__ == "__main__":
    main()
