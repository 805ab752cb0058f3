"""Symbol allocation for a session of the Executive Board, and the register of the year.

Symbols are allocated by :func:`allocate`, from the session file alone:
the provisional agenda of a first session is ``/1``, of a later one the next free number;
fixed symbols claim theirs; the others take the next free numbers in file order, after every
number used earlier in the year; ``addendum_of`` gives ``<base>/Add.n`` in order. Every
problem (duplicate symbols, reused numbers, unknown items or documents) is reported, with the
file, line and field, before anything is written.

The numbers used earlier in the year (§1.3) come from the session file's ``register:``,
given inline or in a register file (:func:`read_register`); :func:`record_register` adds a
session's numbers to that file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path as FsPath
from typing import Any

import yaml
from attrs import field, frozen

from habitat_docs.errors import DataError, Path, Problem, did_you_mean, format_path
from habitat_docs.load import MAX_FILE_BYTES, parse_data, read_file
from habitat_docs.model.symbol import Symbol
from habitat_docs.number import runs

__all__ = [
    "AGENDA_ID",
    "Allocation",
    "Register",
    "Request",
    "allocate",
    "parse_numbers",
    "read_register",
    "record_register",
]  # fmt: skip

#: The id under which documents cite the provisional agenda (``{doc:agenda}``,
#: ``addendum_of: agenda``); no document of a session may use it.
AGENDA_ID = "agenda"

_REGISTER_FIELDS = ("previous", "file")
_REGISTER_FILE_FIELDS = ("year", "used", "sessions")
_RANGE = re.compile(r"\s*([1-9][0-9]*)\s*[-–]\s*([1-9][0-9]*)\s*\Z")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


# ============================================================================ allocation


@frozen
class Request:
    """What allocation needs to know of one document of the session: its id, and either a
    fixed ``symbol``, or ``addendum_of`` (the id of another document, or ``"agenda"``), or
    neither (it takes the next free number). ``numbered=False`` for a document that carries
    no symbol (an informal document such as an activity update)."""

    id: str
    symbol: Symbol | None = None
    addendum_of: str | None = None
    numbered: bool = True


@frozen
class Register:
    """The numbers of the year's HSP/EB symbols already used outside this session, each
    with where it was recorded (for error messages). ``earlier``: the numbers this session
    follows (previous sessions, numbers issued outside sessions); ``later``: those of later
    sessions already recorded (claimed, but allocation does not continue after them)."""

    earlier: Mapping[int, str] = field(factory=dict)
    later: Mapping[int, str] = field(factory=dict)
    given: bool = False  # whether the session file names a register at all

    @classmethod
    def of(cls, earlier: Iterable[int] = (), later: Iterable[int] = ()) -> Register:
        return cls({n: "the register" for n in earlier}, {n: "the register" for n in later}, True)


@frozen
class Allocation:
    """The symbols of a session: the provisional agenda's and every numbered document's."""

    year: int
    agenda: Symbol
    symbols: Mapping[str, Symbol]
    #: How each symbol came about: "fixed", "allocated", "addendum" (and "agenda").
    how: Mapping[str, str]
    #: The HSP/EB.<year>/<n> numbers this session uses first (for the register).
    numbers: tuple[int, ...]

    def __getitem__(self, doc_id: str) -> Symbol:
        return self.agenda if doc_id == AGENDA_ID else self.symbols[doc_id]


def allocate(
    year: int,
    ordinal: int,
    requests: Sequence[Request],
    *,
    agenda: Symbol | None = None,
    register: Register | None = None,
) -> Allocation:
    """The symbols of a session's provisional agenda and documents.

    A pure function of its arguments. Errors carry the paths of the session file
    (``documents[i].symbol``, ``agenda.symbol`` …); all of them are raised together."""
    register = register or Register()
    problems: list[Problem] = []
    earlier, later = dict(register.earlier), dict(register.later)
    used = {**later, **earlier}

    def problem(message: str, path: Path) -> None:
        problems.append(Problem(message, path))

    def series(sym: Symbol, path: Path) -> bool:
        """Is ``sym`` an HSP/EB symbol of the session's year? (else report it)"""
        if (
            sym.is_joint
            or sym.series != "HSP"
            or not sym.components
            or not sym.components[0].startswith("EB.")
        ):
            problem(f"'{sym.text}' is not an HSP/EB.{year} symbol", path)
            return False
        if sym.year != year:
            problem(f"'{sym.text}' is not a {year} symbol (the session is in {year})", path)
            return False
        return True

    def where(n: int) -> str:
        return used[n]

    # 1. Fixed symbols claim their numbers.
    claimed: dict[int, str] = {}  # number -> who in this session claims it ("document 'x'")
    symbols: dict[str, Symbol] = {}
    how: dict[str, str] = {}
    seen: dict[str, tuple[str, Path]] = {}  # symbol key -> (description, path)
    index = {r.id: i for i, r in enumerate(requests)}
    agenda_path: Path = ("agenda", "symbol")
    first_numbers: set[int] = set()

    def claim_symbol(sym: Symbol, who: str, path: Path) -> bool:
        key = sym.text.rstrip("*")
        if key in seen:
            other, other_path = seen[key]
            problem(f"{sym.text} is also the symbol of {other} ({format_path(other_path)})", path)
            return False
        seen[key] = (who, path)
        return True

    if agenda is not None:
        if series(agenda, agenda_path):
            if agenda.kind is not None or agenda.suffixes:
                problem(
                    f"the provisional agenda takes a plain number (HSP/EB.{year}/n), "
                    f"not '{agenda.text}'",
                    agenda_path,
                )
            elif agenda.number in used:
                problem(
                    f"{agenda.text} is already used earlier in the year ({where(agenda.number)})"
                    if agenda.number in earlier
                    else f"{agenda.text} is already used by a later session ({where(agenda.number)})",
                    agenda_path,
                )
            claimed[agenda.number] = "the provisional agenda"
            claim_symbol(agenda, "the provisional agenda", agenda_path)
    elif ordinal > 1 and not register.given:
        problem(
            f"the provisional agenda of a {_ordinal(ordinal)} session takes the next number "
            "free after those used earlier in the year: give register: {previous: […]} or "
            "{file: …}, or agenda: {symbol: …}",
            ("agenda",),
        )

    for i, r in enumerate(requests):
        if r.symbol is None or not r.numbered:
            continue
        path = ("documents", i, "symbol")
        who = f"document '{r.id}'"
        if not series(r.symbol, path) or not claim_symbol(r.symbol, who, path):
            continue
        symbols[r.id], how[r.id] = r.symbol, "fixed"
        if r.symbol.kind is not None:  # L.n, CRP.n, INF/n: series of their own
            continue
        n = r.symbol.number
        plain = not r.symbol.suffixes
        if plain and n in used:
            when = "earlier in the year" if n in earlier else "by a later session"
            problem(f"{r.symbol.text} is already used {when} ({where(n)})", path)
        elif plain and n in claimed and claimed[n] != who:
            problem(f"HSP/EB.{year}/{n} is also claimed by {claimed[n]}", path)
        claimed.setdefault(n, who)
        if n not in earlier:
            first_numbers.add(n)

    # 2. The provisional agenda, when not given: /1 for a first session, else next free.
    start = max([*earlier, 0]) + 1

    def next_free() -> int:
        n = start
        while n in claimed or n in used:
            n += 1
        return n

    if agenda is None:
        number, taken = (1, False) if ordinal == 1 else (next_free(), False)
        if ordinal == 1 and 1 in used:
            problem(
                f"HSP/EB.{year}/1, the provisional agenda of the first session, is "
                f"already used ({where(1)})",
                agenda_path,
            )
            taken = True
        elif ordinal == 1 and 1 in claimed:
            problem(
                f"HSP/EB.{year}/1, the provisional agenda of the first session, is "
                f"claimed by {claimed[1]}",
                agenda_path,
            )
            taken = True
        agenda = Symbol.hsp_eb(year, number)
        if not taken:
            claimed.setdefault(number, "the provisional agenda")
            claim_symbol(agenda, "the provisional agenda", agenda_path)
    if agenda.kind is None and agenda.year == year:
        first_numbers.add(agenda.number)
        start = max(start, agenda.number + 1)

    # 3. Documents without a symbol take the next free numbers, in file order.
    for i, r in enumerate(requests):
        if not r.numbered:
            if r.symbol is not None or r.addendum_of is not None:
                problem(
                    f"document '{r.id}' carries no symbol (its kind is informal): remove "
                    f"{'symbol' if r.symbol is not None else 'addendum_of'}",
                    ("documents", i, "symbol" if r.symbol is not None else "addendum_of"),
                )
            continue
        if r.symbol is not None:
            if r.addendum_of is not None:
                problem(
                    "give either symbol or addendum_of, not both", ("documents", i, "addendum_of")
                )
            continue
        if r.addendum_of is not None:
            continue
        n = next_free()
        claimed[n] = f"document '{r.id}'"
        symbols[r.id], how[r.id] = Symbol.hsp_eb(year, n), "allocated"
        first_numbers.add(n)

    # 4. Addenda, in file order: <base>/Add.n with the first n not taken.
    for i, r in enumerate(requests):
        if r.addendum_of is None or r.symbol is not None or not r.numbered:
            continue
        path = ("documents", i, "addendum_of")
        target = r.addendum_of
        if target == r.id:
            problem("a document cannot be an addendum of itself", path)
            continue
        if target == AGENDA_ID:
            base = agenda
        elif target not in index:
            problem(f"unknown document '{target}'{did_you_mean(target, [*index, AGENDA_ID])}", path)
            continue
        elif requests[index[target]].addendum_of is not None:
            problem(
                f"'{target}' is itself an addendum; give the document it is an addendum "
                f"of ('{requests[index[target]].addendum_of}')",
                path,
            )
            continue
        elif not requests[index[target]].numbered:
            problem(f"'{target}' carries no symbol, so it can have no addendum", path)
            continue
        elif target not in symbols:  # its own symbol was wrong: reported already
            continue
        else:
            base = symbols[target]
        if any(name == "Add" for name, _ in base.suffixes):
            problem(f"'{target}' ({base.text}) is itself an addendum", path)
            continue
        k = 1
        while base.addendum(k).text in seen:
            k += 1
        sym = base.addendum(k)
        claim_symbol(sym, f"document '{r.id}'", ("documents", i))
        symbols[r.id], how[r.id] = sym, "addendum"

    if problems:
        raise DataError(problems)
    numbers = tuple(sorted(n for n in first_numbers if n not in earlier))
    ordered = {r.id: symbols[r.id] for r in requests if r.id in symbols}  # file order
    return Allocation(year, agenda, ordered, {k: how[k] for k in ordered}, numbers)


