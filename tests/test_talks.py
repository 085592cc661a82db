"""Talks: labelled talk blocks, schedule items with nested fields, schedule tables."""

from __future__ import annotations

from studyparse import parse


def test_numbered_session_with_quoted_fields_and_a_marked_presenter() -> None:
    doc = parse(
        "## Talks\n"
        "- 07: Sparse Mixture Routing in Practice\n"
        "  >- [Video](https://video.example.com/a), [Presentation](./slides/routing.pdf)\n"
        "  >- Keywords: MoE, routing\n"
        "  >- Team: 한지민(발표), 오세훈\n"
        "\n"
        "- 08 : Cheap Long Context\n"
        "  >- [Video](https://video.example.com/b)\n"
        "  >- Team: 유하늘, 강도윤\n"
    )
    first, second = doc.talks
    assert (first.title, first.week) == ("Sparse Mixture Routing in Practice", 7)
    assert [p.name for p in first.presenters] == ["한지민"]
    assert first.slides == "./slides/routing.pdf"
    assert first.video == "https://video.example.com/a"
    assert [p.name for p in second.presenters] == ["유하늘", "강도윤"]
    assert {"한지민", "오세훈", "유하늘", "강도윤"} <= {p.name for p in doc.people}


def test_presenter_first_items_under_a_label_item_are_talks() -> None:
    doc = parse(
        "- 일시: 2023년 5월 2일\n"
        "- 순서\n"
        "\t1. 박*진: NAACL 2021 [Prompting Small Models](https://arxiv.org/abs/2101.00002)\n"
        "\t\t- [slide](https://example.org/s1.pdf)\n"
        "\t2. 이*아: ICML 2020 [Robust Pruning](https://arxiv.org/abs/2001.00003)\n"
    )
    assert [t.title for t in doc.talks] == ["Prompting Small Models", "Robust Pruning"]
    assert [t.presenters[0].name for t in doc.talks] == ["박*진", "이*아"]
    assert doc.talks[0].slides == "https://example.org/s1.pdf"
    assert doc.talks[0].date == "2023-05-02"
    assert doc.papers == []


def test_rule_sentences_under_a_seminar_heading_are_not_talks() -> None:
    doc = parse(
        "## Seminar Rules\n"
        "* 발표자는 하루 전까지 자료를 올린다.\n"
        "* 모든 참가자는 논문을 미리 읽어 온다.\n"
        "* Is the room booked?\n"
    )
    assert doc.talks == []
    assert doc.papers == []


def test_reviewed_papers_are_papers_with_reviewers_not_talks() -> None:
    doc = parse(
        "## 두 번째 모임\n"
        "- 기록\n"
        "  - [1] [Contrastive Sentence Embeddings](https://arxiv.org/abs/2104.08821)\n"
        "    - Reviewer: [moonlit](https://github.com/moonlit/notes)\n"
        "  - [2] [Masked Autoencoders for Audio](https://arxiv.org/abs/2207.06405)\n"
        "    - Reviewer: [riverbank](https://github.com/riverbank/notes)\n"
    )
    assert doc.talks == []
    assert [p.title for p in doc.papers] == [
        "Contrastive Sentence Embeddings",
        "Masked Autoencoders for Audio",
    ]
    assert [a.name for a in doc.papers[0].assignees] == ["moonlit"]


def test_listed_paper_with_its_presentation_file_is_a_paper_and_a_talk() -> None:
    doc = parse(
        "## Speech\n"
        "1. [Whisper Tricks, Kim et al., 2022](https://arxiv.org/pdf/2212.00001.pdf) "
        "[Presentation File](/speech/221010_whisper.pdf)\n"
        "2. [Tiny TTS, Lee et al., 21' ICASSP](https://arxiv.org/pdf/2101.00009.pdf) "
        "[Presentation File](/speech/221024_tts.pdf)\n"
    )
    assert [p.title for p in doc.papers] == ["Whisper Tricks", "Tiny TTS"]
    assert [t.slides for t in doc.talks] == ["/speech/221010_whisper.pdf", "/speech/221024_tts.pdf"]


