"""Shortcuts taken for speed give the answers of the long way round."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import studyparse
from studyparse._blocks import MAX_QUOTE_DEPTH, strip_quote
from studyparse._inline import clean, plain

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
