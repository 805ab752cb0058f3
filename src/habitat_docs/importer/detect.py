"""The language of a version: its script (Han, Arabic, Cyrillic), else the language whose
subtitle its masthead prints, else the language whose name of the session it prints (an
informal document has no subtitle), else the language tag the file declares (last: a word
processor's default tag often outlives a translation)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from habitat_docs.compose.language import available
from habitat_docs.importer.lines import Version
from habitat_docs.importer.masthead import subtitle_of
from habitat_docs.importer.words import session_ordinal

__all__ = ["Detected", "detect_language"]

# The language found, and what told it ("its script", "its subtitle" …).
Detected = tuple[str, str]

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


def detect_language(version: Version) -> Detected | None:
    """The language ``version`` is written in and what told it, or None when neither its
    script, its masthead nor its language tag says."""
    code = _script_language(version)
    if code:
        return code, "its script"
    latin = tuple(c for c in available() if c not in _SCRIPTS.values())
    if found := subtitle_of(version.masthead, latin):
        return found[0], "its subtitle"
    if code := _session_language(version, latin):
        return code, "the name of its session"
    tag = (version.document.lang or "").replace("_", "-").split("-")[0].lower()
    return (tag, f"its language tag {version.document.lang}") if tag in available() else None


def _session_language(version: Version, langs: tuple[str, ...]) -> str | None:
    """The one language of ``langs`` in which a masthead line names a session ("First
    session of 2020")."""
    for ln in version.masthead:
        if m := _YEAR.search(ln.text):
            named = [c for c in langs if session_ordinal(c, int(m.group(1)), ln.text)]
            if len(named) == 1:
                return named[0]
    return None
