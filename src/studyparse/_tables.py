"""Tables: the rows of a Markdown table read as talks, papers or people.

Wherever a table stands, its columns take their roles from their header words
when those are known, else from what most of their cells are (``_content``): a
column of dates is the date, a column of one to four names is the presenters, a
column of venue-and-year cells is the venue, a column of video links is the video.
The table is then a schedule (it names presenters, or dates or weeks), a paper
list (its rows carry venues, years or paper links, or its heading says so), a
week-by-track grid, or none of these, and is kept as text. A cell holding several
papers (split by ``<br>`` or numbered ``1. … 2. …``) with as many presenters gives
one talk per pair; with fewer presenters it is one talk.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ._content import (
    CellKind,
    cell_kind,
    is_date,
    link_role,
    name_strength,
    person_names,
    url_role,
    venue_and_year,
    year_of,
)
from ._dates import find_date, rolled_over
from ._inline import Link, clean, plain
from ._papers import PaperRead, arxiv_id, badge_venue, read_paper, split_authors
from ._people import people_from
from ._records import Paper, Person, Talk
from ._regex import LazyPattern
from ._talks import (
    cell,
    is_paper_url,
    link_value,
    material_links,
    table_columns,
    week_value,
)
from ._venues import lookup
from ._vocab import (
    GROUP_WORDS,
    LINK_LABELS,
    RECORD_LABELS,
    is_agenda_slot,
    is_placeholder,
    label_kind,
)

Rows = tuple[tuple[str, ...], ...]
Roles = dict[str, list[int]]

#: Header words that number the rows ("#", "No.") rather than name a week.
INDEX_HEADERS = frozenset({"#", "no", "no.", "번호", "序号", "编号", "순번"})
#: The share of a column's filled cells that must agree for the content to name its role.
CONTENT_MAJORITY = 0.6
CONTENT_ROLES: dict[CellKind, str] = {
    "date": "date",
    "week": "week",
    "year": "year",
    "venue": "venue",
    "names": "presenters",
}
LINK_COLUMN_ROLES = {"paper": "paper_url", "slides": "slides", "video": "video", "code": "code"}
#: Where a cell holds several entries: a line break, an HTML list's item (``<ul><li>``),
#: or the next number of "1. … 2. …".
ITEM_BREAK = LazyPattern(
    r"(?<!\s)\s*(?:(?:<br\s*/?>|</br>|</?(?:li|ul|ol)(?:\s[^<>]{0,200})?>)\s*)+"
    r"|(?<!\s)\s*\n\s*",
    re.IGNORECASE,
)
ITEM_NUMBER = LazyPattern(r"^\s*(\d{1,2})[.)]\s*(?=\S)")
INLINE_NUMBER = LazyPattern(r"(?:(?<=\s)|^)(\d{1,2})[.)]\s*(?=\S)")
#: A date cell that is a format mask ("YYYY.MM.DD", "MM/DD"): the row is a template.
DATE_MASK = LazyPattern(r"^(?:[YMD]{2,4}|[年月日])(?:\s*[-./]?\s*(?:[YMD]{2,4}|[年月日]))*$", re.I)
#: A year at the start or the end of a venue cell ("NeurIPS 2013", "2019, ICML", "CVPR'16").
#: A year at either end of a venue cell, perhaps with its month ("arXiv 2020.04", "2019-06").
#: A venue's name before a note in brackets or a second venue after a slash.
VENUE_HEAD = LazyPattern(r"^(?P<venue>[^()/（）]{2,40}?)\s*(?:[(（]|/)")
EDGE_YEAR = LazyPattern(
    r"(?:^|(?<=[\s,'’]))(?P<year>(?:19|20)\d{2})(?:[./-](?:0?[1-9]|1[0-2]))?(?=[\s,.;]|$)"
)
#: An entry that is only a parenthesised note ("(slides to follow)", "（见脚注）").
NOTE_ONLY = LazyPattern(r"^[(（][^()（）]*[)）]?$|^[(（].*[)）]$")
#: "Name: " or "Name, Name : " before an entry of a cell.
LEADING_NAMES = LazyPattern(
    r"^\s*(?P<names>[^\s:：\[\]()<>|][^:：\[\]()<>|]{1,39}?)\s*[:：]\s*(?P<rest>\S.*)$", re.S
)
#: " (Name)" or " (Name, Name)" after an entry of a cell.
TRAILING_NAMES = LazyPattern(r"(?<!\s)\s*[(（](?P<names>[^()（）\[\]]{2,40})[)）]\s*$")
NUMBERED_SLOT = LazyPattern(r"^.{1,40}?\s?\(\d{1,2}\)$")
#: An entry that is only a label waiting for its value ("Background readings:", "발표자:").
LABEL_ONLY = LazyPattern(r"^[^:：]{1,40}[:：]$")


@dataclass(frozen=True, slots=True)
class TableContext:
    """What the document around a table tells about it."""

    year: int | None = None
    category: str | None = None
    role: str | None = None


@dataclass(slots=True)
class TableRead:
    """What a table holds: its talks or papers (in row order) and the people it names."""

    kind: str
    talks: list[Talk] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)


# -- column roles -----------------------------------------------------------

#: Roles a header's word settles: another column whose cells merely look like them
#: (a column of labs or companies beside "Venue", of names beside "Presenter") is not one.
HEADER_FIRST = frozenset({"presenters", "venue", "year", "authors"})


def column_roles(rows: Rows, year: int | None = None) -> Roles:
    """Which columns hold which field: by the header's words, else by the cells' content.

    A column headed by a group word ("Team", "조") whose cells are not names (a table of
    teams and their topics) is read by its content like any other.
    """
    header, body = rows[0], rows[1:]
    roles = table_columns(header)
    for index in roles.pop("week", []):
        label = clean(plain(header[index]).text).lower()
        role = "index" if label in INDEX_HEADERS else "week"
        roles.setdefault(role, []).append(index)
    for index in list(roles.get("presenters", [])):
        team = label_kind(clean(plain(header[index]).text), {"group": GROUP_WORDS}) is not None
        if team and not _some_names(_cells(body, index), team=team):
            roles["presenters"].remove(index)
            roles.setdefault("other", []).append(index)
    for index in list(roles.get("venue", [])):
        if _content_role(body, index, year) in ("date", "year"):
            roles["venue"].remove(index)  # "Published: 2021-03-15": when, not where
            roles.setdefault("year", []).append(index)
    named = {role for role, indexes in roles.items() if indexes}
    for index in roles.pop("other", []):
        role = _content_role(body, index, year)
        if role in HEADER_FIRST and role in named:
            role = "other"  # "Institute" beside "Venue": the header says which one it is
        roles.setdefault(role, []).append(index)
    return {role: sorted(indexes) for role, indexes in roles.items() if indexes}


def _some_names(cells: list[str], *, team: bool = False) -> bool:
    """At least half the filled cells are names (any that could be words count).

    Under a "Team" or "조" header a single Latin word ("Systems") names a team, not a person.
    """
    filled = [c for c in cells if not is_placeholder(clean(plain(c).text))]
    named = sum(1 for c in filled if _names_in(c, team=team))
    return named * 2 >= len(filled)


def _names_in(text: str, *, team: bool) -> bool:
    names = person_names(text)
    if not names or min(map(name_strength, names)) == 0:
        return False
    return not team or all(" " in name or not name.isascii() for name in names)


def _cells(body: Rows, index: int) -> list[str]:
    return [row[index] for row in body if index < len(row)]


def _content_role(body: Rows, index: int, year: int | None) -> str:
    cells = _cells(body, index)
    kinds = [kind for kind in (cell_kind(c, year) for c in cells) if kind not in ("empty", "mark")]
    if not kinds:
        return "other"
    kind, count = Counter(kinds).most_common(1)[0]
    if count < CONTENT_MAJORITY * len(kinds):
        return "other"
    if kind == "week":
        numbers = [c for c in cells if clean(plain(c).text).strip().isdigit()]
        return "index" if len(numbers) == count else "week"
    if kind == "links":
        return _link_column_role(cells)
    if kind == "names" and not _names_column(cells):
        return "other"
    return CONTENT_ROLES.get(kind, "other")


def _names_column(cells: list[str]) -> bool:
    """Most filled cells are names no other word is shaped like.

    A column of names that could be words ("Speech", "정리") needs a header to say so.
    """
    filled = [names for names in map(person_names, cells) if names]
    strengths = [min(name_strength(name) for name in names) for names in filled]
    sure = sum(1 for strength in strengths if strength == 2)
    return sure * 2 > len(filled)


def _link_column_role(cells: list[str]) -> str:
    votes = Counter(
        role
        for c in cells
        for role in {link_role(link) for link in plain(c).links if link.url and not link.image}
        if role is not None
    )
    if not votes:
        return "links"
    role, _ = votes.most_common(1)[0]
    return LINK_COLUMN_ROLES[role]


def _title_column(body: Rows, candidates: list[int], year: int | None) -> int | None:
    """The unlabelled column whose cells read most as titles (words, or titled links)."""
    best, best_score = None, 0.0
    for index in candidates:
        cells = [c for c in _cells(body, index) if not is_placeholder(clean(plain(c).text))]
        if not cells:
            continue
        titles = sum(1 for c in cells if cell_kind(c, year) == "title")
        linked = sum(
            1 for c in cells if any(_titled_link(lk.text, lk.url) for lk in plain(c).links)
        )
        length = sum(len(clean(plain(c).text)) for c in cells) / len(cells)
        score = titles / len(cells) + linked / len(cells) + min(length, 100) / 1000
        if titles * 2 >= len(cells) and score > best_score:
            best, best_score = index, score
    return best


# -- what the table is ------------------------------------------------------


def table_kind(rows: Rows, roles: Roles, context: TableContext) -> str | None:
    """ "talks", "papers", "grid", "people", or None for a table that holds no entries.

    Fills in ``roles["title"]`` from the cells when no header names it. A table is a
    schedule when a row names a presenter, or when its rows are dated and link
    slides or videos; a paper list when its rows carry paper links, venues or years
    (or its heading says so); a dated plan of anything else is a schedule too.
    """
    body = rows[1:]
    if "title" not in roles:
        if _is_grid(body, roles):
            return None if _slots(body, roles) else "grid"
        title = _title_column(body, roles.get("other", []), context.year)
        if title is None:
            return "people" if "presenters" in roles else None
        roles["other"].remove(title)
        roles["title"] = [title]
    if any(_presented(row, roles) for row in body):
        return "talks"
    timed = "presenters" not in roles and bool({"date", "week"} & roles.keys())
    if timed and _talk_material(body, roles) * 2 >= len(body):
        return "talks"  # a dated log of recorded or presented talks
    if _papers_evidence(body, roles):
        return "papers"
    if timed and _days(body, roles) * 2 > len(body):
        return "talks"  # meetings on given days, under a heading of papers: a schedule
    if (
        context.role == "papers"
        or (not timed and _papers_header(rows, roles))  # a dated plan of readings is a schedule
    ):
        return "papers"
    return "talks" if timed else None


def _presented(row: tuple[str, ...], roles: Roles) -> bool:
    """The row names a presenter: in its presenters column, or beside each entry of its title."""
    if not is_placeholder(_plain_cell(row, roles, "presenters")):
        return True
    if "presenters" in roles or not {"date", "week"} & roles.keys():
        return False  # names beside titles in a list of papers are their authors
    items = cell_items(cell(row, roles, "title"))
    return bool(items) and all(item_presenters(item) for item in items)


def item_presenters(markdown: str) -> tuple[str, list[Person]] | None:
    """An entry that names its own presenter: "Name: [Title](u)" or "[Title](u) (Name)".

    Returns the entry without the name, and the people; None when it names nobody.
    """
    lead = LEADING_NAMES.match(markdown)
    if lead is not None:
        names = person_names(lead.group("names"))
        if _sure(names):
            return lead.group("rest"), [Person(name=name) for name in names]
    tail = TRAILING_NAMES.search(markdown)
    if tail is not None and markdown[: tail.start()].strip():
        names = person_names(tail.group("names"))
        if _sure(names):
            return markdown[: tail.start()].rstrip(), [Person(name=name) for name in names]
    return None


def _sure(names: list[str]) -> bool:
    """Names, one at least sure (a surname, two Latin words, a handle), none that is a word."""
    strengths = [name_strength(name) for name in names]
    return bool(strengths) and min(strengths) > 0 and max(strengths) == 2


def _days(body: Rows, roles: Roles) -> int:
    """How many rows are dated to a day ("4/11", "2021-10-29"); a publication's month or
    year ("2019.07", "Mar 2021") names no day."""
    if "date" not in roles:
        return 0
    return sum(1 for row in body if find_date(_plain_cell(row, roles, "date"), 2000)[0])


def _talk_material(body: Rows, roles: Roles) -> int:
    """How many rows link slides or a video (in those columns, or anywhere in the row)."""
    return sum(
        1
        for row in body
        if link_value(cell(row, roles, "slides"))
        or link_value(cell(row, roles, "video"))
        or {"slides", "video"} & material_links(" ".join(row)).keys()
        or any(url_role(link.url) == "video" for text in row for link in plain(text).links)
    )


def _plain_cell(row: tuple[str, ...], roles: Roles, role: str) -> str:
    return clean(plain(cell(row, roles, role)).text)


def _papers_evidence(body: Rows, roles: Roles) -> bool:
    """The rows name venues or years, or half of them link a paper, label a link with a
    venue ("[CVPR 2019](…)") or tag their title with one ("Title [CVPR2019]")."""
    if {"venue", "year", "paper_url", "code"} & roles.keys():
        return True
    linked = sum(
        1
        for row in body
        if _paper_link(row) or _labelled_venue(row, roles)[0] or _tagged_title(row, roles)
    )
    return linked * 2 >= len(body) > 0


def _tagged_title(row: tuple[str, ...], roles: Roles) -> bool:
    """The row's title names the paper's venue or year ("Title [ICCV2021]", "Title (2020)")."""
    title = cell(row, roles, "title")
    read = read_paper(title) if title.strip() else None
    return read is not None and (read.paper.venue is not None or read.paper.year is not None)


def _papers_header(rows: Rows, roles: Roles) -> bool:
    """The title column is headed by a word for papers ("Paper", "논문", "论文"), not "Title"."""
    column = roles["title"][0]
    header = clean(plain(rows[0][column]).text) if column < len(rows[0]) else ""
    return label_kind(header, {"paper": RECORD_LABELS["paper"]}) is not None


def _paper_link(row: tuple[str, ...]) -> bool:
    return any(
        link.url and (is_paper_url(link.url) or link_role(link) == "paper")
        for text in row
        for link in plain(text).links
    )


def _is_grid(body: Rows, roles: Roles) -> bool:
    """A plan of parallel tracks: a week or date column and two or more columns of topics."""
    tracks = roles.get("other", [])
    if not ({"week", "date"} & roles.keys()) or len(tracks) < 2 or "presenters" in roles:
        return False
    cells = _track_cells(body, tracks)
    topics = sum(1 for c in cells if cell_kind(c) in ("title", "names"))
    return bool(cells) and topics * 2 > len(cells)


def _track_cells(body: Rows, tracks: list[int]) -> list[str]:
    cells = [clean(plain(row[i]).text) for row in body for i in tracks if i < len(row)]
    return [c for c in cells if not is_placeholder(c)]


def _slots(body: Rows, roles: Roles) -> bool:
    """A plan whose cells are numbered slots ("Vision(1)", "Vision(2)"), not topics."""
    cells = _track_cells(body, roles.get("other", []))
    return sum(1 for c in cells if NUMBERED_SLOT.match(c)) * 5 >= len(cells) * 4


# -- reading the rows -------------------------------------------------------


def read_table(
    rows: Rows,
    line: int,
    context: TableContext,
    row_lines: tuple[int, ...] = (),
    continued: frozenset[int] = frozenset(),
) -> TableRead | None:
    """The entries of a table whose first row is its header, or None when it holds none.

    ``row_lines`` gives the line of each row (header first), as for an HTML table;
    by default the rows are a pipe table's, the header at ``line`` and its delimiter below.
    ``continued`` are the rows (by index) that an HTML ``rowspan`` carries cells into:
    an entry such a row repeats from the row above is that one entry, not another.
    """
    if len(rows) < 2:
        return None
    roles = column_roles(rows, context.year)
    kind = table_kind(rows, roles, context)
    if kind is None or (kind == "papers" and _contents(rows, roles)):
        return None
    if kind in ("talks", "grid") and "index" in roles and "week" not in roles:
        roles["week"] = roles.pop("index")  # a schedule's rows are numbered by session
    read = TableRead(kind)
    when: tuple[int | None, str | None] = (None, None)
    above: set[tuple[object, ...]] = set()  # what the rows above gave, back to a row of its own
    for offset, row in enumerate(rows[1:], start=2):
        if DATE_MASK.match(_plain_cell(row, roles, "date")):
            continue  # a template row
        start = (len(read.talks), len(read.papers))
        at = row_lines[offset - 1] if offset - 1 < len(row_lines) else line + offset
        when = _row_time(row, roles, context, when)
        if when[1] is not None:
            context = replace(context, year=int(when[1][:4]))
        if kind == "grid":
            read.talks += _grid_talks(row, roles, at, when)
        elif kind == "people":
            read.people += _row_people(row, roles)
        elif kind == "papers":
            read.papers += _row_papers(row, roles, at, context)
        elif _presented(row, roles) or not _unscheduled(row, roles):
            talks, people = _row_talks(row, roles, at, when)
            read.talks += talks
            read.people += people
        else:
            read.papers += _row_papers(row, roles, at, context)
        given = _entry_keys(read, start)
        if offset - 1 in continued:  # what a rowspan repeats from the rows above is said once
            read.talks[start[0] :] = [t for t in read.talks[start[0] :] if _key(t) not in above]
            read.papers[start[1] :] = [p for p in read.papers[start[1] :] if _key(p) not in above]
            given |= above
        above = given
    return read


def _entry_keys(read: TableRead, start: tuple[int, int]) -> set[tuple[object, ...]]:
    """What the talks and papers from ``start`` on are, as a row above may repeat them."""
    entries: list[Talk | Paper] = [*read.talks[start[0] :], *read.papers[start[1] :]]
    return {_key(entry) for entry in entries}


def _key(entry: Talk | Paper) -> tuple[object, ...]:
    if isinstance(entry, Paper):
        return ("paper", entry.title)
    return ("talk", entry.title, tuple(person.name for person in entry.presenters))


def _unscheduled(row: tuple[str, ...], roles: Roles) -> bool:
    """A row of a schedule with no presenter and no date or week of its own: a paper to read."""
    return "presenters" in roles and not (
        cell(row, roles, "date").strip() or cell(row, roles, "week").strip()
    )


def _row_time(
    row: tuple[str, ...],
    roles: Roles,
    context: TableContext,
    before: tuple[int | None, str | None],
) -> tuple[int | None, str | None]:
    """The row's week and date; a row that leaves both empty continues the one above."""
    week_cell, date_cell = cell(row, roles, "week"), _plain_cell(row, roles, "date").strip("`")
    if not week_cell.strip() and not date_cell:
        return before if _presented(row, roles) else (None, None)
    week = week_value(week_cell) if week_cell.strip() else None
    if week is None and week_cell.strip():  # "1<br>Introduction": the number, then its theme
        week = week_value(cell_items(week_cell)[0])
    date, written = find_date(date_cell, context.year) if date_cell else (None, None)
    if date is not None and written is None:
        date = rolled_over(date, before[1])
    return week, date


