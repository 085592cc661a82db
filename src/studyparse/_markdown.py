"""Markdown writer: a ``StudyDocument`` -> canonical Markdown (the format is in docs/format.md).

A parsed document is written by re-laying out the text it was read from, block
by block, with the document saying what each block is: headings become ATX
headings with consistent levels and true counts, every list becomes a real
Markdown list (tab-indented items and ``•`` bullets included), paper items take
the canonical ``1. [Title](url), Venue, Year`` shape when that shape reads back
to the same paper and keeps every word, talk blocks take one shape, tables are
written as canonical pipe tables with every cell, and everything else (free
text, code, HTML, comments, what the parser did not understand) is written
back verbatim. A document built in code, which has no source text, is written
from its fields in reading order.

Both writers dispatch through mappings (block kind -> writer, layout kind ->
renderer), so adding a kind is adding an entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from ._blocks import Block, definition_end, indent_width, scan, split_cells, strip_quote
from ._inline import clean, plain
from ._outline import (
    COUNT,
    EMPHASIS_LINE,
    MAX_PLAIN_HEADING,
    SENTENCE_END,
    field_of,
    week_of,
)
from ._papers import read_paper
from ._records import (
    Heading,
    LayoutEntry,
    LayoutKind,
    Paper,
    PaperList,
    Person,
    RawBlock,
    Session,
    StudyDocument,
    Talk,
)
from ._regex import LazyPattern
from ._vocab import RENAMEABLE_LABELS

MAX_LEVEL = 6
#: Level of an implied heading (a bold or plain label line) that has no real heading above it.
IMPLIED_ROOT_LEVEL = 2
BULLET = "-"
TRAILING_HARD_BREAK = LazyPattern(r"\S {2,}$")
LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
URL_IN_TEXT = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
NON_WORD = re.compile(r"[^\w]+")
ORDERED_MARKER = re.compile(r"\d")
#: A setext underline of "=" (a "---" line is a thematic break block of its own).
SETEXT_EQUALS = LazyPattern(r"=+[ \t]*$")
#: Kept below a heading whose declared count is corrected, so the number written is not lost.
DECLARED_COUNT_NOTE = "<!-- declared count was {count} -->"
#: Any white space (the same characters as ``str.isspace``).
WHITE_SPACE = re.compile(r"\s")
#: Line starts that make a re-indented line something else (quote, heading, table, HTML).
REINDENT_UNSAFE = LazyPattern(r"[>#|<`~]|(?:[-*+•·▪◦‣●○]|\d{1,9}[.)])(?:\s|$)")

# -- words: what "no word lost" counts ------------------------------------------


def word_list(text: str) -> list[str]:
    """The words of ``text`` in order, as the no-word-lost check counts them.

    URLs are removed first; text is NFKC-folded and case-folded; words are runs of
    letters and digits of two characters or more; renameable field labels
    ("PPT", "Presenter", "pdf", ...) are not counted.
    """
    text = URL_IN_TEXT.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).casefold()
    words = NON_WORD.sub(" ", text).split()
    return [word for word in words if len(word) > 1 and word not in RENAMEABLE_LABELS]


def words_of(text: str) -> Counter[str]:
    """The words of ``text`` with their counts (see ``word_list``)."""
    return Counter(word_list(text))


def urls_of(text: str) -> Counter[str]:
    """The http(s) URLs written in ``text``."""
    return Counter(_url_list(text))


def _url_list(text: str) -> list[str]:
    return [match.rstrip(".,;:!?") for match in URL_IN_TEXT.findall(text)]


def keeps_everything(before: str, after: str) -> bool:
    """True when ``after`` has every word and every URL of ``before``."""
    if before == after:
        return True
    return _includes(word_list(after), word_list(before)) and _includes(
        _url_list(after), _url_list(before)
    )


def _includes(have: list[str], need: list[str]) -> bool:
    """True when ``have`` holds every item of ``need``, as many times (a multiset inclusion)."""
    counts = Counter(have)
    for item in need:
        if counts[item] <= 0:
            return False
        counts[item] -= 1
    return True


# -- canonical pieces shared by both writers ----------------------------------------


def escape(text: str) -> str:
    """One line of text with Markdown markup backslash-escaped and line breaks folded to spaces.

    A value written inline (a title, a name) can then never start a heading, a list item or a
    block of its own, whatever it holds.
    """
    return MARKDOWN_SPECIAL.sub(r"\\\1", LINE_BREAKS.sub(" ", text))


def _percent_encoded(match: re.Match[str]) -> str:
    from urllib.parse import quote  # only for a line break inside a URL: rare

    return quote(match.group(0))


def link_destination(url: str) -> str:
    """A link destination, in angle brackets when it has spaces or unbalanced parentheses."""
    url = LINE_BREAKS.sub(_percent_encoded, url)
    if WHITE_SPACE.search(url) or url.count("(") != url.count(")"):
        return f"<{url}>"
    return url


def paper_shapes(paper: Paper) -> list[str]:
    """Canonical item texts for ``paper``, the documented shape first, then fallbacks.

    ``Title, Venue, Year`` or ``[Title](url), Venue, Year``; authors follow in
    parentheses, ``Title, Venue, Year (A, B)``.
    """
    title = escape(paper.title)
    year, venue = _written_year(paper), _written_venue(paper)
    tail = [escape(part) for part in (venue, str(year) if year else None) if part]
    authors = f" ({', '.join(escape(name) for name in paper.authors)})" if paper.authors else ""
    if not paper.url:
        return [", ".join([title, *tail]) + authors]
    destination = link_destination(paper.url)
    return [
        ", ".join([f"[{title}]({destination})", *tail]) + authors,
        f"[{', '.join([title, *tail])}{authors}]({destination})",
    ]


def _written_year(paper: Paper) -> int | None:
    """The year as the README writes it: none when it is only implied."""
    return None if "year" in paper.inferred else paper.year


def _written_venue(paper: Paper) -> str | None:
    """The venue as the README writes it: none when only its heading implies it."""
    return None if "venue" in paper.inferred else paper.venue


def _paper_key(paper: Paper) -> tuple[str, list[str], str | None, int | None, str | None]:
    return paper.title, paper.authors, _written_venue(paper), _written_year(paper), paper.url


def reads_back(text: str, paper: Paper) -> bool:
    """True when the item text ``text`` is read as the same paper."""
    read = read_paper(text)
    return read is not None and _paper_key(read.paper) == _paper_key(paper)


def canonical_paper(paper: Paper, source: str | None = None) -> str | None:
    """The first canonical shape that reads back to ``paper`` and keeps every word of ``source``."""
    shapes = paper_shapes(paper)
    if source is not None and source == shapes[0]:
        return source  # written in the canonical shape already: nothing changes, nothing to prove
    for shape in shapes:
        if reads_back(shape, paper) and (source is None or keeps_everything(source, shape)):
            return shape
    return None


def count_suffix(text: str, count: int | None) -> str:
    """``text`` with its trailing declared count replaced by ``count`` (or left alone)."""
    if count is None:
        return text
    match = COUNT.search(text)
    if match is None:
        return text
    return f"{text[: match.start()].rstrip()} ({count})"


def heading_levels(headings: list[Heading]) -> list[int]:
    """Written levels: each heading one below its parent; roots keep their level (1-6).

    An implied heading with no real heading above it (the parser gives it level 7, so any
    real heading after it ends its section) is written at level 2, or at the level of the
    real heading that follows it when that is deeper: written higher, it would become that
    heading's parent when the output is read again.
    """
    levels: list[int] = []
    implied_roots: list[int] = []
    stack: list[tuple[int, int]] = []
    for index, heading in enumerate(headings):
        while stack and stack[-1][0] >= heading.level:
            stack.pop()
        if heading.style == "html":
            written = heading.level
        elif stack:
            written = min(stack[-1][1] + 1, MAX_LEVEL)
        elif heading.level <= MAX_LEVEL:
            written = heading.level
        else:
            written = IMPLIED_ROOT_LEVEL
            implied_roots.append(index)
        stack.append((heading.level, written))
        levels.append(written)
    following: int | None = None
    roots = set(implied_roots)
    for index in range(len(headings) - 1, -1, -1):
        if index in roots:
            levels[index] = max(levels[index], following or IMPLIED_ROOT_LEVEL)
        elif headings[index].level <= MAX_LEVEL:
            following = levels[index]
    return levels


def section_counts(doc: StudyDocument) -> dict[int, int]:
    """For each heading (by index) that declares a count, the items its section holds.

    Papers are counted; a section without papers counts its talks; a section
    with neither keeps its declared count.
    """
    papers: Counter[int] = Counter()
    talks: Counter[int] = Counter()
    stack: list[int] = []
    for entry in doc.layout:
        if entry.kind == "heading":
            level = doc.headings[entry.index].level
            while stack and doc.headings[stack[-1]].level >= level:
                stack.pop()
            stack.append(entry.index)
        elif entry.kind == "paper_list":
            for index in stack:
                papers[index] += len(doc.paper_lists[entry.index].papers)
        elif entry.kind == "session":
            for index in stack:
                talks[index] += len(doc.sessions[entry.index].talks)
    counts: dict[int, int] = {}
    for index, heading in enumerate(doc.headings):
        if heading.count is not None:
            counts[index] = papers[index] or talks[index] or heading.count
    return counts


def person_markdown(person: Person) -> str:
    """ "Name (email) (url)" as the people reader reads it back."""
    parts = [escape(person.name or "")]
    if person.email:
        parts.append(f"({person.email})")
    if person.url:
        parts.append(f"({person.url})")
    if person.handle and person.handle != person.name:
        parts.append(f"(@{person.handle})")
    return " ".join(part for part in parts if part)


# -- the writer for parsed documents: the source text, re-laid out -----------------


#: What a chunk is, as far as joining chunks goes: a paragraph line written as it was
#: ("prose"), an HTML line, a thematic break, a talk block, a heading, or anything else.
ChunkRole = Literal["prose", "html", "rule", "talk", "heading", "other"]


@dataclass(frozen=True, slots=True)
class _Chunk:
    """Text written for source lines ``start``..``end``; adjacent ``flow`` chunks stay together.

    ``hard_break``: the line ended in a hard line break, kept when the next line of the
    same paragraph follows it in the output.
    """

    text: str
    start: int
    end: int
    flow: bool = False
    role: ChunkRole = "other"
    hard_break: bool = False


@dataclass(slots=True)
class _Node:
    block: Block
    children: list[_Node] = field(default_factory=list)


BlockWriter = Callable[["_SourceWriter", int], tuple[_Chunk, int]]


def _html_runs(blocks: list[Block]) -> set[int]:
    """Lines of the blocks that follow an HTML line with no blank line between.

    CommonMark reads them as part of the HTML block (up to the next blank line), so they
    are written as they are, against it: a heading or a list there is not one, and a
    fence is not a code block.
    """
    lines: set[int] = set()
    after_html = False
    for block in blocks:
        if block.kind == "blank" or block.quote:
            after_html = False
        elif after_html:
            lines.add(block.line)
        elif block.kind == "html":
            after_html = True
    return lines


class _SourceWriter:
    """Walks the source blocks; the document says which are headings, papers and talks."""

    def __init__(self, doc: StudyDocument, text: str) -> None:
        self.doc = doc
        self.blocks = scan(text)
        levels = heading_levels(doc.headings)
        counts = section_counts(doc)
        self.headings = {
            heading.line: (heading, levels[index], counts.get(index))
            for index, heading in enumerate(doc.headings)
        }
        self.papers = {paper.line: paper for paper in doc.papers}
        self.talks = {talk.line: talk for talk in doc.talks if talk.raw}
        self.html_shapes = _shape_regions(self.blocks)
        #: Lines of the talk blocks written so far as a title and bullets.
        self.talk_lines: set[int] = set()
        self.in_html = _html_runs(self.blocks)
        self.labels_as_written = self._labels_kept_as_written()

    def kind_of(self, index: int) -> str:
        block = self.blocks[index]
        if block.kind == "blank":
            return "blank"
        if index in self.html_shapes:
            return "html_shape"
        if block.quote or block.line in self.in_html:
            return "verbatim"
        if block.kind in ("heading", "text") and block.line in self.headings:
            return "heading"
        if block.kind == "heading":
            return "verbatim"  # a heading the document does not list is not ours to rewrite
        if block.kind == "text" and definition_end(self.blocks, index) > index:
            return "definitions"
        if block.kind == "text" and block.line in self.talks:
            return "talk"
        if block.kind == "text" and self.starts_indented_code(index):
            return "indented_code"
        return block.kind if block.kind in BLOCK_WRITERS else "verbatim"

    def starts_indented_code(self, index: int) -> bool:
        """A line indented four columns or more where no paragraph goes on: after a blank
        line, a heading (not an HTML one, which goes on as HTML), a thematic break, a
        fenced block or front matter. CommonMark makes it an indented code block."""
        if self.blocks[index].indent < 4:
            return False
        if index == 0:
            return True
        before = self.blocks[index - 1]
        return before.kind in ("blank", "rule", "code", "front_matter") or (
            before.kind == "heading" and before.marker != "html"
        )

    def _labels_kept_as_written(self) -> set[int]:
        """Lines of the label lines (implied headings) written as they are, not as ATX.

        A label is kept when the line below it would read differently under an ATX
        heading (``above_setext_text``, ``above_label``), and then so are the labels
        beside it, under the same heading: an ATX heading among them would become the
        parent of the ones after it when the output is read again.
        """
        index_of = {block.line: index for index, block in enumerate(self.blocks)}
        groups: dict[int, list[int]] = {}
        stack: list[tuple[int, int]] = []
        for number, heading in enumerate(self.doc.headings):
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            index = index_of.get(heading.line)
            if heading.style in ("bold", "plain") and index is not None:
                groups.setdefault(stack[-1][1] if stack else -1, []).append(index)
            stack.append((heading.level, number))
        kept: set[int] = set()
        for members in groups.values():
            if any(self.above_setext_text(i) or self.above_label(i) for i in members):
                kept.update(self.blocks[i].line for i in members)
        return kept

    def above_setext_text(self, index: int) -> bool:
        """True when the next line is text directly above a line of ``=``: the parser reads
        the two as text only because a text line precedes them."""
        after = self.blocks[index + 1 : index + 3]
        return (
            len(after) == 2
            and all(block.kind == "text" and not block.quote for block in after)
            and after[0].line == self.blocks[index].end + 1
            and after[1].line == after[0].end + 1
            and SETEXT_EQUALS.match(after[1].text) is not None
        )

    def above_label(self, index: int) -> bool:
        """True when the next line, directly below and written as a paragraph line, would
        read differently below an ATX heading: indented four columns or more (a code block
        there), or a short line with a week number, which the outline reads as a heading
        when it stands alone ("Week 1 (2021.03.01)")."""
        if index + 1 >= len(self.blocks):
            return False
        below = self.blocks[index + 1]
        if self.kind_of(index + 1) != "text" or below.line != self.blocks[index].end + 1:
            return False
        if below.indent:
            return below.indent >= 4
        text = clean(plain(below.text).text)
        return (
            week_of(text) is not None  # the output has a heading, so only a week label is one
            and len(text) <= MAX_PLAIN_HEADING
            and SENTENCE_END.search(text) is None
            and field_of(text) is None
            and "://" not in text
        )

    def in_indented_code(self, block: Block) -> bool:
        return (
            block.kind in ("text", "item")
            and block.indent >= 4
            and not block.quote
            and block.line not in self.headings
            and block.line not in self.talks
        )

    def render(self) -> str:
        chunks: list[_Chunk] = []
        index = 0
        while index < len(self.blocks):
            block = self.blocks[index]
            if block.kind == "blank":
                index += 1
                continue
            chunk, index = BLOCK_WRITERS[self.kind_of(index)](self, index)
            chunks.append(chunk)
        self.blocks = []  # not needed to join the chunks: on a large README, let them go first
        return join_chunks(chunks)

    # -- helpers for the block writers --

    def list_run_end(self, index: int) -> int:
        """Index after the list run at ``index``: items, blanks between them, indented lines."""
        end = index
        while end < len(self.blocks):
            block = self.blocks[end]
            if block.quote:
                break
            if block.kind == "item" or (block.kind == "blank" and self._item_follows(end)):
                end += 1
            elif block.kind == "text" and block.indent and self.blocks[end - 1].kind != "blank":
                if block.line in self.headings or block.line in self.talks:
                    break
                end += 1
            else:
                break
        return end

    def inside_other_content(self, start: int, end: int) -> bool:
        """True when the list run sits among indented paragraphs or code of an outer item.

        Such a list is part of a structure the writer does not model (an item
        with several paragraphs, a fenced block under an item); re-indenting it
        would change what belongs to what, so it is written as it is.
        """
        before = next(
            (self.blocks[i] for i in range(start - 1, -1, -1) if self.blocks[i].kind != "blank"),
            None,
        )
        after = next(
            (
                self.blocks[i]
                for i in range(end, len(self.blocks))
                if self.blocks[i].kind != "blank"
            ),
            None,
        )
        return any(
            block is not None
            and block.kind != "item"
            and block.raw[:1] in (" ", "\t")
            and block.line not in self.talk_lines  # a talk's field, written as a bullet
            for block in (before, after)
        )

    def _item_follows(self, index: int) -> bool:
        for position in range(index + 1, len(self.blocks)):
            block = self.blocks[position]
            if block.kind != "blank":
                return block.kind == "item" and not block.quote
        return False

    def item_lines(self, block: Block) -> list[str]:
        """An item's lines: the canonical paper shape when safe, else the item as written."""
        paper = self.papers.get(block.line)
        if paper is not None and _holds(block.text, paper):
            shape = canonical_paper(paper, block.text)
            if shape is not None:
                return [shape]
        return block.text.split("\n") if block.text else [""]


