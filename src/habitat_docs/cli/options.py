"""What the subcommands share: their common options, and how one runs from its arguments."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from habitat_docs.api import FORMATS, checked_artwork
from habitat_docs.compose.language import available
from habitat_docs.errors import DataError
from habitat_docs.model import Artwork
from habitat_docs.terminal import printable

__all__ = ["add_artwork_options", "add_output_options", "artwork", "build_options_error", "comma_list",
           "run_command", "usage_error"]  # fmt: skip


def comma_list(value: str) -> list[str]:
    """``"zh, en,"`` -> ``["zh", "en"]``: a comma-separated option as a list."""
    return [v.strip() for v in value.split(",") if v.strip()]


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """``--lang``, ``--format`` (each a comma-separated list) and ``-o/--output``."""
    parser.add_argument(
        "--lang", type=comma_list, default=None,
        help="comma-separated languages (default: each document's own languages)",
    )  # fmt: skip
    parser.add_argument(
        "--format", type=comma_list, default="docx",
        help=f"comma-separated formats (default: docx; available: {', '.join(FORMATS)})",
    )  # fmt: skip
    parser.add_argument("-o", "--output", default="out", help="output folder (default: out)")


def add_artwork_options(parser: argparse.ArgumentParser) -> None:
    """``--emblem FILE`` and ``--logo FILE``: the masthead's images for every document built."""
    parser.add_argument("--emblem", metavar="FILE", type=Path,
                        help="the UN emblem (PNG, JPEG or GIF), printed beside the organ")  # fmt: skip
    parser.add_argument("--logo", metavar="FILE", type=Path,
                        help="the UN-Habitat logo (PNG, JPEG or GIF), printed beside the symbol")  # fmt: skip


def artwork(args: argparse.Namespace) -> Artwork | None:
    """The images the options name, checked (None without either option); a DataError
    names the option and the file."""
    if args.emblem is None and args.logo is None:
        return None
    return checked_artwork(Artwork(args.emblem, args.logo), "--")


def build_options_error(p: argparse.ArgumentParser, args: argparse.Namespace) -> int | None:
    """The exit status of a wrong language, format or image given to ``build`` or ``watch``
    (2, said on standard error), or None with ``args.artwork`` the images checked: nothing is
    built without the images asked for."""
    known = available()
    unknown = [x for x in args.lang or () if x not in known]
    unknown += [x for x in args.format if x not in FORMATS]
    if unknown:
        return usage_error(p, f"unknown language or format: {', '.join(unknown)}")
    if args.lang == [] or not args.format:
        return usage_error(p, "give at least one language and one format")
    try:
        args.artwork = artwork(args)
    except DataError as e:
        print(printable(f"{p.prog}: {e}"), file=sys.stderr)
        return 2
    return None


def run_command(
    parser: argparse.ArgumentParser,
    argv: Sequence[str],
    command: Callable[[argparse.ArgumentParser, argparse.Namespace], int],
) -> int:
    """Parse ``argv`` and run ``command`` with the arguments; its exit status, or
    argparse's when it stops (--help: 0; a usage error: 2, its message printed)."""
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 2
    return command(parser, args)


def usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    """Print the usage and ``PROG: error: message``, as argparse does; the exit status, 2."""
    parser.print_usage(sys.stderr)
    print(f"{parser.prog}: error: {message}", file=sys.stderr)
    return 2
