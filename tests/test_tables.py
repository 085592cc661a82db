"""Tables read by the roles of their columns: header words first, then what the cells hold."""

from __future__ import annotations

import pytest

from studyparse import parse
from studyparse._tables import cell_items, column_roles, written_venue_year


def _talks(text: str) -> list[tuple[str | None, int | None, str | None, list[str | None]]]:
    return [(t.title, t.week, t.date, [p.name for p in t.presenters]) for t in parse(text).talks]


def test_a_paper_table_under_a_plain_heading() -> None:
    doc = parse(
        "# Vision\n\n"
        "| Task | Paper | Link |\n|---|---|---|\n"
        "| Depth | Monocular Depth in the Wild | [arXiv](https://arxiv.org/abs/1604.03901) |\n"
        "| Flow | Optical Flow Without Labels | [pdf](https://example.org/flow.pdf) |\n"
    )
    assert [(p.title, p.url, p.category) for p in doc.papers] == [
        ("Monocular Depth in the Wild", "https://arxiv.org/abs/1604.03901", "Vision"),
        ("Optical Flow Without Labels", "https://example.org/flow.pdf", "Vision"),
    ]
    assert doc.talks == []


def test_a_paper_table_in_chinese_with_a_venue_column() -> None:
    doc = parse(
        "## 目标检测\n\n"
        "| 名称 | 会议 | 方向 |\n|---|---|---|\n"
        "| [Sparse Anchors](https://arxiv.org/abs/2001.00001) | CVPR 2020 | 检测 |\n"
        "| [Dense Queries](https://arxiv.org/abs/2002.00002) | ECCV'20 | 检测 |\n"
    )
    assert [(p.title, p.venue, p.year) for p in doc.papers] == [
        ("Sparse Anchors", "CVPR", 2020),
        ("Dense Queries", "ECCV", 2020),
    ]


def test_presenters_found_by_their_names_under_an_unknown_header() -> None:
    english = (
        "## Schedule\n\n| When | Reading | Reporter |\n|---|---|---|\n"
        "| 2022-10-04 | Diffusion Models Beat GANs | Maria Gomez |\n"
        "| 2022-10-11 | Score-Based Generative Modeling | Omar Haddad |\n"
        "| 2022-10-18 | Denoising Diffusion Implicit Models | Maria Gomez |\n"
    )
    korean = (
        "## 일정\n\n| 일자 | 읽을거리 | 이름 |\n|---|---|---|\n"
        "| 2022-10-04 | Diffusion Models Beat GANs | 허준영 |\n"
        "| 2022-10-11 | Score-Based Generative Modeling | 배수진 |\n"
    )
    assert _talks(english)[1] == (
        "Score-Based Generative Modeling",
        None,
        "2022-10-11",
        ["Omar Haddad"],
    )
    assert _talks(korean) == [
        ("Diffusion Models Beat GANs", None, "2022-10-04", ["허준영"]),
        ("Score-Based Generative Modeling", None, "2022-10-11", ["배수진"]),
    ]


def test_a_cell_of_several_papers_pairs_with_as_many_presenters() -> None:
    text = (
        "## 2023년 2학기\n\n| 주차 | 날짜 | 논문 | 발표자 |\n|---|---|---|---|\n"
        "| 1 | 9/5 | [Paper One](https://arxiv.org/abs/1) <br> "
        "[Paper Two](https://arxiv.org/abs/2) "
        "| 허준영<br>배수진 |\n"
        "| 2 | 9/12 | 1. [Paper Three](https://arxiv.org/abs/3) "
        "2. [Paper Four](https://arxiv.org/abs/4) "
        "| 유태오 |\n"
    )
    assert _talks(text) == [
        ("Paper One", 1, "2023-09-05", ["허준영"]),
        ("Paper Two", 1, "2023-09-05", ["배수진"]),
        ("Paper Three / Paper Four", 2, "2023-09-12", ["유태오"]),
    ]


