"""Properties over any bytes and any text, with the quirks real READMEs have mixed in.

- ``loads`` on any bytes returns a document or raises ``StudyParseError``, nothing else.
- ``parse`` on any text returns a document; JSON, BibTeX and Markdown export never
  raise; ``normalize_text`` returns text or refuses with a ``StudyParseError``.
- Newline style (LF, CRLF, lone CR) and Unicode form (NFC, NFD) change nothing read.
- What goes in as data comes out as the same data: titles, names and URLs with
  braces, quotes, backslashes, newlines or Markdown cannot break out of their
  JSON string, BibTeX field or Markdown item.
"""

from __future__ import annotations

import json
import unicodedata

import bibtexparser
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import studyparse
from comparing import nfc_everywhere
from studyparse import StudyParseError
from studyparse._blocks import scan
from studyparse._decode import decode, encode
from studyparse._model import LayoutEntry, Paper, PaperList, Person, SourceInfo, StudyDocument
from studyparse._normalize import normalize_text

#: Pieces of study READMEs and the quirks they come with: full-width punctuation,
#: non-breaking and zero-width spaces, tabs, trailing spaces, emoji, NFD Hangul, CR.
PIECES = [
    "# ",
    "## ",
    "### ",
    "- ",
    "* ",
    "1. ",
    "2) ",
    "> ",
    "| ",
    " | ",
    "|---|---|\n",
    "```\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "    ",
    "  \n",
    "\u00a0",
    "\u200b",
    "\u3000",
    "\ufeff",
    "，",
    "：",
    "（",
    "）",
    "、",
    "。",
    "**",
    "__",
    "*",
    "_",
    "`",
    "~~",
    "[",
    "](",
    ")",
    "<",
    ">",
    "<br>",
    "<!-- ",
    " -->",
    "&amp;",
    "\\",
    "{",
    "}",
    '"',
    "'",
    "@",
    "http://a.b/c",
    "(2019)",
    "Attention Is All You Need",
    "NeurIPS",
    "ICML 2020",
    ", 2017",
    "et al.",
    " and ",
    "Week 3",
    "1주차",
    "발표자: ",
    "김민수",
    "이영희",
    "논문 목록",
    "Paper List (3)",
    unicodedata.normalize("NFD", "발표 자료"),
    "深度学习",
    "第2周",
    "🎉",
    "🧑‍💻",
    "é",
    "e\u0301",
    "2024-03-05",
    "3/5",
    "Presenter: ",
    "Slides: ",
    "a",
    "b",
    " ",
    ":",
    "-",
    "|",
    "\x0b",
    "\x0c",
]
quirky_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=60).map(
    "".join
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def exports(doc: studyparse.StudyDocument) -> None:
    json.loads(studyparse.to_json(doc))
    assert isinstance(studyparse.to_bibtex(doc), str)
    assert isinstance(studyparse.to_markdown(doc), str)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_a_document_or_the_one_error(data: bytes) -> None:
    try:
        doc = studyparse.loads(data, path="README.md")
    except StudyParseError as error:
        assert error.path == "README.md"
        assert "\n" not in error.format()
        return
    exports(doc)


@SETTINGS
@given(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.sampled_from(["utf-8", "utf-8-sig", "cp949", "utf-16"]),
)
def test_quirky_text_in_any_supported_encoding_loads(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
        return
    try:
        doc = studyparse.loads(data, path="README.md")
    except StudyParseError as error:  # CP949 text may be refused as implausible, never crash
        assert encoding == "cp949" or "\x0b" in text or "\x0c" in text, error
        return
    exports(doc)


@SETTINGS
@given(quirky_text)
def test_any_text_parses_and_exports(text: str) -> None:
    doc = studyparse.parse(text)
    exports(doc)
    try:
        normalized = normalize_text(text)
    except StudyParseError:
        return
    assert isinstance(normalized, str)


#: Any code point at all, lone surrogates included (text from os.fsdecode has them).
ANY_CODE_POINTS = st.text(st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=80)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(PIECES), ANY_CODE_POINTS), max_size=20).map("".join))
@example("# Title \ud800\n\n- Attention Is All You Need, NeurIPS, 2017 \udcff\n")
def test_any_code_points_parse_and_export(text: str) -> None:
    doc = studyparse.parse(text)
    exports(doc)
    surrogates = any("\ud800" <= char <= "\udfff" for char in text)
    assert any(d.code == "surrogates" for d in doc.diagnostics) == surrogates


def read(doc: studyparse.StudyDocument) -> dict[str, object]:
    """Everything read from the text, without the record of how it was stored."""
    return doc.model_dump(exclude={"source"})


