"""What each page's link-preview card says (the image a wiki or chat shows for a pasted link).

Material's social plugin draws the cards with `layouts/code-card.yml` (code and class pages)
and `layouts/page-card.yml` (the home, the guides); a layout only places what this module
gives it, as `page.meta.card`, so the words come from the data and data/ui.yaml and one
layout serves both languages. A code card answers in the chat itself: the code, its
reason phrase, its Korean name on Korean cards, the verdict, and its standing when it is not
a standard code.
"""

from __future__ import annotations

from .model import Registry, StatusCode


def code_card(c: StatusCode, registry: Registry, lang: str) -> dict:
    words = registry.words(lang)
    badge = ""
    if c.standing.value != "standard":
        badge = words[f"standing_{c.standing.value}"] + (f" · {c.vendor}" if c.vendor else "")
    name = c.name_ko if lang == "ko" else ""
    text = (c.verdict or c.summary)[lang]
    heading = f"{c.code} {c.phrase}" + (f" ({name})" if name else "") + (f" [{badge}]" if badge else "")
    return {"kind": "code", "class": c.status_class, "code": str(c.code), "phrase": c.phrase,
            "name": name, "badge": badge, "text": text, "alt": f"{heading}: {text}"}


def class_card(number: int, registry: Registry, lang: str) -> dict:
    cls = registry.classes[number]
    text = cls.summary[lang]
    return {"kind": "code", "class": number, "code": f"{number}xx", "phrase": cls.name[lang],
            "name": "", "badge": "", "text": text, "alt": f"{number}xx {cls.name[lang]}: {text}"}


def page_card(kind: str, title: str, description: str, label: str) -> dict:
    """The home page (kind "home", titled with the site's name) and the guides (labelled)."""
    heading = f"{label}: {title}" if label else title
    return {"kind": kind, "class": 0, "label": label, "title": title, "text": description,
            "alt": f"{heading}. {description}"}


def card_for(meta: dict, is_home: bool, site_name: str, registry: Registry, lang: str) -> dict:
    """The card of a page, from its front matter: `status_code` (code pages), `status_class`
    (class overviews), the home, or else a guide."""
    if "status_code" in meta:
        return code_card(registry.get(int(meta["status_code"])), registry, lang)
    if "status_class" in meta:
        return class_card(int(meta["status_class"]), registry, lang)
    description = str(meta.get("description", ""))
    if is_home:
        return page_card("home", site_name, description, "")
    return page_card("guide", str(meta.get("title", "")), description, registry.words(lang)["card_guide"])


def card_layout(card: dict) -> str:
    """The layout (layouts/<name>.yml) that draws ``card``."""
    return "code-card" if card["kind"] == "code" else "page-card"
