"""Lines to label tokens. A token is a candidate only: whether "2." is a paragraph or a
heading, or "(i)" a letter or a roman numeral, is decided in context by ``resolve``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from attrs import evolve, frozen

from habitat_docs.check.document import Line
from habitat_docs.check.labels import (
    arabic_key,
    fmt,
    from_arabic,
    from_chinese,
    from_letter,
    from_roman,
)
from habitat_docs.check.words import ABJAD, ANNEX, CAPTIONS, CONJUNCTIONS, DECISION, UNITS

__all__ = ["STRUCTURAL", "SUB_SCHEMES", "Token", "classify"]

# Kinds: num (1., 1 -), dec (1.1), upper (I. or A.), chinese (一、 or 一.), cjk_sub (（一）),
# section_word (أولا -, الأول -), subsection_word (ألف -), paren ((a), (i), a), i), (أ), ’1‘),
# dot (a., i.), bullet, annex, figure, table, note (numbered footnote text), star (* footnote text), ref (a footnote
# reference mark in the text), decision (the heading of a draft decision, whose operative
# paragraphs are numbered 1, 2, … on their own).
STRUCTURAL = frozenset(
    {"num", "dec", "upper", "chinese", "cjk_sub", "section_word", "subsection_word", "annex"}
)

# A subparagraph label's shape → the schemes (labels.fmt) of its two readings: (a) or (i),
# a) or i), a. or i.; "(أ)" stands for both Arabic shapes, (أ) at the first depth, ’1‘ below.
SUB_SCHEMES = {"(a)": ("(a)", "(i)"), "a)": ("a)", "i)"), "a.": ("a.", "i."), "(أ)": ("(أ)", "’1‘")}


@frozen
class Token:
    kind: str
    label: str  # the label as printed
    line: Line
    value: int = 0
    alt: tuple[int | None, int | None] = (None, None)  # (letter, roman) readings of a label
    dec: tuple[int, ...] = ()
    rest: str = ""  # the text after the label
    before_break: bool = False  # in the last lines before a page break (text mode)
    after_prose: bool = False  # the line before runs on: it ends without punctuation, unlabelled
    inline: bool = False  # the label before it stands inside a recent line: "…；(b) …；\n(c) …"
    scheme: str = ""  # how labels of this shape print (labels.fmt; SUB_SCHEMES for paren, dot)
    titled: bool = False  # a heading's shape: a short line with no final stop, a label next


# A PDF holds no space where an Arabic label's tab is ("1 -طلب …"): an Arabic letter may
# follow the label at once.
_ARABIC_NEXT = "(?=[\u0600-\u06ff])"
_NUM = re.compile(r"(\d{1,5})\.(?:\s+|(?=[^\d\s.,%])|$)(.*)")
# "12 - The Board …": Arabic paragraphs (a Western digit, a space, a hyphen), never "6 - 8 May".
_LARGE = 1000  # paragraph numbers from here on are read once the count is within 100 of them
_DASH_NUM = re.compile(rf"(\d{{1,3}}) [-–](?:\s+(?=\D)|{_ARABIC_NEXT}|$)(.*)")
_DEC = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\.?(?:\s+|(?=[^\d\s.,%]))(.*)")
# After a label: a space or, when an extraction drops the tab, a capitalised word (or, after
# "A." and "IV.", a CJK character); never "U.S." nor the pinpoint "第 5 (e)段".
_CAPITALISED = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё]"
_AFTER = rf"(?:\s+|(?={_CAPITALISED}))"
_PAREN = re.compile(rf"[(（]([a-z]{{1,2}}|[ivxl]{{1,7}})[)）](?:{_AFTER}|$)(.*)")
_CLOSE = re.compile(rf"([a-z]{{1,2}}|[ivxl]{{1,7}})\)(?:{_AFTER}|$)(.*)")  # "a)", "ii)"
_DOT = re.compile(rf"([a-z]{{1,2}}|[ivxl]{{1,7}})\.{_AFTER}(.*)")
_ABJAD = "|".join(re.escape(a) for a in sorted({*ABJAD, *map(arabic_key, ABJAD)}, key=len, reverse=True))
_ABJAD_PAREN = re.compile(rf"\(\s*({_ABJAD})\s*\)(?:\s+|{_ARABIC_NEXT}|$)(.*)")  # "(أ)", "(هـ)"
_QUOTED = re.compile(rf"[’'`‘]\s*(\d{{1,2}})\s*[‘'`’](?:\s+|{_ARABIC_NEXT}|$)(.*)")  # "’1‘", "`1'"
_UPPER = re.compile(rf"([A-Z]{{1,7}})\.(?:\s+|(?={_CAPITALISED}|[\u4e00-\u9fff])|$)(.*)")
# Chinese sections: "一、" or "一." (a full-width "．" too); subsections "（一）".
_CHINESE = re.compile(r"([一二三四五六七八九十]{1,3})([、.．])\s*(.*)")
_CHINESE_SCHEME = {"、": "chinese", ".": "chinese.", "．": "chinese."}
_CJK_PAREN = re.compile(r"[(（]([一二三四五六七八九十]{1,3})[)）]\s*(.*)")
_CJK_PAREN_INSIDE = re.compile(r"[(（][一二三四五六七八九十]{1,3}[)）]")
_CJK_NUMERALS = frozenset("一二三四五六七八九十")
_NUMERAL = r"[IVXLC]{1,6}|[一二三四五六七八九十]{1,3}|\d{1,2}|[\u0600-\u06ff]+(?: عشر)?"
_ANNEX = re.compile(rf"({'|'.join(ANNEX)})\s*({_NUMERAL})?\s*\**")
_CAPTION = re.compile(rf"({'|'.join(w for ws in CAPTIONS.values() for w in ws)})\s*({_NUMERAL})\s*\**")
_CAPTION_KIND = {w: kind for kind, ws in CAPTIONS.items() for w in ws}
# "Draft decision 2024/…", "Projet de décision II", "第2024/…号决定草案", "决定草案": the whole line.
_DECISION = re.compile(
    rf"(?:{'|'.join(DECISION)})(?:\s+(?:\d{{4}}/\S+|[IVX]{{1,4}}))?"
    r"|(?:第\s*\d{4}/\S+?\s*号)?决定草案(?:[一二三四五六七八九十]{1,2})?"
)
_DECISION_STARTS = frozenset(w[0] for w in DECISION) | {"第", "决"}
_WORD_STARTS = frozenset(w[0] for w in (*ANNEX, *_CAPTION_KIND))
# "أولا - مقدمة", "الأول -" (a table of contents), "ألف -": a word, then " - ".
_WORD_LABEL = re.compile(rf"([^\W\d_][^-–\d]{{0,24}}?)\s*[-–](?:\s+|{_ARABIC_NEXT}|$)(.*)")
_SUPER = re.compile(r"([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(.*)")
_NOTE = re.compile(r"(\d{1,3})\s+(.*)")
_STAR = re.compile(r"(\*{1,3})\s*(.*)")
_BULLET = re.compile(r"[-•▪●◦‣]\s+\S")
_SUPER_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_SPACES = str.maketrans({"\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " "})
# A scan finds them faster than str.translate looks up every character of a line.
_SPACED = re.compile("[" + "".join(map(chr, _SPACES)) + "]")
_UNIT = re.compile("|".join(UNITS))
_BREAK_WINDOW = 6
_CONTENTS = re.compile(r"(?:(?:\.\s?){3,}|…+|·{3,})\s*\d{1,3}\s*$")
_END = re.compile(r"[.。:：;；!?！？)）\]】\"”’»*؛؟]$")
# A sentence's end, or a list item's: never a heading's ("1. Programme delivery (subprogramme 1)").
_STOP = re.compile(r"[.。:：;；!?！？,，、؛؟]$")
_TITLE_LENGTH = 150  # a heading, wrapped on two lines at most


def classify(lines: Sequence[Line]) -> list[Token]:
    tokens: list[Token] = []
    run_on = False  # the previous line ends mid-sentence and carries no label
    recent: list[str] = []  # the last few body lines
    decision = False  # in a draft decision: "Исполнительный совет,\n1. принимает …" is numbered
    last = 0  # the last paragraph number read: "2024." is a year unless the count is near it
    for ln in lines:
        if ln.role in ("head", "foot"):
            continue
        count = len(tokens)
        if ln.role == "note":
            tokens.extend(_note(ln))
        elif ln.role == "body":
            for segment in _segments(ln.text):
                tok = _token(ln, segment)
                if tok is None:
                    continue
                decision = decision or tok.kind == "decision"
                if tok.kind == "num" and tok.value >= _LARGE and last < _LARGE - 100:
                    continue  # "2024. The Board …" after a line break: a year, not paragraph 2024
                last = tok.value if tok.kind == "num" else last
                if run_on and tok.kind in ("num", "paren", "dot") and _lower(tok.rest) and not (decision and tok.kind == "num"):
                    continue  # "… paragraph 3\n(a) of decision 2023/4": prose
                if _CONTENTS.search(tok.rest):
                    continue  # a table of contents: "I. Introduction ........ 3"
                if tok.kind in ("num", "paren", "dot") and (_inline_before(tok, recent) or _inline_after(tok)):
                    tok = evolve(tok, inline=True)
                tokens.append(evolve(tok, after_prose=run_on) if run_on else tok)
        text = ln.text.rstrip()
        if text:
            run_on = len(tokens) == count and not _END.search(text) and ln.role == "body"
            if ln.role == "body":
                recent = [*recent[-2:], text.strip()]
        if ln.role != "note":  # a note line's marks repeat its own label
            tokens.extend(Token("ref", m, ln, int(m) if m.isdigit() else 0) for m in ln.marks)
    _mark_breaks(lines, tokens)
    _mark_titles(lines, tokens)
    return tokens


def _readings(tok: Token) -> list[tuple[str, int]]:
    """(scheme, value) of each reading of a paragraph or subparagraph label."""
    if tok.kind == "num":
        return [(tok.scheme, tok.value)]
    pair = SUB_SCHEMES.get(tok.scheme, ("", ""))
    return [(scheme, v) for scheme, v in zip(pair, tok.alt) if v]


def _label_pattern(label: str) -> str:
    """Where a label stands inside a line: "4." not in "1.4.", "b." and "b)" after a space or
    a separator, "(b)" in either kind of parenthesis."""
    body = re.escape(label).replace("\\(", "[(（]").replace("\\)", "[)）]")
    if label[0].isdigit():
        return rf"(?<![\d.]){body}(?!\d)"
    if label[0] in "(’":
        return body
    return rf"(?<=[\s；;，,：:؛،]){body}"


_PARENS = re.compile(r"[()]")


def _inline_before(tok: Token, recent: list[str]) -> bool:
    """Whether the label before this one stands inside one of the recent lines (not at
    its start): then this one continues an enumeration run into the text."""
    for scheme, value in _readings(tok):
        if value < 2:
            continue
        label = fmt(scheme, value - 1)
        # A pattern is compiled only for the lines that hold the label's literal pieces after
        # their start: one pattern per paragraph number overflows re's cache, and compiling
        # them cost more than the rest of the classification.
        lines = [ln for ln in recent if all(ln.find(x, 1) > 0 for x in _PARENS.split(label))]
        if lines and any(re.compile(_label_pattern(label)).search(line, 1) for line in lines):
            return True
    return False


_CONJUNCTION = "|".join(CONJUNCTIONS)


def _inline_after(tok: Token) -> bool:
    """Whether the next label of the series follows in this line after a separator: then the
    line starts an enumeration run into the text ("(a) …; (b) …"), which a line wrapped back
    to the text edge may begin with, and no subparagraph."""
    if tok.kind != "paren":
        return False
    forms = [re.escape(fmt(s, v + 1)).replace("\\(", "[(（]").replace("\\)", "[)）]") for s, v in _readings(tok)]
    return any(
        re.search(rf"[；;，,：:؛،]\s*(?:(?:{_CONJUNCTION})\s*)?{f}", tok.rest) for f in forms
    )


def _lower(text: str) -> bool:
    return text[:1].islower()


def _segments(text: str) -> Iterator[str]:
    """The text, or its bold runs where an extraction glued them ("**1. X****1.1 Y**")."""
    text = (text.translate(_SPACES) if _SPACED.search(text) else text).strip()
    if text.startswith("**") and text[2:3] not in ("", " ", "*") and "**" not in text[2:]:
        text = text[2:]  # an opening bold marker, closed on a later line
    if "****" in text or (len(text) > 4 and text.startswith("**") and text.endswith("**")):
        for seg in text.split("****"):
            yield seg.strip().removeprefix("**").removesuffix("**").strip()
    else:
        yield text


def _token(ln: Line, s: str) -> Token | None:
    """The label a line (or a bold run of it) starts with, told by its first character."""
    if not s:
        return None
    c = s[0]
    if c in _DECISION_STARTS and _DECISION.fullmatch(s):
        return Token("decision", s, ln)
    if "0" <= c <= "9":  # not isdigit(): "¹".isdigit() is true
        return _number_label(ln, s)
    if c in "(（" and s[1:2] in _CJK_NUMERALS:
        return _cjk_paren(ln, s)
    if c in "(（’'`‘" or "a" <= c <= "z":
        return _subparagraph(ln, s)
    if "A" <= c <= "Z" or c in _WORD_STARTS:
        found = _capital(ln, s)
        if found is not None or "A" <= c <= "Z":
            return found
    if "\u0600" <= c <= "\u06ff":
        return _word_label(ln, s)
    if c in _CJK_NUMERALS:
        m = _CHINESE.match(s)
        value = from_chinese(m.group(1)) if m else None
        if m and value and len(m.group(3)) <= 200:
            label, scheme = m.group(1) + m.group(2), _CHINESE_SCHEME[m.group(2)]
            return Token("chinese", label, ln, value, rest=m.group(3), scheme=scheme)
        return None
    if c in "¹²³⁴⁵⁶⁷⁸⁹⁰":
        m = _SUPER.match(s)
        if m:
            return Token(
                "note", m.group(1), ln, int(m.group(1).translate(_SUPER_DIGITS)), rest=m.group(2)
            )
        return None
    if c == "*":
        m = _STAR.match(s)
        return Token("star", m.group(1), ln, rest=m.group(2)) if m else None
    if _BULLET.match(s):
        return Token("bullet", c, ln, rest=s[1:].strip())
    return None


def _number_label(ln: Line, s: str) -> Token | None:
    """ "1.", "1 -" or a decimal heading "1.1"."""
    m = _DEC.match(s)
    if m and not _UNIT.match(m.group(4)):
        parts = tuple(int(g) for g in m.groups()[:3] if g is not None)
        return Token("dec", s[: m.start(4)].strip(), ln, parts[0], dec=parts, rest=m.group(4))
    m = _NUM.match(s)
    if m:
        return Token("num", f"{m.group(1)}.", ln, int(m.group(1)), rest=m.group(2), scheme="para")
    m = _DASH_NUM.match(s)
    if m and not _UNIT.match(m.group(2)):
        return Token("num", f"{m.group(1)} -", ln, int(m.group(1)), rest=m.group(2), scheme="n -")
    return None


def _subparagraph(ln: Line, s: str) -> Token | None:
    """ "(a)", "(i)", "a)", "i)", "a.", "i.", "(أ)", "’1‘": each read as a letter and as a
    roman numeral where it can be either (resolve decides)."""
    for pattern, scheme in ((_PAREN, "(a)"), (_CLOSE, "a)"), (_DOT, "a.")):
        m = pattern.match(s)
        if m:
            lab = m.group(1)
            kind = "dot" if scheme == "a." else "paren"
            label = f"({lab})" if scheme == "(a)" else lab + scheme[-1]
            alt = (from_letter(lab), from_roman(lab))
            return Token(kind, label, ln, alt=alt, rest=m.group(2), scheme=scheme)
    m = _ABJAD_PAREN.match(s)
    if m:
        alt = (from_arabic("abjad", m.group(1)), None)
        return Token("paren", f"({m.group(1)})", ln, alt=alt, rest=m.group(2), scheme="(أ)")
    m = _QUOTED.match(s)
    if m:
        alt = (None, int(m.group(1)))
        return Token("paren", f"’{m.group(1)}‘", ln, alt=alt, rest=m.group(2), scheme="(أ)")
    return None


def _capital(ln: Line, s: str) -> Token | None:
    """An annex, a figure or table caption, or a capital label: "I.", "A."."""
    m = _ANNEX.fullmatch(s)
    if m and (m.group(2) is None or _number(m.group(2))):
        scheme = _numbered_scheme(m.group(1), m.group(2), s)
        return Token("annex", m.group(0).rstrip("* "), ln, _number(m.group(2)), scheme=scheme)
    m = _CAPTION.fullmatch(s)
    if m and _number(m.group(2)):
        scheme = _numbered_scheme(m.group(1), m.group(2), s)
        label = m.group(0).rstrip("* ")
        return Token(_CAPTION_KIND[m.group(1)], label, ln, _number(m.group(2)), scheme=scheme)
    m = _UPPER.match(s) if s[0].isascii() else None
    if m and len(m.group(2)) <= 200:
        lab = m.group(1)
        alt = (from_letter(lab) if len(lab) == 1 else None, from_roman(lab))
        if alt != (None, None):
            return Token("upper", f"{lab}.", ln, alt=alt, rest=m.group(2))
    return None


def _cjk_paren(ln: Line, s: str) -> Token | None:
    """A Chinese subsection heading "（一） 成果": short, with no final stop; "（一）确保充足的
    资金；（二）…" runs an enumeration into the text and is no heading."""
    m = _CJK_PAREN.match(s)
    value = from_chinese(m.group(1)) if m else None
    if m is None or not value:
        return None
    rest = m.group(2).strip()
    if len(rest) > 60 or _STOP.search(rest) or _CJK_PAREN_INSIDE.search(rest):
        return None
    return Token("cjk_sub", f"（{m.group(1)}）", ln, value, rest=rest, scheme="（一）")


