"""Extract stage: walk the blocks under their headings and build the document.

Each block is offered to the rules in order; a rule that understands it turns it
into papers, talks or people, and what no rule takes is kept verbatim as a
``RawBlock`` with its line, so the Markdown writer can put it back untouched.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from ._blocks import TAB_WIDTH, Block, definition_end
from ._content import address_label, cell_kind, url_role, venue_and_year
from ._dates import TERM_WORDS, YEAR_MONTH, find_date, label_year, weekday_year
from ._inline import clean, plain
from ._labelled import (
    RecordContext,
    can_head,
    content_kind,
    field_parts,
    field_table,
    group_records,
    is_field,
    is_labelled,
    read_record,
    split_label,
    titled,
    unlabelled,
    venue_line,
)
from ._markers import TalkMark, marked_list, talk_mark
from ._outline import (
    FIELD_LINE,
    Label,
    category_of,
    emphasis_label,
    field_of,
    heading_from,
    label_for,
    plain_heading,
    week_of,
)
from ._papers import PaperRead, arxiv_year, read_paper
from ._people import (
    PAREN_NOTE,
    handle_list,
    merge_people,
    people_from,
    people_in_text,
    person_from,
    split_names,
)
from ._records import (
    Diagnostic,
    Heading,
    HeadingStyle,
    LayoutEntry,
    Paper,
    PaperList,
    Person,
    RawBlock,
    Session,
    Severity,
    StudyDocument,
    Talk,
    TopicGroup,
)
from ._regex import LazyPattern
from ._tables import TableContext, read_table
from ._talks import (
    TalkDraft,
    is_paper_url,
    material_links,
    presenter_prefix,
    talk_from_item,
)

if TYPE_CHECKING:
    from ._html import HtmlTable, Shapes

from ._venues import lookup
from ._vocab import (
    FIELD_LABELS,
    GROUP_WORDS,
    LINK_LABELS,
    PEOPLE_LABELS,
    has_han_or_hangul,
    label_kind,
    latin_letters,
    normalized_label,
)

#: A line that is all emphasis: "**Full Title**", "*Full Title*", "__Full Title__".
EMPHASISED_LINE = LazyPattern(r"^\s*(\*\*|__|\*|_)(?=\S)[^*_\n]{4,300}(?<=\S)\1\s*$")
#: Latin letters in the shortest title a translation line may follow.
MIN_LATIN_TITLE = 8
#: A sentence's full stop inside a text, after a word (not an initial, "vs." or "al.").
INNER_FULL_STOP = LazyPattern(r"[a-z]{3}\.\s+\S")
#: Four digits that may be a year: the cheap test before a block is read for one.
YEAR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TITLE_WORDS = re.compile(r"[A-Za-z]")
PEOPLE_LINE = re.compile(r"^[*_]*(?P<label>[^:：*_]{1,40}?)[*_]*\s*[:：]\s*(?P<value>.+)$")
EMPTY_LABEL = LazyPattern(r"^[*_]*(?P<label>[^:：*_]{1,40}?)[*_]*\s*[:：]\s*$")
_GROUP_WORD = "|".join(re.escape(word) for word in GROUP_WORDS)
#: "1팀 :", "Team A:", "B조 :" before a group's names.
GROUP_PREFIX = LazyPattern(
    rf"^\s*(?:[\w]{{1,3}}\s*(?:{_GROUP_WORD})|(?:{_GROUP_WORD})\s*[\w]{{1,3}})\s*[:：.]\s*",
    re.IGNORECASE,
)
BOLD_SPAN = LazyPattern(r"\*\*([^*\n]{2,200})\*\*")
LEADING_BOLD = re.compile(r"^(\*\*|__)(?P<text>[^*_\n]{1,60})\1(?=\s*\S)")
NUMBER_OR_TIME = LazyPattern(r"^[\d\s:.,/~-]*(?:[ap]\.?m\.?)?$", re.IGNORECASE)
#: A Chinese or Korean personal name: two to four syllables, perhaps spaced ("王 伟").
CJK_NAME = LazyPattern(r"^[\u4e00-\u9fff\uac00-\ud7af](?:\s?[\u4e00-\u9fff\uac00-\ud7af]){1,3}$")
LABELLED_LINE = re.compile(r"\s*(\*\*|__)[^*_]{1,40}\1\s*[:：]\s*\S")
EMAILS_ONLY = re.compile(
    r"^[(<]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>]?(?:\s*,\s*[(<]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>]?)*,?$"
)
SENTENCE = re.compile(r"(?:[다요죠음함]|니다)\s*(?:[.!]\s*)?$|[?？]\s*$")
#: The last non-space characters SENTENCE can end on (tested before the regex), and full stops.
SENTENCE_ENDINGS = frozenset("다요죠음함.!?？")
FULL_STOPS = frozenset(".。")
HANGUL = LazyPattern(r"[\uac00-\ud7af]")
PRESENTER_MARK = LazyPattern(r"(?<![\w.])@[^\W_][\w-]*|`[^`]{1,12}`\s*$")
SPEAKER_PREFIX = re.compile(r"([\uac00-\ud7af]{2,4}|[A-Z][a-z]+)\s*[:：]\s*\S")
#: "Time : Sundays 8 PM", "목적 : 정기 리뷰": a short label, a spaced colon, a value.
OVERVIEW_FIELD = re.compile(r"^(?P<label>[^:：\[\]()<>]{1,24}?)\s+[:：](?:\s+\S|\s*$)")
#: A date cell that is a format mask ("YYYY.MM.DD", "MM/DD"): the row is a template.
DATE_MASK = LazyPattern(r"^(?:[YMD]{2,4}|[年月日])(?:\s*[-./]?\s*(?:[YMD]{2,4}|[年月日]))*$", re.I)
NUMBERED_SLOT = LazyPattern(r"^.{1,40}?\s?\(\d{1,2}\)$")
SITE_ROOT = LazyPattern(r"^(?:https?:)?//[^/?#]+/?$")
NAMED_TITLE = re.compile(r"[^\s:]{2,24}\s?:\s?\S")
NAME_ONLY = LazyPattern(
    r"^(?:[\uac00-\ud7af]{1,4}(?: [\uac00-\ud7af]{1,4})?"  # 김하늘, 탁 민
    r"|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}"  # Ann Lee
    r"|@?[\w-]{2,39})$"  # handle
)
GROUP_LINE = re.compile(r"^[>\s]*(?P<label>[^\s.:：,()>]{1,12})\s*[.:：]\s*(?P<names>\S.*)$")
GROUP_MARK = LazyPattern(r"`([^`]{1,12})`\s*$")
#: "<summary>Title</summary>", perhaps after the "<details>" it heads.
SUMMARY = LazyPattern(
    r"^\s*(?:<details\b[^<>]{0,200}>\s*)?<summary\b[^<>]{0,200}>(?P<text>[^\n]{1,300}?)"
    r"</summary>\s*$",
    re.IGNORECASE,
)
BARE_TAG = LazyPattern(r"^\s*</?(?:div|section|span|p|details|center)\b[^<>]{0,200}>\s*$", re.I)
RESOURCE_SPLIT = LazyPattern(r"(?<!\S)[/|·](?!\S)")
RESOURCE_ONLY = LazyPattern(r"^[\s/|,·•-]*$")
MAX_TITLE_WORDS = 40
#: Characters in the longest Han or Hangul title a heading gives (no spaces to count words).
MAX_CJK_TITLE = 80
#: A citation's number at the start of a paragraph: "**[3]**", "[3]", "__[3]__".
CITATION_NUMBER = LazyPattern(r"^\s*(?:\*\*|__)?\[\d{1,3}\](?:\*\*|__)?\s+")
DATE_LABELS = {"date": FIELD_LABELS["date"] + ("日時", "日程", "开会时间")}


@dataclass
class _FieldSession:
    """A dated section's talk read from its field lines, which may come in any order."""

    line: int
    topic: str | None = None
    title: str | None = None
    presenters: list[Person] = field(default_factory=list)


@dataclass
class _Section:
    label: Label
    papers: PaperList | None = None
    session: Session | None = None
    entry: bool = False  # the section is one paper or talk: what follows in it are its notes


@dataclass(frozen=True, slots=True)
class _NamesSoFar:
    """The names of the first ``count`` people met, without copying them (people only grow)."""

    first_seen: dict[str, int]
    count: int

    def __contains__(self, name: object) -> bool:
        seen = self.first_seen.get(name) if isinstance(name, str) else None
        return seen is not None and seen < self.count


