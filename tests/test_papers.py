"""Paper items read by generic rules, checked on small made-up inputs."""

from __future__ import annotations

import pytest

from studyparse import parse, to_markdown
from studyparse._papers import read_paper


def test_labelled_paper_link_on_any_host_is_a_paper() -> None:
    doc = parse(
        "## Retrieval\n"
        "* Sparse Codes for Sketch Search : [[paper]](https://example.edu/~lab/sketch.pdf)"
        "[[notes_page]](https://example.org/notes/1)\n"
        "* Dense Codes for Photo Search : [[pdf]](https://example.edu/photo.pdf)\n"
    )
    assert [p.title for p in doc.papers] == [
        "Sparse Codes for Sketch Search",
        "Dense Codes for Photo Search",
    ]
    assert doc.papers[0].url == "https://example.edu/~lab/sketch.pdf"


def test_underscored_link_label_is_a_resource_not_a_title() -> None:
    read = read_paper(
        "Graph Pooling Revisited : [[paper]](https://arxiv.org/abs/2101.00001)"
        "[[link_review]](https://blog.example.com/pooling)"
    )
    assert read is not None
    assert read.paper.title == "Graph Pooling Revisited"
    assert read.links["notes"] == "https://blog.example.com/pooling"


def test_mla_container_keeps_an_arxiv_number_ending_in_a_year_like_digits() -> None:
    read = read_paper(
        "Doe, Jane, et al. “Tiny Nets for Tiny Chips.” arXiv preprint arXiv:2203.11987 (2022)."
    )
    assert read is not None
    assert read.paper.venue == "arXiv preprint arXiv:2203.11987"
    assert read.paper.year == 2022


def test_links_to_whole_sites_under_a_paper_heading_are_not_papers() -> None:
    doc = parse(
        "### 논문 찾기\n"
        "- [scholar search](https://scholar.example.com/)\n"
        "- [Model Shelf](https://models.example.org)\n"
    )
    assert doc.papers == []


def test_bold_labels_with_questions_are_not_citations() -> None:
    doc = parse(
        "## What to cover\n"
        "* **Idea**: 무엇을 푸는가?\n"
        "* **Method**: 핵심 수식 정리\n"
        "* **Limits**: where does it break?\n"
    )
    assert doc.papers == []


def test_bold_title_with_authors_and_venue_is_a_citation() -> None:
    read = read_paper("**Lottery Tickets Revisited**. *Ann Lee, Bo Park*. ICLR 2021.")
    assert read is not None
    assert (read.paper.title, read.paper.venue, read.paper.year) == (
        "Lottery Tickets Revisited",
        "ICLR",
        2021,
    )
    assert read.paper.authors == ["Ann Lee", "Bo Park"]


def test_linked_title_that_asks_a_question_is_a_paper() -> None:
    doc = parse(
        "## Readings\n"
        "1. [Do Probes Find Syntax? (Ann Lee, Bo Park)](https://example.org/notes.md#probes)\n"
        "2. [Is Attention Explanation? (Cy Kim & Di Ho)](https://example.org/notes.md#attn)\n"
    )
    assert [p.title for p in doc.papers] == ["Do Probes Find Syntax?", "Is Attention Explanation?"]
    assert doc.papers[0].authors == ["Ann Lee", "Bo Park"]


def test_rendered_copy_with_dot_bullets_and_bare_numbers() -> None:
    doc = parse(
        "Tiny Models Club\n\nReadings (2)\n\n"
        "• Pruning Filters Quickly, ICLR, 2017\n"
        "• Sparse Wins, MLSys, 2020\n\n"
        "Compilers (1)\n\n"
        "1 Tensor Programs at Scale, OSDI, 2018\n"
    )
    assert [(p.title, p.category) for p in doc.papers] == [
        ("Pruning Filters Quickly", "Readings"),
        ("Sparse Wins", "Readings"),
        ("Tensor Programs at Scale", "Compilers"),
    ]
    assert not [d for d in doc.diagnostics if d.code == "count-mismatch"]


def test_unreadable_item_of_a_paper_list_is_kept_with_its_children_and_reported() -> None:
    doc = parse(
        "## Papers\n- Deep Sets, NeurIPS, 2017\n"
        "- what should we read next?\n  - maybe graph stuff\n"
    )
    assert [p.title for p in doc.papers] == ["Deep Sets"]
    kept = [b.text for b in doc.unparsed]
    assert "- what should we read next?" in kept
    assert "  - maybe graph stuff" in kept
    (diagnostic,) = [d for d in doc.diagnostics if d.code == "unreadable-paper"]
    assert diagnostic.line == 3


@pytest.mark.parametrize(
    ("item", "title", "venue", "year"),
    [
        ("[(ICML2031)Quiet Gradients](https://example.org/q)", "Quiet Gradients", "ICML", 2031),
        (
            "(ACM Computing Surveys 2030) A Survey of Tiny Models",
            "A Survey of Tiny Models",
            "ACM Computing Surveys",
            2030,
        ),
        ("[ECCV 2030 FlowNet-x] Optical Flow at Scale", "Optical Flow at Scale", "ECCV", 2030),
        ("(2029)Sparse Codes Revisited", "Sparse Codes Revisited", None, 2029),
    ],
)
def test_a_leading_venue_year_tag_is_metadata(
    item: str, title: str, venue: str | None, year: int
) -> None:
    read = read_paper(item)
    assert read is not None
    assert (read.paper.title, read.paper.venue, read.paper.year) == (title, venue, year)


def test_a_leading_tag_without_venue_or_year_stays_in_the_title() -> None:
    read = read_paper("[Draft] Notes on Kernel Tricks")
    assert read is not None
    assert (read.paper.title, read.paper.venue) == ("[Draft] Notes on Kernel Tricks", None)


def test_spaced_label_bullets_in_an_overview_section_are_not_papers() -> None:
    doc = parse(
        "## About us\n"
        "- Meeting : Thursdays 7 PM online\n"
        "- Goal : one survey per month, Vision and NLP\n"
        "- 장소 : 공학관 301호\n"
    )
    assert doc.papers == []
    assert "- Meeting : Thursdays 7 PM online" in "\n".join(b.text for b in doc.blocks)


def test_colon_titles_in_an_untitled_section_are_still_papers() -> None:
    doc = parse(
        "## Picks\n"
        "- LoRA: Low-Rank Adaptation of Large Language Models, ICLR 2022\n"
        "- QLoRA: Efficient Finetuning of Quantized LLMs, NeurIPS 2023\n"
    )
    assert [p.venue for p in doc.papers] == ["ICLR", "NeurIPS"]


def test_full_width_commas_separate_trailing_fields_and_the_title_keeps_its_own() -> None:
    read = read_paper("图神经网络，从入门到精通，ICML，2031")
    assert read is not None
    assert (read.paper.title, read.paper.venue, read.paper.year) == (
        "图神经网络，从入门到精通",
        "ICML",
        2031,
    )


def test_loads_names_the_mistake_when_given_text() -> None:
    import studyparse

    with pytest.raises(TypeError, match=r"loads\(\) takes bytes.*parse\(\)"):
        studyparse.loads("## Papers\n")  # type: ignore[arg-type]


@pytest.mark.parametrize("etal", ["et al.", "et. al.", "et al", "et.al."])
def test_a_whole_item_link_keeps_its_target_and_et_al_is_dropped(etal: str) -> None:
    read = read_paper(
        f'[Quill {etal} "Learning to Fold Paper" (2031)](https://example.org/fold.pdf)'
    )
    assert read is not None
    paper = read.paper
    assert (paper.title, paper.authors, paper.year) == ("Learning to Fold Paper", ["Quill"], 2031)
    assert paper.url == "https://example.org/fold.pdf"


