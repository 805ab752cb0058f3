"""UN document symbols: parser, accessors, errors, FIND and nobreak (conventions §1)."""

from __future__ import annotations

import itertools
import re
import string

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import SEEDS

from habitat_docs.errors import DataError
from habitat_docs.model.symbol import Symbol
from habitat_docs.model.symbol_find import FIND, nobreak
from habitat_docs.model.symbol_grammar import KINDS, WORD_JOINER
from habitat_docs.terminal import printable

WJ = WORD_JOINER
NBSP = "\u202f"  # narrow no-break space

# --------------------------------------------------------------------------- valid symbols

# text: (series, components, session, year, number, kind, part, suffixes, reissue)
VALID = {
    # §1.4, seeds S0–S4
    "HSP/EB.2024/11": ("HSP", ("EB.2024",), None, 2024, 11, None, None, (), False),
    "HSP/EB.2024/1": ("HSP", ("EB.2024",), None, 2024, 1, None, None, (), False),
    "ST/SGB/2019/2": ("ST", ("SGB",), 2019, 2019, 2, None, None, (), False),
    "ST/SGB/2019/3": ("ST", ("SGB",), 2019, 2019, 3, None, None, (), False),
    "ST/IC/2019/15": ("ST", ("IC",), 2019, 2019, 15, None, None, (), False),
    "ST/SGB/2019/8": ("ST", ("SGB",), 2019, 2019, 8, None, None, (), False),
    "A/79/309 (Part I)": ("A", (), 79, None, 309, None, "I", (), False),
    "A/79/309 (Part I)/Add.1": ("A", (), 79, None, 309, None, "I", (("Add", 1),), False),
    "A/79/76": ("A", (), 79, None, 76, None, None, (), False),
    "E/AC.51/2023/3": ("E", ("AC.51",), 2023, 2023, 3, None, None, (), False),
    "E/AC.51/2023/7": ("E", ("AC.51",), 2023, 2023, 7, None, None, (), False),
    "HSP/EB.2022/1": ("HSP", ("EB.2022",), None, 2022, 1, None, None, (), False),
    "HSP/EB.2020/16": ("HSP", ("EB.2020",), None, 2020, 16, None, None, (), False),
    "A/RES/71/243": ("A", (), 71, None, 243, "RES", None, (), False),
    "A/RES/72/279": ("A", (), 72, None, 279, "RES", None, (), False),
    "A/RES/75/233": ("A", (), 75, None, 233, "RES", None, (), False),
    "A/RES/76/4": ("A", (), 76, None, 4, "RES", None, (), False),
    "HSP/EB.2020/2": ("HSP", ("EB.2020",), None, 2020, 2, None, None, (), False),
    "HSP/EB.2020/2/Add.1": ("HSP", ("EB.2020",), None, 2020, 2, None, None, (("Add", 1),), False),
    "HSP/EB.2020/4": ("HSP", ("EB.2020",), None, 2020, 4, None, None, (), False),
    "HSP/EB.2020/13": ("HSP", ("EB.2020",), None, 2020, 13, None, None, (), False),
    "HSP/EB.2020/13/Add.1": ("HSP", ("EB.2020",), None, 2020, 13, None, None, (("Add", 1),), False),
    "HSP/EB.2020/13/Add.2": ("HSP", ("EB.2020",), None, 2020, 13, None, None, (("Add", 2),), False),
    "HSP/EB.2020/19": ("HSP", ("EB.2020",), None, 2020, 19, None, None, (), False),
    # §1.1, published UN-Habitat and Nairobi symbols
    "HSP/HA.1/HLS.3": ("HSP", ("HA.1",), None, None, 3, "HLS", None, (), False),
    "HSP/OECPR.2023/INF/1": ("HSP", ("OECPR.2023",), None, 2023, 1, "INF", None, (), False),
    "HSP/OECPR.2021/7": ("HSP", ("OECPR.2021",), None, 2021, 7, None, None, (), False),
    "HSP/HA.2/8": ("HSP", ("HA.2",), None, None, 8, None, None, (), False),
    "HSP/HA.2/9": ("HSP", ("HA.2",), None, None, 9, None, None, (), False),
    "HSP/OECPR.2023/CRP.7/Rev.1": ("HSP", ("OECPR.2023",), None, 2023, 7, "CRP", None, (("Rev", 1),), False),
    "HSP/OECPR.2023/CRP.3": ("HSP", ("OECPR.2023",), None, 2023, 3, "CRP", None, (), False),
    "HS/C/17/1": ("HS", ("C",), 17, None, 1, None, None, (), False),
    "HS/C/17/1/Add.1": ("HS", ("C",), 17, None, 1, None, None, (("Add", 1),), False),
    "HS/C/17/CRP.4": ("HS", ("C",), 17, None, 4, "CRP", None, (), False),
    "HSP/GC/20/1/Add.1": ("HSP", ("GC",), 20, None, 1, None, None, (("Add", 1),), False),
    "HSP/GC/20/9": ("HSP", ("GC",), 20, None, 9, None, None, (), False),
    "UNEP/EA.1/1": ("UNEP", ("EA.1",), None, None, 1, None, None, (), False),
    "UNEP/EA.1/2/Add.5": ("UNEP", ("EA.1",), None, None, 2, None, None, (("Add", 5),), False),
    # §1.1, published examples of the generic grammar
    "A/31/1": ("A", (), 31, None, 1, None, None, (), False),
    "E/1978/1": ("E", (), 1978, 1978, 1, None, None, (), False),
    "S/1994/1": ("S", (), 1994, 1994, 1, None, None, (), False),
    # §1.2 reference regex examples
    "HSP/EB.2024/L.3": ("HSP", ("EB.2024",), None, 2024, 3, "L", None, (), False),
    "HSP/EB.2023/CRP.1/Rev.1": ("HSP", ("EB.2023",), None, 2023, 1, "CRP", None, (("Rev", 1),), False),
    "HSP/EB.2023/INF/1": ("HSP", ("EB.2023",), None, 2023, 1, "INF", None, (), False),
    "HSP/EB.2024/1*": ("HSP", ("EB.2024",), None, 2024, 1, None, None, (), True),
    "HSP/EB.2024/11/Add.1/Corr.1": (
        "HSP", ("EB.2024",), None, 2024, 11, None, None, (("Add", 1), ("Corr", 1)), False),
    # §1.2 grammar: other special components and suffixes
    "HSP/EB.2024/11/Rev.1/Add.1": (
        "HSP", ("EB.2024",), None, 2024, 11, None, None, (("Rev", 1), ("Add", 1)), False),
    "HSP/EB.2024/11/Amend.2": ("HSP", ("EB.2024",), None, 2024, 11, None, None, (("Amend", 2),), False),
    "HSP/EB.2024/11/Summary": (
        "HSP", ("EB.2024",), None, 2024, 11, None, None, (("Summary", None),), False),
    "HSP/EB.2024/11/Add.1*": ("HSP", ("EB.2024",), None, 2024, 11, None, None, (("Add", 1),), True),
    "S/PV.8000": ("S", (), None, None, 8000, "PV", None, (), False),
    "A/C.5/48/SR.2": ("A", ("C.5",), 48, None, 2, "SR", None, (), False),
    "A/C.2/79/L.5/Rev.1": ("A", ("C.2",), 79, None, 5, "L", None, (("Rev", 1),), False),
    "E/CN.4/Sub.2/1994/2": ("E", ("CN.4", "Sub.2"), 1994, 1994, 2, None, None, (), False),
    "TD/B/WP.300": ("TD", ("B",), None, None, 300, "WP", None, (), False),
    "E/2019/R.1": ("E", (), 2019, 2019, 1, "R", None, (), False),
    "E/RES/2019/1": ("E", (), 2019, 2019, 1, "RES", None, (), False),
    "A/RES/48/218 B": ("A", (), 48, None, 218, "RES", None, (), False),
    "A/INF/79/1": ("A", ("INF",), 79, None, 1, None, None, (), False),
    "A/79/309 (Part IV)/Add.1/Corr.2": (
        "A", (), 79, None, 309, None, "IV", (("Add", 1), ("Corr", 2)), False),
}

