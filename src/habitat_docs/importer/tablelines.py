"""A table of a PDF, read from its lines (a DOCX gives its cells: importer/parts.py): under its
caption the title set bold, then the grid set small, one line a row, its cells told apart by
where the columns start on the page (importer/placement.py), and below it the lettered notes
and the source, which the checker reads as footnotes. A table whose cells are not placed (a
page of right-to-left text) is reported (and every other version's: importer/attach.py)."""

from __future__ import annotations

import itertools
import re

from attrs import define, evolve, field

from habitat_docs.check.document import Line, clean
from habitat_docs.importer.lines import CJK, Version, closed_gaps
from habitat_docs.importer.parts import TablePart
from habitat_docs.importer.placement import Placed, Placement, Run, rejoined
from habitat_docs.importer.words import ESCAPE, escaped

__all__ = ["TableLines", "Unread", "table_of"]

_MARK = re.compile(r"[a-z]")
# A lettered note: its letter, then a space (none before a CJK character: the gap is closed).
_NOTE = re.compile(rf"([a-z])(?:\s+|(?={CJK}))(.*)")
# A source line opens with its lead ("Source:", "资料来源："): the text follows the first colon.
_LEAD = re.compile(r"^[^:：]{1,40}[:：]\s*")
_SUPER = 0.8  # a note's mark is set at most this fraction of its row's size
_SIZE = 0.02  # sizes relative to the body's closer than this are one size
# A cell's lines stand at most this many times their size apart (Typst sets them 1.3 apart,
# LibreOffice about 1.2); a row's next stands further, below its padding.
_PITCH = 1.4
_SLACK = 1.5  # points: a run starting this close to a column's start starts its cell
UNPLACED = ("a table (where its cells stand is not read from this page: its text runs right "
            "to left, or its runs do not make its text)")  # fmt: skip


@define
class TableLines:
    """The lines of one table of a PDF: ``take`` says whether a line is one of them."""

    caption: Line
    title: list[Line] = field(factory=list)
    grid: list[Line] = field(factory=list)
    under: list[Line] = field(factory=list)  # notes or a source the checker left in the body

    def take(self, ln: Line, labelled: bool) -> bool:
        if labelled:
            return False
        if not self.grid and ln.role == "body" and ln.bold:
            self.title.append(ln)
        elif ln.role == "small" and (self.under or not _alike(ln, self.grid)):
            self.under.append(ln)  # set smaller than the grid: below it
        elif ln.role == "small":
            self.grid.append(ln)
        else:
            return False
        return True

    def lines(self) -> list[Line]:
        return [self.caption, *self.title, *self.grid, *self.under]


def _alike(ln: Line, grid: list[Line]) -> bool:
    """Whether ``ln`` is set as the grid's lines are (its first line, its head)."""
    if not grid or ln.size is None or grid[0].size is None:
        return True
    return abs(ln.size - grid[0].size) < _SIZE


@define
class Unread:
    """A table that could not be read: why, and its lines."""

    why: str
    lines: list[Line]


def table_of(
    lines: TableLines, version: Version, placement: Placement | None
) -> tuple[TablePart | Unread, str]:
    """The table ``lines`` of ``version`` hold, its notes and source (the footnote lines
    after it), and what was guessed reading it."""
    if not lines.grid:
        return Unread("a table (no grid set small under its caption)", lines.lines()), ""
    placed = [placement.line(ln) for ln in lines.grid] if placement is not None else []
    if not placed or any(p is None or not p.runs for p in placed):
        return Unread(UNPLACED, lines.lines()), ""
    visual = _visual([(ln.page or 0, p) for ln, p in zip(lines.grid, placed, strict=True) if p])
    columns = _columns([p for _, p in visual])
    if len(columns) < 2:
        return Unread("a table (its columns are not told apart on the page)", lines.lines()), ""
    rows, wrapped = _rows(visual, columns)
    title = rejoined([escaped(ln.text) for ln in lines.title])
    table = TablePart(title, rows[0], rows[1:])
    read = _notes(table, lines.grid[-1], version, lines.under)
    lines.under = [ln for ln in lines.under if (ln.page, ln.line) not in read]  # not read
    guess = ""
    if wrapped:
        said = ", ".join(str(k) if k else "the head" for k in dict.fromkeys(wrapped))
        guess = (f"read from a PDF: lines set closer than rows are, or leaving a column empty, "
                 f"taken as the row above going on (rows: {said}): check them")  # fmt: skip
    return table, guess


def _rows(
    visual: list[tuple[int, Placed]], columns: list[float]
) -> tuple[list[list[str]], list[int]]:
    """The head and rows of the grid, and the rows read from more than one line. The head a
    page repeats where the grid goes on is left out."""
    rows: list[list[str]] = []
    wrapped: list[int] = []
    head: list[list[str]] = []  # the head's lines, as a page repeats them
    skip, page = 0, visual[0][0]
    for (at, p), goes_on in zip(visual, _wraps(visual), strict=True):
        plain = _cells(p, columns, styled=False)
        if at != page and head and plain == head[0]:
            skip = len(head)
        page = at
        if skip:
            skip -= 1
            continue
        cells = _cells(p, columns, styled=bool(rows))
        if rows and (goes_on or not all(cells)):
            if len(rows) == 1:  # the head goes on: its style, not its words, is italic
                cells = plain
                head.append(plain)
            rows[-1] = [
                rejoined([t for t in pair if t]) for pair in zip(rows[-1], cells, strict=True)
            ]
            wrapped.append(len(rows) - 1)
        else:
            head += [] if rows else [plain]
            rows.append(cells)
    return rows, wrapped


