"""The grammar of UN document symbols: a symbol's text to its components and back.

A symbol is parsed with the grammar of conventions §1.2::

    symbol   = single | single ("–" | "-") single           ; joint symbol
    single   = series ("/" body)* ("/" session)? "/" docpart part? ("/" suffix)* "*"?
    series   = UPPER+                                      ; A, E, ST, HSP, UNEP, HS
    body     = (UPPER+ | "Sub") ("." NUMBER)?              ; EB.2024, AC.51, C.2, HA.2, SGB; not RES
    session  = NUMBER                                      ; 79 in A/79/76, 2019 in ST/SGB/2019/2
    docpart  = NUMBER
             | ("L" | "CRP" | "PV" | "SR" | "WP" | "R" | "HLS") "." NUMBER
             | "INF/" NUMBER
             | "RES/" (NUMBER "/")? NUMBER (" " UPPER)?     ; A/RES/48/218 B
    part     = " (Part " ROMAN ")"                         ; A/79/309 (Part I)
    suffix   = ("Add" | "Corr" | "Rev" | "Amend") "." NUMBER | "Summary"
    NUMBER   = "1".."9" DIGIT*                             ; no 0, no leading zero

with one rule of the series itself: HSP/EB symbols fuse the body and the calendar year
(``HSP/EB.2024/11``); nothing comes between ``EB.<year>`` and the document part.

Where a component could be read two ways the special one wins: ``…/INF/1`` is the
information series (kind ``INF``), ``A/RES/71/243`` a resolution (kind ``RES``, session 71).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from habitat_docs.errors import DataError

__all__ = [
    "BODY", "DASHES", "DOTTED_KINDS", "KINDS", "NUMBER", "ROMAN", "SUFFIX", "SUFFIXES",
    "WORD_JOINER", "YEAR", "YEAR_RE", "Single", "parse_symbol", "unparse",
]  # fmt: skip

WORD_JOINER = "\u2060"
DASHES = "–-"  # en dash (as printed, S2) and hyphen (ODS) [conventions §1.2]

#: Document-part kinds: ``kind`` of a symbol is one of these or None (a plain number).
KINDS = ("L", "CRP", "PV", "SR", "WP", "R", "HLS", "INF", "RES")
DOTTED_KINDS = ("L", "CRP", "PV", "SR", "WP", "R", "HLS")  # "L.3"; "INF/1" and "RES/…" use "/"
#: Suffix names; all take ``.n`` except ``Summary``.
SUFFIXES = ("Add", "Corr", "Rev", "Amend", "Summary")

# The grammar's terminals, as regular expressions (symbol_find builds its pattern from them).
NUMBER = r"[1-9][0-9]*"
YEAR = r"(?:19|20)[0-9]{2}"
ROMAN = r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
BODY = rf"(?:(?!RES(?![A-Z]))[A-Z]+|Sub)(?:\.{NUMBER})?"  # RES only introduces a resolution
SUFFIX = rf"(?:(?:Add|Corr|Rev|Amend)\.{NUMBER}|Summary)"

YEAR_RE = re.compile(YEAR)
_ROMAN_RE = re.compile(ROMAN)
_DIGITS_RE = re.compile(r"[0-9]+")
_BODY_RE = re.compile(r"(?P<name>[A-Z]+|Sub)(?:\.(?P<number>[0-9]+))?")
_SUFFIX_RE = re.compile(r"(?P<name>Add|Corr|Rev|Amend)\.(?P<number>[1-9][0-9]*)|(?P<summary>Summary)")
_ALLOWED_CHARS = re.compile(r"[A-Za-z0-9/.*() –-]")
_LETTERS_RE = re.compile(r"[A-Za-z]+")


class Single(NamedTuple):
    """The components of one single symbol (a joint symbol has two)."""

    series: str
    components: tuple[str, ...]
    session: int | None
    kind: str | None
    res_session: int | None
    number: int
    letter: str | None
    part: str | None
    suffixes: tuple[tuple[str, int | None], ...]
    reissue: bool


class _DocumentPart(NamedTuple):
    """The document part of a single symbol, and how many segments it took."""

    kind: str | None
    res_session: int | None
    number: int
    letter: str | None
    part: str | None
    segments: int


class _Fail(Exception):
    """A problem inside one single symbol; turned into a DataError naming the whole text."""


@functools.lru_cache(maxsize=4096)
def parse_symbol(text: str) -> tuple[Single, ...]:
    """Parse a whole symbol (single or joint) or raise DataError saying what is wrong."""

    def fail(message: str) -> DataError:
        return DataError(f"'{text}': {message}")

    try:
        _check_characters(text)
        pieces = _joint_pieces(text)
    except _Fail as exc:
        raise fail(str(exc)) from None
    singles = []
    for piece in pieces:
        try:
            singles.append(_parse_single(piece))
        except _Fail as exc:
            raise fail(f"in '{piece}', {exc}" if len(pieces) > 1 else str(exc)) from None
    return tuple(singles)


def unparse(s: Single) -> str:
    """The text of a single symbol's components."""
    out = "/".join((s.series, *s.components))
    if s.session is not None:
        out += f"/{s.session}"
    if s.kind is None:
        out += f"/{s.number}"
    elif s.kind == "INF":
        out += f"/INF/{s.number}"
    elif s.kind == "RES":
        out += "/RES" + (f"/{s.res_session}" if s.res_session is not None else "") + f"/{s.number}"
    else:
        out += f"/{s.kind}.{s.number}"
    if s.letter:
        out += f" {s.letter}"
    if s.part:
        out += f" (Part {s.part})"
    for name, n in s.suffixes:
        out += f"/{name}" + (f".{n}" if n is not None else "")
    return out + ("*" if s.reissue else "")