@dataclass
class _Builder:
    blocks: list[Block]
    doc: StudyDocument = field(default_factory=StudyDocument)
    stack: list[_Section] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    draft: TalkDraft | None = None
    year_hint: int | None = None
    default_date: str | None = None
    raw_run: list[Block] = field(default_factory=list)
    plain_document: bool = False
    names_follow: bool = False  # after "Members:" with no names on its line
    summaries: set[int] = field(default_factory=set)  # lines of <summary> headings
    session_fields: _FieldSession | None = None
    index: int = 0
    groups: dict[str, list[Person]] = field(default_factory=dict)
    _first_seen: dict[str, int] = field(default_factory=dict)
    _names_counted: int = 0
    _categories: dict[str, str] = field(default_factory=dict)
    html: Shapes | None = None  # the HTML tables and lists, found when the first is met

    # -- layout -------------------------------------------------------------

    def flush_raw(self) -> None:
        run = self.raw_run
        while run and run[-1].kind == "blank":
            run.pop()
        if run:
            text = "\n".join(block.raw for block in run)
            self.doc.blocks.append(RawBlock(line=run[0].line, text=text))
            self.doc.layout.append(LayoutEntry(kind="raw", index=len(self.doc.blocks) - 1))
        self.raw_run = []

    def keep_raw(self, block: Block) -> None:
        if block.kind == "blank" and not self.raw_run:
            return
        if not block.raw and block.kind != "blank":
            return  # an HTML list item on the line of the one before it: its line is kept there
        self.raw_run.append(block)
        if block.kind != "blank":
            self.people += people_in_text(block.text or block.raw)
            self.note_groups(block.text or block.raw)

    def note_groups(self, text: str) -> None:
        """Remember "2팀. A(@a), B(@b)" / "Team X: A (a@x)": a label naming a group of people."""
        for line in text.split("\n"):
            match = GROUP_LINE.match(line)
            members = people_in_text(match.group("names")) if match else []
            if match and members:
                self.groups[normalized_label(match.group("label"))] = members

    def add_heading(self, heading: Heading) -> Label:
        self.flush_raw()
        self.finish_talk()
        self.finish_field_session()
        label = label_for(heading, self.year_hint)
        while self.stack and self.stack[-1].label.heading.level >= heading.level:
            self.stack.pop()
        self.stack.append(_Section(label))
        self.doc.headings.append(heading)
        self.doc.layout.append(LayoutEntry(kind="heading", index=len(self.doc.headings) - 1))
        if label.date:
            self.note_year(label.date)
        else:
            self.year_hint = label_year(heading.text) or self.year_hint
        return label

    # -- context ------------------------------------------------------------

    def in_entry(self) -> bool:
        """Inside the section of one paper or talk."""
        return any(section.entry for section in self.stack)

    def role(self) -> str | None:
        for section in reversed(self.stack):
            if section.entry:
                return None
            if section.label.role and (section.label.heading.level > 1 or len(self.stack) == 1):
                return section.label.role
        return None

    def category(self) -> str | None:
        """The category the innermost heading names (asked once per item under it)."""
        if not self.stack:
            return None
        heading = self.stack[-1].label.heading.text
        found = self._categories.get(heading)
        if found is None:
            found = self._categories[heading] = category_of(heading)
        return found

    def week_and_date(self) -> tuple[int | None, str | None]:
        for section in reversed(self.stack):
            if section.label.week is not None or section.label.date is not None:
                return section.label.week, section.label.date
        return None, self.default_date

    def known_names(self) -> _NamesSoFar:
        """The names of the people met so far; later people do not join it."""
        for index in range(self._names_counted, len(self.people)):
            name = self.people[index].name
            if name:
                self._first_seen.setdefault(name, index)
        self._names_counted = len(self.people)
        return _NamesSoFar(self._first_seen, len(self.people))

    def note_year(self, iso: str | None) -> None:
        if iso:
            self.year_hint = int(iso[:4])

    def current_session(self) -> Session:
        section = self.stack[-1] if self.stack else None
        if section is not None and section.session is not None:
            return section.session
        week, date = self.week_and_date()
        label = section.label if section else None
        session = Session(
            title=label.heading.text if label else None,
            week=week,
            date=date,
            line=label.heading.line if label else 0,
        )
        self.flush_raw()
        self.doc.sessions.append(session)
        self.doc.layout.append(LayoutEntry(kind="session", index=len(self.doc.sessions) - 1))
        if section is not None:
            section.session = session
        return session

    def current_papers(self) -> PaperList:
        section = self.stack[-1] if self.stack else None
        if section is not None and section.papers is not None:
            return section.papers
        heading = section.label.heading if section else None
        plist = PaperList(
            category=heading.text if heading else None,
            note=heading.note if heading else None,
            declared_count=heading.count if heading else None,
            line=heading.line if heading else 0,
        )
        self.flush_raw()
        self.doc.paper_lists.append(plist)
        self.doc.layout.append(LayoutEntry(kind="paper_list", index=len(self.doc.paper_lists) - 1))
        if section is not None:
            section.papers = plist
        return plist

    # -- talks --------------------------------------------------------------

    def finish_talk(self) -> None:
        draft, self.draft = self.draft, None
        if draft is None:
            return
        week, date = self.week_and_date()
        talk = draft.build(week, date)
        self.add_talk(talk)
        self.people += draft.members
        for kind, line in draft.empty_fields:
            self.warn("empty-field", f"talk field {kind!r} is present but empty", line)

    def add_session(self, session: Session) -> None:
        """A session read whole (from front matter or a definition list), in reading order."""
        self.flush_raw()
        self.doc.sessions.append(session)
        self.doc.layout.append(LayoutEntry(kind="session", index=len(self.doc.sessions) - 1))
        added: set[int] = set()  # one person object may present many talks (a YAML alias)
        for talk in session.talks:
            self.people += [p for p in talk.presenters if id(p) not in added]
            added.update(id(p) for p in talk.presenters)
            self.note_year(talk.date)

    def add_paper_list(self, plist: PaperList) -> None:
        """A paper list read whole (from front matter), in reading order."""
        self.flush_raw()
        self.doc.paper_lists.append(plist)
        self.doc.layout.append(LayoutEntry(kind="paper_list", index=len(self.doc.paper_lists) - 1))

    def add_talk(self, talk: Talk) -> None:
        self.current_session().talks.append(talk)
        self.people += talk.presenters
        self.note_year(talk.date)

    def warn(self, code: str, message: str, line: int, severity: Severity = "warning") -> None:
        self.doc.diagnostics.append(
            Diagnostic(code=code, message=message, line=line, severity=severity)
        )

    # -- the walk -----------------------------------------------------------

    def run(self) -> StudyDocument:
        self.plain_document = not any(b.kind in ("heading", "table") for b in self.blocks)
        while self.index < len(self.blocks):
            block = self.blocks[self.index]
            self.names_follow = self.names_follow and block.kind == "text"
            end = _cited_paragraphs(self, self.index) if block.kind == "text" else None
            if end is None and block.kind in ("text", "item"):
                end = _labelled_group(self, self.index)
            if end is not None:
                self.index = end
                continue
            handler = HANDLERS.get(block.kind, _keep)
            self.index = handler(self, self.index)
        self.finish_talk()
        self.finish_field_session()
        self.flush_raw()
        return self.doc

    def finish_field_session(self) -> None:
        """The talk of a dated section whose fields came in any order ("Topic:", "Host:")."""
        fields, self.session_fields = self.session_fields, None
        title = fields and (fields.title or fields.topic)
        if fields is None or not title or not fields.presenters:
            return
        week, date = self.week_and_date()
        self.add_talk(
            Talk(title=title, presenters=fields.presenters, week=week, date=date, line=fields.line)
        )


def _cited_paragraphs(builder: _Builder, index: int) -> int | None:
    """Numbered citations written as paragraphs ("**[1]** A. B, C. D. **Title**, ICLR, 2019"),
    each perhaps wrapped over several lines: papers, the unreadable ones kept unparsed."""
    blocks = builder.blocks
    if not CITATION_NUMBER.match(blocks[index].text):
        return None
    entries: list[tuple[Block, str]] = []
    position = index
    while position < len(blocks) and CITATION_NUMBER.match(blocks[position].text):
        lines, end = [blocks[position].text], position + 1
        while (
            end < len(blocks)
            and blocks[end].kind == "text"
            and not CITATION_NUMBER.match(blocks[end].text)
        ):
            lines.append(blocks[end].text)
            end += 1
        entries.append((blocks[position], _joined(lines)))
        position = end
        while position < len(blocks) and blocks[position].kind == "blank":
            position += 1
    reads = [
        read_paper(CITATION_NUMBER.sub("", text), line=block.line, category=builder.category())
        for block, text in entries
    ]
    cited = [read for read in reads if _cited(read) or (read and read.evidence >= 3)]
    if len(cited) * 2 < len(entries):
        return None
    builder.flush_raw()
    plist = builder.current_papers()
    for (block, _), read in zip(entries, reads, strict=True):
        if read is not None and read in cited:
            plist.papers.append(read.paper)
        else:
            plist.unparsed.append(RawBlock(line=block.line, text=block.raw, role="unparsed"))
    last = position
    while last > index and blocks[last - 1].kind == "blank":
        last -= 1
    return last


def _joined(lines: list[str]) -> str:
    """Wrapped lines as one: a word broken by a hyphen at a line's end is joined again."""
    text = lines[0].rstrip()
    for line in lines[1:]:
        line = line.strip()
        if text.endswith("-") and line[:1].islower() and text[-2:-1].isalpha():
            text = text[:-1] + line
        else:
            text = f"{text} {line}"
    return text


def _labelled_group(builder: _Builder, index: int) -> int | None:
    """A title line or heading with the labelled lines that describe it, as talks or papers.

    Returns the index after the lines read, or None when they are not such a group
    (the other rules then read them).
    """
    if builder.draft is not None:
        return None
    heading = _titled_heading(builder, index)
    end = _labelled_run(builder.blocks, index, titled_above=heading is not None)
    if end is None:
        return None
    lines = [
        (b.line, part)
        for b in builder.blocks[index:end]
        if b.kind != "blank"
        for part in field_parts(b.text)
    ]
    records = group_records(lines)
    if not records or (not titled(records[0]) and heading is None):
        return None  # only the first record may take its title from the heading
    context = _record_context(builder, heading)
    first = read_record(records[0], context)
    if first is None:
        return None
    entries: list[Talk | Paper | None] = [first]
    for record in records[1:]:
        entries.append(read_record(record, context) if titled(record) else None)
        if entries[-1] is None:  # the group ends before a record that reads as no entry
            end = next(i for i in range(index, end) if builder.blocks[i].line == record.line)
            break
    builder.flush_raw()
    builder.finish_field_session()
    last = builder.blocks[end - 1].end
    builder.people += [person for line, text in lines if line <= last for person in _listed(text)]
    entries = [entry for entry in entries if entry is not None]
    if len(entries) == 1 and builder.stack and _under_heading(builder, index):
        # One paper or talk as its section (a schedule's section holds several)
        builder.stack[-1].entry = builder.stack[-1].label.role != "schedule"
    for entry in entries:
        if isinstance(entry, Talk):
            builder.add_talk(entry)
        elif entry is not None:
            builder.current_papers().papers.append(entry)
    return end


def _listed(markdown: str) -> list[Person]:
    """The people a record's "Members: A, B" or "참여자: @a @b" line names; [] for any other."""
    found = split_label(markdown)
    if found is None or found.kind is not None:
        return []
    named = label_kind(found.label, {"people": PEOPLE_LABELS}) is not None
    return people_from(found.value) if named or handle_list(found.value) else []


