"""The checks that span a whole document: ids, languages, footnotes, and every name a text uses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any, Protocol

from attrs import Factory, define

from habitat_docs.errors import DataError, Path, did_you_mean, format_path
from habitat_docs.model.blocks import MAX_SUBPARAGRAPH_DEPTH, PreSession, Subparagraph, Table
from habitat_docs.model.facts import Fact
from habitat_docs.model.inline import (
    DocRef,
    Emph,
    Inline,
    ItemRef,
    Note,
    Ref,
    Str,
    Strong,
    TableMark,
)  # fmt: skip
from habitat_docs.model.inline import Fact as FactUse
from habitat_docs.model.masthead import DocumentRef
from habitat_docs.model.nodes import Node, Outline, texts, walk
from habitat_docs.model.text import Text

__all__ = ["Whole", "validate"]

# Texts that are set as headings or masthead lines cannot carry notes or references.
_PLAIN = {"heading", "title", "venue"}


class Whole(Outline, Protocol):
    """What the checks read of a document, beyond its outline."""

    @property
    def title(self) -> Text: ...

    @property
    def languages(self) -> frozenset[str]: ...

    @property
    def facts(self) -> Mapping[str, Fact]: ...

    @property
    def documents(self) -> tuple[DocumentRef, ...]: ...


@define
class _Names:
    """What the texts of a document name, each with the path of the text that names it."""

    refs: list[tuple[Path, str]] = Factory(list)  # ids, by {ref:…}
    facts: list[tuple[Path, str]] = Factory(list)  # by {fact:…}
    items: list[tuple[Path, str]] = Factory(list)  # agenda items, by {item:…}
    documents: list[tuple[Path, str]] = Factory(list)  # by {doc:…} and pre-session lines


def validate(doc: Whole, declared: bool = False) -> None:
    """Raise every problem of the whole document at once (DataError listing them in order).
    ``declared``: the document's languages are its own list, not its title's, so a text may
    hold a language beyond them."""
    problems: list[DataError] = []
    ids: dict[str, Path] = {}
    names = _Names()
    all_texts: list[tuple[Path, Text]] = [(("title",), doc.title)]
    for path, node in walk(doc):
        problems += _node_problems(path, node, ids)
        if isinstance(node, PreSession):
            names.documents.append(((*path, "doc"), node.doc))
        node_texts = list(texts(path, node))
        problems += _mark_problems(path, node, node_texts)
        all_texts.extend(node_texts)
    langs, misspelt = doc.languages, None if declared else _misspelt_title(all_texts)
    if misspelt is not None:  # one message at the title, not two at every other text
        problems.append(misspelt[0])
        langs = misspelt[1]
    for path, text in all_texts:
        own = text.languages if misspelt is not None and path == ("title",) else langs
        problems += _text_problems(path, text, own, names, declared or misspelt is not None)
    problems += _unknown_names(doc, ids, names)
    if problems:
        raise DataError.join(problems)


def _node_problems(path: Path, node: Node, ids: dict[str, Path]) -> list[DataError]:
    """An id used twice, or subparagraphs nested too deep; records the node's id."""
    problems = []
    node_id = getattr(node, "id", None)
    if node_id is not None:
        if node_id in ids:
            problems.append(
                DataError(f"id '{node_id}' is already used at {format_path(ids[node_id])}", (*path, "id"))
            )
        ids.setdefault(node_id, path)
    if isinstance(node, Subparagraph) and path.count("subparagraphs") > MAX_SUBPARAGRAPH_DEPTH:
        problems.append(DataError(f"subparagraphs nest at most {MAX_SUBPARAGRAPH_DEPTH} deep", path))
    return problems


def _mark_problems(path: Path, node: Node, node_texts: list[tuple[Path, Text]]) -> list[DataError]:
    """Table note marks ({tnote:id}) only in a table's heads and cells, each naming a note
    of that table; every table note marked at least once."""
    notes = [n.id for n in node.table_notes] if isinstance(node, Table) else []
    problems, used = [], set()
    for tpath, text in node_texts:
        cell = isinstance(node, Table) and tpath[len(path)] in ("rows", "columns")
        for lang in sorted(text.languages):
            for mark in _markup(text.inline(lang))[TableMark]:
                here = (*tpath, lang)
                if not cell:
                    problems.append(DataError("a table note mark {tnote:…} belongs in a table's cells", here))
                elif mark.id not in notes:
                    hint = did_you_mean(mark.id, notes) or " (list it under table_notes:)"
                    problems.append(DataError(f"unknown table note '{mark.id}'{hint}", here))
                used.add(mark.id)
    problems += [DataError(f"table note '{n}' is marked in no cell", (*path, "table_notes", j))
                 for j, n in enumerate(notes) if n not in used]  # fmt: skip
    return problems


