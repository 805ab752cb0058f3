"""Fonts for PDF output: find the families a document names, or stop with a clear error.

The PDF writer never lets Typst fall back to another face: every family it names must be
installed, and every character of the document must have a glyph in one of the faces named
for it. Otherwise :class:`FontError` names the font and the Debian package that provides it.

    >>> sorted(require(["Noto Serif CJK SC", "Liberation Serif"]))   # the faces, or FontError
    ['Liberation Serif', 'Noto Serif CJK SC']

Fonts are found the way Typst finds them (its system search: fontconfig's folders on Linux,
plus ``$HABITAT_DOCS_FONT_PATH``, ``:``-separated). The search runs once per value of that
variable.
"""

from __future__ import annotations

import atexit
import bisect
import hashlib
import json
import os
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

if TYPE_CHECKING:
    import typst

__all__ = [
    "CJK_SANS",
    "CJK_SERIF",
    "LATIN",
    "PACKAGES",
    "SUBSTITUTES",
    "Face",
    "FontError",
    "book",
    "face_data",
    "faces",
    "pdf_family",
    "require",
    "uncovered",
]  # fmt: skip

LATIN = "Liberation Serif"
CJK_SERIF = "Noto Serif CJK SC"
CJK_SANS = "Noto Sans CJK SC"

# The Debian package that provides each family the writers use.
PACKAGES = {
    LATIN: "fonts-liberation2",
    CJK_SERIF: "fonts-noto-cjk",
    CJK_SANS: "fonts-noto-cjk",
    "Liberation Sans": "fonts-liberation2",
    "Amiri": "fonts-hosny-amiri",
    "Noto Sans CJK TC": "fonts-noto-cjk",
    "Noto Serif CJK TC": "fonts-noto-cjk",
    "Tinos": "fonts-croscore",
    "WenQuanYi Zen Hei": "fonts-wqy-zenhei",
    "AR PL UMing": "fonts-arphic-uming",
}

# Word fonts named by the DOCX typography, and the free, metric-compatible or same-style
# family the PDF uses instead.
SUBSTITUTES = {
    "Times New Roman": LATIN,
    "Times": LATIN,
    "SimSun": CJK_SERIF,
    "宋体": CJK_SERIF,
    "SimHei": CJK_SANS,
    "黑体": CJK_SANS,
}

_ENV_VAR = "HABITAT_DOCS_FONT_PATH"


def pdf_family(name: str) -> str:
    """The family the PDF prints for a font named in the typography."""
    return SUBSTITUTES.get(name, name)


class FontError(RuntimeError):
    """A font the document needs is not installed, or a character has no glyph in it.

    ``families`` lists the missing families; ``packages`` the Debian packages providing them."""

    def __init__(
        self, message: str, families: Iterable[str] = (), packages: Iterable[str] = ()
    ) -> None:
        super().__init__(message)
        self.families = tuple(families)
        self.packages = tuple(packages)


@frozen
class Face:
    family: str
    path: str
    index: int
    weight: int
    style: str


# --- discovery ---------------------------------------------------------------------------


def _search_paths() -> tuple[str, ...]:
    return tuple(p for p in os.environ.get(_ENV_VAR, "").split(os.pathsep) if p)


@cache
def _system_faces(extra: tuple[str, ...] = ()) -> tuple[Face, ...]:
    """Every installed face Typst can see (system folders plus ``extra``)."""
    import typst

    fonts = typst.Fonts(
        include_system_fonts=True, include_embedded_fonts=False, font_paths=list(extra)
    )
    return tuple(
        Face(f.family, f.path, f.index, f.weight, f.style)
        for f in fonts.fonts()
        if f.path is not None
    )


def installed() -> tuple[Face, ...]:
    return _system_faces(_search_paths())


def faces(family: str) -> list[Face]:
    """The installed faces of one family (case-insensitive), regular first."""
    return list(_faces(family.casefold(), _search_paths()))


@cache
def _faces(key: str, extra: tuple[str, ...]) -> tuple[Face, ...]:
    found = [f for f in installed() if f.family.casefold() == key]
    return tuple(
        sorted(found, key=lambda f: (f.style != "normal", abs(f.weight - 400), f.path, f.index))
    )


def require(families: Iterable[str]) -> dict[str, list[Face]]:
    """The faces of every family, or :class:`FontError` naming each missing family and the
    Debian package that provides it."""
    wanted = list(dict.fromkeys(families))
    found = {fam: faces(fam) for fam in wanted}
    missing = [fam for fam, fs in found.items() if not fs]
    if missing:
        raise FontError(_missing_message(missing), missing, _packages(missing))
    return found


def _packages(families: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(PACKAGES[f] for f in families if f in PACKAGES))


def _missing_message(missing: list[str]) -> str:
    parts = []
    for fam in missing:
        pkg = PACKAGES.get(fam)
        where = (
            f"the Debian package {pkg} provides it"
            if pkg
            else "no known Debian package provides it"
        )
        parts.append(f"font '{fam}' is not installed ({where})")
    pkgs = _packages(missing)
    hint = f"; install it with: apt-get install {' '.join(pkgs)}" if pkgs else ""
    extra = f" or add its folder to ${_ENV_VAR}"
    return "cannot make the PDF: " + "; ".join(parts) + hint + extra


# --- the font book Typst uses --------------------------------------------------------------

