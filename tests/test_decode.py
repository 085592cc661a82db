"""Decoding: every supported way a README is stored reads to the same document.

Encoded fixtures are generated here from the UTF-8 seeds in corpus/, so each one
is byte for byte the seed's text in another encoding.
"""

from __future__ import annotations

import codecs
import random
import unicodedata
from pathlib import Path

import pytest

import studyparse
from comparing import nfc_everywhere
from studyparse import SourceInfo, StudyParseError
from studyparse._decode import decode, detect_newline, encode, plausible_legacy

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEEDS = sorted(CORPUS.glob("00[0-4]_*.txt"))


def storable(text: str, encoding: str) -> str:
    """``text`` as a tool saving it in ``encoding`` keeps it: unstorable characters become ``?``."""
    return text.encode(encoding, errors="replace").decode(encoding)


def same_document(a: studyparse.StudyDocument, b: studyparse.StudyDocument) -> None:
    """Equal in everything read from the text; only the record of the storage differs."""
    dump_a = a.model_dump(exclude={"source", "diagnostics"})
    dump_b = b.model_dump(exclude={"source", "diagnostics"})
    assert dump_a == dump_b
    not_encoding = [d for d in b.diagnostics if d.code != "encoding"]
    assert not_encoding == a.diagnostics


def test_there_are_five_seeds() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_saved_as_cp949_reads_like_the_utf8_original(seed: Path) -> None:
    text = storable(seed.read_text(encoding="utf-8"), "cp949")
    original = studyparse.loads(text.encode("utf-8"), path="README.md")
    legacy = studyparse.loads(text.encode("cp949"), path="README.md")
    same_document(original, legacy)
    assert legacy.source.encoding in ("euc-kr", "cp949")
    if text.isascii():
        assert legacy.source.encoding == "utf-8"  # ASCII is UTF-8 too
    else:
        info = legacy.diagnostics[0]
        assert (info.code, info.severity, info.line) == ("encoding", "info", 1)
        assert info.message.startswith(f"read as {legacy.source.encoding.upper()}, not UTF-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("seed", SEEDS[:2], ids=lambda p: p.name[:3])
def test_seed_saved_as_utf16_or_utf32_with_bom(seed: Path, encoding: str) -> None:
    text = seed.read_text(encoding="utf-8")
    data = "\ufeff".encode(encoding) + text.encode(encoding)
    doc = studyparse.loads(data, path="README.md")
    same_document(studyparse.loads(text.encode("utf-8")), doc)
    assert (doc.source.encoding, doc.source.bom) == (encoding, True)


def test_korean_text_in_euc_kr_is_recorded_as_euc_kr() -> None:
    text, source = decode("# 논문 목록\n\n- 발표자: 김민수\n".encode("euc-kr"))
    assert text == "# 논문 목록\n\n- 발표자: 김민수\n"
    assert source.encoding == "euc-kr"


def test_cp949_extension_syllables_are_read_as_cp949() -> None:
    text = "# 똠방각하 스터디\n\n- 발표: 김철수, 이영희, 박지성, 최민호, 정수진, 한가람\n"
    assert len("똠".encode("cp949")) == 2 and "똠".encode("cp949")[1] < 0xA1
    decoded, source = decode(text.encode("cp949"))
    assert (decoded, source.encoding) == (text, "cp949")


def test_utf8_bom_is_dropped_and_remembered() -> None:
    text, source = decode(codecs.BOM_UTF8 + "# 제목\n".encode())
    assert text == "# 제목\n"
    assert (source.encoding, source.bom) == ("utf-8", True)


def test_plain_utf8_has_no_encoding_diagnostic() -> None:
    doc = studyparse.loads("# 스터디\n".encode())
    assert all(d.code != "encoding" for d in doc.diagnostics)
    assert doc.source.encoding == "utf-8"


@pytest.mark.parametrize(
    ("data", "newline"),
    [(b"a\nb\n", "\n"), (b"a\r\nb\r\n", "\r\n"), (b"a\rb\r", "\r"), (b"ab", "\n")],
)
def test_newline_style_is_detected_and_text_is_lf(data: bytes, newline: str) -> None:
    text, source = decode(data)
    assert source.newline == newline
    assert "\r" not in text


def test_first_line_break_decides_the_style() -> None:
    assert detect_newline("a\r\nb\nc") == "\r\n"
    assert detect_newline("a\nb\r\nc") == "\n"
    assert detect_newline("a\rb\nc") == "\r"


def test_shift_jis_is_not_mistaken_for_cp949() -> None:
    data = "# 勉強会の論文リスト\n\n- 深層学習による画像認識の研究と応用\n".encode("shift_jis")
    with pytest.raises(StudyParseError, match=r"not UTF-8 or CP949/EUC-KR text: byte 0x"):
        decode(data, "README.md")


def test_mojibake_is_implausible_and_korean_is_plausible() -> None:
    assert plausible_legacy("# 논문 목록 “인용” ①")
    assert not plausible_legacy("롦띿쀊돸밒뛩 worst case")
    assert not plausible_legacy("제목\x01")


def test_undecodable_byte_is_named_with_its_offset() -> None:
    data = b"# Title\n\n- a paper \xff\xfe\xfd here\n"
    with pytest.raises(StudyParseError) as caught:
        decode(data, "README.md")
    assert caught.value.format() == (
        "README.md: not UTF-8 or CP949/EUC-KR text: byte 0xff at offset 19 cannot be decoded"
    )


def test_the_offset_is_where_the_best_candidate_stopped() -> None:
    korean = "# 논문 목록\n\n- 발표자: 김민수\n".encode("cp949")
    data = korean + b"\xff\xff tail\n"
    with pytest.raises(StudyParseError, match=f"byte 0xff at offset {len(korean)} "):
        decode(data, "README.md")


def test_bad_utf16_names_the_absolute_offset() -> None:
    data = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xdc"  # a lone low surrogate
    with pytest.raises(StudyParseError, match="not valid UTF-16-LE text: byte 0x00 at offset 6"):
        decode(data, "README.md")


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"text\x00with a NUL", bytes(range(1, 32)) * 10],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(StudyParseError, match="binary file"):
        decode(data, "logo.png")