FIELDS = ("series", "components", "session", "year", "number", "kind", "part", "suffixes", "reissue")


@pytest.mark.parametrize("text", VALID)
def test_valid_symbol_prints_back_and_has_its_components(text: str) -> None:
    s = Symbol(text)
    assert str(s) == s.text == text
    assert dict(zip(FIELDS, VALID[text])) == {f: getattr(s, f) for f in FIELDS}
    assert not s.is_joint and s.parts == (s,)
    assert FIND.fullmatch(text)


def test_part_letter_and_resolution_session() -> None:
    s = Symbol("A/RES/48/218 B")
    assert (s.kind, s.session, s.number, s.letter) == ("RES", 48, 218, "B")
    assert Symbol("A/RES/71/243").letter is None


def test_joint_symbol() -> None:
    text = "A/74/73/Add.1–E/2019/4/Add.1"
    s = Symbol(text)
    assert str(s) == text and s.is_joint
    assert s.parts == (Symbol("A/74/73/Add.1"), Symbol("E/2019/4/Add.1"))
    # single-symbol accessors describe the first part
    assert (s.series, s.session, s.number, s.suffixes) == ("A", 74, 73, (("Add", 1),))
    assert s.base == Symbol("A/74/73–E/2019/4")
    assert Symbol("A/74/73–E/2019/4").addendum(1) == s
    hyphen = Symbol("A/74/73/Add.1-E/2019/4/Add.1")  # ODS form
    assert hyphen.parts == s.parts and str(hyphen.base) == "A/74/73-E/2019/4"
    assert Symbol("A/74/73–E/2019/4*").reissue


