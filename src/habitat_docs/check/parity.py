"""Parity of two language versions: the same sections, paragraphs, subparagraphs per
paragraph, footnotes, figures and tables, and the same UN symbols cited."""

from __future__ import annotations

from collections.abc import Sequence

from habitat_docs.check.document import Line
from habitat_docs.check.findings import Finding
from habitat_docs.check.labels import fmt
from habitat_docs.check.resolve import Item, Structure
from habitat_docs.check.sequence import NAMES
from habitat_docs.check.symbols import find_in_lines

__all__ = ["compare"]


def compare(a: Structure, b: Structure) -> list[Finding]:
    out: list[Finding] = []
    out += _lists(a, b, "annex", _of(a, "annex"), _of(b, "annex"))
    parts = max(_parts(a), _parts(b))
    for p in range(parts + 1):
        sa, sb = _of(a, "section", p), _of(b, "section", p)
        out += _lists(a, b, "section", sa, sb)
        for x, y in zip(sa, sb):
            out += _lists(
                a, b, "subsection", _owned(a, x, "subsection"), _owned(b, y, "subsection")
            )
        out += _lists(a, b, "decision", _of(a, "decision", p), _of(b, "decision", p))
        for kind in ("para", "operative"):
            out += _paragraphs(a, b, kind, p)
    out += _notes(a, b)
    out += _lists(a, b, "figure", _of(a, "figure"), _of(b, "figure"))
    out += _lists(a, b, "table", _of(a, "table"), _of(b, "table"))
    out += _symbols(a, b)
    return out


def _paragraphs(a: Structure, b: Structure, kind: str, part: int) -> list[Finding]:
    """The paragraphs (or a draft decision's operative paragraphs) of one part, and the
    subparagraphs of each."""
    pa, pb = _of(a, kind, part), _of(b, kind, part)
    out = _lists(a, b, kind, pa, pb)
    others = {(it.stream, it.value): it for it in pb}
    for x in pa:
        if (x.stream, x.value) in others:
            out += _subparagraphs(a, b, x, others[(x.stream, x.value)])
    return out


def _parts(st: Structure) -> int:
    return max((it.part for it in st.items), default=0)


def _of(st: Structure, kind: str, part: int | None = None) -> list[Item]:
    return [it for it in st.items if it.kind == kind and (part is None or it.part == part)]


def _owned(st: Structure, owner: Item, kind: str) -> list[Item]:
    k = st.items.index(owner)
    return [it for it in st.items if it.kind == kind and it.owner == k]


def _name(st: Structure) -> str:
    """The file as the caller named it: two versions may share a file name in two folders."""
    return st.document.name


def _where(it: Item) -> str:
    page = f"page {it.line.page}, " if it.line.page is not None else ""
    return f"{page}line {it.line.line}"


def _lists(
    a: Structure, b: Structure, kind: str, xs: Sequence[Item], ys: Sequence[Item]
) -> list[Finding]:
    """Two lists of labels of one kind: report the first place they part."""
    what = NAMES.get(kind, kind)
    for i in range(max(len(xs), len(ys))):
        x = xs[i] if i < len(xs) else None
        y = ys[i] if i < len(ys) else None
        if x is not None and y is not None and x.value == y.value:
            continue
        if x is not None and y is not None:
            msg = (
                f"{what} {x.label} here is {what} {y.label} in {_name(b)} ({_where(y)}); "
                f"{_count(len(xs), what)} here, {len(ys)} there"
            )
            return [
                Finding(a.document.name, x.line.page, x.line.line, y.label, x.label, msg, "parity")
            ]
        if x is not None:
            extra, st, other, n_here, n_there = x, a, b, len(xs), len(ys)
        else:
            assert y is not None
            extra, st, other, n_here, n_there = y, b, a, len(ys), len(xs)
        msg = (
            f"{what} {extra.label} has no counterpart in {_name(other)}: "
            f"{_count(n_here, what)} here, {n_there} there"
        )
        return [
            Finding(
                st.document.name, extra.line.page, extra.line.line, "", extra.label, msg, "parity"
            )
        ]
    return []


