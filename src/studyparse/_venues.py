"""The venue knowledge base (``data/venues.json``): recognise venues as READMEs write them.

``lookup`` answers "is this a name of a known venue?" exactly (ignoring case and
punctuation); the parser uses it to tell a venue from a title fragment.
``resolve`` reads a whole venue string for an exporter: a name or alias, a
citation container ("Proceedings of the 25th ... (ASPLOS)", "arXiv preprint
arXiv:1602.02830"), a misspelling of a known name ("ASLOPS"), or an unknown
venue whose wording says its kind ("... Symposium on ...").

Misspellings: a written name matches a known name when both are at least four
letters long, start with the same letter, and either hold the same letters in
another order within two edits (a swapped or moved letter: "ASLPOS", "ASLOPS"),
or, for names of eight letters or more, are within one edit per eight letters.
Edits are counted as optimal string alignment distance (insertion, deletion,
substitution, transposition of neighbours). The match is taken only when a
single venue is that close.
"""

from __future__ import annotations

import json
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ._regex import LazyPattern

VenueKind = str
#: How ``resolve`` recognised a venue.
MatchHow = Literal["name", "container", "misspelled", "worded"]

_NON_WORD = re.compile(r"[^0-9a-z&]+")
#: "ICLR 2020", "CVPR'19", "NeurIPS2019" (not the digits of "arXiv:1602.02830" or "EMC2").
_TRAILING_YEAR = re.compile(r"(?<![\d.:/])['’‘]?(?<!\s\s)\s*(?:\d{4}|\d{2})['’‘]?$")
_ARXIV_WORD = LazyPattern(r"\b(?:arxiv|corr)\b", re.IGNORECASE)
#: "arXiv preprint arXiv:1602.02830", "arXiv:1905.11946v2 [cs.LG]", "CoRR abs/1602.02830",
#: "arXiv hep-th/9901001".
_ARXIV_ID = LazyPattern(
    r"(?:arxiv|corr)\b[\s:./a-z]*?(?:abs/)?"
    r"(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z-]*(?:\.[a-z]{2})?/\d{7}(?:v\d+)?)"
    r"(?:\s*\[(?P<cls>[a-z-]+(?:\.[a-z]{2})?)\])?",
    re.IGNORECASE,
)
_PAREN_ACRONYM = LazyPattern(r"\((?P<short>[^()]{2,20})\)\s*$")
_EDITION = LazyPattern(r"\b(?P<edition>\d{1,3}(?:st|nd|rd|th))\b", re.IGNORECASE)
_YEAR_WORD = LazyPattern(r"^(?:19|20)\d{2}$")
#: Words of a container string that do not tell venues apart ("Proceedings of the 2017 IEEE").
_FILLER_WORDS = frozenset(
    (
        "proceedings",
        "proc",
        "of",
        "the",
        "in",
        "ieee",
        "acm",
        "cvf",
        "usenix",
        "sigda",
        "sigplan",
        "sigarch",
        "sigops",
        "sigmod",
        "sigsac",
        "ieeeacm",
        "acmieee",
        "annual",
        "international",
        "intl",
    )
)


@dataclass(frozen=True, slots=True)
class Venue:
    """A venue: canonical short name, full name, kind and the other ways it is written."""

    short: str
    full: str
    kind: VenueKind
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class VenueMatch:
    """What a written venue string was read as."""

    venue: Venue
    written: str
    how: MatchHow
    #: "25th" in "Proceedings of the 25th ...", when written.
    edition: str | None = None
    #: The arXiv identifier in "arXiv preprint arXiv:1602.02830".
    eprint: str | None = None
    #: The arXiv category in "arXiv:1602.02830 [cs.LG]" or "cs/0601001".
    primary_class: str | None = None


def _key(text: str) -> str:
    return _NON_WORD.sub("", text.casefold())


def _loose_key(text: str) -> str:
    """The key of a container string without fillers, years and editions."""
    words = [w for w in re.split(r"[^0-9a-z&]+", text.casefold()) if w]
    kept = [
        w
        for w in words
        if w not in _FILLER_WORDS and not _YEAR_WORD.match(w) and not _EDITION.fullmatch(w)
    ]
    return "".join(kept)


@lru_cache(maxsize=1)
def _data() -> dict[str, object]:
    # pkgutil, not importlib.resources: the same package loader, without importing
    # pathlib, tempfile and shutil at every start.
    raw = pkgutil.get_data(__package__ or "studyparse", "data/venues.json")
    if raw is None:
        raise FileNotFoundError("studyparse/data/venues.json is missing from the installation")
    data: dict[str, object] = json.loads(raw.decode("utf-8"))
    return data


@lru_cache(maxsize=1)
def venues() -> tuple[Venue, ...]:
    """Every venue of the knowledge base."""
    items = _data()["venues"]
    assert isinstance(items, list)
    return tuple(_venue(item) for item in items)