def _ordinal(n: int) -> str:
    return _ORDINALS[n - 1] if 1 <= n <= len(_ORDINALS) else f"{n}th"


def parse_numbers(values: Any, year: int, path: Path) -> tuple[list[int], list[Problem]]:
    """Register numbers as written: ``[1, "2-10", "HSP/EB.2024/11"]`` (a number, a range,
    or an HSP/EB symbol of the year, whose base number counts)."""
    problems: list[Problem] = []
    out: list[int] = []
    if not isinstance(values, list):
        return out, [Problem('expected a list of numbers, ranges ("2-10") or symbols', path)]
    for i, v in enumerate(values):
        here = (*path, i)
        if isinstance(v, int) and not isinstance(v, bool):
            if v < 1:
                problems.append(Problem(f"a symbol number is 1 or more, got {v}", here))
            else:
                out.append(v)
        elif isinstance(v, str) and (m := _RANGE.fullmatch(v)):
            a, b = int(m[1]), int(m[2])
            if b < a:
                problems.append(Problem(f"the range {v!r} runs backwards", here))
            else:
                out.extend(range(a, b + 1))
        elif isinstance(v, str) and v.strip().isdigit():
            out.append(int(v))
        elif isinstance(v, str):
            try:
                sym = Symbol(v.strip())
            except DataError as e:
                problems.append(
                    Problem(f'expected a number, a range such as "2-10" or a symbol: {e}', here)
                )
                continue
            if sym.year != year or sym.series != "HSP":
                problems.append(Problem(f"'{sym.text}' is not an HSP/EB.{year} symbol", here))
            elif sym.kind is None:
                out.append(sym.number)
        else:
            problems.append(
                Problem(f'expected a number, a range such as "2-10" or a symbol, got {v!r}', here)
            )
    return out, problems


