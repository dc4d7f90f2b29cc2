"""Facts are tested, not trusted: the data is checked against the IANA registry, RFC 9110,
Python's http.HTTPStatus and DRF's status module."""

from __future__ import annotations

import http
import re

import pytest

from statuscodes.model import Standing

# The IANA HTTP Status Code Registry: code -> (registered phrase, document, section).
REGISTRY = {
    100: ("Continue", 9110, "15.2.1"), 101: ("Switching Protocols", 9110, "15.2.2"),
    102: ("Processing", 2518, "10.1"), 103: ("Early Hints", 8297, "2"),
    104: ("Upload Resumption Supported", "draft-ietf-httpbis-resumable-upload", None),
    200: ("OK", 9110, "15.3.1"), 201: ("Created", 9110, "15.3.2"), 202: ("Accepted", 9110, "15.3.3"),
    203: ("Non-Authoritative Information", 9110, "15.3.4"), 204: ("No Content", 9110, "15.3.5"),
    205: ("Reset Content", 9110, "15.3.6"), 206: ("Partial Content", 9110, "15.3.7"),
    207: ("Multi-Status", 4918, "11.1"), 208: ("Already Reported", 5842, "7.1"), 226: ("IM Used", 3229, "10.4.1"),
    300: ("Multiple Choices", 9110, "15.4.1"), 301: ("Moved Permanently", 9110, "15.4.2"),
    302: ("Found", 9110, "15.4.3"), 303: ("See Other", 9110, "15.4.4"), 304: ("Not Modified", 9110, "15.4.5"),
    305: ("Use Proxy", 9110, "15.4.6"), 306: ("(Unused)", 9110, "15.4.7"),
    307: ("Temporary Redirect", 9110, "15.4.8"), 308: ("Permanent Redirect", 9110, "15.4.9"),
    400: ("Bad Request", 9110, "15.5.1"), 401: ("Unauthorized", 9110, "15.5.2"),
    402: ("Payment Required", 9110, "15.5.3"), 403: ("Forbidden", 9110, "15.5.4"),
    404: ("Not Found", 9110, "15.5.5"), 405: ("Method Not Allowed", 9110, "15.5.6"),
    406: ("Not Acceptable", 9110, "15.5.7"), 407: ("Proxy Authentication Required", 9110, "15.5.8"),
    408: ("Request Timeout", 9110, "15.5.9"), 409: ("Conflict", 9110, "15.5.10"), 410: ("Gone", 9110, "15.5.11"),
    411: ("Length Required", 9110, "15.5.12"), 412: ("Precondition Failed", 9110, "15.5.13"),
    413: ("Content Too Large", 9110, "15.5.14"), 414: ("URI Too Long", 9110, "15.5.15"),
    415: ("Unsupported Media Type", 9110, "15.5.16"), 416: ("Range Not Satisfiable", 9110, "15.5.17"),
    417: ("Expectation Failed", 9110, "15.5.18"), 418: ("(Unused)", 9110, "15.5.19"),
    421: ("Misdirected Request", 9110, "15.5.20"), 422: ("Unprocessable Content", 9110, "15.5.21"),
    423: ("Locked", 4918, "11.3"), 424: ("Failed Dependency", 4918, "11.4"), 425: ("Too Early", 8470, "5.2"),
    426: ("Upgrade Required", 9110, "15.5.22"), 428: ("Precondition Required", 6585, "3"),
    429: ("Too Many Requests", 6585, "4"), 431: ("Request Header Fields Too Large", 6585, "5"),
    451: ("Unavailable For Legal Reasons", 7725, "3"),
    500: ("Internal Server Error", 9110, "15.6.1"), 501: ("Not Implemented", 9110, "15.6.2"),
    502: ("Bad Gateway", 9110, "15.6.3"), 503: ("Service Unavailable", 9110, "15.6.4"),
    504: ("Gateway Timeout", 9110, "15.6.5"), 505: ("HTTP Version Not Supported", 9110, "15.6.6"),
    506: ("Variant Also Negotiates", 2295, "8.1"), 507: ("Insufficient Storage", 4918, "11.5"),
    508: ("Loop Detected", 5842, "7.2"), 510: ("Not Extended", 2774, "7"),
    511: ("Network Authentication Required", 6585, "6"),
}
# Heuristically cacheable by default: RFC 9110 §15.1 lists its own codes; RFC 7725 §3 adds 451;
# RFC 3229 §10.4.1 gives 226 RFC 2616's "cacheable by default" wording (RFC 9111 §4.2.2).
CACHEABLE = {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501, 451, 226}
# Header fields the RFCs tie to a code, with the least requirement level the page must state.
REQUIRED_HEADERS = {
    101: [("Upgrade", "must")], 401: [("WWW-Authenticate", "must")], 405: [("Allow", "must")],
    407: [("Proxy-Authenticate", "must")], 426: [("Upgrade", "must")],
    206: [("Content-Range", "must")], 416: [("Content-Range", "should")],
    201: [("Location", "may")], 301: [("Location", "should")], 302: [("Location", "should")],
    303: [("Location", "should")], 307: [("Location", "should")], 308: [("Location", "should")],
    413: [("Retry-After", "may")], 429: [("Retry-After", "may")], 503: [("Retry-After", "may")],
    415: [("Accept", "may")], 304: [("ETag", "should")],
}
LEVELS = {"may": 0, "should": 1, "must": 2}
# Pairs readers confuse; each side's page must explain the difference to the other.
CONFUSED_PAIRS = [
    (401, 403), (400, 422), (404, 410), (301, 302), (301, 308), (302, 303), (302, 307), (307, 308),
    (303, 307), (200, 201), (200, 204), (201, 204), (409, 412), (412, 428), (409, 428), (429, 503),
    (502, 503), (502, 504), (503, 504), (405, 501), (406, 415),
]


