"""The loader accepts the real data and rejects broken data with a message naming the
file, the code and the field."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from statuscodes.loader import DataError, load_registry
from statuscodes.model import Standing

ROOT = Path(__file__).resolve().parents[1]

# Facts file §1: the IANA registry, which the data must cover exactly. Unofficial codes are data:
# any other code in data/codes/ is one, and must say so and name its vendor.
REGISTERED = {
    100, 101, 102, 103, 104, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
    300, 301, 302, 303, 304, 305, 306, 307, 308,
    400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417,
    418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
    500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
}


def test_registry_covers_every_registered_code(registry):
    codes = {c.code for c in registry.codes}
    assert len(REGISTERED) == 64
    assert REGISTERED <= codes, sorted(REGISTERED - codes)


def test_codes_outside_the_registry_are_marked_unofficial_with_their_vendor(registry):
    for c in registry.codes:
        assert (c.standing is Standing.unofficial) == (c.code not in REGISTERED), c.code
        if c.code not in REGISTERED:
            assert c.vendor, c.code


def test_every_text_has_both_languages(registry):
    for c in registry.codes:
        assert c.summary.ko and c.summary.en and c.name_ko
    for number, cls in registry.classes.items():
        assert cls.name.ko and cls.name.en and cls.overview.ko and cls.overview.en


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
    pytest.param(_set("constants.drf", "HTTP_410_GONE"), ["field 'constants'", "HTTP_404_"], id="drf-constant-of-other-code"),
    pytest.param(_set("headers", [{"name": "Retry After", "level": "may", "note": {"ko": "a", "en": "b"}}]),
                 ["headers.0.name"], id="bad-header-name"),
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
    _edit(data_copy, F404, _set("constants", DELETE))
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
