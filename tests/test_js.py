"""The front-end code shown in the guides runs under node's built-in test runner (tests/js/)."""

from __future__ import annotations

import shutil
import subprocess

from conftest import ROOT


def test_node_tests_pass():
    node = shutil.which("node")
    assert node, "node is not installed; the guides' JavaScript cannot be tested"
    proc = subprocess.run(
        [node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, f"node --test tests/js/ failed:\n{proc.stdout}\n{proc.stderr}"
