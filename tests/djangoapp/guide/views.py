"""The guide's plain Django views: the book API after the rewrite."""

# --8<-- [start:imports]
import json
import re
import time
from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .data import BOOKS
from .problem import problem, validation_problem
# --8<-- [end:imports]


# --8<-- [start:login-required]
def json_login_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return problem(
                request,
                401,
                "Sign in to continue.",
                headers={"WWW-Authenticate": 'Session realm="books"'},
            )
        return view(request, *args, **kwargs)

    return wrapper
# --8<-- [end:login-required]


# --8<-- [start:login-redirect]
@login_required
def account(request):
    return HttpResponse("Your account page")
# --8<-- [end:login-redirect]


# --8<-- [start:methods]
@require_http_methods(["GET", "HEAD", "POST"])
def books(request):
    if request.method == "POST":
        return create_book(request)
    return list_books(request)


@require_http_methods(["GET", "HEAD", "DELETE"])
def book(request, book_id):
    if request.method == "DELETE":
        return delete_book(request, book_id)
    return show_book(request, book_id)
# --8<-- [end:methods]


# --8<-- [start:bad-request]
PAGE_SIZE = 20


def list_books(request):
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 0
    if page < 1:
        raise BadRequest("page must be a positive whole number.")
    published = [b for b in BOOKS.values() if not b["draft"]]
    start = (page - 1) * PAGE_SIZE
    return JsonResponse({"page": page, "books": published[start:start + PAGE_SIZE]})
# --8<-- [end:bad-request]


# --8<-- [start:not-found]
def show_book(request, book_id):
    found = BOOKS.get(book_id)
    if found is None or (found["draft"] and found["owner"] != request.user.username):
        raise Http404(f"There is no book {book_id}.")
    return JsonResponse(found)
# --8<-- [end:not-found]


# --8<-- [start:delete]
@json_login_required
def delete_book(request, book_id):
    found = BOOKS.get(book_id)
    if found is None:
        raise Http404(f"There is no book {book_id}.")
    if found["owner"] != request.user.username:
        raise PermissionDenied("Only the owner can delete this book.")
    del BOOKS[book_id]
    return HttpResponse(status=204)
# --8<-- [end:delete]


# --8<-- [start:get-object]
def author(request, username):
    user = get_object_or_404(get_user_model(), username=username, is_active=True)
    titles = [b["title"] for b in BOOKS.values() if b["owner"] == user.username and not b["draft"]]
    return JsonResponse({"username": user.username, "books": titles})
# --8<-- [end:get-object]


# --8<-- [start:validate]
def validate_book(data):
    errors = []
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        errors.append({"pointer": "#/title", "detail": "Enter a title."})
    isbn = data.get("isbn")
    if not isinstance(isbn, str) or not re.fullmatch(r"[0-9]{13}", isbn):
        errors.append({"pointer": "#/isbn", "detail": "An ISBN has exactly 13 digits."})
    price = data.get("price")
    if type(price) is not int or price < 0:
        errors.append({"pointer": "#/price", "detail": "The price must be a whole number, 0 or more."})
    return errors
# --8<-- [end:validate]


# --8<-- [start:create]
@json_login_required
def create_book(request):
    try:
        data = json.loads(request.body)
    except ValueError:
        raise BadRequest("The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise BadRequest("The request body must be a JSON object.")

    errors = validate_book(data)
    if errors:
        return validation_problem(request, 422, errors)

    if any(b["isbn"] == data["isbn"] for b in BOOKS.values()):
        return problem(
            request,
            409,
            f"A book with ISBN {data['isbn']} already exists.",
            problem_type="duplicate-isbn",
            title="The ISBN is already registered",
        )

    book_id = max(BOOKS, default=0) + 1
    BOOKS[book_id] = {
        "id": book_id,
        "title": data["title"].strip(),
        "isbn": data["isbn"],
        "price": data["price"],
        "owner": request.user.username,
        "draft": False,
    }
    location = reverse("guide:book", args=[book_id])
    return JsonResponse(BOOKS[book_id], status=201, headers={"Location": location})
# --8<-- [end:create]


# --8<-- [start:rate-limit]
def rate_limit(limit, per):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            now = int(time.time())
            key = f"rate:{view.__name__}:{request.META['REMOTE_ADDR']}:{now // per}"
            cache.add(key, 0, timeout=per)
            if cache.incr(key) > limit:
                retry_after = per - now % per
                return problem(
                    request,
                    429,
                    f"Too many searches. Try again in {retry_after} seconds.",
                    headers={"Retry-After": str(retry_after)},
                )
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


@rate_limit(limit=5, per=60)
def search(request):
    words = request.GET.get("q", "").casefold()
    hits = [b for b in BOOKS.values() if words in b["title"].casefold() and not b["draft"]]
    return JsonResponse({"books": hits})
# --8<-- [end:rate-limit]


def broken(request):
    """Fails the way real code fails: the tests check that none of this reaches the client."""
    secrets = {"dsn": "postgres://books:hunter2@db.internal/books"}
    raise RuntimeError(f"could not connect with {secrets['dsn']}")
