"""BibTeX export: one entry per paper of a study README, ready to paste into a paper.

How an entry is made (docs/bibtex.md says the same for users):

- Papers: every paper of every paper list, then every paper a talk presents
  (``Talk.paper``), in reading order. A talk paper whose title is already
  listed is the same paper. Two listed papers with the same title and year are
  one entry (diagnostic ``duplicate-paper``). When the README has no paper
  list at all, its schedule is its reading list: a talk without a paper is
  exported by its title. Otherwise such a talk is not exported, since a talk
  title may name a topic rather than a publication.
- Type from the venue (``_venues.resolve``): conference or workshop ->
  ``@inproceedings`` with ``booktitle``; journal or letters -> ``@article``
  with ``journal``; arXiv -> ``@misc`` with ``eprint``/``archivePrefix``
  (arXiv's own export form); company report -> ``@techreport`` with
  ``institution``; anything else -> ``@misc`` with the venue in ``note``.
- Keys in Google Scholar shape (``frankle2019lottery``), ASCII, unique.
- Titles keep their wording; acronyms and mixed-case words are braced whole.

bibtexparser is imported here only, when BibTeX is asked for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ._records import Diagnostic, Paper, StudyDocument
from ._venues import Venue, VenueMatch, resolve

# fmt: off
#: Words skipped when a key takes the first significant word of a title.
KEY_STOPWORDS = frozenset((
    "a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "at", "by", "from", "via",
    "is", "are", "do", "does", "how", "what", "why", "when", "where", "we", "our", "you", "your",
    "can", "be", "toward", "towards", "into", "over", "under", "about", "as", "not", "no", "its",
    "it", "this", "that",
))
#: Words kept lower case when an ALL-CAPS title is written in title case (unless first).
TITLE_SMALL_WORDS = frozenset((
    "a", "an", "the", "and", "but", "or", "nor", "for", "of", "on", "in", "at", "to", "by", "via",
    "with", "from", "as", "vs",
))
#: Acronyms that hold vowels, kept upper case when an ALL-CAPS title is written in title case.
#: (Words without a vowel and words with a digit are kept as acronyms anyway.) Venue names are
#: not used: "FAST", "DATE" and "NATURE" are words too.
ACRONYMS = frozenset((
    "AI", "API", "ASIC", "BERT", "CPU", "CUDA", "DRAM", "FPGA", "GAN", "GPU", "HBM", "IEEE", "IO",
    "IOT", "LLAMA", "LLM", "NAS", "NPU", "OCR", "QA", "RAM", "RISC", "RNN", "ROI", "SAT", "SIMD",
    "SIMT", "SOC", "SOTA", "SRAM", "TPU", "VAE", "VIT", "VQA",
))

#: Characters BibTeX or LaTeX read specially, and how to write them in a field. Braces are
#: written as commands because BibTeX counts every brace, escaped or not.
LATEX_SPECIALS: dict[str, str] = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
}
#: Combining accents (after NFD) -> LaTeX accent command, for ``ascii=True``.
LATEX_ACCENTS: dict[str, str] = {
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=", "\u0306": "u",
    "\u0307": ".", "\u0308": '"', "\u030a": "r", "\u030b": "H", "\u030c": "v", "\u0323": "d",
    "\u0327": "c", "\u0328": "k", "\u0331": "b",
}
#: Greek small letters -> their names (LaTeX math commands; key transliteration). µ is mu.
GREEK_NAMES: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "µ": "mu",
    "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon",
    "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
}
#: Other characters with a LaTeX spelling, for ``ascii=True``.
LATEX_SYMBOLS: dict[str, str] = {
    "ß": r"{\ss}", "æ": r"{\ae}", "Æ": r"{\AE}", "œ": r"{\oe}", "Œ": r"{\OE}", "ø": r"{\o}",
    "Ø": r"{\O}", "ł": r"{\l}", "Ł": r"{\L}", "ı": r"{\i}",
    "“": "``", "”": "''", "‘": "`", "’": "'", "–": "--", "—": "---", "…": r"{\ldots}",
    "\u00a0": "~", "×": r"{$\times$}", "±": r"{$\pm$}", "°": r"{\textdegree}",
    "€": r"{\texteuro}", "©": r"{\textcopyright}", "®": r"{\textregistered}",
    "™": r"{\texttrademark}", "≤": r"{$\leq$}", "≥": r"{$\geq$}", "→": r"{$\rightarrow$}",
    "←": r"{$\leftarrow$}", "∞": r"{$\infty$}", "≈": r"{$\approx$}",
    **{letter: "{$\\" + name + "$}" for letter, name in GREEK_NAMES.items()},
}

#: Revised Romanization of Korean, one syllable at a time (keys only): initial, medial, final.
_HANGUL_INITIALS = (
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
)
_HANGUL_MEDIALS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
)
_HANGUL_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)
_NAME_PARTICLES = frozenset((
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la", "dos", "das",
    "ter", "ten",
))
_NAME_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))
# fmt: on

_WORD = re.compile(r"[^\s:;,()\[\]{}\"“”!?]+")
_WHITESPACE = re.compile(r"\s+")
_ET_AL = re.compile(r"\bet\.?\s*al\b", re.IGNORECASE)
_NOT_VERBATIM = re.compile(r"[\s{}\\]")
_ABSOLUTE_URL = re.compile(r"^[a-z][a-z0-9+.-]*://\S", re.IGNORECASE)
_KEY_TOKEN = re.compile(r"[a-z0-9]+")
_KEY_WORD_SPLIT = re.compile(r"[\s:;,.!?()\[\]{}\"“”/]+")
#: An arXiv abstract or PDF link: arxiv.org/abs/1602.02830v2, arxiv.org/pdf/hep-th/9901001.pdf.
_ARXIV_LINK = re.compile(
    r"arxiv\.org/(?:abs|pdf)/(?P<id>\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})",
    re.IGNORECASE,
)
_ARXIV_VERSION = re.compile(r"v\d+$")
_ARXIV_ID = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
_NAME_AND = re.compile(r"(?<!\S)and(?!\S)", re.IGNORECASE)
_CONFERENCE_WORDS = re.compile(r"\b(?:Conference|Symposium|Workshop|Meeting)\b")


@dataclass
class _Entry:
    """One entry before it is written: type, key base, fields as plain text."""

    paper: Paper
    entry_type: str
    authors: list[str]
    et_al: bool
    fields: list[tuple[str, str]]
    key: str = ""


@dataclass(frozen=True)
class BibtexExport:
    """The BibTeX text of a document and what was assumed or merged to write it."""

    text: str
    diagnostics: tuple[Diagnostic, ...]


# ---------------------------------------------------------------- text


def latex(text: str, *, ascii: bool = False) -> str:
    """``text`` as a BibTeX field value: specials escaped; with ``ascii``, LaTeX accents too."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in LATEX_SPECIALS:
            out.append(LATEX_SPECIALS[char])
        elif not ascii or char.isascii():
            out.append(char)
        else:
            out.append(_latex_char(char))
    return "".join(out)


