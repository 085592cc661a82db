"""BibTeX export: venues, keys, titles, duplicates, the CLI, and every corpus README read back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest

from studyparse._bibtex import (
    ascii_word,
    export_bibtex,
    key_base,
    surname,
    title_field,
    to_bibtex,
    unique_keys,
)
from studyparse._cli import main
from studyparse._read import parse
from studyparse._records import Paper, PaperList, Session, StudyDocument, Talk
from studyparse._venues import edit_distance, is_misspelling, lookup, resolve

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bibtex"
READMES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt"))
SEEDS = sorted(CORPUS.glob("00[0-4]_*.txt"))


def _doc(*papers: Paper, talks: tuple[Talk, ...] = ()) -> StudyDocument:
    doc = StudyDocument(paper_lists=[PaperList(papers=list(papers))])
    if talks:
        doc.sessions = [Session(talks=list(talks))]
    return doc


def _entries(text: str) -> list[bibtexparser.model.Entry]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    return list(library.entries)


# ---------------------------------------------------------------- venues


@pytest.mark.parametrize(
    ("written", "short"),
    [
        ("NIPS", "NeurIPS"),
        ("NeurIPS 2019", "NeurIPS"),
        ("CVPR'19", "CVPR"),
        ("IEEE TCAD", "TCAD"),
        ("Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition", "CVPR"),
        (
            "Proceedings of the IEEE Conference on Compu"
            "ter Vision and Pattern Recognition Workshops",
            "CVPRW",
        ),
        ("Proceedings of the European Conference on Computer Vision (ECCV)", "ECCV"),
        (
            "2017 IEEE International Parallel and Distrib"
            "uted Processing Symposium Workshops (IPDPSW)",
            "IPDPSW",
        ),
        (
            "Proceedings of the 2017 ACM/SIGDA Internation"
            "al Symposium on Field-Programmable Gate Arrays",
            "FPGA",
        ),
        ("Advances in Neural Information Processing Systems", "NeurIPS"),
        ("IEEE Journal of Solid-State Circuits", "JSSC"),
        ("arXiv preprint arXiv:1602.02830", "arXiv"),
        ("GOOGLE", "Google"),
    ],
)
def test_venue_strings_resolve(written: str, short: str) -> None:
    match = resolve(written)
    assert match is not None and match.venue.short == short
    assert match.how != "misspelled"


def test_arxiv_container_gives_the_identifier_and_category() -> None:
    match = resolve("arXiv preprint arXiv:1602.02830")
    assert match is not None and match.eprint == "1602.02830" and match.primary_class is None
    match = resolve("arXiv:1905.11946v2 [cs.LG]")
    assert match is not None and (match.eprint, match.primary_class) == ("1905.11946v2", "cs.LG")
    match = resolve("arXiv hep-th/9901001")
    assert match is not None and (match.eprint, match.primary_class) == ("hep-th/9901001", "hep-th")


def test_edition_is_read_from_the_container() -> None:
    match = resolve(
        "Proceedings of the 25th International Conference on Architectural Support for "
        "Programming Languages and Operating Systems"
    )
    assert match is not None and (match.venue.short, match.edition) == ("ASPLOS", "25th")


@pytest.mark.parametrize("written", ["ASLOPS", "ASLPOS", "aslpos 2020", "ICRL"])
def test_misspellings_of_a_known_name_are_assumed(written: str) -> None:
    match = resolve(written)
    assert match is not None and match.how == "misspelled"
    assert match.venue.short in ("ASPLOS", "ICLR")


@pytest.mark.parametrize(
    "written",
    # other real venues one letter away from a known one, or too short to guess
    ["ICPQ", "ISCAX", "ACM", "PAC", "Foo Bar"],
)
def test_no_guess_without_a_clear_misspelling(written: str) -> None:
    match = resolve(written)
    assert match is None or match.how != "misspelled"


def test_misspelling_rule() -> None:
    assert edit_distance("aslops", "asplos") == 2
    assert edit_distance("aslpos", "asplos") == 1
    assert is_misspelling("aslops", "asplos")  # same letters, a letter moved
    assert not is_misspelling("iclr", "icml")  # another name, not a typo
    assert not is_misspelling("isca", "isca")
    assert is_misspelling("neuralinformationprocesingsystems", "neuralinformationprocessingsystems")
    assert not is_misspelling("acl", "acm")  # too short to tell


def test_lookup_stays_exact_for_the_parser() -> None:
    venue = lookup("NIPS 2019")
    assert venue is not None and venue.short == "NeurIPS"
    assert lookup("ASLOPS") is None
    assert lookup("EMC2") is not None and lookup("arXiv:1602.02830") is None


def test_unknown_venue_worded_as_a_conference() -> None:
    match = resolve("Proceedings of the Tiny Learning Symposium")
    assert match is not None and match.how == "worded" and match.venue.kind == "conference"


def test_required_venues_are_in_the_knowledge_base() -> None:
    required = [
        "NeurIPS",
        "NIPS",
        "ICML",
        "ICLR",
        "CVPR",
        "ICCV",
        "ECCV",
        "AAAI",
        "IJCAI",
        "ACL",
        "EMNLP",
        "ISCA",
        "MICRO",
        "HPCA",
        "ASPLOS",
        "DAC",
        "ICCAD",
        "DATE",
        "FPGA",
        "FCCM",
        "ISSCC",
        "VLSI",
        "JSSC",
        "TCAD",
        "TC",
        "TPDS",
        "OSDI",
        "SOSP",
        "EuroSys",
        "MLSys",
        "PACT",
        "CGO",
        "PLDI",
        "ISPASS",
        "IISWC",
        "HotChips",
        "arXiv",
    ]
    assert [name for name in required if lookup(name) is None] == []


def test_every_venue_has_a_kind_the_export_knows() -> None:
    from studyparse._venues import kind_words, venues

    kinds = {"conference", "workshop", "journal", "letters", "preprint", "report"}
    assert {venue.kind for venue in venues()} <= kinds
    assert {kind for kind, _ in kind_words()} <= kinds
    assert all(venue.full.strip() and venue.short.strip() for venue in venues())


def test_every_venue_name_means_one_venue() -> None:
    import re

    from studyparse._venues import venues

    owner: dict[str, str] = {}
    for venue in venues():
        for name in (venue.short, venue.full, *venue.aliases):
            key = re.sub(r"[^0-9a-z&]+", "", name.casefold())
            assert owner.setdefault(key, venue.short) == venue.short, name


# ---------------------------------------------------------------- entry types


@pytest.mark.parametrize(
    ("venue", "entry_type", "field", "value"),
    [
        (
            "ASPLOS",
            "inproceedings",
            "booktitle",
            "International Conference on Architectural Support for Programming Languages and "
            "Operating Systems (ASPLOS)",
        ),
        (
            "Proceedings of the 25th International Conference on Architectural Support for "
            "Programming Languages and Operating Systems",
            "inproceedings",
            "booktitle",
            "Proceedings of the 25th International Conference on Architectural Support for "
            "Programming Languages and Operating Systems (ASPLOS)",
        ),
        ("IEEE TWC", "article", "journal", "IEEE Transactions on Wireless Communications (TWC)"),
        (
            "IEEE Computer Architecture Letters",
            "article",
            "journal",
            "IEEE Computer Architecture Letters (CAL)",
        ),
        ("GOOGLE", "techreport", "institution", "Google"),
        ("Some Lab Blog", "misc", "note", "Some Lab Blog"),
        ("arXiv preprint arXiv:1602.02830", "misc", "eprint", "1602.02830"),
        ("arxiv", "misc", "howpublished", "arXiv preprint"),
    ],
)
def test_entry_type_follows_the_venue(venue: str, entry_type: str, field: str, value: str) -> None:
    (entry,) = _entries(to_bibtex(_doc(Paper(title="A Study", venue=venue, year=2020))))
    assert entry.entry_type == entry_type
    assert entry.fields_dict[field].value == value


def test_arxiv_entry_is_in_arxiv_export_form() -> None:
    paper = Paper(
        title="Trained ternary quantization",
        venue="arXiv preprint arXiv:1612.01064",
        year=2016,
        authors=["Zhu, Chenzhuo"],
        raw="Zhu, Chenzhuo, et al. “Trained ...”",
    )
    (entry,) = _entries(to_bibtex(_doc(paper)))
    fields = {k: f.value for k, f in entry.fields_dict.items()}
    assert fields["archivePrefix"] == "arXiv"
    assert fields["url"] == "https://arxiv.org/abs/1612.01064"
    assert fields["author"] == "Zhu, Chenzhuo and others"


def test_misspelled_venue_is_assumed_with_a_diagnostic_and_kept_on_the_model() -> None:
    doc = parse("## Paper List\n1. Split-CNN: Splitting Window-based Operations, ASLOPS, 2020\n")
    assert doc.papers[0].venue == "ASLOPS"
    result = export_bibtex(doc)
    (entry,) = _entries(result.text)
    assert entry.entry_type == "inproceedings"
    assert entry.fields_dict["booktitle"].value.endswith("(ASPLOS)")
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "venue-assumed" and diagnostic.line == 2
    assert "'ASLOPS' read as ASPLOS" in diagnostic.message


# ---------------------------------------------------------------- keys


@pytest.mark.parametrize(
    ("authors", "year", "title", "key"),
    [
        (["Jonathan Frankle"], 2019, "The Lottery Ticket Hypothesis", "frankle2019lottery"),
        (["Courbariaux, Matthieu"], 2016, "Binarized neural networks", "courbariaux2016binarized"),
        (["Graham W. Taylor"], 2017, "Attacking binarized networks", "taylor2017attacking"),
        (
            ["Laurens van der Maaten"],
            2008,
            "Visualizing Data using t-SNE",
            "vandermaaten2008visualizing",
        ),
        (["Müller, Jürgen"], 2020, "Über Netze", "muller2020uber"),
        (["김석중"], 2021, "Deep Learning", "gim2021deep"),
        ([], 2019, "On the Co-Design of DNNs", "codesign2019"),
        ([], None, "µLayer: Low Latency", "mulayer"),
        ([], 2020, "트랜스포머 정리", "teuraenseupomeo2020"),
        ([], 2020, "量化综述", "paper2020"),
    ],
)
def test_keys_in_google_scholar_shape(
    authors: list[str], year: int | None, title: str, key: str
) -> None:
    assert key_base(Paper(title=title, authors=authors, year=year)) == key


def test_keys_are_made_unique_in_order() -> None:
    assert unique_keys(["he2018amc", "he2018amc", "lee2019x", "he2018amc"]) == [
        "he2018amc",
        "he2018amca",
        "lee2019x",
        "he2018amcb",
    ]
    assert unique_keys(["a2020x", "a2020x", "a2020xa"]) == ["a2020x", "a2020xa", "a2020xaa"]


def test_surnames() -> None:
    assert surname("Quoc V. Le") == "Le"
    assert surname("Galloway, Angus") == "Galloway"
    assert surname("Martin Luther King Jr.") == "King"
    assert ascii_word("Ångström") == "angstrom"


# ---------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("AMC: AutoML for Model Compression", "{AMC}: {AutoML} for Model Compression"),
        (
            "Integrating NVIDIA Accelerator (NVDLA) with RISC-V SoC",
            "Integrating {NVIDIA} Accelerator ({NVDLA}) with {RISC-V} {SoC}",
        ),
        ("Hardware-Aware Real-Time Pruning", "Hardware-Aware Real-Time Pruning"),
        (
            "THE LOTTERY TICKET HYPOTHESIS: FINDING SPARSE, TRAINABLE NEURAL NETWORKS",
            "The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks",
        ),
        (
            "AUTOQ: AUTOMATED KERNEL-WISE NEURAL NETWORK QUANTIZATION",
            "{AUTOQ}: Automated Kernel-Wise Neural Network Quantization",
        ),
        (
            "GPT-4 TECHNICAL REPORT ON CNN AND GPU USE",
            "{GPT-4} Technical Report on {CNN} and {GPU} Use",
        ),
        ("R&D of 50% faster C# code_gen for $5", r"{R\&D} of 50\% faster C\# code\_gen for \$5"),
        (
            "A {curly} back\\slash ~ ^",
            r"A \textbraceleft{}curly\textbraceright{} back\textbackslash{}slash "
            r"\textasciitilde{} \textasciicircum{}",
        ),
        ("model size < 0.5 MB", r"model size \textless{} 0.5 {MB}"),
        ("트랜스포머 논문 리뷰", "트랜스포머 논문 리뷰"),
        ("µLayer:Low Latency", "{µLayer}:{Low} Latency"),
        (
            "Minerva:Enabling Low-Power,Highly-Accurate DNNs",
            "Minerva:{Enabling} Low-Power,Highly-Accurate {DNNs}",
        ),
    ],
)
def test_title_wording_kept_and_acronyms_braced(title: str, field: str) -> None:
    assert title_field(title) == field


def test_ascii_option_writes_latex_accents() -> None:
    assert title_field("Über café naïve µLayer", ascii=True) == (
        r"{\"U}ber caf{\'e} na{\"\i}ve {{$\mu$}Layer}"
    )
    assert title_field("트랜스포머", ascii=True) == "트랜스포머"


def test_the_whole_title_is_never_braced() -> None:
    assert not title_field("BERT").startswith("{{")
    field = title_field("Timeloop: A Systematic Approach to DNN Accelerator Evaluation")
    assert field == "Timeloop: A Systematic Approach to {DNN} Accelerator Evaluation"


# ---------------------------------------------------------------- papers of the document


def test_duplicates_become_one_entry_with_a_diagnostic() -> None:
    doc = parse(
        "## Papers\n"
        "- Understanding Precision Quantization (DATE, 2017, Brown)\n"
        "- Bit Fusion (ISCA, 2018)\n"
        "- understanding precision quantization (DATE, 2017)\n"
    )
    result = export_bibtex(doc)
    assert len(_entries(result.text)) == 2
    (diagnostic,) = [d for d in result.diagnostics if d.code == "duplicate-paper"]
    assert diagnostic.line == 4 and "line 2" in diagnostic.message


def test_same_title_other_year_stays_two_entries() -> None:
    doc = _doc(Paper(title="Survey", year=2019, line=1), Paper(title="Survey", year=2021, line=2))
    keys = [e.key for e in _entries(to_bibtex(doc))]
    assert keys == ["survey2019", "survey2021"]


def test_papers_presented_in_talks_are_exported_once() -> None:
    listed = Paper(title="GPipe: Efficient Training", venue="NIPS", year=2019, line=3)
    talk_paper = Paper(title="GPipe: Efficient Training", line=10, url="https://example.org/gpipe")
    only_talk = Paper(title="MnnFast: A Fast System", venue="ISCA", year=2019, line=12)
    doc = _doc(
        listed,
        talks=(
            Talk(title="GPipe", paper=talk_paper, line=10),
            Talk(title="MnnFast", paper=only_talk, line=12),
            Talk(title="Introduction to the study", line=14),
        ),
    )
    result = export_bibtex(doc)
    entries = _entries(result.text)
    assert [e.fields_dict["title"].value for e in entries] == [
        "{GPipe}: Efficient Training",
        "{MnnFast}: A Fast System",
    ]
    assert entries[0].fields_dict["url"].value == "https://example.org/gpipe"
    assert result.diagnostics == ()


def test_schedule_only_study_gets_its_reading_list() -> None:
    doc = StudyDocument(
        sessions=[
            Session(
                talks=[
                    Talk(title="Paper A", paper=Paper(title="Paper A", year=2020, line=2), line=2),
                ]
            )
        ]
    )
    assert [e.key for e in _entries(to_bibtex(doc))] == ["paper2020"]


def test_schedule_without_paper_list_exports_its_talk_titles() -> None:
    doc = StudyDocument(
        sessions=[
            Session(
                talks=[
                    Talk(title="Scalpel: Customizing DNN Pruning", line=4),
                    Talk(title="Optimal DNN Primitive Selection", line=9),
                    Talk(title=None, line=12),
                ]
            )
        ]
    )
    titles = [e.fields_dict["title"].value for e in _entries(to_bibtex(doc))]
    assert titles == ["Scalpel: Customizing {DNN} Pruning", "Optimal {DNN} Primitive Selection"]


def test_talks_without_paper_are_not_exported_beside_a_paper_list() -> None:
    listed = Paper(title="Timeloop: DNN Accelerator Evaluation", venue="ISPASS", year=2019, line=2)
    doc = _doc(listed, talks=(Talk(title="Introduction to the study", line=14),))
    assert len(_entries(to_bibtex(doc))) == 1


def test_notes_and_assignees_go_to_annote_and_relative_links_are_left_out() -> None:
    paper = Paper(
        title="Finn",
        year=2017,
        notes=["KU Leuven"],
        url="./notes/finn.md",
        assignees=[],
        doi="10.1145/3020078.3021744",
    )
    (entry,) = _entries(to_bibtex(_doc(paper)))
    fields = {k: f.value for k, f in entry.fields_dict.items()}
    assert fields["annote"] == "KU Leuven"
    assert fields["doi"] == "10.1145/3020078.3021744"
    assert "url" not in fields


def test_empty_document_writes_nothing() -> None:
    assert to_bibtex(StudyDocument()) == ""


# ---------------------------------------------------------------- the command line


def test_convert_to_bibtex_prints_entries_and_diagnostics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "## Paper List\n1. Capuchin: Tensor-based GPU Memory, ASLPOS, 2020\n", encoding="utf-8"
    )
    assert main(["convert", str(readme), "--to", "bibtex"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("@inproceedings{capuchin2020,\n")
    assert err == (
        f"{readme}:2:1: venue-assumed venue 'ASLPOS' read as ASPLOS (International Conference on "
        "Architectural Support for Programming Languages and Operating Systems)\n"
    )


def test_ascii_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("## Papers\n- Über Café, ICML, 2020\n", encoding="utf-8")
    assert main(["convert", str(readme), "--to", "bibtex", "--ascii"]) == 0
    assert r"title = {{\"U}ber Caf{\'e}}" in capsys.readouterr().out
    assert main(["convert", str(readme), "--to", "json", "--ascii"]) == 2
    assert "--ascii applies to --to bibtex only" in capsys.readouterr().err


def test_bibtex_is_listed_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--help"]) == 0
    assert "--to {bibtex,json" in capsys.readouterr().out


def test_to_bibtex_is_exported_lazily() -> None:
    code = (
        "import sys, studyparse; assert 'bibtexparser' not in sys.modules; "
        "doc = studyparse.parse('## Papers\\n- Fathom, IISWC, 2016\\n'); "
        "print(studyparse.to_bibtex(doc).splitlines()[0], studyparse.bibtex_diagnostics(doc))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "@inproceedings{fathom2016, []\n"


def test_json_convert_does_not_import_bibtexparser() -> None:
    code = (
        "import sys; from studyparse._cli import main; "
        f"main(['convert', {str(SEEDS[0])!r}, '--to', 'json', '-o', {os.devnull!r}]); "
        "print('bibtexparser' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


# ---------------------------------------------------------------- the corpus


@pytest.mark.parametrize("readme", READMES, ids=lambda p: p.name)
def test_every_corpus_readme_reads_back(readme: Path) -> None:
    from pybtex.database import parse_string as pybtex_parse

    from studyparse._read import load

    text = to_bibtex(load(readme))
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    keys = [entry.key for entry in library.entries]
    assert len(keys) == len(set(keys))
    assert all(key.isascii() and key.isalnum() for key in keys)
    pybtex_data = pybtex_parse(text, "bibtex")
    assert list(pybtex_data.entries.keys()) == keys
    ascii_text = to_bibtex(load(readme), ascii=True)
    assert not bibtexparser.parse_string(ascii_text).failed_blocks
    pybtex_parse(ascii_text, "bibtex")


@pytest.mark.parametrize("readme", SEEDS, ids=lambda p: p.name)
def test_seed_bibtex_matches_the_checked_file(readme: Path) -> None:
    """Expected files were read and checked by hand; STUDYPARSE_REGEN=1 rewrites them for review."""
    from studyparse._read import load

    expected = FIXTURES / f"{readme.stem}.bib"
    text = to_bibtex(load(readme))
    if os.environ.get("STUDYPARSE_REGEN") == "1":
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


def test_docs_example_is_what_the_export_writes() -> None:
    """docs/bibtex.md shows a README and its BibTeX; they must stay true."""
    text = (ROOT / "docs" / "bibtex.md").read_text(encoding="utf-8")
    readme = text.split("```markdown\n")[1].split("```")[0]
    shown = text.split("```bibtex\n")[1].split("```")[0]
    result = export_bibtex(parse(readme, path="README.md"))
    assert result.text == shown
    stderr = text.split("```text\n")[1].split("```")[0]
    assert "".join(d.format("README.md") + "\n" for d in result.diagnostics) == stderr


def test_shouted_words_that_are_also_venue_names_are_words() -> None:
    assert title_field("A FAST DATE FOR NATURE AND SCIENCE ON GPU") == (
        "A Fast Date for Nature and Science on {GPU}"
    )


@pytest.mark.parametrize(
    ("venue", "url", "entry_type", "expected"),
    [
        (
            None,
            "https://arxiv.org/abs/1911.11423v2",
            "misc",
            {
                "eprint": "1911.11423",
                "archivePrefix": "arXiv",
                "url": "https://arxiv.org/abs/1911.11423v2",
            },
        ),
        (
            "Tiny Blog",
            "https://arxiv.org/pdf/hep-th/9901001.pdf",
            "misc",
            {"eprint": "hep-th/9901001", "primaryClass": "hep-th", "note": "Tiny Blog"},
        ),
        (
            "arXiv:1905.11946v2 [cs.LG]",
            None,
            "misc",
            {
                "eprint": "1905.11946",
                "primaryClass": "cs.LG",
                "url": "https://arxiv.org/abs/1905.11946",
            },
        ),
        (
            "ICCV",
            "https://arxiv.org/abs/1905.02244",
            "inproceedings",
            {"url": "https://arxiv.org/abs/1905.02244"},
        ),
    ],
)
def test_arxiv_identifier_from_the_link_or_the_venue(
    venue: str | None, url: str | None, entry_type: str, expected: dict[str, str]
) -> None:
    (entry,) = _entries(to_bibtex(_doc(Paper(title="A Study", venue=venue, url=url, year=2019))))
    fields = {k: f.value for k, f in entry.fields_dict.items()}
    assert entry.entry_type == entry_type
    assert {k: fields.get(k) for k in expected} == expected
    if entry_type == "inproceedings":
        assert "eprint" not in fields


def test_links_and_identifiers_bibtex_cannot_hold_are_encoded_or_left_out() -> None:
    paper = Paper(title="A Study", url="https://example.org/a b{c}", doi="10.1000/x}y", arxiv="}#a")
    (entry,) = _entries(to_bibtex(_doc(paper)))
    fields = {k: f.value for k, f in entry.fields_dict.items()}
    assert fields["url"] == "https://example.org/a%20b%7Bc%7D"
    assert fields["doi"] == "10.1000/x%7Dy"
    assert "eprint" not in fields
