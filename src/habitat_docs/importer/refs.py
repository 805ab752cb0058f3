"""References printed in the text ("para. 15", "paras. 4 and 5", "第十一节") made {ref:…}
again, their long forms ("paragraph 15") {reference:…}, their targets given ids that read
(introduction-para-2).

Each language's wording comes from its templates: the builder's own references to the
document's targets (compose/wording.py), rendered once with placeholders where the pinpoints
go, the pinpoints of the actual targets put in. A reference resolves only when every
language finds the same targets in the same text and the builder would print it exactly so
again; a reference that does not (no such target, the languages disagree, another document's
symbol beside it) stays text and is reported, as a warning and a comment on its text."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any

from attrs import define

from habitat_docs.compose.numerals import alpha, roman
from habitat_docs.compose.wording import PINS, ReferenceWording, form_pattern
from habitat_docs.errors import DataError
from habitat_docs.importer.ids import ascii_id
from habitat_docs.load.converter import structure
from habitat_docs.number import Label, number

__all__ = ["resolve_references"]

Comments = dict[tuple[str | int, ...], str]
DataPath = tuple[str | int, ...]
# Where a rendered reference has its pinpoints: characters no printed text holds.
# Kinds whose pinpoints are the composer's bare numbers (never a language's).
_NUMBERED = ("paragraph", "operative")
# The kinds a text may name by number though the document lacks them; the numbers tried.
_LOOKALIKE_KINDS = ("section", "figure", "table")
_LOOKALIKE_UP_TO = 40
_PROVISIONAL = "import-ref-target-"
# A document's symbol or a decision's or resolution's number: written in Latin letters and
# figures in every language. A reference this near one, in its sentence, may be to it.
_SYMBOL_LIKE = re.compile(r"(?<![A-Za-z0-9/])(?:[A-Z][A-Za-z.]*/)*\d+(?:/[A-Za-z0-9.]+)+")
_BREAK = re.compile(r"[。；;]|\.\s")
_NEAR = 24
# The fields a loadable copy of the document stands in for (and its summary: no target).
_MASTHEAD = frozenset({"kind", "languages", "title", "symbol", "issued", "session", "agenda",
                       "summary", "distribution", "original"})  # fmt: skip


@define
class _Found:
    """A reference found in one language's text: ``targets`` empty when it names none."""

    start: int
    end: int
    text: str
    targets: tuple[str, ...] = ()
    capital: bool | None = False  # None: a script without capitals (Arabic, Chinese)
    long: bool | None = False  # None: the language's long and short forms read the same
    why: str = ""


# What a reference beside another document's symbol or decision number is taken to be.
_ANOTHER = "another document"


@define
class _Target:
    path: DataPath  # the node in the data
    stem: str  # the id it is named after: its section's or its decision's
    parent: DataPath | None = None  # a subparagraph's paragraph


@define
class _Form:
    pattern: re.Pattern[str]
    group: tuple[str, str | None]
    ranged: bool = False
    real: bool = True  # the document's pinpoints; else any number (a lookalike)
    target: str | None = None  # the one target a form without pinpoints names
    long: bool | None = False  # the long form ("paragraph 15"); None: both forms read so


def resolve_references(
    data: dict[str, Any], langs: Sequence[str], warnings: list[str], comments: Comments
) -> None:
    """Every reference of ``data`` (an imported document, every text in ``langs``) that
    resolves made {ref:…}; its targets given ids. A document that does not load (its data
    will not build) keeps its references as text, which a comment on the file says."""
    scratch = _loadable(data, langs)
    targets = _provisional(scratch)
    try:
        doc = structure(scratch)
    except DataError as e:  # the YAML will not build either: its errors say why, once
        why = f"references left as text: the document does not load ({_spaced(str(e))})"
        comments[()] = f"{comments[()]}; {why}" if () in comments else why
        return
    numbering = number(doc)
    finders = {lang: _Finder(ReferenceWording(doc, lang, numbering), numbering.targets)
               for lang in langs}  # fmt: skip
    names = _readable(targets, numbering.targets, _ids(data))
    used: set[str] = set()
    notes: list[tuple[dict[str, str], str]] = []
    for path, text in _texts(data, langs):
        for why in _resolve(text, finders, names, used):
            notes.append((text, why))
            if not why.endswith(_ANOTHER):  # text as it should be: said in a comment only
                warnings.append(f"{_field(path)}: {why}")
    _name_targets(data, targets, names, used)
    where = {id(text): path for path, text in _texts(data, langs)}
    for text, why in notes:
        path = where[id(text)]
        comments[path] = f"{comments[path]}; {why}" if path in comments else why


