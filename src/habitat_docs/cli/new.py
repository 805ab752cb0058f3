"""``habitat-docs new KIND [-o FILE]``: a commented skeleton data file of a document kind,
which builds as it is (its placeholders in Chinese and English).

Exit status: 0 printed or written; 2 an unknown kind, or FILE exists (it is never
overwritten) or cannot be written."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from habitat_docs.cli.options import run_command
from habitat_docs.compose.language import template_dirs
from habitat_docs.model import KINDS
from habitat_docs.terminal import printable

__all__ = ["SKELETONS", "parser", "run", "skeleton"]

#: The folder of templates/ holding one skeleton per kind: ``<kind>.yaml``.
SKELETONS = "new"


def skeleton(kind: str) -> str:
    """The skeleton data file of ``kind`` (one of ``habitat_docs.KINDS``), comments and all."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r} (known: {', '.join(KINDS)})")
    for folder in template_dirs():
        path = folder / SKELETONS / f"{kind}.yaml"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no {SKELETONS}/{kind}.yaml in the template folders")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="habitat-docs new",
        description="Print a commented skeleton data file of a document kind; it builds as it "
        "is, with placeholders in Chinese and English.",
    )
    p.add_argument("kind", choices=list(KINDS), metavar="KIND", help=f"one of {', '.join(KINDS)}")
    p.add_argument("-o", "--output", metavar="FILE", type=Path,
                   help="write it to FILE (never over an existing file) instead of printing it")  # fmt: skip
    return p


def run(argv: Sequence[str]) -> int:
    """Run the new command; ``argv`` excludes the word "new"."""
    return run_command(parser(), argv, _new)


def _new(_: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    text = skeleton(args.kind)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        with args.output.open("x", encoding="utf-8") as out:  # "x": an existing file is kept
            out.write(text)
    except FileExistsError:
        print(printable(f"{args.output}: already exists; not overwritten (remove it, or choose "
                        "another file)"), file=sys.stderr)  # fmt: skip
        return 2
    except OSError as e:
        print(printable(f"{args.output}: cannot write: {e.strerror or e}"), file=sys.stderr)
        return 2
    print(args.output)
    return 0
