"""Language versions side by side: the n-th section, paragraph and subparagraph of every
version become one, holding every language; a misalignment stops the import naming both
places."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from habitat_docs.importer.body import Block, Body, where
from habitat_docs.importer.lines import Version

__all__ = ["MisalignedError", "align"]

_WHAT = {"section": "section", "subsection": "subsection", "para": "paragraph",
         "sub": "subparagraph", "text": "unnumbered paragraph"}  # fmt: skip


class MisalignedError(Exception):
    """Two versions disagree on their numbering: the message names both places."""


def _skeleton(blocks: Sequence[Block]) -> Iterator[Block]:
    for b in blocks:
        yield b
        yield from _skeleton(b.subsections)
        yield from _skeleton(b.children)


def _show(b: Block | None) -> str:
    if b is None:
        return "nothing more"
    depth = f" at depth {b.depth}" if b.kind == "sub" else ""
    return f"{_WHAT.get(b.kind, b.kind)} {b.value or ''}{depth}".replace("  ", " ").strip()


def _check_pair(first: tuple[Version, Body], other: tuple[Version, Body]) -> None:
    (va, a), (vb, b) = first, other
    xs, ys = list(_skeleton(a.sections)), list(_skeleton(b.sections))
    for k in range(max(len(xs), len(ys))):
        x = xs[k] if k < len(xs) else None
        y = ys[k] if k < len(ys) else None
        if (
            x is not None
            and y is not None
            and (x.kind, x.value, x.depth, len(x.subsections))
            == (y.kind, y.value, y.depth, len(y.subsections))
        ):
            continue
        here = where(va, x.line) if x else f"{va.name}: end"
        there = where(vb, y.line) if y else f"{vb.name}: end"
        raise MisalignedError(
            f"{here}: {_show(x)}, but {there}: {_show(y)}: the versions do not align"
        )


def align(versions: Sequence[tuple[str, Version, Body]]) -> list[dict[str, object]]:
    """The sections of the data file, every text holding every version's language."""
    first = versions[0]
    for other in versions[1:]:
        _check_pair((first[1], first[2]), (other[1], other[2]))
    return [_section([v[2].sections[k] for v in versions], [v[0] for v in versions])
            for k in range(len(first[2].sections))]  # fmt: skip


def _text(blocks: Sequence[Block], langs: Sequence[str]) -> dict[str, str]:
    return {lang: b.text for lang, b in zip(langs, blocks, strict=True)}


def _section(blocks: Sequence[Block], langs: Sequence[str]) -> dict[str, object]:
    out: dict[str, object] = {"heading": _text(blocks, langs)}
    content = [
        _paragraph([b.children[k] for b in blocks], langs) for k in range(len(blocks[0].children))
    ]
    if content:
        out["content"] = content
    if blocks[0].subsections:
        out["subsections"] = [_section([b.subsections[k] for b in blocks], langs)
                              for k in range(len(blocks[0].subsections))]  # fmt: skip
    return out


def _paragraph(blocks: Sequence[Block], langs: Sequence[str]) -> dict[str, object]:
    out: dict[str, object] = {"text": _text(blocks, langs)}
    if blocks[0].children:
        out["subparagraphs"] = [_paragraph([b.children[k] for b in blocks], langs)
                                for k in range(len(blocks[0].children))]  # fmt: skip
    if blocks[0].kind == "text":
        out["numbered"] = False
    return out
