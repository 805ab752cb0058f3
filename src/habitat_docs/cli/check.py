"""``habitat-docs check FILE… [--json]`` and ``habitat-docs check --parity A B [C…]``.

Exit status: 0 when everything is consistent, 1 when problems are found (one per line as
``FILE:PAGE:LINE: message``, or a JSON document with --json), 2 when a file cannot be read
or is not a document."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from habitat_docs.check import check, parity
from habitat_docs.check.findings import CheckError, Report
from habitat_docs.check.reader import KINDS
from habitat_docs.cli.options import run_command, usage_error

__all__ = ["parser", "run"]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="habitat-docs check",
        description="Check the numbering of documents (DOCX, PDF or extracted text).",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="files to check")
    p.add_argument(
        "--parity",
        nargs="+",
        metavar="A B",
        help="compare language versions of one document (any of the six languages): "
        "each file after A against A",
    )
    p.add_argument(
        "--every-pair", action="store_true", help="with --parity: compare every pair of files"
    )
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument("--kind", choices=KINDS, help="read every file as this kind")
    return p


def run(argv: Sequence[str]) -> int:
    """Run the check command; ``argv`` excludes the word "check"."""
    return run_command(parser(), argv, _check)


def _check(p: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if not args.files and not args.parity:
        return usage_error(p, "give FILE… or --parity A B")
    if args.parity and len(args.parity) < 2:
        return usage_error(p, "--parity needs two files or more: --parity A B [C…]")
    report = Report()
    errors: list[tuple[str, str]] = []  # (file, message): files that cannot be checked
    for file in args.files:
        try:
            report += check(file, kind=args.kind)
        except CheckError as e:
            errors.append((file, str(e)))
    if args.parity:
        try:
            report += parity(*args.parity, kind=args.kind, every_pair=args.every_pair)
        except CheckError as e:
            errors.append((e.file or " ".join(args.parity), str(e)))
    _print(report, errors, as_json=args.json)
    return 2 if errors else (1 if report.findings else 0)


def _print(report: Report, errors: list[tuple[str, str]], *, as_json: bool) -> None:
    if as_json:
        data = json.loads(report.to_json())
        data["ok"] = report.ok and not errors
        data["errors"] = [{"file": f, "message": m} for f, m in errors]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if report.findings or report.notes:
        print(report)
    for f, m in errors:
        print(f"{f}: {m}", file=sys.stderr)
