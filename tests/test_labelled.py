"""Labelled blocks: a title line or heading and the "Label: value" lines that describe it."""

from __future__ import annotations

import pytest

from studyparse import parse
from studyparse._labelled import content_kind, group_records, split_label


@pytest.mark.parametrize(
    ("line", "label", "kind", "value"),
    [
        ("**Title: Robust Retrieval**", "Title", "title", "Robust Retrieval"),
        ("**Paper:** [Robust Retrieval](https://arxiv.org/abs/1)", "Paper", "paper", None),
        ("__Presenter__: Omar Haddad", "Presenter", "presenters", "Omar Haddad"),
        ("Speaker - Omar Haddad", "Speaker", "presenters", "Omar Haddad"),
        ("- **저자**: 허준영, 배수진", "저자", "authors", "허준영, 배수진"),
        ("* **학회/저널**: ICML 2021", "학회/저널", "venue", "ICML 2021"),
        ("作者：周子豪；林若曦", "作者", "authors", "周子豪；林若曦"),
        ("年份：2022", "年份", "year", "2022"),
        ("**発表者:** 山本", "発表者", "presenters", "山本"),
        ("Difficulty: hard", "Difficulty", None, "hard"),
    ],
)
def test_split_label(line: str, label: str, kind: str | None, value: str | None) -> None:
    found = split_label(line)
    assert found is not None
    assert (found.label, found.kind) == (label, kind)
    assert value is None or found.value == value


@pytest.mark.parametrize("line", ["Robust Retrieval for All", "[Slides](https://x.y)", "A - B"])
def test_lines_without_a_label(line: str) -> None:
    assert split_label(line) is None


def test_records_split_where_a_title_comes_again_after_other_fields() -> None:
    lines = [
        (1, "**Title: First Talk**"),
        (2, "**Paper: First Paper**"),
        (3, "Speaker - Ann Lee"),
        (4, "**Title: Second Talk**"),
        (5, "Speaker - Omar Haddad"),
    ]
    records = group_records(lines)
    assert [(r.first("title"), r.first("paper"), r.first("presenters")) for r in records] == [
        ("First Talk", "First Paper", "Ann Lee"),
        ("Second Talk", "", "Omar Haddad"),
    ]


def test_week_blocks_with_hard_line_breaks() -> None:
    text = (
        "## Week 3 (2022-03-15)\n"
        "**Title: Sparse Attention**  \n"
        "Speaker - Ann Lee  \n"
        "PPT: https://example.org/w3.pdf  \n"
        "**Title: Dense Retrieval**  \n"
        "Speaker - Omar Haddad  \n"
        "PPT:  \n"
    )
    talks = parse(text).talks
    assert [(t.title, t.week, t.date, [p.name for p in t.presenters], t.slides) for t in talks] == [
        ("Sparse Attention", 3, "2022-03-15", ["Ann Lee"], "https://example.org/w3.pdf"),
        ("Dense Retrieval", 3, "2022-03-15", ["Omar Haddad"], None),
    ]


def test_a_heading_per_paper_with_labelled_bullets_in_korean() -> None:
    text = (
        "# 읽을거리\n\n## 🔤 언어\n\n"
        "### 1. [Sparse Experts at Scale](https://arxiv.org/abs/2101.00001) (SEAS)\n"
        "- **저자**: 허준영, 배수진 et al.\n"
        "- **학회/저널**: ICML 2021\n"
        "- **난이도**: ●●○\n"
    )
    (paper,) = parse(text).papers
    assert (paper.title, paper.authors, paper.venue, paper.year, paper.url, paper.category) == (
        "Sparse Experts at Scale",
        ["허준영", "배수진"],
        "ICML",
        2021,
        "https://arxiv.org/abs/2101.00001",
        "언어",
    )


def test_a_bold_full_title_and_chinese_labels_across_blank_lines() -> None:
    text = (
        "## 推理\n\n### 思维树\n\n**Tree Search Prompting for Planning**\n\n"
        "作者：周子豪；林若曦\n\n年份：2023\n\n会议：NeurIPS\n"
    )
    (paper,) = parse(text).papers
    assert (paper.title, paper.authors, paper.venue, paper.year) == (
        "Tree Search Prompting for Planning",
        ["周子豪", "林若曦"],
        "NeurIPS",
        2023,
    )


