"""``habitat-docs watch``: builds, rebuilds on a save what the save changed, reports an invalid
save as ``build`` does and keeps the last good files, goes on watching, stops on Ctrl-C."""

from __future__ import annotations

import io
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import redirect_stderr
from pathlib import Path

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from support import png

from habitat_docs.cli.main import main
from habitat_docs.compose.language import forget_languages
from habitat_docs.watch import Watcher

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-11.yaml"
TITLE = "Actions to improve the internal management, policies and procedures of the United Nations Human Settlements Programme"
WAIT = 120  # seconds before a test gives up waiting for a line (a safety net, not a timing)


def pdf_text(path: Path) -> str:
    return " ".join("".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())


class Lines:
    """The lines a process prints on one stream, read by a thread as they come."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: io.TextIOBase) -> None:
        for line in stream:
            self.lines.put(line.rstrip("\n"))

    def until(self, wanted: Callable[[str], bool]) -> str:
        """The next line for which ``wanted`` holds (the lines before it are kept in seen)."""
        while True:
            line = self.lines.get(timeout=WAIT)
            self.seen.append(line)
            if wanted(line):
                return line


def save(path: Path, text: str) -> None:
    """Save as an editor does, the stamp moved on even within one clock tick."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


@pytest.mark.slow
def test_watch_rebuilds_on_save_reports_an_invalid_save_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    data = tmp_path / "doc.yaml"
    original = EXAMPLE.read_text(encoding="utf-8")
    assert TITLE in original
    data.write_text(original, encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "habitat_docs", "watch", str(data), "--lang", "en,zh", "--format", "pdf", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    stdout, stderr = Lines(proc.stdout), Lines(proc.stderr)
    try:
        en, zh = out / "HSP-EB.2024-11-en.pdf", out / "HSP-EB.2024-11-zh.pdf"
        stdout.until(lambda line: line == str(zh))
        assert {str(en), str(zh)} <= set(stdout.seen)
        zh_before = zh.stat().st_mtime_ns

        # an English edit: the English PDF is made again, the Chinese one is left as it was
        save(data, original.replace(TITLE, "Actions to modernize the internal management"))
        assert stdout.until(lambda line: line.endswith(".pdf")) == str(en)
        assert "Actions to modernize the internal management" in pdf_text(en)
        assert zh.stat().st_mtime_ns == zh_before
        good = en.read_bytes()

        # an impossible date: the error with file and line, the last good PDF kept
        invalid = original.replace("issued: 2024-03-07", "issued: 2024-02-31")
        save(data, invalid)
        error = stderr.until(lambda line: line.startswith(f"{data}:"))
        assert error.startswith(f"{data}:10:")
        assert "issued" in error
        assert en.read_bytes() == good

        # a valid save after it is built
        save(data, original.replace(TITLE, "Actions to renew the internal management"))
        assert stdout.until(lambda line: line.endswith(".pdf")) == str(en)
        assert "Actions to renew the internal management" in pdf_text(en)

        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=WAIT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # the message is build's own
    save(data, invalid)
    printed = io.StringIO()
    with redirect_stderr(printed):
        assert main(["build", str(data), "--lang", "en", "--format", "pdf", "-o", str(tmp_path / "b")]) == 2
    assert printed.getvalue().strip() == error


FIGURE_DOC = """\
kind: executive-director-report
symbol: HSP/EB.2024/11
issued: 2024-03-07
session: {year: 2024, ordinal: 1, start: 2024-05-06, end: 2024-05-08, venue: {en: Nairobi}}
agenda: {symbol: HSP/EB.2024/1, items: [{number: 12, title: {en: Report of the Executive Director}}]}
title: {en: Assets}
sections:
  - heading: {en: Assets}
    content:
      - text: {en: "Total assets are shown below."}
      - figure:
          title: {en: "Assets, 2019–2023"}
          image: chart.png
"""


@pytest.mark.slow
def test_an_image_saved_rebuilds_its_document_and_nothing_changed_rebuilds_nothing(tmp_path: Path) -> None:
    (tmp_path / "chart.png").write_bytes(png(120, 60))
    data = tmp_path / "doc.yaml"
    data.write_text(FIGURE_DOC, encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(FIGURE_DOC.replace("HSP/EB.2024/11", "HSP/EB.2024/12"), encoding="utf-8")
    out = tmp_path / "out"
    watcher = Watcher([data, other], out, ["en"], ["pdf"])
    first = watcher.start()
    assert [o.error for o in first] == [None, None]
    assert [o.written for o in first] == [[out / "HSP-EB.2024-11-en.pdf"], [out / "HSP-EB.2024-12-en.pdf"]]
    assert watcher.poll() == []  # nothing saved: nothing built
    before = (out / "HSP-EB.2024-11-en.pdf").read_bytes()

    (tmp_path / "chart.png").write_bytes(png(60, 60))  # both print it
    rebuilt = watcher.poll()
    assert [o.written for o in rebuilt] == [[out / "HSP-EB.2024-11-en.pdf"], [out / "HSP-EB.2024-12-en.pdf"]]
    assert (out / "HSP-EB.2024-11-en.pdf").read_bytes() != before

    save(other, other.read_text(encoding="utf-8") + "# a comment\n")  # the document is the same
    (again,) = watcher.poll()
    assert (again.source, again.written, again.unchanged) == (other, [], [out / "HSP-EB.2024-12-en.pdf"])


@pytest.mark.slow
def test_a_missing_image_is_reported_and_its_return_rebuilds(tmp_path: Path) -> None:
    (tmp_path / "chart.png").write_bytes(png(120, 60))
    data = tmp_path / "doc.yaml"
    data.write_text(FIGURE_DOC, encoding="utf-8")
    watcher = Watcher([data], tmp_path / "out", ["en"], ["docx"])
    assert watcher.start()[0].error is None
    save(data, FIGURE_DOC.replace("chart.png", "chart2.png"))
    (failed,) = watcher.poll()
    assert failed.error is not None and failed.error.startswith(f"{data}:13:")
    assert "chart2.png" in failed.error
    assert watcher.poll() == []  # reported once, not at every look
    (tmp_path / "chart2.png").write_bytes(png(10, 10))
    save(data, FIGURE_DOC.replace("chart.png", "chart2.png"))
    (built,) = watcher.poll()
    assert built.error is None and built.written == [tmp_path / "out" / "HSP-EB.2024-11-en.docx"]


@pytest.mark.slow
def test_a_template_saved_rebuilds_every_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates" / "en", templates / "en")
    monkeypatch.setenv("HABITAT_DOCS_TEMPLATES", str(templates))
    forget_languages()
    try:
        (tmp_path / "chart.png").write_bytes(png(120, 60))
        data = tmp_path / "doc.yaml"
        data.write_text(FIGURE_DOC, encoding="utf-8")
        out = tmp_path / "out"
        watcher = Watcher([data], out, ["en"], ["docx"])
        assert watcher.start()[0].error is None
        masthead = templates / "en" / "masthead.j2"
        organ = "Executive Board of the United Nations Human Settlements Programme"
        save(masthead, masthead.read_text(encoding="utf-8").replace(organ, "Executive Board of the Programme"))
        (built,) = watcher.poll()
        assert built.written == [out / "HSP-EB.2024-11-en.docx"]
        document = docx.Document(str(built.written[0]))
        body = "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))
        assert "Executive Board of the Programme" in body and organ not in body
    finally:
        monkeypatch.undo()
        forget_languages()


@pytest.mark.slow
def test_an_invalid_file_is_reported_once_whatever_else_changes(tmp_path: Path) -> None:
    (tmp_path / "chart.png").write_bytes(png(120, 60))
    data = tmp_path / "doc.yaml"
    data.write_text(FIGURE_DOC, encoding="utf-8")
    watcher = Watcher([data], tmp_path / "out", ["en"], ["pdf"])
    assert watcher.start()[0].error is None
    save(data, FIGURE_DOC.replace("issued: 2024-03-07", "issued: 2024-02-31"))
    (failed,) = watcher.poll()
    assert failed.error is not None and failed.error.startswith(f"{data}:3:")
    (tmp_path / "chart.png").write_bytes(png(60, 60))  # still invalid: reported again, once
    (again,) = watcher.poll()
    assert again.error == failed.error
    assert watcher.poll() == []
    save(data, FIGURE_DOC)  # valid again, and the changed image is printed
    (built,) = watcher.poll()
    assert built.error is None and built.written == [tmp_path / "out" / "HSP-EB.2024-11-en.pdf"]


def test_usage_errors_and_a_missing_image_option_stop_before_watching(tmp_path: Path) -> None:
    data = tmp_path / "doc.yaml"
    data.write_text(FIGURE_DOC, encoding="utf-8")
    printed = io.StringIO()
    with redirect_stderr(printed):
        assert main(["watch", str(data), "--lang", "xx", "-o", str(tmp_path / "out")]) == 2
        assert main(["watch", str(data), "--format", "odt", "-o", str(tmp_path / "out")]) == 2
        assert main(["watch", str(data), "--emblem", str(tmp_path / "un.png"), "-o", str(tmp_path / "out")]) == 2
    lines = printed.getvalue().splitlines()
    assert "habitat-docs watch: error: unknown language or format: xx" in lines
    assert "habitat-docs watch: error: unknown language or format: odt" in lines
    assert any(line.startswith("habitat-docs watch: ") and "--emblem" in line and "un.png" in line for line in lines)
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_a_file_briefly_away_while_saved_is_no_error_and_one_long_away_is(tmp_path: Path) -> None:
    (tmp_path / "chart.png").write_bytes(png(120, 60))
    data = tmp_path / "doc.yaml"
    data.write_text(FIGURE_DOC, encoding="utf-8")
    watcher = Watcher([data], tmp_path / "out", ["en"], ["docx"])
    assert watcher.start()[0].error is None
    data.rename(tmp_path / "doc.yaml~")  # as an editor keeping a backup saves
    assert watcher.poll() == []
    save(data, FIGURE_DOC.replace("Total assets", "All assets"))
    (built,) = watcher.poll()
    assert built.error is None and built.written == [tmp_path / "out" / "HSP-EB.2024-11-en.docx"]
    data.unlink()
    assert watcher.poll() == []
    time.sleep(0.6)  # longer than a save takes
    (gone,) = watcher.poll()
    assert gone.error is not None and gone.error.startswith(str(data))
    assert watcher.poll() == []