def _holds(text: str, paper: Paper) -> bool:
    """The item holds the paper's title itself (not an alias whose full title stands below)."""
    read = read_paper(text)
    return read is not None and read.paper.title == paper.title


def _write_heading(writer: _SourceWriter, index: int) -> tuple[_Chunk, int]:
    block = writer.blocks[index]
    heading, level, count = writer.headings[block.line]
    if heading.style == "html":
        return _Chunk(block.raw.strip(), block.line, block.end, role="heading"), index + 1
    if block.kind == "text" and block.line in writer.labels_as_written:
        # A label line written as an ATX heading would leave the line below it standing
        # alone under a heading, where the parser may read it as a heading of its own.
        return _Chunk(block.raw.rstrip(), block.line, block.end, flow=True), index + 1
    inline = block.text.strip()
    if block.kind == "text":
        inline = _heading_label(inline)
    text = "#" * level + " " + count_suffix(inline, count)
    if (
        count is not None
        and heading.count is not None
        and count != heading.count
        and COUNT.search(inline)
    ):
        text += "\n\n" + DECLARED_COUNT_NOTE.format(count=heading.count)
    return _Chunk(text, block.line, block.end, role="heading"), index + 1


def _heading_label(text: str) -> str:
    """A bold or ``*italic*`` label line without its emphasis; ``_`` emphasis is kept.

    Underscores count as word characters in the no-word-lost check, so
    ``_Label_`` keeps them; the heading reads the same either way.
    """
    label = EMPHASIS_LINE.match(text)
    if label is None or label.group(1).startswith("_") or "**" in label.group("text").strip("*"):
        return text
    return label.group("text").strip()