def test_a_line_break_inside_a_link_splits_nothing() -> None:
    assert cell_items("[Long<br>Title](https://example.org)") == [
        "[Long<br>Title](https://example.org)"
    ]
    assert cell_items("Survey<br>1. [A](u)<br>2. [B](v)") == ["Survey", "[A](u)", "[B](v)"]
    assert cell_items("1. Alpha 2. Beta 3. Gamma") == ["Alpha", "Beta", "Gamma"]
    assert cell_items("Version 2. of a title") == ["Version 2. of a title"]


def test_a_team_table_is_not_a_schedule() -> None:
    doc = parse(
        "## Teams\n\n| Team | Topics |\n|---|---|\n"
        "| Retrieval & Ranking | dense retrieval, re-ranking |\n"
        "| Alignment | preference learning |\n"
    )
    assert doc.talks == [] and doc.papers == []


def test_a_dated_log_of_recorded_talks_and_a_paper_list_with_review_videos() -> None:
    log = (
        "| 日期 | 标题 | 视频 |\n|---|---|---|\n"
        "| 3/2/22 | [MoE](https://arxiv.org/abs/1) 精读 | [B站](https://b23.tv/1) |\n"
        "| 3/9/22 | [CLIP](https://arxiv.org/abs/2) 精读 | [B站](https://b23.tv/2) |\n"
    )
    reviews = (
        "| Paper | Review |\n|---|---|\n"
        "| [Paper One](https://arxiv.org/abs/1) | [video](https://youtu.be/a) |\n"
        "| [Paper Two](https://arxiv.org/abs/2) | [video](https://youtu.be/b) |\n"
    )
    assert [(t.date, t.video) for t in parse(log).talks] == [
        ("2022-03-02", "https://b23.tv/1"),
        ("2022-03-09", "https://b23.tv/2"),
    ]
    assert [p.title for p in parse(reviews).papers] == ["Paper One", "Paper Two"]
    assert parse(reviews).talks == []


def test_an_unscheduled_row_of_a_schedule_is_a_paper_to_read() -> None:
    doc = parse(
        "| Paper | Date | Presenter |\n|---|---|---|\n"
        "| [Paper One](https://arxiv.org/abs/1) | 2021-05-04 | Lena Fischer |\n"
        "| [Paper Two](https://arxiv.org/abs/2) | | |\n"
    )
    assert [t.title for t in doc.talks] == ["Paper One"]
    assert [p.title for p in doc.papers] == ["Paper Two"]


def test_a_row_without_a_date_continues_the_session_above() -> None:
    text = (
        "| Date | Topic | Speaker |\n|---|---|---|\n"
        "| 2021-05-04 | Topic One | Lena Fischer |\n"
        "| | Topic Two | Omar Haddad |\n"
    )
    assert [t.date for t in parse(text).talks] == ["2021-05-04", "2021-05-04"]


def test_numbered_rows_are_the_session_numbers_of_a_schedule_only() -> None:
    schedule = "| # | Topic | Speaker |\n|---|---|---|\n| 1 | Topic One | Lena Fischer |\n"
    papers = "| # | Paper | Venue |\n|---|---|---|\n| 1 | Paper One | ICML 2020 |\n"
    assert [t.week for t in parse(schedule).talks] == [1]
    assert column_roles(
        tuple(tuple(c.strip() for c in r.split("|")[1:-1]) for r in papers.splitlines()[::2])
    )["index"] == [0]


def test_a_venue_column_is_kept_as_written() -> None:
    assert written_venue_year("NeurlPS 2013") == ("NeurlPS", 2013)
    assert written_venue_year("2019, Workshop on Graphs") == ("Workshop on Graphs", 2019)
    assert written_venue_year("-") == (None, None)


def test_a_venue_written_as_a_link_label_and_a_year_month_column() -> None:
    doc = parse(
        "| 분야 | 논문 | 링크 |\n|---|---|---|\n"
        "| 검출 | Anchor-Free Boxes | [CVPR 2019](https://example.org/a) |\n"
        "| 분할 | Mask Scoring | [ICCV'19](https://example.org/b) |\n"
    )
    assert [(p.title, p.venue, p.year) for p in doc.papers] == [
        ("Anchor-Free Boxes", "CVPR", 2019),
        ("Mask Scoring", "ICCV", 2019),
    ]
    dated = parse(
        "| Published | Title | Code |\n|---|---|---|\n"
        "| 2021.03 | [Token Mixers](https://arxiv.org/abs/1) | [code](https://github.com/a/b) |\n"
        "| Mar 2020 | [Patch Mixers](https://arxiv.org/abs/2) | - |\n"
    )
    assert [(p.title, p.year) for p in dated.papers] == [
        ("Token Mixers", 2021),
        ("Patch Mixers", 2020),
    ]


