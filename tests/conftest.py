"""Shared fixtures: the real data, and the site built once per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from statuscodes.loader import load_registry

ROOT = Path(__file__).resolve().parents[1]
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
    shutil.copytree(ROOT / "data", dest)
    return dest
