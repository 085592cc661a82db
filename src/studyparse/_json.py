"""JSON export: the whole document, every field present."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._model import StudyDocument, from_record

if TYPE_CHECKING:
    from . import _records


def to_json(doc: StudyDocument, *, indent: int | None = 2) -> str:
    """The document as JSON text (UTF-8 characters kept, not escaped)."""
    return doc.model_dump_json(indent=indent) + "\n"


def record_json(record: _records.StudyDocument, *, indent: int | None = 2) -> str:
    """The JSON text of a document the parser built."""
    return to_json(from_record(record), indent=indent)


def json_schema() -> dict[str, object]:
    """The JSON Schema of ``StudyDocument``."""
    return StudyDocument.model_json_schema()
