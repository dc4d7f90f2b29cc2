"""A Content-Security-Policy for each built page, as a <meta http-equiv> (GitHub Pages sends
no custom headers).

Scripts run only from the site itself ('self') and from the inline scripts of the theme and
of overrides/, allowed one by one by the SHA-256 of their text, computed from the page's
final HTML. Inline event handlers (onclick=...) and javascript: URLs have no hash, so they
never run. A script that came from the page's own content (the rendered Markdown) is never
given a hash: the data cannot hold one, and if it ever did, the browser would block it.

The policy's other directives:
- style-src 'self': Material's stylesheets only; the theme puts no style attributes or
  <style> elements in its HTML (its scripts set styles through the DOM, which CSP allows).
- img-src 'self' data:: Material's icons in CSS are data: SVGs.
- connect-src 'self': the search index, /en/404.html for the 404 swap.
- worker-src 'self': Material's search worker.
- object-src 'none', base-uri 'self', form-action 'self': nothing to embed, no <base>
  rewriting, forms (the search box) stay on the site.
(frame-ancestors cannot be set from a <meta>; GitHub Pages does not send it either.)
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


class _InlineScripts(HTMLParser):
    """The text of every inline script a browser would run, exactly as written."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag != "script":
            return
        attrs = dict(attrs)
        kind = (attrs.get("type") or "").strip().lower()
        if "src" not in attrs and kind in _EXECUTABLE_TYPES:
            self._current = []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    return _InlineScripts(html).scripts


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: list[str]) -> str:
    directives = {**DIRECTIVES, "script-src": DIRECTIVES["script-src"] + hashes}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def protect(html: str, content: str = "", also_allow: list[str] = ()) -> str:
    """``html`` with the policy as the first element of its <head>. Its inline scripts are
    allowed, except those found in ``content`` (the page's rendered Markdown); ``also_allow``
    adds the scripts of a page this one writes into itself (the 404 swap)."""
    from_content = set(inline_scripts(content)) if content else set()
    allowed = [s for s in inline_scripts(html) if s not in from_content] + list(also_allow)
    hashes = list(dict.fromkeys(script_hash(s) for s in allowed))  # in order, once each
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    head = html.find("<head>")
    if head < 0:
        raise ValueError("a page without <head>: nowhere to put its Content-Security-Policy")
    at = head + len("<head>")
    charset = html.find('<meta charset="utf-8">', at)
    if charset >= 0 and not html[at:charset].strip():  # keep the charset first, as browsers want
        at = charset + len('<meta charset="utf-8">')
    return html[:at] + meta + html[at:]
