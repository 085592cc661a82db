"""Dates as study READMEs write them."""

from __future__ import annotations

import pytest

from studyparse import parse
from studyparse._dates import find_date, label_year, parse_date, rolled_over, weekday_year


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("October 02, 2021", "2021-10-02"),
        ("Sep 7, 2019", "2019-09-07"),
        ("Jan 4 2018", "2018-01-04"),
        ("12th March, 2022", "2022-03-12"),
        ("1st May,2021", "2021-05-01"),
        ("2021-10-02", "2021-10-02"),
        ("2021.10.02", "2021-10-02"),
        ("2021년 10월 2일 (토)", "2021-10-02"),
        ("2021年10月2日", "2021-10-02"),
        ("21.10.02", "2021-10-02"),
        ("10/2/21", "2021-10-02"),  # a US month/day/year
        ("4/17/2023", "2023-04-17"),
        ("17/4/2023", "2023-04-17"),  # the first number cannot be a month
    ],
)
def test_written_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_date_without_year_takes_the_year_of_its_neighbours() -> None:
    assert parse_date("Oct 9", 2021) == "2021-10-09"
    assert parse_date("10/9", 2021) == "2021-10-09"
    assert find_date("Oct 9")[0] is None


def test_impossible_dates_are_none() -> None:
    assert parse_date("2021-02-30") is None


@pytest.mark.parametrize(
    ("label", "year"),
    [
        ("Timetable HT 2021", 2021),
        ("2030-2031 Spring term", 2031),
        ("2030-31 spring", 2031),
        ("2030-2031 autumn", 2030),
        ("2030-2031（春）讨论班", 2031),
        ("Reading list", None),
        ("2030-2035 plan", 2030),
    ],
)
def test_the_year_a_heading_names(label: str, year: int | None) -> None:
    assert label_year(label) == year


def test_a_weekday_names_the_year_of_a_month_and_day() -> None:
    assert parse_date("02月26日(月) 19:00", 2017) == "2018-02-26"
    assert parse_date("9월 3일 (화)", 2023) == "2024-09-03"
    assert parse_date("Wed, Oct 4", 2022) == "2023-10-04"
    assert parse_date("Oct 4", 2022) == "2022-10-04"  # no weekday: the year as given


def test_an_event_page_dates_its_programme() -> None:

    text = (
        "---\ntitle: 読書会\ndate: 2019-04-01\n---\n\n"
        "## 発表者\n\n- 3.1 -- 3.2 : 佐藤\n- 3.3 -- 3.5 : 高橋\n\n"
        "## 日時\n\n05月13日(月) 18:00 --\n"
    )
    assert [(t.title, t.date) for t in parse(text).talks] == [
        ("3.1 -- 3.2", "2019-05-13"),
        ("3.3 -- 3.5", "2019-05-13"),
    ]


def test_weekdays_name_the_year_of_a_schedule_that_never_writes_it() -> None:
    """Feb 29 falls on a Thursday only in 2024 between 2000 and 2051."""
    assert (
        weekday_year(["| Feb 29, Thu | Sparse Routing |", "| Mar 7, Thu | Graph Prompts |"]) == 2024
    )
    assert weekday_year(["- 2월 29일 (목) 발표: 김민수", "- 3월 7일 (목) 발표: 이지원"]) == 2024
    assert weekday_year(["2月29日（木）輪読会", "3月14日（木）輪読会"]) == 2024


def test_weekdays_that_disagree_or_stand_alone_name_no_year() -> None:
    assert weekday_year(["Feb 29, Thu", "Mar 7, Mon", "Mar 9, Fri", "Apr 1, Sun"]) is None
    assert weekday_year(["Feb 29, Thu: kickoff"]) is None
    assert weekday_year(["Feb 29: kickoff", "Mar 7: review"]) is None


def test_a_schedule_dated_only_by_weekdays_gets_the_year_they_name() -> None:
    text = (
        "# Reading group\n\n| When | Paper | Who |\n|---|---|---|\n"
        "| Feb 29, Thu | Sparse Routing for Mixture Models | Ann Lee |\n"
        "| Mar 7, Thu | Graph Prompting at Scale | Omar Haddad |\n"
    )
    assert [t.date for t in parse(text).talks] == ["2024-02-29", "2024-03-07"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29/03", "2021-03-29"),
        ("29.03.2021", "2021-03-29"),
        ("Seminar on 14th of August", "2021-08-14"),
        ("29 Mar", "2021-03-29"),
        ("12 avril 2021 (29.03.2021 moved)", "2021-03-29"),
    ],
)
def test_the_day_first(text: str, expected: str) -> None:
    assert find_date(text, 2021)[0] == expected


def test_a_schedule_passing_the_new_year() -> None:
    assert rolled_over("2021-01-03", "2021-12-13") == "2022-01-03"
    assert rolled_over("2021-03-01", "2021-04-12") == "2021-03-01"  # a row out of order
    assert rolled_over("2021-01-03", None) == "2021-01-03"


