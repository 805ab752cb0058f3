"""French and Spanish: every fact kind, label, reference and masthead line as the UN writes
them, against the strings of the six-language conventions (§2.2 masthead strings, §3
numbering and cross-references, §4.1 core table, §4.2 money rules), rendered through the real
templates; and a small document built in both languages, read back from its DOCX and PDF."""

from __future__ import annotations

import copy
import datetime as dt
import io
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import docx
import pytest

import habitat_docs as hd
from habitat_docs.compose.language import language, render
from habitat_docs.compose.style import HouseStyle
from habitat_docs.compose.tree import Composed, NoteRef, Span
from habitat_docs.model.facts import (
    Count,
    CycleYear,
    Date,
    DateRange,
    Fact,
    Half,
    Money,
    Ordinal,
    Percent,
    Quarter,
    SessionRef,
    YearRange,
)  # fmt: skip
from habitat_docs.number import Label

NBSP, NNBSP = "\u00a0", "\u202f"


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


# (fact, French, Spanish): the strings of the conventions; "§4.1" is the core table, "§4.2" the
# money rules. French groups digits with a narrow no-break space (§4.2: U+202F), Spanish with
# a point; French sets a no-break space before "%" (§4.1 "per cent").
FACTS: list[tuple[Fact, str, str]] = [
    # §4.1 "$152.46 million"
    (Money.of("152.46 million"), "152,46 millions de dollars", "152,46 millones de dólares"),
    # §4.1 "$1.1 billion": French "milliard", Spanish never "billón"
    (Money.of("1.1 billion"), "1,1 milliard de dollars", "1.100 millones de dólares"),
    # §4.2 fr: "milliard(s)" plural from 2; es: $75.86 billion -> 75.860 millones
    (Money.of("75.86 billion"), "75,86 milliards de dollars", "75.860 millones de dólares"),
    # §4.1 "exact"
    (Money.of("384,586,115"), f"384{NNBSP}586{NNBSP}115 dollars", "384.586.115 dólares"),
    # §4.1 "per cent"
    (Percent(89), f"89{NBSP}%", "89%"),
    (Percent("48.6"), f"48,6{NBSP}%", "48,6%"),
    # §4.1 "date": 6 mai 2024; 1er juillet; 6 de mayo de 2024
    (Date(day("2024-05-06")), "6 mai 2024", "6 de mayo de 2024"),
    (Date(day("2023-07-01")), "1er juillet 2023", "1 de julio de 2023"),
    (Date(day("2024-05-01"), "month"), "mai 2024", "mayo de 2024"),
    (Date(day("2024-05-01"), "year"), "2024", "2024"),
    # §4.1 "day range": the masthead form and the running-text form
    (DateRange(day("2024-05-06"), day("2024-05-08")), "6-8 mai 2024", "6 a 8 de mayo de 2024"),
    (DateRange(day("2024-05-06"), day("2024-05-08"), running=True),
     "du 6 au 8 mai 2024", "del 6 al 8 de mayo de 2024"),
    # §2.2 "venue/date": Nairobi, 30 de marzo a 3 de abril de 2009
    (DateRange(day("2009-03-30"), day("2009-04-03")), "30 mars-3 avril 2009",
     "30 de marzo a 3 de abril de 2009"),
    # §4.1 "period"
    (DateRange(day("2023-07-01"), day("2024-06-30"), period=True),
     "du 1er juillet 2023 au 30 juin 2024", "del 1 de julio de 2023 al 30 de junio de 2024"),
    # §4.1 "biennium": exercice biennal 2022-2023; bienio 2022-2023
    (YearRange(2022, 2023), "2022-2023", "2022-2023"),
    (CycleYear(2023), "2023/24", "2023/24"),
    # figures
    (Count(1250), f"1{NNBSP}250", "1.250"),
    (Count(6), "6", "6"),
    # words (§4.1 "ordinal session": soixante-dix-huitième; septuagésimo octavo)
    (Count(6, words=True), "six", "seis"),
    (Count(71, words=True), "soixante et onze", "setenta y uno"),
    (Count(80, words=True), "quatre-vingts", "ochenta"),
    (Ordinal(78), "soixante-dix-huitième", "septuagésimo octavo"),
    (Ordinal(1), "première", "primer"),
    (Ordinal(21), "vingt et unième", "vigésimo primer"),
    (Ordinal(3), "troisième", "tercer"),
    (Ordinal(80), "quatre-vingtième", "octogésimo"),
    # §2.2 "session": Première session de 2024; Primer período de sesiones de 2024
    (SessionRef(2024, 1), "première session de 2024", "primer período de sesiones de 2024"),
    (SessionRef(2024, 2), "deuxième session de 2024", "segundo período de sesiones de 2024"),
    # §4.1 "quarter / half": premier trimestre / semestre de 2024; primer trimestre / semestre
    (Quarter(2024, 1), "premier trimestre de 2024", "primer trimestre de 2024"),
    (Quarter(2024, 4, last=True), "dernier trimestre de 2024", "último trimestre de 2024"),
    (Half(2024, 1), "premier semestre de 2024", "primer semestre de 2024"),
]


