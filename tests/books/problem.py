"""problem+json (RFC 9457) responses for the guide's API, and the error views that send them."""

# --8<-- [start:problem]
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.views import csrf, defaults

PROBLEM_BASE = "https://example.com/problems/"


def problem(request, status, detail=None, *, problem_type=None, title=None, headers=None, **extensions):
    body = {
        "type": PROBLEM_BASE + problem_type if problem_type else "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
    }
    if detail:
        body["detail"] = str(detail)
    body["instance"] = request.path
    body.update(extensions)
    return JsonResponse(body, status=status, headers=headers, content_type="application/problem+json")
# --8<-- [end:problem]


# --8<-- [start:validation-problem]
def validation_problem(request, status, errors, headers=None):
    return problem(
        request,
        status,
        "Correct the fields listed in errors and send the request again.",
        problem_type="validation-error",
        title="The request has invalid fields",
        headers=headers,
        errors=errors,
    )
# --8<-- [end:validation-problem]


# --8<-- [start:handlers]
API_PREFIX = "/api/"


def is_api(request):
    return request.path.startswith(API_PREFIX)


def message(exception):
    text = exception.args[0] if exception and exception.args else None
    return text if isinstance(text, str) else None


def bad_request(request, exception):
    if not is_api(request):
        return defaults.bad_request(request, exception)
    detail = message(exception) if isinstance(exception, BadRequest) else None
    return problem(request, 400, detail)


def permission_denied(request, exception):
    if not is_api(request):
        return defaults.permission_denied(request, exception)
    return problem(request, 403, message(exception))


def not_found(request, exception):
    if not is_api(request):
        return defaults.page_not_found(request, exception)
    return problem(request, 404, message(exception))


def server_error(request):
    if not is_api(request):
        return defaults.server_error(request)
    return problem(request, 500, "Something went wrong on our side. Please try again later.")


def csrf_failure(request, reason=""):
    if not is_api(request):
        return csrf.csrf_failure(request, reason)
    detail = "CSRF verification failed. Reload the page and try again."
    if settings.DEBUG and reason:  # as Django's own page: the reason says what to fix
        detail += f" ({reason})"
    return problem(request, 403, detail)
# --8<-- [end:handlers]
