"""The constants section: every name the site shows exists in its library with that code's
value (and is deprecated, added or removed where the page says so), and every constant the
library defines for a code the site has is shown, so a page cannot silently miss one.

Where the library installs from PyPI or npm it is imported (requirements-dev.txt and
package.json pin it); Python's own is the running interpreter. The others are checked against
tables made from the upstream file at a tag (tests/upstream/<ecosystem>/<version>.yaml, written
by tests/upstream/extract.py, which names the repository, path, tag or commit and date)."""

from __future__ import annotations

import http
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from statuscodes.loader import DataError, load_registry
from statuscodes.model import Ecosystem, _version_key
from statuscodes.pages import render_site
from statuscodes.sanitise import escape_plain

ROOT = Path(__file__).resolve().parents[1]
UPSTREAM = ROOT / "tests" / "upstream"


class Table:
    """What one release of a library defines: name -> code, and the names it marks deprecated
    (None where the source cannot say, e.g. a TypeScript enum or a Go constant)."""

    def __init__(self, version: str, constants: dict[str, int], deprecated: set[str] | None):
        self.version, self.constants, self.deprecated = version, constants, deprecated


def _node(script: str) -> object:
    out = subprocess.run(["node", "-e", f"console.log(JSON.stringify({script}))"], cwd=ROOT,
                         check=True, capture_output=True, text=True, timeout=60).stdout
    return json.loads(out)


def _live(eco: Ecosystem, version: str) -> Table:
    """The installed library, which must be the version the data names."""
    if eco.id == "python":
        running = ".".join(map(str, sys.version_info[:3]))
        return Table(running, {n: int(m) for n, m in http.HTTPStatus.__members__.items()}, None)
    if eco.id == "drf":
        import rest_framework
        from rest_framework import status
        assert rest_framework.VERSION == version, "requirements-dev.txt and data/ecosystems/drf.yaml disagree"
        return Table(version, {n: getattr(status, n) for n in dir(status) if n.startswith("HTTP_")}, None)
    if eco.id == "starlette":
        import starlette
        from starlette import status
        assert starlette.__version__ == version, "requirements-dev.txt and data/ecosystems/starlette.yaml disagree"
        names = {n: getattr(status, n) for n in status.__all__ if n.startswith("HTTP_")}
        return Table(version, {**names, **status.__deprecated__}, set(status.__deprecated__))
    if eco.id == "node":
        found = _node("{v: process.versions.node, codes: require('http').STATUS_CODES}")
        return Table(found["v"], {phrase: int(code) for code, phrase in found["codes"].items()}, None)
    if eco.id == "npm-http-status-codes":
        found = _node("{v: require('http-status-codes/package.json').version,"
                      " codes: require('http-status-codes').StatusCodes}")
        assert found["v"] == version, "package.json and data/ecosystems/npm-http-status-codes.yaml disagree"
        # A TypeScript enum also maps each number back to its name; keep the names.
        return Table(version, {k: v for k, v in found["codes"].items() if not k.isdigit()}, None)
    raise AssertionError(f"{eco.id}: a live source needs a reader here")


def _upstream(eco: Ecosystem, source) -> Table:
    path = UPSTREAM / eco.id / f"{source.version}.yaml"
    assert path.exists(), f"data/ecosystems/{eco.id}.yaml: source {source.version} has no table {path.relative_to(ROOT)}"
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    for field in ("repository", "path", "tag", "commit"):
        assert table["source"].get(field) == getattr(source, field), f"{path.name}: {field} differs from the ecosystem file"
    return Table(source.version, table["constants"], set(table["deprecated"]))


LIVE_PACKAGES = ("python:", "pypi:", "npm:", "node:")


def tables(eco: Ecosystem) -> list[Table]:
    found = []
    for source in eco.sources:
        live = (source.package or "").startswith(LIVE_PACKAGES) and not (UPSTREAM / eco.id / f"{source.version}.yaml").exists()
        found.append(_live(eco, source.version) if live else _upstream(eco, source))
    return found


ECOSYSTEMS = load_registry(check_markdown=False).ecosystems


def _deprecated_at(name, version: str) -> bool:
    return name.deprecated is True or bool(name.deprecated) and _version_key(version) >= _version_key(name.deprecated)


@pytest.fixture(scope="module")
def ecosystem_tables() -> dict[str, list[Table]]:
    return {eco.id: tables(eco) for eco in ECOSYSTEMS}


def test_every_ecosystem_the_readers_write_is_covered(registry):
    assert {e.id for e in registry.ecosystems} >= {
        "python", "drf", "starlette", "spring", "java-net", "jakarta-servlet", "dotnet", "aspnetcore",
        "go", "node", "npm-http-status-codes", "symfony", "rack", "rust-http", "ktor"}


