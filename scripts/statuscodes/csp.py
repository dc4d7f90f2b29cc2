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
import re

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


# An HTML tokenizer ends a script's text at the first "</script" (the script data state), so
# the pages' scripts can be read with one pattern instead of parsing every tag of every page
# (html.parser took a quarter of the build). Comments are matched so that a "<script" inside
# one is skipped; quoted attribute values may hold ">". The tests compare it with lxml.
_SCRIPT_OR_COMMENT = re.compile(
    r"""<!--.*?-->|<script(?P<attrs>(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?)>(?P<text>.*?)</script\s*>""",
    re.S | re.I,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run, exactly as written."""
    scripts = []
    for match in _SCRIPT_OR_COMMENT.finditer(html):
        if match.group("text") is None:
            continue  # a comment
        attrs = {m.group(1).lower(): "".join(v for v in m.groups()[1:] if v)
                 for m in _ATTRIBUTE.finditer(match.group("attrs") or "")}
        if "src" not in attrs and attrs.get("type", "").strip().lower() in _EXECUTABLE_TYPES:
            scripts.append(match.group("text"))
    return scripts


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