def _venue(item: object) -> Venue:
    """One entry of ``venues.json``; a malformed entry is a bug of the package data."""
    if not isinstance(item, dict) or not all(
        isinstance(item.get(name), str) for name in ("short", "full", "kind")
    ):
        raise ValueError(f"venues.json: malformed venue entry {item!r}")
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        raise ValueError(f"venues.json: malformed aliases of {item['short']!r}")
    return Venue(short=item["short"], full=item["full"], kind=item["kind"], aliases=tuple(aliases))


@lru_cache(maxsize=1)
def kind_words() -> tuple[tuple[VenueKind, tuple[str, ...]], ...]:
    """Words that mark the kind of a venue the knowledge base does not list."""
    table = _data()["kind_words"]
    assert isinstance(table, dict)
    return tuple((kind, tuple(words)) for kind, words in table.items())


def _names(venue: Venue) -> tuple[str, ...]:
    return (venue.short, venue.full, *venue.aliases)


@lru_cache(maxsize=1)
def _index() -> dict[str, Venue]:
    index: dict[str, Venue] = {}
    for venue in venues():
        for name in _names(venue):
            index.setdefault(_key(name), venue)
    return index


@lru_cache(maxsize=1)
def _loose_index() -> dict[str, Venue]:
    index: dict[str, Venue] = {}
    for venue in venues():
        for name in _names(venue):
            loose = _loose_key(name)
            if len(loose) >= 4:
                index.setdefault(loose, venue)
    return index


def _strip_year(text: str) -> str:
    return _TRAILING_YEAR.sub("", text.strip()).strip()


def lookup(text: str) -> Venue | None:
    """The venue a name or alias stands for ("NIPS" and "NeurIPS" are NeurIPS), or None."""
    text = _strip_year(text)
    return _index().get(_key(text)) if text else None


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, neighbour swaps.

    With ``limit``, stops as soon as the distance must exceed it and returns ``limit + 1``.
    """
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if limit is not None and min(current) > limit and min(previous) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1] if limit is None else min(previous[-1], limit + 1)


def is_misspelling(written: str, name: str) -> bool:
    """Whether key ``written`` is a misspelling of key ``name`` (rule in the module docstring)."""
    if written == name or min(len(written), len(name)) < 4 or written[0] != name[0]:
        return False
    if len(written) == len(name) and sorted(written) == sorted(name):
        return edit_distance(written, name, 2) <= 2
    allowed = len(name) // 8
    return (
        allowed > 0
        and abs(len(written) - len(name)) <= allowed
        and edit_distance(written, name, allowed) <= allowed
    )


@lru_cache(maxsize=2)
def _by_first_letter(loose: bool) -> dict[str, tuple[tuple[str, Venue], ...]]:
    """The names of the exact or the loose index, grouped by first letter."""
    index = _loose_index() if loose else _index()
    groups: dict[str, list[tuple[str, Venue]]] = {}
    for name, venue in index.items():
        if name:
            groups.setdefault(name[0], []).append((name, venue))
    return {letter: tuple(names) for letter, names in groups.items()}


def _misspelled(key: str, loose: bool) -> Venue | None:
    names = _by_first_letter(loose).get(key[:1], ())
    found = {id(venue): venue for name, venue in names if is_misspelling(key, name)}
    return next(iter(found.values())) if len(found) == 1 else None


def _arxiv(text: str) -> VenueMatch | None:
    arxiv = _index()["arxiv"]
    match = _ARXIV_ID.search(text)
    if match is None:
        return VenueMatch(arxiv, text, "container") if _ARXIV_WORD.search(text) else None
    eprint = match.group("id")
    primary = match.group("cls") or (eprint.split("/")[0] if "/" in eprint else None)
    return VenueMatch(arxiv, text, "container", eprint=eprint, primary_class=primary)


def _worded(text: str) -> VenueMatch | None:
    words = f" {' '.join(re.split(r'[^0-9a-z]+', text.casefold()))} "
    for kind, markers in kind_words():
        if any(f" {marker} " in words for marker in markers):
            return VenueMatch(Venue(short="", full=text, kind=kind), text, "worded")
    return None


@lru_cache(maxsize=4096)
def resolve(written: str) -> VenueMatch | None:
    """Read a venue string as a known venue, a container naming one, or a venue of known kind."""
    text = _strip_year(" ".join(written.split()))
    if not text:
        return None
    venue = _index().get(_key(text))
    if venue is not None:
        return VenueMatch(venue, written, "name")
    arxiv = _arxiv(text)
    if arxiv is not None:
        return VenueMatch(
            arxiv.venue, written, "container", None, arxiv.eprint, arxiv.primary_class
        )
    edition_match = _EDITION.search(text)
    edition = edition_match.group("edition") if edition_match else None
    paren = _PAREN_ACRONYM.search(text)
    if paren is not None:
        venue = lookup(paren.group("short"))
        if venue is not None:
            return VenueMatch(venue, written, "container", edition)
    venue = _loose_index().get(_loose_key(text))
    if venue is not None:
        return VenueMatch(venue, written, "container", edition)
    venue = _misspelled(_key(text), loose=False) or _misspelled(_loose_key(text), loose=True)
    if venue is not None:
        return VenueMatch(venue, written, "misspelled", edition)
    return _worded(text)
