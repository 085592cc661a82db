"""Reading: text or a file's bytes -> the parser's document record (``_records``).

The public entry points in ``_api`` wrap these and return the Pydantic models; the
command line uses them directly, so a pre-commit run never imports Pydantic.
"""

from __future__ import annotations

import os
import re
import unicodedata
from typing import BinaryIO

from ._blocks import scan
from ._decode import decode
from ._errors import StudyParseError
from ._extract import build
from ._inline import forget_fragments
from ._records import Diagnostic, SourceInfo, StudyDocument

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
SURROGATE = re.compile("[\ud800-\udfff]")


def parse(text: str, *, path: str | None = None, source: SourceInfo | None = None) -> StudyDocument:
    """Read a study README's text into a ``StudyDocument``.

    Never raises on any text: what is not understood is kept verbatim in the
    document, and what looks wrong is reported in ``doc.diagnostics``. Values are
    read from the NFC form of the text (Hangul saved decomposed, as some macOS tools
    do, reads like any other), while raw source lines keep the author's code points.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    first_surrogate = SURROGATE.search(text)
    if first_surrogate is not None:  # not Unicode text (say from os.fsdecode): unwritable
        text = SURROGATE.sub("\ufffd", text)
    forget_fragments()  # fragments are remembered within one document, not across
    doc = build(scan(unicodedata.normalize("NFC", text), original=text))
    doc.source = source or SourceInfo(path=path)
    doc.source_text = text
    if not text.strip():
        doc.diagnostics.append(_empty_diagnostic())
    if first_surrogate is not None:
        doc.diagnostics.insert(0, _surrogate_diagnostic(text, first_surrogate.start()))
    return doc


def _surrogate_diagnostic(text: str, index: int) -> Diagnostic:
    line = text.count("\n", 0, index) + 1
    column = index - text.rfind("\n", 0, index)
    message = "unpaired surrogate code points replaced by U+FFFD"
    return Diagnostic(code="surrogates", message=message, line=line, column=column)


def _empty_diagnostic() -> Diagnostic:
    return Diagnostic(
        code="empty-document", message="the file has no content", line=1, severity="info"
    )


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a README, or a ``StudyParseError`` that says why they cannot be had."""
    name = os.fspath(path)
    try:
        if os.path.isdir(name):
            if os.path.islink(name):
                message = f"symbolic link to a directory ({os.readlink(name)!r}), not a README"
                raise StudyParseError(message, path=name)
            raise StudyParseError("is a directory, not a README", path=name)
        size = os.stat(name).st_size
        if size > max_bytes:
            raise StudyParseError(f"file is {size} bytes, over the limit of {max_bytes}", path=name)
        with open(name, "rb") as stream:
            return read_limited(stream, max_bytes, name)
    except FileNotFoundError:
        if os.path.islink(name):
            message = f"symbolic link to {os.readlink(name)!r}, which does not exist"
            raise StudyParseError(message, path=name) from None
        raise StudyParseError("no such file", path=name) from None
    except PermissionError:
        raise StudyParseError("permission denied", path=name) from None
    except OSError as exc:
        raise StudyParseError(exc.strerror or str(exc), path=name) from None


def read_limited(stream: BinaryIO, max_bytes: int, name: str) -> bytes:
    """At most ``max_bytes`` from ``stream``; more is an error (devices and pipes included)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        message = f"more than {max_bytes} bytes, over the limit of {max_bytes}"
        raise StudyParseError(message, path=name)
    return data


def loads(data: bytes, *, path: str | None = None) -> StudyDocument:
    """Decode README bytes (UTF-8, UTF-16/32 with a BOM, CP949/EUC-KR) and parse them."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"loads() takes bytes, not {type(data).__name__}; use parse() for text")
    text, source = decode(data, path)
    doc = parse(text, path=path, source=source)
    if source.encoding != "utf-8":
        doc.diagnostics.insert(0, _encoding_diagnostic(source))
    return doc


def _encoding_diagnostic(source: SourceInfo) -> Diagnostic:
    message = f"read as {source.encoding.upper()}, not UTF-8; normalize writes it back as read"
    return Diagnostic(code="encoding", message=message, line=1, severity="info")


def load(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> StudyDocument:
    """Read and parse the README at ``path``."""
    name = os.fspath(path)
    return loads(read_bytes(name, max_bytes), path=name)
