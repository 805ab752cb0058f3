"""``habitat-docs lint FILE… [--json]``: what builds but is probably wrong in data files.

Exit status: 0 when no file warns, 1 when one does (one warning a line, as
``FILE:LINE: field: message``; a JSON document with --json), 2 when a file does not load
(its errors as ``build`` prints them)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from habitat_docs.check.findings import one_line, safe_json
from habitat_docs.cli.options import run_command
from habitat_docs.errors import DataError, Problem, format_path
from habitat_docs.lint import LintWarning, lint

__all__ = ["parser", "run"]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="habitat-docs lint",
        description="Warn about what builds but is probably wrong in data files (YAML, JSON, "
        "TOML; a session file: each of its documents): numbers that differ between languages, "
        "references typed as text, 'above'/'below' against the order, doubled words, spaces, "
        "braces, tabs and punctuation each language's templates name.",
        epilog="exit status: 0 no warnings; 1 warnings; 2 a file does not load",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="data files to lint")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    return p


def run(argv: Sequence[str]) -> int:
    """Run the lint command; ``argv`` excludes the word "lint"."""
    return run_command(parser(), argv, _lint)


def _lint(_: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    warnings: list[LintWarning] = []
    errors: list[Problem] = []
    for file in args.files:
        try:
            warnings += lint(file)
        except DataError as e:
            errors += [
                p if p.file else Problem(p.message, p.path, file, p.line) for p in e.problems
            ]
    if args.json:
        print(safe_json({
            "ok": not warnings and not errors,
            "warnings": [w.as_json() for w in warnings],
            "errors": [{"file": p.file, "line": p.line, "field": format_path(p.path), "message": p.message}
                       for p in errors],
        }))  # fmt: skip
    else:
        for w in warnings:
            print(one_line(str(w)))
        for p in errors:
            print(one_line(str(p)), file=sys.stderr)
    return 2 if errors else (1 if warnings else 0)
