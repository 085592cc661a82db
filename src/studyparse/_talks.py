"""Talks: labelled talk blocks, schedule list items and schedule table rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._dates import find_date
from ._inline import clean, plain
from ._model import Paper, Person, Talk
from ._outline import week_of
from ._papers import read_paper
from ._people import people_from, person_from
from ._vocab import FIELD_LABELS, LINK_LABELS, PAPER_HOSTS, is_placeholder, label_kind

URL_IN_TEXT = re.compile(r"(?:https?://|\.{0,2}/)\S+")
HANGUL_NAME = re.compile(r"^[\uac00-\ud7af*]{2,5}$")
NAME_FIRST = re.compile(r"^(?P<name>[^:：\[\]()]{1,20}?)\s*[:：]\s*(?P<rest>\S.*)$", re.DOTALL)
TABLE_KINDS = (
    "week",
    "date",
    "title",
    "presenters",
    "assistants",
    "slides",
    "video",
    "venue",
    "year",
    "code",
    "notes",
)


def is_paper_url(url: str) -> bool:
    """A link to a publication (arXiv, a proceedings site, a PDF), not to study material."""
    lowered = url.lower()
    host = lowered.split("://", 1)[-1].split("/", 1)[0]
    return any(host == h or host.endswith("." + h) for h in PAPER_HOSTS)


def link_value(markdown: str) -> str | None:
    """The URL a field gives: its first link, or a bare URL; None for an empty or "-" field."""
    inline = plain(markdown)
    for link in inline.links:
        if link.url:
            return link.url
    text = clean(inline.text)
    match = URL_IN_TEXT.search(text)
    return match.group(0) if match else None


@dataclass
class TalkDraft:
    """A talk being assembled from its title line and the labelled lines after it."""

    title: str | None
    line: int
    raw: list[str] = field(default_factory=list)
    presenters: list[Person] = field(default_factory=list)
    slides: str | None = None
    video: str | None = None
    date: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    paper: Paper | None = None
    empty_fields: list[tuple[str, int]] = field(default_factory=list)

    def add_field(self, kind: str, value: str, line: int, raw: str, year: int | None) -> None:
        self.raw.append(raw)
        if is_placeholder(value) or not clean(plain(value).text):
            self.empty_fields.append((kind, line))
            return
        if kind == "presenters":
            self.presenters += people_from(value)
        elif kind == "date":
            self.date = find_date(value, year)[0]
        elif kind in ("slides", "video"):
            url = link_value(value)
            if url is None:
                self.empty_fields.append((kind, line))
            setattr(self, kind, url)

    def build(self, week: int | None, date: str | None) -> Talk:
        return Talk(
            title=self.title,
            presenters=self.presenters,
            week=week,
            date=self.date or date,
            slides=self.slides,
            video=self.video,
            links=self.links,
            paper=self.paper,
            line=self.line,
            raw="\n".join(self.raw),
        )


def talk_from_item(markdown: str, line: int, known_names: set[str]) -> TalkDraft:
    """A schedule list item: "Name: Title [slides](url)", "VENUE YEAR [Title](url)", or a title."""
    presenters: list[Person] = []
    source = markdown.split("\n", 1)[0]
    match = NAME_FIRST.match(clean(plain(source).text))
    if match and (
        HANGUL_NAME.match(match.group("name").strip()) or match.group("name").strip() in known_names
    ):
        person = person_from(match.group("name"))
        presenters = [person] if person else []
        source = source.split(":", 1)[-1] if ":" in source else source.split("：", 1)[-1]
    read = read_paper(source, line=line)
    draft = TalkDraft(title=read.paper.title if read else clean(plain(source).text), line=line)
    draft.raw.append(markdown)
    draft.presenters = presenters
    if read:
        draft.slides = read.links.get("slides")
        draft.video = read.links.get("video")
        draft.links = {k: v for k, v in read.links.items() if k not in ("slides", "video")}
        if read.paper.url or read.paper.venue or read.paper.year:
            draft.paper = read.paper.model_copy(update={"raw": "", "line": line})
    return draft


def table_columns(header: tuple[str, ...]) -> dict[str, list[int]]:
    """Which columns of a table hold which field, by their header words."""
    columns: dict[str, list[int]] = {}
    for index, cell in enumerate(header):
        label = clean(plain(cell).text)
        kind = label_kind(label, FIELD_LABELS, TABLE_KINDS)
        if kind is None:
            first = re.split(r"[\s(（]", label.strip(), maxsplit=1)[0] if label.strip() else ""
            kind = label_kind(first, FIELD_LABELS, TABLE_KINDS) if first else None
        columns.setdefault(kind or "other", []).append(index)
    return columns


def cell(row: tuple[str, ...], columns: dict[str, list[int]], kind: str) -> str:
    """The first cell of a row that holds ``kind`` ('' when the row is short)."""
    for index in columns.get(kind, []):
        if index < len(row) and row[index].strip():
            return row[index]
    return ""


def link_kind(label: str) -> str | None:
    """What a link labelled ``label`` points to (slides, video, code, notes, url)."""
    return label_kind(label, LINK_LABELS)


def week_value(text: str) -> int | None:
    """A week cell: "3", "Week 3", "3주", "W03"."""
    text = clean(plain(text).text)
    if text.isdigit():
        return int(text)
    return week_of(text)
