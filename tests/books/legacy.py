"""The pattern the guide starts from: every answer is 200, and the real outcome hides in the body.
It stays at its old URL while old callers move to the new API (the guide's migration section)."""

# --8<-- [start:before]
from django.http import JsonResponse

from .data import BOOKS


def delete_book(request, book_id):
    if request.method != "POST":
        return JsonResponse({"result": False, "statusCode": 405})
    if not request.user.is_authenticated:
        return JsonResponse({"result": False, "statusCode": 401})
    book = BOOKS.get(book_id)
    if book is None:
        return JsonResponse({"result": False, "statusCode": 404})
    if book["owner"] != request.user.username:
        return JsonResponse({"result": False, "statusCode": 403})
    del BOOKS[book_id]
    return JsonResponse({"result": True, "statusCode": 200})
# --8<-- [end:before]


# --8<-- [start:legacy-log]
import logging
from functools import wraps

logger = logging.getLogger(__name__)


def log_old_callers(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        logger.warning("old API: %s %s called from %s", request.method, request.path,
                       request.headers.get("Referer", "an unknown page"))
        return view(request, *args, **kwargs)

    return wrapper


delete_book = log_old_callers(delete_book)
# --8<-- [end:legacy-log]