def _record_context(builder: _Builder, heading: str | None) -> RecordContext:
    """What the section tells a labelled record: its heading (when it titles the record),
    whether it is a schedule, its year, week, date and category."""
    week, date = builder.week_and_date()
    return RecordContext(
        schedule=builder.role() == "schedule" or week is not None or date is not None,
        heading=heading,
        year=builder.year_hint,
        week=week,
        date=date,
        category=_parent_category(builder) if heading else builder.category(),
    )


def _under_heading(builder: _Builder, index: int) -> bool:
    """Whether ``index`` is the first content under a heading (a ``<summary>`` too)."""
    before = _block_above(builder.blocks, index)
    return before >= 0 and (
        builder.blocks[before].kind == "heading"
        or (
            bool(builder.stack)
            and builder.stack[-1].label.heading.line == builder.blocks[before].line
        )
    )


def _block_above(blocks: list[Block], index: int) -> int:
    """The index of the block above ``index``, past blank lines and bare HTML box tags; -1
    at the top."""
    before = index - 1
    while before >= 0 and (blocks[before].kind == "blank" or _bare_tag(blocks[before])):
        before -= 1
    return before


def _labelled_run(blocks: list[Block], index: int, *, titled_above: bool = False) -> int | None:
    """The end of a run of labelled lines from ``index`` (perhaps after a title line).

    Two known labels make a run, or one under a title line or a heading that titles it.
    The lines may be separated by single blank lines. Inside the run, a line with no
    known label belongs to it when a labelled line follows it (the next entry's title
    line) or, with an unknown label, when it stands right under a labelled one.
    """
    lines = _content_lines(blocks, index)
    if not lines:
        return None
    first = blocks[lines[0]].text
    first_labelled = is_labelled(first) or (titled_above and _authors_line(first))
    texts = [blocks[position].text for position in lines[:3]]
    titled = len(texts) > 1 and can_head(first) and _gives_field(texts[1])
    paragraphs = all(blocks[position].kind == "text" for position in lines[:2])
    translated = (
        len(texts) > 2
        and paragraphs
        and _translation_line(first, texts[1])
        and _gives_field(texts[2])
    )
    noted = (  # "**Full Title**", then a note on it ("核心必读：…"), then the fields
        len(texts) > 2
        and paragraphs
        and not titled
        and EMPHASISED_LINE.match(first) is not None
        and can_head(first)  # not "**Week 1**"
        and EMPHASISED_LINE.match(texts[1]) is None  # a bold line is a title line itself
        and not is_labelled(texts[1])
        and _gives_field(texts[2])
    )
    if not (first_labelled or titled or translated or noted):
        return None
    taken = 2 if noted else 1
    while taken < len(lines):
        here, before = lines[taken], lines[taken - 1]
        follows = taken + 1 < len(lines) and _gives_field(blocks[lines[taken + 1]].text)
        under = here == before + 1 and (
            split_label(blocks[here].text) is not None or venue_line(blocks[here].text) is not None
        )
        if not (
            _gives_field(blocks[here].text) or (follows and can_head(blocks[here].text)) or under
        ):
            break
        taken += 1
    known = sum(
        sum(map(is_field, field_parts(blocks[position].text))) for position in lines[:taken]
    )
    if known >= 2 or (known == 1 and (not first_labelled or titled_above)):
        return lines[taken - 1] + 1
    return None


def _translation_line(title: str, line: str) -> bool:
    """A title line and its translation under it: Latin words, then a line in Han, Hangul
    or kana with hardly a Latin letter ("**Deep Routing**" over "深度路由"), both paragraphs
    (two items of a list are two entries)."""
    if not can_head(title) or not can_head(line):
        return False
    latin = latin_letters(clean(plain(title).text))
    text = clean(plain(line).text)
    return (
        latin >= MIN_LATIN_TITLE and has_han_or_hangul(text) and latin_letters(text) * 3 < len(text)
    )


def _authors_line(text: str) -> bool:
    return content_kind(text) == "authors"


def _gives_field(text: str) -> bool:
    """A line that gives a field wherever it stands: by its label, or as a line of authors
    (a venue line ends a run only right under a field: "Xception, CVPR 2017" apart is an
    entry of its own)."""
    return is_labelled(text) or _authors_line(text)


def _content_lines(blocks: list[Block], index: int) -> list[int]:
    """The text and item blocks from ``index`` on, across single blank lines."""
    found: list[int] = []
    position = index
    while position < len(blocks):
        kind = blocks[position].kind
        if kind in ("text", "item"):
            found.append(position)
        elif kind != "blank" or (
            position + 1 < len(blocks) and blocks[position + 1].kind == "blank"
        ):
            break
        position += 1
    return found


def _titled_heading(builder: _Builder, index: int) -> str | None:
    """The heading right above ``index`` when it reads as an entry's title, not a section's."""
    if not _under_heading(builder, index) or not builder.stack:
        return None
    before = _block_above(builder.blocks, index)
    label, written = builder.stack[-1].label, builder.blocks[before].text
    text = unlabelled(written)
    if text != written:
        return text  # "Title: X" names its entry whatever words X holds
    if label.role is not None or label.week is not None or label.date is not None:
        return None
    words = clean(plain(text).text)
    return text if plain(text).links or looks_like_title(words) or _cjk_title(words) else None


def _cjk_title(text: str) -> bool:
    """A heading in Han or Hangul that can title the entry its labelled lines describe
    ("基于图神经网络的推荐", "희소 라우팅 연구"): short, no sentence."""
    return (
        has_han_or_hangul(text)
        and text.rstrip()[-1:] not in FULL_STOPS
        and len(text) <= MAX_CJK_TITLE
        and not _is_sentence(text)
    )


def _bare_tag(block: Block) -> bool:
    """An HTML line that only opens or closes a box (``<div class="meta" markdown>``)."""
    return block.kind == "html" and BARE_TAG.match(block.text) is not None


def _parent_category(builder: _Builder) -> str | None:
    """The category of the section around the innermost one (a paper's heading is its title)."""
    if len(builder.stack) < 2:
        return None
    return category_of(builder.stack[-2].label.heading.text)


def _has_colon(text: str) -> bool:
    """Whether a "Label: value" regex can match at all (each needs a colon, ASCII or wide)."""
    return ":" in text or "：" in text


def _keep(builder: _Builder, index: int) -> int:
    builder.keep_raw(builder.blocks[index])
    return index + 1


def _blank(builder: _Builder, index: int) -> int:
    builder.keep_raw(builder.blocks[index])
    return index + 1


def _front_matter(builder: _Builder, index: int) -> int:
    """The leading YAML block: its scalars, and the talks and papers of its lists."""
    from ._frontmatter import read_front_matter  # read on first use: start-up time

    block = builder.blocks[index]
    found = read_front_matter(block.text, block.line + 1)
    builder.doc.front_matter = found.values
    builder.year_hint = label_year(found.values.get("date", "")) or builder.year_hint
    builder.keep_raw(block)
    for session in found.sessions:
        builder.add_session(session)
    for plist in found.paper_lists:
        builder.add_paper_list(plist)
    builder.people += found.people
    builder.doc.diagnostics += found.diagnostics
    return index + 1


def _heading(builder: _Builder, index: int) -> int:
    block = builder.blocks[index]
    style: HeadingStyle = (
        "html" if block.marker == "html" else "setext" if block.marker == "setext" else "atx"
    )
    label = builder.add_heading(heading_from(block.text, block.level, block.line, style))
    paper = _linked_heading_paper(builder, index, label)
    if paper is not None:
        builder.current_papers().papers.append(paper)
        builder.stack[-1].entry = True
    return index + 1


def _linked_heading_paper(builder: _Builder, index: int, label: Label) -> Paper | None:
    """A heading that is only a link to a paper ("## [GRIT](GRIT.pdf)", "### [Title](arXiv)"):
    the paper its section is about, when no labelled lines below describe it instead."""
    block = builder.blocks[index]
    inline = plain(block.text)
    if label.week is not None or label.date is not None:
        return None
    if not inline.links:
        return _tagged_heading_paper(builder, index, label)
    if len(inline.links) != 1:
        return None
    link = inline.links[0]
    if label.role and len(clean(link.text).split()) < MIN_FULL_TITLE_WORDS + 1:
        return None  # a section's name ("## [Resources](u)"); a full title's words name none
    if url_role(link.url) != "paper" or address_label(link.text):
        return None
    if clean(link.text) != clean(inline.text) and not _tagged_link(block.text, link.text):
        return None
    return _heading_paper(builder, index)


def _tagged_heading_paper(builder: _Builder, index: int, label: Label) -> Paper | None:
    """A heading that titles a paper tagged with its venue and year ("### Full Title
    [NIPS'19][Baidu]", "## Full Title (KDD 2020)"): the paper its section is about."""
    block = builder.blocks[index]
    if label.role or ("[" not in block.text and "(" not in block.text):
        return None
    read = read_paper(block.text, line=block.line)
    paper = read.paper if read is not None else None
    if paper is None or paper.venue is None or paper.year is None:
        return None
    if len(paper.title.split()) < MIN_FULL_TITLE_WORDS:
        return None
    return _heading_paper(builder, index)


def _heading_paper(builder: _Builder, index: int) -> Paper | None:
    """The heading at ``index`` read as its section's paper, when no labelled lines below
    describe it instead."""
    block = builder.blocks[index]
    after = next(
        (i for i in range(index + 1, len(builder.blocks)) if builder.blocks[i].kind != "blank"),
        None,
    )
    if after is not None and _labelled_run(builder.blocks, after, titled_above=True) is not None:
        return None
    read = read_paper(block.text, line=block.line, category=_parent_category(builder))
    return read.paper if read is not None and looks_like_title(read.paper.title) else None


