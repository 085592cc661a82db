"""Definition lists (kramdown, PHP Markdown Extra): a term line, then ``: `` definitions.

    Week 3 — Sep 12
    : **Paper:** [Title](https://arxiv.org/abs/...)
    : Presenter: Ann Lee

The term and its definitions are one labelled record (``_mappings``). The term
holds the date or week, or the title. Each definition is a labelled field
("Presenter: ...", "Slides: ..."), the names of the presenters, links to slides
or a video, or, unlabelled, a title; a list inside a definition gives one title
per item. Under a dated term every title is a talk of that date, sharing the
record's presenters. A record that announces a deadline ("Due on March 6") is
no talk, and one with no sign of a talk or a paper (a glossary) stays text.

The block stage emits each line of such a list as its own block; here the run
of blocks is recognised by shape alone (``definition_end``), so the builder
reads it and the Markdown writer keeps it as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._blocks import LIST_MARKER, Block, is_definition
from ._content import WEEK_CELL, is_date, name_strength
from ._dates import find_date
from ._inline import clean, plain
from ._mappings import (
    Entry,
    Record,
    add_field,
    add_links,
    is_deadline,
    is_everyone,
    label_of,
    names_only,
    paper_of,
    read_entry,
    record_kind,
    talks_of,
    without_attributes,
)
from ._outline import SENTENCE_END, role_of, week_of
from ._papers import read_paper
from ._people import people_from
from ._records import Paper, Person, Session

#: Longest item that may label the readings under it ("Suggested readings (on X):").
MAX_LABEL = 60


@dataclass
class Definition:
    """One ``: ...`` line and the indented lines that continue it.

    ``indent`` is the column its text starts at, so a list in it can be compared
    with the items under it.
    """

    text: str
    line: int
    indent: int
    rest: list[Block] = field(default_factory=list)


@dataclass
class DefinitionRead:
    """What one term and its definitions are: a session of talks, papers, or both."""

    session: Session | None = None
    papers: list[Paper] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)


def definitions(blocks: list[Block]) -> list[Definition]:
    """The definitions of a run (the term excluded), each with its continuation lines."""
    found: list[Definition] = []
    for block in blocks:
        if is_definition(block):
            found.append(Definition(block.text[1:].strip(), block.line, block.indent + 2))
        elif block.kind != "blank" and found:
            found[-1].rest.append(block)
    return found


@dataclass
class _Reading:
    """One term's record while its definitions are read."""

    record: Record
    dated: bool
    year: int | None
    term: str | None = None
    papers: list[Paper] = field(default_factory=list)
    #: Parts that are only names ("Ann Lee"): the presenters, unless no title is given.
    names: list[tuple[str, int]] = field(default_factory=list)


def read_definition_list(blocks: list[Block], year: int | None) -> DefinitionRead | None:
    """The record a term (``blocks[0]``) and its definitions make, or None to keep them as text."""
    term = blocks[0]
    items = definitions(blocks[1:])
    if is_deadline(term.text) or any(is_deadline(item.text) for item in items):
        return None
    term_text = clean(plain(without_attributes(term.text)).text)
    week = week_of(term_text)
    date = find_date(term_text, year)[0]
    only_date = is_date(term_text, year) or WEEK_CELL.match(term_text) is not None
    dated = only_date or week is not None or date is not None
    record = Record(line=term.line, raw="\n".join(block.raw for block in blocks))
    record.week, record.date = week, date
    term_entry = None if only_date else read_entry(term.text, term.line)
    if term_entry is not None and not dated:
        record.entries.append(term_entry)
    reading = _Reading(record, dated, year, term_text)
    for item in items:
        _read_definition(reading, item)
    if term_entry is not None and dated and not record.entries:
        record.entries.append(term_entry)
    _name_the_presenters(reading)
    read = DefinitionRead(papers=reading.papers, people=record.people)
    kind = record_kind(record, "talk" if dated else None)
    if kind == "talk":
        talks = talks_of(record, None, None)
        if talks:
            read.session = Session(
                title=term_text, week=week, date=date, line=term.line, talks=talks
            )
    elif kind == "paper":
        paper = paper_of(record)
        read.papers[:0] = [paper] if paper is not None else []
    return read if read.session is not None or read.papers else None


