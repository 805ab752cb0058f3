"""UN document symbols.

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
from collections.abc import Callable
from typing import NamedTuple

from attrs import field, frozen

from habitat_docs.errors import DataError

__all__ = ["FIND", "KINDS", "SUFFIXES", "WORD_JOINER", "Symbol", "nobreak"]

WORD_JOINER = "\u2060"
# Binds the spaces of a symbol: LibreOffice breaks Chinese lines at U+00A0, not at U+202F.
NARROW_NO_BREAK_SPACE = "\u202f"
DASHES = "–-"  # en dash (as printed, S2) and hyphen (ODS) [conventions §1.2]

#: Document-part kinds: ``kind`` of a symbol is one of these or None (a plain number).
KINDS = ("L", "CRP", "PV", "SR", "WP", "R", "HLS", "INF", "RES")
_DOTTED_KINDS = ("L", "CRP", "PV", "SR", "WP", "R", "HLS")  # "L.3"; "INF/1" and "RES/…" use "/"
#: Suffix names; all take ``.n`` except ``Summary``.
SUFFIXES = ("Add", "Corr", "Rev", "Amend", "Summary")

# --------------------------------------------------------------------------- patterns

_NUM = r"[1-9][0-9]*"
_YEAR = r"(?:19|20)[0-9]{2}"
_ROMAN = r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_BODY = rf"(?:(?!RES(?![A-Z]))[A-Z]+|Sub)(?:\.{_NUM})?"  # RES only introduces a resolution
_SUFFIX = rf"(?:(?:Add|Corr|Rev|Amend)\.{_NUM}|Summary)"

_YEAR_RE = re.compile(_YEAR)
_ROMAN_RE = re.compile(_ROMAN)
_DIGITS_RE = re.compile(r"[0-9]+")
_BODY_RE = re.compile(r"(?P<name>[A-Z]+|Sub)(?:\.(?P<number>[0-9]+))?")
_SUFFIX_RE = re.compile(r"(?P<name>Add|Corr|Rev|Amend)\.(?P<number>[1-9][0-9]*)|(?P<summary>Summary)")
_ALLOWED_CHARS = re.compile(r"[A-Za-z0-9/.*() –-]")


def _symbol_pattern(joined: bool) -> str:
    """The regular expression of a symbol; ``joined`` also accepts the word joiners and
    no-break spaces that :func:`nobreak` puts in."""
    wj = f"{WORD_JOINER}?" if joined else ""
    s = f"/{wj}"
    sp = f"[ \u00a0{NARROW_NO_BREAK_SPACE}]" if joined else " "
    docpart = (
        rf"(?:{_NUM}|(?:{'|'.join(_DOTTED_KINDS)})\.{_NUM}|INF{s}{_NUM}"
        rf"|RES{s}(?:{_NUM}{s})?{_NUM}(?:{sp}[A-Z])?)"
    )
    part = rf"{sp}\(Part{sp}{_ROMAN}\)"
    tail = rf"{s}{docpart}(?:{part})?(?:{s}{_SUFFIX})*\*?"
    hsp_eb = rf"HSP{s}EB\.{_YEAR}{tail}"
    generic = rf"(?!HSP{s}EB(?![A-Za-z]))[A-Z]+(?:{s}{_BODY})*(?:{s}{_NUM})?{tail}"
    single = rf"(?:{hsp_eb}|{generic})"
    return (
        rf"(?<![A-Za-z0-9_./])(?<!/{WORD_JOINER})"
        rf"{single}(?:{wj}[{DASHES}]{wj}{single})?"
        rf"(?![A-Za-z0-9_/]|\.[0-9])"
    )


#: Finds symbols in running text, Chinese or English ("根据ST/SGB/2019/2号秘书长公报",
#: "（A/79/309 (Part I)和A/79/309 (Part I)/Add.1）"). Every match is a valid symbol:
#: ``Symbol(m.group())`` never raises. Matches are maximal and never start or end inside a
#: run of Latin letters or digits, so "48/218 B", "2024/4", "D-2" and "IED-24-009" are not
#: found (they have no series). A part letter (" B") is taken only after a resolution
#: number (A/RES/48/218 B), and only when no letter or digit follows it.
FIND = re.compile(_symbol_pattern(joined=False))
_FIND_JOINED = re.compile(_symbol_pattern(joined=True))


_BIND = str.maketrans({WORD_JOINER: None, " ": NARROW_NO_BREAK_SPACE, "\u00a0": NARROW_NO_BREAK_SPACE})


def nobreak(text: str) -> str:
    """Insert U+2060 WORD JOINER after every ``/`` and around the dash of each symbol in
    ``text``, and make its spaces (" (Part I)", "48/218 B") narrow no-break spaces, so that no
    symbol is broken across lines; everything else is left unchanged.

    Idempotent: symbols that already carry word joiners or no-break spaces are recognised
    and given exactly one joiner at each place.
    """

    def join(m: re.Match[str]) -> str:
        symbol = m.group().translate(_BIND).replace("/", "/" + WORD_JOINER)
        for dash in DASHES:
            symbol = symbol.replace(dash, WORD_JOINER + dash + WORD_JOINER)
        return symbol

    return _FIND_JOINED.sub(join, text)


# --------------------------------------------------------------------------- parsing


class _Single(NamedTuple):
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


class _Fail(Exception):
    """A problem inside one single symbol; turned into a DataError naming the whole text."""


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
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


def _suffix(seg: str) -> tuple[str, int | None]:
    m = _SUFFIX_RE.fullmatch(seg)
    if m:
        return (m["name"], int(m["number"])) if m["name"] else ("Summary", None)
    canonical = next(s for s in SUFFIXES if seg.lower().startswith(s.lower()))
    rest = seg[len(canonical):]
    expected = "Summary" if canonical == "Summary" else f"{canonical}.n"
    if seg[: len(canonical)] != canonical:
        raise _Fail(f"the suffix '{seg}' must be written '{canonical}{rest}' "
                    f"(capital first letter, then lower case)")
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
                if canonical != "Summary" else f"'{seg}' is not a suffix")


def _is_suffix_like(seg: str) -> bool:
    return seg.lower().startswith(tuple(s.lower() for s in SUFFIXES))


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
    return before, numeral


def _parse_single(text: str) -> _Single:
    reissue = text.endswith("*")
    body = text[:-1] if reissue else text
    if "*" in body:
        raise _Fail("the reissue mark '*' may appear only once, at the very end")
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
        if re.fullmatch(r"[A-Za-z]+", series):
            raise _Fail(f"the series '{series}' must be in capital letters: '{series.upper()}'")
        raise _Fail(f"the series '{series}' must be capital letters only (HSP, A, E, ST, …)")
    if len(segs) == 1:
        raise _Fail("the document number is missing: write the series, '/', then at least "
                    "the document number (e.g. HSP/EB.2024/11)")

    # Suffixes, from the right.
    suffixes: list[tuple[str, int | None]] = []
    end = len(segs)
    while end > 1 and _is_suffix_like(segs[end - 1].split(" ")[0]):
        seg = segs[end - 1]
        if "(" in seg or ")" in seg:
            raise _Fail(f"'{seg}': the parenthesised part follows the document number and "
                        f"comes before the suffixes, as in 'A/79/309 (Part I)/Add.1'")
        if " " in seg:
            raise _Fail(f"unexpected space in the suffix '{seg}'")
        suffixes.insert(0, _suffix(seg))
        end -= 1
    if end == 1:
        raise _Fail(f"the document number is missing before '/{segs[1]}'")

    # The document part, possibly "(Part I)" and a part letter.
    rest = segs[1:end]
    core, part = _split_part(rest[-1])
    letter = None
    if " " in core:
        core, _, letter = core.partition(" ")
        if not re.fullmatch(r"[A-Za-z]", letter):
            raise _Fail(f"unexpected space in '{rest[-1]}' (only a resolution part letter may "
                        f"follow a space, as in A/RES/48/218 B)")
    rest[-1] = core
    kind: str | None = None
    res_session: int | None = None
    if _DIGITS_RE.fullmatch(core):
        number = _number(core, "the document number")
        consumed = 1
        if len(rest) >= 3 and rest[-3] == "RES" and _DIGITS_RE.fullmatch(rest[-2]):
            kind, consumed = "RES", 3
            res_session = _number(rest[-2], "the session of the resolution")
        elif len(rest) >= 2 and rest[-2] in ("RES", "INF"):
            kind, consumed = rest[-2], 2
    else:
        consumed = 1
        dotted = re.fullmatch(r"([A-Za-z]+)\.(.*)", core)
        glued = re.fullmatch(r"([A-Za-z]+)([0-9]+)", core)
        if dotted and dotted[1] in _DOTTED_KINDS:
            kind = dotted[1]
            if dotted[2] == "":
                raise _Fail(f"the document number is missing after '{core}'")
            number = _number(dotted[2], f"the number of '{kind}.'")
        elif dotted and dotted[1].upper() in _DOTTED_KINDS and _DIGITS_RE.fullmatch(dotted[2]):
            raise _Fail(f"write '{core}' in capital letters: '{dotted[1].upper()}.{dotted[2]}'")
        elif glued and glued[1].upper() in _DOTTED_KINDS:
            raise _Fail(f"'{core}' needs a dot before its number: write "
                        f"'{glued[1].upper()}.{glued[2]}'")
        elif core in ("INF", "RES") or _BODY_RE.fullmatch(core) or re.fullmatch(r"[A-Za-z]+", core):
            raise _Fail(f"the document number is missing after '{core}'")
        else:
            raise _Fail(f"'{core}' is not a document number (expected a number, L.n, CRP.n, "
                        f"INF/n, RES/n, PV.n, SR.n, WP.n, R.n or HLS.n)")
    if letter is not None and kind != "RES":
        raise _Fail(f"a part letter ('{core} {letter}') is allowed only on a resolution "
                    f"number, as in A/RES/48/218 B")
    if letter is not None and not letter.isupper():
        raise _Fail(f"the part letter in '{core} {letter}' must be a capital: "
                    f"'{core} {letter.upper()}'")

    # Optional session, then body components.
    middle = rest[:-consumed]
    session = None
    if middle and _DIGITS_RE.fullmatch(middle[-1]):
        session = _number(middle.pop(), "the session or year")
    components: list[str] = []
    for seg in middle:
        if _DIGITS_RE.fullmatch(seg):
            raise _Fail(f"only one session or year may come before the document number, "
                        f"found '{seg}' and '{session}'")
        if _is_suffix_like(seg) and not _BODY_RE.fullmatch(seg):
            raise _Fail(f"the suffix '{seg}' must come after the document number")
        if "(" in seg or ")" in seg:
            raise _Fail(f"'{seg}': the parenthesised part must follow the document number")
        if " " in seg:
            raise _Fail(f"unexpected space in '{seg}'")
        m = _BODY_RE.fullmatch(seg)
        if m and m["name"] == "RES":
            raise _Fail(f"'{seg}' is not a body component: RES introduces a resolution number, "
                        f"RES/<session>/<number> as in A/RES/71/243")
        if not m:
            name = seg.partition(".")[0]
            if re.fullmatch(r"[A-Za-z]+", name) and _BODY_RE.fullmatch(seg.upper()):
                fixed = "Sub" + seg[3:] if name.lower() == "sub" else seg.upper()
                raise _Fail(f"the body component '{seg}' must be written '{fixed}'")
            if seg.endswith("."):
                raise _Fail(f"a number must follow the dot in '{seg}'")
            raise _Fail(f"'{seg}' is not a body component (expected capital letters, "
                        f"optionally '.' and a number: EB.2024, AC.51, SGB)")
        if m["number"] is not None:
            _number(m["number"], f"the number in '{seg}'")
        components.append(seg)

    # HSP/EB fuses body and year: HSP/EB.2024/11 (conventions §1.2, reference regex).
    if series == "HSP" and components and components[0].partition(".")[0] == "EB":
        year = components[0].partition(".")[2]
        tail = "/".join(segs[1 + len(components) + (session is not None):])
        if not year:
            if session is not None and _YEAR_RE.fullmatch(str(session)) and len(components) == 1:
                raise _Fail(f"HSP/EB symbols join the body and the year with a dot: "
                            f"write 'HSP/EB.{session}/{tail}'")
            if session is None and len(components) == 1 and kind is None and _YEAR_RE.fullmatch(core):
                raise _Fail(f"the document number is missing, and HSP/EB symbols join the body "
                            f"and the year with a dot: write 'HSP/EB.{core}/<number>'")
            raise _Fail("HSP/EB symbols need the year after 'EB.': "
                        "write 'HSP/EB.<year>/<number>', e.g. 'HSP/EB.2024/11'")
        if not _YEAR_RE.fullmatch(year):
            raise _Fail(f"'{components[0]}' must give the calendar year in four digits "
                        f"(19xx or 20xx), e.g. 'EB.2024'")
        extra = components[1:] + ([str(session)] if session is not None else [])
        if extra:
            raise _Fail(f"in HSP/EB symbols the document part follows '{components[0]}' "
                        f"directly: remove '{'/'.join(extra)}'")

    return _Single(series, tuple(components), session, kind, res_session, number, letter,
                   part, tuple(suffixes), reissue)


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[_Single, ...]:
    """Parse a whole symbol (single or joint) or raise DataError saying what is wrong."""

    def fail(message: str) -> DataError:
        return DataError(f"'{text}': {message}")

    if text == "":
        raise fail("a symbol cannot be empty (e.g. HSP/EB.2024/11)")
    if text[0].isspace():
        raise fail("remove the white space at the start")
    if text[-1].isspace():
        raise fail("remove the white space at the end")
    if WORD_JOINER in text:
        raise fail("contains U+2060 WORD JOINER: write symbols without joiners "
                   "(nobreak() adds them for display)")
    for ch in text:
        if not _ALLOWED_CHARS.fullmatch(ch):
            name = unicodedata.name(ch, "")
            label = f"U+{ord(ch):04X}" + (f" {name}" if name else "")
            raise fail(f"unexpected character {ch!r} ({label}); symbols use ASCII letters, "
                       f"digits, '/', '.', '*', ' (Part …)' and '–' or '-' between joint symbols")
    pieces = re.split(f"[{DASHES}]", text)
    if len(pieces) > 2:
        raise fail(f"a joint symbol joins exactly two symbols with one dash, "
                   f"found {len(pieces) - 1} dashes")
    if len(pieces) == 2:
        dash = text[len(pieces[0])]
        if not pieces[0]:
            raise fail(f"nothing before the dash '{dash}' of the joint symbol")
        if not pieces[1]:
            raise fail(f"nothing after the dash '{dash}' of the joint symbol")
    singles = []
    for piece in pieces:
        try:
            singles.append(_parse_single(piece))
        except _Fail as exc:
            raise fail(f"in '{piece}', {exc}" if len(pieces) > 1 else str(exc)) from None
    return tuple(singles)


def _check(_: object, __: object, value: str) -> None:
    if not isinstance(value, str):
        raise DataError(f"expected a symbol as text, such as HSP/EB.2024/11, got {value!r}")
    _parse(value)


def _unparse(s: _Single) -> str:
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


# --------------------------------------------------------------------------- Symbol


@frozen
class Symbol:
    """A UN document symbol such as ``HSP/EB.2024/11``; the same in every language.

    Built from its text and validated on construction (:class:`DataError` says which
    component is wrong and why); ``str()`` gives the text back unchanged.

    A joint symbol (``A/74/73/Add.1–E/2019/4/Add.1``) has two :attr:`parts`; its
    single-symbol accessors (:attr:`series` … :attr:`suffixes`) describe the first part,
    :attr:`reissue` is true if any part is marked, and :attr:`base` and :meth:`addendum`
    apply to every part.
    """

    text: str = field(validator=_check)

    def __str__(self) -> str:
        return self.text

    @property
    def file_stem(self) -> str:
        """A file-name form: ``HSP/EB.2024/11`` -> ``HSP-EB.2024-11``."""
        return re.sub(r"[/ ]", "-", self.text.replace("*", "")).replace("(", "").replace(")", "")

    @classmethod
    def hsp_eb(cls, year: int, number: int) -> Symbol:
        """The Executive Board document ``HSP/EB.<year>/<number>``."""
        for name, value in (("year", year), ("number", number)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise DataError(f"the {name} of an HSP/EB symbol must be an integer, got {value!r}")
        if not 1900 <= year <= 2099:
            raise DataError(f"the year of an HSP/EB symbol must have four digits, got {year}")
        if number < 1:
            raise DataError(f"the number of an HSP/EB symbol must be 1 or more, got {number}")
        return cls(f"HSP/EB.{year}/{number}")

    @property
    def _singles(self) -> tuple[_Single, ...]:
        return _parse(self.text)

    @property
    def _first(self) -> _Single:
        return _parse(self.text)[0]

    @property
    def is_joint(self) -> bool:
        """True for a joint symbol such as ``A/74/73/Add.1–E/2019/4/Add.1``."""
        return len(self._singles) > 1

    @property
    def parts(self) -> tuple[Symbol, ...]:
        """The single symbols of a joint symbol, in order; ``(self,)`` for a single one."""
        if not self.is_joint:
            return (self,)
        return tuple(Symbol(t) for t in re.split(f"[{DASHES}]", self.text))

    @property
    def series(self) -> str:
        """The first component: ``HSP``, ``A``, ``E``, ``ST``, ``UNEP``…"""
        return self._first.series

    @property
    def components(self) -> tuple[str, ...]:
        """The body components between the series and the session or document part, as
        written: ``("EB.2024",)`` for HSP/EB.2024/11, ``("AC.51",)`` for E/AC.51/2023/3,
        ``("SGB",)`` for ST/SGB/2019/2, ``()`` for A/79/76."""
        return self._first.components

    @property
    def session(self) -> int | None:
        """The session or year component: 79 in A/79/76, 2019 in ST/SGB/2019/2, 71 in
        A/RES/71/243; None when there is none (HSP/EB.2024/11, HSP/HA.2/8)."""
        s = self._first
        return s.session if s.session is not None else s.res_session

    @property
    def year(self) -> int | None:
        """The calendar year the symbol carries, if any (19xx or 20xx): the session
        component when it is a year (ST/SGB/2019/2 -> 2019), else a year fused to a body
        (HSP/EB.2024/11 -> 2024, HSP/OECPR.2023/INF/1 -> 2023), else the session of a
        resolution (E/RES/2019/1 -> 2019); None for A/79/76 or HSP/HA.2/8."""
        s = self._first
        candidates = [str(s.session), *(c.partition(".")[2] for c in reversed(s.components)),
                      str(s.res_session)]
        return next((int(c) for c in candidates if _YEAR_RE.fullmatch(c)), None)

    @property
    def number(self) -> int:
        """The sequential number of the document part: 11 in HSP/EB.2024/11/Add.1, 3 in
        HSP/EB.2024/L.3, 1 in HSP/EB.2023/INF/1, 243 in A/RES/71/243."""
        return self._first.number

    @property
    def kind(self) -> str | None:
        """None for a plain number, else one of :data:`KINDS` (``"L"``, ``"CRP"``,
        ``"INF"``, ``"RES"``, ``"PV"``, ``"SR"``, ``"WP"``, ``"R"``, ``"HLS"``)."""
        return self._first.kind

    @property
    def letter(self) -> str | None:
        """The part letter of a resolution: ``"B"`` in A/RES/48/218 B."""
        return self._first.letter

    @property
    def part(self) -> str | None:
        """The Roman numeral of a parenthesised part: ``"I"`` in A/79/309 (Part I)."""
        return self._first.part

    @property
    def suffixes(self) -> tuple[tuple[str, int | None], ...]:
        """``(("Add", 1), ("Corr", 1))`` for …/Add.1/Corr.1; ``("Summary", None)``."""
        return self._first.suffixes

    @property
    def reissue(self) -> bool:
        """True when marked ``*``, reissued for technical reasons."""
        return any(s.reissue for s in self._singles)

    @property
    def base(self) -> Symbol:
        """The symbol without suffixes and reissue mark: HSP/EB.2024/13/Add.1 ->
        HSP/EB.2024/13; A/79/309 (Part I)/Add.1 -> A/79/309 (Part I)."""
        return self._map(lambda s: s._replace(suffixes=(), reissue=False))

    def addendum(self, n: int) -> Symbol:
        """Addendum ``n`` to this document: HSP/EB.2024/13 -> HSP/EB.2024/13/Add.n. The
        reissue mark is dropped; an addendum cannot be taken of an addendum."""
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise DataError(f"an addendum number must be an integer of 1 or more, got {n!r}")
        if any(name == "Add" for s in self._singles for name, _ in s.suffixes):
            raise DataError(f"'{self.text}' is already an addendum; "
                            f"take the addendum of its base, '{self.base.text}'")
        return self._map(lambda s: s._replace(suffixes=(*s.suffixes, ("Add", n)), reissue=False))

    def _map(self, change: Callable[[_Single], _Single]) -> Symbol:
        singles = [change(s) for s in self._singles]
        texts = [_unparse(s) for s in singles]
        if len(texts) == 1:
            return Symbol(texts[0])
        dash = next(ch for ch in self.text if ch in DASHES)
        return Symbol(dash.join(texts))