def _tagged_link(markdown: str, linked: str) -> bool:
    """A heading that links a paper with its venue or year beside the link ("2024 -
    [Title](u)", "[Title](u), Interspeech 2021"): the words outside are all read as those."""
    read = read_paper(markdown)
    paper = read.paper if read is not None else None
    return (
        paper is not None
        and _squeezed(paper.title) == _squeezed(clean(linked))
        and (paper.venue is not None or paper.year is not None)
    )


def _next_content(blocks: list[Block], index: int) -> Block | None:
    for following in range(index + 1, len(blocks)):
        if blocks[following].kind != "blank":
            return blocks[following]
    return None


def _is_talk_title(builder: _Builder, index: int) -> bool:
    source = builder.blocks[index].text
    own = clean(plain(source).text)
    if field_of(own) is not None or _people_label(own) is not None or LABELLED_LINE.match(source):
        return False
    following = _next_content(builder.blocks, index)
    if following is None or following.kind not in ("text", "item"):
        return False
    found = field_of(clean(plain(following.text.split("\n", 1)[0]).text))
    return found is not None and found[0] in ("presenters", "slides", "video")


def _implied_level(builder: _Builder) -> int:
    for section in reversed(builder.stack):
        if section.label.heading.style in ("atx", "html", "setext"):
            return min(section.label.heading.level + 1, 7)
    return 7


def _empty_people_label(text: str) -> bool:
    """ "Members:" with nothing after it: the names are on the lines that follow."""
    match = EMPTY_LABEL.match(text.strip()) if _has_colon(text) else None
    return (
        match is not None
        and label_kind(match.group("label"), {"people": PEOPLE_LABELS}) is not None
    )


def _group_names(builder: _Builder, line: str) -> None:
    """A line of names after "Members:", with any group label ("Team A:", "2조 :") dropped."""
    builder.people += people_from(GROUP_PREFIX.sub("", line, count=1))


def _event_date(builder: _Builder, text: str) -> bool:
    """A date under a heading that is only a date label ("## 日時", "## When", "## 일시").

    It is the date of what follows (as "Date: 2021-10-30" would be), and of the talks of
    the section just before it that have none (an event page: programme, then date).
    """
    if not _in_date_section(builder):
        return False
    iso = find_date(text, builder.year_hint)[0]
    if iso is None:
        return False
    builder.default_date = iso
    builder.note_year(iso)
    section = builder.stack[-1]
    session = builder.doc.sessions[-1] if builder.doc.sessions else None
    heading = next((h for h in builder.doc.headings if session and h.line == session.line), None)
    sibling = heading is not None and heading.level == section.label.heading.level
    if session is not None and sibling and not session.date:
        session.date = iso
        for talk in session.talks:
            talk.date = talk.date or iso
    return True


def _definition_list(builder: _Builder, index: int, end: int) -> int:
    """A term and its ``: `` definitions: a session of talks, a paper, or text kept as it is."""
    from ._definitions import read_definition_list  # read on first use: start-up time

    builder.finish_talk()
    builder.finish_field_session()
    blocks = builder.blocks[index:end]
    read = read_definition_list(blocks, builder.year_hint)
    if read is None:
        for block in blocks:
            builder.keep_raw(block)
        return end
    if read.session is not None:
        builder.add_session(read.session)
    if read.papers:
        builder.current_papers().papers.extend(read.papers)
    builder.people += read.people
    return end


def _text(builder: _Builder, index: int) -> int:
    end = definition_end(builder.blocks, index)
    if end > index:
        return _definition_list(builder, index, end)
    block = builder.blocks[index]
    if block.text[:1] == "<":  # a table whose first line holds its first cell's text
        shape_end = _html_shape(builder, index)
        if shape_end is not None:
            return shape_end
    line_text = clean(plain(block.text).text)
    if builder.names_follow and builder.draft is None:
        _group_names(builder, line_text)
        builder.keep_raw(block)
        return index + 1
    if builder.draft is None and _event_date(builder, line_text):
        builder.keep_raw(block)
        return index + 1
    found = field_of(line_text)
    if found and builder.draft is not None:
        builder.draft.add_field(
            found[0],
            block.text.split(":", 1)[-1] if ":" in block.text else found[1],
            block.line,
            block.raw,
            builder.year_hint,
        )
        return index + 1
    if builder.draft is None and _session_line(builder, block, line_text):
        builder.keep_raw(block)
        return index + 1
    builder.finish_talk()
    if _is_talk_title(builder, index):
        builder.flush_raw()
        title = clean(plain(emphasis_label(block) or block.text).text)
        builder.draft = TalkDraft(title=title, line=block.line, raw=[block.raw])
        return index + 1
    if found and found[0] == "date":
        builder.default_date = find_date(found[1], builder.year_hint)[0] or builder.default_date
        builder.note_year(builder.default_date)
    if _people_line(builder, block):
        builder.keep_raw(block)
        return index + 1
    label = emphasis_label(block)
    week = week_of(line_text) if len(line_text) <= 90 else None
    lead = LEADING_BOLD.match(block.text)
    if label is None and lead and builder.blocks[index - 1].kind in ("blank", "heading"):
        # "**Week 7 (Feb 15)** (note: other room)": a bold week label with a remark after it.
        label = lead.group("text") if week_of(lead.group("text")) is not None else None
        if label is not None:
            builder.add_heading(
                heading_from(block.text, _implied_level(builder), block.line, "plain")
            )
            return index + 1
    if label is not None and _session_field(clean(plain(label).text)) is not None:
        builder.keep_raw(block)  # "**Topic: Kernels**" is a labelled field, not a heading
        return index + 1
    if (
        label is not None
        or (builder.plain_document and plain_heading(builder.blocks, index))
        or (week is not None and plain_heading(builder.blocks, index))
    ):
        style: HeadingStyle = "bold" if label is not None else "plain"
        builder.add_heading(
            heading_from(label or block.text, _implied_level(builder), block.line, style)
        )
        return index + 1
    builder.keep_raw(block)
    return index + 1


def _session_field(text: str) -> tuple[str, str] | None:
    """ "Topic: X" -> ("topic", "X"); "- Host: A, B" -> ("presenters", "A, B")."""
    match = FIELD_LINE.match(text.strip()) if _has_colon(text) else None
    if not match:
        return None
    label = match.group("label").strip().lstrip("-•·").strip()
    kind = label_kind(label, FIELD_LABELS, ("presenters", "hosts", "title"))
    if kind is None or not match.group("value").strip():
        return None
    return ("topic" if kind == "title" else "presenters"), match.group("value").strip()


def _session_line(builder: _Builder, block: Block, text: str) -> bool:
    """A line of a dated section's talk: a topic or presenter field, or the title after them."""
    found = _session_field(text)
    fields = builder.session_fields
    if found is None:
        if fields is None or fields.title or _people_label(text) is not None:
            return False  # "Members: A, B" lists people, it titles no talk
        if _resource_links(block.text):
            return True  # "[Paper link](u)": where the talk's paper is, not its title
        cited = read_paper(block.text, line=block.line)
        if _cited(cited) and cited is not None:
            fields.title = cited.paper.title  # "Yi Y, Shan L. Title. arXiv 2022."
            return True
        label = emphasis_label(block) or (text if looks_like_title(text) else None)
        if label is None or week_of(label) is not None:
            return False
        fields.title = clean(plain(label).text)
        return True
    week, date = builder.week_and_date()
    if fields is None:
        if week is None and date is None:
            return False
        fields = builder.session_fields = _FieldSession(line=block.line)
    if found[0] == "topic":
        fields.topic = fields.topic or found[1]
    else:
        fields.presenters += people_from(found[1])
    return True


def _in_date_section(builder: _Builder) -> bool:
    """Under a heading that is only the word for a date or a time ("Date", "日時", "일시")."""
    heading = builder.stack[-1].label.heading.text if builder.stack else ""
    return label_kind(heading, DATE_LABELS) is not None


def _people_label(text: str) -> str | None:
    """The list of names after a people label ("Members: A, B"), or None."""
    match = PEOPLE_LINE.match(text) if _has_colon(text) else None
    if match is None:
        return None
    if label_kind(match.group("label"), {"people": PEOPLE_LABELS}) is None:
        return match.group("value") if handle_list(match.group("value")) else None
    return match.group("value")


def _people_line(builder: _Builder, block: Block) -> bool:
    text = clean(plain(block.text).text)
    names = _people_label(text)
    if names is None:
        names = text if EMAILS_ONLY.match(text) else None
    if names is None and builder.role() == "people":
        names = text if _name_list(text) else None
    if names is None:
        return False
    builder.people += people_from(names)
    return True


def _name_list(text: str) -> bool:
    """A line that is only names: "김하늘, Ann Lee, 박 준" (under a people heading)."""
    parts = split_names(text)
    return len(parts) >= 2 and all(NAME_ONLY.match(PAREN_NOTE.sub("", p).strip()) for p in parts)


def _list_run(blocks: list[Block], index: int) -> int:
    """Index after the run of list items (blank lines between items included) from ``index``."""
    end = index
    while end < len(blocks) and blocks[end].kind in ("item", "blank", "text"):
        if blocks[end].kind == "text" and not blocks[end].indent:
            break
        if blocks[end].kind == "blank" and (
            end + 1 >= len(blocks) or blocks[end + 1].kind not in ("item", "blank")
        ):
            break
        end += 1
    while end > index and blocks[end - 1].kind == "blank":
        end -= 1
    return end


def looks_like_title(text: str) -> bool:
    """A line that could be a paper title: has Latin words, is no question or sentence."""
    last = text.rstrip()[-1:]
    return (
        bool(TITLE_WORDS.search(text))
        and last not in FULL_STOPS
        and not (last in SENTENCE_ENDINGS and SENTENCE.search(text))
        and len(text.split()) <= MAX_TITLE_WORDS
    )


def _is_sentence(text: str) -> bool:
    """``SENTENCE.search(text)``, the regex run only when the text ends as a sentence can."""
    return text.rstrip()[-1:] in SENTENCE_ENDINGS and SENTENCE.search(text) is not None


