"""The masthead's bands: symbols on one line, the UN emblem and the UN-Habitat logo from the
user's image files, and one masthead height in the Typst PDF and in the DOCX (read back from
the DOCX, from pdftotext and pypdf, and from pages rendered with pdftoppm)."""

from __future__ import annotations

import html
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import docx
import pypdf
import pytest
import yaml
from support import MASTHEAD_YAML, OnDemand

import habitat_docs as hd
from habitat_docs.cli import main
from habitat_docs.compose import geometry
from habitat_docs.compose.composer import compose
from habitat_docs.compose.measure import text_width
from habitat_docs.compose.tree import Composed
from habitat_docs.writers import write_docx, write_pdf
from habitat_docs.writers.office import pdf_from_docx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("hsp-*.yaml"))
LANGS = ("zh", "en")
LONG = ("HSP/EB.2024/1/Add.1", "HSP/EB.2024/INF/12/Add.1/Rev.1")
PT_PER_CM = 72 / 2.54
EMBLEM_RGB, LOGO_RGB = (0x1E, 0x5A, 0xC8), (0x00, 0x8C, 0x3C)
OFFICE = [pytest.mark.office, pytest.mark.slow]
ENGINES = ["typst", pytest.param("libreoffice", marks=OFFICE)]


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A one-colour RGB PNG, made here: the emblem's artwork is never in the repository."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    head = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def document(folder: Path, symbol: str = "HSP/EB.2024/11", **fields: str) -> Path:
    data = yaml.safe_load(MASTHEAD_YAML) | {"symbol": symbol, **fields}
    data["sections"] = [{"heading": {"en": "Introduction", "zh": "导言"},
                         "content": [{"en": "A paragraph.", "zh": "一段。"}]}]  # fmt: skip
    path = folder / f"{symbol.replace('/', '-')}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("masthead")
    (out / "emblem.png").write_bytes(png(200, 180, EMBLEM_RGB))
    (out / "logo.png").write_bytes(png(300, 100, LOGO_RGB))
    return out


@pytest.fixture(scope="module")
def composed(folder: Path) -> dict[tuple[str, str], Composed]:
    """(case, lang): the long symbols, the document with emblem and logo, and without."""
    art = hd.Artwork(folder / "emblem.png", folder / "logo.png")
    docs = {symbol: (hd.load(document(folder, symbol)), None) for symbol in LONG}
    docs["art"] = (hd.load(document(folder)), art)
    docs["plain"] = (docs["art"][0], None)
    return {(case, lang): compose(doc, lang, artwork=a) for case, (doc, a) in docs.items() for lang in LANGS}


@pytest.fixture(scope="module")
def pdfs(composed: dict[tuple[str, str], Composed], folder: Path) -> dict[tuple[str, str, str], Path]:
    """(engine, case, lang): Typst PDFs at once, LibreOffice's when one is first read."""
    out = folder / "pdf"
    out.mkdir()
    typst = {}
    for (case, lang), c in composed.items():
        typst["typst", case, lang] = path = out / f"{case.replace('/', '-')}-{lang}.pdf"
        path.write_bytes(write_pdf(c))

    def libreoffice() -> dict[tuple[str, str, str], Path]:
        sources = []
        for (case, lang), c in composed.items():
            sources.append(out / f"{case.replace('/', '-')}-{lang}.docx")
            sources[-1].write_bytes(write_docx(c))
        converted = pdf_from_docx(sources, out / "lo")
        return {("libreoffice", *key): pdf for key, pdf in zip(composed, converted, strict=True)}

    return OnDemand(typst, libreoffice)


