"""Korean uses one word for one thing (data/glossary.yaml), on every Korean page: the generated
pages, the hand-written guides, data/ui.yaml and the theme's own words in the built HTML.
Also: examples on Korean pages speak Korean, and citations attach the way the site writes them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.etree
import pytest
import yaml

from statuscodes.loader import load_registry
from statuscodes.pages import render_site

from conftest import ROOT, only_shape, real_registry

GLOSSARY = yaml.safe_load((ROOT / "data/glossary.yaml").read_text(encoding="utf-8"))["terms"]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def violations(text: str) -> list[str]:
    """Every rejected variant in the text, with a little context, after the allowed phrases."""
    text = " ".join(text.split())  # a line wrap must not hide a variant
    found = []
    for entry in GLOSSARY:
        checked = text
        for phrase in entry.get("allowed", []):
            checked = checked.replace(phrase, "\0")
        hits = [m for r in entry["rejected"] for m in re.finditer(re.escape(r), checked)]
        hits += [m for p in entry.get("patterns", []) for m in re.finditer(p, checked)]
        for m in hits:
            context = checked[max(0, m.start() - 20): m.end() + 20].replace("\0", "…")
            found.append(f"{m.group(0)!r} (use {entry['preferred']!r}): …{context}…")
    return found


# --- The glossary itself -------------------------------------------------------------------

def test_every_entry_says_what_to_use_and_what_not():
    assert len(GLOSSARY) >= 20
    for entry in GLOSSARY:
        assert set(entry) <= {"concept", "preferred", "rejected", "patterns", "allowed", "note"}, entry
        assert entry["concept"] and entry["preferred"] and entry["note"], entry
        assert entry["rejected"] or entry.get("patterns"), f"{entry['concept']}: nothing is rejected"
        for pattern in entry.get("patterns", []):
            re.compile(pattern)


def test_the_check_finds_each_rejected_variant_and_spares_the_allowed_phrases():
    for entry in GLOSSARY:
        for variant in entry["rejected"]:
            assert violations(f"앞 {variant} 뒤"), f"{variant!r} is not caught"
        for phrase in entry.get("allowed", []):
            assert not [v for v in violations(phrase) if entry["preferred"] in v], f"{phrase!r} is caught"
    assert violations("200–299는 모두") and violations("보내야 합니다 (SHOULD)")
    assert violations("반드시 보내야 합니다(SHOULD)") and not violations("반드시 보내야 합니다(MUST)")
    assert violations("헤더를 보내야 합니다(MUST).") and not violations("보내면 안 됩니다(MUST NOT).")
    assert not violations("`draft-cohen-http-305-306-responses-00`, 사건번호 2024-1234")


# Text the Korean review (2026-12-05) found, one sample per pattern rule, and its fixed form.
REVIEW_SAMPLES = [
    ("URI가 너무 김", "URI 길이 초과"),
    ("하나의 요청에 1xx가", "요청 하나에 1xx가"),
    ("각 파트마다 붙이며", "파트마다 붙이며"),
    ("업로드 생성 시의 104에", "업로드를 만들 때 보내는 104에"),
    ("대신 그것을 설명하는", "그것도 서버 계층이"),
    ("권장(RECOMMENDED) 합니다", "권장(RECOMMENDED)합니다"),
    ("응답 헤더가 128 KB를 넘음", "응답 헤더가 128KB를 넘음"),
    ("제출하지 못했습니다 (HTTP ${response.status}).", "제출하지 못했습니다(HTTP ${response.status})."),
    ("/inbox/ 로 302", "/inbox/로 302"),
    ("HTTP/3(RFC 9114)은", "HTTP/3(RFC 9114)는"),
    ("클라이언트의 캐시가 아직 유효하다", "클라이언트의 저장된 응답이 아직 유효하다"),
    ("(Cloudflare 화면의 '원본 서버')", "(Cloudflare 한국어 문서의 '원본 서버')"),
    ("뒤쪽 서버가 엉뚱한 응답을", "뒤쪽 서버(업스트림)에 넘기는"),
    ("104에는 넣지 않습니다(MUST NOT).", "104에는 넣으면 안 됩니다(MUST NOT)."),
    ("재개하지 않습니다(SHOULD NOT).", "재개하지 않아야 합니다(SHOULD NOT)."),
    ("알려 줄 수 있습니다(MAY).", "알려 줘도 됩니다(MAY)."),
]


@pytest.mark.parametrize("bad, good", REVIEW_SAMPLES, ids=[b for b, _ in REVIEW_SAMPLES])
def test_the_reviews_findings_are_caught_and_their_fixes_pass(bad, good):
    assert violations(bad), f"{bad!r} is not caught"
    assert not violations(good), violations(good)


# --- Particles: 은/는, 이/가, 을/를, 과/와, 으로/로 agree with the sound they follow ---------

PAIRS = {"은": "는", "이": "가", "을": "를", "과": "와"}  # after a final consonant: after a vowel
PARTICLE = r"(으로|로|은|는|이|가|을|를|과|와)(?![가-힣])"
# After a parenthesis the particle follows the word before it: 명세(PEP 3333)는, not 은.
AFTER_PAREN = re.compile(r"([가-힣])\(([^()]{1,80})\)" + PARTICLE)
# After a number, its Korean reading: 404는 (사), 200은 (백), 410을 (십), 301로 (일).
# Not after a dot, a slash or a letter: HTTP/2는 and HTTP/1.1은 are read in English or in parts.
AFTER_NUMBER = re.compile(r"(?<![\d.,/:A-Za-z_#$-])(\d{1,4})" + PARTICLE)
DIGIT_FINAL = dict(zip("0123456789", ["ㅇ", "ㄹ", "", "ㅁ", "", "", "ㄱ", "ㄹ", "ㄹ", ""]))  # 영 일 이 삼 사 오 육 칠 팔 구


def final_of_syllable(syllable: str) -> str:
    index = (ord(syllable) - 0xAC00) % 28
    return "" if index == 0 else "ㄹ" if index == 8 else "other"


def final_of_number(number: str) -> str:
    n = int(number)
    for unit, final in ((10, None), (100, "ㅂ"), (1000, "ㄱ"), (10000, "")):  # 십, 백, 천
        if n % unit:
            return DIGIT_FINAL[str(n % 10)] if final is None else final
    return "ㅇ" if n == 0 else "ㄴ"  # 영, 만


def right_particle(final: str, particle: str) -> str:
    if particle in ("으로", "로"):
        return "로" if final in ("", "ㄹ") else "으로"
    after_consonant = particle if particle in PAIRS else {v: k for k, v in PAIRS.items()}[particle]
    return after_consonant if final else PAIRS[after_consonant]


def wrong_particles(text: str) -> list[str]:
    text = " ".join(text.split())
    found = []
    for m in AFTER_PAREN.finditer(text):
        want = right_particle(final_of_syllable(m.group(1)), m.group(3))
        if want != m.group(3):
            found.append(f"{m.group(0)!r}: the particle goes with {m.group(1)!r}: {want}")
    for m in AFTER_NUMBER.finditer(text):
        want = right_particle(final_of_number(m.group(1)), m.group(2))
        if want != m.group(2):
            found.append(f"{m.group(0)!r}: read aloud, {m.group(1)} takes {want}")
    return found


def test_the_particle_check_knows_how_numbers_and_words_sound():
    for bad in ("명세(PEP 3333)은", "404은", "200가", "303로", "410를", "2616는", "리소스(resource)을"):
        assert wrong_particles(bad), f"{bad!r} is not caught"
    for good in ("명세(PEP 3333)는", "404는", "200이", "301로", "303으로", "410을", "9110은", "HTTP/2는", "HTTP/1.1은"):
        assert not wrong_particles(good), wrong_particles(good)


def test_korean_particles_agree_with_the_word_or_number_before_them():
    texts = {**{path: text for path, text in KOREAN_PAGES.items()},
             **{f"docs/ko/guides/{g.name}": g.read_text(encoding="utf-8") for g in GUIDES}}
    problems = [f"{path}: {p}" for path, text in sorted(texts.items()) for p in wrong_particles(text)]
    assert not problems, "\n".join(problems[:40])


def test_no_korean_name_repeats_its_badge(registry):
    # The name and the standing badge sit side by side: 306 once read "사용 안 함 사용 안 함".
    words = registry.words("ko")
    badges = {words[key] for key in words if key.startswith("standing_")}
    assert "사용 안 함" in badges
    repeated = sorted(f"{c.code} {c.name_ko}" for c in registry.codes if c.name_ko in badges)
    assert not repeated, f"Korean names equal to a badge: {repeated}"


# --- Korean pages --------------------------------------------------------------------------

PAGES = render_site(real_registry())
KOREAN_PAGES = {path: text for path, text in PAGES.items() if path.startswith("ko/")}
GUIDES = sorted(p for p in (ROOT / "docs/ko/guides").glob("*.md") if f"ko/guides/{p.name}" not in PAGES)


def test_there_are_hand_written_korean_guides():
    assert [p.name for p in GUIDES] == ["django.md", "error-formats.md"]


@pytest.mark.parametrize("path", sorted(KOREAN_PAGES))
def test_generated_korean_pages_use_the_glossary(path):
    assert not violations(KOREAN_PAGES[path]), "\n".join(violations(KOREAN_PAGES[path]))


@pytest.mark.parametrize("guide", GUIDES, ids=[p.name for p in GUIDES])
def test_hand_written_korean_guides_use_the_glossary(guide):
    text = guide.read_text(encoding="utf-8")
    assert not violations(text), "\n".join(violations(text))


def test_the_template_words_use_the_glossary(registry):
    words = registry.words("ko")
    problems = [f"ui.{key}: {v}" for key, value in words.items() for v in violations(value)]
    assert not problems, "\n".join(problems)


_PARSER = lxml.etree.HTMLParser(encoding="utf-8")
_SEEN_IN = ("title", "aria-label", "placeholder")  # attributes a reader sees or hears


def _walk(element, on_element, skipped: tuple[str, ...], parts: list[str]) -> None:
    """The text of ``element`` in document order, into ``parts`` (text nodes as the HTML has
    them); the text inside ``skipped`` elements and comments is left out, what follows them is not."""
    if isinstance(element.tag, str):
        on_element(element)
        if element.tag not in skipped:
            if element.text:
                parts.append(element.text)
            for child in element:
                _walk(child, on_element, skipped, parts)
    if element.tail:
        parts.append(element.tail)


class _Visible:
    """Text a reader sees or hears: text nodes, and the title, aria-label and placeholder
    attributes; plus Material's translations (in #__config), which its JavaScript shows."""

    def __init__(self, root):
        self.parts: list[str] = []
        self.translations: dict[str, str] = {}
        _walk(root, self._element, ("script", "style"), self.parts)

    def _element(self, element) -> None:
        self.parts += [element.get(name) for name in _SEEN_IN if element.get(name)]
        if element.tag == "script" and element.get("id") == "__config":
            self.translations = json.loads(element.text)["translations"]


