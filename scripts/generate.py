#!/usr/bin/env python3
"""Render docs/<lang>/ pages from data/. MkDocs runs this by itself (scripts/mkdocs_hooks.py);
run it directly to validate the data or to see what changes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from statuscodes.build import DOCS_DIR, generate  # noqa: E402
from statuscodes.loader import DATA_DIR, DataError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: data/)")
    parser.add_argument("--docs", type=Path, default=DOCS_DIR, help="docs folder (default: docs/)")
    args = parser.parse_args(argv)
    try:
        result = generate(args.data, args.docs)
    except DataError as exc:
        print(f"error: the data has {len(exc.problems)} problem(s); nothing was written:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    changed = len(result.written)
    print(f"{result.pages} pages: {changed} written, {len(result.removed)} removed, {result.pages - changed} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
