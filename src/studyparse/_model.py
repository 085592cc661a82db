"""The typed data model of a study README.

The parser works on plain dataclasses of the same names and fields
(``_records``); ``from_record`` and ``to_record`` convert at the library's edge.

Every model serializes every field (``None`` or ``[]`` when empty), so JSON
consumers get one stable schema. Each paper and talk is stored once: papers in
their ``PaperList``, talks in their ``Session``. ``StudyDocument.papers`` and
``StudyDocument.talks`` are read-only views for convenience.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import is_dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from . import _records

Severity = Literal["error", "warning", "info"]
HeadingStyle = Literal["atx", "bold", "plain", "html", "setext"]
Newline = Literal["\n", "\r\n", "\r"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True, from_attributes=True)


class Person(_Model):
    """Somebody named in the README: presenter, contributor, assignee, author."""

    name: str | None = None
    email: str | None = None
    url: str | None = None
    handle: str | None = None


class Paper(_Model):
    """One publication as the README lists it."""

    title: str
    authors: list[str] = Field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    url: str | None = None
    category: str | None = None
    arxiv: str | None = None
    doi: str | None = None
    assignees: list[Person] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    #: A task-list item's box: True checked ("- [x]"), False open ("- [ ]"), None without one.
    checked: bool | None = None
    #: Fields the README implies but does not write (["year"] from an arXiv identifier);
    #: the Markdown writers leave them out.
    inferred: list[str] = Field(default_factory=list)
    line: int = 0
    raw: str = ""


class Talk(_Model):
    """One presentation of a session; ``paper`` is the publication it presents, if any."""

    title: str | None = None
    presenters: list[Person] = Field(default_factory=list)
    week: int | None = None
    date: str | None = None
    slides: str | None = None
    video: str | None = None
    links: dict[str, str] = Field(default_factory=dict)
    paper: Paper | None = None
    notes: list[str] = Field(default_factory=list)
    line: int = 0
    raw: str = ""


class RawBlock(_Model):
    """Source text kept verbatim: free text, or lines the parser did not understand."""

    line: int
    text: str
    role: Literal["text", "unparsed"] = "text"


class Heading(_Model):
    """A heading as written: its wording, level, declared count and note."""

    text: str
    level: int
    line: int
    count: int | None = None
    note: str | None = None
    style: HeadingStyle = "atx"


class PaperList(_Model):
    """The papers under one heading or label, in order."""

    category: str | None = None
    note: str | None = None
    declared_count: int | None = None
    line: int = 0
    papers: list[Paper] = Field(default_factory=list)
    unparsed: list[RawBlock] = Field(default_factory=list)


class Session(_Model):
    """A week or meeting of a schedule with its talks."""

    title: str | None = None
    week: int | None = None
    date: str | None = None
    line: int = 0
    talks: list[Talk] = Field(default_factory=list)
    unparsed: list[RawBlock] = Field(default_factory=list)


class TopicGroup(_Model):
    """A heading with bullet points that describe topics, not papers."""

    title: str | None = None
    items: list[str] = Field(default_factory=list)
    line: int = 0


class Diagnostic(_Model):
    """Something the parser noticed: a count that does not match, an empty field, ..."""

    code: str
    message: str
    line: int
    column: int = 1
    severity: Severity = "warning"

    def format(self, path: str = "<text>") -> str:
        return f"{path}:{self.line}:{self.column}: {self.code} {self.message}"


LayoutKind = Literal["heading", "paper_list", "session", "raw"]


class LayoutEntry(_Model):
    """One entry of the document in reading order: an index into the list named by ``kind``."""

    kind: LayoutKind
    index: int


class SourceInfo(_Model):
    """How the file was stored, so it can be written back the same way."""

    path: str | None = None
    encoding: str = "utf-8"
    bom: bool = False
    newline: Newline = "\n"


class StudyDocument(_Model):
    """Everything a careful reader takes out of a study README."""

    title: str | None = None
    description: str | None = None
    front_matter: dict[str, str] = Field(default_factory=dict)
    topics: list[TopicGroup] = Field(default_factory=list)
    headings: list[Heading] = Field(default_factory=list)
    paper_lists: list[PaperList] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    blocks: list[RawBlock] = Field(default_factory=list)
    layout: list[LayoutEntry] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    source: SourceInfo = Field(default_factory=SourceInfo)

    #: The LF-normalized text the document was parsed from (not serialized). The
    #: Markdown writer re-lays this text out; a document built in code has none
    #: and is written from its fields.
    _source_text: str | None = PrivateAttr(default=None)

    @property
    def source_text(self) -> str | None:
        """The text ``parse`` read, LF newlines and no BOM; None for a document built in code."""
        return self._source_text

    @property
    def papers(self) -> list[Paper]:
        """Every paper of every paper list, in reading order."""
        return [paper for plist in self.paper_lists for paper in plist.papers]

    @property
    def talks(self) -> list[Talk]:
        """Every talk of every session, in reading order."""
        return [talk for session in self.sessions for talk in session.talks]

    @property
    def unparsed(self) -> list[RawBlock]:
        """Every block kept verbatim because it was not understood."""
        nested = [raw for plist in self.paper_lists for raw in plist.unparsed]
        nested += [raw for session in self.sessions for raw in session.unparsed]
        return sorted(
            [b for b in self.blocks if b.role == "unparsed"] + nested, key=lambda b: b.line
        )

    def iter_layout(self) -> Iterator[Heading | PaperList | Session | RawBlock]:
        """The document's parts in reading order."""
        lists: dict[str, list[Heading] | list[PaperList] | list[Session] | list[RawBlock]] = {
            "heading": self.headings,
            "paper_list": self.paper_lists,
            "session": self.sessions,
            "raw": self.blocks,
        }
        for entry in self.layout:
            yield lists[entry.kind][entry.index]