_lock = threading.Lock()
_books: dict[frozenset[str], typst.Fonts] = {}


def book(families: Iterable[str]) -> typst.Fonts:
    """A ``typst.Fonts`` holding exactly the files of ``families`` (nothing else, so Typst can
    never pick another face), built once per process and set of families.

    Typst reads folders, not single files, so the files are linked into a folder of their
    own (see :func:`_folder`)."""
    key = frozenset(families)
    with _lock:
        if key in _books:
            return _books[key]
        import typst

        found = require(sorted(key))
        paths = sorted({f.path for fs in found.values() for f in fs})
        folder = _folder(paths)
        fonts = typst.Fonts(
            include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(folder)]
        )
        have = {f.casefold() for f in fonts.families()}
        lost = [fam for fam in sorted(key) if fam.casefold() not in have]
        if lost:
            raise FontError(_missing_message(lost), lost, _packages(lost))
        _books[key] = fonts
        return fonts


def _folder(paths: list[str]) -> Path:
    """A folder of links to exactly ``paths``: in the user's cache, named after the paths and
    shared by every process (``~/.cache/habitat-docs/fonts/<hash>``), else a temporary one
    removed at exit. Links, not copies, unless the file system has none."""
    names = [f"{i:02d}-{Path(p).name}" for i, p in enumerate(paths)]
    key = hashlib.sha256("\n".join(paths).encode()).hexdigest()[:16]
    folder = _cache_dir() / "fonts" / key
    if sorted(os.listdir(folder) if folder.is_dir() else []) == sorted(names):
        return folder
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    except OSError:
        tmp = Path(tempfile.mkdtemp(prefix="habitat-docs-fonts-"))
        atexit.register(shutil.rmtree, tmp, ignore_errors=True)
        _link(paths, names, tmp)
        return tmp
    _link(paths, names, tmp)
    try:
        os.replace(tmp, folder)  # atomic; another process may have won the race
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not folder.is_dir():
            raise
    return folder


def _cache_dir() -> Path:
    """``~/.cache/habitat-docs`` (or under ``$XDG_CACHE_HOME``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "habitat-docs"


def _link(paths: list[str], names: list[str], folder: Path) -> None:
    for p, name in zip(paths, names, strict=True):
        try:
            (folder / name).symlink_to(p)
        except OSError:  # no symlinks on this file system: copy
            shutil.copyfile(p, folder / name)


def reset() -> None:
    """Forget the font search and the books (after installing fonts, or in tests)."""
    with _lock:
        _books.clear()
        _system_faces.cache_clear()
        _faces.cache_clear()
        _coverage.cache_clear()


# --- glyph coverage --------------------------------------------------------------------------

# Characters that print no glyph, so need none: controls, format characters (joiners,
# soft hyphen) and line/paragraph separators.
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}

Ranges = tuple[tuple[int, ...], tuple[int, ...]]  # sorted (starts, ends) of code point runs


def uncovered(chars: Iterable[str], families: Iterable[str]) -> list[str]:
    """The characters of ``chars`` that no regular face of ``families`` has a glyph for."""
    ranges = [_coverage(fs[0].path, fs[0].index) for fs in require(families).values()]
    out = []
    for ch in sorted(set(chars)):
        if ch in " \t\n" or unicodedata.category(ch) in _INVISIBLE:
            continue
        cp = ord(ch)
        if not any(_covers(r, cp) for r in ranges):
            out.append(ch)
    return out


def _covers(ranges: Ranges, cp: int) -> bool:
    starts, ends = ranges
    i = bisect.bisect_right(starts, cp) - 1
    return i >= 0 and cp <= ends[i]


def face_data(kind: str, path: str, index: int, read: Callable[[], Any]) -> Any:
    """What ``read`` reads from face ``index`` of a font file (data JSON can hold). fontTools
    reads a CJK face's tables in about a third of a second, so the answer is also kept on
    disk, in the user's cache (``<kind>/``), under the file's path, size and time."""
    stat = os.stat(path)
    key = hashlib.sha256(f"{path}\0{index}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    stored = _cache_dir() / kind / f"{key.hexdigest()[:24]}.json"
    try:
        return json.loads(stored.read_text(encoding="ascii"))
    except (OSError, ValueError):  # not stored yet, or unreadable
        pass
    data = read()
    _store(stored, json.dumps(data, separators=(",", ":")))
    return data


@cache
def _coverage(path: str, index: int) -> Ranges:
    """The code points that face ``index`` of a font file maps to a glyph."""

    def read() -> Ranges:
        from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

        cmap = TTFont(path, fontNumber=index, lazy=True).getBestCmap() or {}
        return _runs(sorted(cp for cp, glyph in cmap.items() if glyph != ".notdef"))

    starts, ends = face_data("coverage", path, index, read)
    return tuple(starts), tuple(ends)


def _runs(points: list[int]) -> Ranges:
    """Sorted code points as runs of consecutive ones."""
    starts: list[int] = []
    ends: list[int] = []
    for cp in points:
        if ends and cp == ends[-1] + 1:
            ends[-1] = cp
        else:
            starts.append(cp)
            ends.append(cp)
    return tuple(starts), tuple(ends)


def _store(path: Path, text: str) -> None:
    """Write ``path`` atomically; a cache that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError:
        pass
