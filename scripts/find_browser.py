#!/usr/bin/env python3
"""Make sure the browser tests have a Chromium, or say in one line what to install.

The tests use $CHROMIUM_PATH when set (empty: Playwright's own build), else Debian's
/usr/bin/chromium where present, else Playwright's own build, which this installs where the
machine can download it (`playwright install chromium`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN = Path("/usr/bin/chromium")
HELP = ("error: the browser tests need Chromium: install it (Debian/Ubuntu: apt-get install chromium; "
        "macOS: brew install --cask chromium) and set CHROMIUM_PATH to it, "
        "or run `.venv/bin/playwright install chromium` where downloads work")


def main() -> int:
    chosen = os.environ.get("CHROMIUM_PATH")
    if chosen:
        if not Path(chosen).exists() and not shutil.which(chosen):
            print(f"error: CHROMIUM_PATH={chosen} does not exist. " + HELP.removeprefix("error: "), file=sys.stderr)
            return 1
        return 0
    if chosen is None and DEBIAN.exists():
        return 0
    proc = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], capture_output=True, text=True)
    if proc.returncode != 0:
        print(HELP, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
