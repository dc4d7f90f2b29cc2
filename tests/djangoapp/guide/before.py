"""The pattern the guide starts from: every answer is 200, and the real outcome hides in the body."""

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