def _write_list(writer: _SourceWriter, index: int) -> tuple[_Chunk, int]:
    end = writer.list_run_end(index)
    first, last = writer.blocks[index], writer.blocks[end - 1]
    if writer.inside_other_content(index, end):
        raw = "\n".join(block.raw for block in writer.blocks[index:end])
        text = "\n".join(line.rstrip() for line in raw.split("\n"))
        return _Chunk(text, first.line, last.end, flow=True), end
    # The top level is every item at the run's least indentation, as the parser reads it:
    # an item indented more than that belongs to the one above it, even when the run
    # starts with it (a tab-indented list, then a bullet at the margin).
    base = min(block.indent for block in writer.blocks[index:end] if block.kind == "item")
    roots: list[_Node] = []
    stack: list[tuple[int, _Node]] = []
    lines: list[str] = []
    for block in writer.blocks[index:end]:
        if block.kind == "blank":
            continue
        node = _Node(block)
        if block.kind != "item":
            (stack[-1][1].children if stack else roots).append(node)
            continue
        if block.indent <= base or not stack:
            roots.append(node)
            stack = [(block.indent, node)]
            continue
        while len(stack) > 1 and stack[-1][0] >= block.indent:
            stack.pop()
        stack[-1][1].children.append(node)
        stack.append((block.indent, node))
    _write_siblings(writer, roots, 0, lines)
    return _Chunk("\n".join(lines), first.line, last.end), end


