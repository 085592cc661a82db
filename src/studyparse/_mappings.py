"""Labelled records: one talk or paper written as label -> value fields.

YAML front matter (``- title: ...`` / ``presenter: ...``) and kramdown definition
lists (``Week 3`` / ``: Presenter: Ann Lee``) both write a record as fields with
labels. This module holds such a record while it is read, reads each field's
value (Markdown text: links, names, dates), and decides what the record is: a
talk when it names presenters, a date or week, slides or a video; a paper when it
names authors, a venue, a year or a publication's link and none of those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ._content import PERSON_NAME, link_role, person_names, url_role, venue_and_year
from ._dates import find_date
from ._inline import Link, clean, plain
from ._papers import split_authors
from ._people import people_from, split_names
from ._records import Paper, Person, Talk
from ._regex import LazyPattern
from ._talks import is_paper_url, link_value, week_value
from ._vocab import (
    DEADLINE_WORDS,
    EVERYONE_WORDS,
    FIELD_LABELS,
    LINK_KEY_ENDINGS,
    LINK_LABELS,
    SPEAKER_BEFORE,
    TALK_WORDS,
    is_placeholder,
    label_kind,
    normalized_label,
)

RecordKind = Literal["talk", "paper"]

#: The field kinds a record's labels are read as (``FIELD_LABELS`` keys), in that order.
RECORD_KINDS = (
    "presenters",
    "hosts",
    "reviewers",
    "date",
    "week",
    "title",
    "slides",
    "video",
    "authors",
    "venue",
    "year",
    "paper_url",
    "code",
    "notes",
    "category",
)
#: A kramdown attribute list (``{: .label .label-purple}``, ``{:.note}``): markup, not words.
ATTRIBUTE_LIST = LazyPattern(r"\{:[^{}\n]{0,200}\}")
#: A badge: bold words given an attribute list (``**Lecture**{: .label }``), no title words.
BADGE = LazyPattern(r"^\s{0,3}(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)\{:[^{}\n]{0,200}\}")
#: "Label: value" with a short label, the label perhaps in bold ("**Paper:** [T](u)").
LABELLED_VALUE = LazyPattern(r"^[*_]{0,3}(?P<label>[^:：*_\[\]()]{1,30}?)[*_]{0,3}\s*[:：]")
#: Most people one names-only field lists ("Evani, John, Nathan, Taishi, Winston").
MAX_NAMES = 12
#: Separators left around a title once its resource links are taken out.
TITLE_TRIM = " \t/|,;·-–—:"
#: Brackets left empty once the links inside are taken out ("( / )", "[]").
EMPTY_BRACKETS = LazyPattern(r"[(\[（][\s/|,;·:-]*[)\]）]")
#: Words before a title's link that still leave the link the title ("**Due** [Form](u)").
MAX_WORDS_BEFORE_TITLE = 3


@dataclass
class Entry:
    """A title as a record writes it, with the links written on it."""

    title: str
    line: int
    url: str | None = None
    slides: str | None = None
    video: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    #: The people after "by" ("[Talk](u) by Ann Lee", "Guest Lecture by Ann Lee").
    by: list[Person] = field(default_factory=list)


@dataclass
class Record:
    """A talk or a paper while its fields are read; ``line`` is where it starts."""

    line: int
    raw: str = ""
    entries: list[Entry] = field(default_factory=list)
    presenters: list[Person] = field(default_factory=list)
    #: People named in other roles (hosts, reviewers): known to the document, not presenters.
    people: list[Person] = field(default_factory=list)
    date: str | None = None
    week: int | None = None
    slides: str | None = None
    video: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    links: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    paper: Paper | None = None
    #: A presenters field was given, even if it names nobody in particular ("All").
    has_presenters: bool = False


def without_attributes(markdown: str) -> str:
    """The text without kramdown attribute lists (``**Due**{: .label}`` is ``**Due**``)."""
    return ATTRIBUTE_LIST.sub("", markdown) if "{:" in markdown else markdown


def label_of(markdown: str) -> tuple[str, str] | None:
    """``("presenters", "Ann Lee")`` for "Presenter: Ann Lee", "**Paper:** [T](u)"; else None.

    The value is the Markdown after the label, so its links stay links.
    """
    text = without_attributes(markdown).strip()
    if ":" not in text and "：" not in text:
        return None
    match = LABELLED_VALUE.match(text)
    if match is None:
        return None
    kind = label_kind(match.group("label"), FIELD_LABELS, RECORD_KINDS)
    if kind is None:
        return None
    return kind, text[match.end() :].lstrip("*_ \t")


def key_kind(key: str) -> str | None:
    """What a field's key names (a YAML key, a label), by the vocabulary.

    A key that ends in a link word ("youtube_url", "slides_link", "paper_url") holds
    the link to what the rest of it names: slides, a video, code, or the paper.
    """
    kind = label_kind(key, FIELD_LABELS, RECORD_KINDS)
    if kind is not None:
        return kind
    head, _, ending = normalized_label(key).rpartition(" ")
    if not head or ending not in LINK_KEY_ENDINGS:
        return None
    kind = label_kind(head, FIELD_LABELS, RECORD_KINDS)
    if kind in ("slides", "video", "code", "notes", "paper_url"):
        return kind
    return "paper_url" if kind == "title" else None


def is_deadline(markdown: str) -> bool:
    """A field that announces a deadline: its first word is "Due", "Deadline", "마감"..."""
    text = clean(plain(without_attributes(markdown)).text)
    words = text.split(maxsplit=2)
    return any(label_kind(" ".join(words[:n]), {"due": DEADLINE_WORDS}) for n in (1, 2))


def names_only(text: str) -> list[str]:
    """The names a field holds when it holds nothing else ("Alex, Bumjin, Nuo Wen"), or []."""
    if "](" in text or "://" in text:
        return []
    parts = split_names(clean(plain(text).text))
    if not parts or len(parts) > MAX_NAMES:
        return []
    names = []
    for part in parts:
        found = person_names(part)
        if len(found) != 1:
            return []
        names.append(found[0])
    return names


def is_everyone(text: str) -> bool:
    """A presenters value that names nobody in particular ("All Students", "모두")."""
    return label_kind(clean(plain(text).text), {"everyone": EVERYONE_WORDS}) is not None


def _people(markdown: str) -> list[Person]:
    return [] if is_everyone(markdown) else people_from(markdown)


def _speakers_after_by(text: str, *, in_title: bool = False) -> list[Person]:
    """The people after a final "by": "[Paper](u) by A. Author", "Invited Talk by Jun-Yan Zhu".

    Inside a title the words before "by" must name a talk ("Guest Lecture"), so
    "Learning by Doing" names nobody; a name there is any capitalised name shape.
    """
    for word in SPEAKER_BEFORE:
        head, found, names = text.rpartition(f" {word} ")
        if not found and not in_title and text.lower().startswith(f"{word} "):
            head, names, found = "", text[len(word) + 1 :], word
        names = names.strip(" .")
        if not found:
            continue
        if in_title:
            last = head.split()[-1:] or [""]
            if label_kind(last[0], {"talk": TALK_WORDS}) is None:
                continue
            parts = split_names(names)
            if parts and len(parts) <= MAX_NAMES and all(PERSON_NAME.match(p) for p in parts):
                return people_from(names)
        elif names_only(names):
            return people_from(names)
    return []


def _titled(link: Link) -> bool:
    """A link whose label is a title, not a resource word ("[pdf]", "[Slides]") or a URL."""
    label = link.text.strip()
    return (
        not link.image
        and len(label) >= 2
        and not label.startswith(("http://", "https://"))
        and label_kind(label, LINK_LABELS) is None
    )


def trimmed(text: str) -> str:
    """A title without empty brackets, separators at its ends, or an unmatched end bracket."""
    text = clean(EMPTY_BRACKETS.sub(" ", text) if "(" in text or "[" in text else text)
    text = text.strip(TITLE_TRIM)
    while text[-1:] in (")", "]") and text.count(text[-1]) > text.count(
        "(" if text[-1] == ")" else "["
    ):
        text = text[:-1].strip(TITLE_TRIM)
    while text[:1] in ("(", "[") and text.count(text[0]) > text.count(
        ")" if text[0] == "(" else "]"
    ):
        text = text[1:].strip(TITLE_TRIM)
    return text


def _link_label(link: Link) -> str:
    return normalized_label(link.text) or "link"


def read_entry(markdown: str, line: int) -> Entry | None:
    """A title with its links: "[Title](url) ([Slides](s))", "Title by Ann", "**Paper:** T".

    The title is the first link labelled with words (a badge such as ``**INVITED**``
    before it is no part of it), else the text once its resource links are taken
    out. Its own link is a video, slides or a page by its host; the other links are
    slides, video, code or notes by their labels. None for an empty or "TBD" title.
    """
    badge = BADGE.match(markdown) if "{:" in markdown else None
    inline = plain(without_attributes(markdown[badge.end() :] if badge else markdown))
    title_link = next((link for link in inline.links if _titled(link)), None)
    if title_link is not None:
        before = trimmed(inline.text[: title_link.start])
        if len(before.split()) > MAX_WORDS_BEFORE_TITLE:
            title_link = None
    kept: list[str] = []
    position = 0
    for link in inline.links:
        if link is title_link or _titled(link):
            continue
        kept.append(inline.text[position : link.start])
        position = link.end
    kept.append(inline.text[position:])
    if title_link is not None:
        title = clean(title_link.text)
        tail = trimmed(inline.text[title_link.end :])
    else:
        title = trimmed(" ".join(kept))
        tail = ""
    if not title or is_placeholder(title):
        return None
    entry = Entry(title=title, line=line)
    entry.by = _speakers_after_by(tail) or _speakers_after_by(title, in_title=True)
    if title_link is not None and title_link.url:
        role = url_role(title_link.url)
        if role in ("slides", "video"):
            setattr(entry, role, title_link.url)
        else:
            entry.url = title_link.url
    for link in inline.links:
        if link is title_link or not link.url or link.image:
            continue
        role = link_role(link)
        if role in ("slides", "video") and getattr(entry, role) is None:
            setattr(entry, role, link.url)
        elif role == "paper" and entry.url is None:
            entry.url = link.url
        else:
            entry.links.setdefault(_link_label(link), link.url)
    return entry


def add_field(record: Record, kind: str, markdown: str, line: int, year: int | None) -> None:
    """Read one labelled value (Markdown text) into the record."""
    text = clean(plain(without_attributes(markdown)).text)
    if is_placeholder(text) and "](" not in markdown:
        if kind == "presenters":
            record.has_presenters = True
        return
    if kind == "presenters":
        record.has_presenters = True
        record.presenters += _people(markdown)
    elif kind in ("hosts", "reviewers"):
        record.people += _people(markdown)
    elif kind == "date":
        record.date = record.date or find_date(text, year)[0]
        record.week = record.week if record.week is not None else week_value(text)
    elif kind == "week":
        record.week = week_value(text) if record.week is None else record.week
    elif kind == "title":
        entry = read_entry(markdown, line)
        if entry is not None:
            record.entries.append(entry)
    elif kind in ("slides", "video", "paper_url"):
        _add_link(record, kind, markdown)
    elif kind == "authors":
        record.authors += split_authors(text)
    elif kind == "venue":
        venue, found_year = venue_and_year(text)
        record.venue = record.venue or venue or text
        record.year = record.year or found_year
    elif kind == "year":
        _, record.year = (None, record.year) if record.year else venue_and_year(text)
    else:  # code, notes, category
        url = link_value(markdown)
        if url:
            record.links.setdefault(kind, url)
        else:
            record.notes.append(text)


def _add_link(record: Record, kind: str, markdown: str) -> None:
    url = link_value(markdown)
    if url is None:
        return
    attribute = "url" if kind == "paper_url" else kind
    if getattr(record, attribute) is None:
        setattr(record, attribute, url)


def add_links(record: Record, markdown: str) -> bool:
    """A field of resource links only ("[slides](u) / [video](v)"): True when it was one."""
    inline = plain(without_attributes(markdown))
    links = [link for link in inline.links if link.url and not link.image]
    if not links or any(_titled(link) for link in inline.links):
        return False
    rest = inline.text
    for link in sorted(inline.links, key=lambda link: link.start, reverse=True):
        rest = rest[: link.start] + rest[link.end :]
    if trimmed(rest):
        return False
    for link in links:
        role = link_role(link)
        if role in ("slides", "video") and getattr(record, role) is None:
            setattr(record, role, link.url)
        elif role == "paper" and record.url is None:
            record.url = link.url
        else:
            record.links.setdefault(_link_label(link), link.url)
    return True


def record_kind(record: Record, default: RecordKind | None = None) -> RecordKind | None:
    """A talk when it names who, when, slides or a video; a paper when it reads as one."""
    main = record.entries[0] if record.entries else None
    talk = (
        record.has_presenters
        or bool(record.presenters)
        or record.date is not None
        or record.week is not None
        or record.slides is not None
        or record.video is not None
        or (main is not None and (main.slides is not None or main.video is not None))
    )
    if talk:
        return "talk"
    url = record.url or (main.url if main else None)
    paper = (
        bool(record.authors)
        or record.venue is not None
        or record.year is not None
        or record.paper is not None
        or (url is not None and is_paper_url(url))
    )
    if paper and (main is not None or record.paper is not None):
        return "paper"
    return default if main is not None else None


def paper_of(record: Record, category: str | None = None) -> Paper | None:
    """The paper a record describes (its first title, or the paper it nests)."""
    main = record.entries[0] if record.entries else None
    if main is None:
        return record.paper
    url = record.url or main.url
    authors = record.authors or [person.name for person in main.by if person.name]
    paper = Paper(
        title=main.title,
        authors=authors,
        venue=record.venue,
        year=record.year,
        url=url,
        category=category,
        line=main.line or record.line,
        raw=record.raw,
    )
    if record.paper is not None:
        nested = record.paper
        paper.authors = paper.authors or nested.authors
        paper.venue = paper.venue or nested.venue
        paper.year = paper.year or nested.year
        paper.url = paper.url or nested.url
    return paper


def talks_of(record: Record, week: int | None, date: str | None) -> list[Talk]:
    """The talks of a record: its first title with the record's fields, then one per title.

    Every talk shares the record's presenters, week and date; slides and video of the
    record belong to its first talk. A record with presenters and no title is one
    untitled talk. Without presenters, "Guest Lecture by Ann Lee" names its speaker.
    """
    week = record.week if record.week is not None else week
    date = record.date or date
    if not record.entries:
        if not record.presenters:
            return []
        return [
            Talk(
                presenters=record.presenters,
                week=week,
                date=date,
                slides=record.slides,
                video=record.video,
                links=dict(record.links),
                paper=record.paper,
                notes=list(record.notes),
                line=record.line,
                raw=record.raw,
            )
        ]
    main, *others = record.entries
    talks = [
        Talk(
            title=main.title,
            presenters=list(record.presenters or main.by),
            week=week,
            date=date,
            slides=record.slides or main.slides,
            video=record.video or main.video,
            links={**main.links, **record.links},
            paper=_main_paper(record, main),
            notes=list(record.notes),
            line=main.line or record.line,
            raw=record.raw,
        )
    ]
    for entry in others:
        talks.append(
            Talk(
                title=entry.title,
                presenters=list(record.presenters),
                week=week,
                date=date,
                slides=entry.slides,
                video=entry.video,
                links=dict(entry.links),
                paper=_entry_paper(entry),
                line=entry.line,
            )
        )
    return talks


def _main_paper(record: Record, main: Entry) -> Paper | None:
    if record.paper is not None:
        return record.paper
    url = record.url or main.url
    authors = record.authors
    if not authors and record.presenters:
        authors = [person.name for person in main.by if person.name]
    if url is None and not authors and record.venue is None and record.year is None:
        return None
    return Paper(
        title=main.title,
        authors=authors,
        venue=record.venue,
        year=record.year,
        url=url,
        line=main.line or record.line,
    )


def _entry_paper(entry: Entry) -> Paper | None:
    """The publication a further title of a record links to ("[T](arxiv) by A. Author")."""
    authors = [person.name for person in entry.by if person.name]
    if entry.url is None and not authors:
        return None
    return Paper(title=entry.title, authors=authors, url=entry.url, line=entry.line)
