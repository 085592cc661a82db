"""``studyparse normalize``: safety checks, atomic writes, newline style, BOM, exit codes."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import studyparse
from studyparse import _normalize
from studyparse._cli import main
from studyparse._normalize import (
    CHECKS,
    Candidate,
    UnsafeNormalization,
    check_document,
    check_idempotent,
    check_lists,
    check_words,
    normalize_text,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
MESSY = (
    "## Paper List (3)\n\t1. Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\n"
    "\t2. AMC: AutoML, ECCV, 2018\n"
)
TIDY = (
    "## Paper List (2)\n\n<!-- declared count was 3 -->\n\n"
    "1. Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\n2. AMC: AutoML, ECCV, 2018\n"
)


def candidate(text: str, normalized: str) -> Candidate:
    return Candidate(text, studyparse.parse(text), normalized, studyparse.parse(normalized))


@pytest.fixture
def readme(tmp_path: Path) -> Path:
    path = tmp_path / "README.md"
    path.write_bytes(MESSY.encode())
    return path


# -- the text ---------------------------------------------------------------------


def test_normalize_text() -> None:
    assert normalize_text(MESSY) == TIDY
    assert normalize_text(TIDY) == TIDY


def test_checks_run_in_documented_order() -> None:
    assert [name for name, _ in CHECKS] == [
        "no word lost",
        "same document",
        "idempotent",
        "lists stay lists",
    ]


def test_word_check_names_the_word_and_line() -> None:
    failure = check_words(
        candidate("# Title\n\nkeep this\nand Brown too\n", "# Title\n\nkeep this\nand too\n")
    )
    assert failure is not None
    assert failure.message == "the word 'brown' would be lost"
    assert failure.line == 4


def test_word_check_counts_links() -> None:
    failure = check_words(candidate("see https://a.example/x\n", "see\n"))
    assert failure is not None and "https://a.example/x" in failure.message and failure.line == 1


def test_document_check_points_at_the_paper() -> None:
    text = "## Papers\n\n1. Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\n"
    failure = check_document(
        candidate(text, "## Papers\n\n1. Timeloop: DNN Accelerator Evaluation, ISCA, 2019\n")
    )
    assert failure is not None and failure.line == 3 and "paper" in failure.message


def test_document_check_passes_on_moved_lines() -> None:
    assert check_document(candidate(MESSY, TIDY)) is None


def test_idempotent_check() -> None:
    assert check_idempotent(candidate(MESSY, TIDY)) is None
    failure = check_idempotent(candidate(MESSY, MESSY))
    assert failure is not None and "line 1" in failure.message


def test_lists_check_refuses_new_code_blocks() -> None:
    failure = check_lists(candidate("- a\n- b\n", "text\n\n    - a\n    - b\n"))
    assert failure is not None and "code block" in failure.message
    assert check_lists(candidate(MESSY, TIDY)) is None


BLOCK_SHAPES = [
    MESSY,
    TIDY,
    "- a\n  - b\n\n        code\n\n1. c\n\n```\nfenced\n```\n",
    "> - quoted item\n>\n>     quoted code\n",
    "* [x] task\n+ other list\n\ttab code\n",
]
CORPUS_TEXTS = sorted(
    path
    for path in [*CORPUS.glob("*.md"), *CORPUS.glob("*.txt"), *CORPUS.glob("heldout/*.md")]
    if path.name != "GOLD.md"
)


def _code_and_items(tokens: list[dict[str, Any]]) -> tuple[list[str], int]:
    walked = list(_normalize._walk(tokens))
    code = [str(t.get("raw", "")).strip() for t in walked if t["type"] == "block_code"]
    return code, sum(1 for t in walked if t["type"] == "list_item")


@pytest.mark.parametrize(
    "text",
    BLOCK_SHAPES + [path.read_text(encoding="utf-8") for path in CORPUS_TEXTS],
)
def test_block_tokens_see_the_code_and_items_a_full_parse_sees(text: str) -> None:
    """The lists check reads mistune's block tokens only; a full parse agrees on them."""
    import mistune

    full = mistune.create_markdown(renderer=None)(text)
    assert _code_and_items(full) == _code_and_items(_normalize._markdown_tokens(text))


def test_refusal_names_check_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_normalize, "to_markdown", lambda doc: "## Paper List\n")
    with pytest.raises(UnsafeNormalization) as info:
        normalize_text(MESSY, path="README.md")
    assert info.value.check == "no word lost"
    assert (
        str(info.value) == "README.md:2: not normalized, check 'no word lost' failed: "
        "the word 'timeloop' and 9 more would be lost"
    )


# -- files and the command ----------------------------------------------------------