def visible(path: Path) -> _Visible:
    return _Visible(lxml.etree.fromstring(path.read_bytes(), parser=_PARSER))


def korean_html(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).parts[0] == "en")


@only_shape("project")  # text, the same in both shapes (test_integrity.py)
def test_the_built_korean_pages_and_theme_strings_use_the_glossary(site):
    pages = korean_html(site)
    assert len(pages) > 90
    problems = []
    for page in pages:
        seen = visible(page)
        text = " | ".join(seen.parts + list(seen.translations.values()))
        problems += [f"{page.relative_to(site)}: {v}" for v in violations(text)]
    assert not problems, "\n".join(sorted(set(problems))[:40])


@only_shape("project")  # text, the same in both shapes (test_integrity.py)
def test_the_theme_speaks_korean_on_korean_pages(site):
    seen = visible(site / "404" / "index.html")
    shown = {k: v for k, v in seen.translations.items() if not k.startswith("search.config")}
    assert shown and all(HANGUL.search(v) for v in shown.values()), shown
    assert "이 섹션 링크" in seen.parts, "the ¶ permalink title is not Korean"
    assert "Permanent link" in visible(site / "en" / "404" / "index.html").parts


# --- Examples speak the page's language ----------------------------------------------------

EXAMPLE = re.compile(r"^## [^\n]*\{#example\}\n(.*?)(?=^## )", re.S | re.M)
DETAIL = re.compile(r'"detail":\s*"((?:[^"\\]|\\.)*)"')


