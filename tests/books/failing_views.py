"""Views that fail the way real code fails, for the tests only (not on the page): the tests
check that none of this reaches the client."""

from rest_framework.views import APIView

DSN = "postgres://books:hunter2@db.internal/books"


def broken(request):
    raise RuntimeError(f"could not connect with {DSN}")


async def async_broken(request):
    raise RuntimeError(f"could not connect with {DSN}")


class BrokenAPI(APIView):
    """An unexpected error inside DRF: its handler passes it on to Django's handler500."""

    def get(self, request):
        raise RuntimeError(f"could not connect with {DSN}")
