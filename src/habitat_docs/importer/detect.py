"""The language of a version: its script (Han, Arabic, Cyrillic), else the language whose
subtitle its masthead prints, else the language whose name of the session it prints (an
informal document has no subtitle)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from habitat_docs.compose.language import available
from habitat_docs.importer.lines import Version
from habitat_docs.importer.masthead import subtitle_of
from habitat_docs.importer.words import session_ordinal

__all__ = ["detect_language"]

# A script's share of the letters that names its language (the six UN languages).
_SCRIPTS = {"CJK": "zh", "ARABIC": "ar", "CYRILLIC": "ru"}
_SHARE = 0.3
_YEAR = re.compile(r"(?<!\d)(2\d\d\d)(?!\d)")


def _script_language(version: Version) -> str | None:
    letters: Counter[str] = Counter()
    for ln in version.body[:200]:
        for ch in ln.text:
            if ch.isalpha():
                letters[unicodedata.name(ch, "?").split(" ")[0]] += 1
    total = sum(letters.values())
    for script, code in _SCRIPTS.items():
        if total and letters[script] / total >= _SHARE and code in available():
            return code
    return None


def detect_language(version: Version) -> str | None:
    """The language ``version`` is written in, or None when neither script nor masthead says."""
    code = _script_language(version)
    if code:
        return code
    latin = tuple(c for c in available() if c not in _SCRIPTS.values())
    found = subtitle_of(version.masthead, latin)
    return found[0] if found else _session_language(version, latin)


def _session_language(version: Version, langs: tuple[str, ...]) -> str | None:
    """The one language of ``langs`` in which a masthead line names a session ("First
    session of 2020")."""
    for ln in version.masthead:
        if m := _YEAR.search(ln.text):
            named = [c for c in langs if session_ordinal(c, int(m.group(1)), ln.text)]
            if len(named) == 1:
                return named[0]
    return None
