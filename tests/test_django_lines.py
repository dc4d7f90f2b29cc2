"""The one Django/DRF line a code page shows on its first screen really sends that code.

Each `django.line` runs as the body of a view in the test project (tests/djangoapp/lines.py):
in a DRF APIView, and also in a plain Django view when it names nothing from DRF; a line written
per language runs in each language. The response must carry the page's code and every header
the page marks `must` for it."""

from __future__ import annotations

import ast
import os
import re

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
CASES = [(code, lang, kind) for (code, lang), line in sorted(lines.LINES.items()) for kind in lines.runs_in(line)]
HANGUL = re.compile(r"[\uac00-\ud7a3]")

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
    assert len({code for code, _ in lines.LINES}) >= 35
    assert sum(1 for _, _, kind in CASES if kind == "django") >= 10
    assert sum(1 for _, lang, _ in CASES if lang == "en") >= 14, "the English lines of per-language codes do not run"


@pytest.mark.parametrize("code, lang", sorted(lines.LINES), ids=[f"{c}-{l}" for c, l in sorted(lines.LINES)])
def test_line_is_one_statement_that_ends_the_view(code, lang):
    tree = ast.parse(lines.LINES[(code, lang)])
    assert len(tree.body) == 1, f"{code}: django.line.{lang} must be one statement"
    assert isinstance(tree.body[0], (ast.Return, ast.Raise)), f"{code}: django.line.{lang} must return or raise"
    unknown = lines.free_names(lines.LINES[(code, lang)]) - lines.NAMESPACES["drf"].keys()
    assert not unknown, f"{code}: django.line.{lang} uses names a view would not have: {sorted(unknown)}"


def messages(line: str) -> list[str]:
    """What a reader reads in a line: a "detail" value and an exception's message (not header
    values, URLs or constant names)."""
    found = []
    for node in ast.walk(ast.parse(line)):
        if isinstance(node, ast.Dict):
            found += [v.value for k, v in zip(node.keys, node.values)
                      if isinstance(k, ast.Constant) and k.value == "detail" and isinstance(v, ast.Constant)]
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            found += [a.value for a in node.exc.args[:1] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return found


@pytest.mark.parametrize("code", sorted(c.code for c in REGISTRY.codes if c.django and c.django.line))
def test_the_line_speaks_the_pages_language(code):
    # The first screen's line is read as part of the page: its message is Korean on the Korean
    # page and English on the English one.
    line = CODES[code].django.line
    assert all(HANGUL.search(m) for m in messages(line["ko"])), f"{code}: the Korean page's line says {messages(line['ko'])}"
    assert not any(HANGUL.search(m) for m in messages(line["en"])), f"{code}: the English page's line says {messages(line['en'])}"


@pytest.mark.parametrize("code, lang, kind", CASES, ids=[f"{c}-{l}-{k}" for c, l, k in CASES])
@override_settings(ROOT_URLCONF="djangoapp.lines")
def test_line_sends_the_code(code, lang, kind):
    response = Client().get(f"/line/{kind}/{code}/{lang}/")
    assert response.status_code == code, (
        f"{code}.yaml django.line.{lang} {lines.LINES[(code, lang)]!r} sent {response.status_code} in a {kind} view"
    )
    missing = {name for name in required_headers(code) if not response.headers.get(name)}
    assert not missing, f"{code}.yaml django.line sends {code} without {sorted(missing)}"


def test_no_line_for_codes_never_to_send():
    offenders = sorted({code for code, _ in lines.LINES if CODES[code].standing in NEVER_SENT})
    assert not offenders, f"pages whose code must not be sent show a Django line: {offenders}"


def test_every_page_has_a_verdict():
    missing = sorted(c.code for c in REGISTRY.codes if c.verdict is None)
    assert not missing, f"code pages without a verdict: {missing}"
