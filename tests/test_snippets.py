"""Every snippet on the site, checked by the tool its reader would run it with.

The blocks are found in the sources (tests/snippet_blocks.py): every Markdown field of the data
in every language, every example exchange as written and as each page shows it, and the
hand-written guides with their includes. A new block is checked without a change here; each
test id names the file, code, field, language and block number.

- http: the exchange parsed by h11 (tests/snippet_http.py);
- js: Node's parser as an ES module, and ESLint's no-undef with browser globals and
  no-unused-vars inside functions (snippet_js.mjs);
- python: compile(), and its absolute imports run in the tests' Django project;
- nginx: `nginx -t` in the smallest configuration that holds the block (snippet_nginx.py);
- json: json.loads; sh: `bash -n`;
- html (a Django template): Django's template engine compiles it, and the HTML it renders has
  its elements nested and closed (snippet_html.py).
A block in any other language, or with none, fails until a checker is added here.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess

import django
import pytest

from conftest import real_registry
from snippet_blocks import Block, all_blocks, fenced_blocks
from snippet_html import check_html
from snippet_http import check_exchange
from snippet_js import check_js
from snippet_nginx import check_nginx

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")  # the tests' project, for imports
django.setup()

BLOCKS = all_blocks(real_registry())


# Packages a Python block imports on purpose that the tests' project does not install.
NOT_INSTALLED = {
    "channels": "Django Channels, for the 101 page's WebSocket consumer",
}


def check_python(text: str) -> list[str]:
    """compile(), then every absolute import the block makes, run in the tests' Django project
    (Django and DRF at the pinned versions): a misspelt module or name fails."""
    try:
        tree = compile(text, "<snippet>", "exec", flags=ast.PyCF_ONLY_AST)
        compile(tree, "<snippet>", "exec")
    except SyntaxError as exc:
        return [f"Python: line {exc.lineno}: {exc.msg}"]
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or getattr(node, "level", 0):
            continue  # a relative import names the reader's own app
        modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module]
        if any(module.split(".")[0] in NOT_INSTALLED for module in modules):
            continue
        try:
            exec(compile(ast.Module([node], []), "<snippet>", "exec"), {})
        except ImportError as exc:
            problems.append(f"Python: line {node.lineno}: {ast.unparse(node)}: {exc}")
    return problems


def check_json(text: str) -> list[str]:
    try:
        json.loads(text)
    except ValueError as exc:
        return [f"JSON: {exc}"]
    return []


def check_sh(text: str) -> list[str]:
    run = subprocess.run(["bash", "-n"], input=text, capture_output=True, text=True, timeout=30)
    return [f"bash -n: {line}" for line in run.stderr.splitlines()] if run.returncode else []


CHECKERS = {
    "http": lambda block: check_exchange(block.text),
    "python": lambda block: check_python(block.text),
    "json": lambda block: check_json(block.text),
    "sh": lambda block: check_sh(block.text),
    "nginx": lambda block: check_nginx(block.text, block.info),
    "html": lambda block: check_html(block.text),
}
LANGUAGES = {*CHECKERS, "js"}


def _of(*langs: str) -> list:
    return [pytest.param(b, id=b.id) for b in BLOCKS if b.lang in langs]


def _report(block: Block, problems: list[str]) -> str:
    return f"{block.where}:\n  " + "\n  ".join(problems) + "\n--- the block ---\n" + block.text


def test_every_block_has_a_checker():
    unchecked = [f"{b.where}: no checker for language {b.lang or '(none)'!r}" for b in BLOCKS if b.lang not in LANGUAGES]
    assert not unchecked, "\n".join(unchecked)


def test_the_site_has_blocks_of_every_checked_kind():
    # If the finder broke and found nothing, every parametrized test below would vanish silently.
    found = {b.lang for b in BLOCKS}
    assert found >= LANGUAGES - {"html"}, f"no blocks found in: {sorted(LANGUAGES - {'html'} - found)}"
    assert sum(b.lang == "http" for b in BLOCKS) >= 3 * 60  # each example: data, ko page, en page


@pytest.mark.parametrize("block", _of(*CHECKERS))
def test_snippet(block: Block):
    problems = CHECKERS[block.lang](block)
    assert not problems, _report(block, problems)


@pytest.fixture(scope="module")
def js_results():
    return check_js({b.id: b.text for b in BLOCKS if b.lang == "js"})


@pytest.mark.parametrize("block", _of("js"))
def test_javascript_snippet(block: Block, js_results):
    problems = js_results[block.id]
    assert not problems, _report(block, problems)


# --- Each checker fails on a broken block -------------------------------------------------------

GOOD_EXCHANGE = """POST /api/books HTTP/1.1
Host: api.example.com
Content-Type: application/json
Content-Length: 16

