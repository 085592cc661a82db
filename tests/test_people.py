"""People: names with e-mails or pages, handles, lists; the same e-mail is the same person."""

from __future__ import annotations

from studyparse import parse
from studyparse._people import handles_in, people_from


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