@SETTINGS
@given(quirky_text)
def test_newline_style_changes_nothing_read(text: str) -> None:
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = read(studyparse.parse(lf))
    assert read(studyparse.parse(lf.replace("\n", "\r\n"))) == expected
    assert read(studyparse.parse(lf.replace("\n", "\r"))) == expected


@SETTINGS
@given(quirky_text)
def test_nfd_reads_like_nfc(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert nfc_everywhere(read(studyparse.parse(nfd))) == nfc_everywhere(
        read(studyparse.parse(nfc))
    )


@SETTINGS
@given(
    quirky_text,
    st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]),
    st.booleans(),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_encode_then_decode_gives_back_text_and_source(
    text: str, encoding: str, bom: bool, newline: str
) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff") + "\n"
    assume("\x00" not in text)
    bom = bom or encoding != "utf-8"  # UTF-16/32 are recognized by their BOM
    source = SourceInfo(encoding=encoding, bom=bom, newline=newline)  # type: ignore[arg-type]
    try:
        decoded, read_back = decode(encode(text, source))
    except StudyParseError as error:
        assert "binary file" in str(error)  # generated text may be mostly control characters
        return
    assert decoded == text
    assert (read_back.encoding, read_back.bom, read_back.newline) == (encoding, bom, newline)


# -- data in, the same data out -------------------------------------------------------

HOSTILE = st.lists(
    st.sampled_from(
        [
            "}",
            "{",
            '"',
            "\\",
            "\n",
            "\r\n",
            "%",
            "#",
            "&",
            "$",
            "_",
            "^",
            "~",
            "@comment{",
            "@inproceedings{x,",
            "## ",
            "- ",
            "1. ",
            "> ",
            "|",
            "[",
            "](",
            ")",
            "*",
            "`",
            "<br>",
            "<!--",
            "-->",
            "Title",
            "논문",
            "Attention",
            " ",
            ",",
            "2019",
            "http://a.b/?q=1&r={x}",
        ]
    ),
    min_size=1,
    max_size=25,
).map("".join)


def single_paper(title: str, url: str, name: str) -> StudyDocument:
    paper = Paper(title=title, url=url, year=2020, assignees=[Person(name=name)])
    return StudyDocument(
        paper_lists=[PaperList(category="Papers", papers=[paper])],
        layout=[LayoutEntry(kind="paper_list", index=0)],
    )


@SETTINGS
@given(HOSTILE, HOSTILE, HOSTILE)
def test_json_keeps_hostile_strings_as_data(title: str, url: str, name: str) -> None:
    doc = single_paper(title, url, name)
    data = json.loads(studyparse.to_json(doc))
    paper = data["paper_lists"][0]["papers"][0]
    assert (paper["title"], paper["url"], paper["assignees"][0]["name"]) == (title, url, name)
    assert StudyDocument.model_validate_json(studyparse.to_json(doc)).model_dump() == (
        doc.model_dump()
    )


@SETTINGS
@given(HOSTILE, HOSTILE)
def test_bibtex_keeps_each_paper_in_one_entry(title: str, url: str) -> None:
    assume(any(char.isalnum() for char in title))
    text = studyparse.to_bibtex(single_paper(title, url, "Kim"))
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert len(library.entries) == 1
    assert library.comments == [] and library.strings == [] and library.preambles == []
    fields = library.entries[0].fields_dict
    assert fields["year"].value == "2020"
    assert "inproceedings" not in set(fields) | {"x"} - {"x"}


MARKDOWN_TITLES = st.lists(
    st.sampled_from(
        [
            "Title",
            "논문",
            "Attention",
            " ",
            "}",
            "{",
            '"',
            "\\",
            "## ",
            "# ",
            "- ",
            "* ",
            "1. ",
            "> ",
            "|",
            "[",
            "]",
            "(",
            ")",
            "`",
            "<br>",
            "<!--",
            "-->",
            "_",
            "**",
            ":",
            ",",
            "2019",
        ]
    ),
    min_size=1,
    max_size=15,
).map(lambda pieces: "".join(pieces).strip())


@SETTINGS
@given(MARKDOWN_TITLES)
def test_markdown_keeps_a_title_inside_its_item(title: str) -> None:
    assume(any(char.isalnum() for char in title))
    doc = single_paper(title, "https://example.com/p", "Kim")
    written = studyparse.to_markdown(doc)
    kinds = [block.kind for block in scan(written) if block.kind != "blank"]
    assert kinds == ["heading", "item"], written
