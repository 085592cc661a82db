"""Start-up stays cheap: commands import only what they use.

A pre-commit hook pays the start-up time on every commit, so the CLI module
imports no parser or exporter at import time, and no command imports a
third-party library it does not need (bibtexparser only for BibTeX). These run
the import in a fresh interpreter and look at ``sys.modules``; they time nothing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parent.parent / "corpus" / "000_c1da24e64d149680.txt"


def modules_after(code: str) -> set[str]:
    """The modules loaded after running ``code`` in a fresh interpreter."""
    script = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(proc.stdout.split("\n"))


def modules_after_command(
    args: list[str], exits: tuple[int, ...] = (0,), quiet: str = "stdout"
) -> set[str]:
    """The modules loaded after ``studyparse ARGS`` exits with one of ``exits``, in a fresh
    interpreter."""
    code = (
        "import contextlib, io\n"
        "from studyparse._cli import main\n"
        f"with contextlib.redirect_{quiet}(io.StringIO()):\n"
        f"    assert main({args!r}) in {exits!r}\n"
    )
    return modules_after(code)


def top_level(modules: set[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


def test_importing_the_cli_imports_no_parser_or_library() -> None:
    loaded = modules_after("import studyparse._cli")
    assert "bibtexparser" not in top_level(loaded)
    assert "pydantic" not in top_level(loaded)
    assert "mistune" not in top_level(loaded)
    assert not {"studyparse._model", "studyparse._extract", "studyparse._api"} & loaded
    assert "studyparse._read" not in loaded


def test_importing_the_package_is_lazy() -> None:
    loaded = modules_after("import studyparse")
    assert "pydantic" not in top_level(loaded)
    assert "studyparse._model" not in loaded


@pytest.mark.parametrize("to", ["json", "jsonl"])
def test_convert_to_json_does_not_import_bibtexparser(to: str) -> None:
    loaded = modules_after_command(["convert", str(SEED), "--to", to])
    assert "studyparse._json" in loaded  # the conversion did run
    assert "bibtexparser" not in top_level(loaded)
    assert "pydantic" not in top_level(loaded)  # records are dumped with the standard library


def test_normalize_check_does_not_import_bibtexparser(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_bytes(SEED.read_bytes())
    loaded = modules_after_command(
        ["normalize", "--check", str(readme)], exits=(0, 1), quiet="stderr"
    )
    assert "studyparse._normalize" in loaded  # the check did run
    assert "bibtexparser" not in top_level(loaded)
    assert "pydantic" not in top_level(loaded)  # the parser's records are plain dataclasses


@pytest.mark.parametrize("command", [["check"], ["convert", "--to", "markdown"]])
def test_commands_without_json_do_not_import_pydantic(command: list[str]) -> None:
    loaded = modules_after_command([command[0], str(SEED), *command[1:]], exits=(0, 1))
    assert "studyparse._extract" in loaded  # the README was read
    assert "pydantic" not in top_level(loaded)


def test_version_imports_no_parser() -> None:
    loaded = modules_after_command(["--version"])
    assert "pydantic" not in top_level(loaded)


def test_normalize_check_of_a_tidy_readme_imports_no_checker_or_path_library(
    tmp_path: Path,
) -> None:
    """mistune is for proving a change safe; reading a file and its options needs no pathlib,
    urllib or shutil (argparse's help width is found without it)."""
    readme = tmp_path / "README.md"
    code = (
        "import contextlib, io, sys\n"
        "from studyparse._cli import main\n"
        "from studyparse._markdown import to_markdown\n"
        "from studyparse._read import parse\n"
        f"text = open({str(SEED)!r}, encoding='utf-8').read()\n"
        f"open({str(readme)!r}, 'w', encoding='utf-8').write(to_markdown(parse(text)))\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        f"    assert main(['normalize', '--check', {str(readme)!r}]) == 0\n"
    )
    loaded = modules_after(code)
    assert "studyparse._normalize" in loaded  # the check did run
    assert not {"mistune", "pathlib", "urllib", "shutil"} & top_level(loaded)


def test_readers_of_rare_shapes_load_only_for_a_readme_that_has_them(tmp_path: Path) -> None:
    """The HTML, front-matter and definition-list readers are loaded on first use."""
    readers = {"studyparse._html", "studyparse._frontmatter", "studyparse._definitions"}
    plain = tmp_path / "plain.md"
    plain.write_text("# Reading group\n\n- [A Paper](https://arxiv.org/abs/2101.00001)\n")
    assert not readers & modules_after_command(["normalize", "--check", str(plain)], (0, 1))
    shaped = tmp_path / "shaped.md"
    shaped.write_text(
        "---\ntitle: Seminar\n---\n\n<ul><li>A Paper</li></ul>\n\nWeek 1\n: A Talk, Ann Lee\n"
    )
    assert readers <= modules_after_command(["normalize", "--check", str(shaped)], (0, 1, 3))
