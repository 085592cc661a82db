"""Labelled blocks: a title line (or heading) and the "Label: value" lines that describe it.

The genre writes one entry as a run of labelled lines, whatever separates them
(bullets, hard line breaks, paragraphs): ``Title: …``, ``**Paper:** […](…)``,
``- **저자**: …``, ``作者：A; B``, ``年份：2023``, ``Speaker - Name``, ``PPT: url``.
Each line is split into its label and value here; the label names a field in any
of the languages (``_vocab.RECORD_LABELS``), and a run of such lines becomes one
record, or several when a title label comes again. Labels nobody knows
("중요도", "Difficulty") stay in the record's raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ._content import cell_kind, link_role, name_strength, person_shaped, venue_and_year
from ._dates import find_date
from ._inline import clean, plain
from ._outline import week_of
from ._papers import read_paper, split_authors
from ._people import people_from
from ._records import Paper, Talk
from ._regex import LazyPattern
from ._tables import written_venue_year
from ._talks import link_value, week_value
from ._vocab import (
    INFO_WORDS,
    LINK_LABELS,
    LINK_WORDS,
    NAME_WORDS,
    PEOPLE_LABELS,
    RECORD_LABELS,
    THING_WORDS,
    has_han_or_hangul,
    label_in_two_languages,
    label_kind,
    normalized_label,
)

#: "**Label: value**", "**Label**: value", "**Label:** value", "__Label__ : value", "*Label:* v".
BOLD_LABEL = re.compile(
    r"^(?P<mark>\*\*|__|\*|_)(?P<inner>[^*_]{1,200}?)(?P=mark)\s*(?P<rest>.*)$", re.DOTALL
)
#: "Label: value" / "Label：value" with a short label and no link or markup in it; the
#: label may end in a gloss in brackets ("저자(Authors): …", "Date (KST): …").
PLAIN_LABEL = re.compile(
    r"^(?P<label>[^:：\[\]()（）<>*`|]{1,30}?(?:\s*[(（][^:：\[\]()（）<>*`|]{1,20}[)）])?)"
    r"\s*[:：]\s*(?P<value>.*)$",
    re.DOTALL,
)
#: "Speaker - Name": a dash is a separator only after a label the vocabulary knows.
DASH_LABEL = LazyPattern(r"^(?P<label>[^\-–—:：\[\]()<>*`|]{1,20}?)\s+[-–—]\s+(?P<value>\S.*)$")
#: A bullet or numbering before a labelled line ("- ", "* ", "1. ").
LEADING_MARK = LazyPattern(r"^\s*(?:[-*+•·]|\d{1,3}[.)])\s+(?:\[[ xX✓✔]\][ \t]*)?")
LABEL_PARTS = LazyPattern(r"(?<!\s)\s*[/&|,]\s*")
#: The separators between the parts of an unlabelled line ("Alibaba Group, KDD 2018").
#: A year and nothing else ("2017", "2017年").
YEAR_ALONE = LazyPattern(r"^(?:19|20)\d{2}年?$")
#: What separates labelled fields written on one line: a line-break tag, a bar, a tab.
FIELD_BREAK = LazyPattern(
    r"(?<![ \t])(?:[ \t]*<br[ \t]*/?>|[ \t]+[|｜](?=[ \t]))[ \t]*|\t+", re.IGNORECASE
)
LINE_PARTS = LazyPattern(r"[,;，；、|·]")
PEOPLE = {"people": PEOPLE_LABELS}
#: A year at the start of a field's value, before anything but a digit.
LEADING_YEAR = LazyPattern(r"^\s*((?:19|20)\d{2})(?!\d)")
#: The most characters an entry's title line holds.
MAX_HEAD = 300
#: Characters in the longest field label written alone, with no value.
MAX_BARE_LABEL = 24
#: Words in the shortest link text taken as a paper's title over its heading.
MIN_LINKED_TITLE_WORDS = 3
#: Kinds that begin a new record when they come again.
TITLE_KINDS = ("title", "paper")


#: How many lines and labels ``split_label`` and ``record_kind`` remember.
LABEL_CACHE = 4096


@dataclass(frozen=True, slots=True)
class LabelledLine:
    """One line as label and value: ``kind`` from the vocabulary, or None for an unknown label."""

    label: str
    kind: str | None
    value: str


@dataclass(slots=True)
class LabelledRecord:
    """The fields of one entry, in the order written; ``values`` maps a kind to its values."""

    line: int
    values: dict[str, list[str]] = field(default_factory=dict)
    raw: list[str] = field(default_factory=list)

    def first(self, kind: str) -> str:
        found = self.values.get(kind)
        return found[0] if found else ""

    def add(self, kind: str, value: str) -> None:
        self.values.setdefault(kind, []).append(value)


@lru_cache(maxsize=LABEL_CACHE)
def split_label(markdown: str) -> LabelledLine | None:
    """A line read as "label: value" (bold or not, any colon), or None when it has no label.

    The readers ask about the same lines many times (each rule that tries a block), so
    the answers are remembered; a ``LabelledLine`` is immutable."""
    text = _unmarked(markdown)
    found = _bold_label(text) or _plain_label(text) or _bare_label(text)
    if found is None:
        return None
    label, value = found
    return LabelledLine(label=label, kind=record_kind(label), value=value.strip())


def _unmarked(markdown: str) -> str:
    """A line without its list marker ("- ", "1. ", "• ")."""
    if markdown[:1] in "-*+•·0123456789 ":
        return LEADING_MARK.sub("", markdown.strip(), count=1)
    return markdown.strip()


def _bold_label(text: str) -> tuple[str, str] | None:
    match = BOLD_LABEL.match(text) if text[:1] in ("*", "_") else None
    if match is None:
        return None
    inner, rest = match.group("inner").strip(), match.group("rest")
    if inner.endswith((":", "：")):
        return inner[:-1].strip(), rest  # "**Label:** value"
    if rest.lstrip().startswith((":", "：")):
        return inner, rest.lstrip()[1:]  # "**Label**: value"
    if rest.strip():
        return None
    return _plain_label(inner)  # "**Label: value**", "**Speaker - Name**"


def _plain_label(text: str) -> tuple[str, str] | None:
    match = PLAIN_LABEL.match(text) if (":" in text or "：" in text) else None
    if match and not match.group("label").strip().startswith("http"):
        return match.group("label"), match.group("value")
    dashed = DASH_LABEL.match(text) if ("-" in text or "–" in text or "—" in text) else None
    if dashed and record_kind(dashed.group("label")) is not None:
        return dashed.group("label"), dashed.group("value")
    return None


def _bare_label(text: str) -> tuple[str, str] | None:
    """A field's label with no value ("- [ ] 模型代码", "**Slides**"): an empty field. A
    bare title label ("Paper") is not one: it may be a title or a section's name."""
    if len(text) > MAX_BARE_LABEL or "](" in text:
        return None
    label = text.strip(" *_")
    kind = record_kind(label) if label else None
    return (label, "") if kind is not None and kind not in (*TITLE_KINDS, "topic") else None