@pytest.mark.parametrize(
    ("item", "venue", "year"),
    [
        ("[Graph Attention Networks](https://arxiv.org/abs/1710.10903) (ICLR 2018)", "ICLR", 2018),
        ("[Neural ODEs](https://example.org/odes.pdf) (NeurIPS, 2018)", "NeurIPS", 2018),
        ("[Deep Sets](https://example.org/sets) (2017)", None, 2017),
    ],
)
def test_venue_and_year_in_parentheses_after_a_linked_title(
    item: str, venue: str | None, year: int
) -> None:
    read = read_paper(item)
    assert read is not None
    assert (read.paper.venue, read.paper.year) == (venue, year)
    assert read.paper.url == item[item.index("](") + 2 : item.index(")")]


def test_a_parenthesis_beside_a_linked_title_without_venue_or_year_is_not_metadata() -> None:
    read = read_paper("[Long Short-Term Memory](https://example.org/lstm) (LSTM)")
    assert read is not None
    assert (read.paper.venue, read.paper.year) == (None, None)


def test_a_link_labelled_with_a_venue_and_year_gives_them() -> None:
    read = read_paper("[Deep Nets](https://example.org/a) [NeurIPS 2019](https://example.org/b)")
    assert read is not None
    assert (read.paper.title, read.paper.venue, read.paper.year, read.paper.url) == (
        "Deep Nets",
        "NeurIPS",
        2019,
        "https://example.org/a",
    )


@pytest.mark.parametrize(
    ("item", "title", "venue", "year"),
    [
        (
            "Sparse Routing for Compilers[OSDI'20]: [[Paper](https://x.org/a.pdf)] [[Note](https://x.org/n)]",
            "Sparse Routing for Compilers",
            "OSDI",
            2020,
        ),
        ("Tile Graphs for Fusion \\[ASPLOS 2023\\]", "Tile Graphs for Fusion", "ASPLOS", 2023),
        ("Speech Denoising GAN (ICASSP2018)", "Speech Denoising GAN", "ICASSP", 2018),
        (
            "A Survey of Kernels: [[Paper](https://arxiv.org/abs/1)]",
            "A Survey of Kernels",
            None,
            None,
        ),
        ("ResNet50 Features Revisited", "ResNet50 Features Revisited", None, None),
    ],
)
def test_bracketed_and_glued_venue_tags(
    item: str, title: str, venue: str | None, year: int | None
) -> None:
    read = read_paper(item)
    assert read is not None
    assert (read.paper.title, read.paper.venue, read.paper.year) == (title, venue, year)


def test_task_list_papers_nested_under_plain_labels() -> None:
    text = (
        "## Compilers\n\n"
        "- Survey\n"
        "  - [x] Kernel Fusion in Practice[MLSys'22]: [[Paper](https://arxiv.org/abs/1)]\n\n"
        "- Scheduling\n"
        "  - [ ] Tile Scheduling at Scale (OSDI 2023) [[Paper](https://arxiv.org/abs/2)]\n"
        "  - [x] Loop Nests Revisited [[Paper](https://arxiv.org/abs/3)]\n"
        "-[X]Graph Rewrites\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.venue, p.year) for p in papers][:3] == [
        ("Kernel Fusion in Practice", "MLSys", 2022),
        ("Tile Scheduling at Scale", "OSDI", 2023),
        ("Loop Nests Revisited", None, None),
    ]
    assert all("[" not in p.title for p in papers)


def test_a_bare_address_is_no_paper() -> None:
    text = "- More lists below\n  - https://docs.example.com/sheet/1\n"
    assert parse(text).papers == []


def test_a_bullet_alias_with_the_full_title_as_the_next_paragraph() -> None:
    english = (
        "## Detection\n\n- FastDet, ECCV 2018\n\nFast Detection With Shared Anchors\n\n"
        "https://video.example.org/1\n\n- PoseNet\n\nA Simple Baseline for Pose Estimation\n"
    )
    chinese = "## 检测专题\n\n- 快速检测，CVPR 2019最佳论文\n\nFast Detection With Shared Anchors\n"
    assert [(p.title, p.venue, p.year) for p in parse(english).papers] == [
        ("Fast Detection With Shared Anchors", "ECCV", 2018),
        ("A Simple Baseline for Pose Estimation", None, None),
    ]
    assert [p.title for p in parse(chinese).papers] == ["Fast Detection With Shared Anchors"]


def test_a_bullet_followed_by_prose_keeps_its_own_title() -> None:
    text = "- Sparse Mixtures of Experts at Scale\n\nWe read this one twice, it was long.\n"
    assert not any("We read" in p.title for p in parse(text).papers)


def test_a_task_box_is_kept_as_checked() -> None:
    text = (
        "## Papers\n- [x] [Paper One](https://arxiv.org/abs/1)\n"
        "- [ ] [Paper Two](https://arxiv.org/abs/2)\n- [Paper Three](https://arxiv.org/abs/3)\n"
    )
    assert [(p.title, p.checked) for p in parse(text).papers] == [
        ("Paper One", True),
        ("Paper Two", False),
        ("Paper Three", None),
    ]


def test_apa_references() -> None:
    read = read_paper(
        "Novak, T., & de Souza, A. B. (2022). Sparse routing in deep networks: A study. "
        "Journal of Machine Systems, 41(2), 113-129. https://doi.org/10.1000/jms.2022.7"
    )
    assert read is not None
    paper = read.paper
    assert (paper.title, paper.authors, paper.venue, paper.year, paper.url) == (
        "Sparse routing in deep networks: A study",
        ["Novak, T.", "de Souza, A. B."],
        "Journal of Machine Systems",
        2022,
        "https://doi.org/10.1000/jms.2022.7",
    )
    edited = read_paper(
        "Lee, J. (2019). Graph cuts revisited. In A. Kim & B. Park (Eds.), "
        "Advances in Vision 2019 (pp. 10-19). Springer."
    )
    assert edited is not None
    assert (edited.paper.venue, edited.paper.year) == ("Advances in Vision 2019", 2019)


def test_authors_first_then_a_bold_title() -> None:
    read = read_paper(
        "L. Fischer, O. Haddad, and R. van der Berg. **Message Passing on Hypergraphs**, "
        "2021, In Workshop on Graph Learning. [[pdf]](https://arxiv.org/abs/2101.1)"
    )
    assert read is not None
    paper = read.paper
    assert (paper.title, paper.authors, paper.venue, paper.year, paper.url) == (
        "Message Passing on Hypergraphs",
        ["L. Fischer", "O. Haddad", "R. van der Berg"],
        "Workshop on Graph Learning",
        2021,
        "https://arxiv.org/abs/2101.1",
    )


def test_numbered_citation_paragraphs_wrapped_over_lines() -> None:
    text = (
        "## 2.1 Hypergraphs\n\n"
        "**[1]** L. Fischer and O. Haddad. **Spectral hyper-\ngraph convolution**,\nICLR, 2020. "
        "[[pdf]](https://arxiv.org/abs/1)\n\n"
        "**[2]** M. Gomez, K. Chu, **Hypergraph Attention**, 2021, NeurIPS.\n\n"
        "**[3]** See Section 3 for generative models.\n"
    )
    doc = parse(text)
    assert [(p.title, p.venue, p.year) for p in doc.papers] == [
        ("Spectral hypergraph convolution", "ICLR", 2020),
        ("Hypergraph Attention", "NeurIPS", 2021),
    ]
    assert any("See Section 3" in raw.text for raw in doc.paper_lists[0].unparsed)


