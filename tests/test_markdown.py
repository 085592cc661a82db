"""The Markdown writer: canonical shapes on small inputs, and the corpus properties."""

from __future__ import annotations

from pathlib import Path

import pytest

import studyparse
from studyparse._markdown import (
    canonical_paper,
    heading_levels,
    keeps_everything,
    link_destination,
    words_of,
)
from studyparse._model import Heading, LayoutEntry, Paper, PaperList, StudyDocument

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
READMES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt") and p.name != "GOLD.md")


def render(text: str) -> str:
    return studyparse.to_markdown(studyparse.parse(text))


def signature(doc: StudyDocument) -> tuple[object, ...]:
    papers = [(p.title, p.authors, p.venue, p.year, p.url) for p in doc.papers]
    talks = [
        (t.title, [p.name for p in t.presenters], t.date, t.slides, t.video) for t in doc.talks
    ]
    people = sorted((p.name or "", p.email or "") for p in doc.people)
    return papers, talks, people


# -- small inputs ---------------------------------------------------------------


def test_tab_indented_items_become_a_real_list() -> None:
    text = "## Papers\n\t1. Timeloop: Accelerators, ISPASS, 2019\n\t2. AMC: AutoML, ECCV, 2018\n"
    assert render(text) == (
        "## Papers\n\n1. Timeloop: Accelerators, ISPASS, 2019\n2. AMC: AutoML, ECCV, 2018\n"
    )


def test_declared_count_is_corrected_and_the_old_number_kept() -> None:
    text = "## Paper List (3)\n1. Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\n"
    out = render(text)
    assert out.startswith("## Paper List (1)\n\n<!-- declared count was 3 -->\n\n1. Timeloop")
    assert render(out) == out


def test_a_count_that_matches_gets_no_note() -> None:
    text = "## Paper List (1)\n\n1. Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\n"
    assert render(text) == text


def test_heading_levels_are_consecutive() -> None:
    text = "## Study\n\n#### Topics\n\n- one\n\n## Rd\n\n##### Deep\n\n1. AMC: AutoML, ECCV, 2018\n"
    assert render(text) == (
        "## Study\n\n### Topics\n\n- one\n\n## Rd\n\n### Deep\n\n1. AMC: AutoML, ECCV, 2018\n"
    )


def test_heading_levels_keep_the_tree() -> None:
    headings = [
        Heading(text=t, level=lv, line=i)
        for i, (t, lv) in enumerate([("a", 2), ("b", 4), ("c", 3), ("d", 1)])
    ]
    assert heading_levels(headings) == [2, 3, 3, 1]


def test_linked_paper_takes_the_canonical_shape() -> None:
    text = "## Benchmarks\n\n- [BenchNN, IISWC,2012](https://example.org/benchnn.pdf)\n"
    assert (
        render(text)
        == "## Benchmarks\n\n1. [BenchNN](https://example.org/benchnn.pdf), IISWC, 2012\n"
    )


def test_paper_with_words_the_shape_cannot_hold_is_kept_as_written() -> None:
    text = "## Papers\n\n1. Understanding Precision (DATE, 2017, Brown)\n"
    out = render(text)
    assert "Brown" in out
    assert render(out) == out


def test_bullets_of_a_plain_text_copy_become_markdown_bullets() -> None:
    text = "# Study\n\nOur topics:\n\n  • Fast inference on CPU\n  • Distributed training\n"
    expected = "# Study\n\nOur topics:\n\n- Fast inference on CPU\n- Distributed training\n"
    assert render(text) == expected


def test_nested_items_are_indented_under_their_parent() -> None:
    text = "- Order:\n\t1. First talk\n\t\t- [slide](https://example.org/a.pdf)\n\t2. Second talk\n"
    assert render(text) == (
        "- Order:\n  1. First talk\n     - [slide](https://example.org/a.pdf)\n  2. Second talk\n"
    )


def test_talk_block_has_one_shape() -> None:
    text = (
        "### Week1 (September 09, 2020)\n"
        "**Lottery Tickets**\n\tPresenter: Jeongah Shin (j@example.org)\n\tPPT: \n\tVideo: https://youtu.be/x\n"
    )
    out = render(text)
    assert out == (
        "### Week1 (September 09, 2020)\n\n**Lottery Tickets**\n\n"
        "- Presenter: Jeongah Shin (j@example.org)\n"
        "- PPT:\n- Video: https://youtu.be/x\n"
    )
    assert signature(studyparse.parse(out)) == signature(studyparse.parse(text))


