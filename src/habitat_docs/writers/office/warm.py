"""A warm office: one LibreOffice process serving many batches, through a Basic macro.

The macro (``serve.bas``), installed in the process's private profile, takes conversion jobs
from a private folder: no UNO Python bridge and no network port is needed. A job file
(``N.job``) holds the PDF version, then one "source URL <TAB> target URL" line per file; the
macro renames it ``N.job.taken`` when it takes it and writes ``N.job.result``.
"""

from __future__ import annotations

import atexit
import html
import itertools
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Self
from urllib.parse import unquote, urlparse

from habitat_docs.writers.office.process import (
    HEADLESS,
    LibreOfficeError,
    OfficeFault,
    collect,
    env,
    find_soffice,
    inputs,
    kill_session,
    names,
    standard_code,
    tail,
)

__all__ = ["LOG_LIMIT", "Office"]

#: The office's messages are emptied between batches once they pass this size.
LOG_LIMIT = 1024 * 1024


class Office:
    """One LibreOffice process kept running for many conversions (a private profile each).

    Start it once (``with Office() as office:`` or :meth:`start`), then pass it to
    :func:`~habitat_docs.writers.office.pdf_from_docx`. A conversion that exceeds its timeout
    kills the process and raises :class:`OfficeFault`; the next conversion starts a fresh
    one. Safe to share between threads (conversions run one at a time)."""

    def __init__(self, start_timeout: float = 60) -> None:
        self.start_timeout = start_timeout
        self._lock = threading.RLock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._home: Path | None = None  # the profile, the jobs folder and the office's messages
        self._jobs = itertools.count(1)
        _live.add(self)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self.running and self._proc else None

    def start(self) -> None:
        """Start the office process and wait until its macro serves jobs (if not running)."""
        with self._lock:
            if self.running:
                return
            self._cleanup()
            self._home = home = Path(tempfile.mkdtemp(prefix="habitat-docs-office-"))
            (home / "jobs").mkdir()
            profile_arg = self._prepare_profile(home / "profile")
            # Its messages go to a file: a pipe nobody reads would block a long-running office.
            with open(home / "stderr.log", "ab") as log:  # appended: it can be emptied under it
                self._proc = subprocess.Popen(
                    [find_soffice(), profile_arg, *HEADLESS,
                     f'macro:///Standard.HabitatDocs.Serve("{home / "jobs"}")'],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                    start_new_session=True, env=env(),
                )  # fmt: skip
            self._wait_until_ready(home / "jobs" / "ready")

    def _prepare_profile(self, profile: Path) -> str:
        """Let LibreOffice create the profile, then add the macro to it (LibreOffice replaces
        the Basic libraries of a profile it did not create); the argument naming it."""
        arg = f"-env:UserInstallation={profile.as_uri()}"
        init = subprocess.Popen(
            [find_soffice(), arg, "--headless", "--terminate_after_init", "--norestore"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            env=env(), start_new_session=True,
        )  # fmt: skip
        try:
            _, err = init.communicate(timeout=self.start_timeout)
        except subprocess.TimeoutExpired:
            kill_session(init)
            self._cleanup()
            raise LibreOfficeError(
                f"LibreOffice did not start within {self.start_timeout:g} s; killed"
            ) from None
        try:
            _install_macro(profile)
        except OSError as e:
            raise LibreOfficeError(
                f"could not prepare a LibreOffice profile: {e}{tail(err)}"
            ) from e
        return arg

    def _wait_until_ready(self, ready: Path) -> None:
        """Wait for the macro's "ready" file; an office that exits or takes too long is an error."""
        assert self._proc is not None
        deadline = time.monotonic() + self.start_timeout
        while not ready.exists():
            if self._proc.poll() is not None:
                err = self._messages()
                self._proc = None
                self._cleanup()
                raise LibreOfficeError(f"LibreOffice exited while starting{tail(err)}")
            if time.monotonic() > deadline:
                self.kill()
                raise LibreOfficeError(
                    f"LibreOffice did not start within {self.start_timeout:g} s; killed"
                )
            time.sleep(0.01)

    def close(self, timeout: float = 10) -> None:
        """Stop the office process (asking first, then killing it)."""
        with self._lock:
            proc = self._proc
            if proc is not None and proc.poll() is None and self._home is not None:
                (self._home / "jobs" / "stop").touch()
                try:
                    proc.wait(timeout)
                except subprocess.TimeoutExpired:
                    kill_session(proc)
            self._proc = None
            self._cleanup()

    def kill(self) -> None:
        with self._lock:
            if self._proc is not None:
                kill_session(self._proc)
            self._proc = None
            self._cleanup()

    def _messages(self) -> bytes:
        """What the office process wrote to stderr (its last 64 KiB)."""
        if self._home is None:
            return b""
        try:
            with open(self._home / "stderr.log", "rb") as f:
                f.seek(max(0, f.seek(0, os.SEEK_END) - 65536))
                return f.read()
        except OSError:
            return b""

    def _cleanup(self) -> None:
        if self._home is not None:
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None

    def convert(
        self, docx_files: Sequence[Path | str], out_dir: Path | str, *, timeout: float = 120,
        standard: str | None = None,
    ) -> list[Path]:  # fmt: skip
        """Convert a batch with the running process (started if needed)."""
        files = inputs(docx_files)
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        version = standard_code(standard)
        with self._lock:
            self.start()
            assert self._home is not None
            _trim(self._home / "stderr.log")
            work = Path(tempfile.mkdtemp(prefix=".habitat-docs-", dir=out))
            try:
                job = self._submit(version, [(f, work / f"{f.stem}.pdf") for f in files])
                _raise_errors(self._result(job, files, timeout), files)
                return collect(files, work, out)
            finally:
                shutil.rmtree(work, ignore_errors=True)

    def _submit(self, version: int, pairs: list[tuple[Path, Path]]) -> Path:
        """Hand the macro a job: the PDF version, then each source and target. The job
        appears whole (renamed into place), so the macro never reads half of one."""
        assert self._home is not None
        n = next(self._jobs)
        lines = [str(version)] + [f"{src.as_uri()}\t{dst.as_uri()}" for src, dst in pairs]
        part = self._home / "jobs" / f"{n}.part"
        part.write_text("\n".join(lines) + "\n", encoding="ascii")
        job = part.with_suffix(".job")
        os.replace(part, job)
        return job

    def _result(self, job: Path, files: list[Path], timeout: float) -> str:
        """The macro's report on ``job``; :class:`OfficeFault` if the office dies first or
        has not answered within ``timeout`` seconds (it is then killed)."""
        assert self._proc is not None
        proc, result = self._proc, job.with_name(job.name + ".result")
        deadline = time.monotonic() + timeout
        while not result.exists():
            if proc.poll() is not None:
                code, err = proc.returncode, self._messages()
                self._proc = None
                self._cleanup()
                how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
                raise OfficeFault(
                    f"LibreOffice crashed ({how}) while converting {names(files)}{tail(err)}", files
                )
            if time.monotonic() > deadline:
                taken = not job.exists()  # the macro renames a job when it takes it
                err = self._messages()
                self.kill()
                raise OfficeFault(
                    f"LibreOffice did not finish converting {names(files)} within {timeout:g} s "
                    f"({'hung while converting' if taken else 'never took the job'}); "
                    f"its process was killed{tail(err)}", files,
                )  # fmt: skip
            time.sleep(0.002)
        report = result.read_text(encoding="utf-8", errors="replace")
        result.unlink()
        return report


def _raise_errors(report: str, files: list[Path]) -> None:
    """:class:`LibreOfficeError` naming every file the macro's report ("error <TAB> source
    <TAB> message" lines) says it could not convert; an error without a source is one of the
    whole job."""
    errors = [
        (ln.split("\t", 2) + ["", ""])[1:3]
        for ln in report.splitlines()
        if ln.startswith("error\t")
    ]
    if errors:
        bad = [Path(_path_of(source)) for source, _ in errors if source] or files
        why = "; ".join(
            f"{_path_of(source) or names(files)}: {message or '?'}" for source, message in errors
        )
        raise LibreOfficeError(f"LibreOffice could not convert {why}", bad)


def _path_of(url: str) -> str:
    return unquote(urlparse(url).path) if url.startswith("file:") else url


def _trim(log: Path) -> None:
    try:
        if log.stat().st_size > LOG_LIMIT:
            os.truncate(log, 0)
    except OSError:
        pass


_live: weakref.WeakSet[Office] = weakref.WeakSet()


@atexit.register
def _kill_all() -> None:
    """At exit, no office process or profile of ours outlives the interpreter."""
    for office in list(_live):
        office.kill()


_XML = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE {} PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{}">\n'
_LIBRARY = 'xmlns:library="http://openoffice.org/2000/library"'


def _install_macro(profile: Path) -> None:
    """Make ``serve.bas`` the HabitatDocs module, the only one, of the profile's Standard
    Basic library."""
    macro = resources.files(__package__).joinpath("serve.bas").read_text(encoding="utf-8")
    basic = profile / "user" / "basic"
    (basic / "Standard").mkdir(parents=True, exist_ok=True)
    (basic / "Standard" / "HabitatDocs.xba").write_text(
        _XML.format("script:module", "module.dtd")
        + '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="HabitatDocs" '
        f'script:language="StarBasic">{html.escape(macro, quote=False)}</script:module>\n',
        encoding="utf-8",
    )
    (basic / "Standard" / "script.xlb").write_text(
        _XML.format("library:library", "library.dtd")
        + f'<library:library {_LIBRARY} library:name="Standard" library:readonly="false" '
        'library:passwordprotected="false">\n <library:element library:name="HabitatDocs"/>\n'
        "</library:library>\n",
        encoding="utf-8",
    )
    (basic / "script.xlc").write_text(
        _XML.format("library:libraries", "libraries.dtd")
        + f'<library:libraries {_LIBRARY} xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        ' <library:library library:name="Standard" library:link="false"/>\n</library:libraries>\n',
        encoding="utf-8",
    )
