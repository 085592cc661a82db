"""Property: any papers export to BibTeX that reads back to the same titles, years and count."""

from __future__ import annotations

import re

import bibtexparser
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string as pybtex_parse

from studyparse._bibtex import to_bibtex
from studyparse._records import Paper, PaperList, StudyDocument
from studyparse._venues import edit_distance

#: Latin letters, digits, Hangul, Han, accented letters, µ, every character LaTeX reads
#: specially, and words BibTeX reads specially in names.
PIECES = st.sampled_from(
    [
        *"abcXYZ019 ",
        *"논문트랜스포머",
        *"量化神经网络",
        *"éüÅßµ",
        *"{}\\&%$#_~^<>|@\",'=:()[]-",
        *(" and ", "AND", "others", "DNN", "AutoML", "RISC-V", "\\{", "\\textbf{"),
    ]
)
WORD_CHARS = re.compile(r"\w")
#: How the export writes characters LaTeX reads specially, read back.
UNESCAPE = re.compile(r"\\(text[a-z]+)\{\}|\\([&%$#_])|[{}]")
COMMANDS = {
    "textbackslash": "\\",
    "textbraceleft": "{",
    "textbraceright": "}",
    "textasciitilde": "~",
    "textasciicircum": "^",
    "textless": "<",
    "textgreater": ">",
    "textbar": "|",
}


def _plain(value: str) -> str:
    """A field value without protective braces and escapes."""
    return UNESCAPE.sub(lambda m: COMMANDS[m[1]] if m[1] else m[2] or "", value)


def _identity(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.casefold()))


titles = st.lists(PIECES, min_size=1, max_size=30).map("".join).filter(WORD_CHARS.search)
names = st.lists(PIECES, min_size=1, max_size=8).map("".join).filter(WORD_CHARS.search)
papers = st.lists(
    st.builds(
        lambda title, year, authors: Paper(title=title, year=year, authors=authors),
        titles,
        st.one_of(st.none(), st.integers(1000, 2999)),
        st.lists(names, max_size=3),
    ),
    max_size=8,
    unique_by=lambda paper: _identity(paper.title),
)


@settings(max_examples=300, deadline=None)
@given(papers)
def test_papers_read_back(papers: list[Paper]) -> None:
    text = to_bibtex(StudyDocument(paper_lists=[PaperList(papers=papers)]))
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    entries = library.entries
    assert len(entries) == len(papers)
    pybtex_entries = list(pybtex_parse(text, "bibtex").entries.values())
    assert len(pybtex_entries) == len(papers)
    for paper, entry, pybtex_entry in zip(papers, entries, pybtex_entries, strict=True):
        title = _plain(entry.fields_dict["title"].value)
        expected = " ".join(paper.title.split())
        if any(char.islower() for char in expected):
            assert title == expected
        else:  # an ALL-CAPS title may be written in title case
            assert title.casefold() == expected.casefold()
        year = entry.fields_dict.get("year")
        assert (year.value if year else None) == (str(paper.year) if paper.year else None)
        assert len(pybtex_entry.persons.get("author", [])) == len(paper.authors)


@given(st.text("abcd", max_size=12), st.text("abcd", max_size=12), st.integers(0, 4))
def test_edit_distance_with_a_limit_stops_early_but_agrees(a: str, b: str, limit: int) -> None:
    assert edit_distance(a, b, limit) == min(edit_distance(a, b), limit + 1)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda title, venue, url, doi, notes, arxiv: Paper(
                title=title, venue=venue, url=url, doi=doi, notes=notes, arxiv=arxiv
            ),
            titles,
            st.one_of(st.none(), names),
            st.one_of(st.none(), names.map(lambda text: "https://example.org/" + text)),
            st.one_of(st.none(), names.map(lambda text: "10.1000/" + text)),
            st.lists(names, max_size=2),
            st.one_of(st.none(), names),
        ),
        max_size=5,
        unique_by=lambda paper: _identity(paper.title),
    )
)
def test_any_field_text_keeps_the_file_readable(papers: list[Paper]) -> None:
    text = to_bibtex(StudyDocument(paper_lists=[PaperList(papers=papers)]))
    assert bibtexparser.parse_string(text).failed_blocks == []
    assert len(pybtex_parse(text, "bibtex").entries) == len(papers)
