"""Data -> model -> pages: the one entry point used by the MkDocs hook and the CLI."""

from __future__ import annotations

from pathlib import Path

from .loader import DATA_DIR, load_registry
from .model import Registry
from .pages import DOCS_DIR, render_site


def render(data_dir: Path = DATA_DIR, docs_dir: Path = DOCS_DIR) -> tuple[Registry, dict[str, str]]:
    """Validate all data, then render every generated page: {path under docs/: Markdown}.

    Raises ``DataError`` (listing every problem) before anything is rendered."""
    registry = load_registry(data_dir)
    return registry, render_site(registry, docs_dir)
