"""Fonts for PDF output: find the families a document names, or stop with a clear error.

The PDF writer never lets Typst fall back to another face: every family it names must be
installed, and every character of the document must have a glyph in one of the faces named
for it. Otherwise :class:`FontError` names the font and the Debian package that provides it.

    >>> require(["Noto Serif CJK SC", "Liberation Serif"])   # -> the faces, or FontError

Fonts are found the way Typst finds them (its system search: fontconfig's folders on Linux,
plus ``$HABITAT_DOCS_FONT_PATH``, ``:``-separated). The search runs once per process.
"""

from __future__ import annotations

import atexit
import bisect
import hashlib
import os
import shutil
import struct
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

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
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = cache / "habitat-docs" / "fonts" / key
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


def _covers(ranges: tuple[tuple[int, ...], tuple[int, ...]], cp: int) -> bool:
    starts, ends = ranges
    i = bisect.bisect_right(starts, cp) - 1
    return i >= 0 and cp <= ends[i]


@cache
def _coverage(path: str, index: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The code points a face maps to a glyph, as sorted (starts, ends) ranges, read from its
    ``cmap`` table (format 12 or 4). Fonts are OpenType/TrueType files or collections."""
    with open(path, "rb") as f:
        head = f.read(12)
        base = 0
        if head[:4] == b"ttcf":
            f.seek(12 + 4 * index)
            (base,) = struct.unpack(">I", f.read(4))
            f.seek(base)
            head = f.read(12)
        (num_tables,) = struct.unpack(">H", head[4:6])
        directory = f.read(16 * num_tables)
        cmap_at = None
        for i in range(num_tables):
            tag, _, offset, length = struct.unpack(">4sIII", directory[16 * i : 16 * i + 16])
            if tag == b"cmap":
                cmap_at, cmap_len = offset, length
        if cmap_at is None:
            return (), ()
        f.seek(cmap_at)
        cmap = f.read(cmap_len)
    (n,) = struct.unpack(">H", cmap[2:4])
    subtables = {}
    for i in range(n):
        platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * i : 12 + 8 * i])
        subtables[(platform, encoding)] = offset
    pairs: list[tuple[int, int]] = []
    for key in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
        if key in subtables:
            pairs = _subtable(cmap, subtables[key])
            if pairs:
                break
    merged: list[list[int]] = []
    for a, b in sorted(pairs):
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return tuple(a for a, _ in merged), tuple(b for _, b in merged)


def _subtable(cmap: bytes, at: int) -> list[tuple[int, int]]:
    (fmt,) = struct.unpack(">H", cmap[at : at + 2])
    if fmt == 12:
        (ngroups,) = struct.unpack(">I", cmap[at + 12 : at + 16])
        out = []
        for g in range(ngroups):
            start, end, glyph = struct.unpack(">III", cmap[at + 16 + 12 * g : at + 28 + 12 * g])
            if glyph == 0:  # a group starting at .notdef: its first code point has no glyph
                start += 1
            if start <= end:
                out.append((start, end))
        return out
    if fmt == 4:
        (seg2,) = struct.unpack(">H", cmap[at + 6 : at + 8])
        segs = seg2 // 2
        ends = struct.unpack(f">{segs}H", cmap[at + 14 : at + 14 + seg2])
        p = at + 16 + seg2
        starts = struct.unpack(f">{segs}H", cmap[p : p + seg2])
        deltas = struct.unpack(f">{segs}h", cmap[p + seg2 : p + 2 * seg2])
        ro_at = p + 2 * seg2
        range_offsets = struct.unpack(f">{segs}H", cmap[ro_at : ro_at + seg2])
        out = []
        for s in range(segs):
            start, end = starts[s], ends[s]
            if start == 0xFFFF:
                continue
            if range_offsets[s] == 0:
                # glyph = (cp + delta) mod 65536; only the code point mapping to 0 lacks a glyph
                hole = (-deltas[s]) % 65536
                if start <= hole <= end:
                    if start < hole:
                        out.append((start, hole - 1))
                    if hole < end:
                        out.append((hole + 1, end))
                else:
                    out.append((start, end))
            else:
                run_start = None
                for cp in range(start, end + 1):
                    g_at = ro_at + 2 * s + range_offsets[s] + 2 * (cp - start)
                    (glyph,) = (
                        struct.unpack(">H", cmap[g_at : g_at + 2])
                        if g_at + 2 <= len(cmap)
                        else (0,)
                    )
                    if glyph:
                        glyph = (glyph + deltas[s]) % 65536
                    if glyph and run_start is None:
                        run_start = cp
                    elif not glyph and run_start is not None:
                        out.append((run_start, cp - 1))
                        run_start = None
                if run_start is not None:
                    out.append((run_start, end))
        return out
    return []
