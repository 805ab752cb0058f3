"""YAML syntax errors in plain words: any small slip in a data file gives one DataError with a
line and a column (never a traceback), and full-width punctuation in Chinese text, where it
belongs, is not taken for a slip."""

from __future__ import annotations

import random
from pathlib import Path

from habitat_docs.errors import DataError
from habitat_docs.load.parse import parse_data

GOOD = (Path(__file__).parent / "bad_inputs" / "impossible-date.yaml").read_text(encoding="utf-8")
GOOD = GOOD.replace("2024-02-30", "2024-03-07")
SLIPS = ["\t", '"', "'", "：", "，", "｛", "｝", "\u3000", " ", "{", "}", "[", "]", ":", "-", "\n", "#", "@"]


def slipped(rng: random.Random) -> str:
    """The good file with one character typed in, typed over or deleted."""
    at = rng.randrange(len(GOOD))
    how = rng.randrange(3)
    if how == 0:
        return GOOD[:at] + rng.choice(SLIPS) + GOOD[at:]
    if how == 1:
        return GOOD[:at] + rng.choice(SLIPS) + GOOD[at + 1 :]
    return GOOD[:at] + GOOD[at + 1 :]


def test_the_good_file_parses() -> None:
    data, _ = parse_data(GOOD.encode(), ".yaml", "doc.yaml")
    assert data["symbol"] == "HSP/EB.2024/11"


def test_a_slip_gives_one_located_syntax_error_never_a_traceback(tried) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(17)
    syntax = 0
    for _ in range(250):
        text = slipped(rng)
        tried["bad inputs"] += 1
        try:
            parse_data(text.encode(), ".yaml", "doc.yaml")
        except DataError as e:
            if "YAML syntax" in str(e):
                syntax += 1
                (problem,) = e.problems
                assert problem.line is not None and problem.column is not None, (text, str(e))
                assert 1 <= problem.line <= text.count("\n") + 1, (text, str(e))
    assert syntax > 60  # the slips do reach the syntax errors


def test_full_width_punctuation_in_chinese_text_is_no_mistake() -> None:
    text = GOOD.replace("zh: 执行局要求提交一份报告。}", "zh: 执行局，即本机构：要求｛提交｝一份　报告。}")
    data, _ = parse_data(text.encode(), ".yaml", "doc.yaml")
    assert data["sections"][0]["content"][0]["text"]["zh"] == "执行局，即本机构：要求｛提交｝一份　报告。"


def test_a_quoted_key_with_a_full_width_colon_is_left_to_the_fields() -> None:
    """Quoted, the key is what the editor meant to write: the field check names it."""
    text = GOOD.replace("venue: {en: Nairobi", 'venue: {"en：": Nairobi')
    data, _ = parse_data(text.encode(), ".yaml", "doc.yaml")
    assert "en：" in data["session"]["venue"]


def test_a_latin_letter_in_chinese_prose_is_not_taken_for_a_key() -> None:
    """"，A类项目：" reads like a comma before a key and a full-width colon only if Chinese
    characters could make a key; the real mistake, on the next line, is the one named."""
    text = GOOD.replace("zh: 执行局要求提交一份报告。}", "zh: 执行局，A类项目：要求提交一份报告。}")
    data, _ = parse_data(text.encode(), ".yaml", "doc.yaml")
    assert data["sections"][0]["content"][0]["text"]["zh"] == "执行局，A类项目：要求提交一份报告。"
    broken = text.replace('      - text: {en: "The report', '      - text: {en: "The report', 1)
    broken = broken.replace('"本报告涵盖2022–2023年（见{ref:request}）。"}', '"本报告涵盖2022–2023年（见{ref:request}）。"')
    try:
        parse_data(broken.encode(), ".yaml", "doc.yaml")
    except DataError as e:
        (problem,) = e.problems
        assert "full-width" not in str(e) and problem.line == 23, str(e)
    else:
        raise AssertionError("an unclosed brace parsed")