def test_dated_meetings_with_labelled_bullets_are_talks() -> None:
    text = (
        "### Journal club\n\n#### Meeting 24-11-06\n"
        "- Title: Cell Atlases at Scale\n- Authors: Lee, A., & Kim, B.\n"
        "- Presenters: Dr. Maria Gomez and Omar Haddad\n\n---\n"
        "#### Meeting 24-12-04\n- Title: Single-Cell Foundation Models\n"
        "- Presenter: Prof. Lena Fischer\n"
    )
    talks = parse(text).talks
    assert [(t.title, t.date, [p.name for p in t.presenters]) for t in talks] == [
        ("Cell Atlases at Scale", "2024-11-06", ["Maria Gomez", "Omar Haddad"]),
        ("Single-Cell Foundation Models", "2024-12-04", ["Lena Fischer"]),
    ]


def test_an_event_description_is_not_a_talk() -> None:
    text = "## About\nTopic: Autumn workshop of the lab\nTime: Oct 7, 2022 10:00 AM\n"
    assert parse(text).talks == []


def test_a_list_of_everyone_who_presented_is_not_a_talk() -> None:
    text = (
        "Main Contributor: Ann Lee (a@x.org), Omar Haddad (o@x.org)\n\n"
        "Presenters: Ann Lee, Omar Haddad, Lena Fischer\n"
    )
    doc = parse(text)
    assert doc.talks == []
    assert {p.name for p in doc.people} >= {"Ann Lee", "Omar Haddad", "Lena Fischer"}


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("- 论文地址：https://arxiv.org/abs/2301.00001", "url"),
        ("- [x] 论文链接：[arXiv](https://arxiv.org/abs/2301.00001)", "url"),
        ("**Paper link:** [pdf](https://example.org/a.pdf)", "url"),
        ("* 코드 링크: https://github.com/someone/thing", "code"),
        ("Slides URL: https://speakerdeck.com/a/b", "slides"),
        ("地址：https://example.org/paper", "url"),
        ("Homepage link: https://example.org", None),
    ],
)
def test_a_label_naming_the_address_of_a_thing(line: str, kind: str | None) -> None:
    """ "<thing> link" is the thing's address: a paper's is its url, code's is code."""
    found = split_label(line)
    assert found is not None
    assert found.kind == kind


def test_a_paper_label_holding_only_a_link_is_the_address_not_the_title() -> None:
    text = (
        "## Sparse Routing for Mixture Models\n"
        "**作者**：王小明, 李华  \n**发表**：ICLR 2022  \n"
        "**论文**：[pdf](https://openreview.net/pdf?id=abc)  \n"
        "**代码**：[code](https://github.com/x/y)\n\n"
        "### Title: Retrieval Heads in Long Context\n"
        "- Authors: Omar Haddad\n- Year: 2024\n- Paper: https://arxiv.org/abs/2404.00001\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.venue, p.year, p.url) for p in papers] == [
        ("Sparse Routing for Mixture Models", "ICLR", 2022, "https://openreview.net/pdf?id=abc"),
        ("Retrieval Heads in Long Context", None, 2024, "https://arxiv.org/abs/2404.00001"),
    ]


def test_a_heading_labelled_as_a_title_is_the_entry_title() -> None:
    text = "## 3. 标题：Graph Prompting at Scale\n- 作者：周子豪\n- 来源：KDD 2023\n"
    (paper,) = parse(text).papers
    assert (paper.title, paper.authors, paper.venue, paper.year) == (
        "Graph Prompting at Scale",
        ["周子豪"],
        "KDD",
        2023,
    )


def test_notes_under_a_paper_section_are_not_papers() -> None:
    """Once a section is one paper, the lists in it (and under its sub-headings) are notes."""
    text = (
        "## Papers\n\n### Paper 1: Router\n\n**Sparse Routing for Mixture Models**\n\n"
        "作者：王小明\n\n年份：2022\n\n#### 主要贡献 Contributions\n"
        "1. 提出了新的路由 a new router\n2. Faster training on small clusters\n\n"
        "### Paper 2: Heads\n\n- Title: Retrieval Heads in Long Context\n- Year: 2024\n\n"
        "#### 요약\n- 긴 문맥에서 검색 헤드를 찾는다\n- Works without fine-tuning\n"
    )
    doc = parse(text)
    assert [p.title for p in doc.papers] == [
        "Sparse Routing for Mixture Models",
        "Retrieval Heads in Long Context",
    ]
    assert "Faster training on small clusters" in "\n".join(b.text for b in doc.blocks)


