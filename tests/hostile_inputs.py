"""Pathological README texts, each built to about ``size`` characters.

Shared by tests/test_hostile.py (each must finish well within a generous time
limit) and usable by a benchmark to check that time grows linearly with size:
``CASES[name](size)`` for a few sizes, then compare time per character.
``numbered_papers``, ``schedule_rows`` and ``nested_list`` build documents of a given
number of entries, so a test can check what is read from them (tests/test_large_input.py).
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def single_line(size: int) -> str:
    """One line of words, no line break."""
    return _repeat("word [x](y) **b** ", size)


def many_items(size: int) -> str:
    """A flat list of short items (100,000 items is about 1.4 MB)."""
    count = max(1, size // 14)
    return "".join(f"- item {i}\n" for i in range(count))


def nested_markers(size: int) -> str:
    """List markers nested on one line: ``- - - - x`` (10,000 deep is 20 kB)."""
    return _repeat("- ", size) + "x\n"


def nested_indented_list(size: int) -> str:
    """A list nested by indentation, each level one space deeper than the last."""
    lines, total, depth = [], 0, 0
    while total < size:
        line = " " * depth + "- x\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines)


def numbered_papers(count: int, marker: str = ".") -> str:
    """A paper list of ``count`` numbered items ``N. Title N, ICML, 2019`` (100,000 is 3 MB)."""
    items = "".join(f"{n}{marker} Title {n}, ICML, 2019\n" for n in range(1, count + 1))
    return "# Study\n\n## Paper List\n\n" + items


def schedule_rows(count: int) -> str:
    """A schedule table of ``count`` rows: week, date, title, presenter (60,000 is 3 MB)."""
    rows = "".join(
        f"| {n} | 2020-01-{n % 28 + 1:02d} | Talk title {n} | Presenter {n} |\n"
        for n in range(1, count + 1)
    )
    return (
        "# Study\n\n## Schedule\n\n| Week | Date | Title | Presenter |\n| --- | --- | --- | --- |\n"
        + rows
    )


def nested_list(depth: int) -> str:
    """A list ``depth`` levels deep, each item one column deeper than its parent, four
    columns written as a tab (5,000 levels is 3 MB)."""
    lines = (
        "\t" * (level // 4) + " " * (level % 4) + f"- item {level}\n" for level in range(depth)
    )
    return "# Study\n\n" + "".join(lines)


def nested_quotes(size: int) -> str:
    """Block quotes nested on one line: ``>>>>> x``."""
    return _repeat(">", size) + " x\n"


def nested_quote_lines(size: int) -> str:
    """Block quotes and list items nested deeper on every line."""
    lines, total, depth = [], 0, 1
    while total < size:
        line = "> " * depth + "- x\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines)


def wide_table(size: int) -> str:
    """A table with thousands of columns and a few rows."""
    columns = max(1, size // 8)
    header = "|" + "|".join(f"c{i}" for i in range(columns)) + "|\n"
    rule = "|" + "---|" * columns + "\n"
    row = "|" + "x|" * columns + "\n"
    return header + rule + row * 3


def run_of(char: str) -> Callable[[int], str]:
    """A megabyte of one markup character, on one line."""

    def build(size: int) -> str:
        return char * size

    build.__doc__ = f"{char!r} repeated, on one line"
    return build


#: name -> builder of a text of about ``size`` characters.
CASES: dict[str, Callable[[int], str]] = {
    "single line": single_line,
    "many items": many_items,
    "nested markers": nested_markers,
    "nested indented list": nested_indented_list,
    "nested quotes": nested_quotes,
    "nested quote lines": nested_quote_lines,
    "wide table": wide_table,
    **{f"run of {char}": run_of(char) for char in "[*_(|`<!#>-"},
    "alternating backticks": lambda size: _repeat("` ", size),
    "open links": lambda size: _repeat("[a](", size),
    "closed links": lambda size: _repeat("[a](b) ", size),
    "bare urls": lambda size: _repeat("http://", size),
    "spaces": lambda size: "- a" + " " * size + "b\n",
    "emails": lambda size: _repeat("a", size) + "\n",
    "label colons": lambda size: _repeat("a: ", size) + "\n",
}
