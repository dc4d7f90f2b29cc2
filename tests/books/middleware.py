"""problem+json for exceptions in API views whatever DEBUG says (the guide's DEBUG section)."""

# --8<-- [start:middleware]
import logging

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404

from .problem import bad_request, is_api, not_found, permission_denied, server_error

logger = logging.getLogger(__name__)


class ApiErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_api(request):
            return None  # pages keep Django's own error pages, technical ones included
        if isinstance(exception, Http404):
            return not_found(request, exception)
        if isinstance(exception, PermissionDenied):
            return permission_denied(request, exception)
        if isinstance(exception, (BadRequest, SuspiciousOperation)):
            return bad_request(request, exception)
        logger.error("Unhandled exception in %s", request.path, exc_info=exception)
        return server_error(request)
# --8<-- [end:middleware]