def test_symbol_is_a_frozen_attrs_value() -> None:
    s = Symbol("HSP/EB.2024/11")
    assert s == Symbol("HSP/EB.2024/11") and hash(s) == hash(Symbol("HSP/EB.2024/11"))
    assert s != Symbol("HSP/EB.2024/1")
    assert repr(s) == "Symbol(text='HSP/EB.2024/11')"
    assert [a.name for a in attrs.fields(Symbol)] == ["text"]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.text = "A/1"  # type: ignore[misc]
    assert attrs.evolve(s, text="HSP/EB.2024/12") == Symbol("HSP/EB.2024/12")
    with pytest.raises(DataError):
        attrs.evolve(s, text="HSP/EB/2024/12")


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("HSP/EB.2024/11", "HSP-EB.2024-11"),
        ("HSP/EB.2024/1*", "HSP-EB.2024-1"),
        ("A/79/309 (Part I)/Add.1", "A-79-309-Part-I-Add.1"),
        ("A/74/73/Add.1–E/2019/4/Add.1", "A-74-73-Add.1–E-2019-4-Add.1"),
    ],
)
def test_file_stem(text: str, stem: str) -> None:
    assert Symbol(text).file_stem == stem


def test_base() -> None:
    assert Symbol("HSP/EB.2024/13/Add.1").base == Symbol("HSP/EB.2024/13")
    assert Symbol("HSP/EB.2024/11/Add.1/Corr.1").base == Symbol("HSP/EB.2024/11")
    assert Symbol("A/79/309 (Part I)/Add.1").base == Symbol("A/79/309 (Part I)")
    assert Symbol("HSP/EB.2024/1*").base == Symbol("HSP/EB.2024/1")
    assert Symbol("HSP/EB.2024/L.3").base == Symbol("HSP/EB.2024/L.3")
    assert Symbol("HSP/OECPR.2023/CRP.7/Rev.1").base == Symbol("HSP/OECPR.2023/CRP.7")


def test_addendum() -> None:
    assert Symbol("HSP/EB.2024/13").addendum(2) == Symbol("HSP/EB.2024/13/Add.2")
    assert Symbol("HSP/EB.2024/1").addendum(1) == Symbol("HSP/EB.2024/1/Add.1")
    assert Symbol("HSP/EB.2024/1*").addendum(1) == Symbol("HSP/EB.2024/1/Add.1")
    assert Symbol("A/79/309 (Part I)").addendum(1) == Symbol("A/79/309 (Part I)/Add.1")
    assert Symbol("HSP/EB.2024/11/Rev.1").addendum(1) == Symbol("HSP/EB.2024/11/Rev.1/Add.1")
    with pytest.raises(DataError, match=r"already an addendum.*'HSP/EB.2024/13'"):
        Symbol("HSP/EB.2024/13/Add.1").addendum(2)
    for bad in (0, -1, True, 1.0, "1"):
        with pytest.raises(DataError, match="addendum number"):
            Symbol("HSP/EB.2024/13").addendum(bad)  # type: ignore[arg-type]


def test_hsp_eb() -> None:
    s = Symbol.hsp_eb(2024, 11)
    assert s == Symbol("HSP/EB.2024/11") and (s.year, s.number) == (2024, 11)
    with pytest.raises(DataError, match="four digits"):
        Symbol.hsp_eb(24, 11)
    with pytest.raises(DataError, match="1 or more"):
        Symbol.hsp_eb(2024, 0)
    with pytest.raises(DataError, match="integer"):
        Symbol.hsp_eb(2024, "11")  # type: ignore[arg-type]
    with pytest.raises(DataError, match="integer"):
        Symbol.hsp_eb(True, 1)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- malformed