def _row_people(row: tuple[str, ...], roles: Roles) -> list[Person]:
    """A member table's row: its presenters column, and any other cell of names (a row of
    member cards names one person a cell)."""
    names = [i for i in roles.get("other", []) if i < len(row) and cell_kind(row[i]) == "names"]
    return [person for i in roles.get("presenters", []) + names for person in _people(row, i)]


def _people(row: tuple[str, ...], index: int) -> list[Person]:
    """The people a cell names, each numbered entry ("1. A<br>2. B") read on its own."""
    text = row[index] if index < len(row) else ""
    if is_placeholder(clean(plain(text).text)):
        return []
    return [person for item in cell_items(text) for person in people_from(item)]


def _grid_talks(
    row: tuple[str, ...], roles: Roles, line: int, when: tuple[int | None, str | None]
) -> list[Talk]:
    """A week of parallel tracks: every filled cell is a talk of that week."""
    talks = []
    for index in roles.get("other", []):
        markdown = row[index] if index < len(row) else ""
        text = clean(plain(markdown).text)
        if is_placeholder(text) or not _title_items(markdown):
            continue
        if is_agenda_slot(text) and not plain(markdown).links:
            continue
        talks.append(Talk(title=text, week=when[0], date=when[1], line=line, raw=markdown))
    return talks


