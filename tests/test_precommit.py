"""The hooks of .pre-commit-hooks.yaml, run by the real pre-commit framework (``try-repo``).

pre-commit builds the hook's environment from this checkout, so this test needs
the checkout to be a git repository with the hook file committed, and network
access to the package index for the dependencies.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyparse._normalize import normalize_text

ROOT = Path(__file__).resolve().parent.parent
MESSY = "## Paper List (3)\n\t1. Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\n"


def _hooks_committed() -> bool:
    if shutil.which("git") is None:
        return False
    proc = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"],
        capture_output=True,
        check=False,
    )
    return proc.returncode == 0


pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None,
        reason="pre-commit is not installed (pip install -e '.[test]')",
    ),
    pytest.mark.skipif(
        not _hooks_committed(),
        reason="this checkout is not a git repository with .pre-commit-hooks.yaml committed",
    ),
]


def _git_repo(path: Path, readme: str) -> Path:
    path.mkdir()
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    (path / "README.md").write_text(readme, encoding="utf-8")
    (path / "notes.txt").write_text(MESSY, encoding="utf-8")
    subprocess.run(["git", "-C", str(path), "add", "README.md", "notes.txt"], check=True)
    return path


def _try_repo(repo: Path, hook: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def test_normalize_hook_fixes_the_readme(tmp_path: Path) -> None:
    repo = _git_repo(tmp_path / "study", MESSY)
    first = _try_repo(repo, "studyparse-normalize")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert "reformatted README.md" in first.stdout
    assert (repo / "README.md").read_text(encoding="utf-8") == normalize_text(MESSY)
    assert (repo / "notes.txt").read_text(encoding="utf-8") == MESSY  # types: [markdown]
    second = _try_repo(repo, "studyparse-normalize")
    assert second.returncode == 0, second.stdout + second.stderr


def test_check_hook_fails_and_writes_nothing(tmp_path: Path) -> None:
    repo = _git_repo(tmp_path / "study", MESSY)
    result = _try_repo(repo, "studyparse-check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "would reformat README.md" in result.stdout
    assert (repo / "README.md").read_text(encoding="utf-8") == MESSY
