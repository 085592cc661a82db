"""Raw HTML shapes read like their Markdown twins, the HTML written back as it is.

``<table>`` schedules and paper tables, ``<ul>``/``<ol>`` lists, and HTML lists inside
Markdown table cells; and what the document around such a schedule tells its talks.
"""

from __future__ import annotations

import subprocess
import sys
import time

from hypothesis import example, given, settings
from hypothesis import strategies as st

from studyparse import parse
from studyparse._content import person_names
from studyparse._html import MAX_SPAN_COPIES, literal_angles, read_html_table, shape_of
from studyparse._markdown import keeps_everything, to_markdown
from studyparse._normalize import UnsafeNormalization, normalize_text
from studyparse._tables import cell_items
from studyparse._vocab import is_agenda_slot


def _talks(text: str) -> list[tuple[str | None, int | None, str | None, list[str | None]]]:
    return [(t.title, t.week, t.date, [p.name for p in t.presenters]) for t in parse(text).talks]


# -- what the document tells a table's talks ------------------------------------


def test_a_date_heading_dates_the_talks_of_a_program_without_dates() -> None:
    english = (
        "# Reading day\n\n## Date\n\n- March 3, 2024\n\n## Program\n\n"
        "| Time | Paper | Speaker |\n|---|---|---|\n"
        "| 10:00 | Alpha Nets for Tiny Data | Ada Byron |\n"
        "| 10:30 | Beta Nets Revisited | Alan Church |\n"
    )
    japanese = (
        "## 日時\n\n2024年5月18日（土） 13:00 -\n\n## プログラム\n\n"
        "| 時間 | 論文 | 発表者 |\n|---|---|---|\n"
        "| 13:00 | Alpha Nets for Tiny Data（KDD 2023） | 山田 花子（東都大学） |\n"
    )
    assert _talks(english) == [
        ("Alpha Nets for Tiny Data", None, "2024-03-03", ["Ada Byron"]),
        ("Beta Nets Revisited", None, "2024-03-03", ["Alan Church"]),
    ]
    assert parse(english).papers == []  # the date under "## Date" is no paper
    assert _talks(japanese) == [("Alpha Nets for Tiny Data", None, "2024-05-18", ["山田 花子"])]


def test_rows_without_a_time_of_their_own_take_their_sections() -> None:
    text = (
        "## 일정\n\n### Week 3 (2024-03-12)\n\n| 논문 | 발표자 |\n|---|---|\n"
        "| Alpha Nets for Tiny Data | 김하늘 |\n| Beta Nets Revisited | 박준서 |\n\n"
        "### Week 4 (2024-03-19)\n\n| 날짜 | 논문 | 발표자 |\n|---|---|---|\n"
        "| 2024-03-21 | Gamma Nets | 이서연 |\n"
    )
    assert _talks(text) == [
        ("Alpha Nets for Tiny Data", 3, "2024-03-12", ["김하늘"]),
        ("Beta Nets Revisited", 3, "2024-03-12", ["박준서"]),
        ("Gamma Nets", None, "2024-03-21", ["이서연"]),
    ]


# -- the markup read into rows ------------------------------------------------


def test_cells_become_markdown_links_breaks_and_decoded_text() -> None:
    table = read_html_table(
        "<table>\n<thead><tr><th>Date</th><th>Reading</th><th>Who</th></tr></thead>\n<tbody>\n"
        "<tr><td>Mar&nbsp;3</td><td><a href='https://arxiv.org/abs/2101.00001'>Sparse\n"
        "  Mixers</a><br/>Dense&amp;Fast Routers</td>"
        "<td><ul><li>Ada Byron</li><li>Alan Church</li></ul></td></tr>\n"
        "</tbody></table>",
        first_line=10,
    )
    assert table is not None
    assert table.rows == (
        ("Date", "Reading", "Who"),
        (
            "Mar 3",
            "[Sparse Mixers](https://arxiv.org/abs/2101.00001)<br>Dense&Fast Routers",
            "Ada Byron<br>Alan Church",
        ),
    )
    assert table.lines == (11, 13)


