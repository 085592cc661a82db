"""Dates as study READMEs write them, read into ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date

from ._regex import LazyPattern

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_ORDINAL},?\s*(?P<year>\d{{4}})\b", re.IGNORECASE)
DAY_MONTH_YEAR = re.compile(
    rf"\b{_ORDINAL}\s+(?:of\s+)?{_MONTH},?\s*(?P<year>\d{{4}})\b", re.IGNORECASE
)
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_ORDINAL}\b(?!\s*(?:,\s*)?\d)", re.IGNORECASE)
#: "29 Mar", "14th of August": the day first, no year after it.
DAY_MONTH = LazyPattern(rf"\b{_ORDINAL}\s+(?:of\s+)?{_MONTH}\b(?!\s*(?:,\s*)?\d)", re.IGNORECASE)
#: "29.03.2021": the day, month and year with dots, as European pages write them.
DOTTED_DAY_FIRST = LazyPattern(
    r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?![\d.])"
)
ISO_LIKE = re.compile(
    r"(?<![\d.])(?P<year>(?:19|20)\d{2})\s*[-./]\s*(?P<month>\d{1,2})\s*[-./]\s*(?P<day>\d{1,2})(?![\d])"
)
KOREAN = re.compile(r"(?:(?P<year>\d{4})\s*년\s*)?(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일")
CHINESE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]"
)
#: "21.10.02", "23-05-10": a two-digit year first, the same separator twice.
SHORT_YEAR = re.compile(
    r"(?<![\d.-])(?P<year>\d{2})(?P<sep>[.-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d.-])"
)
#: "11/29/21", "3/2/2022" (month first, as US pages write it; "29/11/21" when the first
#: number cannot be a month).
SLASHED_WITH_YEAR = LazyPattern(
    r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])"
)
MONTH_SLASH_DAY = re.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d/])")
#: A weekday after a date: "一", "(화)", "周三", "Tue".
_AFTER_WEEKDAY = (
    r"(?:\s*[(（]?\s*(?:周|星期|週)?[一二三四五六日天月火水木金土월화수목금토일](?:요일|曜日?)?\s*[)）]?"
    r"|\s*[(（]?\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*[)）]?)?"
)
#: A cell that is only a month and day with a dot or a dash ("3.2", "09-11", "7.3 一",
#: "02.23. (수)"), perhaps the first of a span ("3.14-3.20"); after a dash the day has two
#: digits ("3-4" may be chapters).
MONTH_DOT_DAY = re.compile(
    rf"^\s*(?P<month>\d{{1,2}})(?:\.\s?(?P<day>\d{{1,2}})\.?|-(?P<dashed>\d{{2}}))"
    rf"(?:\s*[~–-]\s*\d{{1,2}}[./]\d{{1,2}}\.?)?{_AFTER_WEEKDAY}\s*$",
    re.IGNORECASE,
)
#: A cell that is only six digits, year, month and day ("230302", "250501").
COMPACT_SHORT = LazyPattern(
    r"^\s*(?P<year>[12]\d)(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])\s*$"
)
#: "20181105", "20181105-20181118": a date written as eight digits (the first of a span).
COMPACT = LazyPattern(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
)


#: Weekday names, Monday first: English, Japanese, Korean, Chinese.
WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("mon", "月", "월", "一"),
    ("tue", "火", "화", "二"),
    ("wed", "水", "수", "三"),
    ("thu", "木", "목", "四"),
    ("fri", "金", "금", "五"),
    ("sat", "土", "토", "六"),
    ("sun", "日", "일", "天"),
)
#: A weekday in parentheses ("(月)", "(화)", "(Tue)") or an English day name before a comma.
WEEKDAY = LazyPattern(
    r"[(（]\s*(?:[月火水木金土日월화수목금토일]|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*[)）]"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,"
    r"|(?<=,)\s?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b",
    re.IGNORECASE,
)
#: The years a weekday may pin a month and day to; the latest that fits them all is taken.
WEEKDAY_YEARS = range(2000, date.today().year + 2)
YEAR_IN_LABEL = re.compile(
    r"(?<!\d)(?P<first>(?:19|20)\d{2})(?:\s*[-–~/]\s*(?P<second>(?:19|20)?\d{2}))?(?!\d)"
)
#: A year with its month and no day ("2020-10", "2021.04", "2020年4月", "Oct 2020"): a month
#: of reading, as a dated section's heading writes it.
YEAR_MONTH = LazyPattern(
    rf"(?<![\d.])(?:19|20)\d{{2}}\s*(?:[-./]\s*|年\s*|년\s*)(?:0?[1-9]|1[0-2])(?![\d.])"
    rf"|\b{_MONTH}\s+(?:19|20)\d{{2}}\b",
    re.IGNORECASE,
)
#: Every date pattern has a digit; text without one is answered before trying nine patterns.
DIGIT = re.compile(r"\d")
SPRING_WORDS = LazyPattern(r"spring|\bVT\b|春|봄", re.IGNORECASE)
#: Words of a term or season: a year beside them is when a group met, not when papers came out.
TERM_WORDS = LazyPattern(
    r"spring|summer|\bfall\b|autumn|winter|semester|(?<![\w-])term\b|season|\bVT\b|\bHT\b"
    r"|학기|봄|여름|가을|겨울|学期|学年|春|夏|秋|冬",
    re.IGNORECASE,
)


def label_year(text: str) -> int | None:
    """The year a heading names ("Schedule VT 2023", "2022-2023 Spring"), or None.

    A span of two years is an academic year: its spring term falls in the later
    year, anything else (autumn, the whole year) is dated by the first year.
    """
    match = YEAR_IN_LABEL.search(text)
    if not match:
        return None
    first = int(match.group("first"))
    second = match.group("second")
    if second is None:
        return first
    later = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if later != first + 1:
        return first
    return later if SPRING_WORDS.search(text) else first


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(value: str) -> int:
    return MONTHS[value.lower().rstrip(".")] if not value.isdigit() else int(value)


def full_year(two_digits: int) -> int:
    """A two-digit year in full: "21" is 2021 and "94" is 1994, no year being later than
    next year."""
    return 2000 + two_digits if two_digits <= date.today().year % 100 + 1 else 1900 + two_digits


def rolled_over(iso: str, previous: str | None) -> str:
    """A yearless date of a schedule, given the year of the date before it: when it falls
    more than half a year before that date, the schedule has passed a new year ("12/13"
    then "1/3" is January of the next year)."""
    if previous is None or iso >= previous:
        return iso
    this, last = date.fromisoformat(iso), date.fromisoformat(previous)
    if (last - this).days <= 183:
        return iso
    return _iso(this.year + 1, this.month, this.day) or iso


def find_date(text: str, default_year: int | None = None) -> tuple[str | None, int | None]:
    """The first date in ``text`` as ISO; also its year, or the month-day with no year.

    Returns ``(iso, year)``; when the text names a month and day without a year,
    ``default_year`` completes it, and ``iso`` is None if there is none.
    """
    if DIGIT.search(text) is None:
        return None, None
    for pattern in (MONTH_DAY_YEAR, DAY_MONTH_YEAR, ISO_LIKE, KOREAN, CHINESE):
        match = pattern.search(text)
        if match:
            year_text = match.group("year")
            month, day = _month(match.group("month")), int(match.group("day"))
            if year_text:
                return _iso(int(year_text), month, day), int(year_text)
            # "11월 8일", "3月15日": the year is the weekday's or the default, not written
            return _iso(_weekday_year(text, match, month, day, default_year), month, day), None
    slashed = SLASHED_WITH_YEAR.search(text) if "/" in text else None
    if slashed:
        year_text, first, second = slashed.group("year", "first", "second")
        year = int(year_text) if len(year_text) == 4 else full_year(int(year_text))
        month, day = (int(first), int(second)) if int(first) <= 12 else (int(second), int(first))
        return _iso(year, month, day), year
    dotted = DOTTED_DAY_FIRST.search(text) if "." in text else None
    if dotted:
        day, month, year = (int(value) for value in dotted.group("day", "month", "year"))
        month, day = (month, day) if month <= 12 else (day, month)
        return _iso(year, month, day), year
    compact = COMPACT.search(text)
    if compact:
        year = int(compact.group("year"))
        return _iso(year, int(compact.group("month")), int(compact.group("day"))), year
    six = COMPACT_SHORT.match(text) if len(text) < 16 else None
    if six:
        year = full_year(int(six.group("year")))
        return _iso(year, int(six.group("month")), int(six.group("day"))), year
    short = SHORT_YEAR.search(text)
    if short:
        year = full_year(int(short.group("year")))
        return _iso(year, int(short.group("month")), int(short.group("day"))), year
    for search in (
        MONTH_DAY.search,
        DAY_MONTH.search,
        MONTH_SLASH_DAY.search,
        MONTH_DOT_DAY.search,
    ):
        match = search(text)
        if match:
            month = _month(match.group("month"))
            day = int(match.group("day") or match.group("dashed"))
            if month > 12 >= day:
                month, day = day, month  # "29/03": a day that cannot be a month comes first
            return _iso(_weekday_year(text, match, month, day, default_year), month, day), None
    return None, None


def _weekday_year(
    text: str, match: re.Match[str], month: int, day: int, year: int | None
) -> int | None:
    """The year of a month and day written with its weekday ("01月29日(月)", "Tue, Mar 3").

    The weekday names the year: the first from ``year`` on (within a week of years) in
    which that day falls on it. Without a weekday, ``year`` as given.
    """
    if year is None:
        return None
    around = text[max(0, match.start() - 6) : match.end() + 8]
    found = WEEKDAY.search(around)
    if found is None:
        return year
    weekday = _weekday_index(found.group(0))
    for candidate in range(year, year + 7):
        try:
            if date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            return year
    return year


def weekday_year(texts: list[str]) -> int | None:
    """The year that the weekdays written beside month-day dates name together.

    A schedule that writes "Jan 28, Tue" and "Feb 4 (화)" but never its year still
    tells it: the latest year in which every such day (all but one in four) falls on
    its weekday. None when fewer than two such dates are written, or no year fits.
    """
    days = [day for text in texts for day in _weekday_dates(text)]
    if len(days) < 2:
        return None
    best, best_fit = None, 0
    for year in WEEKDAY_YEARS:
        fit = sum(1 for month, day, weekday in days if _falls_on(year, month, day, weekday))
        if fit >= best_fit:
            best, best_fit = year, fit
    return best if best_fit * 4 >= len(days) * 3 else None


def _weekday_dates(text: str) -> list[tuple[int, int, int]]:
    """(month, day, weekday) of each yearless date written with its weekday in ``text``."""
    found: list[tuple[int, int, int]] = []
    if DIGIT.search(text) is None or WEEKDAY.search(text) is None:
        return found
    for pattern in (MONTH_DAY, MONTH_SLASH_DAY, KOREAN, CHINESE):
        for match in pattern.finditer(text):
            if match.groupdict().get("year"):
                continue
            around = text[max(0, match.start() - 6) : match.end() + 8]
            weekday = WEEKDAY.search(around)
            if weekday is not None:
                month, day = _month(match.group("month")), int(match.group("day"))
                found.append((month, day, _weekday_index(weekday.group(0))))
    return found


def _falls_on(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def _weekday_index(token: str) -> int:
    token = token.strip("()（）, .").lower()
    for index, names in enumerate(WEEKDAYS):
        if any(token.startswith(name) for name in names):
            return index
    return -1


def parse_date(text: str, default_year: int | None = None) -> str | None:
    """ISO date of the first date in ``text``, or None."""
    return find_date(text, default_year)[0]
