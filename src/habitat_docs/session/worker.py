"""The work a session build sends to its worker processes: one document each, plain data both ways."""

from __future__ import annotations

import itertools
import time
import traceback as tb
from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any

from attrs import field, frozen

from habitat_docs import api
from habitat_docs.compose.language import language
from habitat_docs.errors import DataError, Path
from habitat_docs.load import structure
from habitat_docs.model import Artwork, Document, in_un_order
from habitat_docs.model.inline import plain
from habitat_docs.session.inspect import inspect_file

__all__ = ["Job", "Outcome", "check", "summary", "work"]


@frozen
class Job:
    """One document to build, as sent to a worker: plain data, so it pickles cheaply."""

    id: str
    data: dict[str, Any] = field(repr=False)
    base_dir: str
    out_dir: str
    langs: tuple[str, ...]  # empty: the document's own
    formats: tuple[str, ...]
    traceback: bool = False
    emblem: str | None = None  # the masthead's images, checked files
    logo: str | None = None
    check_numbering: bool = True  # check every file written, for the index


@frozen
class Outcome:
    """What a worker reports: the files written and the plain titles, or the problem."""

    id: str
    ok: bool
    files: tuple[tuple[str, str, str], ...] = ()  # (lang, format, file name)
    titles: Mapping[str, str] = field(factory=dict)
    problems: tuple[tuple[str, Path], ...] = ()  # a DataError's problems (message, path)
    error: str | None = None  # any other exception, summarised
    traceback: str | None = None
    seconds: float = 0.0
    issued: str | None = None  # the date of issue, ISO
    details: Mapping[str, Mapping[str, Any]] = field(factory=dict)  # by file name: pages, check


def work(job: Job) -> Outcome:
    """Structure one merged document and write all its languages and formats. Runs in a
    worker process; never raises for a failing document."""
    t0 = time.perf_counter()
    try:
        doc = structure(job.data, base_dir=FsPath(job.base_dir))
        artwork = Artwork(*(None if p is None else FsPath(p) for p in (job.emblem, job.logo)))
        langs = job.langs or in_un_order(doc.languages)
        # jobs=1: the session's pool already gives each core a document
        paths = api.build(doc, job.out_dir, langs, job.formats, artwork=artwork, jobs=1)
        pairs = itertools.product(langs, job.formats)  # the order api.build writes in
        files = tuple((lang, fmt, p.name) for (lang, fmt), p in zip(pairs, paths, strict=True))
        titles = {lang: _plain_title(doc, lang) for lang in langs}
        details = {p.name: inspect_file(p, job.check_numbering) for p in paths}
        return Outcome(job.id, True, files, titles, seconds=time.perf_counter() - t0,
                       issued=doc.issued.isoformat(), details=details)  # fmt: skip
    except DataError as e:
        problems = tuple((p.message, p.path) for p in e.problems)
        return Outcome(job.id, False, problems=problems, seconds=time.perf_counter() - t0)
    except Exception as e:  # noqa: BLE001 - one document's failure must not stop the others
        return Outcome(
            job.id, False, error=summary(e),
            traceback=tb.format_exc() if job.traceback else None,
            seconds=time.perf_counter() - t0,
        )  # fmt: skip


def check(job: Job) -> Outcome:
    """Structure a document without writing it (a build with ``write=False``)."""
    t0 = time.perf_counter()
    try:
        doc = structure(job.data, base_dir=FsPath(job.base_dir))
        langs = job.langs or in_un_order(doc.languages)
        doc.require_languages(langs)
        titles = {lang: _plain_title(doc, lang) for lang in langs}
        return Outcome(job.id, True, titles=titles, seconds=time.perf_counter() - t0,
                       issued=doc.issued.isoformat())  # fmt: skip
    except DataError as e:
        return Outcome(job.id, False, problems=tuple((p.message, p.path) for p in e.problems))
    except Exception as e:  # noqa: BLE001
        return Outcome(job.id, False, error=summary(e),
                       traceback=tb.format_exc() if job.traceback else None)  # fmt: skip


def _plain_title(doc: Document, lang: str) -> str:
    """The title without markup, facts written out in ``lang``."""
    lng = language(lang)
    return plain(doc.title.inline(lang), lambda name: lng.fact(doc.facts[name]))


def summary(e: BaseException) -> str:
    """An unexpected exception in one line: ``RuntimeError: disk on fire``."""
    text = str(e).strip()
    first = text.splitlines()[0] if text else ""
    return f"{type(e).__name__}: {first}" if first else type(e).__name__
