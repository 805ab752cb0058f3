"""Sessions: symbol allocation, the session file, merging, cross-document references, and
building a session (failure isolation, index, progress, exit status)."""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support import dump_toml

from habitat_docs import DataError, api
from habitat_docs.cli.session import run
from habitat_docs.compose.composer import compose
from habitat_docs.compose.tree import Heading, Para, Span
from habitat_docs.model.symbol import Symbol
from habitat_docs.session.allocation import Request, allocate
from habitat_docs.session.batch import build_session
from habitat_docs.session.document_file import read_document_file
from habitat_docs.session.index import index_data, render_index
from habitat_docs.session.plan import load_session
from habitat_docs.session.progress import BarProgress, LineProgress, progress_for
from habitat_docs.session.register import Register, parse_numbers, record_register

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_SESSION = ROOT / "examples" / "session-2024-1.yaml"
S = Symbol

# --- data helpers ---------------------------------------------------------------------------


def doc_data(name: str, en: str = "Text.", zh: str = "文字。", **extra: Any) -> dict[str, Any]:
    """A small document without session, agenda or symbol (the session supplies them)."""
    return {
        "kind": "executive-director-report",
        "issued": "2024-03-07",
        "title": {"en": f"Report {name}", "zh": f"报告{name}"},
        "sections": [
            {
                "heading": {"en": "Introduction", "zh": "导言"},
                "content": [{"text": {"en": en, "zh": zh}}],
            }
        ],
        **extra,
    }


def session_data(documents: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "year": 2024,
        "ordinal": 1,
        "start": "2024-05-06",
        "end": "2024-05-08",
        "venue": {"en": "Nairobi", "zh": "内罗毕"},
        "agenda": {
            "items": [
                {"number": 2, "title": {"en": "Adoption of the agenda", "zh": "通过议程"}},
                {"number": 6, "sub": "a", "id": "budget", "title": {"en": "Budget", "zh": "预算"}},
                {"number": 12, "title": {"en": "Internal management", "zh": "内部管理"}},
            ]
        },
        "documents": documents,
        **extra,
    }


def dump(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), "utf-8")
    return path


