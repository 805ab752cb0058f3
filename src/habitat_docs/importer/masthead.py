"""The masthead of one language version: symbol, distribution, date of issue, original
language, session, venue, agenda items and their titles, title and subtitle (→ kind)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import field, frozen

from habitat_docs.check.document import Line, clean
from habitat_docs.importer.boxes import summary_box
from habitat_docs.importer.informal import printed_masthead
from habitat_docs.importer.lines import CJK, Version, running_symbol
from habitat_docs.importer.words import (
    date_ranges,
    flat,
    language_named,
    parse_english_date,
    session_ordinal,
    subtitles,
)
from habitat_docs.model.symbol_find import FIND

__all__ = ["subtitle_kinds", "Masthead", "read_masthead", "subtitle_of"]

_DISTR = re.compile(r"Distr\.\s*:\s*(\w+)", re.IGNORECASE)
_ORIGINAL = re.compile(r"Original\s*:\s*(\w+)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(19\d\d|2[01]\d\d)(?!\d)")
_ITEM = re.compile(r"(?<![\d.])(\d{1,2})(?:\s*\(([a-z])\))?(?![\d.])")
_VENUE_EDGES = " ,，、،:：;；؛\t"  # what may stand between a venue and its dates
# A date of issue where a PDF's top band runs it on after "Distr.: General" in one line.
_DAY = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}\s*$")


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


def subtitle_kinds(lines: Sequence[Line], lang: str) -> list[str]:
    """Every kind that prints the subtitle found in ``lines`` (several kinds may print one)."""
    found = subtitle_of(lines, (lang,))
    if found is None:
        return []
    return list(dict.fromkeys(kind for code, kind, gender, text in subtitles((lang,))
                              if (code, gender) == (found[0], found[2])
                              and flat(text) == flat(found[3].text)))  # fmt: skip


def read_masthead(version: Version, lang: str) -> Masthead:
    """Read the masthead of ``version``, written in ``lang``."""
    lines = [ln for ln in version.masthead if clean(ln.text).strip()]
    fields: dict[str, object] = {}
    texts: dict[str, object] = {}
    # the summary box below the title is read whole from the DOCX (importer/parts.py)
    used: set[int] = {id(ln) for ln in lines if ln.style == "UNSummary"}
    used.update(id(ln) for ln in summary_box(lines))  # a PDF's (importer/summary.py)
    _symbol_and_distr(version, lines, fields, used)
    _organ(lang, lines, used)
    # the top band names the version's language ("Chinese"): printed, not data
    used.update(id(ln) for ln in lines if language_named(clean(ln.text)) == lang)
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
        text = clean(ln.text).strip()
        if (
            "symbol" not in fields
            and (m := FIND.search(text))
            and text.endswith(m.group(0).strip())
        ):
            fields["symbol"] = m.group(0).strip()  # alone, or after the organ in a PDF's band
        elif m := _DISTR.search(text):
            fields["distribution"] = m.group(1).lower()
            day = _DAY.search(text)
            if "issued" not in fields and day and (d := parse_english_date(day.group(0))):
                fields["issued"] = d
        elif m := _ORIGINAL.search(text):
            if code := language_named(m.group(1)):
                fields["original"] = code
        elif "issued" not in fields and (d := parse_english_date(text)):
            fields["issued"] = d
        elif ln.role != "table":
            continue  # the organ, the language line and the rest of the top band are printed, not data
        used.add(id(ln))
    if "symbol" not in fields:
        symbol = version.document.symbol_hint or running_symbol(version)
        if symbol:
            fields["symbol"] = symbol


def _organ(lang: str, lines: list[Line], used: set[int]) -> None:
    """The lines that print the organ's name (a PDF wraps it): printed, not data."""
    organ = flat(printed_masthead(lang).get("organ", ""))
    for k in range(len(lines)):
        joined = ""
        for ln in lines[k : k + 4]:
            joined += flat(ln.text)
            if not organ.startswith(joined):
                break
            if joined == organ:
                used.update(id(x) for x in lines[k : lines.index(ln) + 1])
                return


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
    if symbol := _agenda_symbol(version, item):
        fields["agenda_symbol"] = symbol
    rest = lines[lines.index(item) + 1 :]
    parents = _with_parents(numbers)
    if any(ln.style for ln in rest):
        bold = [ln for ln in rest if ln.style == "UNMastheadBold"]  # a title's lines: one paragraph
        titles = [[clean(ln.text).strip() for ln in bold if ln.line == n]
                  for n in dict.fromkeys(ln.line for ln in bold)]  # fmt: skip
    else:
        lines_of = [clean(ln.text).strip() for ln in _item_title(rest)]
        titles = _split_titles(lines_of, len(parents))
        if len(parents) == len(numbers) or len({tuple(t) for t in titles}) < len(titles):
            titles = _split_titles(lines_of, len(numbers))
    # "Item 5 (a)" over two titles: item 5's, then 5 (a)'s
    fields["items"] = parents if len(titles) == len(parents) else numbers
    texts["item_titles"] = [joined(t) for t in titles if t]
    used.update(id(ln) for ln in rest if clean(ln.text).strip() in {x for t in titles for x in t})