@dataclass(slots=True)
class _Siblings:
    """The nodes of one list level as they are written: where the walk is, and the marker
    of each item in turn."""

    nodes: list[_Node]
    indent: int
    markers: list[str]
    position: int = 0
    item: int = 0


def _siblings(writer: _SourceWriter, nodes: list[_Node], indent: int) -> _Siblings:
    """The markers of a level's items: each run of numbered or of bulleted items (a change
    of kind starts a new list in CommonMark) is written numbered when it was numbered or
    holds papers (two, or one that is the run's only item), else with ``-``; numbering
    starts where the run's first item did and goes on across runs that are both written
    numbered (CommonMark joins them)."""
    runs: list[tuple[bool, list[_Node]]] = []
    for node in nodes:
        if node.block.kind != "item":
            continue
        numbered = ORDERED_MARKER.match(node.block.marker) is not None
        if runs and runs[-1][0] == numbered:
            runs[-1][1].append(node)
        else:
            runs.append((numbered, [node]))
    markers: list[str] = []
    number: int | None = None
    for numbered, run in runs:
        papers = sum(node.block.line in writer.papers for node in run)
        # one paper among several items is a record of labelled fields, not a list of papers
        if not (numbered or papers >= 2 or (papers == 1 and len(run) == 1)):
            markers += [BULLET] * len(run)
            number = None
            continue
        if number is None:
            number = run[0].block.ordinal or 1
        for _ in run:
            markers.append(f"{number}.")
            number += 1
    return _Siblings(nodes, indent, markers)