def test_rowspan_and_colspan_repeat_a_cell_and_a_caption_row_is_left_out() -> None:
    table = read_html_table(
        "<table>\n"
        "<tr><th>주차</th><th>날짜</th><th>논문</th><th>발표자</th></tr>\n"
        "<tr><td colspan=4>1부: 기초</td></tr>\n"
        '<tr><td rowspan="2">1</td><td>3/2</td><td>Alpha Nets</td><td>김하늘</td></tr>\n'
        "<tr><td>3/4</td><td colspan='2'>휴강</td></tr>\n"
        "</table>"
    )
    assert table is not None
    assert table.rows == (
        ("주차", "날짜", "논문", "발표자"),
        ("1", "3/2", "Alpha Nets", "김하늘"),
        ("1", "3/4", "휴강", "휴강"),
    )
    assert table.lines == (2, 4, 5)


def test_missing_closing_tags_close_where_a_reader_closes_them() -> None:
    table = read_html_table(
        "<TABLE border=1>\n<TR><TH>Week<TH>Title<TH>Speaker\n"
        "<TR><TD>1<TD>Graph Pooling Revisited<TD>Lena Ortiz\n"
        "<TR><TD>2<TD>Message Passing Limits<TD>Kofi Mensah\n"
    )
    assert table is not None
    assert table.rows == (
        ("Week", "Title", "Speaker"),
        ("1", "Graph Pooling Revisited", "Lena Ortiz"),
        ("2", "Message Passing Limits", "Kofi Mensah"),
    )


def test_the_header_is_the_row_of_th_cells_or_the_first_row() -> None:
    with_th = read_html_table(
        "<table><tr><td colspan=2>Spring reading</td></tr>"
        "<tr><th>Paper</th><th>Venue</th></tr>"
        "<tr><td>Alpha Nets</td><td>ICML 2021</td></tr></table>"
    )
    without = read_html_table(
        "<table><tr><td>Paper</td><td>Venue</td></tr>"
        "<tr><td>Alpha Nets</td><td>ICML 2021</td></tr></table>"
    )
    assert with_th is not None and without is not None
    assert with_th.rows == without.rows == (("Paper", "Venue"), ("Alpha Nets", "ICML 2021"))


def test_a_table_inside_a_cell_is_that_cells_text() -> None:
    table = read_html_table(
        "<table><tr><th>Week</th><th>Papers</th></tr><tr><td>1</td><td>"
        "<table><tr><td>Alpha Nets</td></tr><tr><td>Beta Nets</td></tr></table>"
        "</td></tr></table>"
    )
    assert table is not None
    assert table.rows[1] == ("1", "Alpha Nets<br>Beta Nets")


def test_markdown_written_inside_a_cell_keeps_its_items_apart() -> None:
    table = read_html_table(
        "<table>\n<tr><th>Track</th><th>Papers</th></tr>\n<tr><td>Vision</td><td>\n\n"
        "- [Alpha Nets](https://arxiv.org/abs/1)\n- [Beta Nets](https://arxiv.org/abs/2)\n\n"
        "</td></tr>\n</table>"
    )
    assert table is not None
    assert table.rows[1] == (
        "Vision",
        "[Alpha Nets](https://arxiv.org/abs/1)<br>[Beta Nets](https://arxiv.org/abs/2)",
    )


def test_only_a_line_whose_first_tag_is_a_table_or_list_opens_a_shape() -> None:
    assert shape_of('<table class="x">') == "table"
    assert shape_of('<div align="center"><TABLE>') == "table"
    assert shape_of("<ol start=3>") == "list"
    assert shape_of("<img src='a.png'><table>") is None
    assert shape_of("<tablet>") is None


# -- tables read as schedules and paper lists ---------------------------------


