"""House style across the languages, read back from what the writers print: the Executive
Director's gender in the subtitle (conventions-six-languages §2.1, §2.2 "Report of the ED"),
terms that never part at a line end ("6 mai", "1er juillet", "6 de mayo", "6 мая", "2022-2023"),
per cent in tables and in running text (§4.1 "per cent"), and other currencies by name."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from attrs import evolve
from docx.oxml.ns import qn

import habitat_docs as hd
from habitat_docs.compose.language import render
from habitat_docs.model.facts import Money
from habitat_docs.writers.pdf.writer import write_pdf

NBSP, NNBSP, WJ = "\u00a0", "\u202f", "\u2060"
LANGS = ("zh", "en", "fr", "ru", "es")


def every(text: str, **own: str) -> dict[str, str]:
    """A text in the five languages: ``own`` where a language words it, else ``text``."""
    return {lang: own.get(lang, text) for lang in LANGS}


# Running text in each language with the terms that must stay whole: the conventions' dates
# (§4.1 "date", "day range", "biennium") as the prose writes them.
TERMS = {
    "fr": ["6 mai", "1er juillet", "6-8 mai", "2022-2023"],
    "es": ["6 de mayo", "8 de mayo", "2022-2023"],
    "ru": ["6 мая", "6–8 мая", "2022–2023"],
}
PROSE = every(
    "The session met on 6–8 May 2024.",
    zh="会议于2024年5月6日至8日举行。",
    fr="Le 1er juillet, puis le 6 mai et Nairobi, 6-8 mai 2024 ; exercice biennal 2022-2023.",
    es="El 6 de mayo; del 6 al 8 de mayo de 2024; bienio 2022-2023.",
    ru="6 мая; Найроби, 6–8 мая 2024 года; двухгодичный период 2022–2023 годов.",
)


def report(gender: str | None = None) -> dict[str, Any]:
    """A report in five languages with a per cent in prose and in a table's cell, and amounts
    in euros and Kenyan shillings."""
    data: dict[str, Any] = {
        "kind": "executive-director-report", "symbol": "HSP/EB.2024/11", "issued": dt.date(2024, 3, 7),
        "languages": list(LANGS),
        "session": {"year": 2024, "ordinal": 1, "start": dt.date(2024, 5, 6), "end": dt.date(2024, 5, 8),
                    "venue": every("Nairobi", zh="内罗毕", ru="Найроби")},
        "agenda": {"symbol": "HSP/EB.2024/1", "items": [{"number": 12, "title": every("Report", zh="报告")}]},
        "title": every("Actions", zh="行动"),
        "facts": {"share": {"percent": 89}, "euros": {"money": "5 million", "currency": "EUR"},
                  "shillings": {"money": "5 million", "currency": "KES"}},
        "sections": [{
            "heading": every("Finance", zh="财务"),
            "content": [
                {"text": every("Share: {fact:share}.")},
                {"text": every("Funds: {fact:euros}; {fact:shillings}.")},
                {"text": PROSE},
                {"table": {"title": every("Shares", zh="份额"), "columns": [every("Region", zh="区域"), every("Share", zh="份额")],
                           "rows": [[every("Africa", zh="非洲"), every("{fact:share}")]]}},
            ],
        }],
    }  # fmt: skip
    if gender is not None:
        data["executive_director"] = {"gender": gender}
    return copy.deepcopy(data)


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph of a DOCX body (masthead and table cells too), word joiners and no-break
    spaces kept as written."""
    body = docx.Document(io.BytesIO(data)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


def cells(data: bytes) -> list[str]:
    """The text of every cell of the body's tables after the masthead's."""
    tables = docx.Document(io.BytesIO(data)).tables
    return [c.text for t in tables if t._tbl.find(".//" + qn("w:tblHeader")) is not None
            for r in t.rows[1:] for c in r.cells]  # fmt: skip


Built = dict[tuple[str | None, str], bytes]


@pytest.fixture(scope="module")
def built() -> Built:
    """(gender, language): the DOCX of the report, for a male office-holder and for none given."""
    out = {}
    for gender in (None, "m"):
        doc = hd.structure(report(gender))
        for lang in LANGS:
            out[gender, lang] = hd.render(doc, lang, "docx")
    return out


# --- the Executive Director's gender --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "female", "male"),
    [("fr", "Rapport de la Directrice exécutive", "Rapport du Directeur exécutif"),
     ("es", "Informe de la Directora Ejecutiva", "Informe del Director Ejecutivo"),
     ("ru", "Доклад Директора-исполнителя", "Доклад Директора-исполнителя"),
     ("en", "Report of the Executive Director", "Report of the Executive Director")],
)  # fmt: skip
def test_the_subtitle_names_the_executive_director_in_the_given_gender(built: Built, lang: str, female: str, male: str) -> None:
    """Feminine when the document says nothing (the office-holder's), masculine for "m";
    Russian and English are invariable."""
    default, masculine = paragraphs(built[None, lang]), paragraphs(built["m", lang])
    assert female in default and male in masculine
    if female != male:
        assert male not in default and female not in masculine


