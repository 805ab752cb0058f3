"""Small edits to a finished PDF, appended as an incremental update that pypdf reads and prints.

The original bytes stay as they are (PDF/A allows such an update), so an edit never disturbs
the layout, and the same input gives the same bytes.

    >>> import habitat_docs as hd
    >>> import io
    >>> from pypdf import PdfReader
    >>> from pypdf.generic import NameObject, TextStringObject
    >>> pdf = hd.render(hd.load("examples/hsp-eb-2024-11.yaml"), "en", "pdf")
    >>> def language(reader):
    ...     reader.root_object[NameObject("/Lang")] = TextStringObject("en-US")
    ...     return [reader.root_object]
    >>> amended = amend(pdf, language)
    >>> amended.startswith(pdf), PdfReader(io.BytesIO(amended)).root_object["/Lang"]
    (True, 'en-US')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from io import BytesIO
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pypdf is imported when a PDF is amended, not with the package
    from pypdf import PdfReader
    from pypdf.generic import PdfObject

    #: Changes objects read from the PDF and returns the changed ones (indirect objects).
    Edit = Callable[[PdfReader], Iterable[PdfObject]]

__all__ = ["Edit", "amend"]


_LAST_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def amend(pdf: bytes, edit: Edit, *, strict: bool = False) -> bytes:
    """``pdf`` with the objects ``edit`` changed appended, under a cross-reference table of
    their own. Unchanged when ``edit`` changes nothing, or when the file does not end in a
    cross-reference table (neither Typst nor LibreOffice writes such files; a table after a
    cross-reference stream would be a hybrid file few readers accept). ``strict`` for files
    the project wrote itself, where any flaw is an error."""
    last = _LAST_XREF.search(pdf, max(0, len(pdf) - 1024))
    if last is None or not pdf.startswith(b"xref", int(last.group(1))):
        return pdf
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject, NameObject, NumberObject

    reader = PdfReader(BytesIO(pdf), strict=strict)
    changed = {_number(obj): obj for obj in edit(reader)}
    if not changed:
        return pdf
    out = BytesIO()
    out.write(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    table = [b"xref\n0 1\n0000000000 65535 f \n"]
    for (num, gen), obj in sorted(changed.items()):
        table.append(b"%d 1\n%010d %05d n \n" % (num, out.tell(), gen))
        out.write(b"%d %d obj\n" % (num, gen))
        obj.write_to_stream(out)
        out.write(b"\nendobj\n")
    xref_at = out.tell()
    out.write(b"".join(table))
    trailer = DictionaryObject(
        {key: value for key, value in reader.trailer.items() if key not in ("/Prev", "/XRefStm")}
    )
    trailer[NameObject("/Prev")] = NumberObject(int(last.group(1)))
    out.write(b"trailer\n")
    trailer.write_to_stream(out)
    out.write(b"\nstartxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


def _number(obj: PdfObject) -> tuple[int, int]:
    ref = obj.indirect_reference
    if ref is None:
        raise ValueError(
            f"an edit returned a direct object ({type(obj).__name__}), not one of the file's objects"
        )
    return ref.idnum, ref.generation