def cell_items(markdown: str) -> list[str]:
    """The entries of one cell: split at line breaks, or at "1. … 2. …" numbering.

    A break inside a link's text ("[Long<br>Title](url)") splits nothing.
    """
    parts = [part for part in _outside_links(ITEM_BREAK, markdown) if part.strip()]
    if len(parts) == 1:
        parts = _numbered_parts(markdown)
    return [ITEM_NUMBER.sub("", part, count=1).strip() for part in parts]


def _outside_links(pattern: LazyPattern, text: str) -> list[str]:
    """``pattern.split(text)``, leaving alone the matches inside square brackets."""
    parts, start = [], 0
    for match in pattern.finditer(text):
        before = text[: match.start()]
        if before.count("[") - before.count("\\[") > before.count("]") - before.count("\\]"):
            continue
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    return parts


def _numbered_parts(text: str) -> list[str]:
    """ "1. A 2. B 3. C" -> [A, B, C] when the numbers run 1, 2, 3 from the start."""
    starts, expected = [], 1
    for match in INLINE_NUMBER.finditer(text):
        if int(match.group(1)) == expected and (expected > 1 or not text[: match.start()].strip()):
            starts.append(match.start())
            expected += 1
    if len(starts) < 2:
        return [text]
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _row_papers(
    row: tuple[str, ...], roles: Roles, line: int, context: TableContext
) -> list[Paper]:
    title_cell = cell(row, roles, "title")
    if is_placeholder(clean(plain(title_cell).text)):
        return []
    linked = [link for link in plain(title_cell).links if _titled_link(link.text, link.url)]
    if len(linked) >= 2 and len(cell_items(title_cell)) <= 1 and _links_only(title_cell):
        papers = [_cell_paper(f"[{lk.text}]({lk.url})", title_cell, line, context) for lk in linked]
    else:
        papers = [_cell_paper(title_cell, title_cell, line, context)]
    return [_with_columns(paper, row, roles) for paper in papers if paper is not None]