def _paper_evidence(read: PaperRead | None) -> int:
    if read is None:
        return -1
    paper = read.paper
    evidence = read.evidence
    # A link to a whole site is a resource, not a publication; a title linked to a project
    # page, with its venue and year, is the paper's own.
    site = bool(paper.url) and SITE_ROOT.match(paper.url or "") is not None
    if site and (read.url_labelled or not (paper.venue or paper.year)):
        return -1
    if paper.title.startswith(("http://", "https://", "www.")):
        return -1  # a bare address names no publication
    if NAMED_TITLE.match(paper.title):
        evidence += 1
    if (
        paper.url
        and not read.url_labelled
        and url_role(paper.url) != "paper"
        and not paper.venue
        and not paper.year
    ):
        evidence -= 2
    return evidence


@dataclass
class _Entry:
    """A list item at the level of its siblings, with the deeper items under it."""

    block: Block
    children: list[Block] = field(default_factory=list)


def _level(block: Block) -> int:
    return block.indent + TAB_WIDTH * block.quote


def _entries(items: list[Block]) -> list[_Entry]:
    base = min(_level(b) for b in items if b.kind == "item")
    entries: list[_Entry] = []
    for block in items:
        if not entries or (block.kind == "item" and _level(block) <= base):
            entries.append(_Entry(block))
        else:
            entries[-1].children.append(block)
    return entries


@dataclass(frozen=True)
class _Cell:
    text: str


def _bracketed(text: str) -> int:
    """Characters in ``[...]`` spans, each from a ``[`` to the next ``]`` (one linear pass)."""
    total, start = 0, text.find("[")
    while start != -1:
        close = text.find("]", start + 1)
        if close == -1:
            break
        total += close + 1 - start
        start = text.find("[", close + 1)
    return total


def _has_title_link(block: Block | _Cell) -> bool:
    """An item whose own words are mostly one link that is not a resource label."""
    inline = plain(block.text.split("\n", 1)[0])
    text = clean(inline.text)
    for link in inline.links:
        written = bool(link.url) or looks_like_title(clean(link.text))  # "[Title]()": to fill in
        if written and len(link.text) >= 2 and label_kind(link.text, LINK_LABELS) is None:
            return len(link.text) * 2 >= _bracketed(text) + 1 or (
                len(clean(link.text)) * 2 >= len(text)
            )
    return False


def _is_container(entry: _Entry, among_papers: bool = False, depth: int = 0) -> bool:
    """A label item ("Readings", "Survey") whose children are the real entries.

    Its children link their titles or read as papers (a venue, a year, a paper link), or
    are labels of such children themselves (a topic, its subtopic, then the papers; up to
    ``MAX_TOPIC_DEPTH`` levels down): half of two or more, or the only one. Among papers,
    children that are bare titles count.
    """
    nested = [b for b in entry.children if b.kind == "item"]
    if not nested or _addressed(entry.block) or _reads_as_paper(entry.block):
        return False
    subentries = _entries(entry.children)
    level = [sub.block for sub in subentries if sub.block.kind == "item"]
    entries = sum(
        1
        for sub in subentries
        if sub.block.kind == "item"
        and (
            _has_title_link(sub.block)
            or _reads_as_paper(sub.block)
            or (depth < MAX_TOPIC_DEPTH and _is_container(sub, depth=depth + 1))
        )
    )
    if among_papers and not entries and len(level) >= 2 and not split_label(entry.block.text):
        entries = sum(1 for b in level if _bare_title(b))
    return entries * 2 >= len(level) and (len(nested) >= 2 or entries == len(level))


#: Words in the longest short name a paper goes by ("AlexNet", "Inception v.1").
MAX_ALIAS_WORDS = 3
#: Words in the shortest full title that a citation under a short name gives.
MIN_FULL_TITLE_WORDS = 3
#: Levels of topic labels looked through for the papers under a topic.
MAX_TOPIC_DEPTH = 3


def _addressed(block: Block) -> bool:
    """An item with a link to somewhere: "[Topic]()" and "[Topic](#topic)" point nowhere
    outside the page, the way a topic's label is written as a link to fill in later."""
    return any(link.url and not link.url.startswith("#") for link in plain(block.text).links)


def _titled_container(entry: _Entry) -> bool:
    """A container that names a paper itself: a title of four words or more, or "Name: title"."""
    text = clean(plain(entry.block.text).text)
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii())
    return (
        looks_like_title(text)
        and latin * 10 >= len(letters) * 8  # a paper's title, not a remark in the group's tongue
        and (len(text.split()) >= 4 or bool(NAMED_TITLE.match(text)))
    )


def _bare_title(block: Block) -> bool:
    """An item that is only a title: no label, no link, not a sentence."""
    text = clean(plain(block.text).text)
    return looks_like_title(text) and field_of(text) is None and not is_labelled(block.text)


def _reads_as_paper(block: Block) -> bool:
    return _paper_evidence(read_paper(block.text, line=block.line)) >= 2


def _talk_evidence(
    builder: _Builder, entry: _Entry, role: str | None, read_entry: Callable[[], PaperRead | None]
) -> int:
    """Signs that an entry is a talk: 2 for a presenter (or a schedule), 1 for slides or a date."""
    text = clean(plain(entry.block.text).text)
    if _is_sentence(text):
        return 0
    if presenter_prefix(entry.block.text, builder.known_names()) is not None:
        return 0 if _cited(read_entry()) else 2  # "Name : Surname, A. (2020). Title." assigns
    kinds = {found[0] for found in map(field_of, _child_texts(entry)) if found}
    if "presenters" in kinds or (role == "schedule" and PRESENTER_MARK.search(entry.block.text)):
        return 2
    read = read_entry()
    links = set(read.links) if read is not None else set()
    for child in entry.children:
        links |= {label_kind(link.text, LINK_LABELS) or "" for link in plain(child.text).links}
    if {"slides", "video"} & (links | kinds):
        return 2 if role == "schedule" else 1
    return 1 if "date" in kinds else 0


def _child_texts(entry: _Entry) -> list[str]:
    return [clean(plain(child.text).text) for child in entry.children]


def _item(builder: _Builder, index: int) -> int:
    end = _list_run(builder.blocks, index)
    source = builder.blocks[index:end]
    items = [b for b in source if b.kind != "blank"]
    titled = _titled_alias(builder, items, end) if builder.draft is None else None
    if titled is not None:
        return titled
    _read_list(builder, source, items)
    return end


def _read_list(builder: _Builder, source: list[Block], items: list[Block]) -> None:
    """A list's items (read from ``source``, the lines kept when no entry takes them)."""
    if builder.draft is not None:
        items = _talk_field_items(builder, builder.draft, items)
        if not items:
            return
    builder.finish_talk()
    if _session_items(builder, items):
        for block in source:
            builder.keep_raw(block)
        return
    role = builder.role()
    if role != "people" and _marked_items(builder, items, role):
        return
    if role == "people":
        _people_items(builder, source, items)
        return
    if _in_date_section(builder):  # "## 日時" over "- 2021年10月30日（土）": a date, not papers
        for block in items:
            _event_date(builder, clean(plain(block.text).text))
        for block in source:
            builder.keep_raw(block)
        return
    if role is None and _paper_list(items):
        role = "papers"
    _read_entries(builder, _entries(items), role)


def _paper_list(items: list[Block]) -> bool:
    """A list, at every depth, in which at least a third of the items (two or more) read as
    papers by their own evidence: the rest stand among papers."""
    titles = [b for b in items if b.kind == "item"]
    strong = sum(1 for block in titles if _paper_item(block))
    return strong >= 2 and strong * 3 >= len(titles)


def _paper_item(block: Block) -> bool:
    """An item that is a paper by its own evidence, not a "Label: value" line about papers."""
    if split_label(block.text) is not None or _resource_line(block.text):
        return False
    if _reads_as_paper(block):
        return True
    links = [link for link in plain(block.text).links if not address_label(link.text)]
    return _has_title_link(block) and any(url_role(link.url) == "paper" for link in links)


def _resource_line(markdown: str) -> bool:
    """ "[Paper Link](u) / Review Video / [PDF](u)": a line of a paper's resources, its links
    labelled by what they are."""
    inline = plain(markdown)
    parts = [part for part in RESOURCE_SPLIT.split(inline.text) if part.strip()]
    labels = [link.text for link in inline.links]
    named = sum(1 for text in labels if label_kind(text, LINK_LABELS) or address_label(text))
    return len(parts) >= 2 and named >= 1


def _resource_links(markdown: str) -> bool:
    """A line of links only, each labelled by what it is ("[Paper link](u)", "[PDF](u)")."""
    return cell_kind(markdown) == "links"


def _titled_alias(builder: _Builder, items: list[Block], end: int) -> int | None:
    """One bullet naming a paper by its alias ("- ResNet, CVPR 2016") with the full title
    as the paragraph after it: a paper titled by that paragraph, the alias a note."""
    after = _next_index(builder.blocks, end)
    if len(items) != 1 or items[0].indent or after is None:
        return None
    paragraph = builder.blocks[after]
    text = clean(plain(paragraph.text).text)
    if not _full_title(paragraph, text) or _labelled_run(builder.blocks, after) is not None:
        return None  # a title line over labelled lines is an entry of its own
    read = read_paper(items[0].text, line=items[0].line, category=builder.category())
    if read is None or len(read.paper.title.split()) + 2 > len(text.split()):
        return None  # the bullet is no shorter name of the paragraph's paper
    if len(read.paper.title.split()) > MAX_ALIAS_WORDS + 1:
        return None  # the bullet titles its paper in full; the paragraph is a note on it
    builder.flush_raw()
    alias = read.paper.title
    paper = replace(read.paper, title=text, notes=[alias, *read.paper.notes])
    builder.current_papers().papers.append(paper)
    for block in builder.blocks[end:after]:
        builder.keep_raw(block)
    builder.keep_raw(paragraph)
    return after + 1


def _next_index(blocks: list[Block], index: int) -> int | None:
    while index < len(blocks) and blocks[index].kind == "blank":
        index += 1
    return index if index < len(blocks) else None