@pytest.mark.parametrize(
    "header",
    ["| 项目 | 内容 |\n|---|---|\n", "| Field | Value |\n| --- | --- |\n", ""],
)
def test_a_table_of_one_entrys_fields_under_its_heading(header: str) -> None:
    link = "https://arxiv.org/abs/2103.00001"
    rows = f"| 作者 | Alec Brown, 김지원 |\n| 年份 | 2021 |\n| 会议 | ICML |\n| 链接 | {link} |\n"
    if not header:
        rows = (
            "| Authors | Alec Brown, 김지원 |\n|---|---|\n"
            f"| Venue | ICML 2021 |\n| Link | {link} |\n"
        )
    text = f"# Notes\n\n## Learning Visual Models From Language\n\n{header}{rows}"
    (paper,) = parse(text).papers
    assert (paper.title, paper.authors, paper.venue, paper.year, paper.url) == (
        "Learning Visual Models From Language",
        ["Alec Brown", "김지원"],
        "ICML",
        2021,
        "https://arxiv.org/abs/2103.00001",
    )


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("- [x] 模型代码: [code](https://github.com/a/b)", "code"),
        ("- 论文详解：https://blog.example.org/post", "notes"),
        ("* 모델 코드: https://github.com/a/b", "code"),
        ("Paper summary: a short one", "notes"),
    ],
)
def test_a_label_naming_a_field_of_the_paper_or_model(line: str, kind: str) -> None:
    found = split_label(line)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "heading",
    [
        "## 1、Sparse Routing for Mixture Models",
        "## 论文2：Sparse Routing for Mixture Models",
        "## Paper 3: Sparse Routing for Mixture Models",
        "#### 6.1 Sparse Routing for Mixture Models",
    ],
)
def test_numbered_and_labelled_headings_title_their_paper(heading: str) -> None:
    text = f"# 论文\n\n{heading}\n- 作者：王小明\n- 发表：ICLR 2022\n"
    (paper,) = parse(text).papers
    assert (paper.title, paper.venue, paper.year) == (
        "Sparse Routing for Mixture Models",
        "ICLR",
        2022,
    )


def test_a_heading_that_links_a_paper_is_that_paper_and_its_notes_are_not_papers() -> None:
    text = (
        "# Week 3 papers\n\n## [Sparse Routing for Mixture Models](routing.pdf)\n\n"
        "**摘要**：\n\n> We route tokens to experts.\n\n1. Introduction of the idea\n2. Method\n\n"
        "## [Graph Prompting at Scale](https://arxiv.org/abs/2301.00002)\n\n"
        "- 요약: 그래프 프롬프트\n"
    )
    assert [(p.title, p.url) for p in parse(text).papers] == [
        ("Sparse Routing for Mixture Models", "routing.pdf"),
        ("Graph Prompting at Scale", "https://arxiv.org/abs/2301.00002"),
    ]


def test_fields_in_an_html_box_under_the_heading_describe_its_paper() -> None:
    text = (
        '# Sparse Routing for Mixture Models\n\n<div class="meta" markdown>\n\n'
        "**作者**: Wang Xiaoming, Li Hua\n**机构**: Example Lab\n**会议**: ICLR 2022\n\n</div>\n\n"
        "## 实验\n\n- **mAP**: 提升 6%\n- Faster training on small clusters\n"
    )
    (paper,) = parse(text).papers
    assert (paper.title, paper.authors, paper.venue) == (
        "Sparse Routing for Mixture Models",
        ["Wang Xiaoming", "Li Hua"],
        "ICLR",
    )


