"""MkDocs hooks: regenerate the pages from data/ on every build and serve, and build
the navigation from the same data, so nobody has to remember a separate step."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))

from statuscodes.build import generate  # noqa: E402
from statuscodes.loader import DATA_DIR, DataError  # noqa: E402
from statuscodes.pages import TEMPLATES  # noqa: E402

log = logging.getLogger("mkdocs.hooks.statuscodes")
_CLASS_SECTION = re.compile(r"^[1-5]xx$")


def _is_generated_entry(item) -> bool:
    return item == "index.md" or (isinstance(item, dict) and any(_CLASS_SECTION.match(k) for k in item))


def _code_nav(registry) -> list:
    nav: list = ["index.md"]
    for number in registry.classes:
        pages = [f"{number}xx.md"] + [f"{c.code}.md" for c in registry.in_class(number)]
        nav.append({f"{number}xx": pages})
    return nav


def on_config(config):
    # static-i18n runs on_config once per language; generate() writes only what changed,
    # so the second run leaves the files alone and the nav is rebuilt, not appended twice.
    try:
        result = generate(DATA_DIR, Path(config.docs_dir))
    except DataError as exc:
        raise PluginError("the data has problems; no page was written:\n  " + "\n  ".join(exc.problems))
    if result.written or result.removed:
        log.info(f"generated {result.pages} pages: {len(result.written)} written, {len(result.removed)} removed")
    hand_written = [item for item in (config.nav or []) if not _is_generated_entry(item)]
    config.nav = _code_nav(result.registry) + hand_written
    return config


def on_serve(server, config, builder):
    # Editing data/ or a template while `mkdocs serve` runs rebuilds the site.
    server.watch(str(DATA_DIR))
    server.watch(str(TEMPLATES))
    return server
