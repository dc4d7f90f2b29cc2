#!/usr/bin/env python3
"""Make sure the browser tests have a Chromium, or say in one line what to install.

The tests use $CHROMIUM_PATH when set (empty: Playwright's own build), else Debian's
/usr/bin/chromium-headless-shell or /usr/bin/chromium where present, else Playwright's own
build, which this installs where the machine can download it (`playwright install chromium`)."""

from __future__ import annotations

import subprocess
import sys

from measure import chromium_path

HELP = ("error: the browser tests need Chromium: install it (Debian/Ubuntu: apt-get install chromium-headless-shell chromium; "
        "macOS: brew install --cask chromium) and set CHROMIUM_PATH to it, "
        "or run `.venv/bin/playwright install chromium` where downloads work")


def main() -> int:
    try:
        if chromium_path() is not None:
            return 0  # $CHROMIUM_PATH, or Debian's headless shell or Chromium
    except FileNotFoundError as exc:
        print(f"error: {exc}. " + HELP.removeprefix("error: "), file=sys.stderr)
        return 1
    proc = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], capture_output=True, text=True)
    if proc.returncode != 0:
        print(HELP, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
