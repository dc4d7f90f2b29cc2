"""Run a coroutine to completion from a test, even after a browser test: Playwright's sync API
keeps an event loop running in the test thread, where asyncio.run() refuses to start, and where
Django's test client cannot call an async view (async_to_sync refuses a thread with a loop)."""

from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import ThreadPoolExecutor


def run(coroutine):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@contextlib.contextmanager
def no_running_loop():
    """Django's test client calling an async view in this thread, where Playwright's loop runs.
    Not another thread: the tests' in-memory database belongs to this one. asyncio has no public
    way to step out of a running loop, hence its private pair (the one asyncio.run uses)."""
    loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(loop)
