"""Command line: ``habitat-docs build FILE… --lang zh,en --format docx -o OUT/``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .api import FORMATS, build
from .errors import DataError
from .language import available


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="habitat-docs", description="UN-Habitat Executive Board documents from data files."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="build documents from data files (YAML, JSON, TOML)")
    b.add_argument("files", nargs="+", metavar="FILE")
    b.add_argument("--lang", default="zh,en", help="comma-separated languages (default: zh,en)")
    b.add_argument("--format", default="docx", help=f"comma-separated formats: {', '.join(FORMATS)}")
    b.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    args = parser.parse_args(argv)

    langs = _split(args.lang)
    formats = _split(args.format)
    unknown = [x for x in langs if x not in available()] + [x for x in formats if x not in FORMATS]
    if unknown:
        parser.error(f"unknown language or format: {', '.join(unknown)}")
    failed = 0
    for file in args.files:
        try:
            for path in build(file, args.output, langs, formats):
                print(path)
        except DataError as e:
            print(e, file=sys.stderr)
            failed += 1
    return 2 if failed else 0


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


if __name__ == "__main__":
    sys.exit(main())
