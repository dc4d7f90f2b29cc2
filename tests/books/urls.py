"""URLs of the views shown in the Django error-handling guide (docs/*/guides/django.md)."""

# --8<-- [start:urls]
from django.urls import path, re_path

from . import drf_views, legacy, views

app_name = "books"

urlpatterns = [
    path("", views.shop, name="shop"),
    path("account/", views.account, name="account"),
    path("api/csrf/", views.csrf_token, name="csrf"),
    path("api/books/", views.books, name="books"),
    path("api/books/<int:book_id>/", views.book, name="book"),
    path("api/authors/<str:username>/", views.author, name="author"),
    path("api/search/", views.search, name="search"),
    path("api/my/books/", views.my_books, name="my-books"),
    path("api/drf/books/", drf_views.BookListAPI.as_view(), name="drf-books"),
    path("api/drf/books/<int:book_id>/", drf_views.BookDetailAPI.as_view(), name="drf-book"),
    path("api/drf/search/", drf_views.SearchAPI.as_view(), name="drf-search"),
    # The old address, for callers that still read statusCode (see "Getting there").
    path("api/books/<int:book_id>/delete/", legacy.delete_book),
    # Last: any other API address is a problem+json 404, never an APPEND_SLASH redirect.
    re_path(r"^api/", views.no_such_endpoint),
]
# --8<-- [end:urls]

# Not on the page: the guide's first step, views that fail on purpose, and a sign-in for the tests.
from . import step1, failing_views, sign_in  # noqa: E402

urlpatterns[:0] = [
    path("api/step1/books/<int:book_id>/", step1.delete_book),
    path("api/broken/", failing_views.broken),
    path("api/drf/broken/", failing_views.BrokenAPI.as_view()),
    path("api/async/broken/", failing_views.async_broken),
    path("api/test-sign-in/", sign_in.sign_in),
]
