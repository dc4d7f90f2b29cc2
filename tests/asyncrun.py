"""Run a coroutine to completion from a test, even after a browser test: Playwright's sync API
keeps an event loop running in the test thread, where asyncio.run() refuses to start."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run(coroutine):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