def _latex_char(char: str) -> str:
    if char in LATEX_SYMBOLS:
        return LATEX_SYMBOLS[char]
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not base.isascii() or not marks or any(mark not in LATEX_ACCENTS for mark in marks):
        return char  # no LaTeX spelling (Hangul, Han, ...): kept as UTF-8
    written = "\\i" if base == "i" else base
    for mark in marks:
        command = LATEX_ACCENTS[mark]
        written = f"\\{command}{written}" if not command.isalpha() else f"\\{command}{{{written}}}"
    return "{" + written + "}"


def _is_shouted(title: str) -> bool:
    """ALL-CAPS: no lower-case letter and at least two words of two or more capitals."""
    if any(char.islower() for char in title):
        return False
    words = [w for w in _WORD.findall(title) if sum(char.isupper() for char in w) >= 2]
    return len(words) >= 2


def _is_acronym(part: str) -> bool:
    letters = "".join(char for char in part if char.isalpha())
    if any(char.isdigit() for char in part) or part.upper() in ACRONYMS:
        return True
    return len(letters) >= 2 and not set(letters.upper()) & set("AEIOUY")


def _title_case_word(word: str, first: bool) -> str:
    if not first and word.casefold() in TITLE_SMALL_WORDS:
        return word.lower()
    parts = word.split("-")
    return "-".join(p if _is_acronym(p) else p[:1].upper() + p[1:].lower() for p in parts)


