"""Coverage-guided fuzzing of studyparse with atheris (libFuzzer).

Any bytes in: ``loads`` returns a document or raises ``StudyParseError``; every
exporter (JSON, BibTeX, Markdown) and ``normalize_text`` then return text or, for
normalize, refuse with a ``StudyParseError``. Anything else is a crash. Half of
the inputs are read as bytes, half as Unicode text for ``parse``.

    pip install atheris
    python tests/fuzz/fuzz_studyparse.py -max_total_time=600 -timeout=20 /tmp/sp-fuzz corpus

The first directory collects new inputs; corpus/ seeds the run. A crashing input
is written to ./crash-*; turn it into a test in tests/test_hostile.py.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import studyparse
    from studyparse._errors import StudyParseError
    from studyparse._normalize import normalize_text


def exercise(doc: studyparse.StudyDocument) -> None:
    """Every output of a document; only normalize may refuse (with StudyParseError)."""
    studyparse.to_json(doc)
    studyparse.to_bibtex(doc)
    studyparse.to_markdown(doc)
    with contextlib.suppress(StudyParseError):
        normalize_text(doc.source_text or "", source=doc.source)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    if data[0] & 1:
        provider = atheris.FuzzedDataProvider(data[1:])
        doc = studyparse.parse(provider.ConsumeUnicode(len(data)))  # lone surrogates too
    else:
        try:
            doc = studyparse.loads(data[1:], path="fuzz.md")
        except StudyParseError:
            return
    exercise(doc)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
