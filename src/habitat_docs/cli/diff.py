"""``habitat-docs diff OLD NEW [--lang zh,en,…] [--json]``: two versions of one document
(data files, or built DOCX, PDF or text, or one of each), paragraph by paragraph in each
language.

Exit status: 0 the versions are the same; 1 they differ; 2 a file cannot be read, or the
versions have no language to compare."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from habitat_docs.check.findings import one_line
from habitat_docs.cli.options import comma_list, run_command
from habitat_docs.diff import DiffError, diff

__all__ = ["parser", "run"]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="habitat-docs diff",
        description="What was added, removed, changed or renumbered between two versions of "
        "one document, paragraph by paragraph in each language.",
        epilog="exit status: 0 the same; 1 different; 2 a file cannot be read, or no language "
        "to compare",
    )
    p.add_argument(
        "old", metavar="OLD", help="the earlier version (YAML, JSON, TOML, DOCX, PDF, text)"
    )
    p.add_argument("new", metavar="NEW", help="the later version (the same kinds)")
    p.add_argument(
        "--lang",
        type=comma_list,
        help="compare these languages alone (zh,en,…; both versions must have them); "
        "default: every language both have",
    )
    p.add_argument("--json", action="store_true", help="print the changes as JSON")
    return p


def run(argv: Sequence[str]) -> int:
    """Run the diff command; ``argv`` excludes the word "diff"."""
    return run_command(parser(), argv, _diff)


def _diff(_: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        difference = diff(args.old, args.new, args.lang)
    except DiffError as e:
        print(one_line(str(e)), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(difference.as_json(), ensure_ascii=False, indent=2))
    else:
        for line in difference.lines():
            print(one_line(line))
    return 0 if difference.equal else 1