def test_the_gender_is_a_field_of_the_data_file(tmp_path: Path) -> None:
    text = yaml.safe_dump(report("m"), allow_unicode=True, sort_keys=False)
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    assert hd.load(tmp_path / "m.yaml").executive_director == hd.ExecutiveDirector("m")
    assert hd.structure(report()).executive_director.gender == "f"


@pytest.mark.parametrize(("value", "message"), [
    ("x", "executive_director.gender: 'x' is not one of f, m"),
    ("male", "executive_director.gender: 'male' is not one of f, m"),
])  # fmt: skip
def test_a_bad_gender_names_file_line_and_field(tmp_path: Path, value: str, message: str) -> None:
    text = yaml.safe_dump(report(value), allow_unicode=True, sort_keys=False)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    line = 1 + text.splitlines().index(f"  gender: {value}")
    with pytest.raises(hd.DataError) as err:
        hd.load(path)
    assert str(err.value) == f"{path}:{line}: {message}"


def test_a_gender_in_code_is_checked() -> None:
    with pytest.raises(hd.DataError, match="'n' is not one of f, m"):
        hd.ExecutiveDirector("n")  # type: ignore[arg-type]


# --- terms that stay whole ------------------------------------------------------------------


def bound(term: str) -> str:
    """A term as the DOCX writer binds it: word joiners around its dash, no-break spaces."""
    return re.sub("[–-]", lambda m: f"{WJ}{m.group()}{WJ}", term).replace(" ", NBSP)


@pytest.mark.parametrize("lang", sorted(TERMS))
def test_the_docx_binds_days_months_and_ranges(built: Built, lang: str) -> None:
    prose = next(p for p in paragraphs(built["m", lang]) if "2022" in p)
    for term in TERMS[lang]:
        assert bound(term) in prose, (term, prose)


def test_french_binds_the_first_of_the_month_as_written() -> None:
    """"1er juillet" (a date fact) and the first day of a range stay whole in the DOCX."""
    data = report()
    data["facts"]["first"] = {"date": dt.date(2023, 7, 1)}
    data["sections"][0]["content"].append({"text": every("From {fact:first}.")})
    text = "\n".join(paragraphs(hd.render(hd.structure(data), "fr", "docx")))
    assert f"From 1er{NBSP}juillet 2023." in text


# A paragraph where each term falls at many places along the line: some land at a line end.
CONTROL = "9 zork"  # a number and a word no rule binds: it must part somewhere, or the test proves nothing


def _narrow(lang: str, terms: list[str]) -> tuple[hd.Document, str]:
    words = []
    for i in range(60):  # words of lengths in no period of the line's, so terms fall anywhere
        words += ["x" * (1 + i * i % 9), terms[i % len(terms)], "y" * (1 + i * 5 % 7), CONTROL]
    text = " ".join(words) + "."
    data = report()
    data["sections"][0]["content"] = [{"text": every(text)}]
    return hd.structure(data), text


