"""An html block: a Django template, as the guides show them, checked the way its reader runs it.

1. Django's template engine compiles it (tag syntax, `{% load %}` of the built-in libraries,
   every block tag closed).
2. The HTML it renders (with an empty context) has its elements properly nested and closed:
   Python's HTML tokenizer reads the tags, void elements (`<meta>`, `<br>`) need no end tag,
   and every other element closes in order.
"""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Django's own tag libraries a template may {% load %}; a project's own would be in its app.
LIBRARIES = {"static": "django.templatetags.static", "i18n": "django.templatetags.i18n",
             "l10n": "django.templatetags.l10n", "tz": "django.templatetags.tz", "cache": "django.templatetags.cache"}


class _Nesting(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.open or self.open[-1][0] != tag:
            expected = f"</{self.open[-1][0]}> (opened on line {self.open[-1][1]})" if self.open else "nothing"
            self.problems.append(f"line {self.getpos()[0]}: </{tag}> where {expected} should close")
            if any(name == tag for name, _ in self.open):
                while self.open and self.open.pop()[0] != tag:
                    pass
            return
        self.open.pop()


def check_html(text: str) -> list[str]:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")  # the tests' Django project
    django.setup()
    from django.template import Context, Engine, TemplateSyntaxError
    try:
        template = Engine(libraries=LIBRARIES).from_string(text)
        rendered = template.render(Context({}))
    except TemplateSyntaxError as exc:
        return [f"Django template: {exc}"]
    parser = _Nesting()
    parser.feed(rendered)
    parser.close()
    return parser.problems + [f"<{tag}> opened on line {line} is never closed" for tag, line in parser.open]