def _write_siblings(
    writer: _SourceWriter, nodes: list[_Node], indent: int, lines: list[str]
) -> None:
    """Each item, then its nested items under it: depth first, with a stack of levels
    rather than recursion, since a list may nest thousands of levels deep."""
    stack = [_siblings(writer, nodes, indent)]
    while stack:
        level = stack[-1]
        if level.position == len(level.nodes):
            stack.pop()
            continue
        node = level.nodes[level.position]
        level.position += 1
        block = node.block
        pad = " " * level.indent
        if block.kind != "item":
            text = block.text.strip()
            lines.append(block.raw.rstrip() if REINDENT_UNSAFE.match(text) else pad + text)
            continue
        marker = level.markers[level.item]
        level.item += 1
        content = writer.item_lines(block)
        if block.task:
            content = [f"[{block.task}] {content[0]}".rstrip(), *content[1:]]
        inner = level.indent + len(marker) + 1
        lines.append(f"{pad}{marker} {content[0]}".rstrip())
        lines += [" " * inner + line for line in content[1:]]
        if node.children:
            stack.append(_siblings(writer, node.children, inner))


def _write_table(writer: _SourceWriter, index: int) -> tuple[_Chunk, int]:
    block = writer.blocks[index]
    return _Chunk(canonical_table(block), block.line, block.end), index + 1


def canonical_table(block: Block) -> str:
    """A pipe table with outer pipes, one space around each cell and every cell kept."""
    header, *rows = block.rows
    delimiter_line = strip_quote(block.raw.split("\n")[1])[0]
    aligns = [_alignment(cell) for cell in split_cells(delimiter_line)]
    aligns += ["---"] * (len(header) - len(aligns))
    lines = [_table_row(header), _table_row(tuple(aligns[: len(header)]), escape_pipes=False)]
    lines += [_table_row(row) for row in rows]
    return "\n".join(lines)


def _alignment(cell: str) -> str:
    cell = cell.strip()
    left, right = cell.startswith(":"), cell.endswith(":") and len(cell) > 1
    return (":" if left else "") + "---" + (":" if right else "")


def _table_row(cells: tuple[str, ...], escape_pipes: bool = True) -> str:
    written = [cell.strip().replace("|", "\\|") if escape_pipes else cell for cell in cells]
    return "| " + " | ".join(written) + " |"