# --- the whole text ----------------------------------------------------------------------------


def _check_characters(text: str) -> None:
    if text == "":
        raise _Fail("a symbol cannot be empty (e.g. HSP/EB.2024/11)")
    if text[0].isspace():
        raise _Fail("remove the white space at the start")
    if text[-1].isspace():
        raise _Fail("remove the white space at the end")
    if WORD_JOINER in text:
        raise _Fail("contains U+2060 WORD JOINER: write symbols without joiners "
                    "(nobreak() adds them for display)")  # fmt: skip
    for ch in text:
        if not _ALLOWED_CHARS.fullmatch(ch):
            name = unicodedata.name(ch, "")
            label = f"U+{ord(ch):04X}" + (f" {name}" if name else "")
            raise _Fail(f"unexpected character {ch!r} ({label}); symbols use ASCII letters, "
                        f"digits, '/', '.', '*', ' (Part …)' and '–' or '-' between joint symbols")  # fmt: skip


def _joint_pieces(text: str) -> list[str]:
    """The single symbols of a text: one, or two joined by a dash."""
    pieces = re.split(f"[{DASHES}]", text)
    if len(pieces) > 2:
        raise _Fail(f"a joint symbol joins exactly two symbols with one dash, "
                    f"found {len(pieces) - 1} dashes")  # fmt: skip
    if len(pieces) == 2:
        dash = text[len(pieces[0])]
        if not pieces[0]:
            raise _Fail(f"nothing before the dash '{dash}' of the joint symbol")
        if not pieces[1]:
            raise _Fail(f"nothing after the dash '{dash}' of the joint symbol")
    return pieces


# --- one single symbol -------------------------------------------------------------------------


def _parse_single(text: str) -> Single:
    reissue = text.endswith("*")
    body = text[:-1] if reissue else text
    if "*" in body:
        raise _Fail("the reissue mark '*' may appear only once, at the very end")
    segs = _segments(body)
    suffixes, end = _suffixes(segs)
    rest = segs[1:end]
    part = _document_part(rest)
    session, components = _session_and_body(rest[: len(rest) - part.segments])
    if segs[0] == "HSP" and components and components[0].partition(".")[0] == "EB":
        _check_hsp_eb(segs, components, session, part.kind, rest[-1])
    return Single(segs[0], tuple(components), session, part.kind, part.res_session, part.number,
                  part.letter, part.part, tuple(suffixes), reissue)  # fmt: skip


