"""Arabic through the real engine (templates/ar/) and both writers: every kind of fact as the
conventions for the six languages write it (§3, §4.1, §4.2), the labels (أولا -, ألف -, 1 -, (أ),
’1‘), the masthead (§2.2), and the page read back right to left: w:bidi and w:rtl in the DOCX,
and in both PDFs the paragraph number on the right of its text, the symbol on the left of the
band, numbers and ranges left to right (§6.2)."""

from __future__ import annotations

import datetime as dt
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from support import ARABIC_DOC as DOC
from support import OnDemand, arabic_versions, masthead_roles

import habitat_docs as hd
from habitat_docs.compose.bidi import LRI, PDI, isolate
from habitat_docs.compose.composer import compose
from habitat_docs.compose.language import language, render
from habitat_docs.model.facts import (
    Count,
    CycleYear,
    Date,
    DateRange,
    Half,
    Money,
    Ordinal,
    Percent,
    Quarter,
    SessionRef,
    YearRange,
)  # fmt: skip
from habitat_docs.model.text import Text
from habitat_docs.number import Label
from habitat_docs.writers.docx.writer import write_docx
from habitat_docs.writers.pdf.writer import write_pdf

NB = "\u00a0"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


# (fact, Arabic as the conventions write it, where)
FACTS = [
    (Money.of("152.46 million"), "152.46 مليون دولار", "§4.1 $152.46 million"),
    (Money.of("4.1 million"), "4.1 ملايين دولار", "§4.1: 3 to 10 take ملايين, by the whole part"),
    (Money.of("11 million"), "11 مليون دولار", "§4.1: 11 and up take مليون"),
    (Money.of("1.1 billion"), "1.1 بليون دولار", "§4.1 $1.1 billion: بليون, not مليار"),
    (Money.of("384,586,115"), f"384{NB}586{NB}115 دولار", "§4.1 exact, groups by a no-break space"),
    (Percent(89), "89 في المائة", "§4.1 per cent"),
    (Date(d("2024-05-06")), "6 أيار/مايو 2024", "§4.1 date: the paired month name"),
    (Date(d("2024-06-30")), "30 حزيران/يونيه 2024", "§4.1 يونيه, not CLDR's يونيو"),
    (Date(d("2024-07-01"), "month"), "تموز/يوليه 2024", "§4.1 يوليه, a month alone"),
    (Date(d("2024-01-01"), "year"), "2024", "a year"),
    (DateRange(d("2024-05-06"), d("2024-05-08")), "6-8 أيار/مايو 2024", "§4.1 day range"),
    (DateRange(d("2024-05-06"), d("2024-05-08"), running=True), "من 6 إلى 8 أيار/مايو 2024",
     "§4.1 day range, text"),
    (DateRange(d("2023-07-01"), d("2024-06-30"), period=True),
     "من 1 تموز/يوليه 2023 إلى 30 حزيران/يونيه 2024", "§4.1 period"),
    (YearRange(2022, 2023), "2022-2023", "§4.1 biennium: an ASCII hyphen"),
    (CycleYear(2023), "2023/24", "a non-calendar year [I]"),
    (Count(114), "114", "§4.1 Western digits"),
    (Count(1360), f"1{NB}360", "§4.1 thousands: a space"),
    (Count(7, words=True), "7", "counts in figures: the words agree with a noun [I]"),
    (Ordinal(3), "الثالث", "an ordinal"),
    (SessionRef(2024, 1), "الدورة الأولى لعام 2024", "§2.2 session [I]"),
    (SessionRef(2023, 3), "الدورة الثالثة لعام 2023", "a session: the feminine ordinal"),
    (Ordinal(78), "الثامن والسبعون", "§4.1 ordinal: the unit, then the tens"),
    (Ordinal(11), "الحادي عشر", "an ordinal from 11 to 19"),
    (Quarter(2024, 1), "الربع الأول من عام 2024", "§4.1 quarter"),
    (Quarter(2024, 4, last=True), "الربع الأخير من عام 2024", "the last quarter"),
    (Half(2024, 1), "النصف الأول من عام 2024", "§4.1 half"),
]


@pytest.mark.parametrize(("value", "arabic", "where"), FACTS, ids=[w for _, _, w in FACTS])
def test_every_fact_kind_as_the_conventions_write_it(value, arabic, where) -> None:  # type: ignore[no-untyped-def]
    assert render(value, "ar") == arabic


