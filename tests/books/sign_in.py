"""A sign-in for the tests only (not on the page): a real project signs in with its own form or
API, after checking a password."""

import json

from django.contrib.auth import get_user_model, login
from django.http import HttpResponse
from django.views.decorators.http import require_POST


@require_POST
def sign_in(request):
    """Signs in as the user the body names, as a project's own sign-in view would after checking
    a password: login() gives the session a new CSRF token, which the guide's cross-origin
    front end must fetch again."""
    login(request, get_user_model().objects.get(username=json.loads(request.body)["username"]))
    return HttpResponse(status=204)
