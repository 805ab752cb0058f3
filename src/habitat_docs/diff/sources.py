"""The two versions a diff reads: a data file (YAML, JSON, TOML) through the loader, or a
built document (DOCX, PDF, plain text) through the importer, as a document model either way."""

from __future__ import annotations

import os
from pathlib import Path

from attrs import frozen

from habitat_docs.check.findings import CheckError
from habitat_docs.errors import DataError
from habitat_docs.importer import ImportFailed, MisalignedError, import_document
from habitat_docs.load import load
from habitat_docs.model import Document

__all__ = ["BUILT", "DATA", "DiffError", "Version", "read"]

DATA = (".yaml", ".yml", ".json", ".toml")
BUILT = (".docx", ".pdf", ".txt")


class DiffError(Exception):
    """A version cannot be read: the message names the file (the CLI exits with 2)."""


@frozen
class Version:
    """One side of a diff: its file, its model, and whether it was built (read back from a
    DOCX, PDF or text: one language, text as printed, ids made up by the importer)."""

    file: str
    document: Document
    built: bool


def read(path: str | os.PathLike[str]) -> Version:
    """The version in ``path``, by its extension; DiffError when it cannot be read."""
    file = str(path)
    suffix = Path(file).suffix.lower()
    try:
        if suffix in DATA:
            return Version(file, load(file), built=False)
        if suffix in BUILT:
            return Version(file, import_document([file]).document(), built=True)
    except DataError as e:
        raise DiffError(str(e) if file in str(e) else f"{file}: {e}") from None
    except CheckError as e:
        raise DiffError(f"{e.file or file}: {e}") from None
    except (ImportFailed, MisalignedError, OSError) as e:
        raise DiffError(f"{file}: {e}") from None
    kinds = ", ".join((*DATA, *BUILT))
    raise DiffError(
        f"{file}: cannot tell what it holds from '{suffix or 'no extension'}' ({kinds})"
    )
