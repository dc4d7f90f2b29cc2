from django.urls import path

from . import claims

urlpatterns = [
    path("claim/raise/<str:dotted>/", claims.raise_view),
    path("claim/drf/<str:dotted>/", claims.RaiseInApi.as_view()),
    path("claim/decorated/<str:dotted>/", claims.decorated_view),
    path("claim/csrf/", claims.csrf_protected),
]
