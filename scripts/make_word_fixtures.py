"""Make the Word-numbered and tracked-changes DOCX files of tests/fixtures/check/word/.

    python scripts/make_word_fixtures.py [OUT_DIR]

Each document comes clean and with one defect. Lists numbered by Word (w:numPr, numbering.xml)
are made the way third parties make them: LibreOffice converts HTML lists (<ol>, <ol start>,
nested <ol type="a">) and OpenDocument lists (headings numbered through their styles, list
continuations and restarts, start values) to DOCX. The tracked-changes files are written
with python-docx and raw WordprocessingML revisions (w:ins, w:del, w:moveFrom, w:moveTo).
Needs LibreOffice (soffice) on the PATH; the files are committed, so tests do not.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import parse_xml

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "check" / "word"
PROSE = "The Executive Board took note of the progress made in the period under review"

# --- HTML lists --------------------------------------------------------------------------

def html(second_start: int) -> str:
    """Two sections of paragraphs; the second list continues by a start value."""
    return f"""<html><body>
<h1>I. Introduction</h1>
<ol><li><p>{PROSE}.</p></li>
<li><p>{PROSE}, as follows:</p>
<ol type="a"><li>{PROSE};</li><li>{PROSE}.</li></ol></li>
<li><p>{PROSE}.</p></li></ol>
<h1>II. Activities</h1>
<ol start="{second_start}"><li><p>{PROSE}.</p></li><li><p>{PROSE}.</p></li></ol>
</body></html>
"""


# --- OpenDocument lists ------------------------------------------------------------------

_FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
  style:default-outline-level="1"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
  style:default-outline-level="2"><style:text-properties fo:font-weight="bold"/></style:style>
 <text:outline-style style:name="Outline">
  <text:outline-level-style text:level="1" style:num-format="I" style:num-suffix=".">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties>
  </text:outline-level-style>
  <text:outline-level-style text:level="2" style:num-format="A" style:num-suffix=".">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties>
  </text:outline-level-style>
 </text:outline-style>
 <text:list-style style:name="Paras">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties>
  </text:list-level-style-number>
  <text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="("
   style:num-suffix=")">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties>
  </text:list-level-style-number>
 </text:list-style>
</office:styles>
<office:body><office:text>
"""


def _heading(level: int, title: str) -> str:
    return (f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
            f"{title}</text:h>\n")  # fmt: skip


def _items(count: int, subs: int = 0, sub_start: int | None = None) -> str:
    """``count`` numbered paragraphs, the last with ``subs`` subparagraphs (a), (b) …"""
    out = [f"<text:list-item><text:p>{PROSE}.</text:p></text:list-item>"] * (count - 1)
    nested = ""
    if subs:
        start = f' text:start-value="{sub_start}"' if sub_start else ""
        first = f"<text:list-item{start}><text:p>{PROSE};</text:p></text:list-item>"
        rest = f"<text:list-item><text:p>{PROSE};</text:p></text:list-item>" * (subs - 1)
        nested = f"<text:list>{first}{rest}</text:list>"
    out.append(f"<text:list-item><text:p>{PROSE}:</text:p>{nested}</text:list-item>")
    return "".join(out)


def fodt(*, restart: bool = False, typed: bool = False, sub_start: int | None = None) -> str:
    """A report: headings I. / A. numbered by their styles, paragraphs numbered by one list
    that runs on across the headings, subparagraphs (a), (b) at the second level."""
    go_on = "false" if restart else "true"
    body = [_heading(1, "Introduction"),
            f'<text:list text:style-name="Paras">{_items(2, subs=2)}</text:list>\n',
            _heading(2, "Background"),
            (f'<text:list text:style-name="Paras" text:continue-numbering="true">'
             f"{_items(2, subs=3, sub_start=sub_start)}</text:list>\n")]  # fmt: skip
    if typed:  # a number typed by hand among Word's: it repeats the paragraph before it
        body.append(f'<text:p text:style-name="Standard">4.<text:tab/>{PROSE}.</text:p>\n')
    body += [_heading(1, "Activities"),
             (f'<text:list text:style-name="Paras" text:continue-numbering="{go_on}">'
              f"{_items(3)}</text:list>\n")]  # fmt: skip
    return _FODT_HEAD + "".join(body) + "</office:text></office:body></office:document>\n"