def test_a_name_before_a_full_citation_assigns_it() -> None:
    text = (
        "## 이번 주 논문\n"
        "- 서연 : Novak, T., & Haddad, O. (2021). Sparse routing at scale. "
        "Neural Systems, 3, 1-9.\n"
        "- 도윤 : Kim, J., & Lee, H. (2020). Dense retrieval revisited. "
        "arXiv preprint arXiv:2001.1.\n"
    )
    doc = parse(text)
    assert doc.talks == []
    assert [(p.title, [a.name for a in p.assignees]) for p in doc.papers] == [
        ("Sparse routing at scale", ["서연"]),
        ("Dense retrieval revisited", ["도윤"]),
    ]


@pytest.mark.parametrize(
    ("item", "title", "authors", "venue", "year"),
    [
        (
            "Sparse Routing at Scale. Lena Fischer, Omar Haddad. ICML 2021. [[pdf]](https://x.org/a)",
            "Sparse Routing at Scale",
            ["Lena Fischer", "Omar Haddad"],
            "ICML",
            2021,
        ),
        (
            "L. Fischer and O. Haddad. Dense Retrieval Revisited. SIGIR, 2020.",
            "Dense Retrieval Revisited",
            ["L. Fischer", "O. Haddad"],
            "SIGIR",
            2020,
        ),
        (
            "Maria Gomez et al. Token Mixers. ECCV 2022.",
            "Token Mixers",
            ["Maria Gomez"],
            "ECCV",
            2022,
        ),
        (
            "**Patch Mixers for Vision**. *Kit Chu, Lena Fischer*. CVPR 2023. "
            "[[pdf]](https://x.org/p) [[code]](https://github.com/x/p) (**PaMix**)",
            "Patch Mixers for Vision",
            ["Kit Chu", "Lena Fischer"],
            "CVPR",
            2023,
        ),
    ],
)
def test_citations_in_sentences(
    item: str, title: str, authors: list[str], venue: str, year: int
) -> None:
    read = read_paper(item)
    assert read is not None
    assert (read.paper.title, read.paper.authors, read.paper.venue, read.paper.year) == (
        title,
        authors,
        venue,
        year,
    )


def test_a_title_with_full_stops_inside_is_not_split_into_authors() -> None:
    read = read_paper("Attention Is All You Need")
    assert read is not None and read.paper.title == "Attention Is All You Need"
    initials = read_paper("A Note on U.S. Benchmarks. Ann Lee, Kit Chu. Tech Report 2019.")
    assert initials is not None
    assert (initials.paper.title, initials.paper.authors, initials.paper.year) == (
        "A Note on U.S. Benchmarks",
        ["Ann Lee", "Kit Chu"],
        2019,
    )


@pytest.mark.parametrize(
    ("item", "title", "alias", "venue", "year"),
    [
        (
            "**Mamba**; *Linear-Time Sequence Modeling with Selective State Spaces*",
            "Linear-Time Sequence Modeling with Selective State Spaces",
            "Mamba",
            None,
            None,
        ),
        (
            "__DPO__ - _Direct Preference Optimization for Chat Models_ (NeurIPS 2023)",
            "Direct Preference Optimization for Chat Models",
            "DPO",
            "NeurIPS",
            2023,
        ),
        (
            "***SimCLR***: [*A Simple Framework for Contrastive Learning*](https://arxiv.org/abs/1)",
            "A Simple Framework for Contrastive Learning",
            "SimCLR",
            None,
            None,
        ),
    ],
)
def test_an_alias_before_the_italic_full_title(
    item: str, title: str, alias: str, venue: str | None, year: int | None
) -> None:
    read = read_paper(item)
    assert read is not None
    paper = read.paper
    assert (paper.title, paper.venue, paper.year) == (title, venue, year)
    assert alias in paper.notes


@pytest.mark.parametrize(
    "item", ["**Note**: *read this before the meeting*", "**Week 3**; *Intro*", "**A** *b c*"]
)
def test_a_label_or_a_short_phrase_in_italics_is_no_aliased_title(item: str) -> None:
    read = read_paper(item)
    assert read is None or read.paper.title != clean_italics(item)


def clean_italics(item: str) -> str:
    return item.split("*")[-2].strip()


def test_nested_task_items_that_are_papers_are_papers() -> None:
    text = (
        "## 읽을 논문\n\n"
        "- [x] **Mamba**; *Linear-Time Sequence Modeling with Selective State Spaces*\n"
        "  - [ ] **S4**; *Efficiently Modeling Long Sequences with Structured State Spaces*\n"
        "  - 발표 자료 준비 중\n"
        "- [ ] **RWKV**; *Reinventing RNNs for the Transformer Era* (EMNLP 2023)\n"
        "  - [x] [Retentive Network: A Successor to Transformer](https://arxiv.org/abs/2307.08621)\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.checked) for p in papers] == [
        ("Linear-Time Sequence Modeling with Selective State Spaces", True),
        ("Efficiently Modeling Long Sequences with Structured State Spaces", False),
        ("Reinventing RNNs for the Transformer Era", False),
        ("Retentive Network: A Successor to Transformer", True),
    ]


def test_a_resource_line_under_a_paper_is_not_a_paper() -> None:
    text = (
        "* Robust Retrieval for Long Documents (ACL 2022)\n"
        "    * [Original Paper Link](https://arxiv.org/abs/2201.00001) / Review Video / Slides\n"
        "* Expressive Power of Graph Networks (ICLR 2021)\n"
        "    * [논문 링크](https://arxiv.org/abs/2101.00002) | [코드](https://github.com/a/b)\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.url) for p in papers] == [
        ("Robust Retrieval for Long Documents", "https://arxiv.org/abs/2201.00001"),
        ("Expressive Power of Graph Networks", "https://arxiv.org/abs/2101.00002"),
    ]


def test_bare_titles_stand_among_papers_in_a_nested_list() -> None:
    """Category items whose children are only titles, in a list where others carry venues
    and paper links: the titles are papers too; a long category title is one itself."""
    text = (
        "## Retrieval\n"
        "- Dense retrieval\n"
        "  - [Passage Retrieval with Dual Encoders](https://arxiv.org/abs/2004.00001)\n"
        "  - Late Interaction over Contextualized Token Embeddings (SIGIR 2020)\n"
        "- Sparse retrieval\n"
        "  - Learning Term Weights for Inverted Indexes\n"
        "  - Expansion by Predicted Queries\n"
    )
    assert [p.title for p in parse(text).papers] == [
        "Passage Retrieval with Dual Encoders",
        "Late Interaction over Contextualized Token Embeddings",
        "Learning Term Weights for Inverted Indexes",
        "Expansion by Predicted Queries",
    ]


