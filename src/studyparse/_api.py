"""The library's entry points: ``parse`` text, ``load`` a file, write a document.

They take and return the public Pydantic models (``_model``); the work is done on
the parser's records (``_records``), converted here at the edge.
"""

from __future__ import annotations

import os

from . import _read, _records
from ._model import Diagnostic, SourceInfo, StudyDocument, from_record, to_record
from ._read import DEFAULT_MAX_BYTES


def parse(text: str, *, path: str | None = None, source: SourceInfo | None = None) -> StudyDocument:
    """Read a study README's text into a ``StudyDocument``.

    Never raises on any text: what is not understood is kept verbatim in the
    document, and what looks wrong is reported in ``doc.diagnostics``. Values are
    read from the NFC form of the text (Hangul saved decomposed, as some macOS tools
    do, reads like any other), while raw source lines keep the author's code points.
    """
    record_source = None if source is None else _records.SourceInfo(**source.model_dump())
    return from_record(_read.parse(text, path=path, source=record_source), consume=True)


def loads(data: bytes, *, path: str | None = None) -> StudyDocument:
    """Decode README bytes (UTF-8, UTF-16/32 with a BOM, CP949/EUC-KR) and parse them."""
    return from_record(_read.loads(data, path=path), consume=True)


def load(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> StudyDocument:
    """Read and parse the README at ``path``."""
    return from_record(_read.load(path, max_bytes=max_bytes), consume=True)


def to_markdown(doc: StudyDocument) -> str:
    """The document as canonical Markdown (see docs/format.md)."""
    from ._markdown import to_markdown as write

    return write(to_record(doc))


def to_bibtex(doc: StudyDocument, *, ascii: bool = False) -> str:
    """Every paper of ``doc`` as BibTeX text (UTF-8; ``ascii=True`` writes LaTeX accents)."""
    from ._bibtex import to_bibtex as write

    return write(to_record(doc), ascii=ascii)


def bibtex_diagnostics(doc: StudyDocument) -> list[Diagnostic]:
    """What ``to_bibtex`` assumed or merged (venue-assumed, venue-unknown, duplicate-paper)."""
    from ._bibtex import bibtex_diagnostics as assumed

    return [Diagnostic.model_validate(found) for found in assumed(to_record(doc))]
