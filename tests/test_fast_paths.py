"""Shortcuts taken for speed give the answers of the long way round."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import studyparse
from studyparse._blocks import MAX_QUOTE_DEPTH, scan, split_cells, strip_quote
from studyparse._inline import clean, plain
from studyparse._papers import split_top_level
from studyparse._regex import LazyPattern
from studyparse._vocab import has_han_or_hangul, label_kind, mentions

QUOTE_PREFIX = re.compile(r"[ \t]{0,3}>[ \t]?")


def reference_strip_quote(line: str) -> tuple[str, int]:
    depth = 0
    while depth < MAX_QUOTE_DEPTH:
        match = QUOTE_PREFIX.match(line)
        if not match:
            break
        line = line[match.end() :]
        depth += 1
    return line, depth


@given(st.lists(st.sampled_from([" ", "\t", ">", "a", "-", "> ", "#"]), max_size=12).map("".join))
def test_strip_quote_matches_the_regex_loop(line: str) -> None:
    assert strip_quote(line) == reference_strip_quote(line)


def test_plain_and_clean_remember_within_a_document_only() -> None:
    studyparse.parse("- [Attention](https://arxiv.org/abs/1706.03762), NeurIPS, 2017\n")
    assert plain.cache_info().currsize > 0
    studyparse.parse("")
    assert plain.cache_info().currsize == 0
    assert clean.cache_info().currsize == 0


def test_remembered_answers_are_the_computed_ones() -> None:
    fragment = "**[Attention](https://arxiv.org/abs/1706.03762)** &amp; more"
    first = plain(fragment)
    assert plain(fragment) is first
    plain.cache_clear()
    assert plain(fragment) == first
    assert clean(first.text) == "Attention & more"


def reference_split_top_level(text: str, separators: str = ",") -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += char in "([（"
        depth -= char in ")]）"
        if char in separators and depth <= 0:
            parts.append("".join(current))
            current, depth = [], 0
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def reference_split_cells(row: str) -> tuple[str, ...]:
    cells: list[str] = []
    current: list[str] = []
    in_code = False
    index = 0
    while index < len(row):
        char = row[index]
        if char == "\\" and index + 1 < len(row) and row[index + 1] == "|":
            current.append("|")
            index += 2
            continue
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    cells.append("".join(current))
    stripped = row.strip()
    if stripped.startswith("|") and cells:
        cells = cells[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|") and cells:
        cells = cells[:-1]
    return tuple(cell.strip() for cell in cells)


SPLIT_TEXT = st.lists(
    st.sampled_from(
        ["a", " ", ",", "，", ";", "&", "(", ")", "[", "]", "（", "）", "x y", "-", "^"]
    ),
    max_size=20,
).map("".join)
ROW = st.lists(st.sampled_from(["a", " ", "|", "\\", "`", "\\|", "b c", "-"]), max_size=16).map(
    "".join
)


@given(SPLIT_TEXT, st.sampled_from([",", ",，;", ",&", "-^", "]"]))
def test_split_top_level_matches_the_character_loop(text: str, separators: str) -> None:
    assert split_top_level(text, separators) == reference_split_top_level(text, separators)


@given(ROW)
def test_split_cells_matches_the_character_loop(row: str) -> None:
    assert split_cells(row) == reference_split_cells(row)


HAN_OR_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u4e00-\u9fff]")


@given(
    st.text(
        alphabet=st.sampled_from(list("a 1가힣힯\ud7b0ᄀᇿ\u1200㄰㆏\u3190一鿿\ua000ぁ")), max_size=8
    )
)
def test_han_or_hangul_test_matches_the_character_class(text: str) -> None:
    assert has_han_or_hangul(text) == bool(HAN_OR_HANGUL.search(text))


def reference_mentions(text: str, words: tuple[str, ...]) -> bool:
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word)
        parts.append(
            escaped if HAN_OR_HANGUL.search(word) else rf"(?<![A-Za-z]){escaped}(?![A-Za-z])"
        )
    return bool(re.compile("|".join(parts), re.IGNORECASE).search(text))


@given(
    st.lists(
        st.sampled_from(["paper", "papers", "list", "논문", " ", "x", "Papers!", "논문들", "-"])
    ).map("".join),
    st.sampled_from([("paper", "papers", "논문"), ("list",), ("논문",), ("paper list", "papers")]),
)
def test_mentions_matches_one_lookaround_per_word(text: str, words: tuple[str, ...]) -> None:
    assert mentions(text, words) == reference_mentions(text, words)


def test_label_kind_follows_a_replaced_table_entry() -> None:
    tables = {"slides": ("ppt", "slide deck"), "video": ("video",)}
    assert label_kind("**Slide Deck**", tables) == "slides"
    assert label_kind("slidedeck", tables) == "slides"
    assert label_kind("PPT", tables, kinds=("video",)) is None
    tables["video"] = ("video", "ppt")
    assert label_kind("PPT", tables, kinds=("video",)) == "video"


def test_scanning_the_same_text_again_gives_equal_fresh_blocks() -> None:
    text = "# Title\n\n- item\n"
    first, second = scan(text), scan(text)
    assert first == second and first is not second
    first.pop()
    assert scan(text) == second


def module_regexes() -> list[tuple[str, str, object]]:
    """(module, name, value) of every regex a studyparse module holds at module level."""
    found = []
    for path in sorted(Path(studyparse.__file__).parent.glob("_*.py")):
        if path.stem.startswith("__"):
            continue
        module = importlib.import_module(f"studyparse.{path.stem}")
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, LazyPattern)):
                found.append((path.stem, name, value))
    return found


def test_lazy_patterns_exist_and_are_not_compiled_at_import() -> None:
    code = (
        "import sys, studyparse._cli, studyparse._normalize, studyparse._extract\n"
        "from studyparse._regex import LazyPattern\n"
        "lazy = [v for m in list(sys.modules.values()) if m and m.__name__.startswith('studyparse')"
        " for v in vars(m).values() if isinstance(v, LazyPattern)]\n"
        "assert lazy and not any(v.is_compiled for v in lazy), lazy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


LAZY_TEXT = st.text(
    alphabet=st.sampled_from(list("aAzZ09 .,:|`-@()[]<>/\n김이李年YMD")), max_size=30
)


@given(LAZY_TEXT)
def test_a_lazy_pattern_answers_as_the_compiled_one(text: str) -> None:
    for _, _, value in module_regexes():
        if not isinstance(value, LazyPattern):
            continue
        compiled = re.compile(value.pattern, value.flags)
        assert value.compiled.pattern == compiled.pattern and value.flags == compiled.flags
        for how in ("match", "fullmatch", "search"):
            found, expected = getattr(value, how)(text), getattr(compiled, how)(text)
            assert (found and (found.span(), found.groups())) == (
                expected and (expected.span(), expected.groups())
            )
        assert value.sub("#", text) == compiled.sub("#", text)
        assert value.split(text) == compiled.split(text)
        assert value.findall(text) == compiled.findall(text)
        assert [m.span() for m in value.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