@pytest.mark.parametrize(
    ("item", "title", "authors", "venue", "year"),
    [
        (
            "【MoE】Sparse Routing for Mixture Models",
            "Sparse Routing for Mixture Models",
            [],
            None,
            None,
        ),
        (
            "[Sparse Routing](https://arxiv.org/abs/1) (Wu et al., 2021)",
            "Sparse Routing",
            ["Wu"],
            None,
            2021,
        ),
        (
            "[Sparse Routing](https://arxiv.org/abs/1) (Wu & Lee, 2021)",
            "Sparse Routing",
            ["Wu", "Lee"],
            None,
            2021,
        ),
        (
            "[ICLR 2020] [Sparse Routing for Experts](https://arxiv.org/abs/1)",
            "Sparse Routing for Experts",
            [],
            "ICLR",
            2020,
        ),
        (
            '[On the "depth" of sparse routing](https://arxiv.org/abs/1)',
            'On the "depth" of sparse routing',
            [],
            None,
            None,
        ),
        ("Sparse Routing (Google, 2018)", "Sparse Routing", [], "Google", 2018),
    ],
)
def test_tags_citations_and_quotes_around_a_title(
    item: str, title: str, authors: list[str], venue: str | None, year: int | None
) -> None:
    read = read_paper(item)
    assert read is not None
    assert (read.paper.title, read.paper.authors, read.paper.venue, read.paper.year) == (
        title,
        authors,
        venue,
        year,
    )


def test_a_title_linked_to_its_project_page_with_venue_is_a_paper() -> None:
    text = (
        "## Papers\n- [ECCV 2020] [Rewriting a Deep Generative Model](https://rewriting.example.org/)\n"
        "- [CVPR 2021] [Sparse Routing for Mixture Models](https://arxiv.org/abs/2101.00001)\n"
        "- **A workshop on routing** at ICCV 2019 [[link]](https://routing-workshop.example.org/)\n"
    )
    assert [p.title for p in parse(text).papers] == [
        "Rewriting a Deep Generative Model",
        "Sparse Routing for Mixture Models",
    ]


def test_a_people_label_names_people_and_is_no_presenter() -> None:
    text = (
        "# 자바 스터디\n\n* 기간: 2020.08 ~ 2020.10\n* 참여자: Harry, Fuzzy, Lucy\n"
        "* 깃허브: https://github.com/x/y\n\n## Members\n* Members: Ann Lee, Omar Haddad\n"
    )
    doc = parse(text)
    assert doc.talks == []
    assert [p.name for p in doc.people] == ["Harry", "Fuzzy", "Lucy", "Ann Lee", "Omar Haddad"]


@pytest.mark.parametrize(
    ("item", "title", "authors", "venue", "year"),
    [
        (
            "Lee AB, Kim J. Single-cell atlases at scale. Nature 2021;590(7845):1-9.",
            "Single-cell atlases at scale",
            ["Lee AB", "Kim J"],
            "Nature",
            2021,
        ),
        (
            "Haddad O, Gomez M, et al. Routing tokens to experts. In ICML 2019 Jun (pp. 1-9).",
            "Routing tokens to experts",
            ["Haddad O", "Gomez M"],
            "ICML",
            2019,
        ),
    ],
)
def test_vancouver_citations(
    item: str, title: str, authors: list[str], venue: str, year: int
) -> None:
    read = read_paper(item)
    assert read is not None
    assert (read.paper.title, read.paper.authors, read.paper.venue, read.paper.year) == (
        title,
        authors,
        venue,
        year,
    )


def test_a_dated_week_takes_its_talk_title_from_the_citation_not_the_link_label() -> None:
    text = (
        "## Week3 (Feb 2, 2023)\n\n- Presenter: Ann Lee\n\n"
        "Lee AB, Kim J. Single-cell atlases at scale. Nature 2021;590:1-9.\n"
        "[Paper link](https://example.org/atlas.pdf)\n\n"
        "## 4주차 (2023-02-09)\n\n- 발표자: 김하늘\n\n"
        "**Graph Pooling Revisited**\n[논문 링크](https://arxiv.org/abs/2301.00003)\n"
    )
    talks = parse(text).talks
    assert [(t.title, [p.name for p in t.presenters], t.date) for t in talks] == [
        ("Single-cell atlases at scale", ["Ann Lee"], "2023-02-02"),
        ("Graph Pooling Revisited", ["김하늘"], "2023-02-09"),
    ]


@pytest.mark.parametrize(
    ("item", "venue", "year"),
    [
        ("[MLSys'22] Diagnosing Bottlenecks in Input Pipelines", "MLSys", 2022),
        ("Diagnosing Bottlenecks in Input Pipelines (OSDI'2022)", "OSDI", 2022),
        ("[CVPR' 14] Rich Feature Hierarchies for Detection", "CVPR", 2014),
        ("A Compacting Allocator for Unmanaged Languages (In PLDI 2019)", "PLDI", 2019),
    ],
)
def test_apostrophe_years_and_in_before_a_venue(item: str, venue: str, year: int) -> None:
    read = read_paper(item)
    assert read is not None
    assert (read.paper.venue, read.paper.year) == (venue, year)


def test_a_reading_date_is_not_the_papers_year() -> None:
    text = (
        "| Paper | Venue | Date |\n|---|---|---|\n"
        "| Routing Tokens to Experts | NIPS'2018 | 2022-07-25 |\n"
        "| Sparse Routing for Mixture Models | ICLR | 2023-04-21 |\n"
        "| Graph Prompting at Scale | arXiv | 2021.03 |\n"
    )
    assert [(p.venue, p.year) for p in parse(text).papers] == [
        ("NIPS", 2018),
        ("ICLR", None),
        ("arXiv", 2021),
    ]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("박서준 석사과정<br>최유나 박사과정", ["박서준", "최유나"]),
        ("김하늘 연구원, 이도윤 팀장", ["김하늘", "이도윤"]),
    ],
)
def test_roles_after_a_presenters_name_are_not_the_name(cell: str, names: list[str]) -> None:
    header = "| Date | Paper | Presenter |\n|---|---|---|\n"
    text = f"{header}| 2022-03-14 | Graph Prompting at Scale | {cell} |\n"
    (talk,) = parse(text).talks
    assert [p.name for p in talk.presenters] == names


@pytest.mark.parametrize(
    ("item", "title", "authors", "venue", "year"),
    [
        (
            "**[SRM]** Sparse Routing for Mixture Models | Lena Fischer, et al. | "
            "**[ICML' 21]** | [`[pdf]`](https://arxiv.org/abs/2101.00001) "
            "[`[official code - jax]`](https://github.com/a/srm)",
            "Sparse Routing for Mixture Models",
            ["Lena Fischer"],
            "ICML",
            2021,
        ),
        (
            "희소 라우팅 전문가 모델 | 김지원, 박서연 | NeurIPS 2022",
            "희소 라우팅 전문가 모델",
            ["김지원", "박서연"],
            "NeurIPS",
            2022,
        ),
        (
            "[RAG] RAG: Retrieval for Generation | Omar Haddad | [pdf](https://x.org/a.pdf)",
            "RAG: Retrieval for Generation",
            ["Omar Haddad"],
            None,
            None,
        ),
    ],
)
def test_an_item_written_as_cells_is_read_by_what_each_cell_holds(
    item: str, title: str, authors: list[str], venue: str | None, year: int | None
) -> None:
    read = read_paper(item)
    assert read is not None
    paper = read.paper
    assert (paper.title, paper.authors, paper.venue, paper.year) == (title, authors, venue, year)


@pytest.mark.parametrize(
    ("item", "title"),
    [
        ("Mixture Models | a short note on routing", "Mixture Models | a short note on routing"),
        ("(Almost) Free Lunch in Sparse Routing", "(Almost) Free Lunch in Sparse Routing"),
        ("[SSD] SSD: Single Shot Routing", "SSD: Single Shot Routing"),
    ],
)
def test_cells_need_a_field_and_parentheses_stay_in_titles(item: str, title: str) -> None:
    read = read_paper(item)
    assert read is not None and read.paper.title == title


