"""People: "Name (email)", "Name (url)", "@handle", "[handle](url)", lists of them."""

from __future__ import annotations

import re
from dataclasses import replace

from ._inline import clean, plain, without_pictographs
from ._records import Person
from ._regex import LazyPattern
from ._vocab import HONORIFIC_PREFIXES, HONORIFIC_SUFFIXES

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:https?://|www\.)\S+")
HANDLE = LazyPattern(r"(?<![\w.])@([^\W_][\w-]*(?:[ \t][A-Z][\w-]*)?)")
PAREN_NOTE = re.compile(r"[(（]([^()（）]*)[)）]")
NAME_SEPARATORS = LazyPattern(r"\s*(?:,|，|、|;|/|&|\band\b|\s-\s|·)\s*")
#: Where split_names acts: a bracket opens or closes, or a separator between names.
NAME_SPLIT_POINTS = re.compile(r"[(\[（)\]）,，、;]")
NOT_A_NAME = re.compile(r"^[\d\W_]+$|^\?$")
MAX_NAME_LENGTH = 40
#: An emoji written by its short code (":sparkles:", ":+1:").
EMOJI_CODE = LazyPattern(r"(?<![\w:]):[a-z][a-z0-9_+-]{1,30}:(?![\d:])")
#: " & " between two names ("A & B"); a bare "&" (as in "R&D") joins nothing.
JOINED_NAMES = re.compile(r"(?<=\s)&(?=\s)|,?(?<=\S)\s+and\s+(?=[A-Z])")
NAME_BREAK = re.compile(r"<(?:br|/?li|/?ul|/?ol|/?p)\s*/?>|\n", re.IGNORECASE)
#: Name words are bounded ({0,40}) so a finditer over a long run of letters stays linear.
_NAME = (
    r"(?<![\w.@])(?P<name>[\uac00-\ud7af]{2,4}|[A-Z][A-Za-z\u00c0-\u024f.'-]{0,40}"
    r"(?:[ \t][A-Z][A-Za-z\u00c0-\u024f.'-]{0,40}){0,2})"
)
#: "Ann Lee @annlee": a name, then its handle after a space.
TRAILING_HANDLE = LazyPattern(r"^(?P<name>[^@\s](?:[^@]*[^@\s])?)\s+@(?P<handle>[^\W_][\w.-]*)$")
#: The space between two handles of a run ("@ann @ben @chul").
BETWEEN_HANDLES = LazyPattern(r"(?<![\w.])(@[^\W_][\w.-]*)[ \t]+(?=@[^\W_])")
#: A handle standing as a list entry, or after its name ("@ann", "Ann Lee @ann", "Ann (@ann)").
HANDLED = LazyPattern(r"(?:^|[\s(（])@[^\W_]")
#: The fewest entries of a list that its handles alone mark as people.
MIN_LISTED = 3
NAMED_CONTACT = re.compile(
    _NAME + r"[ \t]?[(（](?P<contact>[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[^\W_][\w-]*)[)）]"
)


def person_from(text: str) -> Person | None:
    """One person from "Name (email)", "Name(@handle)", "@handle", "[name](url)" or a bare name."""
    inline = plain(text)
    url = inline.links[0].url if inline.links else None
    body = clean(inline.text)
    email = None
    handle = None
    for note in PAREN_NOTE.findall(body):
        found = EMAIL.search(note)
        if found:
            email = found.group(0)
        elif URL.match(note.strip()):
            url = note.strip()
        elif note.strip().startswith("@"):
            handle = note.strip()[1:]
    body = PAREN_NOTE.sub(" ", body)
    if email is None:
        found = EMAIL.search(body)
        if found:
            email = found.group(0)
            body = body.replace(email, " ")
    body = URL.sub(" ", body)
    body = EMOJI_CODE.sub(" ", body) if ":" in body else body
    name = without_honorifics(without_pictographs(clean(body)).strip(" :-*"))
    trailing = TRAILING_HANDLE.match(name) if "@" in name and handle is None else None
    if trailing is not None:  # "Ann Lee @annlee"
        name, handle = trailing.group("name").strip(), trailing.group("handle")
    if name.startswith("@"):
        handle = handle or (name[1:] if " " not in name else None)
        name = name[1:]  # "@ann" is ann, "@Yongwoo Kim" Yongwoo Kim
    if not name or len(name) > MAX_NAME_LENGTH or NOT_A_NAME.match(name):
        if email is None:
            return None
        name = ""
    if url and url.startswith("mailto:"):
        email, url = email or url[len("mailto:") :], None
    return Person(name=name or None, email=email, url=url, handle=handle)


