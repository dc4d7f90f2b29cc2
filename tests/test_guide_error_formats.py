"""The guide "Error body formats" (docs/ko/guides/error-formats.md, docs/en/guides/error-formats.md).

Checks, in both languages:

- every ```json block parses, and is an example of one of the three formats the guide compares;
- RFC 9457 examples: integer `status` in 400..599, only the five RFC members plus the extension
  members this guide defines (`errors`), `about:blank` titled with the reason phrase;
- AIP-193 examples: integer `error.code`, a `google.rpc.Code` name in `error.status`, `error.code`
  equal to the HTTP status `google/rpc/code.proto` gives that name, exactly one `ErrorInfo`;
- the google.rpc.Code -> HTTP table equals the facts, row by row, and links each code's page;
- both languages show the same examples and have the same heading anchors;
- the DRF handler printed on the page produces the page's problem+json examples, and the
  JavaScript reader printed on the page reads every example (run with Node).

Each check is a function that returns a list of problems; the tests at the end feed those
functions broken input to prove that each check can fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import types
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ko", "en")
PAGES = {lang: ROOT / "docs" / lang / "guides" / "error-formats.md" for lang in LANGS}

# google.rpc.Code -> HTTP status, from the comments in googleapis google/rpc/code.proto
# (facts.md §4). AIP-193 puts this HTTP status in error.code of a JSON error body.
RPC_TO_HTTP = {
    "OK": 200,
    "CANCELLED": 499,
    "UNKNOWN": 500,
    "INVALID_ARGUMENT": 400,
    "DEADLINE_EXCEEDED": 504,
    "NOT_FOUND": 404,
    "ALREADY_EXISTS": 409,
    "PERMISSION_DENIED": 403,
    "RESOURCE_EXHAUSTED": 429,
    "FAILED_PRECONDITION": 400,
    "ABORTED": 409,
    "OUT_OF_RANGE": 400,
    "UNIMPLEMENTED": 501,
    "INTERNAL": 500,
    "UNAVAILABLE": 503,
    "DATA_LOSS": 500,
    "UNAUTHENTICATED": 401,
}
# The enum numbers in google/rpc/code.proto (UNAUTHENTICATED = 16 is declared out of order there).
RPC_NUMBERS = {
    "OK": 0, "CANCELLED": 1, "UNKNOWN": 2, "INVALID_ARGUMENT": 3, "DEADLINE_EXCEEDED": 4,
    "NOT_FOUND": 5, "ALREADY_EXISTS": 6, "PERMISSION_DENIED": 7, "RESOURCE_EXHAUSTED": 8,
    "FAILED_PRECONDITION": 9, "ABORTED": 10, "OUT_OF_RANGE": 11, "UNIMPLEMENTED": 12,
    "INTERNAL": 13, "UNAVAILABLE": 14, "DATA_LOSS": 15, "UNAUTHENTICATED": 16,
}

# RFC 9457 §3.1 members, and the extension members this guide defines (RFC 9457 §3.2) with the
# keys each entry of the extension may have.
PROBLEM_MEMBERS = {"type", "title", "status", "detail", "instance"}
PROBLEM_EXTENSIONS = {"errors": {"pointer", "detail", "code"}}
EXTENSION_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,}")  # RFC 9457 §4
JSON_POINTER_FRAGMENT = re.compile(r"#(/([^/~]|~[01])*)*")  # RFC 6901 §6

# google/rpc/error_details.proto message types
DETAIL_TYPES = {
    "ErrorInfo", "RetryInfo", "DebugInfo", "QuotaFailure", "PreconditionFailure",
    "BadRequest", "RequestInfo", "ResourceInfo", "Help", "LocalizedMessage",
}
TYPE_PREFIX = "type.googleapis.com/google.rpc."
REASON = re.compile(r"[A-Z][A-Z0-9_]+[A-Z0-9]")  # AIP-193: UPPER_SNAKE_CASE, at most 63 characters
METADATA_KEY = re.compile(r"[a-z][a-zA-Z0-9\-_]+")  # AIP-193: lowerCamelCase keys
DURATION = re.compile(r"\d+(\.\d+)?s")  # protobuf Duration in JSON

LEGACY_ENTRY_KEYS = {"domain", "reason", "message", "location", "locationType"}

HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*(?:\{#([^}]*)\})?\s*$")
ANCHOR = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FENCE = re.compile(r"(`{3,})(\S*)\s*$")
LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+\.)\s")
CODE_LINK = re.compile(r"\[([^\]]+)\]\(\.\./(\d{3})\.md(#[^)]*)?\)")
MAPPING_ROW = re.compile(
    r"\|\s*`([A-Z_]+)`\s*\|\s*(\d+)\s*\|\s*\[(\d{3}) ([^\]]+)\]\(\.\./(\d{3})\.md\)\s*\|\s*$"
)


# ---------------------------------------------------------------------------------------------
# Reading the Markdown


def page(lang: str) -> str:
    return PAGES[lang].read_text(encoding="utf-8")


def parse(text: str) -> tuple[list[dict], list[dict]]:
    """Fenced blocks and headings outside fences, each with its line and enclosing h2/h3 anchors."""
    blocks, headings = [], []
    h2 = h3 = None
    lines = text.splitlines()
    fence = None
    for number, line in enumerate(lines, start=1):
        if fence is not None:
            if line.strip() == fence["marker"]:
                fence["body"] = "\n".join(lines[fence["line"]:number - 1])
                blocks.append(fence)
                fence = None
            continue
        opening = FENCE.match(line)
        if opening:
            fence = {"marker": opening.group(1), "lang": opening.group(2), "line": number, "h2": h2, "h3": h3}
            continue
        heading = HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            anchor = heading.group(3)
            headings.append({"level": level, "title": heading.group(2), "anchor": anchor, "line": number})
            if level == 2:
                h2, h3 = anchor, None
            elif level == 3:
                h3 = anchor
    assert fence is None, f"unclosed code fence opened on line {fence['line']}"
    return blocks, headings


def json_examples(text: str) -> list[dict]:
    """Every ```json block with its parsed value (None when it does not parse)."""
    out = []
    for block in parse(text)[0]:
        if block["lang"] == "json":
            try:
                value = json.loads(block["body"])
            except json.JSONDecodeError as exc:
                value, error = None, str(exc)
            else:
                error = None
            out.append({**block, "value": value, "error": error})
    return out


def section(text: str, anchor: str) -> list[str]:
    """The lines of the h2 section with this anchor, up to the next h2."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("## ") and line.rstrip().endswith("{#" + anchor + "}"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start + 1:end]


@cache
def registered_phrase(code: int) -> str:
    path = ROOT / "data" / "codes" / f"{code // 100}xx" / f"{code}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["phrase"]


def code_page_exists(code: int) -> bool:
    return (ROOT / "data" / "codes" / f"{code // 100}xx" / f"{code}.yaml").is_file()


# ---------------------------------------------------------------------------------------------
# The checks: each returns a list of problems (empty when all is well)


def classify(value) -> str | None:
    if not isinstance(value, dict):
        return None
    error = value.get("error")
    if isinstance(error, dict):
        if "status" in error:
            return "aip"
        if "errors" in error:
            return "legacy"
        return None
    if {"type", "title", "status"} & value.keys():
        return "problem"
    return None


def http_status(value) -> int | None:
    kind = classify(value)
    if kind == "problem":
        return value.get("status")
    if kind in ("aip", "legacy"):
        return value["error"].get("code")
    return None


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def problem_errors(problem) -> list[str]:
    """RFC 9457: only its members (§3.1) and named extension members (§3.2, §4)."""
    if not isinstance(problem, dict):
        return ["a problem details object must be a JSON object (RFC 9457 §3)"]
    errors = []
    status = problem.get("status")
    if not (is_int(status) and 400 <= status <= 599):
        errors.append(f"status must be an integer error code in 400..599, not {status!r}")
    for name in problem:
        if name in PROBLEM_MEMBERS:
            continue
        if name not in PROBLEM_EXTENSIONS:
            errors.append(f"unknown member {name!r}: neither an RFC 9457 member nor an extension of this guide")
        elif not EXTENSION_NAME.fullmatch(name):
            errors.append(f"extension name {name!r} breaks the naming rule of RFC 9457 §4")
    for name in ("type", "title", "detail", "instance"):
        if name in problem and not isinstance(problem[name], str):
            errors.append(f"{name} must be a string (RFC 9457 §3.1)")
    if problem.get("type", "about:blank") == "about:blank" and is_int(status) and code_page_exists(status):
        if problem.get("title") != registered_phrase(status):
            errors.append(f"with about:blank the title should be {registered_phrase(status)!r} (RFC 9457 §4.2.1)")
    if "errors" in problem:
        entries = problem["errors"]
        if not isinstance(entries, list) or not entries:
            errors.append("errors must be a non-empty array")
            entries = []
        for entry in entries:
            if not isinstance(entry, dict):
                errors.append(f"errors entry {entry!r} is not an object")
                continue
            extra = entry.keys() - PROBLEM_EXTENSIONS["errors"]
            if extra:
                errors.append(f"errors entry has unknown keys {sorted(extra)}")
            if not isinstance(entry.get("pointer"), str) or not JSON_POINTER_FRAGMENT.fullmatch(entry["pointer"]):
                errors.append(f"pointer {entry.get('pointer')!r} is not a JSON Pointer fragment (RFC 6901)")
            if not isinstance(entry.get("detail"), str):
                errors.append("every errors entry needs a detail string")
    return errors


def aip_errors(body) -> list[str]:
    """AIP-193: google.rpc.Status in JSON, error.code the HTTP status of error.status."""
    if not isinstance(body, dict) or set(body) != {"error"} or not isinstance(body["error"], dict):
        return ['an AIP-193 body is {"error": {...}} and nothing else']
    error = body["error"]
    errors = []
    extra = error.keys() - {"code", "message", "status", "details"}
    if extra:
        errors.append(f"error has unknown keys {sorted(extra)}")
    code, status = error.get("code"), error.get("status")
    if not is_int(code):
        errors.append(f"error.code must be an integer, not {code!r}")
    if status not in RPC_TO_HTTP:
        errors.append(f"error.status {status!r} is not a google.rpc.Code name")
    elif status == "OK":
        errors.append("OK is not an error")
    elif code != RPC_TO_HTTP[status]:
        errors.append(f"error.code is {code!r} but {status} maps to HTTP {RPC_TO_HTTP[status]}")
    if not isinstance(error.get("message"), str):
        errors.append("error.message must be a string")
    details = error.get("details")
    if not isinstance(details, list):
        return errors + ["error.details must be an array"]
    seen = []
    for detail in details:
        kind = detail.get("@type", "") if isinstance(detail, dict) else ""
        name = kind.removeprefix(TYPE_PREFIX)
        if not kind.startswith(TYPE_PREFIX) or name not in DETAIL_TYPES:
            errors.append(f"detail type {kind!r} is not a google.rpc error detail")
            continue
        seen.append(name)
        errors += [f"{name}: {problem}" for problem in detail_errors(name, detail)]
    for name in sorted({n for n in seen if seen.count(n) > 1}):
        errors.append(f"{name} appears {seen.count(name)} times; AIP-193 allows each detail type once")
    if seen.count("ErrorInfo") != 1:
        errors.append("AIP-193 requires exactly one ErrorInfo in details")
    return errors


def detail_errors(name: str, detail: dict) -> list[str]:
    errors = []
    if name == "ErrorInfo":
        reason = detail.get("reason")
        if not isinstance(reason, str) or not REASON.fullmatch(reason) or len(reason) > 63:
            errors.append(f"reason {reason!r} is not UPPER_SNAKE_CASE of at most 63 characters")
        if not isinstance(detail.get("domain"), str) or not detail["domain"]:
            errors.append("domain must be a non-empty string")
        metadata = detail.get("metadata", {})
        if not isinstance(metadata, dict):
            errors.append("metadata must be an object")
        else:
            for key, value in metadata.items():
                if not METADATA_KEY.fullmatch(key) or len(key) > 64:
                    errors.append(f"metadata key {key!r} is not lowerCamelCase")
                if not isinstance(value, str):
                    errors.append(f"metadata value of {key!r} must be a string (map<string, string>)")
    elif name == "BadRequest":
        violations = detail.get("fieldViolations")
        if not isinstance(violations, list) or not violations:
            errors.append("fieldViolations must be a non-empty array")
        else:
            for violation in violations:
                if not (isinstance(violation, dict) and isinstance(violation.get("field"), str)
                        and isinstance(violation.get("description"), str)):
                    errors.append(f"field violation {violation!r} needs field and description strings")
    elif name == "RetryInfo":
        if not isinstance(detail.get("retryDelay"), str) or not DURATION.fullmatch(detail["retryDelay"]):
            errors.append("retryDelay must be a Duration string such as '30s'")
    elif name == "LocalizedMessage":
        if not (isinstance(detail.get("locale"), str) and isinstance(detail.get("message"), str)):
            errors.append("LocalizedMessage needs locale and message strings")
    return errors


def legacy_errors(body) -> list[str]:
    """Google's older JSON error: {"error": {"errors": [{domain, reason, message}], code, message}}."""
    if not isinstance(body, dict) or set(body) != {"error"} or not isinstance(body["error"], dict):
        return ['the older Google body is {"error": {...}} and nothing else']
    error = body["error"]
    errors = []
    if set(error) != {"errors", "code", "message"}:
        errors.append(f"error must have exactly errors, code and message, not {sorted(error)}")
    code = error.get("code")
    if not (is_int(code) and 400 <= code <= 599):
        errors.append(f"error.code must be an integer error code, not {code!r}")
    if not isinstance(error.get("message"), str):
        errors.append("error.message must be a string")
    entries = error.get("errors")
    if not isinstance(entries, list) or not entries:
        return errors + ["error.errors must be a non-empty array"]
    for entry in entries:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("domain", "reason", "message")):
            errors.append(f"entry {entry!r} needs domain, reason and message strings")
        elif entry.keys() - LEGACY_ENTRY_KEYS:
            errors.append(f"entry has unknown keys {sorted(entry.keys() - LEGACY_ENTRY_KEYS)}")
    return errors


CHECKS = {"problem": problem_errors, "aip": aip_errors, "legacy": legacy_errors}


def example_errors(text: str) -> list[str]:
    """Every ```json block parses and is a valid example of one of the three formats."""
    errors = []
    for example in json_examples(text):
        where = f"json block on line {example['line']}"
        if example["error"]:
            errors.append(f"{where}: not valid JSON: {example['error']}")
            continue
        kind = classify(example["value"])
        if kind is None:
            errors.append(f"{where}: not an example of RFC 9457, AIP-193 or Google's older format")
            continue
        errors += [f"{where} ({kind}): {problem}" for problem in CHECKS[kind](example["value"])]
    return errors


def mapping_rows(text: str) -> tuple[list[tuple], list[str]]:
    """The rows of the google.rpc.Code table: (name, number, http, link phrase, link target)."""
    table = [line for line in section(text, "code-mapping") if line.startswith("|")]
    rows, errors = [], []
    if len(table) < 2:
        return rows, ["no table in the code-mapping section"]
    for line in table[2:]:  # skip the header and the separator
        match = MAPPING_ROW.fullmatch(line.strip())
        if not match:
            errors.append(f"row does not read `NAME` | number | [NNN Phrase](../NNN.md): {line}")
            continue
        name, number, http, phrase, target = match.groups()
        rows.append((name, int(number), int(http), phrase, int(target)))
    return rows, errors


def mapping_errors(text: str) -> list[str]:
    rows, errors = mapping_rows(text)
    names = [row[0] for row in rows]
    for name in sorted({n for n in names if names.count(n) > 1}):
        errors.append(f"{name} is listed {names.count(name)} times")
    table = {name: http for name, _, http, _, _ in rows}
    for name in sorted(RPC_TO_HTTP.keys() | table.keys()):
        if table.get(name) != RPC_TO_HTTP.get(name):
            errors.append(f"{name}: the table says {table.get(name)}, code.proto says {RPC_TO_HTTP.get(name)}")
    for name, number, http, phrase, target in rows:
        if RPC_NUMBERS.get(name) != number:
            errors.append(f"{name}: enum number {number}, code.proto says {RPC_NUMBERS.get(name)}")
        if target != http:
            errors.append(f"{name}: the link text says {http} but points to {target}.md")
        if not code_page_exists(http):
            errors.append(f"{name}: there is no page for {http}")
        elif phrase != registered_phrase(http):
            errors.append(f"{name}: link text {http} {phrase!r}, the page is {http} {registered_phrase(http)!r}")
    return errors


def anchor_errors(text: str) -> list[str]:
    """Every h2 and h3 has an explicit ASCII anchor, used once."""
    errors = []
    anchors = []
    for heading in parse(text)[1]:
        if heading["level"] not in (2, 3):
            continue
        anchor = heading["anchor"]
        if anchor is None:
            errors.append(f"line {heading['line']}: heading {heading['title']!r} has no {{#anchor}}")
        elif not ANCHOR.fullmatch(anchor):
            errors.append(f"line {heading['line']}: anchor {anchor!r} is not lowercase ASCII words joined by '-'")
        else:
            anchors.append(anchor)
    for anchor in sorted({a for a in anchors if anchors.count(a) > 1}):
        errors.append(f"anchor {anchor!r} is used twice")
    return errors


def anchors(text: str, levels=(2, 3)) -> set[str]:
    return {h["anchor"] for h in parse(text)[1] if h["level"] in levels and h["anchor"]}


def layout_errors(text: str) -> list[str]:
    """A blank line before every code fence and before the first item of every list."""
    errors = []
    lines = text.splitlines()
    in_fence = None
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        if in_fence:
            if line.strip() == in_fence:
                in_fence = None
            continue
        opening = FENCE.match(line)
        if opening:
            in_fence = opening.group(1)
            if previous.strip():
                errors.append(f"line {index + 1}: no blank line before the code fence")
            continue
        if LIST_ITEM.match(line) and previous.strip() and not LIST_ITEM.match(previous) and not previous.startswith(" "):
            errors.append(f"line {index + 1}: no blank line before the list")
    return errors


def link_errors(text: str) -> list[str]:
    errors = []
    for label, target, fragment in CODE_LINK.findall(text):
        if not code_page_exists(int(target)):
            errors.append(f"[{label}](../{target}.md): there is no page for {target}")
        elif not label.startswith(f"{target} "):
            errors.append(f"[{label}](../{target}.md): the link text should start with the code")
    own = anchors(text, levels=(1, 2, 3, 4))
    for fragment in re.findall(r"\]\(#([^)]+)\)", text):
        if fragment not in own:
            errors.append(f"link to #{fragment}, which is not an anchor on this page")
    return errors


def skeleton(value, key=None):
    """An example with its human-language text blanked, to compare the two languages."""
    if isinstance(value, dict):
        return {k: skeleton(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [skeleton(v) for v in value]
    if key in ("title", "detail", "message", "description") and isinstance(value, str):
        return "..."
    return value


# ---------------------------------------------------------------------------------------------
# The pages


@pytest.mark.parametrize("lang", LANGS)
def test_page_has_a_title(lang):
    text = page(lang)
    assert text.startswith("---\n"), "the page starts with front matter"
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    assert meta.get("title") and meta.get("description")
    assert sum(1 for h in parse(text)[1] if h["level"] == 1) == 1, "exactly one h1"


@pytest.mark.parametrize("lang", LANGS)
def test_every_json_block_is_a_valid_example(lang):
    examples = json_examples(page(lang))
    assert len(examples) >= 7
    assert example_errors(page(lang)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_format_has_examples(lang):
    kinds = [classify(e["value"]) for e in json_examples(page(lang))]
    assert kinds.count("problem") >= 2
    assert kinds.count("aip") >= 3
    assert kinds.count("legacy") >= 2


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("anchor, status", [("validation-example", 400), ("not-found-example", 404)])
def test_the_same_error_is_written_in_each_format(lang, anchor, status):
    examples = [e for e in json_examples(page(lang)) if e["h2"] == "same-error" and e["h3"] == anchor]
    assert sorted(classify(e["value"]) for e in examples) == ["aip", "legacy", "problem"]
    assert [http_status(e["value"]) for e in examples] == [status] * 3


def test_both_languages_show_the_same_examples():
    ko, en = ([skeleton(e["value"]) for e in json_examples(page(lang))] for lang in LANGS)
    assert ko == en


@pytest.mark.parametrize("lang", LANGS)
def test_mapping_table_equals_the_facts(lang):
    rows, _ = mapping_rows(page(lang))
    assert len(rows) == 17
    assert mapping_errors(page(lang)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_headings_have_ascii_anchors(lang):
    assert anchor_errors(page(lang)) == []
    assert len(anchors(page(lang), levels=(2,))) >= 7


def test_both_languages_have_the_same_anchors():
    assert anchors(page("ko")) == anchors(page("en"))


@pytest.mark.parametrize("lang", LANGS)
def test_blank_line_before_lists_and_code_fences(lang):
    assert layout_errors(page(lang)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_links_point_to_existing_code_pages_and_anchors(lang):
    assert len(CODE_LINK.findall(page(lang))) >= 17
    assert link_errors(page(lang)) == []


# ---------------------------------------------------------------------------------------------
# The code on the page


def handler_source(lang: str) -> str:
    blocks = [b["body"] for b in parse(page(lang))[0] if b["lang"] == "python" and "def problem_exception_handler" in b["body"]]
    assert len(blocks) == 1, "the page shows the handler once"
    return blocks[0]


def page_example(lang: str, anchor: str, kind: str) -> dict:
    [example] = [e["value"] for e in json_examples(page(lang))
                 if e["h3"] == anchor and classify(e["value"]) == kind]
    return example


@pytest.fixture
def drf_handler(request):
    """The handler from the page, loaded as a module and set as DRF's EXCEPTION_HANDLER."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import override_settings

    lang = request.param
    name = f"guide_error_formats_handler_{lang}"
    module = types.ModuleType(name)
    exec(compile(handler_source(lang), f"docs/{lang}/guides/error-formats.md", "exec"), module.__dict__)
    sys.modules[name] = module
    rest = {**getattr(settings, "REST_FRAMEWORK", {}), "EXCEPTION_HANDLER": f"{name}.problem_exception_handler"}
    try:
        with override_settings(REST_FRAMEWORK=rest):
            yield lang
    finally:
        del sys.modules[name]


