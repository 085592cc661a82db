"""The venue knowledge base (``data/venues.json``): recognise venues as READMEs write them."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

VenueKind = str
_NON_WORD = re.compile(r"[^0-9a-z&]+")


class Venue(BaseModel):
    """A venue: canonical short name, full name, kind and the other ways it is written."""

    model_config = ConfigDict(frozen=True)

    short: str
    full: str
    kind: VenueKind
    aliases: tuple[str, ...] = ()


def _key(text: str) -> str:
    return _NON_WORD.sub("", text.casefold())


@lru_cache(maxsize=1)
def venues() -> tuple[Venue, ...]:
    """Every venue of the knowledge base."""
    raw = resources.files("studyparse").joinpath("data/venues.json").read_text(encoding="utf-8")
    return tuple(Venue.model_validate(item) for item in json.loads(raw)["venues"])


@lru_cache(maxsize=1)
def _index() -> dict[str, Venue]:
    index: dict[str, Venue] = {}
    for venue in venues():
        for name in (venue.short, venue.full, *venue.aliases):
            index.setdefault(_key(name), venue)
    return index


def lookup(text: str) -> Venue | None:
    """The venue a name or alias stands for ("NIPS" and "NeurIPS" are NeurIPS), or None."""
    text = re.sub(r"['’‘]?\s*\d{2,4}$", "", text.strip()).strip()
    return _index().get(_key(text)) if text else None
