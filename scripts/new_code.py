#!/usr/bin/env python3
"""Start the data file of a new status code: data/codes/<N>xx/<code>.yaml with every field the
model requires for its standing, empty and annotated. It does not validate until it is filled
in. Usage: scripts/new_code.py 460 [--vendor "AWS Elastic Load Balancing"]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from statuscodes.loader import DATA_DIR  # noqa: E402
from statuscodes.pages import make_environment  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("code", type=int, help="the status code, 100-599")
    parser.add_argument("--vendor", help="who sends it, for an unofficial code (nginx, Cloudflare...)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: data/)")
    args = parser.parse_args(argv)
    if not 100 <= args.code <= 599:
        parser.error(f"{args.code} is not a status code (100-599)")
    path = args.data / "codes" / f"{args.code // 100}xx" / f"{args.code}.yaml"
    if path.exists():
        print(f"error: {path} exists already; edit it instead", file=sys.stderr)
        return 1
    text = make_environment().get_template("new-code.yaml.j2").render(code=args.code, vendor=args.vendor)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    kind = f"unofficial ({args.vendor})" if args.vendor else "registered"
    print(f"wrote {path} for {'an' if args.vendor else 'a'} {kind} code: fill in every empty value, then run `make check`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