def _write_talk(writer: _SourceWriter, index: int) -> tuple[_Chunk, int]:
    block = writer.blocks[index]
    talk = writer.talks[block.line]
    # Each line of the talk's text is one member, once: a later line that repeats one (the
    # next talk's title, say) is not taken.
    raw_lines = Counter(talk.raw.split("\n"))
    raw_lines[block.raw if raw_lines[block.raw] else block.text] -= 1
    members = [block]
    end = index + 1
    scan_at = end
    while scan_at < len(writer.blocks):
        candidate = writer.blocks[scan_at]
        if candidate.kind == "blank":
            scan_at += 1
            continue
        if candidate.kind not in ("text", "item") or candidate.quote:
            break
        line = candidate.raw if raw_lines[candidate.raw] > 0 else candidate.text
        if raw_lines[line] <= 0:
            break
        if candidate.line in writer.headings or candidate.line in writer.talks:
            break
        raw_lines[line] -= 1
        members.append(candidate)
        scan_at += 1
        end = scan_at
    if talk.title and talk.title not in clean(plain(block.text).text):
        # The title stands elsewhere (the heading above): the first line is a field, and
        # written as a title line it would name a different talk.
        writer.talk_lines.update(member.line for member in members)
        return _verbatim_lines(writer.blocks[index:end], dedent=True), end
    following = writer.blocks[end] if end < len(writer.blocks) else None
    if (
        following is not None
        and following.line == members[-1].end + 1
        and writer.kind_of(end) in ("text", "verbatim")
    ):
        # A line of text (or HTML) right below: as bullets, the talk would take it into
        # its last bullet, or leave it standing alone; kept as written, it reads as it did.
        return _verbatim_lines(writer.blocks[index:end]), end
    fields = [member.text.strip() for member in members[1:]]
    writer.talk_lines.update(member.line for member in members)
    return _Chunk(
        talk_markdown(talk_title_line(block.text), fields),
        block.line,
        members[-1].end,
        role="talk",
    ), end


def _verbatim_lines(blocks: list[Block], *, dedent: bool = False) -> _Chunk:
    """Blocks written as they are: trailing white space removed but hard line breaks kept,
    blank lines between them one each; ``dedent``: each line's indentation removed too."""
    lines: list[str] = []
    for block in blocks:
        if block.kind == "blank":
            if lines and lines[-1]:
                lines.append("")
            continue
        raw = block.raw.split("\n")
        lines += [line.lstrip(" \t") for line in raw] if dedent else raw
    written = [
        line.rstrip()
        + (
            "  "
            if TRAILING_HARD_BREAK.search(line) and lines[number + 1 : number + 2] != [""]
            else ""
        )
        for number, line in enumerate(lines[:-1])
    ]
    last = lines[-1]
    written.append(last.rstrip())
    hard_break = TRAILING_HARD_BREAK.search(last) is not None
    return _Chunk(
        "\n".join(written),
        blocks[0].line,
        blocks[-1].end,
        flow=True,
        role="prose",
        hard_break=hard_break,
    )


def talk_markdown(title_line: str, fields: list[str]) -> str:
    """A talk block: the bold title line, then one bullet per field."""
    items = ["- " + field.replace("\n", "\n  ") for field in fields]
    return "\n\n".join([title_line, "\n".join(items)]) if items else title_line


def talk_title_line(text: str) -> str:
    """A talk's title line in bold, unless bold would change how it reads or drop markup."""
    core = text.strip()
    label = EMPHASIS_LINE.match(core)
    inner = label.group("text").strip() if label else core
    if any(char in inner for char in "*_`<") or not inner:
        return core
    bold = f"**{inner}**"
    return bold if clean(plain(bold).text) == clean(plain(inner).text) else core


def _write_text(writer: _SourceWriter, index: int) -> tuple[_Chunk, int]:
    block = writer.blocks[index]
    hard_break = TRAILING_HARD_BREAK.search(block.raw) is not None
    chunk = _Chunk(
        block.raw.rstrip(), block.line, block.end, flow=True, role="prose", hard_break=hard_break
    )
    return chunk, index + 1


def _write_definitions(writer: _SourceWriter, index: int) -> tuple[_Chunk, int]:
    """A definition list (a term, then ``: `` lines) exactly as written: kramdown reads it so."""
    end = definition_end(writer.blocks, index)
    first, last = writer.blocks[index], writer.blocks[end - 1]
    text = "\n".join(block.raw for block in writer.blocks[index:end])
    return _Chunk(text, first.line, last.end, flow=True), end


def _write_indented_code(writer: _SourceWriter, index: int) -> tuple[_Chunk, int]:
    """An indented code block, blank lines inside it included, exactly as written."""
    end = index + 1
    scan_at = end
    while scan_at < len(writer.blocks):
        block = writer.blocks[scan_at]
        if block.kind != "blank" and not writer.in_indented_code(block):
            break
        scan_at += 1
        if block.kind != "blank":
            end = scan_at
    first, last = writer.blocks[index], writer.blocks[end - 1]
    text = "\n".join(block.raw for block in writer.blocks[index:end])
    return _Chunk(text, first.line, last.end), end


