"""The generator: one page per code per language, deterministic, writes only what changed
(so a dirty rebuild skips the rest), and never writes into docs/."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import yaml

from statuscodes.build import render
from statuscodes.loader import load_registry
from statuscodes.model import LANGUAGES
from statuscodes.pages import GENERATED_MARK, render_site
from statuscodes.writer import GENERATED_DIR, is_generated, write_pages

ROOT = Path(__file__).resolve().parents[1]


def generate(data_dir: Path, out_dir: Path):
    """What the MkDocs hook does on every build: render in memory, write what changed."""
    _, pages = render(data_dir)
    written, removed = write_pages(pages, out_dir)
    return SimpleNamespace(pages=len(pages), written=written, removed=removed)


def test_one_page_per_code_per_language_plus_home_and_classes(registry):
    pages = render_site(registry)
    for lang in LANGUAGES:
        for c in registry.codes:
            assert f"{lang}/{c.code}.md" in pages
        for n in (1, 2, 3, 4, 5):
            assert f"{lang}/{n}xx.md" in pages
        assert f"{lang}/index.md" in pages
        assert f"{lang}/guides/choosing.md" in pages and f"{lang}/guides/cheatsheet.md" in pages
    assert len(pages) == len(LANGUAGES) * (len(registry.codes) + 5 + 1 + 2)



def test_the_cache_badge_leads_to_the_one_explanation_of_heuristic_caching(registry):
    # Each registered code page's "cacheable by default" badge links to its class page's
    # #heuristic-cache section, which explains the term once and lists the class's cacheable codes.
    pages = render_site(registry)
    for lang in LANGUAGES:
        words = registry.words(lang)
        for n in (1, 2, 3, 4, 5):
            section = pages[f"{lang}/{n}xx.md"].split("{#heuristic-cache}", 1)[1]
            listed = {int(m) for m in re.findall(r"\]\((\d{3})\.md\)", section)}
            assert listed == {c.code for c in registry.codes if c.cacheable and c.status_class == n}, (lang, n)
        for c in registry.codes:
            if c.standing.value == "unofficial":
                continue
            badge = words["cache_short_yes" if c.cacheable else "cache_short_no"]
            assert f"[{badge}]({c.status_class}xx.md#heuristic-cache)" in pages[f"{lang}/{c.code}.md"], (lang, c.code)

def test_rendering_is_deterministic(registry, data_copy, tmp_path):
    assert render_site(registry) == render_site(load_registry(data_copy))
    generate(data_copy, tmp_path / "a")
    generate(data_copy, tmp_path / "b")
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert a == b


def test_second_run_writes_nothing(data_copy, tmp_path):
    docs = tmp_path / "docs"
    first = generate(data_copy, docs)
    mtimes = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    second = generate(data_copy, docs)
    assert len(first.written) == first.pages
    assert second.written == [] and second.removed == []
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")} == mtimes


def test_changing_one_summary_changes_its_two_pages_and_the_lists(data_copy, tmp_path):
    docs = tmp_path / "docs"
    generate(data_copy, docs)
    path = data_copy / "codes/4xx/418.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["summary"]["en"] = "A teapot that will not brew coffee."
    doc["summary"]["ko"] = "커피를 끓이지 않는 찻주전자입니다."
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")

    result = generate(data_copy, docs)

    assert sorted(result.written) == [
        "en/418.md", "en/4xx.md", "en/guides/cheatsheet.md", "en/index.md",
        "ko/418.md", "ko/4xx.md", "ko/guides/cheatsheet.md", "ko/index.md",
    ]
    assert "A teapot that will not brew coffee." in (docs / "en/418.md").read_text(encoding="utf-8")


def test_pages_of_removed_codes_are_deleted_but_hand_written_pages_stay(data_copy, tmp_path):
    docs = tmp_path / "docs"
    generate(data_copy, docs)
    hand_written = docs / "ko/guide.md"
    hand_written.write_text("# 직접 쓴 페이지\n", encoding="utf-8")
    (data_copy / "codes/5xx/599.yaml").unlink()

    result = generate(data_copy, docs)

    assert sorted(result.removed) == ["en/599.md", "ko/599.md"]
    assert hand_written.exists()
    assert "(599.md)" not in (docs / "ko/5xx.md").read_text(encoding="utf-8")


def test_the_build_writes_no_page_into_docs(site):
    # Generated pages live in memory and in .cache/pages (ignored by git), never in docs/,
    # so `mkdocs serve` does not rebuild a second time for its own writes and no generated
    # page can be committed by mistake.
    assert [p for p in (ROOT / "docs").rglob("*.md") if is_generated(p)] == []
    assert (GENERATED_DIR / "ko/404.md").is_file() and (GENERATED_DIR / "en/4xx.md").is_file()
    if GENERATED_DIR.is_relative_to(ROOT):  # not so for a copy of the data ($STATUSCODES_DATA)
        ignored = subprocess.run(["git", "check-ignore", str(GENERATED_DIR / "ko/404.md")],
                                 cwd=ROOT, capture_output=True, text=True)
        assert ignored.returncode == 0, "the generated pages must be ignored by git"
    for page in render_site(load_registry()).values():
        assert GENERATED_MARK in page.splitlines()[1]


def test_the_cheat_sheet_marks_every_code_that_is_not_a_standard_one(registry):
    # Like the class tables: 104 (a temporary registration) must not read as a standard code.
    pages = render_site(registry)
    for lang in LANGUAGES:
        sheet = pages[f"{lang}/guides/cheatsheet.md"]
        for c in registry.codes:
            if c.standing.value == "unofficial":
                continue
            row = next(line for line in sheet.splitlines() if line.startswith(f"| [{c.code}]("))
            assert (f"sc-badge--{c.standing.value}" in row) == (c.standing.value != "standard"), (lang, c.code)
