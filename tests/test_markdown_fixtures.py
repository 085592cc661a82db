"""The five seed READMEs against their hand-checked normalized Markdown, compared exactly.

The expected files live in tests/fixtures/markdown/. They are regenerated only
on request, and every regenerated diff must be read before it is committed:

    STUDYPARSE_REGENERATE=markdown python -m pytest tests/test_markdown_fixtures.py
    git diff tests/fixtures/markdown/
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import studyparse

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "markdown"
SEEDS = sorted((ROOT / "corpus").glob("00[0-4]_*.txt"))
REGENERATE = os.environ.get("STUDYPARSE_REGENERATE") == "markdown"


def test_the_five_seeds_are_here() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_normalizes_to_the_checked_markdown(seed: Path) -> None:
    expected_file = FIXTURES / f"{seed.stem}.md"
    written = studyparse.to_markdown(studyparse.load(seed))
    if REGENERATE:
        expected_file.write_text(written, encoding="utf-8")
        pytest.skip(f"regenerated {expected_file.name}: read the diff before committing")
    assert written == expected_file.read_text(encoding="utf-8")
