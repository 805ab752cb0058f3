"""``habitat-docs build-session SESSION.yaml --lang zh,en --format docx -o OUT/``.

Exit status: 0 every document built; 1 some document failed (the others are written);
2 the session file (or the command line) is invalid, or the output folder cannot be written,
and nothing is written; 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import IO

from habitat_docs import api
from habitat_docs.cli.main import printable
from habitat_docs.errors import DataError
from habitat_docs.session.batch import build_session, check_options
from habitat_docs.session.plan import SessionPlan, load_session
from habitat_docs.session.progress import progress_for
from habitat_docs.session.register import record_register
from habitat_docs.session.results import summary_lines

__all__ = ["parser", "run"]

PROG = "habitat-docs build-session"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Build every document of a Board session, in every language and format, "
        "on every core; write an index (index.json, index.html).",
        epilog="Exit status: 0 all built, 1 some document failed, 2 invalid session file "
        "(nothing written).",
    )
    p.add_argument("session", metavar="SESSION", help="the session file (.yaml, .json, .toml)")
    p.add_argument("--lang", default="zh,en", help="comma-separated languages (default: zh,en)")
    p.add_argument(
        "--format", default="docx",
        help=f"comma-separated formats (default: docx; available: {', '.join(api.FORMATS)})",
    )  # fmt: skip
    p.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    p.add_argument(
        "-j", "--jobs", type=int, default=None,
        help=f"worker processes (default: one per core, here {os.cpu_count() or 1}; 1: no pool)",
    )  # fmt: skip
    p.add_argument(
        "--progress", choices=("auto", "bar", "lines", "none"), default="auto",
        help="a bar on a terminal, plain lines otherwise (default: auto)",
    )  # fmt: skip
    p.add_argument(
        "--traceback", action="store_true", help="show the traceback of unexpected errors"
    )
    p.add_argument("--check", action="store_true",
                   help="validate the session and every document; write nothing")  # fmt: skip
    p.add_argument("--symbols", action="store_true",
                   help="print the allocated symbols and exit (writes nothing)")  # fmt: skip
    p.add_argument(
        "--record", action="store_true",
        help="write this session's numbers into its register file (register: {file: …})",
    )  # fmt: skip
    return p


def run(argv: Sequence[str], stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run ``build-session`` with ``argv`` (the words after "build-session")."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    p = parser()
    try:
        args = p.parse_args(list(argv))
    except SystemExit as e:  # --help (0) or a usage error (2)
        return int(e.code or 0)
    langs, fmts = _split(args.lang), _split(args.format)
    problems = check_options(langs, fmts)
    if args.jobs is not None and args.jobs < 1:
        problems.append("--jobs must be 1 or more")
    if problems:
        for msg in problems:
            print(f"{PROG}: {msg}", file=err)
        return 2
    try:
        plan = load_session(args.session)
    except DataError as e:
        print(printable(str(e)), file=err)
        print(f"{PROG}: the session file is invalid; nothing was written", file=err)
        return 2
    if args.record and plan.register_file is None:
        print(
            f"{PROG}: --record needs a register file in the session (register: {{file: …}})",
            file=err,
        )
        return 2
    if args.symbols:
        _print_symbols(plan, out)
        return 0
    try:
        result = build_session(
            plan, args.output, langs, fmts,
            jobs=args.jobs,
            progress=progress_for(err, args.progress),
            traceback=args.traceback,
            write=not args.check,
        )  # fmt: skip
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=err)
        return 130
    except OSError as e:  # the output folder cannot be made or written
        where = e.filename or args.output
        print(printable(f"{PROG}: cannot write {where}: {e.strerror or e}"), file=err)
        return 2
    lines = list(summary_lines(result))
    if args.check:
        lines[0] = lines[0].replace("Built", "Checked").replace(" (0 files)", "")
    head = lines[: 2 if result.index else 1]
    for line in head:
        print(line, file=out)
    out.flush()  # the summary before the failures, also when both streams go to one log
    for line in lines[len(head) :]:
        print(printable(line), file=err)
    if args.record and not args.check and plan.register_file is not None:
        try:
            record_register(plan.register_file, plan.year, plan.ordinal, plan.allocation.numbers)
        except (DataError, OSError) as e:
            print(f"{PROG}: cannot record the register: {e}", file=err)
            return 2
        print(f"Register: {plan.register_file} (session {plan.ordinal}: "
              f"{', '.join(map(str, plan.allocation.numbers))})", file=out)  # fmt: skip
    return 0 if result.ok else 1


def _print_symbols(plan: SessionPlan, out: IO[str]) -> None:
    a = plan.allocation
    print(f"{a.agenda.text:<24} provisional agenda", file=out)
    for e in plan.entries:
        sym = plan.symbol(e.id)
        how = a.how.get(e.id, "no symbol")
        items = ", ".join(i.label for i in e.items)
        where = f"; item{'s' if len(e.items) != 1 else ''} {items}" if e.items else ""
        print(f"{(sym.text if sym else '—'):<24} {e.id} ({how}{where})", file=out)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def main() -> None:  # ``python -m habitat_docs.cli.session``
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