def without_honorifics(name: str) -> str:
    """A name without the title or role written around it ("Dr. Ann Lee" is "Ann Lee")."""
    first, _, rest = name.partition(" ")
    if rest and first.rstrip(".").lower() in HONORIFIC_PREFIXES:
        name = rest.strip()
    for suffix in HONORIFIC_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)].strip()
    return name


def people_in_text(text: str) -> list[Person]:
    """People written so that they are certainly people: "Name (e-mail)", "Name(@handle)"."""
    found: list[Person] = []
    if "@" not in text:
        return found  # every contact has an @, and plain text only drops characters
    for match in NAMED_CONTACT.finditer(plain(text).text):
        name, contact = match.group("name"), match.group("contact")
        if "@" not in contact[:1]:
            found.append(Person(name=name, email=contact))
        else:
            found.append(Person(name=name, handle=contact[1:]))
    return found


def split_names(text: str) -> list[str]:
    """Split "A (a@x), B, C" into one string per person, keeping parenthesised notes whole."""
    parts: list[str] = []
    depth = 0
    start = 0
    for point in NAME_SPLIT_POINTS.finditer(text):
        char = point.group()
        if char in "([（":
            depth += 1
        elif char in ")]）":
            depth -= 1
        elif depth <= 0:
            parts.append(text[start : point.start()])
            start = point.end()
            depth = 0
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def people_from(text: str) -> list[Person]:
    """Every person of a list of names separated by commas or line breaks (<br>, <li>)."""
    text = JOINED_NAMES.sub(",", NAME_BREAK.sub(",", text))
    text = BETWEEN_HANDLES.sub(r"\1,", text) if "@" in text else text  # "@ann @ben": two people
    found = [person_from(part) for part in split_names(text)]
    return [person for person in found if person is not None]


def handle_list(text: str) -> bool:
    """A list of three or more people, most of them written by their handle ("@ann, @Ben
    Cho, 김하늘 (@haneul)"): people, whatever word labels the line."""
    parts = split_names(BETWEEN_HANDLES.sub(r"\1,", text)) if "@" in text else []
    handled = sum(1 for part in parts if HANDLED.search(part) and not EMAIL.search(part))
    return len(parts) >= MIN_LISTED and handled * 2 > len(parts)


def handles_in(text: str) -> list[str]:
    """The @handles mentioned in a line ("(Assigned to @Yongwoo Kim)")."""
    if "@" not in text:
        return []
    return [match.strip() for match in HANDLE.findall(text)]


def same_person(a: Person, b: Person) -> bool:
    """The same e-mail address is the same person; so is the same name without one."""
    if a.email and b.email:
        return a.email.casefold() == b.email.casefold()
    if a.handle and b.handle and a.handle.casefold() == b.handle.casefold():
        return True
    return bool(a.name and b.name and a.name.casefold() == b.name.casefold())


def _combined(known: Person, person: Person) -> Person:
    """``known`` completed by ``person``; a name that is only the handle gives way to a real one."""
    update = {
        field: getattr(person, field)
        for field in ("name", "email", "url", "handle")
        if getattr(known, field) is None and getattr(person, field) is not None
    }
    if known.handle and known.name == known.handle and person.name and person.name != person.handle:
        update["name"] = person.name
    return replace(known, **update)


def merge_people(people: list[Person]) -> list[Person]:
    """One record per person, first spelling kept, missing fields filled from later mentions.

    Each person joins the first record it matches; the records are found through an
    index of their e-mails, handles and names, so a long list is not compared pairwise.
    """
    merged: list[Person] = []
    #: (field, casefolded value) -> the records that have had it (checked again when used).
    index: dict[tuple[str, str], set[int]] = {}
    for person in people:
        candidates = [position for key in _keys(person) for position in index.get(key, ())]
        position = min((p for p in candidates if _mergeable(merged[p], person)), default=None)
        if position is None:
            position = len(merged)
            merged.append(person)
        else:
            merged[position] = _combined(merged[position], person)
        for key in _keys(merged[position]):
            index.setdefault(key, set()).add(position)
    return merged


def _keys(person: Person) -> list[tuple[str, str]]:
    fields = (("email", person.email), ("handle", person.handle), ("name", person.name))
    return [(field, value.casefold()) for field, value in fields if value]


def _mergeable(known: Person, person: Person) -> bool:
    """Whether ``person`` is ``known`` again: the same person, or the same name with no
    second e-mail to tell them apart."""
    return same_person(known, person) or bool(
        known.name
        and person.name
        and known.name.casefold() == person.name.casefold()
        and not (known.email and person.email)
    )
