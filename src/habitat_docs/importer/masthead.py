"""The masthead of one language version: symbol, distribution, date of issue, original
language, session, venue, agenda items and their titles, title and subtitle (→ kind)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import field, frozen

from habitat_docs.check.document import Line, clean
from habitat_docs.importer.lines import Version
from habitat_docs.importer.words import (
    date_ranges,
    flat,
    language_named,
    parse_english_date,
    session_ordinal,
    subtitles,
)
from habitat_docs.model.symbol_find import FIND

__all__ = ["Masthead", "read_masthead", "subtitle_of"]

_DISTR = re.compile(r"Distr\.\s*:\s*(\w+)", re.IGNORECASE)
_ORIGINAL = re.compile(r"Original\s*:\s*(\w+)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(19\d\d|2[01]\d\d)(?!\d)")
_ITEM = re.compile(r"(?<![\d.])(\d{1,2})(?:\s*\(([a-z])\))?(?![\d.])")
_VENUE_EDGES = " ,，、:：;；\t"


@frozen
class Masthead:
    """What one version's masthead says; ``used`` the lines read, ``unread`` the others."""

    fields: dict[str, object] = field(factory=dict)
    texts: dict[str, object] = field(factory=dict)  # the fields that differ by language
    unread: tuple[Line, ...] = ()


def subtitle_of(
    lines: Sequence[Line], langs: tuple[str, ...] | None
) -> tuple[str, str, str, Line] | None:
    """(language, kind, gender, line) of the first line that is a kind's subtitle."""
    known = list(subtitles(langs))
    for ln in lines:
        for code, kind, gender, text in known:
            if flat(ln.text) == flat(text):
                return code, kind, gender, ln
    return None


def read_masthead(version: Version, lang: str) -> Masthead:
    """Read the masthead of ``version``, written in ``lang``."""
    lines = [ln for ln in version.masthead if clean(ln.text).strip()]
    fields: dict[str, object] = {}
    texts: dict[str, object] = {}
    # the summary box below the title is read whole from the DOCX (importer/parts.py)
    used: set[int] = {id(ln) for ln in lines if ln.style == "UNSummary"}
    _symbol_and_distr(version, lines, fields, used)
    _session(lang, lines, fields, texts, used)
    _agenda(version, lines, fields, texts, used)
    if found := subtitle_of(lines, (lang,)):
        used.add(id(found[3]))
    _title(lines, texts, used)
    return Masthead(fields, texts, tuple(ln for ln in lines if id(ln) not in used))


def _symbol_and_distr(
    version: Version, lines: list[Line], fields: dict[str, object], used: set[int]
) -> None:
    for ln in lines:
        text = clean(ln.text)
        if (
            "symbol" not in fields
            and (m := FIND.search(text))
            and m.group(0).strip() == text.strip()
        ):
            fields["symbol"] = m.group(0).strip()
        elif m := _DISTR.search(text):
            fields["distribution"] = m.group(1).lower()
        elif m := _ORIGINAL.search(text):
            if code := language_named(m.group(1)):
                fields["original"] = code
        elif "issued" not in fields and (d := parse_english_date(text)):
            fields["issued"] = d
        elif ln.role != "table":
            continue  # the organ, the language line and the rest of the top band are printed, not data
        used.add(id(ln))
    if "symbol" not in fields and version.document.symbol_hint:
        fields["symbol"] = version.document.symbol_hint


def _session(
    lang: str,
    lines: list[Line],
    fields: dict[str, object],
    texts: dict[str, object],
    used: set[int],
) -> None:
    for k, ln in enumerate(lines):
        if id(ln) in used or not (m := _YEAR.search(ln.text)):
            continue
        year = int(m.group(1))
        ordinal = session_ordinal(lang, year, ln.text)
        if ordinal is None or k + 1 >= len(lines):
            continue
        venue = lines[k + 1]
        dates = date_ranges(lang, clean(venue.text))
        if dates is None:
            continue
        start, end, printed = dates
        place = _without(clean(venue.text), printed).strip(_VENUE_EDGES)
        fields["session"] = {"year": year, "ordinal": ordinal, "start": start, "end": end}
        texts["venue"] = place
        used.update((id(ln), id(venue)))
        return


def _without(text: str, printed: str) -> str:
    """``text`` without ``printed`` in it, however either is spaced."""
    pattern = r"\s*".join(re.escape(ch) for ch in re.sub(r"\s+", "", clean(printed)))
    return re.sub(pattern, " ", text, count=1)


def _agenda(
    version: Version,
    lines: list[Line],
    fields: dict[str, object],
    texts: dict[str, object],
    used: set[int],
) -> None:
    item = next((ln for ln in lines if "*" in ln.marks or "*" in ln.text), None)
    if item is None:
        return
    used.add(id(item))
    numbers = [
        (int(n), sub or None) for n, sub in _ITEM.findall(clean(item.text).replace("*", " "))
    ]
    fields["items"] = numbers
    for note in version.notes:
        if note.line == item.line and (m := FIND.search(clean(note.text))):
            fields["agenda_symbol"] = m.group(0).strip()
    rest = lines[lines.index(item) + 1 :]
    titles = (
        [ln for ln in rest if ln.style == "UNMastheadBold"] if any(ln.style for ln in rest) else []
    )
    texts["item_titles"] = [clean(ln.text).strip() for ln in titles]
    used.update(id(ln) for ln in titles)


def _title(lines: list[Line], texts: dict[str, object], used: set[int]) -> None:
    """The title: the lines in the title style, or the unread lines before the subtitle."""
    styled = [ln for ln in lines if ln.style == "UNTitle"]
    if styled:
        title = styled
    else:
        free = [ln for ln in lines if id(ln) not in used]
        title = free[-1:]  # the subtitle is read already: the title stands just above it
    texts["title"] = joined([clean(ln.text).strip() for ln in title])
    used.update(id(ln) for ln in title)


def joined(pieces: Sequence[str]) -> str:
    """Lines of one text joined: with no space between two CJK characters, else one space."""
    out = ""
    for piece in pieces:
        if out and not (_cjk(out[-1]) and _cjk(piece[:1])):
            out += " "
        out += piece
    return out


def _cjk(ch: str) -> bool:
    return bool(ch) and ("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