@lru_cache(maxsize=LABEL_CACHE)
def record_kind(label: str) -> str | None:
    """The field a label names ("학회/저널" is the venue: any of its parts may be known)."""
    label = clean(plain(label).text).strip(" *_#")
    if not label or len(label) > 30:
        return None
    kind = label_kind(label, RECORD_LABELS)
    if kind is None and LABEL_PARTS.search(label):
        kinds = {label_kind(part, RECORD_LABELS) for part in LABEL_PARTS.split(label) if part}
        kinds.discard(None)
        kind = kinds.pop() if len(kinds) == 1 else None
    return kind or _link_kind(label) or _kind_in_two_languages(label)


def _kind_in_two_languages(label: str) -> str | None:
    """ "论文链接 Paper link", "Paper title 论文标题": each language's label names one field."""
    parts = label_in_two_languages(normalized_label(label))
    kinds = {label_kind(part, RECORD_LABELS) or _link_kind(part) for part in parts}
    return kinds.pop() if len(kinds) == 1 else None


#: What a "<thing> link" label points at, by the thing's kind ("论文地址", "Code URL").
LINKED_KINDS = {"": "url", "paper": "url", "title": "url", "topic": "url"} | {
    kind: kind for kind in ("code", "slides", "video", "url")
}


#: The fields a "<thing> <field>" label may name ("模型代码" is code).
FIELD_OF_THING = ("code", "notes", "slides", "video")


