"""Versions that do not align, imported as far as they do (``--partial``): at each level (the
sections, a section's paragraphs and subsections, a paragraph's subparagraphs) the blocks of
every version are matched in order by what they are (a paragraph, an unnumbered paragraph,
a subparagraph of a depth, a table of a shape), as a diff matches lines; the blocks every
version has become one, as ``align`` makes them; each block left over, in every version, is
written in a comment on what holds it (the section, the paragraph, or ``sections``), naming
its file and place, and reported."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from habitat_docs.importer.align import Merger, shape, show, skeleton
from habitat_docs.importer.body import Block, Body, where
from habitat_docs.importer.lines import Version

__all__ = ["Unaligned", "align_partial"]

Comments = dict[tuple[str | int, ...], str]
Path = tuple[str | int, ...]


class Unaligned(str):
    """The report of a block no other version has a partner for: kept in a comment."""

    __slots__ = ()


def _signature(b: Block) -> tuple[object, ...]:
    return (b.kind, b.depth, shape(b.data))


def _pairs(a: Sequence[object], b: Sequence[object]) -> dict[int, int]:
    """A longest common subsequence of ``a`` and ``b`` as index pairs, matching as early as
    it can: a block only one version has is skipped, not the first of a run of alike ones."""
    longest = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]  # of a[i:] and b[j:]
    for i in reversed(range(len(a))):
        for j in reversed(range(len(b))):
            longest[i][j] = (longest[i + 1][j + 1] + 1 if a[i] == b[j]
                             else max(longest[i + 1][j], longest[i][j + 1]))  # fmt: skip
    found: dict[int, int] = {}
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j] and longest[i][j] == longest[i + 1][j + 1] + 1:
            found[i] = j
            i, j = i + 1, j + 1
        elif longest[i + 1][j] >= longest[i][j + 1]:
            i += 1
        else:
            j += 1
    return found


def _matched(lists: Sequence[Sequence[Block]]) -> list[tuple[int, ...]]:
    """The index in every version of each block of the first that every version matches."""
    lead = [_signature(b) for b in lists[0]]
    maps = [_pairs(lead, [_signature(b) for b in other]) for other in lists[1:]]
    return [(k, *(m[k] for m in maps)) for k in range(len(lead)) if all(k in m for m in maps)]


class _Partial:
    def __init__(
        self, langs: Sequence[str], versions: Sequence[Version], comments: Comments,
        warnings: list[str],
    ) -> None:  # fmt: skip
        self.merger = Merger(langs)
        self.versions = list(versions)
        self.comments = comments
        self.warnings = warnings

    def pair(
        self,
        lists: Sequence[Sequence[Block]],
        holder: Path,
        make: Callable[[Sequence[Block], Path], dict[str, object]],
        field: str,
    ) -> list[dict[str, object]]:
        """The blocks of ``lists`` (one list per version) every version has, made one; the
        others written in a comment on ``holder``."""
        matched = _matched(lists)
        out = [make([lst[k] for lst, k in zip(lists, ks, strict=True)], (*holder, field, n))
               for n, ks in enumerate(matched)]  # fmt: skip
        for v, (version, blocks) in enumerate(zip(self.versions, lists, strict=True)):
            taken = {ks[v] for ks in matched}
            for k, block in enumerate(blocks):
                if k not in taken:  # whole sections: on the document's field that lists them
                    self.leave(version, block, holder or (field,))
        return out

    def leave(self, version: Version, block: Block, holder: Path) -> None:
        for b in skeleton([block]):
            text = f" “{b.text}”" if b.text else ""
            note = f"left out here, not aligned: {where(version, b.line)}: {show(b)}{text}"
            self.comments[holder] = f"{self.comments[holder]}\n{note}" if holder in self.comments else note
            self.warnings.append(Unaligned(f"{where(version, b.line)}: {show(b)}: not aligned with "
                                           "the other versions (kept in a comment)"))  # fmt: skip

    def section(self, blocks: Sequence[Block], path: Path) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.merger.ids.make([b.text for b in blocks], blocks[0].kind),
            "heading": self.merger.text(blocks),
        }
        content = self.pair([b.children for b in blocks], path, self.paragraph, "content")
        if content:
            out["content"] = content
        subsections = self.pair([b.subsections for b in blocks], path, self.section, "subsections")
        if subsections:
            out["subsections"] = subsections
        return out

    def paragraph(self, blocks: Sequence[Block], path: Path) -> dict[str, object]:
        if blocks[0].data is not None:
            return self.merger.paragraph(blocks)
        out: dict[str, object] = {"text": self.merger.text(blocks)}
        subs = self.pair([b.children for b in blocks], path, self.paragraph, "subparagraphs")
        if subs:
            out["subparagraphs"] = subs
        if blocks[0].kind == "text":
            out["numbered"] = False
        return out


def align_partial(
    versions: Sequence[tuple[str, Version, Body]], comments: Comments, warnings: list[str]
) -> list[dict[str, object]]:
    """The sections every version has, made one; what is left of each version in comments
    (on the field ``sections`` of the document for whole sections) and in ``warnings``."""
    partial = _Partial([v[0] for v in versions], [v[1] for v in versions], comments, warnings)
    return partial.pair([v[2].sections for v in versions], (), partial.section, "sections")