def _numbered_scheme(word: str, numeral: str | None, s: str) -> str:
    """The scheme of an annex or caption label: "Annex|roman| ", "附件|chinese|",
    "المرفق|ordinal| ", "Table|arabic| "."""
    cjk = word[0] >= "\u3000"
    if numeral is None:
        numerals = "chinese" if cjk else "ordinal" if "\u0600" <= word[0] <= "\u06ff" else "roman"
        return f"{word}|{numerals}|{'' if cjk else ' '}"
    if numeral.isdigit():
        numerals = "arabic"
    elif from_roman(numeral):
        numerals = "roman"
    else:
        numerals = "chinese" if from_chinese(numeral) else "ordinal"
    sep = "" if s[len(word) : len(word) + 1] != " " else " "
    return f"{word}|{numerals}|{sep}"


def _word_label(ln: Line, s: str) -> Token | None:
    """A label in words before " - ": a chapter "أولا -" (or "الأول -" in a table of
    contents), a subsection "ألف -"."""
    m = _WORD_LABEL.match(s)
    if not m or len(m.group(2)) > 200:
        return None
    word, rest = m.group(1), m.group(2)
    for name, kind, scheme in (("adverb", "section_word", "أولا -"),
                               ("ordinal", "section_word", "الأول -"),
                               ("letter-name", "subsection_word", "ألف -")):  # fmt: skip
        value = from_arabic(name, word)
        if value:
            return Token(kind, f"{word.strip()} -", ln, value, rest=rest, scheme=scheme)
    return None


