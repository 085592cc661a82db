"""The command line, called through main([...]) and once as the installed script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyparse._cli import main

SEED = Path(__file__).resolve().parent.parent / "corpus" / "000_c1da24e64d149680.txt"


def test_convert_json_prints_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED), "--to", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["title"] == "Neural Network Acceleration Study Season #3"
    titles = [p["title"] for plist in doc["paper_lists"] for p in plist["papers"]]
    assert "Learned Step Size Quantization" in titles


def test_convert_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    stdin = io.TextIOWrapper(
        io.BytesIO(b"# Reading list\n\n- Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\n")
    )
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["convert", "-", "--to", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["paper_lists"][0]["papers"][0]["venue"] == "ISPASS"


def test_missing_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.md"
    assert main(["convert", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err == f"studyparse: {missing}: no such file\n"


def test_a_file_named_as_a_folder_is_an_error_not_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Study\n", encoding="utf-8")
    assert main(["convert", f"{readme}/"]) == 2
    assert capsys.readouterr().err == f"studyparse: {readme}/: Not a directory\n"
    assert main(["convert", f"{tmp_path}//./README.md"]) == 0  # the system resolves the rest


def test_binary_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "logo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert main(["convert", str(binary)]) == 2
    assert "binary file" in capsys.readouterr().err


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "doc.json"
    assert main(["convert", str(SEED), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"]


def test_check_prints_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "## Paper List (3)\n1. Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\n",
        encoding="utf-8",
    )
    assert main(["check", str(readme)]) == 0
    out = capsys.readouterr().out
    assert f"{readme}:1:1: count-mismatch heading declares 3 items, 1 found" in out


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "StudyDocument"


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED), "--to", "yaml"]) == 2


def _console_script() -> str | None:
    beside_python = Path(sys.executable).parent / "studyparse"
    return str(beside_python) if beside_python.exists() else shutil.which("studyparse")


@pytest.mark.skipif(_console_script() is None, reason="console script not installed")
def test_installed_console_script() -> None:
    script = _console_script()
    assert script is not None
    proc = subprocess.run(
        [script, "convert", str(SEED), "--to", "json"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"]


@pytest.mark.parametrize("columns", [None, "40", "300", "0", "-5", "wide"])
def test_help_is_as_wide_as_argparse_makes_it(
    columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyparse._cli import terminal_columns

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns


def test_help_text_is_argparse_own(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from studyparse import _cli

    monkeypatch.setenv("COLUMNS", "57")
    ours = [_cli.build_parser()]
    monkeypatch.setattr(_cli, "HelpFormatter", argparse.HelpFormatter)
    monkeypatch.setattr(_cli, "RawDescriptionFormatter", argparse.RawDescriptionHelpFormatter)
    theirs = [_cli.build_parser()]
    for parsers in (ours, theirs):
        commands = parsers[0]._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        parsers += commands.values()
    assert [p.format_help() for p in ours] == [p.format_help() for p in theirs]
