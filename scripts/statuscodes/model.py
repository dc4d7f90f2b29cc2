"""The data model: one ``StatusCode`` per file under ``data/codes/``.

Plain-text fields are shown exactly as written (escaped for HTML and Markdown by the
templates' ``plain`` filter); fields typed ``Markdown`` are rendered as Markdown and must
pass the allow-list of ``sanitise.py``. Both hold only the characters ``characters.py``
allows (nothing that changes the display unseen). Every human-readable field is a
``PerLanguage`` value: one entry per language of the site.
"""

from __future__ import annotations

import json
import re
from datetime import date
from enum import Enum
from typing import Annotated, ClassVar, Generic, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from . import characters, sanitise

# The site's languages, in order. The first is the default, served at the site root; the others
# under /<lang>/. mkdocs.yml's i18n languages must say the same (checked by the MkDocs hook).
LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]


def lang_root(lang: str) -> str:
    """A language's folder in the built site: "" for the default language, "en/" for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"

_JSON_DETAIL = re.compile(r'"detail":\s*("(?:[^"\\]|\\.)*")')  # a "detail" string in an example's JSON
_MAX_FIELD = 20_000  # characters; a page section longer than this is a mistake, not content
# Plain text also goes into JSON inside <script> elements (the 404 page's code list), where
# these sequences would end the element or change how the HTML parser reads the rest of it.
_SCRIPT_DATA_BREAKERS = re.compile(r"<\s*/?\s*script|<!--", re.I)


def _plain(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("must be a single line (no line breaks)")
    return _visible_line(value)


def _visible_line(value: str) -> str:
    # An allow-list of characters: nothing that changes the display unseen (characters.py).
    problem = characters.problem(value, line_breaks=False)
    if problem:
        raise ValueError(problem)
    return value


def _visible_lines(value: str) -> str:
    problem = characters.problem(value, line_breaks=True)
    if problem:
        raise ValueError(problem)
    return value


def _script_safe(value: str) -> str:
    found = _SCRIPT_DATA_BREAKERS.search(value)
    if found:
        raise ValueError(f"must not contain <script>, </script> or <!-- (found {found.group()!r}): "
                         "plain text is also written into <script> elements")
    return value


# Validation context: {SKIP_MARKDOWN_CHECK: True} leaves the allow-list out, for a caller that
# has it checked in another process at the same time (statuscodes/build.py).
SKIP_MARKDOWN_CHECK = "skip_markdown_check"


def _check(value: str, info: ValidationInfo, context: str) -> str:
    if (info.context or {}).get(SKIP_MARKDOWN_CHECK):
        return value
    problem = sanitise.problem(value, context)
    if problem:
        raise ValueError(problem)
    return value


def _allowed_markdown(value: str, info: ValidationInfo) -> str:
    # The allow-list, checked on the HTML the field renders to: statuscodes/sanitise.py.
    return _check(value, info, "block")


def _allowed_exchange(value: str, info: ValidationInfo) -> str:
    # The example exchange sits inside a fenced code block; check it there, so a ``` in it
    # cannot close the fence and let what follows through as Markdown.
    return _check(value, info, "fence")


def _no_tag_start(value: str) -> str:
    # Template words and one-line notes sit inside `<div markdown>` or `markdown="span"` blocks
    # (the code page's first screen), where md_in_html reads a tag even inside a `code span`:
    # there, no "<" can be text.
    if "<" in value:
        raise ValueError("must not contain '<' (it is also shown inside HTML blocks, where a code span does not escape it)")
    return value


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=_MAX_FIELD)]
PlainLine = Annotated[NonEmpty, AfterValidator(_plain), AfterValidator(_script_safe)]
MarkdownStr = Annotated[NonEmpty, AfterValidator(_visible_lines), AfterValidator(_allowed_markdown)]
MarkdownLine = Annotated[NonEmpty, AfterValidator(_plain), AfterValidator(_allowed_markdown), AfterValidator(_no_tag_start)]
Exchange = Annotated[NonEmpty, AfterValidator(_visible_lines), AfterValidator(_allowed_exchange)]  # raw HTTP, shown as code


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


V = TypeVar("V")


class PerLanguage(Strict, Generic[V]):
    """A value in each of the site's languages (one field per entry of ``LANGUAGES``, so a
    new language is one more entry there, and in the data); ``text[lang]`` picks one."""

    __annotations__ = dict.fromkeys(LANGUAGES, "V")

    def __getitem__(self, lang: str) -> V:
        return getattr(self, lang)


# The human-readable fields, each in every language; they differ only in what a value may hold.
class Text(PerLanguage[PlainLine]):
    """One line of plain text, shown exactly as written."""


class Markdown(PerLanguage[MarkdownStr]):
    """Markdown prose."""


class Note(PerLanguage[MarkdownLine]):
    """One line of Markdown: a table cell, a list item, a note under the answer, and the words
    of the page templates (data/ui.yaml), which the templates put into their Markdown as they
    are (home_intro has `code`)."""


class Keywords(PerLanguage[list[PlainLine]]):
    """Words readers type for a code that its page may not say: nicknames, spacing variants,
    old names, the situation in their own words. Korean search also finds the English ones.
    A language without any may be left out."""

    @model_validator(mode="before")
    @classmethod
    def _none_for_a_language_left_out(cls, value):
        return {**dict.fromkeys(LANGUAGES, []), **value} if isinstance(value, dict) else value


class Standing(str, Enum):
    standard = "standard"
    temporary = "temporary"  # provisional IANA registration with an expiry date
    deprecated = "deprecated"
    obsolete = "obsolete"  # defining document moved to Historic
    unused = "unused"  # reserved by the registry, never to be sent
    unofficial = "unofficial"  # not in the registry; a vendor uses it


SECTION = re.compile(r"^(\d+(\.\d+)*|[A-Z](\.\d+)*)$")
DRAFT = re.compile(r"^draft-[a-z0-9-]+$")


class SpecRef(Strict):
    """A deep link into the document that defines (or documents) the code."""

    rfc: int | None = Field(default=None, ge=1, le=99999)
    section: str | None = None
    draft: str | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"']+$")] | None = None
    title: PlainLine | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "SpecRef":
        kinds = [k for k in ("rfc", "draft", "url") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("give exactly one of rfc (with section), draft, or url (with title)")
        if self.rfc is not None:
            if self.section is None or not SECTION.match(self.section):
                raise ValueError(f"rfc {self.rfc} needs a section like '15.5.5' (got {self.section!r})")
        elif self.section is not None:
            raise ValueError("section goes with rfc only")
        if self.draft is not None and not DRAFT.match(self.draft):
            raise ValueError(f"draft must look like 'draft-ietf-httpbis-name' (got {self.draft!r})")
        if self.url is not None and self.title is None:
            raise ValueError("a url reference needs a title")
        return self

    @property
    def href(self) -> str:
        if self.rfc is not None:
            anchor = "appendix" if self.section[0].isalpha() else "section"
            return f"https://www.rfc-editor.org/rfc/rfc{self.rfc}.html#{anchor}-{self.section}"
        if self.draft is not None:
            return f"https://datatracker.ietf.org/doc/{self.draft}/"
        return self.url

    @property
    def label(self) -> str:
        if self.rfc is not None:
            return f"RFC {self.rfc} §{self.section}"
        return self.draft or self.title


class Header(Strict):
    name: Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9-]*$")]
    level: Literal["must", "should", "may"]
    note: Note


class Confusion(Strict):
    code: int
    note: Note


# --- Constants in other ecosystems: one file per ecosystem, data/ecosystems/<id>.yaml ---

Version = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,3}$")]

# How an ecosystem's names may look (an allow-list: the names go into code spans and the search
# index). "identifier" covers every language's constant or member names; "phrase" is Node's
# http.STATUS_CODES, whose values are reason phrases.
NAME_SHAPES = {
    "identifier": re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$"),
    "phrase": re.compile(r"^[A-Za-z0-9][A-Za-z0-9 '-]{0,63}$"),
}


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


class ConstantName(Strict):
    """One name a library gives a code, and what sets it apart from the code's other names."""

    name: str
    since: Version | None = None  # first version that has it (older versions lack it)
    # Marked deprecated (it still works): the version that did, or true where the source says no version.
    deprecated: Version | Literal[True] | None = None
    removed: Version | None = None  # first version without it
    alias: bool = False  # another name for the same value, beside the main one
    other_meaning: bool = False  # the library's constant for this number means something else

    @model_validator(mode="before")
    @classmethod
    def _from_a_bare_name(cls, value):
        return {"name": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _versions_in_order(self) -> "ConstantName":
        if self.since and self.removed and _version_key(self.since) >= _version_key(self.removed):
            raise ValueError(f"{self.name}: since {self.since} is not before removed {self.removed}")
        return self

    def present_in(self, version: str) -> bool:
        v = _version_key(version)
        return ((self.since is None or _version_key(self.since) <= v)
                and (self.removed is None or v < _version_key(self.removed)))


class ConstantSource(Strict):
    """Where the names were checked: a package the tests import, or an upstream file."""

    version: Version
    repository: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    path: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_./@-]+$")]
    tag: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.+-]+$")] | None = None
    commit: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{40}$")] | None = None
    package: Annotated[str, StringConstraints(pattern=r"^(pypi|npm|debian|node|python|jdk):[A-Za-z0-9_.@/-]+$")] | None = None

    @model_validator(mode="after")
    def _pinned(self) -> "ConstantSource":
        if not (self.tag or self.commit or self.package):
            raise ValueError("say which release was checked: tag, commit or package")
        return self


