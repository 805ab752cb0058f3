"""The index of a session build: each document's date of issue, its PDFs' pages and the
numbering check of every file written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from habitat_docs.session.batch import build_session
from habitat_docs.session.index import render_index
from habitat_docs.session.plan import load_session


def _session(folder: Path, *, stray_number: bool = False) -> Path:
    """A session of one report; with ``stray_number``, an unnumbered paragraph opening with a
    number typed by hand (9.), which the checker reads as a gap in the numbering."""
    content: list[Any] = [{"en": "First.", "zh": "第一。"}, {"en": "Second.", "zh": "第二。"}]
    if stray_number:
        content.insert(1, {"numbered": False, "text": {"en": "9. Typed by hand.", "zh": "9. 手写。"}})
    report = {
        "kind": "executive-director-report", "issued": "2024-03-07",
        "title": {"en": "Report <A>", "zh": "报告A"},
        "sections": [{"heading": {"en": "Introduction", "zh": "导言"}, "content": content}],
    }  # fmt: skip
    session = {
        "year": 2024, "ordinal": 1, "start": "2024-05-06", "end": "2024-05-08",
        "venue": {"en": "Nairobi", "zh": "内罗毕"},
        "agenda": {"items": [{"number": 3, "title": {"en": "Reports", "zh": "报告"}}]},
        "documents": [{"id": "a", "file": "a.yaml", "items": [3]}],
    }  # fmt: skip
    (folder / "a.yaml").write_text(yaml.safe_dump(report, allow_unicode=True), "utf-8")
    path = folder / "session.yaml"
    path.write_text(yaml.safe_dump(session, allow_unicode=True), "utf-8")
    return path


def _build(folder: Path, formats: tuple[str, ...], **kw: Any) -> tuple[dict[str, Any], str]:
    result = build_session(load_session(folder / "session.yaml"), folder / "out", ("en",), formats,
                           jobs=1, **kw)  # fmt: skip
    assert result.ok
    index = json.loads((folder / "out" / "index.json").read_text("utf-8"))
    return index, (folder / "out" / "index.html").read_text("utf-8")


@pytest.mark.slow
def test_dates_pages_and_checks_of_the_example_session(tmp_path: Path) -> None:
    result = build_session(load_session(Path("examples/session-2024-1.yaml")), tmp_path,
                           ("zh", "en"), ("docx", "pdf"), jobs=1)  # fmt: skip
    assert result.ok
    index = json.loads((tmp_path / "index.json").read_text("utf-8"))
    html = (tmp_path / "index.html").read_text("utf-8")
    report = next(d for d in index["documents"] if d["symbol"] == "HSP/EB.2024/11")
    assert report["issued"] == "2024-03-07"
    assert '<time datetime="2024-03-07">2024-03-07</time>' in html
    for f in (f for d in index["documents"] for f in d["files"]):
        assert f["check"]["ok"] and f["check"]["findings"] == []
        if f["format"] == "pdf":
            pages = len(PdfReader(tmp_path / f["path"]).pages)
            assert f["pages"] == pages >= 1
            assert f'<span class="pages">{pages} page{"" if pages == 1 else "s"}</span>' in html
        else:
            assert "pages" not in f  # a DOCX has no pages before Word lays it out
    assert index["checked"] == {"files": 12, "findings": 0}
    assert "numbering checked in 12 files" in html and "no findings" in html


@pytest.mark.slow
def test_a_numbering_finding_is_listed_under_its_file(tmp_path: Path) -> None:
    _session(tmp_path, stray_number=True)
    index, html = _build(tmp_path, ("docx",))
    (file,) = index["documents"][0]["files"]
    assert file["check"]["ok"] is False
    assert file["check"]["findings"][0] == (
        "HSP-EB.2024-2-en.docx:¶16 “9. Typed by hand.”: paragraphs 2.–8. are missing: 9. follows 1."
    )  # fmt: skip
    assert index["checked"] == {"files": 1, "findings": 1}
    assert "<summary>2 numbering findings</summary>" in html
    assert "<li>HSP-EB.2024-2-en.docx:¶16 “9. Typed by hand.”" in html
    assert "1 with findings" in html


@pytest.mark.slow
def test_the_check_can_be_left_out(tmp_path: Path) -> None:
    _session(tmp_path, stray_number=True)
    index, html = _build(tmp_path, ("docx",), check_numbering=False)
    assert "check" not in index["documents"][0]["files"][0]
    assert index["checked"] == {"files": 0, "findings": 0}
    assert "numbering checked" not in html and "finding" not in html


def test_findings_and_errors_are_escaped_in_the_page() -> None:
    data = {
        "generator": "habitat-docs", "languages": ["en"], "formats": ["pdf"], "numbers": [2],
        "session": {"name": {"en": "First session of 2024"}, "dates": {"en": "6–8 May 2024"},
                    "venue": None, "online": True},
        "agenda": {"symbol": "HSP/EB.2024/1", "items": []}, "failed": 0,
        "checked": {"files": 2, "findings": 2},
        "documents": [{
            "id": "a", "symbol": "HSP/EB.2024/2", "kind": "executive-director-report",
            "title": {"en": "Report"}, "items": ["3"], "status": "ok", "issued": "2024-03-07",
            "files": [
                {"lang": "en", "format": "pdf", "path": "a-en.pdf", "pages": 1,
                 "check": {"ok": False, "counts": "", "findings": ["a-en.pdf:1:3: “<b>”: gap"]}},
                {"lang": "en", "format": "docx", "path": "a-en.docx",
                 "check": {"ok": False, "error": "not a <document>"}},
            ],
        }],
    }  # fmt: skip
    html = render_index(data)
    assert "<li>a-en.pdf:1:3: “&lt;b&gt;”: gap</li>" in html
    assert "<summary>1 numbering finding</summary>" in html
    assert "not checked: not a &lt;document&gt;" in html
    assert '<span class="pages">1 page</span>' in html
    assert "2 with findings" in html
