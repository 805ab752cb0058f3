"""``habitat-docs watch FILE… --lang zh,en --format docx,pdf -o OUT/``: build, then rebuild on
every save of a data file, an image it prints or a template, until Ctrl-C.

Each build prints the files it wrote (as ``build`` does), or its error in ``build``'s words;
watching goes on after an error. Exit status: 0 when stopped with Ctrl-C; 2 for a usage error
or an image option that names no valid image (nothing is built).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from habitat_docs.cli.options import (
    add_artwork_options,
    add_output_options,
    build_options_error,
    run_command,
)
from habitat_docs.terminal import printable
from habitat_docs.watch import Outcome, Watcher

__all__ = ["parser", "run"]

PROG = "habitat-docs watch"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Build documents from data files, then rebuild them on every save (Ctrl-C stops).",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    add_output_options(p)
    p.add_argument("--pdf-standard", help="PDF standard(s) to declare, e.g. a-2a, ua-1, a-2a,ua-1")
    add_artwork_options(p)
    return p


def run(argv: Sequence[str]) -> int:
    """Run ``watch`` with ``argv`` (the words after "watch")."""
    return run_command(parser(), argv, _watch)


def _watch(p: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if (status := build_options_error(p, args)) is not None:
        return status
    images = args.artwork
    watcher = Watcher(args.files, args.output, args.lang, args.format,
                      pdf_standard=args.pdf_standard, artwork=images)  # fmt: skip
    count = len(args.files)
    print(f"watching {count} data file{'s' if count > 1 else ''} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        watcher.run(_report)
    except KeyboardInterrupt:  # the way to stop: every file written so far is whole
        print(file=sys.stderr)
    return 0


def _report(outcome: Outcome) -> None:
    if outcome.error is not None:
        print(printable(outcome.error), file=sys.stderr, flush=True)
        return
    for path in outcome.written:
        print(path, flush=True)
    if not outcome.written:
        print(printable(f"{outcome.source}: no change in its documents"), flush=True)
