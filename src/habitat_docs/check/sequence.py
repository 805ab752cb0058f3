"""Sequence checks: every numbering stream must run 1, 2, 3 … A label is judged with one
label of look-ahead, so a single wrong label is one finding, not a cascade."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from habitat_docs.check.findings import Finding
from habitat_docs.check.labels import fmt
from habitat_docs.check.resolve import Item, Structure

__all__ = ["NAMES", "check_sequences"]

NAMES = {
    "para": "paragraph",
    "section": "section",
    "subsection": "subsection",
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
        if key[0] == "para" and key[1] != 0:  # an annex: from 1, or on from the part before
            before = [v for k, v in groups.items() if k[0] == "para" and k[1] < key[1]]  # type: ignore[operator]
            continuing = _last(before[-1]) + 1 if before else None
        findings.extend(_stream(name, items, continuing))
    return findings


def _last(items: list[Item]) -> int:
    values = [it.value for it in items if it.kind != "bullet"]
    return values[-1] if values else 0


def _stream(file: str, items: list[Item], continuing: int | None) -> list[Finding]:
    """One stream. ``continuing``: an annex's paragraphs may also go on from the body's."""
    out: list[Finding] = []
    numbered = [it for it in items if it.kind != "bullet"]
    if not numbered:
        return out
    what = NAMES.get(numbered[0].kind, numbered[0].kind)
    scheme = numbered[0].scheme
    expected, prev, pending = 1, None, []
    position = {id(it): k for k, it in enumerate(numbered)}

    def finding(it: Item, exp: int, message: str, code: str) -> Finding:
        return Finding(file, it.line.page, it.line.line, fmt(scheme, exp), it.label, message, code)

    for it in items:
        if it.kind == "bullet":
            pending.append(it)
            continue
        v = it.value
        allowed = {expected}
        if prev is None and continuing:
            allowed.add(continuing)
        if prev is not None and it.part != prev.part:
            allowed.add(1)  # figures, tables and footnotes may start again in an annex
        k = position[id(it)]
        nxt = numbered[k + 1].value if k + 1 < len(numbered) else None
        if v in allowed:
            pass
        elif nxt is not None and nxt == expected + 1 and numbered[k + 1].part == it.part:
            if prev is not None and v == prev.value:
                msg = (
                    f"{what} {it.label} repeats the number of the {what} before it "
                    f"(line {prev.line.line}); expected {fmt(scheme, expected)}"
                )
                out.append(finding(it, expected, msg, "duplicate"))
            else:
                msg = (
                    f"{what} {it.label} is out of sequence: expected {fmt(scheme, expected)}, "
                    f"and {fmt(scheme, nxt)} follows"
                )
                out.append(finding(it, expected, msg, "wrong"))
            v = expected
        elif v > expected:
            if pending and len(pending) == v - expected:
                for j, b in enumerate(pending):
                    msg = (
                        f"unnumbered item ('{b.label}' bullet) where {what} "
                        f"{fmt(scheme, expected + j)} is expected: its number is missing "
                        f"({fmt(scheme, v)} comes next)"
                    )
                    out.append(finding(b, expected + j, msg, "unnumbered"))
            else:
                out.append(finding(it, expected, _gap(what, scheme, expected, v), "gap"))
        elif prev is not None and v == prev.value:
            msg = (
                f"duplicate {what} {it.label} (also at line {prev.line.line}); "
                f"expected {fmt(scheme, expected)}"
            )
            out.append(finding(it, expected, msg, "duplicate"))
        elif v == 1:
            msg = (
                f"{what} numbering restarts at {it.label} where no annex begins; "
                f"expected {fmt(scheme, expected)}"
            )
            out.append(finding(it, expected, msg, "restart"))
        else:
            msg = f"{what} {it.label} goes back: expected {fmt(scheme, expected)}"
            out.append(finding(it, expected, msg, "back"))
        expected, prev, pending = v + 1, it, []
    return out


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