def test_an_english_html_schedule_gives_its_talks() -> None:
    text = (
        "# Reading group\n\n## Schedule\n\n"
        '<table class="schedule">\n  <thead>\n    <tr><th>Date</th><th>Paper</th>'
        "<th>Presenter</th></tr>\n  </thead>\n  <tbody>\n"
        "    <tr>\n      <td>2023-02-07</td>\n"
        '      <td><a href="https://arxiv.org/abs/2301.00001">Sparse Mixers at Scale</a></td>\n'
        "      <td>Ada Byron</td>\n    </tr>\n"
        "    <tr>\n      <td>2023-02-14</td>\n"
        "      <td>Routing Without Tears<br>\n      Experts That Listen</td>\n"
        "      <td>Alan Church</td>\n    </tr>\n  </tbody>\n</table>\n"
    )
    doc = parse(text)
    assert _talks(text) == [
        ("Sparse Mixers at Scale", None, "2023-02-07", ["Ada Byron"]),
        ("Routing Without Tears / Experts That Listen", None, "2023-02-14", ["Alan Church"]),
    ]
    assert doc.talks[0].paper is not None
    assert doc.talks[0].paper.url == "https://arxiv.org/abs/2301.00001"
    assert [t.line for t in doc.talks] == [10, 15]
    assert {p.name for p in doc.people} >= {"Ada Byron", "Alan Church"}


def test_a_japanese_program_table_with_affiliations_and_open_tags() -> None:
    text = (
        "## 日時\n\n- 2024年5月18日（土）\n\n## プログラム\n\n"
        "<table class='program'>\n<tr><th>時間<th>論文<th>発表者\n"
        "<tr><td>10:00 - 10:15<td>Contrastive Rankers for Long Queries（SIGIR 2024）"
        "<td>山田 花子（東都大学）\n"
        "<tr><td>10:15 - 10:30<td>Dense Retrieval at Low Cost<br>\n"
        "Sparse Retrieval Strikes Back<td>佐々木健（北央大学 情報学研究室）\n"
        "</table>\n"
    )
    assert _talks(text) == [
        ("Contrastive Rankers for Long Queries", None, "2024-05-18", ["山田 花子"]),
        (
            "Dense Retrieval at Low Cost / Sparse Retrieval Strikes Back",
            None,
            "2024-05-18",
            ["佐々木健"],
        ),
    ]


def test_a_korean_html_paper_table_gives_papers() -> None:
    doc = parse(
        "## 논문 목록\n\n<table>\n<tr><th>논문</th><th>학회</th></tr>\n"
        '<tr><td><a href="https://arxiv.org/abs/2205.01234">Graph Pooling Revisited</a></td>'
        "<td>NeurIPS 2022</td></tr>\n"
        '<tr><td><a href="https://arxiv.org/abs/2206.04321">Message Passing Limits</a></td>'
        "<td>ICML 2022</td></tr>\n</table>\n"
    )
    assert [(p.title, p.venue, p.year, p.url, p.line) for p in doc.papers] == [
        ("Graph Pooling Revisited", "NeurIPS", 2022, "https://arxiv.org/abs/2205.01234", 5),
        ("Message Passing Limits", "ICML", 2022, "https://arxiv.org/abs/2206.04321", 6),
    ]


def test_an_html_table_that_holds_no_entries_is_kept_and_read_as_before() -> None:
    text = "<table>\n<tr><td><img src='logo.png'></td><td>Welcome!</td></tr>\n</table>\n"
    doc = parse(text)
    assert doc.talks == [] and doc.papers == []
    assert [block.text for block in doc.blocks] == [text.rstrip("\n")]


