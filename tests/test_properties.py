"""Properties (Hypothesis): any valid generated document renders to DOCX and PDF whose
numbering the checker accepts and whose Chinese and English versions have the same
structure; arbitrary Unicode in prose (right-to-left text, combining marks, emoji, unpaired
surrogates, control characters) either renders to files that open, or fails with a clear
error (DataError, or FontError for a character no font has), never anything else.

Generated documents are plain data put through ``habitat_docs.structure`` (the loader's own
path); their prose uses words that cannot pass for labels (no roman numerals, no single
letters, no digits), so every label the checker sees is one the library printed.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from support import MASTHEAD

import habitat_docs as hd
from habitat_docs.testing import assert_numbering, assert_parity
from habitat_docs.writers.pdf.fonts import FontError

# Words with a letter outside i, v, x, l, c, d, m (so none reads as a roman numeral) and
# none that names a label ("table", "annex", "section" …).
EN_WORDS = (
    "board", "report", "urban", "housing", "water", "energy", "regional", "partners",
    "strategy", "agenda", "budget", "network", "resources", "youth", "planning", "safety",
    "transport", "programme", "members", "support", "growth", "review", "projects", "states",
)  # fmt: skip
ZH_WORDS = (
    "城市", "住房", "发展", "规划", "资源", "伙伴", "战略", "预算", "报告", "执行局", "水",
    "能源", "区域", "网络", "可持续", "社区", "治理", "评估", "方案", "青年", "安全", "交通",
)  # fmt: skip


def slow(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@st.composite
def prose(draw: st.DrawFn, lo: int = 3, hi: int = 12) -> dict[str, str]:
    """A sentence in both languages (the same length in words, for the look of it)."""
    n = draw(st.integers(lo, hi))
    en = " ".join(draw(st.lists(st.sampled_from(EN_WORDS), min_size=n, max_size=n)))
    zh = "".join(draw(st.lists(st.sampled_from(ZH_WORDS), min_size=n, max_size=n)))
    return {"en": en[:1].upper() + en[1:] + ".", "zh": zh + "。"}


@st.composite
def heading(draw: st.DrawFn) -> dict[str, str]:
    t = draw(prose(1, 4))
    return {"en": t["en"].rstrip("."), "zh": t["zh"].rstrip("。")}


class Ids:
    """Ids handed out while drawing, by kind, for references drawn afterwards."""

    def __init__(self) -> None:
        self.n = 0
        self.by_kind: dict[str, list[str]] = {"paragraph": [], "section": []}

    def new(self, kind: str) -> str:
        self.n += 1
        name = f"{kind[0]}{self.n}"
        self.by_kind[kind].append(name)
        return name


@st.composite
def subparagraphs(draw: st.DrawFn, depth: int) -> list[dict[str, Any]]:
    if depth > 4:
        return []
    out = []
    for _ in range(draw(st.integers(0 if depth > 1 else 1, 3))):
        sub: dict[str, Any] = {"text": draw(prose(2, 6))}
        if depth < 4 and draw(st.booleans()):
            sub["subparagraphs"] = draw(subparagraphs(depth + 1))
            if not sub["subparagraphs"]:
                del sub["subparagraphs"]
        out.append(sub)
    return out


@st.composite
def paragraph(draw: st.DrawFn, ids: Ids, notes: bool = True) -> dict[str, Any]:
    text = draw(prose())
    if notes and draw(st.integers(0, 3)) == 0:  # a footnote in both languages
        note = draw(prose(2, 5))
        text = {k: v[:-1] + "{note:" + note[k] + "}" + v[-1] for k, v in text.items()}
    p: dict[str, Any] = {"id": ids.new("paragraph"), "text": text}
    if draw(st.integers(0, 2)) == 0:
        p["subparagraphs"] = draw(subparagraphs(1))
    return p


@st.composite
def table(draw: st.DrawFn) -> dict[str, Any]:
    cols = draw(st.integers(1, 3))
    return {
        "table": {
            "title": draw(heading()),
            "columns": [draw(heading()) for _ in range(cols)],
            "rows": [
                [draw(heading()) for _ in range(cols)] for _ in range(draw(st.integers(1, 3)))
            ],
        }
    }


@st.composite
def blocks(draw: st.DrawFn, ids: Ids) -> list[dict[str, Any]]:
    out = [draw(paragraph(ids))]
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "paragraph", "table", "figure"]))
        if kind == "paragraph":
            out.append(draw(paragraph(ids)))
        elif kind == "table":
            out.append(draw(table()))
        else:
            out.append({"figure": {"title": draw(heading())}})
    return out


@st.composite
def section(draw: st.DrawFn, ids: Ids) -> dict[str, Any]:
    s: dict[str, Any] = {"id": ids.new("section"), "heading": draw(heading())}
    s["content"] = draw(blocks(ids))
    n = draw(st.sampled_from([0, 0, 2, 3]))  # never a lone subsection
    if n:
        s["subsections"] = [
            {"heading": draw(heading()), "content": draw(blocks(ids))} for _ in range(n)
        ]
    return s


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document as plain data: sections, subsections, paragraphs, subparagraphs four
    deep, footnotes, references, tables, figures and an annex."""
    ids = Ids()
    sections = [draw(section(ids)) for _ in range(draw(st.integers(1, 4)))]
    body_paragraphs = list(ids.by_kind["paragraph"])
    annexes = []
    if draw(st.booleans()):
        annexes = [
            {
                "title": draw(heading()),
                "content": [
                    draw(paragraph(ids, notes=False)) for _ in range(draw(st.integers(1, 3)))
                ],
            }
        ]
    # references: a few paragraphs cite other body paragraphs, or a section
    for s in sections:
        for b in s["content"]:
            if "text" in b and draw(st.integers(0, 3)) == 0:
                kind = draw(st.sampled_from(["paragraph", "section"]))
                pool = body_paragraphs if kind == "paragraph" else ids.by_kind["section"]
                targets = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True))
                ref = "{ref:" + ",".join(targets) + "}"
                # In parentheses: a reference that wraps then starts its line with "III)" or
                # "15)", never with what reads as a label ("III.", "15."): see
                # test_a_reference_never_starts_a_line_with_a_label below.
                b["text"] = {
                    "en": b["text"]["en"][:-1] + " (see " + ref + ").",
                    "zh": b["text"]["zh"][:-1] + "（见" + ref + "）。",
                }
    return {
        **MASTHEAD,
        "title": draw(heading()),
        "sections": sections,
        "annexes": annexes,
    }  # fmt: skip