def _loadable(data: Mapping[str, Any], langs: Sequence[str]) -> dict[str, Any]:
    """A copy of ``data`` that loads whatever its masthead lacks or misreads, stand-ins in
    its place: the targets and their numbers are all a reference needs."""
    stand_in = {lang: "-" for lang in langs}
    out: dict[str, Any] = {
        "kind": data.get("kind"), "languages": list(langs), "title": stand_in,
        "symbol": "HSP/EB.2024/1", "issued": "2024-01-03",
        "session": {"year": 2024, "ordinal": 1, "start": "2024-01-03", "end": "2024-01-04",
                    "venue": stand_in},
        "agenda": {"symbol": "HSP/EB.2024/1", "items": [{"number": 1, "title": stand_in}]},
    }  # fmt: skip
    out.update((k, copy.deepcopy(v)) for k, v in data.items() if k not in _MASTHEAD)
    return out


def _resolve(
    text: dict[str, str], finders: Mapping[str, _Finder], names: Mapping[str, str], used: set[str]
) -> list[str]:
    """Rewrite ``text`` (one text in every language) with the references every language
    agrees on; the others, as reasons."""
    found = {lang: finder.find(text[lang]) for lang, finder in finders.items()}
    counts = {lang: Counter(f.targets for f in fs if f.targets) for lang, fs in found.items()}
    first = next(iter(counts.values()))
    agreed = {t for t in first if all(c[t] == first[t] for c in counts.values())}
    styles = _styles(found.values(), agreed)
    why: dict[str, list[str]] = {}  # reason -> the references left for it, in each language
    for lang, fs in found.items():
        out, at = [], 0
        seen: Counter[tuple[str, ...]] = Counter()
        for f in fs:
            if f.targets in agreed:
                style = styles.get((f.targets, seen[f.targets]), {})
                seen[f.targets] += 1
                long = style.get("long", False) if f.long is None else f.long
                capital = style.get("capital", False) if f.capital is None else f.capital
                out += [text[lang][at : f.start], _markup(f.targets, long, capital, names)]
                at = f.end
                used.update(f.targets)
            else:
                reason = f.why or "not found in every language version"
                why.setdefault(reason, []).append(f"“{f.text}” ({lang})")
        text[lang] = "".join(out) + text[lang][at:]
    return [
        f"{', '.join(refs)}: a reference left as text: {reason}" for reason, refs in why.items()
    ]


def _styles(
    found: Iterable[list[_Found]], agreed: set[tuple[str, ...]]
) -> dict[tuple[tuple[str, ...], int], dict[str, bool]]:
    """Whether the n-th reference to the same targets is long, and capitalised, told by the
    languages that show it: a language with one form ("第15段") or no capitals follows them."""
    out: dict[tuple[tuple[str, ...], int], dict[str, bool]] = {}
    for fs in found:
        seen: Counter[tuple[str, ...]] = Counter()
        for f in fs:
            if f.targets in agreed:
                style = out.setdefault((f.targets, seen[f.targets]), {})
                seen[f.targets] += 1
                if f.long is not None:
                    style.setdefault("long", f.long)
                if f.capital is not None:
                    style.setdefault("capital", f.capital)
    return out


def _markup(targets: tuple[str, ...], long: bool, capital: bool, names: Mapping[str, str]) -> str:
    """{ref:…}, {Ref:…}, {reference:…} or {Reference:…} naming ``targets``."""
    name = "reference" if long else "ref"
    name = name[:1].upper() + name[1:] if capital else name
    return f"{{{name}:{','.join(names[t] for t in targets)}}}"


