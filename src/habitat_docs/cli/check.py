"""``habitat-docs check FILE… [--json]`` and ``habitat-docs check --parity ZH EN``.

Exit status: 0 when everything is consistent, 1 when problems are found (one per line as
``FILE:PAGE:LINE: message``, or a JSON document with --json), 2 when a file cannot be read
or is not a document."""

from __future__ import annotations

import argparse
import json
import sys

from habitat_docs.check import check, parity
from habitat_docs.check.findings import CheckError, Report
from habitat_docs.check.reader import KINDS

__all__ = ["run"]


def run(argv: list[str]) -> int:
    """Run the check command; ``argv`` excludes the word "check"."""
    parser = argparse.ArgumentParser(
        prog="habitat-docs check",
        description="Check the numbering of documents (DOCX, PDF or extracted text).",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="files to check")
    parser.add_argument(
        "--parity",
        nargs=2,
        metavar=("ZH", "EN"),
        help="compare two language versions of one document",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--kind", choices=KINDS, help="read every file as this kind")
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, or a usage error (argparse exits with 2)
        return e.code if isinstance(e.code, int) else 2
    if not args.files and not args.parity:
        parser.print_usage(sys.stderr)
        print("habitat-docs check: error: give FILE… or --parity ZH EN", file=sys.stderr)
        return 2

    report = Report()
    errors: list[tuple[str, str]] = []
    for file in args.files:
        try:
            report += check(file, kind=args.kind)
        except CheckError as e:
            errors.append((file, str(e)))
    if args.parity:
        try:
            report += parity(*args.parity, kind=args.kind)
        except CheckError as e:
            errors.append((e.file or " ".join(args.parity), str(e)))

    if args.json:
        data = json.loads(report.to_json())
        data["ok"] = report.ok and not errors
        data["errors"] = [{"file": f, "message": m} for f, m in errors]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        if report.findings:
            print(report)
        for f, m in errors:
            print(f"{f}: {m}", file=sys.stderr)
    return 2 if errors else (1 if report.findings else 0)
