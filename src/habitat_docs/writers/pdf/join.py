"""One PDF from the PDFs that Typst printed a long document in (:mod:`.parts`), with pikepdf.

The pages follow one another unchanged. What spans the whole document is put back together:
the tagged structure (each part's elements under the first part's ``Document`` element, their
parent-tree keys moved past the earlier parts', their ids made unique), the outline (nested by
the headings' levels, which a part that begins inside a section cannot know) and the page
count in the XMP metadata. qpdf copies a structure tree of 100,000 elements in seconds, in a
fraction of the memory pure-Python objects would take.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from io import BytesIO

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf, String

__all__ = ["join"]

#: A bookmark: its title, page (index in the joined document) and place on the page.
Bookmark = tuple[str, int, list[float]]


def join(parts: Sequence[bytes], levels: Sequence[int]) -> bytes:
    """The parts as one PDF. ``levels``: the outline level of every bookmarked heading of the
    whole document, in order (the parts' outlines hold them in the same order)."""
    out = Pdf.open(BytesIO(parts[0]))
    tree = _Tree(out)
    marks = list(_bookmarks(out, 0))
    for k, part in enumerate(parts[1:], start=2):
        src = Pdf.open(BytesIO(part))
        marks += _bookmarks(src, len(out.pages))
        tree.append(src, f"-{k}")
    tree.finish()
    _outline(out, marks, levels)
    _page_count(out)
    buffer = BytesIO()
    out.save(buffer, deterministic_id=True)
    return buffer.getvalue()


class _Tree:
    """The joined document's structure tree: the first part's, which later parts extend."""

    def __init__(self, out: Pdf) -> None:
        self.out = out
        self.root = out.Root.StructTreeRoot
        self.document = _one(self.root.K)
        self.kids = list(_items(self.document.get("/K")))
        self.numbers = [x for key, value in _numbers(self.root.ParentTree) for x in (key, value)]
        self.next_key = int(self.root.ParentTreeNextKey)
        self.ids = dict(_names(self.root.get("/IDTree")))

    def append(self, src: Pdf, suffix: str) -> None:
        """Add ``src``'s pages and hang its elements under the document element, their
        parent-tree keys after the earlier parts' and their ids made unique by ``suffix``."""
        offset, first = self.next_key, len(self.out.pages)
        source = src.Root.StructTreeRoot
        top = list(_items(_one(source.K).get("/K")))
        for kid in top:  # so that copying an element does not copy its part's whole tree
            if isinstance(kid, Dictionary) and "/P" in kid:
                del kid.P
        self.out.pages.extend(src.pages)
        for page in self.out.pages[first:]:
            _shift(page.obj, "/StructParents", offset)
            for annot in page.obj.get("/Annots", ()):
                _shift(annot, "/StructParent", offset)
        for key, value in _numbers(source.ParentTree):
            self.numbers += [key + offset, self._copy(value)]
        kids = [self._copy(kid) for kid in top]
        for kid in kids:
            if isinstance(kid, Dictionary):
                kid.P = self.document
        self.kids += kids
        self._rename(source, kids, suffix)
        self.next_key = offset + int(source.ParentTreeNextKey)

    def _copy(self, obj: pikepdf.Object) -> pikepdf.Object:
        """``obj`` in the joined document (the same copy each time it is asked for)."""
        if obj.is_indirect:
            return self.out.copy_foreign(obj)
        if isinstance(obj, Array):
            return Array([self._copy(x) for x in obj])
        if isinstance(obj, Dictionary):
            return Dictionary({k: self._copy(v) for k, v in obj.items()})
        return obj

    def _rename(self, source: pikepdf.Object, kids: list[pikepdf.Object], suffix: str) -> None:
        """Give the part's ids ``suffix``, in the elements and where table cells name them."""
        renamed, headers = {}, False
        for name, elem in _names(source.get("/IDTree")):
            copy = self._copy(elem)
            copy.ID = String(name + suffix)
            renamed[name] = name + suffix
            self.ids[name + suffix] = copy
            headers |= copy.get("/S") == Name.TH
        if headers:  # only header cells are named by other elements
            _rename_headers(kids, renamed)

    def finish(self) -> None:
        """Write the element list, the parent tree and the id tree back, whole."""
        self.document.K = Array(self.kids)
        self.root.ParentTree = self.out.make_indirect(Dictionary(Nums=Array(self.numbers)))
        self.root.ParentTreeNextKey = self.next_key
        if self.ids:  # a name tree's keys in order
            names = [x for key in sorted(self.ids) for x in (String(key), self.ids[key])]
            self.root.IDTree = Dictionary(Names=Array(names))


def _shift(obj: pikepdf.Object, key: str, offset: int) -> None:
    if key in obj:
        obj[key] = int(obj[key]) + offset


# --- trees ---------------------------------------------------------------------------------------


def _one(k: pikepdf.Object) -> Dictionary:
    """The one element of a /K that holds one (the structure root's document element)."""
    items = list(_items(k))
    if len(items) != 1 or not isinstance(items[0], Dictionary):
        raise ValueError(f"a structure tree root with {len(items)} elements, not one")
    return items[0]


def _items(k: pikepdf.Object | None) -> Iterator[pikepdf.Object]:
    """A /K entry's kids: none, one, or an array of them."""
    if k is None:
        return
    yield from (k if isinstance(k, Array) else [k])


def _numbers(tree: pikepdf.Object) -> Iterator[tuple[int, pikepdf.Object]]:
    """The (key, value) pairs of a number tree, flat /Nums or under /Kids."""
    nums = tree.get("/Nums", ())
    for i in range(0, len(nums), 2):
        yield int(nums[i]), nums[i + 1]
    for kid in tree.get("/Kids", ()):
        yield from _numbers(kid)


def _names(tree: pikepdf.Object | None) -> Iterator[tuple[str, pikepdf.Object]]:
    """The (key, value) pairs of a name tree, flat /Names or under /Kids."""
    if tree is None:
        return
    names = tree.get("/Names", ())
    for i in range(0, len(names), 2):
        yield str(names[i]), names[i + 1]
    for kid in tree.get("/Kids", ()):
        yield from _names(kid)


def _rename_headers(kids: list[pikepdf.Object], renamed: dict[str, str]) -> None:
    """Table cells name their header cells by id (/A << /O /Table /Headers [...] >>)."""
    if not renamed:
        return
    stack = list(kids)
    while stack:
        elem = stack.pop()
        if not isinstance(elem, Dictionary) or "/S" not in elem:
            continue
        for attributes in _items(elem.get("/A")):
            if isinstance(attributes, Dictionary) and "/Headers" in attributes:
                heads = [renamed.get(str(h), str(h)) for h in attributes.Headers]
                attributes.Headers = Array([String(h) for h in heads])
        stack += _items(elem.get("/K"))


# --- outline and metadata ------------------------------------------------------------------------


def _bookmarks(pdf: Pdf, first: int) -> Iterator[Bookmark]:
    """A part's bookmarks in document order; its pages are numbered from ``first``."""
    pages = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    with pdf.open_outline() as outline:
        stack = list(reversed(outline.root))
        while stack:
            item = stack.pop()
            dest = item.destination
            if not isinstance(dest, Array):  # Typst gives each an explicit destination
                raise TypeError(f"the bookmark {item.title!r} has no page destination")
            yield str(item.title), first + pages[dest[0].objgen], [float(x) for x in dest[2:5]]
            stack += reversed(item.children)


def _outline(out: Pdf, marks: list[Bookmark], levels: Sequence[int]) -> None:
    if len(marks) != len(levels):
        raise ValueError(f"{len(marks)} bookmarks in the parts for {len(levels)} headings")
    with out.open_outline() as outline:
        outline.root.clear()
        open_at: dict[int, OutlineItem] = {}
        for (title, page, (left, top, zoom)), level in zip(marks, levels, strict=True):
            item = OutlineItem(title, page, "XYZ", left=left, top=top, zoom=zoom)
            parent = next((open_at[lv] for lv in range(level - 1, 0, -1) if lv in open_at), None)
            (parent.children if parent else outline.root).append(item)
            open_at = {lv: it for lv, it in open_at.items() if lv < level} | {level: item}


_NPAGES = re.compile(rb"<xmpTPg:NPages>\d+</xmpTPg:NPages>")


def _page_count(out: Pdf) -> None:
    if "/Metadata" not in out.Root:
        return
    xmp = out.Root.Metadata
    count = b"<xmpTPg:NPages>%d</xmpTPg:NPages>" % len(out.pages)
    xmp.write(_NPAGES.sub(count, xmp.read_bytes()))
