"""Language versions side by side: the n-th section, paragraph and subparagraph of every
version become one, holding every language; a misalignment stops the import naming both
places."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from habitat_docs.importer.body import Block, Body, where
from habitat_docs.importer.figures import FigurePart, figure_guesses, merged_figure
from habitat_docs.importer.ids import Ids
from habitat_docs.importer.lines import Version
from habitat_docs.importer.parts import Decision, TablePart

__all__ = ["Merger", "MisalignedError", "align", "align_body", "fields", "shape", "show", "skeleton",
           "together"]  # fmt: skip

FieldPath = tuple[str | int, ...]

_WHAT = {"section": "section", "subsection": "subsection", "para": "paragraph",
         "sub": "subparagraph", "text": "unnumbered paragraph", "table": "table",
         "decision": "draft decision", "figure": "figure", "annex": "annex",
         "targets": "target box", "item": "target"}  # fmt: skip


class MisalignedError(Exception):
    """Two versions disagree on their numbering: the message names both places."""


def skeleton(blocks: Sequence[Block]) -> Iterator[Block]:
    for b in blocks:
        yield b
        yield from skeleton(b.subsections)
        yield from skeleton(b.children)


def shape(data: object) -> tuple[int, ...]:
    """What must agree between versions of a table (its grid and notes) or a draft decision
    (its preamble and operative paragraphs)."""
    if isinstance(data, TablePart):
        return (len(data.columns), *map(len, data.rows), len(data.notes), bool(data.source))
    if isinstance(data, Decision):
        return (len(data.preamble), len(data.operative))
    if isinstance(data, FigurePart):
        grid = data.grid or []
        return (*map(len, grid), len(data.notes), bool(data.source), data.not_edited)
    return ()


def show(b: Block | None) -> str:
    if b is None:
        return "nothing more"
    if b.data is not None:
        return f"{_WHAT[b.kind]} {b.value or ''} of shape {shape(b.data)}".strip()
    depth = f" at depth {b.depth}" if b.kind == "sub" else ""
    return f"{_WHAT.get(b.kind, b.kind)} {b.value or ''}{depth}".replace("  ", " ").strip()


def _check_pair(first: tuple[Version, Body], other: tuple[Version, Body]) -> None:
    (va, a), (vb, b) = first, other
    xs = [*skeleton(a.sections), *skeleton(a.annexes)]
    ys = [*skeleton(b.sections), *skeleton(b.annexes)]
    for k in range(max(len(xs), len(ys))):
        x = xs[k] if k < len(xs) else None
        y = ys[k] if k < len(ys) else None
        if (
            x is not None
            and y is not None
            and (x.kind, x.value, x.depth, len(x.subsections), shape(x.data))
            == (y.kind, y.value, y.depth, len(y.subsections), shape(y.data))
        ):
            continue
        here = where(va, x.line) if x else f"{va.name}: end"
        there = where(vb, y.line) if y else f"{vb.name}: end"
        raise MisalignedError(
            f"{here}: {show(x)}, but {there}: {show(y)}: the versions do not align"
        )


def align(versions: Sequence[tuple[str, Version, Body]]) -> list[dict[str, object]]:
    """The sections of the data file, every text holding every version's language."""
    return align_body(versions)[0]


def align_body(
    versions: Sequence[tuple[str, Version, Body]], images: dict[str, bytes] | None = None
) -> tuple[list[dict[str, object]], list[dict[str, object]], dict[FieldPath, str]]:
    """The sections and the annexes of the data file, and the guesses made reading them by
    field path; the figures' images into ``images``, by the file name the data gives them
    (none when it is None)."""
    first = versions[0]
    for other in versions[1:]:
        _check_pair((first[1], first[2]), (other[1], other[2]))
    merger = Merger([v[0] for v in versions], images)
    sections = [merger.section([v[2].sections[k] for v in versions])
                for k in range(len(first[2].sections))]  # fmt: skip
    annexes = [merger.annex([v[2].annexes[k] for v in versions])
               for k in range(len(first[2].annexes))]  # fmt: skip
    guesses = {id(held): (key, text) for held, key, text in merger.guesses}
    comments = {(*path, guesses[id(held)][0]): guesses[id(held)][1]
                for path, held in fields({"sections": sections, "annexes": annexes})
                if id(held) in guesses}  # fmt: skip
    return sections, annexes, comments


def fields(tree: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, object]]:
    """Every mapping and list of ``tree`` with its field path."""
    yield path, tree
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from fields(value, (*path, key))
    elif isinstance(tree, list):
        for n, value in enumerate(tree):
            yield from fields(value, (*path, n))