def _full_title(block: Block, text: str) -> bool:
    """A paragraph that is a paper's full English title: Latin words, three or more, no
    sentence, no label, no address, on its own line."""
    if block.kind not in ("text", "item") or "\n" in block.text or "://" in block.text:
        return False
    words = text.split()
    latin = sum(1 for word in words if word[:1].isascii() and word[:1].isalpha())
    return (
        len(words) >= 3
        and latin * 4 >= len(words) * 3
        and looks_like_title(text)
        and "@" not in text
        and INNER_FULL_STOP.search(text) is None
        and can_head(block.text)
    )


def _marked_items(builder: _Builder, items: list[Block], role: str | None) -> bool:
    """An outline whose items name their presenter (and date) at the end: talks.

    Unmarked items that link slides or a video are talks of the same list; the other
    unmarked items are the outline's groupings and stay text. A list whose titles
    link papers, or a papers section without dates, names authors, not presenters.
    A single marked item counts under a heading that names a schedule.
    """
    marks = [_item_mark(block) for block in items]
    single = len(marks) == 1 and marks[0] is not None and marks[0].how == "paren"
    if not (marked_list(marks) or (single and _schedule_prior(builder))):
        return False
    paper_links = sum(1 for block in items if _links_a_paper(block.text))
    if paper_links * 2 >= len(items) or (role == "papers" and not any(m and m.date for m in marks)):
        return False
    builder.flush_raw()
    for block, mark in zip(items, marks, strict=True):
        if mark is not None or _talk_material(block.text):
            builder.add_talk(_marked_talk(builder, block, mark))
        else:
            builder.keep_raw(block)
    return True


def _item_mark(block: Block) -> TalkMark | None:
    """The item's trailing presenter mark; "X by Name" only when the item links slides or video."""
    if is_labelled(block.text):
        return None
    mark = talk_mark(block.text)
    if mark is not None and mark.how == "by" and not _talk_material(block.text):
        return None
    return mark


def _talk_material(markdown: str) -> bool:
    return bool({"slides", "video"} & material_links(markdown).keys())


def _schedule_prior(builder: _Builder) -> bool:
    """A heading above names a schedule ("Seminars", "발표 일정"), the document's own included."""
    return any(section.label.role == "schedule" for section in builder.stack)


def _links_a_paper(markdown: str) -> bool:
    return any(link.url and is_paper_url(link.url) for link in plain(markdown).links)


def _marked_talk(builder: _Builder, block: Block, mark: TalkMark | None) -> Talk:
    week, date = builder.week_and_date()
    own = find_date(mark.date, builder.year_hint)[0] if mark and mark.date else None
    links = [link for link in plain(block.text).links if link.url and not link.image]
    material = material_links(block.text)
    slides = material.get("slides")
    if slides is None and links and not is_paper_url(links[0].url):
        slides = links[0].url if label_kind(links[0].text, LINK_LABELS) != "video" else None
    names = mark.names if mark else ()
    return Talk(
        title=_emphasised(block.text) or (mark.title if mark else _unlinked_text(block.text)),
        presenters=[p for p in map(person_from, names) if p is not None],
        week=week,
        date=own or date,
        slides=slides,
        video=material.get("video"),
        line=block.line,
        raw=block.raw,
    )


def _emphasised(markdown: str) -> str | None:
    """The bold words of an item that are not all of it ("Talk on **Title** by Name")."""
    match = BOLD_SPAN.search(markdown)
    if match is None or not clean(markdown.replace(match.group(0), "")).strip(" -*"):
        return None
    return clean(plain(match.group(1)).text) or None


def _unlinked_text(markdown: str) -> str:
    inline = plain(markdown.split("\n", 1)[0])
    text = inline.text
    for link in sorted(inline.links, key=lambda link: link.start, reverse=True):
        if label_kind(link.text, LINK_LABELS) is not None or link.text.startswith("["):
            text = text[: link.start] + text[link.end :]
    return clean(text).strip(" -:")


def _session_items(builder: _Builder, items: list[Block]) -> bool:
    """Bulleted fields of a dated section's talk ("- Lead: A", "- Topic: X"), in any order."""
    week, date = builder.week_and_date()
    dated = builder.session_fields is not None or week is not None or date is not None
    if not dated:
        return False
    texts = [clean(plain(block.text).text) for block in items]
    labelled = [_session_field(text) is not None for text in texts]
    fields = sum(labelled)
    titles = sum(
        1
        for text, is_field in zip(texts, labelled, strict=True)
        if not is_field and looks_like_title(text)
    )
    if not fields or fields + titles < len(items) or titles > 1:
        return False
    if any(block.indent for block in items):
        return False
    order = sorted(range(len(items)), key=lambda i: not labelled[i])  # the fields, then the title
    return all(_session_line(builder, items[i], texts[i]) for i in order)


def _talk_field_items(builder: _Builder, draft: TalkDraft, items: list[Block]) -> list[Block]:
    """Bulleted "Presenter: ..." lines under a talk title fill its fields; the rest is returned."""
    for position, block in enumerate(items):
        found = field_of(clean(plain(block.text).text))
        if found is None:
            return items[position:]
        value = block.text.split(":", 1)[-1] if ":" in block.text else found[1]
        draft.add_field(found[0], value, block.line, block.raw, builder.year_hint)
    return []


def _read_entries(builder: _Builder, entries: list[_Entry], role: str | None) -> None:
    """Decide whether sibling entries are talks, papers or topics, and read them."""
    group: list[_Entry] = []
    containers = [_is_container(entry, role == "papers") for entry in entries]
    for entry, container in zip(entries, containers, strict=True):
        if not container and _empty_topic(builder, entry, any(containers)):
            if group:
                _read_group(builder, group, role)
            group = []
            _keep_entry(builder, entry, entry.children)
            continue
        if not container:
            group.append(entry)
            continue
        if group:
            _read_group(builder, group, role)
        group = []
        if role == "papers" and _titled_container(entry):
            _read_group(builder, [_Entry(entry.block)], role)  # a paper with papers under it
        else:
            _keep_entry(builder, entry, [])
        _read_entries(builder, _entries(entry.children), role)
    if group:
        _read_group(builder, group, role)


def _empty_topic(builder: _Builder, entry: _Entry, beside_topics: bool) -> bool:
    """A bare label with nothing under it where topics stand ("- Localization" beside
    "- Detection" over its papers), or one that repeats its section's name ("### Others"
    over "- Others"): a topic still to fill, not a paper."""
    if entry.children or entry.block.kind != "item" or plain(entry.block.text).links:
        return False
    text = clean(plain(entry.block.text).text)
    heading = builder.stack[-1].label.heading.text if builder.stack else ""
    if _squeezed(text) and _squeezed(text) == _squeezed(clean(plain(heading).text)):
        return True
    return (
        beside_topics and len(text.split()) <= MAX_ALIAS_WORDS and not _reads_as_paper(entry.block)
    )


def _keep_entry(builder: _Builder, entry: _Entry, children: list[Block]) -> None:
    builder.finish_talk()
    block = entry.block
    text = clean(plain(block.text).text)
    found = field_of(text)
    if found and found[0] == "date":
        builder.default_date = find_date(found[1], builder.year_hint)[0] or builder.default_date
        builder.note_year(builder.default_date)
    builder.keep_raw(block)
    for child in children:
        builder.keep_raw(child)
    first, _, rest = block.text.partition("\n")
    names = _people_label(clean(plain(first).text))  # "Members: A, B" names people anywhere
    if names:
        builder.people += people_from(names)
    builder.names_follow = _empty_people_label(clean(plain(first).text))
    if builder.names_follow:
        for line in rest.split("\n"):
            _group_names(builder, clean(plain(line).text))


def _cited(read: PaperRead | None) -> bool:
    """A full citation: its authors and year are named."""
    return read is not None and bool(read.paper.authors) and read.paper.year is not None


def _assigned_paper(builder: _Builder, block: Block) -> PaperRead | None:
    """An item read as a paper; "Name : citation" is the citation, assigned to Name."""
    read = read_paper(block.text, line=block.line, category=builder.category())
    name = presenter_prefix(block.text, builder.known_names())
    if name is None or _cited(read):
        return read
    rest = block.text.split(":", 1)[-1] if ":" in block.text else block.text.split("：", 1)[-1]
    cited = read_paper(rest, line=block.line, category=builder.category())
    if not _cited(cited) or cited is None:
        return read
    person = person_from(name)
    cited.paper = replace(cited.paper, raw=block.text, assignees=[person] if person else [])
    return cited


def _read_group(builder: _Builder, group: list[_Entry], role: str | None) -> None:
    blocks = [e.block for e in group]
    read_so_far: dict[int, PaperRead | None] = {}

    def read(index: int) -> PaperRead | None:
        """Each entry is read as a paper at most once, for the evidence and for the result."""
        if index not in read_so_far:
            read_so_far[index] = _assigned_paper(builder, blocks[index])
        return read_so_far[index]

    if _labelled_fields(blocks) or (
        role not in ("papers", "schedule") and _overview_fields(blocks)
    ):
        for entry in group:
            _keep_entry(builder, entry, entry.children)
        return
    talky = [_talk_evidence(builder, e, role, partial(read, i)) for i, e in enumerate(group)]
    if sum(1 for t in talky if t == 2) * 2 >= len(group):
        _talk_entries(builder, group)
        return
    reads = [read(i) for i in range(len(blocks))]
    evidence = [_paper_evidence(r) for r in reads]
    strong = sum(1 for e in evidence if e >= 2)
    titled = sum(1 for r in reads if _readable_paper(r))
    notes = builder.in_entry()  # the notes of one paper name others only with full evidence
    if strong * 2 >= len(blocks) or (
        not notes
        and (
            (role == "papers" and titled * 2 >= len(blocks))
            or (sum(1 for e in evidence if e >= 1) * 3 >= len(blocks) * 2 and titled == len(blocks))
        )
    ):
        _paper_entries(builder, group, reads)
        return
    if sum(1 for t in talky if t) * 2 >= len(group):
        _talk_entries(builder, group)
        return
    items = [clean(plain(e.block.text).text) for e in group]
    builder.doc.topics.append(
        TopicGroup(title=builder.category(), items=items, line=blocks[0].line)
    )
    for entry in group:
        _keep_entry(builder, entry, entry.children)
    builder.people += _repeated_speakers(group)


