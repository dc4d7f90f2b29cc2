"""Broken data is rejected with a message naming the file, the code and the field, and nothing
is written. Each test breaks its own copy of the data (the `data_copy` fixture), so what these
tests find does not depend on which codes the data holds; tests/test_data_validation.py checks
the data as it is."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from statuscodes.loader import DataError, load_registry

ROOT = Path(__file__).resolve().parents[1]


def _edit(data: Path, rel: str, change) -> None:
    path = data / rel
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _set(path: str, value):
    def change(doc):
        *parents, last = path.split(".")
        node = doc
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if value is DELETE:
            del node[last]
        else:
            node[last] = value
    return change


DELETE = object()
F404 = "codes/4xx/404.yaml"

BAD_FIELDS = [
    pytest.param(_set("summary.ko", DELETE), ["summary.ko", "Field required"], id="missing-korean-summary"),
    pytest.param(_set("summary.en", "  "), ["summary.en", "at least 1 character"], id="blank-english-summary"),
    pytest.param(_set("code", 4040), ["field 'code'", "less than or equal to 599"], id="code-above-599"),
    pytest.param(_set("confused_with", [{"code": 302, "note": {"ko": "x", "en": "y"}},
                                        {"code": 302, "note": {"ko": "x", "en": "y"}}]),
                 ["confused_with", "twice"], id="related-listed-twice"),
    pytest.param(_set("confused_with", [{"code": 499, "note": {"ko": "a", "en": "b"}},
                                        {"code": 477, "note": {"ko": "a", "en": "b"}}]),
                 ["confused_with.1.code", "unknown code 477"], id="unknown-related-code"),
    pytest.param(_set("spec", [{"rfc": 9110}]), ["field 'spec.0'", "needs a section"], id="rfc-without-section"),
    pytest.param(_set("spec", [{"rfc": 9110, "section": "fifteen"}]), ["spec.0", "'fifteen'"], id="malformed-section"),
    pytest.param(_set("spec", [{"url": "http://insecure.example/x", "title": "x"}]), ["spec.0.url"], id="non-https-link"),
    pytest.param(_set("spec", []), ["field 'spec'", "at least 1 item"], id="no-spec"),
    pytest.param(_set("summary.en", "Not found <script>alert(1)</script>"), ["summary.en", "<script>"], id="script-in-text"),
    pytest.param(_set("meaning.ko", "<iframe src=x></iframe>"), ["meaning.ko", "<iframe>"], id="iframe-in-markdown"),
    pytest.param(_set("summary.ko", "둘째\n줄"), ["summary.ko", "single line"], id="multi-line-summary"),
    pytest.param(_set("meaning.en", "x" * 1_000_000), ["meaning.en", "at most 20000 characters"], id="one-megabyte-field"),
    pytest.param(_set("standing", "official-ish"), ["field 'standing'", "'standard'"], id="unknown-standing"),
    pytest.param(_set("standing", "unofficial"), ["field 'vendor'", "required for unofficial"], id="unofficial-without-vendor"),
    pytest.param(_set("vendor", "nginx"), ["field 'vendor'", "only unofficial"], id="vendor-on-standard-code"),
    pytest.param(_set("colour", "red"), ["field 'colour'", "Extra inputs are not permitted"], id="unknown-field"),
    pytest.param(_set("constants", {"drf": "HTTP_404_NOT_FOUND"}), ["field 'constants'", "Extra inputs"], id="constants-moved-to-ecosystems"),
    pytest.param(_set("headers", [{"name": "Retry After", "level": "may", "note": {"ko": "a", "en": "b"}}]),
                 ["headers.0.name"], id="bad-header-name"),
    # Markdown fields: an allow-list on the rendered HTML, which names what it found.
    pytest.param(_set("meaning.en", 'Text <img src=x onerror="alert(1)"> here'),
                 ["field 'meaning.en'", "raw HTML", "<img>", "onerror"], id="img-onerror-in-markdown"),
    pytest.param(_set("meaning.ko", "그림 <svg onload=alert(1)></svg>"),
                 ["field 'meaning.ko'", "raw HTML", "<svg>", "onload"], id="svg-onload-in-markdown"),
    pytest.param(_set("client.en", "Open [the report](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)."),
                 ["field 'client.en'", "link target 'data:text/html", "https:, http:, mailto:"], id="data-url-link"),
    pytest.param(_set("history.en", "See [this](VBScript:MsgBox(1))."),
                 ["field 'history.en'", "link target 'VBScript:MsgBox(1)'"], id="vbscript-url-link"),
    pytest.param(_set("frontend.en", "[x](jav&#x61;script:alert(1))"),
                 ["field 'frontend.en'", "link target 'javascript:alert(1)'"], id="entity-encoded-javascript"),
    pytest.param(_set("when_to_use.en", "Press <javascript:alert(1)>"),
                 ["field 'when_to_use.en'", "raw HTML"], id="javascript-autolink"),
    pytest.param(_set("meaning.en", "**Bold**{: onclick=alert(1)} claim"),
                 ["field 'meaning.en'", "attribute 'onclick' on <strong>"], id="handler-via-attr-list"),
    pytest.param(_set("meaning.en", "<details open ontoggle=alert(1)><summary>x</summary></details>"),
                 ["field 'meaning.en'", "<details>"], id="raw-html-block"),
    pytest.param(_set("confused_with.0.note.en", "differs <b onmouseover=alert(1)>here</b>"),
                 ["field 'confused_with.0.note.en'", "<b>"], id="handler-in-a-note"),
    pytest.param(_set("example", "GET / HTTP/1.1\n```\n\n<img src=x onerror=alert(1)>"),
                 ["field 'example'", "a line starting with ``` would end the code block"], id="example-escaping-its-code-fence"),
    pytest.param(_set("meaning.en", "![logo](https://tracker.example/pixel.gif)"),
                 ["field 'meaning.en'", "<img> is not allowed"], id="image-in-markdown"),
    # Characters that change the display without being seen: an allow-list (characters.py).
    pytest.param(_set("summary.en", "Not Found\u202e\u2066 (reversed)"),
                 ["field 'summary.en'", "U+202E RIGHT-TO-LEFT OVERRIDE", "column 10"], id="bidi-override-in-text"),
    pytest.param(_set("phrase", "Not\u200bFound"), ["field 'phrase'", "U+200B ZERO WIDTH SPACE"], id="zero-width-space-in-phrase"),
    pytest.param(_set("name_ko", "찾을 수\u3164없음"), ["field 'name_ko'", "U+3164 HANGUL FILLER", "invisible"],
                 id="hangul-filler-in-korean-name"),
    pytest.param(_set("summary.ko", "요청한\u00a0자원이 없습니다."), ["field 'summary.ko'", "U+00A0 NO-BREAK SPACE"],
                 id="no-break-space-in-text"),
    pytest.param(_set("keywords.en", ["not\u200dfound"]), ["field 'keywords.en.0'", "U+200D ZERO WIDTH JOINER"],
                 id="zero-width-joiner-in-keyword"),
    pytest.param(_set("meaning.en", "First line.\n\nSecond \u2067line\u2069 here."),
                 ["field 'meaning.en'", "U+2067 RIGHT-TO-LEFT ISOLATE", "line 3, column 8"], id="bidi-isolate-in-markdown"),
    pytest.param(_set("meaning.ko", "설명\u00ad입니다."), ["field 'meaning.ko'", "U+00AD SOFT HYPHEN"], id="soft-hyphen-in-markdown"),
    pytest.param(_set("confused_with.0.note.en", "differs\ufeff here"), ["field 'confused_with.0.note.en'", "U+FEFF"],
                 id="byte-order-mark-in-a-note"),
    pytest.param(_set("example", "GET / HTTP/1.1\nHost:\texample.org"), ["field 'example'", "U+0009 CHARACTER TABULATION"],
                 id="tab-in-example"),
    pytest.param(_set("django.line", "raise\u2028Http404()"), ["field 'django.line.ko'", "U+2028 LINE SEPARATOR"],
                 id="line-separator-in-django-line"),
]


@pytest.mark.parametrize("change, expected", BAD_FIELDS)
def test_bad_field_is_reported_with_file_code_and_field(data_copy, change, expected):
    _edit(data_copy, F404, change)
    with pytest.raises(DataError) as caught:
        load_registry(data_copy)
    message = str(caught.value)
    assert "data/codes/4xx/404.yaml" in message
    assert "code 404" in message or "code 4040" in message
    for part in expected:
        assert part in message, message


def test_an_edited_file_is_validated_again_in_the_same_process(data_copy):
    # The loader remembers valid entries by their values (mkdocs serve reloads after each save;
    # the tests load hundreds of copies): an edit must still be read, and a broken edit reported,
    # also for a value whose text is the same but whose type is not.
    assert load_registry(data_copy).get(404).name_ko == "찾을 수 없음"
    _edit(data_copy, F404, _set("name_ko", "없는 페이지"))
    assert load_registry(data_copy).get(404).name_ko == "없는 페이지"
    _edit(data_copy, F404, _set("name_ko", 404))  # a number, where "404" would be text
    with pytest.raises(DataError, match=r"data/codes/4xx/404.yaml: code 404: field 'name_ko'"):
        load_registry(data_copy)
    _edit(data_copy, "messages/nginx.yaml", _set("messages.0.code", 999))
    with pytest.raises(DataError, match=r"data/messages/nginx.yaml: entry 0 \(code 999\)"):
        load_registry(data_copy)
    _edit(data_copy, F404, _set("name_ko", "찾을 수 없음"))
    shutil.copy(ROOT / "data/messages/nginx.yaml", data_copy / "messages/nginx.yaml")
    assert load_registry(data_copy).get(404).name_ko == "찾을 수 없음"


AMBIGUOUS_YAML = [
    # A bad merge leaves a key twice; plain YAML keeps the last value without a word.
    pytest.param(lambda text: text + "phrase: Not Here\n", r"line \d+, column 1\): key 'phrase' is given twice "
                 r"\(first on line 2\)", id="duplicate-key"),
    pytest.param(lambda text: text.replace("summary:\n  ko:", "summary:\n  en: Nothing here.\n  ko:", 1),
                 r"line 11, column 3\): key 'en' is given twice \(first on line 9\)", id="duplicate-nested-key"),
    pytest.param(lambda text: text.replace("    or never.\n", "    or never.\n    \tIndented with a tab.\n", 1),
                 r"line \d+, column 5\): a tab in the indentation", id="tab-indentation"),
    pytest.param(lambda text: text.replace("cacheable: true", "cacheable: yes", 1),
                 r"line {line}, column 12\): unquoted 'yes' is read as a boolean", id="unquoted-yes"),
    pytest.param(lambda text: text.replace("    - 리소스 없음\n", "    - 리소스 없음\n    - Off\n", 1),
                 r"line {line}, column 7\): unquoted 'Off' is read as a boolean .*quote it \('Off'\)", id="unquoted-off-in-a-list"),
]


@pytest.mark.parametrize("change, expected", AMBIGUOUS_YAML)
def test_yaml_read_differently_from_how_it_reads_is_rejected_with_its_line(data_copy, change, expected):
    path = data_copy / F404
    original = path.read_text(encoding="utf-8")
    edited = change(original)
    assert edited != original
    # {line}: the first line the change touched, counted from 1.
    pairs = zip(original.splitlines(), edited.splitlines())
    first = next((i for i, (a, b) in enumerate(pairs) if a != b), len(original.splitlines()))
    expected = expected.replace("{line}", str(first + 1))
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(DataError, match=r"data/codes/4xx/404.yaml: code 404: ambiguous YAML \(" + expected):
        load_registry(data_copy)


def test_an_unquoted_no_as_a_ui_key_is_rejected(data_copy):
    path = data_copy / "ui.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "no:\n  ko: 아니요\n  en: \"No\"\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"data/ui.yaml: ambiguous YAML \(line \d+, column 1\): unquoted 'no'"):
        load_registry(data_copy)


def test_quoted_yes_and_no_are_text(data_copy):
    _edit(data_copy, F404, _set("keywords.en", ["yes", "no", "on", "off"]))  # safe_dump quotes them
    assert "'yes'" in (data_copy / F404).read_text(encoding="utf-8")
    assert load_registry(data_copy).get(404).keywords.en == ["yes", "no", "on", "off"]


def test_a_link_in_a_ui_word_is_held_to_the_same_allow_list(data_copy):
    _edit(data_copy, "ui.yaml", _set("home_intro.en", "Read [this](javascript:alert(document.cookie))."))
    with pytest.raises(DataError, match=r"data/ui.yaml: key home_intro: field 'en': link target 'javascript:"):
        load_registry(data_copy)


def test_a_tag_in_a_code_span_of_a_ui_word_is_rejected(data_copy):
    # Template words also sit inside <div markdown> blocks, where md_in_html reads tags even in `code`.
    _edit(data_copy, "ui.yaml", _set("copy_link.en", "Copy `<img src=x onerror=alert(1)>`"))
    with pytest.raises(DataError, match=r"data/ui.yaml: key copy_link: field 'en': must not contain '<'"):
        load_registry(data_copy)


def test_unsafe_markdown_stops_the_generator_and_nothing_is_written(tmp_path, data_copy):
    _edit(data_copy, F404, _set("meaning.en", 'Text <img src=x onerror="alert(1)"> here'))
    docs = tmp_path / "docs"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts/generate.py"), "--data", str(data_copy), "--out", str(docs)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert ("data/codes/4xx/404.yaml: code 404: field 'meaning.en': raw HTML is not allowed in Markdown fields: "
            "found <img> (<img src=x onerror=\"alert(1)\">)") in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not docs.exists() or not any(docs.rglob("*.md"))


def test_malformed_yaml_names_file_and_line(data_copy):
    (data_copy / F404).write_text("code: 404\nphrase: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"data/codes/4xx/404.yaml: code 404: malformed YAML \(line \d+"):
        load_registry(data_copy)


def test_non_utf8_file_is_rejected(data_copy):
    (data_copy / F404).write_bytes("code: 404\nname_ko: 찾을 수 없음\n".encode("euc-kr"))
    with pytest.raises(DataError, match=r"data/codes/4xx/404.yaml: code 404: not UTF-8"):
        load_registry(data_copy)


def test_file_in_the_wrong_class_folder(data_copy):
    shutil.move(data_copy / F404, data_copy / "codes/5xx/404.yaml")
    with pytest.raises(DataError, match=r"5xx/404.yaml: code 404: field 'code': 404 belongs in class 4xx"):
        load_registry(data_copy)


def test_file_name_must_match_code(data_copy):
    _edit(data_copy, F404, _set("code", 405))
    with pytest.raises(DataError, match=r"404.yaml: code 405: field 'code': 405 does not match the file name"):
        load_registry(data_copy)


def test_duplicate_code(data_copy):
    shutil.copy(data_copy / F404, data_copy / "codes/4xx/404.yml")
    with pytest.raises(DataError, match=r"404.yml: code 404: field 'code': duplicate of data/codes/4xx/404.yaml"):
        load_registry(data_copy)


def test_error_body_only_for_error_codes(data_copy):
    _edit(data_copy, "codes/2xx/200.yaml",
          _set("error", {"type": "x", "detail": {"ko": "a", "en": "b"}, "instance": "/"}))
    with pytest.raises(DataError, match=r"200.yaml: code 200: field 'error': example error bodies are for 4xx and 5xx"):
        load_registry(data_copy)


def test_all_problems_are_reported_at_once(data_copy):
    _edit(data_copy, F404, _set("summary.ko", DELETE))
    _edit(data_copy, "codes/5xx/500.yaml", _set("phrase", ""))
    with pytest.raises(DataError) as caught:
        load_registry(data_copy)
    # Links from other pages to the two broken codes are not reported again.
    assert len(caught.value.problems) == 2, caught.value.problems


def test_cli_exits_non_zero_and_writes_nothing(tmp_path, data_copy):
    docs = tmp_path / "docs"
    generate = [sys.executable, str(ROOT / "scripts/generate.py"), "--data", str(data_copy), "--out", str(docs)]
    first = subprocess.run(generate, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in docs.rglob("*.md")}
    mtimes = {p: p.stat().st_mtime_ns for p in before}

    _edit(data_copy, "codes/2xx/200.yaml", _set("summary.en", "A new summary that must not be written."))
    _edit(data_copy, F404, _set("summary.ko", DELETE))
    broken = subprocess.run(generate, capture_output=True, text=True)

    assert broken.returncode == 1
    assert "data/codes/4xx/404.yaml: code 404: field 'summary.ko': Field required" in broken.stderr
    assert "nothing was written" in broken.stderr
    assert "Traceback" not in broken.stderr
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == before
    assert {p: p.stat().st_mtime_ns for p in before} == mtimes

