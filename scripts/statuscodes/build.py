"""Data -> model -> pages -> docs/: the one entry point used by the CLI and the MkDocs hook."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loader import DATA_DIR, load_registry
from .model import Registry
from .pages import render_site
from .writer import write_pages

ROOT = Path(__file__).resolve().parents[2]
DOCS_DIR = ROOT / "docs"


@dataclass
class Result:
    registry: Registry
    pages: int
    written: list[str]
    removed: list[str]


def generate(data_dir: Path = DATA_DIR, docs_dir: Path = DOCS_DIR) -> Result:
    """Validate all data and render every page before writing any (all or nothing)."""
    registry = load_registry(data_dir)
    pages = render_site(registry)
    written, removed = write_pages(pages, docs_dir)
    return Result(registry, len(pages), written, removed)
