"""Which characters the data's text may hold: an allow-list, so that no field can hold a
character that changes how text is displayed without being seen itself (bidi controls that
reorder a line, zero-width spaces and joiners that split or glue words in search and copy,
other format and control characters, invisible "letters").

Allowed: the Unicode categories letters (L*), marks (M*), numbers (N*), punctuation (P*) and
symbols (S*), and the ordinary space U+0020; in Markdown, line breaks too. Not even then:
the letters, marks and symbols that show as nothing (listed below). So no tab, no NO-BREAK
SPACE or other spaces, no ZWJ/ZWNJ: Korean and English text needs none of them (Hangul
syllables and jamo are letters; a Korean word is never joined by ZWJ), and an emoji sequence
that needs ZWJ is not something this reference writes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ALLOWED_CATEGORIES = frozenset("LMNPS")
# Default_Ignorable_Code_Point characters whose category is otherwise allowed (Unicode's
# DerivedCoreProperties.txt; the rest of that property is Cf or unassigned, refused anyway),
# and BRAILLE PATTERN BLANK, a symbol that draws nothing.
_INVISIBLE = (
    (0x034F, 0x034F),    # COMBINING GRAPHEME JOINER
    (0x115F, 0x1160),    # HANGUL CHOSEONG / JUNGSEONG FILLER: blank Hangul "letters"
    (0x17B4, 0x17B5),    # KHMER VOWEL INHERENT AQ / AA
    (0x180B, 0x180D),    # MONGOLIAN FREE VARIATION SELECTORS
    (0x180F, 0x180F),
    (0x2800, 0x2800),    # BRAILLE PATTERN BLANK
    (0x3164, 0x3164),    # HANGUL FILLER
    (0xFE00, 0xFE0F),    # VARIATION SELECTORS
    (0xFFA0, 0xFFA0),    # HALFWIDTH HANGUL FILLER
    (0xE0100, 0xE01EF),  # VARIATION SELECTORS SUPPLEMENT
)
# Nearly all text is these; only the other characters are looked up one by one.
_OTHER = re.compile(r"[^\x20-\x7E\uAC00-\uD7A3]")
_CONTROL_NAMES = {"\t": "CHARACTER TABULATION", "\r": "CARRIAGE RETURN", "\n": "LINE FEED"}
_CATEGORY_NAMES = {"C": "a control or format character", "Z": "a space or separator other than U+0020"}


def _invisible(point: int) -> bool:
    return any(low <= point <= high for low, high in _INVISIBLE)


@lru_cache(maxsize=4096)  # the data's text repeats a few hundred characters outside _OTHER's fast path
def _shown(char: str) -> bool:
    return unicodedata.category(char)[0] in _ALLOWED_CATEGORIES and not _invisible(ord(char))


def problem(text: str, *, line_breaks: bool) -> str | None:
    """Why ``text`` may not be shown, naming the first character not allowed, or None."""
    for found in _OTHER.finditer(text):
        char = found.group()
        if (char == "\n" and line_breaks) or _shown(char):
            continue
        category = unicodedata.category(char)
        what = "an invisible character" if category[0] in _ALLOWED_CATEGORIES else _CATEGORY_NAMES.get(
            category[0], "not allowed")
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        where = f"line {line}, column {column}" if line_breaks else f"column {column}"
        name = unicodedata.name(char, _CONTROL_NAMES.get(char, "(no name)"))
        allowed = "letters, marks, numbers, punctuation, symbols, the ordinary space and line breaks" \
            if line_breaks else "letters, marks, numbers, punctuation, symbols and the ordinary space"
        return (f"character U+{ord(char):04X} {name} ({what}, category {category}) at {where}: "
                f"text may hold only {allowed}")
    return None
