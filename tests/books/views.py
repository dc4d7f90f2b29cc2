"""The guide's plain Django views: the book API after the rewrite."""

# --8<-- [start:imports]
import hashlib
import json
import re
import time
from functools import wraps

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_http_methods

from .data import BOOKS
from .problem import problem, validation_problem
# --8<-- [end:imports]


# --8<-- [start:login-required]
def sign_in_first(request):
    return problem(
        request,
        401,
        "Sign in to continue.",
        headers={"WWW-Authenticate": 'Session realm="books"'},
    )


def json_login_required(view):
    if iscoroutinefunction(view):
        @wraps(view)
        async def async_wrapper(request, *args, **kwargs):
            user = await request.auser()
            if not user.is_authenticated:
                return sign_in_first(request)
            return await view(request, *args, **kwargs)

        return async_wrapper

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return sign_in_first(request)
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


@require_http_methods(["GET", "HEAD", "PUT", "DELETE"])
def book(request, book_id):
    if request.method == "DELETE":
        return delete_book(request, book_id)
    if request.method == "PUT":
        return replace_book(request, book_id)
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
    return JsonResponse(found, headers={"ETag": etag(found)})


def etag(book):
    digest = hashlib.sha256(json.dumps(book, sort_keys=True).encode()).hexdigest()
    return f'"{digest[:20]}"'
# --8<-- [end:not-found]


# --8<-- [start:delete]
def owned_book(request, book_id, action):
    """The book, if it exists and the signed-in user owns it; else 404 or 403."""
    found = BOOKS.get(book_id)
    if found is None:
        raise Http404(f"There is no book {book_id}.")
    if found["owner"] != request.user.username:
        raise PermissionDenied(f"Only the owner can {action} this book.")
    return found


@json_login_required
def delete_book(request, book_id):
    owned_book(request, book_id, "delete")
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
def read_json_object(request):
    try:
        data = json.loads(request.body)
    except ValueError:
        raise BadRequest("The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise BadRequest("The request body must be a JSON object.")
    return data


@json_login_required
def create_book(request):
    data = read_json_object(request)
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
    location = reverse("books:book", args=[book_id])
    return JsonResponse(BOOKS[book_id], status=201, headers={"Location": location})
# --8<-- [end:create]


# --8<-- [start:precondition]
@json_login_required
def replace_book(request, book_id):
    found = owned_book(request, book_id, "change")
    # RFC 9110 §13.2.1: preconditions come after these checks and before the content is read.
    if_match = request.headers.get("If-Match")
    if if_match and if_match != "*" and etag(found) not in re.split(r"\s*,\s*", if_match):
        return problem(request, 412, "The book has changed since you loaded it. Load it again.")

    data = read_json_object(request)
    errors = validate_book(data)
    if errors:
        return validation_problem(request, 422, errors)
    if any(b["isbn"] == data["isbn"] and b["id"] != book_id for b in BOOKS.values()):
        return problem(
            request,
            409,
            f"A book with ISBN {data['isbn']} already exists.",
            problem_type="duplicate-isbn",
            title="The ISBN is already registered",
        )
    found.update(title=data["title"].strip(), isbn=data["isbn"], price=data["price"])
    return JsonResponse(found, headers={"ETag": etag(found)})
# --8<-- [end:precondition]


# --8<-- [start:rate-limit]
def over_limit(request, name, limit, per):
    now = int(time.time())
    key = f"rate:{name}:{request.META['REMOTE_ADDR']}:{now // per}"
    if not cache.add(key, 1, timeout=per):
        try:
            count = cache.incr(key)
        except ValueError:  # the counter was evicted since add(): start again
            count = 1
            cache.set(key, count, timeout=per)
        if count > limit:
            retry_after = per - now % per
            return problem(
                request,
                429,
                f"Too many requests. Try again in {retry_after} seconds.",
                headers={"Retry-After": str(retry_after)},
            )
    return None


def rate_limit(limit, per):
    def decorator(view):
        if iscoroutinefunction(view):
            @wraps(view)
            async def async_wrapper(request, *args, **kwargs):
                refused = await sync_to_async(over_limit)(request, view.__name__, limit, per)
                return refused or await view(request, *args, **kwargs)

            return async_wrapper

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            return over_limit(request, view.__name__, limit, per) or view(request, *args, **kwargs)

        return wrapper

    return decorator


@rate_limit(limit=5, per=60)
def search(request):
    words = request.GET.get("q", "").casefold()
    hits = [b for b in BOOKS.values() if words in b["title"].casefold() and not b["draft"]]
    return JsonResponse({"books": hits})
# --8<-- [end:rate-limit]



# --8<-- [start:async-view]
@rate_limit(limit=30, per=60)
@json_login_required
async def my_books(request):
    user = await request.auser()
    mine = [b for b in BOOKS.values() if b["owner"] == user.username]
    return JsonResponse({"books": mine})
# --8<-- [end:async-view]


# --8<-- [start:csrf-page]
@ensure_csrf_cookie
def shop(request):
    return render(request, "books/shop.html")
# --8<-- [end:csrf-page]


# --8<-- [start:csrf-token]
@require_http_methods(["GET", "HEAD"])
def csrf_token(request):
    return JsonResponse({"csrfToken": get_token(request)})
# --8<-- [end:csrf-token]


# --8<-- [start:no-such-endpoint]
def no_such_endpoint(request):
    hint = "" if request.path.endswith("/") else " API addresses end with a slash."
    raise Http404(f"There is no API endpoint at {request.path}.{hint}")
# --8<-- [end:no-such-endpoint]
