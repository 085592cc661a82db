"""HTML lists inside Markdown table cells are split like line breaks."""

from __future__ import annotations

from studyparse import parse
from studyparse._content import person_names
from studyparse._tables import cell_items


def _talks(text: str) -> list[tuple[str | None, int | None, str | None, list[str | None]]]:
    return [(t.title, t.week, t.date, [p.name for p in t.presenters]) for t in parse(text).talks]


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
