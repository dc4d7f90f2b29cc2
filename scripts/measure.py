"""How a page visit is measured, shared by scripts/bench.py (which reports) and
tests/test_budgets.py (which asserts the budgets): which Chromium runs, and the requests and
bytes a visit costs on the wire."""

from __future__ import annotations

import os
from pathlib import Path

# Debian's packages. The tests drive the headless shell (package chromium-headless-shell),
# Chromium's own build for automation and what Playwright itself launches for headless tests:
# the same Blink, at about half the CPU per page load of the full browser (which is what made
# the test suite CPU-bound on 2 cores). The benchmark and Lighthouse use the full browser, as
# readers do. GitHub's runner image has a /usr/bin/chromium too (a link to its Chrome).
DEBIAN_CHROMIUM = "/usr/bin/chromium"
DEBIAN_HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def chromium_path(*, full: bool = False) -> str | None:
    """The browser binary to drive: $CHROMIUM_PATH when set (empty: Playwright's own build),
    else Debian's headless shell (``full``: Debian's Chromium) where present, else Debian's
    Chromium, else Playwright's own build (None)."""
    chosen = os.environ.get("CHROMIUM_PATH")
    if chosen is None:
        candidates = [DEBIAN_CHROMIUM] if full else [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM]
        return next((path for path in candidates if Path(path).exists()), None)
    if chosen and not Path(chosen).is_file():
        raise FileNotFoundError(f"CHROMIUM_PATH={chosen!r} is not a file (set it empty for Playwright's own Chromium)")
    return chosen or None


def launch_options(*, full: bool = False) -> dict:
    """Keyword arguments for Playwright's ``chromium.launch``. ``full``: the full browser,
    also from Playwright's own build (its "chromium" channel; headless, it would launch its
    headless shell)."""
    options: dict = {"args": list(CHROMIUM_ARGS)}
    if (path := chromium_path(full=full)) is not None:
        options["executable_path"] = path
    elif full:
        options["channel"] = "chromium"
    return options


def measure_visit(context, url: str) -> dict:
    """Requests that reached the network and their bytes on the wire (headers + gzip body)."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    sent, cached, size = {}, set(), {}
    cdp.on("Network.requestWillBeSent", lambda e: sent.setdefault(e["requestId"], e["request"]["url"]))
    cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    cdp.on("Network.responseReceived",
           lambda e: e["response"].get("fromDiskCache") and cached.add(e["requestId"]))
    cdp.on("Network.loadingFinished", lambda e: size.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    network = [r for r in sent if r not in cached and size.get(r, 0) > 0]
    result = {"requests": len(network), "bytes": sum(size[r] for r in network),
              "urls": sorted(sent[r] for r in network)}
    page.close()
    return result
