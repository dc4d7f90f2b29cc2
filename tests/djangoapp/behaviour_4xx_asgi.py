"""One view for the 426 page's ASGI claim: Django's ASGI handler passes `Upgrade` and
`Connection` to the server, which a WSGI server would refuse (PEP 3333)."""

from django.http import JsonResponse
from django.urls import path


def upgrade_required(request):
    return JsonResponse(
        {"detail": "This endpoint only speaks WebSocket."},
        status=426,
        headers={"Upgrade": "websocket", "Connection": "Upgrade"},
    )


urlpatterns = [path("4xx/upgrade/", upgrade_required)]