_FORMAT = re.compile(r"^[A-Za-z0-9_.:'\[\] ]*\{name\}[A-Za-z0-9_.:'\[\] ]*$")


class Ecosystem(Strict):
    """A library's names for status codes (data/ecosystems/<id>.yaml), shown on every code page."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]  # the file name
    order: int = Field(ge=0, le=999)  # position in the table
    language: PlainLine  # Python, Java, C#...
    library: PlainLine  # shown in the table: Spring, Django REST framework
    api: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:/@\\-]+$")] | None = None  # shown as code
    shape: Literal["identifier", "phrase"] = "identifier"
    format: str  # how a reader writes it: "HttpStatus.{name}", ":{name}", "{code}: '{name}'"
    sources: list[ConstantSource] = Field(min_length=1)  # oldest first; the last is the version shown
    names: dict[int, list[ConstantName]]

    @field_validator("format")
    @classmethod
    def _format_shape(cls, value: str) -> str:
        if not _FORMAT.match(value.replace("{code}", "0")):
            raise ValueError(f"{value!r} must contain {{name}} once, with letters, digits and _ . : ' [ ] around it")
        return value

    @field_validator("names", mode="before")
    @classmethod
    def _one_or_more(cls, value):
        if isinstance(value, dict):
            return {k: [v] if isinstance(v, (str, dict)) else v for k, v in value.items()}
        return value

    @field_validator("names")
    @classmethod
    def _names_fit(cls, value: dict[int, list[ConstantName]], info: ValidationInfo):
        shape = info.data.get("shape", "identifier")
        problems = []  # every one, so a file is fixed in one go
        for code, names in value.items():
            if not names:
                problems.append(f"code {code}: give at least one name, or leave the code out")
            written = [n.name for n in names]
            for i, name in enumerate(written):
                if not NAME_SHAPES[shape].match(name):
                    problems.append(f"code {code}: name {i} {name!r} is not {shape}-shaped"
                                    f" ({NAME_SHAPES[shape].pattern})")
                elif written.index(name) != i:
                    problems.append(f"code {code}: name {name} is listed twice")
        if problems:
            raise ValueError("; ".join(problems))
        return value

    @property
    def version(self) -> str:
        return self.sources[-1].version

    def written(self, code: int, name: ConstantName) -> str:
        """The name as a reader writes it in code: HttpStatus.NOT_FOUND, :not_found."""
        return self.format.replace("{code}", str(code)).replace("{name}", name.name)


PythonLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_plain)]


class CodeLine(PerLanguage[PythonLine]):
    """The one line of Python that sends the code, in each language. Most lines say nothing a
    reader reads and are written once, as a plain string (the same line in every language);
    a line with a message in it is a mapping, so each page shows the message in its language."""

    @model_validator(mode="before")
    @classmethod
    def _one_line_for_every_language(cls, value):
        return dict.fromkeys(LANGUAGES, value) if isinstance(value, str) else value


class Django(Strict):
    """How to send the code from Django and DRF.

    ``produces`` lists dotted names of built-in classes, exceptions or decorators that
    produce this code; the test suite runs each one in a Django project and checks it.
    """

    how: Markdown
    line: CodeLine | None = None  # the one line of Python that sends it; the tests run each language's
    produces: list[Annotated[str, StringConstraints(pattern=r"^(django|rest_framework)(\.\w+)+$")]] = []


class ErrorExample(Strict):
    """Data for the example error bodies (problem+json and Google style) of 4xx/5xx pages."""

    type: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]  # slug of the problem type URI
    detail: Text
    instance: Annotated[str, StringConstraints(pattern=r"^/[A-Za-z0-9/_.-]*$")] = "/"


class StatusCode(Strict):
    code: int = Field(ge=100, le=599)
    phrase: PlainLine  # registered reason phrase (or the vendor's name for unofficial codes)
    name_ko: PlainLine  # Korean name shown next to the phrase
    standing: Standing
    vendor: PlainLine | None = Field(default=None, validate_default=True)  # who uses an unofficial code
    other_phrases: list[PlainLine] = []  # older or informal names, e.g. "Payload Too Large"
    spec: list[SpecRef] = Field(min_length=1)
    summary: Text
    verdict: Text | None = None  # when to send it, or "never send this": the first screen of the page
    keywords: Keywords = Keywords.model_validate({})  # extra search words per language (spacing variants, slang)

    # The rich reference sections (optional while a page is being written).
    meaning: Markdown | None = None
    when_to_use: Markdown | None = None
    confused_with: list[Confusion] = []
    headers: list[Header] = []
    cacheable: bool = False  # heuristically cacheable by default, RFC 9110 section 15.1
    client: Markdown | None = None
    example: Exchange | None = None  # raw HTTP exchange, language-neutral
    django: Django | None = None
    frontend: Markdown | None = None
    error: ErrorExample | None = None
    history: Markdown | None = None

    @property
    def status_class(self) -> int:
        return self.code // 100

    @property
    def related(self) -> list[int]:
        return [c.code for c in self.confused_with]

    # Cross-field rules as field validators, so an error names the field it is about.
    @field_validator("vendor")
    @classmethod
    def _vendor_only_for_unofficial(cls, value, info: ValidationInfo):
        unofficial = info.data.get("standing") is Standing.unofficial
        if unofficial and value is None:
            raise ValueError("required for unofficial codes (who sends this code?)")
        if not unofficial and value is not None:
            raise ValueError("only unofficial codes name a vendor")
        return value

    @field_validator("error")
    @classmethod
    def _error_only_for_errors(cls, value, info: ValidationInfo):
        code = info.data.get("code")
        if value is not None and code is not None and code < 400:
            raise ValueError("example error bodies are for 4xx and 5xx codes only")
        # Pages show the example's "detail" in their own language: it must be the error's.
        example = info.data.get("example") or ""
        for detail in _JSON_DETAIL.findall(example) if value is not None else []:
            if detail != json.dumps(value.detail.en, ensure_ascii=False):
                raise ValueError(f"the example's \"detail\" {detail} must be error.detail.en, which Korean pages replace with error.detail.ko")
        return value

    @field_validator("confused_with")
    @classmethod
    def _no_duplicate_related(cls, value: list[Confusion]) -> list[Confusion]:
        codes = [c.code for c in value]
        if len(codes) != len(set(codes)):
            raise ValueError("lists a related code twice")
        return value

    # What a page needs before it can ship, by standing. The loader reports each missing field;
    # `make new-code` writes a file with exactly these fields to fill in.
    REQUIRED_FOR_REGISTERED: ClassVar[tuple[str, ...]] = ("verdict", "meaning", "when_to_use", "confused_with", "client", "example",
                               "django", "frontend", "history")
    REQUIRED_FOR_UNOFFICIAL: ClassVar[tuple[str, ...]] = ("verdict", "meaning", "when_to_use", "history")

    def missing(self) -> list[tuple[str, str]]:
        """(field, why) for each field this code's page still needs."""
        if self.standing is Standing.unofficial:
            kind, fields = "unofficial codes", self.REQUIRED_FOR_UNOFFICIAL
        else:
            kind, fields = "registered codes", self.REQUIRED_FOR_REGISTERED
        found = [(f, f"required for {kind}") for f in fields if not getattr(self, f)]
        if self.standing is not Standing.unofficial and self.code >= 400 and self.error is None:
            found.append(("error", "required for registered 4xx and 5xx codes (the example error bodies)"))
        if self.standing is Standing.unofficial and self.spec[0].url is None:
            found.append(("spec.0.url", "an unofficial code links the vendor's documentation first"))
        return found


