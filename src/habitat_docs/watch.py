"""Rebuilding documents whenever their files change (``habitat-docs watch``).

A data file is rebuilt when it, an image it prints (figures, emblem, logo, the images given
for the whole build) or a language template changes. Everything runs in this process, so the
Typst compiler with its fonts, the templates and the imported modules stay loaded: a rebuild
pays only for reading the file, composing it and laying out what changed. A language version
whose composed document is the same as at its last build is not made again (an edit to the
Chinese text leaves the English files alone). As with ``build``, every file of a document is
made in memory before any is written, and each is written atomically: a save that leaves an
invalid file reports the error, and the outputs of the last good build stay as they were.

Changes are found by looking at each file's modification time, size and inode every 50 ms
rather than through an operating-system notification API: it needs no dependency and works on
every file system (network mounts, containers), and 50 ms is well under a rebuild's time.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from attrs import define, field

from habitat_docs.api import FORMATS, checked_artwork, output_name
from habitat_docs.atomic import write_all_atomic
from habitat_docs.compose.composer import compose
from habitat_docs.compose.language import forget_languages, template_dirs
from habitat_docs.compose.tree import Composed
from habitat_docs.errors import DataError
from habitat_docs.load import load_with_lines
from habitat_docs.load.images import image_file
from habitat_docs.model import Artwork, Document, Figure, in_un_order
from habitat_docs.model.nodes import walk
from habitat_docs.number import number
from habitat_docs.writers import write
from habitat_docs.writers.pdf.fonts import FontError
from habitat_docs.writers.pdf.writer import PdfError

__all__ = ["INTERVAL", "Outcome", "Watcher", "failure", "stamp"]

INTERVAL = 0.05  # seconds between two looks at the files
# A file that disappears is usually being saved (an editor that renames the old file away
# first): only when it stays away this long is the build tried and its error reported.
_MISSING_GRACE = 0.5

# An editor that writes a file in place empties it first: an error is reported only when the
# file has not changed again this long after it was read (an error costs this, a build nothing).
_SETTLE = 0.05

Stamp = tuple[int, int, int] | None  # modification time (ns), size, inode; None: no such file


def stamp(path: Path) -> Stamp:
    """What changes when ``path`` is saved; None when it cannot be found."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


@define
class Outcome:
    """What one build of a data file did: the files written, those left as they were (their
    document did not change), or the error, as ``build`` words it."""

    source: Path
    written: list[Path] = field(factory=list)
    unchanged: list[Path] = field(factory=list)
    error: str | None = None
    seconds: float = 0.0


@define
class _Target:
    """One data file watched: the stamps of the files its last build read, and the language
    versions its outputs were last made from."""

    source: Path
    stamps: dict[Path, Stamp] = field(factory=dict)
    composed: dict[str, Composed] = field(factory=dict)
    missing_since: float | None = None


