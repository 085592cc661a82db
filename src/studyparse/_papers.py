"""Paper items: one list item or cell -> title, authors, venue, year, url and notes.

The shapes of the genre, each read by one small rule:
"Title, Venue, Year"; "Title, Venue Year."; "[Title, Venue, Year](url)";
"Title(Venue, Year, Affiliation)"; "Title (VENUE YEAR [Oral])";
"VENUE YEAR [Title](url)"; MLA "Surname, Given, et al. “Title.” Container (Year).";
"**Title**. *Authors*. Venue Year."; "[Title (Author, Author)](url)";
"Title : [[paper]](url)[[review]](url)".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial

from ._content import YEAR_MONTH, cell_kind, person_names, url_role
from ._dates import MONTHS, find_date, full_year
from ._inline import Inline, Link, clean, plain, without_pictographs
from ._people import handles_in
from ._records import Paper, Person
from ._regex import LazyPattern
from ._venues import lookup
from ._vocab import FIELD_LABELS, LINK_LABELS, foreign_letters, label_kind, latin_letters

YEAR = re.compile(r"^(?:19|20)\d{2}[a-z]?$")
#: "(ICLR2014)Title", "[CVPR 2014 InceptionNet-v1] Title": a bracketed tag before the title,
#: perhaps after an emoji or a symbol ("📝 [2017] Title").
LEADING_TAG = re.compile(
    r"^\s*(?:[^\w\s()\[\]（）【】\"'“`*_<>\\]{1,3}\s*)?[(\[（【](?P<tag>[^()\[\]（）【】]{2,60})[)\]）】]\s*(?P<rest>\S.*)$"
)
#: A model's name, not a word: a capital after the first letter, a digit or a hyphen.
MODEL_NAME = LazyPattern(r"\w[A-Z0-9]|-|\d")
#: A badge image's address: the label and message of "img.shields.io/badge/CVPR-2021-blue".
BADGE = LazyPattern(r"img\.shields\.io/(?:static/v1\?|)badge/(?P<path>[^/?\s)\"'<>]{3,120})")
#: The single dashes between a badge's fields ("--" is a dash within one).
BADGE_DASH = LazyPattern(r"(?<!-)-(?!-)")
TAG_YEAR = LazyPattern(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)")
YEAR_ANYWHERE = LazyPattern(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
SHORT_YEAR = re.compile(r"^'?(\d{2})'?$|^(\d{2})['’]$")
#: The separators start after the venue's last non-separator (linear time); a venue of one
#: character may be a separator itself, as the plain ``.+?`` form allows.
VENUE_YEAR = re.compile(
    r"^(?P<venue>.+?)(?:(?<![\s,])|(?<=^.))[\s,]+['’]?(?P<year>(?:19|20)\d{2}|\d{2})['’]?"
    r"(?P<rest>\s.*)?$"
)
YEAR_VENUE = re.compile(r"^(?P<year>(?:19|20)\d{2}|\d{2})['’]?\s+(?P<venue>\S.*)$")
LEADING_VENUE_YEAR = re.compile(
    r"^(?P<venue>[A-Z][\w&+-]*(?:\s[A-Z][\w&+-]*)?)\s+(?P<year>(?:19|20)\d{2})(?:\s*[:,-])?\s+(?P<rest>\S.*)$"
)
#: "1. ", "(2) ", "[3] ", and the numbers of nested sections ("6.1 ", "2.3.1. ").
ORDINAL = re.compile(
    r"^(?:(?:\[\d{1,3}\]|\(\d{1,3}\)|0\d{1,2}|\d{1,3}(?:\.\d{1,3}){1,3}\.?|\d{1,3}[.)]|#\d{1,3})\s+"
    r"|\d{1,3}[、．]\s*|[一二三四五六七八九十]{1,3}[、．]\s*|第\s*\d{1,3}\s*[篇章节讲期回]\s*[:：.、]?\s*)"
)
#: The characters an ORDINAL can start with.
ORDINAL_START = frozenset("[(#第一二三四五六七八九十0123456789")
#: Marks that enclose a title as a whole ("《Title》", "「Title」").
TITLE_MARKS = (("《", "》"), ("「", "」"), ("『", "』"), ("〈", "〉"))
QUOTED_TITLE = re.compile(r"[“\"](?P<title>[^“”\"]{4,}?)[”\"]")
#: A last parenthesis, perhaps holding one of its own ("(ICLR'21 (under review))").
TRAILING_PAREN = re.compile(
    r"[(（](?P<inner>(?:[^()（）]|[(（][^()（）]*[)）])*)[)）](?:\s*[.,])?\s*$"
)
#: "<CVPR2020 - topic>" opening an item: a tag in angle brackets, not an HTML tag.
ANGLE_TAG = LazyPattern(r"^<(?P<tag>[^<>\n]{2,60})>\s*")
#: What an HTML tag starts with: a name, then a space, "/" or ">" ("<img src", "<br/>").
HTML_NAME = LazyPattern(
    r"^/?(?:a|b|i|u|s|p|q|br|hr|em|tt|img|div|span|kbd|code|sup|sub|del|ins|mark|small|big"
    r"|font|center|pre|blockquote|strong|details|summary|table|thead|tbody|tr|td|th|ul|ol|li"
    r"|dl|dt|dd|h[1-6]|video|audio|source|iframe|picture|input|label|figure|figcaption)"
    r"(?=[\s/>]|$)",
    re.IGNORECASE,
)
#: Key caps and code spans closing an item ("<kbd>ICCV 19</kbd>  `IS`").
TRAILING_TAGS = LazyPattern(r"(?<!\s)(?:\s*(?:<kbd>[^<>`\n]{1,40}</kbd>|`[^`\n]{1,40}`))+\s*$")
SPAN_TAG = LazyPattern(r"<kbd>([^<>`\n]{1,40})</kbd>|`([^`\n]{1,40})`")
#: A word of letters in any script.
WORD = LazyPattern(r"[^\W\d_]{2}")
#: A parenthesis, then a colon or a dash and a reader's comment ("(NeurIPS'20): simple").
NOTED_PAREN = LazyPattern(
    r"[(（](?P<inner>(?:[^()（）]|[(（][^()（）]*[)）]){0,80})[)）]\s*(?:[:：]|\s[–—-])\s*(?P<note>\S.*)$"
)
ASSIGNMENT = LazyPattern(r"[(（][^()（）@]*@[^()（）]*[)）]")
ACRONYM = re.compile(r"^(?:[A-Z][a-z]*[A-Z0-9][A-Za-z0-9]*|[A-Z]{2,}[a-z]?|[A-Z][a-z]+[A-Z]\w*)$")
#: The marks that join the acronyms of one venue ("ACL-IJCNLP", "IEEE/ACM").
JOINED = LazyPattern(r"(?<=\w)[-/](?=\w)")
VENUE_WORDS = re.compile(
    r"\b(?:IEEE|ACM|USENIX|arxiv|proceedings|conference|symposium|workshop|journal|transactions|"
    r"letters|preprint|whitepaper|technical report)\b",
    re.IGNORECASE,
)
ET_AL = re.compile(r"(?:,|(?<!\s))\s*\bet\.?\s*al\b\.?", re.IGNORECASE)
#: A match starts at a run of spaces' first character or at a non-space, never mid-run (linear).
AUTHOR_SPLIT = LazyPattern(r"(?:(?<!\s)|(?=\S))(?:\s*(?:,\s*and\s+|[,，;；、]|&)|\s+and\s+)\s*")
PAGES = LazyPattern(r"(?<!\s)\s+\d+(?:\.\d+)?(?:\s*\(\s*\d{4}\s*\))?(?:\s*:\s*[\d-]+)?\s*$")
ARXIV_ID = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf)/|arXiv:\s*)(\d{4}\.\d{4,5})(?:v\d+)?", re.IGNORECASE
)
DOI = LazyPattern(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
#: A person's name in Latin letters: two to four capitalised words, with the lowercase
#: particles of Dutch, German, French, Spanish, Portuguese and Arabic names between them.
NAME_LIKE = LazyPattern(
    r"^[A-Z\u00c0-\u024f][\w\u00c0-\u024f.'-]*"
    r"(?:\s+(?:(?:van|von|der|den|de|da|di|del|du|dos|das|le|la|bin|al|ter|zu)\s+){0,3}"
    r"[A-Z\u00c0-\u024f][\w\u00c0-\u024f.'-]*){1,4}$"
)
BOLD_ENTRY = re.compile(
    r"\s*\*\*(?P<title>[^*]+)\*\*\.?\s*(?:\*(?P<authors>[^*]+)\*\.?)?(?P<rest>.*)$", re.DOTALL
)
#: "**Alias**; *Full Title* rest": a short emphasised alias, a separator, the italic full
#: title (perhaps linked), then whatever follows.
ALIASED = LazyPattern(
    r"^(?P<mark>\*{2,3}|__)(?P<alias>[^*_\n]{1,60})(?P=mark)\s{0,3}(?P<sep>[;:：,|/–—-]?)\s{0,3}"
    r"\[?(?P<imark>\*|_)(?P<title>[^*_\n]{4,400})(?P=imark)(?:\]\([^()\s]{1,2000}\))?"
    r"(?P<rest>.*)$",
    re.DOTALL,
)
TITLE_LETTERS = LazyPattern(r"[A-Za-z]{2}")
#: An in-text citation's authors: "Wu et al.", "Wu and Lee", "Wu & Lee".
CITED_AUTHORS = LazyPattern(
    r"^(?P<names>[A-Z][\w'’-]{1,30}(?:\s+et\s+al\.?|\s(?:and|&)\s[A-Z][\w'’-]{1,30}))$"
)
AND_SPLIT = LazyPattern(r"\s(?:and|&)\s")
#: "Chen W, Wang Y, Yuan Y. Title. Journal 2013;…": surnames with initials, the title to
#: its full stop, then where and when.
VANCOUVER = LazyPattern(
    r"^(?P<authors>[^.()\[\]]{2,600}?)\.\s(?P<title>[^.]{4,400}?[^\s.])[.?]\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
VANCOUVER_AUTHOR = LazyPattern(r"^[A-Z][\w'’-]{1,30}(?:\s[A-Z][\w'’-]{1,30}){0,2}\s[A-Z]{1,3}$")
INITIAL_END = LazyPattern(r"\s[A-Z]$")
BRACKETED = re.compile(r"\[([^\[\]]{1,24})\]")
#: Authors, then the bold title, then the rest: "A. B, C. D, and E. F. **Title**, ICLR, 2019".
AUTHORS_FIRST = LazyPattern(
    r"^(?P<authors>[^*\[\]()]{3,600}?)\s*\*\*(?P<title>[^*]{4,400})\*\*(?P<rest>.*)$", re.DOTALL
)
#: Where a citation's sentences end: a full stop after a word that is no initial.
SEGMENT_END = LazyPattern(r"(?<!\b[A-Z])\.\s+(?=\S)")
#: A year that ends a citation's last sentence.
ENDING_YEAR = LazyPattern(r"(?:^|(?<=[\s,]))((?:19|20)\d{2})$")
#: Words in the longest second tag before a title ("[GGNN]", "[graph survey]"), and in
#: the longest alias before a title without a semicolon after it.
MAX_TAG_WORDS = 3
#: A venue with the day or month it published the paper, before or after it: "Nature
#: 16.01.27", "17.06.16, arxiv", "IEEE 96.05.09", "Cognitive Science 1991 July".
PUBLISHED_ON = LazyPattern(
    r"^(?:(?P<before>\D.{0,100}?)\s+)?(?P<date>\d{2,4}(?P<sep>[./-])\d{1,2}(?P=sep)\d{1,4}"
    rf"|(?P<year>(?:19|20)\d{{2}})\s+(?:{'|'.join(MONTHS)})\.?)(?:\s+(?P<after>\D.{{0,100}}))?$",
    re.IGNORECASE,
)
#: Words in the longest alias closed by a semicolon ("**Single NN for value function**;").
MAX_ALIAS_WORDS = 8
#: The extension of a document's file at the end of a title ("Title.pdf").
FILE_NAME = LazyPattern(r"(?<=\w)\.(?:pdf|PDF|pptx?|docx?)\s*$")
#: Between a title and its translation: " / ", " | ", "｜".
BILINGUAL_SPLIT = LazyPattern(r"(?<!\s)\s+[/|]\s+|(?<!\s)\s*｜\s*")
#: A year, perhaps a venue, each before a dash, then the title: "2014 - SIGKDD - Title".
LEADING_DATED = LazyPattern(
    r"^(?P<year>(?:19|20)\d{2})\s*[-–—|]\s*(?!\d)"
    r"(?:(?P<venue>[A-Za-z][A-Za-z&.' ]{1,20}?)\s+[-–—|]\s+)?(?P<rest>\S.*)$"
)
#: Letters in the shortest reader's mark written in capitals ("NEW", "TODO", "HOT").
MIN_FLAG_LETTERS = 3
#: Words in the shortest title after such a tag.
MIN_TITLE_AFTER_TAG = 3
#: A dash and what follows it at a title's end, a space on one side of the dash at least.
DASHED_TAIL = LazyPattern(r"(?:\s[-–—]\s*|[-–—]\s)(?P<tail>[^-–—]{2,30})$")
#: A trailing alias in parentheses ("(**BERT**)", "(ViT)") after a citation.
TRAILING_ALIAS = LazyPattern(r"(?<!\s)\s*\((?:\*\*|__)?[\w.+-]{2,24}(?:\*\*|__)?\)\s*$")
#: "In" before a venue ("In Extended Semantic Web Conference").
LEADING_IN = LazyPattern(r"^(?:in|to appear in)\s+", re.IGNORECASE)
#: An APA reference: the authors, "(2020)." (or "(2020, May)."), the title up to its period.
APA = LazyPattern(
    r"^(?P<authors>[^()]{2,2000}?)\s\((?P<year>(?:19|20)\d{2})[a-z]?(?:,[^()]{0,20})?\)\.\s+"
    r"(?P<title>[^\s].{1,400}?[^\s.])\.(?:\s+(?P<rest>.*))?$"
)
#: One APA author, "Surname, A. B." (surnames of several words, "van", hyphens allowed).
APA_AUTHOR = LazyPattern(r"^(?:\.\.\.\s*|…\s*)?[\w'’ .-]{1,60},(?:\s?[A-Z]\.(?:\s?-?[A-Z]\.)*)+$")
#: Between APA authors: the comma after an initial's period, and "&" before the last one.
APA_AUTHOR_SPLIT = LazyPattern(r"(?<=\.),\s*(?:&\s*)?|(?<!\s)\s*&\s*")
APA_EDITORS = LazyPattern(r"^In\s[^()]{1,300}?\((?:Eds?|Hrsg)\.\),\s*")
#: Where an APA container ends: ", 93," (volume), " (pp. 1-9)", ", 2094-2100", or a period.
APA_VENUE_END = LazyPattern(r",\s*\d|\s\(pp?\.|\.\s|\.$")
URL_TAIL = LazyPattern(r"(?<!\S)https?://\S+\s*$")
#: What dropped links leave inside the brackets around them ("[[Paper](u)]" -> "[ ]").
EMPTY_BRACKETS = LazyPattern(r"\[\s*\]|\(\s*\)")
#: A parenthesis opening a text: "(NeurIPS 2018) [paper]".
LEADING_PAREN = LazyPattern(r"^[(（](?P<inner>[^()（）]{2,60})[)）]")
#: A bracketed tag at the end of a title, perhaps before a colon.
TRAILING_TAG = LazyPattern(r"(?<!\s)\s*[\[(（【](?P<tag>[^\[\]()（）【】]{2,40})[\])）】]$")
#: A venue and year with a note in another script glued after it ("CVPR 2016最佳论文").
CJK_TAIL = LazyPattern(r"^(?P<head>[\x00-\x7f]*?\d)(?P<note>[^\x00-\x7f][^\d]*)$")
#: "NeurIPS2019", "OSDI'20", "CVPR’16": a venue glued to its year.
GLUED_VENUE_YEAR = LazyPattern(
    r"^(?P<venue>[A-Za-z][A-Za-z&+-]{1,15}?)"
    r"(?:(?P<mark>['’])\s?(?:(?P<short>\d{2})|(?P<long>(?:19|20)\d{2}))|(?P<year>(?:19|20)\d{2}))$"
)
#: "ECCV2022 Workshop", "NeurIPS2021 (Oral)": a glued venue-year, then a note.
GLUED_THEN_NOTE = LazyPattern(
    r"^(?P<head>[A-Za-z][A-Za-z&+-]{1,15}?(?:['’]\s?\d{2}|['’]?(?:19|20)\d{2}))\s+(?P<note>\S.{0,40})$"
)
#: "ICRA19", "AAAI-21": a known venue glued to two digits of its year.
SHORT_GLUED = LazyPattern(r"^(?P<venue>[A-Za-z][A-Za-z&+]{1,15}?)-?(?P<year>\d{2})$")
#: "Cell Reports'20", "Signal Processing' 14": a name of several words, then an apostrophe year.
APOSTROPHE_YEAR = LazyPattern(r"^(?P<venue>[A-Z][^'’]{1,80}?)\s?['’]\s?(?P<year>\d{2})$")
#: The small words a venue's name may hold between its capitalised ones.
NAME_CONNECTORS = frozenset(("of", "on", "and", "for", "in", "the", "&", "-"))
LABEL_SEPARATORS = " \t:：-–—|/,"
TITLE_STRIP = " \t:：-–—.,;|/"
#: Latin letters in the shortest title a translation in brackets may follow.
MIN_LATIN = 8


@dataclass
class PaperRead:
    """A paper item as read: the paper, the other links it carries, and how sure we are."""

    paper: Paper
    links: dict[str, str] = field(default_factory=dict)
    evidence: int = 0
    url_labelled: bool = False


def _link_kind(link: Link, before: Callable[[], str] | None) -> str | None:
    """What a link stands for: a known label, "empty", "link" for a short label after a title.

    ``before`` gives the text before the link (read only when needed), None when a title
    link was already found.
    """
    if not link.text:
        return "empty"
    kind = label_kind(link.text, LINK_LABELS)
    if kind is not None:
        return kind
    if link.text.startswith("[") and link.text.endswith("]"):
        return "link"
    if before is None or len(link.text) > 24 or len(link.text.split()) > 2:
        return None
    text = before()
    after_title = len(text.split()) >= 2 and _venue_year(text) == (None, None, None)
    return "link" if after_title else None


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def _classify_links(inline: Inline) -> tuple[Link | None, dict[str, str], list[tuple[int, int]]]:
    """The title link, the resource links by kind, and the spans of resource links to drop."""
    title_link: Link | None = None
    extras: dict[str, str] = {}
    drop: list[tuple[int, int]] = []
    for link in inline.links:
        before = partial(_text_before, inline.text, link.start, drop)
        kind = _link_kind(link, before if title_link is None else None)
        if link.image:
            continue
        if kind == "link" and _venue_year(link.text)[:2] != (None, None):
            if url_role(link.url) == "paper":
                extras.setdefault("url", link.url)
            continue  # "[CVPR 2019](…)" after a title: its words are the venue and year
        if kind is None and title_link is None and _venue_link(link, before):
            if url_role(link.url) == "paper":  # "**Title** [[ECCV 2018](arXiv)]": its address
                extras.setdefault("url", link.url)
            continue  # the link's words are the venue and year
        if kind is None and title_link is None and _named_address(link, before):
            extras.setdefault("url", link.url)  # "RCNN: https://arxiv.org/abs/…": its address
            drop.append((link.start, link.end))
        elif kind is None and title_link is None and link.url:
            title_link = link
        elif kind is not None:
            if kind != "empty" and link.url:
                extras.setdefault(kind, link.url)
            drop.append((link.start, link.end))
    return title_link, extras, drop


def _venue_link(link: Link, before: Callable[[], str]) -> bool:
    """A link after the title whose words are a venue and its year ("[IEEE TIP 1997](doi)"),
    or a known journal's name ("([Nature Methods](doi))")."""
    venue, year, _ = _venue_year(link.text)
    named = venue is not None and (year is not None or _published_in(venue))
    return named and bool(before().strip(" *_"))


