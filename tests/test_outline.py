"""Outline: headings of every form, counts, notes, implied headings and categories."""

from __future__ import annotations

from studyparse import parse
from studyparse._outline import category_of, heading_from, week_of


def test_count_is_split_from_the_heading() -> None:
    heading = heading_from("Sparse Training (7)", 2, 1, "atx")
    assert (heading.text, heading.count) == ("Sparse Training", 7)


def test_category_drops_tag_marks_numbers_emoji_and_colons() -> None:
    assert category_of("#稀疏训练(剪枝方法)") == "稀疏训练(剪枝方法)"
    assert category_of("3. Low-rank Methods") == "Low-rank Methods"
    assert category_of("📖 읽을거리") == "읽을거리"
    assert category_of("Readings:") == "Readings"
    assert category_of("2020") == "2020"


def test_week_labels_in_several_languages() -> None:
    assert week_of("Week7: Compilers (May 3, 2021)") == 7
    assert week_of("**5주차**") == 5
    assert week_of("第4周 分享") == 4
    assert week_of("W12") == 12


def test_italic_numbered_label_is_a_category_heading() -> None:
    doc = parse(
        "## Papers\n\n*1. Weight Sharing* :\n"
        "- Smith, Ann, et al. “Shared Kernels.” ICML (2019).\n"
        "- Doe, Bo, et al. “Kernel Reuse.” NeurIPS (2020).\n"
    )
    assert [p.category for p in doc.papers] == ["Weight Sharing", "Weight Sharing"]


def test_plain_text_copy_reads_standalone_lines_as_headings() -> None:
    doc = parse(
        "Accelerator Reading Group\n\n"
        "Paper List (2)\n\n"
        "Memory Systems (2)\n\n"
        "1. Bank Conflicts Considered, MICRO, 2018\n"
        "2. Row Buffers Revisited, ISCA, 2019\n"
    )
    assert [p.category for p in doc.papers] == ["Memory Systems", "Memory Systems"]
    assert [(p.venue, p.year) for p in doc.papers] == [("MICRO", 2018), ("ISCA", 2019)]
    assert not [d for d in doc.diagnostics if d.code == "count-mismatch"]


def test_declared_count_that_differs_is_reported_with_its_line() -> None:
    doc = parse("## Reading (3)\n\n- Tiny Chips, DAC, 2020\n- Big Chips, ISSCC, 2021\n")
    (diagnostic,) = [d for d in doc.diagnostics if d.code == "count-mismatch"]
    assert diagnostic.line == 1


def test_heading_note_in_parentheses_is_kept_apart_from_the_count() -> None:
    heading = heading_from("Toronto(通过串行计算支持量化) (4)", 3, 9, "atx")
    assert heading.text == "Toronto(通过串行计算支持量化)"
    assert (heading.note, heading.count) == ("通过串行计算支持量化", 4)
    assert heading_from("Image Recognition (이미지 인식)", 4, 1, "atx").note == "이미지 인식"
    assert heading_from("(draft)", 2, 1, "atx").note is None


def test_a_bold_week_label_with_a_remark_after_it_opens_a_session() -> None:
    from studyparse import parse

    doc = parse(
        "## Term 2032\n"
        "\n"
        "**Week 4 (Oct 6)** (moved to room B, see [map](https://example.org/map))\n"
        "*Topic: Mixture Models*\n"
        "Speaker: Rui Gomes\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.week, talk.date) == ("Mixture Models", 4, "2032-10-06")
    assert any(h.text.startswith("Week 4 (Oct 6)") for h in doc.headings)


def test_a_bold_lead_in_that_names_no_week_stays_text() -> None:
    from studyparse import parse

    doc = parse("## Notes\n\n**Important** bring a laptop to every meeting\n")
    assert [h.text for h in doc.headings] == ["Notes"]


def test_an_emphasized_label_and_value_is_a_field_not_a_heading() -> None:
    from studyparse import parse

    doc = parse(
        "## About\n\n**Topic: Robust Vision**\n\n_Moderator: Kai Berg_\n\nWe read weekly.\n"
    )
    assert [h.text for h in doc.headings] == ["About"]
    assert "**Topic: Robust Vision**" in "\n".join(b.text for b in doc.blocks)