def test_talk_fields_written_as_bullets_or_lines_take_the_same_shape() -> None:
    lines = "## Week 2\n\nGPipe: Pipeline Parallelism\nPresenter: 김철수  \nPPT: https://a.example/s.pdf\n"
    bullets = "## Week 2\n\n**GPipe: Pipeline Parallelism**\n- Presenter: 김철수\n- PPT: https://a.example/s.pdf\n"
    assert (
        render(lines)
        == render(bullets)
        == (
            "## Week 2\n\n**GPipe: Pipeline Parallelism**\n\n- Presenter: 김철수\n- PPT: https://a.example/s.pdf\n"
        )
    )


def test_a_line_break_tag_in_a_talk_block_is_kept() -> None:
    text = "## Week 3\n\n**Title of the talk**<br>\nPresenter: Alice Kim<br>\nVideo: https://youtu.be/y\n"
    out = render(text)
    assert (
        out
        == "## Week 3\n\n**Title of the talk**<br>\n\n- Presenter: Alice Kim<br>\n- Video: https://youtu.be/y\n"
    )
    assert render(out) == out


def test_table_is_canonical_and_keeps_every_cell() -> None:
    text = (
        "## Schedule\n\n#|Topic|Date|Speaker|Notes\n--|:--|--|--|--\n"
        "1|A talk|Nov 9, 2017|김철수|see \\| here\n"
    )
    out = render(text)
    assert out == (
        "## Schedule\n\n| # | Topic | Date | Speaker | Notes |\n| --- | :--- | --- | --- | --- |\n"
        "| 1 | A talk | Nov 9, 2017 | 김철수 | see \\| here |\n"
    )
    assert render(out) == out


def test_free_text_html_and_code_are_verbatim() -> None:
    text = (
        '<p align="center">\n<img src="x.png">\n</p>\n\n'
        "Some *free* text,  \nwith a break.\n\n```\n  code\n```\n"
    )
    assert render(text) == text


def test_empty_document_is_empty() -> None:
    assert render("") == ""
    assert render("\n\n") == ""


def test_canonical_paper_needs_every_word() -> None:
    paper = Paper(title="Timeloop", venue="ISPASS", year=2019)
    assert canonical_paper(paper) == "Timeloop, ISPASS, 2019"
    assert canonical_paper(paper, "Timeloop (ISPASS 2019, NVIDIA)") is None


def test_words_ignore_urls_and_renameable_labels() -> None:
    assert keeps_everything("PPT: https://a.example/x.pdf nice", "nice https://a.example/x.pdf")
    assert not keeps_everything("see https://a.example/x.pdf", "see")
    assert words_of("Presenter: 김철수, Video") == {"김철수": 1}


def test_every_copy_of_a_word_or_url_counts() -> None:
    assert keeps_everything("deep deep learning", "learning deep deep")
    assert not keeps_everything("deep deep learning", "deep learning")
    link = "https://a.example/x.pdf"
    assert not keeps_everything(f"{link} and {link}", f"and {link}")


def test_an_item_in_the_canonical_shape_is_kept_as_written() -> None:
    paper = Paper(title="Timeloop", venue="ISPASS", year=2019)
    assert canonical_paper(paper, "Timeloop, ISPASS, 2019") == "Timeloop, ISPASS, 2019"
    assert canonical_paper(paper, "Timeloop (ISPASS, 2019)") == "Timeloop, ISPASS, 2019"


def test_document_built_in_code_is_written_from_its_fields() -> None:
    doc = StudyDocument(
        headings=[Heading(text="Paper List", level=2, line=0, count=5)],
        paper_lists=[
            PaperList(
                category="Paper List", papers=[Paper(title="Timeloop", venue="ISPASS", year=2019)]
            )
        ],
        layout=[LayoutEntry(kind="heading", index=0), LayoutEntry(kind="paper_list", index=0)],
    )
    out = studyparse.to_markdown(doc)
    assert out == "## Paper List (1)\n\n1. Timeloop, ISPASS, 2019\n"
    assert signature(studyparse.parse(out))[0] == signature(doc)[0]


# -- the corpus -------------------------------------------------------------------


@pytest.mark.parametrize("path", READMES, ids=lambda p: p.name)
def test_corpus_is_idempotent_round_trips_and_loses_no_word(path: Path) -> None:
    doc = studyparse.load(path)
    out = studyparse.to_markdown(doc)
    again = studyparse.parse(out)
    assert studyparse.to_markdown(again) == out
    assert signature(again) == signature(doc)
    assert not (words_of(doc.source_text or "") - words_of(out))


