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
from pathlib import Path as FsPath
from typing import IO

from habitat_docs.cli.options import add_artwork_options, add_output_options, artwork, run_command
from habitat_docs.errors import DataError
from habitat_docs.session.batch import build_session, check_options
from habitat_docs.session.plan import SessionPlan, load_session
from habitat_docs.session.progress import progress_for
from habitat_docs.session.register import record_register
from habitat_docs.session.results import SessionResult, summary_lines
from habitat_docs.terminal import printable

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
    add_output_options(p)
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
    p.add_argument("--no-numbering-check", action="store_true",
                   help="do not check the numbering of the files written (the index then shows no check results)")  # fmt: skip
    p.add_argument("--symbols", action="store_true",
                   help="print the allocated symbols and exit (writes nothing)")  # fmt: skip
    p.add_argument(
        "--record", action="store_true",
        help="write this session's numbers into its register file (register: {file: …})",
    )  # fmt: skip
    add_artwork_options(p)
    return p


def run(argv: Sequence[str], stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run ``build-session`` with ``argv`` (the words after "build-session")."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    return run_command(parser(), argv, lambda _, args: _build_session(args, out, err))


def _build_session(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    problems = check_options(args.lang, args.format)
    if args.jobs is not None and args.jobs < 1:
        problems.append("--jobs must be 1 or more")
    try:
        args.artwork = artwork(args)
    except DataError as e:  # nothing is built without the images asked for
        problems.append(printable(str(e)))
    for msg in problems:
        print(f"{PROG}: {msg}", file=err)
    if problems:
        return 2
    plan = _plan(args, err)
    if plan is None:
        return 2
    if args.symbols:
        _print_symbols(plan, out)
        return 0
    result = _build(plan, args, err)
    if isinstance(result, int):
        return result
    _print_summary(result, args.check, out, err)
    register = plan.register_file if args.record and not args.check else None
    if register is not None and not _record(plan, register, out, err):
        return 2
    return 0 if result.ok else 1


def _plan(args: argparse.Namespace, err: IO[str]) -> SessionPlan | None:
    """The session file read and its symbols allocated; None (the problems printed) when
    it is invalid, or when --record has no register file to write."""
    try:
        plan = load_session(args.session)
    except DataError as e:
        print(printable(str(e)), file=err)
        print(f"{PROG}: the session file is invalid; nothing was written", file=err)
        return None
    if args.record and plan.register_file is None:
        print(f"{PROG}: --record needs a register file in the session (register: {{file: …}})",
              file=err)  # fmt: skip
        return None
    return plan


def _build(plan: SessionPlan, args: argparse.Namespace, err: IO[str]) -> SessionResult | int:
    """Build (or with --check, check) every document; the exit status if the build stopped."""
    try:
        return build_session(
            plan, args.output, args.lang, args.format,
            jobs=args.jobs,
            progress=progress_for(err, args.progress),
            traceback=args.traceback,
            write=not args.check,
            artwork=args.artwork,
            check_numbering=not args.no_numbering_check,
        )  # fmt: skip
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=err)
        return 130
    except OSError as e:  # the output folder cannot be made or written
        where = e.filename or args.output
        print(printable(f"{PROG}: cannot write {where}: {e.strerror or e}"), file=err)
        return 2


def _print_summary(result: SessionResult, checked: bool, out: IO[str], err: IO[str]) -> None:
    """Counts and the index on ``out``, the failures on ``err``."""
    lines = list(summary_lines(result, checked))
    head = lines[: 2 if result.index else 1]
    for line in head:
        print(line, file=out)
    out.flush()  # the summary before the failures, also when both streams go to one log
    for line in lines[len(head) :]:
        print(printable(line), file=err)


def _record(plan: SessionPlan, register: FsPath, out: IO[str], err: IO[str]) -> bool:
    """Write the session's numbers into its register file; False (the error printed) if
    it cannot be written."""
    try:
        record_register(register, plan.year, plan.ordinal, plan.allocation.numbers)
    except (DataError, OSError) as e:
        print(f"{PROG}: cannot record the register: {e}", file=err)
        return False
    print(f"Register: {register} (session {plan.ordinal}: "
          f"{', '.join(map(str, plan.allocation.numbers))})", file=out)  # fmt: skip
    return True


def _print_symbols(plan: SessionPlan, out: IO[str]) -> None:
    a = plan.allocation
    print(f"{a.agenda.text:<24} provisional agenda", file=out)
    for e in plan.entries:
        sym = plan.symbol(e.id)
        how = a.how.get(e.id, "no symbol")
        items = ", ".join(i.label for i in e.items)
        where = f"; item{'s' if len(e.items) != 1 else ''} {items}" if e.items else ""
        print(f"{(sym.text if sym else '—'):<24} {e.id} ({how}{where})", file=out)


if __name__ == "__main__":  # ``python -m habitat_docs.cli.session``
    sys.exit(run(sys.argv[1:]))