MALFORMED = [
    ("HSP/EB/2024/1", "HSP/EB symbols join the body and the year with a dot: write 'HSP/EB.2024/1'"),
    ("HSP/EB/2024/1/Add.1", "write 'HSP/EB.2024/1/Add.1'"),
    ("HSP/EB/2024", "the document number is missing"),
    ("HSP/EB/1", "HSP/EB symbols need the year after 'EB.'"),
    ("HSP/EB.24/1", "'EB.24' must give the calendar year in four digits"),
    ("HSP/EB.2024/3/1", "the document part follows 'EB.2024' directly: remove '3'"),
    ("HSP/EB.2024/GC/1", "the document part follows 'EB.2024' directly: remove 'GC'"),
    ("", "a symbol cannot be empty"),
    (" HSP/EB.2024/11", "white space at the start"),
    ("HSP/EB.2024/11 ", "white space at the end"),
    ("HSP/EB.2024/11\n", "white space at the end"),
    ("hsp/EB.2024/11", "the series 'hsp' must be in capital letters: 'HSP'"),
    ("Hsp/EB.2024/11", "the series 'Hsp' must be in capital letters"),
    ("HSP/eb.2024/11", "the body component 'eb.2024' must be written 'EB.2024'"),
    ("HSP/EB.2024/11/Add", "the suffix 'Add' has no number"),
    ("HSP/EB.2024/11/Add.", "the suffix 'Add.' has no number after the dot"),
    ("HSP/EB.2024/11/Add.0", "the suffix 'Add.0' is numbered from 1"),
    ("HSP/EB.2024/11/Add.01", "the suffix 'Add.01' has a leading zero"),
    ("HSP/EB.2024/11/Add1", "the suffix 'Add1' needs a dot before its number: write 'Add.1'"),
    ("HSP/EB.2024/11/add.1", "the suffix 'add.1' must be written 'Add.1'"),
    ("HSP/EB.2024/11/Corr", "the suffix 'Corr' has no number"),
    ("HSP/EB.2024/11/Summary.1", "'/Summary' takes nothing after it"),
    ("HSP/EB.2024/Add.1/11", "the suffix 'Add.1' must come after the document number"),
    ("HSP/EB.2024/Add.1", "the document number is missing after 'EB.2024'"),
    ("HSP/Add.1", "the document number is missing before '/Add.1'"),
    ("A/79/309 (Part I", "'(Part I' is not closed: write '(Part I)'"),
    ("A/79/309 Part I)", "')' without '('"),
    ("A/79/309(Part I)", "put one space before '(Part I)'"),
    ("A/79/309 (part I)", "write the part as '(Part <Roman numeral>)'"),
    ("A/79/309 (Part 1)", "the part number must be a Roman numeral: write '(Part I)'"),
    ("A/79/309 (Part IIII)", "'IIII' in '(Part IIII)' is not a Roman numeral"),
    ("A/79/309 (SUPP)", "only '(Part <Roman numeral>)' may follow the document number"),
    ("A/79/309/Add.1 (Part I)", "the parenthesised part follows the document number and comes before"),
    ("HSP//EB.2024/11", "double slash '//' after 'HSP'"),
    ("HSP/EB.2024//11", "double slash '//' after 'HSP/EB.2024'"),
    ("HSP/EB.2024/11/", "ends with '/'"),
    ("/HSP/EB.2024/11", "starts with '/': the series"),
    ("HSP", "the document number is missing"),
    ("HSP/EB.2024", "the document number is missing after 'EB.2024'"),
    ("ST/SGB", "the document number is missing after 'SGB'"),
    ("HSP/EB.2024/INF", "the document number is missing after 'INF'"),
    ("HSP/EB.2024/L.", "the document number is missing after 'L.'"),
    ("HSP/EB.2024/L.0", "the number of 'L.' '0' must be 1 or more"),
    ("HSP/EB.2024/l.3", "write 'l.3' in capital letters: 'L.3'"),
    ("HSP/OECPR.2023/CRP7/Rev.1", "'CRP7' needs a dot before its number: write 'CRP.7'"),
    ("HSP/EB.2024/011", "the document number '011' has a leading zero"),
    ("HSP/EB.2024/0", "the document number '0' must be 1 or more"),
    ("E/AC.051/2023/3", "the number in 'AC.051' '051' has a leading zero"),
    ("E/AC./2023/3", "a number must follow the dot in 'AC.'"),
    ("A/1/2/3", "only one session or year may come before the document number"),
    ("HSP/EB.2024/11 B", "a part letter ('11 B') is allowed only on a resolution number"),
    ("A/RES/48/218 b", "the part letter in '218 b' must be a capital: '218 B'"),
    ("A/RES/48/218  B", "unexpected space in '218  B'"),
    ("HSP/EB.2024/1**", "the reissue mark '*' may appear only once, at the very end"),
    ("*HSP/EB.2024/1", "the reissue mark '*' may appear only once, at the very end"),
    ("HSP／EB.2024/11", "unexpected character '／' (U+FF0F FULLWIDTH SOLIDUS)"),
    ("HSP/EB.2024/11。", "unexpected character '。'"),
    (f"HSP/{WJ}EB.2024/11", "U+2060 WORD JOINER"),
    ("A/74/73/Add.1–", "nothing after the dash '–'"),
    ("–E/2019/4", "nothing before the dash '–'"),
    ("A/1–E/2–S/3", "a joint symbol joins exactly two symbols with one dash, found 2 dashes"),
    ("A/74/73/Add.1–E/2019/4/Add", "in 'E/2019/4/Add', the suffix 'Add' has no number"),
    ("A/ES-10/L.22", "in 'A/ES', the document number is missing after 'ES'"),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_malformed_symbol_says_which_component_and_why(text: str, message: str) -> None:
    with pytest.raises(DataError) as info:
        Symbol(text)
    # the message quotes the symbol with its invisible characters escaped (a word joiner: \u2060)
    assert str(info.value).startswith(f"'{printable(text)}': ")
    assert message in str(info.value)
    assert not FIND.fullmatch(text)


@pytest.mark.parametrize("value", [None, 11, b"HSP/EB.2024/11", ["HSP/EB.2024/11"]])
def test_non_text_is_rejected(value: object) -> None:
    with pytest.raises(DataError, match="expected a symbol as text"):
        Symbol(value)  # type: ignore[arg-type]


def test_data_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        Symbol("HSP/EB/2024/1")


# --------------------------------------------------------------------------- generated symbols

_names = st.text(string.ascii_uppercase, min_size=1, max_size=5)
_nums = st.integers(1, 2500)
_roman_numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XIV", "XL", "XC", "MMXXIV"]


@st.composite
def singles(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    """A valid single symbol and its expected accessors (never an ambiguous form)."""
    if draw(st.booleans()):
        series, year = "HSP", draw(st.integers(1900, 2099))
        components: tuple[str, ...] = (f"EB.{year}",)
        session = None
    else:
        series = draw(st.sampled_from(["A", "E", "S", "ST", "HSP", "UNEP", "HS", "TD"]) | _names)
        bodies = draw(st.lists(
            st.tuples(_names.filter(lambda n: n not in ("INF", "RES")) | st.just("Sub"),
                      st.none() | _nums), max_size=3))
        if series == "HSP" and bodies and bodies[0][0] == "EB":
            bodies = bodies[1:]
        components = tuple(n if k is None else f"{n}.{k}" for n, k in bodies)
        session = draw(st.none() | _nums)
        year = None
    kind = draw(st.sampled_from([None, *KINDS]))
    number = draw(_nums)
    res_session = draw(st.none() | _nums) if kind == "RES" else None
    letter = draw(st.none() | st.sampled_from("ABCDZ")) if kind == "RES" else None
    part = draw(st.none() | st.sampled_from(_roman_numerals))
    suffixes = tuple(draw(st.lists(
        st.tuples(st.sampled_from(["Add", "Corr", "Rev", "Amend"]), _nums) | st.just(("Summary", None)),
        max_size=3)))
    reissue = draw(st.booleans())

    text = "/".join((series, *components))
    if session is not None:
        text += f"/{session}"
    if kind is None:
        text += f"/{number}"
    elif kind == "INF":
        text += f"/INF/{number}"
    elif kind == "RES":
        text += "/RES" + ("" if res_session is None else f"/{res_session}") + f"/{number}"
    else:
        text += f"/{kind}.{number}"
    text += (f" {letter}" if letter else "") + (f" (Part {part})" if part else "")
    text += "".join(f"/{n}" if k is None else f"/{n}.{k}" for n, k in suffixes)
    text += "*" if reissue else ""

    if year is None:
        for candidate in [session, *(c.partition(".")[2] for c in reversed(components)), res_session]:
            if candidate is not None and re.fullmatch(r"(19|20)\d\d", str(candidate)):
                year = int(candidate)
                break
    expected = {
        "series": series, "components": components,
        "session": session if session is not None else res_session, "year": year,
        "number": number, "kind": kind, "letter": letter, "part": part,
        "suffixes": suffixes, "reissue": reissue,
    }
    return text, expected


symbols = st.one_of(
    singles().map(lambda x: x[0]),
    st.tuples(singles(), st.sampled_from("–-"), singles()).map(lambda t: t[0][0] + t[1] + t[2][0]),
)


@given(singles())
def test_generated_single_symbols_round_trip_with_their_components(case: tuple[str, dict]) -> None:
    text, expected = case
    s = Symbol(text)
    assert str(s) == text
    assert {k: getattr(s, k) for k in expected} == expected
    assert FIND.fullmatch(text)
    assert str(s.base) == re.sub(r"(/(Add|Corr|Rev|Amend)\.\d+|/Summary)*\*?$", "", text)


@given(symbols)
def test_generated_symbols_round_trip(text: str) -> None:
    s = Symbol(text)
    assert str(s) == text and Symbol(str(s)) == s
    assert FIND.fullmatch(text)
    assert "–".join(map(str, s.parts)) == text.replace("-", "–")
    assert not s.base.suffixes and all(not p.suffixes for p in s.base.parts)


_EDIT_CHARS = "AEHSPBLRCINFGsubdr0123456789/.*() –-" + WJ + "（"


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(symbols, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 2), st.sampled_from(_EDIT_CHARS)),
                          min_size=1, max_size=3))
