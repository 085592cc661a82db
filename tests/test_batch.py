"""Batch conversion: several READMEs to JSON Lines, in one or several processes."""

from __future__ import annotations

import io
import json
import pickle
import sys
from pathlib import Path

import pytest

from studyparse._batch import (
    MAX_CHUNK,
    Converted,
    chunk_size,
    convert_file,
    convert_files,
    error_record,
)
from studyparse._cli import main
from studyparse._progress import Progress

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PAPERS = "# Reading list\n\n- Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\n"


def readmes(tmp_path: Path, count: int) -> list[str]:
    paths = []
    for index in range(count):
        path = tmp_path / f"r{index}.md"
        path.write_text(
            f"# Study {index}\n\n- Paper {index}: A Title, ICML, 2020\n", encoding="utf-8"
        )
        paths.append(str(path))
    return paths


def lines_of(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_jsonl_has_one_record_per_file_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = readmes(tmp_path, 3)
    assert main(["convert", *paths, "--to", "jsonl"]) == 0
    records = lines_of(capsys.readouterr().out)
    assert [r["path"] for r in records] == paths
    document = records[1]["document"]
    assert isinstance(document, dict)
    assert document["title"] == "Study 1"
    assert document["source"]["path"] == paths[1]


def test_jsonl_document_equals_json_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = str(CORPUS / "000_c1da24e64d149680.txt")
    assert main(["convert", seed, "--to", "json"]) == 0
    single = json.loads(capsys.readouterr().out)
    assert main(["convert", seed, "--to", "jsonl"]) == 0
    (record,) = lines_of(capsys.readouterr().out)
    assert record == {"path": seed, "document": single}


def test_bad_file_is_reported_and_the_others_converted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = readmes(tmp_path, 2)
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\x00\x00")
    missing = str(tmp_path / "missing.md")
    status = main(["convert", good[0], str(binary), missing, good[1], "--to", "jsonl"])
    captured = capsys.readouterr()
    assert status == 1
    records = lines_of(captured.out)
    assert [r["path"] for r in records] == [good[0], str(binary), missing, good[1]]
    assert "document" in records[0] and "document" in records[3]
    assert records[1] == {
        "path": str(binary),
        "error": f"{binary}: binary file (contains NUL bytes), not a README",
    }
    assert records[2] == {"path": missing, "error": f"{missing}: no such file"}
    assert captured.err.splitlines() == [
        f"studyparse: {binary}: binary file (contains NUL bytes), not a README",
        f"studyparse: {missing}: no such file",
    ]


def test_parallel_output_equals_serial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [*readmes(tmp_path, 12), str(tmp_path / "missing.md")]
    assert main(["convert", *paths, "--to", "jsonl", "-j", "1"]) == 1
    serial = capsys.readouterr()
    assert main(["convert", *paths, "--to", "jsonl", "-j", "2"]) == 1
    parallel = capsys.readouterr()
    assert parallel.out == serial.out
    assert parallel.err == serial.err


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = readmes(tmp_path, 2)
    out = tmp_path / "all.jsonl"
    assert main(["convert", *paths, "--to", "jsonl", "-o", str(out), "-j", "2"]) == 0
    assert capsys.readouterr().out == ""
    assert [r["path"] for r in lines_of(out.read_text(encoding="utf-8"))] == paths


def test_standard_input_among_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = readmes(tmp_path, 2)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAPERS.encode())))
    assert main(["convert", paths[0], "-", paths[1], "--to", "jsonl", "-j", "2"]) == 0
    records = lines_of(capsys.readouterr().out)
    assert [r["path"] for r in records] == [paths[0], "<stdin>", paths[1]]
    document = records[1]["document"]
    assert isinstance(document, dict)
    assert document["paper_lists"][0]["papers"][0]["venue"] == "ISPASS"


def test_standard_input_over_the_size_limit_is_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = readmes(tmp_path, 1)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAPERS.encode())))
    argv = ["--max-bytes", "20", "convert", "-", paths[0], "--to", "jsonl"]
    assert main(argv) == 1
    captured = capsys.readouterr()
    records = lines_of(captured.out)
    assert records[0] == {
        "path": "<stdin>",
        "error": "<stdin>: more than 20 bytes, over the limit of 20",
    }
    assert records[1]["path"] == paths[0] and "error" in records[1]
    assert "studyparse: <stdin>: more than 20 bytes" in captured.err


def test_several_files_need_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = readmes(tmp_path, 2)
    assert main(["convert", *paths, "--to", "json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "studyparse: convert: several files need --to jsonl (got --to json)\n"


@pytest.mark.parametrize("jobs", ["-1", "two"])
def test_bad_jobs_is_a_usage_error(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "README.md", "--to", "jsonl", "-j", jobs]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_jobs_zero_means_one_per_cpu(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = readmes(tmp_path, 3)
    assert main(["convert", *paths, "--to", "jsonl", "-j", "0"]) == 0
    assert len(lines_of(capsys.readouterr().out)) == 3


def test_internal_error_is_a_record_and_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = readmes(tmp_path, 2)

    def broken(text: str, **_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("studyparse._read.parse", broken)
    assert main(["convert", *paths, "--to", "jsonl", "-j", "1"]) == 3
    captured = capsys.readouterr()
    records = lines_of(captured.out)
    assert records[0] == {
        "path": paths[0],
        "error": f"{paths[0]}: internal error: RuntimeError: boom",
    }
    assert captured.err.count("internal error") == 2


def test_worker_function_and_its_result_pickle(tmp_path: Path) -> None:
    (path,) = readmes(tmp_path, 1)
    restored = pickle.loads(pickle.dumps(convert_file))
    result = restored(path)
    assert pickle.loads(pickle.dumps(result)) == result
    assert result.outcome == "ok"
    assert json.loads(result.record)["path"] == path


def test_convert_files_keeps_order_with_workers(tmp_path: Path) -> None:
    paths = readmes(tmp_path, 40)
    results = list(convert_files(paths, jobs=2))
    assert [r.path for r in results] == paths
    assert all(isinstance(r, Converted) and r.outcome == "ok" for r in results)


def test_oversized_file_is_an_error_record(tmp_path: Path) -> None:
    (path,) = readmes(tmp_path, 1)
    result = convert_file(path, max_bytes=5)
    assert result.outcome == "failed"
    assert result.record == error_record(path, result.message or "")
    assert "over the limit of 5" in result.record


@pytest.mark.parametrize(
    ("files", "jobs", "expected"),
    [(1, 2, 1), (7, 2, 1), (1000, 1, MAX_CHUNK), (1000, 2, MAX_CHUNK), (100, 2, 12), (100, 8, 3)],
)
def test_chunk_size(files: int, jobs: int, expected: int) -> None:
    assert chunk_size(files, jobs) == expected


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_with_many_files() -> None:
    quiet = io.StringIO()
    progress = Progress(100, quiet)
    progress.advance()
    progress.message("studyparse: x.md: no such file")
    progress.close()
    assert quiet.getvalue() == "studyparse: x.md: no such file\n"

    few = Terminal()
    Progress(3, few).advance()
    assert few.getvalue() == ""

    shown = Terminal()
    progress = Progress(10, shown)
    progress.advance()
    progress.message("studyparse: x.md: no such file")
    progress.advance()
    progress.close()
    text = shown.getvalue()
    assert "1/10 files" in text and "2/10 files" in text
    assert "\r\033[Kstudyparse: x.md: no such file\n" in text
    assert text.endswith("\r\033[K")