class StatusClass(Strict):
    """One class (1xx ... 5xx): its name and overview prose."""

    name: Text
    summary: Text
    overview: Markdown


class Rule(Strict):
    code: int
    when: Text


class Branch(Strict):
    tone: Literal["success", "redirect", "client", "server"]
    name: Text
    rules: list[Rule] = Field(min_length=1)


class ChoosingGuide(Strict):
    """data/guides/choosing.yaml: the decision diagram and the everyday short list."""

    title: Text
    keywords: Keywords = Keywords.model_validate({})
    description: Text
    intro: Markdown
    question: Text
    text_version: Text
    branches: list[Branch] = Field(min_length=1)
    top_title: Text
    top_intro: Text
    top_codes: list[int] = Field(min_length=1)

    def codes(self) -> list[tuple[str, int]]:
        """(field, code) for every code the guide names, to check they exist."""
        named = [(f"branches.{b}.rules.{r}.code", rule.code)
                 for b, branch in enumerate(self.branches) for r, rule in enumerate(branch.rules)]
        return named + [(f"top_codes.{i}", code) for i, code in enumerate(self.top_codes)]


# What tools show or log with a code (data/messages/<tool>.yaml). A part of a text that changes
# from one occurrence to the next (an address, a path, a method) is written ‹name›: single
# guillemets never occur in the texts themselves, and they stay apart from JSON braces and from
# format fields such as DRF's {method}, which are not what a reader sees.
TOOL_KINDS = ("framework", "server", "proxy", "cloud", "browser", "client")
PLACEHOLDER = re.compile(r"‹([a-z][a-z0-9 _-]*)›")


