"""Front matter: the leading ``---`` YAML block, read with a YAML parser.

Jekyll and Hugo pages keep their data there: ``title:``, and often the schedule
itself (``talks:``, ``schedule: - date: ... talks: - ...``, ``readings:``). The
block is composed with PyYAML's safe loader (only plain YAML types, never
objects), imported here and only for a document that has front matter. From the
node tree come:

- ``values``: each top-level scalar as the string written (``doc.front_matter``);
- records: every list of mappings, at any key, is read through the vocabulary
  (``_mappings``): a mapping with lists of mappings inside is a session, the
  others are talks or papers, each with the line its mapping starts on;
- people listed under people keys (``organizers: - name: ...``).

Text that is not YAML becomes a diagnostic with its line, and the block is read
as ``key: value`` lines as before. Work is bounded. Composing never expands an
alias (it shares the anchored node), a list or mapping is read as records once
however many aliases point at it (so a "billion laughs" of anchors gives its
few distinct records, in linear time), and the nodes visited and the text parsed
have ceilings that end in a diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._mappings import (
    Record,
    RecordKind,
    add_field,
    key_kind,
    paper_of,
    record_kind,
    talks_of,
)
from ._outline import role_of
from ._people import person_from
from ._records import Diagnostic, PaperList, Person, Session
from ._vocab import normalized_label

if TYPE_CHECKING:
    from yaml.nodes import MappingNode, Node, SequenceNode

#: Characters of front matter parsed as YAML; a longer block is read as key: value lines.
MAX_YAML_CHARS = 2_000_000
#: Nodes visited while reading records (an alias counts each time it is reached).
MAX_NODES = 400_000
#: Mapping levels searched for lists of records (``site: {data: {talks: [...]}}``).
MAX_DEPTH = 4
#: Field kinds whose lists of mappings are people, not records.
PEOPLE_KINDS = frozenset({"presenters", "hosts", "reviewers", "authors"})
#: Keys that name a record's title when no title key does ("- name: Introduction").
NAME_KEYS = frozenset({"name", "label", "text"})
#: Keys of a person's mapping ("- name: Ann Lee" / "  email: ann@x.org").
PERSON_KEYS = {
    "name": "name",
    "email": "email",
    "mail": "email",
    "url": "url",
    "website": "url",
    "homepage": "url",
    "github": "handle",
    "github id": "handle",
    "handle": "handle",
}


@dataclass
class FrontMatter:
    """What a front matter block holds."""

    values: dict[str, str] = field(default_factory=dict)
    sessions: list[Session] = field(default_factory=list)
    paper_lists: list[PaperList] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def key_values(body: str) -> dict[str, str]:
    """Top-level ``key: value`` lines, as front matter was read before YAML (the fallback)."""
    values: dict[str, str] = {}
    for line in body.split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            values[key.strip()] = value.strip().strip("\"'")
    return values


def read_front_matter(body: str, first_line: int) -> FrontMatter:
    """The front matter whose text (between the ``---`` lines) starts on line ``first_line``."""
    if len(body) > MAX_YAML_CHARS:
        found = FrontMatter(values=key_values(body))
        message = f"front matter over {MAX_YAML_CHARS} characters is read as key: value lines"
        found.diagnostics.append(
            Diagnostic(code="front-matter-too-large", message=message, line=first_line - 1)
        )
        return found
    root, problem = _compose(body, first_line)
    if problem is not None:
        return FrontMatter(values=key_values(body), diagnostics=[problem])
    from yaml.nodes import MappingNode, SequenceNode

    reader = _Reader(body, first_line)
    if isinstance(root, MappingNode):
        reader.search(root, 0)
    elif isinstance(root, SequenceNode) and _has_mappings(root):
        reader.read_list("", root, _Context())  # the front matter is the list itself
    found = FrontMatter(
        values=scalar_values(root, body) if isinstance(root, MappingNode) else {},
        sessions=reader.sessions,
        paper_lists=reader.paper_lists,
        people=reader.people,
    )
    if reader.budget < 0:
        message = f"front matter over {MAX_NODES} nodes (each use of an alias counts); rest unread"
        found.diagnostics.append(
            Diagnostic(code="front-matter-too-large", message=message, line=first_line - 1)
        )
    return found


def _compose(body: str, first_line: int) -> tuple[Node | None, Diagnostic | None]:
    """The YAML node tree of ``body``, or the diagnostic that says why it is not YAML."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(body, Loader=loader), None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).split("\n", 1)[0]
        line = first_line + mark.line if mark is not None else first_line - 1
        column = mark.column + 1 if mark is not None else 1
    except RecursionError:  # the pure-Python composer on very deep nesting
        problem, line, column = "nested too deep", first_line - 1, 1
    message = f"front matter is not valid YAML ({problem}); read as key: value lines"
    return None, Diagnostic(code="front-matter-yaml", message=message, line=line, column=column)