def _agenda_symbol(version: Version, item: Line) -> str | None:
    """The agenda's symbol, from the footnote the item's star calls: in a DOCX the note of the
    item's paragraph, in a PDF or text the first note opening with the star."""
    for note in version.notes:
        text = clean(note.text).strip()
        if (note.line == item.line or text.startswith("*")) and (m := FIND.search(text)):
            return m.group(0).strip()
    return None


def _with_parents(numbers: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """The items with the item of each sub-item printed alone ("Item 5 (a)"), before it: its
    title is printed above the sub-item's."""
    out: list[tuple[int, str | None]] = []
    for number, sub in numbers:
        if sub and (number, None) not in numbers and (number, None) not in out:
            out.append((number, None))
        out.append((number, sub))
    return out


def _split_titles(lines: list[str], items: int) -> list[list[str]]:
    """The lines of several items' titles, each item's apart, where a PDF or a text file does
    not say where one ends: one line each when there are as many lines as items, else a
    title opens on a line that opens with a capital; one title of them all when that fails
    (every item then shows it, and the import says so)."""
    if items <= 1 or len(lines) <= 1:
        return [lines] if items and lines else []
    if len(lines) == items:
        return [[line] for line in lines]
    starts = [0, *(k for k in range(1, len(lines)) if lines[k][:1].isupper())]
    if len(starts) != items:
        return [lines] * items
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]


def _item_title(rest: list[Line]) -> list[Line]:
    """The item's title without styles: in a PDF the lines after the item set as the first of
    them is (the document's title is larger); in text all but the last line before the
    subtitle, which is the title."""
    if not rest:
        return []
    if rest[0].size is not None:
        same = [ln for ln in rest if (ln.size, ln.bold) == (rest[0].size, rest[0].bold)]
        run = []
        for ln in rest:
            if ln not in same:
                break
            run.append(ln)
        return run
    return _before_subtitle(rest)[:-1]


def _before_subtitle(lines: list[Line]) -> list[Line]:
    found = subtitle_of(lines, None)
    return lines[: lines.index(found[3])] if found else lines


def _title(lines: list[Line], texts: dict[str, object], used: set[int]) -> None:
    """The title: the lines in the title style, or the unread lines just above the subtitle
    (in a PDF those set in the size of the last of them)."""
    styled = [ln for ln in lines if ln.style == "UNTitle"]
    if styled:
        title = styled
    else:
        free = [ln for ln in _before_subtitle(lines) if id(ln) not in used]
        title = free[-1:]
        while title and title[0].size is not None and len(title) < len(free):
            before = free[-len(title) - 1]
            if (before.size, before.bold) != (title[0].size, title[0].bold):
                break
            title.insert(0, before)
    texts["title"] = joined([clean(ln.text).strip() for ln in title])
    used.update(id(ln) for ln in title)


def joined(pieces: Sequence[str]) -> str:
    """Lines of one text joined: with no space beside a CJK character (Chinese sets none
    between its characters and a figure or Latin word either), else one space."""
    out = ""
    for piece in pieces:
        if out and not (_cjk(out[-1]) or _cjk(piece[:1])):
            out += " "
        out += piece
    return out


def _cjk(ch: str) -> bool:
    return re.fullmatch(CJK, ch) is not None