def test_a_table_of_yearless_dates_over_the_new_year() -> None:

    text = (
        "# Seminar 2021\n\n| 날짜 | 논문 | 발표자 |\n|---|---|---|\n"
        "| 12/13 | Sparse Routing | 김지원 |\n| 1/3 | Dense Retrieval | 박서연 |\n"
    )
    assert [talk.date for talk in parse(text).talks] == ["2021-12-13", "2022-01-03"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09-11", "2022-09-11"),
        ("7.3 一", "2022-07-03"),
        ("2.27 周一", "2022-02-27"),
        ("20181105-20181118", "2018-11-05"),
        ("3-4", None),  # chapters, not a date: after a dash the day has two digits
        ("12345678", None),
    ],
)
def test_dates_written_short_or_as_digits(text: str, expected: str | None) -> None:
    assert find_date(text, 2022)[0] == expected


@pytest.mark.parametrize(
    "prose",
    ["We meet every Monday in the 2022 autumn term.", "2022年秋季学期，每周一晚上组会。"],
)
def test_the_one_year_the_prose_names_dates_the_schedule(prose: str) -> None:
    text = (
        f"# Reading group\n\n{prose}\n\n| Date | Paper | Presenter |\n|---|---|---|\n"
        "| 10.3 | Sparse Routing | 김지원 |\n| 10.10 | Dense Retrieval | 박서연 |\n"
    )
    assert [talk.date for talk in parse(text).talks] == ["2022-10-03", "2022-10-10"]


def test_prose_naming_several_years_dates_nothing() -> None:
    text = (
        "# Reading group\n\nStarted in 2019, restarted in 2022.\n\n"
        "| Date | Paper | Presenter |\n|---|---|---|\n| 10.3 | Sparse Routing | 김지원 |\n"
    )
    assert [talk.date for talk in parse(text).talks] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04.11. (목)", "2024-04-11"),
        ("4.11.", "2024-04-11"),
        ("9. 18二", "2024-09-18"),
        ("5.6-5.12", "2024-05-06"),
        ("11.4 ~ 11.10 (월)", "2024-11-04"),
    ],
)
def test_a_dotted_month_day_cell_with_a_final_dot_a_space_or_a_span(
    text: str, expected: str
) -> None:
    assert find_date(text, 2024)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [("240411", "2024-04-11"), ("191203", "2019-12-03")])
def test_a_cell_of_six_digits_is_a_short_year_month_and_day(text: str, expected: str) -> None:
    assert find_date(text)[0] == expected


@pytest.mark.parametrize("text", ["123456", "241399", "page 240411 of the log"])
def test_six_digits_that_are_no_date_or_stand_in_prose_are_not_read(text: str) -> None:
    assert find_date(text)[0] is None


def _dates_of(text: str) -> list[str | None]:
    return [talk.date for talk in parse(text).talks]


_TABLE = (
    "| Date | Paper | Presenter |\n|---|---|---|\n"
    "| 11.8 | Sparse Routing | 김지원 |\n| 1.10 | Dense Retrieval | 박서연 |\n"
)


@pytest.mark.parametrize(
    "heading",
    ["## 2016 sessions", "## 2016년 일정", "## 2016 年日程"],
)
def test_the_one_year_the_headings_name_outweighs_the_prose(heading: str) -> None:
    text = (
        f"# Reading group\n\nFounded in 2014, online since 2015.\n\n## Sessions\n\n{_TABLE}"
        f"\n{heading}\n\nTo be announced.\n"
    )
    assert _dates_of(text) == ["2016-11-08", "2017-01-10"]


@pytest.mark.parametrize(
    "period",
    [
        "- Period: 2016.11.01 ~ 2017.02.28",
        "- 기간: 2016년 11월 1일 ~ 2017년 2월 28일",
        "- 时间：2016/11/01 - 2017/02/28",
    ],
)
def test_a_listed_period_dates_a_schedule_over_the_new_year(period: str) -> None:
    text = f"# Reading group\n\n{period}\n- Room: 301\n\n## Schedule\n\n{_TABLE}"
    assert _dates_of(text) == ["2016-11-08", "2017-01-10"]


@pytest.mark.parametrize(
    "prose", ["We meet from winter 2016 to spring 2017.", "2016年冬季至2017年春季，每周一。"]
)
def test_two_years_in_a_row_in_the_prose_date_from_the_first(prose: str) -> None:
    assert _dates_of(f"# Reading group\n\n{prose}\n\n{_TABLE}") == ["2016-11-08", "2017-01-10"]


@pytest.mark.parametrize(
    "item", ["- [x] Sparse Routing (ICML 2016)", "- 추천 논문: Dense Retrieval, 2016"]
)
def test_a_year_in_a_list_item_is_a_papers_not_the_schedules(item: str) -> None:
    text = f"# Reading group\n\n{item}\n\n## Schedule\n\n{_TABLE}"
    assert _dates_of(text) == [None, None]


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [("11월 8일", "11월 15일", "1월 10일"), ("11月8日", "11月15日", "1月10日")],
)
def test_month_and_day_in_hangul_or_han_roll_over_the_new_year(
    first: str, second: str, third: str
) -> None:
    text = (
        "# 2022 winter reading group\n\n| Date | Presenter | Topic |\n|---|---|---|\n"
        f"| {first} | 김철수 | Sparse Routing |\n| {second} | 이영희 | Dense Retrieval |\n"
        f"| {third} | 박민수 | World Models |\n"
    )
    assert _dates_of(text) == ["2022-11-08", "2022-11-15", "2023-01-10"]


@pytest.mark.parametrize("text", ["3월 15일", "3月15日"])
def test_a_month_and_day_without_a_year_writes_none(text: str) -> None:
    assert find_date(text, 2022) == ("2022-03-15", None)