def run_view(view, request, **kwargs):
    response = view(request, **kwargs)
    response.render()
    return response


@pytest.mark.parametrize("drf_handler", LANGS, indirect=True)
def test_handler_on_the_page_produces_the_validation_example(drf_handler):
    from rest_framework import serializers
    from rest_framework.response import Response
    from rest_framework.test import APIRequestFactory
    from rest_framework.views import APIView

    lang = drf_handler
    expected = page_example(lang, "validation-example", "problem")
    # English shows DRF's own messages; the Korean page says its messages come from error_messages.
    messages = {e["pointer"][2:]: e["detail"] for e in expected["errors"]} if lang == "ko" else {}

    class BookSerializer(serializers.Serializer):
        title = serializers.CharField(**({"error_messages": {"blank": messages["title"]}} if messages else {}))
        price = serializers.IntegerField(min_value=0, **({"error_messages": {"min_value": messages["price"]}} if messages else {}))

    class BookList(APIView):
        def post(self, request):
            serializer = BookSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            return Response(serializer.data, status=201)

    request = APIRequestFactory().post(expected["instance"], {"title": "", "price": -1000}, format="json")
    response = run_view(BookList.as_view(), request)
    assert response.status_code == expected["status"]
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content) == expected


@pytest.mark.parametrize("drf_handler", LANGS, indirect=True)
def test_handler_on_the_page_produces_the_not_found_example(drf_handler):
    from rest_framework.exceptions import NotFound
    from rest_framework.test import APIRequestFactory
    from rest_framework.views import APIView

    expected = page_example(drf_handler, "not-found-example", "problem")

    class BookDetail(APIView):
        def get(self, request, pk):
            raise NotFound(expected["detail"])

    request = APIRequestFactory().get(expected["instance"], HTTP_ACCEPT="application/json")
    response = run_view(BookDetail.as_view(), request, pk=42)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content) == expected


