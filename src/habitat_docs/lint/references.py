"""References typed as text where {ref:…} belongs ("para. 6", "第6段", "sect. III"), found
with the builder's own wording of each language; and "above" or "below" beside a {ref:…}
whose target is not where the words say."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence

from habitat_docs.compose.wording import PINS, ReferenceWording, form_pattern
from habitat_docs.lint.rules import Rules
from habitat_docs.lint.texts import BREAK, Rendered

__all__ = ["Typed", "direction_problems"]

# Where a rendered reference has its pinpoints: characters no printed text holds.
_NUMBERED = ("paragraph", "operative")
_PINNED = ("section", "figure", "table")
_UP_TO = 40  # sections, figures and tables named by pinpoints up to this number
# A document's symbol or a decision's number: a reference beside one may be to it.
_SYMBOL_LIKE = re.compile(r"(?<![A-Za-z0-9/])(?:[A-Z][A-Za-z.]*/)*\d+(?:/[A-Za-z0-9.]+)+")
_SENTENCE_END = re.compile(r"[。；;]|\.\s")
_NEAR = 24


class Typed:
    """The references one language's wording would print, with any number as pinpoint."""

    def __init__(self, wording: ReferenceWording) -> None:
        lang = wording.language
        forms: list[re.Pattern[str]] = []
        for kind in (*_NUMBERED, *_PINNED):
            pins = (
                [r"\d+"]
                if kind in _NUMBERED
                else [lang.phrase(f"pin_{kind}", n) for n in range(1, _UP_TO)]
            )
            pin = "|".join(
                p if p == r"\d+" else re.escape(p) for p in sorted(pins, key=len, reverse=True)
            )
            chars = "0-9" if kind in _NUMBERED else re.escape("".join(sorted(set("".join(pins)))))
            for n in (3, 2, 1):
                forms.append(
                    _pattern(lang.reference(kind, PINS[:n], None), f"(?:{pin})(?![{chars}])")
                )
            if kind in _NUMBERED:
                ranged = lang.reference(kind, [lang.phrase("range", *PINS[:2])], None)
                forms.insert(len(forms) - 3, _pattern(ranged, f"(?:{pin})(?![{chars}])"))
        self.forms = forms

    def find(self, prose: str) -> Iterator[str]:
        """The references typed in ``prose``, longest first, none overlapping, none beside
        another document's symbol."""
        taken: list[tuple[int, int]] = []
        for form in self.forms:
            for m in form.finditer(prose):
                if not any(m.start() < b and a < m.end() for a, b in taken):
                    taken.append((m.start(), m.end()))
        masked = prose  # the references' own abbreviations ("sect. II") end no sentence
        for a, b in taken:
            masked = masked[:a] + "~" * (b - a) + masked[b:]
        for a, b in sorted(taken):
            if not _elsewhere(masked, a, b):
                yield prose[a:b]


def _pattern(form: str, pin: str) -> re.Pattern[str]:
    """A rendered reference as a pattern, up to its last pinpoint (what follows a spaced
    pinpoint, " of the draft decision", may be left out): spaces any space, the first letter
    in either case, a whole word."""
    last = max(form.rfind(p) for p in PINS)
    tail = form[last + 1 :]
    if tail[:1].isspace():
        form = form[: last + 1]
    spaced = form[0].isalnum() and unicodedata.east_asian_width(form[0]) not in "WF"
    return re.compile((r"(?<!\w)" if spaced else "") + form_pattern(form, pin))


def _elsewhere(text: str, start: int, end: int) -> bool:
    """Whether a symbol or decision number stands beside the reference, in its sentence:
    "para. 7 of decision 2023/4", "第2023/4号决定第7段"."""
    for s in _SYMBOL_LIKE.finditer(text):
        gap = text[s.end() : start] if s.end() <= start else text[end : s.start()]
        if (
            (s.end() <= start or s.start() >= end)
            and len(gap) <= _NEAR
            and not _SENTENCE_END.search(gap)
        ):
            return True
    return False


def direction_problems(
    shown: Rendered, place: int, ids: Mapping[str, int], rules: Rules
) -> Iterator[str]:
    """ "above" beside a {ref:…} whose targets all come after the text, "below" beside one
    whose targets all come before it (the words each language uses: its [lint] table)."""
    text = shown.text
    for start, end, piece in shown.spans:
        if piece.kind != "ref":
            continue
        places = [ids[t] for t in piece.targets if t in ids]
        if not places:
            continue
        said = _said(text[:start], text[end:], rules)
        if said == "earlier" and min(places) > place:
            yield f"{{ref:{','.join(piece.targets)}}} is said to come before (“{_words(rules.earlier)}”) but comes after this text"
        elif said == "later" and max(places) < place:
            yield f"{{ref:{','.join(piece.targets)}}} is said to come after (“{_words(rules.later)}”) but comes before this text"


def _said(before: str, after: str, rules: Rules) -> str | None:
    for name, forms in (("earlier", rules.earlier), ("later", rules.later)):
        for head, tail in forms:
            if head and not _ends_with(before, head):
                continue
            if tail and not _starts_with(after, tail):
                continue
            return name
    return None


def _starts_with(text: str, words: str) -> bool:
    words = words.strip()
    text = text.lstrip().replace(BREAK, " ")
    return text.startswith(words) and not (
        _spaced(words[-1:]) and text[len(words) : len(words) + 1].isalnum()
    )


def _ends_with(text: str, words: str) -> bool:
    words = words.strip()
    text = text.rstrip().replace(BREAK, " ")
    return text.endswith(words) and not (
        _spaced(words[:1]) and text[-len(words) - 1 : -len(words)].isalnum()
    )


def _spaced(ch: str) -> bool:
    """Whether ``ch`` is a letter of a script that spaces its words (a word's edge needs a
    space or a mark beside it; a Chinese character's does not)."""
    return ch.isalnum() and unicodedata.east_asian_width(ch) not in "WF"


def _words(forms: Sequence[tuple[str, str]]) -> str:
    return "”, “".join(f"{h}{t}".strip() for h, t in forms)
