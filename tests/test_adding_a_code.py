"""Adding a code as README.md says: one data file, and the tests follow the data.

`make new-code` starts a file that fails validation until it is filled in; a file missing what
its standing requires names every missing field; a complete unofficial code passes the data,
fact, generator and site tests without any test being edited.

The code these tests add is chosen at run time: a 4xx code that no file in the data uses, on a
copy of the data. So they never collide with a code a contributor adds, README's example (460)
included: test_the_adding_tests_pass_beside_the_readmes_example runs them with a 460 present."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from statuscodes.loader import DataError, load_registry

ROOT = Path(__file__).resolve().parents[1]
# README's example, filled in as a contributor would: ALB's 460. Added under another code, its
# "460"s become that code (the text stays ALB's: it only ever lives in a copy of the data).
FIXTURE = ROOT / "tests/fixtures/460.yaml"
README_EXAMPLE = 460


def free_code(data_dir: Path) -> int:
    """The lowest 4xx code that no file in ``data_dir`` uses (a file named so counts even when
    it does not validate yet: a contributor's half-written one) and that is not README's
    example or a registered code (which must carry its registered phrase)."""
    from test_facts import REGISTRY

    taken = {int(path.stem) for path in (data_dir / "codes/4xx").glob("*.yaml") if path.stem.isdigit()}
    return next(code for code in range(400, 500) if code not in taken | set(REGISTRY) | {README_EXAMPLE})


def unofficial_code_file(code: int) -> str:
    return FIXTURE.read_text(encoding="utf-8").replace(str(README_EXAMPLE), str(code))


def test_a_new_code_file_does_not_validate_until_it_is_filled_in(data_copy):
    code = free_code(data_copy)
    done = subprocess.run([sys.executable, "scripts/new_code.py", str(code), "--vendor", "AWS Elastic Load Balancing",
                           "--data", str(data_copy)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (data_copy / f"codes/4xx/{code}.yaml").is_file()
    with pytest.raises(DataError) as error:
        load_registry(data_copy)
    problems = "\n".join(error.value.problems)
    for field in ("phrase", "summary.ko", "summary.en", "verdict.ko", "meaning.en", "when_to_use.ko", "history.en"):
        assert f"data/codes/4xx/{code}.yaml: code {code}: field '{field}'" in problems, problems
    again = subprocess.run([sys.executable, "scripts/new_code.py", str(code), "--data", str(data_copy)],
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
    text = unofficial_code_file(free_code(data_copy))
    kept = []
    skipping = False
    for line in text.splitlines(keepends=True):
        if not line.startswith(" "):
            skipping = line.startswith(f"{drop}:")
        if not skipping:
            kept.append(line)
    code = free_code(data_copy)
    (data_copy / f"codes/4xx/{code}.yaml").write_text("".join(kept), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_registry(data_copy)
    assert error.value.problems == [
        f"data/codes/4xx/{code}.yaml: code {code}: field '{drop}': required for unofficial codes"]


def test_a_complete_unofficial_code_passes_the_tests_unchanged(data_copy):
    code = free_code(data_copy)
    (data_copy / f"codes/4xx/{code}.yaml").write_text(unofficial_code_file(code), encoding="utf-8")
    assert code in {c.code for c in load_registry(data_copy).codes}
    env = {**os.environ, "STATUSCODES_DATA": str(data_copy)}
    # The tests that read the data as it is. Not tests/test_data_errors.py: each of its tests
    # breaks its own copy, so what it finds does not depend on the codes the data holds.
    tests = ["tests/test_data_validation.py", "tests/test_facts.py", "tests/test_generator.py",
             "tests/test_django_lines.py", "tests/test_site.py"]
    # One deployment shape is enough here: the shapes differ in URLs, not in what the data gives.
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-n", "0", "-p", "no:cacheprovider", "-k", "not project", *tests],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


# --- README's example added first ----------------------------------------------------------

def test_the_adding_tests_pass_beside_the_readmes_example(data_copy):
    # A contributor ran `make new-code CODE=460 VENDOR="AWS Elastic Load Balancing"`, filled the
    # file in and ran `make test`: the tests above pick another code and pass on it.
    shutil.copy(FIXTURE, data_copy / f"codes/4xx/{README_EXAMPLE}.yaml")
    assert README_EXAMPLE in {c.code for c in load_registry(data_copy).codes}
    code = free_code(data_copy)
    assert code != README_EXAMPLE and not (data_copy / f"codes/4xx/{code}.yaml").exists()
    # Every other test of this file, in a copy of the suite's process: all but the one that runs
    # the data, fact, generator and site tests again (its code comes from the same free_code).
    env = {**os.environ, "STATUSCODES_DATA": str(data_copy)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider",
                          "-k", "not passes_the_tests_unchanged and not beside_the_readmes_example",
                          "tests/test_adding_a_code.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "deselected" in run.stdout, run.stdout[-2000:]
