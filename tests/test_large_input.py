"""Rules that look across the whole document give the same answers on long inputs.

The document-wide passes (declared counts, following content) are written to stay
linear in the size of the README; these tests pin their answers. Lists and tables of
any length (numbers of up to nine digits, as CommonMark allows) are read whole: the
tests check every entry, not only that the command finishes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import studyparse
from hostile_inputs import nested_list, numbered_papers, schedule_rows
from studyparse._cli import main

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


# -- lists and tables of any length, read through the command line -----------------


def convert(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["convert", str(path), *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def test_100000_numbered_papers_are_100000_papers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(numbered_papers(100_000), encoding="utf-8")
    doc = json.loads(convert(readme, capsys, "--to", "json"))
    papers = [paper for plist in doc["paper_lists"] for paper in plist["papers"]]
    assert len(papers) == 100_000
    assert [paper["title"] for paper in papers] == [f"Title {n}" for n in range(1, 100_001)]
    assert {(paper["venue"], paper["year"]) for paper in papers} == {("ICML", 2019)}
    assert [paper["line"] for paper in papers[998:1001]] == [1003, 1004, 1005]


@pytest.mark.parametrize("marker", [".", ")"])
def test_items_past_999_stay_items_when_normalized(
    marker: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(numbered_papers(3_000, marker).replace("\n1", "\n\n1"), encoding="utf-8")
    assert main(["normalize", str(readme)]) == 1
    assert capsys.readouterr().err == f"reformatted {readme}\n"
    assert readme.read_text(encoding="utf-8") == numbered_papers(3_000)


def test_nine_digit_numbers_are_list_items_and_ten_are_not() -> None:
    doc = studyparse.parse(
        "# Study\n\n## Paper List\n\n"
        "123456789. Attention Is All You Need, NeurIPS, 2017\n\n"
        "1234567890. Deep Residual Learning, CVPR, 2016\n"
    )
    assert [paper.title for paper in doc.papers] == ["Attention Is All You Need"]
    assert "1234567890. Deep Residual Learning" in doc.blocks[-1].text


def test_a_plain_text_numbered_list_goes_past_999_but_a_year_is_not_an_item() -> None:
    items = "".join(f"{n} Title {n}, ICML, 2019\n" for n in range(995, 1006))
    doc = studyparse.parse(f"# Study\n\n## Paper List\n\n{items}\n2019 Spring Seminar\n")
    assert [paper.title for paper in doc.papers] == [f"Title {n}" for n in range(995, 1006)]
    assert doc.blocks[-1].text == "2019 Spring Seminar"


def test_60000_schedule_rows_are_60000_talks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(schedule_rows(60_000), encoding="utf-8")
    doc = json.loads(convert(readme, capsys, "--to", "json"))
    talks = [talk for session in doc["sessions"] for talk in session["talks"]]
    assert len(talks) == 60_000
    assert [talk["title"] for talk in talks] == [f"Talk title {n}" for n in range(1, 60_001)]
    assert [talk["presenters"][0]["name"] for talk in talks[-2:]] == [
        "Presenter 59999",
        "Presenter 60000",
    ]
    assert talks[-1]["week"] == 60_000


def test_a_list_nested_5000_deep_keeps_every_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(nested_list(5_000), encoding="utf-8")
    expected = [f"- item {level}" for level in range(5_000)]
    doc = json.loads(convert(readme, capsys, "--to", "json"))
    kept = [line.strip() for block in doc["blocks"] for line in block["text"].split("\n")]
    assert [line for line in kept if line.startswith("- item")] == expected
    markdown = convert(readme, capsys, "--to", "markdown").split("\n")
    assert [line.strip() for line in markdown if line.strip().startswith("- ")] == expected
    # each item one level below the one before: two more columns, as CommonMark nests them
    assert [len(line) - len(line.lstrip()) for line in markdown[2:5]] == [0, 2, 4]
