"""Material's social plugin without network: its font from the system, its cache shared.

The plugin downloads its font from Google Fonts unless `<cache_dir>/fonts/<family>/` exists
(`_resolve_font`); there is no local-font option. The build never goes online: that folder is
filled with links to Noto Sans CJK from the system (Debian's fonts-noto-cjk), which has real
Regular and Bold weights and every Hangul syllable. Rendered cards are cached in the same
folder by their content, so a build renders only the cards whose words changed.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path

FAMILY = "Noto Sans CJK"  # the name layouts/card.yml uses
STYLES = ("Regular", "Bold")
INSTALL = "install Noto Sans CJK (Debian/Ubuntu: apt-get install fonts-noto-cjk; Fedora: google-noto-sans-cjk-fonts)"
# Where Debian, Fedora and Arch put the collections, and macOS's font folders; else fontconfig.
KNOWN_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/google-noto-cjk",
              "/usr/share/fonts/noto-cjk", str(Path.home() / "Library/Fonts"), "/Library/Fonts")


def find_font(style: str) -> Path | None:
    name = f"NotoSansCJK-{style}.ttc"
    for folder in KNOWN_DIRS:
        if (Path(folder) / name).is_file():
            return Path(folder) / name
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", f"Noto Sans CJK KR:style={style}"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(found) if found and Path(found).name == name else None


def missing() -> str:
    """What the cards lack on this machine, in one line, or "" when they can be drawn."""
    from material.plugins.social import plugin as social

    if social.import_errors:
        return 'Pillow and CairoSVG are not installed (pip install -r requirements.txt)'
    if social.cairosvg_error:
        return "the system's cairo library is missing (Debian/Ubuntu: apt-get install libcairo2; macOS: brew install cairo)"
    if any(find_font(style) is None for style in STYLES):
        return INSTALL
    return ""


def provide_fonts(cache_dir: str) -> None:
    """Link the system's Noto Sans CJK into the plugin's font cache (kept right on every build,
    so a cache copied from another machine still points at this one's files)."""
    folder = Path(cache_dir) / "fonts" / FAMILY
    folder.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        source, link = find_font(style), folder / f"{style}.ttc"
        if link.is_symlink() and Path(os.readlink(link)) == source:
            continue
        link.unlink(missing_ok=True)
        link.symlink_to(source)


class CacheLock:
    """One build at a time renders into the card cache: the tests build the site several times
    at once from one checkout, and the second build should find the first one's cards rather
    than render them again (or read a half-written one)."""

    def __init__(self, cache_dir: str):
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        self._handle = open(Path(cache_dir) / "build.lock", "w")
        fcntl.flock(self._handle, fcntl.LOCK_EX)

    def release(self) -> None:
        if not self._handle.closed:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