# ============================================================================ register


def read_register(
    spec: Any, year: int, ordinal: int, base_dir: FsPath, *, session_file: str | None = None
) -> tuple[Register, FsPath | None]:
    """The register a session file names (``register: {previous: […], file: …}``) and the
    register file's path, if any. Errors are located in the session or register file."""
    if spec is None:
        return Register(), None
    problems: list[Problem] = []
    earlier: dict[int, str] = {}
    later: dict[int, str] = {}
    if not isinstance(spec, Mapping):
        raise DataError(
            "expected a mapping: {previous: […]} or {file: register.yaml}", ("register",)
        )
    for k in spec:
        if k not in _REGISTER_FIELDS:
            problems.append(
                Problem(f"unknown field '{k}'{did_you_mean(str(k), _REGISTER_FIELDS)}", ("register", k))
            )
    if "previous" in spec:
        numbers, probs = parse_numbers(spec["previous"], year, ("register", "previous"))
        problems += probs
        for n in numbers:
            earlier.setdefault(n, "register.previous")
    file: FsPath | None = None
    if "file" in spec:
        if not isinstance(spec["file"], str) or not spec["file"].strip():
            problems.append(Problem("expected the name of a register file", ("register", "file")))
        elif (outside := outside_folder(base_dir, spec["file"])) is not None:
            problems.append(Problem(outside, ("register", "file")))
        else:
            file = base_dir / spec["file"]
    if problems:
        raise DataError(problems)
    if file is not None and file.exists():  # one that does not exist yet is empty
        e2, l2 = _read_register_file(file, year, ordinal)
        for n, w in e2.items():
            earlier.setdefault(n, w)
        for n, w in l2.items():
            later.setdefault(n, w)
    return Register(earlier, later, True), file