def test_the_normalized_markdown_keeps_the_html_table_as_written() -> None:
    text = (
        "# Seminar\n\n## 일정\n\n"
        "<table>\n   <tr><th>날짜</th><th>논문</th><th>발표자</th></tr>\n"
        "<tr><td>2023-03-02</td><td>Alpha Nets<br>\n  Beta Nets</td><td>김하늘</td></tr>\n"
        "   <tr><td>2023-03-09</td><td>Gamma Nets</td><td>박준서</td></tr>\n"
        "</table>\n"
    )
    assert len(parse(text).talks) == 2
    normalized = normalize_text(text)
    assert "<table>\n   <tr><th>날짜</th>" in normalized
    assert "<td>Alpha Nets<br>\n  Beta Nets</td>" in normalized
    assert "   <tr><td>2023-03-09</td>" in normalized
    assert normalize_text(normalized) == normalized
    assert to_markdown(parse(normalized)) == normalized


def test_a_talk_read_from_an_html_line_is_not_restyled_as_a_talk_block() -> None:
    text = (
        "## Program\n\n<table>\n<tr><th>Time<th>Paper<th>Speaker\n"
        "<tr><td>10:00<td>Alpha Nets for Tiny Data<td>Ada Byron\n"
        "<tr><td>10:30<td>Beta Nets Revisited<td>Alan Church\n</table>\n"
    )
    assert [t.line for t in parse(text).talks] == [5, 6]
    assert normalize_text(text) == text


def test_a_paper_cell_spanning_two_meetings_is_one_talk() -> None:
    english = (
        "## Schedule\n\n<table>\n"
        "<tr><th>Week</th><th>Date</th><th>Paper</th><th>Presenter</th></tr>\n"
        "<tr><td rowspan=2>1</td><td>Sep 5, 2023</td><td rowspan=2>Sparse Mixers at Scale</td>"
        "<td rowspan=2>Ada Byron</td></tr>\n<tr><td>Sep 7, 2023</td></tr>\n"
        "<tr><td>2</td><td>Sep 12, 2023</td><td>Dense Routers Revisited</td>"
        "<td>Alan Church</td></tr>\n"
        "</table>\n"
    )
    korean = (
        "## 일정\n\n<table>\n<tr><th>날짜</th><th>논문</th><th>발표자</th></tr>\n"
        "<tr><td>2023-09-05</td><td rowspan='3'>Graph Pooling Revisited</td><td>김하늘</td></tr>\n"
        "<tr><td>2023-09-07</td><td>박준서</td></tr>\n"
        "<tr><td>2023-09-12</td><td>김하늘</td></tr>\n</table>\n"
    )
    assert _talks(english) == [
        ("Sparse Mixers at Scale", 1, "2023-09-05", ["Ada Byron"]),
        ("Dense Routers Revisited", 2, "2023-09-12", ["Alan Church"]),
    ]
    assert _talks(korean) == [  # presented by another, the same paper is another talk, once
        ("Graph Pooling Revisited", None, "2023-09-05", ["김하늘"]),
        ("Graph Pooling Revisited", None, "2023-09-07", ["박준서"]),
    ]


def test_a_program_slot_nobody_presents_is_no_talk() -> None:
    english = (
        "## Program\n\n| Time | Paper | Speaker |\n|---|---|---|\n"
        "| 9:00 | Opening remarks | |\n| 9:10 | Sparse Mixers at Scale | Ada Byron |\n"
        "| 9:40 | Coffee break | - |\n| 10:00 | Opening the Black Box of Routers | TBD |\n"
        "| 10:30 | Closing keynote | Alan Church |\n"
    )
    japanese = (
        "## プログラム\n\n<table>\n<tr><th>時間</th><th>論文</th><th>発表者</th></tr>\n"
        "<tr><td>13:00</td><td>オープニング・挨拶</td><td>&nbsp;</td></tr>\n"
        "<tr><td>13:05</td><td>Dense Routers Revisited</td><td>山田 花子（東都大学）</td></tr>\n"
        "<tr><td>13:30</td><td>休憩</td><td></td></tr>\n"
        "<tr><td>13:40</td><td>クロージング</td><td>&nbsp;</td></tr>\n</table>\n"
    )
    assert [title for title, *_ in _talks(english)] == [
        "Sparse Mixers at Scale",
        "Opening the Black Box of Routers",
        "Closing keynote",
    ]
    assert [(title, who) for title, _, _, who in _talks(japanese)] == [
        ("Dense Routers Revisited", ["山田 花子"])
    ]