def _subparagraphs(a: Structure, b: Structure, x: Item, y: Item) -> list[Finding]:
    sx, sy = _shape(a, x), _shape(b, y)
    if [(it.depth, it.value) for it in sx] == [(it.depth, it.value) for it in sy]:
        return []
    msg = f"paragraph {x.label} has {_show(sx)} here but {_show(sy)} in {_name(b)} ({_where(y)})"
    return [Finding(a.document.name, x.line.page, x.line.line, _show(sy), _show(sx), msg, "parity")]


def _shape(st: Structure, para: Item) -> list[Item]:
    k = st.items.index(para)
    return [it for it in st.items if it.kind == "sub" and it.owner == k]


def _show(items: list[Item]) -> str:
    """ "subparagraphs (a)–(c) [(i), (ii)], (d)", or "no subparagraphs", in the labels the
    document prints ("a)–c) [i), ii)], d)")."""
    if not items:
        return "no subparagraphs"
    shape = [(it.depth, it.value) for it in items]
    schemes = {it.depth: it.scheme for it in items}
    out, depth, k = "", 1, 0
    while k < len(shape):
        d, v = shape[k]
        j = k  # a run of siblings with no children prints as a range
        while j + 1 < len(shape) and shape[j + 1] == (d, shape[j][1] + 1):
            j += 1
        if j + 1 < len(shape) and shape[j + 1][0] > d and j > k:
            j -= 1
        out += "]" * max(0, depth - d) + (" [" if d > depth else (", " if out else ""))
        first = fmt(schemes.get(d, ""), v)
        out += first if j - k < 2 else f"{first}–{fmt(schemes.get(d, ''), shape[j][1])}"
        if j - k == 1:
            out += ", " + fmt(schemes.get(d, ""), shape[j][1])
        depth, k = d, j + 1
    return "subparagraphs " + out + "]" * (depth - 1)


def _count(n: int, what: str) -> str:
    plural = what + ("es" if what.endswith("x") else "s")
    return f"{n} {what if n == 1 else plural}"


def _notes(a: Structure, b: Structure) -> list[Finding]:
    def numbered(st: Structure) -> list[Item]:
        return _of(st, "ref" if st.document.kind == "docx" else "note")

    out = _lists(a, b, "note", numbered(a), numbered(b))
    if a.document.kind == b.document.kind:
        kind = "star-ref" if a.document.kind == "docx" else "star"
        xs, ys = _of(a, kind), _of(b, kind)
        if len(xs) != len(ys):
            st, items = (a, xs) if len(xs) > len(ys) else (b, ys)
            it = items[min(len(xs), len(ys))]
            msg = f"{len(xs)} footnotes marked '*' in {_name(a)}, {len(ys)} in {_name(b)}"
            out.append(
                Finding(st.document.name, it.line.page, it.line.line, "", it.label, msg, "parity")
            )
    return out


def _symbols(a: Structure, b: Structure) -> list[Finding]:
    sa, sb = _cited(a), _cited(b)
    out = []
    for st, other, mine, theirs in ((a, b, sa, sb), (b, a, sb, sa)):
        marks = {str(it.value) for it in st.items if it.kind in ("note", "ref")}
        for symbol, line in mine.items():
            if symbol not in theirs and not _glued(symbol, theirs, marks):
                msg = f"{symbol} is cited here but not in {_name(other)}"
                out.append(
                    Finding(st.document.name, line.page, line.line, "", symbol, msg, "parity")
                )
    return out


def _glued(symbol: str, theirs: dict[str, Line], marks: set[str]) -> bool:
    """ST/SGB/2019/82 here, ST/SGB/2019/8 there, and 2 a footnote mark here: the same."""
    return any(symbol.startswith(t) and symbol[len(t) :] in marks for t in theirs)


def _cited(st: Structure) -> dict[str, Line]:
    lines = [ln for ln in st.document.lines if ln.role not in ("head", "foot")]
    found: dict[str, Line] = {}
    for symbol, i in find_in_lines([ln.text for ln in lines]):
        found.setdefault(symbol, lines[i])
    return found
