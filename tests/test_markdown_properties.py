"""Property tests of the Markdown writer and the normalizer (Hypothesis).

1. A document built in code from random papers, talks and people (English,
   Korean and Chinese words, Markdown-special characters inside titles) is
   written as Markdown that parses back to the same document.
2. Any text, normalized, comes out the same when normalized again, or is
   refused by a safety check; it is never corrupted and never crashes.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import studyparse
from studyparse._model import (
    Heading,
    LayoutEntry,
    Paper,
    PaperList,
    Person,
    Session,
    StudyDocument,
    Talk,
)
from studyparse._normalize import UnsafeNormalization, document_parts, normalize_text

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LATIN = st.sampled_from(
    [
        "Attention",
        "Graph",
        "Networks",
        "Learning",
        "Deep",
        "Sparse",
        "Vision",
        "Model",
        "Transformers",
        "GAN",
    ]
)
MIDDLE = st.one_of(
    LATIN,
    st.sampled_from(
        ["신경망", "학습", "딥러닝", "注意力", "模型", "图神经网络", "of", "for", "is", "all", "v2"]
    ),
    st.sampled_from(
        [
            "*",
            "_",
            "**x**",
            "[x]",
            "|",
            "#1",
            "C++",
            "Q&A",
            "a_b",
            "x*y",
            "`code`",
            "<T>",
            "\\",
            "~",
            "!",
        ]
    ),
)
TITLES = st.builds(
    lambda first, middle, last: " ".join([first, *middle, last]),
    LATIN,
    st.lists(MIDDLE, max_size=5),
    LATIN,
)
VENUES = st.sampled_from(["ICLR", "NeurIPS", "CVPR", "ACL", "arXiv", "IEEE TCAD", "ISCA"])
YEARS = st.integers(min_value=1990, max_value=2029)
URLS = st.builds(
    lambda path: f"https://example.org/{path}",
    st.from_regex(r"[a-z0-9]{1,12}(\.pdf)?", fullmatch=True),
)
LATIN_NAMES = st.builds(
    lambda given, family: f"{given} {family}",
    st.sampled_from(["Alice", "Bora", "Chen", "Dmitri", "Eun"]),
    st.sampled_from(["Kim", "Park", "Wang", "Smith", "Lee"]),
)
NAMES = st.one_of(LATIN_NAMES, st.sampled_from(["김철수", "이영희", "박지민", "王小明", "李华"]))


@st.composite
def papers(draw: st.DrawFn) -> Paper:
    venue_year = draw(st.one_of(st.none(), st.tuples(st.none(), YEARS), st.tuples(VENUES, YEARS)))
    venue, year = venue_year or (None, None)
    authors = draw(
        st.one_of(st.just([]), st.lists(LATIN_NAMES, min_size=2, max_size=3, unique=True))
    )
    return Paper(
        title=draw(TITLES), venue=venue, year=year, url=draw(st.none() | URLS), authors=authors
    )


@st.composite
def people(draw: st.DrawFn) -> Person:
    name = draw(NAMES)
    email = draw(st.none() | st.builds(lambda n: f"member{n}@example.org", st.integers(0, 999)))
    return Person(name=name, email=email)


@st.composite
def talks(draw: st.DrawFn, week: int, pool: list[Person]) -> Talk:
    presenters = draw(
        st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique_by=lambda p: p.name)
    )
    date = draw(
        st.none() | st.dates().map(lambda d: d.isoformat()).filter(lambda d: "2000" <= d < "2030")
    )
    return Talk(
        title=draw(TITLES),
        presenters=presenters,
        week=week,
        date=date,
        slides=draw(st.none() | URLS),
        video=draw(st.none() | URLS),
    )


@st.composite
def documents(draw: st.DrawFn) -> StudyDocument:
    doc = StudyDocument()
    # one record per person: a name always comes with the same e-mail (or none)
    pool = draw(
        st.lists(
            people(),
            min_size=1,
            max_size=5,
            unique_by=(lambda p: p.name, lambda p: p.email or p.name),
        )
    )
    for number in range(draw(st.integers(0, 2))):
        items = draw(st.lists(papers(), min_size=1, max_size=4, unique_by=lambda p: p.title))
        doc.headings.append(
            Heading(text=f"Paper List {number + 1}", level=2, line=0, count=len(items))
        )
        doc.layout.append(LayoutEntry(kind="heading", index=len(doc.headings) - 1))
        doc.paper_lists.append(PaperList(category=doc.headings[-1].text, papers=items))
        doc.layout.append(LayoutEntry(kind="paper_list", index=len(doc.paper_lists) - 1))
    for week in range(1, draw(st.integers(0, 2)) + 1):
        doc.headings.append(Heading(text=f"Week {week}", level=2, line=0))
        doc.layout.append(LayoutEntry(kind="heading", index=len(doc.headings) - 1))
        session_talks = draw(
            st.lists(talks(week, pool), min_size=1, max_size=3, unique_by=lambda t: t.title)
        )
        doc.sessions.append(Session(title=f"Week {week}", week=week, talks=session_talks))
        doc.layout.append(LayoutEntry(kind="session", index=len(doc.sessions) - 1))
    members = draw(st.lists(st.sampled_from(pool), max_size=3, unique_by=lambda p: p.name))
    presenters = [person for talk in doc.talks for person in talk.presenters]
    doc.people = _merged(presenters + members)
    return doc


def _merged(found: list[Person]) -> list[Person]:
    """The people merged by the parser's rule (which works on its records)."""
    from dataclasses import asdict

    from studyparse import _records
    from studyparse._people import merge_people

    merged = merge_people([_records.Person(**person.model_dump()) for person in found])
    return [Person(**asdict(person)) for person in merged]


def _parts(doc: StudyDocument) -> list[tuple[str, object]]:
    return [(what, value) for what, _, value in document_parts(doc) if what != "section"]


@SETTINGS
@given(documents())
def test_document_built_in_code_reads_back_the_same(doc: StudyDocument) -> None:
    text = studyparse.to_markdown(doc)
    again = studyparse.parse(text)
    assert _parts(again) == _parts(doc), text
    assert studyparse.to_markdown(again) == normalize_text(text)


LINES = st.one_of(
    st.sampled_from(
        [
            "",
            "## Paper List (3)",
            "### Week1 (September 09, 2020)",
            "**Bold label**",
            "\t1. Timeloop: DNN Accelerator Evaluation, ISPASS, 2019",
            "  • Fast acceleration of inference",
            "- [BenchNN, IISWC,2012](https://example.org/b.pdf)",
            "* Searching for MobileNetV3 (ICCV 2019)",
            "    * [Original Paper Link](https://arxiv.org/abs/1905.02244) / Summary PDF",
            "Presenter: 김철수 (kim@example.org)",
            "PPT: https://example.org/s.pdf",
            "Video: ",
            "#|Topic|Date|Speaker",
            "--|--|--|--",
            "1|[A talk](https://example.org/x)|Nov 9, 2017|이영희",
            "> quoted - text",
            "```",
            "<!-- a comment -->",
            "<div align=center>",
            "---",
            "Main Contributor: Alice Kim (alice@example.org)",
            "第3周 注意力机制",
            "1주차: 논문 리뷰",
        ]
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40),
)


@SETTINGS
@given(st.lists(LINES, max_size=14).map("\n".join))
def test_normalizing_twice_equals_once_or_is_refused(text: str) -> None:
    try:
        once = normalize_text(text)
    except UnsafeNormalization:
        return
    assert normalize_text(once) == once