def _named_address(link: Link, before: Callable[[], str]) -> bool:
    """A paper's address written bare after the paper's name ("RCNN: https://arxiv.org/abs/
    1311.2524"); not after a field's label ("Slides: https://…")."""
    text = link.text.strip()
    bare = text == link.url or text.startswith(("http://", "https://", "www."))
    if not bare or url_role(link.url) != "paper":
        return False
    name = before().strip(" :：-–")
    return (
        bool(name)
        and label_kind(name, FIELD_LABELS) is None
        and label_kind(name, LINK_LABELS) is None
    )


def _text_before(text: str, start: int, drop: list[tuple[int, int]]) -> str:
    """The words before position ``start``, the dropped resource links left out."""
    return clean(_without(text[:start], drop)).strip(LABEL_SEPARATORS)


def _author(name: str) -> str:
    """A name without stray dots, keeping the dot of a final initial ("Forrest N.")."""
    name = name.strip(" .")
    return name + "." if INITIAL_END.search(name) else name


def _without_label_marks(text: str) -> str:
    """Drop "[slides]" and "[feedback]" written without a link: placeholders, not title words."""
    return BRACKETED.sub(lambda m: " " if label_kind(m.group(1), LINK_LABELS) else m.group(0), text)


def split_authors(text: str) -> list[str]:
    """Authors as written, "et al." dropped; an MLA inverted first author stays "Surname, Given"."""
    text = ET_AL.sub("", text).strip(" .,")
    if not text:
        return []
    parts = [_author(part) for part in AUTHOR_SPLIT.split(text) if part.strip(" .")]
    inverted = len(parts) >= 2 and " " not in parts[0] and parts[0].isascii()
    if inverted and "," in text.split(parts[1])[0]:
        parts = [f"{parts[0]}, {parts[1]}", *parts[2:]]
    return parts