def line_of(path: Path, needle: str, after: str | None = None) -> int:
    lines = path.read_text("utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if after in ln) if after else 0
    return next(i for i in range(start, len(lines)) if needle in lines[i]) + 1


def error_of(path: Path) -> str:
    with pytest.raises(DataError) as info:
        load_session(path)
    return str(info.value)


def texts(c: Any) -> str:
    """All the text of a composed document: masthead, blocks, footnotes."""
    out = []
    for line in c.masthead:
        for i in line.content:
            out.append(
                i.text if isinstance(i, Span) else i.mark + "".join(s.text for s in i.content)
            )
    for b in c.blocks:
        if isinstance(b, Para | Heading):
            out.append("".join(i.text if isinstance(i, Span) else "" for i in b.content))
    return "\n".join(out)


# --- allocation (pure) ----------------------------------------------------------------------


def test_first_session_agenda_is_1_and_others_take_next_free_numbers_in_file_order() -> None:
    a = allocate(
        2024, 1, [Request("a"), Request("fixed", S("HSP/EB.2024/3")), Request("b"), Request("c")]
    )
    assert a.agenda == S("HSP/EB.2024/1")
    assert {k: v.text for k, v in a.symbols.items()} == {
        "a": "HSP/EB.2024/2", "fixed": "HSP/EB.2024/3", "b": "HSP/EB.2024/4", "c": "HSP/EB.2024/5",
    }  # fmt: skip
    assert list(a.symbols) == ["a", "fixed", "b", "c"]
    assert a.how == {"a": "allocated", "fixed": "fixed", "b": "allocated", "c": "allocated"}
    assert a.numbers == (1, 2, 3, 4, 5)


def test_fixed_symbol_far_ahead_leaves_the_gap_to_allocation() -> None:
    a = allocate(2024, 1, [Request("s0", S("HSP/EB.2024/11")), Request("x"), Request("y")])
    assert [a[i].text for i in ("s0", "x", "y")] == [
        "HSP/EB.2024/11",
        "HSP/EB.2024/2",
        "HSP/EB.2024/3",
    ]


def test_later_session_agenda_takes_the_next_free_number() -> None:
    a = allocate(2024, 2, [Request("x"), Request("y")], register=Register.of(range(1, 13)))
    assert a.agenda == S("HSP/EB.2024/13")
    assert [a["x"].text, a["y"].text] == ["HSP/EB.2024/14", "HSP/EB.2024/15"]
    assert a.numbers == (13, 14, 15)


def test_later_session_continues_after_the_highest_previous_number() -> None:
    # a gap in the register (5) is not reused: numbers run on through the year
    a = allocate(2024, 3, [Request("x")], register=Register.of([1, 2, 3, 4, 6, 7]))
    assert (a.agenda.text, a["x"].text) == ("HSP/EB.2024/8", "HSP/EB.2024/9")


def test_later_session_given_agenda_symbol() -> None:
    a = allocate(2024, 2, [Request("x")], agenda=S("HSP/EB.2024/19"))
    assert (a.agenda.text, a["x"].text) == ("HSP/EB.2024/19", "HSP/EB.2024/20")


def test_later_session_needs_a_register_or_an_agenda_symbol() -> None:
    with pytest.raises(DataError, match="next number free after those used earlier"):
        allocate(2024, 2, [Request("x")])


def test_collision_of_fixed_symbols_names_both_documents() -> None:
    with pytest.raises(DataError) as info:
        allocate(
            2024,
            1,
            [Request("a", S("HSP/EB.2024/11")), Request("b"), Request("c", S("HSP/EB.2024/11"))],
        )
    msg = str(info.value)
    assert (
        "documents[2].symbol: HSP/EB.2024/11 is also the symbol of document 'a' (documents[0].symbol)"
        in msg
    )


def test_fixed_symbol_may_not_take_the_agenda_number() -> None:
    with pytest.raises(
        DataError, match="HSP/EB.2024/1 is also the symbol of the provisional agenda"
    ):
        allocate(2024, 1, [Request("a", S("HSP/EB.2024/1"))], agenda=S("HSP/EB.2024/1"))
    with pytest.raises(
        DataError, match=r"agenda\.symbol: .*/1, the provisional agenda of the first session"
    ):
        allocate(2024, 1, [Request("a", S("HSP/EB.2024/1"))])


def test_reused_number_from_the_register_is_an_error() -> None:
    register = Register({5: "register-2024.yaml, first session"}, {})
    with pytest.raises(DataError) as info:
        allocate(2024, 2, [Request("a", S("HSP/EB.2024/5"))], register=register)
    assert (
        "HSP/EB.2024/5 is already used earlier in the year (register-2024.yaml, first session)"
        in str(info.value)
    )


def test_fixed_symbols_must_be_hsp_eb_of_the_year() -> None:
    with pytest.raises(DataError) as info:
        allocate(2024, 1, [Request("a", S("HSP/EB.2023/4")), Request("b", S("A/79/76"))])
    msg = str(info.value)
    assert "documents[0].symbol: 'HSP/EB.2023/4' is not a 2024 symbol" in msg
    assert "documents[1].symbol: 'A/79/76' is not an HSP/EB.2024 symbol" in msg


def test_addenda_in_order_and_after_fixed_ones() -> None:
    a = allocate(2024, 1, [
        Request("base", S("HSP/EB.2024/2")),
        Request("add-fixed", S("HSP/EB.2024/2/Add.1")),
        Request("add-a", addendum_of="base"),
        Request("add-b", addendum_of="base"),
        Request("annotations", addendum_of="agenda"),
        Request("next"),
    ])  # fmt: skip
    got = {k: v.text for k, v in a.symbols.items()}
    assert got == {
        "base": "HSP/EB.2024/2",
        "add-fixed": "HSP/EB.2024/2/Add.1",
        "add-a": "HSP/EB.2024/2/Add.2",
        "add-b": "HSP/EB.2024/2/Add.3",
        "annotations": "HSP/EB.2024/1/Add.1",
        "next": "HSP/EB.2024/3",
    }
    assert a.numbers == (1, 2, 3)


def test_a_fixed_addendum_keeps_its_base_number_from_allocation() -> None:
    a = allocate(2024, 1, [Request("x"), Request("add", S("HSP/EB.2024/2/Add.1"))])
    assert a["x"].text == "HSP/EB.2024/3" and a.numbers == (1, 2, 3)


def test_addendum_errors() -> None:
    with pytest.raises(DataError) as info:
        allocate(2024, 1, [
            Request("base"),
            Request("add", addendum_of="base"),
            Request("add-of-add", addendum_of="add"),
            Request("typo", addendum_of="bsae"),
            Request("self", addendum_of="self"),
            Request("both", S("HSP/EB.2024/9"), addendum_of="base"),
        ])  # fmt: skip
    msg = str(info.value)
    assert (
        "documents[2].addendum_of: 'add' is itself an addendum; give the document it is an addendum of ('base')"
        in msg
    )
    assert "documents[3].addendum_of: unknown document 'bsae' (did you mean 'base'?)" in msg
    assert "documents[4].addendum_of: a document cannot be an addendum of itself" in msg
    assert "documents[5].addendum_of: give either symbol or addendum_of, not both" in msg


def test_informal_documents_take_no_number() -> None:
    a = allocate(2024, 1, [Request("update", numbered=False), Request("x")])
    assert "update" not in a.symbols and a["x"] == S("HSP/EB.2024/2")


def test_parse_numbers() -> None:
    numbers, problems = parse_numbers(
        [1, "3-5", "7–8", "HSP/EB.2024/11/Add.1", "12"], 2024, ("previous",)
    )
    assert numbers == [1, 3, 4, 5, 7, 8, 11, 12] and not problems
    _, problems = parse_numbers(["5-3", "HSP/EB.2023/1", 0, "x"], 2024, ("previous",))
    assert [str(p).split(":")[0] for p in problems] == [f"previous[{i}]" for i in range(4)]


@settings(max_examples=150, deadline=None)
@given(
    ordinal=st.integers(1, 3),
    previous=st.sets(st.integers(1, 40), max_size=12),
    plan=st.lists(
        st.tuples(st.sampled_from(["free", "fixed", "addendum"]), st.integers(1, 60)), max_size=12
    ),
)
def test_allocation_properties(
    ordinal: int, previous: set[int], plan: list[tuple[str, int]]
) -> None:
    requests = []
    for i, (how, n) in enumerate(plan):
        if how == "fixed":
            requests.append(Request(f"d{i}", S(f"HSP/EB.2024/{n}")))
        elif how == "addendum" and i:
            requests.append(Request(f"d{i}", addendum_of=f"d{n % i}"))
        else:
            requests.append(Request(f"d{i}"))
    register = Register.of(previous)
    try:
        a = allocate(2024, ordinal, requests, register=register)
    except DataError:
        return  # collisions, reused numbers and addenda of addenda are errors: fine
    every = [a.agenda.text, *(s.text for s in a.symbols.values())]
    assert len(every) == len(set(every)), "symbols are unique"
    plain = [s for s in a.symbols.values() if not s.suffixes]
    assert not {s.number for s in plain} & previous, "no number used earlier in the year is reused"
    if ordinal == 1:
        assert a.agenda.text == "HSP/EB.2024/1" or 1 in previous
    else:  # the next number after those used earlier that no fixed symbol claims
        fixed = {r.symbol.number for r in requests if r.symbol is not None}
        expected = max(previous, default=0) + 1
        while expected in fixed:
            expected += 1
        assert a.agenda.number == expected
    allocated = [a[r.id].number for r in requests if a.how.get(r.id) == "allocated"]
    assert allocated == sorted(allocated), "allocated in file order"
    assert all(n > max(previous, default=0) for n in allocated)


# --- the session file -----------------------------------------------------------------------


def test_unknown_items_and_documents_are_located(tmp_path: Path) -> None:
    path = dump(tmp_path / "session.yaml", session_data([
        {"id": "a", "file": "a.yaml", "items": [7]},
        {"id": "b", "file": "b.yaml", "items": [6]},
        {"id": "c", "file": "c.yaml", "items": ["budgte"], "addendum_of": "z"},
        {"id": "a", "file": "d.yaml", "items": [12]},
        {"id": "e", "file": "e.yaml", "itmes": [12]},
    ]))  # fmt: skip
    msg = error_of(path)
    name = str(path)
    assert (
        f"{name}:{line_of(path, '- 7')}: documents[0].items[0]: item 7 is not on the provisional agenda"
        in msg
    )
    assert "documents[1].items[0]: item 6 is not on the provisional agenda (it has 6 (a))" in msg
    assert (
        "documents[2].items[0]: no agenda item has the id 'budgte' (did you mean 'budget'?)" in msg
    )
    assert "documents[2].addendum_of: unknown document 'z'" in msg
    assert "documents[3].id: id 'a' is already used by documents[0]" in msg
    assert "documents[4].itmes: unknown field 'itmes' (did you mean 'items'?)" in msg


def test_items_by_number_label_or_id(tmp_path: Path) -> None:
    dump(tmp_path / "a.yaml", doc_data("A"))
    path = dump(tmp_path / "session.yaml", session_data([
        {"id": "a", "file": "a.yaml", "items": [12, "6 (a)"]},
        {"id": "b", "file": "a.yaml", "items": ["6a"]},
        {"id": "c", "file": "a.yaml", "items": ["budget"]},
    ]))  # fmt: skip
    plan = load_session(path)
    assert [i.label for i in plan.entry("a").items] == ["6 (a)", "12"]  # agenda order
    assert [i.label for i in plan.entry("b").items] == ["6 (a)"]
    assert [i.label for i in plan.entry("c").items] == ["6 (a)"]


def test_session_errors_are_all_reported(tmp_path: Path) -> None:
    data = session_data([{"id": "a", "file": "a.yaml", "items": [2]}], venu="x")
    data["end"] = "2024-05-01"
    data["agenda"]["items"].append({"number": 2, "title": {"en": "Again", "zh": "再次"}})
    path = dump(tmp_path / "session.yaml", data)
    msg = error_of(path)
    assert "venu: unknown field 'venu' (did you mean 'venue'?)" in msg
    assert "end: the session ends (2024-05-01) before it starts" in msg
    assert "agenda.items[3]: item 2 is listed twice (also agenda.items[0])" in msg


def test_example_session_symbols() -> None:
    plan = load_session(EXAMPLE_SESSION)
    assert plan.allocation.agenda.text == "HSP/EB.2024/1"
    assert {e.id: plan.symbol(e.id).text for e in plan.entries} == {  # type: ignore[union-attr]
        "internal-management": "HSP/EB.2024/11",
        "un-reform": "HSP/EB.2024/2",
        "annotations": "HSP/EB.2024/1/Add.1",
    }
    assert [i.number for i in plan.agenda.items] == list(range(1, 16))
    docs = plan.documents()
    assert [d.symbol.text for d in docs] == [
        "HSP/EB.2024/11",
        "HSP/EB.2024/2",
        "HSP/EB.2024/1/Add.1",
    ]


# --- merging ------------------------------------------------------------------------------


def test_file_with_matching_session_agenda_and_symbol_is_accepted() -> None:
    # examples/hsp-eb-2024-11.yaml is a complete document; the example session lists it
    plan = load_session(EXAMPLE_SESSION)
    doc = plan.document(plan.entry("internal-management"))
    assert doc.symbol.text == "HSP/EB.2024/11" and [i.number for i in doc.agenda.items] == [12]


def test_conflicting_symbol_names_both_places(tmp_path: Path) -> None:
    doc = dump(tmp_path / "a.yaml", {**doc_data("A"), "symbol": "HSP/EB.2024/7"})
    path = dump(
        tmp_path / "session.yaml", session_data([{"id": "a", "file": "a.yaml", "items": [12]}])
    )
    plan = load_session(path)
    with pytest.raises(DataError) as info:
        plan.document(plan.entry("a"))
    assert str(info.value) == (
        f"{doc}:{line_of(doc, 'symbol:')}: symbol: the file gives symbol HSP/EB.2024/7, but the "
        f"session file gives document 'a' HSP/EB.2024/2 (allocated by the session, "
        f"{path}:{line_of(path, '- id: a')})"
    )


def test_conflicting_session_and_agenda_name_both_places(tmp_path: Path) -> None:
    session = {"year": 2024, "ordinal": 1, "start": "2024-05-07", "end": "2024-05-08",
               "venue": {"en": "Nairobi", "zh": "内罗毕"}}  # fmt: skip
    agenda = {
        "symbol": "HSP/EB.2024/1",
        "items": [{"number": 12, "title": {"en": "Other", "zh": "其他"}}],
    }
    doc = dump(tmp_path / "a.yaml", {**doc_data("A"), "session": session, "agenda": agenda})
    path = dump(
        tmp_path / "session.yaml", session_data([{"id": "a", "file": "a.yaml", "items": [12]}])
    )
    plan = load_session(path)
    with pytest.raises(DataError) as info:
        plan.document(plan.entry("a"))
    msg = str(info.value)
    assert (f"{doc}:{line_of(doc, 'start:')}: session.start: the file gives 2024-05-07, the session "
            f"file 2024-05-06 ({path}:{line_of(path, 'start:')})") in msg  # fmt: skip
    assert (f"agenda.items[0].title: the title of item 12 differs from the session file's "
            f"({path}:{line_of(path, 'title:', after='number: 12')})") in msg  # fmt: skip


def test_conflicting_kind_and_cited_id(tmp_path: Path) -> None:
    doc = dump(
        tmp_path / "a.yaml", {**doc_data("A"), "documents": [{"id": "b", "symbol": "A/79/76"}]}
    )
    dump(tmp_path / "b.yaml", doc_data("B"))
    path = dump(tmp_path / "session.yaml", session_data([
        {"id": "a", "file": "a.yaml", "items": [12], "kind": "secretariat-note"},
        {"id": "b", "file": "b.yaml", "items": [12]},
    ]))  # fmt: skip
    plan = load_session(path)
    with pytest.raises(DataError) as info:
        plan.document(plan.entry("a"))
    msg = str(info.value)
    assert (
        "kind: the file gives kind 'executive-director-report', the session file 'secretariat-note'"
        in msg
    )
    assert (
        f"{doc}:{line_of(doc, '- id: b')}: documents[0].id: 'b' is a document of the session" in msg
    )


def test_structure_errors_point_at_the_data_file(tmp_path: Path) -> None:
    data = doc_data("A")
    del data["sections"][0]["heading"]
    doc = dump(tmp_path / "a.yaml", data)
    path = dump(
        tmp_path / "session.yaml", session_data([{"id": "a", "file": "a.yaml", "items": [12]}])
    )
    plan = load_session(path)
    with pytest.raises(DataError) as info:
        plan.document(plan.entry("a"))
    assert (
        str(info.value)
        == f"{doc}:{line_of(doc, '- content:')}: sections[0].heading: required field is missing"
    )


def test_file_documents_outside_the_session_are_kept(tmp_path: Path) -> None:
    dump(tmp_path / "a.yaml", doc_data("A", en="See {doc:old} and {doc:b}.", zh="见{doc:old}和{doc:b}。",
                                       documents=[{"id": "old", "symbol": "HSP/EB.2020/16"}]))  # fmt: skip
    dump(tmp_path / "b.yaml", doc_data("B"))
    path = dump(tmp_path / "session.yaml", session_data([
        {"id": "a", "file": "a.yaml", "items": [12]}, {"id": "b", "file": "b.yaml", "items": [12]},
    ]))  # fmt: skip
    plan = load_session(path)
    doc = plan.document(plan.entry("a"))
    assert "See HSP/EB.2020/16 and HSP/EB.2024/3." in texts(compose(doc, "en"))


# --- cross-document references ---------------------------------------------------------------


def test_references_render_as_symbols_in_both_languages(tmp_path: Path) -> None:
    dump(tmp_path / "docs" / "a.yaml", doc_data(
        "A",
        en="Under item 12, the Board will have before it pre-session document {doc:b} and the annotations ({doc:notes}); see the provisional agenda ({doc:agenda}).",
        zh="在项目12下，执行局将收到会前文件{doc:b}和说明（{doc:notes}）；见临时议程（{doc:agenda}）。",
    ))  # fmt: skip
    dump(tmp_path / "docs" / "b.yaml", doc_data("B", en="See {doc:a}.", zh="见{doc:a}。"))
    dump(tmp_path / "docs" / "notes.yaml", doc_data("N"))
    path = dump(tmp_path / "session.yaml", session_data([
        {"id": "a", "file": "docs/a.yaml", "items": [12], "symbol": "HSP/EB.2024/11"},
        {"id": "b", "file": "docs/b.yaml", "items": ["6 (a)", 12]},
        {"id": "notes", "file": "docs/notes.yaml", "items": [2], "addendum_of": "agenda"},
    ]))  # fmt: skip
    a, b, notes = load_session(path).documents()
    assert (a.symbol.text, b.symbol.text, notes.symbol.text) == (
        "HSP/EB.2024/11",
        "HSP/EB.2024/2",
        "HSP/EB.2024/1/Add.1",
    )
    en, zh = texts(compose(a, "en")), texts(compose(a, "zh"))
    assert ("pre-session document HSP/EB.2024/2 and the annotations (HSP/EB.2024/1/Add.1); "
            "see the provisional agenda (HSP/EB.2024/1)") in en  # fmt: skip
    assert "会前文件HSP/EB.2024/2和说明（HSP/EB.2024/1/Add.1）；见临时议程（HSP/EB.2024/1）" in zh
    assert "See HSP/EB.2024/11." in texts(compose(b, "en"))
    # the masthead's item line and agenda footnote come from the session
    b_en, b_zh = texts(compose(b, "en")), texts(compose(b, "zh"))
    assert "Items 6 (a) and 12 of the provisional agenda" in b_en and "*HSP/EB.2024/1." in b_en
    assert "Budget" in b_en and "Internal management" in b_en
    assert "*HSP/EB.2024/1。" in b_zh and "预算" in b_zh
    assert [r.id for r in a.documents] == ["agenda", "b", "notes"]
    assert a.cited("b").title is not None and a.cited("b").title["en"] == "Report B"


def test_example_annotations_cite_the_other_documents() -> None:
    plan = load_session(EXAMPLE_SESSION)
    doc = plan.document(plan.entry("annotations"))
    zh, en = texts(compose(doc, "zh")), texts(compose(doc, "en"))
    assert "会前文件HSP/EB.2024/2" in zh and "会前文件HSP/EB.2024/11" in zh
    assert (
        "pre-session document HSP/EB.2024/2" in en and "pre-session document HSP/EB.2024/11" in en
    )
    assert "Item 2 of the provisional agenda" in en


# --- building a session ---------------------------------------------------------------------

BROKEN = "this: [is not: closed\n"


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A session of three documents, one broken, built once with --jobs 2."""
    tmp = tmp_path_factory.mktemp("session")
    dump(tmp / "a.yaml", doc_data("A", en="See {doc:c}.", zh="见{doc:c}。"))
    (tmp / "b.yaml").write_text(BROKEN, "utf-8")
    c = doc_data("C")
    c["title"] = {
        "en": 'Budget <2025> & "plans" <script>alert(1)</script>',
        "zh": "预算<2025>&计划",
    }
    dump(tmp / "c.yaml", c)
    path = dump(tmp / "session.yaml", session_data([
        {"id": "a", "file": "a.yaml", "items": [12]},
        {"id": "b", "file": "b.yaml", "items": [12]},
        {"id": "c", "file": "c.yaml", "items": ["6 (a)"]},
    ]))  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    code = run([str(path), "--jobs", "2", "--lang", "zh,en", "--format", "docx", "-o", str(tmp / "out"),
                "--progress", "lines"], stdout=out, stderr=err)  # fmt: skip
    return {"dir": tmp, "out": tmp / "out", "code": code, "stdout": out.getvalue(),
            "stderr": err.getvalue(), "session": path}  # fmt: skip


def test_failure_is_isolated(three: dict[str, Any]) -> None:
    assert three["code"] == 1
    assert sorted(p.name for p in three["out"].glob("*.docx")) == [
        "HSP-EB.2024-2-en.docx", "HSP-EB.2024-2-zh.docx", "HSP-EB.2024-4-en.docx", "HSP-EB.2024-4-zh.docx",
    ]  # fmt: skip
    broken = three["dir"] / "b.yaml"
    err = three["stderr"]
    assert "1 document failed:" in err
    assert f"HSP/EB.2024/3 (b, {broken}):" in err
    assert re.search(rf"{re.escape(str(broken))}:\d+:\d+: YAML syntax:", err)
    assert "Built 2 of 3 documents (4 files)" in three["stdout"]


def test_progress_lines_when_not_a_terminal(three: dict[str, Any]) -> None:
    lines = [ln for ln in three["stderr"].splitlines() if ln.startswith("[")]
    assert len(lines) == 3 and "\r" not in three["stderr"]
    assert sorted(re.match(r"\[(\d)/3\]", ln)[1] for ln in lines) == ["1", "2", "3"]  # type: ignore[index]
    assert any(re.search(r"\] ok +HSP/EB\.2024/2 \(a\): 2 files", ln) for ln in lines)
    assert any(re.search(r"\] FAILED HSP/EB\.2024/3 \(b\): .*YAML syntax", ln) for ln in lines)


def test_index_json(three: dict[str, Any]) -> None:
    index = json.loads((three["out"] / "index.json").read_text("utf-8"))
    assert index["session"]["name"] == {"zh": "2024年第一次会议", "en": "First session of 2024"}
    assert index["session"]["dates"]["en"] == "6–8 May 2024"
    assert index["agenda"]["symbol"] == "HSP/EB.2024/1"
    assert [i["label"] for i in index["agenda"]["items"]] == ["2", "6 (a)", "12"]
    assert index["agenda"]["items"][2]["documents"] == ["a", "b"]
    docs = {d["id"]: d for d in index["documents"]}
    assert docs["a"]["symbol"] == "HSP/EB.2024/2" and docs["a"]["status"] == "ok"
    assert docs["a"]["title"] == {"zh": "报告A", "en": "Report A"}
    assert docs["a"]["items"] == ["12"] and docs["a"]["kind"] == "executive-director-report"
    checked = {"ok": True, "counts": "1 paragraph, 1 section", "findings": []}
    assert docs["a"]["files"] == [
        {"lang": "zh", "format": "docx", "path": "HSP-EB.2024-2-zh.docx", "check": checked},
        {"lang": "en", "format": "docx", "path": "HSP-EB.2024-2-en.docx", "check": checked},
    ]
    assert docs["a"]["issued"] == "2024-03-07" and docs["b"]["issued"] is None
    assert all((three["out"] / f["path"]).is_file() for d in docs.values() for f in d["files"])
    assert (
        docs["b"]["status"] == "failed"
        and docs["b"]["files"] == []
        and "YAML syntax" in docs["b"]["error"]
    )
    assert docs["c"]["symbol"] == "HSP/EB.2024/4" and docs["c"]["items"] == ["6 (a)"]
    assert index["failed"] == 1 and index["numbers"] == [1, 2, 3, 4]
    assert index["checked"] == {"files": 4, "findings": 0}  # the DOCX files of a and c


def test_index_html_escapes_everything(three: dict[str, Any]) -> None:
    html = (three["out"] / "index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "Budget &lt;2025&gt; &amp; &#34;plans&#34; &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "预算&lt;2025&gt;&amp;计划" in html
    assert 'href="HSP-EB.2024-2-zh.docx"' in html and 'id="doc-a"' in html
    assert '<td lang="zh">报告A</td>' in html


def test_cross_reference_in_the_built_file(three: dict[str, Any]) -> None:
    import docx

    document = docx.Document(str(three["out"] / "HSP-EB.2024-2-en.docx"))
    text = "\n".join(p.text for p in document.paragraphs).replace("\u2060", "")  # word joiners
    assert "See HSP/EB.2024/4." in text


def test_invalid_session_writes_nothing(tmp_path: Path) -> None:
    dump(tmp_path / "a.yaml", doc_data("A"))
    path = dump(tmp_path / "session.yaml", session_data([
        {"id": "a", "file": "a.yaml", "items": [12], "symbol": "HSP/EB.2024/5"},
        {"id": "b", "file": "a.yaml", "items": [12], "symbol": "HSP/EB.2024/5"},
    ]))  # fmt: skip
    err = io.StringIO()
    code = run(
        [str(path), "-o", str(tmp_path / "out"), "--jobs", "2"], stdout=io.StringIO(), stderr=err
    )
    assert code == 2 and not (tmp_path / "out").exists()
    assert (
        f"{path}:{line_of(path, 'HSP/EB.2024/5', after='- id: b')}: documents[1].symbol: HSP/EB.2024/5 is also the symbol of document 'a'"
        in err.getvalue()
    )
    assert "nothing was written" in err.getvalue()


def test_unknown_format_or_language_is_a_clear_error(tmp_path: Path) -> None:
    err = io.StringIO()
    assert run([str(EXAMPLE_SESSION), "--format", "docx,odt", "--lang", "zh,xx", "-o", str(tmp_path)],
               stdout=io.StringIO(), stderr=err) == 2  # fmt: skip
    msg = err.getvalue()
    assert f"unknown format 'odt' (available: {', '.join(api.FORMATS)})" in msg
    assert "unknown language 'xx'" in msg


def test_check_and_symbols_write_nothing(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run([str(EXAMPLE_SESSION), "--symbols"], stdout=out, stderr=io.StringIO()) == 0
    assert "HSP/EB.2024/1/Add.1      annotations (addendum; item 2)" in out.getvalue()
    out = io.StringIO()
    code = run([str(EXAMPLE_SESSION), "--check", "--jobs", "1", "-o", str(tmp_path / "out"), "--progress", "none"],
               stdout=out, stderr=io.StringIO())  # fmt: skip
    assert code == 0 and not (tmp_path / "out").exists()
    assert "Checked 3 of 3 documents" in out.getvalue()


def test_unexpected_errors_are_summarised_and_traceback_on_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dump(tmp_path / "a.yaml", doc_data("A"))
    dump(tmp_path / "b.yaml", doc_data("B"))
    path = dump(tmp_path / "session.yaml", session_data([
        {"id": "a", "file": "a.yaml", "items": [12]}, {"id": "b", "file": "b.yaml", "items": [12]},
    ]))  # fmt: skip
    real = api.build

    def build(doc, out_dir, langs, formats, **options):  # type: ignore[no-untyped-def]
        if doc.title["en"] == "Report B":
            raise RuntimeError("disk on fire\nsecond line")
        return real(doc, out_dir, langs, formats)

    monkeypatch.setattr(api, "build", build)
    for flag, shown in (([], False), (["--traceback"], True)):
        err = io.StringIO()
        code = run([str(path), "--jobs", "1", "-o", str(tmp_path / "out"), "--progress", "none", *flag],
                   stdout=io.StringIO(), stderr=err)  # fmt: skip
        assert code == 1
        assert f"{tmp_path / 'b.yaml'}: RuntimeError: disk on fire" in err.getvalue()
        assert ("Traceback (most recent call last)" in err.getvalue()) is shown
    assert (tmp_path / "out" / "HSP-EB.2024-2-en.docx").is_file()


def test_one_process_and_the_pool_give_the_same_result(tmp_path: Path) -> None:
    indexes = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        result = build_session(
            load_session(EXAMPLE_SESSION), out, ("zh", "en"), ("docx",), jobs=jobs
        )
        assert result.ok and result.files == 6
        indexes.append((out / "index.json").read_text("utf-8"))
    assert indexes[0] == indexes[1]


def test_the_pool_builds_documents_written_in_json_and_toml(tmp_path: Path) -> None:
    """Workers send each document's line map back to the parent: it must pickle."""
    examples, folder = EXAMPLE_SESSION.parent, tmp_path / "session"
    shutil.copytree(examples / "session-2024-1", folder / "session-2024-1")
    shutil.copy(examples / "hsp-eb-2024-11.yaml", folder)
    docs = folder / "session-2024-1"
    data = yaml.safe_load((docs / "un-reform.yaml").read_text("utf-8"))
    (docs / "un-reform.json").write_text(json.dumps(data, ensure_ascii=False, default=str), "utf-8")
    data = yaml.safe_load((docs / "annotations.yaml").read_text("utf-8"))
    (docs / "annotations.toml").write_text(dump_toml(json.loads(json.dumps(data, default=str))), "utf-8")
    text = EXAMPLE_SESSION.read_text("utf-8")
    for name in ("un-reform", "annotations"):
        suffix = "json" if name == "un-reform" else "toml"
        text = text.replace(f"session-2024-1/{name}.yaml", f"session-2024-1/{name}.{suffix}")
    session = folder / EXAMPLE_SESSION.name
    session.write_text(text, "utf-8")
    result = build_session(load_session(session), tmp_path / "out", ("en",), ("docx",), jobs=2)
    assert [d.error for d in result.documents] == [None, None, None]
    assert result.ok and result.files == 3


def test_bar_progress_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    bar = progress_for(stream)
    assert isinstance(bar, BarProgress)
    assert isinstance(progress_for(io.StringIO()), LineProgress)
    plan = load_session(EXAMPLE_SESSION)
    result = build_session(plan, "unused", ("en",), ("docx",), jobs=1, progress=bar, write=False)
    text = stream.getvalue()
    assert result.ok and text.count("\r") >= 4 and "3/3" in text
    assert re.search(r"\r +\r\Z", text)  # the bar is cleared at the end


# --- the register across two sessions -------------------------------------------------------


def test_register_continues_across_sessions(tmp_path: Path) -> None:
    dump(tmp_path / "a.yaml", doc_data("A"))
    first = dump(tmp_path / "first.yaml", session_data([
        {"id": "a", "file": "a.yaml", "items": [12]},
        {"id": "b", "file": "a.yaml", "items": [12], "symbol": "HSP/EB.2024/11"},
        {"id": "c", "file": "a.yaml", "items": [12]},
    ], register={"file": "register-2024.yaml"}))  # fmt: skip
    second_data = session_data([
        {"id": "x", "file": "a.yaml", "items": [12]},
        {"id": "y", "file": "a.yaml", "items": [12], "addendum_of": "x"},
    ], register={"file": "register-2024.yaml", "previous": ["HSP/EB.2024/12"]})  # fmt: skip
    second_data.update(ordinal=2, start="2024-12-04", end="2024-12-06")
    second = dump(tmp_path / "second.yaml", second_data)
    out = io.StringIO()
    assert run([str(first), "--symbols", "--record"], stdout=out, stderr=io.StringIO()) == 0
    register = tmp_path / "register-2024.yaml"
    assert not register.exists()  # --symbols writes nothing
    code = run([str(first), "--record", "--jobs", "1", "--progress", "none", "-o", str(tmp_path / "o1")],
               stdout=out, stderr=io.StringIO())  # fmt: skip
    assert code == 0
    assert yaml.safe_load(register.read_text("utf-8")) == {
        "year": 2024,
        "sessions": {1: ["1-3", 11]},
    }
    plan = load_session(second)
    assert (
        plan.allocation.agenda.text == "HSP/EB.2024/13"
    )  # after /11 (session 1) and /12 (previous)
    assert [plan.symbol(i).text for i in ("x", "y")] == ["HSP/EB.2024/14", "HSP/EB.2024/14/Add.1"]  # type: ignore[union-attr]
    record_register(register, 2024, 2, plan.allocation.numbers)
    assert yaml.safe_load(register.read_text("utf-8"))["sessions"] == {1: ["1-3", 11], 2: [13, 14]}
    # the first session again: its own numbers are its own; the second's are not reused
    again = load_session(first)
    assert [again.symbol(i).text for i in ("a", "b", "c")] == [
        "HSP/EB.2024/2",
        "HSP/EB.2024/11",
        "HSP/EB.2024/3",
    ]  # type: ignore[union-attr]
    grown = yaml.safe_load(first.read_text("utf-8"))
    grown["documents"] += [{"id": f"n{i}", "file": "a.yaml", "items": [12]} for i in range(9)]
    dump(first, grown)
    symbols = [load_session(first).symbol(f"n{i}").text for i in range(9)]  # type: ignore[union-attr]
    assert symbols[-3:] == [
        "HSP/EB.2024/10",
        "HSP/EB.2024/12",
        "HSP/EB.2024/15",
    ]  # 13, 14: session 2


def test_register_file_errors_are_located(tmp_path: Path) -> None:
    register = tmp_path / "register-2024.yaml"
    register.write_text("year: 2023\nsessions:\n  1: [1, '4-2']\n", "utf-8")
    path = dump(tmp_path / "s.yaml", session_data([{"id": "a", "file": "a.yaml", "items": [12]}],
                                                  register={"file": "register-2024.yaml"}))  # fmt: skip
    msg = error_of(path)
    assert f"{register}:1: year: this register is for 2023, the session for 2024" in msg
    assert f"{register}:3: sessions.1[1]: the range '4-2' runs backwards" in msg


def test_read_document_file_never_raises(tmp_path: Path) -> None:
    missing = read_document_file(tmp_path / "nope.yaml")
    assert missing.problems and "cannot read the file" in str(missing.problems[0])
    (tmp_path / "bad.yaml").write_text(BROKEN, "utf-8")
    assert "YAML syntax" in str(read_document_file(tmp_path / "bad.yaml").problems[0])


def test_index_data_without_writing(tmp_path: Path) -> None:
    plan = load_session(EXAMPLE_SESSION)
    result = build_session(plan, tmp_path, ("en",), ("docx",), jobs=1, write=False)
    data = index_data(result)
    assert [d["symbol"] for d in data["documents"]] == [
        "HSP/EB.2024/11",
        "HSP/EB.2024/2",
        "HSP/EB.2024/1/Add.1",
    ]
    html = render_index(copy.deepcopy(data))
    assert "HSP/EB.2024/1/Add.1" in html and "Annotations to the provisional agenda" in html


def test_informal_document_in_a_session(tmp_path: Path) -> None:
    dump(tmp_path / "b.yaml", doc_data("B"))
    dump(tmp_path / "update.yaml", {
        "kind": "activity-update", "name": "update-2024-1", "issued": "2024-05-01",
        "title": {"en": "Update", "zh": "最新情况"},
        "sections": [{"heading": {"en": "Item 12", "zh": "项目12"}, "content": [
            {"presession": {"doc": "b", "description": {"en": "a report", "zh": "一份报告"}}},
        ]}],
    })  # fmt: skip
    entries = [{"id": "update", "file": "update.yaml", "kind": "activity-update"},
               {"id": "b", "file": "b.yaml", "items": [12]}]  # fmt: skip
    plan = load_session(dump(tmp_path / "session.yaml", session_data(entries)))
    assert plan.symbol("update") is None and plan.symbol("b") == S("HSP/EB.2024/2")
    update, _ = plan.documents()
    assert update.symbol is None and "HSP/EB.2024/2" in texts(compose(update, "en"))
    # without kind in the session, the document would need a number: say so
    del entries[0]["kind"]
    msg = error_of(dump(tmp_path / "session.yaml", session_data(entries)))
    assert "documents[0].items: give the agenda items of the document" in msg


def test_no_fork_once_the_process_has_threads() -> None:
    import threading

    from habitat_docs.session import batch

    if batch._context() is None:
        pytest.skip("not Linux")
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert batch._context().get_start_method() in ("forkserver", "spawn")
    finally:
        stop.set()
        t.join()


@pytest.mark.parametrize(
    ("field", "value"),
    [("documents", [{"id": "a", "file": "../outside.yaml", "items": [1]}]),
     ("register", {"file": "../register-2024.yaml"})],
)  # fmt: skip
def test_a_session_reads_only_files_in_its_folder(tmp_path: Path, field: str, value: object) -> None:
    """Document and register files must lie in the session file's folder (links resolved)."""
    folder = tmp_path / "session"
    folder.mkdir()
    (tmp_path / "outside.yaml").write_text("kind: executive-director-report\n", encoding="utf-8")
    data = {
        "year": 2024, "ordinal": 1, "start": "2024-05-06", "end": "2024-05-08",
        "venue": {"en": "Nairobi", "zh": "内罗毕"},
        "agenda": {"items": [{"number": 1, "title": {"en": "Opening", "zh": "开幕"}}]},
        "documents": [{"id": "a", "file": "a.yaml", "items": [1]}],
        field: value,
    }  # fmt: skip
    path = folder / "session.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_session(path)
    assert "lies outside the session file's folder" in str(err.value)
    assert str(path) in str(err.value)