@pytest.mark.parametrize("drf_handler", LANGS, indirect=True)
def test_handler_keeps_the_headers_drf_sets(drf_handler):
    from rest_framework.exceptions import Throttled
    from rest_framework.test import APIRequestFactory
    from rest_framework.views import APIView

    class Limited(APIView):
        def get(self, request):
            raise Throttled(wait=30)

    response = run_view(Limited.as_view(), APIRequestFactory().get("/api/orders"))
    body = json.loads(response.content)
    assert response.status_code == 429 and response["Retry-After"] == "30"
    assert body["type"] == "about:blank" and body["title"] == "Too Many Requests" and body["status"] == 429
    assert problem_errors(body) == []


JS_HARNESS = """
import { readFileSync } from "node:fs";
import { readApiError } from "./reader.mjs";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = [];
for (const c of cases) {
  const init = { status: c.status, headers: c.contentType ? { "Content-Type": c.contentType } : {} };
  results.push(await readApiError(new Response(c.body === null ? null : JSON.stringify(c.body), init)));
}
console.log(JSON.stringify(results));
"""
CONTENT_TYPES = {
    "problem": "application/problem+json",
    "aip": "application/json; charset=UTF-8",
    "legacy": "Application/JSON",
}


def expected_reading(kind: str, value: dict) -> dict:
    if kind == "problem":
        fields = [{"field": e["pointer"][2:], "message": e["detail"]} for e in value.get("errors", [])]
        return {"status": value["status"], "code": value["type"],
                "message": value.get("detail", value["title"]), "fields": fields}
    error = value["error"]
    if kind == "aip":
        details = {d["@type"].removeprefix(TYPE_PREFIX): d for d in error["details"]}
        info = details["ErrorInfo"]
        fields = [{"field": v["field"], "message": v["description"]}
                  for v in details.get("BadRequest", {}).get("fieldViolations", [])]
        return {"status": error["code"], "code": f"{info['domain']}/{info['reason']}",
                "message": error["message"], "fields": fields}
    return {"status": error["code"], "code": error["errors"][0]["reason"], "message": error["message"], "fields": []}


