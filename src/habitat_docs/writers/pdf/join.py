"""One PDF from the PDFs that Typst printed a long document in (:mod:`.parts`), with pikepdf.

Each part brings its first pages (those before the page where the next part begins) and the
structure elements on them. What spans the whole document is put back together: the tagged
structure (every part's elements under one ``Document`` element, their parent-tree keys moved
past the earlier parts', their ids made unique), the outline (nested by the headings' levels,
which a part that begins inside a section cannot know) and the page count in the XMP metadata.
qpdf copies a structure tree of 100,000 elements in seconds, in a fraction of the memory
pure-Python objects would take.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from io import BytesIO

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf, String

__all__ = ["Joined"]

#: A bookmark: its title, page (index in the joined document) and place on the page.
Bookmark = tuple[str, int, list[float]]

# What the joined document takes from the first part's catalog and structure tree root as it
# is; the rest is rebuilt from every part.
_REBUILT = ("/Type", "/Pages", "/Outlines", "/StructTreeRoot")
_TREE_REBUILT = ("/K", "/ParentTree", "/ParentTreeNextKey", "/IDTree")


class Joined:
    """The document being joined. ``levels``: the outline level of every bookmarked heading
    of the whole document, in order (the parts' outlines hold them in the same order)."""

    def __init__(self, levels: Sequence[int]) -> None:
        self.levels = levels
        self.out = Pdf.new()
        self.parts: list[Pdf] = []  # qpdf reads copied streams from them when saving
        self.kids: list[pikepdf.Object] = []
        self.numbers: list[object] = []
        self.next_key = 0
        self.ids: dict[str, pikepdf.Object] = {}
        self.marks: list[Bookmark] = []
        self.document = Dictionary()  # the first part's document element (_begin)
        self.namespaces: dict[str, pikepdf.Object] = {}  # PDF 2.0: the tree's, by URI

    def add(self, pdf: bytes, pages: int | None = None) -> int | None:
        """Add the first ``pages`` pages of ``pdf`` (all by default) and their elements; how
        many pages that was, or None (and nothing added) when an element on those pages has
        content on a later one too (a footnote run on), so that they cannot stand alone."""
        src = Pdf.open(BytesIO(pdf))
        keep = len(src.pages) if pages is None else pages
        index = {page.obj.objgen: i for i, page in enumerate(src.pages)}
        part = _Part(src, keep, index)
        if part.straddles:
            return None
        if not self.parts:
            self._begin(src)
        self.parts.append(src)
        self.marks += [(t, len(self.out.pages) + p, at) for t, p, at in _bookmarks(src, index) if p < keep]
        self.out.pages.extend(src.pages[:keep])
        self._adopt(src, part, f"-{len(self.parts)}" if len(self.parts) > 1 else "")
        return keep

    def pdf(self) -> bytes:
        """The joined document, written."""
        root = self.out.Root.StructTreeRoot
        self.document.K = Array(self.kids)
        root.ParentTree = self.out.make_indirect(Dictionary(Nums=Array(self.numbers)))
        root.ParentTreeNextKey = self.next_key
        if self.ids:  # a name tree's keys in order
            names = [x for key in sorted(self.ids) for x in (String(key), self.ids[key])]
            root.IDTree = Dictionary(Names=Array(names))
        _outline(self.out, self.marks, self.levels)
        _page_count(self.out)
        buffer = BytesIO()
        self.out.save(buffer, deterministic_id=True, min_version=self.parts[0].pdf_version)
        return buffer.getvalue()

    def _begin(self, src: Pdf) -> None:
        """The document information, catalog and structure root of the first part."""
        out = self.out
        if "/Info" in src.trailer:  # PDF 2.0 (PDF/A-4) has none
            out.trailer.Info = out.copy_foreign(src.trailer.Info)
        for key, value in src.Root.items():
            if key not in _REBUILT:
                out.Root[key] = _copy(out, value)
        source = src.Root.StructTreeRoot
        root = Dictionary({k: _copy(out, v) for k, v in source.items() if k not in _TREE_REBUILT})
        document = _one(source.K)
        self.document = out.make_indirect(
            Dictionary({k: _copy(out, v) for k, v in document.items() if k not in ("/K", "/P")})
        )
        root.K = Array([self.document])
        out.Root.StructTreeRoot = out.make_indirect(root)
        self.document.P = out.Root.StructTreeRoot
        self.namespaces = {str(ns.NS): ns for ns in root.get("/Namespaces", ()) if "/NS" in ns}

    def _adopt(self, src: Pdf, part: _Part, suffix: str) -> None:
        """Hang the part's kept elements under the document element, with their parent-tree
        keys numbered on from the earlier parts' and their ids made unique by ``suffix``."""
        out = self.out
        key = {old: self.next_key + i for i, old in enumerate(sorted(part.keys))}
        for page in out.pages[len(out.pages) - part.keep :]:
            _renumber(page.obj, "/StructParents", key)
            for annot in page.obj.get("/Annots", ()):
                _renumber(annot, "/StructParent", key)
        for old, value in _numbers(src.Root.StructTreeRoot.ParentTree):
            if old in key:
                self.numbers += [key[old], _copy(out, value)]
        self.next_key += len(key)
        kids = [_copy(out, kid) for kid in part.kids]
        for kid in kids:
            if isinstance(kid, Dictionary):
                kid.P = self.document
        self.kids += kids
        if suffix and self.namespaces:
            self._share_namespaces(kids)
        renamed = {name: name + suffix for name, _ in part.named}
        for name, elem in part.named:
            copy = _copy(out, elem)
            copy.ID = String(renamed[name])
            self.ids[renamed[name]] = copy
        if suffix and any(elem.get("/S") == Name.TH for _, elem in part.named):
            _rename_headers(kids, renamed)

    def _share_namespaces(self, kids: list[pikepdf.Object]) -> None:
        """Point the part's elements at the namespaces of the tree root (PDF 2.0 wants the
        root to list every namespace the tree uses; each part brought its own copies)."""
        root = self.out.Root.StructTreeRoot
        for elem in _nodes(kids):
            if "/S" in elem and "/NS" in elem:
                uri = str(elem.NS.NS)
                if uri not in self.namespaces:
                    self.namespaces[uri] = elem.NS
                    root.Namespaces = Array([*root.get("/Namespaces", ()), elem.NS])
                elem.NS = self.namespaces[uri]


class _Part:
    """What of a part's structure lies on its first ``keep`` pages: the top-level elements,
    the named elements among them and the parent-tree keys of those pages and their links;
    ``straddles`` when an element has content on both sides of the cut. The top-level
    elements lose their /P in ``src`` (the part is read for this join only)."""

    def __init__(self, src: Pdf, keep: int, index: dict[tuple[int, int], int]) -> None:
        self.keep = keep
        self.keys: set[int] = set()
        for page in src.pages[:keep]:
            holders = [page.obj, *page.obj.get("/Annots", ())]
            self.keys |= {int(h[k]) for h in holders for k in ("/StructParents", "/StructParent") if k in h}
        self.kids: list[pikepdf.Object] = []
        self.named: list[tuple[str, Dictionary]] = []
        self.straddles = False
        after = False  # past the kept pages
        for kid in _items(_one(src.Root.StructTreeRoot.K).get("/K")):
            if isinstance(kid, Dictionary) and "/P" in kid:
                del kid.P  # so that copying an element does not copy its part's whole tree
            pages, named = _walk(kid, index)
            if pages and (min(pages) < keep <= max(pages) or (after and min(pages) < keep)):
                self.straddles = True  # an element on both sides, or out of order
                return
            after = after or bool(pages and min(pages) >= keep)
            if not after:
                self.kids.append(kid)
                self.named += named


def _walk(kid: pikepdf.Object, index: dict[tuple[int, int], int]) -> tuple[set[int], list[tuple[str, Dictionary]]]:
    """The pages an element's content lies on, and the elements under it that have an id."""
    pages: set[int] = set()
    named: list[tuple[str, Dictionary]] = []
    for node in _nodes([kid]):
        if "/Pg" in node:  # an element's, or a marked-content or object reference's
            pages.add(index.get(node.Pg.objgen, -1))
        if "/ID" in node and "/S" in node:
            named.append((str(node.ID), node))
    return pages - {-1}, named


def _nodes(kids: list[pikepdf.Object]) -> Iterator[Dictionary]:
    """The dictionaries of a structure tree below ``kids``: elements, and the references to
    marked content and objects they hold (not the objects referred to)."""
    stack = list(kids)
    while stack:
        node = stack.pop()
        if isinstance(node, Dictionary):
            yield node
            if "/S" in node:
                stack += _items(node.get("/K"))


def _copy(out: Pdf, obj: pikepdf.Object) -> pikepdf.Object:
    """``obj`` in the joined document (the same copy each time it is asked for)."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return out.copy_foreign(obj)
    if isinstance(obj, Array):
        return Array([_copy(out, x) for x in obj])
    if isinstance(obj, Dictionary):
        return Dictionary({k: _copy(out, v) for k, v in obj.items()})
    return obj


def _renumber(obj: pikepdf.Object, entry: str, key: dict[int, int]) -> None:
    if entry in obj:
        obj[entry] = key[int(obj[entry])]


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


def _rename_headers(kids: list[pikepdf.Object], renamed: dict[str, str]) -> None:
    """Table cells name their header cells by id (/A << /O /Table /Headers [...] >>)."""
    for elem in _nodes(kids):
        for attributes in _items(elem.get("/A")) if "/S" in elem else ():
            if isinstance(attributes, Dictionary) and "/Headers" in attributes:
                heads = [renamed.get(str(h), str(h)) for h in attributes.Headers]
                attributes.Headers = Array([String(h) for h in heads])


# --- outline and metadata ------------------------------------------------------------------------


def _bookmarks(pdf: Pdf, pages: dict[tuple[int, int], int]) -> Iterator[Bookmark]:
    """A part's bookmarks in document order, with their pages in the part (``pages``: page
    index by object)."""
    with pdf.open_outline() as outline:
        stack = list(reversed(outline.root))
        while stack:
            item = stack.pop()
            dest = item.destination
            if not isinstance(dest, Array):  # Typst gives each an explicit destination
                raise TypeError(f"the bookmark {item.title!r} has no page destination")
            yield str(item.title), pages[dest[0].objgen], [float(x) for x in dest[2:5]]
            stack += reversed(item.children)


def _outline(out: Pdf, marks: list[Bookmark], levels: Sequence[int]) -> None:
    if len(marks) != len(levels):
        raise ValueError(f"{len(marks)} bookmarks in the parts for {len(levels)} headings")
    with out.open_outline() as outline:
        open_at: dict[int, OutlineItem] = {}
        for (title, page, (left, top, zoom)), level in zip(marks, levels, strict=True):
            item = OutlineItem(title, page, "XYZ", left=left, top=top, zoom=zoom)
            parent = next((open_at[lv] for lv in range(level - 1, 0, -1) if lv in open_at), None)
            if parent:
                parent.is_closed = True  # as Typst writes a bookmark with bookmarks under it
            (parent.children if parent else outline.root).append(item)
            open_at = {lv: it for lv, it in open_at.items() if lv < level} | {level: item}


_NPAGES = re.compile(rb"<xmpTPg:NPages>\d+</xmpTPg:NPages>")


def _page_count(out: Pdf) -> None:
    if "/Metadata" not in out.Root:
        return
    xmp = out.Root.Metadata
    count = b"<xmpTPg:NPages>%d</xmpTPg:NPages>" % len(out.pages)
    xmp.write(_NPAGES.sub(count, xmp.read_bytes()))
