"""Shared fixtures: the real data, and the site built and served once per shape per session.

GitHub Pages serves a repository's site in one of two shapes: a user site at the host root
(`owner.github.io/`) or a project site under the repository's name (`owner.github.io/repo/`).
Tests that use `site` or `site_url` run once per shape; a test that only makes sense in one
shape pins it with `@only_shape("project")`.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import measure
import pytest

from statuscodes.loader import DATA_DIR, load_registry

ROOT = Path(__file__).resolve().parents[1]
# Playwright's sync API keeps an event loop running in the test thread; Django's ORM would take
# the Django tests that run after a browser test for async code and refuse to touch the test DB.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Where each shape is served: a user site at the root, a project site under its repository name.
SHAPES = {"user": "/", "project": "/http-status/"}
# Link-preview cards are drawn by the builds of the served sites (the deployed shapes, checked
# by tests/test_cards.py), by the byte-identity build and by the served copy of test_serve.py;
# every other build a test makes (hostile data, generator, adding a code) leaves them out, so
# it need not wait for the card cache, which one build at a time may use (statuscodes/social.py).
os.environ["STATUSCODES_CARDS"] = "false"
CARDS = {"STATUSCODES_CARDS": "true"}


def only_shape(name: str):
    """Run the marked test (or module, as `pytestmark`) in one deployment shape only."""
    return pytest.mark.parametrize("shape", [name], indirect=True)


def same_in_both_shapes(test):
    """For a browser test of how pages read and run, not of their addresses: it runs in the
    deployed shape (a project site) only. The two shapes build the same files but for their
    address (test_integrity.py: test_the_two_shapes_are_one_site_but_for_its_address)."""
    return only_shape("project")(test)


@functools.cache
def real_registry():
    """The repository's data (or $STATUSCODES_DATA), loaded once per process, for tests and for
    parametrizing them. Without the Markdown allow-list, which costs a second per process (every
    worker collects every file); test_data_validation.py runs it on this data, and every site
    build does too."""
    return load_registry(check_markdown=False)


@pytest.fixture(scope="session")
def registry():
    return real_registry()


def run_mkdocs_build(dest: Path, site_url: str, **env_vars: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "SOURCE_DATE_EPOCH": "1700000000", **CARDS,
           **env_vars}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


@dataclass(frozen=True)
class ServedSite:
    shape: str
    root: Path  # the built files
    url: str  # the SITE_URL it was built for, which is where it is served; ends in "/"


def pytest_xdist_auto_num_workers(config):
    # `-n auto` (pyproject.toml): one worker more than there are cores, since a browser test
    # spends part of its time waiting for Chromium. On 2 cores, `make test` took 208 s with 2
    # workers, 169 s with 3 and 187 s with 4.
    return (os.cpu_count() or 1) + 1


# The files that take longest (on 2 cores: 15-70 s each) start first: pytest-xdist hands out
# whole files in collection order (--no-loadscope-reorder, pyproject.toml), so the workers
# finish at about the same time instead of one running a long file alone at the end. The
# two files that spend most of their time waiting (a snippet honouring Retry-After: 14 s and
# 7 s, under 3 s of CPU) start early, so that their waits overlap the others' work instead of
# leaving the cores idle at the end; but one at a time, beside a file that builds the served
# site (test_browser.py) and one that builds its own (test_hostile_input.py): with both first,
# the cores were a quarter idle in the first 20 s (2 s more in all, two runs each way). Any
# file not named here follows in its usual order; the order only affects speed.
LONGEST_FIRST = ("test_browser.py", "test_hostile_input.py", "test_snippet_browser.py", "test_snippet_runs.py",
                 "test_csp.py", "test_adding_a_code.py", "test_reading.py",
                 "test_accessibility.py", "test_search_eval.py", "test_serve.py",
                 "test_data_errors.py", "test_integrity.py", "test_budgets.py", "test_glossary.py")


def pytest_collection_modifyitems(items):
    rank = {name: n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: a file stays in order


# `make test` runs the tests in parallel (pytest-xdist, pyproject.toml). The workers of one run
# share each shape's site: the first worker to need it builds it and starts its server; the
# others find it here. This process (the controller, or the only one) makes the folder and,
# at the end, stops the servers.
_SHARED = "STATUSCODES_TEST_SITES"


def pytest_configure(config):
    if not hasattr(config, "workerinput"):
        os.environ[_SHARED] = tempfile.mkdtemp(prefix="statuscodes-sites-")  # the workers inherit it
        os.environ[_SHARED + "_OWNER"] = str(os.getpid())


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        shared = Path(os.environ.pop(_SHARED))
        for record in shared.glob("*.json"):
            with contextlib.suppress(ProcessLookupError, KeyError, ValueError):
                os.kill(json.loads(record.read_text(encoding="utf-8"))["server"], signal.SIGTERM)
        shutil.rmtree(shared, ignore_errors=True)


@contextlib.contextmanager
def _locked(path: Path):
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_and_serve(shape: str, shared: Path) -> dict:
    """Start the shape's server first, so that the build gets its final URL, then build."""
    root = shared / f"site-{shape}"
    root.mkdir()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts/pages_server.py"), str(root), "--mount", SHAPES[shape],
         "--until-gone", os.environ[_SHARED + "_OWNER"]],
        stdout=subprocess.PIPE, text=True, start_new_session=True)
    url = server.stdout.readline().strip()
    record = {"root": str(root), "url": url, "server": server.pid, "error": None}
    if not url.startswith("http://"):
        record["error"] = f"scripts/pages_server.py did not start for the {shape} site (exit status {server.poll()})"
        return record
    proc = run_mkdocs_build(root, url)
    if proc.returncode != 0:
        record["error"] = f"mkdocs build --strict failed for the {shape} site ({url}):\n{proc.stdout}\n{proc.stderr}"
    return record


@pytest.fixture(scope="session")
def _served_sites():
    """Builds a shape the first time any worker asks for it and serves it until the run ends
    (scripts/pages_server.py, as GitHub Pages serves it): one build serves the file tests and
    the browser tests of every worker."""
    shared = Path(os.environ[_SHARED])

    def get(shape: str) -> ServedSite:
        record_path = shared / f"{shape}.json"
        with _locked(shared / f"{shape}.lock"):
            if not record_path.exists():
                record_path.write_text(json.dumps(_build_and_serve(shape, shared)), encoding="utf-8")
            record = json.loads(record_path.read_text(encoding="utf-8"))
        if record["error"]:
            pytest.fail(record["error"], pytrace=False)  # built once, failed once: not rebuilt per test
        return ServedSite(shape, Path(record["root"]), record["url"])

    return get


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
def site_url(served_site) -> str:
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