def _write_rule(writer: _SourceWriter, index: int) -> tuple[_Chunk, int]:
    block = writer.blocks[index]
    rule = block.raw.strip() if "_" in block.raw else "---"
    return _Chunk(rule, block.line, block.end, role="rule"), index + 1


def _write_html_shape(writer: _SourceWriter, index: int) -> tuple[_Chunk, int]:
    """An HTML table or list, every line as written (only trailing space removed), blank lines
    inside it included: what was read from it is not rewritten, and its end stays where it was.
    """
    end = writer.html_shapes[index]
    lines = []
    for block in writer.blocks[index:end]:
        raw = block.raw if block.kind == "code" else block.raw.rstrip()
        lines += [line if block.kind == "code" else line.rstrip() for line in raw.split("\n")]
    first, last = writer.blocks[index], writer.blocks[end - 1]
    return _Chunk("\n".join(lines), first.line, last.end, flow=True), end


def _write_verbatim(writer: _SourceWriter, index: int) -> tuple[_Chunk, int]:
    block = writer.blocks[index]
    flow = block.kind in ("html", "comment") or (bool(block.quote) and block.kind != "code")
    text = (
        block.raw
        if block.kind in ("code", "front_matter")  # YAML keeps its spaces, byte for byte
        else "\n".join(line.rstrip() for line in block.raw.split("\n"))
    )
    html = block.kind == "html" or block.line in writer.in_html
    role: ChunkRole = "html" if html and not block.quote else "other"
    return _Chunk(text, block.line, block.end, flow=flow, role=role), index + 1


#: How each kind of source block is written.
BLOCK_WRITERS: dict[str, BlockWriter] = {
    "heading": _write_heading,
    "item": _write_list,
    "table": _write_table,
    "talk": _write_talk,
    "definitions": _write_definitions,
    "text": _write_text,
    "rule": _write_rule,
    "indented_code": _write_indented_code,
    "html_shape": _write_html_shape,
    "verbatim": _write_verbatim,
}


def touching(previous: _Chunk, chunk: _Chunk) -> bool:
    """Whether two chunks are written on adjacent lines, with no blank line between them.

    Flowing lines that were adjacent stay adjacent. So does a paragraph line and what it
    touched: with a blank line put between them it would stand alone, and a short line
    standing alone is a heading to the parser (in a plain-text copy, or with a week
    number), so a second run would read what the first did not. Not a thematic break
    (a line above one would become a setext heading), nor a line after a heading (a blank
    line changes nothing there) or after a talk block (it would join the last bullet).
    Whatever follows an HTML line stays against it too: CommonMark reads it as part of
    the HTML block, up to the next blank line (a fence there is not a code block).
    """
    if chunk.start != previous.end + 1:
        return False
    if (previous.flow and chunk.flow) or previous.role == "html":
        return True
    if previous.role == "prose":
        return chunk.role != "rule"
    if chunk.role == "prose":
        return previous.role not in ("rule", "heading", "talk")
    return False


def _blank_lines_kept(previous: _Chunk, chunk: _Chunk) -> int:
    """One blank line between chunks, or, between two lines indented four columns or
    more, as many as the source had: CommonMark counts them inside an indented code
    block."""
    last = previous.text.rsplit("\n", 1)[-1]
    first = chunk.text.split("\n", 1)[0]
    if indent_width(last) >= 4 and indent_width(first) >= 4 and last.strip() and first.strip():
        return max(1, chunk.start - previous.end - 1)
    return 1


def join_chunks(chunks: Iterable[_Chunk]) -> str:
    """Chunks separated by one blank line, or by none where they touch (``touching``).

    A hard line break is kept where the next line of its paragraph follows it.
    """
    out: list[str] = []
    previous: _Chunk | None = None
    for chunk in chunks:
        if previous is not None:
            if not touching(previous, chunk):
                out.append("\n" * (1 + _blank_lines_kept(previous, chunk)))
            elif previous.hard_break and chunk.role == "prose":
                out.append("  \n")
            else:
                out.append("\n")
        out.append(chunk.text)
        previous = chunk
    out.append("\n")
    text = "".join(out)  # the final newline joined in, not added to a copy of the whole
    if text[:1] == "\n" or text.endswith("\n\n"):  # a chunk began or ended with a newline
        text = text.strip("\n")
        return text + "\n" if text else ""
    return text


# -- the writer for documents built in code: the fields, in reading order -----------

Renderer = Callable[["_ModelWriter", int], list[str]]


