"""Nothing lost, no code from data, reproducible builds.

- Outputs are written atomically; a failing build leaves earlier outputs untouched; a session
  build killed with SIGKILL leaves only complete files, and running it again finishes.
- Prose and templates are data: template syntax and Typst markup in prose print as written,
  no file outside the data file's folder is read, nothing reaches the network.
- The same input gives byte-identical DOCX and (Typst) PDF files. LibreOffice PDFs are not
  byte-identical (LibreOffice stamps its own creation time) and are not tested here.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from pypdf import PdfReader
from support import MASTHEAD_YAML, png

import habitat_docs as hd
from habitat_docs import api, atomic, cli
from habitat_docs.session.plan import load_session

ROOT = Path(__file__).resolve().parents[1]
SESSION = ROOT / "examples" / "session-2024-1.yaml"

DOC = MASTHEAD_YAML + """\
sections:
  - id: introduction
    heading: {en: Introduction, zh: 导言}
    content:
      - id: request
        text: {en: "The Board requested a report{note:Decision 2023/4.}.", zh: "执行局要求提交一份报告{note:第2023/4号决定。}。"}
      - text: {en: "See {ref:request}.", zh: "见{ref:request}。"}
      - figure: {title: {en: Staff, zh: 工作人员}, image: chart.png}
      - table:
          title: {en: Posts, zh: 员额}
          columns: [{en: Grade, zh: 职等}, {en: Posts, zh: 员额}]
          rows: [[{en: P-4, zh: P-4}, {en: "12", zh: "12"}]]
"""



@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data file with a footnote, a reference, a figure with its image and a table."""
    (tmp_path / "doc.yaml").write_text(DOC, encoding="utf-8")
    (tmp_path / "chart.png").write_bytes(png(8, 4))
    return tmp_path


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def assert_complete(path: Path) -> None:
    """The file is whole: a DOCX python-docx opens (and whose zip checks), a PDF pypdf
    reads to its last page, index.json parses, index.html ends its document."""
    __tracebackhide__ = True
    data = path.read_bytes()
    if path.suffix == ".docx":
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None, path
        docx.Document(io.BytesIO(data))
    elif path.suffix == ".pdf":
        assert data.rstrip().endswith(b"%%EOF"), path
        assert len(PdfReader(io.BytesIO(data), strict=True).pages) >= 1
    elif path.suffix == ".json":
        json.loads(data)
    elif path.suffix == ".html":
        assert data.rstrip().endswith(b"</html>"), path
    else:
        raise AssertionError(f"unexpected output {path.name}")


# --- reproducible ---------------------------------------------------------------------------


@pytest.mark.slow
def test_the_same_input_gives_byte_identical_docx_and_pdf(folder: Path, tmp_path: Path) -> None:
    """Two builds in separate processes (another hash seed, later on the clock) give the
    same bytes, DOCX and Typst PDF alike."""
    runs = []
    for n, seed in enumerate(("1", "2")):
        out = tmp_path / f"out{n}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-m", "habitat_docs.cli", "build", "doc.yaml", "-o", str(out),
             "--format", "docx,pdf"],
            cwd=folder, env=env, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        runs.append(digests(out))
        if n == 0:
            time.sleep(2.1)  # zip timestamps have a resolution of two seconds
    assert len(runs[0]) == 4 and runs[0] == runs[1]


