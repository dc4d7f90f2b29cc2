"""The same book API written with Django REST framework."""

# --8<-- [start:drf-views]
from django.urls import reverse
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound, PermissionDenied
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from .data import BOOKS


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the resource."
    default_code = "conflict"


class BookSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(max_length=200)
    isbn = serializers.RegexField(r"^[0-9]{13}$")
    price = serializers.IntegerField(min_value=0)


class BookListAPI(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    def get(self, request):
        published = [b for b in BOOKS.values() if not b["draft"]]
        return Response(BookSerializer(published, many=True).data)

    def post(self, request):
        serializer = BookSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        isbn = serializer.validated_data["isbn"]
        if any(b["isbn"] == isbn for b in BOOKS.values()):
            raise Conflict(f"A book with ISBN {isbn} already exists.")
        book_id = max(BOOKS, default=0) + 1
        BOOKS[book_id] = {"id": book_id, **serializer.validated_data,
                          "owner": request.user.username, "draft": False}
        location = reverse("books:drf-book", args=[book_id])
        return Response(BookSerializer(BOOKS[book_id]).data,
                        status=status.HTTP_201_CREATED, headers={"Location": location})


class BookDetailAPI(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    def find(self, request, book_id):
        found = BOOKS.get(book_id)
        if found is None or (found["draft"] and found["owner"] != request.user.username):
            raise NotFound(f"There is no book {book_id}.")
        return found

    def get(self, request, book_id):
        return Response(BookSerializer(self.find(request, book_id)).data)

    def delete(self, request, book_id):
        if self.find(request, book_id)["owner"] != request.user.username:
            raise PermissionDenied("Only the owner can delete this book.")
        del BOOKS[book_id]
        return Response(status=status.HTTP_204_NO_CONTENT)
# --8<-- [end:drf-views]


# --8<-- [start:drf-throttle]
class SearchThrottle(AnonRateThrottle):
    scope = "search"
    rate = "5/min"


class SearchAPI(APIView):
    throttle_classes = [SearchThrottle]

    def get(self, request):
        words = request.query_params.get("q", "").casefold()
        hits = [b for b in BOOKS.values() if words in b["title"].casefold() and not b["draft"]]
        return Response(BookSerializer(hits, many=True).data)
# --8<-- [end:drf-throttle]

