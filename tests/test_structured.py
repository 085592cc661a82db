"""Structured data as records: YAML front matter lists, and kramdown definition lists.

Every input here is made up; the wordings (English, Korean, Chinese, Japanese)
appear in no corpus file.
"""

from __future__ import annotations

import subprocess
import sys
import time

from studyparse._markdown import to_markdown
from studyparse._read import parse

# -- YAML front matter ---------------------------------------------------------------

ENGLISH_FRONT_MATTER = """\
---
title: "Causal ML Reading Circle"
layout: page
tags: [causality, ml]
updated: 2024-02-01T09:30:00+01:00
talks:
  - title: "[Invariant Risk Minimization](https://arxiv.org/abs/1907.02893)"
    presenter: Priya Raman
    date: 2024-02-06
    slides: https://example.org/irm.pdf
  - topic: Double Machine Learning
    speakers: [Tomas Berg, "Ines Okafor (ines@example.org)"]
    date: "Feb 13, 2024"
    video: https://www.youtube.com/watch?v=abc123
papers:
  - title: Elements of Causal Inference
    authors: [Jonas Peters, Dominik Janzing, Bernhard Schoelkopf]
    venue: MIT Press
    year: 2017
  - title: Causal Forests
    url: https://arxiv.org/abs/1510.04342
---

# Causal ML Reading Circle

We meet on Tuesdays.
"""


def test_front_matter_talks_are_talks_with_their_fields() -> None:
    doc = parse(ENGLISH_FRONT_MATTER)
    first, second = doc.talks
    assert (first.title, first.date, first.slides) == (
        "Invariant Risk Minimization",
        "2024-02-06",
        "https://example.org/irm.pdf",
    )
    assert [p.name for p in first.presenters] == ["Priya Raman"]
    assert first.paper is not None and first.paper.url == "https://arxiv.org/abs/1907.02893"
    assert (second.title, second.date) == ("Double Machine Learning", "2024-02-13")
    assert [(p.name, p.email) for p in second.presenters] == [
        ("Tomas Berg", None),
        ("Ines Okafor", "ines@example.org"),
    ]
    assert second.video == "https://www.youtube.com/watch?v=abc123"
    assert (first.line, second.line) == (7, 11)
    assert {"Priya Raman", "Tomas Berg", "Ines Okafor"} <= {p.name for p in doc.people}


def test_front_matter_papers_are_papers() -> None:
    doc = parse(ENGLISH_FRONT_MATTER)
    book, forests = doc.papers
    assert (book.title, book.venue, book.year) == (
        "Elements of Causal Inference",
        "MIT Press",
        2017,
    )
    assert book.authors == ["Jonas Peters", "Dominik Janzing", "Bernhard Schoelkopf"]
    assert (forests.title, forests.url) == ("Causal Forests", "https://arxiv.org/abs/1510.04342")
    assert book.line == 16


def test_front_matter_scalars_stay_strings_as_written() -> None:
    doc = parse(ENGLISH_FRONT_MATTER)
    assert doc.title == "Causal ML Reading Circle"
    assert doc.front_matter == {
        "title": "Causal ML Reading Circle",
        "layout": "page",
        "tags": "[causality, ml]",
        "updated": "2024-02-01T09:30:00+01:00",
    }


def test_korean_keys_in_a_schedule_list() -> None:
    doc = parse(
        "---\n"
        "제목: 그래프 신경망 스터디\n"
        "일정:\n"
        "  - 제목: 메시지 패싱 신경망 정리\n"
        "    발표자: 한지우, 오세린\n"
        "    날짜: 2023년 7월 4일\n"
        "  - 주제: 그래프 어텐션\n"
        "    발표자: 문태경\n"
        "    날짜: 2023-07-11\n"
        "---\n\n본문\n"
    )
    assert [(t.title, t.date) for t in doc.talks] == [
        ("메시지 패싱 신경망 정리", "2023-07-04"),
        ("그래프 어텐션", "2023-07-11"),
    ]
    assert [[p.name for p in t.presenters] for t in doc.talks] == [["한지우", "오세린"], ["문태경"]]
    assert doc.front_matter["제목"] == "그래프 신경망 스터디"


