"""An nginx snippet, tested with `nginx -t` inside the smallest configuration that can hold it.

Where a block goes (data/README.md): by its first directive, a `server { ... }` block goes in
`http`, a `location ... { ... }` block in a `server`; any other block names its context after
the language, ```` ```nginx http ````, ```` ```nginx server ```` or ```` ```nginx location ````.

The configuration around it gives a snippet what a reader's own configuration has: the
`upstream django` that `proxy_pass http://django` means (the Django app server), and the
certificate files its ssl_* directives name, as a throwaway self-signed certificate in the
test's directory (absolute paths are moved under it). Everything runs in a temporary prefix,
with its own error log and pid file: no root, no port opened (`-t` only reads and checks).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

CONTEXTS = ("http", "server", "location")
_FILE_DIRECTIVES = re.compile(
    r"\b(?P<name>ssl_certificate_key|ssl_certificate|ssl_client_certificate|ssl_trusted_certificate)\s+(?P<path>[^\s;]+)\s*;")


def nginx_binary() -> str:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        raise RuntimeError("nginx is not installed: the nginx snippets need it (apt-get install nginx)")
    return found


def context_of(text: str, info: str) -> str | None:
    """The context the block's directives belong in, or None when it cannot be told."""
    words = [w for w in info.split() if "=" not in w]  # title="nginx.conf" is not a context
    named = words[0] if words else ""
    if named:
        return named if named in CONTEXTS else None
    first = next((line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")), "")
    if re.match(r"server\s*\{", first):
        return "http"
    if re.match(r"location\b", first):
        return "server"
    return None


def _certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "snippet-cert.pem", directory / "snippet-key.pem"
    if not cert.exists():
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-subj", "/CN=snippet.test", "-days", "1", "-keyout", str(key), "-out", str(cert)],
                       check=True, capture_output=True, timeout=60)
    return cert, key


def _with_files(text: str, directory: Path) -> str:
    """The block with each certificate file it names created under ``directory``."""
    def place(match: re.Match) -> str:
        original = match["path"]
        target = directory / "files" / original.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        cert, key = _certificate(directory)
        shutil.copy(key if match["name"] == "ssl_certificate_key" else cert, target)
        return match[0].replace(original, str(target))
    return _FILE_DIRECTIVES.sub(place, text)


def configuration(text: str, context: str, directory: Path) -> tuple[str, int]:
    """The whole nginx.conf, and the line of it where the snippet's first line is."""
    block = _with_files(text, directory)
    if context == "location":
        block = f"location /snippet/ {{\n{block}\n}}"
    if context in ("server", "location"):
        block = f"server {{\nlisten 127.0.0.1:8080;\n{block}\n}}"
    conf = "\n".join([
        f"pid {directory}/nginx.pid;",
        f"error_log {directory}/error.log;",
        "events {}",
        "http {",
        f"access_log {directory}/access.log;",
        *(f"{kind}_temp_path {directory}/{kind}_temp;" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")),
        "upstream django { server 127.0.0.1:8000; }",
        block,
        "}",
    ]) + "\n"
    lines = conf.split("\n")
    first = lines.index(_with_files(text, directory).split("\n")[0]) + 1
    return conf, first


def check_nginx(text: str, info: str = "") -> list[str]:
    """[] when `nginx -t` accepts the block in its context, else what nginx said."""
    context = context_of(text, info)
    if context is None:
        return ["cannot tell where this block goes: start it with `server {` or `location`, or name its context "
                "after the language (```nginx http, ```nginx server, ```nginx location)"]
    with tempfile.TemporaryDirectory(prefix="nginx-snippet-") as tmp:
        directory = Path(tmp)
        conf = directory / "nginx.conf"
        text_conf, first = configuration(text, context, directory)
        conf.write_text(text_conf, encoding="utf-8")
        run = subprocess.run([nginx_binary(), "-t", "-q", "-p", str(directory), "-e", str(directory / "error.log"),
                              "-c", str(conf)], capture_output=True, text=True, timeout=60)
        if run.returncode == 0:
            return []
        said = [line for line in (run.stderr + run.stdout).splitlines() if "[emerg]" in line or "[crit]" in line
                or "[alert]" in line or "[error]" in line] or [run.stderr.strip() or f"exit status {run.returncode}"]
        where = re.compile(rf"in {re.escape(str(conf))}:(\d+)")
        return [f"nginx -t (in {context}): " + where.sub(lambda m: f"on the snippet's line {int(m[1]) - first + 1}", line)
                .replace(str(directory), "<tmp>") for line in said]
