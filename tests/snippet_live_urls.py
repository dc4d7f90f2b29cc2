"""The views the code pages' frontend snippets are run against in a browser
(tests/test_snippet_browser.py): real Django and DRF answers, not stubs."""

from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import ensure_csrf_cookie
from rest_framework.exceptions import Throttled
from rest_framework.views import APIView

SEEN: dict[str, int] = {}


@ensure_csrf_cookie
def page(request):
    return HttpResponse("<!doctype html><title>snippets</title>", content_type="text/html")


class Search(APIView):
    """429 with DRF's own Retry-After the first time a key is seen, then 200."""

    def get(self, request):
        key = request.GET["key"]
        SEEN[key] = SEEN.get(key, 0) + 1
        if SEEN[key] == 1:
            raise Throttled(wait=int(request.GET.get("wait", 1)))
        return JsonResponse({"results": []})


class CrossOriginSearch(Search):
    """The same, for a page on another origin: CORS lets it read the response, and Retry-After
    too only when the server lists it in Access-Control-Expose-Headers (`?expose=1`)."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        if request.GET.get("expose") == "1":
            response["Access-Control-Expose-Headers"] = "Retry-After"
        return response


def project(request, pk):
    """A plain Django view: CsrfViewMiddleware refuses a DELETE without the right token with
    Django's HTML page; with it, the view refuses as an API does, in JSON."""
    return JsonResponse({"detail": "Only the owner can delete it."}, status=403, content_type="application/problem+json")


urlpatterns = [
    path("", page),
    path("api/search", Search.as_view()),
    path("api/cross-origin/search", CrossOriginSearch.as_view()),
    path("api/projects/<int:pk>", project),
]