def test_korean_examples_show_the_korean_error_detail(registry):
    checked = 0
    for c in registry.codes:
        if not (c.example and c.error):
            continue
        for lang in ("ko", "en"):
            section = EXAMPLE.search(PAGES[f"{lang}/{c.code}.md"]).group(1)
            for detail in DETAIL.findall(section):
                checked += 1
                assert detail == c.error.detail[lang], f"{lang}/{c.code}: the example says {detail!r}"
                assert bool(HANGUL.search(detail)) == (lang == "ko"), f"{lang}/{c.code}: {detail!r}"
    assert checked >= 50


# --- Citations: "합니다(RFC 9110 §15.5)" in Korean, "text (RFC 9110 §15.5)" in English -------

def prose(path: Path) -> str:
    """Text of the page as a browser lays it out (a newline is a space), without code blocks."""
    parts: list[str] = []
    _walk(lxml.etree.fromstring(path.read_bytes(), parser=_PARSER), lambda element: None,
          ("pre", "script", "style"), parts)
    return "".join(parts)


CITATION = r"\((?:RFC \d|§\d)"
DETACHED = re.compile(r"\S\s+" + CITATION)  # Korean: no space before the citation
GLUED = re.compile(r"[A-Za-z0-9]" + CITATION)  # English: a space before it