@pytest.mark.parametrize(("value", "fr", "es"), FACTS, ids=[f"{type(v).__name__}-{i}" for i, (v, _, _) in enumerate(FACTS)])
def test_every_fact_kind_as_the_conventions_write_it(value: Fact, fr: str, es: str) -> None:
    assert (render(value, "fr"), render(value, "es")) == (fr, es)


def test_every_fact_kind_of_the_engine_is_covered() -> None:
    kinds = {Money, Percent, Date, DateRange, YearRange, CycleYear, Count, Ordinal, SessionRef, Quarter, Half}
    assert {type(value) for value, _, _ in FACTS} == kinds


def test_locales_of_the_templates_write_their_language() -> None:
    assert render(Money.of("152.46 million"), "fr_FR") == "152,46 millions de dollars"
    assert render(Money.of("152.46 million"), "es-ES") == "152,46 millones de dólares"


@pytest.mark.parametrize(
    ("amount", "fr", "es"),
    [("1 million", "1 million de dollars", "1 millón de dólares"),
     ("1.5 million", "1,5 million de dollars", "1,5 millones de dólares"),
     ("2 million", "2 millions de dollars", "2 millones de dólares"),
     ("2 billion", "2 milliards de dollars", "2.000 millones de dólares"),
     ("2,000,000", f"2{NNBSP}000{NNBSP}000 de dollars", "2.000.000 dólares")],
)  # fmt: skip
def test_scale_words_agree_with_their_number(amount: str, fr: str, es: str) -> None:
    # French: "million" is singular below 2 and a round million takes "de"; Spanish: "millón"
    # for one only (CLDR's plural rules of each locale)
    assert (render(Money.of(amount), "fr"), render(Money.of(amount), "es")) == (fr, es)


def test_numbers_in_words_stop_at_99() -> None:
    for code in ("fr", "es"):
        with pytest.raises(ValueError, match="100"):
            render(Count(100, words=True), code)


# --- labels and references: conventions §3 -------------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "es"])
@pytest.mark.parametrize(
    ("depth", "n", "expected"),
    [(1, 1, "a)"), (1, 2, "b)"), (1, 27, "aa)"), (2, 1, "i)"), (2, 4, "iv)"),
     (3, 1, "a."), (3, 3, "c."), (4, 1, "i."), (4, 10, "x.")],
)  # fmt: skip
def test_subparagraph_labels_at_four_depths(code: str, depth: int, n: int, expected: str) -> None:
    assert language(code).label(Label("subparagraph", n, depth, Label("paragraph", 1))) == expected


@pytest.mark.parametrize(
    ("label", "annexes", "fr", "es"),
    [(Label("section", 2), 0, "II.", "II."),
     (Label("subsection", 1, parent=Label("section", 2)), 0, "A.", "A."),
     (Label("paragraph", 15), 0, "15.", "15."),
     (Label("annex", 1), 1, "Annexe", "Anexo"),
     (Label("annex", 2), 3, "Annexe II", "Anexo II"),
     (Label("figure", 1), 0, "Figure I", "Gráfico I"),
     (Label("table", 1), 0, "Tableau 1", "Cuadro 1")],
)  # fmt: skip
def test_labels(label: Label, annexes: int, fr: str, es: str) -> None:
    assert (language("fr").label(label, annexes), language("es").label(label, annexes)) == (fr, es)


@pytest.mark.parametrize(
    ("kind", "items", "annex", "fr", "es"),
    [("paragraph", ["15"], None, "par. 15", "párr. 15"),
     ("paragraph", ["4", "5"], None, "par. 4 et 5", "párrs. 4 y 5"),
     ("paragraph", ["44 b)"], None, "par. 44 b)", "párr. 44 b)"),
     ("section", ["II"], None, "sect. II", "secc. II"),
     ("paragraph", ["3"], "I", "annexe I, par. 3", "anexo I, párr. 3"),
     ("annex", ["I"], None, "annexe I", "anexo I"),
     ("figure", ["I"], None, "figure I", "gráfico I"),
     ("table", ["1", "2"], None, "tableaux 1 et 2", "cuadros 1 y 2"),
     ("operative", ["3"], None, "paragraphe 3 du projet de décision", "párrafo 3 del proyecto de decisión"),
     ("decision", ["1"], None, "le projet de décision", "el proyecto de decisión")],
)  # fmt: skip
def test_cross_references(kind: str, items: list[str], annex: str | None, fr: str, es: str) -> None:
    got = [language(c).reference(kind, items, annex).replace(NBSP, " ") for c in ("fr", "es")]
    assert got == [fr, es]