@pytest.mark.slow
def test_six_languages_rebuild_byte_identical(tmp_path: Path) -> None:
    """HSP/EB.2024/11 in its six languages, Arabic right to left included: two builds in
    separate processes (another hash seed) give the same twelve files, byte for byte."""
    example = Path(__file__).resolve().parents[1] / "examples" / "hsp-eb-2024-11.yaml"
    runs = []
    for n, seed in enumerate(("3", "4")):
        out = tmp_path / f"out{n}"
        proc = subprocess.run(
            [sys.executable, "-m", "habitat_docs", "build", str(example), "-o", str(out), "--format", "docx,pdf"],
            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        runs.append(digests(out))
    assert len(runs[0]) == 12 and runs[0] == runs[1]


@pytest.mark.slow
def test_arabic_with_its_own_balanced_isolates_and_marks_builds(tmp_path: Path) -> None:
    """Isolates (U+2066–U+2069) closed in their text and the marks U+200F, U+061C stay
    allowed, though the build isolates Latin pieces itself (compose/bidi.py): the Arabic
    version builds to DOCX and PDF and keeps the author's isolates as they are."""
    example = Path(__file__).resolve().parents[1] / "examples" / "hsp-eb-2024-11.yaml"
    source = example.read_text(encoding="utf-8")
    arabic = '    ar: "لعل المجلس التنفيذي'
    assert arabic in source
    written = "\u2067\u0645\u0648\u0626\u0644\u2069 \u2066Nairobi\u2069\u200f\u061c "
    data = tmp_path / "doc.yaml"
    data.write_text(source.replace(arabic, '    ar: "' + written.encode("unicode_escape").decode() + arabic[9:]),
                    encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    assert cli.main(["build", str(data), "-o", str(out), "--format", "docx,pdf", "--lang", "ar"]) == 0
    body = "\n".join(p.text for p in docx.Document(str(out / "HSP-EB.2024-11-ar.docx")).paragraphs)
    assert written + "لعل المجلس التنفيذي" in body
    assert_complete(out / "HSP-EB.2024-11-ar.pdf")


def test_docx_entries_carry_the_date_of_issue_not_the_clock(folder: Path) -> None:
    doc = hd.load(folder / "doc.yaml")
    data = hd.render(doc, "en", "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        assert {i.date_time for i in z.infolist()} == {(2024, 3, 7, 0, 0, 0)}
        names = z.namelist()
    assert any(n.startswith("word/media/") for n in names)  # the image is in the package
    assert hd.render(doc, "en", "docx") == data


# --- atomic writes ----------------------------------------------------------------------------


def test_write_atomic_replaces_whole_files_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    atomic.write_atomic(path, b"first")
    atomic.write_atomic(path, b"second")
    assert path.read_bytes() == b"second" and os.listdir(tmp_path) == ["a.docx"]
    assert path.stat().st_mode & 0o777 == 0o666 & ~atomic._umask()


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.docx"
    atomic.write_atomic(path, b"old")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OSError):
        atomic.write_atomic(path, b"new")
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["a.docx"]


def test_temporary_files_of_dead_writers_are_removed_on_the_next_write(tmp_path: Path) -> None:
    import fcntl

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])  # exited, not yet reaped
    deadline = time.monotonic() + 30
    while Path(f"/proc/{zombie.pid}").exists() and time.monotonic() < deadline:
        if Path(f"/proc/{zombie.pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0] == b"Z":
            break
        time.sleep(0.01)
    stale = tmp_path / f".a.docx.{dead.pid}.k3j4h5g6.tmp"
    of_zombie = tmp_path / f".a.docx.{zombie.pid}.q1w2e3r4.tmp"
    live = tmp_path / f".a.docx.{os.getpid()}.zz9zz9zz.tmp"  # a writer still at work
    locked = tmp_path / f".a.docx.{dead.pid}.l0ck3d00.tmp"  # its pid reused by a writer
    other = tmp_path / f".b.docx.{dead.pid}.k3j4h5g6.tmp"  # another file's: not this write's
    for p in (stale, of_zombie, live, locked, other):
        p.write_bytes(b"partial")
    with open(locked, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        atomic.write_atomic(tmp_path / "a.docx", b"whole")
    zombie.wait()
    assert sorted(os.listdir(tmp_path)) == sorted(["a.docx", live.name, locked.name, other.name])


def test_a_build_that_fails_while_writing_pdf_writes_no_docx_either(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file is made before the first is written: a writer failing on the last file
    (here the PDF of the second language) leaves the output folder as it was."""
    from habitat_docs.writers.pdf.writer import PdfError

    real = api._write

    def failing(c, fmt, standard):  # type: ignore[no-untyped-def]
        if fmt == "pdf" and c.lang == "en":
            raise PdfError("Typst could not lay out the document")
        return real(c, fmt, standard)

    monkeypatch.setattr(api, "_write", failing)
    out = tmp_path / "out"
    with pytest.raises(PdfError):
        hd.build(folder / "doc.yaml", out, ("zh", "en"), ("docx", "pdf"))
    assert not out.exists() or not os.listdir(out)


def test_an_unwritable_output_folder_is_one_line_and_exit_2(folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (folder / "out").write_text("a file where the folder should be")
    os.chdir(folder)
    try:
        rc = cli.main(["build", "doc.yaml", "-o", "out"])
    finally:
        os.chdir(ROOT)
    err = capsys.readouterr().err
    assert rc == 2 and "Traceback" not in err and len(err.splitlines()) == 1
    assert err.startswith("doc.yaml: cannot write out")


def session_outputs() -> set[str]:
    plan = load_session(SESSION)
    names = {"index.json", "index.html"}
    for e in plan.entries:
        stem = plan.symbol(e.id).file_stem
        langs = yaml.safe_load(Path(e.file).read_text(encoding="utf-8"))["languages"]  # each document's own
        names |= {f"{stem}-{lang}.{fmt}" for lang in langs for fmt in ("docx", "pdf")}
    return names


@pytest.mark.slow
def test_a_session_build_killed_with_sigkill_leaves_only_complete_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "habitat_docs.cli", "build-session", str(SESSION),
           "--format", "docx,pdf", "-o", str(out), "--jobs", "2", "--progress", "none"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if out.is_dir() and any(not n.startswith(".") for n in os.listdir(out)):
                break
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)  # the main process and its workers
    except ProcessLookupError:
        pass
    proc.wait(timeout=60)
    proc.stderr.close()  # type: ignore[union-attr]
    assert out.is_dir(), "the build wrote nothing before it was killed"
    names = os.listdir(out)
    for name in names:
        if name.startswith("."):
            assert name.endswith(".tmp"), f"unexpected leftover {name}"  # a write cut short
        else:
            assert name in session_outputs(), name
            assert_complete(out / name)
    killed_midway = proc.returncode == -signal.SIGKILL
    # run again: everything is built, the temporary files of the killed writers are gone
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert again.returncode == 0, again.stderr
    assert set(os.listdir(out)) == session_outputs()
    for name in os.listdir(out):
        assert_complete(out / name)
    assert killed_midway or proc.returncode == 0


def test_documents_of_a_session_that_would_overwrite_each_other(tmp_path: Path) -> None:
    """Two informal documents whose data files give the same name: the second fails,
    naming the first; the first is built."""
    update = {
        "kind": "activity-update", "name": "update-2024-1", "issued": "2024-05-01",
        "title": {"en": "Update", "zh": "最新情况"},
        "sections": [{"heading": {"en": "Activities", "zh": "活动"},
                      "content": [{"en": "The work went on.", "zh": "工作在继续。"}]}],
    }  # fmt: skip
    for name in ("first.yaml", "second.yaml"):
        (tmp_path / name).write_text(yaml.safe_dump(update, allow_unicode=True), encoding="utf-8")
    session = {
        "year": 2024, "ordinal": 1, "start": "2024-05-06", "end": "2024-05-08",
        "venue": {"en": "Nairobi", "zh": "内罗毕"},
        "agenda": {"items": [{"number": 5, "title": {"en": "Update", "zh": "最新情况"}}]},
        "documents": [
            {"id": "first", "file": "first.yaml", "kind": "activity-update"},
            {"id": "second", "file": "second.yaml", "kind": "activity-update"},
        ],
    }  # fmt: skip
    (tmp_path / "session.yaml").write_text(
        yaml.safe_dump(session, allow_unicode=True), encoding="utf-8"
    )
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "habitat_docs.cli", "build-session", "session.yaml", "-o", str(out),
         "--jobs", "1", "--progress", "none"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "second.yaml:" in proc.stderr
    assert (
        "name: its files (update-2024-1-…) would overwrite those of document 'first'" in proc.stderr
    )
    assert sorted(os.listdir(out)) == [
        "index.html",
        "index.json",
        "update-2024-1-en.docx",
        "update-2024-1-zh.docx",
    ]


# --- no code from data ---------------------------------------------------------------------------

INJECTIONS = {
    "jinja": r"\{\{ 7\*7 \}\} \{% include '/etc/passwd' %\} \{\{ self.__init__.__globals__ \}\}",
    "typst": '#read("/etc/passwd") #sys.inputs #import "@preview/cetz:0.3.0" $x^2$ <label> @ref',
    "xml": "</w:t></w:r><w:r><w:t>injected</w:t></w:r> &amp; <![CDATA[x]]>",
}


@pytest.mark.parametrize("kind", INJECTIONS)
def test_prose_that_looks_like_code_prints_as_written(kind: str, folder: Path) -> None:
    source = INJECTIONS[kind]
    shown = source.replace("\\", "")
    data = yaml.safe_load(DOC)
    data["title"] = {"en": "Title " + source, "zh": "标题 " + source}
    data["sections"][0]["content"][1]["text"] = {"en": "Text " + source, "zh": "文本 " + source}
    doc = hd.structure(data, base_dir=folder)
    en = docx.Document(io.BytesIO(hd.render(doc, "en", "docx")))
    paragraphs = [p.text for p in en.paragraphs]
    assert any(shown in t for t in paragraphs), paragraphs
    assert "49" not in "".join(paragraphs) and "root:" not in "".join(paragraphs)
    assert en.core_properties.title == "Title " + shown
    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(hd.render(doc, "en", "pdf"))).pages
    )
    squashed = "".join(text.split())
    assert "".join(shown.split()) in squashed and "root:" not in text


def test_a_language_is_never_a_path(folder: Path) -> None:
    doc = hd.load(folder / "doc.yaml")
    for lang in ("../en", "/etc", "en/../../x"):
        with pytest.raises((hd.DataError, ValueError)):
            hd.render(doc, lang, "docx")


def test_nothing_reaches_the_network(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole build (DOCX and PDF, with an image) with every socket refused."""

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    paths = hd.build(folder / "doc.yaml", tmp_path / "out", ("zh", "en"), ("docx", "pdf"))
    for p in paths:
        assert_complete(p)
    data = yaml.safe_load(DOC)
    data["sections"][0]["content"][2]["figure"]["image"] = "https://example.org/chart.png"
    with pytest.raises(hd.DataError, match="is a URL"):
        hd.structure(data, base_dir=folder)


def test_a_model_built_in_code_reads_images_only_under_its_folder(
    folder: Path, tmp_path: Path
) -> None:
    """base_dir decides; without one, the working directory does."""
    doc = hd.load(folder / "doc.yaml")
    figure = doc.sections[0].content[2]
    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    outside.write_bytes(png(8, 4))
    import attrs

    moved = attrs.evolve(figure, image=str(outside))
    section = attrs.evolve(
        doc.sections[0], content=(*doc.sections[0].content[:2], moved, *doc.sections[0].content[3:])
    )
    bad = attrs.evolve(doc, sections=(section,))
    with pytest.raises(hd.DataError, match="lies outside"):
        hd.render(bad, "en", "docx")


def test_templates_run_in_a_sandbox(tmp_path: Path) -> None:
    """A template that reaches for Python internals, or for a file outside its folder, fails
    instead of running."""
    import shutil

    from jinja2.exceptions import SecurityError, TemplateNotFound

    from habitat_docs.compose.language import Language

    folder = tmp_path / "xx"
    shutil.copytree(ROOT / "templates" / "en", folder)
    with open(folder / "labels.j2", "a", encoding="utf-8") as f:
        f.write(
            "\n{% macro escape() -%}{{ ''.__class__.__mro__[1].__subclasses__() }}{%- endmacro %}\n"
        )
        f.write("{% macro reader() -%}{% include '../../../../etc/passwd' %}{%- endmacro %}\n")
    lang = Language("xx", folder)
    with pytest.raises(SecurityError):
        lang.phrase("escape")
    with pytest.raises(TemplateNotFound):
        lang.phrase("reader")


@pytest.mark.parametrize("key", ["../en", "en/../zh", "/etc", "EN", "e n"])
def test_a_language_of_the_data_is_a_code_never_a_path(key: str) -> None:
    with pytest.raises(hd.DataError, match="is not a language code"):
        hd.Text({"en": "x", key: "y"})