@only_shape("project")  # text, the same in both shapes (test_integrity.py)
def test_citations_attach_to_the_word_they_follow(site):
    problems = []
    for page in sorted(site.rglob("*.html")):
        english = page.relative_to(site).parts[0] == "en"
        text = prose(page)
        for m in (GLUED if english else DETACHED).finditer(text):
            problems.append(f"{page.relative_to(site)}: …{text[max(0, m.start() - 25): m.end() + 10]!r}…")
    assert not problems, "\n".join(problems[:40])
    korean = prose(site / "400" / "index.html")
    assert re.search(r"[\uac00-\ud7a3]" + CITATION, korean), "the Korean 400 page cites nothing"


def test_the_korean_theme_table_has_every_key_materials_has():
    # The override replaces Material's table whole; a key it lacks would show in English.
    key = re.compile(r'^\s*"([a-z.]+)":', re.M)
    import material as package

    material = Path(package.__file__).parent / "templates/partials/languages/ko.html"
    ours = set(key.findall((ROOT / "overrides/partials/languages/ko.html").read_text(encoding="utf-8")))
    assert set(key.findall(material.read_text(encoding="utf-8"))) <= ours


def test_an_example_whose_detail_is_not_the_errors_is_refused(data_copy):
    from statuscodes.loader import DataError

    path = data_copy / "codes/4xx/404.yaml"
    text = path.read_text(encoding="utf-8")
    english = '"detail": "Book 42 does not exist."'
    assert english in text
    path.write_text(text.replace(english, '"detail": "No such book."', 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"404.yaml: code 404: field 'error': the example's \"detail\" \"No such book.\" must be error.detail.en"):
        load_registry(data_copy)


def test_summaries_in_a_class_table_read_alike(registry):
    # The summary column reads as one list: a code in use says what happened, in one sentence
    # ("...했습니다", "...해야 합니다"); only codes never to send (a vendor's, unused, obsolete)
    # say what they are ("...비공식 코드입니다").
    in_use = [c for c in registry.codes if c.standing.value in ("standard", "temporary")]
    assert len(in_use) > 50
    odd = [f"{c.code}: {c.summary.ko}" for c in in_use
           if c.summary.ko.endswith(("응답입니다.", "코드입니다.")) or re.search(r"다\. \S", c.summary.ko)]
    assert not odd, "\n".join(odd)
