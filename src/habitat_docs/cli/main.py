"""Command line.

    habitat-docs build FILE… [--lang zh,en] [--format docx,pdf] [--pdf-engine typst|libreoffice]
    habitat-docs build-session SESSION.yaml [--lang zh,en] [--format docx,pdf] [-o OUT/]
    habitat-docs check FILE… | habitat-docs check --parity ZH EN
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import re
import sys
from collections.abc import Sequence

from habitat_docs import __version__
from habitat_docs.api import FORMATS, PDF_ENGINES, build
from habitat_docs.compose.language import available
from habitat_docs.errors import DataError
from habitat_docs.writers.office import LibreOfficeError, Office
from habitat_docs.writers.pdf.fonts import FontError
from habitat_docs.writers.pdf.writer import PdfError

# Subcommands with their own argument parsers: name -> (module, help).
_DELEGATED = {
    "build-session": ("cli.session", "build every document of a session file on all cores"),
    "check": ("cli.check", "check the numbering of documents (DOCX, PDF, text); --parity ZH EN"),
}


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] and args_list[0] in _DELEGATED:
        module = importlib.import_module(f"habitat_docs.{_DELEGATED[args_list[0]][0]}")
        return int(module.run(args_list[1:]))

    parser = argparse.ArgumentParser(
        prog="habitat-docs", description="UN-Habitat Executive Board documents from data files."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="build documents from data files (YAML, JSON, TOML)")
    b.add_argument("files", nargs="+", metavar="FILE")
    b.add_argument("--lang", default="zh,en", help="comma-separated languages (default: zh,en)")
    b.add_argument("--format", default="docx", help=f"comma-separated formats: {', '.join(FORMATS)}")
    b.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    b.add_argument("--pdf-engine", choices=PDF_ENGINES, default="typst",
                   help="typst (default, embedded) or libreoffice (the PDF matches the DOCX)")  # fmt: skip
    b.add_argument("--pdf-standard", help="PDF standard(s) to declare, e.g. a-2a, ua-1, a-2a,ua-1")
    b.add_argument("--timeout", type=float, default=120, help="seconds before LibreOffice is stopped")
    for name, (_, text) in _DELEGATED.items():
        commands.add_parser(name, add_help=False, help=f"{text} (see {name} --help)")
    args = parser.parse_args(args_list)

    langs, formats = _split(args.lang), _split(args.format)
    unknown = [x for x in langs if x not in available()] + [x for x in formats if x not in FORMATS]
    if unknown:
        parser.error(f"unknown language or format: {', '.join(unknown)}")
    failed = internal = 0
    with contextlib.ExitStack() as stack:
        office = None
        if "pdf" in formats and args.pdf_engine == "libreoffice" and len(args.files) > 1:
            office = stack.enter_context(Office())  # one office process for every file
        for file in args.files:
            try:
                paths = build(file, args.output, langs, formats, pdf_engine=args.pdf_engine,
                              pdf_standard=args.pdf_standard, timeout=args.timeout, office=office)  # fmt: skip
            except (DataError, FontError, PdfError, LibreOfficeError, ValueError) as e:
                print(printable(str(e)), file=sys.stderr)
                failed += 1
                continue
            except OSError as e:  # the output folder cannot be written, the disk is full …
                where = e.filename or args.output
                print(printable(f"{file}: cannot write {where}: {e.strerror or e}"), file=sys.stderr)
                failed += 1
                continue
            except Exception as e:  # noqa: BLE001 - a bug: one line, not a traceback
                print(printable(f"{file}: internal error ({type(e).__name__}: {e}); please report it"),
                      file=sys.stderr)  # fmt: skip
                internal += 1
                continue
            for path in paths:
                print(path)
    return 2 if failed else 1 if internal else 0


# Characters an error message must not pass to a terminal as they are: controls (escape
# sequences) and the bidirectional overrides that can make text read other than it is.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control and bidi-override characters shown as escapes (\\x1b, \\u202e)."""
    return _UNPRINTABLE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


if __name__ == "__main__":
    sys.exit(main())
