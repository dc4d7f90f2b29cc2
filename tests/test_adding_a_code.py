"""Adding a code as README.md says: one data file, and the tests follow the data.

`make new-code` starts a file that fails validation until it is filled in; a file missing what
its standing requires names every missing field; a complete unofficial code passes the data,
fact, generator and site tests without any test being edited."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from statuscodes.loader import DataError, load_registry

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests/fixtures/460.yaml"


def test_a_new_code_file_does_not_validate_until_it_is_filled_in(data_copy):
    done = subprocess.run([sys.executable, "scripts/new_code.py", "460", "--vendor", "AWS Elastic Load Balancing",
                           "--data", str(data_copy)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (data_copy / "codes/4xx/460.yaml").is_file()
    with pytest.raises(DataError) as error:
        load_registry(data_copy)
    problems = "\n".join(error.value.problems)
    for field in ("phrase", "summary.ko", "summary.en", "verdict.ko", "meaning.en", "when_to_use.ko", "history.en"):
        assert f"data/codes/4xx/460.yaml: code 460: field '{field}'" in problems, problems
    again = subprocess.run([sys.executable, "scripts/new_code.py", "460", "--data", str(data_copy)],
                           cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1 and "exists already" in again.stderr


def test_a_registered_skeleton_asks_for_every_section(data_copy):
    (data_copy / "codes/4xx/404.yaml").unlink()
    subprocess.run([sys.executable, "scripts/new_code.py", "404", "--data", str(data_copy)], cwd=ROOT, check=True,
                   capture_output=True)
    with pytest.raises(DataError) as error:
        load_registry(data_copy)
    problems = "\n".join(error.value.problems)
    for field in ("client.ko", "example", "django.how.en", "frontend.ko", "error.detail.en", "confused_with.0.note.ko"):
        assert f"code 404: field '{field}'" in problems, problems


@pytest.mark.parametrize("drop", ["verdict", "meaning", "when_to_use", "history"])
def test_an_incomplete_unofficial_code_names_what_is_missing(data_copy, drop):
    text = FIXTURE.read_text(encoding="utf-8")
    kept = []
    skipping = False
    for line in text.splitlines(keepends=True):
        if not line.startswith(" "):
            skipping = line.startswith(f"{drop}:")
        if not skipping:
            kept.append(line)
    (data_copy / "codes/4xx/460.yaml").write_text("".join(kept), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_registry(data_copy)
    assert error.value.problems == [
        f"data/codes/4xx/460.yaml: code 460: field '{drop}': required for unofficial codes"]


def test_a_complete_unofficial_code_passes_the_tests_unchanged(data_copy):
    shutil.copy(FIXTURE, data_copy / "codes/4xx/460.yaml")
    assert 460 in {c.code for c in load_registry(data_copy).codes}
    env = {**os.environ, "STATUSCODES_DATA": str(data_copy)}
    tests = ["tests/test_data_validation.py", "tests/test_facts.py", "tests/test_generator.py",
             "tests/test_django_lines.py", "tests/test_site.py"]
    # One deployment shape is enough here: the shapes differ in URLs, not in what the data gives.
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-n", "0", "-p", "no:cacheprovider", "-k", "not project", *tests],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