def together(langs: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
    """One text in every language, from each version's."""
    return dict(zip(langs, texts, strict=True))


class Merger:
    """The blocks of every version made one, with ids that read (importer/ids.py)."""

    def __init__(self, langs: Sequence[str], images: dict[str, bytes] | None = None) -> None:
        self.langs = list(langs)
        self.ids = Ids()
        self.images = images
        # a field read by a guess: the mapping that holds it, its key, what was guessed
        self.guesses: list[tuple[dict[str, object], str, str]] = []

    def text(self, blocks: Sequence[Block]) -> dict[str, str]:
        return together(self.langs, [b.text for b in blocks])

    def section(self, blocks: Sequence[Block]) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.ids.make([b.text for b in blocks], blocks[0].kind),
            "heading": self.text(blocks),
        }
        content = [self.paragraph([b.children[k] for b in blocks])
                   for k in range(len(blocks[0].children))]  # fmt: skip
        if content:
            out["content"] = content
        if blocks[0].subsections:
            out["subsections"] = [self.section([b.subsections[k] for b in blocks])
                                  for k in range(len(blocks[0].subsections))]  # fmt: skip
        return out

    def annex(self, blocks: Sequence[Block]) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.ids.make([b.text for b in blocks], "annex"),
            "title": self.text(blocks),
        }
        if isinstance(blocks[0].data, str):  # the language it was written in
            out["original"] = blocks[0].data
        content = [self.paragraph([b.children[k] for b in blocks])
                   for k in range(len(blocks[0].children))]  # fmt: skip
        if content:
            out["content"] = content
        if blocks[0].subsections:
            out["sections"] = [self.section([b.subsections[k] for b in blocks])
                               for k in range(len(blocks[0].subsections))]  # fmt: skip
        return out

    def paragraph(self, blocks: Sequence[Block]) -> dict[str, object]:
        if isinstance(blocks[0].data, FigurePart):
            figures: list[FigurePart] = [b.data for b in blocks]  # type: ignore[misc]
            id_ = self.ids.make([f.title for f in figures], "figure")
            out = merged_figure(self.langs, id_, figures, self.images)
            held: dict[str, object] = out["figure"]  # type: ignore[assignment]
            for key, guess in figure_guesses(self.langs, figures):
                if key in held:
                    self.guesses.append((held, key, guess))
            return out
        if blocks[0].kind == "targets":
            items = [
                self.text([b.children[k] for b in blocks]) for k in range(len(blocks[0].children))
            ]
            return {"targets": items}
        if isinstance(blocks[0].data, TablePart):
            return self.guessed(self.table([b.data for b in blocks]), "table", blocks)  # type: ignore[misc]
        if isinstance(blocks[0].data, Decision):
            return self.guessed(self.decision([b.data for b in blocks]), "decision", blocks)  # type: ignore[misc]
        return self.plain(blocks)

    def guessed(
        self, out: dict[str, object], key: str, blocks: Sequence[Block]
    ) -> dict[str, object]:
        """``out`` with how its versions were read, when that is a guess, on its title."""
        if guess := "; ".join(dict.fromkeys(b.guess for b in blocks if b.guess)):
            self.guesses.append((out[key], "title", guess))  # type: ignore[arg-type]
        return out

    def plain(self, blocks: Sequence[Block]) -> dict[str, object]:
        out: dict[str, object] = {"text": self.text(blocks)}
        if blocks[0].children:
            out["subparagraphs"] = [self.plain([b.children[k] for b in blocks])
                                    for k in range(len(blocks[0].children))]  # fmt: skip
        if blocks[0].kind == "text":
            out["numbered"] = False
        if guess := next((b.guess for b in blocks if b.guess), ""):
            self.guesses.append((out, "text", guess))
        return out

    def many(self, texts: Sequence[Sequence[str]]) -> list[dict[str, str]]:
        """The k-th text of every version, for each k."""
        return [together(self.langs, [t[k] for t in texts]) for k in range(len(texts[0]))]

    def table(self, tables: Sequence[TablePart]) -> dict[str, object]:
        lead = tables[0]
        # each version letters its notes in its own alphabet: the k-th note is one note
        ids = [self.ids.make([t.notes[k][1] for t in tables], "note")
               for k in range(len(lead.notes))]  # fmt: skip
        tables = [_renamed(t, {n[0]: i for n, i in zip(t.notes, ids, strict=True)})
                  for t in tables]  # fmt: skip
        table: dict[str, object] = {
            "title": together(self.langs, [t.title for t in tables]),
            "columns": self.many([t.columns for t in tables]),
            "rows": [self.many([t.rows[k] for t in tables]) for k in range(len(lead.rows))],
        }
        if lead.notes:
            table["table_notes"] = [
                {"id": id_, "text": together(self.langs, [t.notes[k][1] for t in tables])}
                for k, id_ in enumerate(ids)
            ]
        if lead.source:
            table["source"] = together(self.langs, [t.source for t in tables])
        return {"id": self.ids.make([t.title for t in tables], "table"), "table": table}

    def decision(self, decisions: Sequence[Decision]) -> dict[str, object]:
        lead = decisions[0]
        decision: dict[str, object] = {"title": together(self.langs, [d.title for d in decisions])}
        if lead.preamble:
            decision["preamble"] = self.many([d.preamble for d in decisions])
        decision["operative"] = self.many([d.operative for d in decisions])
        return {"id": self.ids.make([d.title for d in decisions], "decision"), "decision": decision}


def _renamed(table: TablePart, ids: dict[str, str]) -> TablePart:
    """``table`` with its note marks ({tnote:a}) naming the notes' ids."""

    def name(text: str) -> str:
        for letter, id_ in ids.items():
            text = text.replace(f"{{tnote:{letter}}}", f"{{tnote:{id_}}}")
        return text

    return TablePart(name(table.title), [name(c) for c in table.columns],
                     [[name(c) for c in row] for row in table.rows],
                     [(letter, name(t)) for letter, t in table.notes], name(table.source))  # fmt: skip