def test_a_sentence_of_prose_over_a_label_is_no_title() -> None:
    text = (
        "## 摘要\n\n本文提出了一种新的路由方法，并在三个任务上取得了提升。\n\n"
        "**主要贡献**：\n- 新的路由\n"
    )
    assert parse(text).papers == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("**论文标题**：Sparse Routing", "paper"),
        ("- 论文名称: Sparse Routing", "paper"),
        ("Paper name: Sparse Routing", "paper"),
        ("* 논문명: 희소 라우팅", "paper"),
        ("- 姓名：张三", None),
    ],
)
def test_a_label_naming_the_title_of_the_paper(line: str, kind: str | None) -> None:
    """ "<paper> <title or name word>" names the paper's title; a person's name does not."""
    found = split_label(line)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "# 笔记\n\n### SRM\n> 论文：SRM: Sparse Routing for Mixture Models  \n"
        "> 代码: [srm](https://github.com/a/srm)\n> Some Lab, ICML 2022\n",
        "# Notes\n\n## SRM\n\nPaper: SRM: Sparse Routing for Mixture Models  \n"
        "Code: https://github.com/a/srm  \n*ICML 2022*\n",
    ],
)
def test_a_paper_label_with_code_and_a_venue_line_is_a_paper(text: str) -> None:
    """A title under a paper label is a paper; an unlabelled line ending in a known venue
    and year under the fields is its venue."""
    (paper,) = parse(text).papers
    assert (paper.title, paper.venue, paper.year) == (
        "SRM: Sparse Routing for Mixture Models",
        "ICML",
        2022,
    )


def test_a_line_ending_in_words_and_a_year_is_no_venue() -> None:
    (paper,) = parse(
        "## Notes\n\nPaper: Sparse Routing for Mixture Models  \n"
        "Code: https://github.com/a/srm  \nRead again in spring 2022\n"
    ).papers
    assert (paper.venue, paper.year) == (None, None)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("- 作者 Authors: Wei Zhang, Ann Lee", "authors"),
        ("* 저자 Authors: 김민수, 박지훈", "authors"),
        ("**年份 Year**：2021", "year"),
        ("- 论文链接 Paper link: https://arxiv.org/abs/2101.00001", "url"),
        ("- 발표 자료 Slides: https://speakerdeck.com/a/b", "slides"),
        ("- 日期（Date）：2023-03-01", "date"),
        ("- 발표자 (Presenter): 김민수", "presenters"),
        ("- Authors 年份: 2021", None),
    ],
)
def test_a_label_written_in_two_languages(line: str, kind: str | None) -> None:
    """A label given twice, in Latin letters and in Han or Hangul, names a field when both
    halves name the same one; halves that disagree name none."""
    found = split_label(line)
    assert found is not None and found.kind == kind


def test_a_paper_section_with_bilingual_labels() -> None:
    text = (
        "## Graph Prompting at Scale\n"
        "- 作者 Authors: Wei Zhang, Ann Lee\n- 年份 Year: 2023\n"
        "- 论文链接 Paper link: https://arxiv.org/abs/2301.00002\n\n"
        "## 희소 라우팅 Sparse Routing\n"
        "- 저자(Authors): 김민수\n- 학회 Venue: ICLR 2022\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.authors, p.year) for p in papers] == [
        ("Graph Prompting at Scale", ["Wei Zhang", "Ann Lee"], 2023),
        ("희소 라우팅 Sparse Routing", ["김민수"], 2022),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # fields on one line, parted by bars, a link whose text names the paper
        "作者：Mei Lin, Tao Wu | 会议：ICLR 2023 | [论文](https://openreview.net/forum?id=x1)",
        # fields parted by line-break tags
        "**Authors:** Mei Lin, Tao Wu<br>**Venue:** ICLR 2023<br>"
        "**Paper:** [pdf](https://openreview.net/forum?id=x1)",
        # a header of field labels over one row of values
        "| 저자 | 학회 | 링크 |\n| --- | --- | --- |\n"
        "| Mei Lin, Tao Wu | ICLR 2023 | [pdf](https://openreview.net/forum?id=x1) |",
        # a line that only heads the fields, then the fields under it
        "- **论文信息**\n  - 作者：Mei Lin, Tao Wu\n  - 会议：ICLR 2023\n"
        "  - 链接：https://openreview.net/forum?id=x1\n- **核心内容**\n  - 稀疏路由",
        "- **Paper info**\n  - Authors: Mei Lin, Tao Wu\n  - Venue: ICLR 2023\n"
        "  - Link: https://openreview.net/forum?id=x1",
    ],
)
def test_a_papers_fields_in_any_layout_under_its_heading(body: str) -> None:
    text = f"# Notes\n\n## Sparse Token Routing\n\n{body}\n"
    (paper,) = parse(text).papers
    assert (paper.title, paper.authors, paper.venue, paper.year, paper.url) == (
        "Sparse Token Routing",
        ["Mei Lin", "Tao Wu"],
        "ICLR",
        2023,
        "https://openreview.net/forum?id=x1",
    )


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("稀疏路由的混合专家模型研究", "稀疏路由的混合专家模型研究"),
        ("희소 라우팅 전문가 혼합 모델", "희소 라우팅 전문가 혼합 모델"),
        ("📝 [2023] Sparse Token Routing", "Sparse Token Routing"),
    ],
)
def test_a_heading_in_any_script_titles_the_paper_its_fields_describe(
    heading: str, title: str
) -> None:
    text = f"# 笔记\n\n## {heading}\n**作者**：王小明，李华\n**发表时间**：2023\n"
    (paper,) = parse(text).papers
    assert (paper.title, paper.authors, paper.year) == (title, ["王小明", "李华"], 2023)


