"""URLs of the views shown in the Django error-handling guide (docs/*/guides/django.md)."""

from django.urls import path

from . import before, drf_views, step1, views

app_name = "guide"

urlpatterns = [
    path("api/before/books/<int:book_id>/delete/", before.delete_book),
    path("api/step1/books/<int:book_id>/", step1.delete_book),
    path("api/books/", views.books, name="books"),
    path("api/books/<int:book_id>/", views.book, name="book"),
    path("api/authors/<str:username>/", views.author, name="author"),
    path("api/search/", views.search, name="search"),
    path("api/broken/", views.broken),
    path("account/", views.account, name="account"),
    path("api/drf/books/", drf_views.BookListAPI.as_view(), name="drf-books"),
    path("api/drf/books/<int:book_id>/", drf_views.BookDetailAPI.as_view(), name="drf-book"),
    path("api/drf/search/", drf_views.SearchAPI.as_view(), name="drf-search"),
    path("api/drf/broken/", drf_views.BrokenAPI.as_view()),
]
