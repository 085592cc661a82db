"""Fields by content: dates, weeks, venues, names and links told apart without labels."""

from __future__ import annotations

import pytest

from studyparse._content import (
    cell_kind,
    is_date,
    link_role,
    name_strength,
    person_names,
    url_role,
    venue_and_year,
)
from studyparse._inline import plain


@pytest.mark.parametrize(
    ("cell", "kind"),
    [
        ("2024-03-05", "date"),
        ("`4/17`", "date"),
        ("March 3rd", "date"),
        ("5월 7일 (화)", "date"),
        ("9月12日", "date"),
        ("Week 4", "week"),
        ("4주차", "week"),
        ("第4周", "week"),
        ("2017", "year"),
        ("NeurIPS 2019", "venue"),
        ("ICLR,2018", "venue"),
        ("CVPR2016", "venue"),
        ("한지민, 오세훈", "names"),
        ("Maria Gomez", "names"),
        ("✅", "mark"),
        ("TBD", "empty"),
        ("[pdf](https://example.org/a.pdf)", "links"),
        ("[Sparse Mixtures of Experts](https://arxiv.org/abs/2101.00001)", "title"),
        ("Scaling Laws for Retrieval", "title"),
        ("71:30", "number"),
    ],
)
def test_cell_kind_reads_what_a_cell_holds(cell: str, kind: str) -> None:
    assert cell_kind(cell, 2024) == kind


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("허준영", ["허준영"]),
        ("배수진<br>유태오", ["배수진", "유태오"]),
        ("Dr. Lena Fischer, Omar Haddad", ["Lena Fischer", "Omar Haddad"]),
        ("周子豪、林若曦", ["周子豪", "林若曦"]),
        ("@quietfox", ["@quietfox"]),
        ("[Tomas Novak](https://example.org/tn)", ["Tomas Novak"]),
        ("Graph Representation Learning", []),
        ("Efficient Transformers: A Survey", []),
        ("A, B, C, D, E", []),
    ],
)
def test_person_names(text: str, names: list[str]) -> None:
    assert person_names(text) == names


@pytest.mark.parametrize(
    ("name", "strength"),
    [
        ("허준영", 2),  # a Korean surname and three syllables
        ("周子豪", 2),
        ("정*연", 2),  # masked
        ("Lena Fischer", 2),
        ("준영", 1),  # a given name only: could be any word
        ("Kestrel", 1),
        ("Contrastive Learning", 0),
        ("Segmentation", 0),
    ],
)
def test_name_strength(name: str, strength: int) -> None:
    assert name_strength(name) == strength


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NeurIPS 2019", ("NeurIPS", 2019)),
        ("2021 ACL", ("ACL", 2021)),
        ("KDD'19", ("KDD", 2019)),
        ("2015", (None, 2015)),
        ("Graph Networks 2019", (None, None)),
    ],
)
def test_venue_and_year(text: str, expected: tuple[str | None, int | None]) -> None:
    assert venue_and_year(text) == expected


@pytest.mark.parametrize(
    ("url", "role"),
    [
        ("https://www.youtube.com/watch?v=abc", "video"),
        ("https://www.bilibili.com/video/BV1x", "video"),
        ("https://www.slideshare.net/x/deck", "slides"),
        ("https://example.org/talks/week3.pptx", "slides"),
        ("https://arxiv.org/abs/2101.00001", "paper"),
        ("https://example.org/paper.pdf", "paper"),
        ("https://github.com/example/repo", "code"),
        ("https://example.org/blog/post", None),
    ],
)
def test_url_role(url: str, role: str | None) -> None:
    assert url_role(url) == role


def test_a_link_label_outranks_its_host() -> None:
    (link,) = plain("[slides](https://github.com/example/deck.pdf)").links
    assert link_role(link) == "slides"


def test_a_date_in_a_title_does_not_make_a_date_cell() -> None:
    assert is_date("5/12")
    assert not is_date("What happened to our models between 2019-01-01 and now")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CVPR21", ("CVPR", 2021)),
        ("AAAI-22", ("AAAI", 2022)),
        ("ECCV 20", ("ECCV", 2020)),
        ("ICML 98", ("ICML", 1998)),
        ("Chapter 21", (None, None)),
        ("GPT 35", (None, None)),
    ],
)
def test_a_known_venue_with_a_two_digit_year(
    text: str, expected: tuple[str | None, int | None]
) -> None:
    assert venue_and_year(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'14-ECCV", ("ECCV", 2014)),
        ("17-AAAI", ("AAAI", 2017)),
        ("’19 TPAMI", ("TPAMI", 2019)),
        ("12-34", (None, None)),
        ("20 GB", (None, None)),
    ],
)
def test_a_two_digit_year_before_the_venue(
    text: str, expected: tuple[str | None, int | None]
) -> None:
    """ "'YY-VENUE" is VENUE'YY written the other way round; digits alone are no venue."""
    assert venue_and_year(text) == expected


@pytest.mark.parametrize("name", ["Petar Veličković", "Nguyễn Văn An", "Søren Kierkegaard"])
def test_a_latin_name_with_accents_is_a_sure_name(name: str) -> None:
    assert name_strength(name) == 2


@pytest.mark.parametrize("name", ["王小明", "김민수"])
def test_a_name_in_another_script_is_read_by_its_surname(name: str) -> None:
    assert name_strength(name) == 2


@pytest.mark.parametrize(
    ("name", "strength"),
    [
        ("Christopher D. Manning", 2),
        ("A. Browning", 2),
        ("Deep Learning", 0),
        ("Graph Reasoning", 0),
    ],
)
def test_an_initial_marks_a_name_whatever_its_surname_ends_with(name: str, strength: int) -> None:
    """ "-ing" ends title words, and surnames too; an initial ("D.") shows the name."""
    assert name_strength(name) == strength
