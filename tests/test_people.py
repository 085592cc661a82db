"""People: names with e-mails or pages, handles, lists; the same e-mail is the same person."""

from __future__ import annotations

import pytest

from studyparse import parse
from studyparse._people import handles_in, people_from, person_from


def test_hangul_handle_in_an_assignment_note() -> None:
    assert handles_in("Some Title (Assigned to @박서준)") == ["박서준"]


def test_people_line_with_an_email_wrapped_onto_the_next_line() -> None:
    doc = parse(
        "## Team\n"
        "**Members**: Ada Byron (ada@example.org), 최유진 (yujin@example.kr), \n"
        "(lonely@example.net)\n"
    )
    emails = {p.email for p in doc.people}
    assert {"ada@example.org", "yujin@example.kr", "lonely@example.net"} <= emails


def test_bold_people_label_followed_by_presenters_line_is_not_a_talk() -> None:
    doc = parse(
        "## Team\n"
        "**Lead**: Ada Byron (ada@example.org)\n\n"
        "**Presenters**: Ada Byron (ada@example.org), Alan Turing (alan@example.org)\n"
    )
    assert doc.talks == []
    assert {p.name for p in doc.people} >= {"Ada Byron", "Alan Turing"}


def test_name_with_email_is_one_person() -> None:
    people = people_from("Grace Hopper (grace@example.com), 김민수 (minsu@example.kr)")
    assert [(p.name, p.email) for p in people] == [
        ("Grace Hopper", "grace@example.com"),
        ("김민수", "minsu@example.kr"),
    ]


def test_handle_and_name_with_that_handle_are_one_person() -> None:
    doc = parse(
        "## Members\n\n> 서하은(@haeun-s), 도현(@dohyun)\n\n"
        "## Curriculum\n\n1. [Graph Nets](https://arxiv.org/abs/1806.01261) @haeun-s\n"
        "2. [Set Transformer](https://arxiv.org/abs/1810.00825) @dohyun\n"
    )
    names = [p.name for p in doc.people]
    assert "haeun-s" not in names
    assert "서하은" in names


def test_name_repeated_before_remarks_is_a_person() -> None:
    doc = parse(
        "### Comments\n"
        "- 수빈: 그림이 이해하기 쉬웠어요.\n"
        "- 수빈: 실험 표가 조금 아쉬워요.\n"
        "- 다음에는 코드도 같이 봐요.\n"
    )
    assert [p.name for p in doc.people] == ["수빈"]


def test_bare_name_list_under_a_members_heading() -> None:
    doc = parse(
        "### Members\n> 조아라, Ben Ode, 탁 민\n\n> Reading together every week, all welcome.\n"
    )
    assert [p.name for p in doc.people] == ["조아라", "Ben Ode", "탁 민"]


def test_names_joined_by_a_spaced_ampersand_are_two_people() -> None:
    assert [p.name for p in people_from("Ines Moreau & 김보라")] == ["Ines Moreau", "김보라"]
    assert [p.name for p in people_from("R&D Team")] == ["R&D Team"]


def test_an_empty_people_label_takes_names_from_the_following_lines() -> None:
    doc = parse(
        "## About\n"
        "- Goal : one paper a week\n"
        "- Members :\n"
        "Team Red: Ola Berg, 정하윤<br>\n"
        "B조 : 서지우, Mei Tan<br>\n"
        "\n"
        "Meetings are on Fridays.\n"
    )
    assert [p.name for p in doc.people] == ["Ola Berg", "정하윤", "서지우", "Mei Tan"]


def test_a_label_with_names_on_its_line_does_not_claim_the_next_lines() -> None:
    doc = parse("## About\n- Place : Room 4\n- Members : Ola Berg<br>\nKim Lee, Jo Park\n")
    assert [p.name for p in doc.people] == ["Ola Berg"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (':seedling:<a href="https://github.com/x">박서연</a>', "박서연"),
        ("🌟 Mira Okafor ✨", "Mira Okafor"),
        (":star2: 陈晓明", "陈晓明"),
    ],
)
def test_emoji_around_a_member_name_are_no_part_of_it(text: str, name: str) -> None:
    person = person_from(text)
    assert person is not None
    assert person.name == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mira Holt @mholt, Ken Abe @kenabe", [("Mira Holt", "mholt"), ("Ken Abe", "kenabe")]),
        ("@mholt @kenabe @jpark", [("mholt", "mholt"), ("kenabe", "kenabe"), ("jpark", "jpark")]),
        ("김민수 @minsu, @Seoyeon Lee", [("김민수", "minsu"), ("Seoyeon Lee", None)]),
    ],
)
def test_names_with_their_handles_and_runs_of_handles(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(p.name, p.handle) for p in people_from(text)] == expected


def _names(text: str) -> list[str | None]:
    return [person.name for person in parse(text).people]


@pytest.mark.parametrize(
    "line",
    [
        "**Crew**: @mholt, @Ken Abe, Jun Park (@jpark), @slee",
        "**스터디 크루: @mholt @kenabe @jpark @slee**",
    ],
)
def test_a_line_listing_handles_names_people_whatever_its_label(line: str) -> None:
    names = _names(f"# Reading group\n\n{line}\n")
    assert len(names) == 4 and "mholt" in names


@pytest.mark.parametrize(
    "line", ["**Note**: @mholt will bring snacks", "Contact: a@x.org, b@y.org, c@z.org"]
)
def test_one_mention_or_a_list_of_emails_is_no_handle_list(line: str) -> None:
    assert "mholt will bring snacks" not in _names(f"# Reading group\n\n{line}\n")


@pytest.mark.parametrize(
    ("label", "names"),
    [("Members", "Ken Abe, Jun Park"), ("참여자", "김민수, 이서연")],
)
def test_a_members_line_in_a_week_block_names_people(label: str, names: str) -> None:
    text = (
        "# Reading group\n\n## Week 1\n**Title: Sparse Routing**  \n"
        f"**Presenter: Mira Holt**  \n**{label}: {names}**\n"
    )
    doc = parse(text)
    assert [talk.title for talk in doc.talks] == ["Sparse Routing"]
    assert {p.name for p in doc.people} == {"Mira Holt", *names.split(", ")}


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Participants: @mholt @kenabe @newbie", {"mholt", "kenabe", "newbie"}),
        ("Members: Ken Abe, Jun Park", {"Ken Abe", "Jun Park"}),
    ],
)
def test_a_people_line_after_a_dated_topic_names_people_not_a_talk(
    line: str, names: set[str]
) -> None:
    doc = parse(f"# Reading group\n\n## 2024-03-05\nTopic: Dense Retrieval\n\n{line}\n")
    assert {p.name for p in doc.people} == names
    assert all(line.split(":")[0] not in talk.title for talk in doc.talks)