def _name_the_presenters(reading: _Reading) -> None:
    """Names-only parts are the presenters, but one Latin name alone under a date is a title.

    "Sep 12 / : Graph Neural Networks" is a talk titled so, not one by a person of
    that name; beside a title, as a list of names, or in Hangul or Han, they are people.
    """
    record, names = reading.record, reading.names
    if len(names) == 1 and not record.entries and reading.dated:
        markdown, line = names[0]
        found = names_only(markdown)
        entry = read_entry(markdown, line) if len(found) == 1 and found[0].isascii() else None
        if entry is not None:
            record.entries.append(entry)
            names.clear()
    for markdown, _ in names:
        record.has_presenters = True
        record.presenters += people_from(", ".join(names_only(markdown)))


def _read_definition(reading: _Reading, item: Definition) -> None:
    marker = LIST_MARKER.match(item.text)
    if marker is None:
        _read_part(reading, item.text, item.line, reading.dated)
        for block in item.rest:
            _read_part(reading, block.text, block.line, reading.dated or block.kind == "item")
        return
    rows = [(item.indent, item.text[marker.end() :], item.line)]
    rows += [(block.indent, block.text, block.line) for block in item.rest]
    _read_list(reading, rows)


def _read_list(reading: _Reading, rows: list[tuple[int, str, int]]) -> None:
    """A list inside a definition: titles, or an outline with reading lists in it.

    A flat list gives one title per item ("1. [Paper](u)"). When an item labels
    readings ("Suggested readings:"), the items under it are papers, and the
    unlinked items beside it are an outline of the meeting: notes, not talks.
    """
    outline = any(_reading_label(text) for _, text, _ in rows)
    if not outline and reading.record.entries and all(_linked(text) for _, text, _ in rows):
        _read_readings(reading, rows)  # a session's title came first: the list is its readings
        return
    label_indent: int | None = None
    category: str | None = None
    for indent, text, line in rows:
        if label_indent is not None and indent > label_indent:
            found = read_paper(text, line=line, category=category)
            if found is not None and found.paper.title:
                reading.papers.append(found.paper)
            continue
        label_indent = None
        label = _reading_label(text)
        if label is not None:
            label_indent, category = indent, label
        elif outline and not _linked(text):
            reading.record.notes.append(clean(plain(text).text))
        else:
            _read_part(reading, text, line, True)


def _read_readings(reading: _Reading, rows: list[tuple[int, str, int]]) -> None:
    """A list of links under a session that already has its title: papers to read."""
    for _, text, line in rows:
        found = read_paper(text, line=line, category=reading.term)
        if found is not None and found.paper.title:
            reading.papers.append(found.paper)


def _reading_label(markdown: str) -> str | None:
    """The words of an item that labels a list of readings ("Suggested readings:"), or None."""
    inline = plain(markdown)
    text = clean(inline.text).rstrip(":： ")
    if inline.links or not text or len(text) > MAX_LABEL or role_of(text) != "papers":
        return None
    return text


def _linked(markdown: str) -> bool:
    return any(link.url for link in plain(markdown).links)


def _read_part(reading: _Reading, markdown: str, line: int, titled: bool) -> None:
    """One definition or line of one: a labelled field, names, links, a date, a title or a note."""
    if not markdown.strip():
        return
    record = reading.record
    labelled = label_of(markdown)
    if labelled is not None:
        add_field(record, labelled[0], labelled[1], line, reading.year)
        return
    if is_everyone(markdown):
        record.has_presenters = True
        return
    names = names_only(markdown)
    if names and (record.entries or len(names) > 1 or name_strength(names[0]) == 2):
        reading.names.append((markdown, line))
        return
    if add_links(record, markdown):
        return
    text = clean(plain(without_attributes(markdown)).text)
    if record.date is None and is_date(text, reading.year):
        record.date = find_date(text, reading.year)[0]
        return
    entry: Entry | None = None
    if titled and (_linked(markdown) or not _is_sentence(text)):
        entry = read_entry(markdown, line)
    if entry is not None:
        record.entries.append(entry)
    else:
        record.notes.append(text)


def _is_sentence(text: str) -> bool:
    """Unlinked text that ends as a sentence ("No meeting this week.", "휴강합니다")."""
    return SENTENCE_END.search(text) is not None and not text.endswith("?")