def _placeholders_well_formed(value: str) -> str:
    rest = PLACEHOLDER.sub("", value)
    if "‹" in rest or "›" in rest:
        raise ValueError("a placeholder is written ‹name› (lower-case letters, digits, spaces, '_' or '-')")
    return value


MessageText = Annotated[PlainLine, AfterValidator(_placeholders_well_formed)]
HttpsUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https://[A-Za-z0-9.-]+/[^\s<>\"'`]*$", max_length=500)]
# A tool's own name for an error, as its JSON body's "code" carries it (PGRST116, 23505,
# token_not_valid): letters, digits and _ . / -, nothing that could be read as markup.
ErrorId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_./-]{1,39}$")]


class Message(Strict):
    """One text a tool shows or logs with a status code, exactly as the tool writes it."""

    code: list[int] = Field(min_length=1)  # one code, or the codes that all lead to this text
    text: MessageText  # the tool's own (English) text
    ko: MessageText | None = None  # the tool's own Korean text, only where it ships one
    where: Text  # where a reader meets it: "the CSRF failure page", "an error_log line"
    body_code: ErrorId | None = None  # the "code" beside the text in the tool's JSON error body
    source: HttpsUrl  # the source file and line at a tag, or the vendor's page

    @field_validator("code", mode="before")
    @classmethod
    def _one_code(cls, value):
        return [value] if isinstance(value, int) else value

    @property
    def pattern(self) -> bool:
        """True when the text has parts that change (shown as ‹name›)."""
        return bool(PLACEHOLDER.search(self.text))


