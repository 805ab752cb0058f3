"""A document read back from its language versions, as the library gives it: the data of
its data file, the guesses made reading it, and what could not be placed.

>>> import habitat_docs as hd, tempfile
>>> built = hd.build("examples/hsp-eb-2022-2.yaml", tempfile.mkdtemp())
>>> doc = hd.import_document(built)
>>> doc.data["symbol"], doc.warnings
('HSP/EB.2022/4', ())
>>> doc.document().symbol == hd.load("examples/hsp-eb-2022-2.yaml").symbol
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from attrs import frozen

from habitat_docs.atomic import write_atomic
from habitat_docs.importer.document import import_data
from habitat_docs.importer.emit import dump
from habitat_docs.load import structure
from habitat_docs.model import Document

__all__ = ["Imported", "import_document"]


@frozen
class Imported:
    """``data`` as a data file holds it (``yaml.safe_load`` of the file it writes),
    ``comments`` the guesses by field path, ``warnings`` every line not imported (with its
    file and place) and, with ``partial``, every block not aligned."""

    data: Mapping[str, object]
    comments: Mapping[tuple[str | int, ...], str]
    warnings: tuple[str, ...]

    def yaml(self) -> str:
        """The data file's text: the examples' key order, the guesses as comments."""
        return dump(self.data, self.comments)

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write the data file to ``path`` whole or not at all; the path written."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, self.yaml().encode("utf-8"))
        return target

    def document(self, base_dir: str | os.PathLike[str] | None = None) -> Document:
        """The typed document, as ``load`` gives it from the written file (``base_dir`` the
        folder its images are named from)."""
        return structure(dict(self.data), Path(base_dir) if base_dir is not None else None)


def import_document(
    paths: Sequence[str | os.PathLike[str]],
    langs: Sequence[str] | None = None,
    *,
    images: str | os.PathLike[str] | None = None,
    partial: bool = False,
) -> Imported:
    """The document whose language versions (DOCX, PDF or plain text, one file each) are
    ``paths``: ``langs`` gives their languages in file order (detected when None or
    shorter); the figures' images are written into the folder ``images`` (the data file's);
    ``partial`` imports versions that do not align as far as they do. Raises ImportFailed,
    MisalignedError, or CheckError for a file that cannot be read."""
    warnings: list[str] = []
    data, comments = import_data(paths, langs, warnings=warnings, images=images, partial=partial)
    return Imported(data, comments, tuple(warnings))
