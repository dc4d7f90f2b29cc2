"""The other languages built in a second process while this one builds the default language.

static-i18n 1.3 builds one language after the other in one process: its `on_post_build` calls
MkDocs' `build()` once for each further language. A build so uses one of the machine's cores,
and each language costs about as much as the other (Markdown and Pygments, mostly).

`start()` forks once the default language's files and navigation are known. The child makes the
very call static-i18n would make, with the site folder left uncleaned as static-i18n leaves it,
and hands back what the parent needs to finish the site; the parent goes on with the default
language, and when static-i18n's loop reaches the other languages, `result()` waits for the
child instead of building them again. The child writes nothing before the parent has found
the data good (`release()` after the allow-list's verdict), and it is stopped if the parent's
build fails. The site is the same, byte for byte, as the one a single process writes
(tests/test_integrity.py builds it both ways).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
import threading
import traceback
from typing import Callable

from mkdocs.exceptions import PluginError

ONE_PROCESS = "STATUSCODES_ONE_PROCESS"  # set to 1 to build the languages one after the other


def wanted() -> bool:
    """Fork where it is safe: on Linux (macOS can crash a forked child that touches a system
    framework the parent loaded, which is why Python does not fork there by default), in a
    process with one thread (a thread's locks would stay held in the child; Python 3.12 warns),
    unless told not to. Elsewhere the languages are built one after the other, as before."""
    return (sys.platform.startswith("linux") and threading.active_count() == 1
            and os.environ.get(ONE_PROCESS, "") not in ("1", "true"))


class LanguageFork:
    def __init__(self, pid: int, go: int, outcome: str):
        self._pid, self._go, self._outcome = pid, go, outcome

    def release(self) -> None:
        """The data passed every check: the child may write its pages."""
        if self._go is not None:
            try:
                os.write(self._go, b"1")
            except BrokenPipeError:
                pass  # the child has already ended (its build failed early): result() says so
            os.close(self._go)
            self._go = None

    def result(self) -> dict:
        """Wait for the child; what it handed back, or PluginError if its build failed."""
        self.release()
        _, status = os.waitpid(self._pid, 0)
        try:
            with open(self._outcome, "rb") as handle:
                outcome = pickle.load(handle) if os.waitstatus_to_exitcode(status) == 0 else None
        except (OSError, EOFError, pickle.UnpicklingError):
            outcome = None
        finally:
            os.unlink(self._outcome)
        if outcome is None:
            raise PluginError("the other languages' build failed (its messages are above)")
        return outcome

    def stop(self) -> None:
        """The parent's build failed: end the child before it writes anything more."""
        if self._go is not None:
            os.close(self._go)  # the child reads end-of-file: no page is written
            self._go = None
        try:
            os.kill(self._pid, signal.SIGTERM)
            os.waitpid(self._pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        try:
            os.unlink(self._outcome)
        except FileNotFoundError:
            pass


def start(build_others: Callable[[], dict]) -> LanguageFork:
    """Fork; the child runs ``build_others()`` and exits, the parent gets the fork's handle.
    ``build_others`` calls ``wait_for_release()`` before its first write."""
    handle, outcome = tempfile.mkstemp(prefix="statuscodes-languages-", suffix=".pickle")
    os.close(handle)
    read_go, write_go = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        os.close(read_go)
        return LanguageFork(pid, write_go, outcome)
    # The child: never returns into the parent's build.
    os.close(write_go)
    _child["go"] = read_go
    code = 1
    try:
        handed_back = build_others()
        with open(outcome, "wb") as out:
            pickle.dump(handed_back, out, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    except _Stopped:
        pass  # the parent reports its own failure
    except BaseException as exc:  # noqa: BLE001 - reported here, the parent fails on the exit code
        message = str(exc) or exc.__class__.__name__
        if not getattr(exc, "reported", False) and exc.__class__.__module__.split(".")[0] != "mkdocs":
            message = "".join(traceback.format_exception(exc))
        print(f"ERROR   -  {message}", file=sys.stderr)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


_child: dict = {}


class _Stopped(Exception):
    pass


def wait_for_release() -> None:
    """In the child: block until the parent has found the data good; end quietly if it did not."""
    go = _child.pop("go", None)
    if go is None:
        return
    ready = os.read(go, 1)
    os.close(go)
    if ready != b"1":
        raise _Stopped()