def test_agenda_slots_are_told_from_titles() -> None:
    slots = ["Lunch", "Fall break (no class)", "Nov 23 - Nov 25 Thanksgiving Break", "이번 주 휴강"]
    slots += ["休憩", "オープニング・趣旨説明", "茶歇"]
    titles = ["Opening the Black Box of Routers", "Breaking the Softmax Bottleneck", "Guest talk"]
    titles += [
        "Make or Break: Robust Training for Large Models",
        "그래프 신경망의 표현력",
    ]
    assert [is_agenda_slot(text) for text in slots] == [True] * len(slots)
    assert [is_agenda_slot(text) for text in titles] == [False] * len(titles)


def test_labels_waiting_for_a_value_and_a_themed_week_number() -> None:
    html = (
        "## Syllabus\n\n<table>\n<tr><th>Week</th><th>Date</th><th>Reading</th></tr>\n"
        "<tr><td>1<br>Foundations</td><td>2023-09-05</td>"
        "<td>Required reading: Sparse Mixers at Scale<br>Optional readings:</td></tr>\n"
        "<tr><td>2</td><td>2023-09-12</td><td>Required reading:<br>Optional readings:</td></tr>\n"
        "</table>\n"
    )
    korean = (
        "## 일정\n\n| 주차 | 날짜 | 논문 | 발표자 |\n|---|---|---|---|\n"
        "| 3<br>그래프 | 2023-09-19 | 발표 논문:<br>Graph Pooling Revisited | 김하늘 |\n"
    )
    assert _talks(html) == [
        ("Required reading: Sparse Mixers at Scale", 1, "2023-09-05", []),
    ]
    assert _talks(korean) == [("Graph Pooling Revisited", 3, "2023-09-19", ["김하늘"])]


def test_a_syllabus_reads_its_topics_not_its_homework() -> None:
    english = (
        "<table>\n<thead><tr><th>Week</th><th>Date</th><th>Topic</th><th>Activities</th></tr>"
        "</thead>\n<tbody>\n"
        "<tr><td>1</td><td>2023-09-05</td><td>Tutorials:<br>Reading a Paper Well<br>"
        "Reviewing a Paper Fairly</td><td>Pick a role<br>Form teams</td></tr>\n"
        "<tr><td>2</td><td>2023-09-12</td><td>Sparse Mixers at Scale</td>"
        "<td>Summary due</td></tr>\n</tbody>\n</table>\n"
    )
    korean = (
        "## 일정\n\n| 주차 | 주제 | 과제 |\n|---|---|---|\n"
        "| 1 | Graph Pooling Revisited<br>Message Passing Limits | 요약 제출 |\n"
    )
    assert _talks(english) == [
        ("Reading a Paper Well", 1, "2023-09-05", []),
        ("Reviewing a Paper Fairly", 1, "2023-09-05", []),
        ("Sparse Mixers at Scale", 2, "2023-09-12", []),
    ]
    assert _talks(korean) == [
        ("Graph Pooling Revisited", 1, None, []),
        ("Message Passing Limits", 1, None, []),
    ]


# -- lists -------------------------------------------------------------------------