{"title": "밤"}

HTTP/1.1 201 Created
Location: /api/books/42
Content-Length: 0"""


def test_the_good_exchange_passes():
    assert check_exchange(GOOD_EXCHANGE) == []


@pytest.mark.parametrize("broken, expected", [
    # 15 characters, 16 bytes: the length counts UTF-8 bytes
    (GOOD_EXCHANGE.replace("Content-Length: 16", "Content-Length: 15"), "Content-Length: 15 but the body shown is 16 bytes"),
    (GOOD_EXCHANGE.replace("Content-Length: 16\n", ""), "declares no length: add Content-Length: 16"),
    (GOOD_EXCHANGE.replace("Location: /api/books/42", "Location : /api/books/42"), "h11"),
    (GOOD_EXCHANGE.replace("Host: api.example.com\n", ""), "h11"),
    (GOOD_EXCHANGE.replace("HTTP/1.1 201 Created", "HTTP/1.1 201Created"), "a request with no response"),
    (GOOD_EXCHANGE.replace("Content-Length: 0", "Content-Length: 0\n  folded"), "line folding"),
    (GOOD_EXCHANGE.replace("HTTP/1.1 201 Created\nLocation: /api/books/42\nContent-Length: 0",
                           "HTTP/1.1 204 No Content\nContent-Length: 0"), "must not carry Content-Length"),
    (GOOD_EXCHANGE.replace("HTTP/1.1 201 Created\nLocation: /api/books/42\nContent-Length: 0",
                           "HTTP/1.1 204 No Content\n\n{}"), "has no body"),
    (GOOD_EXCHANGE.replace('{"title": "밤"}', "[15 bytes of JSON]"), "must declare Content-Length: 15"),
    (GOOD_EXCHANGE.replace('{"title": "밤"}', "(15 bytes of JSON)"), "looks like a stand-in"),
    (GOOD_EXCHANGE.replace("HTTP/1.1 201 Created", "HTTP/2 201"), "mix HTTP/1.x text with HTTP/2"),
    (GOOD_EXCHANGE.replace("HTTP/1.1", "HTTP/2").replace("Host:", "host:").replace("Content-Type:", "content-type:")
     .replace("Content-Length:", "content-length:").replace("Location:", "Location:"), "field names are lower case"),
    (GOOD_EXCHANGE.split("\n\nHTTP/1.1")[0], "no response after it"),
])
def test_the_http_check_fails_on_a_broken_exchange(broken, expected):
    problems = check_exchange(broken)
    assert any(expected in p for p in problems), problems


def test_an_interim_response_and_a_body_sent_after_it_pass():
    exchange = ("PUT /v HTTP/1.1\nHost: a.example\nContent-Length: 9\nExpect: 100-continue\n\n"
                "HTTP/1.1 100 Continue\n\n[9 bytes of video]\n\nHTTP/1.1 204 No Content")
    assert check_exchange(exchange) == []
    assert check_exchange(exchange.replace("Content-Length: 9", "Content-Length: 8")) != []


def test_a_request_answered_before_its_body_needs_the_connection_closed():
    exchange = ("POST /u HTTP/1.1\nHost: a.example\nContent-Length: 900\n\n"
                "HTTP/1.1 413 Content Too Large\nContent-Length: 0\nConnection: close")
    assert check_exchange(exchange) == []
    assert check_exchange(exchange.replace("\nConnection: close", "")) != []


@pytest.mark.parametrize("code, expected", [
    ("const x = ;", "SyntaxError"),
    ("const response = await fetch('/a');\nif (!response.ok) return;", "Illegal return"),
    ("async function load() {\n  const r = await fetch('/a');\n  showError(r.status);\n}", "'showError' is not defined"),
    ("async function load(response) {\n  if (status === 404) return null;\n}", "'status' is not defined"),
    ("async function load(url) {\n  async function load(url) {\n    return fetch(url);\n  }\n}", "'load' is defined but never used"),
    ("async function load(url) {\n  const whole = await fetch(url);\n}", "'whole' is assigned a value but never used"),
])
def test_the_javascript_check_fails_on_a_broken_snippet(code, expected):
    problems = check_js({"broken": code, "fine": "export async function load(showError) {\n"
                                             "  const r = await fetch('/a');\n  if (!r.ok) showError(r.status);\n}"})
    assert problems["fine"] == []
    assert any(expected in p for p in problems["broken"]), problems


def test_the_html_check_fails_on_a_broken_template():
    assert check_html('{% load static %}<!doctype html>\n<html><head><meta charset="utf-8">'
                      '<script src="{% static \'a.js\' %}"></script></head><body><p>Hi</p></body></html>') == []
    assert any("Unclosed tag" in p for p in check_html("{% if user %}<p>Hi</p>"))
    assert any("not a registered tag library" in p for p in check_html("{% load nosuch %}"))
    assert any("</div> where </p>" in p for p in check_html("<div><p>Hi</div>"))
    assert any("never closed" in p for p in check_html("<main><p>Hi</p>"))


def test_the_python_json_and_shell_checks_fail_on_broken_snippets():
    assert check_python("def view(request):\n    return 1") == []
    assert check_python("return JsonResponse({})") != []
    assert check_python("from rest_framework.exceptions import Throttled") == []
    assert any("cannot import name 'Throttle'" in p for p in check_python("from rest_framework.exceptions import Throttle"))
    assert any("No module named" in p for p in check_python("def view(request):\n    import djangoo.http"))
    assert check_json('{"a": 1}') == [] and check_json('{"a": 1,}') != []
    assert check_sh("curl -s https://example.com | head") == [] and check_sh("if true; then echo") != []


@pytest.mark.parametrize("text, info, expected", [
    ("location / {\n    listen 80;\n}", "", '"listen" directive is not allowed here'),
    ("server {\n    listen 443 ssl;\n}", "", 'no "ssl_certificate" is defined'),
    ("proxy_pass http://django;", "server", '"proxy_pass" directive is not allowed here'),
    ("client_max_body_size 1g;", "", "cannot tell where this block goes"),
    ("server {\n    retrun 444;\n}", "", 'unknown directive "retrun"'),
])
def test_the_nginx_check_fails_on_a_broken_block(text, info, expected):
    problems = check_nginx(text, info)
    assert any(expected in p for p in problems), problems


def test_the_nginx_check_passes_blocks_in_their_context():
    assert check_nginx("location /api/ {\n    proxy_pass http://django;\n}") == []
    assert check_nginx("client_max_body_size 1g;", "server") == []
    assert check_nginx("client_max_body_size 1g;", 'server title="sites-available/api"') == []
    assert check_nginx("server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/site.pem;\n"
                       "    ssl_certificate_key /etc/nginx/site.key;\n    return 444;\n}") == []


def test_blocks_are_found_inside_list_items_with_their_language_and_context():
    text = "- first\n\n    ```nginx server\n    client_max_body_size 1g;\n    ```\n\n```js\nlet a = 1;\n```\n"
    assert fenced_blocks(text) == [("nginx", "server", "client_max_body_size 1g;"), ("js", "", "let a = 1;")]