def _year(text: str) -> int | None:
    """ "2019", "2019a", "'19", or a year and its month ("2016.6", "2017-11")."""
    text = text.strip().rstrip(".")
    if YEAR.match(text):
        return int(text[:4])
    month = YEAR_MONTH.match(text)  # "2016.6", "2017-11", "2019年3月", "March 2019"
    if month:
        return int(month.group("year") or month.group("year2") or month.group("year3"))
    short = SHORT_YEAR.match(text)
    if short:
        return full_year(int(short.group(1) or short.group(2)))
    return None


def venue_like(text: str) -> bool:
    """A short phrase that names a venue: known, an acronym, or worded like one."""
    text = text.strip().rstrip(".")
    if not text or len(text) > 120 or ":" in text:
        return False
    if lookup(text) is not None or VENUE_WORDS.search(text):
        return True
    words = text.split()
    return len(words) <= 3 and any(_acronyms(word) for word in words)


def _capitalised_name(text: str) -> bool:
    """Words of a proper name, each capitalised but for small connectors ("Journal of Neural
    Computation", "IEEE Trans. on Industrial Informatics"), up to eight of them."""
    words = text.split()
    return 0 < len(words) <= 8 and all(
        word[:1].isupper() or word[:1].isdigit() or word.lower() in NAME_CONNECTORS
        for word in words
    )


