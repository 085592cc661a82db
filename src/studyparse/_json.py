"""JSON export: the whole document, every field present."""

from __future__ import annotations

from ._model import StudyDocument


def to_json(doc: StudyDocument, *, indent: int | None = 2) -> str:
    """The document as JSON text (UTF-8 characters kept, not escaped)."""
    return doc.model_dump_json(indent=indent) + "\n"


def json_schema() -> dict[str, object]:
    """The JSON Schema of ``StudyDocument``."""
    return StudyDocument.model_json_schema()
