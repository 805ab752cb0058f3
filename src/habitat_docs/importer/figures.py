"""Figures read back: the title under the caption, a grid of text or an image, the notes, the
source and the line saying the figure was not formally edited. A DOCX gives them by paragraph
style (as importer/parts.py reads tables), its image as the picture's own bytes; a PDF or a
text file only by its lines: the title set bold under the caption, the placeholder printed where
the image will go, and the notes set small."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache

from attrs import define, field
from docx.table import Table
from docx.text.paragraph import Paragraph

from habitat_docs.check.document import Line, clean
from habitat_docs.compose.language import available, language
from habitat_docs.importer.masthead import joined
from habitat_docs.importer.parts import grid_rows, marked, style_of
from habitat_docs.importer.words import escaped, flat

__all__ = ["Captioned", "FigureLines", "FigurePart", "Picture", "figure_guesses",
           "merged_figure", "placed", "read_captioned"]  # fmt: skip

_PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


@define
class Picture:
    data: bytes
    ext: str  # ".png", as the DOCX stores it


@define
class FigurePart:
    """A figure of one version; ``lines`` the small lines under it (a PDF or text), read as
    notes, source and the not-edited line once the version's language is known."""

    title: str = ""
    notes: list[str] = field(factory=list)
    source: str = ""
    not_edited: bool = False
    placeholder: bool = False
    grid: list[list[str]] | None = None  # the column heads, then the rows
    picture: Picture | None = None
    lines: list[Line] = field(factory=list)


@define
class Captioned:
    """A caption of a DOCX and what follows it: ``grid`` the index of its grid among the
    document's grids (importer/parts.py reads each as a table)."""

    figure: FigurePart
    grid: int | None = None


@cache
def _phrases(name: str) -> frozenset[str]:
    """What every language prints for ``name`` (labels.j2), compared flat."""
    return frozenset(flat(language(code).phrase(name)) for code in available())


def _phrase(code: str, name: str) -> str:
    return clean(language(code).phrase(name)).strip()


class FigureLines:
    """The lines after a figure's caption that belong to the figure: its title, placeholder,
    grid and notes. ``take`` says whether a line is one of them."""

    def __init__(self, part: FigurePart, *, styled: bool) -> None:
        self.part = part
        self.styled = styled  # a DOCX: its paragraph styles say what is the figure's
        self.titling = not part.title

    def take(self, ln: Line, labelled: bool) -> bool:
        text = flat(ln.text)
        if labelled and ln.role != "table":  # the next caption, section or paragraph
            return False
        if self.styled:
            if ln.style in ("UNCaption", "UNNote", "UNTableText") or ln.role == "table":
                return True
            return self.placeholder(text) if ln.style == "UNUnnumbered" else False
        if (
            self.titling
            and ln.role == "body"
            and (ln.bold or (ln.bold is None and not self.part.title))
        ):
            self.part.title = _joined(self.part.title, escaped(ln.text))
            return True
        self.titling = False
        if self.placeholder(text):
            return True
        if ln.role == "small":
            self.part.lines.append(ln)
            return True
        return False

    def placeholder(self, text: str) -> bool:
        if self.part.placeholder or self.part.lines or text not in _phrases("figure_placeholder"):
            return False
        self.part.placeholder = True
        return True


def _joined(text: str, piece: str) -> str:
    return joined([text, piece]) if text else piece


def placed(part: FigurePart, code: str, warn: Callable[[Line, str], None]) -> None:
    """The notes of ``part`` sorted by what ``code``'s templates print: "Source: …" is the
    source, the not-edited line a flag, the rest notes (in a PDF a wrapped line runs on)."""
    source, not_edited = flat(_phrase(code, "source_label")), flat(_phrase(code, "not_edited"))
    texts = part.notes or [escaped(ln.text) for ln in part.lines]
    kinds = ["edited" if _printed(t) == not_edited else
             "source" if _printed(t).startswith(source) else "note" for t in texts]  # fmt: skip
    if part.lines and not part.placeholder and part.grid is None:
        # under a grid or an image a PDF's small lines may be cells as well as notes
        for ln, kind in zip(part.lines, kinds, strict=True):
            if kind == "note":
                warn(ln, "a figure's grid or notes (a PDF does not tell them apart)")
        texts, kinds = (
            [t for t, k in zip(texts, kinds, strict=True) if k != "note"],
            [k for k in kinds if k != "note"],
        )
    notes: list[str] = []
    last = ""
    for text, kind in zip(texts, kinds, strict=True):
        if kind == "edited":
            part.not_edited = True
        elif kind == "source":
            part.source = re.sub(r"^[^:：]*[:：]\s*", "", text, count=1)
        elif part.lines and last in ("source", "note"):  # a wrapped line of a PDF
            if last == "source":
                part.source = _joined(part.source, text)
            else:
                notes[-1] = _joined(notes[-1], text)
            continue
        else:
            notes.append(text)
        last = kind
    part.notes = notes