@pytest.mark.parametrize(
    "text",
    [
        "# Reading list\n\n| Task | Title | Link |\n|---|---|---|\n"
        "| Routing | Sparse Routing for Experts | [arXiv](https://arxiv.org/abs/2103.01234) |\n",
        "# 읽을 논문\n\n- [Sparse Routing for Experts](https://arxiv.org/pdf/2103.01234v2.pdf)\n"
        "- [Limits of Dense Retrieval](https://openreview.net/forum?id=abc)\n",
    ],
)
def test_an_arxiv_identifier_implies_the_year_when_none_is_written(text: str) -> None:
    paper = parse(text).papers[0]
    assert (paper.arxiv, paper.year, paper.inferred) == ("2103.01234", 2021, ["year"])


def test_a_written_year_wins_over_the_arxiv_identifier() -> None:
    (paper,) = parse(
        "# Papers\n\n- [Sparse Routing](https://arxiv.org/abs/1911.01234), NeurIPS 2020\n"
    ).papers
    assert (paper.year, paper.inferred) == (2020, [])


def test_an_implied_year_is_exported_but_never_written_into_the_readme() -> None:
    from studyparse import to_bibtex, to_markdown

    doc = parse("# Papers\n\n- [Sparse Routing](https://arxiv.org/abs/2103.01234)\n")
    assert "year = {2021}" in to_bibtex(doc)
    assert "2021" not in to_markdown(doc)


@pytest.mark.parametrize(
    ("item", "venue", "year"),
    [
        ("[Deep Dual Routing](https://x.org/a) [CVPR2019]", "CVPR", 2019),
        ("[深度双路由](https://x.org/a) 【AAAI2022】", "AAAI", 2022),
        ("[Deep Dual Routing](https://x.org/a) [2022]", None, 2022),
    ],
)
def test_a_bracketed_venue_year_after_a_linked_title(
    item: str, venue: str | None, year: int
) -> None:
    read = read_paper(item)
    assert read is not None
    assert (read.paper.venue, read.paper.year) == (venue, year)


@pytest.mark.parametrize(
    ("item", "venue", "year"),
    [
        (
            "* Sparse Routing for Experts. [[Paper]](https://x.org/a.pdf) "
            "![会议徽章](https://img.shields.io/badge/ICML-2021-blue)",
            "ICML",
            2021,
        ),
        (
            "- [![](https://img.shields.io/badge/ICLR%202022-Oral-red)](https://x.org/b) "
            "[**Key Caches for Long Context**](https://x.org/b)",
            "ICLR",
            2022,
        ),
        (
            "- [Key Caches](https://x.org/c) ![](https://img.shields.io/badge/python-3.8-blue)"
            " ![](https://img.shields.io/badge/license-MIT-green)",
            None,
            None,
        ),
    ],
)
def test_a_badge_shows_the_venue_and_year(item: str, venue: str | None, year: int | None) -> None:
    """A shields.io badge's label and message read as text; a badge of anything else is
    no venue."""
    (paper,) = parse(f"# Papers\n\n{item}\n- [Dense Retrieval](https://x.org/d)\n").papers[:1]
    assert (paper.venue, paper.year) == (venue, year)


@pytest.mark.parametrize(
    "item",
    [
        "一、Sparse Routing for Mixture Models",
        "十二．Sparse Routing for Mixture Models",
        "第3篇：Sparse Routing for Mixture Models",
        "#4 Sparse Routing for Mixture Models",
        "《Sparse Routing for Mixture Models》",
        "📄 Sparse Routing for Mixture Models",
        "✅ 「Sparse Routing for Mixture Models」",
    ],
)
def test_numbering_title_marks_and_pictographs_are_no_part_of_a_title(item: str) -> None:
    read = read_paper(item)
    assert read is not None and read.paper.title == "Sparse Routing for Mixture Models"


@pytest.mark.parametrize(
    "item", ["一个稀疏路由模型", "#MeToo in Online Discourse", "《A》 and 《B》 Compared"]
)
def test_a_title_that_only_begins_like_numbering_is_kept(item: str) -> None:
    read = read_paper(item)
    assert read is not None and read.paper.title == item


@pytest.mark.parametrize(
    "items",
    [
        "- [희소 라우팅 전문가 모델](https://arxiv.org/abs/2103.01234)\n"
        "- [밀집 검색의 한계](https://arxiv.org/abs/2104.01234)\n",
        "- 稀疏路由专家模型, AAAI 2021\n- 密集检索的局限, ACL 2022\n",
    ],
)
def test_titles_without_latin_words_are_papers_with_a_paper_link_or_venue(items: str) -> None:
    papers = parse(f"# 논문 / 论文\n\n{items}").papers
    assert len(papers) == 2 and all(not p.title.isascii() for p in papers)


def test_linked_remarks_without_latin_words_are_no_papers() -> None:
    text = (
        "# 참고\n\n- [스터디 정리 블로그](https://blog.example.org/a)\n"
        "- [발표 자료 모음](https://drive.example.org/b)\n"
    )
    assert parse(text).papers == []


@pytest.mark.parametrize(
    ("item", "title", "authors"),
    [
        (
            "[**Sparse Routing for Experts**](https://x.org/a),<br> by *Ann Lee, Omar Haddad, "
            "Lena Fischer, Kit Chu and Dawn J. Marsh*",
            "Sparse Routing for Experts",
            ["Ann Lee", "Omar Haddad", "Lena Fischer", "Kit Chu", "Dawn J. Marsh"],
        ),
        (
            "Sparse Routing for Experts — by 김지원, 박서연",
            "Sparse Routing for Experts",
            ["김지원", "박서연"],
        ),
        ("Learning Rates by Gradient Descent", "Learning Rates by Gradient Descent", []),
        ("Notes on Routing, by the way", "Notes on Routing, by the way", []),
    ],
)
def test_a_byline_names_the_authors(item: str, title: str, authors: list[str]) -> None:
    read = read_paper(item)
    assert read is not None and (read.paper.title, read.paper.authors) == (title, authors)


@pytest.mark.parametrize(
    ("item", "year"),
    [
        ("Garbage Collection in Small Heaps, PLDI'94", 1994),
        ("[OSDI'20] Sparse Routing at Scale", 2020),
        ("Sparse Routing at Scale (ICML '98)", 1998),
    ],
)
def test_a_two_digit_year_is_in_the_century_it_can_be(item: str, year: int) -> None:
    read = read_paper(item)
    assert read is not None and read.paper.year == year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[Sparse Token Routing - 2019]()", ("Sparse Token Routing", None, 2019)),
        ("- Dense Retrieval Heads- 2021", ("Dense Retrieval Heads", None, 2021)),
        ("- 희소 전문가 라우팅 — KDD 2020", ("희소 전문가 라우팅", "KDD", 2020)),
        ("- Routing - A Survey", ("Routing - A Survey", None, None)),
    ],
)
def test_a_year_after_a_dash_ends_the_title(
    text: str, expected: tuple[str, str | None, int | None]
) -> None:
    read = read_paper(text, line=1)
    assert read is not None
    assert (read.paper.title, read.paper.venue, read.paper.year) == expected