def test_list_inside_an_items_paragraphs_is_kept_as_written() -> None:
    text = "1. Step one\n\n   Examples:\n\n   * `Fixes: 12`\n   * `Refs: 34`\n\n2. Step two\n"
    out = render(text)
    assert "   * `Fixes: 12`\n   * `Refs: 34`" in out
    assert render(out) == out


def test_indented_code_with_item_like_lines_and_blank_lines_is_verbatim() -> None:
    text = (
        "# Use\n\nRun:\n\n    $ pyenv versions\n      system\n    * 2.7.6 (set)\n\n\n"
        "    $ python\n\nOk.\n"
    )
    assert render(text) == text


def test_thematic_breaks() -> None:
    assert render("# T\n\nSome text.\n\n***\n\nMore.\n") == "# T\n\nSome text.\n\n---\n\nMore.\n"
    assert (
        render("# T\n\nSome text.\n\n_____\n\nMore.\n") == "# T\n\nSome text.\n\n_____\n\nMore.\n"
    )


def test_heading_the_document_does_not_list_is_kept_as_written() -> None:
    doc = studyparse.parse("#### Notes (2)\n\nSome text.\n")
    doc.headings.clear()
    doc.layout = [entry for entry in doc.layout if entry.kind != "heading"]
    assert studyparse.to_markdown(doc) == "#### Notes (2)\n\nSome text.\n"


@pytest.mark.parametrize("breaker", ["\n", "\r\n", "\r", "\u2028", "\n\n"])
def test_a_line_break_inside_a_title_cannot_start_a_block(breaker: str) -> None:
    title = f"Deep Nets{breaker}## Injected heading{breaker}- injected item"
    paper = Paper(title=title, venue="ICLR", year=2020, url=f"https://example.org/a{breaker}b")
    doc = StudyDocument(
        headings=[Heading(text="Papers", level=2, line=1)],
        paper_lists=[PaperList(category="Papers", papers=[paper])],
        layout=[LayoutEntry(kind="heading", index=0), LayoutEntry(kind="paper_list", index=0)],
    )
    again = studyparse.parse(studyparse.to_markdown(doc))
    assert [h.text for h in again.headings] == ["Papers"]
    assert [p.title for p in again.papers] == ["Deep Nets ## Injected heading - injected item"]
    assert again.papers[0].venue == "ICLR" and again.papers[0].year == 2020


def test_a_line_break_inside_a_link_destination_is_percent_encoded() -> None:
    assert link_destination("https://x.org/a\nb") == "https://x.org/a%0Ab"
    assert link_destination("https://x.org/a\r\n\u2028b c") == "<https://x.org/a%0D%0A%E2%80%A8b c>"


@pytest.mark.parametrize(
    "fields",
    [
        "- 作者：Mei Lin\n- 年份：2023\n- 链接：https://arxiv.org/abs/2301.00009\n",
        "- **Authors**: Mei Lin\n- **Venue**: ICLR 2023\n- **Notes**: sparse experts\n",
    ],
)
def test_the_fields_of_one_paper_keep_their_bullets(fields: str) -> None:
    """A list of one paper's labelled fields is no list of papers: it is not numbered."""
    text = f"# Notes\n\n## Sparse Token Routing\n\n{fields}"
    assert studyparse.parse(text).papers[0].title == "Sparse Token Routing"
    assert render(text) == text


def test_papers_in_folded_boxes_are_read_and_the_boxes_kept() -> None:
    text = (
        "# Papers\n\n<details>\n<summary>Sparse Token Routing</summary>\n\n"
        "- Authors: Mei Lin\n- Venue: ICLR 2023\n\n</details>\n\n"
        "<details><summary><b>희소 전문가 혼합</b></summary>\n\n"
        "- 저자: 김민수\n- 학회: ACL 2022\n\n</details>\n"
    )
    doc = studyparse.parse(text)
    assert [(p.title, p.authors, p.venue, p.year) for p in doc.papers] == [
        ("Sparse Token Routing", ["Mei Lin"], "ICLR", 2023),
        ("희소 전문가 혼합", ["김민수"], "ACL", 2022),
    ]
    assert [h.level for h in doc.headings] == [1, 2, 2]
    assert render(text) == text