def test_name_with_handle_is_a_person_anywhere() -> None:
    doc = parse("# Group\n\n> 2조. 서하은(@haeun-s), Mark Lee(@marklee)\n")
    found = {(p.name, p.handle) for p in doc.people}
    assert {("서하은", "haeun-s"), ("Mark Lee", "marklee")} <= found


def test_week_grid_of_parallel_tracks_gives_one_talk_per_cell() -> None:
    doc = parse(
        "| 회차 | 비전 | 언어 |\n| --- | --- | --- |\n| 1회 | ViT | ELMo |\n| 2회 | Swin | - |\n"
    )
    assert [(t.title, t.week) for t in doc.talks] == [("ViT", 1), ("ELMo", 1), ("Swin", 2)]


def test_grid_of_numbered_slots_is_a_plan_not_talks() -> None:
    doc = parse(
        "| Week | Track A | Track B |\n"
        "| --- | --- | --- |\n"
        "| 1 | Detection(1) | Speech(1) |\n"
        "| 2 | Detection(2) | Speech(2) |\n"
    )
    assert doc.talks == []


def test_weekly_table_of_linked_reports_without_presenters_is_a_reading_list() -> None:
    doc = parse(
        "| Week | Report | Focus |\n"
        "| --- | --- | --- |\n"
        "| W01 | [Orca 1](https://arxiv.org/abs/2306.00001) | data |\n"
        "| W02 | [Orca 2](https://arxiv.org/abs/2311.00002) → "
        "[Orca 3](https://arxiv.org/abs/2401.00003) | rl |\n"
    )
    assert [p.title for p in doc.papers] == ["Orca 1", "Orca 2", "Orca 3"]
    assert doc.talks == []


def test_several_linked_papers_in_one_topic_cell_make_one_talk() -> None:
    doc = parse(
        "| Date | Topic | Presenters |\n"
        "| --- | --- | --- |\n"
        "| 3rd March, 2021 | [Dropout](https://arxiv.org/abs/1207.0580), "
        "[DropConnect](https://example.org/dc.pdf) | Mia, Leo\n"
    )
    (talk,) = doc.talks
    assert talk.title == "Dropout, DropConnect"
    assert talk.date == "2021-03-03"
    assert [p.name for p in talk.presenters] == ["Mia", "Leo"]


def test_team_table_without_title_or_time_is_not_a_schedule() -> None:
    doc = parse("| Team | What we read |\n| --- | --- |\n| Systems | kernels and compilers |\n")
    assert doc.talks == []
    assert doc.people == []


def test_event_time_line_dates_the_talks_and_link_placeholders_leave_titles() -> None:
    doc = parse(
        "## About\nTime: Mar 3, 2023 2:00 PM\n\n"
        "## Program\n1pm\n"
        "- 윤서아: Diffusion for Weather [slides] [feedback](https://forms.example.com/a)\n"
        "- 임도윤: 그래프 신경망 입문 [slides]\n"
    )
    assert [t.title for t in doc.talks] == ["Diffusion for Weather", "그래프 신경망 입문"]
    assert {t.date for t in doc.talks} == {"2023-03-03"}
    assert doc.talks[0].slides is None


def test_handle_presenter_becomes_the_person_known_by_that_handle() -> None:
    doc = parse(
        "> 3조. 문가람(@garam-m), 윤재(@yoonjae)\n\n"
        "## Curriculum\n1. [MoCo](https://arxiv.org/abs/1911.05722) @garam-m\n"
        "2. [SimCLR](https://arxiv.org/abs/2002.05709) @yoonjae\n"
    )
    assert [[p.name for p in t.presenters] for t in doc.talks] == [["문가람"], ["윤재"]]


def test_trailing_group_mark_presents_the_members_of_that_group() -> None:
    doc = parse(
        "## How we work\n"
        "- Groups take turns\n"
        "    > A조. 한별(@hanbyul), 김솔(@kimsol) <br>\n"
        "    > B조. Ivy Chen(@ivyc)\n\n"
        "## Curriculum\n"
        "1. [U-Net](https://arxiv.org/abs/1505.04597) `A조`\n"
        "2. Attention 개념 정리 `B조`\n"
    )
    assert [[p.name for p in t.presenters] for t in doc.talks] == [["한별", "김솔"], ["Ivy Chen"]]
    kept = "\n".join(b.text for b in doc.blocks)
    assert "B조. Ivy Chen(@ivyc)" in kept


