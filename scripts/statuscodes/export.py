"""codes.json: the data in machine-readable form, for bots and wiki macros."""

from __future__ import annotations

import json

from .model import LANGUAGES, Registry, lang_root


def codes_json(registry: Registry, site_url: str) -> str:
    base = site_url.rstrip("/") + "/"
    codes = []
    for c in registry.codes:
        codes.append({
            "code": c.code,
            "phrase": c.phrase,
            "name": {"ko": c.name_ko, "en": c.phrase},
            "summary": {lang: c.summary[lang] for lang in LANGUAGES},
            "class": f"{c.status_class}xx",
            "standing": c.standing.value,
            "vendor": c.vendor,
            "other_phrases": list(c.other_phrases),
            "spec": [{"label": s.label, "url": s.href} for s in c.spec],
            "url": {lang: f"{base}{lang_root(lang)}{c.code}/" for lang in LANGUAGES},
        })
    document = {
        "description": "HTTP status codes: the IANA registry plus common unofficial codes",
        "languages": list(LANGUAGES),
        "count": len(codes),
        "codes": codes,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