class Tool(Strict):
    """data/messages/<tool>.yaml: the texts one tool shows or logs, at one release or as its
    vendor's page said on one date."""

    name: PlainLine
    kind: Literal[TOOL_KINDS]
    version: PlainLine | None = None  # the release the texts were checked at
    checked: date | None = None  # or the date a vendor's page was read
    messages: list[Message] = Field(min_length=1)

    @model_validator(mode="after")
    def _version_or_date(self) -> "Tool":
        if (self.version is None) == (self.checked is None):
            raise ValueError("give exactly one of version (a release) or checked (the date a vendor page was read)")
        return self

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}" if self.version else self.name


# A word as readers type it, or as the pages write it: letters, digits, Hangul and single spaces.
SearchWord = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z\uac00-\ud7a3]+( [0-9A-Za-z\uac00-\ud7a3]+)*$",
                                              max_length=40)]


class SearchWords(Strict):
    """data/search/words.yaml, per language: how readers type a word -> how the pages write it,
    and the words that say nothing about which code a pasted text is about."""
    spellings: dict[str, dict[SearchWord, SearchWord]] = {}
    noise: dict[str, list[SearchWord]] = {}

    @field_validator("spellings", "noise")
    @classmethod
    def _known_languages(cls, value: dict) -> dict:
        unknown = sorted(set(value) - set(LANGUAGES))
        if unknown:
            raise ValueError(f"unknown language(s) {unknown}; the languages are {list(LANGUAGES)}")
        return value


