"""Talks marked by what trails them: a parenthesis, a last colon, "by Name", a last word."""

from __future__ import annotations

import pytest

from studyparse import parse
from studyparse._markers import marked_list, talk_mark


@pytest.mark.parametrize(
    ("item", "title", "names", "date", "how"),
    [
        (
            "Kernel Methods Revisited (4/12, 허준영)",
            "Kernel Methods Revisited",
            ("허준영",),
            "4/12",
            "paren",
        ),
        (
            "Graph Cuts (Dr. Lena Fischer, Omar Haddad)",
            "Graph Cuts",
            ("Lena Fischer", "Omar Haddad"),
            None,
            "paren",
        ),
        ("3.1 -- 3.4 : 高橋", "3.1 -- 3.4", ("高橋",), None, "colon"),
        (
            "Talk on **Priors** by Maria Gomez [[slides]](https://x.org/p.pdf)",
            "Talk on Priors",
            ("Maria Gomez",),
            None,
            "by",
        ),
        (
            "5.2--5.3 佐藤 [slide](https://speakerdeck.com/a/b)",
            "5.2--5.3",
            ("佐藤",),
            None,
            "trailing",
        ),
    ],
)
def test_talk_marks(
    item: str, title: str, names: tuple[str, ...], date: str | None, how: str
) -> None:
    mark = talk_mark(item)
    assert mark is not None
    assert (mark.title, mark.names, mark.date, mark.how) == (title, names, date, how)


@pytest.mark.parametrize(
    "item",
    [
        "Deep Residual Learning (CVPR 2016)",  # a venue, not a person
        "Sparse Coding (TBD)",
        "1팀. 허준영(@hjy), 배수진",  # a contact after a name
        "Monte Carlo (MC) methods",
        "A short note on 딥러닝 공부",  # a Hangul word without a surname
    ],
)
def test_not_marks(item: str) -> None:
    assert talk_mark(item) is None


def test_a_bare_last_word_is_a_name_only_when_the_list_repeats_it() -> None:
    repeated = [talk_mark(t) for t in ("1.1 佐藤", "1.2 高橋", "2.1 佐藤", "2.2 高橋")]
    once = [talk_mark(t) for t in ("数学 基礎", "線形 代数")]
    assert marked_list(repeated)
    assert not marked_list(once)


def test_an_outline_marked_by_trailing_date_and_name() -> None:
    text = (
        "## Plan\n"
        "0. Warm-up Session (3/2, 허준영)\n\n"
        "1. Bandits\n"
        "    - Upper Confidence Bounds (3/9, 배수진)\n"
        "    - Thompson Sampling (3/16, 허준영)\n\n"
        "2. Planning (미정)\n"
    )
    talks = parse(text).talks
    assert [(t.title, [p.name for p in t.presenters]) for t in talks] == [
        ("Warm-up Session", ["허준영"]),
        ("Upper Confidence Bounds", ["배수진"]),
        ("Thompson Sampling", ["허준영"]),
    ]


def test_a_seminar_archive_with_presenters_inside_the_link_text() -> None:
    text = (
        "# Seminars\n\n## Year 2031\n"
        "* [Proof Search at Scale (Prof. Lena Fischer)](https://example.org/s/2031/proof.pdf)\n\n"
        "## Year 2030\n"
        "* [Tableaux Today (Omar Haddad, M.Sc. Kit Chu)](https://example.org/s/2030/tab.pdf)\n"
        "* [Model Repair (Dr. Maria Gomez)](https://example.org/s/2030/repair.pdf)\n"
    )
    talks = parse(text).talks
    assert [(t.title, [p.name for p in t.presenters], t.slides) for t in talks] == [
        ("Proof Search at Scale", ["Lena Fischer"], "https://example.org/s/2031/proof.pdf"),
        ("Tableaux Today", ["Omar Haddad", "Kit Chu"], "https://example.org/s/2030/tab.pdf"),
        ("Model Repair", ["Maria Gomez"], "https://example.org/s/2030/repair.pdf"),
    ]


def test_authors_in_a_paper_list_are_not_presenters() -> None:
    text = (
        "## Papers\n"
        "- [Attention Variants (Lena Fischer, Omar Haddad)](https://arxiv.org/abs/1)\n"
        "- [Sparse Mixtures (Maria Gomez, Kit Chu)](https://arxiv.org/abs/2)\n"
    )
    doc = parse(text)
    assert doc.talks == []
    assert [p.title for p in doc.papers] == ["Attention Variants", "Sparse Mixtures"]


def test_by_name_is_authorship_unless_the_item_links_a_presentation() -> None:
    text = (
        "- **Graph Toolkit** by Lena Fischer [[code]](https://github.com/x/y)\n"
        "- **Message Passing** by Omar Haddad [[video]](https://youtu.be/a)\n"
        "- **Spectral Views** by Maria Gomez [[presentation]](https://example.org/s.pdf)\n"
    )
    talks = parse(text).talks
    assert [(t.title, t.video, t.slides) for t in talks] == [
        ("Message Passing", "https://youtu.be/a", None),
        ("Spectral Views", None, "https://example.org/s.pdf"),
    ]


def test_korean_verbs_at_the_end_of_items_are_not_presenters() -> None:
    """Item titles that end in an imperative ("…을 사용하라") name nobody, even when the
    verb repeats and starts with a syllable that is also a surname."""
    text = (
        "## 아이템 목록\n- [ ] 13. clone 재정의는 주의해서 진행하라\n"
        "- [ ] 27. 비검사 경고를 제거하라\n"
        "- [ ] 36. 열거 타입을 사용하라\n- [ ] 39. 애너테이션을 사용하라\n"
        "- [ ] 41. 마커 인터페이스를 사용하라\n"
    )
    doc = parse(text)
    assert doc.talks == []
    assert doc.people == []
