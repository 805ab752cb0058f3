"""Inline markup of prose: *em*, **strong**, {ref:…}, {note:…}, escapes, line joining, errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from habitat_docs.errors import DataError
from habitat_docs.model import Text
from habitat_docs.model.inline import (
    Emph,
    InlineError,
    Note,
    Ref,
    Str,
    Strong,
    normalize,
    parse,
    plain,
)

# --- constructs -------------------------------------------------------------------------------


def test_plain_text_is_one_str():
    assert parse("Plain prose, no markup.") == (Str("Plain prose, no markup."),)


def test_emphasis():
    assert parse("a *b* c") == (Str("a "), Emph((Str("b"),)), Str(" c"))


def test_strong():
    assert parse("a **b** c") == (Str("a "), Strong((Str("b"),)), Str(" c"))


def test_single_reference():
    assert parse("see {ref:intro}.") == (Str("see "), Ref(("intro",)), Str("."))


def test_reference_to_several_targets_strips_spaces():
    assert parse("{ref:p4, p5 ,p6}") == (Ref(("p4", "p5", "p6")),)


def test_reference_ids_may_hold_dots_dashes_underscores_digits():
    assert parse("{ref:a.b-c_1}") == (Ref(("a.b-c_1",)),)


def test_note():
    assert parse("text{note:A footnote.}") == (Str("text"), Note((Str("A footnote."),)))


def test_note_in_chinese():
    assert parse("正文{note:脚注。}结束") == (Str("正文"), Note((Str("脚注。"),)), Str("结束"))


# --- nesting ----------------------------------------------------------------------------------


def test_emphasis_inside_strong():
    assert parse("**a *b* c**") == (Strong((Str("a "), Emph((Str("b"),)), Str(" c"))),)


def test_strong_inside_emphasis():
    # Markdown reading: *a **b** c* is emphasis holding a strong run.
    assert parse("*a **b** c*") == (Emph((Str("a "), Strong((Str("b"),)), Str(" c"))),)


def test_note_holds_emphasis_strong_and_reference():
    assert parse("x{note:see *A* and **B**, {ref:p1}}") == (
        Str("x"),
        Note((Str("see "), Emph((Str("A"),)), Str(" and "), Strong((Str("B"),)), Str(", "),
              Ref(("p1",)))),
    )  # fmt: skip


def test_note_inside_strong():
    assert parse("**a{note:n}**") == (Strong((Str("a"), Note((Str("n"),)))),)


def test_reference_inside_emphasis():
    assert parse("*see {ref:x}*") == (Emph((Str("see "), Ref(("x",)))),)


def test_plain_drops_markup_notes_and_references():
    nodes = parse("a *b* **c**{note:gone} {ref:x}d")
    assert plain(nodes) == "a b c d"


# --- escapes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"\*", "*"),
        (r"\{", "{"),
        (r"\}", "}"),
        ("\\\\", "\\"),
        (r"2 \* 3 = 6", "2 * 3 = 6"),
        (r"\{ref:x\}", "{ref:x}"),
        (r"\{note:x\}", "{note:x}"),
        (r"a\\b", "a\\b"),
    ],
)
def test_escapes_give_literal_characters(source, text):
    assert parse(source) == (Str(text),)


def test_escaped_star_inside_emphasis():
    assert parse(r"*a\*b*") == (Emph((Str("a*b"),)),)


def test_escaped_brace_inside_note():
    assert parse(r"{note:a \} b}") == (Note((Str("a } b"),)),)


def test_escaped_backslash_before_markup_keeps_the_markup():
    assert parse("\\\\*x*") == (Str("\\"), Emph((Str("x"),)))


# Characters text may hold: not control, private-use or surrogate characters, nor the bidi
# overrides and isolates, which are refused or must come in pairs (test_bad_inputs covers them).
_BIDI = "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
_SAFE = st.characters(blacklist_categories=("Cc", "Co", "Cs"), blacklist_characters="\ufffe\uffff" + _BIDI)


@settings(max_examples=300, deadline=None)
@given(st.text(_SAFE, min_size=1))
def test_escaping_every_markup_character_gives_the_literal_text(text):
    escaped = "".join("\\" + ch if ch in "\\*{}" else ch for ch in text)
    assert parse(escaped) == (Str(text),)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"ab *{}\\:\n中文", "{ref:", "{note:", "**"])).map("".join))
def test_parse_either_succeeds_or_raises_inline_error_inside_the_text(source):
    try:
        nodes = parse(source)
    except InlineError as e:
        assert 0 <= e.offset < max(len(source), 1)
    else:
        assert isinstance(nodes, tuple)


# --- line-break joining -----------------------------------------------------------------------


def test_latin_lines_join_with_one_space():
    assert parse("first line\nsecond line") == (Str("first line second line"),)


def test_latin_lines_join_with_one_space_whatever_the_indentation():
    assert parse("first   \n      second\t\n\tthird") == (Str("first second third"),)


def test_blank_lines_collapse_to_one_space():
    assert parse("one\n\n\ntwo") == (Str("one two"),)


def test_cjk_lines_join_without_space():
    assert parse("第一行\n第二行") == (Str("第一行第二行"),)


def test_cjk_lines_join_without_space_despite_indentation():
    assert parse("第一行   \n    第二行") == (Str("第一行第二行"),)


def test_cjk_punctuation_joins_without_space():
    assert parse("第一行，\n第二行。") == (Str("第一行，第二行。"),)


def test_cjk_then_latin_joins_with_space():
    assert parse("人居署\nUN-Habitat") == (Str("人居署 UN-Habitat"),)


def test_latin_then_cjk_joins_with_space():
    assert parse("2023\n年") == (Str("2023 年"),)


def test_leading_and_trailing_line_breaks_are_dropped():
    assert parse("\n  text\n") == (Str("text"),)


def test_single_line_keeps_its_spaces():
    assert normalize("  a  b  ") == "  a  b  "


def test_line_joining_happens_inside_markup():
    assert parse("*emphasised\nwords*") == (Emph((Str("emphasised words"),)),)
    assert parse("{note:脚注\n文本}") == (Note((Str("脚注文本"),)),)


def test_text_plain_uses_joined_lines():
    t = Text(en="a folded\nsentence", zh="折叠的\n句子")
    assert t.plain("en") == "a folded sentence"
    assert t.plain("zh") == "折叠的句子"


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "offset", "fragment"),
    [
        # unknown markup
        ("x {foo:y}", 2, "unknown markup"),
        ("{", 0, "unknown markup"),
        ("a {}", 2, "unknown markup"),
        ("{refs:x}", 0, "unknown markup"),
        # unmatched braces
        ("a } b", 2, "unmatched '}'"),
        ("{ref:a}}", 7, "unmatched '}'"),
        ("abc {ref:x", 4, "'{ref:' is never closed"),
        # unclosed emphasis
        ("abc *def", 4, "'*' opened here is never closed"),
        ("abc **def", 4, "'**' opened here is never closed"),
        ("**abc*", 5, "'*' opened here is never closed"),
        ("x ****", 2, "empty"),
        # nested notes
        ("{note:a{note:b}}", 7, "cannot contain another footnote"),
        ("ab{note:*x {note:y}*}", 11, "cannot contain another footnote"),
        # empty notes
        ("x{note:}", 1, "empty footnote"),
        ("x{note:   }", 1, "empty footnote"),
        ("x{note:{ref:a}}", 1, "empty footnote"),
        # bad references
        ("{ref:1a}", 0, "'1a' is not a valid label id"),
        ("x {ref:a,}", 2, "'' is not a valid label id"),
        ("{ref:a b}", 0, "'a b' is not a valid label id"),
        # bad escapes
        (r"a\q", 1, "backslash"),
        ("ab\\", 2, "backslash"),
        # control characters
        ("a\x07b", 1, "U+0007"),
        ("ab\x00", 2, "U+0000"),
        ("a\rb", 1, "U+000D"),
        ("\x1b[0m", 0, "U+001B"),
        ("a\x7f", 1, "U+007F"),
        ("a\x85", 1, "U+0085"),
        # private-use, surrogate and non-characters
        ("a\ue000b", 1, "U+E000"),
        ("中文\uf8ff", 2, "U+F8FF"),
        ("x\U000f0000", 1, "U+F0000"),
        ("x\ud800", 1, "U+D800"),
        ("x\uffff", 1, "U+FFFF"),
    ],
)
def test_errors_name_the_offset(source, offset, fragment):
    with pytest.raises(InlineError) as info:
        parse(source)
    assert info.value.offset == offset
    assert fragment in str(info.value)
    assert str(info.value).endswith(f"(at character {offset + 1})")


def test_tab_and_newline_are_allowed_control_characters():
    assert parse("a\tb") == (Str("a\tb"),)
    assert parse("a\nb") == (Str("a b"),)


def test_unclosed_note_points_at_its_opening_brace():
    with pytest.raises(InlineError) as info:
        parse("see {note:unfinished")
    assert info.value.offset == 4
    assert "{note:" in str(info.value)
    assert "never closed" in str(info.value)


def test_control_character_offset_is_in_the_source_of_a_multiline_text():
    source = "  first\n   second\x07"
    with pytest.raises(InlineError) as info:
        parse(source)
    assert info.value.offset == source.index("\x07")


def test_markup_error_offset_is_in_the_source_of_a_multiline_text():
    # InlineError documents ``offset`` as the position in the source string.
    source = "first line\n    second }"
    with pytest.raises(InlineError) as info:
        parse(source)
    assert source[info.value.offset] == "}"
    assert info.value.offset == 22


def test_text_reports_inline_errors_with_language_path():
    with pytest.raises(DataError) as info:
        Text(en="fine", zh="坏}")
    (problem,) = info.value.problems
    assert problem.path == ("zh",)
    assert problem.message == "unmatched '}' (write \\} for a literal brace) (at character 2)"


def test_text_rejects_private_use_character():
    with pytest.raises(DataError) as info:
        Text(en="x\ue000", zh="好")
    assert str(info.value) == "en: character U+E000 is not allowed in text (at character 2)"