def _segments(body: str) -> list[str]:
    """The slash-separated segments of a single symbol, its series checked."""
    segs = body.split("/")
    if segs[0] == "":
        raise _Fail("it starts with '/': the series (HSP, A, E, ST, …) is missing")
    if len(segs) > 1 and segs[-1] == "":
        raise _Fail("it ends with '/': remove the trailing slash")
    if "" in segs:
        where = "/".join(segs[: segs.index("")])
        raise _Fail(f"double slash '//' after '{where}'")
    series = segs[0]
    if not re.fullmatch(r"[A-Z]+", series):
        if _LETTERS_RE.fullmatch(series):
            raise _Fail(f"the series '{series}' must be in capital letters: '{series.upper()}'")
        raise _Fail(f"the series '{series}' must be capital letters only (HSP, A, E, ST, …)")
    if len(segs) == 1:
        raise _Fail("the document number is missing: write the series, '/', then at least "
                    "the document number (e.g. HSP/EB.2024/11)")  # fmt: skip
    return segs


def _suffixes(segs: list[str]) -> tuple[list[tuple[str, int | None]], int]:
    """The suffixes (Add.1, Rev.2, Summary …) read from the right, and where they start."""
    suffixes: list[tuple[str, int | None]] = []
    end = len(segs)
    while end > 1 and _is_suffix_like(segs[end - 1].split(" ")[0]):
        seg = segs[end - 1]
        if "(" in seg or ")" in seg:
            raise _Fail(f"'{seg}': the parenthesised part follows the document number and "
                        f"comes before the suffixes, as in 'A/79/309 (Part I)/Add.1'")  # fmt: skip
        if " " in seg:
            raise _Fail(f"unexpected space in the suffix '{seg}'")
        suffixes.insert(0, _suffix(seg))
        end -= 1
    if end == 1:
        raise _Fail(f"the document number is missing before '/{segs[1]}'")
    return suffixes, end


def _is_suffix_like(seg: str) -> bool:
    return seg.lower().startswith(tuple(s.lower() for s in SUFFIXES))


def _suffix(seg: str) -> tuple[str, int | None]:
    m = _SUFFIX_RE.fullmatch(seg)
    if m:
        return (m["name"], int(m["number"])) if m["name"] else ("Summary", None)
    canonical = next(s for s in SUFFIXES if seg.lower().startswith(s.lower()))
    rest = seg[len(canonical):]
    expected = "Summary" if canonical == "Summary" else f"{canonical}.n"
    if seg[: len(canonical)] != canonical:
        raise _Fail(f"the suffix '{seg}' must be written '{canonical}{rest}' "
                    f"(capital first letter, then lower case)")  # fmt: skip
    if canonical == "Summary":
        raise _Fail(f"the suffix '/Summary' takes nothing after it, found '{seg}'")
    if rest == "":
        raise _Fail(f"the suffix '{seg}' has no number: write '{seg}.1', '{seg}.2', …")
    if rest == ".":
        raise _Fail(f"the suffix '{seg}' has no number after the dot: write '{seg}1', …")
    if _DIGITS_RE.fullmatch(rest):
        raise _Fail(f"the suffix '{seg}' needs a dot before its number: write '{canonical}.{rest}'")
    if rest.startswith(".") and _DIGITS_RE.fullmatch(rest[1:]):
        if int(rest[1:]) == 0:
            raise _Fail(f"the suffix '{seg}' is numbered from 1: write '{canonical}.1', …")
        raise _Fail(f"the suffix '{seg}' has a leading zero: write '{canonical}.{int(rest[1:])}'")
    raise _Fail(f"'{seg}' is not a suffix: expected {expected}, e.g. '{canonical}.1'"
                if canonical != "Summary" else f"'{seg}' is not a suffix")  # fmt: skip


def _document_part(rest: list[str]) -> _DocumentPart:
    """The document part at the end of ``rest`` (the segments between the series and the
    suffixes), with its parenthesised part and part letter; ``rest[-1]`` becomes its core."""
    core, part = _split_part(rest[-1])
    letter = None
    if " " in core:
        core, _, letter = core.partition(" ")
        if not re.fullmatch(r"[A-Za-z]", letter):
            raise _Fail(f"unexpected space in '{rest[-1]}' (only a resolution part letter may "
                        f"follow a space, as in A/RES/48/218 B)")  # fmt: skip
    rest[-1] = core
    if _DIGITS_RE.fullmatch(core):
        kind, res_session, number, segments = _numbered_part(core, rest)
    else:
        kind, number = _kind_part(core)
        res_session, segments = None, 1
    if letter is not None and kind != "RES":
        raise _Fail(f"a part letter ('{core} {letter}') is allowed only on a resolution "
                    f"number, as in A/RES/48/218 B")  # fmt: skip
    if letter is not None and not letter.isupper():
        raise _Fail(f"the part letter in '{core} {letter}' must be a capital: "
                    f"'{core} {letter.upper()}'")  # fmt: skip
    return _DocumentPart(kind, res_session, number, letter, part, segments)