def test_random_bytes_without_nul_are_binary() -> None:
    data = random.Random(5).randbytes(4000).replace(b"\x00", b"\x01")
    with pytest.raises(StudyParseError, match=r"binary file \(control characters\)"):
        decode(data, "blob")


def test_a_few_control_characters_do_not_make_a_file_binary() -> None:
    text, _ = decode(b"# Notes\n\n" + b"terminal output: \x1b[31mred\x1b[0m\x07\n" + b"x" * 200)
    assert "\x1b[31mred" in text


@pytest.mark.parametrize(
    "source",
    [
        SourceInfo(),
        SourceInfo(encoding="utf-8", bom=True, newline="\r\n"),
        SourceInfo(encoding="utf-16-le", bom=True, newline="\r\n"),
        SourceInfo(encoding="utf-16-be", bom=True),
        SourceInfo(encoding="utf-32-le", bom=True, newline="\r"),
        SourceInfo(encoding="cp949", newline="\r\n"),
        SourceInfo(encoding="euc-kr"),
    ],
    ids=lambda s: f"{s.encoding}-{'bom' if s.bom else 'nobom'}-{s.newline!r}",
)
def test_encode_writes_back_the_bytes_it_read(source: SourceInfo) -> None:
    text = "# 논문 목록\n\n- Attention Is All You Need (발표: 김민수)\n"
    data = encode(text, source)
    decoded, read = decode(data)
    assert decoded == text
    assert (read.bom, read.newline) == (source.bom, source.newline)
    # CP949 text within the EUC-KR range is EUC-KR: the same bytes either way
    assert read.encoding == ("euc-kr" if source.encoding == "cp949" else source.encoding)
    assert encode(decoded, read) == data


def test_encode_accepts_any_newline_style_in_the_text() -> None:
    source = SourceInfo(newline="\r\n")
    assert encode("a\r\nb\nc\rd", source) == b"a\r\nb\r\nc\r\nd"


def test_encode_refuses_what_the_encoding_cannot_store() -> None:
    source = SourceInfo(path="README.md", encoding="cp949", newline="\r\n")
    with pytest.raises(StudyParseError) as caught:
        encode("# 제목\n\n- 발표 🎉\n", source)
    assert caught.value.format() == "README.md:3: '🎉' cannot be written in CP949"


