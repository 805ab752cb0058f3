"""``habitat-docs import FILE… -o DOC.yaml [--lang en,zh,…] [--partial]``: language versions
of one document (DOCX; PDF and plain text read the same way) back to a data file.

Exit status: 0 written (what could not be placed is listed on standard error); 1 written with
--partial, but blocks of versions that do not align are left in comments of the data file
(listed on standard error); 2 when a file cannot be read, its language cannot be told, or the
versions do not align (without --partial)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from habitat_docs.atomic import write_atomic
from habitat_docs.check.findings import CheckError, one_line
from habitat_docs.cli.options import run_command, usage_error
from habitat_docs.importer import ImportFailed, MisalignedError, Unaligned, import_document
from habitat_docs.importer.emit import dump

__all__ = ["parser", "run"]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="habitat-docs import",
        description="Read language versions of one document (DOCX, PDF, text) into a data file.",
        epilog="exit status: 0 written; 1 written with --partial, but blocks left unaligned (in "
        "comments of the data file, listed on standard error); 2 not written: a file cannot "
        "be read, its language cannot be told, or the versions do not align",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="one file per language version")
    p.add_argument(
        "-o", "--output", required=True, metavar="DOC.yaml", help="the data file to write"
    )
    p.add_argument(
        "--lang", help="the files' languages, in file order (zh,en,…): detected when not given"
    )
    p.add_argument(
        "--partial",
        action="store_true",
        help="when the versions do not align, keep what aligns and write each block left over "
        "(its file and place) in a comment of the data file; the exit status is then 1",
    )
    return p


def run(argv: Sequence[str]) -> int:
    """Run the import command; ``argv`` excludes the word "import"."""
    return run_command(parser(), argv, _import)


def _import(p: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    langs = [c.strip() for c in args.lang.split(",")] if args.lang else []
    if len(langs) > len(args.files):
        return usage_error(p, f"--lang names {len(langs)} languages for {len(args.files)} files")
    warnings: list[str] = []
    try:
        data, comments = import_document(
            args.files, langs, warnings=warnings, partial=args.partial,
            images=Path(args.output).parent,
        )
    except CheckError as e:
        print(one_line(f"{e.file}: {e}" if e.file else str(e)), file=sys.stderr)
        return 2
    except (ImportFailed, MisalignedError) as e:
        print(one_line(str(e)), file=sys.stderr)
        return 2
    for w in warnings:
        print(one_line(w), file=sys.stderr)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)  # as build makes its -o folder
    write_atomic(Path(args.output), dump(data, comments).encode("utf-8"))
    unaligned = sum(isinstance(w, Unaligned) for w in warnings)
    print(f"{args.output}: {len(args.files)} version(s), {len(warnings) - unaligned} line(s) not "
          f"imported, {unaligned} block(s) not aligned (in comments)" if unaligned else
          f"{args.output}: {len(args.files)} version(s), {len(warnings)} line(s) not imported")  # fmt: skip
    return 1 if unaligned else 0