@pytest.mark.parametrize("eco", ECOSYSTEMS, ids=lambda e: e.id)
def test_every_name_shown_exists_in_the_library_with_that_value(eco, ecosystem_tables):
    for table in ecosystem_tables[eco.id]:
        for code, names in eco.names.items():
            for name in names:
                where = f"data/ecosystems/{eco.id}.yaml: code {code}: {name.name} (checked against {table.version})"
                if name.present_in(table.version):
                    assert table.constants.get(name.name) == code, f"{where}: the library gives {table.constants.get(name.name)}"
                    if table.deprecated is not None:
                        assert _deprecated_at(name, table.version) <= (name.name in table.deprecated), \
                            f"{where}: not deprecated there"
                else:
                    assert name.name not in table.constants, f"{where}: it exists there (since/removed is wrong)"


# Constants for numbers the site has no page for (each a reason to add a page, or not).
NOT_ON_THE_SITE = {
    "spring": {"METHOD_FAILURE": 420},  # a WebDAV draft's, deprecated, removed in 7.0
    "npm-http-status-codes": {"METHOD_FAILURE": 420},
}


@pytest.mark.parametrize("eco", ECOSYSTEMS, ids=lambda e: e.id)
def test_every_constant_the_library_defines_is_shown(eco, ecosystem_tables, registry):
    site = {c.code for c in registry.codes}
    absent = {}
    for table in ecosystem_tables[eco.id]:
        newest = table is ecosystem_tables[eco.id][-1]
        for name, code in table.constants.items():
            if code not in site:
                absent[name] = code
                continue
            shown = {n.name: n for n in eco.names.get(code, [])}
            assert name in shown and shown[name].present_in(table.version), \
                f"data/ecosystems/{eco.id}.yaml: code {code}: {name} ({table.version}) is missing"
            if newest and table.deprecated is not None and name in table.deprecated:
                assert _deprecated_at(shown[name], table.version), \
                    f"data/ecosystems/{eco.id}.yaml: code {code}: {name} is deprecated in {table.version}"
    assert absent == NOT_ON_THE_SITE.get(eco.id, {})


def test_every_upstream_table_belongs_to_a_source():
    expected = {UPSTREAM / e.id / f"{s.version}.yaml" for e in ECOSYSTEMS for s in e.sources}
    assert set(UPSTREAM.glob("*/*.yaml")) <= expected


def test_a_wrong_name_fails_the_check(ecosystem_tables):
    # The check above on a copy of Spring's data with one name misspelt.
    spring = next(e for e in ECOSYSTEMS if e.id == "spring")
    broken = spring.model_copy(update={"names": {**spring.names, 404: [spring.names[404][0].model_copy(update={"name": "NOT_FOUNDD"})]}})
    with pytest.raises(AssertionError, match="code 404: NOT_FOUNDD"):
        test_every_name_shown_exists_in_the_library_with_that_value(broken, ecosystem_tables)


def _write(data: Path, eco: str, change) -> None:
    path = data / "ecosystems" / f"{eco}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("change, expected", [
    pytest.param(lambda d: d["names"].update({404: "NOT FOUND"}),
                 "data/ecosystems/spring.yaml: ecosystem spring: field 'names': code 404: name 0 'NOT FOUND' is not identifier-shaped",
                 id="name-not-an-identifier"),
    pytest.param(lambda d: d["names"].update({404: "<script>"}), "code 404: name 0 '<script>'", id="markup-as-name"),
    pytest.param(lambda d: d["names"].update({299: "OK_ISH"}),
                 "data/ecosystems/spring.yaml: code 299: field 'names.299': unknown code 299", id="code-the-site-lacks"),
    pytest.param(lambda d: d.update(format="HttpStatus.NAME"), "field 'format'", id="format-without-name"),
    pytest.param(lambda d: d.update(format="`{name}`"), "field 'format'", id="backtick-in-format"),
    pytest.param(lambda d: d["names"].update({413: [{"name": "X", "since": "7.0", "removed": "6.0"}]}),
                 "field 'names.413.0'", id="removed-before-added"),
    pytest.param(lambda d: d.update(order=10), "field 'order': 10 is also python's", id="same-order"),
    pytest.param(lambda d: d.update(sources=[{"version": "7.0", "repository": "a/b", "path": "x"}]),
                 "say which release was checked", id="source-not-pinned"),
    pytest.param(lambda d: d.update(colour="red"), "field 'colour'", id="unknown-field"),
    pytest.param(lambda d: d.update(names={"four-oh-four": "NOT_FOUND"}), "field 'names.four-oh-four.[key]'", id="code-not-a-number"),
    pytest.param(lambda d: d.update(names={404: 404}), "field 'names.404'", id="name-not-text"),
    pytest.param(lambda d: d.update(api="<b>HttpStatus</b>"), "field 'api'", id="markup-as-api"),
    pytest.param(lambda d: d.update(language="Java <script>"), "field 'language'", id="script-in-language"),
])
def test_bad_ecosystem_data_names_file_code_and_field(data_copy, change, expected):
    # One problem per message, every one listed (nothing is rendered from bad data).
    _write(data_copy, "spring", change)
    with pytest.raises(DataError) as caught:
        load_registry(data_copy, check_markdown=False)
    assert any(expected in problem for problem in caught.value.problems), caught.value.problems