NFD_README = """# 딥러닝 스터디

## 논문 목록 (2)

1. Attention Is All You Need, NeurIPS, 2017 - 김민수
2. 한국어 임베딩 연구, 한국정보과학회, 2019

발표자: 김민수, 이영희
"""


def test_nfd_hangul_is_read_as_nfc_and_kept_as_written() -> None:
    nfd = unicodedata.normalize("NFD", NFD_README)
    assert nfd != NFD_README
    doc = studyparse.parse(nfd)
    assert doc.model_dump() != studyparse.parse(NFD_README).model_dump()  # raw text differs
    assert nfc_everywhere(doc.model_dump()) == studyparse.parse(NFD_README).model_dump()
    assert doc.title == "딥러닝 스터디"
    assert [h.text for h in doc.headings] == ["딥러닝 스터디", "논문 목록"]
    assert doc.source_text == nfd


QUIRK_README = """# Deep Learning Study

## Schedule

| Week | Date | Presenter | Paper |
|---|---|---|---|
| 1 | 2024-03-05 | 김민수 | Attention Is All You Need (NeurIPS 2017) |

## Paper List (2)

1. Deep Residual Learning for Image Recognition, CVPR, 2016
2. Learned Step Size Quantization, ICLR, 2020

발표자: 김민수
"""

QUIRKS = {
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "lone CR": lambda t: t.replace("\n", "\r"),
    "BOM": lambda t: "\ufeff" + t,
    "no-break spaces": lambda t: t.replace(" ", "\u00a0"),
    "zero-width spaces": lambda t: t.replace("Deep Residual", "Deep\u200b Residual"),
    "tabs after markers": lambda t: t.replace("1. ", "1.\t").replace("| 1 |", "|\t1\t|"),
    "trailing spaces": lambda t: t.replace("\n", "  \t\n"),
    "NFD": lambda t: unicodedata.normalize("NFD", t),
    "full-width colon": lambda t: t.replace("발표자: ", "발표자："),
}


def summary(doc: studyparse.StudyDocument) -> object:
    return (
        doc.title,
        [heading.text for heading in doc.headings],
        [(paper.title, paper.venue, paper.year) for paper in doc.papers],
        [(talk.title, talk.date, [p.name for p in talk.presenters]) for talk in doc.talks],
        [person.name for person in doc.people],
    )


@pytest.mark.parametrize("quirk", QUIRKS)
def test_quirks_read_as_a_person_reads_them(quirk: str) -> None:
    expected = summary(studyparse.parse(QUIRK_README))
    assert expected[2][0] == ("Deep Residual Learning for Image Recognition", "CVPR", 2016)
    assert summary(studyparse.parse(QUIRKS[quirk](QUIRK_README))) == expected


def test_no_break_spaces_are_kept_in_the_source() -> None:
    text = QUIRK_README.replace(" ", "\u00a0")
    doc = studyparse.parse(text)
    assert doc.source_text == text
    assert "\u00a0" in doc.papers[0].raw or "\u00a0" in text.splitlines()[doc.papers[0].line - 1]


def test_emoji_stay_in_values() -> None:
    doc = studyparse.parse(QUIRK_README.replace("Study\n", "Study 🎉\n", 1))
    assert doc.title == "Deep Learning Study 🎉"


MESSY_KOREAN = (
    "# 논문 읽기 모임\n\n## 논문 목록 (2)\n\n*  Attention Is All You Need, NeurIPS, 2017\n"
)


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("cp949", b"", "\r\n"), ("euc-kr", b"", "\n"), ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n")],
)
def test_normalize_writes_back_in_the_encoding_it_read(
    tmp_path: Path, encoding: str, bom: bytes, newline: str
) -> None:
    from studyparse._cli import main

    readme = tmp_path / "README.md"
    readme.write_bytes(bom + MESSY_KOREAN.replace("\n", newline).encode(encoding))
    assert main(["normalize", str(readme)]) == 1  # rewritten
    data = readme.read_bytes()
    assert data.startswith(bom)
    text = data[len(bom) :].decode(encoding)
    assert "# 논문 읽기 모임" in text and "*  Attention" not in text
    assert "Attention Is All You Need, NeurIPS, 2017" in text
    lines = text.split(newline)
    assert len(lines) > 5 and not any("\r" in line or "\n" in line for line in lines)
    assert main(["normalize", "--check", str(readme)]) == 0  # a fixed point