def _lines(pdf: bytes, path: Path) -> list[str]:
    path.write_bytes(pdf)
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, check=True).stdout
    xhtml = "{http://www.w3.org/1999/xhtml}"
    return [" ".join((w.text or "") for w in line.iter(f"{xhtml}word")).replace(NBSP, " ")
            for line in ET.fromstring(xml).iter(f"{xhtml}line")]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("lang", sorted(TERMS))
def test_no_term_parts_across_lines_in_a_narrow_typst_pdf(lang: str, tmp_path: Path) -> None:
    """Typst sets the terms in a measure of a few centimetres (the body's right indent
    widened): every occurrence prints whole on one line, while the unbound control parts."""
    doc, text = _narrow(lang, TERMS[lang])
    composed = hd.compose(doc, lang)
    narrow = evolve(composed, sizes=evolve(composed.sizes, right_indent_cm=11.0))
    lines = _lines(write_pdf(narrow), tmp_path / f"{lang}.pdf")
    lines = lines[next(i for i, line in enumerate(lines) if "Finance" in line) :]  # the masthead's venue too has a range
    assert len(lines) > 60  # the narrow measure took effect
    for term in TERMS[lang]:
        whole = sum(line.count(term) for line in lines)
        assert whole == text.count(term), (term, whole, text.count(term))
    assert sum(line.count(CONTROL) for line in lines) < text.count(CONTROL)


# --- per cent in tables and running text -----------------------------------------------------

# (running text, a table's cell): conventions §4.1 "per cent"; English and Chinese as the
# project prints them (conventions.md), which have no table form of their own.
PER_CENT = {
    "fr": (f"89{NBSP}%", f"89{NBSP}%"),
    "es": ("89%", "89%"),
    "ru": (f"89{NBSP}процентов", "89%"),
    "en": ("89 per cent", "89 per cent"),
    "zh": ("89%", "89%"),
}


@pytest.mark.parametrize("lang", sorted(PER_CENT))
def test_per_cent_in_running_text_and_in_tables(built: Built, lang: str) -> None:
    running, table = PER_CENT[lang]
    paras = paragraphs(built["m", lang])
    share = next(p for p in paras if "Share:" in p)
    assert share == f"1.Share: {running}."  # the label, then (a tab) the text
    assert cells(built["m", lang]) == ["Africa" if lang != "zh" else "非洲", table]


# --- other currencies by name --------------------------------------------------------------

# conventions §4.1 money in words; UN French elides "de" before a vowel
CURRENCIES = {
    "fr": ("5 millions d'euros", "5 millions de shillings kényans"),
    "es": ("5 millones de euros", "5 millones de chelines kenianos"),
    "ru": ("5 млн евро", "5 млн кенийских шиллингов"),
}


@pytest.mark.parametrize("lang", sorted(CURRENCIES))
def test_other_currencies_print_by_name(built: Built, lang: str) -> None:
    euros, shillings = CURRENCIES[lang]
    funds = next(p for p in paragraphs(built["m", lang]) if "Funds:" in p)
    assert funds.replace(NBSP, " ") == f"2.Funds: {euros}; {shillings}."


@pytest.mark.parametrize(
    ("money", "lang", "expected"),
    [(Money.of("1.5 million", "EUR"), "fr", "1,5 million d'euros"),
     (Money.of("2,000,000", "EUR"), "fr", f"2{NNBSP}000{NNBSP}000 d'euros"),
     (Money.of("1.1 billion", "EUR"), "fr", "1,1 milliard d'euros"),
     (Money.of("5 million"), "fr", "5 millions de dollars"),
     (Money.of("1.1 billion", "EUR"), "es", "1.100 millones de euros"),
     (Money.of("21", "KES"), "ru", f"21{NBSP}кенийский шиллинг"),
     (Money.of("1.1 billion", "KES"), "ru", f"1,1{NBSP}млрд{NBSP}кенийских шиллингов")],
)  # fmt: skip
def test_currency_names_agree_with_the_amount(money: Money, lang: str, expected: str) -> None:
    assert render(money, lang) == expected
