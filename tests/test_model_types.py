"""Models built in code refuse values of the wrong type with a DataError naming the field
(not attrs' TypeError), and refuse values that would print another figure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import habitat_docs as hd
from habitat_docs import Text as T
from habitat_docs.errors import format_path

TITLE = T(en="Budget", zh="预算")
DAY = dt.date(2024, 5, 6)


def _session(**kw: Any) -> hd.Session:
    fields: dict[str, Any] = {"year": 2024, "ordinal": 1, "start": DAY, "end": dt.date(2024, 5, 8), "online": True}
    return hd.Session(**{**fields, **kw})


def _update(**kw: Any) -> hd.ActivityUpdate:
    fields: dict[str, Any] = {
        "name": "update", "issued": dt.date(2024, 3, 7), "session": _session(), "title": TITLE,
        "sections": (hd.Section(TITLE, (hd.Paragraph(T(en="Text.", zh="文字。")),)),),
    }  # fmt: skip
    return hd.ActivityUpdate(**{**fields, **kw})


def _problem(make: Callable[[], object]) -> str:
    """The one problem ``make`` raises, as ``field: message``."""
    with pytest.raises(hd.DataError) as err:
        make()
    assert not isinstance(err.value, TypeError)
    (problem,) = err.value.problems
    return f"{format_path(problem.path)}: {problem.message}"


CASES: list[tuple[str, Callable[[], object], str]] = [
    ("a fraction for an item number", lambda: hd.AgendaItem(12.5, TITLE),
     "number: expected a whole number, got float 12.5"),
    ("a bool for an item number", lambda: hd.AgendaItem(True, TITLE),
     "number: expected a whole number, got bool True"),
    ("an item number below 1", lambda: hd.AgendaItem(0, TITLE), "number: expected 1 or more, got 0"),
    ("a string for a text", lambda: hd.AgendaItem(12, "Budget"),
     "title: expected a text (Text(en=…, zh=…)), got str 'Budget'"),
    ("a datetime for a session's start", lambda: _session(start=dt.datetime(2024, 5, 6, 9, 30)),
     "start: expected a date, got datetime datetime.datetime(2024, 5, 6, 9, 30) (give its .date())"),
    ("a string for a date", lambda: _session(end="2024-05-08"),
     "end: expected a date, got str '2024-05-08'"),
    ("a year as a string", lambda: _session(year="2024"), "year: expected a whole number, got str '2024'"),
    ("a year out of range", lambda: _session(year=1999), "year: 1999 is not between 2019 and 2999"),
    ("a word for a flag", lambda: _session(online="yes"), "online: expected true or false, got str 'yes'"),
    ("a datetime for the date of issue", lambda: _update(issued=dt.datetime(2024, 3, 7)),
     "issued: expected a date, got datetime datetime.datetime(2024, 3, 7, 0, 0) (give its .date())"),
    ("a list for a tuple", lambda: hd.Section(TITLE, []),
     "content: expected a tuple, got list [] (write tuple(…) or (…,))"),
    ("a string among blocks", lambda: hd.Section(TITLE, ("Text.",)),
     ("content[0]: expected one of Paragraph, Table, Figure, TargetBox, PreSession, DraftDecision, "
      "got str 'Text.'")),
    ("a text for a subparagraph", lambda: hd.Paragraph(TITLE, subparagraphs=(TITLE,)),
     "subparagraphs[0]: expected Subparagraph, got Text Text(versions=(('en', 'Budget'), ('zh', '预算')))"),
    ("a string in nested subparagraphs", lambda: hd.Subparagraph(TITLE, subparagraphs=("(i) x",)),
     "subparagraphs[0]: expected Subparagraph, got str '(i) x'"),
    ("a number for a flag", lambda: hd.Paragraph(TITLE, numbered=0),
     "numbered: expected true or false, got int 0"),
    ("a string for a symbol", lambda: hd.Agenda("HSP/EB.2024/1", (hd.AgendaItem(1, TITLE),)),
     "symbol: expected Symbol, got str 'HSP/EB.2024/1'"),
    ("a number for facts", lambda: _update(facts=5), "facts: expected a mapping of facts by name, got int 5"),
    ("a string for a fact", lambda: _update(facts={"total": "243.6 million"}),
     "facts.total: not a fact: '243.6 million'"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_wrong_value_is_a_data_error_naming_its_field(make: Callable[[], object], message: str) -> None:
    assert _problem(make) == message


def test_the_right_values_still_make_models() -> None:
    item = hd.AgendaItem(12, TITLE, sub="a")
    assert (item.label, _session().start, _update().issued) == ("12 (a)", DAY, dt.date(2024, 3, 7))
    assert hd.Paragraph(TITLE, numbered=False).numbered is False


def test_a_wrong_value_deep_in_a_document_names_the_part_built() -> None:
    """A model stops at the part built wrong: the document is never made."""
    with pytest.raises(hd.DataError, match=r"^number: expected a whole number, got float 3\.0$"):
        _update(agenda=hd.Agenda(hd.Symbol("HSP/EB.2024/1"), (hd.AgendaItem(3.0, TITLE),)))
