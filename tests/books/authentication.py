"""Session authentication that lets DRF answer 401 instead of 403 (kept apart from the views:
DRF imports its DEFAULT_AUTHENTICATION_CLASSES while rest_framework.views is still loading)."""

# --8<-- [start:drf-auth]
from rest_framework.authentication import SessionAuthentication


class SessionAuthenticationWithChallenge(SessionAuthentication):
    def authenticate_header(self, request):
        return 'Session realm="books"'
# --8<-- [end:drf-auth]