def test_bulleted_fields_under_a_bold_talk_title_in_a_week() -> None:
    doc = parse(
        "## Schedule\n### Week4 (October 02, 2021)\n**Kernel Fusion in Practice**\n"
        "- Speaker: Bo Kim (bo@example.org)\n- Date: Oct 9\n- Slides: [pdf](https://example.org/k.pdf)\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.week, talk.date) == ("Kernel Fusion in Practice", 4, "2021-10-09")
    assert talk.slides == "https://example.org/k.pdf"
    assert [p.email for p in talk.presenters] == ["bo@example.org"]
    assert doc.papers == []


def test_presenter_cell_with_line_breaks_names_each_person() -> None:
    doc = parse(
        "| 날짜 | 발표자 | 논문 |\n|---|---|---|\n"
        "| 2022.05.02 | 남궁민<br>Sara Ng | Graph Nets |\n"
        "| 5월 9일 | 미정 | TBD |\n"
    )
    (talk,) = doc.talks
    assert [p.name for p in talk.presenters] == ["남궁민", "Sara Ng"]
    assert talk.date == "2022-05-02"


def test_schedule_table_with_a_materials_column_and_a_declared_count() -> None:
    doc = parse(
        "## 일정 (3)\n\n| 주차 | 날짜 | 발표자 | 논문 | 자료 |\n|---|---|---|---|---|\n"
        "| 1 | 2023-03-06 | 김하나 | [RT-1](https://arxiv.org/abs/2212.06817) | [pdf](./w1.pdf) |\n"
        "| 2 | 03.13 | 이두리 | Diffusion Policy | - |\n"
        "| 3 | 미정 | TBD | TBD | |\n"
    )
    assert [(t.title, t.week, t.date, t.slides) for t in doc.talks] == [
        ("RT-1", 1, "2023-03-06", "./w1.pdf"),
        ("Diffusion Policy", 2, "2023-03-13", None),
    ]
    (mismatch,) = [d for d in doc.diagnostics if d.code == "count-mismatch"]
    assert (mismatch.line, mismatch.message) == (1, "heading declares 3 items, 2 found")


def test_header_cells_with_emoji_and_joiners_are_read_by_their_words() -> None:
    doc = parse(
        "## 2024-2025 春季读书会\n"
        "\n"
        "| 周数🗓️ | 日期⏰ | 分享者👩\u200d💻 | 内容📚 | 主持人🧑\u200d⚖️ |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | 3.4 | 刘一鸣 | 稀疏注意力综述 | 周晓 |\n"
        "| 2 | 3.11 | 孙悦 & 钱多多 |  | 周晓 |\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.week, talk.date) == ("稀疏注意力综述", 1, "2025-03-04")
    assert [p.name for p in talk.presenters] == ["刘一鸣"]
    assert [p.name for p in doc.people] == ["刘一鸣", "周晓", "孙悦", "钱多多"]


def test_korean_presentation_date_and_host_columns() -> None:
    doc = parse(
        "## 일정\n"
        "\n"
        "| 논문 | 발표일 | 발표자 | 주최 |\n"
        "| --- | --- | --- | --- |\n"
        "| Tiny Recurrent Memory | 2024.04.02 | 문가람 | 배수진 |\n"
    )
    (talk,) = doc.talks
    assert (talk.title, talk.date) == ("Tiny Recurrent Memory", "2024-04-02")
    assert [p.name for p in talk.presenters] == ["문가람"]
    assert {"문가람", "배수진"} <= {p.name for p in doc.people}


def test_a_table_row_whose_date_is_a_format_mask_is_a_template() -> None:
    doc = parse(
        "## Sessions\n"
        "\n"
        "| When | Paper | Speaker |\n"
        "| --- | --- | --- |\n"
        "| MM/DD/YYYY | paper title (venue year) | your name |\n"
        "| 2030.01.12 | Rotary Embeddings Explained | Ana Silva |\n"
    )
    assert [t.title for t in doc.talks] == ["Rotary Embeddings Explained"]
    assert doc.papers == []
    assert [p.name for p in doc.people] == ["Ana Silva"]


def test_a_dated_section_builds_its_talk_from_fields_in_any_order() -> None:
    doc = parse(
        "## Plan 2031\n"
        "\n"
        "**Session 4 (Mar 3)**\n"
        "\n"
        "_Moderator:_ Lena Voss\n"
        "*Theme: Causal Inference*\n"
        "\n"
        "*Invariant Risk Minimization Revisited*\n"
        "\n"
        "Some notes on the reading.\n"
        "\n"
        "**Week 6 (Mar 17)**\n"
        "\n"
        "__Topic: Kernels__\n"
        "_Lead:_ Omar Haddad, Kit Chu\n"
        "\n"
        "**Week 8 (Mar 31)**\n"
        "\n"
        "No meeting.\n"
    )
    titles = [(t.title, t.week, t.date, [p.name for p in t.presenters]) for t in doc.talks]
    assert titles == [
        ("Invariant Risk Minimization Revisited", None, "2031-03-03", ["Lena Voss"]),
        ("Kernels", 6, "2031-03-17", ["Omar Haddad", "Kit Chu"]),
    ]


def test_field_lines_outside_a_dated_section_make_no_talk() -> None:
    doc = parse("## About\n\n*Topic: Robust Vision*\n_Host:_ Mira Sol\n")
    assert doc.talks == []


def test_a_links_column_gives_slides_and_video_by_label_or_by_file_type() -> None:
    doc = parse(
        "## Schedule\n"
        "\n"
        "| Date | Paper | Presenter | Resources |\n"
        "| --- | --- | --- | --- |\n"
        "| 2031.02.03 | Mamba Notes | Ivo Kral | [paper](https://arxiv.org/abs/2312.00752) "
        "[write-up](https://github.com/club/notes/blob/main/mamba.pdf) |\n"
        "| 2031.02.10 | Retrieval Heads | Ada Lu | [recording](https://youtu.be/abc) |\n"
    )
    first, second = doc.talks
    assert first.slides == "https://github.com/club/notes/blob/main/mamba.pdf"
    assert (second.slides, second.video) == (None, "https://youtu.be/abc")


def test_a_korean_label_noun_before_a_colon_is_not_a_presenter() -> None:
    from studyparse._talks import presenter_prefix

    assert presenter_prefix("장소: Zoom Meeting Room", set()) is None
    assert presenter_prefix("준비물: Laptop and PyTorch", set()) is None
    assert presenter_prefix("윤채린: Attention Sinks in LLMs", set()) == "윤채린"


def test_presenter_before_title_in_a_week_section_plain_or_bulleted() -> None:
    for body in (
        "Discussant: Tove Lind\nSparse Probing of Language Models\n",
        "- Discussant: Tove Lind\n- Sparse Probing of Language Models\n",
        "- Sparse Probing of Language Models\n- Discussant: Tove Lind\n",
    ):
        doc = parse("## Meetings\n### Week 12\n" + body)
        talks = [(t.title, t.week, [p.name for p in t.presenters]) for t in doc.talks]
        assert talks == [("Sparse Probing of Language Models", 12, ["Tove Lind"])], body


def test_bulleted_fields_with_two_paper_lines_are_not_one_talk() -> None:
    doc = parse(
        "## Meetings\n### Week 12\n- Speaker: Tove Lind\n"
        "- [Sparse Probing](https://arxiv.org/abs/2305.01610)\n"
        "- [Linear Probes](https://arxiv.org/abs/1610.01644)\n"
    )
    assert [t.title for t in doc.talks] != ["Sparse Probing"]


def test_a_dated_table_of_names_is_no_grid_of_parallel_talks() -> None:
    doc = parse(
        "## Rota\n"
        "\n"
        "| Date | Room | Duty |\n"
        "| --- | --- | --- |\n"
        "| 2031-05-02 | 101 | 孙 悦 |\n"
        "| 2031-05-09 | 102 | 김하린 |\n"
    )
    assert doc.talks == []


def test_a_dated_table_of_parallel_topics_is_still_a_grid() -> None:
    doc = parse(
        "## Tracks\n"
        "\n"
        "| Date | Vision | Language |\n"
        "| --- | --- | --- |\n"
        "| 2031-05-02 | Diffusion Basics | Tokenizer design |\n"
    )
    assert [t.title for t in doc.talks] == ["Diffusion Basics", "Tokenizer design"]