def _links_only(markdown: str) -> bool:
    inline = plain(markdown)
    rest = inline.text
    for link in sorted(inline.links, key=lambda link: link.start, reverse=True):
        rest = rest[: link.start] + rest[link.end :]
    return not re.sub(r"[\s,;/&|·→>-]+|\band\b", "", rest)


def _titled_link(text: str, url: str) -> bool:
    return bool(url) and len(text) >= 2 and label_kind(text, LINK_LABELS) is None


def _cell_paper(markdown: str, raw: str, line: int, context: TableContext) -> Paper | None:
    read = read_paper(markdown, line=line, category=context.category)
    return None if read is None else replace(read.paper, raw=raw)


def _with_columns(paper: Paper, row: tuple[str, ...], roles: Roles) -> Paper:
    """A paper completed from its row's venue, year, authors and paper-link columns."""
    venue, year = venue_and_year(cell(row, roles, "venue"))
    if venue is None or year is None:
        year_text = _plain_cell(row, roles, "year")
        year_text = "" if is_date(year_text) else year_text  # "2023/06/30": its year below
        written_venue, written_year = written_venue_year(
            _plain_cell(row, roles, "venue") + " " + year_text
        )
        venue, year = venue or written_venue, year or written_year
    if venue is None and year is None:
        venue, year = _labelled_venue(row, roles)
    if venue is None and year is None:
        venue, year = badge_venue(" ".join(row))
    # A day in a paper list's date column is when the group read or added the paper, not
    # the paper's year; a year or a month of one ("2019.03") is its publication.
    dated = cell(row, roles, "date")
    if venue is None and dated:
        venue, year = _dated_venue(dated, year)  # a "时间" column of "2025 WACV"
    year = year or year_of(cell(row, roles, "year")) or (None if is_date(dated) else year_of(dated))
    url = paper.url or link_value(cell(row, roles, "paper_url")) or _row_paper_link(row, roles)
    authors = paper.authors or split_authors(_plain_cell(row, roles, "authors"))
    return replace(
        paper,
        venue=paper.venue or venue,
        year=paper.year or year,
        url=url,
        authors=authors,
        arxiv=paper.arxiv or arxiv_id(" ".join(row)),
    )


