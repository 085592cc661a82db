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
the line, and the file is left as it was. Writing the file is ``_files``'s work
(atomically, links followed, hard links kept).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ._errors import StudyParseError
from ._markdown import to_markdown, urls_of, word_list, words_of
from ._read import parse
from ._records import SourceInfo, StudyDocument
from ._regex import LazyPattern


class UnsafeNormalization(StudyParseError):
    """The normalized text failed a safety check; ``check`` names which."""

    def __init__(
        self, check: str, msg: str, *, path: str | None = None, line: int | None = None
    ) -> None:
        self.check = check
        super().__init__(f"not normalized, check '{check}' failed: {msg}", path=path, line=line)


#: One thing "the same document" compares: (what, line, value); the line is not compared.
Part = tuple[str, int, object]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A text, the document read from it, its normalized form and that form's document.

    ``normalize_text`` does not keep the two documents, nor the text once it is read (on a
    large README they are most of the memory): it gives what the checks read from them
    instead, ``parts`` (the ``document_parts`` of each), ``twice`` (the normalized form
    normalized again) and ``text_lists`` (the code blocks and list items of the text).
    """

    text: str
    doc: StudyDocument | None
    normalized: str
    again: StudyDocument | None
    parts: tuple[list[Part], list[Part]] | None = None
    twice: str | None = None
    text_lists: tuple[list[str], int] | None = None

    def both_parts(self) -> tuple[list[Part], list[Part]]:
        """The ``document_parts`` of the document and of the normalized one."""
        if self.parts is not None:
            return self.parts
        assert self.doc is not None and self.again is not None
        return list(document_parts(self.doc)), list(document_parts(self.again))

    def normalized_twice(self) -> str:
        """The normalized text normalized again."""
        if self.twice is not None:
            return self.twice
        assert self.again is not None
        return to_markdown(self.again)


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


def _words_by_line(text: str) -> Counter[str]:
    """``words_of(text)``, read a few thousand lines at a time.

    Words never span a line break (nor do URLs, NFKC folding or case folding), so the
    counts are the same; only a few lines' worth of folded text is held at once.
    """
    if len(text) <= WORDS_AT_ONCE:
        return words_of(text)
    counts: Counter[str] = Counter()
    start = 0
    while start < len(text):
        end = text.find("\n", start + WORDS_AT_ONCE)
        end = len(text) if end < 0 else end + 1
        counts.update(word_list(text[start:end]))
        start = end
    return counts


#: Characters of text folded and split at once by the no-word-lost check.
WORDS_AT_ONCE = 1 << 16


def check_words(candidate: Candidate) -> Failure | None:
    lost_words = _words_by_line(candidate.text) - _words_by_line(candidate.normalized)
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


def document_parts(doc: StudyDocument) -> Iterator[Part]:
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
    return first_different_part(list(document_parts(before)), list(document_parts(after)))


def first_different_part(old: list[Part], new: list[Part]) -> Failure | None:
    """The first of ``old`` that differs in ``new`` (what and value), or is missing, or extra."""
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
    return first_different_part(*candidate.both_parts())


def check_idempotent(candidate: Candidate) -> Failure | None:
    twice = candidate.normalized_twice()
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


def _code_blocks_and_items(text: str) -> tuple[list[str], int]:
    """The code blocks (stripped) and the number of list items mistune reads in ``text``."""
    code: list[str] = []
    items = 0
    for token in _walk(_markdown_tokens(text)):
        if token["type"] == "block_code":
            code.append(str(token.get("raw", "")).strip())
        elif token["type"] == "list_item":
            items += 1
    return code, items


def check_lists(candidate: Candidate) -> Failure | None:
    # One text's tokens at a time: on a large README they are many times its size.
    code_list, items_before = candidate.text_lists or _code_blocks_and_items(candidate.text)
    code_before = set(code_list)
    code_after, items_after = _code_blocks_and_items(candidate.normalized)
    for code in code_after:
        if code not in code_before:
            line = (
                _line_of(candidate.normalized, _contains(code.split("\n", 1)[0])) if code else None
            )
            return Failure(f"output line {line} would become a code block that was not one", None)
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
    return _normalize_taken([text], path=path, source=source)[0]


#: Checks that read the input text: run while it is held, their results kept for the loop.
TEXT_CHECKS = ("no word lost",)


def _normalize_taken(
    texts: list[str], *, path: str | None, source: SourceInfo | None
) -> tuple[str, bool]:
    """``normalize_text`` of the one text in ``texts``, and whether it was already canonical.

    The text is taken out of the list, so that, when the caller holds it no more, it is let
    go once what the checks read from it is known: a large README is then never held
    beside its own document, nor either document beside the other.
    """
    text = texts.pop()
    doc = parse(text, path=path, source=source)
    normalized = to_markdown(doc)
    canonical = normalized == text
    plain = doc.source_text if doc.source_text is not None else text
    del text
    if normalized == plain:
        return normalized, canonical
    reading = Candidate(plain, None, normalized, None)
    done = {name: check(reading) for name, check in CHECKS if name in TEXT_CHECKS}
    text_lists = _code_blocks_and_items(plain)
    before = _packed_parts(document_parts(doc))
    del doc, plain, reading
    again = parse(normalized)
    after = list(document_parts(again))
    # Parts that agree are not kept (two empty lists agree as well).
    same = _packed_parts(after)[0] == before[0]
    parts = ([], []) if same else (_unpacked_parts(before), after)
    del before, after
    twice = to_markdown(again)
    del again
    candidate = Candidate(
        "",
        None,
        normalized,
        None,
        parts=parts,
        twice=normalized if twice == normalized else twice,
        text_lists=text_lists,
    )
    del twice
    for name, check in CHECKS:
        failure = done[name] if name in done else check(candidate)
        if failure is not None:
            raise UnsafeNormalization(name, failure.message, path=path, line=failure.line)
    return normalized, canonical


def _packed_parts(parts: Iterable[Part]) -> tuple[bytes, bytes]:
    """Document parts as two ``marshal`` strings: (what, value) pairs, and lines.

    A fraction of the memory of the objects; marshal's version 0 writes equal values as
    equal bytes (no references, no interned flag), so equal pairs pack the same.
    """
    import marshal

    parts = list(parts)
    pairs = marshal.dumps([(what, value) for what, _, value in parts], 0)
    return pairs, marshal.dumps([line for _, line, _ in parts], 0)


def _unpacked_parts(packed: tuple[bytes, bytes]) -> list[Part]:
    import marshal

    pairs, lines = marshal.loads(packed[0]), marshal.loads(packed[1])
    return [(what, line, value) for (what, value), line in zip(pairs, lines, strict=True)]


# -- bytes and diffs ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Result:
    """One file's normalization: its text before and after, and the bytes to write.

    ``original`` is the bytes read and ``source`` how they were stored (encoding,
    byte-order mark, newline style), for a diff that shows line endings.
    """

    path: str
    before: str
    after: str
    data: bytes
    changed: bool
    original: bytes = b""
    source: SourceInfo | None = None


def normalize_bytes(data: bytes, *, path: str) -> Result:
    """Decode, normalize and re-encode one README's bytes."""
    from ._decode import decode, encode

    text, source = decode(data, path)
    after = normalize_text(text, path=path, source=source)
    new_data = encode(after, source)
    return Result(path, text, after, new_data, new_data != data, data, source)


