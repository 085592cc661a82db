"""Fields by content: what a piece of text is when no label says so.

A cell, a line or a parenthesis is a date, a week, a year, a venue with its year,
the names of one to four people, or a link to a paper, slides, a video or code,
by what it holds, in any language. The readers of each shape ask these questions
where a label is missing or unknown; the answers depend on the text alone.
"""

from __future__ import annotations

import re
from typing import Literal

from ._dates import MONTHS, find_date, full_year
from ._inline import Link, clean, plain
from ._regex import LazyPattern
from ._venues import lookup
from ._vocab import (
    CHINESE_SURNAMES,
    CODE_HOSTS,
    KOREAN_SURNAMES,
    KOREAN_VERB_ENDINGS,
    LINK_LABELS,
    LINK_WORDS,
    NOT_NAME_ENDINGS,
    NOT_NAMES,
    PAPER_HOSTS,
    SLIDES_HOSTS,
    VIDEO_HOSTS,
    is_placeholder,
    label_kind,
    normalized_label,
)

CellKind = Literal[
    "empty", "mark", "date", "week", "number", "year", "venue", "names", "links", "title"
]
LinkRole = Literal["paper", "slides", "video", "code"]

#: "3", "W03", "Week 3", "3주", "3주차", "第3周", "#3", "Session 3", "1회".
WEEK_CELL = LazyPattern(
    r"^(?:(?:week|wk|w|session|lecture|meeting|#|no\.?|第)\s*\d{1,3}(?:\s*[周週次回])?|\d{1,3}\s*(?:주차?|회차?|周|次|週|週目|回)"
    r"|\d{1,3})$",
    re.IGNORECASE,
)
#: Code hosts whose one-segment paths are people's pages.
PROFILE_HOSTS = frozenset({"github.com", "gitlab.com"})
YEAR_CELL = LazyPattern(r"^(?:19|20)\d{2}$")
SHORT_YEAR_CELL = LazyPattern(r"^['’](\d{2})$")
#: A year with its month and no day: "2019.03", "2019-3", "2019/03", "Mar 2019", "2019年3月".
YEAR_MONTH = LazyPattern(
    r"^(?:(?P<year>(?:19|20)\d{2})\s*[./-]\s*\d{1,2}|(?P<year2>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月"
    rf"|(?:{'|'.join(MONTHS)})\.?,?\s+(?P<year3>(?:19|20)\d{{2}}))$",
    re.IGNORECASE,
)
NUMBER_CELL = LazyPattern(r"^(?=\D*\d)[\d\s:.,/~+()%-]+$")
#: A venue and its year, in either order, glued or apart ("NeurIPS2019", "ICLR, 2018", "'19 CVPR").
VENUE_AND_YEAR = LazyPattern(
    r"^(?P<venue>[A-Za-z][\w&+.\- ]{0,40}?)[\s,'’]*(?P<year>(?:19|20)\d{2}|'\d{2})\.?$"
    r"|^(?P<year2>(?:19|20)\d{2})[\s,]+(?P<venue2>[A-Za-z][\w&+.\- ]{0,40})$"
)
#: A known venue with a two-digit year: "CVPR21", "AAAI-21", "ECCV 22".
SHORT_VENUE_YEAR = LazyPattern(r"^(?P<venue>[A-Za-z][A-Za-z&+.]{1,20}?)[ \-'’]?(?P<year>\d{2})$")
#: A two-digit year before a venue's name: "'14-ECCV", "15-CVPR", "'18 TPAMI".
YEAR_FIRST_VENUE = LazyPattern(
    r"^(?:['’](?P<year>\d{2})[\s\-–]?|(?P<year2>\d{2})['’]?[\-–])\s*"
    r"(?P<venue>[A-Za-z][A-Za-z&+.]{1,20})$"
)
#: The end of the Latin blocks with accented letters (Latin-1 to Extended-B), and the
#: block of Vietnamese letters.
LATIN_END = 0x250
LATIN_ADDITIONAL = (0x1E00, 0x1EFF)
#: A mark in a status column: ✅, ✓, O, X, ●.
MARK_CELL = LazyPattern(r"^[\W_]{1,3}$|^[oOxXvV]$")
#: One person's name, as study READMEs write it: Hangul or Han in two to four syllables
#: (perhaps spaced or masked), Japanese names, "Ann Lee", "J. Smith", a handle or an e-mail.
_CAPITAL = r"[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff]"  # accented capitals too
_LETTERS = r"[a-z\u00c0-\u024f\u1e00-\u1eff'’-]*"
PERSON_NAME = LazyPattern(
    r"^(?:[\uac00-\ud7af*](?:\s?[\uac00-\ud7af*]){1,3}"
    r"|[\u4e00-\u9fff\u3040-\u30ff](?:\s{0,2}[\u4e00-\u9fff\u3040-\u30ff]){1,4}"
    rf"|{_CAPITAL}{_LETTERS}\.?(?:[ -]{_CAPITAL}{_LETTERS}\.?){{0,2}}"
    r"|@[A-Za-z][\w-]{1,38}"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$"
)
#: Separators with their spaces; a match starts at the first space of a run (linear time).
NAME_SEPARATOR = LazyPattern(
    r"(?<!\s)\s*(?:[,，、;；/&·]|(?<=\s)and\b|(?<=\s)-(?=\s))\s*", re.IGNORECASE
)
#: One person's line ends at a line break or an HTML list's item (``<ul><li>``).
LINE_BREAK = LazyPattern(
    r"(?<!\s)\s*(?:(?:<br\s*/?>|</br>|</?(?:li|ul|ol)(?:\s[^<>]{0,200})?>)\s*)+"
    r"|(?<!\s)\s*\n\s*",
    re.IGNORECASE,
)
#: The number of an entry ("1. ", "2) ") at the start or after a space.
ENTRY_NUMBER = LazyPattern(r"(?:^|(?<=\s))\d{1,2}[.)]\s+")
NAME_NOTE = LazyPattern(r"(?<!\s)\s*[(（][^()（）]{0,40}[)）]\s*")
HONORIFIC = LazyPattern(
    r"^(?:dr|prof|mr|ms|mrs|drs|m\.?sc|msc|phd)\.?\s+|(?<!\s)\s*(?:님|씨|선생님|교수님|さん|先生)$",
    re.IGNORECASE,
)
MAX_PEOPLE = 4
#: Latin name words are short; a title word may be long ("Representations").
MAX_NAME_WORD = 14


