"""Raw HTML shapes read like their Markdown twins, the HTML written back as it is.

``<table>`` schedules and paper tables, ``<ul>``/``<ol>`` lists, and HTML lists inside
Markdown table cells; and what the document around such a schedule tells its talks.
"""

from __future__ import annotations

from studyparse import parse
from studyparse._content import person_names
from studyparse._tables import cell_items


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