def test_topics_written_as_empty_links_hold_the_papers_under_them() -> None:
    """ "- [ ] [Topic]()" over task items at any depth: a topic, its items the papers."""
    text = (
        "# Reading\n\n- [ ] [Graph Learning]()\n"
        "    - [x] [Sparse Token Routing for Graph Experts](#routing)\n"
        "    - [ ] [Dense Message Passing Revisited - 2020]()\n"
        "- 检索\n  - 稠密检索\n"
        "    - [ ] [Learning to Retrieve Passages at Scale](https://arxiv.org/abs/2001.00001)\n"
        "    - [ ] [Cascaded Passage Rerankers](https://arxiv.org/abs/2002.00002)\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.year, p.checked) for p in papers] == [
        ("Sparse Token Routing for Graph Experts", None, True),
        ("Dense Message Passing Revisited", 2020, False),
        ("Learning to Retrieve Passages at Scale", 2020, False),
        ("Cascaded Passage Rerankers", 2020, False),
    ]


def test_a_topic_of_papers_under_a_paper_is_read_not_kept_as_its_notes() -> None:
    text = (
        "## Plan\n\n- Others\n"
        "  - [ ] [Texture Bias in Convolutional Networks](https://arxiv.org/abs/1811.00003)\n"
        "    - Tracking\n"
        "      - [x] [Online Tracking with Memory Banks](https://arxiv.org/abs/2003.00004) (IJCV)\n"
        "      - [ ] [Consensus Tracking in Crowds](https://arxiv.org/abs/2004.00005) (TPAMI)\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.venue, p.notes) for p in papers] == [
        ("Texture Bias in Convolutional Networks", None, []),
        ("Online Tracking with Memory Banks", "IJCV", []),
        ("Consensus Tracking in Crowds", "TPAMI", []),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[KDD2020] [SPR] Sparse Token Routing for Graphs [[paper]](https://arxiv.org/abs/2001.1)",
            ("Sparse Token Routing for Graphs", "KDD", 2020, ["SPR"]),
        ),
        (
            "[AAAI'21] [综述] 图神经网络 稀疏 路由 方法",
            ("图神经网络 稀疏 路由 方法", "AAAI", 2021, ["综述"]),
        ),
        ("[2019] [ABC] Too short", ("[ABC] Too short", None, 2019, [])),
    ],
)
def test_a_second_tag_after_the_venue_is_no_part_of_the_title(
    text: str, expected: tuple[str, str | None, int | None, list[str]]
) -> None:
    read = read_paper(text, line=1)
    assert read is not None
    paper = read.paper
    assert (paper.title, paper.venue, paper.year, paper.notes) == expected


def test_a_short_name_over_its_citation_is_one_paper_titled_in_full() -> None:
    text = (
        "## Routing\n\n- [x] **SpRoute** (2019.6) [[paper](https://arxiv.org/abs/1906.00001)]\n"
        '    - Haddad et al. "Sparse Token Routing for Mixture Experts"\n'
        "- [ ] **Dense Heads Revisited** (2020) [[paper](https://arxiv.org/abs/2001.00002)]\n"
        '    - Lee and Kim - "Dense Heads Revisited: Attention Without Softmax"\n'
        "- [ ] **그래프 라우팅** (2021.3) [[paper](https://arxiv.org/abs/2103.00003)]\n"
        '    - 박지훈 et al. "Graph Routing Networks for Sparse Experts" '
        "[[paper](https://arxiv.org/abs/2109.00009)]\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.authors, p.year, p.url) for p in papers] == [
        (
            "Sparse Token Routing for Mixture Experts",
            ["Haddad"],
            2019,
            "https://arxiv.org/abs/1906.00001",
        ),
        (
            "Dense Heads Revisited: Attention Without Softmax",
            ["Lee", "Kim"],
            2020,
            "https://arxiv.org/abs/2001.00002",
        ),
        ("그래프 라우팅", [], 2021, "https://arxiv.org/abs/2103.00003"),
        (
            "Graph Routing Networks for Sparse Experts",
            ["박지훈"],
            2021,
            "https://arxiv.org/abs/2109.00009",
        ),
    ]
    assert papers[0].notes == ["SpRoute"]


@pytest.mark.parametrize("date", ["2016.6", "2017-11", "2018/02"])
def test_a_year_and_month_in_brackets_is_the_year(date: str) -> None:
    read = read_paper(f'Kim et al. **"Sparse Token Routing"** ({date}) [[paper](u)]', line=1)
    assert read is not None
    assert (read.paper.title, read.paper.venue, read.paper.year) == (
        "Sparse Token Routing",
        None,
        int(date[:4]),
    )


@pytest.mark.parametrize(
    ("text", "title", "notes"),
    [
        ("Sparse Token Routing（稀疏路由）", "Sparse Token Routing", ["稀疏路由"]),
        (
            "Dense Retrieval Heads (밀집 검색 헤드), KDD 2020",
            "Dense Retrieval Heads",
            ["밀집 검색 헤드"],
        ),
        ("Graph Routing (GR)", "Graph Routing (GR)", []),
    ],
)
def test_a_translation_in_brackets_after_the_title_is_a_note(
    text: str, title: str, notes: list[str]
) -> None:
    read = read_paper(text, line=1)
    assert read is not None
    assert (read.paper.title, read.paper.notes) == (title, notes)


@pytest.mark.parametrize(
    "text", ["07 Sparse Token Routing", "🔥 Sparse Token Routing ✨", "Sparse Token Routing 📌"]
)
def test_a_padded_number_and_pictographs_are_no_part_of_the_title(text: str) -> None:
    read = read_paper(text, line=1)
    assert read is not None
    assert read.paper.title == "Sparse Token Routing"


def test_a_name_and_a_bare_paper_address_is_a_paper() -> None:
    text = (
        "## Detection\n\n- [ ] SpRoute: https://arxiv.org/abs/1906.00001\n"
        "- [x] 稀疏路由：https://openreview.net/forum?id=abc\n"
        "- Slides: https://arxiv.org/abs/1906.00009\n- Code: https://github.com/a/b\n"
    )
    papers = parse(text).papers
    assert [(p.title, p.url) for p in papers] == [
        ("SpRoute", "https://arxiv.org/abs/1906.00001"),
        ("稀疏路由", "https://openreview.net/forum?id=abc"),
    ]


@pytest.mark.parametrize(
    ("text", "title", "notes"),
    [
        (
            "[ICML 2020] (MUST READ!) Sparse Token Routing Networks",
            "Sparse Token Routing Networks",
            ["MUST READ!"],
        ),
        ("(추천!) 희소 토큰 라우팅 네트워크 연구", "희소 토큰 라우팅 네트워크 연구", ["추천!"]),
        ("(NEW) Dense Retrieval Heads Revisited", "Dense Retrieval Heads Revisited", ["NEW"]),
        ("(Almost) Free Routing for Experts", "(Almost) Free Routing for Experts", []),
    ],
)
def test_a_readers_mark_before_the_title_is_a_note(text: str, title: str, notes: list[str]) -> None:
    read = read_paper(text, line=1)
    assert read is not None
    assert (read.paper.title, read.paper.notes) == (title, notes)


