"""Hostile and broken input: any valid entry renders (with its text shown exactly as written),
hostile Markdown and attributes are rejected or come out inert, and anything else is
rejected with a DataError, never a traceback."""

from __future__ import annotations

import copy
import functools
import html
import os
import re
import shutil
import string
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from statuscodes import characters, sanitise, strict_yaml
from statuscodes.loader import DATA_DIR, DataError, load_registry
from statuscodes.model import Registry, StatusCode
from statuscodes.pages import make_environment

ROOT = Path(__file__).resolve().parents[1]
F404 = "codes/4xx/404.yaml"


@functools.cache  # made once: the property tests render hundreds of pages
def _site_markdown() -> markdown.Markdown:
    """Markdown as mkdocs.yml configures it (without Pygments colouring, which escapes)."""
    names, configs = sanitise.site_extensions()
    return markdown.Markdown(extensions=names, extension_configs=configs)


_environment = functools.cache(make_environment)


class _Html(HTMLParser):
    """Every start tag with its attributes (entities decoded, as a browser reads them), and
    the text of the elements a test asks about."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[tuple[str, str | None, list[str]]] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attrs))
        key = "lead" if "sc-lead" in attrs.get("class", "").split() else tag if tag in ("h1", "td") else None
        if tag in ("p", "h1", "td", "a"):
            self._open.append((tag, key, []))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            _, key, parts = self._open.pop()
            text = "".join(parts)
            if self._open:
                self._open[-1][2].append(text if tag != "a" or text != "¶" else "")
            if key:
                self.texts.setdefault(key, []).append(text)

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)


def _render_code_page(code: StatusCode, registry, lang: str) -> str:
    others = [c for c in registry.codes if c.code != code.code]
    world = Registry(classes=registry.classes, codes=others + [code], ui=registry.ui, choosing=registry.choosing)
    source = _environment().get_template("code.md.j2").render(
        c=code, status_class=world.classes[code.status_class], lang=lang, t=world.words(lang),
        registry=world, guides=[])
    body = source.split("---\n", 2)[2]  # the front matter is YAML for MkDocs, not Markdown
    md = _site_markdown()
    md.reset()
    return md.convert(body)

# One line of text with the characters that matter to HTML and Markdown mixed in.
line = st.text(
    alphabet=st.sampled_from(string.ascii_letters + string.digits + " <>&\"'`*_[]()#|~{}\\!-+.가나다"),
    min_size=1, max_size=60,
).filter(lambda s: s.strip() and "script" not in s.lower() and "<!--" not in s)
# Markdown prose from the same characters, but nothing the allow-list rejects (raw HTML, or a
# line that is only "#", a heading), judged as the model sees it: stripped.
prose = line.filter(lambda s: sanitise.problem(s.strip()) is None)


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
        "meaning": {"ko": draw(prose), "en": draw(prose)},
    }


@settings(max_examples=150, deadline=None)
@given(valid_entries())
def test_any_valid_entry_renders_with_its_text_shown_as_written(registry, entry):
    code = StatusCode.model_validate(entry)
    for lang in ("ko", "en"):
        page = _Html(_render_code_page(code, registry, lang))
        # Markdown syntax in plain text stays text: no emphasis, no code, no link, no cut.
        assert page.texts["h1"] == [f"{code.code} {code.phrase}"]
        # The lead: the Korean name (Korean pages), the standing badge, then the summary.
        [lead] = page.texts["lead"]
        badge = f"비공식 · {code.vendor}" if lang == "ko" else f"Unofficial · {code.vendor}"
        name = f"{code.name_ko} " if lang == "ko" else ""
        assert lead == f"{name}{badge} {code.summary[lang]}"


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
    proc = subprocess.run([sys.executable, str(ROOT / "scripts/generate.py"), "--data", str(data_copy), "--out", str(docs)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    page = (docs / "en/404.md").read_text(encoding="utf-8")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in page
    assert "<b>bold</b>" not in page.split("---", 2)[2]


# --- Hostile Markdown and attributes ------------------------------------------------------

ALLOWED_SCHEMES = {"http", "https", "mailto"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}
EVENTS = ["onload", "onerror", "onclick", "onmouseover", "onfocus", "ontoggle", "onanimationstart",
          "OnLoad", "ONERROR", "onpointerenter"]
TAGS = ["img", "svg", "a", "div", "details", "body", "iframe", "video", "math", "x-y", "b", "input", "marquee"]


def _scheme(url: str) -> str | None:
    """The scheme a browser would use: it drops tabs and newlines anywhere and control
    characters and spaces at either end before reading the scheme."""
    url = re.sub(r"[\t\n\r]", "", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                               "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    found = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return found.group(1).lower() if found else None


def _active_content(rendered: str) -> list[str]:
    """Event-handler attributes, script elements and non-allowed URL schemes in the HTML."""
    found = []
    for tag, attrs in _Html(rendered).tags:
        if tag in ("script", "iframe", "object", "embed", "frame", "base", "meta", "form"):
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag} {name}>")
            if name.lower() in URL_ATTRIBUTES and _scheme(value) not in (None, *ALLOWED_SCHEMES):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def _encode_one(draw, word: str) -> str:
    """``word`` with one letter as a character reference, as an attacker would hide it."""
    i = draw(st.integers(0, len(word) - 1))
    form = draw(st.sampled_from(["&#x{:x};", "&#X{:X};", "&#{};", "&#000{};", "&#x0000{:x};"]))
    return word[:i] + form.format(ord(word[i])) + word[i + 1:]


@st.composite
def hostile_urls(draw):
    scheme = draw(st.sampled_from(["javascript", "data", "vbscript", "JaVaScRiPt", "DATA", "VBScript"]))
    if draw(st.booleans()):
        scheme = _encode_one(draw, scheme)
    if draw(st.booleans()):  # whitespace or a control character inside or before the scheme
        junk = draw(st.sampled_from(["\t", "\n", "\x01", "\x0b", " ", "&#9;", "&#10;", "&Tab;", "&NewLine;"]))
        at = draw(st.integers(0, len(scheme)))
        scheme = scheme[:at] + junk + scheme[at:]
    colon = draw(st.sampled_from([":", "&#58;", "&colon;", "&#x3a;"]))
    payload = draw(st.sampled_from(["alert(1)", "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                                    "msgbox(1)", "//%0aalert(1)"]))
    return scheme + colon + payload


@st.composite
def hostile_markdown(draw):
    url = draw(hostile_urls())
    tag, event = draw(st.sampled_from(TAGS)), draw(st.sampled_from(EVENTS))
    quote = draw(st.sampled_from(['"', "'", ""]))
    gap = draw(st.sampled_from([" ", "/", "\n", "\t", " x "]))
    pieces = [
        f"[click]({url})", f"<{url}>", f"![x]({url})", f"[ref][r]\n\n[r]: {url}",
        f'<a href="{url}">x</a>', f"[x]({url} \"title\")",
        f"<{tag}{gap}{event}={quote}alert(1){quote}>", f"<{tag} src=x {event}={quote}alert(1){quote}/>",
        f"<svg><animate {event}=alert(1) attributeName=x></svg>", f"**x**{{: {event}=\"alert(1)\"}}",
        f"[x](https://ok.example){{: {event}=alert(1) }}", f"<div>\n\n<{tag} {event}=alert(1)>\n\n</div>",
        f"<!-- <{tag} {event}=alert(1)> -->", f"<details open {event}=alert(1)>", "<div>\n\n*unclosed*",
        f"```\n<{tag} {event}=alert(1)>\n```", f"`<{tag} {event}=alert(1)>`", f"<{tag}\n{event}=alert(1)>",
        f"&lt;{tag} {event}=alert(1)&gt;", f"<a href=\"{url}\" {event}=alert(1)>y</a>",
    ]
    chosen = draw(st.lists(st.sampled_from(pieces), min_size=1, max_size=3))
    text = draw(st.sampled_from(["", "Some text ", "- item\n- "]))
    return text + " ".join(chosen)


# Where hostile text goes: (path to the field, whether it is a single line).
MARKDOWN_FIELDS = [("meaning.en", False), ("meaning.ko", False), ("when_to_use.en", False), ("client.ko", False),
                   ("django.how.en", False), ("frontend.en", False), ("history.ko", False),
                   ("confused_with.0.note.en", True), ("example", False)]
PLAIN_FIELDS = ["summary.en", "summary.ko", "phrase", "name_ko", "other_phrases", "keywords", "error.detail.en"]


def _put(doc: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    node = doc
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    node[last] = [value] if last in ("other_phrases", "keywords") else value


@pytest.fixture(scope="module")
def raw_404() -> dict:
    return strict_yaml.load((ROOT / "data" / F404).read_text(encoding="utf-8"))


def _single_line(value: str) -> str:
    return re.sub(r"\s*\n\s*", " ", value)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(MARKDOWN_FIELDS + [(f, True) for f in PLAIN_FIELDS]), value=hostile_markdown())
def test_hostile_markdown_is_rejected_naming_the_field_or_renders_inert(registry, raw_404, where, value):
    field, one_line = where
    if one_line:
        value = _single_line(value)
    doc = copy.deepcopy(raw_404)
    _put(doc, field, value)
    try:
        code = StatusCode.model_validate(doc)
    except ValidationError as error:
        locations = {".".join(str(p) for p in e["loc"]) for e in error.errors()}
        # A changed error.detail.en no longer matches the example's "detail": reported on 'error'.
        allowed = {field, f"{field}.0"} | ({"error"} if field == "error.detail.en" else set())
        assert locations <= allowed, (locations, field)
        return
    for lang in ("ko", "en"):
        rendered = _render_code_page(code, registry, lang)
        assert _active_content(rendered) == [], (field, value)


# Characters that change how text is displayed without being seen: controls and format
# characters (bidi, zero-width), spaces other than U+0020, separators, private use, and the
# letters and marks that draw nothing (Hangul fillers, variation selectors).
unseen = st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cn"], exclude_characters=" \n") | st.sampled_from(
    ["\u115f", "\u1160", "\u3164", "\uffa0", "\u034f", "\ufe0f", "\U000e0100", "\u2800"])


# Every kind of text field: Markdown (several lines, one line, the raw example) and plain.
TEXT_FIELDS = [field for field, _ in MARKDOWN_FIELDS] + [
    "summary.en", "summary.ko", "phrase", "name_ko", "other_phrases.0", "keywords.ko.0", "error.detail.en",
    "django.line", "spec.0.title"]


def _put_text(doc: dict, path: str, value: str) -> None:
    *parents, last = path.split(".")
    node = doc
    for key in parents:
        if isinstance(node, list):
            node = node[int(key)]
        else:
            node = node.setdefault(key, [] if key in ("other_phrases", "ko") else {})
    if isinstance(node, list):
        node[int(last):int(last) + 1] = [value]
    else:
        node[last] = value


@settings(max_examples=200, deadline=None)
@given(field=st.sampled_from(TEXT_FIELDS), char=unseen)
def test_a_character_that_changes_the_display_unseen_is_rejected_naming_the_field(raw_404, field, char):
    doc = copy.deepcopy(raw_404)
    doc["spec"].append({"url": "https://example.org/spec", "title": "A title"})
    _put_text(doc, field.replace("spec.0", "spec.1"), f"Visible{char}text")  # inside: stripping cannot remove it
    with pytest.raises(ValidationError) as caught:
        StatusCode.model_validate(doc)
    errors = caught.value.errors()
    locations = {".".join(str(p) for p in e["loc"]) for e in errors}
    where = field.replace("spec.0", "spec.1")
    # The field itself, or its every language (a one-line django.line stands for each);
    # a changed error.detail.en no longer matches the example's "detail": reported on 'error'.
    assert all(loc == where or loc.startswith(where + ".") or (loc == "error" and field == "error.detail.en")
               for loc in locations), (locations, field)
    assert any(f"U+{ord(char):04X}" in e["msg"] for e in errors), errors


# What text is made of: any letter, mark, number, punctuation or symbol, Hangul included.
visible = st.text(st.characters(categories=["L", "M", "N", "P", "S"]) | st.just(" "), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=visible)
def test_visible_text_in_any_script_passes_the_character_allow_list(text):
    drawn_blank = [c for c in text if characters._invisible(ord(c))]  # the few that draw nothing
    for lines in (False, True):
        assert (characters.problem(text, line_breaks=lines) is None) == (not drawn_blank), text
    assert characters.problem("첫 줄\n둘째 줄", line_breaks=True) is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(MARKDOWN_FIELDS), value=hostile_markdown())
def test_the_loader_names_file_code_and_field_of_hostile_markdown(data_copy, raw_404, where, value):
    field, one_line = where
    doc = copy.deepcopy(raw_404)
    _put(doc, field, _single_line(value) if one_line else value)
    (data_copy / F404).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        world = load_registry(data_copy)
    except DataError as error:
        assert all(p.startswith(f"data/{F404}: code 404: field '{field}': ") for p in error.problems), error.problems
        return
    for lang in ("ko", "en"):
        assert _active_content(_render_code_page(world.get(404), world, lang)) == [], (field, value)


# --- Plain text in the built site ---------------------------------------------------------

SUMMARY = "a | b *c* `d` _e_ [f](g) ~~h~~ {: .i} \\j <k> & 1."
NAME_KO = "없음 | *별표* _밑줄_"


@pytest.fixture(scope="module")
def markdown_text_site(tmp_path_factory) -> Path:
    """The site built from a copy of the repository whose 404 summary and Korean name are
    full of Markdown syntax."""
    repo = tmp_path_factory.mktemp("repo") / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "__pycache__",
                                                              ".pytest_cache", ".hypothesis"))
    path = repo / "data" / F404
    text = path.read_text(encoding="utf-8")
    text = text.replace("name_ko: 찾을 수 없음\n", f"name_ko: {_yaml_scalar(NAME_KO)}\n", 1)
    text = re.sub(r"(summary:\n  ko: .*\n  en: ).*\n", lambda m: m.group(1) + _yaml_scalar(SUMMARY) + "\n", text, count=1)
    path.write_text(text, encoding="utf-8")  # a targeted edit, as contributors make them
    dest = tmp_path_factory.mktemp("markdown-text-site")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
                          cwd=repo, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return dest


def _yaml_scalar(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).split("\n")[0]


def _rows(page: Path) -> list[str]:
    return _Html(page.read_text(encoding="utf-8")).texts.get("td", [])


@pytest.mark.parametrize("page, lang", [("en/index.html", "en"), ("en/4xx/index.html", "en"),
                                        ("index.html", "ko"), ("4xx/index.html", "ko")])
def test_markdown_syntax_in_plain_text_shows_as_written_in_table_cells(markdown_text_site, page, lang):
    cells = _rows(markdown_text_site / page)
    if lang == "en":
        assert SUMMARY in cells, [c for c in cells if "a |" in c or "a &" in c]
    else:
        assert any(c.startswith("Not Found " + NAME_KO) for c in cells), [c for c in cells if "Not Found" in c]


@pytest.mark.parametrize("page, lead", [("en/404/index.html", SUMMARY), ("404/index.html", NAME_KO + " ")])
def test_markdown_syntax_in_plain_text_shows_as_written_in_the_lead(markdown_text_site, page, lead):
    leads = _Html((markdown_text_site / page).read_text(encoding="utf-8")).texts["lead"]
    assert len(leads) == 1 and leads[0].startswith(lead), leads


def test_markdown_syntax_in_plain_text_is_not_markup_on_the_built_page(markdown_text_site):
    source = (markdown_text_site / "en/4xx/index.html").read_text(encoding="utf-8")
    row = source[source.index('<a href="../404/">404</a>'):]
    row = row[: row.index("</tr>")]
    for markup in ("<em>", "<code>", "<a ", "<del>", "<strong>"):
        assert markup not in row.split("</td>", 1)[1], row
    assert html.unescape(re.sub(r"<[^>]+>", "", row.split("</td>")[2])).strip() == SUMMARY


# --- `mkdocs build` on hostile data ---------------------------------------------------------

def _mkdocs_build(data: Path, dest: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "STATUSCODES_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def _edit(data: Path, rel: str, field: str, value) -> None:
    doc = strict_yaml.load((data / rel).read_text(encoding="utf-8"))
    _put(doc, field, value)
    (data / rel).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """One `mkdocs build` of data with three problems: raw HTML and a javascript: link in two
    Markdown fields, and an empty reason phrase. (Two builds once; each renders every page
    before the allow-list's verdict arrives, so one build checks both promises below.)"""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DATA_DIR, data)  # the repository's data, or $STATUSCODES_DATA
    _edit(data, F404, "meaning.en", 'Text <img src=x onerror="alert(1)"> here')
    _edit(data, "codes/4xx/403.yaml", "meaning.en", "[x](javascript:alert(1))")
    _edit(data, "codes/5xx/500.yaml", "phrase", "")
    site = tmp_path_factory.mktemp("hostile-site") / "site"
    return _mkdocs_build(data, site), site


def test_mkdocs_build_stops_on_unsafe_markdown_before_writing_a_page(hostile_build):
    # `mkdocs build` checks the allow-list in a second process while it renders (speed);
    # the verdict still comes before the first file is written.
    proc, site = hostile_build
    assert proc.returncode == 1
    assert ("data/codes/4xx/404.yaml: code 404: field 'meaning.en': raw HTML is not allowed in Markdown fields: "
            "found <img>") in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not any(p.is_file() for p in site.rglob("*"))


def test_mkdocs_build_reports_markdown_and_other_problems_together(hostile_build):
    proc, site = hostile_build
    assert proc.returncode == 1
    assert "data/codes/4xx/403.yaml: code 403: field 'meaning.en': link target 'javascript:" in proc.stderr, proc.stderr
    assert "data/codes/5xx/500.yaml: code 500: field 'phrase':" in proc.stderr, proc.stderr
    assert not any(p.is_file() for p in site.rglob("*"))


# --- the second process of `mkdocs build` ---------------------------------------------------

def test_a_build_that_fails_after_the_other_languages_started_writes_nothing(tmp_path):
    # `mkdocs build` builds the other languages in a second process once the navigation is
    # known (statuscodes/language_fork.py), before the allow-list's verdict: that process
    # waits for the verdict before it writes, and is ended with the build.
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    _edit(data, F404, "meaning.en", 'Text <img src=x onerror="alert(1)"> here')  # the allow-list's only
    site = tmp_path / "site"
    proc = _mkdocs_build(data, site)
    assert proc.returncode == 1
    assert "building the other languages in a second process" in proc.stderr, proc.stderr
    assert "code 404: field 'meaning.en': raw HTML is not allowed in Markdown fields" in proc.stderr, proc.stderr
    assert not any(p.is_file() for p in site.rglob("*"))


# --- texts allowed before (statuscodes/sanitise.py keeps them across processes) --------------

@pytest.fixture
def allowed_dir(tmp_path, monkeypatch):
    """An empty place for the allowed texts, and a check that starts as a new process would."""
    monkeypatch.setattr(sanitise, "ALLOWED_DIR", tmp_path / "markdown-allowed")
    sanitise._allowed.cache_clear()
    sanitise.problem.cache_clear()
    yield tmp_path / "markdown-allowed"
    sanitise._allowed.cache_clear()
    sanitise.problem.cache_clear()
    sanitise.checker_digest.cache_clear()


def _as_a_new_process(monkeypatch) -> list[str]:
    """Forget what this process knows; return the list of texts rendered from now on."""
    sanitise._allowed.cache_clear()
    sanitise.problem.cache_clear()
    rendered, real = [], sanitise._problem
    monkeypatch.setattr(sanitise, "_problem", lambda text, context: rendered.append(text) or real(text, context))
    return rendered


CLEAN = "Send `Retry-After` as [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3) says."


def test_a_text_allowed_before_is_not_rendered_again_and_any_other_is(allowed_dir, monkeypatch):
    assert sanitise.problem(CLEAN) is None
    sanitise.remember_allowed()
    [saved] = allowed_dir.glob("*.txt")
    assert len(saved.read_text(encoding="ascii").split()) == 1
    rendered = _as_a_new_process(monkeypatch)
    assert sanitise.problem(CLEAN) is None
    assert rendered == []
    # The same words with one thing added, and the same text in another place: checked afresh.
    hostile = CLEAN + ' <img src=x onerror="alert(1)">'
    assert "raw HTML is not allowed" in sanitise.problem(hostile)
    assert sanitise.problem(CLEAN.replace("https:", "javascript:")).startswith("link target")
    assert sanitise.problem(CLEAN, "fence") is None
    assert rendered == [hostile, CLEAN.replace("https:", "javascript:"), CLEAN]
    sanitise.remember_allowed()  # a rejected text is never written down
    assert len(saved.read_text(encoding="ascii").split()) == 2


def test_texts_are_remembered_by_the_loader_for_the_next_process(allowed_dir, data_copy, monkeypatch):
    load_registry(data_copy)
    rendered = _as_a_new_process(monkeypatch)
    load_registry(data_copy)
    assert rendered == []
    _edit(data_copy, F404, "meaning.en", "Text <b>bold</b> here")
    rendered = _as_a_new_process(monkeypatch)
    with pytest.raises(DataError) as error:
        load_registry(data_copy)
    assert rendered == ["Text <b>bold</b> here"]
    assert any("404.yaml: code 404: field 'meaning.en': raw HTML" in p for p in error.value.problems)


def test_a_text_naming_a_snippet_is_always_rendered(allowed_dir, monkeypatch):
    # A snippet's verdict is the verdict of the file it names, which may change meanwhile.
    snippet = '--8<-- "mkdocs.yml"'
    allowed_dir.mkdir()
    (allowed_dir / f"{sanitise.checker_digest()}.txt").write_text(
        sanitise._text_digest(snippet, "block") + "\n", encoding="ascii")
    rendered = _as_a_new_process(monkeypatch)
    assert sanitise.problem(snippet) is not None
    assert rendered == [snippet]


def test_a_change_to_the_checker_starts_afresh(allowed_dir, tmp_path, monkeypatch):
    assert sanitise.problem(CLEAN) is None
    sanitise.remember_allowed()
    before = sanitise.checker_digest()
    # Another version of a library that renders or cleans, or other Markdown options: another file.
    real_version = sanitise.importlib.metadata.version
    monkeypatch.setattr(sanitise.importlib.metadata, "version",
                        lambda name: "0.0.1" if name == "nh3" else real_version(name))
    sanitise.checker_digest.cache_clear()
    assert sanitise.checker_digest() != before
    monkeypatch.undo()
    root = tmp_path / "root"
    root.mkdir()
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "anchor_linenums: false", "anchor_linenums: true"), encoding="utf-8")
    monkeypatch.setattr(sanitise, "ALLOWED_DIR", allowed_dir)
    monkeypatch.setattr(sanitise, "ROOT", root)
    sanitise.checker_digest.cache_clear()
    assert sanitise.checker_digest() != before
    rendered = _as_a_new_process(monkeypatch)
    assert sanitise.problem(CLEAN) is None
    assert rendered == [CLEAN]
    sanitise.remember_allowed()
    assert [p.stem for p in allowed_dir.glob("*.txt")] == [sanitise.checker_digest()]  # the old one went


def test_the_remembered_texts_stay_bounded(allowed_dir, monkeypatch):
    # Property tests make up new texts on every run; the file keeps what the data uses.
    monkeypatch.setattr(sanitise._Allowed, "LIMIT", 3)
    allowed_dir.mkdir()
    path = allowed_dir / f"{sanitise.checker_digest()}.txt"
    path.write_text("".join(f"{n:032x}\n" for n in range(3)), encoding="ascii")
    sanitise._allowed.cache_clear()
    assert sanitise.problem(CLEAN) is None
    sanitise.remember_allowed()
    assert path.read_text(encoding="ascii").split() == [sanitise._text_digest(CLEAN, "block")]
