"""Run tests/snippet_js.mjs (Node's parser + ESLint no-undef) over many JavaScript snippets at
once: one Node process for the whole site, so checking 160 snippets costs one start-up."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).with_name("snippet_js.mjs")


def check_js(snippets: dict[str, str]) -> dict[str, list[str]]:
    """id -> problems ([] when the snippet parses as a module and uses no undefined name)."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed: the JavaScript snippets need Node.js 20 (see README)")
    if not (ROOT / "node_modules" / "eslint").is_dir():
        raise RuntimeError("ESLint is missing from node_modules: run `npm ci` (make test does)")
    payload = json.dumps([{"id": key, "code": code} for key, code in snippets.items()])
    run = subprocess.run([node, "--experimental-vm-modules", "--no-warnings", str(SCRIPT)], input=payload,
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    if run.returncode != 0:
        raise RuntimeError(f"{SCRIPT.name} failed: {run.stderr.strip()}")
    return json.loads(run.stdout)
