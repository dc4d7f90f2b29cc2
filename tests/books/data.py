"""In-memory books for the guide's views: no models, no migrations. The tests call reset()."""

# --8<-- [start:data]
BOOKS = {}


def reset() -> None:
    BOOKS.clear()
    BOOKS.update({
        1: {"id": 1, "title": "Two Scoops of Status Codes", "isbn": "9780000000011", "price": 32000,
            "owner": "alice", "draft": False},
        2: {"id": 2, "title": "Caching at the Edge", "isbn": "9780000000028", "price": 28000,
            "owner": "bob", "draft": False},
        3: {"id": 3, "title": "Unfinished Notes on Retries", "isbn": "9780000000035", "price": 15000,
            "owner": "bob", "draft": True},
    })


reset()
# --8<-- [end:data]
