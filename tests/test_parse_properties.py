"""Properties of parse: any text gives a StudyDocument, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studyparse import StudyDocument, parse

#: Fragments of the genre, so generated text reaches the table, list and talk rules.
FRAGMENTS = st.sampled_from(
    [
        "# ",
        "## Paper List (3)",
        "**Week2: Pruning (May 3, 2021)**",
        "- ",
        "1. ",
        "\t",
        "  > ",
        "| Week | Topic | Presenter |",
        "| --- | --- | --- |",
        "| 1 | [A](https://arxiv.org/abs/1) | 김철수 |",
        "Presenter: Ada (ada@example.org)",
        "PPT: ",
        "Title, ICML, 2020",
        "[[paper]](https://x.org/p.pdf)",
        "정*석: CVPR 2016 [T](u)",
        "<!-- x -->",
        "---",
        "```",
        "@handle",
        "(2020)",
        "2020년 3월 8일",
        "*",
        "**",
        "[",
        "](",
        "<br>",
        "\n",
        "\n\n",
    ]
)
GENRE_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_parse_never_raises_on_arbitrary_text(text: str) -> None:
    assert isinstance(parse(text), StudyDocument)


@settings(max_examples=300, deadline=None)
@given(GENRE_TEXT)
def test_parse_never_raises_on_genre_like_text(text: str) -> None:
    doc = parse(text)
    assert isinstance(doc, StudyDocument)
    assert all(d.line >= 1 for d in doc.diagnostics)