def _unshout(title: str) -> str:
    """An ALL-CAPS title in title case; acronyms and a single-word name before a colon kept."""
    head, colon, _ = title.partition(":")
    name = head.strip() if colon and len(_WORD.findall(head)) == 1 else None
    pieces: list[str] = []
    position = 0
    first = True
    for match in _WORD.finditer(title):
        pieces.append(title[position : match.start()])
        word = match.group()
        pieces.append(word if word == name else _title_case_word(word, first))
        first = title[match.end() : match.end() + 1] == ":"
        position = match.end()
    pieces.append(title[position:])
    return "".join(pieces)


def _needs_braces(word: str) -> bool:
    """An acronym or mixed-case word: a capital after the first character of a hyphen part."""
    return any(any(char.isupper() for char in part[1:]) for part in word.split("-"))


def title_field(title: str, *, ascii: bool = False) -> str:
    """A title as a field value: wording kept, acronyms and mixed-case words braced whole.

    A capitalised word right after a colon without a space ("DianNao:A") is braced too:
    styles keep the case after ": " but not after ":".
    """
    title = _WHITESPACE.sub(" ", title).strip()
    shouted = _is_shouted(title)
    if shouted:
        title = _unshout(title)
    pieces: list[str] = []
    position = 0
    for match in _WORD.finditer(title):
        pieces.append(latex(title[position : match.start()], ascii=ascii))
        word = match.group()
        text = latex(word, ascii=ascii)
        braced = (
            _needs_braces(word)
            or (shouted and word.isupper() and len(word) > 1)
            or (title[match.start() - 1 : match.start()] == ":" and word[:1].isupper())
        )
        pieces.append("{" + text + "}" if braced else text)
        position = match.end()
    pieces.append(latex(title[position:], ascii=ascii))
    return "".join(pieces)


def _url(url: str | None) -> str | None:
    """An absolute URL as written, with characters BibTeX cannot hold percent-encoded."""
    if not url or not _ABSOLUTE_URL.match(url.strip()):
        return None
    return _verbatim(url)


def _verbatim(text: str) -> str:
    """A URL or DOI as written, with characters BibTeX cannot hold verbatim percent-encoded."""
    return _NOT_VERBATIM.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode()), text.strip())


# ---------------------------------------------------------------- keys