def test_find_accepts_exactly_what_the_parser_accepts(text: str, edits: list) -> None:
    for pos, op, ch in edits:
        pos = min(pos, len(text))
        text = (text[:pos] + ch + text[pos:], text[:pos] + text[pos + 1:], text[:pos] + ch + text[pos + 1:])[op]
    try:
        s = Symbol(text)
    except DataError as exc:
        assert str(exc).startswith(f"'{printable(text)}': ")
        assert not FIND.fullmatch(text)
    else:
        assert FIND.fullmatch(text)
        assert str(s) == text


# --------------------------------------------------------------------------- FIND and nobreak

# Real lines of the seeds (S0–S4) and the symbols in each, as in conventions §1.4.
SENTENCES = [
    ("* HSP/EB.2024/1。", ["HSP/EB.2024/1"]),
    ("ST/SGB/2019/2 号秘书长公报有效分配其转授的权力。", ["ST/SGB/2019/2"]),
    ("(c) 秘书长关于灵活工作安排的公报（ST/SGB/2019/3）和关于这一事", ["ST/SGB/2019/3"]),
    ("项的情况通报（ST/IC/2019/15）强调，灵活工作安排不是一种应享权利，而是", ["ST/IC/2019/15"]),
    ("17. 执行主任办公室根据 ST/SGB/2019/8号秘书长公报，迅速处理工作人员有", ["ST/SGB/2019/8"]),
    ("日期间活动的报告（A/79/309 (Part I)和 A/79/309 (Part I)/Add.1）和道德操守办",
     ["A/79/309 (Part I)", "A/79/309 (Part I)/Add.1"]),
    ("公室关于其 2023 年活动的报告（A/79/76），以及人居署与监督和道德操守有", ["A/79/76"]),
    ("第 48/218 B 号决议设立了监督厅，并决定其将在秘书长的授权下独立运作，行", []),
    ("5. 根据联大第 48/218 B 号决议（第 5 (e)段）、54/244（第 4 和第 5 段），", []),
    ("监督厅发布了对人居署 2020–2025 年战略计划的中期评价（IED-24-009），其", []),
    ("国需求的响应以及加强会员国实现这些目标的能力（E/AC.51/2023/3）；", ["E/AC.51/2023/3"]),
    ("(b) 青年与和平与安全议程专题评价（E/AC.51/2023/7）。", ["E/AC.51/2023/7"]),
    ("力问题的公报（ST/SGB/2019/8）所界定的可能违禁行为的报告的培训。这使", ["ST/SGB/2019/8"]),
    (("1. 本报告是秘书处应执行局第 2019/4 号和第 2021/8 号决定的要求编写的；决定中要求执行主任定期提供"
      "信息，说明联合国人类住区规划署（人居署）在实施联合国发展系统改革方面取得的进展。本报告在关于使人"
      "居署的规划周期与四年度全面政策审查进程保持一致的情况的报告（HSP/EB.2020/16）基础上编写，还旨在"
      "强调改革的意义、其对人居署工作的影响以及下一年的相关优先事项。"), ["HSP/EB.2020/16"]),
    (("2. 如报告所述，人居署采取的行动源于 2017–2020 年期间联合国系统发展方面业务活动四年度全面政策审查"
      "（A/RES/71/243），以及联合国发展系统在四年度全面政策审查背景下的重新定位（A/RES/72/279）。这些"
      "行动还参照了联合国供资契约（A/74/73/Add.1–E/2019/4/Add.1）和 2021–2024 年期间四年度全面政策审"
      "查（A/RES/75/233），而 2021 年驻地协调员制度审查（A/RES/76/4）重申了联合国对发展系统改革的承诺"
      "及其在这方面与会员国的持续对话。"),
     ["A/RES/71/243", "A/RES/72/279", "A/74/73/Add.1–E/2019/4/Add.1", "A/RES/75/233", "A/RES/76/4"]),
    ("* HSP/EB.2022/1。", ["HSP/EB.2022/1"]),
    ("由一名 D-2 职等的主任领导，而目前的协调工作在工作人员和资源非常有限的情况下开展。", []),
    (("会前文件 HSP/EB.2020/2：执行主任题为“2020-2023 年期间战略计划执行工作：截至 2019 年 12 月 31 日"
      "的财务状况”的报告"), ["HSP/EB.2020/2"]),
    ("会前文件 HSP/EB.2020/2/Add.1: 关于人居署正在进行的结构调整的最新情况", ["HSP/EB.2020/2/Add.1"]),
    (("会前文件 HSP/EB.2020/4: 执行主任关于 2021 年联合国人类住区规划署年度工作方案草案及联合国生境和人"
      "类住区基金会预算草案的报告"), ["HSP/EB.2020/4"]),
    ("3.1 关于联合国全系统更安全城市和人类住区准则的第 1/2 号决议", []),
    ("会前文件 HSP/EB.2020/13/Add.2：关于联合国全系统更安全城市和人类住区准则审查进程的",
     ["HSP/EB.2020/13/Add.2"]),
    ("会前文件 HSP/EB.2020/13/Add.1：旨在落实可持续发展目标和《新城市议程》的能力建设",
     ["HSP/EB.2020/13/Add.1"]),
    ("会前文件 HSP/EB.2020/13：执行主任关于人居大会第一届会议所通过决议和决定的执行进", ["HSP/EB.2020/13"]),
    ("* HSP/EB.2020/19。", ["HSP/EB.2020/19"]),
    ("面政策审查背景下重新定位联合国发展系统的 2018 年 5 月 31 日联大第 72/279", []),
    # the brief's examples, without the extraction's CJK/Latin spaces
    ("根据ST/SGB/2019/2号秘书长公报", ["ST/SGB/2019/2"]),
    ("（A/79/309 (Part I)和A/79/309 (Part I)/Add.1）", ["A/79/309 (Part I)", "A/79/309 (Part I)/Add.1"]),
    # English
    ("See A/79/309 (Part I)/Add.1, HSP/EB.2024/11/Add.1/Corr.1 and HSP/EB.2024/1*.",
     ["A/79/309 (Part I)/Add.1", "HSP/EB.2024/11/Add.1/Corr.1", "HSP/EB.2024/1*"]),
    ("General Assembly resolution 48/218 B of 29 July 1994 (A/RES/48/218 B).", ["A/RES/48/218 B"]),
    ("documents HSP/EB.2024/L.3 and HSP/EB.2023/INF/1; not HSP/EB/2024/1 nor https://undocs.org/A/79/76",
     ["HSP/EB.2024/L.3", "HSP/EB.2023/INF/1"]),
]