def convert(sources: dict[str, str], out: Path) -> None:
    """Write the sources to a scratch folder and convert them all with one soffice call."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed to make these files")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, text in sources.items():
            (work / name).write_text(text, encoding="utf-8")
        profile = (work / "profile").as_uri()
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
             "docx:MS Word 2007 XML", "--outdir", str(work), *(str(work / n) for n in sources)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        for name in sources:
            made = work / Path(name).with_suffix(".docx").name
            shutil.copyfile(made, out / made.name)


# --- Tracked changes ---------------------------------------------------------------------

_WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_AUTHOR = 'w:author="Reviewer" w:date="2024-03-01T10:00:00Z"'


def _run(text: str, kind: str = "", rid: int = 0) -> str:
    """A run of text, inside a revision (ins, del, moveFrom, moveTo) when ``kind`` says."""
    tag = "w:delText" if kind == "del" else "w:t"
    pieces = (f'<{tag} xml:space="preserve">{t}</{tag}>' if t else "" for t in text.split("\t"))
    run = f"<w:r>{'<w:tab/>'.join(pieces)}</w:r>"
    return f'<w:{kind} w:id="{rid}" {_AUTHOR}>{run}</w:{kind}>' if kind else run


def _paragraph(runs: str, style: str | None = None, deleted_mark: int = 0) -> object:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if deleted_mark:
        ppr += f'<w:rPr><w:del w:id="{deleted_mark}" {_AUTHOR}/></w:rPr>'
    return parse_xml(f"<w:p {_WNS}><w:pPr>{ppr}</w:pPr>{runs}</w:p>")


def tracked(out: Path, *, typed_gap: bool) -> None:
    """Paragraphs numbered by Word (the "List Number" style carries the numbering) with
    revisions: words replaced, a numbered paragraph deleted whole, a sentence moved, and a
    typed number changed. With ``typed_gap``, the paragraphs are numbered by hand and the
    deleted one leaves a gap the reviewer did not close."""
    d = docx.Document()
    d.add_paragraph("Report of the Executive Director", style="Title")
    body = d.element.body
    style = None if typed_gap else "ListNumber"

    def label(n: int) -> str:
        return _run(f"{n}.\t") if typed_gap else ""

    paragraphs = [
        _paragraph(label(1) + _run(f"{PROSE}."), style),
        _paragraph(label(2) + _run(f"{PROSE}, ") + _run("old words", "del", 1)
                   + _run("new words", "ins", 2) + _run("."), style),
        _paragraph(_run(("3.\t" if typed_gap else "") + f"{PROSE}, deleted.", "del", 3), style,
                   deleted_mark=4),
        _paragraph(label(4) + _run(f"{PROSE}. ") + _run("A moved sentence.", "moveTo", 5), style),
        _paragraph(label(5) + _run(f"{PROSE}. ") + _run("A moved sentence.", "moveFrom", 6), style),
    ]  # fmt: skip
    if not typed_gap:  # typed by hand after Word's 1 … 4, where the reviewer corrected 6 to 5
        paragraphs.append(_paragraph(_run("6.", "del", 7) + _run("5.", "ins", 8)
                                     + _run(f"\t{PROSE}.")))  # fmt: skip
    sect = body[-1]
    for p in paragraphs:
        sect.addprevious(p)
    d.save(str(out / ("tracked-gap.docx" if typed_gap else "tracked.docx")))


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    convert({
        "html-lists.html": html(4),
        "html-lists-skip.html": html(5),
        "odt-report.fodt": fodt(),
        "odt-report-restart.fodt": fodt(restart=True),
        "odt-report-typed.fodt": fodt(typed=True),
        "odt-report-sub-start.fodt": fodt(sub_start=2),
    }, out)  # fmt: skip
    tracked(out, typed_gap=False)
    tracked(out, typed_gap=True)


if __name__ == "__main__":
    main()