@pytest.mark.parametrize("lang", LANGS)
def test_client_reader_on_the_page_reads_every_example(lang, tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    blocks = [b["body"] for b in parse(page(lang))[0] if b["lang"] == "js" and "readApiError" in b["body"]]
    assert len(blocks) == 1, "the page shows the reader once"
    (tmp_path / "reader.mjs").write_text(blocks[0], encoding="utf-8")
    (tmp_path / "run.mjs").write_text(JS_HARNESS, encoding="utf-8")
    examples = [(classify(e["value"]), e["value"]) for e in json_examples(page(lang))]
    cases = [{"status": http_status(v), "contentType": CONTENT_TYPES[k], "body": v} for k, v in examples]
    cases.append({"status": 502, "contentType": "text/html", "body": None})
    # A pointer in URI-fragment form (RFC 6901 §6), percent-encoded as the handler writes it.
    encoded = {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
               "errors": [{"pointer": "#/%EC%A0%9C%EB%AA%A9/a~1b", "detail": "x"}]}
    cases.append({"status": 422, "contentType": "application/problem+json", "body": encoded})
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    proc = subprocess.run([node, "run.mjs", "cases.json"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)
    expected = [expected_reading(k, v) for k, v in examples]
    expected.append({"status": 502, "code": None, "message": "", "fields": []})
    expected.append({"status": 422, "code": "about:blank", "message": "Unprocessable Content",
                     "fields": [{"field": "제목/a/b", "message": "x"}]})
    assert results == expected


# ---------------------------------------------------------------------------------------------
# Each check can fail


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"expected exactly one {old!r}"
    return text.replace(old, new)


@pytest.mark.parametrize("old, new", [
    ("| `NOT_FOUND` | 5 | [404 Not Found](../404.md) |", "| `NOT_FOUND` | 5 | [400 Bad Request](../400.md) |"),
    ("| `CANCELLED` | 1 | [499 Client Closed Request](../499.md) |", ""),
    ("| `ABORTED` | 10 |", "| `ABORTED` | 9 |"),
    ("[429 Too Many Requests](../429.md) |", "[429 Too Many Requests](../428.md) |"),
    ("| `OK` | 0 | [200 OK](../200.md) |", "| `OK` | 0 | [200 OK](../200.md) |\n| `OK` | 0 | [200 OK](../200.md) |"),
    ("| `DATA_LOSS` | 15 | [500 Internal Server Error](../500.md) |", "| `DATA_LOSS` | 15 | 500 |"),
])
def test_mapping_check_catches_a_wrong_table(old, new):
    assert mapping_errors(replace_once(page("en"), old, new)) != []


@pytest.mark.parametrize("change", [
    {"status": 200},
    {"status": "400"},
    {"status": 404.0},
    {"foo": 1},
    {"title": "Oops", "type": "about:blank"},
    {"errors": [{"field": "title", "detail": "blank"}]},
    {"errors": [{"pointer": "title", "detail": "blank"}]},
])
def test_problem_check_catches_a_bad_problem(change):
    problem = {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "x", "instance": "/a"}
    assert problem_errors(problem) == []
    assert problem_errors({**problem, **change}) != []


@pytest.mark.parametrize("change", [
    {"code": 400},                      # NOT_FOUND maps to 404
    {"code": "404"},
    {"status": "BAD_REQUEST"},
    {"status": "OK", "code": 200},
    {"details": []},                    # ErrorInfo is required
    {"details": [{"@type": TYPE_PREFIX + "ErrorInfo", "reason": "X_Y", "domain": "d"}] * 2},
    {"details": [{"@type": TYPE_PREFIX + "ErrorInfo", "reason": "bookNotFound", "domain": "d"}]},
    {"details": [{"@type": TYPE_PREFIX + "ErrorInfo", "reason": "NOT_FOUND", "domain": "d", "metadata": {"id": 42}}]},
])
def test_aip_check_catches_a_bad_status(change):
    error = {"code": 404, "message": "m", "status": "NOT_FOUND",
             "details": [{"@type": TYPE_PREFIX + "ErrorInfo", "reason": "BOOK_NOT_FOUND", "domain": "api.example.com"}]}
    assert aip_errors({"error": error}) == []
    assert aip_errors({"error": {**error, **change}}) != []


def test_example_check_catches_bad_json_and_unknown_shapes():
    assert example_errors('x\n\n```json\n{"type": "about:blank", "status": 404,}\n```\n') != []
    assert example_errors('x\n\n```json\n{"ok": true}\n```\n') != []
    assert example_errors('x\n\n```json\n{"error": {"code": 404, "message": "m"}}\n```\n') != []


def test_legacy_check_catches_a_bad_body():
    body = {"error": {"errors": [{"domain": "global", "reason": "notFound", "message": "m"}], "code": 404, "message": "m"}}
    assert legacy_errors(body) == []
    assert legacy_errors({"error": {**body["error"], "code": "404"}}) != []
    assert legacy_errors({"error": {**body["error"], "errors": []}}) != []


def test_anchor_checks_catch_missing_and_different_anchors():
    en = page("en")
    assert anchor_errors(replace_once(en, "## Side by side {#comparison}", "## Side by side")) != []
    assert anchor_errors(replace_once(en, "{#comparison}", "{#비교}")) != []
    assert anchors(replace_once(en, "{#comparison}", "{#side-by-side}")) != anchors(page("ko"))


def test_layout_and_link_checks_catch_mistakes():
    assert layout_errors("Text\n```json\n{}\n```\n") != []
    assert layout_errors("Text\n- item\n") != []
    assert layout_errors("Text\n\n- item\n- item\n  more\n- item\n") == []
    assert link_errors("[404 Not Found](../404.md)") == []
    assert link_errors("[404 Not Found](../405.md)") != []
    assert link_errors("[999 Nope](../999.md)") != []
    assert link_errors("see [below](#nowhere)") != []


def test_skeleton_comparison_catches_a_different_example():
    en = [skeleton(e["value"]) for e in json_examples(page("en"))]
    changed = replace_once(page("en"), '"bookId": "42"', '"bookId": "43"')
    assert [skeleton(e["value"]) for e in json_examples(changed)] != en


@pytest.mark.parametrize("drf_handler", LANGS, indirect=True)
def test_handler_does_not_label_the_browsable_api_page_problem_json(drf_handler):
    from rest_framework.exceptions import NotFound
    from rest_framework.test import APIRequestFactory
    from rest_framework.views import APIView

    class BookDetail(APIView):
        def get(self, request, pk):
            raise NotFound("gone")

    request = APIRequestFactory().get("/api/books/42", HTTP_ACCEPT="text/html")
    response = run_view(BookDetail.as_view(), request, pk=42)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("drf_handler", LANGS, indirect=True)
def test_handler_pointers_escape_and_percent_encode_names(drf_handler):
    module = sys.modules[f"guide_error_formats_handler_{drf_handler}"]
    assert module._pointer(("extra", "a/b~c", 0)) == "#/extra/a~1b~0c/0"
    assert module._pointer(("제목",)) == "#/%EC%A0%9C%EB%AA%A9"


@pytest.mark.parametrize("lang", LANGS)
def test_aip_messages_are_english_and_the_users_words_are_localized(lang):
    # AIP-193 Status.message: the developer-facing message "should be in English"; localized
    # text goes in google.rpc.LocalizedMessage (google/rpc/status.proto).
    hangul = re.compile(r"[\uac00-\ud7a3]")
    aip = [e["value"] for e in json_examples(page(lang)) if classify(e["value"]) == "aip"]
    assert aip
    for body in aip:
        assert not hangul.search(body["error"]["message"]), body["error"]["message"]
        localized = [d for d in body["error"].get("details", []) if d["@type"].endswith("LocalizedMessage")]
        assert all(d["locale"] == "ko-KR" and hangul.search(d["message"]) for d in localized)