def test_numbered_presenters_pair_with_numbered_papers() -> None:
    text = (
        "| 주차 | 날짜 | 발표자 | 논문 |\n|---|---|---|---|\n"
        "| 1 | 2023.03.02 | 1. 허준영<br>2. 배수진 | 1. [Paper One](https://arxiv.org/abs/1)<br>"
        "2. [Paper Two](https://arxiv.org/abs/2) |\n"
        "| 2 | 2023.03.09 | 1. Lena Fischer 2. Omar Haddad | 1. Paper Three 2. Paper Four |\n"
    )
    assert [(t.title, [p.name for p in t.presenters]) for t in parse(text).talks] == [
        ("Paper One", ["허준영"]),
        ("Paper Two", ["배수진"]),
        ("Paper Three", ["Lena Fischer"]),
        ("Paper Four", ["Omar Haddad"]),
    ]


@pytest.mark.parametrize(
    "header", ["| No. | Paper | Status |", "| 번호 | 논문 | 상태 |", "| 序号 | 论文 | 进度 |"]
)
def test_a_column_headed_by_a_word_for_papers_holds_papers(header: str) -> None:
    text = (
        f"## Part 1\n\n{header}\n|---|---|---|\n"
        "| 01 | [Sparse Routing for Mixture Models](notes/01.md) | Done |\n"
        "| 02 | Graph Prompting at Scale | Todo |\n"
    )
    assert [p.title for p in parse(text).papers] == [
        "Sparse Routing for Mixture Models",
        "Graph Prompting at Scale",
    ]


def test_a_title_column_without_a_word_for_papers_is_no_paper_list() -> None:
    text = (
        "## Plan\n\n| 제목 | 메모 |\n|---|---|\n| 킥오프 | 자기소개 |\n| Retrospective | 회고 |\n"
    )
    assert parse(text).papers == []


@pytest.mark.parametrize(
    ("venue", "year", "expected"),
    [
        ("arXiv 2020.04", "", ("arXiv", 2020)),
        ("NeurIPS", "'17", ("NeurIPS", 2017)),
        ("ICCV", "2017.10", ("ICCV", 2017)),
        ("KDD 2019-08", "", ("KDD", 2019)),
    ],
)
def test_years_written_with_a_month_or_two_digits(
    venue: str, year: str, expected: tuple[str, int]
) -> None:
    text = (
        "| Paper | Venue | Year |\n|---|---|---|\n"
        f"| Sparse Routing for Mixture Models | {venue} | {year} |\n"
        "| Graph Prompting at Scale | ICML | 2021 |\n"
    )
    paper = parse(text).papers[0]
    assert (paper.venue, paper.year) == expected


@pytest.mark.parametrize(
    "header", ["| 회차 | 일시 | 챕터 | 진행자 |", "| Session | When | Chapter | Facilitator |"]
)
def test_with_no_presenters_column_the_session_lead_presents(header: str) -> None:
    text = (
        f"{header}\n|---|---|---|---|\n"
        "| 1 | 2023-10-23 | 1장 Introduction | 찬영 |\n| 2 | 2023-10-30 | 2장 Search | Ann Lee |\n"
    )
    talks = parse(text).talks
    assert [(t.title, t.week, t.date, [p.name for p in t.presenters]) for t in talks] == [
        ("1장 Introduction", 1, "2023-10-23", ["찬영"]),
        ("2장 Search", 2, "2023-10-30", ["Ann Lee"]),
    ]