def _visual(placed: list[tuple[int, Placed]]) -> list[tuple[int, Placed]]:
    """The grid's lines as the page sets them, top down, with their pages: pypdf may give a
    cell set beside a wrapped one as a line of its own, at the same height."""
    out: list[tuple[int, Placed]] = []
    for page, p in placed:
        same = next((k for k, (n, q) in enumerate(out) if n == page and abs(q.y - p.y) < 1), None)
        if same is None:
            out.append((page, p))
        else:
            # a line of its own starts a cell: as after a space
            first = evolve(p.runs[0], text=" " + p.runs[0].text) if p.runs else None
            runs = sorted(
                (*out[same][1].runs, *([first] if first else []), *p.runs[1:]), key=lambda r: r.x
            )
            out[same] = (page, Placed(tuple(runs), p.y))
    return sorted(out, key=lambda q: (q[0], -q[1].y))


def _wraps(visual: list[tuple[int, Placed]]) -> list[bool]:
    """For each line, whether it goes on with the row above: set at the closest spacing of the
    grid's lines, when that is a line's pitch (not a row's, with its padding) and some lines
    stand wider apart (the rows, the head under its rule)."""
    gaps = [a[1].y - b[1].y if a[0] == b[0] else None for a, b in itertools.pairwise(visual)]
    known = [g for g in gaps if g is not None]
    size = max((r.size for _, p in visual for r in p.runs if r.text.strip()), default=0.0)
    if not known or max(known) - min(known) <= _SLACK / 3 or min(known) > size * _PITCH:
        return [False] * len(visual)
    return [False, *(g is not None and g <= min(known) + _SLACK / 3 for g in gaps)]


def _columns(placed: list[Placed]) -> list[float]:
    """Where the columns start: where a run of the head row starts after a space that most
    rows' runs also start at (a run may also start inside a cell: "UN-Habitat" is set apart,
    and a PDF writer may place East Asian characters in runs of a few)."""
    starts = [_starts(p) for p in placed]
    head, others = starts[0], starts[1:]
    return [x for x in head
            if not others or 2 * sum(any(abs(x - y) <= _SLACK for y in row) for row in others)
            > len(others)]  # fmt: skip


def _starts(p: Placed) -> list[float]:
    """Where the runs of a line start that may start a cell: its first, and those after a
    space (a space of their own, or one the previous run ends with)."""
    largest = max((r.size for r in p.runs if r.text.strip()), default=0.0)
    out: set[float] = set()
    before = " "
    for r in p.runs:
        if (
            r.text.strip()
            and not _is_mark(r, largest)
            and (before[-1:].isspace() or r.text[:1].isspace())
        ):
            out.add(r.x)
        before = before + r.text if not r.text.strip() else r.text
    return sorted(out)


def _is_mark(run: Run, largest: float) -> bool:
    return run.size <= largest * _SUPER and _MARK.fullmatch(run.text.strip()) is not None


def _cells(p: Placed, columns: list[float], *, styled: bool) -> list[str]:
    """The cells of one line of the grid, as data: italic runs between stars (not in the head
    row, which the style italicises), a small letter after a cell's text as {tnote:…}."""
    largest = max((r.size for r in p.runs if r.text.strip()), default=0.0)
    pieces: list[list[tuple[bool, str]]] = [[] for _ in columns]
    for run in p.runs:
        k = max((n for n, x in enumerate(columns) if x <= run.x + _SLACK), default=0)
        if _is_mark(run, largest):
            pieces[k].append((False, f"{{tnote:{run.text.strip()}}}"))
            continue
        italic = styled and run.italic and bool(run.text.strip())
        text = run.text.translate(ESCAPE)
        if pieces[k] and pieces[k][-1][0] == italic and not pieces[k][-1][1].startswith("{"):
            pieces[k][-1] = (italic, pieces[k][-1][1] + text)
        else:
            pieces[k].append((italic, text))
    return [_cell(cell) for cell in pieces]


def _cell(pieces: list[tuple[bool, str]]) -> str:
    out = ""
    for italic, text in pieces:
        core = re.sub(r"\s+", " ", text).strip()
        if italic and core:
            out += (" " if text[:1].isspace() and out else "") + f"*{core}*"
        else:
            out += re.sub(r"\s+", " ", text)
    return closed_gaps(re.sub(r"\s+", " ", out).strip())


def _notes(
    table: TablePart, last: Line, version: Version, under: list[Line]
) -> set[tuple[int | None, int]]:
    """The lettered notes and the source: the footnote lines (or the small lines ``under``
    the grid) that follow the grid's last line (on the next page, past its running head,
    when the page breaks there), up to a line of the body or a footnote of the page's own (a
    number or a star). The places of the lines read."""
    notes = {(n.page, n.line): n for n in (*version.notes, *under)}
    lines = version.document.lines
    start = next(k for k, ln in enumerate(lines) if (ln.page, ln.line) == (last.page, last.line))
    read: set[tuple[int | None, int]] = set()
    for ln in lines[start + 1 :]:
        if ln.role in ("head", "foot") or not ln.text.strip():
            continue
        note = notes.get((ln.page, ln.line))
        text = clean(note.text).strip() if note is not None else ""
        if not text or text[0].isdigit() or text[0] == "*":
            return read
        read.add((ln.page, ln.line))
        escaped = text.translate(ESCAPE)
        if m := _NOTE.fullmatch(escaped):
            table.notes.append((m.group(1), m.group(2)))
        elif not table.source and _LEAD.match(escaped):
            table.source = _LEAD.sub("", escaped, count=1)
        elif table.source:
            table.source = rejoined([table.source, escaped])
        elif table.notes:
            letter, said = table.notes[-1]
            table.notes[-1] = (letter, rejoined([said, escaped]))
        else:
            read.discard((ln.page, ln.line))
            return read
    return read