class Registry(Strict):
    classes: dict[int, StatusClass]
    codes: list[StatusCode]
    ui: dict[str, Note]  # the template's words, from data/ui.yaml
    choosing: ChoosingGuide
    search_words: SearchWords = SearchWords()  # for the search box only (scripts/statuscodes/search.py)
    ecosystems: list[Ecosystem] = []  # in display order
    tools: dict[str, Tool] = {}  # data/messages/<slug>.yaml, by slug

    def messages(self, code: int) -> list[tuple[str, list[tuple[Tool, Message]]]]:
        """The texts tools show with ``code``, grouped by kind of tool (TOOL_KINDS order)."""
        found = [(tool, m) for _, tool in sorted(self.tools.items()) for m in tool.messages if code in m.code]
        return [(kind, [(t, m) for t, m in found if t.kind == kind])
                for kind in TOOL_KINDS if any(t.kind == kind for t, _ in found)]

    def constants(self, code: int) -> list[tuple[Ecosystem, list[ConstantName]]]:
        """Each ecosystem that names the code, with its names, in display order."""
        return [(e, e.names[code]) for e in self.ecosystems if code in e.names]

    def words(self, lang: str) -> dict[str, str]:
        return {key: text[lang] for key, text in self.ui.items()}

    def in_class(self, status_class: int) -> list[StatusCode]:
        return [c for c in self.codes if c.status_class == status_class]

    def get(self, code: int) -> StatusCode:
        return next(c for c in self.codes if c.code == code)