def test_an_html_list_of_papers_reads_like_a_markdown_list() -> None:
    english = (
        "# Reading list\n\n## Papers\n\n<ul>\n"
        '  <li><a href="https://arxiv.org/abs/2101.00001">Sparse Mixers at Scale</a>, '
        "ICML 2021</li>\n"
        "  <li><a href='https://arxiv.org/abs/2101.00002'>Dense Routers Revisited</a>, NeurIPS"
        " 2021</li>\n</ul>\n"
    )
    korean = (
        "## 논문\n\n<ol>\n"
        "  <li>[Graph Pooling Revisited](https://arxiv.org/abs/2205.01234), KDD 2022\n"
        "  <li><a href=https://arxiv.org/abs/2206.04321>Message Passing Limits</a>, ICLR 2023\n"
        "</ol>\n"
    )
    assert [(p.title, p.venue, p.year, p.url, p.line) for p in parse(english).papers] == [
        ("Sparse Mixers at Scale", "ICML", 2021, "https://arxiv.org/abs/2101.00001", 6),
        ("Dense Routers Revisited", "NeurIPS", 2021, "https://arxiv.org/abs/2101.00002", 7),
    ]
    assert [(p.title, p.venue, p.year, p.line) for p in parse(korean).papers] == [
        ("Graph Pooling Revisited", "KDD", 2022, 4),
        ("Message Passing Limits", "ICLR", 2023, 5),
    ]


def test_nested_html_items_are_the_fields_of_a_talk() -> None:
    text = (
        "# Seminar\n\n## Schedule\n\n<ul>\n"
        '  <li><a href="https://arxiv.org/abs/2101.00001">Sparse Mixers at Scale</a>\n'
        "    <ul>\n      <li>Presenter: Ada Byron</li>\n"
        '      <li><a href="https://example.org/s1.pdf">slides</a></li>\n    </ul>\n  </li>\n'
        '  <li><a href="https://arxiv.org/abs/2101.00002">Dense Routers Revisited</a>\n'
        "    <ul><li>Presenter: Alan Church</li></ul>\n  </li>\n</ul>\n"
    )
    doc = parse(text)
    assert [(t.title, [p.name for p in t.presenters], t.slides, t.line) for t in doc.talks] == [
        ("Sparse Mixers at Scale", ["Ada Byron"], "https://example.org/s1.pdf", 6),
        ("Dense Routers Revisited", ["Alan Church"], None, 12),
    ]
    assert normalize_text(text) == text


def test_an_html_list_of_presenter_and_title_items_gives_talks() -> None:
    text = (
        "## 발표 일정\n\n<ol>\n"
        "<li>김하늘: Sparse Mixers at Scale <a href='s1.pdf'>[slides]</a></li>\n"
        "<li>박준서: Dense Routers Revisited <a href='s2.pdf'>[slides]</a></li>\n</ol>\n"
    )
    doc = parse(text)
    assert [(t.title, [p.name for p in t.presenters], t.slides) for t in doc.talks] == [
        ("Sparse Mixers at Scale", ["김하늘"], "s1.pdf"),
        ("Dense Routers Revisited", ["박준서"], "s2.pdf"),
    ]


def test_an_html_list_of_members_names_people() -> None:
    english = (
        "## Members\n\n<ul>\n<li>Ada Byron (ada@example.org)</li>\n"
        "<li>Alan Church (<a href='mailto:alan@example.org'>alan@example.org</a>)</li>\n</ul>\n"
    )
    korean = "## 멤버\n\n<ul><li>김하늘 (haneul@example.kr)</li><li>박준서</li></ul>\n"
    assert [(p.name, p.email) for p in parse(english).people] == [
        ("Ada Byron", "ada@example.org"),
        ("Alan Church", "alan@example.org"),
    ]
    assert [(p.name, p.email) for p in parse(korean).people] == [
        ("김하늘", "haneul@example.kr"),
        ("박준서", None),
    ]


def test_an_html_list_of_links_is_a_topic_kept_as_written() -> None:
    line = "<ul><li><a href='#about'>About us</a></li><li><a href='#join'>Joining</a></li></ul>"
    doc = parse(f"## Links\n\n{line}\n")
    assert [(group.title, group.items) for group in doc.topics] == [
        ("Links", ["About us", "Joining"])
    ]
    assert [block.text for block in doc.blocks] == [line]
    assert doc.papers == [] and doc.talks == []


