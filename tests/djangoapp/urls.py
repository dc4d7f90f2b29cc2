from django.urls import include, path

from . import claims, sharp_edges

urlpatterns = [
    path("claim/raise/<str:dotted>/", claims.raise_view),
    path("claim/drf/<str:dotted>/", claims.RaiseInApi.as_view()),
    path("claim/decorated/<str:dotted>/", claims.decorated_view),
    path("claim/csrf/", claims.csrf_protected),
    path("guide/", include("djangoapp.guide.urls")),
    # Sharp edges the code pages describe, beyond django.produces.
    path("edge/etag/", sharp_edges.etag_view),
    path("edge/condition/", sharp_edges.condition_view),
    path("edge/form/", sharp_edges.TitleFormView.as_view()),
    path("edge/drf/open/", sharp_edges.OutOfTheBoxAPI.as_view()),
    path("edge/drf/signed-in/", sharp_edges.SignedInOnlyAPI.as_view()),
]

# The guide's error views answer problem+json under /guide/api/ and fall back to
# Django's own pages everywhere else, so the claims above see Django's defaults.
# --8<-- [start:error-handlers]
handler400 = "djangoapp.guide.problem.bad_request"
handler403 = "djangoapp.guide.problem.permission_denied"
handler404 = "djangoapp.guide.problem.not_found"
handler500 = "djangoapp.guide.problem.server_error"
# --8<-- [end:error-handlers]
