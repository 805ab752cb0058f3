"""Word's automatic list numbering, as Word displays it: the label of each numbered paragraph
from numbering.xml (abstract numbering levels, their start values, number formats and level
texts such as "%1." or "(%2)", a list instance's start overrides, restarts of lower levels,
numbering carried by a paragraph style or linked through a numbering style).

The checker reads these labels in front of the paragraph text, exactly as it reads labels typed
by hand, so a list that skips or repeats a number is found either way.

    >>> from lxml import etree
    >>> W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    >>> numbering = etree.fromstring(f'''<w:numbering {W}>
    ...   <w:abstractNum w:abstractNumId="0">
    ...     <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    ...       <w:lvlText w:val="%1."/></w:lvl>
    ...     <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    ...       <w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>
    ...   <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>''')
    >>> lists = WordLists(numbering, None)
    >>> [lists.label("1", level) for level in (0, 1, 1, 0, 1)]
    ['1.\\t', '(a)\\t', '(b)\\t', '2.\\t', '(a)\\t']
"""

from __future__ import annotations

import re

from attrs import evolve, frozen
from lxml import etree

from habitat_docs.check.labels import chinese, letter, roman
from habitat_docs.check.words import ABJAD

__all__ = ["WordLists"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
_LEVELS = 9
_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}
_PLACE = re.compile("%([1-9])")  # a level's number in a level text
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _number(fmt: str, n: int) -> str:
    """``n`` in a Word number format; formats the checker has no use for read as decimal,
    as Word shows a format it does not know."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter"):
        return letter(n) if fmt == "lowerLetter" else letter(n).upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return roman(n).lower() if fmt == "lowerRoman" else roman(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional") and n < 100:
        return chinese(n)
    if fmt == "arabicAbjad" and 0 < n <= len(ABJAD):
        return ABJAD[n - 1]
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return str(n).translate(_FULL_WIDTH)
    return str(n)


@frozen
class Level:
    """One level of a list: where it starts, how its number is written, the text around it,
    after which levels it restarts (``restart``: 0-based levels above it whose use restarts it;
    None: any level above it) and what follows the label."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False  # isLgl: the numbers of the levels above are written as decimals
    suffix: str = "\t"
    style: str | None = None  # the paragraph style this level is linked to


def _val(el: etree._Element | None, tag: str, default: str | None = None) -> str | None:
    child = el.find(_W + tag) if el is not None else None
    return child.get(_VAL, default) if child is not None else default


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(lvl: etree._Element, base: Level | None = None) -> Level:
    base = base or Level()
    restart = _val(lvl, "lvlRestart")
    legal = _val(lvl, "isLgl", "1")
    return Level(
        start=_int(_val(lvl, "start"), base.start),
        fmt=_val(lvl, "numFmt") or base.fmt,
        text=_val(lvl, "lvlText", base.text) or "",
        restart=_int(restart, 0) if restart is not None else base.restart,
        legal=legal not in ("0", "false", "off") if lvl.find(_W + "isLgl") is not None else base.legal,
        suffix=_SUFFIX.get(_val(lvl, "suff") or "tab", "\t"),
        style=_val(lvl, "pStyle", base.style),
    )


def _levels(abstract: etree._Element) -> dict[int, Level]:
    out = {}
    for lvl in abstract.findall(_W + "lvl"):
        ilvl = _int(lvl.get(_W + "ilvl"), -1)
        if 0 <= ilvl < _LEVELS:
            out[ilvl] = _level(lvl)
    return out


@frozen
class _Instance:
    """A w:num: its abstract numbering, its levels (with overrides) and the levels it restarts
    (startOverride) the first time it is used."""

    abstract: str
    levels: dict[int, Level]
    restarts: frozenset[int]


