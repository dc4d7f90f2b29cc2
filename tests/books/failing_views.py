"""Views for the tests only (not on the page): views that fail the way real code fails, which
the tests check never reach the client, and a sign-in."""

import json

from django.contrib.auth import get_user_model, login
from django.http import HttpResponse
from django.views.decorators.http import require_POST
from rest_framework.views import APIView

DSN = "postgres://books:hunter2@db.internal/books"


def broken(request):
    raise RuntimeError(f"could not connect with {DSN}")


async def async_broken(request):
    raise RuntimeError(f"could not connect with {DSN}")


class BrokenAPI(APIView):
    """An unexpected error inside DRF: its handler passes it on to Django's handler500."""

    def get(self, request):
        raise RuntimeError(f"could not connect with {DSN}")


@require_POST
def sign_in(request):
    """Signs in as the user the body names, as a project's own sign-in view would after checking
    a password: login() gives the session a new CSRF token, which the guide's cross-origin
    front end must fetch again."""
    login(request, get_user_model().objects.get(username=json.loads(request.body)["username"]))
    return HttpResponse(status=204)
