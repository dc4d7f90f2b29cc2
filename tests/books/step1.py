"""First step of the rewrite: the same view, with the outcome in the status line."""

# --8<-- [start:status-only]
from django.http import HttpResponse, JsonResponse

from .data import BOOKS


def delete_book(request, book_id):
    if request.method != "DELETE":
        return JsonResponse(
            {"detail": "Use DELETE to remove a book."}, status=405, headers={"Allow": "DELETE"}
        )
    if not request.user.is_authenticated:
        return JsonResponse(
            {"detail": "Sign in to delete books."},
            status=401,
            headers={"WWW-Authenticate": 'Session realm="books"'},
        )
    book = BOOKS.get(book_id)
    if book is None:
        return JsonResponse({"detail": f"There is no book {book_id}."}, status=404)
    if book["owner"] != request.user.username:
        return JsonResponse({"detail": "Only the owner can delete this book."}, status=403)
    del BOOKS[book_id]
    return HttpResponse(status=204)
# --8<-- [end:status-only]
