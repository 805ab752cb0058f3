"""Running heads: from page 2 on, every page's head carries the document's own symbol."""

from __future__ import annotations

from collections import Counter

from habitat_docs.check.document import Line
from habitat_docs.check.findings import Finding
from habitat_docs.check.furniture import head_symbol
from habitat_docs.check.resolve import Structure
from habitat_docs.check.symbols import find_in_lines

__all__ = ["check_heads", "own_symbol"]

_MASTHEAD_LINES = 25


def own_symbol(structure: Structure) -> str | None:
    """The symbol in the masthead (before the first heading or paragraph), else the file's
    metadata, else the symbol most running heads carry."""
    doc = structure.document
    first = next((it.line for it in structure.items if it.kind in ("para", "section")), None)
    top: list[Line] = []
    for ln in doc.lines[:_MASTHEAD_LINES]:
        if first is not None and (ln.page, ln.line) >= (first.page, first.line):
            break
        masthead = ln.role in ("body", "table", "small") and ln.page in (None, 1)
        if masthead and not ln.text.lstrip().startswith("*"):  # not the agenda footnote
            top.append(ln)
    found = [s for s, _ in find_in_lines([ln.text for ln in top])]
    if found:
        return found[0]
    if doc.symbol_hint:
        return doc.symbol_hint
    heads = Counter(s for ln in doc.lines if ln.role == "head" and (s := head_symbol(ln.text)))
    if doc.headers:
        texts = Counter(h.text for h in doc.headers)  # sections share header parts: read each once
        for text, times in texts.items():
            for s, _ in find_in_lines(text.split("\n")):
                heads[s] += times
    for s in sorted(heads, key=len, reverse=True):  # "HSP/EB.2024/112": a page number glued on
        base = next((t for t in heads if t != s and _same(s, t, None)), None)
        if base is not None:
            heads[base] += heads.pop(s)
    return heads.most_common(1)[0][0] if heads else None


def check_heads(structure: Structure) -> list[Finding]:
    doc = structure.document
    symbol = own_symbol(structure)
    if symbol is None:  # an informal paper without a symbol has no running heads to check
        return []

    def finding(page: int | None, line: int | None, found: str, message: str) -> Finding:
        return Finding(doc.name, page, line, symbol, found, message, "head")

    if doc.kind == "docx":
        out = []
        read: dict[str, list[str]] = {}  # sections share header parts: each text read once
        for h in doc.headers or ():
            if h.text not in read:
                read[h.text] = [s for s, _ in find_in_lines(h.text.split("\n"))]
            symbols = read[h.text]
            if not symbols:
                msg = f"{h.where}: the running head has no symbol; expected {symbol}"
                out.append(finding(None, None, h.text.strip(), msg))
            elif symbol not in symbols:
                msg = f"{h.where}: the running head reads {symbols[0]}; the document is {symbol}"
                out.append(finding(None, None, symbols[0], msg))
        return out
    out = []
    by_page: dict[int | None, list[Line]] = {}
    for ln in doc.lines:
        if ln.role == "head":
            by_page.setdefault(ln.page, []).append(ln)
            s = head_symbol(ln.text)
            if s is not None and not _same(s, symbol, ln.page):
                msg = f"running head reads {s}; the document is {symbol}"
                out.append(finding(ln.page, ln.line, s, msg))
    for page in range(2, (doc.pages or 0) + 1):
        if not any(head_symbol(ln.text) for ln in by_page.get(page, [])):
            first = next((ln.line for ln in doc.lines if ln.page == page), 1)
            out.append(finding(page, first, "", f"page {page} has no running head with {symbol}"))
    return out


def _same(found: str, symbol: str, page: int | None) -> bool:
    """Equal, or equal but for a page number glued to it ("HSP/EB.2024/112" on page 2)."""
    if found == symbol:
        return True
    tail = found[len(symbol) :] if found.startswith(symbol) else ""
    return tail.isdigit() and (page is None or tail == str(page))
