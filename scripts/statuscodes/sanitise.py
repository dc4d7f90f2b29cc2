"""Hold every Markdown field of the data to an allow-list, checked on the HTML it renders to.

A field is rendered with the Markdown extensions the site itself uses (read from mkdocs.yml),
then checked:

1. Raw HTML is not allowed at all: the data uses none, and an unbalanced raw block would
   swallow the template text after it. The field is rendered a second time with raw HTML
   switched off; any tag, comment or declaration the two renderings do not share was raw HTML.
2. The HTML that Markdown syntax produced goes through nh3 (the binding to the Rust ammonia
   sanitiser) with the allow-list below. Anything nh3 removes or changes (an element, an
   attribute added with attr_list, a link to another URL scheme, an unbalanced tag) was not
   allowed, and the field is rejected with what was found.
3. What reaches beyond the field: a code fence it leaves open (the next fence on the page
   would close it, turning code after it into Markdown) and [name]: url definitions (they
   count for the whole page), held to the same URL schemes.

Nothing is rewritten: data that does not pass is an error for its author to fix.
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import os
import re
import sys
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import nh3
from pygments.lexers import get_all_lexers

ROOT = Path(__file__).resolve().parents[2]

# What Markdown syntax (with the site's extensions) produces, and nothing else.
ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "code", "pre", "a", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd",  # lists, def_list
    "table", "thead", "tbody", "tr", "th", "td",  # tables
    "del", "sub",  # pymdownx.tilde
    "abbr",  # abbr
    "div",  # admonition
    "details", "summary",  # pymdownx.details
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
_ALIGN = {f"text-align: {side};" for side in ("left", "right", "center")}
ALLOWED_ATTRIBUTE_VALUES = {"th": {"style": _ALIGN}, "td": {"style": _ALIGN}}
URL_SCHEMES = {"https", "http", "mailto"}  # and relative targets (another page, #section)

_ADMONITION_TYPES = {"note", "abstract", "info", "tip", "success", "question", "warning",
                     "failure", "danger", "bug", "example", "quote"}


@lru_cache(maxsize=1)
def _allowed_classes() -> dict[str, set[str]]:
    languages = {f"language-{alias}" for _, aliases, _, _ in get_all_lexers() for alias in aliases}
    return {
        "div": {"admonition", *_ADMONITION_TYPES},
        "p": {"admonition-title"},
        "details": _ADMONITION_TYPES,
        "pre": {"highlight"},
        "code": {"highlight", *languages},  # fenced code and inlinehilite, without Pygments
    }


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        clean_content_tags=set(),
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=ALLOWED_ATTRIBUTE_VALUES,
        allowed_classes=_allowed_classes(),
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def site_extensions(mkdocs_yml: Path = ROOT / "mkdocs.yml") -> tuple[list[str], dict[str, dict]]:
    """The markdown_extensions of mkdocs.yml, plus the three MkDocs always adds, configured
    for checking: what is code and what is markup comes out as on the site."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    with mkdocs_yml.open(encoding="utf-8") as source:
        config = yaml_load(source, loader=get_yaml_loader())
    names, configs = ["toc", "tables", "fenced_code"], {}
    for entry in config.get("markdown_extensions", []):
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if options:
            configs[name] = dict(options)
    # Pygments output is escaped text, so the check skips it (it is most of the time taken):
    # code blocks come out as <pre class="highlight"><code class="language-x">.
    configs.setdefault("pymdownx.highlight", {})["use_pygments"] = False
    if "pymdownx.snippets" in configs:  # relative to the repository, wherever this runs from
        base = configs["pymdownx.snippets"].get("base_path", ["."])
        configs["pymdownx.snippets"]["base_path"] = [str(ROOT / p) for p in base]
    return names, configs


class _NoRawHtml(markdown.Extension):
    """The same Markdown with raw HTML switched off: tags are kept as text."""

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


@lru_cache(maxsize=1)
def _renderers() -> tuple[markdown.Markdown, markdown.Markdown]:
    names, configs = site_extensions()
    site = markdown.Markdown(extensions=names, extension_configs=configs)
    no_raw = markdown.Markdown(extensions=[*names, _NoRawHtml()], extension_configs=configs)
    return site, no_raw