def write_all(
    doc: hd.Document, folder: Path, formats: tuple[str, ...]
) -> dict[tuple[str, str], Path]:
    paths = hd.build(doc, folder, ("zh", "en"), formats)
    return {(p.stem.rsplit("-", 1)[1], p.suffix[1:]): p for p in paths}


def _checker_accepts(data: dict[str, Any], fmt: str) -> None:
    """Build both languages in one format; numbering and zh/en parity must hold."""
    doc = hd.structure(data)
    with tempfile.TemporaryDirectory() as tmp:
        files = write_all(doc, Path(tmp), (fmt,))
        for lang in ("zh", "en"):
            assert_numbering(files[lang, fmt])
        assert_parity(files["zh", fmt], files["en", fmt])


@pytest.mark.slow
@slow(60)
@given(data=documents())
def test_any_valid_document_gives_docx_the_checker_accepts(data: dict[str, Any], tried) -> None:  # type: ignore[no-untyped-def]
    tried["generated examples"] += 1
    _checker_accepts(data, "docx")


@pytest.mark.slow
@slow(25)
@given(data=documents())
def test_any_valid_document_gives_pdf_the_checker_accepts(data: dict[str, Any], tried) -> None:  # type: ignore[no-untyped-def]
    tried["generated examples"] += 1
    _checker_accepts(data, "pdf")


@slow(8)
@given(words=st.integers(30, 500), lang_words=st.integers(30, 400))
def test_long_titles_and_headings_render(words: int, lang_words: int, tried) -> None:  # type: ignore[no-untyped-def]
    """Titles far longer than a DOCX property holds (255 characters) still render."""
    tried["generated examples"] += 1
    en = " ".join(EN_WORDS[i % len(EN_WORDS)] for i in range(words))
    zh = "".join(ZH_WORDS[i % len(ZH_WORDS)] for i in range(lang_words))
    doc = hd.structure({
        **MASTHEAD,
        "agenda": {"symbol": "HSP/EB.2024/1", "items": [{"number": 12, "title": {"en": en, "zh": zh}}]},
        "title": {"en": en, "zh": zh},
        "sections": [{"heading": {"en": en, "zh": zh}, "content": [{"en": en + ".", "zh": zh + "。"}]}],
    })  # fmt: skip
    for lang in ("zh", "en"):
        props = docx.Document(io.BytesIO(hd.render(doc, lang, "docx"))).core_properties
        assert len(props.title) <= 255
        assert len(PdfReader(io.BytesIO(hd.render(doc, lang, "pdf"))).pages) >= 1


