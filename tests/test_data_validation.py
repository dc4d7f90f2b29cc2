"""The data as it is passes every check: the whole IANA registry, unofficial codes named as
such, both languages, visible characters only. What broken data gets (a message naming the
file, the code and the field) is tests/test_data_errors.py."""

from __future__ import annotations

from pathlib import Path

from statuscodes import characters
from statuscodes.loader import load_registry
from statuscodes.model import Standing

ROOT = Path(__file__).resolve().parents[1]

# Facts file §1: the IANA registry, which the data must cover exactly. Unofficial codes are data:
# any other code in data/codes/ is one, and must say so and name its vendor.
REGISTERED = {
    100, 101, 102, 103, 104, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
    300, 301, 302, 303, 304, 305, 306, 307, 308,
    400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417,
    418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
    500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
}


def test_the_data_passes_every_check_including_the_markdown_allow_list(registry):
    # The `registry` fixture loads the data without the allow-list (conftest.real_registry).
    assert load_registry() == registry


def test_registry_covers_every_registered_code(registry):
    codes = {c.code for c in registry.codes}
    assert len(REGISTERED) == 64
    assert REGISTERED <= codes, sorted(REGISTERED - codes)


def test_codes_outside_the_registry_are_marked_unofficial_with_their_vendor(registry):
    for c in registry.codes:
        assert (c.standing is Standing.unofficial) == (c.code not in REGISTERED), c.code
        if c.code not in REGISTERED:
            assert c.vendor, c.code


def test_every_text_has_both_languages(registry):
    for c in registry.codes:
        assert c.summary.ko and c.summary.en and c.name_ko
    for number, cls in registry.classes.items():
        assert cls.name.ko and cls.name.en and cls.overview.ko and cls.overview.en


def test_the_hand_written_guides_hold_only_visible_characters():
    # The data's character allow-list (characters.py), held to the guides too: a bidi control
    # or a zero-width space pasted into a guide hides as well there.
    guides = sorted(ROOT.glob("docs/*/guides/*.md"))
    assert len(guides) >= 4  # django and error-formats, in each language (the others are generated)
    problems = [f"{path.relative_to(ROOT)}: {problem}" for path in guides
                if (problem := characters.problem(path.read_text(encoding="utf-8"), line_breaks=True))]
    assert problems == []
