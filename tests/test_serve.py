"""`make serve` as an author meets it: a data mistake shows in the browser, on the page the
author is looking at, and fixing the file brings the page back by live reload, without a reload
by hand. Runs `mkdocs serve --dirty` (what `make serve` runs) on a copy of the repository."""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import CARDS
from repo_copy import ROOT, copy_repo



def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served_copy(tmp_path_factory):
    """`mkdocs serve --dirty` of a copy of the repository; each test leaves its data good."""
    repo = copy_repo(tmp_path_factory.mktemp("served") / "repo")
    port = _free_port()
    # The copy draws its cards into the checkout's card cache, which the test builds share.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CARDS_CACHE": str(ROOT / ".cache/social"), **CARDS}
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


@pytest.mark.browser
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


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _index(url: str) -> dict:
    index = json.loads(_get(url))
    return {"config": index["config"], "docs": sorted(json.dumps(d, sort_keys=True, ensure_ascii=False) for d in index["docs"])}


def _save_and_wait(path, text: str, index_url: str, until) -> None:
    path.write_text(text, encoding="utf-8")
    deadline = time.monotonic() + 120
    while not until(_get(index_url)):
        assert time.monotonic() < deadline, "the save never reached the search index"
        time.sleep(0.2)


def test_the_search_index_after_saves_is_the_one_a_build_makes(served_copy, _served_sites):
    # A dirty rebuild renders only the pages an edit changed; the index still holds every page
    # of each language once, as `mkdocs build` writes it (it once doubled with each save).
    # Three edits, then the file as it was: the index must be the built site's (same data).
    repo, url = served_copy
    path = repo / "data/codes/4xx/418.yaml"
    original = text = path.read_text(encoding="utf-8")
    index_url = url + "en/search/search_index.json"
    markers = [f"saved-{n}-{time.time_ns()}" for n in range(3)]
    for marker in markers:
        text = re.sub(r"(\nsummary:\n  ko: .*\n  en: )(.*)", lambda m: f"{m.group(1)}{m.group(2)} {marker}", text, count=1)
        _save_and_wait(path, text, index_url, lambda index: marker in index)
    _save_and_wait(path, original, index_url, lambda index: markers[-1] not in index)

    built = _served_sites("user").root  # `mkdocs build` of the same data, made for the other tests
    for root in ("", "en/"):
        served = _index(url + root + "search/search_index.json")
        expected = _index((built / root / "search/search_index.json").as_uri())
        assert len(served["docs"]) == len(expected["docs"]) > 250
        assert served == expected, root or "ko"


def _bytes(url: str) -> str:
    """The served file's digest (a short message when two differ)."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return hashlib.sha256(response.read()).hexdigest()


def test_a_new_verdict_redraws_that_pages_card_only(served_copy):
    # The link preview of /en/410/ shows the verdict: after a save it shows the new one; the
    # Korean card, whose words did not change, stays as it was.
    repo, url = served_copy
    path = repo / "data/codes/4xx/410.yaml"
    original = path.read_text(encoding="utf-8")
    cards = {lang: url + f"assets/images/social/{lang}410.png" for lang in ("", "en/")}
    before = {lang: _bytes(card) for lang, card in cards.items()}
    marker = f"Redrawn {time.time_ns()}."
    edited = re.sub(r"(\nverdict:\n  ko: .*\n  en: )(.*)", lambda m: f"{m.group(1)}{marker} {m.group(2)}", original, count=1)
    assert edited != original
    try:
        _save_and_wait(path, edited, url + "en/410/", lambda page: marker in page)
        assert _bytes(cards["en/"]) != before["en/"], "the English card still shows the old verdict"
        assert _bytes(cards[""]) == before[""], "the Korean card changed, its words did not"
    finally:
        _save_and_wait(path, original, url + "en/410/", lambda page: marker not in page)
    assert _bytes(cards["en/"]) == before["en/"]  # the cached card again
