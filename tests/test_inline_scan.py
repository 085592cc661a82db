"""The inline reader's fast scan agrees with a plain character-by-character reading.

The reader jumps from one possibly special character to the next with a regex,
and matches brackets and parentheses in one pass. These tests keep a direct
character loop as the reference and compare both on generated Markdown.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studyparse import _inline
from studyparse._inline import Inline, _InlineReader, _match_pairs, plain


def reference_pairs(src: str, open_char: str, close_char: str) -> dict[int, int]:
    pairs: dict[int, int] = {}
    stack: list[int] = []
    index = 0
    while index < len(src):
        char = src[index]
        if char == "\\":
            index += 2
            continue
        if char == open_char:
            stack.append(index)
        elif char == close_char and stack:
            pairs[stack.pop()] = index
        index += 1
    return pairs


class ReferenceReader(_InlineReader):
    """The reader stepping through every character, as it did before the fast scan."""

    def bracket_pairs(self) -> tuple[dict[int, int], dict[int, int]]:
        return reference_pairs(self.src, "[", "]"), reference_pairs(self.src, "(", ")")

    def read(self) -> Inline:
        src, index = self.src, 0
        while index < len(src):
            char = src[index]
            if char == "\\" and index + 1 < len(src) and not src[index + 1].isalnum():
                self.out.append(src[index + 1])
                index += 2
            elif char == "`":
                index = self._code(index)
            elif char == "!" and src.startswith("![", index):
                index = self._link(index + 1, image=True)
            elif char == "[":
                index = self._link(index, image=False)
            elif char == "<":
                index = self._angle(index)
            elif char == "h" and src.startswith(("http://", "https://"), index):
                index = self._bare_url(index)
            elif char in "*_~":
                index = self._emphasis(index)
            else:
                self.out.append(char)
                index += 1
        return Inline("".join(self.out), tuple(self.links))


PIECES = st.sampled_from(
    [
        "a",
        "b",
        "h",
        "ht",
        "http",
        "x ",
        " ",
        "\n",
        "논문",
        "!",
        "\\",
        "`",
        "``",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "*",
        "**",
        "_",
        "~",
        "~~",
        "https://ex.com/a_(b)",
        "http://x.y",
        "<br>",
        "<https://a.b>",
        "<a@b.cd>",
        "&amp;",
        "![",
        "](",
        ' "t")',
        "1.",
        ",",
        ".",
    ]
)
MARKDOWN = st.lists(PIECES, max_size=40).map("".join)


@given(MARKDOWN)
@settings(max_examples=400)
def test_bracket_pairs_match_reference(src: str) -> None:
    brackets, parens = _match_pairs(src)
    assert brackets == reference_pairs(src, "[", "]")
    assert parens == reference_pairs(src, "(", ")")


def reference_plain(src: str, depth: int = 0) -> Inline:
    return ReferenceReader(src, depth).read()


@given(MARKDOWN)
@settings(max_examples=400)
def test_plain_matches_reference(src: str) -> None:
    original = _inline.plain
    _inline.plain = reference_plain  # nested labels are read by the reference too
    try:
        expected = reference_plain(src)
    finally:
        _inline.plain = original
    assert plain(src) == expected


def test_plain_examples() -> None:
    got = plain(
        r"See [**Attention** \[v2\]](https://arxiv.org/abs/1706.03762 'title') and http://a.b/c."
    )
    assert got.text == "See Attention [v2] and http://a.b/c."
    assert [(link.text, link.url) for link in got.links] == [
        ("Attention [v2]", "https://arxiv.org/abs/1706.03762"),
        ("http://a.b/c", "http://a.b/c"),
    ]
    assert plain("no markup at all, 한국어").text == "no markup at all, 한국어"
    assert plain("snake_case_name and !bang").text == "snake_case_name and !bang"
