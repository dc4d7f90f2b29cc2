"""Shared fixtures: the real data, and the site built and served once per shape per session.

GitHub Pages serves a repository's site in one of two shapes: a user site at the host root
(`owner.github.io/`) or a project site under the repository's name (`owner.github.io/repo/`).
Tests that use `site` or `base_url` run once per shape; a test that only makes sense in one
shape pins it with `@only_shape("project")`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import measure
import pages_server
import pytest

from statuscodes.loader import DATA_DIR, load_registry

ROOT = Path(__file__).resolve().parents[1]
# Playwright's sync API keeps an event loop running in the test thread; Django's ORM would take
# the Django tests that run after a browser test for async code and refuse to touch the test DB.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Where each shape is served: a user site at the root, a project site under its repository name.
SHAPES = {"user": "/", "project": "/http-status/"}


def only_shape(name: str):
    """Run the marked test (or module, as `pytestmark`) in one deployment shape only."""
    return pytest.mark.parametrize("shape", [name], indirect=True)


@pytest.fixture(scope="session")
def registry():
    return load_registry()


def run_mkdocs_build(dest: Path, site_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


@dataclass(frozen=True)
class ServedSite:
    shape: str
    root: Path  # the built files
    url: str  # the SITE_URL it was built for, which is where it is served; ends in "/"


@pytest.fixture(scope="session")
def _served_sites(tmp_path_factory):
    """Builds a shape the first time a test asks for it and serves it until the session ends
    (scripts/pages_server.py, as GitHub Pages serves it). The server starts first, so the
    build gets its final URL and one build serves the file tests and the browser tests."""
    built: dict[str, ServedSite | str] = {}
    servers = []

    def get(shape: str) -> ServedSite:
        if shape not in built:
            root = tmp_path_factory.mktemp(f"site-{shape}")
            server, url = pages_server.serve(root, mount=SHAPES[shape])
            servers.append(server)
            proc = run_mkdocs_build(root, url)
            built[shape] = ServedSite(shape, root, url) if proc.returncode == 0 else (
                f"mkdocs build --strict failed for the {shape} site ({url}):\n{proc.stdout}\n{proc.stderr}")
        if isinstance(built[shape], str):
            pytest.fail(built[shape], pytrace=False)  # built once, failed once: not rebuilt per test
        return built[shape]

    yield get
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session", params=list(SHAPES))
def shape(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def served_site(_served_sites, shape) -> ServedSite:
    return _served_sites(shape)


@pytest.fixture(scope="session")
def site(served_site) -> Path:
    """The site as `make build` writes it (strict mode), in a temporary folder."""
    return served_site.root


@pytest.fixture(scope="session")
def base_url(served_site) -> str:
    """The served root URL ending in "/": http://127.0.0.1:PORT/ for a user site,
    http://127.0.0.1:PORT/http-status/ for a project site. The site was built for this URL
    (SITE_URL), so its canonical, hreflang, sitemap and codes.json URLs start with it."""
    return served_site.url


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    dest = tmp_path / "data"
    shutil.copytree(DATA_DIR, dest)  # the repository's data, or $STATUSCODES_DATA
    return dest


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # The browser is chosen explicitly (scripts/measure.py): $CHROMIUM_PATH, empty for
    # Playwright's own build (the workflow installs it), else Debian's /usr/bin/chromium.
    return {**browser_type_launch_args, **measure.launch_options()}