class _Tokens(HTMLParser):
    """An HTML fragment as a list of (kind, what, source text), for comparing two renderings."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple[str, object, str]] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", (tag, tuple(attrs)), self.get_starttag_text()))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag, f"</{tag}>"))

    def handle_data(self, data):
        if self.tokens and self.tokens[-1][0] == "data":  # html.parser may split text
            data = self.tokens.pop()[1] + data
        self.tokens.append(("data", data, data))

    def handle_comment(self, data):
        self.tokens.append(("comment", data, f"<!--{data}-->"))

    def handle_decl(self, decl):
        self.tokens.append(("decl", decl, f"<!{decl}>"))

    def unknown_decl(self, data):
        self.tokens.append(("decl", data, f"<![{data}]>"))

    def handle_pi(self, data):
        self.tokens.append(("pi", data, f"<?{data}>"))


def _shown(source: str, limit: int = 80) -> str:
    source = re.sub(r"\s+", " ", source)
    return source if len(source) <= limit else source[: limit - 1] + "…"


def _raw_html(rendered: str, without_raw: str) -> str | None:
    """The first tag, comment or declaration only the rendering with raw HTML has."""
    if rendered == without_raw:
        return None
    plain = [t for t in _Tokens(without_raw).tokens if t[0] != "data"]
    for kind, what, source in _Tokens(rendered).tokens:
        if kind == "data":
            continue
        if (kind, what, source) in plain:
            plain.remove((kind, what, source))
            continue
        name = what[0] if kind == "start" else what
        label = f"<{name}>" if kind == "start" else source if kind == "end" else f"an HTML {kind}"
        return f"raw HTML is not allowed in Markdown fields: found {label} ({_shown(source)}); write it in Markdown"
    return "raw HTML is not allowed in Markdown fields; write it in Markdown"


def _explain(found: tuple, kept: tuple | None) -> str:
    kind, what, source = found
    if kind == "start":
        tag, attrs = what
        if kept is None or kept[0] != "start" or kept[1][0] != tag:
            return f"<{tag}> is not allowed ({_shown(source)})"
        kept_attrs = dict(kept[1][1])
        for name, value in attrs:
            if kept_attrs.get(name) == value:
                continue
            if name in ("href", "src"):
                return (f"link target {value!r} is not allowed; links go to https:, http:, mailto: "
                        f"or a relative path ({_shown(source)})")
            if name == "class":
                return f"class {value!r} on <{tag}> is not allowed ({_shown(source)})"
            return f"attribute {name!r} on <{tag}> is not allowed ({_shown(source)})"
        return f"<{tag}> is not allowed as written ({_shown(source)})"
    if kind == "end":
        return f"unbalanced {source}"
    return f"{_shown(source)!r} is not allowed"


def _not_allowed(rendered: str) -> str | None:
    """Why nh3 would change this HTML, or None if it passes unchanged."""
    cleaned = _cleaner().clean(rendered)
    if cleaned == rendered:
        return None
    ours, theirs = _Tokens(rendered).tokens, _Tokens(cleaned).tokens
    for i, token in enumerate(ours):
        kept = theirs[i] if i < len(theirs) else None
        if kept is None or token[:2] != kept[:2]:
            return _explain(token, kept)
    if len(theirs) > len(ours):
        extra = theirs[len(ours)]
        return f"unbalanced HTML (the sanitiser had to add {_shown(extra[2])})"
    return None  # the same HTML, serialised differently


def render(text: str, context: str = "block") -> str:
    """A field's HTML as the site renders it. ``context`` "fence" renders it inside the fenced
    http code block the template puts the example exchange in."""
    if context == "fence":
        text = f"```http\n{text}\n```"
    site, _ = _renderers()
    site.reset()
    return site.convert(text)


_FENCE_LINE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.M)
# A fence the field leaves open would be closed by the next fence on the page and turn code
# elsewhere on the page (another field's, the template's) into Markdown and raw HTML. A
# field followed by these probes renders them as code only if its own fences are closed.
_PROBES = tuple(f"\n\n{fence}\nsc-fence-probe\n{fence}\n" for fence in ("`" * 12, "~" * 12))
_PROBE_AS_CODE = re.compile(r"<code[^>]*>sc-fence-probe\n?</code>")


def _convert(renderer: markdown.Markdown, text: str) -> str:
    renderer.reset()
    return renderer.convert(text)


# --- texts allowed before ------------------------------------------------------------------
# Rendering every field takes about a second, and every process that loads the data paid it
# (each build, the generator, every test worker). Texts this very checker allowed are kept in
# .cache/, by the digest of the text: a text that was never allowed (hostile or new) is rendered
# and checked as always. The file's name is a digest of what decides a verdict: this module,
# mkdocs.yml (the extensions and their options) and the versions of the libraries that render
# and clean; any change starts an empty file. Snippets (--8<--) read other files, so a text
# that names one is never taken from the file.
ALLOWED_DIR = ROOT / ".cache" / "markdown-allowed"
_CHECKER_LIBRARIES = ("markdown", "pymdown-extensions", "nh3", "pygments")


@lru_cache(maxsize=1)
def checker_digest() -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(Path(__file__).read_bytes())
    digest.update((ROOT / "mkdocs.yml").read_bytes())
    for name in _CHECKER_LIBRARIES:
        digest.update(f"\0{name}={importlib.metadata.version(name)}".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def _text_digest(text: str, context: str) -> str:
    return hashlib.blake2b(f"{context}\0{text}".encode(), digest_size=16).hexdigest()


class _Allowed:
    """The digests of texts allowed before (read from the file), those this process found
    allowed since, and those it looked up."""

    LIMIT = 20_000  # about 14 times the data's texts; beyond it, only what this process used is kept

    def __init__(self, path: Path):
        self.path, self.new, self.used = path, set(), set()
        try:
            self.known = set(path.read_text(encoding="ascii").split())
        except (OSError, UnicodeDecodeError):
            self.known = set()

    def __contains__(self, key: str) -> bool:
        found = key in self.known or key in self.new
        if found:
            self.used.add(key)
        return found

    def add(self, key: str) -> None:
        self.new.add(key)
        self.used.add(key)

    def save(self) -> None:
        """Add the texts allowed since the last save to the file (best effort: a file that
        cannot be written only means the next process renders them again)."""
        if not self.new:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            for stale in self.path.parent.glob("*.txt"):  # another checker's verdicts
                if stale != self.path:
                    stale.unlink(missing_ok=True)
            merged = self.known | self.new | _Allowed(self.path).known  # what others saved meanwhile
            if len(merged) > self.LIMIT:  # texts of tests that made them up, run after run
                merged = set(self.used)
            temporary = self.path.with_name(f"{self.path.stem}.{os.getpid()}.tmp")
            temporary.write_text("".join(f"{key}\n" for key in sorted(merged)), encoding="ascii")
            os.replace(temporary, self.path)
        except OSError:
            return
        self.known, self.new = merged, set()


@lru_cache(maxsize=1)
def _allowed() -> _Allowed:
    return _Allowed(ALLOWED_DIR / f"{checker_digest()}.txt")


def remember_allowed() -> None:
    """Keep the texts allowed in this process for the next one (the loader calls this)."""
    _allowed().save()


@lru_cache(maxsize=8192)  # the tests load the same data many times in one process
def problem(text: str, context: str = "block") -> str | None:
    """Why this Markdown is not allowed, or None."""
    if "8<" in text:  # a snippet: its verdict depends on another file
        return _problem(text, context)
    allowed, key = _allowed(), _text_digest(text, context)
    if key in allowed:
        return None
    found = _problem(text, context)
    if found is None:
        allowed.add(key)
    return found


def _problem(text: str, context: str) -> str | None:
    if context == "fence":
        if re.search(r"^[ \t]*```", text, re.M):
            return "a line starting with ``` would end the code block the example is shown in"
        text = f"```http\n{text}\n```"
    site, no_raw = _renderers()
    try:
        rendered = _convert(site, text)
        references = dict(site.references)  # [name]: url definitions count for the whole page
        # Raw HTML, and snippets (--8<--), start with a "<".
        without_raw = _convert(no_raw, text) if "<" in text else rendered
        if _FENCE_LINE.search(text):
            for probe in _PROBES:
                if not _PROBE_AS_CODE.search(_convert(no_raw, text + probe)):
                    return "a code fence (``` or ~~~) is opened and not closed"
    except Exception as exc:  # a snippet that is missing, an extension that cannot parse it
        return f"cannot be rendered as Markdown: {type(exc).__name__}: {_shown(str(exc))}"
    found = _raw_html(rendered, without_raw) or _not_allowed(rendered)
    for name, (url, _title) in references.items():  # as Markdown writes them: entities kept
        href = url.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
        found = found or _not_allowed(f'<p><a href="{href}">{html.escape(name)}</a></p>')
    return found


# Plain text: shown exactly as written, wherever a template puts it in the Markdown.
_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
# Syntax anywhere in a line: emphasis, code, links, table cells, attr_list, tilde, escapes.
# "#" too: Python-Markdown drops trailing #s from a heading ("# 100 0#" shows "100 0").
_INLINE_SYNTAX = re.compile(r"[&<>\"'\\`*_\[\]{}|~#]")
# Syntax only where a line starts: lists (-, +, 1.), headings, admonitions (!!!, ???).
_LINE_START_SYNTAX = re.compile(r"^(\s*)(\d*[.)]|[-+#!?=])")


def _reference(char: str) -> str:
    return _HTML_ESCAPES.get(char) or f"&#{ord(char)};"


def escape_plain(value: str) -> str:
    """``value`` escaped for HTML, with every character Markdown (or one of the site's
    extensions) could read as syntax written as a numeric character reference: it renders
    literally in a paragraph, a table cell, a heading, a list item, link text or an attribute."""
    start = _LINE_START_SYNTAX.match(value)
    at = start.end() - 1 if start else -1  # the one character that makes it syntax
    head = value[:at] + _reference(value[at]) if start else ""
    return head + _INLINE_SYNTAX.sub(lambda m: _reference(m.group()), value[at + 1:])