def test_japanese_keys_read_by_content_of_the_labels() -> None:
    doc = parse(
        "---\n"
        "layout: post\n"
        "輪読:\n"
        "  - タイトル: 拡散モデル入門\n"
        "    発表者: 佐々木 遥\n"
        "    日付: 2022-11-08\n"
        "    スライド: https://speakerdeck.com/example/kakusan\n"
        "---\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.date) == ("拡散モデル入門", "2022-11-08")
    assert [p.name for p in talk.presenters] == ["佐々木 遥"]
    assert talk.slides == "https://speakerdeck.com/example/kakusan"


def test_nested_sessions_give_their_date_and_week_to_their_talks() -> None:
    doc = parse(
        "---\n"
        "安排:\n"
        "  - 周次: 3\n"
        "    日期: 2024-05-10\n"
        "    主题: 检索增强生成\n"
        "    talks:\n"
        "      - 题目: 稠密检索综述\n"
        "        主讲人: 王晓雯\n"
        "      - 题目: 长上下文与检索\n"
        "        主讲人: [赵一鸣, 钱多多]\n"
        "    readings:\n"
        "      - 题目: Dense Passage Retrieval\n"
        "        url: https://arxiv.org/abs/2004.04906\n"
        "---\n"
    )
    (session,) = doc.sessions
    assert (session.title, session.week, session.date) == ("检索增强生成", 3, "2024-05-10")
    assert [(t.title, t.week, t.date) for t in session.talks] == [
        ("稠密检索综述", 3, "2024-05-10"),
        ("长上下文与检索", 3, "2024-05-10"),
    ]
    assert [p.name for p in session.talks[1].presenters] == ["赵一鸣", "钱多多"]
    (reading,) = doc.papers
    assert (reading.title, reading.category) == ("Dense Passage Retrieval", "检索增强生成")
    assert session.talks[0].line == 7


def test_a_person_mapping_and_a_paper_mapping_inside_a_talk() -> None:
    doc = parse(
        "---\n"
        "sessions:\n"
        "  - date: 2021-10-05\n"
        "    presenter:\n"
        "      name: Wren Adeyemi\n"
        "      email: wren@example.org\n"
        "    paper:\n"
        "      title: Deep Sets\n"
        "      authors: Manzil Zaheer, Satwik Kottur\n"
        "      venue: NeurIPS 2017\n"
        "organizers:\n"
        "  - name: Lio Marchetti\n"
        "    github: liom\n"
        "---\n"
    )
    (talk,) = doc.talks
    assert [(p.name, p.email) for p in talk.presenters] == [("Wren Adeyemi", "wren@example.org")]
    assert talk.paper is not None
    assert (talk.paper.title, talk.paper.venue, talk.paper.year) == ("Deep Sets", "NeurIPS", 2017)
    assert talk.paper.authors == ["Manzil Zaheer", "Satwik Kottur"]
    assert doc.papers == []
    assert ("Lio Marchetti", "liom") in {(p.name, p.handle) for p in doc.people}


def test_lists_that_are_not_records_are_left_alone() -> None:
    doc = parse("---\ntitle: Notes\nmenu:\n  - label: Home\n  - label: About\n---\n")
    assert doc.talks == [] and doc.papers == []
    assert doc.front_matter == {"title": "Notes"}


def test_bad_yaml_is_a_diagnostic_with_its_line_and_key_values_are_still_read() -> None:
    doc = parse("---\ntitle: Reading Group\nreads:\n  - date: x\n\t  slides: y\n---\n# Body\n")
    (problem,) = [d for d in doc.diagnostics if d.code == "front-matter-yaml"]
    assert problem.line == 5
    assert "not valid YAML" in problem.message
    assert doc.front_matter["title"] == "Reading Group"
    assert doc.title == "Reading Group"
    assert doc.talks == []


def test_front_matter_is_written_back_byte_for_byte() -> None:
    text = (
        "---\n"
        "title:   Spaced   \n"
        "abstract: |\n"
        "  line one  \n"
        "  line two\t\n"
        "talks:\n"
        "  - {title: Flow Matching, presenter: Ada Osei, date: 2024-04-02}\n"
        "---\n\n"
        "# Flow Matching Club\n"
    )
    out = to_markdown(parse(text))
    assert out.startswith(text.split("\n\n", 1)[0] + "\n")
    assert to_markdown(parse(out)) == out
    assert [t.title for t in parse(out).talks] == ["Flow Matching"]


def test_a_document_built_from_its_fields_does_not_repeat_the_front_matter_talks() -> None:
    import studyparse

    doc = studyparse.parse(ENGLISH_FRONT_MATTER)
    out = studyparse.to_markdown(doc)
    again = parse(out)
    assert [t.title for t in again.talks] == [t.title for t in doc.talks]
    assert [p.title for p in again.papers] == [p.title for p in doc.papers]


def test_twenty_thousand_mappings_are_twenty_thousand_talks() -> None:
    rows = "".join(
        f"  - title: Paper number {i}\n    presenter: Ann Lee\n    date: 2024-01-{i % 28 + 1:02d}\n"
        for i in range(20_000)
    )
    start = time.perf_counter()
    doc = parse("---\ntalks:\n" + rows + "---\n\n# Group\n")
    assert time.perf_counter() - start < 30
    assert len(doc.talks) == 20_000
    assert doc.talks[-1].title == "Paper number 19999"
    assert doc.talks[-1].line == 2 + 3 * 19_999 + 1
    assert [p.name for p in doc.people] == ["Ann Lee"]


def test_an_alias_bomb_reads_each_record_once() -> None:
    lines = ["---", "t0: &t0 [" + ", ".join(["{title: lol, presenter: Ann Lee}"] * 10) + "]"]
    for level in range(1, 12):
        inner = ", ".join([f"{{title: S{level}, talks: *t{level - 1}}}"] * 10)
        lines.append(f"t{level}: &t{level} [{inner}]")
    start = time.perf_counter()
    doc = parse("\n".join([*lines, "---", "# Bomb", ""]))
    assert time.perf_counter() - start < 5
    assert len(doc.talks) == 10  # 10**12 if every alias were expanded
    assert {t.title for t in doc.talks} == {"lol"}


def test_many_uses_of_one_alias_stop_at_the_node_budget() -> None:
    people = "[" + ", ".join(f"P{i} Q" for i in range(2_000)) + "]"
    talks = "\n".join(f"  - {{title: T{i}, presenters: *people}}" for i in range(400))
    start = time.perf_counter()
    doc = parse(f"---\ncrowd: &people {people}\ntalks:\n{talks}\n---\n")
    assert time.perf_counter() - start < 20
    assert any(d.code == "front-matter-too-large" for d in doc.diagnostics)
    assert 0 < len(doc.talks) < 400


def test_deeply_nested_yaml_is_a_diagnostic_not_a_crash() -> None:
    doc = parse("---\nx: " + "[" * 5_000 + "]" * 5_000 + "\ntitle: Deep\n---\n")
    assert any(d.code == "front-matter-yaml" for d in doc.diagnostics)
    assert doc.front_matter["title"] == "Deep"


def _modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return {name.partition(".")[0] for name in proc.stdout.split("\n")}


def test_yaml_is_imported_only_for_a_document_with_front_matter() -> None:
    plain = (
        "from studyparse._read import parse\nparse('# Group\\n- [A](https://arxiv.org/abs/1)\\n')"
    )
    assert "yaml" not in _modules_after(plain)
    framed = "from studyparse._read import parse\nparse('---\\ntitle: x\\n---\\n# Group\\n')"
    assert "yaml" in _modules_after(framed)


# -- kramdown definition lists -------------------------------------------------------


def test_a_dated_term_with_labelled_definitions_is_one_talk() -> None:
    doc = parse(
        "## Schedule\n\n"
        "Week 3 — Sep 12, 2023\n"
        ": **Paper:** [Neural Ordinary Differential Equations](https://arxiv.org/abs/1806.07366)\n"
        ": Presenter: Ann Lee\n"
        ": Slides: [pdf](https://example.org/node.pdf)\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.week, talk.date) == (
        "Neural Ordinary Differential Equations",
        3,
        "2023-09-12",
    )
    assert [p.name for p in talk.presenters] == ["Ann Lee"]
    assert talk.slides == "https://example.org/node.pdf"
    assert talk.paper is not None and talk.paper.url == "https://arxiv.org/abs/1806.07366"
    assert talk.line == 4
    (session,) = doc.sessions
    assert (session.title, session.line) == ("Week 3 — Sep 12, 2023", 3)


def test_a_session_title_under_a_date_with_its_readings_listed_after_it() -> None:
    doc = parse(
        "Oct 3, 2023\n"
        ": [Score-Based Generative Modeling](https://example.org/recording) "
        "([Slides](https://example.org/sb.pptx))\n"
        "  : Mira Solberg, Teo Vance\n"
        ": 1. [Consistency Models](https://arxiv.org/abs/2303.01469)\n"
        "  2. [Flow Straight and Fast](https://arxiv.org/abs/2209.03003) by Xingchao Liu\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.date, talk.slides) == (
        "Score-Based Generative Modeling",
        "2023-10-03",
        "https://example.org/sb.pptx",
    )
    assert [p.name for p in talk.presenters] == ["Mira Solberg", "Teo Vance"]
    assert [(p.title, p.url, p.category) for p in doc.papers] == [
        ("Consistency Models", "https://arxiv.org/abs/2303.01469", "Oct 3, 2023"),
        ("Flow Straight and Fast", "https://arxiv.org/abs/2209.03003", "Oct 3, 2023"),
    ]
    assert "Xingchao Liu" not in {p.name for p in doc.people}


def test_unlabelled_titles_under_a_date_are_talks_of_that_date() -> None:
    doc = parse(
        "Oct 3, 2023\n"
        ": 1. [Consistency Models](https://arxiv.org/abs/2303.01469)\n"
        "  2. [Flow Straight and Fast](https://arxiv.org/abs/2209.03003)\n"
        "  : Mira Solberg, Teo Vance\n"
    )
    assert [(t.title, t.date) for t in doc.talks] == [
        ("Consistency Models", "2023-10-03"),
        ("Flow Straight and Fast", "2023-10-03"),
    ]


def test_korean_term_is_the_title_and_its_labels_the_fields() -> None:
    doc = parse(
        "트랜스포머 경량화 기법\n"
        ": 발표자: 김하늘\n"
        ": 날짜: 2024년 3월 5일\n"
        ": 발표자료: [slides](https://example.org/light.pdf)\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.date) == ("트랜스포머 경량화 기법", "2024-03-05")
    assert [p.name for p in talk.presenters] == ["김하늘"]
    assert talk.slides == "https://example.org/light.pdf"


def test_chinese_labels_with_wide_colons() -> None:
    doc = parse(
        "2024年5月10日\n"
        ": 主讲人：王晓雯\n"
        ": 论文：[检索增强生成综述](https://arxiv.org/abs/2312.10997)\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.date) == ("检索增强生成综述", "2024-05-10")
    assert [p.name for p in talk.presenters] == ["王晓雯"]


def test_japanese_dated_term_with_a_slide_deck_as_the_title_link() -> None:
    doc = parse(
        "第5回 2022年11月8日\n"
        ": 発表者: 佐々木 遥\n"
        ": [拡散モデル入門](https://speakerdeck.com/example/kakusan)\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.date) == ("拡散モデル入門", "2022-11-08")
    assert talk.slides == "https://speakerdeck.com/example/kakusan"
    assert [p.name for p in talk.presenters] == ["佐々木 遥"]


def test_an_invited_talk_names_its_speaker_and_a_deadline_is_no_talk() -> None:
    doc = parse(
        "Apr 2, 2024\n"
        ": **INVITED**{: .label .label-green} [Invited Talk by Hana Novak](https://youtu.be/x1)\n\n"
        "Apr 4, 2024\n"
        ": **Due**{: .label .label-red} [Project proposal](https://forms.example.org/p)\n\n"
        "Apr 9, 2024\n"
        ": [Learning by Doing](https://example.org/lbd)\n"
        "  : Everyone\n"
    )
    invited, practice = doc.talks
    assert (invited.title, invited.video) == ("Invited Talk by Hana Novak", "https://youtu.be/x1")
    assert [p.name for p in invited.presenters] == ["Hana Novak"]
    assert (practice.title, practice.presenters) == ("Learning by Doing", [])
    assert "Project proposal" in "\n".join(block.text for block in doc.blocks)


def test_a_term_with_authors_and_a_venue_is_a_paper() -> None:
    doc = parse(
        "Deep Residual Learning for Image Recognition\n"
        ": Authors: Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun\n"
        ": Venue: CVPR 2016\n"
        ": [arXiv](https://arxiv.org/abs/1512.03385)\n"
    )
    assert doc.talks == []
    (paper,) = doc.papers
    assert (paper.title, paper.venue, paper.year) == (
        "Deep Residual Learning for Image Recognition",
        "CVPR",
        2016,
    )
    assert paper.authors[0] == "Kaiming He" and len(paper.authors) == 4
    assert paper.url == "https://arxiv.org/abs/1512.03385"


def test_a_glossary_is_kept_as_text() -> None:
    text = (
        "# Glossary\n\n"
        "Attention\n"
        ": A weighted average whose weights the model computes.\n\n"
        "Residual\n"
        ": The input added back to a block's output.\n"
    )
    doc = parse(text)
    assert doc.talks == [] and doc.papers == []
    kept = "\n".join(block.text for block in doc.blocks)
    assert ": A weighted average whose weights the model computes." in kept
    assert to_markdown(doc) == text


def test_definition_lists_are_written_back_as_written() -> None:
    text = (
        "# Schedule\n\n"
        "Oct 3, 2023\n"
        ": [Consistency Models](https://arxiv.org/abs/2303.01469)\n"
        "  : Mira Solberg\n"
        ": 1. [Flow Matching](https://arxiv.org/abs/2210.02747)\n"
        "  1. [Rectified Flow](https://arxiv.org/abs/2209.03003)\n"
        "\n"
        ": Slides: [deck](https://example.org/deck.pdf)\n\n"
        "Oct 10, 2023\n"
        ": Presenter: Teo Vance\n"
    )
    out = to_markdown(parse(text))
    assert out == text
    assert [t.title for t in parse(out).talks] == ["Consistency Models", None]
    assert [p.title for p in parse(out).papers] == ["Flow Matching", "Rectified Flow"]


def test_a_definition_after_a_list_item_starts_a_new_definition() -> None:
    doc = parse(
        "May 7, 2024\n"
        ": 1. [Mamba](https://arxiv.org/abs/2312.00752)\n"
        "  2. [S4](https://arxiv.org/abs/2111.00396)\n"
        ": Presenter: Ravi Menon\n"
    )
    assert [t.title for t in doc.talks] == ["Mamba", "S4"]
    assert {p.name for t in doc.talks for p in t.presenters} == {"Ravi Menon"}


def test_twenty_thousand_definitions_finish_in_linear_time() -> None:
    text = "Sep 1, 2023\n" + "".join(
        f": [Talk {i}](https://example.org/{i})\n" for i in range(20_000)
    )
    start = time.perf_counter()
    doc = parse(text)
    assert time.perf_counter() - start < 30
    assert len(doc.talks) == 20_000
    assert doc.talks[-1].title == "Talk 19999" and doc.talks[-1].line == 20_001


def test_an_outline_with_readings_gives_talks_notes_and_papers() -> None:
    doc = parse(
        "Week 4 Oct 2\n"
        ": **Lecture**{: .label .label-blue }[Graph Neural Networks](https://example.org/w4.pdf)\n"
        "  **Lab**{: .label .label-green }[PyG Lab](https://example.org/lab4.pdf)\n"
        ": - Message passing\n"
        "  - Oversmoothing\n"
        "  - Suggested readings:\n"
        "    - Kipf & Welling (2017) [Semi-Supervised Classification with Graph "
        "Convolutional Networks](https://arxiv.org/abs/1609.02907)\n"
        "    - Xu et al. (2019) [How Powerful are Graph Neural Networks?]"
        "(https://arxiv.org/abs/1810.00826)\n"
    )
    assert [(t.title, t.week) for t in doc.talks] == [("Graph Neural Networks", 4), ("PyG Lab", 4)]
    assert doc.talks[0].notes == ["Message passing", "Oversmoothing"]
    assert [(p.title, p.year, p.category) for p in doc.papers] == [
        (
            "Semi-Supervised Classification with Graph Convolutional Networks",
            2017,
            "Suggested readings",
        ),
        ("How Powerful are Graph Neural Networks?", 2019, "Suggested readings"),
    ]


def test_a_korean_outline_with_a_reading_label() -> None:
    doc = parse(
        "3주차 - 10월 2일\n"
        ": [그래프 신경망 개요](https://example.org/w3.pdf)\n"
        "  : 발표자: 이서준\n"
        ": - 메시지 전달\n"
        "  - 참고 논문\n"
        "    - [Graph Attention Networks](https://arxiv.org/abs/1710.10903)\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.week) == ("그래프 신경망 개요", 3)
    assert [p.name for p in talk.presenters] == ["이서준"]
    assert [(p.title, p.category) for p in doc.papers] == [
        ("Graph Attention Networks", "참고 논문")
    ]


def test_link_keys_named_by_what_they_link_to() -> None:
    doc = parse(
        "---\n"
        "meetups:\n"
        "  - title: Profiling Python at Scale\n"
        "    speaker: Noor Haddad\n"
        "    youtube_url: https://www.youtube.com/embed/xyz\n"
        "    slides_link: https://example.org/profiling.pdf\n"
        "    paper_url: https://arxiv.org/abs/2101.00001\n"
        "    abstract: Sampling profilers and what they miss.\n"
        "---\n"
    )
    (talk,) = doc.talks
    assert talk.video == "https://www.youtube.com/embed/xyz"
    assert talk.slides == "https://example.org/profiling.pdf"
    assert talk.paper is not None and talk.paper.url == "https://arxiv.org/abs/2101.00001"
    assert talk.notes == ["Sampling profilers and what they miss."]


def test_a_lone_capitalised_title_a_lone_korean_name_and_a_sentence_under_dates() -> None:
    doc = parse(
        "Sep 12, 2023\n: Graph Neural Networks\n\n"
        "Sep 19, 2023\n: 김하늘\n\n"
        "Sep 26, 2023\n: No meeting this week.\n\n"
        "Oct 3, 2023\n: Ann Lee, Bo Kim\n"
    )
    assert [(t.title, [p.name for p in t.presenters], t.date) for t in doc.talks] == [
        ("Graph Neural Networks", [], "2023-09-12"),
        (None, ["김하늘"], "2023-09-19"),
        (None, ["Ann Lee", "Bo Kim"], "2023-10-03"),
    ]


def test_a_front_matter_that_is_itself_a_list_of_talks() -> None:
    doc = parse("---\n- title: Mixture of Experts\n  발표자: 박서윤\n  date: 2024-06-04\n---\n")
    (talk,) = doc.talks
    assert (talk.title, talk.date) == ("Mixture of Experts", "2024-06-04")
    assert [p.name for p in talk.presenters] == ["박서윤"]
    assert doc.front_matter == {}


def test_a_block_scalar_title_loses_only_its_final_newline() -> None:
    doc = parse("---\ntitle: |\n  Optimal Transport\n  Reading Notes\nlang: en\n---\n# x\n")
    assert doc.front_matter == {"title": "Optimal Transport\nReading Notes", "lang": "en"}


def test_hosts_in_front_matter_are_people_not_presenters() -> None:
    doc = parse(
        "---\ntalks:\n  - title: Sparse Autoencoders\n    presenter: Lena Fischer\n"
        "    host: Omar Siddiqui\n---\n"
    )
    (talk,) = doc.talks
    assert [p.name for p in talk.presenters] == ["Lena Fischer"]
    assert {p.name for p in doc.people} == {"Lena Fischer", "Omar Siddiqui"}