def ascii_word(text: str) -> str:
    """``text`` in lower-case ASCII: accents dropped, Hangul romanized, Greek named."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out.append(char.lower())
        elif "\uac00" <= char <= "\ud7a3":
            out.append(_romanize_syllable(char))
        elif char.lower() in GREEK_NAMES:
            out.append(GREEK_NAMES[char.lower()])
        else:
            out.append(
                unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode().lower()
            )
    return "".join(out)


def _romanize_syllable(char: str) -> str:
    index = ord(char) - 0xAC00
    initial, rest = divmod(index, 21 * 28)
    medial, final = divmod(rest, 28)
    return _HANGUL_INITIALS[initial] + _HANGUL_MEDIALS[medial] + _HANGUL_FINALS[final]


def surname(author: str) -> str:
    """The family name of "Courbariaux, Matthieu", "Graham W. Taylor", "Laurens van der Maaten"."""
    author = author.strip()
    if "," in author:
        return author.split(",")[0].strip()
    words = [w for w in author.split() if w.casefold() not in _NAME_SUFFIXES]
    if not words:
        return ""
    if len(words) == 1 and all("\uac00" <= c <= "\ud7a3" for c in words[0]) and len(words[0]) > 1:
        return words[0][0]  # Korean names are written family name first: 김석중
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _NAME_PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _first_word(title: str) -> str:
    """The first title word not a stop word, hyphens dropped ("Co-Designing" -> "codesigning")."""
    words = ("".join(_KEY_TOKEN.findall(ascii_word(w))) for w in _KEY_WORD_SPLIT.split(title))
    tokens = [t for t in words if t and not t.isdigit()]
    significant = [t for t in tokens if t not in KEY_STOPWORDS]
    return (significant or tokens or [""])[0]


def key_base(paper: Paper) -> str:
    """Google Scholar shape: surname, year, first significant title word: frankle2019lottery."""
    name = (
        "".join(_KEY_TOKEN.findall(ascii_word(surname(paper.authors[0])))) if paper.authors else ""
    )
    year = str(paper.year) if paper.year is not None else ""
    word = _first_word(paper.title)
    if name:
        return f"{name}{year}{word}"
    return f"{word or 'paper'}{year}"


def _suffixes() -> Iterator[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    yield from letters
    for first in letters:
        for second in letters:
            yield first + second


def unique_keys(bases: Iterable[str]) -> list[str]:
    """Keys in order: the first of a base as is, the next ones with a, b, ... appended."""
    taken: set[str] = set()
    keys: list[str] = []
    for base in bases:
        key = base
        if key in taken:
            key = next(base + s for s in _suffixes() if base + s not in taken)
        taken.add(key)
        keys.append(key)
    return keys


# ---------------------------------------------------------------- papers


def _title_key(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.casefold()))


def _merge(into: Paper, other: Paper) -> Paper:
    """``into`` with what ``other`` adds: fields ``into`` lacks, notes it does not have."""
    merged = replace(
        into,
        venue=into.venue if into.venue is not None else other.venue,
        year=into.year if into.year is not None else other.year,
        url=into.url if into.url is not None else other.url,
        arxiv=into.arxiv if into.arxiv is not None else other.arxiv,
        doi=into.doi if into.doi is not None else other.doi,
        authors=into.authors or other.authors,
        notes=[*into.notes, *(note for note in other.notes if note not in into.notes)],
    )
    return into if merged == into else merged


@dataclass
class _Kept:
    paper: Paper
    listed: bool


def _same_paper(kept: _Kept, paper: Paper, listed: bool) -> bool:
    """Same title; same year, or (a talk's paper) a year on one side only."""
    if kept.paper.year == paper.year:
        return True
    return not (kept.listed and listed) and None in (kept.paper.year, paper.year)


def schedule_readings(doc: StudyDocument) -> list[Paper]:
    """For a README with no paper list, what its talks read: each talk without a paper, by title."""
    if doc.papers:
        return []
    return [
        Paper(title=talk.title, line=talk.line)
        for talk in doc.talks
        if talk.paper is None and talk.title and talk.title.strip()
    ]


def papers_to_export(doc: StudyDocument) -> tuple[list[Paper], list[Diagnostic]]:
    """The papers of the document, each once, in reading order; diagnostics for listed twice."""
    candidates = [(p, True) for p in doc.papers]
    candidates += [(t.paper, False) for t in doc.talks if t.paper is not None]
    candidates += [(p, False) for p in schedule_readings(doc)]
    candidates.sort(key=lambda item: item[0].line)
    kept: list[_Kept] = []
    by_title: dict[str, list[_Kept]] = {}
    diagnostics: list[Diagnostic] = []
    for paper, listed in candidates:
        title = _title_key(paper.title) or paper.title.strip()
        if not title:
            continue
        same = next((k for k in by_title.get(title, []) if _same_paper(k, paper, listed)), None)
        if same is None:
            by_title.setdefault(title, []).append(_Kept(paper, listed))
            kept.append(by_title[title][-1])
        elif same.listed and listed:
            diagnostics.append(_duplicate(paper, same.paper))
            same.paper = _merge(same.paper, paper)
        elif listed:  # the list says more about a paper than the schedule
            same.paper, same.listed = _merge(paper, same.paper), True
        else:
            same.paper = _merge(same.paper, paper)
    return [k.paper for k in kept], diagnostics


def _duplicate(paper: Paper, first: Paper) -> Diagnostic:
    return Diagnostic(
        code="duplicate-paper",
        message=f"{paper.title!r} ({paper.year}) is listed again; "
        f"written once, as listed on line {first.line}",
        line=paper.line,
        severity="info",
    )


# ---------------------------------------------------------------- entries


def _with_short(venue: Venue) -> str:
    if venue.short and venue.short.casefold() != venue.full.casefold():
        return f"{venue.full} ({venue.short})"
    return venue.full


def _booktitle(match: VenueMatch) -> str:
    name = _with_short(match.venue)
    if match.edition and _CONFERENCE_WORDS.search(match.venue.full) and match.how != "worded":
        return f"Proceedings of the {match.edition} {name}"
    return name


def _arxiv_id(paper: Paper, match: VenueMatch | None) -> tuple[str | None, str | None]:
    """The paper's arXiv identifier without version, and its category, when known."""
    written = match.eprint if match is not None and match.eprint else paper.arxiv
    if written and not _ARXIV_ID.match(written):
        written = None
    if not written:
        link = _ARXIV_LINK.search(paper.url or "")
        written = link.group("id") if link else None
    if not written:
        return None, None
    eprint = _ARXIV_VERSION.sub("", written)
    primary = match.primary_class if match is not None else None
    return eprint, primary or (eprint.split("/")[0] if "/" in eprint else None)


def _arxiv_fields(eprint: str | None, primary: str | None) -> list[tuple[str, str]]:
    if eprint is None:
        return [("howpublished", "arXiv preprint")]
    fields = [("eprint", eprint), ("archivePrefix", "arXiv")]
    if primary:
        fields.append(("primaryClass", primary))
    return fields


def _venue_fields(paper: Paper, match: VenueMatch | None) -> tuple[str, list[tuple[str, str]]]:
    """The entry type and the venue fields of a paper."""
    kind = match.venue.kind if match is not None else None
    if kind in ("conference", "workshop") and match is not None:
        return "inproceedings", [("booktitle", _booktitle(match))]
    if kind in ("journal", "letters") and match is not None:
        return "article", [("journal", _with_short(match.venue))]
    if kind == "report" and match is not None:
        return "techreport", [("institution", match.venue.full)]
    eprint, primary = _arxiv_id(paper, match)
    fields = _arxiv_fields(eprint, primary) if kind == "preprint" or eprint else []
    if kind != "preprint" and paper.venue:
        fields.append(("note", " ".join(paper.venue.split())))
    return "misc", fields


def _authors(paper: Paper) -> tuple[list[str], bool]:
    """The names of the authors, and whether the README wrote "et al." after them."""
    names = [" ".join(a.split()) for a in paper.authors if a.strip()]
    return names, bool(names and _ET_AL.search(paper.raw) and not _ET_AL.search(paper.title))


def _annote(paper: Paper) -> str | None:
    notes = [" ".join(n.split()) for n in paper.notes if n.strip()]
    for person in paper.assignees:
        if person.name and not any(person.name in note for note in notes):
            notes.append(f"Assigned to {person.name}")
    return "; ".join(notes) or None


def _entry(paper: Paper, diagnostics: list[Diagnostic]) -> _Entry:
    match = resolve(paper.venue) if paper.venue else None
    if match is not None and match.how == "misspelled":
        diagnostics.append(_assumed(paper, match))
    elif paper.venue and match is None:
        diagnostics.append(_unknown(paper))
    entry_type, venue_fields = _venue_fields(paper, match)
    fields: list[tuple[str, str]] = [("title", paper.title)]
    fields.extend(venue_fields)
    if paper.year is not None:
        fields.append(("year", str(paper.year)))
    if paper.doi:
        fields.append(("doi", _verbatim(paper.doi)))
    url = _url(paper.url)
    eprint = dict(fields).get("eprint")
    if url is None and eprint:
        url = f"https://arxiv.org/abs/{eprint}"
    if url:
        fields.append(("url", url))
    annote = _annote(paper)
    if annote:
        fields.append(("annote", annote))
    return _Entry(paper, entry_type, *_authors(paper), fields)


def _assumed(paper: Paper, match: VenueMatch) -> Diagnostic:
    return Diagnostic(
        code="venue-assumed",
        message=f"venue {paper.venue!r} read as {match.venue.short} ({match.venue.full})",
        line=paper.line,
        severity="info",
    )


def _unknown(paper: Paper) -> Diagnostic:
    return Diagnostic(
        code="venue-unknown",
        message=f"venue {paper.venue!r} is not in the venue knowledge base; written as a note",
        line=paper.line,
        severity="info",
    )


#: How each field's plain text becomes a field value; the rest go through ``latex``.
_VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "archivePrefix", "primaryClass", "year"})