def test_a_reference_never_starts_a_line_with_a_label(tmp_path: Path) -> None:
    def t(en: str, zh: str) -> dict[str, str]:
        return {"en": en, "zh": zh}

    data = {
        **MASTHEAD,
        "title": t("Title", "标题"),
        "sections": [
            {"heading": t("One", "一"), "content": [t("Text.", "文本。")]},
            {"heading": t("Two", "二"), "content": [t("Text.", "文本。")]},
            {"id": "third", "heading": t("Three", "三"), "content": [t("Text.", "文本。")]},
            {"heading": t("Four", "四"), "content": [t(
                "Network youth programme energy states network housing partners growth housing "
                "board regional {ref:third}.", "见{ref:third}。")]},
        ],
    }  # fmt: skip
    (path,) = hd.build(hd.structure(data), tmp_path, ("en",), ("pdf",))
    assert_numbering(path)


# --- arbitrary Unicode -----------------------------------------------------------------------

# Arabic's own directional formatting: marks, and isolates each closed in the same text.
RTL = "שָׁלוֹם مرحبا بالعالم \u200f\u061c\u200e \u2067عربي\u2069 \u2066A/1\u2069 \u2068x\u2069"
COMBINING = "e\u0301 a\u0308\u0323 \u1100\u1161\u11a8 o\u0338"
EMOJI = "😀 👩🏽‍💻 🇰🇪 ❤️"
CONTROLS = "\x00\x07\x1b[31m\x7f\x85\r\u2028\u2029\ufeff\ufffe\ue000"

# Any code point, surrogates included (Hypothesis leaves them out unless told).
any_char = st.characters(codec=None, exclude_categories=())
fragments = st.sampled_from([RTL, COMBINING, EMOJI, CONTROLS, "\ud800", "\udfff"])
unicode_text = st.lists(
    st.one_of(st.text(any_char, max_size=8), fragments), min_size=1, max_size=6
).map("".join)


def unicode_document(text: str) -> dict[str, Any]:
    return {
        **MASTHEAD,
        "title": {"en": "Title", "zh": "标题"},
        "sections": [{"heading": {"en": "Introduction", "zh": "导言"},
                      "content": [{"text": {"en": "Text: " + text, "zh": "文本：" + text}},
                                  {"table": {"title": {"en": "Table", "zh": "表"},
                                             "columns": [{"en": text or "x", "zh": text or "x"}],
                                             "rows": [[{"en": "x", "zh": "x"}]]}}]}],
    }  # fmt: skip


def renders_or_fails_clearly(load: Any) -> None:
    """``load()`` gives a document, or a DataError; the document renders to a DOCX that
    python-docx opens and a PDF that pypdf opens, or the PDF fails with a FontError."""
    try:
        doc = load()
    except hd.DataError as e:
        assert e.problems and all(str(p) for p in e.problems)
        return
    for lang in ("en", "zh"):
        data = hd.render(doc, lang, "docx")
        docx.Document(io.BytesIO(data))  # reopens: well-formed XML in a valid package
        try:
            pdf = hd.render(doc, lang, "pdf")
        except FontError as e:
            assert "no glyph" in str(e)
            continue
        assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1


@pytest.mark.slow
@slow(150)
@given(text=unicode_text)
def test_arbitrary_unicode_in_prose_renders_or_fails_clearly(text: str, tried) -> None:  # type: ignore[no-untyped-def]
    tried["generated examples"] += 1
    renders_or_fails_clearly(lambda: hd.structure(unicode_document(text)))


def yaml_escaped(text: str) -> str:
    """A YAML double-quoted string writing every non-ASCII or control character as an
    escape (so that surrogates and controls reach the parser as data, not as file bytes)."""
    out = []
    for ch in text:
        if " " <= ch <= "~" and ch not in '"\\':
            out.append(ch)
        else:
            out.append(f"\\U{ord(ch):08X}")
    return '"' + "".join(out) + '"'


@slow(60)
@given(text=unicode_text, fmt=st.sampled_from(["yaml", "json"]))
def test_arbitrary_unicode_in_a_data_file_loads_or_fails_clearly(
    text: str, fmt: str, tried
) -> None:  # type: ignore[no-untyped-def]
    tried["generated examples"] += 1
    data = unicode_document("@@TEXT@@")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc.{fmt}"
        source = json.dumps(data, ensure_ascii=True)  # JSON is YAML too
        if fmt == "yaml":
            source = source.replace('"Text: @@TEXT@@"', yaml_escaped("Text: " + text))
            source = source.replace(
                '"\\u6587\\u672c\\uff1a@@TEXT@@"', yaml_escaped("文本：" + text)
            )
            source = source.replace('"@@TEXT@@"', yaml_escaped(text))
        else:
            source = source.replace("@@TEXT@@", json.dumps(text, ensure_ascii=True)[1:-1])
        assert "@@TEXT@@" not in source
        path.write_text(source, encoding="utf-8")
        renders_or_fails_clearly(lambda: hd.load(path))