def _printed(text: str) -> str:
    """Data text compared as printed: its escapes taken out."""
    return flat(text.replace("\\", ""))


def _picture(p: Paragraph) -> Picture | None:
    for blip in p._p.iter(_PICTURE):
        image = p.part.related_parts.get(blip.get(_EMBED, ""))
        if image is not None:
            return Picture(image.blob, os.path.splitext(str(image.partname))[1] or ".png")
    return None


def read_captioned(content: Sequence[Paragraph | Table]) -> list[Captioned]:
    """Every caption of a DOCX's ``content``, in order, with the figure that follows it."""
    out: list[Captioned] = []
    current: Captioned | None = None
    grids = 0
    styles: dict[str | None, str] = {}  # style ids by the id a paragraph names
    for block in content:
        if isinstance(block, Table):
            rows = grid_rows(block)
            if rows is not None and current is not None and current.grid is None:
                current.grid, current.figure.grid = grids, rows
            grids += rows is not None
            continue
        current = _follow(block, current, out, style_of(block, styles))
    return out


def _follow(
    p: Paragraph, current: Captioned | None, out: list[Captioned], style: str
) -> Captioned | None:
    if style == "UNCaption":  # "Figure I", a line break, the title
        out.append(Captioned(FigurePart(title=marked(p).split("\n")[-1].strip())))
        return out[-1]
    if current is None:
        return None
    figure = current.figure
    if style == "UNNote":
        figure.notes.append(marked(p))
    elif (picture := _picture(p)) is not None:
        figure.picture = picture
    elif (
        style == "UNUnnumbered"
        and not figure.placeholder
        and not figure.notes
        and (flat(p.text) in _phrases("figure_placeholder"))
    ):
        figure.placeholder = True
    else:
        return None
    return current


def merged_figure(
    langs: Sequence[str], id_: str, figures: Sequence[FigurePart], images: dict[str, bytes] | None
) -> dict[str, object]:
    """One figure in every language; its image (the first version's) named after its id and
    kept in ``images`` to be written beside the data file."""

    def each(texts: Sequence[str]) -> dict[str, str]:
        return dict(zip(langs, texts, strict=True))

    lead = figures[0]
    figure: dict[str, object] = {"title": each([f.title for f in figures])}
    if lead.picture is not None and images is not None:
        name = f"{id_}{lead.picture.ext}"
        images[name] = lead.picture.data
        figure["image"] = name
    if lead.grid:
        grids = [f.grid or [] for f in figures]
        figure["columns"] = [each([g[0][k] for g in grids]) for k in range(len(lead.grid[0]))]
        figure["rows"] = [[each([g[r][k] for g in grids]) for k in range(len(lead.grid[r]))]
                          for r in range(1, len(lead.grid))]  # fmt: skip
    if lead.notes:
        figure["notes"] = [each([f.notes[k] for f in figures]) for k in range(len(lead.notes))]
    if lead.source:
        figure["source"] = each([f.source for f in figures])
    if lead.not_edited:
        figure["not_edited"] = True
    return {"id": id_, "figure": figure}


def figure_guesses(
    langs: Sequence[str], figures: Sequence[FigurePart]
) -> Iterator[tuple[str, str]]:
    """(field, comment) for what reading ``figures`` guessed: notes joined from a PDF's
    wrapped lines, one version's image standing for a different one."""
    if any(f.lines and f.notes for f in figures):
        yield "notes", "read from a PDF: its wrapped lines joined; two notes may have run into one"
    pictures = [(lang, f.picture) for lang, f in zip(langs, figures, strict=True) if f.picture]
    others = [lang for lang, p in pictures[1:] if p.data != pictures[0][1].data]
    if pictures and others:
        yield "image", (f"the {pictures[0][0]} version's image; the {', '.join(others)} "
                        "version's differs")  # fmt: skip