def test_a_paragraph_range_is_plural_and_binds_its_word_to_its_number() -> None:
    # §3 "párrs. 10 a 12"
    es, fr = language("es"), language("fr")
    assert es.reference("paragraph", [es.phrase("range", 10, 12)], None) == f"párrs.{NBSP}10 a 12"
    assert fr.reference("paragraph", [fr.phrase("range", 10, 12)], None) == f"par.{NBSP}10 à 12"


@pytest.mark.parametrize(
    ("code", "female", "male", "note"),
    [("fr", "Rapport de la Directrice exécutive", "Rapport du Directeur exécutif", "Note du secrétariat"),
     ("es", "Informe de la Directora Ejecutiva", "Informe del Director Ejecutivo", "Nota de la secretaría")],
)  # fmt: skip
def test_subtitles_follow_the_executive_directors_gender(code: str, female: str, male: str, note: str) -> None:
    lang = language(code)
    assert lang.phrase("subtitle", "executive-director-report", "f") == female
    assert lang.phrase("subtitle", "executive-director-report", "m") == male
    assert lang.phrase("subtitle", "secretariat-note", "m") == note


# --- a document in French and Spanish: conventions §2.2 --------------------------------------------


def data(items: list[dict[str, Any]]) -> dict[str, Any]:
    """A small report with texts in English, French and Spanish."""
    return copy.deepcopy({
        "kind": "executive-director-report", "symbol": "HSP/EB.2024/11", "issued": dt.date(2021, 3, 26),
        "job_number": "24-01234",
        "session": {"year": 2024, "ordinal": 1, "start": dt.date(2024, 5, 6), "end": dt.date(2024, 5, 8),
                    "venue": {"en": "Nairobi", "fr": "Nairobi", "es": "Nairobi"}},
        "agenda": {"symbol": "HSP/EB.2024/1", "items": items},
        "title": {"en": "Actions", "fr": "Mesures", "es": "Medidas"},
        "facts": {"total": {"money": "152.46 million"}, "share": {"percent": 89}},
        "sections": [{
            "heading": {"en": "Finance", "fr": "Finances", "es": "Finanzas"},
            "content": [
                {"text": {"en": "UN-Habitat received {fact:total}.", "fr": "ONU-Habitat a reçu {fact:total}.",
                          "es": "ONU-Hábitat recibió {fact:total}."},
                 "subparagraphs": [{"text": {"en": "First;", "fr": "Premier ;", "es": "Primero;"}},
                                   {"text": {"en": "Second.", "fr": "Second.", "es": "Segundo."}}]},
                {"text": {"en": "That is {fact:share}.", "fr": "Soit {fact:share}.", "es": "Es decir, {fact:share}."}},
            ],
        }],
    })  # fmt: skip


ONE_ITEM = [{"number": 12, "title": {"en": "Report", "fr": "Rapport", "es": "Informe"}}]
TWO_ITEMS = [{"number": 11, "title": {"en": "Plan", "fr": "Plan", "es": "Plan"}}, *ONE_ITEM]
SUB_ITEM = [{"number": 6, "sub": "a", "title": {"en": "Budget", "fr": "Budget", "es": "Presupuesto"}}]

MASTHEADS = {
    "fr": [("un", "Nations Unies"), ("symbol", "HSP/EB.2024/11"),
           ("organ", "Conseil exécutif du Programme des Nations Unies pour les établissements humains"),
           ("distr", "Distr. générale"), ("distr", "26 mars 2021"), ("distr", "Français"),
           ("distr", f"Original{NBSP}: anglais"), ("session", "Première session de 2024"),
           ("venue", "Nairobi, 6-8 mai 2024"), ("item", "Point 12 de l'ordre du jour provisoire*"),
           ("item-title", "Rapport"), ("title", "Mesures"),
           ("subtitle", "Rapport de la Directrice exécutive"), ("job", "24-01234 (F) 260321")],
    "es": [("un", "Naciones Unidas"), ("symbol", "HSP/EB.2024/11"),
           ("organ", "Junta Ejecutiva del Programa de las Naciones Unidas para los Asentamientos Humanos"),
           ("distr", "Distr. general"), ("distr", "26 de marzo de 2021"), ("distr", "Español"),
           ("distr", "Original: inglés"), ("session", "Primer período de sesiones de 2024"),
           ("venue", "Nairobi, 6 a 8 de mayo de 2024"), ("item", "Tema 12 del programa provisional*"),
           ("item-title", "Informe"), ("title", "Medidas"),
           ("subtitle", "Informe de la Directora Ejecutiva"), ("job", "24-01234 (S) 260321")],
}  # fmt: skip


