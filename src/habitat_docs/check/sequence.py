"""Sequence checks: every numbering stream must run 1, 2, 3 … A label is judged with one
label of look-ahead, so a single wrong label is one finding, not a cascade."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from attrs import frozen

from habitat_docs.check.findings import Finding
from habitat_docs.check.labels import fmt
from habitat_docs.check.resolve import Item, Structure

__all__ = ["NAMES", "check_sequences"]

NAMES = {
    "para": "paragraph",
    "operative": "operative paragraph",
    "decision": "draft decision",
    "section": "section",
    "subsection": "subsection",
    "heading": "heading",
    "sub": "subparagraph",
    "figure": "figure",
    "table": "table",
    "note": "footnote",
    "ref": "footnote mark",
    "annex": "annex",
}


def check_sequences(structure: Structure, streams: Sequence[str] | None = None) -> list[Finding]:
    """Findings for the streams of the given kinds (all when None)."""
    groups: dict[tuple[object, ...], list[Item]] = defaultdict(list)
    for it in structure.items:
        if it.stream and (streams is None or it.stream[0] in streams):
            groups[it.stream].append(it)
    name = structure.document.name
    findings: list[Finding] = []
    for key, items in groups.items():
        continuing = None
        if key[0] == "para" and key[1] != 0:  # an annex: from 1, not on from the part before
            before = [v for k, v in groups.items() if k[0] == "para" and k[1] < key[1]]  # type: ignore[operator]
            continuing = _last(before[-1]) + 1 if before else None
        findings.extend(_stream(name, items, continuing))
    return findings


def _last(items: list[Item]) -> int:
    values = [it.value for it in items if it.kind != "bullet"]
    return values[-1] if values else 0


@frozen
class _Stream:
    """What the findings of one stream share: the file, what its items are called and how
    their labels print."""

    file: str
    what: str
    scheme: str

    def label(self, n: int) -> str:
        return fmt(self.scheme, n)

    def finding(self, it: Item, expected: int, message: str, code: str) -> Finding:
        line = it.line
        return Finding(
            self.file, line.page, line.line, self.label(expected), it.label, message, code
        )


def _stream(file: str, items: list[Item], continuing: int | None) -> list[Finding]:
    """One stream. ``continuing``: the number that would run an annex's paragraphs on from
    the part before (a finding of its own: paragraphs restart at 1 in each annex)."""
    out: list[Finding] = []
    numbered = [it for it in items if it.kind != "bullet"]
    if not numbered:
        return out
    stream = _Stream(file, NAMES.get(numbered[0].kind, numbered[0].kind), numbered[0].scheme)
    following = dict(zip(map(id, numbered), [*numbered[1:], None]))
    expected, prev, pending = 1, None, []
    for it in items:
        if it.kind == "bullet":
            pending.append(it)
            continue
        allowed = {expected}
        if prev is None and continuing and it.value == continuing != 1:
            out.append(_runs_on(stream, it))
            allowed.add(continuing)
        if prev is not None and it.part != prev.part:
            allowed.add(1)  # figures, tables and footnotes may start again in an annex
        v = it.value
        if v not in allowed:
            nxt = following[id(it)]
            if nxt is not None and nxt.value == expected + 1 and nxt.part == it.part:
                out.append(_misplaced(stream, it, expected, prev, nxt.value))
                v = expected
            else:
                out.extend(_misnumbered(stream, it, expected, prev, pending))
        expected, prev, pending = v + 1, it, []
    return out


def _misplaced(stream: _Stream, it: Item, expected: int, prev: Item | None, nxt: int) -> Finding:
    """A wrong label between two right ones: the next label goes on from the expected one."""
    what = stream.what
    if prev is not None and it.value == prev.value:
        msg = (
            f"{what} {it.label} repeats the number of the {what} before it "
            f"(line {prev.line.line}); expected {stream.label(expected)}"
        )
        return stream.finding(it, expected, msg, "duplicate")
    msg = (
        f"{what} {it.label} is out of sequence: expected {stream.label(expected)}, "
        f"and {stream.label(nxt)} follows"
    )
    return stream.finding(it, expected, msg, "wrong")


def _misnumbered(
    stream: _Stream, it: Item, expected: int, prev: Item | None, pending: list[Item]
) -> list[Finding]:
    """A label the next one goes on from: a gap (perhaps bullets standing for the missing
    numbers), a duplicate, a restart or a step back."""
    what, v = stream.what, it.value
    if v > expected:
        if pending and len(pending) == v - expected:
            return [_unnumbered(stream, b, expected + j, v) for j, b in enumerate(pending)]
        return [stream.finding(it, expected, _gap(what, stream.scheme, expected, v), "gap")]
    if prev is not None and v == prev.value:
        msg = (
            f"duplicate {what} {it.label} (also at line {prev.line.line}); "
            f"expected {stream.label(expected)}"
        )
        return [stream.finding(it, expected, msg, "duplicate")]
    if v == 1:
        msg = (
            f"{what} numbering restarts at {it.label} where no annex begins; "
            f"expected {stream.label(expected)}"
        )
        return [stream.finding(it, expected, msg, "restart")]
    msg = f"{what} {it.label} goes back: expected {stream.label(expected)}"
    return [stream.finding(it, expected, msg, "back")]


def _runs_on(stream: _Stream, it: Item) -> Finding:
    msg = (
        f"{stream.what} numbering runs on across the annex heading at {it.label}: "
        f"{stream.what}s restart at {stream.label(1)} in each annex"
    )
    return stream.finding(it, 1, msg, "runs-on")


def _unnumbered(stream: _Stream, bullet: Item, expected: int, found: int) -> Finding:
    msg = (
        f"unnumbered item ('{bullet.label}' bullet) where {stream.what} "
        f"{stream.label(expected)} is expected: its number is missing "
        f"({stream.label(found)} comes next)"
    )
    return stream.finding(bullet, expected, msg, "unnumbered")


def _gap(what: str, scheme: str, expected: int, found: int) -> str:
    got = fmt(scheme, found)
    if expected == 1:
        return f"{what} numbering starts at {got}; expected {fmt(scheme, 1)}"
    if found == expected + 1:
        return (
            f"{what} {fmt(scheme, expected)} is missing: {got} follows {fmt(scheme, expected - 1)}"
        )
    return (
        f"{what}s {fmt(scheme, expected)}–{fmt(scheme, found - 1)} are missing: {got} "
        f"follows {fmt(scheme, expected - 1)}"
    )
