"""Outline stage: which blocks are headings (real or implied), and what each section holds.

Headings come in four forms: ATX/HTML/setext headings, lines that are all bold
or italic ("**Architecture**", "*2. Multi-bit Quantization* :"), week labels
("Week3: CPU/GPU acceleration (March 8, 2020)", "**8주차**") and, in a plain-text
copy of a rendered page, short lines standing alone between blank lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ._blocks import Block
from ._dates import DIGIT, find_date
from ._inline import clean, plain
from ._records import Heading, HeadingStyle
from ._regex import LazyPattern
from ._vocab import FIELD_LABELS, SECTION_ROLES, label_kind, mentions

#: "Papers (16)", "论文 [8]": a declared count; a year ("Word2Vec (2013)") is none.
COUNT = re.compile(r"(?<!\s)\s*[(\[（]\s*(?!(?:19|20)\d\d\b)(\d{1,4})\s*[)\]）]\s*$")
WEEK = re.compile(
    r"(?:\bweek|\bwk|\bW)\s*[-.#]?\s*(\d{1,3})\b|(\d{1,3})\s*(?:주차|주\b|회차|회\b)|第\s*(\d{1,3})\s*[周週次讲]|(?<![\w])W(\d{2})\b",
    re.IGNORECASE,
)
EMPHASIS_LINE = re.compile(r"^(\*\*|__|\*|_)(?P<text>[^*_].*?)\1\s*[:：]?\s*$")
FIELD_LINE = re.compile(r"^[*_]*(?P<label>[^:：*_]{1,30}?)[*_]*\s*[:：]\s*(?P<value>.*)$")
SENTENCE_END = LazyPattern(r"[.!?。]$|[다요죠]\.?$")
MAX_PLAIN_HEADING = 90
HEADING_NOTE = re.compile(r"[(（]([^()（）]{1,80})[)）]\s*$")
#: "## 3. Vision", "3.1 Detection", "II. Theory": the section's number before its name.
CATEGORY_PREFIX = re.compile(
    r"^(?:#+|\d{1,2}(?:\.\d{1,2}){1,3}\.?(?=\s)|\d{1,2}[.)]|[IVX]{1,4}\.)\s*(?=\S)"
)

TALK_FIELDS = ("presenters", "reviewers", "slides", "video", "date")


@dataclass(frozen=True, slots=True)
class Label:
    """A heading as the outline sees it, with the role its words give it."""

    heading: Heading
    role: str | None
    week: int | None
    date: str | None


def field_of(text: str) -> tuple[str, str] | None:
    """``("slides", "https://...")`` for a labelled line such as "PPT: https://..."."""
    if ":" not in text and "：" not in text:
        return None  # the common case, without the regex
    match = FIELD_LINE.match(text.strip())
    if not match:
        return None
    kind = label_kind(match.group("label"), FIELD_LABELS, TALK_FIELDS)
    return (kind, match.group("value").strip()) if kind else None


def week_of(text: str) -> int | None:
    """The week number a label names ("Week3", "3주차", "第3周", "W03")."""
    match = WEEK.search(text) if DIGIT.search(text) else None  # each form has a number
    if not match:
        return None
    return int(next(group for group in match.groups() if group))


def category_of(heading: str) -> str:
    """The category a heading names: no leading emoji, "#tag" mark or "2." number, no colon."""
    text = heading.lstrip()
    while text and (unicodedata.category(text[0])[0] == "S" or text[0] in "\u200d\ufe0f "):
        text = text[1:]
    text = CATEGORY_PREFIX.sub("", text, count=1).strip().rstrip(":：").strip()
    return text or heading


def role_of(text: str) -> str | None:
    """What a heading's words say its section holds (papers, schedule, people, resources)."""
    for role, words in SECTION_ROLES.items():
        if mentions(text, words):
            return role
    return None


def heading_from(text: str, level: int, line: int, style: HeadingStyle) -> Heading:
    """A Heading with its count ("Paper List (16)") split off and markup removed."""
    plain_text = clean(plain(text).text)
    count = None
    match = COUNT.search(plain_text)
    if match:
        count = int(match.group(1))
        plain_text = plain_text[: match.start()].rstrip()
    note = HEADING_NOTE.search(plain_text)
    return Heading(
        text=plain_text,
        level=level,
        line=line,
        count=count,
        note=note.group(1).strip() if note and note.start() else None,
        style=style,
    )


def emphasis_label(block: Block) -> str | None:
    """The text of a line that is all bold or italic, or None."""
    if block.kind != "text":
        return None
    match = EMPHASIS_LINE.match(block.text)
    if not match or "**" in match.group("text").strip("*"):
        return None
    return match.group("text")


def standalone(blocks: list[Block], index: int) -> bool:
    """True when the block has a blank line (or the edge of the text) before and after it."""
    before = index == 0 or blocks[index - 1].kind in ("blank", "heading", "rule")
    after = index + 1 >= len(blocks) or blocks[index + 1].kind in ("blank", "rule")
    return before and after


def plain_heading(blocks: list[Block], index: int) -> bool:
    """A short line alone between blank lines, read as a heading in a plain-text copy."""
    block = blocks[index]
    if block.kind != "text" or block.indent or not standalone(blocks, index):
        return False
    text = clean(plain(block.text).text)
    if not text or len(text) > MAX_PLAIN_HEADING or SENTENCE_END.search(text):
        return False
    return field_of(text) is None and "://" not in text


def label_for(heading: Heading, year: int | None = None) -> Label:
    """Role, week and date of a heading; ``year`` completes a month and day ("Week 5 (Feb 1)")."""
    date, _ = find_date(heading.text, year)
    week = week_of(heading.text)
    role = "schedule" if week is not None or date is not None else role_of(heading.text)
    return Label(heading, role, week, date)
