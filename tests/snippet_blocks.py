"""Every code block a reader can copy from the site, found in the sources, each with where it is.

Sources: every Markdown field of the data in every language (data/codes/*/*.yaml,
data/classes.yaml, data/guides/*.yaml), found by walking the loaded model for `Markdown`
values, so a new field is covered without a change here; the `example` exchange of every code,
both as the data holds it and as each language's page shows it (pretty-printed JSON, the
error's detail in that language); and the hand-written guides docs/<lang>/guides/*.md with
their `--8<--` includes expanded, as pymdownx.snippets expands them for the page.

A fence is a line of three or more backticks or tildes, indented like the list item it is in;
its info string starts with the language (```nginx server -> language "nginx", info "server").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from pydantic import BaseModel

from statuscodes.model import LANGUAGES, Markdown, Registry
from statuscodes.pages import example_exchange, exchange

ROOT = Path(__file__).resolve().parents[1]
GUIDES = sorted((ROOT / "docs").glob("*/guides/*.md"))

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+#.-]*)[ \t]*(?P<info>[^`]*?)[ \t]*$")


@dataclass(frozen=True)
class Block:
    where: str  # for a failure message: file, code, field, block number and language
    id: str  # for the pytest id: short, unique
    lang: str  # the info string's first word, lower case; "" for a bare fence
    info: str  # the rest of the info string
    text: str


def fenced_blocks(markdown_text: str) -> list[tuple[str, str, str]]:
    """(language, info, text) of every fenced block, its content dedented by the fence's indent.
    A fence left open runs to the end, as Markdown renders it."""
    blocks, lines, i = [], markdown_text.split("\n"), 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, fence = len(opening["indent"]), opening["fence"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        body, i = [], i + 1
        while i < len(lines) and not closing.match(lines[i]):
            body.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i].lstrip())
            i += 1
        blocks.append((opening["lang"].lower(), opening["info"], "\n".join(body)))
        i += 1
    return blocks


def _markdown_fields(value, path: str):
    """(path, Markdown) for every Markdown value inside a loaded model, lists and dicts included."""
    if isinstance(value, Markdown):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _markdown_fields(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _markdown_fields(item, f"{path}.{i}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _markdown_fields(item, f"{path}.{key}")


def _from_markdown(text: str, where: str, short: str) -> list[Block]:
    out = []
    for n, (lang, info, body) in enumerate(fenced_blocks(text), start=1):
        out.append(Block(f"{where}: block {n} ({lang or 'no language'})", f"{short}#{n}-{lang or 'plain'}", lang, info, body))
    return out


def data_sources(registry: Registry) -> list[tuple[str, str, str, str]]:
    """(file, label, pytest id prefix, Markdown object) for every Markdown field of the data."""
    sources = []
    for code in registry.codes:
        file = f"data/codes/{code.code // 100}xx/{code.code}.yaml"
        sources += [(file, f"code {code.code}: field '{path}", f"{code.code}-{path}", md)
                    for path, md in _markdown_fields(code, "")]
    for number, status_class in registry.classes.items():
        sources += [("data/classes.yaml", f"class {number}xx: field '{path}", f"{number}xx-{path}", md)
                    for path, md in _markdown_fields(status_class, "")]
    sources += [("data/guides/choosing.yaml", f"field '{path}", f"choosing-{path}", md)
                for path, md in _markdown_fields(registry.choosing, "")]
    return sources


def data_blocks(registry: Registry) -> list[Block]:
    blocks = []
    for file, label, short, md in data_sources(registry):
        for lang in LANGUAGES:
            blocks += _from_markdown(md[lang], f"{file}: {label}.{lang}'", f"{short}.{lang}")
    return blocks


def example_blocks(registry: Registry) -> list[Block]:
    """Each example exchange as the data holds it and as each language's page shows it."""
    blocks = []
    for code in registry.codes:
        if code.example is None:
            continue
        file = f"data/codes/{code.code // 100}xx/{code.code}.yaml"
        raw = code.example if isinstance(code.example, str) else code.example["en"]
        blocks.append(Block(f"{file}: code {code.code}: field 'example' (as written)", f"{code.code}-example", "http", "", raw))
        for lang in LANGUAGES:
            shown = exchange(example_exchange(code, lang), lang)
            blocks.append(Block(f"{file}: code {code.code}: field 'example', as the {lang} page shows it",
                                f"{code.code}-example-{lang}-page", "http", "", str(shown)))
    return blocks


def expand_includes(text: str) -> str:
    """The guide as its page reads: `--8<--` lines replaced by what they include."""
    md = markdown.Markdown(extensions=["pymdownx.snippets"],
                           extension_configs={"pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True}})
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def guide_blocks() -> list[Block]:
    blocks = []
    for path in GUIDES:
        rel = path.relative_to(ROOT).as_posix()
        short = f"{path.parent.parent.name}-{path.stem}"
        blocks += _from_markdown(expand_includes(path.read_text(encoding="utf-8")), rel, short)
    return blocks


def all_blocks(registry: Registry) -> list[Block]:
    return data_blocks(registry) + example_blocks(registry) + guide_blocks()


def block_of(registry: Registry, code: int, field: str, lang: str, language: str) -> str:
    """The last ``language`` block of a code's Markdown field in ``lang`` (field "frontend",
    "django.how"), as the page shows it: for tests that run a snippet."""
    value = registry.get(code)
    for part in field.split("."):
        value = getattr(value, part)
    found = [text for kind, _info, text in fenced_blocks(value[lang]) if kind == language]
    if not found:
        raise LookupError(f"code {code}: field '{field}.{lang}' has no {language} block")
    return found[-1]
