"""The data model the parser builds and the writers read: plain slotted dataclasses.

The public models in ``_model`` are Pydantic classes with the same names and
fields; ``parse`` converts at the edge. Inside, the parser, the Markdown writer,
the BibTeX writer and ``normalize`` work on these records, so a pre-commit run
never imports Pydantic, and a large README costs a fraction of the memory.

Each paper and talk is stored once: papers in their ``PaperList``, talks in
their ``Session``; ``StudyDocument.papers`` and ``StudyDocument.talks`` are views (the
public model has ``unparsed`` and ``iter_layout`` too, which the pipeline does not need).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
HeadingStyle = Literal["atx", "bold", "plain", "html", "setext"]
Newline = Literal["\n", "\r\n", "\r"]


@dataclass(slots=True, kw_only=True)
class Person:
    """Somebody named in the README: presenter, contributor, assignee, author."""

    name: str | None = None
    email: str | None = None
    url: str | None = None
    handle: str | None = None


@dataclass(slots=True, kw_only=True)
class Paper:
    """One publication as the README lists it."""

    title: str
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    url: str | None = None
    category: str | None = None
    arxiv: str | None = None
    doi: str | None = None
    assignees: list[Person] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: A task-list item's box: True checked ("- [x]"), False open ("- [ ]"), None without one.
    checked: bool | None = None
    #: Fields the README implies but does not write (["year"] from an arXiv identifier);
    #: the Markdown writers leave them out.
    inferred: list[str] = field(default_factory=list)
    line: int = 0
    raw: str = ""


@dataclass(slots=True, kw_only=True)
class Talk:
    """One presentation of a session; ``paper`` is the publication it presents, if any."""

    title: str | None = None
    presenters: list[Person] = field(default_factory=list)
    week: int | None = None
    date: str | None = None
    slides: str | None = None
    video: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    paper: Paper | None = None
    notes: list[str] = field(default_factory=list)
    line: int = 0
    raw: str = ""


@dataclass(slots=True, kw_only=True)
class RawBlock:
    """Source text kept verbatim: free text, or lines the parser did not understand."""

    line: int
    text: str
    role: Literal["text", "unparsed"] = "text"


@dataclass(slots=True, kw_only=True)
class Heading:
    """A heading as written: its wording, level, declared count and note."""

    text: str
    level: int
    line: int
    count: int | None = None
    note: str | None = None
    style: HeadingStyle = "atx"


@dataclass(slots=True, kw_only=True)
class PaperList:
    """The papers under one heading or label, in order."""

    category: str | None = None
    note: str | None = None
    declared_count: int | None = None
    line: int = 0
    papers: list[Paper] = field(default_factory=list)
    unparsed: list[RawBlock] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Session:
    """A week or meeting of a schedule with its talks."""

    title: str | None = None
    week: int | None = None
    date: str | None = None
    line: int = 0
    talks: list[Talk] = field(default_factory=list)
    unparsed: list[RawBlock] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class TopicGroup:
    """A heading with bullet points that describe topics, not papers."""

    title: str | None = None
    items: list[str] = field(default_factory=list)
    line: int = 0


@dataclass(slots=True, kw_only=True)
class Diagnostic:
    """Something the parser noticed: a count that does not match, an empty field, ..."""

    code: str
    message: str
    line: int
    column: int = 1
    severity: Severity = "warning"

    def format(self, path: str = "<text>") -> str:
        return f"{path}:{self.line}:{self.column}: {self.code} {self.message}"


LayoutKind = Literal["heading", "paper_list", "session", "raw"]


@dataclass(slots=True, kw_only=True)
class LayoutEntry:
    """One entry of the document in reading order: an index into the list named by ``kind``."""

    kind: LayoutKind
    index: int


@dataclass(slots=True, kw_only=True)
class SourceInfo:
    """How the file was stored, so it can be written back the same way."""

    path: str | None = None
    encoding: str = "utf-8"
    bom: bool = False
    newline: Newline = "\n"


@dataclass(slots=True, kw_only=True)
class StudyDocument:
    """Everything a careful reader takes out of a study README."""

    title: str | None = None
    description: str | None = None
    front_matter: dict[str, str] = field(default_factory=dict)
    topics: list[TopicGroup] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    paper_lists: list[PaperList] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    blocks: list[RawBlock] = field(default_factory=list)
    layout: list[LayoutEntry] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: SourceInfo = field(default_factory=SourceInfo)

    #: The LF-normalized text the document was parsed from (not a field of the
    #: public model). The Markdown writer re-lays this text out; a document built in
    #: code has none and is written from its fields.
    source_text: str | None = field(default=None, compare=False, repr=False)

    @property
    def papers(self) -> list[Paper]:
        """Every paper of every paper list, in reading order."""
        return [paper for plist in self.paper_lists for paper in plist.papers]

    @property
    def talks(self) -> list[Talk]:
        """Every talk of every session, in reading order."""
        return [talk for session in self.sessions for talk in session.talks]
