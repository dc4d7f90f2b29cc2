"""Link previews: a link pasted into a wiki or a chat shows the page's own card, in its own
language. Every page's og:image resolves on the served site (both deployment shapes), is a
1200x630 PNG of at most 150 KB, and differs from every other page's; the card's words are the
data's; Hangul is drawn, not boxes; the tags are escaped."""

from __future__ import annotations

import hashlib
import html
import http.client
import logging
import re
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import mkdocs_hooks
import pytest
import yaml
from htmlpage import parse
from jinja2.sandbox import SandboxedEnvironment
from material.plugins.social import plugin as social_plugin
from material.plugins.social.templates import x_filter
from mkdocs.exceptions import PluginError
from PIL import Image, ImageDraw, ImageFont

from conftest import only_shape
from statuscodes import social
from statuscodes.cards import class_card, code_card
from statuscodes.pages import GUIDES

ROOT = Path(__file__).resolve().parents[1]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
MAX_BYTES = 150_000


def _get(url: str) -> tuple[int, str, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    try:
        connection.request("GET", parts.path)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def pages(site):
    """Every page of the site (the 404 pages are no link anyone pastes)."""
    return {html_path: parse(html_path) for html_path in sorted(site.rglob("*.html")) if html_path.name != "404.html"}


@pytest.fixture(scope="module")
def cards(pages, site_url):
    """Each page's card as the served site returns it at its og:image address."""
    fetched = {}
    for path, page in pages.items():
        url = page.meta("og:image")
        assert url, f"{path}: no og:image"
        status, ctype, body = _get(url)
        assert (status, ctype) == (200, "image/png"), f"{path}: {url} -> {status} {ctype}"
        fetched[path] = body
    return fetched


def test_every_page_has_its_own_card_on_the_served_site(pages, cards, site_url, registry):
    # Every code and class in both languages, the two homes and the guides.
    assert len(pages) == 2 * (len(registry.codes) + len(registry.classes) + 1 + len(GUIDES))
    owners: dict[str, Path] = {}
    for path, page in pages.items():
        url = page.meta("og:image")
        assert url.startswith(site_url + "assets/images/social/"), f"{path}: {url}"
        body = cards[path]
        assert len(body) <= MAX_BYTES, f"{path}: card is {len(body)} bytes"
        assert Image.open(BytesIO(body)).size == (1200, 630)
        assert (page.meta("og:image:width"), page.meta("og:image:height")) == ("1200", "630")
        assert page.meta("og:image:type") == "image/png"
        assert page.meta("twitter:card") == "summary_large_image"
        assert page.meta("twitter:image") == url
        assert page.meta("og:site_name") and page.meta("og:locale")
        digest = hashlib.sha256(body).hexdigest()
        assert digest not in owners, f"{path} has the same card as {owners[digest]}"
        owners[digest] = path


@only_shape("project")  # the cards are the same files in both shapes (test_integrity.py)
def test_everything_on_a_card_is_inside_the_central_800x400_that_kakaotalk_keeps(cards):
    # Outside the central 800x400 there is only the card's background colour.
    inside = (200, 115, 1000, 515)
    for path, body in cards.items():
        image = Image.open(BytesIO(body)).convert("RGB")
        background = image.getpixel((0, 0))
        plain = Image.new("RGB", image.size, background)
        plain.paste(image.crop(inside), inside[:2])
        assert image.tobytes() == plain.tobytes(), f"{path}: something is drawn outside {inside}"
        assert image.crop(inside).getextrema() != tuple((c, c) for c in background), f"{path}: empty card"


def test_a_code_card_says_the_code_its_name_and_verdict_in_the_pages_language(pages, site, registry):
    checked = 0
    for path, page in pages.items():
        lang = "en" if path.relative_to(site).parts[0] == "en" else "ko"
        alt = page.meta("og:image:alt")
        number = re.fullmatch(r"(\d{3})", path.parent.name)
        if number and path.parent.parent.name in ("", site.name, "en"):
            c = registry.get(int(number.group(1)))
            assert alt == code_card(c, registry, lang)["alt"]  # the attribute parses back to the data
            assert c.verdict[lang] in alt and f"{c.code} {c.phrase}" in alt
            assert (c.name_ko in alt) == (lang == "ko")
            if c.vendor:
                assert c.vendor in alt and registry.ui["standing_unofficial"][lang] in alt
            checked += 1
        else:
            assert page.meta("og:description") in alt, f"{path}: {alt}"
        assert bool(HANGUL.search(alt)) == (lang == "ko"), f"{path}: alt not in the page's language: {alt}"
    assert checked == 2 * len(registry.codes)


def _class_colours() -> dict[int, str]:
    """The class colours of the site's CSS (the decision diagram's), and Material's indigo."""
    css = (ROOT / "docs/assets/stylesheets/site.css").read_text(encoding="utf-8")
    tone = {2: "success", 3: "redirect", 4: "client", 5: "server"}
    colours = {n: re.search(rf"\.sc-dg-{name} {{ fill: (#[0-9a-f]{{6}}); }}", css).group(1) for n, name in tone.items()}
    return {1: "#4051b5", **colours}


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_cards_take_their_class_colour_from_the_site(site, registry, number):
    expected = tuple(int(_class_colours()[number][i:i + 2], 16) for i in (1, 3, 5))
    first = registry.in_class(number)[0].code
    for card in (f"{number}xx.png", f"en/{first}.png"):
        image = Image.open(site / "assets/images/social" / card).convert("RGB")
        assert image.getpixel((20, 20)) == expected, card


def _drawn(text: str, font) -> bytes:
    image = Image.new("L", (64, 64))
    ImageDraw.Draw(image).text((0, 0), text, font=font, fill=255)
    return image.tobytes()


def test_hangul_of_every_korean_card_is_drawn_not_boxes(registry):
    """Every character a Korean card shows has a glyph in both weights of the font the build
    links into the plugin's cache (a missing one would be drawn as the font's empty box)."""
    words = registry.words("ko")
    texts = [v for c in registry.codes for k, v in code_card(c, registry, "ko").items() if isinstance(v, str)]
    texts += [v for n in registry.classes for v in class_card(n, registry, "ko").values() if isinstance(v, str)]
    texts += [words["card_guide"], "HTTP 상태 코드 사전"]
    hangul = sorted(set(HANGUL.findall("".join(texts))))
    assert len(hangul) > 300
    for style in social.STYLES:
        path = social.find_font(style)
        assert path is not None, social.INSTALL
        font = ImageFont.truetype(str(path), 48)
        box = _drawn("\U000f0000", font)  # a private-use character: the font's .notdef
        missing = [ch for ch in hangul if _drawn(ch, font) in (box, bytes(64 * 64))]
        assert missing == [], f"{path} ({style}) has no glyph for {''.join(missing)}"


@pytest.mark.parametrize("layout_file", ["code-card.yml", "page-card.yml"])
def test_the_card_tags_are_escaped(layout_file):
    """The plugin writes each tag as content="..." without escaping: the layout escapes."""
    layout = yaml.safe_load((ROOT / "layouts" / layout_file).read_text(encoding="utf-8"))
    env = SandboxedEnvironment()
    env.filters["x"] = x_filter
    hostile = 'Say "hi" <script>alert(1)</script> & \'bye\''
    page = SimpleNamespace(meta={"card": {"alt": hostile}})
    image = {"url": 'https://example.org/a"b<c>.png', "type": "image/png", "width": 1200, "height": 630}
    tags = social_plugin._replace(layout["tags"], env, None, page=page, image=image)
    for name, value in tags.items():
        assert not set(str(value)) & set('"<>'), f"{name}: {value}"
    assert html.unescape(tags["og:image:alt"]) == hostile
    assert html.unescape(tags["og:image"]) == image["url"]


def _fake_config(tmp_path):
    plugin = SimpleNamespace(config=SimpleNamespace(enabled=True, cache_dir="cache"))
    return SimpleNamespace(plugins={"material/social": plugin}, config_file_path=str(tmp_path / "mkdocs.yml")), plugin


def test_serve_leaves_the_cards_out_without_cairo_and_says_so_once(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(social_plugin, "cairosvg_error", "cannot load library 'libcairo.so.2'")
    monkeypatch.setitem(mkdocs_hooks._state, "serving", True)
    monkeypatch.delitem(mkdocs_hooks._state, "cards_warned", raising=False)
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.statuscodes"):
        for _ in range(3):  # three rebuilds
            config, plugin = _fake_config(tmp_path)
            mkdocs_hooks._prepare_cards(config)
            assert plugin.config.enabled is False
    assert [r.getMessage() for r in caplog.records] == [
        "link-preview cards are left out while serving: the system's cairo library is missing "
        "(Debian/Ubuntu: apt-get install libcairo2; macOS: brew install cairo)"]


def test_a_build_without_cairo_stops_with_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(social_plugin, "cairosvg_error", "cannot load library 'libcairo.so.2'")
    monkeypatch.setitem(mkdocs_hooks._state, "serving", False)
    config, _ = _fake_config(tmp_path)
    with pytest.raises(PluginError, match="cannot be drawn: the system's cairo library is missing"):
        mkdocs_hooks._prepare_cards(config)