def test_a_note_paragraph_under_a_titled_item_does_not_replace_its_title() -> None:
    text = (
        "## Self-training\n\n- [x] [NeurIPS 2020] Sparse Token Routing for Graph Experts\n\n"
        "    Route the tokens first, then train the experts. (Simple but strong)\n\n"
        "- [ ] [ICML 2021] Dense Retrieval Heads Revisited\n"
    )
    papers = parse(text).papers
    assert [p.title for p in papers] == [
        "Sparse Token Routing for Graph Experts",
        "Dense Retrieval Heads Revisited",
    ]
    assert "Route the tokens first" in to_markdown(parse(text))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("[Sparse Token Routing.pdf](papers/Sparse%20Token%20Routing.pdf)", "Sparse Token Routing"),
        ("[dense_retrieval_heads.pdf](papers/dense_retrieval_heads.pdf)", "dense retrieval heads"),
        ("[稀疏路由方法.PDF](papers/a.PDF)", "稀疏路由方法"),
        ("Routing with snake_case_names", "Routing with snake_case_names"),
    ],
)
def test_a_title_written_as_its_file_name(text: str, title: str) -> None:
    read = read_paper(text, line=1)
    assert read is not None
    assert read.paper.title == title


def test_bare_labels_beside_topics_and_a_repeated_section_name_are_no_papers() -> None:
    text = (
        "### Weak supervision\n\n- Localization\n- Detection\n"
        "  - [ ] [Sparse Anchors for Weak Detection](https://arxiv.org/abs/2001.00001)"
        " (CVPR 2020)\n"
        "- 분할\n- Segmentation\n"
        "  - [ ] [Dense Masks from Image Labels](https://arxiv.org/abs/2002.00002)\n\n"
        "### Others\n\n- Others\n"
        "- [ ] [Texture Bias in Convolutional Networks](https://arxiv.org/abs/1811.00003)\n"
    )
    assert [p.title for p in parse(text).papers] == [
        "Sparse Anchors for Weak Detection",
        "Dense Masks from Image Labels",
        "Texture Bias in Convolutional Networks",
    ]


@pytest.mark.parametrize(
    ("text", "title", "notes"),
    [
        ("Sparse Token Routing / 稀疏令牌路由", "Sparse Token Routing", ["稀疏令牌路由"]),
        ("희소 토큰 라우팅 | Sparse Token Routing", "Sparse Token Routing", ["희소 토큰 라우팅"]),
        ("SpR: Sparse Routing（SpR：稀疏路由方法）", "SpR: Sparse Routing", ["SpR：稀疏路由方法"]),
        ("Routing / Gating Networks", "Routing / Gating Networks", []),
    ],
)
def test_a_title_and_its_translation_side_by_side(text: str, title: str, notes: list[str]) -> None:
    read = read_paper(text, line=1)
    assert read is not None
    assert (read.paper.title, read.paper.notes) == (title, notes)


@pytest.mark.parametrize(
    ("heading", "venue", "year"),
    [
        ("CVPR 2021", "CVPR", 2021),
        ("2020", None, 2020),
        ("논문 2019", None, 2019),
        ("2023 Spring", None, None),
        ("2021년 1학기", None, None),
    ],
)
def test_a_heading_that_groups_papers_by_venue_or_year(
    heading: str, venue: str | None, year: int | None
) -> None:
    text = (
        f"## {heading}\n\n- [Sparse Token Routing for Experts](https://openreview.net/forum?id=a1)\n"
        "- [Dense Retrieval Heads Revisited](https://openreview.net/forum?id=b2)\n"
    )
    papers = parse(text).papers
    assert [(p.venue, p.year) for p in papers] == [(venue, year), (venue, year)]


def test_authors_in_brackets_after_the_title() -> None:
    read = read_paper("Routing, Not Gating: Sparse Experts (Haddad et al.)", line=1)
    assert read is not None
    assert (read.paper.title, read.paper.authors) == (
        "Routing, Not Gating: Sparse Experts",
        ["Haddad"],
    )


def test_a_venue_link_after_a_bold_title() -> None:
    read = read_paper("**Sparse Token Routing** [[IEEE TIP 1997](https://doi.org/10.1/x)]", line=1)
    assert read is not None
    paper = read.paper
    assert (paper.title, paper.venue, paper.year, paper.url) == (
        "Sparse Token Routing",
        "IEEE TIP",
        1997,
        "https://doi.org/10.1/x",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2014 - KDD - Sparse Token Routing: Online Experts",
            ("Sparse Token Routing: Online Experts", "KDD", 2014),
        ),
        ("2021 | 희소 토큰 라우팅 연구", ("희소 토큰 라우팅 연구", None, 2021)),
        ("2020-2021 plans for routing", ("2020-2021 plans for routing", None, None)),
    ],
)
def test_a_year_and_venue_before_a_dash_open_the_title(
    text: str, expected: tuple[str, str | None, int | None]
) -> None:
    read = read_paper(text, line=1)
    assert read is not None
    assert (read.paper.title, read.paper.venue, read.paper.year) == expected


@pytest.mark.parametrize("heading", ["期刊论文 2020", "Long-term Memory 2020"])
def test_a_year_heading_whose_words_only_look_like_a_term(heading: str) -> None:
    """ "期刊" is a journal and "Long-term" no term: the heading still groups by year."""
    text = (
        f"## {heading}\n\n- [Sparse Token Routing for Experts](https://openreview.net/forum?id=a1)\n"
        "- [Dense Retrieval Heads Revisited](https://openreview.net/forum?id=b2)\n"
    )
    assert [p.year for p in parse(text).papers] == [2020, 2020]


def _fields(text: str) -> tuple[str, str | None, int | None]:
    read = read_paper(text, line=1)
    assert read is not None
    return read.paper.title, read.paper.venue, read.paper.year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sparse Token Routing (ACL-IJCNLP 2021)", ("Sparse Token Routing", "ACL-IJCNLP", 2021)),
        ("희소 토큰 라우팅 연구 (IEEE/CVF 2022)", ("희소 토큰 라우팅 연구", "IEEE/CVF", 2022)),
    ],
)
def test_acronyms_joined_by_a_hyphen_or_slash_are_one_venue(
    text: str, expected: tuple[str, str | None, int | None]
) -> None:
    assert _fields(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dense Retrieval Heads (2021, NeurIPS)", ("Dense Retrieval Heads", "NeurIPS", 2021)),
        ("稀疏专家路由（2019，CVPR）", ("稀疏专家路由", "CVPR", 2019)),
        ("Binary Nets on Chips (2017, Intel)", ("Binary Nets on Chips", None, 2017)),
    ],
)
def test_a_venue_may_follow_the_year_in_a_parenthesis(
    text: str, expected: tuple[str, str | None, int | None]
) -> None:
    """After the year only a venue that publishes papers is read; a company is an affiliation."""
    assert _fields(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sparse Token Routing (ECCV2022 Workshop)", ("Sparse Token Routing", "ECCV", 2022)),
        (
            "Dense Retrieval Heads ([ICCV'19 Oral](https://arxiv.org/abs/1901.00001))",
            ("Dense Retrieval Heads", "ICCV", 2019),
        ),
        (
            "희소 라우팅 ([ICLR'21 (under review)](https://openreview.net/forum?id=x1))",
            ("희소 라우팅", "ICLR", 2021),
        ),
    ],
)
def test_a_glued_venue_year_may_carry_a_qualifier(
    text: str, expected: tuple[str, str | None, int | None]
) -> None:
    assert _fields(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sparse Token Routing (Knowledge-Based Systems'21)",
            ("Sparse Token Routing", "Knowledge-Based Systems", 2021),
        ),
        (
            "Dense Heads | **[Journal of Sparse Methods' 09]**",
            ("Dense Heads", "Journal of Sparse Methods", 2009),
        ),
    ],
)
def test_an_apostrophe_year_marks_a_name_of_several_words_as_the_venue(
    text: str, expected: tuple[str, str | None, int | None]
) -> None:
    assert _fields(text) == expected


