"""Only regular files are read: a FIFO (which would block the reader for ever), a device
(/dev/null, /dev/zero) or a directory named as a data file, a session file, a document of a
session, an image or a file to check is refused with a clear message and exit code 2.
Each test runs under an alarm: a regression fails it instead of hanging the run."""

from __future__ import annotations

import io
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
import yaml
from support import ONE_PARAGRAPH_YAML, png

from habitat_docs import cli
from habitat_docs.cli.session import run as run_session
from habitat_docs.watch import Watcher

DOC = ONE_PARAGRAPH_YAML
FIGURE = "      - figure: {title: {en: Staff, zh: 工作人员}, image: %s}\n"
FIFO = "not a regular file (a FIFO)"


@pytest.fixture(autouse=True)
def alarm() -> Iterator[None]:
    """Fail, rather than hang, a test whose reader blocks on a FIFO."""

    def hung(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("blocked reading a file that is not a regular file")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    rc = cli.main(args)
    return rc, capsys.readouterr().err


def not_regular(tmp_path: Path) -> list[tuple[Path, str]]:
    """A FIFO, /dev/null behind a data file's name, /dev/null itself and a directory."""
    null = tmp_path / "null.yaml"
    null.symlink_to(os.devnull)
    (tmp_path / "folder.yaml").mkdir()
    return [
        (fifo(tmp_path / "pipe.yaml"), FIFO),
        (null, "not a regular file (a character device)"),
        (Path(os.devnull), "not a regular file (a character device)"),
        (tmp_path / "folder.yaml", "not a regular file (a directory)"),
    ]


@pytest.mark.parametrize("command", ["build", "check"])
def test_build_and_check_refuse_what_is_not_a_regular_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:  # fmt: skip
    out = tmp_path / "out"
    for path, kind in not_regular(tmp_path):
        rc, err = main(
            [command, str(path)] + (["-o", str(out)] if command == "build" else []), capsys
        )
        assert (rc, err.strip()) == (2, f"{path}: {kind}")
    assert not out.exists()


def test_check_refuses_a_fifo_of_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = fifo(tmp_path / "report.txt")
    assert main(["check", str(path)], capsys) == (2, f"{path}: {FIFO}\n")


def test_an_image_that_is_a_fifo_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo(tmp_path / "chart.png")
    (tmp_path / "doc.yaml").write_text(DOC + FIGURE % "chart.png", encoding="utf-8")
    rc, err = main(["build", str(tmp_path / "doc.yaml"), "-o", str(tmp_path / "out")], capsys)
    assert rc == 2
    assert err.strip().endswith("figure.image: image 'chart.png' is not a regular file (a FIFO)")


def test_watch_reports_a_fifo_and_goes_on(tmp_path: Path) -> None:
    data = fifo(tmp_path / "doc.yaml")
    (built,) = Watcher([data], tmp_path / "out", ["en"], ["docx"]).start()
    assert built.error == f"{data}: {FIFO}"


def session_file(tmp_path: Path) -> Path:
    plan = {
        "year": 2024, "ordinal": 1, "start": "2024-05-06", "end": "2024-05-08",
        "venue": {"en": "Nairobi", "zh": "内罗毕"},
        "agenda": {"items": [{"number": 12, "title": {"en": "Management", "zh": "管理"}}]},
        "documents": [{"id": "a", "file": "a.yaml", "items": [12]}],
    }  # fmt: skip
    path = tmp_path / "session.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def build_session(session: Path, out: Path) -> tuple[int, str]:
    err = io.StringIO()
    code = run_session([str(session), "--jobs", "1", "-o", str(out), "--progress", "none"],
                       stdout=io.StringIO(), stderr=err)  # fmt: skip
    return code, err.getvalue()


def test_a_session_file_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    session = fifo(tmp_path / "session.yaml")
    code, err = build_session(session, tmp_path / "out")
    assert code == 2 and err.startswith(f"{session}: {FIFO}\n")


@pytest.mark.parametrize("make", [fifo, Path.mkdir])
def test_a_document_of_a_session_that_is_not_a_regular_file_is_refused(tmp_path: Path, make: object) -> None:  # fmt: skip
    session = session_file(tmp_path)
    make(tmp_path / "a.yaml")  # type: ignore[operator]
    code, err = build_session(session, tmp_path / "out")
    assert (
        code == 1 and f"{tmp_path / 'a.yaml'}: not a regular file (a " in err
    )  # a failed document
    assert "Traceback" not in err


def test_a_regular_image_still_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "chart.png").write_bytes(png(40, 20))
    (tmp_path / "doc.yaml").write_text(DOC + FIGURE % "chart.png", encoding="utf-8")
    rc, err = main(["build", str(tmp_path / "doc.yaml"), "-o", str(tmp_path / "out")], capsys)
    assert (rc, err) == (0, "")
