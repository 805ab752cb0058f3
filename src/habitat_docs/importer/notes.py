"""Footnotes back where their marks stood, and emphasis: the reader takes a mark out of the
text and, for a DOCX, says where it stood (``Line.mark_at``; without that, a note follows
its text) and which spans its runs set in italics (``Line.italic``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from habitat_docs.check.document import Line
from habitat_docs.importer.masthead import joined

__all__ = ["notes_of", "placed"]

# One character a note's place is kept by while the text is read: none a document prints.
_PLACE = 0xE100
_ROOM = 0x1000  # places within the private use area


def placed(line: Line, read: Callable[[str], str], notes: Sequence[str]) -> str:
    """The text ``read`` makes of ``line`` with each of ``notes`` (its footnotes as markup,
    one for each mark but the agenda's star) where its mark stood, or after the text when
    the reader does not say where, its italic spans as *emphasis*, and its no-break spaces
    as they were."""
    at = [k for k, mark in zip(line.mark_at, line.marks, strict=False) if mark != "*"]
    known = bool(notes) and len(at) == len(notes) and len(line.mark_at) == len(line.marks)
    tail = "" if known else "".join(notes)
    # (offset, rank, markup): at one offset an emphasis closes, then a note, then one opens,
    # then the no-break space the reader made plain (rank 3: it takes the character's place)
    marks = [(k, 1, note) for k, note in zip(at, notes, strict=False)] if known else []
    stars = [(k, rank, "*") for span in line.italic for k, rank in zip(span, (2, 0), strict=True)]
    spaces = [(k, 3, space) for k, space in line.no_break if line.text[k : k + 1] == " "]
    for inserts in (marks + stars + spaces, marks + spaces, marks, []):
        text = _read_with(line.text, read, inserts)
        if text is not None:
            return text + tail
    raise AssertionError("unreachable: a text with nothing inserted reads")


def _read_with(raw: str, read: Callable[[str], str], inserts: list[tuple[int, int, str]]) -> str | None:
    """``read(raw)`` with each insert's markup at its offset; None when reading leaves out
    the place of one (a mark in a label, say)."""
    if len(inserts) > _ROOM:
        return None
    order = sorted(enumerate(inserts), key=lambda p: (p[1][0], p[1][1]), reverse=True)
    for n, (k, rank, _) in order:  # from the end: the offsets before stay true
        raw = raw[:k] + chr(_PLACE + n) + raw[k + (rank == 3) :]
    text = read(raw)
    if any(chr(_PLACE + n) not in text for n in range(len(inserts))):
        return None
    for n, (_, _, markup) in enumerate(inserts):
        text = text.replace(chr(_PLACE + n), markup)
    return text


def notes_of(notes: Sequence[Line], line: Line, marks: Sequence[str]) -> list[str]:
    """The texts of the footnotes of ``marks`` on ``line``, those found. A DOCX footnote
    names the paragraph that cites it; a PDF one stands at the foot of the same page, its
    mark first, its next lines after it (told by where they stand: not ``sure``)."""
    if line.page is None:
        found = [n.text for n in notes if n.page is None and n.line == line.line]
        return found[-len(marks) :] if len(found) >= len(marks) else found
    page = [n for n in notes if n.page == line.page]
    out: list[str] = []
    for mark in marks:
        k = next((k for k, n in enumerate(page) if n.sure and n.text.startswith(f"{mark} ")), None)
        if k is None:
            continue
        rest = [n.text for n in page[k + 1 :]]
        ends = next((j for j, n in enumerate(page[k + 1 :]) if n.sure), len(rest))
        out.append(joined([page[k].text[len(mark) :].strip(), *rest[:ends]]))
    return out
