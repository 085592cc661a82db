"""Bytes in, text out: decode once at the edge and remember how the file was stored."""

from __future__ import annotations

import codecs

from ._errors import StudyParseError
from ._model import SourceInfo

_BOMS = ((codecs.BOM_UTF8, "utf-8"),)


def decode(data: bytes, path: str | None = None) -> tuple[str, SourceInfo]:
    """Decode README bytes; return the text with LF newlines and how it was stored."""
    bom = False
    encoding = "utf-8"
    for mark, name in _BOMS:
        if data.startswith(mark):
            data, bom, encoding = data[len(mark) :], True, name
            break
    if b"\x00" in data:
        raise StudyParseError("binary file (contains NUL bytes), not a README", path=path)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise StudyParseError(
            f"not valid {encoding} text (byte offset {exc.start})", path=path
        ) from None
    newline = detect_newline(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, SourceInfo(path=path, encoding=encoding, bom=bom, newline=newline)


def detect_newline(text: str) -> str:
    """The newline style of the first line break: LF, CRLF or a lone CR."""
    index = text.find("\n")
    cr = text.find("\r")
    if cr == -1 and index == -1:
        return "\n"
    if cr != -1 and (index == -1 or cr < index):
        return "\r\n" if text[cr : cr + 2] == "\r\n" else "\r"
    return "\n"
