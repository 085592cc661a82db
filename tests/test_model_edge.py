"""The public Pydantic models and the parser's records stay one model in two forms.

The parser, the writers and ``normalize`` work on plain dataclasses (``_records``);
the library's entry points return Pydantic models (``_model``) converted at the edge.
These tests keep the two declarations identical and the conversion lossless.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import studyparse
from studyparse import _bibtex, _markdown, _model, _read, _records

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
READMES = sorted(
    path
    for path in [*CORPUS.glob("*.md"), *CORPUS.glob("*.txt"), *CORPUS.glob("heldout/*.md")]
    if path.name != "GOLD.md"
)
RECORD_CLASSES = [
    cls
    for cls in vars(_records).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls)
]


def test_every_record_class_is_a_public_model() -> None:
    names = {cls.__name__ for cls in RECORD_CLASSES}
    public = {
        name
        for name in studyparse.__all__
        if isinstance(getattr(studyparse, name), type)
        and issubclass(getattr(studyparse, name), BaseModel)
    }
    assert names == public


def _named(factory: object) -> object:
    """A default factory, compared by name (``list``, or the same-named class)."""
    return getattr(factory, "__name__", factory)


@pytest.mark.parametrize("record_class", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_record_and_model_declare_the_same_fields(record_class: type) -> None:
    model_class = getattr(_model, record_class.__name__)
    record_fields = {
        f.name: (f.type, f.default, _named(f.default_factory))
        for f in dataclasses.fields(record_class)
        if f.name != "source_text"  # a private attribute of the model, not a field
    }
    model_fields = {
        name: (
            model_class.__annotations__[name],
            dataclasses.MISSING
            if info.is_required() or info.default_factory is not None
            else info.default,
            _named(info.default_factory or dataclasses.MISSING),
        )
        for name, info in model_class.model_fields.items()
    }
    assert list(record_fields) == list(model_fields)
    assert record_fields == model_fields


@pytest.mark.parametrize("readme", READMES, ids=lambda path: path.name)
def test_conversion_keeps_everything(readme: Path) -> None:
    record = _read.load(readme)
    doc = _model.from_record(record)
    assert doc.source_text == record.source_text
    back = _model.to_record(doc)
    assert back == record
    assert back.source_text == record.source_text
    fields = dataclasses.asdict(record)
    del fields["source_text"]
    assert doc.model_dump() == fields


@pytest.mark.parametrize("readme", READMES, ids=lambda path: path.name)
def test_views_agree(readme: Path) -> None:
    """The convenience views are written once per form; both give the same parts."""
    record = _read.load(readme)
    doc = _model.from_record(record)

    def dumped(items: Iterable[Any]) -> list[dict[str, Any]]:
        return [
            item.model_dump() if isinstance(item, BaseModel) else dataclasses.asdict(item)
            for item in items
        ]

    assert dumped(doc.papers) == dumped(record.papers)
    assert dumped(doc.talks) == dumped(record.talks)


@pytest.mark.parametrize("readme", READMES[::4], ids=lambda path: path.name)
def test_public_writers_equal_the_record_writers(readme: Path) -> None:
    record, doc = _read.load(readme), studyparse.load(readme)
    assert studyparse.to_markdown(doc) == _markdown.to_markdown(record)
    assert studyparse.to_bibtex(doc) == _bibtex.to_bibtex(record)
    assert studyparse.bibtex_diagnostics(doc) == [
        studyparse.Diagnostic.model_validate(found) for found in _bibtex.bibtex_diagnostics(record)
    ]


def test_a_document_built_in_code_is_written() -> None:
    doc = studyparse.StudyDocument(
        paper_lists=[
            studyparse.PaperList(
                category="Papers", papers=[studyparse.Paper(title="A Study", year=2020)]
            )
        ],
        layout=[studyparse.LayoutEntry(kind="paper_list", index=0)],
    )
    assert "A Study" in studyparse.to_markdown(doc)
    assert "title = {A Study}" in studyparse.to_bibtex(doc)


def test_a_subclass_of_a_public_model_converts() -> None:
    class MyPaper(studyparse.Paper):
        pass

    plist = studyparse.PaperList(papers=[MyPaper(title="A Study")])
    record = _model.to_record(studyparse.StudyDocument(paper_lists=[plist]))
    assert record.paper_lists[0].papers == [_records.Paper(title="A Study")]


def test_fields_set_are_what_the_readme_gave() -> None:
    doc = studyparse.parse("## Papers\n\n1. A Study of Things, ICML, 2020\n")
    (paper,) = doc.papers
    assert {"title", "venue", "year", "line", "raw"} <= paper.model_fields_set
    assert not {"doi", "arxiv", "authors", "assignees"} & paper.model_fields_set


def test_consuming_conversion_empties_the_record_and_keeps_order() -> None:
    record = _read.parse("## Papers\n\n1. First, ICML, 2020\n2. Second, ICLR, 2021\n")
    expected = [paper.title for paper in record.papers]
    doc = _model.from_record(record, consume=True)
    assert [paper.title for paper in doc.papers] == expected == ["First", "Second"]
    assert record.paper_lists == []


@pytest.mark.parametrize("readme", READMES, ids=lambda path: path.name)
def test_record_json_is_the_models_json(readme: Path) -> None:
    from studyparse._json import record_json

    record = _read.load(readme)
    doc = _model.from_record(record)
    assert record_json(record) == studyparse.to_json(doc)
    assert record_json(record, indent=None) == studyparse.to_json(doc, indent=None)


@pytest.mark.parametrize("readme", READMES, ids=lambda path: path.name)
def test_streamed_json_is_the_models_json(readme: Path) -> None:
    """``convert --to json`` writes the JSON in pieces; together they are the same text."""
    from studyparse import _json

    record = _read.load(readme)
    pieces = list(_json.iter_record_json(record))
    expected = studyparse.to_json(_model.from_record(record))
    assert "".join(pieces) == expected


def test_streamed_json_comes_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    from studyparse import _json

    monkeypatch.setattr(_json, "PIECES_PER_WRITE", 10)
    record = _read.load(READMES[0])
    pieces = list(_json.iter_record_json(record))
    assert len(pieces) > 100
    assert "".join(pieces) == studyparse.to_json(_model.from_record(record))


@given(st.text(max_size=40), st.text(max_size=40), st.dictionaries(st.text(max_size=5), st.text()))
@settings(max_examples=200, deadline=None)
def test_record_json_escapes_as_pydantic_does(title: str, note: str, links: dict[str, str]) -> None:
    from studyparse._json import record_json

    title, note = _unicode(title), _unicode(note)
    links = {_unicode(key): _unicode(value) for key, value in links.items()}
    talk = _records.Talk(title=title, notes=[note], links=links, week=3)
    record = _records.StudyDocument(
        title=title,
        sessions=[_records.Session(talks=[talk])],
        source=_records.SourceInfo(bom=True, newline="\r\n"),
    )
    doc = _model.from_record(record)
    assert record_json(record) == studyparse.to_json(doc)
    assert record_json(record, indent=None) == studyparse.to_json(doc, indent=None)


def _unicode(text: str) -> str:
    """``text`` without lone surrogates, which no parsed document holds."""
    return text.encode("utf-8", "replace").decode("utf-8")


def test_record_json_of_awkward_characters() -> None:
    from studyparse._json import record_json

    awkward = 'quote " back \\ tab \t nl \n nul \x00 esc \x1b del \x7f ls \u2028 한글 😀 </script>'
    record = _records.StudyDocument(title=awkward, front_matter={awkward: awkward})
    assert record_json(record) == studyparse.to_json(_model.from_record(record))