def test_rewrites_in_place_and_exit_1(readme: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", str(readme)]) == 1
    assert readme.read_text(encoding="utf-8") == TIDY
    assert capsys.readouterr().err == f"reformatted {readme}\n"
    assert main(["normalize", str(readme)]) == 0


def test_check_writes_nothing(readme: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "--check", str(readme)]) == 1
    assert readme.read_text(encoding="utf-8") == MESSY
    assert capsys.readouterr().err == f"would reformat {readme}\n"


def test_diff_prints_a_unified_diff(readme: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "--diff", str(readme)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{readme}\n+++ b/{readme}\n@@")
    assert "\n-## Paper List (3)\n" in out and "\n+## Paper List (2)\n" in out
    assert readme.read_text(encoding="utf-8") == MESSY


def test_unchanged_file_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(TIDY, encoding="utf-8")
    os.utime(path, (1_000_000, 1_000_000))
    assert main(["normalize", str(path)]) == 0
    assert path.stat().st_mtime == 1_000_000


def test_crlf_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(MESSY.replace("\n", "\r\n").encode())
    assert main(["normalize", str(path)]) == 1
    assert path.read_bytes() == TIDY.replace("\n", "\r\n").encode()
    assert main(["normalize", str(path)]) == 0


def test_bom_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(b"\xef\xbb\xbf" + MESSY.encode())
    assert main(["normalize", str(path)]) == 1
    assert path.read_bytes() == b"\xef\xbb\xbf" + TIDY.encode()


def test_permissions_are_kept(readme: Path) -> None:
    readme.chmod(0o640)
    assert main(["normalize", str(readme)]) == 1
    assert stat.S_IMODE(readme.stat().st_mode) == 0o640


def test_read_only_file_is_an_error_and_untouched(
    readme: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme.chmod(0o444)
    try:
        assert main(["normalize", str(readme)]) == 2
        assert readme.read_bytes() == MESSY.encode()
        assert (
            capsys.readouterr().err == f"studyparse: {readme}: file is read-only, not rewritten\n"
        )
    finally:
        readme.chmod(0o644)


def test_interrupted_write_leaves_the_original(
    readme: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    assert main(["normalize", str(readme)]) == 2
    assert readme.read_bytes() == MESSY.encode()
    assert sorted(p.name for p in readme.parent.iterdir()) == ["README.md"]


def test_interrupt_during_write_leaves_no_temporary_file(
    readme: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    assert main(["normalize", str(readme)]) == 130
    assert readme.read_bytes() == MESSY.encode()
    assert sorted(p.name for p in readme.parent.iterdir()) == ["README.md"]


def test_failed_check_leaves_the_file_and_exits_2(
    readme: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_normalize, "to_markdown", lambda doc: "## Paper List\n")
    assert main(["normalize", str(readme)]) == 2
    assert readme.read_bytes() == MESSY.encode()
    assert capsys.readouterr().err.startswith(
        f"studyparse: {readme}:2: not normalized, check 'no word lost'"
    )


def test_other_files_are_still_processed(readme: Path, tmp_path: Path) -> None:
    assert main(["normalize", str(tmp_path / "missing.md"), str(readme)]) == 2
    assert readme.read_text(encoding="utf-8") == TIDY


def test_stdin_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MESSY.encode())))
    assert main(["normalize", "-"]) == 1
    assert capsysbinary.readouterr().out == TIDY.encode()


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "--help"]) == 0
    out = capsys.readouterr().out
    assert "1  a file was rewritten" in out and "2  error" in out


def test_normalize_does_not_import_bibtexparser(readme: Path) -> None:
    code = (
        "import sys; from studyparse._cli import main; "
        f"status = main(['normalize', '--check', {str(readme)!r}]); "
        "assert 'bibtexparser' not in sys.modules, 'bibtexparser imported'; sys.exit(status)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 1, proc.stderr


def test_cp949_file_is_written_back_in_cp949(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    messy = "## 논문 목록 (3)\n\t1. Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\n"
    path.write_bytes(messy.encode("cp949"))
    assert main(["normalize", str(path)]) == 1
    written = path.read_bytes().decode("cp949")
    assert written == normalize_text(messy)
    assert "## 논문 목록 (1)" in written


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in (Path(__file__).resolve().parent.parent / "corpus").glob("*.*")
        if p.suffix in (".md", ".txt") and p.name != "GOLD.md"
    ),
    ids=lambda p: p.name,
)
def test_every_corpus_readme_passes_every_check(path: Path) -> None:
    doc = studyparse.load(path)
    once = normalize_text(doc.source_text or "", path=path.name)
    assert normalize_text(once) == once
