"""Extract the status-code constants a library defines from its own source file.

The libraries the tests cannot install (Java, .NET, Go, PHP, Ruby, Rust, Kotlin) are checked
against tables made by this script from the upstream file at a released tag: what it writes
(tests/upstream/<ecosystem>/<version>.yaml) is names and numbers, with the repository, path,
tag or commit and the date the file was read, so the source itself is not kept here.

    python tests/upstream/extract.py spring-java path/to/HttpStatus.java \\
        --ecosystem spring --version 7.0.9 --repository spring-projects/spring-framework \\
        --path spring-web/src/main/java/org/springframework/http/HttpStatus.java --tag v7.0.9 --commit ...

Each parser is strict: a line that looks like a constant but does not parse, or a file that
yields no constants, stops the script (a changed file format must be looked at, not skipped).
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


class ParseError(Exception):
    pass


def _deprecated_before(lines: list[str], i: int) -> bool:
    """A @Deprecated annotation or @deprecated doc tag in the comment/annotations just above line i."""
    j = i - 1
    while j >= 0 and (lines[j].strip().startswith(("*", "/*", "/**", "@", "//", "#[")) or not lines[j].strip()):
        if re.search(r"@[Dd]eprecated|#\[deprecated", lines[j]):
            return True
        if lines[j].strip().startswith("/**") or not lines[j].strip():
            break
        j -= 1
    return False


def _scan(text: str, candidate: re.Pattern, exact: re.Pattern) -> tuple[dict[str, int], list[str]]:
    lines = text.splitlines()
    constants: dict[str, int] = {}
    deprecated: list[str] = []
    for i, line in enumerate(lines):
        if not candidate.search(line):
            continue
        match = exact.match(line)
        if not match:
            raise ParseError(f"line {i + 1} looks like a constant but does not parse: {line.strip()!r}")
        name, value = match.group("name"), int(match.group("value"))
        if name in constants:
            raise ParseError(f"line {i + 1}: {name} defined twice")
        constants[name] = value
        if _deprecated_before(lines, i):
            deprecated.append(name)
    if not constants:
        raise ParseError("no constants found")
    return constants, deprecated


def spring_java(text: str):
    # Spring's enum HttpStatus: NOT_FOUND(404, Series.CLIENT_ERROR, "Not Found"),
    return _scan(text, re.compile(r"^\s*[A-Z][A-Z0-9_]*\(\d{3},"),
                 re.compile(r"^\s*(?P<name>[A-Z][A-Z0-9_]*)\((?P<value>\d{3}), Series\.[A-Z_]+, \"[^\"]*\"\)[,;]$"))


def java_int(text: str):
    # java.net.HttpURLConnection: public static final int HTTP_OK = 200;
    # jakarta.servlet.http.HttpServletResponse (an interface): int SC_OK = 200;
    return _scan(text, re.compile(r"\bint (HTTP|SC)_"),
                 re.compile(r"^\s*(public static final )?int (?P<name>(HTTP|SC)_[A-Z0-9_]+) = (?P<value>\d{3});$"))


def csharp_enum(text: str):
    # System.Net.HttpStatusCode: NotFound = 404,   (a commented-out member is not one)
    return _scan(text, re.compile(r"^\s*[A-Z]\w* = \d"),
                 re.compile(r"^\s*(?P<name>[A-Z]\w*) = (?P<value>\d{3}),?$"))


def csharp_const(text: str):
    # Microsoft.AspNetCore.Http.StatusCodes: public const int Status404NotFound = 404;
    return _scan(text, re.compile(r"\bconst int "),
                 re.compile(r"^\s*public const int (?P<name>Status\d{3}\w+) = (?P<value>\d{3});( // .*)?$"))


def go_const(text: str):
    # net/http status.go: StatusNotFound = 404 // RFC 9110, 15.5.5   (the "_ = 306" placeholder is not a name)
    return _scan(text, re.compile(r"^\s*Status\w+\s+= \d"),
                 re.compile(r"^\s*(?P<name>Status\w+)\s+= (?P<value>\d{3})( *// .*)?$"))


def php_const(text: str):
    # Symfony Response: public const HTTP_NOT_FOUND = 404;
    return _scan(text, re.compile(r"const HTTP_\w+ = \d"),
                 re.compile(r"^\s*public const (?P<name>HTTP_[A-Z0-9_]+) = (?P<value>\d{3});( +// .*)?$"))


def rust_macro(text: str):
    # hyperium/http status.rs, inside status_codes! { ... }: (404, NOT_FOUND, "Not Found");
    return _scan(text, re.compile(r"^\s*\(\d{3},"),
                 re.compile(r"^\s*\((?P<value>\d{3}), (?P<name>[A-Z][A-Z0-9_]*), \"[^\"]*\"\);$"))


def kotlin_companion(text: str):
    # Ktor HttpStatusCode.Companion: public val NotFound: HttpStatusCode = HttpStatusCode(404, "Not Found")
    # (the constructor call may be on the next line)
    joined = re.sub(r"=\s*\n\s*HttpStatusCode\(", "= HttpStatusCode(", text)
    return _scan(joined, re.compile(r"^\s*public val \w+: HttpStatusCode ="),
                 re.compile(r"^\s*public val (?P<name>[A-Z]\w*): HttpStatusCode = HttpStatusCode\((?P<value>\d{3}), \"[^\"]*\"\)$"))


def rack_utils(text: str):
    """Rack::Utils: SYMBOL_TO_STATUS_CODE is HTTP_STATUS_CODES' messages, downcased, with spaces
    and hyphens as underscores; OBSOLETE_SYMBOLS_TO_STATUS_CODES (3.1+) still work, with a warning."""
    def block(name: str) -> str | None:
        found = re.search(rf"^\s*{name} = \{{\n(?P<body>.*?)\n\s*\}}", text, re.S | re.M)
        return found.group("body") if found else None

    codes = block("HTTP_STATUS_CODES")
    if codes is None:
        raise ParseError("HTTP_STATUS_CODES not found")
    # 3.0 also turned apostrophes into underscores; 3.1 stopped (no message has one any more).
    derived = re.search(r"\[message\.downcase\.gsub\(/(?P<chars>\\s\|-(\|')?)/, '_'\)\.to_sym, code\]", text)
    if not derived:
        raise ParseError("SYMBOL_TO_STATUS_CODE is no longer derived as this parser assumes")
    underscored = r"\s|-|'" if derived.group("chars").endswith("'") else r"\s|-"
    constants: dict[str, int] = {}
    for line in codes.splitlines():
        match = re.match(r"^\s*(?P<value>\d{3}) => '(?P<message>[^']+)',?$", line)
        if not match:
            raise ParseError(f"HTTP_STATUS_CODES line does not parse: {line.strip()!r}")
        symbol = re.sub(underscored, "_", match.group("message").lower())
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", symbol):
            # 3.0 lists 306 as '(Unused)': its symbol :"(unused)" is not one anyone writes.
            if match.group("message") != "(Unused)":
                raise ParseError(f"HTTP_STATUS_CODES message gives no plain symbol: {line.strip()!r}")
            continue
        constants[symbol] = int(match.group("value"))
    deprecated: list[str] = []
    obsolete = block("OBSOLETE_SYMBOLS_TO_STATUS_CODES")
    for line in (obsolete or "").splitlines():
        match = re.match(r"^\s*(?P<name>[a-z_]+): (?P<value>\d{3}),?$", line)
        if not match:
            raise ParseError(f"OBSOLETE_SYMBOLS_TO_STATUS_CODES line does not parse: {line.strip()!r}")
        constants[match.group("name")] = int(match.group("value"))
        deprecated.append(match.group("name"))
    return constants, deprecated


def python_interpreter(interpreter: str):
    """http.HTTPStatus of another CPython (the file argument is its interpreter): every member
    name, aliases included, asked of the interpreter itself."""
    import json
    import subprocess
    out = subprocess.run([interpreter, "-c", "import http, json; print(json.dumps("
                          "{n: int(m) for n, m in http.HTTPStatus.__members__.items()}))"],
                         check=True, capture_output=True, text=True).stdout
    constants = json.loads(out)
    if not constants:
        raise ParseError("no members")
    return constants, []


PARSERS = {f.__name__.replace("_", "-"): f for f in (
    python_interpreter, spring_java, java_int, csharp_enum, csharp_const, go_const, php_const, rust_macro, kotlin_companion, rack_utils)}


def write(ecosystem: str, version: str, source: dict, constants: dict[str, int], deprecated: list[str]) -> Path:
    out = HERE / ecosystem / f"{version}.yaml"
    out.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# The constants {source['repository']} defines in {source['path']}"
              f" at {source.get('tag') or source.get('commit')}: written by tests/upstream/extract.py;"
              " do not edit by hand.\n")
    body = {"source": source, "constants": dict(sorted(constants.items(), key=lambda kv: (kv[1], kv[0]))),
            "deprecated": sorted(deprecated)}
    out.write_text(header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("format", choices=sorted(PARSERS))
    parser.add_argument("file", type=Path)
    parser.add_argument("--ecosystem", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--repository", required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--tag")
    parser.add_argument("--commit")
    parser.add_argument("--read", default=datetime.date.today().isoformat(), help="date the file was read")
    args = parser.parse_args(argv)
    try:
        parse = PARSERS[args.format]
        constants, deprecated = parse(str(args.file) if parse is python_interpreter else args.file.read_text(encoding="utf-8"))
    except ParseError as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 1
    source = {k: v for k, v in (("repository", args.repository), ("path", args.path), ("tag", args.tag),
                                ("commit", args.commit), ("read", args.read)) if v}
    print(write(args.ecosystem, args.version, source, constants, deprecated))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