def _row_paper_link(row: tuple[str, ...], roles: Roles) -> str | None:
    """The paper's address in a cell beside its title: a link labelled as the paper or
    the venue ("[Paper](u) / [Note](u)", "[CVPR19](u)", "[OpenReview](u)") or one to a
    paper host; the first such link, reading the row left to right."""
    titled = next((i for i in roles.get("title", []) if i < len(row) and row[i].strip()), None)
    for index, markdown in enumerate(row):
        if index == titled or "](" not in markdown:  # a second "Paper" column of links counts
            continue
        for link in plain(markdown).links:
            if (
                link.url
                and not link.image
                and (link_role(link) == "paper" or venue_and_year(link.text) != (None, None))
            ):
                return link.url
    return None


def _labelled_venue(row: tuple[str, ...], roles: Roles) -> tuple[str | None, int | None]:
    """A venue and year written as a link's label in another cell ("[CVPR 2019](…)")."""
    titles = roles.get("title", [])
    for index, text in enumerate(row):
        if index in titles:
            continue
        for link in plain(text).links:
            found = venue_and_year(link.text)
            if found != (None, None):
                return found
    return None, None


def _talk_title(markdown: str, read: PaperRead) -> str:
    """The talk's title as written: the paper's, or the whole text around a linked name.

    "[ViT](url) 逐段精读" is titled by all its words; "[Title](url) (ICML 2020)" by the
    paper's title, the venue and year taken away; so are resource links ("[pdf]").
    """
    inline = plain(markdown)
    linked = [link for link in inline.links if _titled_link(link.text, link.url)]
    paper = read.paper
    if len(linked) >= 2 or (len(linked) == 1 and not (paper.venue or paper.year or paper.authors)):
        resources = [link for link in inline.links if link not in linked]
        whole = clean(_without_spans(inline.text, resources)).strip(" ,;:|/-")
        return whole or paper.title
    return paper.title