@pytest.mark.parametrize(
    "names", [("김준영", "김하은", "장병준"), ("Ann Lee", "Omar Haddad", "Lena Fischer")]
)
def test_a_table_of_member_cards_names_every_member(names: tuple[str, ...]) -> None:
    avatars = "".join(
        f'<td><a href="https://github.com/u{i}"><img src="a{i}.png" alt=""></a></td>'
        for i in range(3)
    )
    cards = "".join(
        f'<td><a href="https://github.com/u{i}"><b>{name}</b></a></td>'
        for i, name in enumerate(names)
    )
    text = f"### 화요일 진행자\n<table>\n<tr>{avatars}</tr>\n<tr>{cards}</tr>\n</table>\n"
    doc = parse(text)
    assert doc.talks == []
    assert [p.name for p in doc.people] == list(names)


@pytest.mark.parametrize(
    ("header", "notes"),
    [
        ("Title | Summary", ("routes tokens", "caches keys")),
        ("제목 | 핵심 내용", ("토큰 분배", "키 저장")),
    ],
)
def test_titles_tagged_with_venues_make_a_table_of_papers(
    header: str, notes: tuple[str, str]
) -> None:
    text = (
        f"# Reading\n\n### Routing\n| {header} |\n|---|---|\n"
        f"| [Sparse Routing for Experts](https://x.org/1) [ICML2021] | {notes[0]} |\n"
        f"| Key Caches for Long Context [NeurIPS 2023] | {notes[1]} |\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.venue, p.year) for p in papers] == [
        ("Sparse Routing for Experts", "ICML", 2021),
        ("Key Caches for Long Context", "NeurIPS", 2023),
    ]


def test_a_table_of_topics_without_venues_is_no_paper_list() -> None:
    text = (
        "# Plan\n\n| Topic | Summary |\n|---|---|\n"
        "| Routing | how tokens move |\n| Caching | keys |\n"
    )
    assert parse(text).papers == []


def test_the_paper_link_beside_the_title_whatever_its_label() -> None:
    text = (
        "## Reading\n\n| Title | Published | Links |\n| --- | --- | --- |\n"
        "| Sparse Token Routing | [ICLR'22](https://openreview.net/forum?id=a1) | |\n"
        "| Dense Retrieval Heads | '21-ACL | [Paper](https://x.org/b.pdf) / "
        "[Note](https://github.com/n/n/issues/1) |\n"
        "| 희소 전문가 라우팅 | KDD 2020 | [Code](https://github.com/c/c) |\n"
    )
    assert [(p.venue, p.year, p.url) for p in parse(text).papers] == [
        ("ICLR", 2022, "https://openreview.net/forum?id=a1"),
        ("ACL", 2021, "https://x.org/b.pdf"),
        ("KDD", 2020, None),
    ]


@pytest.mark.parametrize("header", ["Paper Link", "论文链接", "논문 링크"])
def test_a_column_named_as_the_papers_address(header: str) -> None:
    text = (
        f"## Graphs\n\n| Name | {header} |\n| --- | --- |\n"
        "| GRN: Graph Routing Networks (SIGIR'19) | [paper](https://arxiv.org/abs/1905.00001) |\n"
        "| LGR: Light Graph Routing (SIGIR'20) | [paper](https://arxiv.org/abs/2002.00002) |\n"
    )
    assert [(p.title, p.venue, p.year, p.url) for p in parse(text).papers] == [
        ("GRN: Graph Routing Networks", "SIGIR", 2019, "https://arxiv.org/abs/1905.00001"),
        ("LGR: Light Graph Routing", "SIGIR", 2020, "https://arxiv.org/abs/2002.00002"),
    ]


@pytest.mark.parametrize("header", ["时间", "Date", "날짜"])
def test_a_date_column_naming_a_venue_and_year_gives_both(header: str) -> None:
    text = (
        f"## 相关工作\n\n| {header} | 论文 | 开源 |\n| --- | --- | --- |\n"
        "| 2025 WACV | [Sparse Token Routing](https://arxiv.org/abs/2410.00001) | 是 |\n"
        "| CVPR'24 | [Dense Retrieval Heads](https://arxiv.org/abs/2312.00002) | 否 |\n"
    )
    assert [(p.venue, p.year) for p in parse(text).papers] == [("WACV", 2025), ("CVPR", 2024)]