def _numbered_part(core: str, rest: list[str]) -> tuple[str | None, int | None, int, int]:
    """A plain number, or the number after ``INF/``, ``RES/`` or ``RES/<session>/``: its
    kind, the resolution's session, the number and the segments taken."""
    number = _number(core, "the document number")
    if len(rest) >= 3 and rest[-3] == "RES" and _DIGITS_RE.fullmatch(rest[-2]):
        return "RES", _number(rest[-2], "the session of the resolution"), number, 3
    if len(rest) >= 2 and rest[-2] in ("RES", "INF"):
        return rest[-2], None, number, 2
    return None, None, number, 1


def _kind_part(core: str) -> tuple[str, int]:
    """A dotted document part such as ``L.3`` or ``CRP.1``: its kind and number."""
    dotted = re.fullmatch(r"([A-Za-z]+)\.(.*)", core)
    glued = re.fullmatch(r"([A-Za-z]+)([0-9]+)", core)
    if dotted and dotted[1] in DOTTED_KINDS:
        if dotted[2] == "":
            raise _Fail(f"the document number is missing after '{core}'")
        return dotted[1], _number(dotted[2], f"the number of '{dotted[1]}.'")
    if dotted and dotted[1].upper() in DOTTED_KINDS and _DIGITS_RE.fullmatch(dotted[2]):
        raise _Fail(f"write '{core}' in capital letters: '{dotted[1].upper()}.{dotted[2]}'")
    if glued and glued[1].upper() in DOTTED_KINDS:
        raise _Fail(f"'{core}' needs a dot before its number: write "
                    f"'{glued[1].upper()}.{glued[2]}'")  # fmt: skip
    if core in ("INF", "RES") or _BODY_RE.fullmatch(core) or _LETTERS_RE.fullmatch(core):
        raise _Fail(f"the document number is missing after '{core}'")
    raise _Fail(f"'{core}' is not a document number (expected a number, L.n, CRP.n, "
                f"INF/n, RES/n, PV.n, SR.n, WP.n, R.n or HLS.n)")  # fmt: skip


def _split_part(seg: str) -> tuple[str, str | None]:
    """Split ``"309 (Part I)"`` into ``("309", "I")``; check the parenthesised part."""
    if "(" not in seg and ")" not in seg:
        return seg, None
    start = seg.find("(")
    if start == -1:
        raise _Fail(f"')' without '(' in '{seg}'")
    before, paren = seg[:start], seg[start:]
    if paren.count("(") > 1 or paren.count(")") > 1:
        raise _Fail(f"only one parenthesised part is allowed, found '{paren}'")
    if not paren.endswith(")"):
        if ")" in paren:
            raise _Fail(f"nothing may follow ')' in '{seg}'")
        raise _Fail(f"'{paren}' is not closed: write '{paren})'")
    if not before.endswith(" "):
        raise _Fail(f"put one space before '{paren}' in '{seg}'")
    before = before[:-1]
    if before.endswith(" "):
        raise _Fail(f"put only one space before '{paren}' in '{seg}'")
    if not before:
        raise _Fail(f"the document number is missing before '{paren}'")
    return before, _part_numeral(paren)


