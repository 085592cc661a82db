"""Paper items read by generic rules, checked on small made-up inputs."""

from __future__ import annotations

from studyparse import parse
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