def _joined(symbol: str) -> str:
    joined = symbol.replace("/", "/" + WJ).replace("–", WJ + "–" + WJ).replace("-", WJ + "-" + WJ)
    return joined.replace(" ", NBSP)


def _expected_nobreak(text: str) -> str:
    """``text`` with each symbol FIND finds joined, everything between left as it is."""
    spans = [(m.start(), m.end()) for m in FIND.finditer(text)]
    cuts = [0, *(i for span in spans for i in span), len(text)]
    pieces = [text[a:b] for a, b in itertools.pairwise(cuts)]
    return "".join(_joined(p) if k % 2 else p for k, p in enumerate(pieces))


@pytest.mark.parametrize(("sentence", "found"), SENTENCES)
def test_find_finds_exactly_the_symbols_of_a_sentence(sentence: str, found: list[str]) -> None:
    assert [m.group() for m in FIND.finditer(sentence)] == found
    assert all(str(Symbol(m.group())) == m.group() for m in FIND.finditer(sentence))


@pytest.mark.parametrize(("sentence", "found"), SENTENCES)
def test_nobreak_joins_only_inside_symbols_and_is_idempotent(sentence: str, found: list[str]) -> None:
    joined = nobreak(sentence)
    assert joined == _expected_nobreak(sentence)
    assert joined.replace(WJ, "").replace(NBSP, " ") == sentence
    assert nobreak(joined) == joined