def _without_spans(text: str, links: list[Link]) -> str:
    for link in sorted(links, key=lambda link: link.start, reverse=True):
        text = text[: link.start] + " " + text[link.end :]
    return text


def _dated_venue(dated: str, year: int | None) -> tuple[str | None, int | None]:
    """A date column's cell that names a known venue with its year ("2025 WACV", "CVPR'24"):
    the paper's venue and year; else no venue and ``year`` as it was."""
    found_venue, found_year = venue_and_year(dated)
    if found_venue is None or found_year is None or lookup(found_venue) is None:
        return None, year
    return found_venue, found_year


def _contents(rows: Rows, roles: Roles) -> bool:
    """A table of contents: most titles link a section of this page ("[GPTQ](#p-1)"),
    where the papers themselves are written; its rows name them, they are not entries."""
    titles = [cell(row, roles, "title") for row in rows[1:]]
    inline = [plain(title).links for title in titles if title.strip()]
    anchored = sum(1 for links in inline if links and links[0].url.startswith("#"))
    return anchored * 2 > len(inline)


def written_venue_year(text: str) -> tuple[str | None, int | None]:
    """A venue or year column's text: the year at either end, the rest the venue as written."""
    text = clean(text).strip(" ,.;")
    match = EDGE_YEAR.search(text)
    if match is None:
        return (None if is_placeholder(text) else text or None), None
    year = int(match.group("year"))
    venue = " ".join((text[: match.start()] + " " + text[match.end() :]).split()).strip(" ,.;'’")
    return (_known_part(venue) if venue and not is_placeholder(venue) else None), year