@pytest.mark.parametrize("text", [RTL, COMBINING, "Zürich ﬁ ǅ ß İ", "a\u200db\u2060c"])
def test_unusual_but_valid_text_renders(text: str) -> None:
    doc = hd.structure(unicode_document(text))
    for lang in ("en", "zh"):
        docx.Document(io.BytesIO(hd.render(doc, lang, "docx")))


@pytest.mark.parametrize("char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e"])
def test_bidirectional_overrides_are_refused_with_their_field_and_position(char: str) -> None:
    """An override would make the page read other than the data ("Budget give $1000
    approved"): refused in prose and in a table's cells, naming the character and where."""
    with pytest.raises(hd.DataError) as info:
        hd.structure(unicode_document(f"Budget {char}approved"))
    lines = str(info.value).splitlines()
    assert lines[0].startswith(f"sections[0].content[0].text.en: character U+{ord(char):04X} ")
    assert lines[0].endswith("(at character 14)")  # "Text: Budget " is 13 characters
    assert any(ln.startswith("sections[0].content[1].table.columns[0].en: ") for ln in lines)
    assert char not in str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a \u2067b", "U+2067 RIGHT-TO-LEFT ISOLATE is never closed (by U+2069) (at character 9)"),
        ("a \u2069b", "U+2069 POP DIRECTIONAL ISOLATE closes no isolate (at character 9)"),
        ("\u2066a\u2069\u2069 \u2068", "U+2069 POP DIRECTIONAL ISOLATE closes no isolate (at character 10)"),
        ("\u2066\u2068a\u2069", "U+2066 LEFT-TO-RIGHT ISOLATE is never closed (by U+2069) (at character 7)"),
    ],
)
def test_an_isolate_unclosed_or_closing_none_is_refused(text: str, message: str) -> None:
    with pytest.raises(hd.DataError) as info:
        hd.structure(unicode_document(text))
    assert str(info.value).splitlines()[0] == f"sections[0].content[0].text.en: character {message}"


_ER = "U+0440 CYRILLIC SMALL LETTER ER, is not ASCII"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id", "reрort", f"'reрort' is not a valid id (letters, digits, '-', '_', '.'): character 3, {_ER}"),
        ("id", "café", "'café' is not a valid id (letters, digits, '-', '_', '.'): character 4, U+00E9 LATIN"),
        ("text", "see {ref:reрort}", f"'reрort' is not a valid label id: character 3, {_ER} (at character 5)"),
        ("text", "{fact:tоtal}", "'tоtal' is not a valid fact name: character 2, U+043E CYRILLIC SMALL"),
    ],
)
def test_ids_and_names_are_ascii(field: str, value: str, message: str) -> None:
    """A Cyrillic "р" looks like a Latin "p" and would name another paragraph."""
    data = unicode_document("x")
    paragraph = data["sections"][0]["content"][0]
    if field == "id":
        paragraph["id"] = value
    else:
        paragraph["text"] = {"en": value, "zh": value}
    with pytest.raises(hd.DataError) as info:
        hd.structure(data)
    assert message in str(info.value).splitlines()[0]


def test_messages_show_invisible_characters_escaped() -> None:
    """A message quoting the data shows what a reader could not see: a zero-width space,
    an isolate, a word joiner, a tag character."""
    data = unicode_document("x")
    data["sections"][0]["content"][0]["id"] = "a\u200bb\u2066c\u2069\u2060\U000e0041"
    with pytest.raises(hd.DataError) as info:
        hd.structure(data)
    message = str(info.value)
    assert message.startswith(
        "sections[0].content[0].id: 'a\\u200bb\\u2066c\\u2069\\u2060\\U000e0041' is not a valid id"
    )
    assert not any(c in message for c in "\u200b\u2066\u2069\u2060\U000e0041")
    problem = hd.DataError("'x\u200by'", ("title", "en")).problems[0]
    assert str(problem) == "title.en: 'x\\u200by'"


@pytest.mark.parametrize(
    "char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\r", "\ufffe", "\ue000", "\ud800"]
)
def test_control_private_use_and_surrogate_characters_are_refused(char: str) -> None:
    with pytest.raises(hd.DataError) as info:
        hd.structure(unicode_document(f"a{char}b"))
    assert f"U+{ord(char):04X} is not allowed" in str(info.value)