def _acronyms(word: str) -> bool:
    """An acronym, or acronyms joined by a hyphen or a slash ("NAACL-HLT", "IEEE/ACM")."""
    parts = JOINED.split(word)
    return all(ACRONYM.match(part) for part in parts)


def _venue_year(part: str) -> tuple[str | None, int | None, str | None]:
    """Read "Venue 2019", "2019 Venue", "15' CVPR", "2019" or "Venue" (with an optional note)."""
    part = part.strip().rstrip(".")
    year = _year(part)
    if year is not None:
        return None, year, None
    part = LEADING_IN.sub("", part) or part  # "In PLDI 2019": the venue is PLDI
    dated = _published_on(part) if any(char.isdigit() for char in part) else None
    if dated is not None:
        return dated
    noted = GLUED_THEN_NOTE.match(part) if " " in part else None
    if noted is not None:  # "ECCV2022 Workshop", "ICCV'19 Oral": a glued venue-year, then a note
        venue, year, _ = _venue_year(noted.group("head"))
        if year is not None:
            return venue, year, noted.group("note")
    marked_year = APOSTROPHE_YEAR.match(part) if "'" in part or "’" in part else None
    if marked_year is not None and _capitalised_name(marked_year.group("venue")):
        return marked_year.group("venue").strip(), full_year(int(marked_year.group("year"))), None
    match = VENUE_YEAR.match(part)
    if match and venue_like(match.group("venue")):
        year = _year(match.group("year"))
        rest = (match.group("rest") or "").strip() or None
        return match.group("venue").strip(" ,'’"), year, rest
    match = YEAR_VENUE.match(part)
    if match and venue_like(match.group("venue")):
        return match.group("venue").strip(), _year(match.group("year")), None
    tail = CJK_TAIL.match(part) if not part.isascii() else None
    if tail is not None:  # "CVPR 2016最佳论文": a note glued after the year
        venue, year, rest = _venue_year(tail.group("head"))
        if year is not None:
            return venue, year, " ".join(filter(None, (rest, tail.group("note"))))
    glued = GLUED_VENUE_YEAR.match(part) if part[-1:].isdigit() else None
    # "MLSys'22", "OSDI'2022", "CVPR' 14": an apostrophe year marks the word before as a venue
    marked = glued is not None and glued.group("mark") is not None and part[:1].isupper()
    if glued and (marked or venue_like(glued.group("venue"))):
        short, long = glued.group("short"), glued.group("year") or glued.group("long")
        return glued.group("venue"), int(long) if long else full_year(int(short)), None
    short_glued = SHORT_GLUED.match(part) if part[-1:].isdigit() else None
    if short_glued is not None and lookup(short_glued.group("venue")) is not None:
        return short_glued.group("venue"), full_year(int(short_glued.group("year"))), None
    if venue_like(part):
        return part, None, None
    return None, None, None


def _published_on(part: str) -> tuple[str | None, int | None, str | None] | None:
    """A venue and the date it published the paper ("Nature 16.01.27", "16.01.07 arxiv",
    "Cognitive Science 1991 July", or the date alone): the venue and the date's year. None
    without such a date, or when the words beside it name no venue: "2021.04.05 발표", "read
    2021.04.05" are when the group read it."""
    match = PUBLISHED_ON.match(part)
    if match is None:
        return None
    year = int(match.group("year")) if match.group("year") else find_date(match.group("date"))[1]
    if year is None:
        return None
    words = " ".join(filter(None, match.group("before", "after"))).strip(" ,;")
    if not words:
        return None, year, None
    return (words, year, None) if venue_like(words) or _capitalised_name(words) else None


OPENING_BRACKETS = "([（"
CLOSING_BRACKETS = ")]）"


@lru_cache(maxsize=16)
def _split_points(separators: str) -> re.Pattern[str]:
    """The characters ``split_top_level`` acts on: brackets and the separators."""
    return re.compile("[" + re.escape(OPENING_BRACKETS + CLOSING_BRACKETS + separators) + "]")


def split_top_level(text: str, separators: str = ",，") -> list[str]:
    """Split on separators outside parentheses and brackets."""
    if not any(separator in text for separator in separators):
        return [text]
    parts: list[str] = []
    depth = 0
    start = 0
    for point in _split_points(separators).finditer(text):
        char = point.group()
        depth += char in OPENING_BRACKETS
        depth -= char in CLOSING_BRACKETS
        if char in separators and depth <= 0:
            parts.append(text[start : point.start()])
            start, depth = point.end(), 0
    parts.append(text[start:])
    return parts


@dataclass
class _Fields:
    title: str
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    notes: list[str] = field(default_factory=list)
    evidence: int = 0


def _read_paren(fields: _Fields, *, alone: bool = False) -> None:
    """A trailing "(Venue, Year, Affiliation)", "(VENUE YEAR [Oral])" or "(Author, Author)".

    ``alone``: the text is what stands beside a linked title, so the parenthesis may be all of it.
    """
    has_paren = ")" in fields.title or "）" in fields.title
    match = TRAILING_PAREN.search(fields.title) if has_paren else None
    if not match or not (match.start() or alone):
        return
    inner = match.group("inner").strip()
    parts = [part.strip() for part in split_top_level(inner, ",，;") if part.strip()]
    venue, year = None, None
    notes: list[str] = []
    authors: list[str] = []
    for part in parts:
        cited = CITED_AUTHORS.match(part)
        if cited and not authors:  # "(Wu et al., 2021)", "(Wu and Lee, 2021)"
            names = ET_AL.sub("", cited.group("names"))
            authors = [name.strip() for name in AND_SPLIT.split(names)]
            continue
        part_venue, part_year, rest = _venue_year(part)
        if part_year is not None and year is None:
            year = part_year
            venue = venue or part_venue
            notes += [rest] if rest else []
        elif (
            part_venue is not None and venue is None and (year is None or _published_in(part_venue))
        ):
            venue = part_venue
        else:
            notes.append(part)
    if year is not None or (venue is not None and lookup(venue) is not None):
        fields.title = fields.title[: match.start()]
        fields.venue, fields.year = venue, year
        fields.authors = fields.authors or authors
        fields.notes += notes
        fields.evidence += 2
    elif authors and len(parts) == 1:
        fields.title = fields.title[: match.start()]  # "Title (Kaneko et al.)": its authors
        fields.authors = fields.authors or authors
        fields.evidence += 1
    elif ("," in inner or "&" in inner) and all(NAME_LIKE.match(name) for name in _names(inner)):
        fields.title = fields.title[: match.start()]
        fields.authors = _names(inner)
        fields.evidence += 1
    elif _translation(fields.title[: match.start()], inner):
        fields.title = fields.title[: match.start()]  # "Title（标题的译名）": a note
        fields.notes.append(inner)


def _translation(title: str, inner: str) -> bool:
    """A parenthesis after a Latin title that holds no Latin letter, only Han, Hangul or
    kana words: the title's translation ("Deep Routing（深度路由）", "(심층 라우팅)")."""
    latin_title = latin_letters(title) >= MIN_LATIN
    return latin_title and not foreign_letters(title) and foreign_letters(inner) >= 2