def lines(composed: Composed) -> list[tuple[str, str]]:
    """The masthead and the foot of page 1 as (role, text), with the agenda note's mark ("*")."""
    def text(part: object) -> str:
        return part.text if isinstance(part, Span) else part.mark if isinstance(part, NoteRef) else ""

    return [(line.role, "".join(text(part) for part in line.content))
            for line in composed.masthead + composed.foot]


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_masthead_of_a_document_in_french_and_spanish(code: str) -> None:
    assert lines(hd.compose(hd.structure(data(ONE_ITEM)), code)) == MASTHEADS[code]


@pytest.mark.parametrize(
    ("items", "fr", "es"),
    [(TWO_ITEMS, "Points 11 et 12 de l'ordre du jour provisoire*", "Temas 11 y 12 del programa provisional*"),
     (SUB_ITEM, "Point 6 a) de l'ordre du jour provisoire*", "Tema 6 a) del programa provisional*")],
)  # fmt: skip
def test_agenda_item_lines(items: list[dict[str, Any]], fr: str, es: str) -> None:
    doc = hd.structure(data(items))
    got = [dict(lines(hd.compose(doc, code)))["item"] for code in ("fr", "es")]
    assert got == [fr, es]


def test_a_limited_or_online_document_translates_its_distribution_and_venue() -> None:
    d = data(ONE_ITEM)
    d["distribution"] = "limited"
    d["session"] = {"year": 2024, "ordinal": 2, "start": dt.date(2024, 11, 12),
                    "end": dt.date(2024, 11, 12), "online": True}  # fmt: skip
    doc = hd.structure(d)
    fr, es = (lines(hd.compose(doc, code)) for code in ("fr", "es"))
    assert (fr[3], es[3]) == (("distr", "Distr. restreinte"), ("distr", "Distr. limitada"))
    fr, es = dict(fr), dict(es)
    assert (fr["venue"], es["venue"]) == ("En ligne, 12 novembre 2024", "En línea, 12 de noviembre de 2024")


@pytest.mark.slow
@pytest.mark.parametrize("code", ["fr", "es"])
def test_docx_and_pdf_in_french_and_spanish_read_back(code: str, tmp_path: Path) -> None:
    doc = hd.structure(data(ONE_ITEM))
    money, share = render(Money.of("152.46 million"), code), render(Percent(89), code)
    document = docx.Document(io.BytesIO(hd.render(doc, code, "docx")))
    paras = [p.text for p in document.paragraphs]
    assert any(money in p for p in paras) and any(share in p for p in paras)
    assert [p.split("\t")[0] for p in paras if p.startswith(("a)", "b)"))] == ["a)", "b)"]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    foot = [p.text for p in document.sections[0].first_page_footer.paragraphs]
    # days with their months and ranges are bound (no-break spaces, word joiners): read as text
    body = "\n".join(paras + cells + foot).replace("\u2060", "").replace(NBSP, " ")
    for _, text in MASTHEADS[code][2:]:
        assert text.rstrip("*").replace(NBSP, " ") in body, text
    pdf = tmp_path / f"doc-{code}.pdf"
    pdf.write_bytes(hd.render(doc, code, "pdf"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.replace(NBSP, " ").replace(NNBSP, " ").split())
    for expected in (money, share, MASTHEADS[code][8][1], MASTHEADS[code][12][1], "a) ", "b) "):
        assert " ".join(expected.replace(NBSP, " ").replace(NNBSP, " ").split()) in flat, expected


def test_a_money_pattern_by_plural_needs_its_other_form() -> None:
    table = tomllib.loads((Path(__file__).parents[1] / "templates" / "fr" / "language.toml").read_text("utf-8"))
    del table["style"]["money"]["scales"]["million"]["other"]
    with pytest.raises(ValueError, match="'other' form"):
        HouseStyle.from_table(table["style"], "fr_FR")
