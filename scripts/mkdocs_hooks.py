"""MkDocs hooks: regenerate the pages from data/ on every build and serve, build the
navigation from the same data, and write what static-i18n leaves out (one 404 page per
language, codes.json)."""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from jinja2.utils import htmlsafe_json_dumps
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))

from statuscodes.build import generate  # noqa: E402
from statuscodes.export import codes_json  # noqa: E402
from statuscodes.loader import DATA_DIR, DataError  # noqa: E402
from statuscodes.pages import GUIDES, TEMPLATES  # noqa: E402
from statuscodes.search import split_search_index  # noqa: E402

log = logging.getLogger("mkdocs.hooks.statuscodes")
_state: dict = {}  # shared between the per-language builds of one `mkdocs build`


def _i18n(config):
    return config.plugins["i18n"]


def _nav(registry, lang: str) -> list:
    """Home, the guides, then each class with its codes: all from the data."""
    guides = [f"guides/{slug}.md" for slug in GUIDES]
    nav: list = ["index.md", {registry.ui["guides"][lang]: guides}]
    for number in registry.classes:
        pages = [f"{number}xx.md"] + [f"{c.code}.md" for c in registry.in_class(number)]
        nav.append({f"{number}xx": pages})
    return nav


def on_config(config):
    # static-i18n runs on_config once per language; generate() writes only what changed,
    # so the second run leaves the files alone.
    try:
        result = generate(DATA_DIR, Path(config.docs_dir))
    except DataError as exc:
        raise PluginError("the data has problems; no page was written:\n  " + "\n  ".join(exc.problems))
    if result.written or result.removed:
        log.info(f"generated {result.pages} pages: {len(result.written)} written, {len(result.removed)} removed")
    _state["registry"] = result.registry
    # Words and code list for the theme templates (404 page, copy-link button).
    i18n = _i18n(config)
    lang = i18n.current_language or i18n.default_language
    config.extra["ui"] = result.registry.words(lang)
    config.extra["lang_root"] = "" if lang == i18n.default_language else f"{lang}/"
    config.extra["site_path"] = urlsplit(config.site_url or "/").path or "/"
    config.extra["codes"] = [[c.code, c.phrase, c.name_ko if lang == "ko" else ""] for c in result.registry.codes]
    config.nav = _nav(result.registry, lang)
    return config


def on_post_template(output, template_name, config):
    # Every language build writes site/404.html and the last one wins. Keep the default
    # language's page there and put each other language's at /<lang>/404.html.
    if template_name != "404.html":
        return output
    i18n = _i18n(config)
    if i18n.current_language == i18n.default_language:
        _state["default_404"] = output
        return output
    target = Path(config.site_dir) / i18n.current_language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_rebase(output, i18n.current_language), encoding="utf-8")
    return _state["default_404"]


_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def on_post_page(output, page, config):
    # Material finds the search index at <base>/search/search_index.json. Pointing a
    # language's pages at that language's root makes them load that language's index.
    i18n = _i18n(config)
    if i18n.current_language == i18n.default_language:
        return output
    return _rebase(output, i18n.current_language)


def _rebase(html: str, lang: str) -> str:
    def replace(match):
        app = json.loads(match.group(2))
        app["base"] = app["base"].rstrip("/") + f"/{lang}/"
        return match.group(1) + str(htmlsafe_json_dumps(app)) + match.group(3)

    return _CONFIG_SCRIPT.sub(replace, html, count=1)


@event_priority(-200)  # after static-i18n's own post-build, which builds the other languages
def on_post_build(config):
    i18n = _i18n(config)
    if i18n.building:
        return  # an inner, per-language build; the outer build finishes the site
    site = Path(config.site_dir)
    registry = _state["registry"]
    (site / "codes.json").write_text(codes_json(registry, config.site_url), encoding="utf-8")
    split_search_index(site, registry, i18n.default_language)


def on_serve(server, config, builder):
    # Editing data/ or a template while `mkdocs serve` runs rebuilds the site.
    server.watch(str(DATA_DIR))
    server.watch(str(TEMPLATES))
    return server