@pytest.fixture(scope="module")
def pages(registry):
    return render_site(registry)


def test_the_section_shows_each_name_as_written_with_its_version_notes(pages):
    ko, en = pages["ko/413.md"], pages["en/413.md"]
    assert "<code>HttpStatus.CONTENT&#95;TOO&#95;LARGE</code> (since 7.0)" in en
    assert "<code>HttpStatus.CONTENT&#95;TOO&#95;LARGE</code> (7.0부터)" in ko
    assert "<code>HttpStatus.PAYLOAD&#95;TOO&#95;LARGE</code> (deprecated in 7.0)" in en
    assert "<code>:payload&#95;too&#95;large</code> (3.1부터 폐기 예정)" in ko
    assert "<code>HttpStatusCode.RedirectKeepVerb</code> (alias)" in pages["en/307.md"]
    # The section says which versions the names are from, in each language.
    assert "Spring 7.0.9 (Java)<br>" in en and "Spring 7.0.9 (Java)<br>" in ko
    assert "checked against its source at the version in the table" in en


def test_rows_follow_the_ecosystems_order(pages, registry):
    page = pages["en/404.md"]
    positions = [page.index(f"<td>{escape_plain(e.library)} ") for e in registry.ecosystems]
    assert positions == sorted(positions)


def test_an_ecosystem_file_that_is_not_a_mapping_is_rejected(data_copy):
    (data_copy / "ecosystems" / "spring.yaml").write_text("- HttpStatus\n", encoding="utf-8")
    (data_copy / "ecosystems" / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_registry(data_copy, check_markdown=False)
    assert "data/ecosystems/spring.yaml: ecosystem spring: expected a mapping of fields, got list" in caught.value.problems
    assert any(p.startswith("data/ecosystems/notes.txt: unexpected file") for p in caught.value.problems)


def _extract():
    import importlib.util
    spec = importlib.util.spec_from_file_location("upstream_extract", UPSTREAM / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("parser, good, bad", [
    ("spring_java", '\t@Deprecated\n\tGONE(410, Series.CLIENT_ERROR, "Gone"),\n',
     '\tGONE(410, Series.CLIENT_ERROR, "Gone", true),\n'),
    ("java_int", "    int SC_GONE = 410;\n", "    int SC_GONE = 400 + 10;\n"),
    ("csharp_enum", "        Gone = 410,\n        // Teapot = 418\n", "        Gone = 0x19A,\n"),
    ("csharp_const", "    public const int Status410Gone = 410;\n", "    public const int Status410Gone = Gone;\n"),
    ("go_const", "\tStatusGone = 410 // RFC 9110, 15.5.11\n", "\tStatusGone = 410 + 0\n"),
    ("php_const", "    public const HTTP_GONE = 410;\n", "    public const HTTP_GONE = self::X;\n"),
    ("rust_macro", '    (410, GONE, "Gone");\n', '    (410, GONE, "Gone", extra);\n'),
    ("kotlin_companion", 'public val Gone: HttpStatusCode =\n    HttpStatusCode(410, "Gone")\n',
     'public val Gone: HttpStatusCode = of(410)\n'),
])
def test_the_table_makers_read_only_what_they_understand(parser, good, bad):
    # tests/upstream/extract.py, on lines written here in each file's format: a line that looks
    # like a constant but does not parse stops it, rather than being skipped.
    extract = _extract()
    constants, deprecated = getattr(extract, parser)(good)
    assert list(constants.values()) == [410]
    assert deprecated == (list(constants) if parser == "spring_java" else [])
    with pytest.raises(extract.ParseError):
        getattr(extract, parser)(bad)


def test_rack_symbols_are_derived_as_rack_derives_them():
    extract = _extract()
    source = ("    HTTP_STATUS_CODES = {\n      306 => '(Unused)',\n      413 => 'Content Too Large',\n"
              "      418 => \"I'm a teapot\"\n    }\n")
    derive = "      [message.downcase.gsub(/\\s|-/, '_').to_sym, code]\n"
    obsolete = "    OBSOLETE_SYMBOLS_TO_STATUS_CODES = {\n      payload_too_large: 413\n    }.freeze\n"
    with pytest.raises(extract.ParseError):  # a message in double quotes is not understood
        extract.rack_utils(source + derive + obsolete)
    constants, deprecated = extract.rack_utils(source.replace("      418 => \"I'm a teapot\"\n", "") + derive + obsolete)
    assert constants == {"content_too_large": 413, "payload_too_large": 413}
    assert deprecated == ["payload_too_large"]