def test_markdown_lines_inside_an_html_table_are_written_as_they_are() -> None:
    unclosed = (
        "## Notes\n\n<table><tr><td>Reading notes\n- item one\nSparse Mixers at Scale\n"
        "Presenter: Ada Byron\n"
    )
    cells = (
        "## Tracks\n\n<table>\n<tr><th>Vision</th><th>Speech</th></tr>\n<tr><td>\n\n"
        "* [Alpha Nets](https://arxiv.org/abs/1)\n*   [Beta Nets](https://arxiv.org/abs/2)\n\n\n"
        "</td><td>\n\n1) [Gamma Nets](https://arxiv.org/abs/3)\n\n</td></tr>\n</table>\n"
    )
    assert normalize_text(unclosed) == unclosed  # the list in it was re-laid out, once
    assert normalize_text(cells) == cells


# -- HTML lists in Markdown table cells -----------------------------------------


def test_cell_items_split_an_html_list_like_line_breaks() -> None:
    assert cell_items("<ul><li>[Alpha](u)</li><li>[Beta](v)</li></ul>") == [
        "[Alpha](u)",
        "[Beta](v)",
    ]
    assert cell_items('<ol class="x">\n <li>Alpha</li>\n <li>Beta</li>\n</ol>') == [
        "Alpha",
        "Beta",
    ]
    assert person_names("<ul><li>김하늘</li><li>박준서</li></ul>") == ["김하늘", "박준서"]
    assert person_names("<li>Ada Byron</li><li>Alan Church</li>") == ["Ada Byron", "Alan Church"]


def test_a_markdown_cell_with_an_html_list_pairs_papers_with_presenters() -> None:
    korean = (
        "## 일정\n\n| 주차 | 논문 | 발표자 |\n|---|---|---|\n"
        "| 1 | <ul><li>[Sparse Mixers](https://arxiv.org/abs/2101.00001)</li>"
        "<li>[Dense Routers](https://arxiv.org/abs/2101.00002)</li></ul> | 김하늘<br>박준서 |\n"
        "| 2 | [Tiny Heads](https://arxiv.org/abs/2101.00003) | 이서연 |\n"
    )
    english = (
        "## Schedule\n\n| Week | Paper | Presenter |\n|---|---|---|\n"
        "| 1 | <ol><li>Sparse Mixers</li><li>Dense Routers</li></ol> "
        "| <ul><li>Ada Byron</li><li>Alan Church</li></ul> |\n"
    )
    assert _talks(korean) == [
        ("Sparse Mixers", 1, None, ["김하늘"]),
        ("Dense Routers", 1, None, ["박준서"]),
        ("Tiny Heads", 2, None, ["이서연"]),
    ]
    assert _talks(english) == [
        ("Sparse Mixers", 1, None, ["Ada Byron"]),
        ("Dense Routers", 1, None, ["Alan Church"]),
    ]


# -- hostile markup -----------------------------------------------------------


def test_a_less_than_sign_that_opens_no_tag_is_text() -> None:
    assert literal_angles("<td>a < b</td>") == "<td>a &lt; b</td>"
    assert literal_angles("<a<a<b>") == "&lt;a&lt;a<b>"
    assert literal_angles("x <!-- <tr> --> <td>") == "x <!-- <tr> --> <td>"
    assert literal_angles("<td>x <!-- open") == "<td>x "
    assert literal_angles("<![x]> <?php ?>") == "&lt;![x]> &lt;?php ?>"
    table = read_html_table("<table><tr><th>Title</th></tr><tr><td>1 < 2 <<b>bold</b></td></tr>")
    assert table is not None and table.rows[1] == ("1 &lt; 2 &lt;bold",)


def test_twenty_thousand_unclosed_cells_are_one_row_of_cells() -> None:
    markup = "<table><tr><th>Week</th><th>Title</th>\n<tr>" + "<td>x" * 20_000
    start = time.perf_counter()
    table = read_html_table(markup)
    assert time.perf_counter() - start < 5
    assert table is not None
    assert len(table.rows) == 2
    assert len(table.rows[1]) == 20_000 and set(table.rows[1]) == {"x"}
    assert table.rows[0][:3] == ("Week", "Title", "")