def text_lines(pdf: Path) -> list[tuple[float, str]]:
    """The first page's lines as pdftotext sees them: (top, text without spaces)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return [(float(m[1]), "".join(html.unescape(w) for w in re.findall(r">([^<]*)</word>", m[2])))
            for m in re.finditer(r'<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(.*?)</line>', xml, re.DOTALL)]  # fmt: skip


def pixels(pdf: Path, dpi: int = 144) -> tuple[int, int, bytes]:
    ppm = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf)],
                         capture_output=True, check=True).stdout  # fmt: skip
    magic, width, height, _, data = ppm.split(maxsplit=4)
    assert magic == b"P6"
    return int(width), int(height), data


def box_of(image: tuple[int, int, bytes], rgb: tuple[int, int, int], dpi: int = 144) -> tuple[float, ...] | None:
    """Left, top, right and bottom in points of the pixels in colour ``rgb`` (a picture of one
    colour renders its inside in exactly that colour), or None."""
    w, h, data = image
    colour, found = bytes(rgb), []
    for y in range(h):
        row = data[3 * w * y : 3 * w * (y + 1)]
        xs = [m.start() // 3 for m in re.finditer(re.escape(colour), row) if m.start() % 3 == 0]
        if xs:
            found.append((min(xs), y, max(xs) + 1))
    if not found:
        return None
    return tuple(v * 72 / dpi for v in (min(f[0] for f in found), found[0][1], max(f[2] for f in found), found[-1][1] + 1))


def heavy_rule(image: tuple[int, int, bytes], dpi: int = 144) -> float:
    """The top in points of the first pixel row that is dark across most of the text width."""
    w, h, data = image
    for y in range(h):
        row = data[3 * w * y : 3 * w * (y + 1) : 3]
        if sum(1 for v in row if v < 100) > 0.6 * w:
            return y * 72 / dpi
    raise AssertionError("no rule on the page")


# --- a symbol never breaks ------------------------------------------------------------------


def test_a_symbol_that_fits_keeps_its_size_and_the_distribution_column() -> None:
    band = geometry.band(lambda size: text_width("HSP/EB.2024/11", "Times New Roman", size, bold=True), 20)
    assert band.symbol_size == 20
    assert band.columns_cm == pytest.approx((geometry.TEXT_WIDTH_CM - geometry.DISTRIBUTION_WIDTH_CM, geometry.DISTRIBUTION_WIDTH_CM))
    assert band.rows == ((("un", 1), ("symbol", 1)), (("organ", 1), ("distr", 1)))


@pytest.mark.parametrize("symbol", LONG)
def test_a_long_symbol_widens_its_cell_not_the_distribution_column(symbol: str) -> None:
    width = text_width(symbol, "Times New Roman", 20, bold=True)
    assert width > geometry.DISTRIBUTION_WIDTH_CM * PT_PER_CM  # it would not fit the column
    band = geometry.band(lambda size: text_width(symbol, "Times New Roman", size, bold=True), 20)
    (_, un_span), (_, symbol_span) = band.rows[0]
    cell = sum(band.columns_cm[un_span : un_span + symbol_span]) * PT_PER_CM
    assert band.symbol_size == 20 and cell >= width
    assert band.columns_cm[-1] == geometry.DISTRIBUTION_WIDTH_CM  # the distr column keeps its width
    assert sum(band.columns_cm) == pytest.approx(geometry.TEXT_WIDTH_CM)


def test_a_symbol_too_long_for_the_band_steps_down_until_it_fits() -> None:
    symbol = "HSP/EB.2024/INF/12/Add.1/Rev.1/Corr.1"
    logo = geometry.picture("logo.png", 1 / 3, geometry.LOGO_HEIGHT_CM)

    def width(size: float) -> float:
        return text_width(symbol, "Times New Roman", size, bold=True)

    band = geometry.band(width, 20, logo=logo)
    assert geometry.SYMBOL_MIN_PT <= band.symbol_size < 20
    cell = sum(band.columns_cm[-band.rows[0][-1][1] :]) * PT_PER_CM
    assert width(band.symbol_size) <= cell
    assert width(band.symbol_size + 0.5) > cell  # the largest size that fits


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("symbol", LONG)
def test_long_symbols_print_on_one_line_in_the_top_band(pdfs, engine: str, lang: str, symbol: str) -> None:  # type: ignore[no-untyped-def]
    lines = text_lines(pdfs[engine, symbol, lang])
    whole = [top for top, text in lines if symbol in text]
    assert whole, f"{symbol} is broken: {[t for _, t in lines[:6]]}"
    assert whole[0] < 110  # in the top band, above the heavy rule
    assert not any(text.endswith("/") or text.startswith("/") for _, text in lines[:4])


# --- the emblem and the logo ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_docx_masthead_holds_the_emblem_and_the_logo_at_their_size(composed, lang: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = composed["art", lang]
    path = tmp_path / "art.docx"
    path.write_bytes(write_docx(c))
    d = docx.Document(str(path))
    band = d.tables[0]
    emblem_cell, logo_cell = band.rows[1].cells[0], band.rows[0].cells[-2]
    for cell, pic in ((emblem_cell, c.band.emblem), (logo_cell, c.band.logo)):
        assert pic is not None
        extents = cell._tc.xpath(".//wp:extent")
        assert len(extents) == 1, "one picture in its cell"
        assert int(extents[0].get("cx")) / 360000 == pytest.approx(pic.width_cm, abs=0.01)
        assert int(extents[0].get("cy")) / 360000 == pytest.approx(pic.height_cm, abs=0.01)
    assert c.band.emblem.height_cm == geometry.EMBLEM_HEIGHT_CM
    assert c.band.logo.height_cm == geometry.LOGO_HEIGHT_CM
    assert "Executive" in band.rows[1].cells[1].text or "执行局" in band.rows[1].cells[1].text
    assert band.rows[0].cells[-1].text.replace("\u2060", "") == c.symbol


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lang", LANGS)
def test_the_emblem_and_the_logo_show_on_page_1_where_the_bands_put_them(pdfs, composed, engine: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    c = composed["art", lang]
    assert c.band.emblem and c.band.logo
    image = pixels(pdfs[engine, "art", lang])
    rule = heavy_rule(image)
    left = geometry.MARGIN_CM["left"] * PT_PER_CM
    emblem, logo = box_of(image, EMBLEM_RGB), box_of(image, LOGO_RGB)
    assert emblem is not None and logo is not None
    # the emblem: at the text's left edge, just under the heavy rule, at its composed size
    assert emblem[0] == pytest.approx(left, abs=1.5)
    assert 0 < emblem[1] - rule < 8
    assert emblem[2] - emblem[0] == pytest.approx(c.band.emblem.width_cm * PT_PER_CM, abs=1.5)
    assert emblem[3] - emblem[1] == pytest.approx(c.band.emblem.height_cm * PT_PER_CM, abs=1.5)
    # the logo: on the heavy rule, its right edge where the symbol's cell begins
    symbol_cell = sum(c.band.columns_cm[-c.band.rows[0][-1][1] :]) * PT_PER_CM
    assert logo[2] == pytest.approx(left + geometry.TEXT_WIDTH_CM * PT_PER_CM - symbol_cell, abs=1.5)
    assert 0 < rule - logo[3] < 8
    assert logo[2] - logo[0] == pytest.approx(c.band.logo.width_cm * PT_PER_CM, abs=1.5)
    assert logo[3] - logo[1] == pytest.approx(c.band.logo.height_cm * PT_PER_CM, abs=1.5)


@pytest.mark.parametrize("lang", LANGS)
def test_without_image_files_the_masthead_has_no_pictures_and_its_two_columns(composed, pdfs, lang: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = composed["plain", lang]
    assert c.band.emblem is None and c.band.logo is None
    assert c.band.columns_cm == pytest.approx((geometry.TEXT_WIDTH_CM - geometry.DISTRIBUTION_WIDTH_CM, geometry.DISTRIBUTION_WIDTH_CM))
    path = tmp_path / "plain.docx"
    path.write_bytes(write_docx(c))
    assert len(docx.Document(str(path)).inline_shapes) == 0
    assert list(pypdf.PdfReader(pdfs["typst", "plain", lang]).pages[0].images) == []
    image = pixels(pdfs["typst", "plain", lang])
    assert box_of(image, EMBLEM_RGB) is None and box_of(image, LOGO_RGB) is None


def test_a_data_file_names_its_own_emblem_and_logo(folder: Path) -> None:
    doc = hd.load(document(folder, "HSP/EB.2024/12", emblem="emblem.png", logo="logo.png"))
    c = compose(doc, "en")
    assert c.band.emblem and Path(c.band.emblem.path) == folder / "emblem.png"
    assert c.band.logo and Path(c.band.logo.path) == folder / "logo.png"
    other = folder / "other.png"
    other.write_bytes(png(100, 100, LOGO_RGB))
    given = compose(doc, "en", artwork=hd.Artwork(emblem=other))  # the build's file comes first
    assert given.band.emblem and Path(given.band.emblem.path) == other


def test_a_missing_image_in_a_data_file_names_the_file_line_and_field(folder: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = document(folder, "HSP/EB.2024/13", emblem="missing.png")
    with pytest.raises(hd.DataError) as e:
        hd.build(path, tmp_path / "out", formats=("docx",))
    assert re.search(r"HSP-EB\.2024-13\.yaml:\d+: emblem: image file 'missing\.png' not found", str(e.value))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("option", "content", "message"), [
    ("--emblem", None, "--emblem: image file '{path}' not found"),
    ("--logo", b"not an image", "--logo: image '{path}' is not a valid PNG image"),
])  # fmt: skip
def test_build_stops_on_an_unreadable_image_option_and_writes_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, content: bytes | None, message: str
) -> None:
    image = tmp_path / "art.png"
    if content is not None:
        image.write_bytes(content)
    out = tmp_path / "out"
    assert main(["build", str(document(folder)), "--format", "docx,pdf", "-o", str(out), option, str(image)]) == 2
    assert message.format(path=image) in capsys.readouterr().err
    assert not out.exists()


def test_a_session_file_gives_every_document_its_images_and_an_option_overrides_them(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = tmp_path / "session"
    shutil.copytree(ROOT / "examples", session)
    (session / "emblem.png").write_bytes(png(200, 180, EMBLEM_RGB))
    file = session / "session-2024-1.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "emblem: emblem.png\n", encoding="utf-8")
    assert main(["build-session", str(file), "--lang", "en", "-j", "1", "-o", str(tmp_path / "a")]) == 0
    built = sorted((tmp_path / "a").glob("*.docx"))
    assert built
    for path in built:
        (shape,) = docx.Document(str(path)).inline_shapes
        assert shape.height.cm == pytest.approx(geometry.EMBLEM_HEIGHT_CM, abs=0.01)
    logo = folder / "logo.png"
    assert main(["build-session", str(file), "--lang", "en", "-j", "1", "--logo", str(logo), "-o", str(tmp_path / "b")]) == 0
    for path in sorted((tmp_path / "b").glob("*.docx")):
        assert len(docx.Document(str(path)).inline_shapes) == 2
    capsys.readouterr()


def test_a_session_file_naming_a_missing_image_stops_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = tmp_path / "session"
    shutil.copytree(ROOT / "examples", session)
    file = session / "session-2024-1.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "logo: nowhere.png\n", encoding="utf-8")
    assert main(["build-session", str(file), "-o", str(tmp_path / "out")]) == 2
    assert re.search(r"session-2024-1\.yaml:\d+: logo: image file 'nowhere\.png' not found", capsys.readouterr().err)
    assert not (tmp_path / "out").exists()


# --- one masthead height in both engines ----------------------------------------------------


def title_baseline(pdf: Path, c: Composed) -> float:
    """From the top of page 1, the baseline of the title's first line (the first text set at
    the title's size that begins the title)."""
    page = pypdf.PdfReader(pdf).pages[0]
    height, title = float(page.mediabox.height), "".join(c.title.split())
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], _: object, size: float) -> None:
        words = "".join(text.split())
        if len(words) >= 2 and title.startswith(words[:2]) and abs(abs(size * tm[3] * cm[3]) - c.typography.title_size) < 0.3:
            found.append(height - (tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    assert found, "no title line on page 1"
    return found[0]


@pytest.mark.office
@pytest.mark.slow
def test_the_title_stands_at_one_height_in_the_typst_pdf_and_the_docx(tmp_path: Path) -> None:
    composed = {(ex.stem, lang): compose(hd.load(ex), lang) for ex in EXAMPLES for lang in LANGS}
    sources, typst = [], {}
    for (stem, lang), c in composed.items():
        typst[stem, lang] = tmp_path / f"{stem}-{lang}.pdf"
        typst[stem, lang].write_bytes(write_pdf(c))
        sources.append(tmp_path / f"{stem}-{lang}.docx")
        sources[-1].write_bytes(write_docx(c))
    converted = dict(zip(composed, pdf_from_docx(sources, tmp_path / "lo"), strict=True))
    apart = {key: round(title_baseline(converted[key], c) - title_baseline(typst[key], c), 1)
             for key, c in composed.items()}  # fmt: skip
    assert all(abs(d) <= 3 for d in apart.values()), apart