def _labelled_fields(blocks: list[Block]) -> bool:
    """Most items are lines whose label names a field ("Video:", "발표자: A"): the fields of
    an entry that no title names, not entries themselves."""
    return sum(1 for block in blocks if is_labelled(block.text)) * 2 > len(blocks)


def _overview_fields(blocks: list[Block]) -> bool:
    """Most items are "Label : value" lines with no link: facts about the group, not papers."""
    fields = sum(
        1
        for block in blocks
        if OVERVIEW_FIELD.match(clean(plain(block.text).text)) and not plain(block.text).links
    )
    return fields * 2 > len(blocks)


def _repeated_speakers(group: list[_Entry]) -> list[Person]:
    """ "Name: remark" written by the same name on several items names a person."""
    names: dict[str, int] = {}
    for entry in group:
        match = SPEAKER_PREFIX.match(clean(plain(entry.block.text).text))
        if match:
            names[match.group(1)] = names.get(match.group(1), 0) + 1
    vocabulary = {word for words in FIELD_LABELS.values() for word in words}
    return [
        Person(name=name) for name, count in names.items() if count >= 2 and name not in vocabulary
    ]


def _paper_entries(builder: _Builder, group: list[_Entry], reads: list[PaperRead | None]) -> None:
    builder.flush_raw()
    plist = builder.current_papers()
    for entry, read in zip(group, reads, strict=True):
        block = entry.block
        if read is None or not _readable_paper(read) or _field_line(block):
            for kept in (block, *entry.children):
                plist.unparsed.append(RawBlock(line=kept.line, text=kept.raw, role="unparsed"))
            builder.warn("unreadable-paper", "list item could not be read as a paper", block.line)
            continue
        if block.task:
            read.paper.checked = block.task == "x"
        children = entry.children
        cited = _citing_child(read.paper, children)
        if cited is not None:
            read.paper = _titled_by(read.paper, cited)
            children = children[1:]
        plist.papers.append(read.paper)
        builder.people += read.paper.assignees
        _paper_children(builder, read.paper, children)
        if "slides" in read.links:
            _presented_paper(builder, read)


def _citing_child(paper: Paper, children: list[Block]) -> Paper | None:
    """The first item under a paper named by its short name ("**AlexNet** (2012) [[paper](u)]")
    when it cites that paper in full: authors and a title of three words or more, and no
    link to another paper ('- Krizhevsky et al. "ImageNet Classification with …"')."""
    first = next((child for child in children if child.kind != "blank"), None)
    if first is None or first.kind != "item":
        return None
    found = read_paper(first.text, line=first.line, category=paper.category)
    if found is None or not found.paper.authors:
        return None
    child = found.paper
    other = child.url is not None and paper.url is not None and child.url != paper.url
    short = len(paper.title.split()) <= MAX_ALIAS_WORDS
    again = _squeezed(child.title).startswith(_squeezed(paper.title))  # the title, in full
    full = len(child.title.split()) >= MIN_FULL_TITLE_WORDS
    return child if full and (short or again) and not other else None


def _squeezed(title: str) -> str:
    return "".join(char for char in title.casefold() if char.isalnum())


def _titled_by(paper: Paper, cited: Paper) -> Paper:
    """A paper named by its short name, with the title and authors its citation gives."""
    return replace(
        paper,
        title=cited.title,
        authors=cited.authors,
        venue=paper.venue or cited.venue,
        year=paper.year or cited.year,
        url=paper.url or cited.url,
        arxiv=paper.arxiv or cited.arxiv,
        notes=[paper.title, *paper.notes, *cited.notes],
        raw=f"{paper.raw}\n{cited.raw}",
    )


def _field_line(block: Block) -> bool:
    """A "Video:" or "Presenter: A" line: a field of some entry, never a paper's title."""
    found = split_label(block.text)
    return found is not None and found.kind in ("presenters", "slides", "video", "date", "week")


def _paper_children(builder: _Builder, paper: Paper, children: list[Block]) -> None:
    """The items under a paper: papers of their own, or links and names that add to it, or
    lines kept as they are."""
    nested = any(child.kind == "item" for child in children)
    for sub in _entries(children) if nested else [_Entry(child) for child in children]:
        if sub.block.kind == "item" and _paper_item(sub.block):  # a paper under a paper
            found = read_paper(sub.block.text, line=sub.block.line, category=builder.category())
            _paper_entries(builder, [sub], [found])
            continue
        if sub.block.kind == "item" and _is_container(sub, among_papers=True):
            _read_entries(builder, [sub], "papers")  # a topic of papers under a paper
            continue
        for child in (sub.block, *sub.children):
            if not _attach(builder, paper, child):
                unread = RawBlock(line=child.line, text=child.raw, role="unparsed")
                builder.current_papers().unparsed.append(unread)


def _readable_paper(read: PaperRead | None) -> bool:
    """A title that reads as one, or a linked or dated title that asks a question."""
    if read is None or _paper_evidence(read) < 0:
        return False
    title = read.paper.title
    if looks_like_title(title):
        return True
    if _foreign_title(read):
        return True
    asks = title.rstrip().endswith(("?", "？")) and len(title.split()) <= MAX_TITLE_WORDS
    return asks and read.paper.url is not None and bool(TITLE_WORDS.search(title))


def _foreign_title(read: PaperRead) -> bool:
    """A title in a script without Latin words ("희소 라우팅 전문가 모델", "稀疏路由专家模型") whose
    item links a publication or names its venue and year: a paper, as a Latin one would be."""
    paper, title = read.paper, read.paper.title
    if TITLE_WORDS.search(title) or _is_sentence(title) or title.rstrip()[-1:] in FULL_STOPS:
        return False
    published = bool(paper.url and url_role(paper.url) == "paper") or bool(
        paper.venue and paper.year
    )
    return published and 2 <= len(title) <= 200


def _presented_paper(builder: _Builder, read: PaperRead) -> None:
    """A paper of a list that links its presentation is also a talk."""
    week, date = builder.week_and_date()
    talk = Talk(
        title=read.paper.title,
        slides=read.links.get("slides"),
        video=read.links.get("video"),
        week=week,
        date=date,
        line=read.paper.line,
    )
    builder.current_session().talks.append(talk)


def _attach(builder: _Builder, paper: Paper, block: Block) -> bool:
    """A nested item that adds to the paper above it: a link line or "Reviewer: name"."""
    inline = plain(block.text)
    text = clean(inline.text)
    found = field_of(text)
    if found and found[0] in ("presenters", "reviewers"):
        people = people_from(block.text.split(":", 1)[-1])
        paper.assignees += people
        builder.people += people
    elif inline.links:
        for link in inline.links:
            if paper.url is None and is_paper_url(link.url):
                paper.url = link.url
        paper.notes.append(text)
    else:
        return False
    paper.raw += "\n" + block.raw
    return True


def _talk_entries(builder: _Builder, group: list[_Entry]) -> None:
    builder.flush_raw()
    known = builder.known_names()
    for entry in group:
        builder.finish_talk()
        block = entry.block
        text = clean(plain(block.text).text)
        found = field_of(text)
        dated = found is not None and found[0] == "date"
        if dated or _is_sentence(text) or not (looks_like_title(text) or HANGUL.search(text)):
            _keep_entry(builder, entry, entry.children)
            continue
        builder.draft = talk_from_item(block.text, block.line, known)
        if not builder.draft.presenters:
            builder.draft.presenters = _group_mark(builder, block.text)
        for child in entry.children:
            _talk_child(builder, builder.draft, child)
    builder.finish_talk()


def _group_mark(builder: _Builder, text: str) -> list[Person]:
    """The members of a group named by a trailing mark ("`2팀`"), if the document defined it."""
    match = GROUP_MARK.search(text.split("\n", 1)[0])
    return list(builder.groups.get(normalized_label(match.group(1)), [])) if match else []


def _talk_child(builder: _Builder, draft: TalkDraft, child: Block) -> None:
    """A nested line of a talk: a labelled field, or links to its slides or video."""
    text = clean(plain(child.text).text)
    found = field_of(text)
    if found:
        value = child.text.split(":", 1)[-1] if ":" in child.text else found[1]
        draft.add_field(found[0], value, child.line, child.raw, builder.year_hint)
        return
    draft.raw.append(child.raw)
    for link in plain(child.text).links:
        kind = label_kind(link.text, LINK_LABELS) or "link"
        if kind in ("slides", "video") and getattr(draft, kind) is None and link.url:
            setattr(draft, kind, link.url)
        elif link.url:
            draft.links.setdefault(kind, link.url)
    names = _people_label(text)
    if names is not None:
        builder.people += people_from(names)


def _people_items(builder: _Builder, source: list[Block], items: list[Block]) -> None:
    for block in items:
        text = clean(plain(block.text).text)
        builder.people += people_from(_people_label(text) or text)  # "Members: A, B" names A, B
    for block in source:
        builder.keep_raw(block)


def _table(builder: _Builder, index: int) -> int:
    block = builder.blocks[index]
    if _table_rows(builder, block):
        return index + 1
    return _keep(builder, index)


def _table_rows(builder: _Builder, block: Block | HtmlTable) -> bool:
    """Add a table's talks or papers; False (its people noted) when it holds none."""
    builder.finish_talk()
    fields = field_table(block.rows)
    if fields is not None and _field_record(builder, fields, block):
        return True
    context = TableContext(year=builder.year_hint, category=builder.category(), role=builder.role())
    if isinstance(block, Block):
        read = read_table(block.rows, block.line, context)
    else:
        read = read_table(block.rows, block.lines[0], context, block.lines, block.continued)
    if read is None or read.kind == "people" or not (read.talks or read.papers):
        if read is not None:
            builder.people += read.people
        return False
    builder.flush_raw()
    if read.papers:
        builder.current_papers().papers.extend(read.papers)
    week, date = builder.week_and_date()
    for talk in read.talks:
        if talk.date is None and talk.week is None:  # a row with no time of its own
            talk.week, talk.date = week, date
        builder.add_talk(talk)
    builder.people += read.people
    return True