def _read_bilingual(fields: _Fields) -> None:
    """ "English Title / 中文标题", "English Title | 한국어 제목": the title in Latin letters,
    its translation a note."""
    parts = BILINGUAL_SPLIT.split(fields.title, maxsplit=1) if not fields.title.isascii() else []
    if len(parts) != 2:
        return
    first, second = (part.strip() for part in parts)
    for title, other in ((first, second), (second, first)):
        if _translation(title, other) and foreign_letters(other) * 2 >= len(other.replace(" ", "")):
            fields.title, fields.notes = title, [*fields.notes, other]
            return


def _names(text: str) -> list[str]:
    return [part.strip() for part in split_top_level(text, ",&") if part.strip()]


def _read_dashed_year(fields: _Fields) -> None:
    """A year (perhaps with its venue) after a dash at the title's end: "Title - 2016",
    "Title- 2015", "Title — CVPR 2017"."""
    match = DASHED_TAIL.search(fields.title) if fields.year is None else None
    if match is None or not fields.title[: match.start()].strip():
        return
    venue, year, _ = _venue_year(match.group("tail"))
    if year is None or (venue is not None and lookup(venue) is None):
        return  # "Title - 2016", "Title — CVPR 2017"; not "Title - some words, 2020"
    fields.title = fields.title[: match.start()]
    fields.venue, fields.year = fields.venue or venue, year
    fields.evidence += 1


def _read_tail(fields: _Fields) -> None:
    """Trailing ", Venue, Year" / ", Author et al., Year" / ", Venue Year" segments, or
    one after a dash."""
    _read_dashed_year(fields)
    parts = split_top_level(fields.title, ",，")
    consumed = 0
    for part in reversed(parts[1:]):
        stripped = part.strip().rstrip(".")
        if consumed >= 3 or not stripped:
            break
        if ET_AL.search(stripped) and not fields.authors:
            fields.authors = split_authors(stripped)
        else:
            venue, year, _ = _venue_year(stripped)
            if year is not None and fields.year is None and (venue is None or fields.venue is None):
                fields.year, fields.venue = year, fields.venue or venue
            elif venue is not None and fields.venue is None and year is None and consumed:
                fields.venue = venue
            else:
                break
        consumed += 1
    if consumed:
        kept = parts[: len(parts) - consumed]
        # Every separator is one character: the title is the text before the last kept one's end.
        fields.title = fields.title[: sum(len(part) for part in kept) + len(kept) - 1]
        fields.evidence += consumed


def _read_byline(fields: _Fields, *, beside_link: bool = False) -> None:
    """ "Title, by A, B and C": the names after a closing "by" are the authors. Beside a
    linked title the text may be only the byline (",<br> by *A and B*"); in a title the "by"
    must follow a comma, a semicolon or a dash ("Learning by Doing" keeps its words)."""
    text = fields.title
    at = text.lower().rfind("by ")
    if at < 0 or (at > 0 and not text[at - 1].isspace()):
        return
    before, names_text = text[:at].rstrip(), text[at + 3 :].strip().rstrip(".")
    separated = before.endswith((",", ";", "，", "-", "–", "—"))
    if not (separated or (beside_link and not before.strip(" ,;:"))):
        return
    names = split_authors(names_text)
    if not names or not all(person_names(name) == [name] for name in names):
        return
    fields.authors = fields.authors or names
    fields.title = before.rstrip(" ,;，-–—")
    fields.evidence += 1


def _read_leading_venue(fields: _Fields, rest: str) -> None:
    """ "VENUE YEAR" written before a linked title ("ICASSP 2019 [Title](url)")."""
    rest = rest.strip()
    if rest[:1] in ("[", "【", "(") and rest[-1:] in ("]", "】", ")"):
        rest = rest[1:-1]  # "[CVPR 2020] [Title](url)", "[Title](url) [CVPR2019]"
        venue, year, _ = _venue_year(rest.strip())
        if year is not None and (venue is None or venue_like(venue)):
            fields.venue, fields.year = fields.venue or venue, fields.year or year
            fields.evidence += 2
            return
    match = LEADING_VENUE_YEAR.match(rest.strip() + " x")
    if match and venue_like(match.group("venue")):
        fields.venue = fields.venue or match.group("venue")
        fields.year = fields.year or int(match.group("year"))
        fields.evidence += 2


def _read_leading_tag(fields: _Fields) -> None:
    """Move a leading venue/year tag ("(ICLR2014)", "[ECCV 2020 RAFT]") out of the title.

    The tag is metadata when it names a year or a known venue; a venue is the
    text before the year ("IEEE TPAMI2017") or the first word when that is known.
    """
    match = LEADING_TAG.match(fields.title)
    if not match:
        return
    tag = match.group("tag").strip()
    tag_venue, tag_year, _ = _venue_year(tag)
    if tag_venue is not None and tag_year is not None and not TAG_YEAR.search(tag):
        fields.title = match.group("rest")  # "[MLSys'22] Title", "[CVPR' 14] Title"
        fields.venue, fields.year = fields.venue or tag_venue, fields.year or tag_year
        fields.evidence += 1
        _read_second_tag(fields)
        return
    year_match = TAG_YEAR.search(tag)
    before = tag[: year_match.start()].strip(" ,-'") if year_match else ""
    first = tag.split()[0]
    if before and (venue_like(before) or (year_match and not tag[year_match.end() :].strip())):
        venue: str | None = before
    elif lookup(first) is not None:
        venue = first
    else:
        venue = None
    if year_match is None and venue is None:
        if _alias_tag(fields.title, tag, match.group("rest")) or _flag(tag):
            fields.title = match.group("rest")  # "【ResNet】Deep Residual …": a tag, a note
            fields.notes.append(tag)
        return
    fields.title = match.group("rest")
    fields.venue = fields.venue or venue
    fields.year = fields.year or (int(year_match.group("year")) if year_match else None)
    fields.evidence += 1
    _read_second_tag(fields)


def _read_second_tag(fields: _Fields) -> None:
    """A second bracketed tag after the venue's ("[ICLR2016] [GGNN] Gated Graph…", "[KDD'19]
    [survey] …"): a short name or a kind, a note; the title follows it (three words or more)."""
    match = LEADING_TAG.match(fields.title) if fields.title.startswith(("[", "【", "(")) else None
    if match is None:
        return
    tag, rest = match.group("tag").strip(), match.group("rest")
    bracketed = not fields.title.startswith("(") or _flag(tag)  # "(Almost) Free…" is a title
    short = bool(tag) and len(tag.split()) <= MAX_TAG_WORDS
    if bracketed and short and len(rest.split()) >= MIN_TITLE_AFTER_TAG:
        fields.title = rest
        fields.notes.append(tag)


def _flag(tag: str) -> bool:
    """A reader's mark on an entry ("RECOMMENDED!", "Must read!", "NEW"), not a title word."""
    letters = [char for char in tag if char.isalpha()]
    return tag.endswith(("!", "！")) or (len(letters) >= MIN_FLAG_LETTERS and tag.isupper())


def _alias_tag(title: str, tag: str, rest: str) -> bool:
    """A bracketed short name before the full title ("【ResNet】Deep Residual Learning…",
    "[R-CNN] Rich feature…", "[SSD] SSD: Single Shot…"): the rest is a title of three words
    or more, or begins with the name again; in square brackets the name is written like a
    model's ("R-CNN", "OverFeat", "YOLO v2"), not a word ("[Draft]"). A parenthesis is part
    of the title ("(Almost) Free Lunch…")."""
    if not title.startswith(("【", "[")) or len(tag.split()) > 3:
        return False
    if rest.casefold().startswith(tag.casefold()):
        return True
    named = title.startswith("【") or MODEL_NAME.search(tag) is not None
    return named and len(rest.split()) >= 3


