"""The library's entry points: ``parse`` text, ``load`` a file."""

from __future__ import annotations

import os
from pathlib import Path

from ._blocks import scan
from ._decode import decode
from ._errors import StudyParseError
from ._extract import build
from ._inline import forget_fragments
from ._model import Diagnostic, SourceInfo, StudyDocument

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def parse(text: str, *, path: str | None = None, source: SourceInfo | None = None) -> StudyDocument:
    """Read a study README's text into a ``StudyDocument``.

    Never raises on any text: what is not understood is kept verbatim in the
    document, and what looks wrong is reported in ``doc.diagnostics``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    forget_fragments()  # fragments are remembered within one document, not across
    doc = build(scan(text))
    doc.source = source or SourceInfo(path=path)
    doc._source_text = text
    if not text.strip():
        doc.diagnostics.append(_empty_diagnostic())
    return doc


def _empty_diagnostic() -> Diagnostic:
    return Diagnostic(
        code="empty-document", message="the file has no content", line=1, severity="info"
    )


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a README, or a ``StudyParseError`` that says why they cannot be had."""
    name = os.fspath(path)
    file = Path(name)
    try:
        if file.is_dir():
            raise StudyParseError("is a directory, not a README", path=name)
        size = file.stat().st_size
        if size > max_bytes:
            raise StudyParseError(f"file is {size} bytes, over the limit of {max_bytes}", path=name)
        return file.read_bytes()
    except FileNotFoundError:
        raise StudyParseError("no such file", path=name) from None
    except PermissionError:
        raise StudyParseError("permission denied", path=name) from None
    except OSError as exc:
        raise StudyParseError(exc.strerror or str(exc), path=name) from None


def loads(data: bytes, *, path: str | None = None) -> StudyDocument:
    """Decode README bytes (UTF-8 with or without BOM) and parse them."""
    text, source = decode(data, path)
    return parse(text, path=path, source=source)


def load(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> StudyDocument:
    """Read and parse the README at ``path``."""
    name = os.fspath(path)
    return loads(read_bytes(name, max_bytes), path=name)