class Watcher:
    """Builds ``sources`` into ``out`` (as ``build`` does: ``langs`` None for each document's
    own languages; ``formats``; ``pdf_standard``; ``artwork``, the images given for every
    document), then rebuilds what changed each time :meth:`poll` is called.

    Not thread-safe: one thread calls :meth:`start`, :meth:`poll` or :meth:`run`."""

    def __init__(
        self, sources: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str],
        langs: Sequence[str] | None = None, formats: Sequence[str] = ("docx",), *,
        pdf_standard: str | None = None, artwork: Artwork | None = None,
    ) -> None:  # fmt: skip
        unknown = [f for f in formats if f not in FORMATS]
        if unknown:
            raise ValueError(f"unknown format '{unknown[0]}' (available: {', '.join(FORMATS)})")
        self.out = Path(out)
        self.langs = None if langs is None else tuple(langs)
        self.formats = tuple(formats)
        self.pdf_standard = pdf_standard
        self.artwork = artwork
        self.targets = [_Target(Path(s)) for s in sources]
        self.template_files = _template_files(template_dirs())  # listed once: a look only stats
        self.templates = {p: stamp(p) for p in self.template_files}

    def start(self) -> list[Outcome]:
        """Build every data file once (the first build)."""
        return [o for t in self.targets if (o := self._rebuild(t)) is not None]

    def poll(self) -> list[Outcome]:
        """Look at the files once; rebuild the data files whose files changed."""
        templates = {p: stamp(p) for p in self.template_files}
        if templates != self.templates:  # a wording or a house style changed: every document
            self.templates = templates
            forget_languages()
            for t in self.targets:
                t.composed.clear()
            return [o for t in self.targets if (o := self._rebuild(t)) is not None]
        return [o for t in self.targets if self._due(t) and (o := self._rebuild(t)) is not None]

    def run(self, report: Callable[[Outcome], None], stop: threading.Event | None = None,
            interval: float = INTERVAL) -> None:  # fmt: skip
        """Build, then rebuild on every change until ``stop`` is set (or forever), passing
        each outcome to ``report``."""
        stop = stop or threading.Event()
        for outcome in self.start():
            report(outcome)
        while not stop.wait(interval):
            for outcome in self.poll():
                report(outcome)

    def _due(self, t: _Target) -> bool:
        """Whether a file ``t`` read has changed since (clearing its memory of the language
        versions when an image changed: they print the same path, but not the same picture)."""
        now = {p: stamp(p) for p in t.stamps}
        if now == t.stamps:
            t.missing_since = None
            return False
        if now.get(t.source, 0) is None:
            t.missing_since = t.missing_since or time.monotonic()
            if time.monotonic() - t.missing_since < _MISSING_GRACE:
                return False
        if any(now[p] != s for p, s in t.stamps.items() if p != t.source):
            t.composed.clear()
        return True

    def _rebuild(self, t: _Target) -> Outcome | None:
        """Build ``t``; None when its data file changed again while it was read or just after
        (it was still being saved: the next look builds it)."""
        started = time.perf_counter()
        before = stamp(t.source)
        outcome = Outcome(t.source)
        try:
            outcome.written, outcome.unchanged = self._build(t, before)
        except Exception as e:  # noqa: BLE001 - reported as build reports it, then watched on
            time.sleep(_SETTLE)
            superseded = stamp(t.source) != before
            self._failed(t, before)
            if superseded:
                return None
            outcome.error = failure(t.source, self.out, e)
        t.missing_since = None
        outcome.seconds = time.perf_counter() - started
        return outcome

    @staticmethod
    def _failed(t: _Target, source_stamp: Stamp) -> None:
        """After a failed build: the files as they are now, so that the error is reported once
        (an image that changed meanwhile still makes its languages be made again)."""
        images = {p: stamp(p) for p in t.stamps if p != t.source}
        if any(s != t.stamps[p] for p, s in images.items()):
            t.composed.clear()
        t.stamps = {**images, t.source: source_stamp}

    def _build(self, t: _Target, source_stamp: Stamp) -> tuple[list[Path], list[Path]]:
        """Load, compose and write ``t``: the files written and those left as they were."""
        name = str(t.source)
        doc, lines = load_with_lines(t.source)
        images = _images(doc, self.artwork)
        stamps = {t.source: source_stamp, **{p: stamp(p) for p in images}}  # before they are read
        langs = in_un_order(doc.languages) if self.langs is None else self.langs
        try:
            doc.require_languages(langs)
            artwork = checked_artwork(self.artwork, "--")
            numbering = number(doc)
            composed = {lang: compose(doc, lang, numbering, artwork) for lang in langs}
        except DataError as e:
            raise e.located(name, lines) from None
        files, unchanged = {}, []
        for lang, c in composed.items():
            for fmt in self.formats:
                path = self.out / output_name(doc, lang, fmt)
                if t.composed.get(lang) == c and path.exists():
                    unchanged.append(path)
                else:
                    files[path] = write(c, fmt, self.pdf_standard)
        self.out.mkdir(parents=True, exist_ok=True)
        write_all_atomic(files.items())  # all or nothing: never half new, half old
        t.stamps, t.composed = stamps, composed
        return list(files), unchanged


def failure(source: Path, out: Path, e: Exception) -> str:
    """The message ``build`` prints when building ``source`` raised ``e``."""
    if isinstance(e, DataError | FontError | PdfError | ValueError):
        return str(e)
    if isinstance(e, OSError):  # the output folder cannot be written, the disk is full …
        return f"{source}: cannot write {e.filename or out}: {e.strerror or e}"
    return f"{source}: internal error ({type(e).__name__}: {e}); please report it"


def _images(doc: Document, artwork: Artwork | None) -> list[Path]:
    """The image files a build of ``doc`` reads: its figures', its emblem and logo, and those
    given for the whole build (only the valid ones: an invalid one stops the load)."""
    names = [n.image for _, n in walk(doc) if isinstance(n, Figure) and n.image is not None]
    names += [x for x in (doc.emblem, doc.logo) if x is not None]
    found = []
    for image in names:
        try:
            found.append(image_file(doc.base_dir, image))
        except DataError:
            continue
    given = [] if artwork is None else [artwork.emblem, artwork.logo]
    return found + [Path(p) for p in given if p is not None]


def _template_files(folders: Iterable[Path]) -> list[Path]:
    """Every file of every language folder (wording, house style, masthead)."""
    return sorted(
        f for d in folders for lang in d.iterdir() if lang.is_dir() for f in lang.iterdir() if f.is_file()
    )