class _Finder:
    """The references of one language's text, by the builder's wording of that language."""

    def __init__(self, wording: ReferenceWording, targets: Mapping[str, Label]) -> None:
        self.wording = wording
        self.pins: dict[tuple[str, str | None], dict[str, str]] = {}
        self.numbers: dict[tuple[str, str | None], dict[int, str]] = {}
        words: list[_Form] = []  # targets printed without a number: "annex" (the only one)
        for id_, label in targets.items():
            group, pin = wording.group(label), wording.pin(label)
            if group[0] == "decision":
                continue  # "the draft decision" is too common a phrase to be read as one
            if not pin:
                for text, long in _styles_of(partial(wording.reference, (id_,))):
                    words.append(_Form(_word(text), group, target=id_, long=long))
                continue
            self.pins.setdefault(group, {})[pin] = id_
            if label.kind in _NUMBERED:
                self.numbers.setdefault(group, {})[label.number] = id_
        self.forms = [
            *(f for group, pins in self.pins.items() for f in self.forms_of(group, _either(pins))),
            *words,
            *self.lookalikes(),
        ]

    def forms_of(self, group: tuple[str, str | None], pin: str, real: bool = True) -> list[_Form]:
        """The references to one, two or three targets of ``group``, and to a range, their
        pinpoints matching ``pin``."""
        kind, annex = group
        lang = self.wording.language
        renders: list[Callable[[bool], str]] = [partial(lang.reference, kind, PINS[:n], annex) for n in (1, 2, 3)]
        if kind in _NUMBERED:  # a range, last: "paras. 3–5", "paragraphs 3 to 5"
            renders.append(lambda long: lang.reference(kind, [self.range(long)], annex, long))
        return [
            _Form(_pattern(text, pin), group, ranged=k == 3, real=real, long=long)
            for k, render in enumerate(renders)
            for text, long in _styles_of(render)
        ]

    def range(self, long: bool) -> str:
        """A range's wording, its ends where the pinpoints go."""
        lang = self.wording.language
        return lang.phrase("range", *PINS[:2], long) if long else lang.phrase("range", *PINS[:2])

    def lookalikes(self) -> list[_Form]:
        """Forms with any number where the pinpoint goes: a reference to what is not there."""
        lang = self.wording.language
        out = [f for kind in _NUMBERED for f in self.forms_of((kind, None), r"\d+", real=False)]
        for kind in _LOOKALIKE_KINDS:
            pins = {lang.phrase(f"pin_{kind}", n) for n in range(1, _LOOKALIKE_UP_TO)}
            out += self.forms_of((kind, None), _either(pins), real=False)
        return out

    def find(self, text: str) -> list[_Found]:
        """The references in ``text``, longest first, none overlapping; the document's own
        before lookalikes."""
        candidates = [(not form.real, -(m.end() - m.start()), m.start(), form, m)
                      for form in self.forms for m in form.pattern.finditer(text)]  # fmt: skip
        taken: list[_Found] = []
        for *_, form, m in sorted(candidates, key=lambda c: c[:3]):
            if any(m.start() < t.end and t.start < m.end() for t in taken):
                continue
            found = self.found(form, m)
            other = _elsewhere(text, found.start, found.end)
            if found.targets and other:
                found.targets, found.why = (), f"it may be one of {other}, {_ANOTHER}"
            taken.append(found)
        return sorted(taken, key=lambda t: t.start)

    def found(self, form: _Form, m: re.Match[str]) -> _Found:
        pins = [p for p in m.groups() if p is not None]
        first = m.group()[:1]
        capital = None if first.lower() == first.upper() else first != first.lower()
        found = _Found(m.start(), m.end(), m.group(), capital=capital, long=form.long)
        ids = [form.target] if form.target else [self.pins.get(form.group, {}).get(p) for p in pins]
        if not form.real or None in ids:
            found.why = f"no {form.group[0]} {', '.join(pins)} in the document"
            return found
        targets = tuple(i for i in ids if i is not None)
        numbers = self.numbers.get(form.group, {})
        ends = [n for t in targets for n, i in numbers.items() if i == t]
        if form.ranged and len(ends) == 2:  # a range names every paragraph from first to last
            targets = tuple(numbers[n] for n in range(ends[0], ends[-1] + 1) if n in numbers)
        printed = self.wording.reference(targets, form.long is True)
        if _spaced(printed).lower() != _spaced(found.text).lower():
            found.why = f"the builder would print “{_spaced(printed)}”"
            return found
        found.targets = targets
        return found


def _styles_of(render: Callable[[bool], str]) -> list[tuple[str, bool | None]]:
    """A reference's short and long forms, each with whether it is the long one; one form
    (None) where they read the same, or where the language has no long references."""
    short = render(False)
    try:
        long = render(True)
    except (ValueError, DataError):
        return [(short, False)]
    return [(short, None)] if long == short else [(short, False), (long, True)]


def _pattern(form: str, pin: str) -> re.Pattern[str]:
    """A rendered reference as a pattern: its pinpoints ``pin``, its spaces any space, its
    first letter in either case (a reference may open a sentence)."""
    return re.compile(form_pattern(form, f"({pin})(?!\\d)"))


def _word(reference: str) -> re.Pattern[str]:
    """A reference without a number ("annex", "附件") as a pattern: a whole word where words
    are spaced, its first letter in either case."""
    pattern = _pattern(reference, "")
    spaced = [not unicodedata.east_asian_width(ch).startswith(("W", "F")) for ch in reference]
    before = r"(?<!\w)" if spaced[0] else ""
    after = r"(?!\w)" if spaced[-1] else ""
    return re.compile(f"{before}{pattern.pattern}{after}")


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _elsewhere(text: str, start: int, end: int) -> str | None:
    """The symbol or decision number ("2023/4", "A/RES/76/4") next to the reference at
    ``start``–``end`` of ``text``, in the same sentence: the reference may be to a paragraph of
    that document ("para. 7 of decision 2023/4", "第2023/4号决定第7段")."""
    near: list[tuple[int, str]] = []
    for m in _SYMBOL_LIKE.finditer(text):
        gap = text[m.end() : start] if m.end() <= start else text[end : m.start()]
        if (m.end() <= start or m.start() >= end) and len(gap) <= _NEAR and not _BREAK.search(gap):
            near.append((len(gap), m.group()))
    return min(near)[1] if near else None


