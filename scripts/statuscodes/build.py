"""Data -> model -> pages: the one entry point used by the MkDocs hook and the CLI."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .loader import DATA_DIR, DataError, load_registry
from .model import Registry
from .pages import DOCS_DIR, render_site


def render(data_dir: Path = DATA_DIR, docs_dir: Path = DOCS_DIR, *,
           check_markdown: bool = True) -> tuple[Registry, dict[str, str]]:
    """Validate all data, then render every generated page: {path under docs/: Markdown}.

    Raises ``DataError`` (listing every problem) before anything is rendered.
    ``check_markdown=False``: everything but the Markdown allow-list; see ``MarkdownCheck``."""
    registry = load_registry(data_dir, check_markdown=check_markdown)
    return registry, render_site(registry, docs_dir)


def _problems(data_dir: Path) -> list[str]:
    try:
        load_registry(data_dir)
    except DataError as exc:
        return exc.problems
    return []


class MarkdownCheck:
    """The whole validation, allow-list included, in a second process while this one renders
    the pages without the allow-list: the allow-list renders every Markdown field (about a
    second, a fifth of a clean build), and a build has a second core with nothing to do.
    ``wait()`` must come before anything is written to the site."""

    def __init__(self, data_dir: Path = DATA_DIR):
        # fork where there is one (Linux): the child needs no imports and starts at once.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        self._future = self._pool.submit(_problems, data_dir)

    def wait(self) -> None:
        """Raise ``DataError`` with every problem of the data, as ``load_registry`` would."""
        try:
            problems = self._future.result()
        finally:
            self._pool.shutdown()
        if problems:
            raise DataError(problems)
