"""The FastAPI app tests/test_messages.py runs: one route for each of FastAPI's 422 texts in
data/messages/fastapi.yaml (a missing field, a path parameter that is not a number, a body
that is not JSON)."""

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Signup(BaseModel):
    email: str


@app.post("/signup")
def signup(form: Signup) -> dict:
    return {}


@app.get("/items/{item_id}")
def item(item_id: int) -> dict:
    return {}