class WordLists:
    """The numbering of one DOCX (numbering.xml and styles.xml elements, either may be None);
    :meth:`label` gives the next displayed label, so paragraphs must be asked in document
    order. Counters are kept per abstract numbering, as Word shares them between the list
    instances of one abstract numbering unless an instance overrides its start."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self._styles = _styles(styles)
        self._instances = _instances(numbering, self._styles) if numbering is not None else {}
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()

    @property
    def active(self) -> bool:
        """Whether the file defines any list at all (most of ours do not)."""
        return bool(self._instances)

    def numbering(self, num_id: str | None, ilvl: str | None, style: str | None) -> tuple[str, int] | None:
        """The list instance and level of a paragraph: its own w:numPr (``num_id``, ``ilvl``)
        else the one its style carries (through the styles it is based on); None when not
        numbered (numId 0 turns a style's numbering off)."""
        chain = self._style_numbering(style)
        num = num_id if num_id is not None else chain[0]
        if num is None or num == "0" or num not in self._instances:
            return None
        level = ilvl if ilvl is not None else chain[1]
        if level is None:  # a style's numbering without a level: the level linked to the style
            levels = self._instances[num].levels
            level = next((str(k) for k, v in levels.items() if style and v.style == style), "0")
        return num, min(max(_int(level, 0), 0), _LEVELS - 1)

    def _style_numbering(self, style: str | None) -> tuple[str | None, str | None]:
        num: str | None = None
        ilvl: str | None = None
        seen: set[str] = set()
        while style is not None and style not in seen and style in self._styles:
            seen.add(style)
            s_num, s_ilvl, style = self._styles[style]
            num = num if num is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        return num, ilvl

    def label(self, num_id: str, level: int) -> str:
        """The label (with its tab or space) Word displays for the next paragraph of list
        instance ``num_id`` at ``level``; advances the counters."""
        inst = self._instances[num_id]
        counters = self._counters.setdefault(inst.abstract, [None] * _LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            for k in inst.restarts:
                counters[k] = None
        current = counters[level]
        counters[level] = inst.levels.get(level, Level()).start if current is None else current + 1
        for k in range(level + 1, _LEVELS):
            restart = inst.levels.get(k, Level()).restart
            if restart is None or level < restart:
                counters[k] = None
        return _display(inst.levels, counters, level)


def _display(levels: dict[int, Level], counters: list[int | None], level: int) -> str:
    lvl = levels.get(level, Level())
    if lvl.fmt == "bullet":
        return lvl.text + lvl.suffix if lvl.text else ""

    def number(m: re.Match[str]) -> str:
        k = int(m.group(1)) - 1
        ref = levels.get(k, Level())
        value = counters[k]
        fmt = "decimal" if lvl.legal and k != level and ref.fmt != "none" else ref.fmt
        return _number(fmt, ref.start if value is None else value)

    label = _PLACE.sub(number, lvl.text)
    return label + lvl.suffix if label.strip() else ""


def _styles(styles: etree._Element | None) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Style id → (numId, ilvl, the style it is based on), for paragraph and numbering styles."""
    out: dict[str, tuple[str | None, str | None, str | None]] = {}
    if styles is None:
        return out
    for st in styles.iter(_W + "style"):
        sid = st.get(_W + "styleId")
        if sid is None:
            continue
        num_pr = st.find(f"{_W}pPr/{_W}numPr")
        out[sid] = (_val(num_pr, "numId"), _val(num_pr, "ilvl"), _val(st, "basedOn"))
    return out


def _instances(numbering: etree._Element, styles: dict[str, tuple[str | None, str | None, str | None]]) -> dict[str, _Instance]:
    abstracts = {a.get(_W + "abstractNumId", ""): a for a in numbering.iter(_W + "abstractNum")}
    nums = {n.get(_W + "numId", ""): n for n in numbering.iter(_W + "num")}
    out = {}
    for num_id, num in nums.items():
        abstract_id = _linked(_val(num, "abstractNumId") or "", abstracts, nums, styles)
        if abstract_id not in abstracts:
            continue
        levels = _levels(abstracts[abstract_id])
        restarts = set()
        for override in num.findall(_W + "lvlOverride"):
            k = _int(override.get(_W + "ilvl"), -1)
            if not 0 <= k < _LEVELS:
                continue
            lvl = override.find(_W + "lvl")
            if lvl is not None:
                levels[k] = _level(lvl, levels.get(k))
            start = _val(override, "startOverride")
            if start is not None:
                levels[k] = evolve(levels.get(k, Level()), start=_int(start, 1))
                restarts.add(k)
            elif lvl is not None and lvl.find(_W + "start") is not None:
                restarts.add(k)
        out[num_id] = _Instance(abstract_id, levels, frozenset(restarts))
    return out


def _linked(
    abstract_id: str,
    abstracts: dict[str, etree._Element],
    nums: dict[str, etree._Element],
    styles: dict[str, tuple[str | None, str | None, str | None]],
) -> str:
    """Follow w:numStyleLink: an abstract numbering that only names a numbering style takes
    the levels of the abstract numbering that style's list instance uses."""
    seen = set()
    while abstract_id in abstracts and abstract_id not in seen:
        seen.add(abstract_id)
        link = _val(abstracts[abstract_id], "numStyleLink")
        if link is None or link not in styles or styles[link][0] not in nums:
            break
        abstract_id = _val(nums[styles[link][0]], "abstractNumId") or ""  # type: ignore[index]
    return abstract_id
