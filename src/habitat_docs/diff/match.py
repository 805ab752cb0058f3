"""Pairing the units of two versions of one language: by id where both give the same one,
the rest by their sequence (difflib), a replaced run paired by the likeness of its texts;
what is left over was added or removed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from attrs import frozen

from habitat_docs.diff.units import Unit

__all__ = ["LIKENESS", "Change", "compare"]

#: How alike two texts of one kind must be (SequenceMatcher ratio) to count as one unit changed
#: rather than one removed and another added.
LIKENESS = 0.5

# How far past the last pair a unit of a replaced run looks for its like: the run's texts are
# compared in a window, not each with each (a document rewritten whole stays fast).
_LOOKAHEAD = 40


@frozen
class Change:
    """One difference in one language: ``change`` is added, removed, changed or renumbered;
    ``old``/``new`` the unit in each version (None for added/removed)."""

    lang: str
    change: str
    old: Unit | None
    new: Unit | None

    @property
    def id(self) -> str | None:
        return (self.new.id if self.new is not None else None) or (
            self.old.id if self.old is not None else None
        )

    @property
    def kind(self) -> str:
        unit = self.new or self.old
        assert unit is not None
        return unit.kind


def compare(lang: str, old: Sequence[Unit], new: Sequence[Unit], by_id: bool) -> list[Change]:
    """The changes from ``old`` to ``new`` (one language), in the order of the new version
    (a removed unit where it stood); ``by_id``: units with the same id are the same unit."""
    pairs = _by_id(old, new) if by_id else {}
    rest_old = [i for i in range(len(old)) if i not in pairs]
    paired_new = set(pairs.values())
    rest_new = [j for j in range(len(new)) if j not in paired_new]
    keys_old = [(old[i].kind, old[i].key) for i in rest_old]
    keys_new = [(new[j].kind, new[j].key) for j in rest_new]
    matcher = SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.update(zip(rest_old[i1:i2], rest_new[j1:j2], strict=True))
        elif tag == "replace":
            pairs.update(_alike(old, new, rest_old[i1:i2], rest_new[j1:j2]))
    return _changes(lang, old, new, pairs)


def _by_id(old: Sequence[Unit], new: Sequence[Unit]) -> dict[int, int]:
    """Old index → new index of the units whose id each version gives once."""
    counts_old = Counter(u.id for u in old if u.id)
    counts_new = Counter(u.id for u in new if u.id)
    where = {u.id: j for j, u in enumerate(new) if u.id and counts_new[u.id] == 1}
    return {
        i: where[u.id]
        for i, u in enumerate(old)
        if u.id and counts_old[u.id] == 1 and u.id in where and new[where[u.id]].kind == u.kind
    }


def _alike(
    old: Sequence[Unit], new: Sequence[Unit], olds: list[int], news: list[int]
) -> dict[int, int]:
    """Pairs within a replaced run, in order: each old unit with the first new one after the
    last paired (within the window) that is of its kind and alike enough; then, of each kind, the units left
    over, in order, where the run leaves as many on both sides (a heading reworded is
    changed however little of it stays)."""
    pairs: dict[int, int] = {}
    start = 0
    for i in olds:
        for k in range(start, min(len(news), start + _LOOKAHEAD)):
            candidate = new[news[k]]
            if candidate.kind == old[i].kind and _likeness(old[i], candidate):
                pairs[i] = news[k]
                start = k + 1
                break
    paired = set(pairs.values())
    for kind in {old[i].kind for i in olds}:
        left_old = [i for i in olds if i not in pairs and old[i].kind == kind]
        left_new = [j for j in news if j not in paired and new[j].kind == kind]
        if len(left_old) == len(left_new):
            pairs.update(zip(left_old, left_new, strict=True))
    return pairs


def _likeness(a: Unit, b: Unit) -> bool:
    matcher = SequenceMatcher(None, a.key, b.key, autojunk=False)
    return (
        matcher.real_quick_ratio() >= LIKENESS
        and matcher.quick_ratio() >= LIKENESS
        and (matcher.ratio() >= LIKENESS)
    )


def _changes(
    lang: str, old: Sequence[Unit], new: Sequence[Unit], pairs: dict[int, int]
) -> list[Change]:
    back = {j: i for i, j in pairs.items()}
    placed: list[tuple[tuple[int, int, int], Change]] = []
    for j, unit in enumerate(new):
        i = back.get(j)
        if i is None:
            placed.append(((j, 1, 0), Change(lang, "added", None, unit)))
        elif old[i].key != unit.key:
            placed.append(((j, 1, 0), Change(lang, "changed", old[i], unit)))
        elif old[i].label != unit.label:
            placed.append(((j, 1, 0), Change(lang, "renumbered", old[i], unit)))
    # a removed unit goes before the new unit that follows its old place
    following = len(new)
    for i in range(len(old) - 1, -1, -1):
        if i in pairs:
            following = pairs[i]
        else:
            placed.append(((following, 0, i), Change(lang, "removed", old[i], None)))
    placed.sort(key=lambda p: p[0])
    return [c for _, c in placed]
