"""A diff's result: the changes language by language, as lines for a reader or as JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from attrs import frozen

from habitat_docs.diff.match import Change
from habitat_docs.diff.units import Unit

__all__ = ["Difference", "shorten", "shorten_pair"]

_WIDTH = 70  # characters of a text a line shows
_CONTEXT = 15  # characters of unchanged text shown around a change


@frozen
class Difference:
    """``compared`` the languages of both versions; ``added``/``removed`` languages only the
    new/old version has (between data files); ``not_compared`` those left out where a side is
    a built document (which holds one language) or languages were chosen; ``changes`` in
    language order."""

    old: str
    new: str
    compared: tuple[str, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]
    not_compared: tuple[str, ...]
    changes: tuple[Change, ...]

    @property
    def equal(self) -> bool:
        return not (self.changes or self.added or self.removed)

    def lines(self) -> Iterator[str]:
        """The report for a reader: one line per language added or removed, one per change,
        and a summary."""
        for lang in self.added:
            yield f"{lang}: language added"
        for lang in self.removed:
            yield f"{lang}: language removed"
        for change in self.changes:
            yield _line(change)
        counts = {kind: sum(c.change == kind for c in self.changes)
                  for kind in ("added", "removed", "changed", "renumbered")}  # fmt: skip
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "no changes"
        langs = ", ".join(self.compared) or "none"
        skipped = f"; not compared: {', '.join(self.not_compared)}" if self.not_compared else ""
        yield f"{self.old} → {self.new}: {summary} (languages {langs}{skipped})"

    def as_json(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "equal": self.equal,
            "languages": {
                "compared": list(self.compared),
                "added": list(self.added),
                "removed": list(self.removed),
                "not_compared": list(self.not_compared),
            },
            "changes": [_json(c) for c in self.changes],
        }


def _json(change: Change) -> dict[str, Any]:
    return {
        "language": change.lang,
        "change": change.change,
        "kind": change.kind,
        "id": change.id,
        "old": _unit_json(change.old),
        "new": _unit_json(change.new),
    }


def _unit_json(unit: Unit | None) -> dict[str, Any] | None:
    return None if unit is None else {"label": unit.label, "id": unit.id, "text": unit.text}


def _line(change: Change) -> str:
    old, new = change.old, change.new
    ident = f"  {change.id}" if change.id else ""
    if new is None:
        assert old is not None
        return f"{change.lang} {_name(old)} removed: “{shorten(old.text)}”{ident}"
    if old is None:
        return f"{change.lang} {_name(new)} added: “{shorten(new.text)}”{ident}"
    where = _name(new) if old.label == new.label else f"{_name(old)} → {_name(new)}"
    if change.change == "renumbered":
        return f"{change.lang} {where} (renumbered){ident}"
    before, after = shorten_pair(old.text, new.text)
    return f"{change.lang} {where} changed: “{before}” → “{after}”{ident}"


def _name(unit: Unit) -> str:
    if unit.label:
        return unit.label
    return f"unnumbered {unit.kind}" if unit.kind == "paragraph" else unit.kind


def shorten(text: str, width: int = _WIDTH) -> str:
    """``text`` cut in its middle to about ``width`` characters.

    >>> shorten("abcdefghij", 7)
    'abc…hij'
    """
    if len(text) <= width:
        return text
    head = (width - 1) // 2
    return f"{text[:head]}…{text[len(text) - (width - 1 - head) :]}"


def shorten_pair(old: str, new: str) -> tuple[str, str]:
    """Two texts shown by what differs: the common start and end cut to a little context.

    >>> shorten_pair("The Board took note of the report of 2023 with thanks and all the rest",
    ...              "The Board took note of the report of 2024 with thanks and all the rest")
    ('…e report of 2023 with thanks an…', '…e report of 2024 with thanks an…')
    """
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    lead = max(0, start - _CONTEXT)
    tail = max(0, end - _CONTEXT)

    def cut(text: str) -> str:
        middle = shorten(text[lead : len(text) - tail])
        return f"{'…' if lead else ''}{middle}{'…' if tail else ''}"

    return cut(old), cut(new)