def _read_apa(text: str) -> _Fields | None:
    """APA: "Surname, A., & Surname, B. B. (2020). Title. Venue, 12(3), 45-67. https://…"."""
    match = APA.match(text) if "(" in text else None
    if match is None:
        return None
    authors = [
        a.strip(" ,&") for a in APA_AUTHOR_SPLIT.split(match.group("authors")) if a.strip(" ,&")
    ]
    if not authors or not all(APA_AUTHOR.match(author) for author in authors):
        return None
    fields = _Fields(title=match.group("title").strip())
    fields.authors = authors
    fields.year = int(match.group("year"))
    fields.venue = _apa_venue(match.group("rest")) or None
    fields.evidence = 3
    return fields


def _read_vancouver(text: str) -> _Fields | None:
    """Vancouver (NLM), as medical and biology groups cite: "Chen W, Wang Y, Yuan Y. Title.
    Journal 2013 Feb 13;28(3):151-9." The authors are surnames with their initials."""
    match = VANCOUVER.match(text) if ". " in text else None
    if match is None:
        return None
    authors = [a.strip() for a in match.group("authors").split(",") if a.strip()]
    authors = [a for a in authors if a.lower() not in ("et al", "et al.")]
    if not authors or not all(VANCOUVER_AUTHOR.match(author) for author in authors):
        return None
    rest = match.group("rest")
    year = YEAR_ANYWHERE.search(rest)
    if year is None:
        return None
    fields = _Fields(title=match.group("title").strip())
    fields.authors = authors
    fields.year = int(year.group(0))
    venue = LEADING_IN.sub("", rest[: year.start()].strip(" .,;"))
    fields.venue = venue or None
    fields.evidence = 3
    return fields


def _apa_venue(rest: str) -> str:
    """The container of an APA reference: after "In Editors (Eds.)," up to pages or volume."""
    rest = URL_TAIL.sub("", rest).strip()
    editors = APA_EDITORS.search(rest)
    if editors:
        rest = rest[editors.end() :]
    return APA_VENUE_END.split(rest, maxsplit=1)[0].strip(" .,")


def _read_mla(text: str) -> _Fields | None:
    """MLA: Authors. “Title.” Container (Year)."""
    match = QUOTED_TITLE.search(text) if '"' in text or "“" in text else None
    if not match or (match.start() == 0 and not text[match.end() :].strip()):
        return None
    before, after = text[: match.start()].strip(), text[match.end() :].strip()
    if not before and not YEAR_ANYWHERE.search(after):
        return None
    fields = _Fields(title=match.group("title").strip().rstrip(".,"))
    fields.authors = split_authors(before.strip(" *_-–—:"))  # 'Surname - "Title"'
    years = YEAR_ANYWHERE.findall(after)
    fields.year = int(years[-1]) if years else None
    fields.venue = _mla_container(after) or None
    fields.evidence = 3
    return fields


def _mla_container(after: str) -> str:
    """The venue after a quoted title: "Container (2019)", "(NeurIPS 2018)", and none in
    "(2016.9) [[paper](u)]" (a date and a link's brackets)."""
    after = EMPTY_BRACKETS.sub(" ", after.replace("**", " ").replace("__", " ")).strip()
    inner = LEADING_PAREN.match(after)
    if inner is not None:
        venue, _, _ = _venue_year(inner.group("inner"))
        if venue is not None:
            return venue
    container = re.sub(r"\(\s*(?:19|20)\d{2}(?:[./-]\d{1,2})?\s*\).*$", "", after).strip()
    container = re.split(r"\.\s+|\.$", container)[0].strip()
    container = re.sub(r"(?:,|(?<!\s))\s*(?<![\d.])(?:19|20)\d{2}\.?$", "", container).strip()
    return PAGES.sub("", container).strip(" .,")


def _read_bold_title(markdown: str) -> _Fields | None:
    """ "**Title**. *Authors*. Venue Year."""
    match = BOLD_ENTRY.match(markdown) if "**" in markdown else None
    if not match or not (match.group("authors") or match.group("rest").strip()):
        return None
    if match.group("rest").lstrip().startswith((":", "：")):
        return None  # "**Label**: value" is a labelled line, not a citation
    fields = _Fields(title=match.group("title"))
    fields.authors = split_authors(match.group("authors") or "")
    rest = _first_segment(match.group("rest"))
    venue, year, _ = _venue_year(rest) if rest else (None, None, None)
    fields.venue, fields.year = venue, year
    if not (fields.authors or venue or year):
        return None
    fields.evidence = 2 + bool(fields.authors)
    return fields


def _read_aliased(markdown: str) -> _Fields | None:
    """ "**GPT-3**; *Language Models are Few-Shot Learners* (NeurIPS 2020)": the italic full
    title is the title, the alias a note. An alias that is a field's label ("**Note**:") or a
    title of two words or fewer is no such entry."""
    match = ALIASED.match(markdown) if markdown[:1] in ("*", "_") else None
    if match is None:
        return None
    alias, title = match.group("alias").strip(), match.group("title").strip()
    # "**Alias**; *Title*": a semicolon closes a name of any length ("**DNC; Dynamic Neural
    # Computer**;", "**Single NN for value function**;"); without one, a short name only.
    words = MAX_ALIAS_WORDS if match.group("sep") in (";", "；") else MAX_TAG_WORDS
    if len(alias.split()) > words or len(title.split()) < 3 or not TITLE_LETTERS.search(title):
        return None
    if label_kind(alias, FIELD_LABELS) or label_kind(alias, LINK_LABELS):
        return None
    fields = _Fields(title=title, notes=[alias])
    rest = _Fields(title=clean(_without_links(match.group("rest"))).strip(TITLE_STRIP))
    if rest.title:
        _read_paren(rest, alone=True)
        _read_tail(rest)
        if rest.venue is None and rest.year is None:
            rest.venue, rest.year, _ = _venue_year(rest.title.strip(TITLE_STRIP))
    fields.venue, fields.year, fields.authors = rest.venue, rest.year, rest.authors
    fields.evidence = 2
    return fields


def _read_authors_first(markdown: str) -> _Fields | None:
    """ "A. Surname, B. Surname, and C. Surname. **Title**, Venue, Year": authors, then the
    emphasised title, then where and when."""
    match = AUTHORS_FIRST.match(markdown) if "**" in markdown else None
    if match is None:
        return None
    authors = split_authors(clean(plain(match.group("authors")).text).rstrip(" .,"))
    if len(authors) < 1 or not all(NAME_LIKE.match(author) for author in authors):
        return None
    fields = _Fields(title=match.group("title").strip().rstrip(",.").strip())
    fields.authors = authors
    rest = clean(_without_links(match.group("rest"))).strip(" .,;")
    years = YEAR_ANYWHERE.findall(rest)
    fields.year = int(years[-1]) if years else None
    venue = YEAR_ANYWHERE.sub(" ", rest)
    venue = clean(LEADING_IN.sub("", venue.strip(" .,;"))).strip(" .,;")
    fields.venue = venue or None
    fields.evidence = 3
    return fields


def _first_segment(markdown: str) -> str:
    """What follows a citation's title and authors, to its first full stop: its venue and year.

    Links ("[[pdf]](u)") and a trailing alias in parentheses ("(**BERT**)") are no part of it.
    """
    rest = TRAILING_ALIAS.sub("", clean(_without_links(markdown))).strip(" .,;")
    return SEGMENT_END.split(rest, maxsplit=1)[0].strip(" .,;")


