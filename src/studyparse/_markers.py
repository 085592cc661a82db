"""Talks marked by what trails them: "Title (3/31, Name)", "8.6 -- : Name", "7.8 Name".

Outlines and plans often name the presenter (and the date) of an item only at its
end: in a trailing parenthesis, after a last colon or dash, or as the last word.
Such an item is read here into its title, the names, and the date text. Whether a
list holds talks is decided over all its items (``marked_list``): a bare trailing
word counts as a name only when the list repeats it, as presenters repeat.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ._content import is_date, name_strength, person_names
from ._inline import Link, clean, plain
from ._regex import LazyPattern
from ._vocab import is_placeholder

How = Literal["paren", "colon", "by", "trailing"]

#: A trailing "(…)" or "（…）", the last thing of the text.
TRAILING_PAREN = LazyPattern(r"[(（](?P<inner>[^()（）]{1,80})[)）]\s*$")
#: "Title : Name", "Title - Name", "Title – Name": the last separator of the text.
LAST_SEPARATOR = LazyPattern(r"(?<=\S)\s*(?:[:：]|\s[-–—])\s*(?P<names>[^:：\-–—]{1,60})$")
#: "Title by Name".
BY_NAME = LazyPattern(
    r"(?<=\S)\s+by\s+(?P<names>[^()]{2,60})$",
)
#: "7.9--7.13 Name": the last word, after a space.
LAST_WORD = LazyPattern(r"(?<=\S)\s+(?P<names>\S{1,12})$")
PART_SEPARATOR = LazyPattern(r"(?<!\s)\s*[,，、;；]\s*")
#: A parenthesis that holds only a handle or an e-mail address.
CONTACT = LazyPattern(r"^\s*(?:@[\w-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$")


@dataclass(frozen=True, slots=True)
class TalkMark:
    """An item's title with its marker taken off, the presenters' names and the date text."""

    title: str
    names: tuple[str, ...]
    date: str | None
    how: How


def talk_mark(markdown: str) -> TalkMark | None:
    """The presenter (and date) an item names at its end, or None."""
    text = clean(_without_resource_links(markdown))
    return _paren_mark(text) or _separator_mark(text)


def _without_resource_links(markdown: str) -> str:
    """The item's text without the links that follow its title ("[slide](…)", "[page](…)")."""
    inline = plain(markdown)
    kept = inline.text
    for link in sorted(inline.links, key=lambda link: link.start, reverse=True):
        if _trailing(inline.text, link):
            kept = kept[: link.start] + kept[link.end :]
    return kept.rstrip(" ,;:")


def _trailing(text: str, link: Link) -> bool:
    """A link after the item's words: a short label ("slide"), or after a colon or semicolon
    ("Title (Name): [Part I](…); [Part II](…)")."""
    before = text[: link.start].rstrip()
    return bool(before) and (len(link.text.split()) <= 2 or before.endswith((":", ";", "：")))


def _paren_mark(text: str) -> TalkMark | None:
    match = TRAILING_PAREN.search(text) if text.endswith((")", "）")) else None
    if match is None or not text[: match.start()].strip():
        return None
    if text[match.start() - 1 : match.start()].strip() and CONTACT.match(match.group("inner")):
        return None  # "Name(@handle)", "Name(a@b.org)": a contact, not a marker
    parts = [part for part in PART_SEPARATOR.split(match.group("inner").strip()) if part]
    dates = [part for part in parts if is_date(part)]
    names = [name for part in parts if part not in dates for name in person_names(part)]
    others = [part for part in parts if part not in dates and not person_names(part)]
    if not names or others or not all(name_strength(name) for name in names):
        return None
    title = text[: match.start()].rstrip(" -–—,:")
    return TalkMark(title, tuple(names), dates[0] if dates else None, "paren")


def _separator_mark(text: str) -> TalkMark | None:
    for pattern, how in ((LAST_SEPARATOR, "colon"), (BY_NAME, "by"), (LAST_WORD, "trailing")):
        match = pattern.search(text)
        if match is None:
            continue
        names = person_names(match.group("names"))
        title = text[: match.start()].strip()
        if title.endswith((",", "，", "、", "&", ";")):
            return None  # the end of a list of names, not a title and its presenter
        if names and title and all(name_strength(name) for name in names):
            if how == "trailing" and not _bare_name(names):
                continue
            return TalkMark(title, tuple(names), None, how)  # type: ignore[arg-type]
    return None


def _bare_name(names: list[str]) -> bool:
    """A last word that is a name in a script whose names are not words: Han or kana, or
    Hangul with a surname (a Hangul word of two or three syllables may be anything)."""
    if len(names) != 1 or names[0].isascii() or is_placeholder(names[0]):
        return False
    hangul = any("\uac00" <= char <= "\ud7af" for char in names[0])
    return not hangul or name_strength(names[0]) == 2


def marked_list(marks: list[TalkMark | None]) -> bool:
    """Whether a list's items are talks by their markers.

    Half the items (or all but groupings) carry one; a bare last word counts only
    when some of those words come again, as presenters do.
    """
    found = [mark for mark in marks if mark is not None]
    if len(found) < 2 or len(found) * 3 < len(marks):
        return False
    bare = [mark.names[0] for mark in found if mark.how == "trailing"]
    if bare and len(bare) * 2 >= len(found):
        counts = Counter(bare)
        repeated = sum(count for count in counts.values() if count > 1)
        return len(counts) >= 2 and repeated * 2 >= len(bare)
    return True
