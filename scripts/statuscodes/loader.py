"""Read ``data/`` into a validated ``Registry``, or fail with messages that name
the file, the code and the field."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from . import sanitise, strict_yaml
from .model import SKIP_MARKDOWN_CHECK, ChoosingGuide, Ecosystem, Note, Registry, SearchWords, StatusClass, StatusCode, Tool

# STATUSCODES_DATA points the generator, the build and the tests at another copy of the data.
DATA_DIR = Path(os.environ.get("STATUSCODES_DATA") or Path(__file__).resolve().parents[2] / "data")
MAX_FILE_BYTES = 4 * 1024 * 1024  # a code file is ~10 KB; field limits catch long text with a better message


_UNREADABLE = object()  # _read_yaml already reported why
# Parsed files by their bytes' digest: `mkdocs serve` keeps this module loaded, so a rebuild
# after an edit parses only the edited file, and a copy of the data (the tests make one for each
# case they break) parses only what differs. The values are never changed once parsed.
_parsed: dict[bytes, object] = {}
_PARSED_KEPT = 4096  # files; past that the cache starts again (property tests write thousands)


class DataError(Exception):
    """Every problem found in the data, one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _read_yaml(path: Path, problems: list[str], where: str) -> object:
    raw = path.read_bytes()
    key = hashlib.blake2b(raw, digest_size=16).digest()
    if key not in _parsed:
        value = _parse_yaml(raw, path, problems, where)
        if value is _UNREADABLE:
            return value
        if len(_parsed) >= _PARSED_KEPT:
            _parsed.clear()
        _parsed[key] = value
    return _parsed[key]