def test_nobreak_examples() -> None:
    assert nobreak("根据ST/SGB/2019/2号秘书长公报") == f"根据ST/{WJ}SGB/{WJ}2019/{WJ}2号秘书长公报"
    assert nobreak("（A/74/73/Add.1–E/2019/4/Add.1）") == (
        f"（A/{WJ}74/{WJ}73/{WJ}Add.1{WJ}–{WJ}E/{WJ}2019/{WJ}4/{WJ}Add.1）")
    assert nobreak("(A/79/309 (Part I)/Add.1, A/RES/48/218 B)") == (
        f"(A/{WJ}79/{WJ}309{NBSP}(Part{NBSP}I)/{WJ}Add.1, A/{WJ}RES/{WJ}48/{WJ}218{NBSP}B)")
    assert nobreak("2020-2023 年, D-2, IED-24-009, 48/218 B") == "2020-2023 年, D-2, IED-24-009, 48/218 B"
    # a symbol that already has some joiners gets exactly one at each place
    assert nobreak(f"A/{WJ}RES/71/243") == f"A/{WJ}RES/{WJ}71/{WJ}243"
    assert nobreak(f"A/74/73{WJ}–E/2019/4") == f"A/{WJ}74/{WJ}73{WJ}–{WJ}E/{WJ}2019/{WJ}4"