def registered(registry):
    return [c for c in registry.codes if c.standing is not Standing.unofficial]


def test_registered_codes_and_phrases_match_the_iana_registry(registry):
    data = {c.code: c.phrase for c in registered(registry)}
    assert data == {code: phrase for code, (phrase, _, _) in REGISTRY.items()}


def test_spec_reference_of_every_registered_code(registry):
    for c in registered(registry):
        _, document, section = REGISTRY[c.code]
        first = c.spec[0]
        if isinstance(document, int):
            assert (first.rfc, first.section) == (document, section), c.code
            anchor = "appendix" if section[0].isalpha() else "section"
            assert first.href == f"https://www.rfc-editor.org/rfc/rfc{document}.html#{anchor}-{section}"
        else:
            assert first.draft == document, c.code


def test_reason_phrases_agree_with_python_http_status(registry):
    # Python 3.11 still uses some RFC 7231 names; those must be listed as other (older) names.
    for c in registered(registry):
        try:
            python_phrase = http.HTTPStatus(c.code).phrase
        except ValueError:
            continue
        known = {c.phrase.lower()} | {p.lower() for p in c.other_phrases}
        assert python_phrase.lower() in known, f"{c.code}: Python says {python_phrase!r}"


def test_cacheable_by_default_matches_rfc_9110_section_15_1(registry):
    assert {c.code for c in registry.codes if c.cacheable} == CACHEABLE


@pytest.mark.parametrize("code, expected", sorted(REQUIRED_HEADERS.items()))
def test_pages_state_the_headers_the_rfc_ties_to_the_code(registry, code, expected):
    headers = {h.name.lower(): h.level for h in registry.get(code).headers}
    for name, level in expected:
        assert name.lower() in headers, f"{code} must mention {name}"
        assert LEVELS[headers[name.lower()]] >= LEVELS[level], f"{code}: {name} is at least {level}"


@pytest.mark.parametrize("a, b", CONFUSED_PAIRS)
def test_confused_pairs_are_explained_on_both_pages(registry, a, b):
    assert b in registry.get(a).related, f"{a} should explain how it differs from {b}"
    assert a in registry.get(b).related, f"{b} should explain how it differs from {a}"


_CODE = re.compile(r"```.*?```|`[^`]*`|\]\([^)]*\)", re.S)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _prose(markdown: str) -> str:
    return _CODE.sub(" ", markdown)


def test_english_prose_has_no_korean_and_korean_prose_is_korean(registry):
    for c in registry.codes:
        for field in ("meaning", "when_to_use", "client", "frontend", "history"):
            text = getattr(c, field)
            if text is None:
                continue
            assert not _HANGUL.search(_prose(text.en)), f"{c.code}.{field}.en has Korean"
            for paragraph in _prose(text.ko).split("\n\n"):
                words = re.findall(r"[A-Za-z]{4,}", paragraph)
                hangul = len(_HANGUL.findall(paragraph))
                assert hangul >= len(words), f"{c.code}.{field}.ko reads as English: {paragraph[:80]!r}"


