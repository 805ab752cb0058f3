"""The line of every key of a TOML file, by field path: tomllib keeps no positions.

Only for text tomllib has already accepted: the scanner follows TOML's lexical rules
(strings of four kinds, comments, bare and dotted keys, arrays, inline tables, table and
array-of-tables headers) but does not check them. A path gets the line where its key is
written: ``("sections", 0, "content", 2, "text")`` the line of ``text = …`` inside the
third ``[[sections.content]]`` of the first ``[[sections]]``; an element of an array, the
line where the element starts.

    >>> key_lines('title = "x"\\n[[sections]]\\nid = "a"\\n')
    {('title',): 1, ('sections',): 2, ('sections', 0): 2, ('sections', 0, 'id'): 3}
"""

from __future__ import annotations

import re

from habitat_docs.errors import Path

__all__ = ["key_lines"]

# Tokens: strings (multi-line first), punctuation, newlines, comments, and bare words (keys,
# numbers, dates, booleans). Spaces and tabs separate them.
_TOKEN = re.compile(
    r'(?P<str>"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""+|\'\'\'(?:[^\']|\'(?!\'\'))*\'\'\'+'
    r'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\')'
    r"|(?P<punct>[\[\]{}=,.])"
    r"|(?P<nl>\r?\n)"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<word>[^\s\[\]{}=,.#\"']+(?:\.[0-9][^\s\[\]{}=,.#\"']*)*)"
    r"|(?P<space>[ \t]+)"
)
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class _Scanner:
    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str, int]] = []  # (kind, text, line)
        self.starts: list[int] = []  # where each token starts in the text
        line = 1
        for m in _TOKEN.finditer(text):
            kind = m.lastgroup or ""
            if kind not in ("space", "comment"):
                self.tokens.append((kind, m.group(), line))
                self.starts.append(m.start())
            line += m.group().count("\n")
        self.i = 0
        self.lines: dict[Path, int] = {}

    def peek(self, skip_newlines: bool = False) -> tuple[str, str, int]:
        while skip_newlines and self.i < len(self.tokens) and self.tokens[self.i][0] == "nl":
            self.i += 1
        return self.tokens[self.i] if self.i < len(self.tokens) else ("end", "", 0)

    def take(self, skip_newlines: bool = False) -> tuple[str, str, int]:
        token = self.peek(skip_newlines)
        self.i += 1
        return token

    def key(self) -> list[str]:
        """A bare, quoted or dotted key (the parser of numbers makes "1.5" one word; as a
        key it is two parts)."""
        parts = []
        while True:
            kind, text, _ = self.take()
            if kind == "str":
                parts.append(_unquote(text))
            else:
                parts.extend(text.split("."))
            if self.peek()[1] != ".":
                return parts
            self.take()

    def note(self, path: Path, line: int) -> None:
        self.lines.setdefault(path, line)

    def keyval(self, table: Path) -> None:
        line = self.peek()[2]
        parts = self.key()
        for k in range(1, len(parts) + 1):
            self.note((*table, *parts[:k]), line)
        self.take()  # =
        self.value((*table, *parts))

    def value(self, path: Path) -> None:
        text = self.peek(skip_newlines=True)[1]
        if text == "[":
            self.take()
            index = 0
            while self.peek(skip_newlines=True)[1] != "]":
                if self.peek()[0] == "end":
                    raise ValueError("unclosed array")
                self.note((*path, index), self.peek(skip_newlines=True)[2])
                self.value((*path, index))
                index += 1
                if self.peek(skip_newlines=True)[1] == ",":
                    self.take(skip_newlines=True)
            self.take(skip_newlines=True)
        elif text == "{":
            self.take()
            while self.peek()[1] != "}":
                if self.peek()[0] in ("end", "nl"):
                    raise ValueError("unclosed inline table")
                self.keyval(path)
                if self.peek()[1] == ",":
                    self.take()
            self.take()
        else:  # a string, or a word: a number, date, time or boolean
            self.take()
            while self.peek()[0] == "word":  # a date and a time separated by a space
                self.take()

    def document(self) -> dict[Path, int]:
        table: Path = ()
        counts: dict[Path, int] = {}  # path of an array of tables -> its current index
        while self.peek()[0] != "end":
            kind, text, line = self.peek()
            if kind == "nl":
                self.take()
            elif text == "[":
                self.take()
                many = self.peek()[1] == "[" and self.starts[self.i] == self.starts[self.i - 1] + 1
                if many:  # "[[": an array of tables
                    self.take()
                parts = self.key()
                self.take()  # ]
                if many:
                    self.take()  # ]
                table = ()
                for part in parts[:-1]:
                    table = (*table, part)
                    if table in counts:
                        table = (*table, counts[table])
                table = (*table, parts[-1])
                self.note(table, line)
                if many:
                    counts[table] = counts.get(table, -1) + 1
                    table = (*table, counts[table])
                    self.note(table, line)
            else:
                self.keyval(table)
        return self.lines


def _unquote(token: str) -> str:
    if token.startswith("'"):
        return token[1:-1]
    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)', _escape, token[1:-1])


def _escape(m: re.Match[str]) -> str:
    code = m.group(1)
    if code[0] in "uU" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _ESCAPES.get(code, code)


def key_lines(text: str) -> dict[Path, int]:
    """The line of every field path of a TOML text that tomllib accepted; what cannot be
    followed is left out (the error then names the nearest enclosing field's line)."""
    scanner = _Scanner(text)
    try:
        return scanner.document()
    except (IndexError, ValueError, RecursionError):
        return scanner.lines
