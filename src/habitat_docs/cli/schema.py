"""``habitat-docs schema``: the JSON Schema of a document data file, for editors.

A YAML language server (VS Code's YAML extension and others) given this schema completes the
fields of a data file, shows what each means and flags a misspelt field or a value not allowed.
Exit status: 0 printed; 2 a usage error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from habitat_docs.cli.options import run_command
from habitat_docs.load.schema import schema_text

__all__ = ["parser", "run"]


def parser() -> argparse.ArgumentParser:
    return argparse.ArgumentParser(
        prog="habitat-docs schema",
        description="Print the JSON Schema (draft 2020-12) of a document data file, for editors "
        "with a YAML language server: put '# yaml-language-server: $schema=FILE' atop a data file.",
    )


def run(argv: Sequence[str]) -> int:
    """Run the schema command; ``argv`` excludes the word "schema"."""
    return run_command(parser(), argv, _print)


def _print(_: argparse.ArgumentParser, __: argparse.Namespace) -> int:
    sys.stdout.buffer.write(schema_text().encode("utf-8"))  # UTF-8 whatever the console's
    sys.stdout.flush()
    return 0