def _value(name: str, text: str, ascii: bool) -> str:
    if name == "title":
        return title_field(text, ascii=ascii)
    if name in _VERBATIM_FIELDS:
        return text
    return latex(text, ascii=ascii)


def _author_value(name: str, ascii: bool) -> str:
    """A name as BibTeX reads it; braced whole when BibTeX would split or misread it."""
    value = latex(name, ascii=ascii)
    commas = name.count(",")
    if (
        _NAME_AND.search(name)
        or name.strip() == "others"
        or commas > 2
        or (commas and (name.strip().startswith(",") or name.strip().endswith(",")))
    ):
        return "{" + value + "}"
    return value


def export_bibtex(doc: StudyDocument, *, ascii: bool = False) -> BibtexExport:
    """The BibTeX text of every paper of ``doc`` and the diagnostics of writing it."""
    papers, diagnostics = papers_to_export(doc)
    entries = [_entry(paper, diagnostics) for paper in papers]
    for entry, key in zip(entries, unique_keys(key_base(e.paper) for e in entries), strict=True):
        entry.key = key
    diagnostics.sort(key=lambda d: d.line)
    return BibtexExport(_write(entries, ascii), tuple(diagnostics))


def _write(entries: list[_Entry], ascii: bool) -> str:
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.middlewares.enclosing import AddEnclosingMiddleware
    from bibtexparser.model import Entry, Field
    from bibtexparser.writer import BibtexFormat

    if not entries:
        return ""
    library = Library()
    for entry in entries:
        fields = [Field(name, _value(name, text, ascii)) for name, text in entry.fields]
        if entry.authors:
            names = [_author_value(name, ascii) for name in entry.authors]
            fields.insert(0, Field("author", " and ".join(names + ["others"] * entry.et_al)))
        library.add(Entry(entry.entry_type, entry.key, fields))
    bibtex_format = BibtexFormat()  # type: ignore[no-untyped-call]
    bibtex_format.indent = "  "
    bibtex_format.value_column = 0
    bibtex_format.block_separator = "\n"
    bibtex_format.trailing_comma = False
    # The unparse stack is spelled out, not left to bibtexparser's default (which may change
    # between versions): the values are LaTeX already; the writer only adds the braces.
    stack = [
        AddEnclosingMiddleware(
            reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{"
        )
    ]
    text: str = write_string(library, unparse_stack=stack, bibtex_format=bibtex_format)
    return text if text.endswith("\n") else text + "\n"


def to_bibtex(doc: StudyDocument, *, ascii: bool = False) -> str:
    """Every paper of ``doc`` as BibTeX text (UTF-8; ``ascii=True`` writes LaTeX accents)."""
    return export_bibtex(doc, ascii=ascii).text


def bibtex_diagnostics(doc: StudyDocument) -> list[Diagnostic]:
    """What ``to_bibtex`` assumed or merged (venue-assumed, venue-unknown, duplicate-paper)."""
    return list(export_bibtex(doc).diagnostics)
