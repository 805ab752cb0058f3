"""Import: one or more language versions of one document (DOCX, or PDF and plain text read
the same way) back to the plain data of a data file that builds it again.

``import_document(paths, langs)`` gives an ``Imported`` (the data, the comments and the
warnings, and the data file's text); ``import_data(paths, langs)`` gives ``(data, comments)``
alone: ``comments`` the guesses by
field path (the kind read from the subtitle, a language detected); the text it could not
place is added to ``warnings`` when given, each naming its file and place. With ``images``
(a folder: the data file's) the figures' images of a DOCX are written there. With
``partial=True`` versions that do not align are imported as far as they do: each block left
over is a comment in the YAML and an ``Unaligned`` warning. References printed in the text
("para. 15") become {ref:…} where every version agrees (importer/refs.py); the others stay
text, reported."""

from __future__ import annotations

from habitat_docs.importer.align import MisalignedError
from habitat_docs.importer.document import ImportFailed, import_data
from habitat_docs.importer.imported import Imported, import_document
from habitat_docs.importer.partial import Unaligned

__all__ = ["ImportFailed", "Imported", "MisalignedError", "Unaligned", "import_data",
           "import_document"]  # fmt: skip