def _text_problems(
    path: Path, text: Text, langs: frozenset[str], names: _Names, declared: bool
) -> list[DataError]:
    """A text without one of the document's languages (or, when the title gives them, with
    another), with footnote counts or facts that differ between its languages, or a heading
    with a note; records the names it uses."""
    problems = _language_problems(path, text, langs, declared)
    found = {lang: _markup(text.inline(lang)) for lang in text.languages}
    counts = {lang: len(m[Note]) for lang, m in found.items()}
    if len(set(counts.values())) > 1:
        detail = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
        problems.append(DataError(f"footnote counts differ between languages ({detail})", path))
    for lang in sorted(text.languages):
        m, here = found[lang], (*path, lang)
        if path[-1] in _PLAIN and (m[Note] or m[Ref]):
            problems.append(DataError("a heading or title cannot carry footnotes or references", here))
        names.refs.extend((here, t) for r in m[Ref] for t in r.targets)
        names.facts.extend((here, f.name) for f in m[FactUse])
        names.documents.extend((here, d.id) for d in m[DocRef])
        names.items.extend((here, i.id) for i in m[ItemRef])
    named = {lang: {f.name for f in m[FactUse]} for lang, m in found.items()}
    if len({frozenset(v) for v in named.values()}) > 1:
        detail = "; ".join(f"{k}: {', '.join(sorted(v)) or 'none'}" for k, v in sorted(named.items()))
        problems.append(DataError(f"the languages name different facts ({detail})", path))
    return problems


def _language_problems(path: Path, text: Text, langs: frozenset[str], declared: bool) -> list[DataError]:
    """One problem for the languages a text lacks; one for those it has beyond the title's
    (a document that lists its languages lets its texts hold more: translations under way)."""
    missing, extra = langs - text.languages, text.languages - langs
    if len(missing) == 1 and len(extra) == 1 and not declared:  # one code misspelt: one message
        ((wrong,), (right,)) = extra, missing
        return [DataError(f"{wrong} is not a language of the title (did you mean '{right}'?)", path)]
    problems = []
    if missing:
        texts = "text" if len(missing) == 1 else "texts"
        problems.append(DataError(f"missing the {', '.join(sorted(missing))} {texts}", path))
    if extra and not declared:
        problems.append(DataError(f"{', '.join(sorted(extra))} is not a language of the title", path))
    return problems


def _misspelt_title(all_texts: list[tuple[Path, Text]]) -> tuple[DataError, frozenset[str]] | None:
    """The title's languages with a code misspelt (``eng`` where every other text has ``en``):
    the problem to report, and the languages the texts do have."""
    (_, title), others = all_texts[0], [t.languages for _, t in all_texts[1:]]
    if not others:
        return None
    common = max(set(others), key=others.count)
    odd, lacking = title.languages - common, common - title.languages
    if not odd or not lacking or any(odd & langs for langs in others):
        return None
    hint = did_you_mean(min(odd), lacking) if len(odd) == 1 else ""
    message = f"the title has {', '.join(sorted(odd))} where the other texts have {', '.join(sorted(lacking))}{hint}"
    return DataError(message, ("title",)), common


def _unknown_names(doc: Whole, ids: dict[str, Path], names: _Names) -> list[DataError]:
    """References, facts, agenda items and documents named but not declared; documents
    listed twice."""
    problems = [DataError(f"reference to unknown id '{target}'{did_you_mean(target, ids)}", path)
                for path, target in _once_per_text(names.refs) if target not in ids]  # fmt: skip
    problems += [DataError(f"unknown fact '{name}'{_suggest_fact(name, doc.facts)}", path)
                 for path, name in _once_per_text(names.facts) if name not in doc.facts]  # fmt: skip
    problems += [
        DataError(f"unknown agenda item '{item_id}' (give it an id in the agenda)", path)
        for path, item_id in _once_per_text(names.items)
        if doc.agenda is None or doc.agenda.item(item_id) is None
    ]
    known = [d.id for d in doc.documents]
    problems += [DataError(f"document id '{d.id}' is listed twice", ("documents", i, "id"))
                 for i, d in enumerate(doc.documents) if known.index(d.id) != i]  # fmt: skip
    problems += [DataError(f"unknown document '{doc_id}'{_suggest_document(doc_id, known)}", path)
                 for path, doc_id in _once_per_text(names.documents) if doc_id not in known]  # fmt: skip
    return problems


def _once_per_text(named: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """A name used in several languages of one text (paths ``(*text, lang)``) once, at the
    text: one mistake (an id misspelt where it is declared) gives one message, not one a
    language."""
    texts: dict[tuple[Path, str], list[Path]] = {}
    for path, name in named:
        texts.setdefault((path[:-1], name), []).append(path)
    return [(paths[0] if len(paths) == 1 else text, name) for (text, name), paths in texts.items()]


def _markup(nodes: tuple[Inline, ...]) -> defaultdict[type, list[Any]]:
    """Every markup node of a text (notes, references, facts …) by type, in one walk."""
    out: defaultdict[type, list[Any]] = defaultdict(list)
    stack = list(reversed(nodes))
    while stack:
        n = stack.pop()
        if not isinstance(n, Str):
            out[type(n)].append(n)
        if isinstance(n, Emph | Strong | Note):
            stack.extend(reversed(n.children))
    return out


def _suggest_fact(name: str, facts: Mapping[str, Fact]) -> str:
    if not facts:
        return " (declare it under facts:)"
    return did_you_mean(name, facts) or " (not declared under facts:)"


def _suggest_document(doc_id: str, known: list[str]) -> str:
    return did_you_mean(doc_id, known) or " (list it under documents:)"