def test_every_kind_of_fact_is_covered() -> None:
    from habitat_docs.model.facts import FACT_TYPES

    assert {type(v) for v, _, _ in FACTS} == set(FACT_TYPES)


def test_plural_by_the_whole_part_stays_arabic_only() -> None:
    """French keeps CLDR's category of the number itself: 1,5 million, 2 millions."""
    assert render(Money.of("1.5 million"), "fr") == "1,5 million de dollars"
    assert render(Money.of("2.5 million"), "fr") == "2,5 millions de dollars"


def test_labels_at_every_depth() -> None:
    """§3: أولا -, ألف -, 1 -, (أ) in abjad order, ’1‘; no Roman numerals."""
    ar = language("ar")
    section = Label("section", 2)
    assert ar.label(section) == "ثانيا -"
    assert ar.label(Label("section", 11)) == "حادي عشر -"
    assert ar.label(Label("subsection", 3, parent=section)) == "جيم -"
    assert ar.label(Label("paragraph", 15)) == "15 -"
    assert [ar.label(Label("subparagraph", n, depth=1)) for n in (1, 2, 5, 9)] == ["(أ)", "(ب)", "(هـ)", "(ط)"]
    assert ar.label(Label("subparagraph", 2, depth=2)) == "’2‘"
    assert ar.label(Label("annex", 1), annexes=1) == "المرفق"
    assert ar.label(Label("annex", 2), annexes=3) == "المرفق الثاني"
    assert ar.label(Label("figure", 1)) == "الشكل الأول"
    assert ar.label(Label("table", 1)) == "الجدول 1"


REFERENCES = [
    (("paragraph", ["15"], None), f"الفقرة{NB}15"),  # §3 para. 15
    (("paragraph", ["4", "5"], None), f"الفقرتين{NB}4 و 5"),  # §3 the dual; "و" spaced
    (("paragraph", ["4", "5", "6"], None), f"الفقرات{NB}4 و 5 و 6"),
    (("paragraph", ["من 10 إلى 12"], None), f"الفقرات{NB}من 10 إلى 12"),
    (("section", ["الثاني"], None), f"الفرع{NB}الثاني"),
    (("figure", ["الأول"], None), f"الشكل{NB}الأول"),
    (("paragraph", ["3"], "الأول"), f"المرفق الأول، الفقرة{NB}3"),
    (("operative", ["2"], None), f"الفقرة{NB}2 من مشروع المقرر"),
    (("decision", [""], None), "مشروع المقرر"),
]


@pytest.mark.parametrize(("args", "arabic"), REFERENCES)
def test_references(args: tuple[str, list[str], str | None], arabic: str) -> None:
    assert language("ar").reference(*args) == arabic


def test_phrases_and_the_directors_gender() -> None:
    ar = language("ar")
    assert ar.phrase("subtitle", "executive-director-report") == "تقرير المديرة التنفيذية"
    assert ar.phrase("subtitle", "executive-director-report", "m") == "تقرير المدير التنفيذي"
    assert ar.phrase("subtitle", "secretariat-note") == "مذكرة من الأمانة"
    assert ar.phrase("summary_title") == "موجز"
    assert ar.phrase("annex_original", "en") == "[الأصل: بالإنكليزية]"


def _masthead(items: list[str], online: bool = False) -> dict[str, list[str]]:
    return masthead_roles("ar", Text(en="Nairobi", ar="نيروبي"), items, online)


def test_masthead_lines() -> None:
    """§2.2: Arabic strings, the Distr. column in English, the job number with (A)."""
    m = _masthead(["12"])
    assert m["un"] == ["الأمم المتحدة"]
    assert m["organ"] == ["المجلس التنفيذي لبرنامج الأمم المتحدة للمستوطنات البشرية"]
    assert m["distr"] == ["Distr.: General", "21 March 2024", "Arabic", "Original: English"]
    assert m["session"] == ["الدورة الأولى لعام 2024"]
    assert m["venue"] == ["نيروبي، 6-8 أيار/مايو 2024"]
    assert m["item"] == ["البند 12 من جدول الأعمال المؤقت\ue000"]
    assert m["job"] == ["24-01234 (A) 210324"]