@pytest.mark.parametrize(
    ("line", "kind"),
    [("- 发表时间：2019", "year"), ("- Published: ICML 2019", "venue"), ("- 机构：MSRA", None)],
)
def test_an_unknown_label_names_a_field_by_its_value(line: str, kind: str | None) -> None:
    records = group_records([(1, "- 作者：Mei Lin"), (2, line)])
    assert len(records) == 1
    assert (kind in records[0].values) if kind else set(records[0].values) == {"authors"}


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("- Omar N. Haddad, Lena Welling", "authors"),
        ("- Ana Browning, Li Wei, 王小明", "authors"),
        ("- Deep Learning, Graph Reasoning", None),
        ("- Ann Lee et al.", "authors"),
        ("- Some Lab, ICML 2022", "venue"),
    ],
)
def test_an_unlabelled_line_is_a_field_by_what_it_holds(line: str, kind: str | None) -> None:
    assert content_kind(line) == kind


def test_a_title_line_over_its_translation_titles_the_fields_below() -> None:
    text = (
        "# 笔记\n\n## SpR\n\n**Sparse Token Routing for Mixture Experts**\n\n稀疏令牌路由\n\n"
        "- 作者：Omar Haddad, Lena Browning\n- 会议：ICML 2021\n\n"
        "## DRH\n\nDense Retrieval Heads Revisited\n밀집 검색 헤드 재검토\n"
        "- 저자: 김민수, 이지호\n- 학회: KDD 2020\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.venue, p.year) for p in papers] == [
        ("Sparse Token Routing for Mixture Experts", "ICML", 2021),
        ("Dense Retrieval Heads Revisited", "KDD", 2020),
    ]


@pytest.mark.parametrize(
    "note", ["核心必读：先路由再训练专家。", "Read this first: routing before experts."]
)
def test_a_note_between_the_bold_title_and_its_fields(note: str) -> None:
    text = (
        "# 阅读\n\n## SpR\n\n**Sparse Token Routing for Mixture Experts**\n\n"
        f"{note}\n\n- 作者：Omar Haddad; Lena Browning\n- 年份：2023；依据：本地摘要\n"
        "- 原文入口：[论文](https://arxiv.org/abs/2301.00001) · [代码](https://github.com/a/b)\n"
        "- PDF：[2023-SpR.pdf](2023-SpR.pdf)\n"
    )
    (paper,) = parse(text).papers
    assert (paper.title, paper.authors, paper.year, paper.url) == (
        "Sparse Token Routing for Mixture Experts",
        ["Omar Haddad", "Lena Browning"],
        2023,
        "https://arxiv.org/abs/2301.00001",
    )


@pytest.mark.parametrize(
    "heading",
    [
        "2024 - [Sparse Token Routing for Mixture Experts](https://openreview.net/forum?id=a1)",
        "[Sparse Token Routing for Mixture Experts](https://openreview.net/forum?id=a1), ICLR 2024",
        "Sparse Token Routing for Mixture Experts[ICLR'24][Example Lab]",
    ],
)
def test_a_heading_that_titles_a_paper_with_its_venue_or_year(heading: str) -> None:
    text = f"# 笔记\n\n### {heading}\n  * 概述：先路由再训练专家。\n  * 背景：稠密模型太贵。\n"
    (paper,) = parse(text).papers
    assert (paper.title, paper.year) == ("Sparse Token Routing for Mixture Experts", 2024)


def test_a_resources_heading_linking_a_page_is_no_paper() -> None:
    text = "# Notes\n\n## [Resources](https://arxiv.org/list/cs.LG/recent)\n\n- blogs and talks\n"
    assert parse(text).papers == []
