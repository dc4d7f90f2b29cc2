"""The second process of `mkdocs build` (statuscodes/language_fork.py), on its own: what it
hands back, what its failure does to the build, and that it writes nothing the build has not
allowed. A whole build forks too: every served site of the suite is built so, and
test_integrity.py finds it byte-identical to one built in one process; test_hostile_input.py
fails a real build after the fork."""

from __future__ import annotations

import os
import time

import pytest
from mkdocs.exceptions import Abort, PluginError

from statuscodes import language_fork


def test_what_the_fork_builds_is_handed_back():
    fork = language_fork.start(lambda: {"search_entries": [{"location": "en/404/"}], "page_urls": {"en/404/"}})
    assert fork.result() == {"search_entries": [{"location": "en/404/"}], "page_urls": {"en/404/"}}


def test_a_failed_fork_fails_the_build_with_its_message(capfd):
    def fail():
        raise Abort("Aborted with 1 warnings in strict mode!")

    with pytest.raises(PluginError, match="the other languages' build failed"):
        language_fork.start(fail).result()
    assert "Aborted with 1 warnings in strict mode!" in capfd.readouterr().err


def test_a_fork_that_failed_before_the_release_still_fails_the_build_with_its_message(capfd):
    # The child ended before the parent released it (its build failed early): the parent's
    # release meets a closed pipe, and the build still fails with the child's message.
    fork = language_fork.start(lambda: (_ for _ in ()).throw(Abort("Aborted with 1 warnings in strict mode!")))
    time.sleep(0.5)
    with pytest.raises(PluginError, match="the other languages' build failed"):
        fork.result()
    assert "Aborted with 1 warnings in strict mode!" in capfd.readouterr().err


def _fork_that_writes(written):
    """A fork that, like the English build, waits for the data's verdict before it writes."""
    def build():
        language_fork.wait_for_release()
        written.write_text("built")
        return {}

    return language_fork.start(build)


def test_the_fork_writes_only_once_the_data_is_found_good(tmp_path):
    written = tmp_path / "page.html"
    fork = _fork_that_writes(written)
    time.sleep(0.3)
    assert not written.exists()  # waiting for the verdict
    fork.release()
    assert fork.result() == {} and written.read_text() == "built"


def test_a_failed_build_stops_the_fork_before_it_writes(tmp_path):
    written = tmp_path / "page.html"
    fork = _fork_that_writes(written)
    fork.stop()  # the first process's build failed (on_build_error)
    assert not written.exists()
    assert not os.path.exists(fork._outcome)  # nothing left in the temporary folder
