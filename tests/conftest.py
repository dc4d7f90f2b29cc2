"""Shared fixtures: the real data, and the site built once per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pages_server
import pytest

from statuscodes.loader import DATA_DIR, load_registry

ROOT = Path(__file__).resolve().parents[1]
# Playwright's sync API keeps an event loop running in the test thread; Django's ORM would take
# the Django tests that run after a browser test for async code and refuse to touch the test DB.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
SITE_URL = "https://status.example.org/"


@pytest.fixture(scope="session")
def registry():
    return load_registry()


def run_mkdocs_build(dest: Path, site_url: str = SITE_URL) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as `make build` writes it (strict mode), in a temporary folder."""
    dest = tmp_path_factory.mktemp("site")
    proc = run_mkdocs_build(dest)
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    return dest


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    dest = tmp_path / "data"
    shutil.copytree(DATA_DIR, dest)  # the repository's data, or $STATUSCODES_DATA
    return dest


# --- The built site served over HTTP, for the browser tests (Playwright) -------------------

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # This project's machines cannot download Playwright's browser: use Debian's Chromium.
    # Where it is absent (GitHub's runners), Playwright's own Chromium is used instead.
    args = {**browser_type_launch_args, "args": [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    ]}
    if Path(CHROMIUM).exists():
        args["executable_path"] = CHROMIUM
    return args


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    """The site built for, and served at, http://127.0.0.1:<port>/ as GitHub Pages serves it
    (gzip, caching headers, /404.html for missing paths): scripts/pages_server.py."""
    dest = tmp_path_factory.mktemp("served")
    server, url = pages_server.serve(dest)
    proc = run_mkdocs_build(dest, site_url=url)
    assert proc.returncode == 0, proc.stderr
    yield url
    server.shutdown()