def test_a_lowercase_phrase_before_an_apostrophe_year_is_no_venue() -> None:
    title, venue, _ = _fields("Notes on what we read in spring '21")
    assert venue is None
    assert "spring" in title


@pytest.mark.parametrize(
    ("text", "title", "venue", "year", "note"),
    [
        (
            "* [x] Sparse Token Routing ([NeurIPS'20](https://example.org/p.pdf)): simple and it "
            'beats "learned" routers.',
            "Sparse Token Routing",
            "NeurIPS",
            2020,
            'simple and it beats "learned" routers.',
        ),
        (
            "- 희소 토큰 라우팅 (ICML 2019) - 구현이 간단하고 성능이 좋음",
            "희소 토큰 라우팅",
            "ICML",
            2019,
            "구현이 간단하고 성능이 좋음",
        ),
        (
            "- [ ] Dense Retrieval Heads ([arXiv](https://arxiv.org/abs/2005.00001)): MoCo plus "
            '"supervised" clustering',
            "Dense Retrieval Heads",
            None,
            2020,
            'MoCo plus "supervised" clustering',
        ),
    ],
)
def test_a_comment_after_the_venue_parenthesis_is_a_note(
    text: str, title: str, venue: str | None, year: int, note: str
) -> None:
    (paper,) = parse(f"## Reading\n\n{text}\n").papers
    assert (paper.title, paper.venue, paper.year) == (title, venue, year)
    assert paper.notes[-1] == note


def test_pages_after_a_year_parenthesis_are_no_comment() -> None:
    read = read_paper(
        "Kim, Ana, et al. “Sparse token routing.” Journal of Sparse Methods 12.3 (2019): 101-117."
    )
    assert read is not None
    assert read.paper.year == 2019
    assert not any("101" in note for note in read.paper.notes)


@pytest.mark.parametrize("mark", ["~", "～"])
def test_a_tilde_before_a_title_is_a_readers_mark(mark: str) -> None:
    assert _fields(f"{mark}Sparse Token Routing (CVPR 2018)")[0] == "Sparse Token Routing"


@pytest.mark.parametrize("heading", ["2021-03", "2021년 3월", "Mar 2021"])
def test_a_month_heading_dates_the_reading_not_the_papers(heading: str) -> None:
    text = (
        f"## {heading}\n\n"
        "- Sparse Token Routing for Experts [[Note](notes/a.md)] <kbd>ICCV 19</kbd>\n"
        "- [Dense Retrieval Heads Revisited](https://arxiv.org/abs/1812.00001)\n"
    )
    assert [p.year for p in parse(text).papers] == [2019, 2018]


@pytest.mark.parametrize(
    ("tags", "venue", "year", "notes"),
    [
        ("<kbd>ECCV 20</kbd>  `OD`", "ECCV", 2020, ["OD"]),
        ("`AAAI-21` `그래프`", "AAAI", 2021, ["그래프"]),
    ],
)
def test_key_caps_and_code_spans_after_an_item_are_its_tags(
    tags: str, venue: str, year: int, notes: list[str]
) -> None:
    text = f"## Reading\n\n- Sparse Token Routing for Experts {tags}\n- Dense Heads {tags}\n"
    paper = parse(text).papers[0]
    assert (paper.title, paper.venue, paper.year) == (
        "Sparse Token Routing for Experts",
        venue,
        year,
    )
    assert paper.notes == notes


@pytest.mark.parametrize(
    ("item", "title"),
    [
        (
            "<ICCV2019 - 주의 집중> Sparse Token Routing https://arxiv.org/abs/2002.00001",
            "Sparse Token Routing",
        ),
        ("<NeurIPS 2021 - sparse experts>\tDense Retrieval Heads", "Dense Retrieval Heads"),
    ],
)
def test_an_angle_bracketed_tag_opening_an_item_gives_its_venue(item: str, title: str) -> None:
    read = read_paper(item, line=1)
    assert read is not None
    assert read.paper.title == title
    assert read.paper.venue in ("ICCV", "NeurIPS")
    assert read.paper.year in (2019, 2021)
    assert len(read.paper.notes) == 1


def test_an_html_tag_opening_an_item_is_no_tag() -> None:
    read = read_paper('<img src="x.png"> Sparse Token Routing (CVPR 2020)', line=1)
    assert read is not None
    assert (read.paper.venue, read.paper.notes) == ("CVPR", [])


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Sparse Token Routing ([Nature Methods](https://doi.org/10.1/x))", "Nature Methods"),
        (
            "희소 토큰 라우팅 연구 ([Medical Image Analysis](https://doi.org/10.1/y))",
            "Medical Image Analysis",
        ),
    ],
)
def test_a_link_named_as_a_known_journal_is_the_venue(text: str, venue: str) -> None:
    (paper,) = parse(f"## Reading\n\n- {text}\n").papers
    assert paper.venue == venue
    assert paper.url is not None and paper.url.startswith("https://doi.org/")
    assert venue not in paper.title


@pytest.mark.parametrize(
    ("item", "title", "alias"),
    [
        (
            "**One net for many board games**; *Universal Value Approximators for Agents*"
            " (ICML 2015)",
            "Universal Value Approximators for Agents",
            "One net for many board games",
        ),
        (
            "**RAG; 검색 증강 생성 모델**; *Retrieval Augmented Generation for Open Questions*"
            " (ICML 2015)",
            "Retrieval Augmented Generation for Open Questions",
            "RAG; 검색 증강 생성 모델",
        ),
    ],
)
def test_a_long_alias_closed_by_a_semicolon(item: str, title: str, alias: str) -> None:
    read = read_paper(item)
    assert read is not None
    assert (read.paper.title, read.paper.venue, read.paper.year) == (title, "ICML", 2015)
    assert alias in read.paper.notes


def test_a_long_bold_title_before_italic_authors_is_no_alias() -> None:
    read = read_paper(
        "**Learning Sparse Routers for Long Inputs** *Mira Holt, Ken Abe*. ICLR 2021."
    )
    assert read is not None
    assert read.paper.title == "Learning Sparse Routers for Long Inputs"
    assert read.paper.authors == ["Mira Holt", "Ken Abe"]


@pytest.mark.parametrize(
    ("paren", "venue", "year"),
    [
        ("(Nature 16.01.27)", "Nature", 2016),
        ("(17.06.16, arxiv)", "arxiv", 2017),
        ("(IEEE 96.05.09)", "IEEE", 1996),
        ("(Cognitive Science 1991 July)", "Cognitive Science", 1991),
        (
            "(International Workshop on Sparse Models 2019-06-12)",
            "International Workshop on Sparse Models",
            2019,
        ),
        ("(20.04.10)", None, 2020),
    ],
)
def test_a_venue_with_the_day_it_published_the_paper(
    paren: str, venue: str | None, year: int
) -> None:
    read = read_paper(
        f"*Sparse Routing for Long Inputs* {paren} [paper](https://example.org/p.pdf)"
    )
    assert read is not None
    assert (read.paper.title, read.paper.venue, read.paper.year) == (
        "Sparse Routing for Long Inputs",
        venue,
        year,
    )


@pytest.mark.parametrize(
    "paren", ["(2021.04.05 발표)", "(read on 2021.04.05)", "(2021年4月5日 分享)"]
)
def test_the_day_the_group_read_a_paper_is_not_its_year(paren: str) -> None:
    read = read_paper(f"Sparse Routing for Long Inputs {paren}")
    assert read is None or read.paper.year is None