def _link_kind(label: str) -> str | None:
    """A label made of a thing and a word for its address: "Paper link", "论文地址",
    "코드 링크", "发表资料 链接". The address of a paper is its url; of code, slides or a
    video, that field. Or of a thing and a field: "模型代码", "论文详解", "Paper summary"."""
    wanted = normalized_label(label)
    for word in LINK_WORDS:
        if wanted.endswith(word) and wanted != word:
            thing = wanted[: -len(word)].strip()
            kind = label_kind(thing, RECORD_LABELS) if thing else ""
            return LINKED_KINDS.get(kind) if kind is not None else None
    if wanted in LINK_WORDS:
        return "url"
    return _title_of_thing(wanted) or _field_of_thing(wanted)


def _title_of_thing(wanted: str) -> str | None:
    """ "<paper or talk> <title or name word>" ("论文标题", "Paper name", "논문명"): the
    title of that thing."""
    for word in (*RECORD_LABELS["title"], *NAME_WORDS):
        if wanted.endswith(word) and wanted != word:
            kind = label_kind(wanted[: -len(word)].strip(), RECORD_LABELS)
            if kind in TITLE_KINDS:
                return kind
    return None


def _field_of_thing(wanted: str) -> str | None:
    """ "<paper or model> <code, notes, slides or video word>": that field of the entry."""
    for kind in FIELD_OF_THING:
        for word in RECORD_LABELS[kind]:
            if len(word) >= 2 and wanted.endswith(word) and wanted != word:
                thing = wanted[: -len(word)].strip()
                if thing in THING_WORDS or label_kind(thing, RECORD_LABELS) in TITLE_KINDS:
                    return kind
    return None


def heads_fields(markdown: str) -> bool:
    """A line that only names a group of fields ("**Paper info**", "- 论文信息："), no title."""
    wanted = normalized_label(clean(plain(markdown).text).rstrip(":："))
    for word in INFO_WORDS:
        if wanted == word:
            return True
        if wanted.endswith(word):
            thing = wanted[: -len(word)].strip()
            if thing in THING_WORDS or label_kind(thing, RECORD_LABELS) in TITLE_KINDS:
                return True
    return False


def group_records(lines: list[tuple[int, str]]) -> list[LabelledRecord]:
    """Labelled lines (line number, markdown) as records.

    A line without a known label before the first known one is the record's title
    line; after known ones, it starts the next record when a known label follows
    it and it has no label or stands apart (after a blank line); otherwise it is
    kept in the record's raw text. A title label that comes
    again after other fields starts the next record too.
    """
    found = [_field_line(markdown) for _, markdown in lines]
    known = [line is not None and line.kind is not None for line in found]
    records: list[LabelledRecord] = []
    pending: list[tuple[int, str]] = []  # lines heading the fields before the first record
    for position, (number, markdown) in enumerate(lines):
        line, current = found[position], records[-1] if records else None
        if not known[position] and heads_fields(markdown):
            if current is not None:
                current.raw.append(markdown)
            else:
                pending.append((number, markdown))
            continue
        if not known[position]:
            follows = position + 1 < len(lines) and known[position + 1]
            apart = line is None or position == 0 or lines[position - 1][0] + 1 < number
            if current is None or (apart and follows and _has_fields(current)):
                current = _opened(records, number, pending)
                current.add("head", markdown)
            elif line is None and (links := _named_links(markdown)):
                for kind, link in links:
                    current.add(kind, link)  # "[论文](u) [Code](u)": each link's text names it
            elif line is None and not _titled(current):
                current.add("head", markdown)  # the title after its fields ("Topic:", "Host:")
            elif (venue := venue_line(markdown)) and not current.first("venue"):
                current.add("venue", venue)  # "Alibaba Group, KDD 2018" under the fields
            elif (
                line is not None
                and (by_content := _kind_by_content(line.value)) is not None
                and not current.first(by_content)
            ):
                current.add(by_content, line.value)  # "发表时间：2017", "Published: ICML 2019"
            current.raw.append(markdown)
            continue
        assert line is not None and line.kind is not None
        again = line.kind in TITLE_KINDS and line.kind in current.values if current else False
        if current is None or (again and _described(current)):
            current = _opened(records, number, pending)
        current.add(line.kind, line.value)
        current.raw.append(markdown)
    return records