def _field_record(builder: _Builder, fields: list[str], block: Block | HtmlTable) -> bool:
    """A table of one entry's fields under its heading: the heading's paper or talk."""
    line = block.line if isinstance(block, Block) else block.lines[0]
    index = builder.index
    heading = _titled_heading(builder, index) if isinstance(block, Block) else None
    records = group_records([(line, text) for text in fields])
    if len(records) != 1 or not (heading or titled(records[0])):
        return False
    context = _record_context(builder, heading)
    entry = read_record(records[0], context)
    if entry is None:
        return False
    builder.flush_raw()
    if heading and builder.stack:
        builder.stack[-1].entry = True
    if isinstance(entry, Talk):
        builder.add_talk(entry)
    else:
        builder.current_papers().papers.append(replace(entry, line=line))
    return True


def _html(builder: _Builder, index: int) -> int:
    """An HTML line: a table or list read like its Markdown twin, a ``<summary>`` as the
    heading of the box it opens, else kept as it is."""
    end = _html_shape(builder, index)
    if end is not None:
        return end
    block = builder.blocks[index]
    summary = SUMMARY.match(block.text) if "summary" in block.text.lower() else None
    if summary is None or not clean(plain(summary.group("text")).text):
        return _keep(builder, index)
    # "<details><summary>Title</summary> … </details>": a folded section, one level below
    # the section it stands in (the summaries of its other boxes are its siblings)
    level = next(
        (
            min(section.label.heading.level + 1, 7)
            for section in reversed(builder.stack)
            if section.label.heading.line not in builder.summaries
        ),
        7,
    )
    builder.summaries.add(block.line)
    builder.add_heading(heading_from(summary.group("text"), level, block.line, "html"))
    return index + 1


def _html_shape(builder: _Builder, index: int) -> int | None:
    """The index after the HTML table or list opened at ``index`` when it was read, else None.

    A list is read as its Markdown twin is; a table when it yields talks or papers.
    """
    if builder.blocks[index].text[:1] != "<":
        return None  # no tag opens the line: the HTML reader is not even loaded
    from ._html import Shapes, opens_shape  # read on first use: start-up time

    shape = opens_shape(builder.blocks[index])
    if shape is None:
        return None
    if builder.html is None:
        builder.html = Shapes(builder.blocks)
    if shape == "list":
        items = builder.html.list_items(index)
        if items is None:
            return None
        _read_list(builder, builder.blocks[index : items[1]], items[0])
        return items[1]
    table = builder.html.table(index)
    if table is None or not _table_rows(builder, table[0]):
        return None
    return table[1]


HANDLERS = {
    "front_matter": _front_matter,
    "heading": _heading,
    "text": _text,
    "item": _item,
    "table": _table,
    "html": _html,
    "blank": _blank,
}


def _title(doc: StudyDocument, blocks: list[Block]) -> str | None:
    if doc.front_matter.get("title"):
        return doc.front_matter["title"]
    for block in blocks:
        if block.kind == "heading":
            return clean(plain(block.text).text)
        if block.kind == "text":
            return clean(plain(emphasis_label(block) or block.text).text)
    return None


def _count_diagnostics(doc: StudyDocument) -> None:
    headings = doc.headings
    paper_lines = sorted(p.line for p in doc.papers)
    talk_lines = sorted(t.line for t in doc.talks)
    for position, heading in enumerate(headings):
        if heading.count is None:
            continue
        end = next(
            (
                h.line
                for h in islice(headings, position + 1, None)
                if h.level <= heading.level and h.style == heading.style
            ),
            10**9,
        )
        found = bisect_left(paper_lines, end) - bisect_right(paper_lines, heading.line)
        if found == 0:
            end = _end_of_parts(headings, position)
            found = bisect_left(paper_lines, end) - bisect_right(paper_lines, heading.line)
        if found == 0:  # a counted schedule: its talks are the items
            found = bisect_left(talk_lines, end) - bisect_right(talk_lines, heading.line)
        if found != heading.count:
            doc.diagnostics.append(
                Diagnostic(
                    code="count-mismatch",
                    message=f"heading declares {heading.count} items, {found} found",
                    line=heading.line,
                )
            )


def _resolve_presenters(doc: StudyDocument) -> None:
    """Presenters named by handle or partly become the person the document knows in full."""
    index: dict[tuple[str, str], Person] = {}
    for known in doc.people:
        for key in _person_keys(known):
            index.setdefault(key, known)
    for talk in doc.talks:
        talk.presenters = [
            next((index[k] for k in _person_keys(p) if k in index), p) for p in talk.presenters
        ]


def _person_keys(person: Person) -> list[tuple[str, str]]:
    """The keys that identify a person: e-mail first, then handle, then name."""
    keys = [("email", person.email), ("handle", person.handle)]
    keys.append(("name", person.name) if not person.email else ("", None))
    return [(kind, value.casefold()) for kind, value in keys if kind and value]


def _end_of_parts(headings: list[Heading], position: int) -> int:
    """Where a total heading ("Paper List (21)") ends: after the counted headings that follow it.

    The parts are the headings right after it whose declared counts add up to at most its own.
    """
    total, declared = 0, headings[position].count or 0
    for after in islice(headings, position + 1, None):
        if after.count is None or total + after.count > declared:
            return after.line
        total += after.count
    return 10**9


def _duplicate_diagnostics(doc: StudyDocument) -> None:
    seen: dict[tuple[str, int | None], int] = {}
    for paper in doc.papers:
        key = (paper.title.casefold(), paper.year)
        if key in seen:
            doc.diagnostics.append(
                Diagnostic(
                    code="duplicate-paper",
                    message=f"paper {paper.title!r} already listed at line {seen[key]}",
                    line=paper.line,
                )
            )
        else:
            seen[key] = paper.line


def _weekday_year(blocks: list[Block]) -> int | None:
    """The year the document's weekdays pin its yearless dates to, when no heading names one
    first (a year a heading or the front matter names replaces it where it stands)."""
    texts = [block.text for block in blocks if block.kind in ("text", "item", "heading")]
    texts += [cell for block in blocks for row in block.rows for cell in row]
    return weekday_year(texts)


def _grouped_by(category: str | None) -> tuple[str | None, int | None]:
    """The venue and year a paper list's heading groups its papers by ("## CVPR 2021",
    "### 2020", "GEC Papers 2022"), for papers that name none; none for a term's heading
    ("2023 Spring", "2021년 1학기": when the group met), a month's ("2020-10": when they were
    read) or one naming several years."""
    text = clean(plain(category or "").text)
    years = set(YEAR_DIGITS.findall(text))
    if len(years) != 1 or TERM_WORDS.search(text) or find_date(text)[0] is not None:
        return None, None
    if YEAR_MONTH.search(text):
        return None, None  # "### 2020-10": the month the papers were read
    venue, year = venue_and_year(text)
    if venue is not None and year is not None and lookup(venue) is not None:
        return venue, year
    return None, int(years.pop())


def _prose_year(blocks: list[Block]) -> int | None:
    """The year the document names for dates written without one: the one its headings name
    ("## 2017 schedule"), else its paragraphs ("in the 2017 summer", "2023 秋季"), else the
    one its list items date the group's meetings by; None when they name none or several.

    Two years in a row ("2016.11 ~ 2017.02") are a study that ran over the new year: it
    began in the first, and its dates roll over from there."""
    for kind, year_of in (("heading", label_year), ("text", label_year), ("item", _item_year)):
        years = _years_named([block for block in blocks if block.kind == kind], year_of)
        if years is None or years:
            return min(years) if years and max(years) - min(years) <= 1 else None
    return None


def _years_named(blocks: list[Block], year_of: Callable[[str], int | None]) -> set[int] | None:
    """The years these blocks name, each by ``year_of``; None when one of them names years
    far apart ("Started in 2019, restarted in 2022": which one is not said)."""
    years: set[int] = set()
    for block in blocks:
        if not YEAR_DIGITS.search(block.text):
            continue
        text = clean(plain(block.text).text)
        written = {int(year) for year in YEAR_DIGITS.findall(text)}
        if len(written) > 1 and max(written) - min(written) > 1:
            return None
        year = year_of(text)
        years |= {year} if year is not None else set()
    return years


def _item_year(text: str) -> int | None:
    """The year a list item says the group met: a full date ("- Period: 2021.03.02 ~
    04.20") or a term ("- 2022 가을학기"). A bare year in an item is a paper's, not the
    group's, so it names none."""
    iso, year = find_date(text)
    if iso is not None:
        return year
    return label_year(text) if TERM_WORDS.search(text) else None


def build(blocks: list[Block]) -> StudyDocument:
    """The document a careful reader takes from these blocks."""
    builder = _Builder(blocks, year_hint=_weekday_year(blocks) or _prose_year(blocks))
    doc = builder.run()
    doc.title = _title(doc, blocks)
    doc.people = merge_people([p for p in builder.people if p.name or p.email])
    for paper_list in doc.paper_lists:
        venue, year = _grouped_by(paper_list.category)
        for paper in paper_list.papers:
            if paper.year is None and year is not None:
                paper.year, paper.inferred = year, [*paper.inferred, "year"]
            if paper.venue is None and venue is not None:
                paper.venue, paper.inferred = venue, [*paper.inferred, "venue"]
            if paper.year is None and (implied := arxiv_year(paper)) is not None:
                paper.year, paper.inferred = implied, [*paper.inferred, "year"]
    _resolve_presenters(doc)
    _count_diagnostics(doc)
    _duplicate_diagnostics(doc)
    doc.diagnostics.sort(key=lambda d: (d.line, d.column, d.code))
    return doc
