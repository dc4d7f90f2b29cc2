"""The site's JavaScript: the front-end code shown in the guides runs under node's built-in
test runner (tests/js/), every script the site serves parses (node --check), and the name of
Material's bundle that overrides/main.html defers is the one Material's own template loads."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import ROOT

SITE_SCRIPTS = sorted((ROOT / "docs/assets/javascripts").rglob("*.js"))
BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")


def _node() -> str:
    node = shutil.which("node")
    assert node, "node is not installed; the site's JavaScript cannot be checked"
    return node


def test_node_tests_pass():
    proc = subprocess.run(
        [_node(), "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, f"node --test tests/js/ failed:\n{proc.stdout}\n{proc.stderr}"


def test_the_site_has_its_scripts():
    names = {path.relative_to(ROOT / "docs/assets/javascripts").as_posix() for path in SITE_SCRIPTS}
    assert {"site.js", "workers/site-search.js"} <= names


@pytest.mark.parametrize("path", SITE_SCRIPTS, ids=lambda p: p.name)
def test_every_site_script_parses(path):
    proc = subprocess.run([_node(), "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, f"node --check {path.relative_to(ROOT)}:\n{proc.stderr}"


def test_the_deferred_bundle_is_the_one_material_loads():
    # main.html replaces Material's scripts block and names the bundle itself; a Material
    # update that renames it must fail here, not leave every page without Material's scripts.
    import material

    base = (ROOT / "overrides/main.html").read_text(encoding="utf-8")
    theirs = (ROOT / material.__path__[0] / "templates/base.html").read_text(encoding="utf-8")
    assert BUNDLE.findall(base) == BUNDLE.findall(theirs)[:1] and len(BUNDLE.findall(theirs)) == 1
    # The replaced block also held extra_javascript, which main.html does not load.
    assert "extra_javascript" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
