"""The checker in the six UN languages: the numbering shapes of each (conventions §3: "I.",
"一、", "أولا -" and "ألف -"; "1." and "1 -"; "(a)", "a)" and "(أ)" with "’1‘"; the annex
and caption words), defects injected into a clean text of each language, parity between any
two versions (texts in all six; French, Spanish and Russian documents built and read back
from DOCX and from the Typst PDF), and ``assert_parity`` over several files."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

import habitat_docs as hd
from habitat_docs.check import check, check_text, parity, parity_pairs, structure
from habitat_docs.check.reader import from_text, read
from habitat_docs.cli.check import run
from habitat_docs.testing import assert_numbering, assert_parity

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check"
TEXTS = FIXTURES / "languages"
LANGS = ("ar", "en", "es", "fr", "ru", "zh")

# Each language's shapes (conventions §3): the paragraph label of n, the section numerals I–III,
# the first-depth subparagraph labels (a)–(c), and the annex word.
SHAPES = {
    "ar": ("{} -", ("أولا -", "ثانيا -", "ثالثا -"), ("(أ)", "(ب)", "(ج)"), "المرفق"),
    "en": ("{}.", ("I.", "II.", "III."), ("(a)", "(b)", "(c)"), "Annex"),
    "es": ("{}.", ("I.", "II.", "III."), ("a)", "b)", "c)"), "Anexo"),
    "fr": ("{}.", ("I.", "II.", "III."), ("a)", "b)", "c)"), "Annexe"),
    "ru": ("{}.", ("I.", "II.", "III."), ("a)", "b)", "c)"), "Приложение"),
    "zh": ("{}.", ("一、", "二、", "三、"), ("(a)", "(b)", "(c)"), "附件"),
}

# What every clean text holds, in order: (kind, value, depth), whatever the language.
OUTLINE = [
    ("section", 1, 0), ("para", 1, 0), ("para", 2, 0), ("sub", 1, 1), ("sub", 2, 1),
    ("sub", 1, 2), ("sub", 2, 2), ("sub", 3, 1), ("para", 3, 0), ("table", 1, 0),
    ("section", 2, 0), ("subsection", 1, 0), ("para", 4, 0), ("figure", 1, 0),
    ("subsection", 2, 0), ("para", 5, 0), ("star", 1, 0), ("note", 1, 0),
    ("annex", 1, 0), ("section", 1, 0), ("para", 1, 0),
    ("annex", 2, 0), ("section", 1, 0), ("para", 1, 0),
]  # fmt: skip


def text(lang: str) -> str:
    return (TEXTS / f"{lang}.txt").read_text(encoding="utf-8")


def starting(lines: list[str], label: str, after: int = 0) -> int:
    """The index of the first line from ``after`` that starts with the label (and a space,
    but after "一、")."""
    return next(
        i
        for i, ln in enumerate(lines)
        if i >= after and ln.startswith(label if label.endswith("、") else label + " ")
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_clean_text_in_each_language_passes_and_is_read_in_full(lang: str) -> None:
    report = assert_numbering(TEXTS / f"{lang}.txt")
    assert report.ok
    items = structure(from_text(text(lang))).items
    assert [(it.kind, it.value, it.depth) for it in items] == OUTLINE
    para, sections, subs, annex = SHAPES[lang]
    assert [it.label for it in items if it.kind == "para"][:3] == [para.format(n) for n in (1, 2, 3)]
    assert [it.label for it in items if it.kind == "section"][:2] == list(sections[:2])
    assert [it.label for it in items if it.kind == "sub" and it.depth == 1] == list(subs)
    assert all(it.label.startswith(annex) for it in items if it.kind == "annex")


def skipped_paragraph(lang: str, lines: list[str]) -> tuple[int, str, str, str]:
    para = SHAPES[lang][0]
    i = starting(lines, para.format(3))
    del lines[i]
    return starting(lines, para.format(4)) + 1, "gap", para.format(3), para.format(4)


def repeated_section(lang: str, lines: list[str]) -> tuple[int, str, str, str]:
    first, second, _ = SHAPES[lang][1]
    i = starting(lines, second)
    lines[i] = first + lines[i][len(second) :]
    return i + 1, "duplicate", second, first


def skipped_letter(lang: str, lines: list[str]) -> tuple[int, str, str, str]:
    _, b, c = SHAPES[lang][2]
    del lines[starting(lines, b)]
    return starting(lines, c) + 1, "gap", b, c


def running_across_an_annex(lang: str, lines: list[str]) -> tuple[int, str, str, str]:
    """The first annex's first section numbered on from the body's two: III."""
    first, _, third = SHAPES[lang][1]
    annex = next(i for i, ln in enumerate(lines) if ln.startswith(SHAPES[lang][3]))
    i = starting(lines, first, annex)
    lines[i] = third + lines[i][len(first) :]
    return i + 1, "gap", first, third


DEFECTS = [skipped_paragraph, repeated_section, skipped_letter, running_across_an_annex]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("defect", DEFECTS, ids=lambda f: f.__name__)
def test_each_defect_is_found_in_each_language(lang: str, defect: object) -> None:
    lines = text(lang).split("\n")
    line, code, expected, found = defect(lang, lines)  # type: ignore[operator]
    report = check_text("\n".join(lines), f"{lang}.txt")
    assert [(f.line, f.code, f.expected, f.found) for f in report.findings] == [
        (line, code, expected, found)
    ], str(report)


def test_the_messages_print_the_labels_of_the_language() -> None:
    lines = text("ar").split("\n")
    skipped_letter("ar", lines)
    [finding] = check_text("\n".join(lines)).findings
    assert finding.message == "subparagraph (ب) is missing: (ج) follows (أ)"
    lines = text("fr").split("\n")
    skipped_paragraph("fr", lines)
    [finding] = check_text("\n".join(lines)).findings
    assert finding.message == "paragraph 3. is missing: 4. follows 2."


# --- Arabic shapes as extractions show them ------------------------------------------------


def test_arabic_variants_of_extraction() -> None:
    """Tanween on the ordinal adverb, the second-depth digits between a backtick and an
    apostrophe, "هـ" without its tatweel, the table-of-contents chapter form "الأول -"."""
    t = (
        "أولاً - مقدمة\n1 - قرر المجلس:\n(أ) أولا؛\n`1' الأول؛\n'2` الثاني؛\n(ب) ثانيا؛\n"
        "(ج) ثالثا؛\n(د) رابعا؛\n(ه) خامسا.\nالثاني - الخاتمة\nألف - الخلاصة\n2 - نص.\n"
        "باء - التوصيات\n3 - نص.\nالمرفق\nالشكل 1\n"
    )
    items = structure(from_text(t)).items
    assert [(it.kind, it.value, it.depth) for it in items] == [
        ("section", 1, 0), ("para", 1, 0), ("sub", 1, 1), ("sub", 1, 2), ("sub", 2, 2),
        ("sub", 2, 1), ("sub", 3, 1), ("sub", 4, 1), ("sub", 5, 1), ("section", 2, 0),
        ("subsection", 1, 0), ("para", 2, 0), ("subsection", 2, 0), ("para", 3, 0),
        ("annex", 0, 0), ("figure", 1, 0),
    ]  # fmt: skip
    assert check_text(t).ok


def test_arabic_letter_names_and_ordinals_run_past_the_first_ten() -> None:
    names = "ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام".split()
    adverbs = ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا",
               "عاشرا", "حادي عشر", "ثاني عشر"]  # fmt: skip
    body = [f"{a} - فصل\nألف - فرع\n{n} - نص." for n, a in enumerate(adverbs, 1)]
    body += [f"{name} - فرع\n{n} - نص." for n, name in enumerate(names[1:], 13)]  # in chapter XII
    items = structure(from_text("\n".join(body))).items
    assert [it.value for it in items if it.kind == "section"] == list(range(1, 13))
    assert [it.value for it in items if it.kind == "subsection"] == [1] * 11 + list(range(1, 13))
    assert check_text("\n".join(body)).ok
    assert check_text("\n".join(body).replace("ياء -", "كاف -")).findings[0].expected == "ياء -"
    t = "\n".join(f"{n} - نص:\n" + "\n".join(f"({a}) بند؛" for a in "أبجدهوزحطيكل") for n in (1,))
    assert [it.value for it in structure(from_text(t)).items if it.kind == "sub"] == list(range(1, 13))
    assert check_text(t).ok
    wrong = t.replace("(ي)", "(ك)", 1)  # the tenth letter given the eleventh's
    assert [(f.code, f.expected) for f in check_text(wrong).findings] == [("wrong", "(ي)")]


def test_bidi_marks_around_numbers_and_symbols_are_read_through() -> None:
    """Arabic text keeps numbers left to right with isolates and marks (conventions §6.2)."""
    lri, pdi, rlm = "\u2066", "\u2069", "\u200f"
    marked = "\n".join(
        re.sub(r"(\d+(?:/\d+)?|HSP/EB\.\d{4}/\d+)", rf"{lri}\1{pdi}{rlm}", ln) for ln in text("ar").split("\n")
    )
    assert marked != text("ar")
    items = structure(from_text(marked)).items
    assert [(it.kind, it.value, it.depth) for it in items] == OUTLINE
    assert check_text(marked).ok


def test_amounts_and_ranges_are_not_arabic_paragraphs() -> None:
    t = "1 - نص الفقرة.\n6 - 8 أيار/مايو 2024\n2 - نص.\n"
    assert [it.value for it in structure(from_text(t)).items if it.kind == "para"] == [1, 2]


@pytest.mark.parametrize(
    ("heading", "number"),
    [("Projet de décision 2024/…", "1."), ("Proyecto de decisión 2024/…", "1."),
     ("Проект решения 2024/…", "1."), ("مشروع مقرر 2024/…", "1 -")],
)  # fmt: skip
def test_a_draft_decision_numbers_its_paragraphs_apart(heading: str, number: str) -> None:
    para = number.replace("1", "{}")
    t = "\n".join([para.format(1) + " Texte.", para.format(2) + " Texte.", heading,
                   para.format(1) + " Décide ;", para.format(2) + " Prie."])  # fmt: skip
    items = structure(from_text(t)).items
    assert [(it.kind, it.value) for it in items] == [
        ("para", 1), ("para", 2), ("decision", 1), ("operative", 1), ("operative", 2)
    ]
    assert check_text(t).ok


# --- parity between any two versions ---------------------------------------------------------


def test_parity_between_every_pair_of_the_six_texts() -> None:
    files = [TEXTS / f"{lang}.txt" for lang in LANGS]
    report = parity(*files, every_pair=True)
    assert report.ok, str(report)
    assert len(parity_pairs(*files, every_pair=True)) == 15
    assert_parity(*files)


def test_parity_names_both_files_of_each_mismatch(tmp_path: Path) -> None:
    broken = tmp_path / "fr.txt"
    lines = text("fr").split("\n")
    del lines[lines.index("Figure I")]
    broken.write_text("\n".join(lines), encoding="utf-8")
    files = [TEXTS / f"{lang}.txt" for lang in ("ar", "es", "ru")]
    assert check(broken).ok  # numbered consistently, but one figure short
    pairs = parity_pairs(broken, *files, every_pair=True)
    bad = [(Path(a).name, Path(b).name) for a, b, r in pairs if not r.ok]
    assert bad == [("fr.txt", "ar.txt"), ("fr.txt", "es.txt"), ("fr.txt", "ru.txt")]
    ar, es = TEXTS / "ar.txt", TEXTS / "es.txt"
    with pytest.raises(AssertionError) as info:
        assert_parity(ar, broken, es, every_pair=True)
    message = str(info.value)
    assert message.startswith("3 language versions differ (2 problems):")
    assert f"{ar} and {broken} differ (1 problem):" in message
    assert f"{broken} and {es} differ (1 problem):" in message
    assert f"{ar} and {es} differ" not in message
    found = re.findall(rf"^(\S+):-:\d+: “[^”]*”: figure (\S+ \S+) has no counterpart in {re.escape(str(broken))}", message, re.MULTILINE)
    assert found == [(str(ar), "الشكل الأول"), (str(es), "Gráfico I")]
    with pytest.raises(AssertionError, match=r"^\S+ar\.txt and \S+fr\.txt differ \(1 problem\):\n"):
        assert_parity(TEXTS / "ar.txt", broken)


def test_parity_shows_subparagraphs_in_each_documents_labels(tmp_path: Path) -> None:
    lines = text("ar").split("\n")
    del lines[starting(lines, "(ج)")]
    broken = tmp_path / "ar.txt"
    broken.write_text("\n".join(lines), encoding="utf-8")
    [finding] = parity(broken, TEXTS / "fr.txt").findings
    assert "paragraph 2 - has subparagraphs (أ), (ب) [’1‘, ’2‘] here" in finding.message
    assert finding.expected == "subparagraphs a), b) [i), ii)], c)"


def test_cli_parity_of_several_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    files = [str(TEXTS / f"{lang}.txt") for lang in LANGS]
    assert run(["--parity", *files]) == 0
    assert run(["--parity", *files, "--every-pair"]) == 0
    lines = text("ru").split("\n")
    del lines[starting(lines, "c)")]
    broken = tmp_path / "ru.txt"
    broken.write_text("\n".join(lines), encoding="utf-8")
    capsys.readouterr()
    assert run(["--parity", files[0], str(broken), files[2]]) == 1
    out = capsys.readouterr().out
    assert str(broken) in out and files[0] in out
    assert f"{broken}: ok" not in out  # named by the finding in the first file
    assert f"{files[2]}: ok — " in out  # the third file has no findings: what it holds
    assert run(["--parity", files[0]]) == 2


# --- French, Spanish and Russian documents read back from DOCX and PDF -------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    doc = hd.load(FIXTURES / "rich-fr-es-ru.yaml")
    folder = tmp_path_factory.mktemp("languages")
    out = {}
    for lang, fmt in itertools.product(("en", "fr", "es", "ru"), ("docx", "pdf")):
        path = folder / f"rich-{lang}.{fmt}"
        path.write_bytes(hd.render(doc, lang, fmt))
        out[lang, fmt] = path
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "es", "ru"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_french_spanish_russian_documents_read_back(
    built: dict[tuple[str, str], Path], lang: str, fmt: str
) -> None:
    path = built[lang, fmt]
    assert_numbering(path)
    items = structure(read(path)).items
    english = structure(read(built["en", fmt])).items
    kinds = {it.kind for it in items}
    for kind in kinds | {it.kind for it in english}:  # footnotes may fall on other pages
        assert [(it.value, it.depth) for it in items if it.kind == kind] == [
            (it.value, it.depth) for it in english if it.kind == kind
        ], kind
    assert {"section", "subsection", "para", "sub", "annex", "figure", "table"} <= kinds
    assert [it.label for it in items if it.kind == "sub"][:3] == ["a)", "i)", "ii)"]
    assert len([it for it in items if it.kind == "annex"]) == 2


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_parity_of_french_spanish_and_russian(built: dict[tuple[str, str], Path], fmt: str) -> None:
    versions = [built[lang, fmt] for lang in ("fr", "es", "ru", "en")]
    assert_parity(*versions, every_pair=True)
    assert_parity(built["fr", "docx"], built["es", "pdf"], built["ru", "pdf"])


@pytest.mark.slow
def test_parity_finds_a_paragraph_missing_from_the_russian(
    built: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    import docx

    d = docx.Document(str(built["ru", "docx"]))
    gone = next(p for p in d.paragraphs if p.text.startswith("c)"))
    gone._p.getparent().remove(gone._p)
    ru = tmp_path / "rich-ru.docx"
    d.save(str(ru))
    report = parity(built["fr", "pdf"], built["es", "docx"], ru)
    assert [(Path(f.file).name, f.code) for f in report.findings] == [("rich-fr.pdf", "parity")]
    assert f"in {ru}" in report.findings[0].message
    assert "a) [i), ii)], b), c) here" in report.findings[0].message
