"""While `mkdocs serve` runs, a data problem replaces every page with a page that names it.

The terminal is not where an author looks after saving a file; the browser is. So instead of
keeping the last good pages (which looks like a stuck server), every HTML page of the served
site says what is wrong, in its language, and live reload (injected by the server into every
HTML response) brings the real page back once the data is fixed. `mkdocs build` still fails.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

STYLE = ("body{font:16px/1.6 system-ui,sans-serif;max-width:60rem;margin:3rem auto;padding:0 1rem;"
         "color:#1a1a1a}h1{color:#b00020}li{font-family:ui-monospace,monospace;font-size:.9rem;"
         "overflow-wrap:anywhere;margin:.4rem 0}")


def error_page(problems: list[str], lang: str, words: dict[str, str]) -> str:
    items = "".join(f"<li>{escape(problem)}</li>" for problem in problems)
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(words['data_error_title'])}</title><style>{STYLE}</style></head><body>"
            f"<h1>{escape(words['data_error_title'])}</h1><p>{escape(words['data_error_explain'])}</p>"
            f'<ul id="data-problems">{items}</ul></body></html>')


def show_problems(site_dir: Path, problems: list[str], words: dict[str, dict[str, str]], default: str) -> list[Path]:
    """Overwrite every page of ``site_dir``; return the paths, so that they can be rebuilt later."""
    pages = sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.relative_to(site_dir).parts)
    for path in pages:
        first = path.relative_to(site_dir).parts[0]
        lang = first if first in words and first != default else default
        path.write_text(error_page(problems, lang, words[lang]), encoding="utf-8")
    return pages
