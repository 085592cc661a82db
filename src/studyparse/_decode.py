"""Bytes in, text out: decode once at the edge and remember how the file was stored.

How the encoding is chosen, in order:

1. A byte-order mark decides: UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE).
2. Otherwise NUL bytes mean a binary file (text in the supported encodings has none).
3. Strict UTF-8.
4. The Korean legacy encodings, EUC-KR and then its superset CP949 (Unified Hangul
   Code), each accepted only when the text is plausible: no control characters
   beyond tab, newline, form feed and escape, nothing from the private use area, and
   at most a tenth of the non-ASCII characters from CP949's extension area (rare
   syllables real text seldom uses, where misread Shift-JIS and the like land).

The list is explicit and ordered rather than a statistical detector: READMEs of the
genre are UTF-8 or, from older Korean Windows tools, CP949/EUC-KR, and an explicit
list gives the same answer on every machine, never mistakes a short Korean file for
another code page, and lets the error name the exact byte that fits no candidate.
``encode`` writes text back the way it was read: encoding, byte-order mark, newlines.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

from ._errors import StudyParseError
from ._records import Newline, SourceInfo
from ._regex import LazyPattern

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Tried in order after strict UTF-8, each under the plausibility check.
LEGACY_ENCODINGS = ("euc-kr", "cp949")
#: Control characters a text file does not contain (tab, LF, VT, FF, CR and ESC are allowed).
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
PRIVATE_USE = LazyPattern(r"[\ue000-\uf8ff]")
#: At most this share of non-ASCII characters may come from CP949's extension area.
EXTENSION_SHARE = 0.1
#: Above this share of control characters a file is binary, not text.
BINARY_SHARE = 0.05
SAMPLE_BYTES = 65536


def decode(data: bytes, path: str | None = None) -> tuple[str, SourceInfo]:
    """Decode README bytes; return the text with LF newlines and how it was stored."""
    marked = sniff_bom(data)
    if marked is not None:
        encoding, bom = marked
        text = _strict(data, encoding, len(bom), path)
    else:
        text, encoding, bom = *_unmarked(data, path), b""
    if _looks_binary(text):
        raise StudyParseError("binary file (control characters), not a README", path=path)
    newline = detect_newline(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, SourceInfo(path=path, encoding=encoding, bom=bool(bom), newline=newline)


def sniff_bom(data: bytes) -> tuple[str, bytes] | None:
    """The encoding a byte-order mark announces, and the mark itself."""
    for mark, encoding in BOMS:
        if data.startswith(mark):
            return encoding, mark
    return None


def _strict(data: bytes, encoding: str, skip: int, path: str | None) -> str:
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        raise StudyParseError(
            f"not valid {encoding.upper()} text: byte 0x{data[offset]:02x} at offset {offset} "
            "cannot be decoded",
            path=path,
        ) from None


def _unmarked(data: bytes, path: str | None) -> tuple[str, str]:
    """Text and encoding of bytes without a byte-order mark: UTF-8, else a plausible legacy one."""
    if b"\x00" in data:
        raise StudyParseError("binary file (contains NUL bytes), not a README", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        furthest = exc.start
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            furthest = max(furthest, exc.start)
            continue
        if plausible_legacy(text):
            return text, encoding
    raise _undecodable(data, furthest, path)


def _undecodable(data: bytes, offset: int, path: str | None) -> StudyParseError:
    """The error for bytes no candidate reads: binary, or text with a byte out of place."""
    if _looks_binary(data[:SAMPLE_BYTES].decode("utf-8", errors="replace")):
        return StudyParseError("binary file (control characters), not a README", path=path)
    return StudyParseError(
        f"not UTF-8 or CP949/EUC-KR text: byte 0x{data[offset]:02x} at offset {offset} "
        "cannot be decoded",
        path=path,
    )


def plausible_legacy(text: str) -> bool:
    """Whether text decoded as EUC-KR/CP949 reads as Korean text rather than mojibake.

    Real Korean text uses the 2,350 common syllables of KS X 1001; bytes of another
    encoding (Shift-JIS, say) misread as CP949 land mostly in its extension area.
    """
    if CONTROL.search(text) or PRIVATE_USE.search(text):
        return False
    counts = Counter(text)
    foreign = sum(n for char, n in counts.items() if ord(char) > 0x7F)
    extension = sum(n for char, n in counts.items() if ord(char) > 0x7F and _uhc_extension(char))
    return extension <= EXTENSION_SHARE * foreign


def _uhc_extension(char: str) -> bool:
    """A character CP949 stores outside the EUC-KR byte range (its Unified Hangul Code area)."""
    data = char.encode("cp949", errors="ignore")
    return len(data) == 2 and (data[0] < 0xA1 or data[1] < 0xA1)


def _looks_binary(text: str) -> bool:
    sample = text[:SAMPLE_BYTES]
    return len(CONTROL.findall(sample)) > BINARY_SHARE * max(len(sample), 1)


def detect_newline(text: str) -> Newline:
    """The newline style of the first line break: LF, CRLF or a lone CR."""
    index = text.find("\n")
    cr = text.find("\r")
    if cr == -1 and index == -1:
        return "\n"
    if cr != -1 and (index == -1 or cr < index):
        return "\r\n" if text[cr : cr + 2] == "\r\n" else "\r"
    return "\n"


def encode(text: str, source: SourceInfo) -> bytes:
    """``text`` stored the way ``source`` was read: its encoding, byte-order mark and newlines.

    ``text`` may use any newline style; every line break is written as ``source.newline``.
    A character the source encoding cannot store (say an emoji added to a CP949 file)
    is a ``StudyParseError`` naming its line, never a silently altered file.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if source.newline != "\n":
        text = text.replace("\n", source.newline)
    try:
        data = text.encode(source.encoding)
    except UnicodeEncodeError as exc:
        line = text.count(source.newline[-1], 0, exc.start) + 1
        raise StudyParseError(
            f"{text[exc.start]!r} cannot be written in {source.encoding.upper()}",
            path=source.path,
            line=line,
        ) from None
    return bom_of(source.encoding) + data if source.bom else data


def bom_of(encoding: str) -> bytes:
    """The byte-order mark of ``encoding`` (empty for encodings without one)."""
    for mark, name in BOMS:
        if name == codecs.lookup(encoding).name.replace("_", "-"):
            return mark
    return b""
