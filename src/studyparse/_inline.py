"""Inline stage: a fragment of Markdown -> plain text and the links in it.

Link destinations are kept exactly as written (raw spaces and all), because
study READMEs link to files such as ``./MOPO/MOPO Model.md`` that a reader
follows even though CommonMark would not make them links. One linear pass;
brackets and parentheses are matched with a stack, never by backtracking.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ._regex import LazyPattern
from ._vocab import forget_labels

MAX_LABEL_DEPTH = 4
BARE_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+(?:\([^\s()]*\)[^\s<>()\[\]\"'`]*)*")
HTML_TAG = LazyPattern(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]{0,500})?/?>")
AUTOLINK = LazyPattern(r"<((?:https?|ftp|mailto):[^\s<>]*)>|<([^\s<>@]+@[^\s<>@]+\.[A-Za-z]{2,})>")
LINK_TITLE = LazyPattern(r"(?<!\s)\s+(\"[^\"]*\"|'[^']*')\s*$")
BREAK_TAGS = frozenset({"br", "li", "p", "div", "ul", "ol", "tr", "td", "th", "hr"})
SPACES = re.compile(r"[ \t\u00a0\u200b\u3000]+")
TRAILING_PUNCT = ".,;:!?"
#: Where the inline reader may have something to do; the text between two matches is plain.
INLINE_START = re.compile(r"[\\`\[<*_~]|!\[|https?://")
#: An escaped character or a bracket of either kind, in the order a left-to-right scan meets them.
BACKTICKS = re.compile(r"`+")
BRACKET_TOKEN = re.compile(r"\\[\s\S]|[\[\]()]")


@dataclass(frozen=True, slots=True)
class Link:
    """A link as a reader sees it: its label in plain text and where it points."""

    text: str
    url: str
    start: int
    end: int
    image: bool = False


@dataclass(frozen=True, slots=True)
class Inline:
    """Plain text of a fragment, with the span of each link inside that text."""

    text: str
    links: tuple[Link, ...]


def _match_pairs(src: str) -> tuple[dict[int, int], dict[int, int]]:
    """Map each opening ``[`` and ``(`` to its matching closing one (unescaped).

    Brackets and parentheses are matched independently, each with its own stack.
    """
    brackets: dict[int, int] = {}
    parens: dict[int, int] = {}
    open_brackets: list[int] = []
    open_parens: list[int] = []
    for token in BRACKET_TOKEN.finditer(src):
        char, index = token.group(), token.start()
        if char == "[":
            open_brackets.append(index)
        elif char == "]":
            if open_brackets:
                brackets[open_brackets.pop()] = index
        elif char == "(":
            open_parens.append(index)
        elif char == ")" and open_parens:
            parens[open_parens.pop()] = index
    return brackets, parens


class _InlineReader:
    def __init__(self, src: str, depth: int) -> None:
        self.src = src
        self.depth = depth
        self.out: list[str] = []
        self.links: list[Link] = []
        self._pairs: tuple[dict[int, int], dict[int, int]] | None = None
        self._measured = (0, 0)
        #: Backtick run length -> a position after which no run that long occurs.
        self._no_closer: dict[int, int] = {}

    def bracket_pairs(self) -> tuple[dict[int, int], dict[int, int]]:
        """Matching ``[]`` and ``()`` of the fragment, found the first time a link needs them."""
        if self._pairs is None:
            self._pairs = _match_pairs(self.src)
        return self._pairs

    def length(self) -> int:
        """Characters written so far; counted incrementally, so many links stay linear."""
        counted, total = self._measured
        total += sum(len(self.out[i]) for i in range(counted, len(self.out)))
        self._measured = (len(self.out), total)
        return total

    def read(self) -> Inline:
        src, index = self.src, 0
        while index < len(src):
            special = INLINE_START.search(src, index)
            if special is None:
                self.out.append(src[index:])
                break
            if special.start() > index:
                self.out.append(src[index : special.start()])
                index = special.start()
            char = src[index]
            if char == "\\" and index + 1 < len(src) and not src[index + 1].isalnum():
                self.out.append(src[index + 1])
                index += 2
            elif char == "`":
                index = self._code(index)
            elif char == "!" and src.startswith("![", index):
                index = self._link(index + 1, image=True)
            elif char == "[":
                index = self._link(index, image=False)
            elif char == "<":
                index = self._angle(index)
            elif char == "h" and src.startswith(("http://", "https://"), index):
                index = self._bare_url(index)
            elif char in "*_~":
                index = self._emphasis(index)
            else:
                self.out.append(char)
                index += 1
        return Inline("".join(self.out), tuple(self.links))

    def _code(self, index: int) -> int:
        run = BACKTICKS.match(self.src, index).end() - index  # type: ignore[union-attr]
        fence = "`" * run
        close = (
            -1
            if self._no_closer.get(run, len(self.src)) <= index
            else (self.src.find(fence, index + run))
        )
        if close == -1:
            self._no_closer[run] = index
            self.out.append(fence)
            return index + run
        self.out.append(self.src[index + run : close].strip())
        return close + run

    def _link(self, index: int, image: bool) -> int:
        brackets, parens = self.bracket_pairs()
        close = brackets.get(index)
        if close is None or close + 1 >= len(self.src) or self.src[close + 1] != "(":
            if image:
                self.out.append("!")
            self.out.append("[")
            return index + 1
        paren_close = parens.get(close + 1)
        if paren_close is None:
            self.out.append("[")
            return index + 1
        label_src = self.src[index + 1 : close]
        label = plain(label_src, self.depth + 1).text if self.depth < MAX_LABEL_DEPTH else label_src
        url = link_destination(self.src[close + 2 : paren_close])
        start = self.length()
        if not image:
            self.out.append(label)
        self.links.append(Link(label.strip(), url, start, self.length(), image))
        return paren_close + 1

    def _angle(self, index: int) -> int:
        auto = AUTOLINK.match(self.src, index)
        if auto:
            url = auto.group(1) or auto.group(2)
            start = self.length()
            self.out.append(url)
            self.links.append(Link(url, url, start, self.length()))
            return auto.end()
        tag = HTML_TAG.match(self.src, index)
        if tag:
            if tag.group(1).lower() in BREAK_TAGS:
                self.out.append(" ")
            return tag.end()
        self.out.append("<")
        return index + 1

    def _bare_url(self, index: int) -> int:
        match = BARE_URL.match(self.src, index)
        if not match:
            self.out.append("h")
            return index + 1
        url = match.group(0).rstrip(TRAILING_PUNCT)
        start = self.length()
        self.out.append(url)
        self.links.append(Link(url, url, start, self.length()))
        return index + len(url)

    def _emphasis(self, index: int) -> int:
        char = self.src[index]
        end = index
        while end < len(self.src) and self.src[end] == char:
            end += 1
        before = self.src[index - 1] if index else " "
        after = self.src[end] if end < len(self.src) else " "
        intraword = before.isalnum() and after.isalnum()
        flanking = not (before.isspace() and after.isspace())
        lone = self.src.find(char, end) == -1 and self.src.rfind(char, 0, index) == -1
        if (char == "_" or lone) and intraword:
            self.out.append(self.src[index:end])
        elif char == "~" and end - index == 1:
            self.out.append("~")
        elif not flanking:
            self.out.append(self.src[index:end])
        return end


def link_destination(inside: str) -> str:
    """The URL of ``(...)``: angle brackets removed, an optional quoted title dropped."""
    inside = inside.strip()
    if inside.startswith("<") and ">" in inside:
        return inside[1 : inside.index(">")]
    if '"' not in inside and "'" not in inside:
        return inside  # no quoted title to drop
    return LINK_TITLE.sub("", inside).strip()


#: The extraction rules look at the same fragment several times (as a paper, as a
#: talk, as a label), so ``plain`` and ``clean`` remember their recent answers; both
#: are pure and return immutable values.
CACHE_SIZE = 4096


@lru_cache(maxsize=CACHE_SIZE)
def clean(text: str) -> str:
    """Entities decoded, white space collapsed, line breaks turned into spaces."""
    text = html.unescape(text).replace("\u200b", "").replace("\ufeff", "").replace("\n", " ")
    if "  " in text or "\t" in text or "\u00a0" in text or "\u3000" in text:
        text = SPACES.sub(" ", text)  # otherwise every run of SPACES is one space already
    return text.strip()


@lru_cache(maxsize=CACHE_SIZE)
def plain(src: str, depth: int = 0) -> Inline:
    """Read a Markdown fragment into plain text (markup removed) and its links."""
    if INLINE_START.search(src) is None:
        return Inline(src, ())
    return _InlineReader(src, depth).read()


def forget_fragments() -> None:
    """Empty the memory of ``plain``, ``clean`` and label forms: each document starts afresh."""
    plain.cache_clear()
    clean.cache_clear()
    forget_labels()


def without_pictographs(text: str) -> str:
    """The text without the pictographs and spaces around it ("📄 Title", "🌱Ann", "Ann ✨");
    "" when it holds nothing else."""
    start, end = 0, len(text)
    while start < end and (_pictograph(text[start]) or text[start] == " "):
        start += 1
    while end > start and (_pictograph(text[end - 1]) or text[end - 1] == " "):
        end -= 1
    return text[start:end]


def _pictograph(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk", "Mn", "Cf")
