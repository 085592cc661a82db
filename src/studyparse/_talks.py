"""Talks: labelled talk blocks, schedule list items and schedule table rows."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field, replace

from ._dates import find_date
from ._inline import clean, plain
from ._outline import week_of
from ._papers import read_paper
from ._people import PAREN_NOTE, people_from, person_from, split_names
from ._records import Paper, Person, Talk
from ._regex import LazyPattern
from ._vocab import (
    FIELD_LABELS,
    LINK_LABELS,
    LINK_WORDS,
    NOT_NAMES,
    PAPER_HOSTS,
    PEOPLE_LABELS,
    PRESENTER_MARKS,
    RECORD_LABELS,
    is_placeholder,
    label_kind,
    normalized_label,
)

URL_IN_TEXT = LazyPattern(r"(?:https?://|\.{0,2}/)\S+")
HANGUL_NAME = re.compile(r"^[\uac00-\ud7af*]{2,5}$")
TITLE_OR_LINK = LazyPattern(r"[A-Za-z]{2}")
NAME_FIRST = re.compile(r"^(?P<name>[^:：\[\]()]{1,20}?)\s*[:：]\s*(?P<rest>\S.*)$", re.DOTALL)
SESSION_NUMBER = LazyPattern(r"\s*(\d{1,3})\s*[:：]\s+")
TABLE_KINDS = (
    "week",
    "date",
    "title",
    "presenters",
    "hosts",
    "reviewers",
    "assistants",
    "slides",
    "video",
    "venue",
    "year",
    "authors",
    "category",
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


PRESENTATION_FILE = LazyPattern(r"\.(?:pdf|pptx?|key|odp)(?:[?#].*)?$", re.IGNORECASE)


def material_links(markdown: str) -> dict[str, str]:
    """Slides and video among a cell's links ("[Paper](…) [Review](…/talk.pdf)").

    A link labelled slides or video is that; a link to a presentation file
    (.pdf, .pptx, .key) that is not a publication's page is the talk's slides.
    """
    found: dict[str, str] = {}
    for link in plain(markdown).links:
        if not link.url or link.image:
            continue
        kind = label_kind(link.text, LINK_LABELS, ("slides", "video"))
        if kind is None and PRESENTATION_FILE.search(link.url) and not is_paper_url(link.url):
            kind = "slides"
        if kind is not None:
            found.setdefault(kind, link.url)
    return found


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
    week: int | None = None
    members: list[Person] = field(default_factory=list)
    empty_fields: list[tuple[str, int]] = field(default_factory=list)

    def add_field(self, kind: str, value: str, line: int, raw: str, year: int | None) -> None:
        self.raw.append(raw)
        if is_placeholder(value) or not clean(plain(value).text):
            self.empty_fields.append((kind, line))
            return
        if kind in ("presenters", "reviewers"):
            people = people_from(value)
            self.members += people
            self.presenters += marked_presenters(value) or people
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
            week=self.week if self.week is not None else week,
            date=self.date or date,
            slides=self.slides,
            video=self.video,
            links=self.links,
            paper=self.paper,
            line=self.line,
            raw="\n".join(self.raw),
        )


def marked_presenters(text: str) -> list[Person]:
    """From "A(발표), B, C" only A, the one marked as presenting; [] when nobody is marked."""
    marked = []
    for part in split_names(text):
        notes = [normalized_label(n) for n in PAREN_NOTE.findall(part)]
        if any(note in PRESENTER_MARKS for note in notes):
            person = person_from(PAREN_NOTE.sub(" ", part))
            marked += [person] if person else []
    return marked


def presenter_prefix(markdown: str, known_names: Container[str]) -> str | None:
    """The name in "Name: Title" when it reads as a person (Hangul, masked, or known)."""
    first = markdown.split("\n", 1)[0]
    match = NAME_FIRST.match(clean(plain(first).text))
    if not match:
        return None
    name = match.group("name").strip()
    if name in known_names:
        return name
    if (
        not HANGUL_NAME.match(name)
        or name in NOT_NAMES
        or any(name in words for words in FIELD_LABELS.values())
        or _a_label(name)
    ):
        return None
    return name if "*" in name or TITLE_OR_LINK.search(match.group("rest")) else None


def _a_label(name: str) -> bool:
    """A word that labels a field or a list of people ("참여자", "깃허브"), never a name."""
    return any(
        label_kind(name, table) is not None
        for table in (RECORD_LABELS, LINK_LABELS, {"people": PEOPLE_LABELS})
    )


def talk_from_item(markdown: str, line: int, known_names: Container[str]) -> TalkDraft:
    """A schedule list item: "Name: Title [slides](url)", "VENUE YEAR [Title](url)", or a title."""
    presenters: list[Person] = []
    source = markdown.split("\n", 1)[0]
    week = None
    number = SESSION_NUMBER.match(source)
    if number:
        week, source = int(number.group(1)), source[number.end() :]
    name = presenter_prefix(source, known_names)
    if name is not None:
        person = person_from(name)
        presenters = [person] if person else []
        source = source.split(":", 1)[-1] if ":" in source else source.split("：", 1)[-1]
    read = read_paper(source, line=line)
    draft = TalkDraft(title=read.paper.title if read else clean(plain(source).text), line=line)
    draft.raw.append(markdown)
    draft.presenters = presenters
    draft.week = week
    if read:
        draft.slides = read.links.get("slides")
        draft.video = read.links.get("video")
        draft.links = {k: v for k, v in read.links.items() if k not in ("slides", "video")}
        draft.presenters = draft.presenters or read.paper.assignees
        if read.paper.url or read.paper.venue or read.paper.year:
            draft.paper = replace(read.paper, raw="", line=line, assignees=[])
    return draft


def table_columns(header: tuple[str, ...]) -> dict[str, list[int]]:
    """Which columns of a table hold which field, by their header words."""
    columns: dict[str, list[int]] = {}
    for index, cell in enumerate(header):
        label = without_symbols(clean(plain(cell).text))
        kind = label_kind(label, FIELD_LABELS, TABLE_KINDS) or _address_column(label)
        if kind is None:
            first = re.split(r"[\s(（]", label.strip(), maxsplit=1)[0] if label.strip() else ""
            kind = label_kind(first, FIELD_LABELS, TABLE_KINDS) if first else None
        columns.setdefault(kind or "other", []).append(index)
    return columns


#: The column a "<thing> <link word>" header names, by the thing's kind ("Paper Link").
ADDRESS_COLUMNS = {"title": "paper_url"} | {kind: kind for kind in ("slides", "video", "code")}


def _address_column(label: str) -> str | None:
    """ "Paper Link", "论文链接", "Slides URL", "코드 링크": the address of the thing named."""
    wanted = normalized_label(label)
    for word in LINK_WORDS:
        if wanted.endswith(word) and wanted != word:  # a bare "Links" column: by its cells
            kind = label_kind(wanted[: -len(word)].strip(), FIELD_LABELS, TABLE_KINDS)
            return ADDRESS_COLUMNS.get(kind) if kind is not None else None
    return None


def without_symbols(label: str) -> str:
    """A header label without its emoji, pictographs and joiners ("日期🕣" is "日期")."""
    kept = (
        ch for ch in label if unicodedata.category(ch)[0] != "S" and ch not in "\u200d\ufe0f\ufe0e"
    )
    return " ".join("".join(kept).split())


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
