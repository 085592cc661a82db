"""Block stage: text -> a flat list of typed blocks, each with its line numbers and raw text.

Study READMEs are read the way a person reads them, not the way CommonMark
renders them: a tab-indented numbered list is a list (CommonMark would make it a
code block), a plain-text copy of a rendered page is lines, and every block
keeps the exact source lines it came from so nothing is ever lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from ._regex import LazyPattern

BlockKind = Literal[
    "blank", "heading", "item", "text", "table", "code", "comment", "html", "rule", "front_matter"
]

TAB_WIDTH = 4
MAX_QUOTE_DEPTH = 32

ATX_HEADING = re.compile(r"(#{1,6})(?:[ \t]+|(?=[^#\s]))(.*?)(?:[ \t]+#+)?[ \t]*$")
HTML_HEADING = LazyPattern(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>\s*$", re.IGNORECASE)
THEMATIC_BREAK = re.compile(r"(?:\*[ \t]*){3,}$|(?:-[ \t]*){3,}$|(?:_[ \t]*){3,}$")
SETEXT_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*$")
#: A list marker: a bullet, a number of 1-9 digits with "." or ")" (as CommonMark allows), or
#: a bare number before a capitalised word ("12 Title"), as a plain-text copy of a rendered
#: numbered list shows it (see ``_list_marker`` for bare numbers of more than three digits).
LIST_MARKER = re.compile(r"([-*+•·▪◦‣●○]|\d{1,9}[.)]|\d{1,9}(?=[ \t]+[A-Z\[“\"*_`]))(?:[ \t]+|$)")
#: A bare number of more digits than this ("2019 Spring Seminar") is a year or a count
#: more often than an item: it starts an item only when it continues the numbering of the
#: item just before it (item 999, then "1000 Title").
BARE_NUMBER_DIGITS = 3
FENCE = LazyPattern(r"(`{3,}|~{3,})")
#: Spaces after the last cell belong to it; the optional final pipe takes its own (no overlap).
TABLE_DELIMITER = LazyPattern(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$")
HTML_LINE = LazyPattern(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
#: No-break spaces (as word processors and web pages paste them) read as plain spaces.
READ_AS_SPACE = {ord(char): " " for char in "\u00a0\u2007\u202f"}
LEADING_SPACE = re.compile(r"[ \t\u00a0\u3000]*")
INDENT_CHARS = frozenset(" \t\u00a0\u3000")
QUOTE_PREFIX = LazyPattern(r"[ \t]{0,3}>[ \t]?")
#: What splits or escapes table cells: an escaped pipe, a backtick, a pipe.
CELL_TOKEN = LazyPattern(r"\\\||[`|]")


@dataclass(frozen=True, slots=True)
class Block:
    """A run of source lines with one role; ``line`` and ``end`` are 1-based and inclusive."""

    kind: BlockKind
    line: int
    end: int
    raw: str
    text: str = ""
    indent: int = 0
    marker: str = ""
    level: int = 0
    quote: int = 0
    rows: tuple[tuple[str, ...], ...] = field(default=())
    #: A task-list item's box: "x" when checked, " " when open, "" for any other block.
    task: str = ""

    @property
    def ordinal(self) -> int | None:
        """The number of a numbered list item (``3.`` gives 3)."""
        digits = self.marker.rstrip(".)")
        return int(digits) if digits.isdigit() else None


def indent_width(text: str) -> int:
    """Columns of leading white space, tabs counted to the next multiple of four."""
    if text[:1] not in INDENT_CHARS:
        return 0
    lead = LEADING_SPACE.match(text).group()  # type: ignore[union-attr]
    if "\t" not in lead:
        return len(lead)
    width = 0
    for char in lead:
        width += TAB_WIDTH - width % TAB_WIDTH if char == "\t" else 1
    return width


def strip_quote(line: str) -> tuple[str, int]:
    """Remove block-quote markers; return the content and the quote depth."""
    if ">" not in line[:4]:
        return line, 0  # the common case, without a regex: a marker is within 3 columns
    depth = 0
    while depth < MAX_QUOTE_DEPTH:
        match = QUOTE_PREFIX.match(line)
        if not match:
            break
        line = line[match.end() :]
        depth += 1
    return line, depth


def split_cells(row: str) -> tuple[str, ...]:
    """Split a table row on unescaped pipes outside code spans; outer pipes are optional."""
    cells: list[str] = []
    current: list[str] = []
    in_code = False
    start = 0
    for token in CELL_TOKEN.finditer(row):
        current.append(row[start : token.start()])
        start = token.end()
        if token.group() == "\\|":
            current.append("|")
        elif token.group() == "`":
            in_code = not in_code
            current.append("`")
        elif in_code:
            current.append("|")
        else:
            cells.append("".join(current))
            current = []
    current.append(row[start:])
    cells.append("".join(current))
    stripped = row.strip()
    if stripped.startswith("|") and cells:
        cells = cells[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|") and cells:
        cells = cells[:-1]
    return tuple(cell.strip() for cell in cells)


class _Scanner:
    """One pass over the lines; each ``_take_*`` method consumes a block or returns None."""

    def __init__(self, text: str, original: str | None = None) -> None:
        self.lines = _lines(text)
        # The same text (the common case: nothing to read as a space, already NFC) is
        # split once: a second list of its lines would be as large as the first.
        same = original is None or original is text
        self.source_lines = self.lines if same else _lines(original)  # type: ignore[arg-type]
        if len(self.source_lines) != len(self.lines):
            self.source_lines = self.lines
        self.pos = 0
        self.blocks: list[Block] = []
        #: The number of the numbered item before the current line (blank lines between
        #: allowed), or None: a bare number that continues it starts an item too.
        self.ordinal_before: int | None = None

    def read(self, start: int, end: int) -> str:
        """Lines ``start``..``end`` as read (NFC)."""
        return "\n".join(self.lines[start:end])

    def raw(self, start: int, end: int) -> str:
        """Lines ``start``..``end`` as written."""
        return "\n".join(self.source_lines[start:end])

    def run(self) -> list[Block]:
        self._take_front_matter()
        lines = self.lines
        while self.pos < len(lines):
            line = lines[self.pos]
            if not line.strip():  # the commonest block, decided at once
                self._emit("blank", self.pos, self.pos + 1)
                continue
            # Each taker is tried only where its block can start; the line is the fallback.
            content, quote = strip_quote(line)
            opening = content.lstrip()
            if opening.startswith(("```", "~~~")) and self._take_fence(content, quote):
                continue
            if opening.startswith("<!--") and self._take_comment(quote):
                continue
            if "|" in content and self._take_table(content, quote):
                continue
            self._take_line(content, quote)
        return self.blocks

    def _emit(self, kind: BlockKind, start: int, end: int, **fields: object) -> bool:
        line = start + 1
        # A one-line block's end is its line: the same int object, not a second one.
        block = Block(kind, line, line if end == line else end, self.raw(start, end), **fields)  # type: ignore[arg-type]
        self.blocks.append(block)
        if kind != "blank":
            self.ordinal_before = block.ordinal if kind == "item" else None
        self.pos = end
        return True

    def _take_front_matter(self) -> None:
        if not self.lines or self.lines[0].strip() != "---":
            return
        for end in range(1, len(self.lines)):
            if self.lines[end].strip() in ("---", "..."):
                body = self.read(1, end)
                self._emit("front_matter", 0, end + 1, text=body)
                return

    def _take_fence(self, content: str, quote: int) -> bool:
        match = FENCE.match(content.lstrip())
        if not match:
            return False
        fence = match.group(1)
        for end in range(self.pos + 1, len(self.lines)):
            inner, _ = strip_quote(self.lines[end])
            if inner.strip().startswith(fence) and not inner.strip().strip(fence[0]):
                body = self.read(self.pos + 1, end)
                return self._emit("code", self.pos, end + 1, text=body, quote=quote)
        single = content.strip()
        if len(single) > 2 * len(fence) and single.endswith(fence):
            return False  # an inline ```code``` span on one line, not a fence
        return self._emit(
            "code", self.pos, len(self.lines), text=self.read(self.pos + 1, len(self.lines))
        )

    def _take_comment(self, quote: int) -> bool:
        for end in range(self.pos, len(self.lines)):
            if "-->" in self.lines[end]:
                tail = self.lines[end].split("-->", 1)[1]
                if not tail.strip():
                    return self._emit("comment", self.pos, end + 1, quote=quote)
                return False
        return self._emit("comment", self.pos, len(self.lines), quote=quote)

    def _take_table(self, content: str, quote: int) -> bool:
        """A table whose header row ``content`` (which holds a "|") the next line delimits."""
        if self.pos + 1 >= len(self.lines):
            return False
        delimiter, _ = strip_quote(self.lines[self.pos + 1])
        if "-" not in delimiter or not TABLE_DELIMITER.match(delimiter.strip()):
            return False
        if "|" not in delimiter and content.count("|") == 0:
            return False
        end = self.pos + 2
        while end < len(self.lines):
            row, _ = strip_quote(self.lines[end])
            if not row.strip() or "|" not in row:
                break
            end += 1
        rows = [
            split_cells(strip_quote(self.lines[i])[0])
            for i in range(self.pos, end)
            if i != self.pos + 1
        ]
        return self._emit("table", self.pos, end, rows=tuple(rows), quote=quote)

    def _take_line(self, content: str, quote: int) -> bool:
        indent = indent_width(content)
        body = content.strip()
        start = self.pos
        if indent < 4 or not self.blocks or self.blocks[-1].kind in ("blank", "heading"):
            heading = ATX_HEADING.match(body) if indent < 4 and body[:1] == "#" else None
            if heading and heading.group(2).strip():
                level = len(heading.group(1))
                return self._emit(
                    "heading", start, start + 1, text=heading.group(2), level=level, quote=quote
                )
        html_heading = HTML_HEADING.match(body) if body[:2] in ("<h", "<H") else None
        if html_heading:
            level = int(html_heading.group(1))
            return self._emit(
                "heading",
                start,
                start + 1,
                text=html_heading.group(2),
                level=level,
                marker="html",
                quote=quote,
            )
        first = body[:1]
        if first in BREAK_CHARS and indent < 4 and THEMATIC_BREAK.match(body):
            return self._emit("rule", start, start + 1, quote=quote)
        item = _list_marker(body, self.ordinal_before)
        if item:
            return self._take_item(item, body, indent, quote)
        if first == "<" and (
            HTML_LINE.fullmatch(body) or (HTML_LINE.match(body) and body.endswith(">"))
        ):
            return self._emit("html", start, start + 1, text=body, indent=indent, quote=quote)
        if self._is_setext(start):
            level = 1 if self.lines[start + 1].strip().startswith("=") else 2
            return self._emit(
                "heading", start, start + 2, text=body, level=level, marker="setext", quote=quote
            )
        return self._emit("text", start, start + 1, text=body, indent=indent, quote=quote)

    def _is_setext(self, start: int) -> bool:
        if start + 1 >= len(self.lines) or (
            self.blocks and self.blocks[-1].kind in ("text", "item")
        ):
            return False
        underline = self.lines[start + 1].strip()
        if not underline or not SETEXT_UNDERLINE.match(underline):
            return False
        return underline.startswith("=") or len(underline) >= 3

    def _take_item(self, item: re.Match[str], body: str, indent: int, quote: int) -> bool:
        start = self.pos
        digits = item.group(1).rstrip(".)")
        ordinal = int(digits) if digits.isdigit() else None
        parts = [body[item.end() :].strip()]
        end = start + 1
        while end < len(self.lines):
            content, inner_quote = strip_quote(self.lines[end])
            stripped = content.strip()
            if (
                not stripped
                or inner_quote != quote
                or not self._continues(content, indent, ordinal)
            ):
                break
            parts.append(stripped)
            end += 1
        marker = item.group(1)
        box = TASK_BOX.match(parts[0])
        task = ""
        if box:
            task = "x" if box.group(1).strip() else " "
            parts[0] = parts[0][box.end() :]
        return self._emit(
            "item",
            start,
            end,
            text="\n".join(parts),
            indent=indent,
            marker=marker,
            quote=quote,
            task=task,
        )

    @staticmethod
    def _continues(content: str, item_indent: int, ordinal: int | None = None) -> bool:
        """A following line continues an item (numbered ``ordinal``) when it starts no block
        of its own."""
        stripped = content.strip()
        first = stripped[:1]
        if _list_marker(stripped, ordinal) or (first == "#" and ATX_HEADING.match(stripped)):
            return False
        if stripped.startswith(("```", "~~~", "|", "<", ">")):
            return False
        if first in BREAK_CHARS and THEMATIC_BREAK.match(stripped):
            return False
        indent = indent_width(content)
        if first == ":" and stripped[1:2] in ("", " ", "\t") and indent < 4:
            return False  # a definition list's next definition (kramdown), not this item's text
        return indent > item_indent or not LABEL_START.match(stripped)


LABEL_START = LazyPattern(r"[^\s:：]{1,24}[ \t]*[:：]")
#: The characters a thematic break or a bullet starts with; numbered items start with a digit.
BREAK_CHARS = frozenset("*-_")
BULLET_CHARS = frozenset("-*+•·▪◦‣●○")


def _list_marker(body: str, ordinal_before: int | None = None) -> re.Match[str] | None:
    """``LIST_MARKER.match(body)``, with the regex skipped for lines that cannot start an item.

    A bare number of more than ``BARE_NUMBER_DIGITS`` digits starts an item only when it
    is ``ordinal_before + 1``: the next item of the numbered list just before. A bullet
    glued to a task box ("-[x]Title") starts an item too, as its author meant.
    """
    first = body[:1]
    if first in BULLET_CHARS:
        return LIST_MARKER.match(body) or (GLUED_TASK.match(body) if body[1:2] == "[" else None)
    if not first.isdigit():
        return None
    match = LIST_MARKER.match(body)
    if match is None:
        return None
    marker = match.group(1)
    bare = len(marker) > BARE_NUMBER_DIGITS and marker[-1] not in ".)"
    if bare and (ordinal_before is None or int(marker) != ordinal_before + 1):
        return None
    return match


#: "[x] ", "[ ]", "[X]", "[✓]" opening a list item's text.
TASK_BOX = LazyPattern(r"\[([ xX✓✔])\][ \t]*")
#: A bullet written against its task box: "-[x]Title", "*[ ] Title".
GLUED_TASK = LazyPattern(r"([-*+])(?=\[[ xX✓✔]\])")


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def scan(text: str, original: str | None = None) -> list[Block]:
    """Split LF-normalized text into blocks that together cover every line exactly once.

    ``text`` is read as a person reads it (a no-break space is a space); each block's
    ``raw`` comes from the same lines of ``original`` (by default ``text`` itself, say
    before Unicode normalization), so raw text stays verbatim.
    """
    # Most texts hold none of these; ``translate`` with a table visits every character.
    spaced = any(chr(code) in text for code in READ_AS_SPACE)
    read = text.translate(READ_AS_SPACE) if spaced else text
    source = text if original is None else original
    if len(text) <= REMEMBERED_SIZE:
        return list(_scan_remembered(read, None if source == read else source))
    return _Scanner(read, source).run()


#: Normalizing scans the same text twice (to read it and to write it back), so the
#: blocks of the last two texts up to this many characters are remembered.
REMEMBERED_SIZE = 1_000_000


@lru_cache(maxsize=2)
def _scan_remembered(text: str, original: str | None) -> tuple[Block, ...]:
    return tuple(_Scanner(text, original).run())


#: Columns a definition's ``:`` may be indented by (four would make it code).
MAX_MARKER_INDENT = 3


def is_definition(block: Block) -> bool:
    """A line that starts a definition: ``:`` then a space, indented three columns at most."""
    text = block.text
    return (
        block.kind == "text"
        and not block.quote
        and block.indent <= MAX_MARKER_INDENT
        and text[:1] == ":"
        and (len(text) == 1 or text[1] in " \t")
    )


def definition_end(blocks: list[Block], index: int) -> int:
    """The index after the definition list whose term is ``blocks[index]``; ``index`` if none.

    The term is a line of text right above a definition. The list goes on over
    further definitions, lines indented under them, and single blank lines that
    another definition follows.
    """
    term = blocks[index]
    following = index + 1
    if (
        term.kind != "text"
        or term.indent
        or term.quote
        or following >= len(blocks)
        or not is_definition(blocks[following])
        or is_definition(term)
    ):
        return index
    end = position = following
    while position < len(blocks):
        block = blocks[position]
        if is_definition(block) or (
            block.kind in ("text", "item") and block.indent and not block.quote
        ):
            position = end = position + 1
        elif (
            block.kind == "blank"
            and position + 1 < len(blocks)
            and is_definition(blocks[position + 1])
        ):
            position += 1
        else:
            break
    return end
