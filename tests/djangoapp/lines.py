"""Views that run the one line of Python a code page shows under `django.line`.

The line runs as the body of a view, with the imports a Django or DRF view file usually has
and a few sample objects a real view would have at hand (`serializer`, `url`, `chunk`).
Every line runs in a DRF `APIView`; a line that names nothing from DRF also runs in a plain
Django function view, where `PermissionDenied` and friends are Django's own classes.
"""

from __future__ import annotations

import ast
from types import SimpleNamespace

from django.urls import path
from rest_framework.views import APIView

from statuscodes.loader import load_registry
from statuscodes.model import LANGUAGES

DJANGO_IMPORTS = """
from django.http import *
from django.core.exceptions import *
from django.shortcuts import redirect
"""
DRF_IMPORTS = DJANGO_IMPORTS + """
from rest_framework.response import Response
from rest_framework import status, exceptions
from rest_framework.exceptions import *
"""
# What a view handling an order would have at hand.
SAMPLES = {
    "serializer": SimpleNamespace(data={"id": 42, "status": "paid"}, errors={"quantity": ["Must be at least 1."]}),
    "url": "/orders/42/",
    "chunk": b"\x00" * 1024,
}


def distinct_lines(codes) -> dict[tuple[int, str], str]:
    """Each code's line in each language, keyed (code, lang); a line the same in every
    language (a plain string in the data) is run once, under the first language."""
    found: dict[tuple[int, str], str] = {}
    for c in codes:
        if not (c.django and c.django.line):
            continue
        seen = set()
        for lang in LANGUAGES:
            line = c.django.line[lang]
            if line not in seen:
                seen.add(line)
                found[(c.code, lang)] = line
    return found


# Only the lines are read here; the Markdown allow-list (a second of CPU) is the data tests' job.
LINES = distinct_lines(load_registry(check_markdown=False).codes)


def namespace(imports: str) -> dict:
    names: dict = {}
    exec(imports, names)  # noqa: S102 - fixed import statements, no input
    return {**names, **SAMPLES}


NAMESPACES = {"drf": namespace(DRF_IMPORTS), "django": namespace(DJANGO_IMPORTS)}


def free_names(line: str) -> set[str]:
    """The global names a line reads (`request` is the view's own argument)."""
    return {n.id for n in ast.walk(ast.parse(line)) if isinstance(n, ast.Name)} - {"request"}


def runs_in(line: str) -> list[str]:
    """The kinds of view a line is checked in: DRF always, plain Django when it needs no DRF name."""
    return ["drf", "django"] if free_names(line) <= NAMESPACES["django"].keys() else ["drf"]


def view_for(code: int, lang: str, kind: str):
    source = f"def view(request):\n    {LINES[(code, lang)]}\n"
    scope = dict(NAMESPACES[kind])
    exec(compile(source, f"<{code}.yaml django.line.{lang}>", "exec"), scope)  # noqa: S102 - data under test
    return scope["view"]


class LineInApi(APIView):
    authentication_classes = []
    permission_classes = []

    def get(self, request, code, lang):
        return view_for(code, lang, "drf")(request)


def line_in_django(request, code, lang):
    return view_for(code, lang, "django")(request)


urlpatterns = [
    path("line/drf/<int:code>/<str:lang>/", LineInApi.as_view()),
    path("line/django/<int:code>/<str:lang>/", line_in_django),
]
