"""JSON export: the whole document, every field present.

``to_json`` dumps a public model with Pydantic. The command line dumps the
parser's records with the standard library instead (``record_json``, or
``iter_record_json`` to write the text as it is made, piece by piece): the same
bytes (``tests/test_model_edge.py`` compares them), without importing Pydantic or
building the models, which a batch of thousands of READMEs would pay per file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import _records
    from ._model import StudyDocument

#: The JSON field names of each record class, in the model's order (``source_text`` is private).
_FIELDS: dict[type, tuple[str, ...]] = {}


def to_json(doc: StudyDocument, *, indent: int | None = 2) -> str:
    """The document as JSON text (UTF-8 characters kept, not escaped)."""
    return doc.model_dump_json(indent=indent) + "\n"


#: Pieces of JSON text gathered before each write of ``iter_record_json``: the encoder
#: yields every brace, key and value as a piece of its own.
PIECES_PER_WRITE = 8192


def iter_record_json(record: _records.StudyDocument, *, indent: int | None = 2) -> Iterator[str]:
    """``record_json``'s text in pieces of a few kilobytes, as the encoder reaches them.

    Written one after the other they are the same text, but the whole of it (several
    times the README's size, indented) is never held at once.
    """
    import json

    separators = (",", ":") if indent is None else (",", ": ")
    encoder = json.JSONEncoder(
        default=_fields_of, ensure_ascii=False, indent=indent, separators=separators
    )
    pieces = encoder.iterencode(record)
    for first in pieces:  # each round takes the next PIECES_PER_WRITE pieces, joined in C
        yield first + "".join(islice(pieces, PIECES_PER_WRITE - 1))
    yield "\n"


def record_json(record: _records.StudyDocument, *, indent: int | None = 2) -> str:
    """The JSON text of a document the parser built, as ``to_json`` writes its model."""
    import json

    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(
        record, default=_fields_of, ensure_ascii=False, indent=indent, separators=separators
    )
    return text + "\n"


def _fields_of(record: Any) -> dict[str, Any]:
    """One record's fields for the JSON encoder, which asks as it reaches each record."""
    names = _FIELDS.get(type(record))
    if names is None:
        names = _FIELDS[type(record)] = tuple(
            field.name for field in fields(record) if field.name != "source_text"
        )
    return {name: getattr(record, name) for name in names}


def json_schema() -> dict[str, object]:
    """The JSON Schema of ``StudyDocument``."""
    from ._model import StudyDocument

    return StudyDocument.model_json_schema()
