"""Normalize: rewrite a README in canonical Markdown, proving first that nothing is lost.

Before anything is written, the normalized text must pass every check in
``CHECKS``, in order:

``no word lost``
    every word and every URL of the input is still in the output (words as
    ``_markdown.words_of`` counts them; a few field labels may be renamed);
``same document``
    the output parses to the same papers, talks, people and section headings
    (line numbers and declared counts aside);
``idempotent``
    normalizing the output again changes nothing;
``lists stay lists``
    rendered as CommonMark (mistune), the output has no code block the input
    did not have and no fewer list items.

A failed check raises ``UnsafeNormalization`` naming the check, the file and
the line, and the file is left as it was. Files are written atomically: a
temporary file in the same folder, flushed, given the file's permissions,
then moved over the original with ``os.replace``.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ._errors import StudyParseError
from ._markdown import to_markdown, urls_of, word_list, words_of
from ._read import parse
from ._records import SourceInfo, StudyDocument


class UnsafeNormalization(StudyParseError):
    """The normalized text failed a safety check; ``check`` names which."""

    def __init__(
        self, check: str, msg: str, *, path: str | None = None, line: int | None = None
    ) -> None:
        self.check = check
        super().__init__(f"not normalized, check '{check}' failed: {msg}", path=path, line=line)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A text, the document read from it, its normalized form and that form's document."""

    text: str
    doc: StudyDocument
    normalized: str
    again: StudyDocument


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a check failed and the line (of the input, or of the output) it points at."""

    message: str
    line: int | None = None


Check = Callable[[Candidate], Failure | None]


# -- the checks -----------------------------------------------------------------


def _line_of(text: str, predicate: Callable[[str], bool]) -> int | None:
    for number, line in enumerate(text.split("\n"), start=1):
        if predicate(line):
            return number
    return None


def check_words(candidate: Candidate) -> Failure | None:
    lost_words = words_of(candidate.text) - words_of(candidate.normalized)
    if lost_words:
        total = sum(lost_words.values())
        more = f" and {total - 1} more" if total > 1 else ""
        for number, line in enumerate(candidate.text.split("\n"), start=1):
            word = next((word for word in word_list(line) if word in lost_words), None)
            if word is not None:
                return Failure(f"the word {word!r}{more} would be lost", number)
    lost_urls = urls_of(candidate.text) - urls_of(candidate.normalized)
    if lost_urls:
        url = sorted(lost_urls)[0]
        return Failure(
            f"the link {url} would be lost", _line_of(candidate.text, lambda text: url in text)
        )
    return None


def document_parts(doc: StudyDocument) -> Iterator[tuple[str, int, object]]:
    """What "the same document" compares: (what, line, value); the line is not compared."""
    for heading in doc.headings:
        yield "section", heading.line, heading.text
    for paper in doc.papers:
        yield "paper", paper.line, (paper.title, paper.authors, paper.venue, paper.year, paper.url)
    for talk in doc.talks:
        presenters = [(p.name, p.email) for p in talk.presenters]
        yield (
            "talk",
            talk.line,
            (talk.title, presenters, talk.week, talk.date, talk.slides, talk.video),
        )
    for person in sorted(doc.people, key=lambda p: (p.name or "", p.email or "")):
        yield "person", 0, (person.name, person.email)


def first_difference(before: StudyDocument, after: StudyDocument) -> Failure | None:
    """The first paper, talk, person or section that differs between two documents."""
    old, new = list(document_parts(before)), list(document_parts(after))
    for (what, line, value), (new_what, _, new_value) in zip(old, new, strict=False):
        if (what, value) != (new_what, new_value):
            return Failure(
                f"{what} {_short(value)} would read as {new_what} {_short(new_value)}", line or None
            )
    if len(old) > len(new):
        what, line, value = old[len(new)]
        return Failure(f"{what} {_short(value)} would be missing", line or None)
    if len(new) > len(old):
        what, _, value = new[len(old)]
        return Failure(f"an extra {what} {_short(value)} would appear", None)
    return None


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def check_document(candidate: Candidate) -> Failure | None:
    return first_difference(candidate.doc, candidate.again)


def check_idempotent(candidate: Candidate) -> Failure | None:
    twice = to_markdown(candidate.again)
    if twice == candidate.normalized:
        return None
    first, second = candidate.normalized.split("\n"), twice.split("\n")
    line = next(
        (n for n, (a, b) in enumerate(zip(first, second, strict=False), start=1) if a != b),
        min(len(first), len(second)),
    )
    return Failure(f"normalizing twice changes output line {line}", None)


def _markdown_tokens(text: str) -> list[dict[str, Any]]:
    """mistune's block tokens of ``text`` (CommonMark blocks; inline text is not parsed).

    The check compares code blocks and list items only, which the block parser
    decides; rendering the inline text too would cost as much again.
    """
    import mistune

    markdown = mistune.Markdown(renderer=None)
    state = markdown.block.state_cls()
    state.process(text if text.endswith("\n") else text + "\n")
    markdown.block.parse(state)
    return state.tokens


def _walk(tokens: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for token in tokens:
        yield token
        children = token.get("children")
        if isinstance(children, list):
            yield from _walk(children)


def _contains(part: str) -> Callable[[str], bool]:
    return lambda text: part in text


def check_lists(candidate: Candidate) -> Failure | None:
    before = list(_walk(_markdown_tokens(candidate.text)))
    after = list(_walk(_markdown_tokens(candidate.normalized)))
    code_before = {str(t.get("raw", "")).strip() for t in before if t["type"] == "block_code"}
    for token in after:
        code = str(token.get("raw", "")).strip()
        if token["type"] == "block_code" and code not in code_before:
            line = (
                _line_of(candidate.normalized, _contains(code.split("\n", 1)[0])) if code else None
            )
            return Failure(f"output line {line} would become a code block that was not one", None)
    items_before = sum(1 for t in before if t["type"] == "list_item")
    items_after = sum(1 for t in after if t["type"] == "list_item")
    if items_after < items_before:
        return Failure(
            f"{items_before - items_after} list item(s) would stop being list items", None
        )
    return None


#: The safety checks, in the order they run; each returns None when it passes.
CHECKS: tuple[tuple[str, Check], ...] = (
    ("no word lost", check_words),
    ("same document", check_document),
    ("idempotent", check_idempotent),
    ("lists stay lists", check_lists),
)


def normalize_text(text: str, *, path: str | None = None, source: SourceInfo | None = None) -> str:
    """The canonical Markdown of ``text`` (LF newlines), or ``UnsafeNormalization``."""
    doc = parse(text, path=path, source=source)
    normalized = to_markdown(doc)
    plain = doc.source_text if doc.source_text is not None else text
    if normalized == plain:
        return normalized
    candidate = Candidate(plain, doc, normalized, parse(normalized))
    for name, check in CHECKS:
        failure = check(candidate)
        if failure is not None:
            raise UnsafeNormalization(name, failure.message, path=path, line=failure.line)
    return normalized


# -- bytes and files ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Result:
    """One file's normalization: its text before and after, and the bytes to write."""

    path: str
    before: str
    after: str
    data: bytes
    changed: bool


def normalize_bytes(data: bytes, *, path: str) -> Result:
    """Decode, normalize and re-encode one README's bytes."""
    from ._decode import decode, encode

    text, source = decode(data, path)
    after = normalize_text(text, path=path, source=source)
    new_data = encode(after, source)
    return Result(path, text, after, new_data, new_data != data)


def refuse_unwritable(path: str) -> None:
    """A ``StudyParseError`` unless ``path`` is a regular file its owner may write."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise StudyParseError(exc.strerror or str(exc), path=path) from None
    if not stat.S_ISREG(mode):
        raise StudyParseError("not a regular file", path=path)
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise StudyParseError("file is read-only, not rewritten", path=path)


def write_atomically(path: str, data: bytes) -> None:
    """Replace the file at ``path`` with ``data``: all of it or, on any failure, none of it."""
    import tempfile  # with shutil, random, bz2, lzma: only a run that writes needs them
    from pathlib import Path

    target = Path(path)
    mode = stat.S_IMODE(os.stat(path).st_mode)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def unified_diff(result: Result) -> str:
    """The change as a unified diff, ``a/`` and ``b/`` before the file name."""
    import difflib

    name = result.path
    lines = difflib.unified_diff(
        result.before.splitlines(keepends=True),
        result.after.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