def _read_register_file(
    file: FsPath, year: int, ordinal: int
) -> tuple[dict[int, str], dict[int, str]]:
    name = str(file)
    try:
        with open(file, "rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)  # more is refused by parse_data
    except OSError as e:
        raise DataError(
            Problem(f"cannot read the register file: {e.strerror}", file=name)
        ) from None
    data, lines = parse_data(raw, file.suffix.lower(), name)
    problems: list[Problem] = []
    earlier: dict[int, str] = {}
    later: dict[int, str] = {}
    if not isinstance(data, Mapping):
        raise DataError(
            Problem(
                "a register file holds a mapping: {year: …, sessions: {1: […]}}", file=name, line=1
            )
        )
    for k in data:
        if k not in _REGISTER_FILE_FIELDS:
            problems.append(
                Problem(f"unknown field '{k}'{did_you_mean(str(k), _REGISTER_FILE_FIELDS)}", (k,))
            )
    if data.get("year") != year:
        problems.append(
            Problem(f"this register is for {data.get('year')!r}, the session for {year}", ("year",))
        )
    numbers, probs = parse_numbers(data.get("used", []), year, ("used",))
    problems += probs
    for n in numbers:
        earlier.setdefault(n, f"{name}, used")
    sessions = data.get("sessions", {})
    if not isinstance(sessions, Mapping):
        problems.append(
            Problem("expected a mapping of session ordinals to numbers: {1: [1, 2]}", ("sessions",))
        )
        sessions = {}
    for key, values in sessions.items():
        try:
            k = int(key)
        except (TypeError, ValueError):
            k = 0
        if isinstance(key, bool) or k < 1:
            problems.append(
                Problem(f"'{key}' is not a session ordinal (1, 2, 3 …)", ("sessions", str(key)))
            )
            continue
        numbers, probs = parse_numbers(values, year, ("sessions", str(key)))
        problems += probs
        if k == ordinal:
            continue  # this session's own numbers: allocation gives them again
        target = earlier if k < ordinal else later
        for n in numbers:
            target.setdefault(n, f"{name}, {_ordinal(k)} session")
    if problems:
        raise DataError(problems).located(name, lines)
    return earlier, later


def record_register(file: FsPath, year: int, ordinal: int, numbers: Iterable[int]) -> None:
    """Write this session's numbers into the register file (YAML or JSON), keeping the
    other sessions' entries; creates the file if needed. Comments are not kept."""
    from habitat_docs.api import write_atomic

    data: dict[str, Any] = {"year": year}
    if file.exists():
        raw, _ = parse_data(read_file(file), file.suffix.lower(), str(file))
        if isinstance(raw, Mapping):
            data.update(raw)
    sessions = {int(k): v for k, v in dict(data.get("sessions") or {}).items()}
    sessions[ordinal] = _compact(sorted(set(numbers)))
    data["sessions"] = dict(sorted(sessions.items()))
    suffix = file.suffix.lower()
    if suffix == ".json":
        data["sessions"] = {str(k): v for k, v in data["sessions"].items()}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif suffix in (".yaml", ".yml"):
        head = (
            f"# Register of HSP/EB.{year} symbol numbers, by session.\n"
            "# Written by habitat-docs build-session --record; comments are not kept.\n"
        )
        text = head + yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False, default_flow_style=None
        )
    else:
        raise DataError(
            Problem(f"cannot write a '{suffix}' register (use .yaml or .json)", file=str(file))
        )
    file.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(file, text.encode("utf-8"))


def outside_folder(base_dir: FsPath, name: str) -> str | None:
    """Why a file a session file names may not be read (or written): it must lie in the
    session file's folder or below, symbolic links resolved; else None."""
    folder = base_dir.resolve()
    if not (folder / name).resolve().is_relative_to(folder):
        return f"'{name}' lies outside the session file's folder ({base_dir}); a session reads only files there"
    return None


def _compact(numbers: list[int]) -> list[int | str]:
    """[1, 2, 3, 4, 7] -> [\"1-4\", 7]."""
    out: list[int | str] = []
    for first, last in runs(numbers):
        if last - first >= 2:
            out.append(f"{first}-{last}")
        else:
            out.extend(range(first, last + 1))
    return out

