"""Data -> model -> pages: the one entry point used by the MkDocs hook and the CLI."""

from __future__ import annotations

import multiprocessing
import traceback
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
    ``wait()`` must come before anything is written to the site.

    A process and a pipe rather than an executor, which would start a thread: the build forks
    once more later (language_fork.py), which is safe only while the process has one thread."""

    def __init__(self, data_dir: Path = DATA_DIR):
        # fork where there is one (Linux): the child needs no imports and starts at once.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._verdict, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_problems, args=(data_dir, send), daemon=True)
        self._process.start()
        send.close()

    def wait(self) -> None:
        """Raise ``DataError`` with every problem of the data, as ``load_registry`` would."""
        try:
            outcome, detail = self._verdict.recv()
        except EOFError:
            self._process.join()
            outcome, detail = "crashed", f"the data check ended without a verdict (exit status {self._process.exitcode})"
        finally:
            self._verdict.close()
            self._process.join()
        if outcome != "problems":
            raise RuntimeError(detail)
        if detail:
            raise DataError(detail)


def _send_problems(data_dir: Path, send) -> None:
    try:
        send.send(("problems", _problems(data_dir)))
    except Exception:  # noqa: BLE001 - a bug, not a data problem: the build shows where
        send.send(("crashed", traceback.format_exc()))
    finally:
        send.close()