def test_masthead_two_items_take_the_dual() -> None:
    m = _masthead(["11", "12"], online=True)
    assert m["item"] == ["البندان 11 و 12 من جدول الأعمال المؤقت\ue000"]
    assert m["venue"] == ["عبر الإنترنت، 6-8 أيار/مايو 2024"]
    assert _masthead(["10", "11", "12"])["item"] == ["البنود 10 و 11 و 12 من جدول الأعمال المؤقت\ue000"]


# --- bidi isolation ---------------------------------------------------------------------

ISOLATED = [
    ("فترة السنتين 2022-2023", f"فترة السنتين {LRI}2022-2023{PDI}"),
    ("بمبلغ 384\u00a0586\u00a0115 دولار", f"بمبلغ {LRI}384\u00a0586\u00a0115{PDI} دولار"),
    ("(انظر A/56/557، الفقرة 20)", f"(انظر {LRI}A/56/557{PDI}، الفقرة {LRI}20{PDI})"),
    ("الفقرتين 12 و 13", f"الفقرتين {LRI}12{PDI} و {LRI}13{PDI}"),  # a list reads right to left
    ("12، 13", f"{LRI}12{PDI}، {LRI}13{PDI}"),
    ("World Urban Forum في نيروبي", f"{LRI}World Urban Forum{PDI} في نيروبي"),
    ("Distr.: General", "Distr.: General"),  # no Arabic: nothing to isolate
    (f"بمبلغ {LRI}5{PDI} و 6", f"بمبلغ {LRI}5{PDI} و 6"),  # the author's own isolates: as written
]


@pytest.mark.parametrize(("text", "isolated"), ISOLATED)
def test_left_to_right_pieces_are_isolated(text: str, isolated: str) -> None:
    assert isolate(text) == isolated


# --- the built document, read back ----------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> OnDemand:
    return arabic_versions(tmp_path_factory.mktemp("ar"))


def _part(path: Path, name: str) -> ET.Element:
    with zipfile.ZipFile(path) as z:
        return ET.fromstring(z.read(name))


def _text(element: ET.Element) -> str:
    """The text of an element's w:t, without the word joiners that bind symbols."""
    return "".join(t.text or "" for t in element.iter(f"{W}t")).replace("\u2060", "")


def test_docx_reads_right_to_left(built) -> None:  # type: ignore[no-untyped-def]
    """§6.3: the Normal style (so every style) is w:bidi, the section and every table too;
    Arabic runs are w:rtl with complex-script bold; the English Distr. column is left to right."""
    styles = _part(built["docx"], "word/styles.xml")
    normal = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Normal")
    assert normal.find(f"{W}pPr/{W}bidi") is not None
    body = _part(built["docx"], "word/document.xml")
    assert body.find(f"{W}body/{W}sectPr/{W}bidi") is not None
    tables = list(body.iter(f"{W}tbl"))
    assert len(tables) == 2 and all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in tables)
    runs = [r for r in body.iter(f"{W}r") if any("\u0600" <= ch <= "\u06ff" for t in r.iter(f"{W}t") for ch in t.text or "")]
    assert runs and all(r.find(f"{W}rPr/{W}rtl") is not None for r in runs)
    symbol_runs = [r for r in body.iter(f"{W}r") if _text(r) == "HSP/EB.2024/11"]
    assert symbol_runs and all(r.find(f"{W}rPr/{W}rtl") is None for r in symbol_runs)
    distr = [p for p in body.iter(f"{W}p") if "Distr.: General" in _text(p)]
    assert distr and distr[0].find(f"{W}pPr/{W}bidi").get(f"{W}val") == "0"  # type: ignore[union-attr]


def test_docx_isolates_ranges_and_amounts(built) -> None:  # type: ignore[no-untyped-def]
    text = _text(_part(built["docx"], "word/document.xml"))
    assert f"{LRI}2022-2023{PDI}" in text
    assert f"{LRI}HSP/EB.2023/5{PDI}" in text
    assert f"{LRI}6-8{PDI}\u00a0أيار/مايو" in text  # the day keeps its month on its line