def test_chinese_publication_headers_name_a_paper_table_not_a_schedule() -> None:
    """ "发表时间" is when a paper came out (发表: to publish), "发表期刊" where."""
    text = (
        "## 项目论文情况\n\n| **论文标题** \t| **发表期刊** \t| **发表时间** \t|\n"
        "|:---:\t|:---:\t|:---:\t|\n"
        "| [Sparse Token Routing](https://doi.org/10.1/abc) \t| Bioinformatics \t| 2023/06/30 \t|\n"
        "| Dense Retrieval Heads \t| KDD \t| 2021/08/14 \t|\n"
    )
    doc = parse(text)
    assert doc.talks == []
    assert [(p.title, p.venue, p.year) for p in doc.papers] == [
        ("Sparse Token Routing", "Bioinformatics", 2023),
        ("Dense Retrieval Heads", "KDD", 2021),
    ]


def test_a_second_paper_column_of_links_gives_the_address() -> None:
    text = (
        "## Efficient models\n\n| Title | Venue | Paper | Code |\n|---|---|---|---|\n"
        "| Sparse Token Routing | ICLR 2024 | [arXiv](https://arxiv.org/abs/2307.00001) | — |\n"
        "| 희소 라우팅 연구 | KDD 2023 | [Paper](https://arxiv.org/abs/2305.00002) | — |\n"
    )
    assert [p.url for p in parse(text).papers] == [
        "https://arxiv.org/abs/2307.00001",
        "https://arxiv.org/abs/2305.00002",
    ]


@pytest.mark.parametrize(
    ("cell", "venue"),
    [
        ("ACL 2023 (Findings)", "ACL"),
        ("ICLR 2025 (Spotlight)", "ICLR"),
        ("NeurIPS 2023 / COLM 2024", "NeurIPS"),
    ],
)
def test_a_known_venue_without_the_notes_its_cell_adds(cell: str, venue: str) -> None:
    text = (
        f"## 논문\n\n| 논문 | 학회 |\n|---|---|\n| Sparse Token Routing | {cell} |\n"
        "| Dense Heads | KDD 2020 |\n"
    )
    assert parse(text).papers[0].venue == venue


def test_a_table_of_contents_names_the_papers_its_sections_hold() -> None:
    text = (
        "# 量化\n\n| 资料 | 年份 | 提示 |\n| --- | --- | --- |\n"
        "| [SpR](#p-1) | 2023 | 必读 |\n| [Dense Heads](#p-2) | 未确认 | 选读 |\n\n"
        "## SpR\n\n**Sparse Token Routing**\n\n- 作者：Omar Haddad\n- 年份：2023\n\n"
        "## Dense Heads\n\n**Dense Retrieval Heads Revisited**\n\n- 저자: 김민수\n- 연도: 2021\n"
    )
    assert [(p.title, p.year) for p in parse(text).papers] == [
        ("Sparse Token Routing", 2023),
        ("Dense Retrieval Heads Revisited", 2021),
    ]


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (
            "| When | Who | What |",
            [
                "| 2024-04-11 | Mira Okafor | Sparse Routing |",
                "| 2024-04-18 | Tomas Berg | Dense Heads |",
            ],
        ),
        (
            "| 날짜 | 발표인 | 발표 제목 |",
            ["| 2024-04-11 | 박서연 | 희소 라우팅 |", "| 2024-04-18 | 김도윤 | 밀집 헤드 |"],
        ),
    ],
)
def test_schedule_headers_in_plain_question_words_or_korean(header: str, rows: list[str]) -> None:
    text = "\n".join(["# Group", "", header, "|---|---|---|", *rows]) + "\n"
    talks = parse(text).talks
    assert [(t.date, [p.name for p in t.presenters]) for t in talks] == [
        ("2024-04-11", [rows[0].split("|")[2].strip()]),
        ("2024-04-18", [rows[1].split("|")[2].strip()]),
    ]
    assert talks[0].title == rows[0].split("|")[3].strip()