def _read_segments(text: str) -> _Fields | None:
    """ "Title. Authors. Venue Year." or "Authors. Title. Venue, Year.": sentences by what they
    are (names, a venue and year), the one left the title."""
    text = TRAILING_ALIAS.sub("", clean(text)).strip(" .,;")
    segments = [part.strip(" .,;") for part in SEGMENT_END.split(text) if part.strip(" .,;")]
    if not 2 <= len(segments) <= 5:
        return None
    fields = _Fields(title="")
    titles = []
    for position, segment in enumerate(segments):
        venue, year, _ = _venue_year(segment)
        last = ENDING_YEAR.search(segment) if position == len(segments) - 1 else None
        if year is None and last is not None:  # "Tech Report 2019": a venue as written
            venue, year = segment[: last.start()].strip(" ,") or None, int(last.group(1))
        listed = "," in segment or " and " in segment or ET_AL.search(segment) is not None
        authors = split_authors(segment) if listed else []
        if (year is not None or (venue and lookup(venue))) and fields.year is None:
            fields.venue, fields.year = venue, year
        elif authors and not fields.authors and all(NAME_LIKE.match(a) for a in authors):
            fields.authors = authors
        else:
            titles.append(segment)
    if len(titles) != 1 or not (fields.authors and (fields.year or fields.venue)):
        return None
    fields.title = titles[0]
    fields.evidence = 3
    return fields


def _read_cells(markdown: str) -> _Fields | None:
    """ "**[Alias]** Title | Authors | **[ICCV' 15]** | [pdf](u)": an item written as the cells
    of a table row, each read by what it holds. One part is the title, and the others name
    its authors, venue or year."""
    if " | " not in markdown:
        return None
    parts = [part.strip() for part in split_top_level(markdown, "|") if part.strip()]
    if not 2 <= len(parts) <= 6:
        return None
    fields = _Fields(title="")
    titles: list[str] = []
    for part in parts:
        if not clean(_without_links(part)).strip(" ,/·()[]-–—"):
            continue  # its links: the paper's, its code's, read from the whole item
        if not titles and (fields.authors or fields.venue or fields.year):
            return None  # the title comes first: "Title | Authors | Venue"
        text = clean(plain(part).text).strip(" []()【】.,;")
        listed = ET_AL.search(text) is not None and len(text) <= 80  # "Kaiming He, et al."
        kind = "names" if listed else cell_kind(ET_AL.sub("", part))
        if kind in ("venue", "year") and fields.venue is None and fields.year is None:
            fields.venue, fields.year, _ = _venue_year(text)
        elif kind == "names" and not fields.authors:
            fields.authors = split_authors(text)
        elif kind == "title":
            titles.append(part)
    placed = fields.year is not None or fields.venue is not None
    if len(titles) != 1 or not (placed or (fields.authors and len(parts) >= 3)):
        return None  # "Title | 稀疏路由": a name-like note is not enough
    fields.title = clean(_without_links(titles[0]))
    fields.evidence = 2 + bool(fields.authors)
    return fields


def _without_links(markdown: str) -> str:
    inline = plain(markdown)
    return _without(inline.text, [(link.start, link.end) for link in inline.links])


def _notes_and_assignees(text: str) -> tuple[str, list[str], list[Person]]:
    if "@" not in text:
        return text, [], []  # an assignment and a handle both have an @
    notes: list[str] = []
    assignees: list[Person] = []
    for match in ASSIGNMENT.findall(text):
        notes.append(match.strip("()（） "))
        assignees += [Person(name=h, handle=h) for h in handles_in(match)]
    text = ASSIGNMENT.sub(" ", text)
    for handle in handles_in(text):
        assignees.append(Person(name=handle, handle=handle))
        text = text.replace("@" + handle, " ")
    return text, notes, assignees


def _published_in(text: str) -> bool:
    """A known venue that publishes papers (not a lab or a company's report series): after a
    year ("(2021, NeurIPS)") only such a name is the venue; "(2017, Intel)" is an affiliation."""
    known = lookup(text)
    return known is not None and known.kind != "report"


def _edge_tags(source: str) -> tuple[str, list[str]]:
    """Tags at an item's edges, outside its citation: key caps and code spans after it
    ("<kbd>ICCV 19</kbd> `OD`"), an angle-bracketed tag before it ("<CVPR2020 - topic>")."""
    tags: list[str] = []
    opening = ANGLE_TAG.match(source) if source.startswith("<") else None
    if opening is not None and not HTML_NAME.match(opening.group("tag")):
        tags.append(opening.group("tag").strip())
        source = source[opening.end() :]
    closing = TRAILING_TAGS.search(source) if source.rstrip().endswith((">", "`")) else None
    if closing is not None and source[: closing.start()].strip():
        tags += [a or b for a, b in SPAN_TAG.findall(closing.group(0))]
        source = source[: closing.start()]
    return source, tags


def _read_tags(fields: _Fields, tags: list[str]) -> None:
    """Edge tags: the first naming a venue or year gives them (its words after a dash, a
    note: "CVPR2020 - Frequency domain"); the others are notes."""
    for tag in tags:
        head, _, rest = tag.partition(" - ")
        venue, year, note = _venue_year(head)
        dated = year is not None or (venue is not None and _published_in(venue))
        if dated and fields.venue is None and fields.year is None:
            fields.venue, fields.year = venue, year
            fields.notes += [part.strip() for part in (note, rest) if part and part.strip()]
            fields.evidence += 2
        else:
            fields.notes.append(tag)


def _comment_after_venue(text: str) -> tuple[str, list[str]]:
    """A reader's comment after the venue's parenthesis ("Title (CVPR'18): works well") is a
    note; the text up to the parenthesis is the citation."""
    if ")" not in text and "）" not in text:
        return text, []
    for match in NOTED_PAREN.finditer(text):
        inner = match.group("inner")
        if not WORD.search(match.group("note")):
            continue  # "54.1 (2018): 173-185": the pages of a citation, no comment
        venue, year, _ = _venue_year(inner.split(",")[0])
        # a blank parenthesis held a link whose label was taken away ("([arXiv](u)): note")
        if not inner.strip() or year is not None or (venue is not None and lookup(venue)):
            return text[: match.start("note")].rstrip(" :：–—-"), [match.group("note")]
    return text, []


def _read_trailing_tag(fields: _Fields) -> None:
    """A venue-year tag after the title: "Title[OSDI'20]:", "Title \\[CVPR 2020\\]"."""
    fields.title = EMPTY_BRACKETS.sub(" ", fields.title).rstrip(" :：,;|-")
    closing = fields.title.endswith(("]", ")", "）", "】"))
    match = TRAILING_TAG.search(fields.title) if closing else None
    if match is None or not fields.title[: match.start()].strip():
        return
    if fields.title[-1] in ")）" and any(comma in match.group("tag") for comma in ",，"):
        return  # "(2019，CVPR)": parts of a parenthesis, read one by one as such
    venue, year, _ = _venue_year(match.group("tag"))
    if year is None and _read_tag_before(fields, match):
        return  # "Title[NIPS'19][Baidu]": the dated venue before the lab's name
    if year is None and (venue is None or lookup(venue) is None):
        return
    fields.title = fields.title[: match.start()]
    fields.venue, fields.year = fields.venue or venue, fields.year or year
    fields.evidence += 2


def _read_leading_year(fields: _Fields) -> None:
    """ "2014 - SIGKDD - Title", "2021 | Title": a year (and venue) before a dash."""
    match = LEADING_DATED.match(fields.title) if fields.title[:2] in ("19", "20") else None
    if match is None or len(match.group("rest").split()) < 2:
        return
    venue = match.group("venue")
    if venue is not None and lookup(venue.strip()) is None:
        return
    fields.title = match.group("rest")
    fields.year = fields.year or int(match.group("year"))
    fields.venue = fields.venue or (venue.strip() if venue else None)
    fields.evidence += 1