def _kind_by_content(value: str) -> str | None:
    """The field an unknown label's value is by what it is: a year alone is the year, a
    venue the knowledge base knows with its year is the venue; else None."""
    text = clean(plain(value).text).strip()
    if YEAR_ALONE.match(text):
        return "year"
    venue, year = venue_and_year(text)
    return "venue" if venue is not None and year is not None else None


def _named_links(markdown: str) -> list[tuple[str, str]]:
    """The links of a line that is only links, each with the field its text names
    ("[PDF](u)" is the url, "[代码](u)" the code); [] when any link's text names none."""
    if cell_kind(markdown) != "links":
        return []
    found = [(record_kind(link.text), link) for link in plain(markdown).links if link.url]
    if not found or any(kind is None for kind, _ in found):
        return []
    return [(kind, f"[{link.text}]({link.url})") for kind, link in found if kind is not None]


def _field_line(markdown: str) -> LabelledLine | None:
    """A line read as a field: by its label, else by its content (an unlabelled one)."""
    found = split_label(markdown)
    if found is not None:
        return found
    kind = content_kind(markdown)
    if kind is None:
        return None
    value = (venue_line(markdown) or markdown) if kind == "venue" else markdown
    return LabelledLine(label="", kind=kind, value=value)


def _opened(
    records: list[LabelledRecord], number: int, pending: list[tuple[int, str]]
) -> LabelledRecord:
    """A new record at line ``number``; the first takes the lines that headed its fields."""
    record = LabelledRecord(line=pending[0][0] if pending and not records else number)
    if not records:
        record.raw.extend(markdown for _, markdown in pending)
    records.append(record)
    return record


def venue_line(markdown: str) -> str | None:
    """The venue and year an unlabelled line ends with ("*NeurIPS 2017*", "Alibaba
    Group, KDD 2018"), when the venue is one the knowledge base knows; else None."""
    if split_label(markdown) is not None:
        return None
    last = LINE_PARTS.split(clean(plain(markdown).text))[-1].strip()
    venue, year = venue_and_year(last)
    return last if venue is not None and year is not None else None


def field_table(rows: tuple[tuple[str, ...], ...]) -> list[str] | None:
    """A two-column table of "label | value" rows (its header perhaps "Field | Value"), or
    a header of labels over one row of values, as labelled lines, when most rows (or header
    cells), and at least two, are labels the vocabulary knows; else None."""
    if len(rows) == 2 and len(rows[0]) > 2:
        return _one_row_fields(rows[0], rows[1])
    if not rows or any(len(row) != 2 for row in rows):
        return None
    known = [bool(row[0].strip()) and record_kind(row[0]) is not None for row in rows]
    if sum(known) < 2 or sum(known) * 2 <= len(rows) - (not known[0]):
        return None
    body = rows if known[0] else rows[1:]
    return [f"{label.strip()}: {value.strip()}" for label, value in body if label.strip()]


def _one_row_fields(header: tuple[str, ...], row: tuple[str, ...]) -> list[str] | None:
    """A header of field labels over one row of values ("| 作者 | 会议 | 年份 |"), with no
    title column: one entry's fields, its title in the heading above; else None."""
    kinds = [record_kind(cell) if cell.strip() else None for cell in header]
    if any(kind in (*TITLE_KINDS, "topic") for kind in kinds):
        return None
    if sum(kind is not None for kind in kinds) * 2 <= len(header) or len(row) != len(header):
        return None
    return [
        f"{label.strip()}: {value.strip()}"
        for label, value in zip(header, row, strict=True)
        if label.strip() and value.strip()
    ]


def _titled(record: LabelledRecord) -> bool:
    return any(kind in record.values for kind in ("head", *TITLE_KINDS))


def _described(record: LabelledRecord) -> bool:
    """The record has a field besides its titles: a title label now begins the next one."""
    return any(kind not in ("head", *TITLE_KINDS) for kind in record.values)


def _has_fields(record: LabelledRecord) -> bool:
    return any(kind != "head" for kind in record.values)


