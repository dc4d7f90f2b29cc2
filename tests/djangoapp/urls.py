from pathlib import Path

from django.urls import path, re_path
from django.views.static import serve

from . import claims, sharp_edges

urlpatterns = [
    path("claim/raise/<str:dotted>/", claims.raise_view),
    path("claim/drf/<str:dotted>/", claims.RaiseInApi.as_view()),
    path("claim/decorated/<str:dotted>/", claims.decorated_view),
    path("claim/conditional/<str:dotted>/", claims.conditional_view),
    path("claim/csrf/", claims.csrf_protected),
    # Sharp edges the code pages describe, beyond django.produces.
    path("edge/etag/", sharp_edges.etag_view),
    path("edge/condition/", sharp_edges.condition_view),
    path("edge/form/", sharp_edges.TitleFormView.as_view()),
    path("edge/drf/open/", sharp_edges.OutOfTheBoxAPI.as_view()),
    path("edge/drf/signed-in/", sharp_edges.SignedInOnlyAPI.as_view()),
    # The guide's fetch wrapper where its page template looks for it (books/static/ in a
    # reader's project, which runserver serves with DEBUG on; the live server runs DEBUG off).
    re_path(r"^static/books/(?P<path>api\.js)$", serve, {"document_root": Path(__file__).parents[1] / "js"}),
]

# The guide's app (tests/books): its error views answer problem+json under /api/ and fall
# back to Django's own pages everywhere else, so the claims above see Django's defaults.
# --8<-- [start:root-urls]
from django.urls import include, path

urlpatterns += [
    path("", include("books.urls")),
]

handler400 = "books.problem.bad_request"
handler403 = "books.problem.permission_denied"
handler404 = "books.problem.not_found"
handler500 = "books.problem.server_error"
# --8<-- [end:root-urls]