def _words(pdf: Path) -> list[tuple[float, float, str]]:
    """(x, y, text) of every word on page 1."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                         capture_output=True, check=True).stdout  # fmt: skip
    return [
        (float(w.get("xMin", 0)), float(w.get("yMin", 0)), (w.text or "").strip(LRI + PDI))
        for w in ET.fromstring(xml).iter(f"{XHTML}word")
    ]


ENGINES = [pytest.param("typst", marks=pytest.mark.slow),
           pytest.param("libreoffice", marks=[pytest.mark.slow, pytest.mark.office])]  # fmt: skip


@pytest.mark.parametrize("engine", ENGINES)
def test_pages_are_mirrored(built, engine: str) -> None:  # type: ignore[no-untyped-def]
    """The symbol on the left of the top band and "الأمم المتحدة" on the right; each
    paragraph number on the right of its line, 1 cm from the right margin (the text edge);
    the Distr. column on the left."""
    words = _words(built[engine])
    x = {text: left for left, _, text in words}
    assert x["HSP/EB.2024/11"] < 200 < x["Distr.:"] + 300 < x["ةدحتملا"] + 300
    assert x["Distr.:"] < x["HSP/EB.2024/11"] + 50
    right_margin = 595.28 - 2.2 * 72 / 2.54
    for number in ("1", "2", "3"):
        label = next((left, top) for left, top, text in words if text == number and left > 400)
        line = [left for left, top, _ in words if abs(top - label[1]) < 2]
        assert max(line) == label[0]  # the number is the rightmost word of its line
        assert right_margin - 1.3 * 72 / 2.54 < label[0] < right_margin - 0.9 * 72 / 2.54


@pytest.mark.parametrize("engine", ENGINES)
def test_numbers_read_left_to_right(built, engine: str) -> None:  # type: ignore[no-untyped-def]
    """§6.2: the range prints "2022-2023" (never "2023-2022"), digit groups in order."""
    words = _words(built[engine])
    texts = [t for _, _, t in words]
    assert "2022-2023" in texts and "2023-2022" not in texts
    top = next(top for _, top, t in words if t == "384")
    groups = sorted((left, t) for left, y, t in words if t in ("384", "586", "115") and abs(y - top) < 2)
    assert [t for _, t in groups] == ["384", "586", "115"]
    # the venue reads right to left as written: نيروبي، 6-8 أيار/مايو 2024 (a kept-whole day and
    # month that cuts no isolate in two)
    venue = next(top for _, top, t in words if t == "6-8")
    line = sorted((left, t) for left, top, t in words if abs(top - venue) < 2 and t)
    assert [t for _, t in line][-2:] == ["6-8", "،يبورين"] and line[0][1] == "2024"


def test_missing_arabic_font_names_font_and_package(monkeypatch: pytest.MonkeyPatch) -> None:
    """§7: a missing Amiri stops the PDF with the font and its Debian package, as Chinese does."""
    from habitat_docs.writers.pdf import fonts
    from habitat_docs.writers.pdf import writer as pdf_writer

    real = fonts.installed
    monkeypatch.setattr(fonts, "installed", lambda: tuple(f for f in real() if f.family != "Amiri"))
    pdf_writer.reset()
    try:
        doc = hd.load(DOC)
        with pytest.raises(fonts.FontError) as e:
            write_pdf(compose(doc, "ar"))
        assert "Amiri" in str(e.value) and "fonts-hosny-amiri" in str(e.value)
        assert e.value.packages == ("fonts-hosny-amiri",)
    finally:
        monkeypatch.undo()
        pdf_writer.reset()


@pytest.mark.parametrize("engine", [pytest.param("docx", marks=pytest.mark.slow), *ENGINES])
def test_the_checker_reads_the_arabic_document(built, engine: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every Arabic label read back (أولا -, 1 -, (أ), the footnotes) and the Arabic version
    at parity with the English DOCX of the same data."""
    from habitat_docs.check import check, parity, structure
    from habitat_docs.check.reader import read

    assert check(built[engine]).ok
    doc = hd.load(DOC)
    english = tmp_path / "en.docx"
    english.write_bytes(write_docx(compose(doc, "en")))
    report = parity(built[engine], english)
    assert report.ok, str(report)
    items = structure(read(built[engine])).items
    assert [sum(1 for it in items if it.kind == kind) for kind in ("section", "para", "sub")] == [2, 3, 3]