def known_fields(record: LabelledRecord) -> int:
    """How many labelled lines of the record the vocabulary knows."""
    return sum(len(values) for kind, values in record.values.items() if kind != "head")


def can_head(markdown: str) -> bool:
    """A line that may be an entry's title line: no known label, no list of people, and no
    week or date (a line that names one opens a section)."""
    found = split_label(markdown)
    if found is not None and (found.kind is not None or label_kind(found.label, PEOPLE)):
        return False
    text = clean(plain(markdown).text)
    if "。" in text or len(text) > MAX_HEAD:
        return False  # prose: a sentence of its own, not an entry's title
    return week_of(text) is None and find_date(text, 2000)[0] is None


def content_kind(markdown: str) -> str | None:
    """The field an unlabelled line is by what it holds: a line of people's names (two or
    more, or one and "et al.") is the authors, a known venue with its year the venue."""
    if split_label(markdown) is not None:
        return None
    if venue_line(markdown) is not None:
        return "venue"
    inline = plain(_unmarked(markdown))
    text = clean(inline.text).strip()
    if inline.links or not text or len(text) > MAX_HEAD:
        return None
    return "authors" if _names_line(text) else None


def _names_line(text: str) -> bool:
    """Two or more names shaped as people's, at least half of them sure ones (a surname
    may end like a noun: "Max Welling"), or one sure name and "et al."."""
    names = split_authors(text)
    sure = sum(name_strength(name) == 2 for name in names)
    if len(names) == 1:
        return sure == 1 and "et al" in text.lower()
    return len(names) >= 2 and sure * 2 >= len(names) and all(map(person_shaped, names))


def is_field(markdown: str) -> bool:
    """A line that gives a field: by its label, or by what it holds (``content_kind``)."""
    return is_labelled(markdown) or content_kind(markdown) is not None


def is_labelled(markdown: str) -> bool:
    """A line whose label the vocabulary knows, or whose value shows the field it is
    ("发表时间：2019": a year alone)."""
    found = split_label(markdown)
    return found is not None and (
        found.kind is not None or _kind_by_content(found.value) is not None
    )


def field_parts(markdown: str) -> list[str]:
    """A line holding several labelled fields ("作者：A | 会议：B", "**Authors:** A<br>
    **Venue:** B") as one part per field, when two parts or more have a known label; else
    the line alone."""
    if (
        "<" not in markdown
        and "|" not in markdown
        and "｜" not in markdown
        and "\t" not in markdown
    ):
        return [markdown]
    parts = [part for part in FIELD_BREAK.split(markdown.strip()) if part.strip()]
    if len(parts) < 2 or sum(is_labelled(part) for part in parts) < 2:
        return [markdown]
    return parts


@dataclass(frozen=True, slots=True)
class RecordContext:
    """What the section around a labelled record tells: its heading, year, week, date, category."""

    heading: str | None = None
    schedule: bool = False
    year: int | None = None
    week: int | None = None
    date: str | None = None
    category: str | None = None


def read_record(record: LabelledRecord, context: RecordContext) -> Talk | Paper | None:
    """A talk when the record names presenters, slides or a video (or, in a schedule, a
    date or a week); a paper when it names authors, a venue, a year, a link or code, or
    its title stands under a paper label ("论文：X", "Paper: X"); None when it is neither.

    The title is the "Title:" or "Paper:" value, else the title line, else the heading.
    """
    title_md = next(
        (
            value
            for kind in ("title", "paper", "head")
            if not _link_only(value := record.first(kind))
        ),
        "",
    )
    title_md = (
        title_md
        or _linked_title(record)
        or record.first("topic")
        or unlabelled(context.heading or "")
    )
    read = read_paper(title_md, line=record.line, category=context.category) if title_md else None
    if read is None:
        return None
    paper = _paper_fields(read.paper, record, context)
    presented = ("presenters", "slides", "video")
    timed = context.schedule and any(record.first(kind) for kind in ("date", "week", "hosts"))
    if timed or any(record.first(kind) for kind in presented):
        return _talk(record, paper, read.links, context)
    named = not _link_only(record.first("paper")) or bool(record.first("code"))
    if paper.authors or paper.venue or paper.year or paper.url or named:
        return paper
    return None