def _parse_yaml(raw: bytes, path: Path, problems: list[str], where: str) -> object:
    if len(raw) > MAX_FILE_BYTES:
        problems.append(f"{where}: file is {len(raw)} bytes, more than the {MAX_FILE_BYTES} allowed")
        return _UNREADABLE
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{where}: not UTF-8 text (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})")
        return _UNREADABLE
    try:
        return strict_yaml.load(text, str(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        kind = "ambiguous" if isinstance(exc, strict_yaml.AmbiguousYaml) else "malformed"
        problems.append(f"{where}: {kind} YAML{at}: {problem}")
        return _UNREADABLE


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "(whole file)"


# Validated entries by their model, their fields' exact values and the checks asked for: the
# tests load copies of the data that differ in one file, hundreds of times in one process, and
# `mkdocs serve` reloads after each edit; validation (the character and Markdown allow-lists
# included) is most of a load. Only valid entries are kept, and they are frozen (model.Strict).
_validated: dict[tuple, BaseModel] = {}


def _model_validate(model: type[BaseModel], data: dict, context: dict | None) -> BaseModel:
    """``model.model_validate``, remembered for the same values (raises ValidationError as it does)."""
    values = hashlib.blake2b(repr(data).encode("utf-8"), digest_size=16).digest()  # repr: 1, True and "1" differ
    key = (model, values, tuple(sorted((context or {}).items())))
    if key not in _validated:
        if len(_validated) >= _PARSED_KEPT:
            _validated.clear()
        _validated[key] = model.model_validate(data, context=context)
    return _validated[key]


def _validate(model: type[BaseModel], data: object, problems: list[str], where: str, context: dict | None = None):
    if not isinstance(data, dict):
        problems.append(f"{where}: expected a mapping of fields, got {type(data).__name__}")
        return None
    try:
        return _model_validate(model, data, context)
    except ValidationError as exc:
        for err in exc.errors():
            message = err["msg"].removeprefix("Value error, ")
            problems.append(f"{where}: field '{_field(err['loc'])}': {message}")
        return None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _load_ecosystems(data_dir: Path, present: set[str], problems: list[str], context) -> list[Ecosystem]:
    """data/ecosystems/<id>.yaml: one library's names for the codes, in display order."""
    ecosystems: list[Ecosystem] = []
    orders: dict[int, str] = {}
    for path in sorted((data_dir / "ecosystems").glob("*")):
        rel = _rel(path, data_dir)
        if path.suffix != ".yaml":
            problems.append(f"{rel}: unexpected file; ecosystems live in data/ecosystems/<id>.yaml")
            continue
        raw = _read_yaml(path, problems, f"{rel}: ecosystem {path.stem}")
        if raw is _UNREADABLE:
            continue
        if isinstance(raw, dict) and "id" in raw:
            problems.append(f"{rel}: field 'id': the file name is the id; leave the field out")
            continue
        entry = _validate(Ecosystem, {"id": path.stem, **raw} if isinstance(raw, dict) else raw,
                          problems, f"{rel}: ecosystem {path.stem}", context)
        if entry is None:
            continue
        for code in entry.names:
            if str(code) not in present:
                problems.append(f"{rel}: code {code}: field 'names.{code}': unknown code {code} (no data/codes file)")
        if entry.order in orders:
            problems.append(f"{rel}: field 'order': {entry.order} is also {orders[entry.order]}'s")
        orders[entry.order] = path.stem
        ecosystems.append(entry)
    return sorted(ecosystems, key=lambda e: e.order)


def load_registry(data_dir: Path = DATA_DIR, *, check_markdown: bool = True) -> Registry:
    """Load every code and class; raise ``DataError`` listing all problems found.

    ``check_markdown=False`` leaves out the Markdown allow-list (sanitise.py), for a caller
    that runs it in another process meanwhile (build.py); everything else is checked."""
    problems: list[str] = []
    context = None if check_markdown else {SKIP_MARKDOWN_CHECK: True}
    codes: list[StatusCode] = []
    seen: dict[int, str] = {}
    present: set[str] = set()  # codes that have a file, valid or not

    files = sorted((data_dir / "codes").glob("*/*.y*ml"))
    stray = sorted(p for p in (data_dir / "codes").rglob("*") if p.is_file() and p not in files)
    for path in stray:
        problems.append(f"{_rel(path, data_dir)}: unexpected file; codes live in data/codes/<N>xx/<code>.yaml")

    for path in files:
        rel = _rel(path, data_dir)
        raw = _read_yaml(path, problems, f"{rel}: code {path.stem}")
        if raw is _UNREADABLE:
            present.add(path.stem)
            continue
        code_hint = raw.get("code", path.stem) if isinstance(raw, dict) else path.stem
        present.add(str(code_hint))
        where = f"{rel}: code {code_hint}"
        entry = _validate(StatusCode, raw, problems, where, context)
        if entry is None:
            continue
        problems.extend(f"{where}: field '{field}': {why}" for field, why in entry.missing())
        if path.stem != str(entry.code):
            problems.append(f"{where}: field 'code': {entry.code} does not match the file name {path.name}")
        if path.parent.name != f"{entry.status_class}xx":
            problems.append(
                f"{where}: field 'code': {entry.code} belongs in class {entry.status_class}xx, "
                f"but the file is in {path.parent.name}/"
            )
        if entry.code in seen:
            problems.append(f"{where}: field 'code': duplicate of {seen[entry.code]}")
            continue
        seen[entry.code] = rel
        codes.append(entry)

    # A code whose own file is invalid was reported above; don't report every link to it too.
    for entry in codes:
        where = f"{seen[entry.code]}: code {entry.code}"
        for i, related in enumerate(entry.confused_with):
            if str(related.code) not in present:
                problems.append(f"{where}: field 'confused_with.{i}.code': unknown code {related.code}")
            elif related.code == entry.code:
                problems.append(f"{where}: field 'confused_with.{i}.code': a code cannot be confused with itself")

    classes: dict[int, StatusClass] = {}
    classes_path = data_dir / "classes.yaml"
    if not classes_path.exists():
        problems.append(f"{_rel(classes_path, data_dir)}: file is missing")
        raw_classes = _UNREADABLE
    else:
        raw_classes = _read_yaml(classes_path, problems, _rel(classes_path, data_dir))
    if isinstance(raw_classes, dict):
        for key, value in raw_classes.items():
            where = f"{_rel(classes_path, data_dir)}: class {key}"
            if key not in (1, 2, 3, 4, 5):
                problems.append(f"{where}: field 'class': must be one of 1, 2, 3, 4, 5")
                continue
            entry = _validate(StatusClass, value, problems, where, context)
            if entry is not None:
                classes[key] = entry
        missing = {1, 2, 3, 4, 5} - set(raw_classes)
        if missing:
            problems.append(f"{_rel(classes_path, data_dir)}: classes {sorted(missing)} are missing")
    elif raw_classes is not _UNREADABLE:
        problems.append(f"{_rel(classes_path, data_dir)}: expected a mapping of class number to class")

    ui: dict[str, Note] = {}
    ui_path = data_dir / "ui.yaml"
    raw_ui = _read_yaml(ui_path, problems, _rel(ui_path, data_dir)) if ui_path.exists() else None
    if raw_ui is None:
        problems.append(f"{_rel(ui_path, data_dir)}: file is missing or empty")
    elif isinstance(raw_ui, dict):
        for key, value in raw_ui.items():
            entry = _validate(Note, value, problems, f"{_rel(ui_path, data_dir)}: key {key}", context)
            if entry is not None:
                ui[str(key)] = entry
    elif raw_ui is not _UNREADABLE:
        problems.append(f"{_rel(ui_path, data_dir)}: expected a mapping of key to {{ko, en}} text")

    choosing = None
    choosing_path = data_dir / "guides" / "choosing.yaml"
    where = _rel(choosing_path, data_dir)
    if not choosing_path.exists():
        problems.append(f"{where}: file is missing")
    else:
        raw_choosing = _read_yaml(choosing_path, problems, where)
        if raw_choosing is not _UNREADABLE:
            choosing = _validate(ChoosingGuide, raw_choosing, problems, where, context)
    if choosing is not None:
        for field, code in choosing.codes():
            if str(code) not in present:
                problems.append(f"{where}: code {code}: field '{field}': unknown code {code}")

    tools = _load_tools(data_dir, present, problems, context)

    search_words = SearchWords()
    words_path = data_dir / "search" / "words.yaml"
    if words_path.exists():
        raw_words = _read_yaml(words_path, problems, _rel(words_path, data_dir))
        if raw_words is not _UNREADABLE:
            search_words = _validate(SearchWords, raw_words or {}, problems, _rel(words_path, data_dir), context) or SearchWords()
    ecosystems = _load_ecosystems(data_dir, present, problems, context)

    if check_markdown:
        sanitise.remember_allowed()
    if not codes and not problems:
        problems.append(f"{_rel(data_dir / 'codes', data_dir)}: no status codes found")
    if problems:
        raise DataError(problems)
    return Registry(classes=classes, codes=sorted(codes, key=lambda c: c.code), ui=ui, choosing=choosing,
                    search_words=search_words, ecosystems=ecosystems, tools=tools)


def _load_tools(data_dir: Path, present: set[str], problems: list[str], context: dict | None) -> dict[str, Tool]:
    """data/messages/<tool>.yaml: what each tool shows or logs with a code. A problem names the
    file, the entry (its index and code) and the field."""
    tools: dict[str, Tool] = {}
    folder = data_dir / "messages"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p not in files) if folder.is_dir() else []:
        problems.append(f"{_rel(path, data_dir)}: unexpected file; each tool is data/messages/<tool>.yaml")
    for path in files:
        rel = _rel(path, data_dir)
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem):
            problems.append(f"{rel}: the file name must be the tool in lower case with hyphens (nginx.yaml, aws-alb.yaml)")
            continue
        raw = _read_yaml(path, problems, rel)
        if raw is _UNREADABLE:
            continue
        if not isinstance(raw, dict):
            problems.append(f"{rel}: expected a mapping of fields, got {type(raw).__name__}")
            continue
        entries = raw.get("messages") if isinstance(raw.get("messages"), list) else []

        def where(loc: tuple) -> str:
            # messages.3.text -> "entry 3 (code 502)", so the entry can be found in the file.
            if len(loc) > 1 and loc[0] == "messages" and isinstance(loc[1], int) and loc[1] < len(entries):
                entry = entries[loc[1]]
                code = entry.get("code") if isinstance(entry, dict) else None
                return f"{rel}: entry {loc[1]} (code {code})"
            return rel

        try:
            tool = _model_validate(Tool, raw, context)
        except ValidationError as exc:
            for err in exc.errors():
                message = err["msg"].removeprefix("Value error, ")
                problems.append(f"{where(err['loc'])}: field '{_field(err['loc'])}': {message}")
            continue
        for i, message in enumerate(tool.messages):
            for j, code in enumerate(message.code):
                if str(code) not in present:
                    problems.append(f"{where(('messages', i))}: field 'messages.{i}.code': no page for code {code} in data/codes/")
        tools[path.stem] = tool
    return tools