def _part_numeral(paren: str) -> str:
    """The Roman numeral of ``"(Part IV)"``."""
    inner = paren[1:-1]
    m = re.fullmatch(r"Part ([A-Za-z0-9]+)", inner)
    if not m:
        if inner.lower().startswith("part"):
            raise _Fail(f"write the part as '(Part <Roman numeral>)', e.g. '(Part I)', not '{paren}'")
        raise _Fail(f"only '(Part <Roman numeral>)' may follow the document number, not '{paren}'")
    numeral = m[1]
    if _DIGITS_RE.fullmatch(numeral) and int(numeral) > 0:
        raise _Fail(f"the part number must be a Roman numeral: write '(Part {_roman(int(numeral))})'")
    if not _ROMAN_RE.fullmatch(numeral):
        raise _Fail(f"'{numeral}' in '{paren}' is not a Roman numeral (I, II, III, IV, …)")
    return numeral


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def _number(digits: str, what: str) -> int:
    """A NUMBER: digits, not zero, no leading zero."""
    if not _DIGITS_RE.fullmatch(digits):
        raise _Fail(f"{what} '{digits}' must be a number")
    if int(digits) == 0:
        raise _Fail(f"{what} '{digits}' must be 1 or more: numbering starts at 1")
    if digits.startswith("0"):
        raise _Fail(f"{what} '{digits}' has a leading zero: write '{int(digits)}'")
    return int(digits)


def _session_and_body(middle: list[str]) -> tuple[int | None, list[str]]:
    """The optional session (or year) and the body components before the document part."""
    session = None
    if middle and _DIGITS_RE.fullmatch(middle[-1]):
        session = _number(middle.pop(), "the session or year")
    for seg in middle:
        _check_component(seg, session)
    return session, middle


def _check_component(seg: str, session: int | None) -> None:
    """A body component: capital letters (or Sub), optionally '.' and a number."""
    if _DIGITS_RE.fullmatch(seg):
        raise _Fail(f"only one session or year may come before the document number, "
                    f"found '{seg}' and '{session}'")  # fmt: skip
    if _is_suffix_like(seg) and not _BODY_RE.fullmatch(seg):
        raise _Fail(f"the suffix '{seg}' must come after the document number")
    if "(" in seg or ")" in seg:
        raise _Fail(f"'{seg}': the parenthesised part must follow the document number")
    if " " in seg:
        raise _Fail(f"unexpected space in '{seg}'")
    m = _BODY_RE.fullmatch(seg)
    if m and m["name"] == "RES":
        raise _Fail(f"'{seg}' is not a body component: RES introduces a resolution number, "
                    f"RES/<session>/<number> as in A/RES/71/243")  # fmt: skip
    if not m:
        name = seg.partition(".")[0]
        if _LETTERS_RE.fullmatch(name) and _BODY_RE.fullmatch(seg.upper()):
            fixed = "Sub" + seg[3:] if name.lower() == "sub" else seg.upper()
            raise _Fail(f"the body component '{seg}' must be written '{fixed}'")
        if seg.endswith("."):
            raise _Fail(f"a number must follow the dot in '{seg}'")
        raise _Fail(f"'{seg}' is not a body component (expected capital letters, "
                    f"optionally '.' and a number: EB.2024, AC.51, SGB)")  # fmt: skip
    if m["number"] is not None:
        _number(m["number"], f"the number in '{seg}'")


def _check_hsp_eb(segs: list[str], components: list[str], session: int | None,
                  kind: str | None, core: str) -> None:  # fmt: skip
    """HSP/EB fuses body and year: HSP/EB.2024/11 (conventions §1.2, reference regex)."""
    year = components[0].partition(".")[2]
    tail = "/".join(segs[1 + len(components) + (session is not None):])
    if not year:
        if session is not None and YEAR_RE.fullmatch(str(session)) and len(components) == 1:
            raise _Fail(f"HSP/EB symbols join the body and the year with a dot: "
                        f"write 'HSP/EB.{session}/{tail}'")  # fmt: skip
        if session is None and len(components) == 1 and kind is None and YEAR_RE.fullmatch(core):
            raise _Fail(f"the document number is missing, and HSP/EB symbols join the body "
                        f"and the year with a dot: write 'HSP/EB.{core}/<number>'")  # fmt: skip
        raise _Fail("HSP/EB symbols need the year after 'EB.': "
                    "write 'HSP/EB.<year>/<number>', e.g. 'HSP/EB.2024/11'")  # fmt: skip
    if not YEAR_RE.fullmatch(year):
        raise _Fail(f"'{components[0]}' must give the calendar year in four digits "
                    f"(19xx or 20xx), e.g. 'EB.2024'")  # fmt: skip
    extra = components[1:] + ([str(session)] if session is not None else [])
    if extra:
        raise _Fail(f"in HSP/EB symbols the document part follows '{components[0]}' "
                    f"directly: remove '{'/'.join(extra)}'")  # fmt: skip
