"""Hostile and broken input: any valid entry renders (with its text escaped), and anything
else is rejected with a DataError, never a traceback."""

from __future__ import annotations

import string
import subprocess
import sys
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from statuscodes.loader import DataError, load_registry
from statuscodes.model import Registry, StatusCode
from statuscodes.pages import make_environment

ROOT = Path(__file__).resolve().parents[1]
F404 = "codes/4xx/404.yaml"

# One line of text with the characters that matter to HTML and Markdown mixed in.
line = st.text(
    alphabet=st.sampled_from(string.ascii_letters + string.digits + " <>&\"'`*_[]()#가나다"),
    min_size=1, max_size=60,
).filter(lambda s: s.strip() and "script" not in s.lower())


@st.composite
def valid_entries(draw):
    code = draw(st.integers(min_value=100, max_value=599))
    return {
        "code": code,
        "phrase": draw(line),
        "name_ko": draw(line),
        "standing": "unofficial",
        "vendor": draw(line),
        "spec": [{"url": "https://example.org/spec", "title": draw(line)}],
        "summary": {"ko": draw(line), "en": draw(line)},
        "keywords": {"ko": draw(st.lists(line, max_size=3)), "en": draw(st.lists(line, max_size=3))},
        "meaning": {"ko": draw(line), "en": draw(line)},
    }


@settings(max_examples=150, deadline=None)
@given(valid_entries())
def test_any_valid_entry_renders_with_its_text_escaped(registry, entry):
    code = StatusCode.model_validate(entry)
    others = [c for c in registry.codes if c.code != code.code]
    world = Registry(classes=registry.classes, codes=others + [code], ui=registry.ui, choosing=registry.choosing)
    template = make_environment().get_template("code.md.j2")
    for lang in ("ko", "en"):
        page = template.render(c=code, status_class=world.classes[code.status_class], lang=lang,
                               t=world.words(lang), registry=world, guides=[])
        assert str(escape(code.summary[lang])) in page
        assert f"# {code.code} {escape(code.phrase)}" in page


# Anything YAML can hold, in place of a real entry.
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=yaml_values)
def test_any_other_content_is_rejected_cleanly(data_copy, value):
    (data_copy / F404).write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
    try:
        load_registry(data_copy)
    except DataError as error:
        assert all(p.startswith("data/") for p in error.problems)
        assert any("404.yaml" in p for p in error.problems)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200))
def test_any_bytes_are_rejected_cleanly(data_copy, raw):
    (data_copy / F404).write_bytes(raw)
    try:
        load_registry(data_copy)
    except DataError as error:
        assert any("404.yaml" in p for p in error.problems)


def test_html_in_a_summary_is_escaped_on_the_built_page(tmp_path, data_copy):
    path = data_copy / F404
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["summary"]["en"] = 'Use <b>bold</b> & "quotes" here'
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    docs = tmp_path / "docs"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts/generate.py"), "--data", str(data_copy), "--docs", str(docs)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    page = (docs / "en/404.md").read_text(encoding="utf-8")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in page
    assert "<b>bold</b>" not in page.split("---", 2)[2]