def _note(ln: Line) -> Iterator[Token]:
    """A footnote line read from a PDF: "1 See …" or "* HSP/EB.2024/1."."""
    s = ln.text.strip()
    m = _STAR.match(s)
    if m and m.group(1):
        yield Token("star", m.group(1), ln, rest=m.group(2))
        return
    m = _NOTE.match(s)
    if m:
        yield Token("note", m.group(1), ln, int(m.group(1)), rest=m.group(2))
    # otherwise the continuation of a footnote


def _number(s: str | None) -> int:
    """The number of an annex or caption label: 0 when there is none."""
    if not s:
        return 0
    if s.isdigit():
        return int(s)
    return from_roman(s) or from_chinese(s) or from_arabic("ordinal", s) or 0


def _mark_breaks(lines: Sequence[Line], tokens: list[Token]) -> None:
    """Flag tokens in the last few lines before a running head or page number (text only):
    a footnote there can look like a paragraph number."""
    if not lines or lines[0].size is not None or lines[0].style is not None:
        return
    breaks = [ln.line for ln in lines if ln.role == "head"]
    if not breaks:
        return
    filled = [0] * (lines[-1].line + 2)  # filled[n]: non-blank lines up to line n
    for ln in lines:
        filled[ln.line] = 1 if ln.text.strip() else 0
    for n in range(1, len(filled)):
        filled[n] += filled[n - 1]
    for i, tok in enumerate(tokens):
        at = tok.line.line
        k = bisect.bisect_right(breaks, at)
        if k == len(breaks):
            continue
        brk = breaks[k]
        if filled[brk - 1] - filled[at] <= _BREAK_WINDOW:
            tokens[i] = evolve(tok, before_break=True)


def _mark_titles(lines: Sequence[Line], tokens: list[Token]) -> None:
    """Flag paragraph-number tokens shaped like a numbered heading ("1. Flagship programmes"):
    their line (and at most one more) is short and ends with no stop, and the next body line
    starts with a label. A paragraph ends with a stop, or runs on into a line of its own."""
    # a decimal number before a word in lower case ("10.30 a.m.") is prose, not a label
    starts = {id(t.line) for t in tokens
              if t.kind not in ("ref", "note") and not (t.kind == "dec" and _lower(t.rest))}  # fmt: skip
    body = [ln for ln in lines if ln.role == "body" and ln.text.strip()]
    at = {id(ln): k for k, ln in enumerate(body)}
    for i, tok in enumerate(tokens):
        k = at.get(id(tok.line)) if tok.kind == "num" else None
        if k is None or tok.inline:
            continue
        text = tok.rest.strip()
        for j in (k + 1, k + 2):
            if _STOP.search(text) or len(text) > _TITLE_LENGTH or text[:1].islower():
                break
            if j < len(body) and id(body[j]) in starts:
                tokens[i] = evolve(tok, titled=bool(text))
                break
            if j >= len(body):
                break
            text = f"{text} {body[j].text.strip()}"