def _either(pins: Iterator[str] | Mapping[str, str] | set[str]) -> str:
    """Any of ``pins``, the longest tried first."""
    return "|".join(re.escape(p) for p in sorted(pins, key=len, reverse=True))


# --- the targets in the data ---


def _targets_in(box: Mapping[str, Any], path: DataPath, stem: str) -> Iterator[_Target]:
    """The paragraphs, subparagraphs and operative paragraphs under ``box`` (the document,
    an annex, a section), each with the id of what holds it."""
    for key in ("annexes", "sections", "subsections"):
        for k, sub in enumerate(box.get(key, [])):
            yield from _targets_in(sub, (*path, key, k), str(sub.get("id", stem)))
    for k, item in enumerate(box.get("content", [])):
        here = (*path, "content", k)
        if "text" in item:
            yield _Target(here, stem)
            yield from _subparagraphs(item, here, stem)
        elif "decision" in item:
            for j, op in enumerate(item["decision"].get("operative", [])):
                yield _Target((*here, "decision", "operative", j), str(item["id"]))
                yield from _subparagraphs(op, (*here, "decision", "operative", j), stem)


def _subparagraphs(node: Mapping[str, Any], path: DataPath, stem: str) -> Iterator[_Target]:
    for j, sub in enumerate(node.get("subparagraphs", []) if "text" in node else []):
        yield _Target((*path, "subparagraphs", j), stem, parent=path)
        yield from _subparagraphs(sub, (*path, "subparagraphs", j), stem)


def _at(data: Any, path: DataPath) -> Any:
    for key in path:
        data = data[key]
    return data


def _provisional(scratch: dict[str, Any]) -> dict[str, _Target]:
    """Every target of ``scratch`` given an id (its own where it has one), by that id."""
    out: dict[str, _Target] = {}
    for n, target in enumerate(_targets_in(scratch, (), "")):
        node = _at(scratch, target.path)
        if "text" not in node:  # an operative paragraph as its text alone
            node = {"text": node}
            _at(scratch, target.path[:-1])[target.path[-1]] = node
        node.setdefault("id", f"{_PROVISIONAL}{n}")
        out[node["id"]] = target
    return out


def _readable(
    targets: Mapping[str, _Target], labels: Mapping[str, Label], taken: set[str]
) -> dict[str, str]:
    """Ids that read for the provisional ones: the section's id and the paragraph's number
    (introduction-para-2), a subparagraph's letters after its paragraph's (…-para-2-b)."""
    names = {i: i for i in labels}
    by_path = {t.path: i for i, t in targets.items()}
    for id_, t in targets.items():
        if not id_.startswith(_PROVISIONAL):
            continue
        label = labels.get(id_)
        if label is None:  # an unnumbered paragraph: no target, its subparagraphs are
            base = f"{t.stem}-text"
        elif t.parent is not None:
            mark = alpha(label.number) if label.depth % 2 else roman(label.number).lower()
            base = f"{names[by_path[t.parent]]}-{mark}"
        else:
            base = f"{t.stem}-para-{label.number}"
        base = ascii_id(base)
        name, n = base, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        names[id_] = name
    return names


def _name_targets(
    data: dict[str, Any], targets: Mapping[str, _Target], names: Mapping[str, str], used: set[str]
) -> None:
    """The targets the references name given their ids in ``data``."""
    for id_ in used:
        target = targets.get(id_)
        if target is None or not id_.startswith(_PROVISIONAL):
            continue
        node = _at(data, target.path)
        if "text" not in node:
            node = {"text": node}
            _at(data, target.path[:-1])[target.path[-1]] = node
        node["id"] = names[id_]


def _ids(data: Any) -> set[str]:
    """Every id ``data`` gives."""
    if isinstance(data, Mapping):
        own = {str(data["id"])} if "id" in data else set()
        return own.union(*(_ids(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(_ids(v) for v in data))
    return set()


def _texts(
    data: Any, langs: Sequence[str], path: DataPath = ()
) -> Iterator[tuple[DataPath, dict[str, str]]]:
    """Every text of the summary, sections and annexes: one text in every language."""
    if isinstance(data, dict):
        if set(data) == set(langs) and all(isinstance(v, str) for v in data.values()):
            yield path, data
            return
        for key, value in data.items():
            if path or key in ("summary", "sections", "annexes"):
                yield from _texts(value, langs, (*path, key))
    elif isinstance(data, list):
        for k, value in enumerate(data):
            yield from _texts(value, langs, (*path, k))


def _field(path: DataPath) -> str:
    """sections[2].content[3].text"""
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path).lstrip(".")
