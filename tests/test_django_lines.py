"""The one Django/DRF line a code page shows on its first screen really sends that code.

Each `django.line` runs as the body of a view in the test project (tests/djangoapp/lines.py):
in a DRF APIView, and also in a plain Django view when it names nothing from DRF. The
response must carry the page's code and every header the page marks `must` for it."""

from __future__ import annotations

import ast
import os

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.test import Client, override_settings  # noqa: E402

from djangoapp import lines  # noqa: E402
from conftest import real_registry  # noqa: E402
from statuscodes.model import Standing  # noqa: E402

REGISTRY = real_registry()
CODES = {c.code: c for c in REGISTRY.codes}
CASES = [(code, kind) for code, line in sorted(lines.LINES.items()) for kind in lines.runs_in(line)]

# `must` headers a response line cannot carry: request fields, and the fields RFC 9110 requires
# on a 206 or 304 only if a 200 to the same request would have carried them (§15.3.7, §15.4.5).
REQUEST_FIELDS = {"Expect", "A-IM"}
IF_A_200_WOULD = {"Cache-Control", "Content-Location", "Date", "ETag", "Expires", "Vary"}
REDIRECTS = {301, 302, 303, 307, 308}
# Codes the verdict says never to send yourself: their pages must not show a line that sends them.
NEVER_SENT = {Standing.unused, Standing.obsolete, Standing.deprecated, Standing.unofficial}


def required_headers(code: int) -> set[str]:
    page = CODES[code]
    must = {h.name for h in page.headers if h.level == "must"} - REQUEST_FIELDS
    if code in (206, 304):
        must -= IF_A_200_WOULD
    if code in REDIRECTS:
        must.add("Location")  # a redirect without Location leads nowhere (RFC 9110 §15.4)
    return must


def test_there_are_lines_to_check():
    assert len(lines.LINES) >= 35
    assert sum(1 for _, kind in CASES if kind == "django") >= 10


@pytest.mark.parametrize("code", sorted(lines.LINES))
def test_line_is_one_statement_that_ends_the_view(code):
    tree = ast.parse(lines.LINES[code])
    assert len(tree.body) == 1, f"{code}: django.line must be one statement"
    assert isinstance(tree.body[0], (ast.Return, ast.Raise)), f"{code}: django.line must return or raise"
    unknown = lines.free_names(lines.LINES[code]) - lines.NAMESPACES["drf"].keys()
    assert not unknown, f"{code}: django.line uses names a view would not have: {sorted(unknown)}"


@pytest.mark.parametrize("code, kind", CASES, ids=[f"{c}-{k}" for c, k in CASES])
@override_settings(ROOT_URLCONF="djangoapp.lines")
def test_line_sends_the_code(code, kind):
    response = Client().get(f"/line/{kind}/{code}/")
    assert response.status_code == code, (
        f"{code}.yaml django.line {lines.LINES[code]!r} sent {response.status_code} in a {kind} view"
    )
    missing = {name for name in required_headers(code) if not response.headers.get(name)}
    assert not missing, f"{code}.yaml django.line sends {code} without {sorted(missing)}"


def test_no_line_for_codes_never_to_send():
    offenders = sorted(code for code in lines.LINES if CODES[code].standing in NEVER_SENT)
    assert not offenders, f"pages whose code must not be sent show a Django line: {offenders}"


def test_every_page_has_a_verdict():
    missing = sorted(c.code for c in REGISTRY.codes if c.verdict is None)
    assert not missing, f"code pages without a verdict: {missing}"
