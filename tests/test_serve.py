"""`make serve` as an author meets it: a data mistake shows in the browser, on the page the
author is looking at, and fixing the file brings the page back by live reload, without a reload
by hand. Runs `mkdocs serve --dirty` (what `make serve` runs) on a copy of the repository."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from repo_copy import copy_repo

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served_copy(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("STATUSCODES_DATA", None)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(url + "en/404/", timeout=5) as response:
                if b"404 Not Found" in response.read():
                    break
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail("mkdocs serve did not start:\n" + server.stderr.read()[-3000:])
        time.sleep(0.5)
    yield repo, url
    server.terminate()
    server.wait(timeout=30)


def test_a_data_error_shows_in_the_browser_until_it_is_fixed(page, served_copy):
    repo, url = served_copy
    path = repo / "data/codes/4xx/429.yaml"
    good = path.read_text(encoding="utf-8")
    page.goto(url + "en/429/")
    assert page.locator("h1").first.inner_text() == "429 Too Many Requests"

    path.write_text(good.replace("\nsummary:\n  ko:", "\nsummary:\n  kr:", 1), encoding="utf-8")
    problems = page.locator("#data-problems li")
    problems.first.wait_for(timeout=120_000)  # live reload brings the error page to this tab
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "The data has a problem"
    listed = problems.all_inner_texts()
    assert "data/codes/4xx/429.yaml: code 429: field 'summary.ko': Field required" in listed
    assert "data/codes/4xx/429.yaml: code 429: field 'summary.kr': Extra inputs are not permitted" in listed

    page.goto(url + "404/")  # every page says so, in its own language
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("h1").inner_text() == "데이터에 문제가 있습니다"
    page.goto(url + "en/429/")

    path.write_text(good, encoding="utf-8")
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').textContent"
                           ".includes('429 Too Many Requests')", timeout=120_000)
    assert page.locator("#data-problems").count() == 0