@dataclass
class _ModelWriter:
    doc: StudyDocument
    levels: list[int] = field(default_factory=list)
    counts: dict[int, int] = field(default_factory=dict)
    last_heading: str | None = None
    level: int = 1

    def render(self) -> str:
        self.levels = heading_levels(self.doc.headings)
        self.counts = section_counts(self.doc)
        parts: list[str] = []
        written = _front_matter_end(self.doc)
        for entry in self.doc.layout:
            if entry.kind in ("session", "paper_list") and 0 < _line_of(self.doc, entry) <= written:
                continue  # read from the front matter, which is written as it is
            parts += RENDERERS[entry.kind](self, entry.index)
        members = self.unmentioned_people()
        if members:
            parts.append("Members: " + ", ".join(person_markdown(person) for person in members))
        text = "\n\n".join(part for part in parts if part)
        return text + "\n" if text else ""

    def section_heading(self, title: str | None) -> list[str]:
        """A heading for a list or session whose title no heading above has written."""
        if not title or title == self.last_heading:
            return []
        self.last_heading = title
        return ["#" * min(self.level + 1, MAX_LEVEL) + " " + escape(title)]

    def unmentioned_people(self) -> list[Person]:
        """People the talk blocks do not already name with all that is known of them."""
        named = [p for talk in self.doc.talks for p in talk.presenters]
        return [person for person in self.doc.people if person.name and person not in named]


def _front_matter_end(doc: StudyDocument) -> int:
    """The last line of a leading ``---`` front matter kept as a raw block, else 0."""
    first = doc.layout[0] if doc.layout else None
    if first is None or first.kind != "raw":
        return 0
    block = doc.blocks[first.index]
    if block.line != 1 or not block.text.startswith("---"):
        return 0
    return block.text.count("\n", 0, _closing_fence(block.text)) + 1


def _closing_fence(text: str) -> int:
    """Where the line that closes a front matter ends (the second ``---`` or ``...``)."""
    lines = text.split("\n")
    offset = len(lines[0]) + 1
    for line in lines[1:]:
        if line.strip() in ("---", "..."):
            return offset
        offset += len(line) + 1
    return len(text)


def _line_of(doc: StudyDocument, entry: LayoutEntry) -> int:
    if entry.kind == "session":
        return doc.sessions[entry.index].line
    return doc.paper_lists[entry.index].line


def _render_heading(writer: _ModelWriter, index: int) -> list[str]:
    heading = writer.doc.headings[index]
    level = writer.levels[index]
    count = writer.counts.get(index)
    writer.last_heading = heading.text
    writer.level = level
    suffix = f" ({count})" if count is not None else ""
    return ["#" * level + " " + escape(heading.text) + suffix]


def _render_paper_list(writer: _ModelWriter, index: int) -> list[str]:
    plist: PaperList = writer.doc.paper_lists[index]
    parts = writer.section_heading(plist.category)
    items: list[Paper | RawBlock] = [*plist.papers, *plist.unparsed]
    if all(item.line for item in items):
        items.sort(key=lambda item: item.line)
    lines = []
    number = 1
    for item in items:
        if isinstance(item, Paper):
            lines.append(f"{number}. {canonical_paper(item) or paper_shapes(item)[-1]}")
            number += 1
        else:
            lines.append(item.text)
    parts.append("\n".join(lines))
    return parts


def talk_block(talk: Talk) -> str:
    """A talk as a bold title line and one bullet per field."""
    title = escape(talk.title or (talk.paper.title if talk.paper else "") or "Untitled")
    presenters = ", ".join(person_markdown(person) for person in talk.presenters) or "-"
    fields = [f"Presenter: {presenters}"]
    fields += [f"Date: {talk.date}"] if talk.date else []
    fields += [f"Slides: {talk.slides}"] if talk.slides else []
    fields += [f"Video: {talk.video}"] if talk.video else []
    block = talk_markdown(f"**{title}**", fields)
    extra = [f"[{escape(label)}]({link_destination(url)})" for label, url in talk.links.items()]
    return block + ("\n\n" + " ".join(extra) if extra else "")


def _render_session(writer: _ModelWriter, index: int) -> list[str]:
    session: Session = writer.doc.sessions[index]
    title = session.title or (f"Week {session.week}" if session.week is not None else None)
    parts = writer.section_heading(title)
    parts += [talk_block(talk) for talk in session.talks]
    parts += [raw.text for raw in session.unparsed]
    return parts


def _render_raw(writer: _ModelWriter, index: int) -> list[str]:
    block: RawBlock = writer.doc.blocks[index]
    return [block.text.strip("\n")]


#: How each kind of layout entry is written when there is no source text.
RENDERERS: dict[LayoutKind, Renderer] = {
    "heading": _render_heading,
    "paper_list": _render_paper_list,
    "session": _render_session,
    "raw": _render_raw,
}


def to_markdown(doc: StudyDocument) -> str:
    """The document as canonical Markdown (see docs/format.md)."""
    if doc.source_text is not None:
        return _SourceWriter(doc, doc.source_text).render()
    return _ModelWriter(doc).render()


def _shape_regions(blocks: list[Block]) -> dict[int, int]:
    """The HTML tables and lists of ``blocks`` (see ``_html.shape_regions``); the HTML
    reader is loaded only when a line opens with a tag."""
    if not any(block.text[:1] == "<" for block in blocks):
        return {}
    from ._html import shape_regions  # read on first use: start-up time

    return shape_regions(blocks)
