"""Files are never damaged: links kept, inputs never overwritten, outputs replaced whole.

Through the real command: ``main([...])``, and the installed console script for a few.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyparse import _batch, _read
from studyparse._cli import main

MESSY = "# Study\n\n## Paper List\n\n*  Attention Is All You Need, NeurIPS, 2017\n"
TIDY = "# Study\n\n## Paper List\n\n1. Attention Is All You Need, NeurIPS, 2017\n"


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def console_script() -> str:
    beside_python = Path(sys.executable).parent / "studyparse"
    found = str(beside_python) if beside_python.exists() else shutil.which("studyparse")
    if found is None:
        pytest.skip("console script not installed")
    return found


@pytest.fixture
def real(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "real.md"
    path.write_text(MESSY, encoding="utf-8")
    path.chmod(0o640)
    return path


# -- normalize: symbolic links --------------------------------------------------------


def test_a_symbolic_link_stays_a_link_and_its_target_is_rewritten(
    real: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "README.md"
    link.symlink_to(os.path.relpath(real, tmp_path))
    assert main(["normalize", str(link)]) == 1
    assert capsys.readouterr().err == f"reformatted {link}\n"
    assert link.is_symlink() and os.readlink(link) == os.path.join("docs", "real.md")
    assert real.read_text(encoding="utf-8") == TIDY
    assert mode(real) == 0o640
    assert names(tmp_path) == ["README.md", "docs"] and names(real.parent) == ["real.md"]
    assert main(["normalize", str(link)]) == 0


def test_the_temporary_file_is_made_beside_the_target(
    real: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = tmp_path / "README.md"
    link.symlink_to(real)
    folders: list[str | None] = []
    make = tempfile.mkstemp

    def recording(*args: object, **kwargs: object) -> tuple[int, str]:
        folders.append(str(kwargs["dir"]))
        return make(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", recording)
    assert main(["normalize", str(link)]) == 1
    assert folders == [str(real.parent)]


def test_a_chain_of_links_rewrites_the_file_at_its_end(real: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    second.symlink_to(real)
    first.symlink_to(second)
    assert main(["normalize", str(first)]) == 1
    assert first.is_symlink() and second.is_symlink()
    assert real.read_text(encoding="utf-8") == TIDY


def test_a_dangling_link_is_an_error_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "README.md"
    link.symlink_to("gone.md")
    assert main(["normalize", str(link)]) == 2
    assert capsys.readouterr().err == (
        f"studyparse: {link}: symbolic link to 'gone.md', which does not exist\n"
    )
    assert names(tmp_path) == ["README.md"] and link.is_symlink()


def test_a_link_to_a_directory_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    link = tmp_path / "README.md"
    link.symlink_to("docs")
    assert main(["normalize", str(link)]) == 2
    assert capsys.readouterr().err == (
        f"studyparse: {link}: symbolic link to a directory ('docs'), not a README\n"
    )
    assert names(tmp_path) == ["README.md", "docs"] and names(tmp_path / "docs") == []


def test_the_installed_command_keeps_a_link(real: Path, tmp_path: Path) -> None:
    link = tmp_path / "README.md"
    link.symlink_to(real)
    proc = subprocess.run(
        [console_script(), "normalize", "README.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (proc.returncode, proc.stderr) == (1, "reformatted README.md\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == TIDY


# -- normalize: hard links --------------------------------------------------------------


def test_a_file_with_two_hard_links_is_rewritten_in_place(real: Path, tmp_path: Path) -> None:
    other = tmp_path / "README.md"
    os.link(real, other)
    inode = real.stat().st_ino
    assert main(["normalize", str(other)]) == 1
    for path in (real, other):
        assert path.read_text(encoding="utf-8") == TIDY
        assert path.stat().st_ino == inode and path.stat().st_nlink == 2
        assert mode(path) == 0o640
    assert names(tmp_path) == ["README.md", "docs"] and names(real.parent) == ["real.md"]


def test_a_failed_write_in_place_puts_the_old_content_back(
    real: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.link(real, tmp_path / "README.md")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    assert main(["normalize", str(real)]) == 2
    assert real.read_text(encoding="utf-8") == MESSY
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == MESSY


def test_a_file_with_one_name_is_still_replaced_atomically(real: Path) -> None:
    inode = real.stat().st_ino
    assert main(["normalize", str(real)]) == 1
    assert real.read_text(encoding="utf-8") == TIDY
    assert real.stat().st_ino != inode and mode(real) == 0o640


# -- convert: an output that is an input -------------------------------------------------


@pytest.fixture
def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("an input was read")

    monkeypatch.setattr(_read, "read_bytes", refuse)
    monkeypatch.setattr(_batch, "convert_files", refuse)


@pytest.mark.parametrize("to", ["json", "jsonl", "markdown", "bibtex"])
def test_an_output_that_is_an_input_is_refused_before_anything_is_read(
    to: str, real: Path, no_reading: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(real), "--to", to, "-o", str(real)]) == 2
    assert capsys.readouterr().err == (
        f"studyparse: {real}: the output file (-o) is an input; nothing read, nothing written\n"
    )
    assert real.read_text(encoding="utf-8") == MESSY
    assert names(real.parent) == ["real.md"]


@pytest.mark.parametrize("how", ["symbolic", "hard"])
def test_an_output_that_is_an_input_by_another_name_is_refused(
    how: str, real: Path, tmp_path: Path, no_reading: None, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "out.jsonl"
    if how == "symbolic":
        other.symlink_to(real)
    else:
        os.link(real, other)
    second = tmp_path / "b.md"
    second.write_text(TIDY, encoding="utf-8")
    assert main(["convert", str(second), str(real), "--to", "jsonl", "-o", str(other)]) == 2
    assert capsys.readouterr().err == (
        f"studyparse: {other}: the output file (-o) is the input {str(real)!r}; "
        "nothing read, nothing written\n"
    )
    assert real.read_text(encoding="utf-8") == MESSY


def test_the_installed_command_does_not_empty_its_input(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(MESSY, encoding="utf-8")
    (tmp_path / "b.md").write_text(TIDY, encoding="utf-8")
    proc = subprocess.run(
        [console_script(), "convert", "a.md", "b.md", "--to", "jsonl", "-o", "a.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        "studyparse: a.md: the output file (-o) is an input; nothing read, nothing written\n"
    )
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == MESSY


# -- convert: outputs are replaced whole -------------------------------------------------


def broken_json(doc: object) -> Iterator[str]:
    yield '{"title": '
    raise RuntimeError("exporter bug")


def test_a_failed_conversion_leaves_the_old_output_whole(
    real: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "doc.json"
    out.write_text("old output\n", encoding="utf-8")
    monkeypatch.setattr("studyparse._cli._exporter", lambda name: broken_json)
    assert main(["convert", str(real), "--to", "json", "-o", str(out)]) == 3
    assert out.read_text(encoding="utf-8") == "old output\n"
    assert names(tmp_path) == ["doc.json", "docs"]


def test_an_interrupted_batch_leaves_the_old_output_whole(
    real: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "all.jsonl"
    out.write_text("old output\n", encoding="utf-8")

    def interrupt(*args: object, **kwargs: object) -> Iterator[object]:
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(_batch, "convert_files", interrupt)
    assert main(["convert", str(real), "--to", "jsonl", "-o", str(out)]) == 130
    assert out.read_text(encoding="utf-8") == "old output\n"
    assert names(tmp_path) == ["all.jsonl", "docs"]


def test_an_output_keeps_its_mode_and_a_new_one_gets_the_default(
    real: Path, tmp_path: Path
) -> None:
    kept, new = tmp_path / "kept.json", tmp_path / "new.json"
    kept.write_text("old\n", encoding="utf-8")
    kept.chmod(0o600)
    assert main(["convert", str(real), "-o", str(kept)]) == 0
    assert main(["convert", str(real), "-o", str(new)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert (mode(kept), mode(new)) == (0o600, 0o666 & ~umask)
    assert kept.read_text(encoding="utf-8") == new.read_text(encoding="utf-8")
    assert '"title": "Study"' in kept.read_text(encoding="utf-8")


def test_an_output_link_is_followed(real: Path, tmp_path: Path) -> None:
    target = tmp_path / "doc.json"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert main(["convert", str(real), "-o", str(link)]) == 0
    assert link.is_symlink() and '"title": "Study"' in target.read_text(encoding="utf-8")


def test_an_output_that_is_a_directory_is_an_error(
    real: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(real), "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"studyparse: {tmp_path}: is a directory, nothing written\n"
    assert names(tmp_path) == ["docs"]


# -- normalize --diff with mixed line endings ---------------------------------------------


def test_a_diff_of_mixed_line_endings_shows_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(TIDY.replace("\n", "\r\n", 2).encode())  # CRLF first, then LF
    assert main(["normalize", "--diff", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"would reformat {path}\n"
    assert captured.out == (
        f"--- a/{path}\n+++ b/{path}\n@@ -1,5 +1,5 @@\n"
        " # Study\u240d\n \u240d\n-## Paper List\n-\n-1. Attention Is All You Need, NeurIPS, 2017\n"
        "+## Paper List\u240d\n+\u240d\n+1. Attention Is All You Need, NeurIPS, 2017\u240d\n"
    )
    assert path.read_bytes() == TIDY.replace("\n", "\r\n", 2).encode()


def test_a_diff_of_one_line_ending_style_shows_only_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(MESSY.replace("\n", "\r\n").encode())
    assert main(["normalize", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert "\n-*  Attention Is All You Need, NeurIPS, 2017\n" in out
    assert "\n+1. Attention Is All You Need, NeurIPS, 2017\n" in out
    assert "\u240d" not in out and "\r" not in out


# -- numeric options ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--max-bytes", "abc", "convert", "a.md"],
            "studyparse: --max-bytes: expected a positive whole number of bytes, got 'abc' "
            "(see studyparse --help)",
        ),
        (
            ["--max-bytes", "0", "convert", "a.md"],
            "studyparse: --max-bytes: expected a positive whole number of bytes, got '0' "
            "(see studyparse --help)",
        ),
        (
            ["convert", "a.md", "--to", "jsonl", "-j", "two"],
            "studyparse: -j/--jobs: expected a number of processes (0 for one per CPU), "
            "got 'two' (see studyparse convert --help)",
        ),
        (
            ["convert", "a.md", "--to", "jsonl", "-j", "-1"],
            "studyparse: -j/--jobs: expected a number of processes (0 for one per CPU), "
            "got '-1' (see studyparse convert --help)",
        ),
    ],
    ids=["max-bytes abc", "max-bytes 0", "jobs two", "jobs -1"],
)
def test_a_bad_number_says_what_is_expected(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", message + "\n")


def test_the_installed_command_explains_a_bad_number() -> None:
    proc = subprocess.run(
        [console_script(), "--max-bytes", "abc", "convert", "a.md"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        "studyparse: --max-bytes: expected a positive whole number of bytes, got 'abc' "
        "(see studyparse --help)\n"
    )


# -- normalize: what changes, when neither the bytes nor the text are kept ----------------


def test_a_canonical_text_with_mixed_line_endings_is_rewritten_to_one_style(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(TIDY.replace("\n", "\r\n", 2).encode())
    assert main(["normalize", "--check", str(path)]) == 1
    assert main(["normalize", str(path)]) == 1
    assert path.read_bytes() == TIDY.replace("\n", "\r\n").encode()
    assert main(["normalize", str(path)]) == 0
    assert capsys.readouterr().err == f"would reformat {path}\nreformatted {path}\n"


@pytest.mark.parametrize(
    "data",
    [TIDY.encode(), TIDY.replace("\n", "\r\n").encode(), b"\xef\xbb\xbf" + TIDY.encode()],
    ids=["LF", "CRLF", "BOM"],
)
def test_a_canonical_file_is_left_alone(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(data)
    os.utime(path, (1_000_000, 1_000_000))
    assert main(["normalize", "--check", str(path)]) == 0
    assert main(["normalize", str(path)]) == 0
    assert path.read_bytes() == data and path.stat().st_mtime == 1_000_000
