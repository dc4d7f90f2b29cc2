"""The test project (tests/djangoapp, with the guide's `books` app) on a real server: uvicorn
in its own process on a free loopback port, DEBUG off, CSRF on, a fresh SQLite file.

    with live_django(front_end="http://127.0.0.1:8123") as server:
        server.url            # "http://127.0.0.1:<port>"
        server.sessions       # {"alice": <sessionid cookie value>, "bob": ...}

`front_end` is the other origin allowed by CORS and CSRF_TRUSTED_ORIGINS in place of the
guide's https://app.example.com. Run as a script, this module is the server process itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parent
USERS = ("alice", "bob")


@dataclass(frozen=True)
class LiveDjango:
    url: str
    sessions: dict[str, str]
    log: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def live_django(front_end: str | None = None):
    with tempfile.TemporaryDirectory(prefix="live-django-") as tmp:
        port = free_port()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "djangoapp.settings",
               "BOOKS_TEST_DB": str(Path(tmp) / "db.sqlite3"),
               "PYTHONPATH": os.pathsep.join([str(TESTS), str(TESTS.parent / "scripts")])}
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the server runs async code as it would in production
        if front_end:
            env["BOOKS_FRONT_END"] = front_end
        log = Path(tmp) / "server.log"
        with open(log, "w") as err:
            proc = subprocess.Popen([sys.executable, __file__, str(port)], env=env, cwd=tmp,
                                    stdout=subprocess.PIPE, stderr=err, text=True)
        try:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError(f"the live Django server did not start:\n{log.read_text()}")
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 20
            while True:
                try:
                    urllib.request.urlopen(f"{url}/api/csrf/", timeout=1).close()
                    break
                except urllib.error.HTTPError as answer:
                    raise RuntimeError(f"the live Django server answered {answer.code}:\n{log.read_text()}") from None
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"the live Django server did not answer:\n{log.read_text()}") from None
                    time.sleep(0.05)
            yield LiveDjango(url, json.loads(line), log)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            proc.stdout.close()


def _serve(port: int) -> None:
    import django

    django.setup()
    import uvicorn
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    sessions = {}
    for name in USERS:
        user, _ = get_user_model().objects.get_or_create(username=name)
        client = Client()
        client.force_login(user)
        sessions[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    print(json.dumps(sessions), flush=True)
    uvicorn.run("djangoapp.asgi:application", host="127.0.0.1", port=port, log_level="warning",
                lifespan="off")


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