def scalar_values(root: MappingNode, body: str) -> dict[str, str]:
    """Top-level values as written: scalars, and one-line flow lists (``tags: [a, b]``)."""
    from yaml.nodes import CollectionNode, ScalarNode

    values: dict[str, str] = {}
    for key, value in root.value:
        if not isinstance(key, ScalarNode):
            continue
        if isinstance(value, ScalarNode):  # a block scalar (| or >) without its final newline
            values[key.value] = (
                value.value.rstrip("\n") if value.style in ("|", ">") else value.value
            )
        elif (
            isinstance(value, CollectionNode)
            and value.flow_style
            and value.start_mark.line == value.end_mark.line
        ):
            values[key.value] = body[value.start_mark.index : value.end_mark.index]
    return values


@dataclass
class _Context:
    """What a list's records inherit from the session mapping around them."""

    week: int | None = None
    date: str | None = None
    session: Session | None = None
    category: str | None = None


class _Reader:
    """One walk over the node tree, spending one unit of ``budget`` per node reached."""

    def __init__(self, body: str, first_line: int) -> None:
        self.body = body
        self.first_line = first_line
        self.budget = MAX_NODES
        self.sessions: list[Session] = []
        self.paper_lists: list[PaperList] = []
        self.people: list[Person] = []
        #: The lists and mappings already read as records: an alias to one adds nothing.
        self.read: set[int] = set()
        #: The people of each list of people read so far: an alias to one reads it once.
        self.people_of: dict[int, Record] = {}
        self.kinds: dict[str, str | None] = {}

    def kind(self, key: str) -> str | None:
        """``key_kind``, asked once per distinct key of the document."""
        if key not in self.kinds:
            self.kinds[key] = key_kind(key)
        return self.kinds[key]

    def first_time(self, node: Node) -> bool:
        """True the first time ``node`` is read as records (aliases share their node)."""
        if id(node) in self.read:
            return False
        self.read.add(id(node))
        return True

    def spend(self) -> bool:
        self.budget -= 1
        return self.budget >= 0

    def line(self, node: Node) -> int:
        return self.first_line + node.start_mark.line

    def raw(self, node: Node) -> str:
        return self.body[node.start_mark.index : node.end_mark.index].strip()

    def search(self, node: MappingNode, depth: int) -> None:
        """Read every list of mappings under ``node`` (mappings nested up to MAX_DEPTH)."""
        from yaml.nodes import MappingNode, ScalarNode, SequenceNode

        for key, value in node.value:
            if not self.spend():
                return
            if not isinstance(key, ScalarNode):
                continue
            if isinstance(value, SequenceNode) and _has_mappings(value):
                self.read_list(key.value, value, _Context())
            elif isinstance(value, MappingNode) and depth < MAX_DEPTH:
                self.search(value, depth + 1)

    def read_list(self, key: str, sequence: SequenceNode, context: _Context) -> None:
        """The records of one list: talks into a session, papers into a paper list."""
        from yaml.nodes import MappingNode

        if not self.first_time(sequence):
            return
        role = _list_role(key)
        if role == "people":
            self.people += self.persons(sequence)
            return
        default: RecordKind | None = role  # type: ignore[assignment]
        session = context.session
        papers: PaperList | None = None
        for item in sequence.value:
            if not self.spend():
                return
            if not isinstance(item, MappingNode) or not self.first_time(item):
                continue
            record, children = self.read_mapping(item, role)
            self.people += record.people  # hosts, reviewers: known people, not presenters
            if children:
                self.read_session(record, children, context)
                continue
            kind = record_kind(record, default)
            if kind == "talk":
                if session is None:
                    session = Session(line=self.line(sequence))
                    self.sessions.append(session)
                session.talks += talks_of(record, context.week, context.date)
            elif kind == "paper":
                paper = paper_of(record, context.category)
                if paper is None:
                    continue
                if papers is None:
                    papers = PaperList(category=context.category, line=self.line(sequence))
                    self.paper_lists.append(papers)
                papers.papers.append(paper)

    def read_session(
        self, record: Record, children: list[tuple[str, SequenceNode]], context: _Context
    ) -> None:
        """A mapping that holds lists of records: a session of a schedule."""
        title = record.entries[0].title if record.entries else None
        week = record.week if record.week is not None else context.week
        date = record.date or context.date
        session = Session(title=title, week=week, date=date, line=record.line)
        position = len(self.sessions)
        if record.presenters:
            session.talks += talks_of(record, week, date)
        inner = _Context(week=week, date=date, session=session, category=title)
        for key, sequence in children:
            self.read_list(key, sequence, inner)
        if session.talks:  # a session of readings alone leaves its papers and no session
            self.sessions.insert(position, session)

    def read_mapping(
        self, node: MappingNode, role: str | None
    ) -> tuple[Record, list[tuple[str, SequenceNode]]]:
        """A mapping's fields, and the lists of mappings it holds (the records inside it)."""
        from yaml.nodes import MappingNode, ScalarNode, SequenceNode

        record = Record(line=self.line(node), raw=self.raw(node))
        children: list[tuple[str, SequenceNode]] = []
        keys = [key.value for key, _ in node.value if isinstance(key, ScalarNode)]
        titled = any(self.kind(key) == "title" for key in keys)
        for key, value in node.value:
            if not self.spend():
                break
            if not isinstance(key, ScalarNode):
                continue
            kind = self.kind(key.value)
            if kind is None and not titled and normalized_label(key.value) in NAME_KEYS:
                kind = "title" if role != "people" else None
            line = self.line(value)
            if isinstance(value, SequenceNode):
                if _has_mappings(value) and kind not in PEOPLE_KINDS:
                    children.append((key.value, value))
                else:
                    self.read_items(record, kind, value)
            elif isinstance(value, MappingNode):
                self.read_nested(record, kind, value)
            elif isinstance(value, ScalarNode) and kind is not None:
                add_field(record, kind, value.value, line, None)
        return record, children

    def read_items(self, record: Record, kind: str | None, sequence: SequenceNode) -> None:
        """A list value: each string is one value of the field (people lists: read_people)."""
        from yaml.nodes import ScalarNode

        if kind is None:
            return
        if kind in PEOPLE_KINDS:
            self.read_people(record, kind, sequence)
            return
        for item in sequence.value:
            if not self.spend():
                return
            if isinstance(item, ScalarNode):
                add_field(record, kind, item.value, self.line(item), None)

    def read_people(self, record: Record, kind: str, sequence: SequenceNode) -> None:
        """A list of names or person mappings, read once however often an alias repeats it."""
        from yaml.nodes import MappingNode, ScalarNode

        known = self.people_of.get(id(sequence))
        if known is None:
            known = self.people_of[id(sequence)] = Record(line=record.line)
            for item in sequence.value:
                if not self.spend():
                    break
                if isinstance(item, ScalarNode):
                    add_field(known, kind, item.value, self.line(item), None)
                elif isinstance(item, MappingNode):
                    self.add_person(known, kind, item)
        else:
            self.budget -= len(sequence.value)
        record.has_presenters = record.has_presenters or known.has_presenters
        record.presenters += known.presenters
        record.people += known.people
        record.authors += known.authors

    def read_nested(self, record: Record, kind: str | None, node: MappingNode) -> None:
        """A mapping value: a person (``presenter: {name: ...}``) or a paper (``paper: {...}``)."""
        if kind in PEOPLE_KINDS:
            self.add_person(record, kind, node)
        elif kind == "title":
            inner, _ = self.read_mapping(node, "paper")
            record.paper = paper_of(inner)

    def add_person(self, record: Record, kind: str | None, node: MappingNode) -> None:
        person = self.person(node)
        if person is None:
            return
        if kind == "presenters":
            record.has_presenters = True
            record.presenters.append(person)
        elif kind == "authors":
            record.authors += [person.name] if person.name else []
        else:
            record.people.append(person)

    def persons(self, sequence: SequenceNode) -> list[Person]:
        """A list of people: names, or mappings with a name, e-mail, homepage..."""
        from yaml.nodes import MappingNode, ScalarNode

        found: list[Person] = []
        for item in sequence.value:
            if not self.spend():
                break
            person = (
                person_from(item.value)
                if isinstance(item, ScalarNode)
                else self.person(item)
                if isinstance(item, MappingNode)
                else None
            )
            if person is not None:
                found.append(person)
        return found

    def person(self, node: MappingNode) -> Person | None:
        from yaml.nodes import ScalarNode

        fields: dict[str, str] = {}
        for key, value in node.value:
            if not self.spend():
                break
            if isinstance(key, ScalarNode) and isinstance(value, ScalarNode) and value.value:
                name = PERSON_KEYS.get(normalized_label(key.value))
                if name is not None:
                    fields.setdefault(name, value.value.strip())
        if not fields.get("name") and not fields.get("email"):
            return None
        return Person(
            name=fields.get("name") or None,
            email=fields.get("email"),
            url=fields.get("url"),
            handle=fields.get("handle", "").lstrip("@") or None,
        )


def _has_mappings(sequence: SequenceNode) -> bool:
    from yaml.nodes import MappingNode

    return any(isinstance(item, MappingNode) for item in sequence.value)


def _list_role(key: str) -> str | None:
    """What a list's key says its mappings are: people, papers, talks, or nothing."""
    kind = key_kind(key)
    role = role_of(key)
    if kind in PEOPLE_KINDS or role == "people":
        return "people"
    if role == "papers":
        return "paper"
    if role == "schedule" or kind == "title":
        return "talk"
    return None