def _read_tag_before(fields: _Fields, last: re.Match[str]) -> bool:
    """ "Title[NIPS'19][Baidu]": a venue's tag with its year, then another (the lab, a
    note) after it; whether it was read."""
    before = TRAILING_TAG.search(fields.title[: last.start()])
    if before is None or not fields.title[: before.start()].strip():
        return False
    venue, year, _ = _venue_year(before.group("tag"))
    if year is None or venue is None or lookup(venue) is None:
        return False
    fields.notes.append(last.group("tag"))
    fields.title = fields.title[: before.start()]
    fields.venue, fields.year = fields.venue or venue, fields.year or year
    fields.evidence += 2
    return True


def _finish_title(title: str) -> str:
    title = clean(EMPTY_BRACKETS.sub(" ", _unfiled(title)))
    title = without_pictographs(title) or title
    if title[:1] in ORDINAL_START:
        title = ORDINAL.sub("", title)
    title = title.strip(TITLE_STRIP + "“”\"'*_")
    if title[:1] in "~～" and title[1:2].isalnum():
        title = title[1:]  # "~Title": a reader's mark for a paper skimmed, not a title word
    for opening, closing in TITLE_MARKS:
        if title.startswith(opening) and title.endswith(closing) and title.count(opening) == 1:
            title = title[1:-1]  # 《Title》: the marks of a title, not part of it
    return clean(title)


def _unfiled(title: str) -> str:
    """A title written as its file's name: "Graph Auto-Encoders.pdf" is "Graph Auto-Encoders",
    "semi_supervised_graph_networks.pdf" is "semi supervised graph networks"."""
    match = FILE_NAME.search(title)
    if match is None:
        return title
    name = title[: match.start()]
    return name.replace("_", " ") if " " not in name.strip() else name


def read_paper(markdown: str, *, line: int = 0, category: str | None = None) -> PaperRead | None:
    """Read one paper item; None when no title can be found."""
    source = markdown.strip()
    if source[:1] in ORDINAL_START:
        source = ORDINAL.sub("", source)
    source, tags = _edge_tags(source)
    inline = plain(source)
    title_link, extras, drop = _classify_links(inline)
    body = _without_label_marks(_without(inline.text, drop))
    body, notes, assignees = _notes_and_assignees(body)
    body, comment = _comment_after_venue(body)
    notes += comment
    fields = (
        _read_cells(source)
        or _read_aliased(source)
        or _read_bold_title(source)
        or _read_authors_first(source)
        or _read_apa(clean(body))
        or _read_vancouver(clean(body))
        or (_read_mla(clean(body)) if not _quotes_in(title_link) else None)
        or _read_segments(body)
    )
    url = extras.pop("url", None)
    if fields is not None and url is None and _whole_item_link(body, title_link):
        url = title_link.url if title_link else None
    if fields is not None and url is None:
        url = _reference_address(inline)
    if fields is None and title_link is not None and len(title_link.text) >= 2:
        fields = _Fields(title=title_link.text)
        outside = _without(body, [(title_link.start, title_link.end)])
        _read_paren(fields)
        _read_tail(fields)
        _read_leading_venue(fields, clean(outside))
        rest = _Fields(title=clean(outside))
        _read_paren(rest, alone=True)
        _read_byline(rest, beside_link=True)
        _read_tail(rest)
        if rest.venue is None and rest.year is None:
            rest.venue, rest.year, _ = _venue_year(rest.title.strip(TITLE_STRIP))

        fields.venue, fields.year = fields.venue or rest.venue, fields.year or rest.year
        fields.authors = fields.authors or rest.authors
        url = title_link.url
        fields.evidence += 1
    elif fields is None:
        fields = _Fields(title=clean(body))
        _read_trailing_tag(fields)
        _read_paren(fields)
        _read_byline(fields)
        _read_tail(fields)
        _read_paren(fields)  # "Title (译名), Venue 2020": the parenthesis before the venue
    _read_leading_tag(fields)
    _read_tags(fields, tags)
    _read_leading_year(fields)
    _read_bilingual(fields)
    if fields.venue is None and fields.year is None:
        fields.venue, fields.year = badge_venue(source)
    title = _finish_title(fields.title)
    if not title:
        return None
    paper = Paper(
        title=title,
        authors=fields.authors,
        venue=fields.venue.strip() if fields.venue else None,
        year=fields.year,
        url=url,
        category=category,
        arxiv=arxiv_id(markdown),
        doi=_doi(markdown),
        assignees=assignees,
        notes=[clean(note) for note in notes + fields.notes if clean(note)],
        line=line,
        raw=markdown,
    )
    labelled = url is not None and (title_link is None or url != title_link.url)
    return PaperRead(paper, extras, fields.evidence + bool(url) + labelled, labelled)


def _quotes_in(link: Link | None) -> bool:
    """A linked title that quotes a word of its own ("On the \"steerability\" of GANs"), the
    title going on after the quote: the quotes are the title's, not a citation's."""
    if link is None:
        return False
    quoted = QUOTED_TITLE.search(link.text)
    return quoted is not None and len(link.text[quoted.end() :].split()) >= 2


def _whole_item_link(body: str, link: Link | None) -> bool:
    """The item is one link whose text holds the whole citation ('[Lee et al. "T" (2020)](u)')."""
    return link is not None and not clean(_without(body, [(link.start, link.end)])).strip()


def badge_venue(markdown: str) -> tuple[str | None, int | None]:
    """The venue and year a badge image shows ("![](https://img.shields.io/badge/CVPR-2021-blue)"
    reads "CVPR 2021"), from the first badge that names a venue or a year."""
    if "/badge/" not in markdown:
        return None, None
    for match in BADGE.finditer(markdown):
        fields = BADGE_DASH.split(match.group("path"))[:-1]  # the last field is the colour
        venue, year, _ = _venue_year(" ".join(_badge_field(field) for field in fields))
        known = venue is not None and lookup(venue) is not None
        if known or (year is not None and (venue is None or venue_like(venue))):
            return venue, year
    return None, None


def _badge_field(text: str) -> str:
    """A badge field as shown: "--" is a dash, "_" a space and "__" an underscore."""
    from urllib.parse import unquote  # only for a badge: start-up time

    shown = text.replace("--", "-").replace("__", "\0").replace("_", " ").replace("\0", "_")
    return unquote(shown)


def arxiv_year(paper: Paper) -> int | None:
    """The year an arXiv identifier names ("2103.14030" was submitted in 2021): the last
    word on a paper's year, when nothing written says it."""
    if paper.arxiv is None:
        return None
    year, month = int(paper.arxiv[:2]), int(paper.arxiv[2:4])
    return 2000 + year if year >= 7 and 1 <= month <= 12 else None


def arxiv_id(text: str) -> str | None:
    # Every match spells "arxiv" in some case; 'ı' and 'İ' also match an i ignoring case.
    lower = text.lower()
    if "arxiv" not in lower and "ı" not in lower and "i\u0307" not in lower:
        return None
    match = ARXIV_ID.search(text)
    return match.group(1) if match else None


def _doi(text: str) -> str | None:
    match = DOI.search(text) if "10." in text else None
    return match.group(1).rstrip(".,)") if match else None


def _reference_address(inline: Inline) -> str | None:
    """The address a citation ends with (a DOI or arXiv link), written out as itself."""
    last = inline.links[-1] if inline.links else None
    if last is None or last.text.strip() != last.url or inline.text[last.end :].strip(" ."):
        return None
    return last.url if url_role(last.url) == "paper" or "doi.org/" in last.url else None