def _known_part(venue: str) -> str:
    """A known venue without what a cell adds to it: "ACL (Findings)", "ICLR (Spotlight)"
    and "NeurIPS / COLM 2024" are ACL, ICLR and NeurIPS; any other venue as written."""
    if lookup(venue) is not None:
        return venue
    head = VENUE_HEAD.match(venue)
    return head.group("venue") if head and lookup(head.group("venue")) is not None else venue


def _row_talks(
    row: tuple[str, ...], roles: Roles, line: int, when: tuple[int | None, str | None]
) -> tuple[list[Talk], list[Person]]:
    title_cell = cell(row, roles, "title")
    people = [
        p for kind in ("presenters", "hosts") for i in roles.get(kind, []) for p in _people(row, i)
    ]
    if is_placeholder(clean(plain(title_cell).text)):
        return [], people
    # With no presenters column, the one who leads the session presents it.
    leads = roles.get("presenters") or roles.get("hosts", [])
    presenters = [p for i in leads for p in _people(row, i)]
    items = _title_items(title_cell)
    own = [item_presenters(item) for item in items] if not presenters else [None]
    if all(own):
        pairs = [found for found in own if found is not None]
        people += [person for _, who in pairs for person in who]
    elif len(items) > 1 and len(presenters) == len(items):
        pairs = [(item, [person]) for item, person in zip(items, presenters, strict=True)]
    elif len(items) > 1 and "presenters" not in roles:  # nobody ties the entries together
        pairs = [(item, []) for item in items]
    else:
        pairs = [(title_cell, presenters)]
    talks = [_talk(item, who, row, roles, line, when) for item, who in pairs]
    if not presenters and not plain(title_cell).links:  # "Opening", "Lunch break", "휴강"
        talks = [talk for talk in talks if talk is None or not is_agenda_slot(talk.title or "")]
    return [talk for talk in talks if talk is not None], people


