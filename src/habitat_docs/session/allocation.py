"""Symbol allocation for a session of the Executive Board.

Symbols are allocated by :func:`allocate`, from the session file alone:
the provisional agenda of a first session is ``/1``, of a later one the next free number;
fixed symbols claim theirs; the others take the next free numbers in file order, after every
number used earlier in the year (:mod:`habitat_docs.session.register`); ``addendum_of`` gives
``<base>/Add.n`` in order. Every problem (duplicate symbols, reused numbers, unknown items or
documents) is reported, with the file, line and field, before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import frozen

from habitat_docs.errors import DataError, Path, Problem, did_you_mean, format_path
from habitat_docs.model.symbol import Symbol
from habitat_docs.session.agenda import AGENDA_ID
from habitat_docs.session.register import Register, ordinal_word

__all__ = ["Allocation", "Request", "allocate"]

_AGENDA_PATH: Path = ("agenda", "symbol")


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
    state = _Allocator(year, register)
    # 1. Fixed symbols claim their numbers.
    if agenda is not None:
        state.fixed_agenda(agenda)
    elif ordinal > 1 and not register.given:
        state.problem(
            f"the provisional agenda of a {ordinal_word(ordinal)} session takes the next number "
            "free after those used earlier in the year: give register: {previous: […]} or "
            "{file: …}, or agenda: {symbol: …}",
            ("agenda",),
        )
    for i, r in enumerate(requests):
        state.fixed_document(i, r)
    # 2. The provisional agenda, when not given: /1 for a first session, else next free.
    if agenda is None:
        agenda = state.default_agenda(ordinal)
    state.follow_agenda(agenda)
    # 3. Documents without a symbol take the next free numbers, in file order.
    for i, r in enumerate(requests):
        state.numbered_document(i, r)
    # 4. Addenda, in file order: <base>/Add.n with the first n not taken.
    index = {r.id: i for i, r in enumerate(requests)}
    for i, r in enumerate(requests):
        if r.addendum_of is None or r.symbol is not None or not r.numbered:
            continue
        path: Path = ("documents", i, "addendum_of")
        base = state.addendum_base(r.id, r.addendum_of, requests, index, agenda, path)
        if base is not None:
            state.addendum(i, r.id, base)
    if state.problems:
        raise DataError(state.problems)
    return state.allocation(requests, agenda)


class _Allocator:
    """One allocation under way: the numbers and symbols claimed so far, and the problems."""

    def __init__(self, year: int, register: Register) -> None:
        self.year = year
        self.earlier = dict(register.earlier)
        self.used = {**register.later, **register.earlier}  # number -> where it was recorded
        self.claimed: dict[int, str] = {}  # number -> who claims it here ("document 'x'")
        self.seen: dict[str, tuple[str, Path]] = {}  # symbol key -> (description, path)
        self.symbols: dict[str, Symbol] = {}
        self.how: dict[str, str] = {}
        self.first_numbers: set[int] = set()
        self.start = max([*self.earlier, 0]) + 1  # allocation continues from here
        self.problems: list[Problem] = []

    def problem(self, message: str, path: Path) -> None:
        self.problems.append(Problem(message, path))

    def of_the_year(self, sym: Symbol, path: Path) -> bool:
        """Is ``sym`` an HSP/EB symbol of the session's year? (else report it)"""
        year = self.year
        if (
            sym.is_joint
            or sym.series != "HSP"
            or not sym.components
            or not sym.components[0].startswith("EB.")
        ):
            self.problem(f"'{sym.text}' is not an HSP/EB.{year} symbol", path)
            return False
        if sym.year != year:
            self.problem(f"'{sym.text}' is not a {year} symbol (the session is in {year})", path)
            return False
        return True

    def claim_symbol(self, sym: Symbol, who: str, path: Path) -> bool:
        key = sym.text.rstrip("*")
        if key in self.seen:
            other, other_path = self.seen[key]
            self.problem(
                f"{sym.text} is also the symbol of {other} ({format_path(other_path)})", path
            )
            return False
        self.seen[key] = (who, path)
        return True

    def used_since(self, n: int) -> str:
        """When a number already used was used: "earlier in the year" or "by a later session"."""
        return "earlier in the year" if n in self.earlier else "by a later session"

    def next_free(self) -> int:
        n = self.start
        while n in self.claimed or n in self.used:
            n += 1
        return n

    def fixed_agenda(self, agenda: Symbol) -> None:
        if not self.of_the_year(agenda, _AGENDA_PATH):
            return
        if agenda.kind is not None or agenda.suffixes:
            self.problem(
                f"the provisional agenda takes a plain number (HSP/EB.{self.year}/n), "
                f"not '{agenda.text}'",
                _AGENDA_PATH,
            )
        elif agenda.number in self.used:
            self.problem(
                f"{agenda.text} is already used {self.used_since(agenda.number)} "
                f"({self.used[agenda.number]})",
                _AGENDA_PATH,
            )
        self.claimed[agenda.number] = "the provisional agenda"
        self.claim_symbol(agenda, "the provisional agenda", _AGENDA_PATH)

    def fixed_document(self, i: int, r: Request) -> None:
        if r.symbol is None or not r.numbered:
            return
        path: Path = ("documents", i, "symbol")
        who = f"document '{r.id}'"
        if not self.of_the_year(r.symbol, path) or not self.claim_symbol(r.symbol, who, path):
            return
        self.symbols[r.id], self.how[r.id] = r.symbol, "fixed"
        if r.symbol.kind is not None:  # L.n, CRP.n, INF/n: series of their own
            return
        n = r.symbol.number
        plain = not r.symbol.suffixes
        if plain and n in self.used:
            when = self.used_since(n)
            self.problem(f"{r.symbol.text} is already used {when} ({self.used[n]})", path)
        elif plain and n in self.claimed and self.claimed[n] != who:
            self.problem(f"HSP/EB.{self.year}/{n} is also claimed by {self.claimed[n]}", path)
        self.claimed.setdefault(n, who)
        if n not in self.earlier:
            self.first_numbers.add(n)

    def default_agenda(self, ordinal: int) -> Symbol:
        """/1 for a first session, else the next free number."""
        year = self.year
        number = 1 if ordinal == 1 else self.next_free()
        first = f"HSP/EB.{year}/1, the provisional agenda of the first session, is"
        taken = True
        if ordinal == 1 and 1 in self.used:
            self.problem(f"{first} already used ({self.used[1]})", _AGENDA_PATH)
        elif ordinal == 1 and 1 in self.claimed:
            self.problem(f"{first} claimed by {self.claimed[1]}", _AGENDA_PATH)
        else:
            taken = False
        agenda = Symbol.hsp_eb(year, number)
        if not taken:
            self.claimed.setdefault(number, "the provisional agenda")
            self.claim_symbol(agenda, "the provisional agenda", _AGENDA_PATH)
        return agenda

    def follow_agenda(self, agenda: Symbol) -> None:
        """The documents' numbers come after the agenda's (when it is a number of the year)."""
        if agenda.kind is None and agenda.year == self.year:
            self.first_numbers.add(agenda.number)
            self.start = max(self.start, agenda.number + 1)

    def numbered_document(self, i: int, r: Request) -> None:
        if not r.numbered:
            if r.symbol is not None or r.addendum_of is not None:
                wrong = "symbol" if r.symbol is not None else "addendum_of"
                self.problem(
                    f"document '{r.id}' carries no symbol (its kind is informal): remove {wrong}",
                    ("documents", i, wrong),
                )
            return
        if r.symbol is not None:
            if r.addendum_of is not None:
                self.problem(
                    "give either symbol or addendum_of, not both", ("documents", i, "addendum_of")
                )
            return
        if r.addendum_of is not None:
            return
        n = self.next_free()
        self.claimed[n] = f"document '{r.id}'"
        self.symbols[r.id], self.how[r.id] = Symbol.hsp_eb(self.year, n), "allocated"
        self.first_numbers.add(n)

    def addendum_base(
        self, doc_id: str, target: str, requests: Sequence[Request], index: Mapping[str, int],
        agenda: Symbol, path: Path,
    ) -> Symbol | None:  # fmt: skip
        """The symbol document ``doc_id`` is an addendum to, or None (the problem reported,
        if any)."""
        if target == doc_id:
            self.problem("a document cannot be an addendum of itself", path)
            return None
        if target == AGENDA_ID:
            base = agenda
        elif target not in index:
            hint = did_you_mean(target, [*index, AGENDA_ID])
            self.problem(f"unknown document '{target}'{hint}", path)
            return None
        elif (of := requests[index[target]].addendum_of) is not None:
            self.problem(
                f"'{target}' is itself an addendum; give the document it is an addendum of ('{of}')",
                path,
            )
            return None
        elif not requests[index[target]].numbered:
            self.problem(f"'{target}' carries no symbol, so it can have no addendum", path)
            return None
        elif target not in self.symbols:  # its own symbol was wrong: reported already
            return None
        else:
            base = self.symbols[target]
        if any(name == "Add" for name, _ in base.suffixes):
            self.problem(f"'{target}' ({base.text}) is itself an addendum", path)
            return None
        return base

    def addendum(self, i: int, doc_id: str, base: Symbol) -> None:
        k = 1
        while base.addendum(k).text in self.seen:
            k += 1
        sym = base.addendum(k)
        self.claim_symbol(sym, f"document '{doc_id}'", ("documents", i))
        self.symbols[doc_id], self.how[doc_id] = sym, "addendum"

    def allocation(self, requests: Sequence[Request], agenda: Symbol) -> Allocation:
        numbers = tuple(sorted(n for n in self.first_numbers if n not in self.earlier))
        ordered = {r.id: self.symbols[r.id] for r in requests if r.id in self.symbols}  # file order
        return Allocation(self.year, agenda, ordered, {k: self.how[k] for k in ordered}, numbers)