@pytest.mark.parametrize(
    ("heading", "header", "rows"),
    [
        (
            "Weekly Paper Meetings",
            "| Date | Topic | Keywords |",
            ["| 2024-04-11 | Sparse routing | MoE |", "| 2024-04-18 | Dense heads | attention |"],
        ),
        (
            "论文列表",
            "| 日期 | 主题 | 关键词 |",
            ["| 2024-04-11 | 稀疏路由 | MoE |", "| 2024-04-18 | 密集注意力 | attention |"],
        ),
    ],
)
def test_meeting_days_under_a_heading_of_papers_are_a_schedule(
    heading: str, header: str, rows: list[str]
) -> None:
    """The heading's words are a prior: rows dated to a day, naming no paper, are meetings."""
    text = "\n".join([f"## {heading}", "", header, "|---|---|---|", *rows])
    doc = parse(text + "\n")
    assert [t.date for t in doc.talks] == ["2024-04-11", "2024-04-18"]
    assert doc.papers == []


def test_a_table_of_publication_months_stays_a_paper_list() -> None:
    text = (
        "# Reading\n\n| Paper | Date |\n|---|---|\n"
        "| [Sparse Routing](https://arxiv.org/abs/1901.00001) | 2019.01 |\n"
        "| [Dense Heads](https://arxiv.org/abs/2002.00002) | Feb 2020 |\n"
    )
    doc = parse(text)
    assert [(p.title, p.year) for p in doc.papers] == [
        ("Sparse Routing", 2019),
        ("Dense Heads", 2020),
    ]
    assert doc.talks == []


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (
            "| Lab | Title | Venue | Year |",
            [
                "| Google | Sparse Mixture Routing for Long Inputs | ICML | 2022 |",
                "| DeepMind | Planning with Learned World Models | NeurIPS | 2021 |",
                "| OpenAI | Scaling Laws for Reward Models | ICLR | 2023 |",
            ],
        ),
        (
            "| 机构 | 论文 | 会议 | 年份 |",
            [
                "| Google | 稀疏专家路由的长文本建模 | ICML | 2022 |",
                "| DeepMind | 基于世界模型的规划方法研究 | NeurIPS | 2021 |",
                "| OpenAI | 奖励模型的规模定律分析 | ICLR | 2023 |",
            ],
        ),
    ],
)
def test_a_column_of_labs_beside_the_venue_column_is_not_the_venue(
    header: str, rows: list[str]
) -> None:
    text = "# Papers\n\n" + "\n".join([header, "|---|---|---|---|", *rows]) + "\n"
    papers = parse(text).papers
    assert [(p.venue, p.year) for p in papers] == [
        ("ICML", 2022),
        ("NeurIPS", 2021),
        ("ICLR", 2023),
    ]


@pytest.mark.parametrize(
    ("venue", "published", "dates"),
    [
        ("Venue", "Published", ("2021-03-15", "2019.11.02", "2023/06/30")),
        ("학회", "Publication", ("2021년 3월 15일", "2019.11.02", "2023-06-30")),
    ],
)
def test_a_publication_column_of_dates_gives_the_year(
    venue: str, published: str, dates: tuple[str, str, str]
) -> None:
    text = (
        f"# Papers\n\n| Title | {venue} | {published} |\n|---|---|---|\n"
        f"| Sparse Mixture Routing for Long Inputs | ICML | {dates[0]} |\n"
        f"| Planning with Learned World Models | NeurIPS | {dates[1]} |\n"
        f"| Scaling Laws for Reward Models | ICLR | {dates[2]} |\n"
    )
    papers = parse(text).papers
    assert [(p.venue, p.year) for p in papers] == [
        ("ICML", 2021),
        ("NeurIPS", 2019),
        ("ICLR", 2023),
    ]


@pytest.mark.parametrize("header", ["Leaders", "Discussion leader", "발제자", "领读人"])
def test_the_people_who_lead_a_session_present_it(header: str) -> None:
    text = (
        f"# Reading group\n\n| Date | Topic | {header} |\n|---|---|---|\n"
        "| 2018-06-07 | Sparse Routing | Xiao, Suya |\n"
        "| 2018-06-14 | Dense Retrieval | Mira Holt |\n"
    )
    assert [[p.name for p in talk.presenters] for talk in parse(text).talks] == [
        ["Xiao", "Suya"],
        ["Mira Holt"],
    ]