def test_deeply_nested_and_broken_markup_finishes_with_its_text() -> None:
    nested = "<table><tr><td>" * 10_000 + "deep" + "</td></tr></table>" * 10_000
    start = time.perf_counter()
    table = read_html_table(
        "<table><tr><th>Notes</th></tr><tr><td>" + nested + "</td></tr></table>"
    )
    broken = read_html_table("<table><tr><th>Title</th></tr><tr><td>" + "<a\n" * 20_000)
    spans = read_html_table(
        "<table><tr><th>A</th></tr>" + "<tr><td rowspan=0 colspan=99999>s</td></tr>" * 2_000
    )
    assert time.perf_counter() - start < 10
    assert table is not None and table.rows[1] == ("deep",)
    assert broken is not None and broken.rows[1][0].startswith("&lt;a &lt;a")
    assert spans is not None and len(spans.rows) == 2_000  # the first row spans it all: a caption
    assert {cell for row in spans.rows[1:] for cell in row} == {"s"}
    assert sum(len(row) for row in spans.rows) <= 1_000 + 2_000 + MAX_SPAN_COPIES


def test_a_marked_section_does_not_stop_the_reading() -> None:
    table = read_html_table("<table><tr><th>Title</th></tr><![ ]><tr><td>Alpha Nets</td></tr>")
    assert table is not None and table.rows[1] == ("Alpha Nets",)


def test_many_unclosed_or_nested_shapes_stay_linear() -> None:
    start = time.perf_counter()
    tables = parse("<table>\n" * 20_000)
    lists = parse("<ul>\n" * 20_000 + "<li>x\n")
    items = parse("## Papers\n\n<ul>\n" + "<li>Sparse Mixers at Scale, ICML 2021\n" * 20_000)
    nested = parse("<table><tr><td>\n" * 5_000 + "x\n" + "</td></tr></table>\n" * 5_000)
    assert time.perf_counter() - start < 60
    assert tables.talks == tables.papers == [] and len(tables.blocks) == 1
    assert lists.topics[0].items == ["x"]
    assert len(items.papers) == 20_000 and items.papers[-1].line == 20_003
    assert nested.talks == nested.papers == []


PIECES = [
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<td rowspan=2>",
    "<td colspan='3'>", "<ul>", "</ul>", "<ol>", "<li>", "</li>", "<br>", "<p>", "</p>",
    "<a href='https://arxiv.org/abs/2101.00001'>", "</a>", "<!--", "-->", "<![", "<", ">",
    "\n", "\n\n", "  ", "Sparse Mixers at Scale", "Ada Byron", "김하늘", "2023-09-05", "&nbsp;",
    "| a | b |\n|---|---|\n", "- item\n", "## Week 2\n", "```\n", "Presenter: Kim\n",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@example("<ul><li><table><tr><td><ul><li>x</li></ul></li></ul><li>y")  # looped for ever once
def test_any_mix_of_html_shapes_reads_and_normalizes_safely(text: str) -> None:
    doc = parse(text)
    assert all(talk.line >= 1 for talk in doc.talks) and all(p.line >= 1 for p in doc.papers)
    try:
        normalized = normalize_text(text)
    except UnsafeNormalization:
        return  # refusing is safe; writing something else is not
    assert normalize_text(normalized) == normalized
    assert keeps_everything(text, normalized)


# -- start-up -------------------------------------------------------------------


def _loads_html_parser(text: str) -> bool:
    code = (
        "import sys\nfrom studyparse._read import parse\n"
        f"parse({text!r})\nprint('html.parser' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip() == "True"


def test_html_parser_is_imported_only_when_an_html_shape_is_met() -> None:
    assert not _loads_html_parser(
        "# Study\n\n<p align='center'><img src='a.png'></p>\n\n- [A](u)\n"
    )
    assert _loads_html_parser("# Study\n\n<table><tr><td>a</td></tr></table>\n")