def _title_items(markdown: str) -> list[str]:
    """The entries of a title cell that can be titles: no note alone, no label with no value."""
    return [
        item
        for item in cell_items(markdown)
        if not NOTE_ONLY.match(text := clean(plain(item).text)) and not LABEL_ONLY.match(text)
    ]


def _talk(
    markdown: str,
    presenters: list[Person],
    row: tuple[str, ...],
    roles: Roles,
    line: int,
    when: tuple[int | None, str | None],
) -> Talk | None:
    items = _title_items(markdown)
    reads = [read_paper(item, line=line) for item in items]
    titles = [_talk_title(item, read) for item, read in zip(items, reads, strict=True) if read]
    if not titles:
        return None
    first = next(read for read in reads if read is not None)
    paper = _with_columns(first.paper, row, roles) if len(titles) == 1 else None
    titles_at = roles.get("title", [])
    others = " ".join(text for i, text in enumerate(row) if i not in titles_at)
    material = material_links(others)
    slides = (
        link_value(cell(row, roles, "slides"))
        or first.links.get("slides")
        or material.get("slides")
    )
    if slides is None and paper is not None and paper.url and not is_paper_url(paper.url):
        slides, paper = paper.url, replace(paper, url=None)
    video = (
        link_value(cell(row, roles, "video")) or first.links.get("video") or material.get("video")
    )
    return Talk(
        title=" / ".join(titles),
        presenters=presenters,
        week=when[0],
        date=when[1],
        slides=slides,
        video=video,
        paper=replace(paper, raw="", category=None)
        if paper is not None and (paper.url or paper.venue or paper.year)
        else None,
        line=line,
        raw="|".join(row),
    )
