#!/usr/bin/env python3
"""Validate data/ and render every generated page. MkDocs does this by itself, in memory, on
every build and serve (scripts/mkdocs_hooks.py); run it directly to check the data, or with
--out to read the generated Markdown (written only where it changed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from statuscodes.build import DOCS_DIR, render  # noqa: E402
from statuscodes.loader import DATA_DIR, DataError  # noqa: E402
from statuscodes.writer import write_pages  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: data/)")
    parser.add_argument("--out", type=Path, help="write the generated Markdown pages into this folder")
    args = parser.parse_args(argv)
    try:
        _, pages = render(args.data, DOCS_DIR)
    except DataError as exc:
        print(f"error: the data has {len(exc.problems)} problem(s); nothing was written:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if args.out is None:
        print(f"data is valid: {len(pages)} pages rendered")
        return 0
    written, removed = write_pages(pages, args.out)
    print(f"{len(pages)} pages in {args.out}: {len(written)} written, {len(removed)} removed, "
          f"{len(pages) - len(written)} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
