"""Draw the "choosing a status code" decision diagram as an inline SVG, at build time.

No JavaScript and no third-party request: the SVG is written into the page, styled by
site.css with Material's colour variables, so it follows the light and dark palettes. It is
one narrow column (420 units wide) so that it stays readable when a phone scales it down.
"""

from __future__ import annotations

from markupsafe import escape

from .model import ChoosingGuide, Registry

WIDTH = 420
PAD = 12
FONT = 14  # px, the question and condition text
PILL_W = 148
LINE = 19  # line height
ROW_GAP = 6
SPINE_X = 16


def _text_width(text: str) -> float:
    """Rough width in px at FONT: Hangul is square, Latin about half as wide."""
    width = 0.0
    for ch in text:
        if "\uac00" <= ch <= "\ud7a3":
            width += FONT * 0.95
        elif ch == " ":
            width += FONT * 0.3
        elif ch.isupper() or ch.isdigit():
            width += FONT * 0.62
        else:
            width += FONT * 0.52
    return width


def _wrap(text: str, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split(" "):
        candidate = f"{current} {word}".strip()
        if current and _text_width(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines


def _text_lines(lines: list[str], x: float, y: float, cls: str, anchor: str = "start") -> str:
    spans = "".join(
        f'<tspan x="{x:.0f}" y="{y + i * LINE:.0f}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text class="{cls}" text-anchor="{anchor}">{spans}</text>'


def decision_svg(guide: ChoosingGuide, registry: Registry, lang: str, link_prefix: str) -> str:
    """The diagram for one language; links are ``{link_prefix}{code}/``."""
    parts: list[str] = []
    y = PAD

    question = _wrap(guide.question[lang], WIDTH - 2 * PAD - 24)
    box_h = len(question) * LINE + 18
    parts.append(f'<rect class="sc-dg-root" x="{PAD}" y="{y}" width="{WIDTH - 2 * PAD}" height="{box_h}" rx="8"/>')
    parts.append(_text_lines(question, WIDTH / 2, y + 24, "sc-dg-question", "middle"))
    y += box_h
    spine_top = y

    left = SPINE_X + 18
    text_w = WIDTH - left - PILL_W - 3 * PAD
    branch_heads = []
    for branch in guide.branches:
        y += 18
        head_y = y
        name = _wrap(branch.name[lang], WIDTH - left - PAD - 16)
        head_h = len(name) * LINE + 12
        branch_heads.append(head_y + head_h / 2)
        parts.append(
            f'<rect class="sc-dg-branch sc-dg-{branch.tone}" x="{left}" y="{head_y}" '
            f'width="{WIDTH - left - PAD}" height="{head_h}" rx="6"/>'
        )
        parts.append(_text_lines(name, left + 10, head_y + 20, "sc-dg-branch-text"))
        y += head_h + ROW_GAP
        for rule in branch.rules:
            code = registry.get(rule.code)
            when = _wrap(rule.when[lang], text_w)
            phrase = _wrap(f"{code.code} {code.phrase}", PILL_W - 16)
            row_h = max(len(when), len(phrase)) * LINE + 12
            href = f"{link_prefix}{code.code}/"
            parts.append(
                f'<a href="{href}" tabindex="-1">'
                f'<rect class="sc-dg-row" x="{left + 10}" y="{y}" width="{WIDTH - left - PAD - 10}" '
                f'height="{row_h}" rx="5"/>'
                + _text_lines(when, left + 20, y + 20, "sc-dg-when")
                + f'<rect class="sc-dg-pill sc-dg-{branch.tone}" x="{WIDTH - PAD - PILL_W - 4}" y="{y + 4}" '
                f'width="{PILL_W}" height="{row_h - 8}" rx="4"/>'
                + _text_lines(phrase, WIDTH - PAD - PILL_W / 2 - 4, y + 20, "sc-dg-code", "middle")
                + "</a>"
            )
            y += row_h + ROW_GAP
    height = y + PAD

    # The spine from the question down to each branch, with an arrowhead into the branch.
    spine = [f'<path class="sc-dg-line" d="M{SPINE_X} {spine_top} V{branch_heads[-1]}"/>']
    for head in branch_heads:
        spine.append(f'<path class="sc-dg-line" d="M{SPINE_X} {head} H{left - 2}"/>')
        spine.append(f'<path class="sc-dg-arrow" d="M{left - 8} {head - 4} L{left - 1} {head} L{left - 8} {head + 4} Z"/>')
    title = escape(guide.title[lang])
    return (
        f'<svg class="sc-diagram" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" height="{height:.0f}" '
        f'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><title>{title}</title>'
        + "".join(spine) + "".join(parts) + "</svg>"
    )
