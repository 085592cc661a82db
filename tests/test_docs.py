"""The documentation says what the code does."""

from __future__ import annotations

import json
from pathlib import Path

from studyparse import json_schema

ROOT = Path(__file__).resolve().parent.parent


def test_docs_schema_is_current() -> None:
    """docs/schema.json is what `studyparse schema` prints.

    Regenerate it with `studyparse schema -o docs/schema.json` after changing the model.
    """
    written = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert written == json_schema()


def test_readme_opens_with_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    )
    blocks = readme.split("```sh\n")
    assert blocks[1].startswith(
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/studyparse convert"
    )
    assert blocks[2].startswith(test_command)
    assert test_command in ci
