"""Write the generated pages to disk: only what changed, atomically, and remove pages the
data no longer produces. MkDocs reads them from GENERATED_DIR, outside docs/, so that
`mkdocs serve` does not rebuild again for its own writes; they are there to read, too."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .pages import GENERATED_MARK

GENERATED_DIR = Path(__file__).resolve().parents[2] / ".cache" / "pages"


def is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return GENERATED_MARK in (handle.readline() + handle.readline())
    except (OSError, UnicodeDecodeError):
        return False


def _write_atomic(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def write_pages(pages: dict[str, str], out_dir: Path) -> tuple[list[str], list[str]]:
    """Sync ``out_dir`` with ``pages``; return (written, removed) relative paths.

    Unchanged files keep their mtime, so a dirty rebuild skips their pages.
    """
    written, removed = [], []
    for rel, content in sorted(pages.items()):
        path = out_dir / rel
        if path.exists() and path.read_text(encoding="utf-8") == content:
            continue
        _write_atomic(path, content)
        written.append(rel)
    for path in sorted(out_dir.rglob("*.md")):
        rel = path.relative_to(out_dir).as_posix()
        if rel not in pages and is_generated(path):
            path.unlink()
            removed.append(rel)
    return written, removed
