"""The provisional agenda of a session file: its items, their labels and ids, and its symbol."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs
from attrs import field, frozen

from habitat_docs.errors import DataError, Path, Problem, did_you_mean
from habitat_docs.load import structure_as
from habitat_docs.model import AgendaItem
from habitat_docs.model.characters import ID, id_hint
from habitat_docs.model.symbol import Symbol
from habitat_docs.session.checks import unknown_fields

__all__ = ["AGENDA_ID", "ProvisionalAgenda", "id_problem", "read_agenda"]

#: The id under which documents cite the provisional agenda (``{doc:agenda}``,
#: ``addendum_of: agenda``); no document of a session may use it.
AGENDA_ID = "agenda"

_AGENDA_FIELDS = ("symbol", "items")
_LABEL = re.compile(r"\s*([1-9][0-9]*)\s*(?:\(\s*([a-z]{1,3})\s*\)|([a-z]{1,3}))?\s*\Z")


def id_problem(value: Any) -> str | None:
    """Why ``value`` is not a valid id (of an agenda item or a document); None if it is."""
    if isinstance(value, str) and ID.match(value):
        return None
    hint = id_hint(value) if isinstance(value, str) else ""
    return f"'{value}' is not a valid id (letters, digits, '-', '_', '.'){hint}"


@frozen
class ProvisionalAgenda:
    """The agenda items as the session file lists them, found by label or by id."""

    symbol: Symbol | None = None  # fixed in the session file; else allocated
    items: tuple[AgendaItem, ...] = ()
    labels: Mapping[str, int] = field(factory=dict)  # "6 (a)" -> position in items
    ids: Mapping[str, int] = field(factory=dict)  # "budget" -> position in items

    def find(self, ref: Any) -> int | str:
        """The position of the agenda item a document names (12, "6 (a)", "6a" or an item
        id), or the error message."""
        if isinstance(ref, bool) or not isinstance(ref, int | str):
            return f'expected an item number (12), a sub-item ("6 (a)") or an item id, got {ref!r}'
        if isinstance(ref, int):
            label = str(ref)
        elif m := _LABEL.fullmatch(ref):
            sub = m[2] or m[3]
            label = f"{m[1]} ({sub})" if sub else m[1]
        elif ref in self.ids:
            return self.ids[ref]
        else:
            return f"no agenda item has the id '{ref}'{did_you_mean(ref, self.ids)}"
        if label in self.labels:
            return self.labels[label]
        number = label.split(" ")[0]
        subs = [i.label for i in self.items if str(i.number) == number]
        hint = f" (it has {', '.join(subs)})" if subs else ""
        return f"item {label} is not on the provisional agenda{hint}"


def read_agenda(raw: Any) -> tuple[ProvisionalAgenda, list[Problem]]:
    """The session file's ``agenda:`` (``{symbol, items: [{number, sub, id, title}, …]}``),
    with every problem found."""
    if not isinstance(raw, Mapping):
        message = "give the provisional agenda: {items: [{number, title}, …]}"
        return ProvisionalAgenda(), [Problem(message, ("agenda",))]
    problems = unknown_fields(raw, _AGENDA_FIELDS, ("agenda",))
    symbol: Symbol | None = None
    if "symbol" in raw:
        try:
            symbol = structure_as(raw["symbol"], Symbol)
        except DataError as e:
            problems += [Problem(p.message, ("agenda", "symbol", *p.path)) for p in e.problems]
    raw_items = raw.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        problems.append(Problem("list the items of the provisional agenda", ("agenda", "items")))
        raw_items = []
    items: list[AgendaItem] = []
    labels: dict[str, int] = {}
    ids: dict[str, int] = {}
    for i, raw_item in enumerate(raw_items):
        here: Path = ("agenda", "items", i)
        item, probs = _item(raw_item, here)
        problems += probs
        if item is None:
            continue
        if item.label in labels:
            message = f"item {item.label} is listed twice (also agenda.items[{labels[item.label]}])"
            problems.append(Problem(message, here))
            continue
        labels[item.label] = len(items)
        item_id = raw_item.get("id")
        if item_id is not None:
            if (problem := _item_id_problem(item_id, items, ids)) is not None:
                problems.append(Problem(problem, (*here, "id")))
            else:
                ids[item_id] = len(items)
                item = attrs.evolve(item, id=item_id)
        items.append(item)
    return ProvisionalAgenda(symbol, tuple(items), labels, ids), problems


def _item(raw: Any, here: Path) -> tuple[AgendaItem | None, list[Problem]]:
    """One agenda item as the session file gives it (its id apart), or None."""
    if not isinstance(raw, Mapping):
        return None, [Problem("expected an item: {number: 12, title: {en: …, zh: …}}", here)]
    try:
        return structure_as({k: v for k, v in raw.items() if k != "id"}, AgendaItem), []
    except DataError as e:  # a bad sub-item too: the model checks it
        return None, [Problem(p.message, (*here, *p.path)) for p in e.problems]


def _item_id_problem(item_id: Any, items: list[AgendaItem], ids: Mapping[str, int]) -> str | None:
    if (problem := id_problem(item_id)) is not None:
        return problem
    if item_id in ids:
        return f"id '{item_id}' is already used by item {items[ids[item_id]].label}"
    return None
