"""The habitat-docs command: one subcommand per module of this package.

    habitat-docs build FILE… [--lang zh,en] [--format docx,pdf] [--pdf-engine typst|libreoffice]
    habitat-docs build-session SESSION.yaml [--lang zh,en] [--format docx,pdf] [-o OUT/]
    habitat-docs check FILE… | habitat-docs check --parity A B [C…]
    habitat-docs import FILE… -o DOC.yaml [--lang en,zh] [--partial]
    habitat-docs schema
    habitat-docs diff OLD NEW [--lang zh,en] [--json]
    habitat-docs watch FILE… [--lang zh,en] [--format docx,pdf] [-o OUT/]
    habitat-docs lint FILE… [--json]
    habitat-docs new KIND [-o FILE]
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from habitat_docs.cli.options import run_command
from habitat_docs.version import __version__

__all__ = ["SUBCOMMANDS", "main"]

# name -> (the module of habitat_docs.cli whose run(argv) it is, help). A module is imported
# only when its subcommand runs: each brings its own stage (writers, session pool, checker).
SUBCOMMANDS = {
    "build": ("build", "build documents from data files (YAML, JSON, TOML)"),
    "build-session": ("session", "build every document of a session file on all cores"),
    "import": ("import_", "read language versions of one document (DOCX, PDF, text) into a data file"),
    "check": ("check", "check the numbering of documents (DOCX, PDF, text); --parity A B [C…]"),
    "schema": ("schema", "print the JSON Schema of a data file, for editors' completion and checks"),
    "diff": ("diff", "what changed between two versions of a document, paragraph by paragraph"),
    "watch": ("watch", "build data files, then rebuild them on every save (Ctrl-C stops)"),
    "lint": ("lint", "warn about what builds but is probably wrong in data files"),
    "new": ("new", "print a commented skeleton data file of a document kind (-o FILE: write it)"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the habitat-docs command with ``argv`` (default: the process's arguments); the
    exit status. The first word names the subcommand, whose module parses the rest; without
    one, argparse shows the help, the version or the usage error."""
    args = list(sys.argv[1:] if argv is None else argv)
    return run_command(_parser(), args[:1], lambda _, first: _run(first.command, args[1:]))


def _run(command: str, argv: list[str]) -> int:
    module = importlib.import_module(f"habitat_docs.cli.{SUBCOMMANDS[command][0]}")
    return int(module.run(argv))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="habitat-docs", description="UN-Habitat Executive Board documents from data files."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (_, text) in SUBCOMMANDS.items():
        commands.add_parser(name, add_help=False, help=f"{text} (see {name} --help)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
