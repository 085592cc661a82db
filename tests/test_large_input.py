"""Rules that look across the whole document give the same answers on long inputs.

The document-wide passes (declared counts, following content) are written to stay
linear in the size of the README; these tests pin their answers.
"""

from __future__ import annotations

import studyparse

TWO_LISTS = """# Study

## Paper List (2)

1. Attention Is All You Need, NeurIPS, 2017
2. Deep Residual Learning for Image Recognition, CVPR, 2016

## Second List (1)

1. Learned Step Size Quantization, ICLR, 2020
2. Timeloop: A Systematic Approach to DNN Accelerator Evaluation, ISPASS, 2019
"""


def counts(doc: studyparse.StudyDocument) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in doc.diagnostics if d.code == "count-mismatch"]


def test_declared_counts_are_checked_per_heading() -> None:
    assert counts(studyparse.parse(TWO_LISTS)) == [(8, "heading declares 1 items, 2 found")]


def test_declared_counts_on_a_repeated_document() -> None:
    lines_per_copy = TWO_LISTS.count("\n") + 1
    doc = studyparse.parse("\n".join([TWO_LISTS] * 50))
    assert len(doc.papers) == 200
    assert counts(doc) == [
        (8 + copy * lines_per_copy, "heading declares 1 items, 2 found") for copy in range(50)
    ]


def test_people_named_earlier_are_known_to_later_talk_lists() -> None:
    text = (
        "# Study\n\n## Members\n\n- 김철수\n- 이영희\n\n"
        "## Schedule\n\n- 김철수: Attention Is All You Need\n- 이영희: Deep Residual Learning\n"
    )
    doc = studyparse.parse("\n".join([text] * 20))
    presenters = {p.name for talk in doc.talks for p in talk.presenters}
    assert presenters == {"김철수", "이영희"}
    assert len(doc.talks) == 40


def test_a_talk_list_knows_only_the_people_met_before_it() -> None:
    text = (
        "# Study\n\n## Schedule\n\n- 김철수: Attention Is All You Need\n"
        "- Kim: Deep Residual Learning\n\n## Members\n\n- Kim\n\n"
        "## Schedule 2\n\n- Kim: Learned Step Size Quantization\n"
    )
    doc = studyparse.parse(text)
    presenters = [[p.name for p in talk.presenters] for talk in doc.talks]
    assert ["Kim"] not in presenters[:2]
    assert presenters[-1] == ["Kim"]
