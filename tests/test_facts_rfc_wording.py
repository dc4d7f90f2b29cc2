"""Claims on the 1xx-3xx pages that the review of 2026-12-05 held against the RFC text.

- 101: RFC 9113 §3.1 deprecates the "h2c" upgrade token; Appendix B drops the HTTP/1.1 Upgrade
  route to HTTP/2.
- 102: no RFC or IANA marker formally deprecates 102 (RFC 4918 left it out); 305's deprecation is
  normative (RFC 9110 §15.4.6). The page must say the difference.
- 301: RFC 9110 §15.4.2 says a link-editing user agent "can" replace references and that the
  suggestion is usually ignored; "ought to" was RFC 2616's wording.
- 100: PEP 3333 allows a server to send 100 only when the application first reads wsgi.input."""

from __future__ import annotations

import pytest

LANGS = ["ko", "en"]


def _flat(text: str) -> str:
    return " ".join(text.split())  # a line wrap must not hide or split a phrase


@pytest.mark.parametrize("lang", LANGS)
def test_the_101_page_says_the_h2c_upgrade_is_deprecated(registry, lang):
    text = _flat(registry.get(101).when_to_use[lang])
    assert "h2c" in text and "RFC 9113 §3.1" in text
    assert "폐기 예정" in text if lang == "ko" else "deprecates" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_102_page_does_not_present_deprecated_as_a_formal_status(registry, lang):
    c = registry.get(102)
    assert "RFC 4918" in c.summary[lang] and "RFC 4918" in c.verdict[lang]
    history = _flat(c.history[lang])
    assert "305" in history and "15.4.6" in history


@pytest.mark.parametrize("lang", LANGS)
def test_the_301_page_gives_rfc_9110s_weak_link_editing_wording(registry, lang):
    meaning = _flat(registry.get(301).meaning[lang])
    assert "ought to" not in meaning and "바꿔 두는 것이 좋습니다" not in meaning
    assert ("대개 무시" in meaning) if lang == "ko" else ("usually ignored" in meaning)


@pytest.mark.parametrize("lang", LANGS)
def test_the_100_page_allows_for_pep_3333s_read_triggered_100(registry, lang):
    how = _flat(registry.get(100).django.how[lang])
    assert "PEP 3333" in how and "wsgi.input" in how
    assert "the body is already on its way" not in how and "본문이 이미 전송된 뒤" not in how