def normalize_file(path: str, *, max_bytes: int) -> Result:
    """``normalize_bytes`` of the README at ``path``, holding neither its bytes nor its text
    while the normalized text is proven (``Result.before`` and ``original`` are empty).

    ``changed`` is exact without the bytes: they change unless the text was canonical
    already and writing it back gives the bytes read (one newline style, ...).
    """
    from ._decode import decode, encode
    from ._read import read_bytes

    data = read_bytes(path, max_bytes)
    text, source = decode(data, path)
    written_back = encode(text, source) == data
    del data
    texts = [text]
    del text
    after, canonical = _normalize_taken(texts, path=path, source=source)
    new_data = encode(after, source)
    return Result(path, "", after, new_data, not (canonical and written_back), b"", source)


#: One line as stored, with its own line ending (LF, CRLF or a lone CR), or a last line
#: without one.
STORED_LINE = LazyPattern(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
#: How a carriage return is shown in a diff of line endings.
SHOWN_CR = "\u240d"


def unified_diff(result: Result) -> str:
    """The change as a unified diff, ``a/`` and ``b/`` before the file name.

    When the file mixes line endings, the diff compares the lines as stored, each with
    its own ending, and shows a carriage return as ``\u240d`` so the change is visible.
    """
    import difflib

    name = result.path
    before, after = result.before, result.after
    source, stored = result.source, _stored_text(result)
    if source is not None and stored is not None:
        before, after = stored, after.replace("\n", source.newline)
    as_stored = stored is not None
    lines = difflib.unified_diff(
        _lines_of(before, as_stored),
        _lines_of(after, as_stored),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    return "".join(_shown_line(line) for line in lines)


def _lines_of(text: str, as_stored: bool) -> list[str]:
    if as_stored:
        return STORED_LINE.findall(text)
    return text.splitlines(keepends=True)


def _shown_line(line: str) -> str:
    if line.endswith("\r\n"):
        return line[:-2] + SHOWN_CR + "\n"
    if line.endswith("\r"):
        return line[:-1] + SHOWN_CR + "\n"
    if line.endswith("\n"):
        return line
    return line + "\n\\ No newline at end of file\n"


def _stored_text(result: Result) -> str | None:
    """The text as stored, line endings and all, when they are mixed; otherwise None."""
    source = result.source
    if source is None or not result.original:
        return None
    from ._decode import bom_of

    data = result.original[len(bom_of(source.encoding)) if source.bom else 0 :]
    try:
        text = data.decode(source.encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    rest = text.replace(source.newline, "")
    return text if "\r" in rest or "\n" in rest else None
