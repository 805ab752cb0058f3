"""``habitat-docs build FILE… --lang zh,en --format docx,pdf -o OUT/`` (``--lang``: each
document's own languages unless given).

Exit status: 0 every file built; 2 some file is invalid or cannot be written (the others are
built); 1 an internal error (a bug, reported in one line), or with ``--check`` a numbering
finding in a file written (printed as ``habitat-docs check`` prints it).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

from habitat_docs.api import PDF_ENGINES, build
from habitat_docs.check import check
from habitat_docs.check.findings import CheckError, Report, one_line
from habitat_docs.cli.options import (
    add_artwork_options,
    add_output_options,
    build_options_error,
    run_command,
)
from habitat_docs.errors import DataError
from habitat_docs.terminal import printable
from habitat_docs.writers.office import LibreOfficeError, Office
from habitat_docs.writers.pdf.fonts import FontError
from habitat_docs.writers.pdf.writer import PdfError

__all__ = ["parser", "run"]

PROG = "habitat-docs build"

# Exit statuses of one file: built, invalid or not writable, an internal error; built, but
# its numbering has findings (--check).
_OK, _FAILED, _INTERNAL, _FINDINGS = 0, 2, 1, 1


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG, description="Build documents from data files (YAML, JSON, TOML)."
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    add_output_options(p)
    p.add_argument("--pdf-engine", choices=PDF_ENGINES, default="typst",
                   help="typst (default, embedded) or libreoffice (the PDF matches the DOCX)")  # fmt: skip
    p.add_argument("--pdf-standard", help="PDF standard(s) to declare, e.g. a-2a, ua-1, a-2a,ua-1")
    p.add_argument(
        "--timeout", type=float, default=120, help="seconds before LibreOffice is stopped"
    )
    p.add_argument("--check", action="store_true",
                   help="check the numbering of every file written, as check does (exit 1 on findings)")  # fmt: skip
    add_artwork_options(p)
    return p


def run(argv: Sequence[str]) -> int:
    """Run ``build`` with ``argv`` (the words after "build")."""
    return run_command(parser(), argv, _build_files)


def _build_files(p: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if (status := build_options_error(p, args)) is not None:
        return status
    with contextlib.ExitStack() as stack:
        office = None
        if "pdf" in args.format and args.pdf_engine == "libreoffice" and len(args.files) > 1:
            office = stack.enter_context(Office())  # one office process for every file
        statuses = [_build(file, args, office) for file in args.files]
    return _FAILED if _FAILED in statuses else _INTERNAL if _INTERNAL in statuses else _OK


def _build(file: str, args: argparse.Namespace, office: Office | None) -> int:
    """Build one file, print the paths written, or its error in one line."""
    try:
        paths = build(file, args.output, args.lang, args.format, pdf_engine=args.pdf_engine,
                      pdf_standard=args.pdf_standard, timeout=args.timeout, office=office,
                      artwork=args.artwork)  # fmt: skip
    except (DataError, FontError, PdfError, LibreOfficeError, ValueError) as e:
        print(printable(str(e)), file=sys.stderr)
        return _FAILED
    except OSError as e:  # the output folder cannot be written, the disk is full …
        where = e.filename or args.output
        print(printable(f"{file}: cannot write {where}: {e.strerror or e}"), file=sys.stderr)
        return _FAILED
    except Exception as e:  # noqa: BLE001 - a bug: one line, not a traceback
        print(printable(f"{file}: internal error ({type(e).__name__}: {e}); please report it"),
              file=sys.stderr)  # fmt: skip
        return _INTERNAL
    for path in paths:
        print(path)
    return _checked(paths) if args.check else _OK


def _checked(paths: Sequence[Path]) -> int:
    """Check the files just written and print what ``habitat-docs check`` prints for them."""
    report = Report()
    for path in paths:
        try:
            report += check(path)
        except CheckError as e:  # a file we wrote that the checker cannot read: a bug
            print(one_line(f"{path}: internal error: cannot check it ({e}); please report it"),
                  file=sys.stderr)  # fmt: skip
            return _INTERNAL
    for text in (str(report), report.summary()):
        if text:
            print(text)
    return _FINDINGS if report.findings else _OK