def from_record(record: _records.StudyDocument, *, consume: bool = False) -> StudyDocument:
    """The public model of a document the parser built.

    Each record is validated from its fields that differ from their defaults, so
    ``model_fields_set`` names what the README gave. With ``consume``, the record's
    lists are emptied as their items are converted, so a large document is never
    held twice (the library's entry points do this).
    """
    doc = _model_of(record, consume)
    assert isinstance(doc, StudyDocument)
    doc._source_text = record.source_text
    return doc


#: How a field's value converts: as is, a list of records, a record, a copied list or dict.
_SCALAR, _RECORDS, _RECORD, _LIST, _DICT = range(5)
_REQUIRED = object()
_Fields = tuple[tuple[str, object, int], ...]
#: For each record class: its model class and its fields with their defaults and kinds.
_CONVERSIONS: dict[type, tuple[type[BaseModel], _Fields]] = {}


def _conversion(record_class: type) -> tuple[type[BaseModel], _Fields]:
    found = _CONVERSIONS.get(record_class)
    if found is None:
        model = globals()[record_class.__name__]
        assert isinstance(model, type) and issubclass(model, BaseModel)
        fields = tuple(
            (
                name,
                _REQUIRED if info.is_required() else info.get_default(call_default_factory=True),
                _kind(info.annotation),
            )
            for name, info in model.model_fields.items()
        )
        found = _CONVERSIONS[record_class] = (model, fields)
    return found


def _kind(annotation: Any) -> int:
    def is_model(cls: Any) -> bool:
        return isinstance(cls, type) and issubclass(cls, BaseModel)

    if get_origin(annotation) is list:
        return _RECORDS if is_model(get_args(annotation)[0]) else _LIST
    if get_origin(annotation) is dict:
        return _DICT
    if is_model(annotation) or any(is_model(arg) for arg in get_args(annotation)):
        return _RECORD
    return _SCALAR


def _model_of(record: Any, consume: bool) -> BaseModel:
    model, fields = _conversion(type(record))
    given: dict[str, Any] = {}
    for name, default, kind in fields:
        value = getattr(record, name)
        if value == default:
            continue
        if kind == _SCALAR:
            given[name] = value
        elif kind == _RECORDS:
            given[name] = _models_of(value, consume)
        elif kind == _RECORD:
            given[name] = _model_of(value, consume)
        else:  # a list of strings, or links and front matter (str -> str)
            given[name] = value if consume else value.copy()
    return model.model_validate(given)


def _models_of(records: list[Any], consume: bool) -> list[BaseModel]:
    if not consume:
        return [_model_of(record, consume) for record in records]
    models = []
    while records:
        models.append(_model_of(records.pop(), consume))
    models.reverse()
    return models


def to_record(doc: StudyDocument) -> _records.StudyDocument:
    """The parser's record of a public document (for the writers)."""
    record = _record_of(doc)
    assert isinstance(record, _records.StudyDocument)
    record.source_text = doc.source_text
    return record


#: For each model class: its record class and its fields with their kinds.
_RECORDINGS: dict[type[BaseModel], tuple[Any, tuple[tuple[str, int], ...]]] = {}


def _recording(model: type[BaseModel]) -> tuple[Any, tuple[tuple[str, int], ...]]:
    found = _RECORDINGS.get(model)
    if found is None:
        fields = tuple((name, _kind(info.annotation)) for name, info in model.model_fields.items())
        found = _RECORDINGS[model] = (_record_class(model), fields)
    return found


def _record_of(model: BaseModel) -> Any:
    record_class, fields = _recording(type(model))
    values: dict[str, Any] = {}
    for name, kind in fields:
        value = getattr(model, name)
        if kind == _SCALAR:
            values[name] = value
        elif kind == _RECORDS:
            values[name] = [_record_of(item) for item in value]
        elif kind == _RECORD:
            values[name] = None if value is None else _record_of(value)
        else:  # a list of strings, or links and front matter (str -> str)
            values[name] = value.copy()
    return record_class(**values)


def _record_class(model: type[BaseModel]) -> Any:
    """The record class of a model class (or of the model a user's subclass extends)."""
    for cls in model.__mro__:
        found = getattr(_records, cls.__name__, None)
        if isinstance(found, type) and is_dataclass(found):
            return found
    raise TypeError(f"{model.__name__} is not a studyparse model")