def _linked_title(record: LabelledRecord) -> str:
    """The paper's link when its text is a title ("论文地址：[Full Title](u)"): it names the
    paper in full, where a heading above often gives only an alias; else ''."""
    value = record.first("url") or record.first("paper")
    links = [link for link in plain(value).links if link.url] if value else []
    if len(links) != 1:
        return ""
    text = clean(links[0].text).strip()
    titled_text = len(text.split()) >= MIN_LINKED_TITLE_WORDS or (
        has_han_or_hangul(text) and len(text) >= 4
    )
    named = text.startswith(("http", "www.")) or label_kind(text, LINK_LABELS) is not None
    return value if titled_text and not named and record_kind(text) is None else ""


def _link_only(markdown: str) -> bool:
    """An empty value, or one that is only links to resources ("[pdf](u)", a bare URL):
    under a "Paper:" label it is the paper's address, not its title."""
    return not markdown.strip() or cell_kind(markdown) == "links"


def titled(record: LabelledRecord) -> bool:
    """The record names its own title: a title line, or a title or paper label that is
    not only a link."""
    return any(not _link_only(record.first(kind)) for kind in ("head", *TITLE_KINDS))


def unlabelled(heading: str) -> str:
    """A heading without its title label ("Title: X", "标题：X" is "X")."""
    found = _plain_label(LEADING_MARK.sub("", heading.strip(), count=1))
    label = found[0].rstrip("0123456789 ") if found is not None else ""
    if found is not None and record_kind(label or found[0]) in TITLE_KINDS and found[1].strip():
        return found[1].strip()  # "Title: X", "论文1：X", "Paper 3: X"
    return heading


def _hosted_paper(record: LabelledRecord) -> str | None:
    """The first link of the record to a paper host or labelled as the paper ("[论文](arXiv)")."""
    for markdown in record.raw:
        for link in plain(markdown).links:
            if link.url and "://" in link.url and link_role(link) == "paper":
                return link.url
    return None


def _leading_year(value: str) -> int | None:
    """The year a year field begins with, a note after it ("2023；依据：Zotero", "2021 (v2)")."""
    match = LEADING_YEAR.match(clean(plain(value).text)) if value else None
    return int(match.group(1)) if match else None


def _paper_fields(paper: Paper, record: LabelledRecord, context: RecordContext) -> Paper:
    venue, year = venue_and_year(record.first("venue"))
    if venue is None and record.first("venue"):
        venue, year = written_venue_year(clean(plain(record.first("venue")).text))
    year = year or venue_and_year(record.first("year"))[1] or _leading_year(record.first("year"))
    url = paper.url or link_value(record.first("url")) or _paper_link(record.first("paper"))
    if url is not None and "://" not in url:
        url = _hosted_paper(record) or url  # "PDF：[2023-X.pdf](2023-X.pdf)" is a local copy
    return replace(
        paper,
        authors=paper.authors or split_authors(clean(plain(record.first("authors")).text)),
        venue=paper.venue or venue,
        year=paper.year or year,
        url=url,
        raw="\n".join(record.raw),
    )


def _paper_link(markdown: str) -> str | None:
    return (
        next((link.url for link in plain(markdown).links if link.url), None) if markdown else None
    )


def _talk(
    record: LabelledRecord, paper: Paper, links: dict[str, str], context: RecordContext
) -> Talk:
    title = paper.title
    if record.first("title") and record.first("paper"):
        read = read_paper(record.first("paper"), line=record.line)
        paper = _paper_fields(read.paper, record, context) if read else paper
    date_text = record.first("date")
    date = find_date(clean(plain(date_text).text), context.year)[0] if date_text else None
    week = week_value(record.first("week")) if record.first("week") else None
    presenters = people_from(record.first("presenters") or record.first("hosts"))
    return Talk(
        title=title,
        presenters=presenters,
        week=week if week is not None else context.week,
        date=date or context.date,
        slides=link_value(record.first("slides")) or links.get("slides"),
        video=link_value(record.first("video")) or links.get("video"),
        paper=replace(paper, raw="", category=None) if paper.url or paper.venue else None,
        line=record.line,
        raw="\n".join(record.raw),
    )
