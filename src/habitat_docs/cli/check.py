"""``habitat-docs check FILE… [--json]`` and ``habitat-docs check --parity A B [C…]``.

Exit status: 0 when everything is consistent (one line per file with what it holds), 1 when
problems are found (one per line as ``FILE:PAGE:LINE: “opening words”: message``, or
``FILE:¶N “opening words”: message`` in a DOCX; a JSON document with --json), 2 when a file
cannot be read or is not a document, or is a data file that ``build`` would refuse (its
errors as ``build`` prints them)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from habitat_docs.check import check, parity
from habitat_docs.check.findings import CheckError, Report, one_line, safe_json
from habitat_docs.check.reader import KINDS
from habitat_docs.cli.options import run_command, usage_error
from habitat_docs.errors import DataError, Problem, format_path

__all__ = ["parser", "run"]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="habitat-docs check",
        description="Check the numbering of documents (DOCX, PDF or extracted text), "
        "or a data file (YAML, JSON, TOML) without building it.",
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
    errors: list[tuple[dict[str, object], str]] = []  # files that cannot be checked: as JSON, as a line
    for file in args.files:
        try:
            report += check(file, kind=args.kind)
        except CheckError as e:
            errors.append(({"file": file, "message": str(e)}, f"{file}: {e}"))
        except DataError as e:  # the lines build prints: FILE:LINE: field: message
            errors.extend((_problem(file, p), str(p)) for p in e.problems)
    if args.parity:
        try:
            report += parity(*args.parity, kind=args.kind, every_pair=args.every_pair)
        except CheckError as e:
            file = e.file or " ".join(args.parity)
            errors.append(({"file": file, "message": str(e)}, f"{file}: {e}"))
    _print(report, errors, as_json=args.json)
    return 2 if errors else (1 if report.findings else 0)


def _problem(file: str, p: Problem) -> dict[str, object]:
    return {"file": p.file or file, "line": p.line, "column": p.column,
            "field": format_path(p.path), "message": p.message}  # fmt: skip


def _print(report: Report, errors: list[tuple[dict[str, object], str]], *, as_json: bool) -> None:
    """Findings, then a line for each file without any; errors on stderr, one a line."""
    if as_json:
        data = report.as_dict()
        data["ok"] = report.ok and not errors
        data["errors"] = [e for e, _ in errors]
        print(safe_json(data))
        return
    for text in (str(report), report.summary()):
        if text:
            print(text)
    for _, m in errors:
        print(one_line(m), file=sys.stderr)