def link_role(link: Link) -> LinkRole | None:
    """What a link points to (paper, slides, video, code): by its label, else its host and file."""
    kind = label_kind(link.text, LINK_LABELS) if link.text else None
    if kind == "url":
        return "paper"
    if kind in ("slides", "video", "code"):
        return kind  # type: ignore[return-value]
    return url_role(link.url)


def url_role(url: str) -> LinkRole | None:
    """What a URL points to by its host or file type alone."""
    lowered = url.lower()
    host = lowered.split("://", 1)[-1].split("/", 1)[0].removeprefix("www.")
    path = lowered.split("?", 1)[0].split("#", 1)[0]
    if _on(host, VIDEO_HOSTS) or "/zvideo/" in path:
        return "video"
    if (
        _on(host, SLIDES_HOSTS)
        or "/presentation/" in path
        or path.endswith((".ppt", ".pptx", ".key"))
    ):
        return "slides"
    if _on(host, PAPER_HOSTS) or path.endswith(".pdf"):
        return "paper"
    if _on(host, CODE_HOSTS):
        return "code"
    return None


def _on(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def person_names(text: str) -> list[str]:
    """The names of the people ``text`` is made of, or [] when it is not only names.

    Each line (or ``<br>``-separated part, or numbered entry "1. A 2. B") names one to
    four people.
    """
    names = []
    for line in _entries(text):
        plain_line = (
            clean(plain(line).text) if ("[" in line or "*" in line or "`" in line) else clean(line)
        )
        parts = [part for part in NAME_SEPARATOR.split(plain_line) if part and part.strip()]
        if len(parts) > MAX_PEOPLE:
            return []
        for part in parts:
            name = HONORIFIC.sub("", NAME_NOTE.sub(" ", part).strip()).strip()
            if not _is_name(name):
                return []
            names.append(name)
    return names


def _entries(text: str) -> list[str]:
    """The lines of a cell, each numbered entry ("1. A 2. B") on its own, numbers taken off."""
    entries = []
    for line in LINE_BREAK.split(text):
        parts = ENTRY_NUMBER.split(line) if line[:1].isdigit() or " " in line else [line]
        entries += [part for part in parts if part.strip()]
    return entries


def _is_name(name: str) -> bool:
    if not name or name in NOT_NAMES or not PERSON_NAME.match(name) or is_placeholder(name):
        return False
    words = name.replace("-", " ").split()
    initialled = any(len(word) == 2 and word.endswith(".") for word in words)  # "D. Manning"
    return all(
        len(word) <= MAX_NAME_WORD
        and (initialled or not (len(word) > 5 and word.lower().endswith(NOT_NAME_ENDINGS)))
        for word in words
    )


def person_shaped(name: str) -> bool:
    """Written as a person's name is ("Max Welling"), whatever its words end with."""
    return bool(name) and name not in NOT_NAMES and PERSON_NAME.match(name) is not None


def name_strength(name: str) -> int:
    """2 for a name no other word is shaped like, 1 for one that may be a word, 0 for none.

    Sure: a Korean or Chinese name that starts with a common surname, a masked name
    ("정*석"), "First Last" in Latin letters, a handle or an e-mail. Unsure: a
    single Latin word, or Hangul, Han or kana without a known surname.
    """
    if not _is_name(name):
        return 0
    if "@" in name or "*" in name:
        return 2
    squeezed = name.replace(" ", "")
    if not _latin(squeezed):
        return 2 if _surname_first(squeezed) else 1
    return 2 if len(name.split()) >= 2 else 1


def _latin(text: str) -> bool:
    """Latin letters only, accented ones too ("Veličković", "Nguyễn"): no Hangul, Han or kana."""
    return text.isascii() or all(
        ord(char) < LATIN_END or LATIN_ADDITIONAL[0] <= ord(char) <= LATIN_ADDITIONAL[1]
        for char in text
    )


def _surname_first(name: str) -> bool:
    """A Korean name of three or four syllables, or a Chinese one of two or three, by surname."""
    first = name[:1]
    if "\uac00" <= first <= "\ud7af":
        verb = name.endswith(KOREAN_VERB_ENDINGS)
        return first in KOREAN_SURNAMES and 3 <= len(name) <= 4 and not verb
    return first in CHINESE_SURNAMES and 2 <= len(name) <= 3


def is_date(text: str, year: int | None = None) -> bool:
    """A cell that is a date (and perhaps a weekday or time), not a title with a date in it."""
    text = clean(plain(text).text).strip("` ")
    if len(text) > 40 or not any(char.isdigit() for char in text):
        return False
    found, _ = find_date(text, year if year is not None else 2000)
    return found is not None and sum(char.isalpha() for char in text) <= 12


def year_of(text: str) -> int | None:
    """The year of a cell that is a year, a year and month, or a date."""
    text = clean(plain(text).text).strip("` ")
    if YEAR_CELL.match(text):
        return int(text)
    short = SHORT_YEAR_CELL.match(text)
    if short:  # "'17", "’98"
        return full_year(int(short.group(1)))
    month = YEAR_MONTH.match(text)
    if month:
        return int(month.group("year") or month.group("year2") or month.group("year3"))
    found = find_date(text)[1] if len(text) <= 40 else None
    return found


def venue_and_year(text: str) -> tuple[str | None, int | None]:
    """ "NeurIPS 2019", "ICLR,2018", "CVPR2016", "2020 ACL", "'14-ECCV" -> (venue, year); or
    a known venue."""
    text = clean(plain(text).text).strip(" .()[]")
    if YEAR_CELL.match(text):
        return None, int(text)
    match = VENUE_AND_YEAR.match(text) if len(text) <= 48 else None
    if match:
        venue = (match.group("venue") or match.group("venue2")).strip(" ,.'’-")
        year_text = (match.group("year") or match.group("year2")).lstrip("'")
        year = int(year_text) if len(year_text) == 4 else full_year(int(year_text))
        if lookup(venue) is not None or venue.isupper() or venue.lower() == "arxiv":
            return venue, year
    short = SHORT_VENUE_YEAR.match(text)
    if short and lookup(short.group("venue")) is not None:
        return short.group("venue"), full_year(int(short.group("year")))
    first = YEAR_FIRST_VENUE.match(text) if text[:1] in "'’0123456789" else None
    if first and (lookup(first.group("venue")) is not None or first.group("venue").isupper()):
        return first.group("venue"), full_year(int(first.group("year") or first.group("year2")))
    if lookup(text) is not None:
        return text, None
    return None, None


def cell_kind(markdown: str, year: int | None = None) -> CellKind:
    """What one table cell holds, by its content alone."""
    inline = plain(markdown)
    text = clean(inline.text).strip("` ")
    if is_placeholder(text) and not inline.links:
        return "empty"
    if MARK_CELL.match(text) and not inline.links:
        return "mark"
    if inline.links and _only_links(inline.text, inline.links):
        if all(_profile(link.url) for link in inline.links) and person_names(text):
            return "names"  # "[김준영](https://github.com/junyoung)": a member's profile
        return "title" if any(_titled(link) for link in inline.links) else "links"
    if YEAR_CELL.match(text) or YEAR_MONTH.match(text):
        return "year"
    if WEEK_CELL.match(text):
        return "week"
    if is_date(text, year):
        return "date"
    if NUMBER_CELL.match(text):
        return "number"
    if venue_and_year(text) != (None, None):
        return "venue"
    if person_names(markdown):
        return "names"
    return "title"


def _profile(url: str) -> bool:
    """A person's page on a code host ("https://github.com/someone"), or no address at all."""
    if not url:
        return True
    rest = url.lower().split("://", 1)[-1].removeprefix("www.")
    host, _, path = rest.partition("/")
    return host in PROFILE_HOSTS and path.strip("/").count("/") == 0 and bool(path.strip("/"))


def _only_links(text: str, links: tuple[Link, ...]) -> bool:
    """The text is its links and the separators between them."""
    rest = text
    for link in sorted(links, key=lambda link: link.start, reverse=True):
        rest = rest[: link.start] + rest[link.end :]
    return not rest.strip(" ,/|·()[]-–—\t")


def _titled(link: Link) -> bool:
    """A link whose label reads as a title, not as a resource ("[pdf]", "[B站]", a URL)."""
    label = link.text.strip()
    if link.image or len(label) < 3 or label.startswith("http") or link_role(link) == "video":
        return False
    return label_kind(label, LINK_LABELS) is None and not address_label(label)


def address_label(text: str) -> bool:
    """A link label that names an address ("Original Paper Link", "论文地址"), not a title."""
    words = normalized_label(text).split()
    return bool(words) and any(words[-1].endswith(word) for word in LINK_WORDS)
