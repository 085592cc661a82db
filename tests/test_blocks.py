"""The block stage: lines as a person reads them."""

from __future__ import annotations

from studyparse._blocks import scan


def test_task_boxes_are_taken_off_the_item_text_and_kept() -> None:
    blocks = [
        b
        for b in scan("- [x] Read it\n* [ ] Not yet\n-[X]Glued\n+ [y] not a box\n")
        if b.kind == "item"
    ]
    assert [(b.text, b.task) for b in blocks] == [
        ("Read it", "x"),
        ("Not yet", " "),
        ("Glued", "x"),
        ("[y] not a box", ""),
    ]
    assert [b.raw for b in blocks][2] == "-[X]Glued"