def test_seed_sentences_are_real() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    for sentence, _ in SENTENCES[:26]:
        assert sentence in text, sentence


# conventions §1.4: every symbol of each seed file, in order of appearance
SEED_SYMBOLS = {
    "000": ["HSP/EB.2024/1", "HSP/EB.2024/11", "ST/SGB/2019/2", "ST/SGB/2019/3", "ST/IC/2019/15",
            "ST/SGB/2019/8"],
    "001": ["A/79/309 (Part I)", "A/79/309 (Part I)/Add.1", "A/79/76", "A/79/309 (Part I)",
            "A/79/309 (Part I)/Add.1", "E/AC.51/2023/3", "E/AC.51/2023/7", "A/79/76", "ST/SGB/2019/8"],
    "002": ["HSP/EB.2020/16", "A/RES/71/243", "A/RES/72/279", "A/74/73/Add.1–E/2019/4/Add.1",
            "A/RES/75/233", "A/RES/76/4", "HSP/EB.2022/1"],
    "003": ["HSP/EB.2020/2", "HSP/EB.2020/2/Add.1", "HSP/EB.2020/4", "HSP/EB.2020/13/Add.2",
            "HSP/EB.2020/13/Add.1", "HSP/EB.2020/13", "HSP/EB.2020/13"],
    "004": ["HSP/EB.2020/19"],
}


@pytest.mark.parametrize("seed", sorted(SEED_SYMBOLS))
def test_find_and_nobreak_on_whole_seed_files(seed: str) -> None:
    (file,) = SEEDS.glob(f"{seed}_*.txt")
    text = file.read_text(encoding="utf-8")
    assert [m.group() for m in FIND.finditer(text)] == SEED_SYMBOLS[seed]
    joined = nobreak(text)
    assert joined == _expected_nobreak(text)
    assert nobreak(joined) == joined


_prose = st.text(st.sampled_from(list("人居署决议（）。，：; ()-–/.*abcXYZ 0123456789") + [WJ]), max_size=12)


@pytest.mark.slow
@given(st.lists(st.one_of(symbols, _prose), max_size=6))
def test_nobreak_is_idempotent_and_only_adds_joiners(pieces: list[str]) -> None:
    text = "".join(pieces)
    joined = nobreak(text)
    assert nobreak(joined) == joined
    if WJ in text:  # joiners already there stay where they are
        assert joined.replace(WJ, "").replace(NBSP, " ") == text.replace(WJ, "")
    else:  # joiners and no-break spaces inside the symbols found, nothing else changed
        assert joined == _expected_nobreak(text)
    for m in FIND.finditer(text):
        Symbol(m.group())  # every match is a valid symbol


@given(symbols, st.sampled_from(["（", "，", "。", "根据", " ", "(", ": ", "\n"]),
       st.sampled_from(["）", "号秘书长公报", "。", "和", " ", ")", ", ", ".", ";", "\n", ""]))
def test_find_finds_a_generated_symbol_in_prose(text: str, before: str, after: str) -> None:
    sentence = f"人居署{before}{text}{after}报告"
    assert [m.group() for m in FIND.finditer(sentence)] == [text]
    assert nobreak(nobreak(sentence)) == nobreak(sentence)
