"""The normalizer is its own fixed point, on every shape of README the parser reads.

Hypothesis builds documents out of the shapes study READMEs are made of (made up here,
in English, Korean and Chinese): YAML front matter, template lines, paragraphs with hard
line breaks, headings (ATX, setext, bold labels, week labels), week blocks whose talk
lines follow the heading at once, labelled talk blocks (plain, bulleted, bold labels),
paper lists (numbered, bulleted, nested, tab-indented, with links), tables (with and
without outer pipes, right after a paragraph), HTML blocks, comments, quotes and code.
Each part is joined to the next by a blank line or by none at all (HTML, code, quotes and
setext headings stand after a blank line, as blocks of their own). The property: the
document is normalized without a refusal, and normalizing the result changes nothing.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import studyparse
from studyparse._normalize import normalize_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TITLES = st.sampled_from(
    [
        "Attention Is All You Need",
        "Deep Residual Learning for Image Recognition",
        "Graph Attention Networks",
        "Learned Step Size Quantization",
        "신경망 압축 기법",
        "图神经网络综述",
        "BERT: Pre-training of Deep Bidirectional Transformers",
    ]
)
NAMES = st.sampled_from(["Kim Minsu", "Lee Jiwon", "Alice Park", "김철수", "이영희", "王小明"])
VENUES = st.sampled_from(["ICML", "NeurIPS", "CVPR", "ACL", "arXiv"])
YEARS = st.integers(2015, 2024).map(str)
URLS = st.sampled_from(
    ["https://arxiv.org/abs/1706.03762", "https://example.org/slides.pdf", "https://youtu.be/x1"]
)
HARD = st.sampled_from(["", "  ", "   "])
WEEKS = st.integers(1, 12)


def lines(*parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(*parts).map(lambda found: "\n".join(found))


front_matter = st.builds(
    lambda title, layout: f"---\nlayout: {layout}\ntitle: {title}\n---",
    st.sampled_from(["Reading group", "Talks"]),
    st.sampled_from(["page", "default"]),
)
template_lines = st.sampled_from(
    [
        "{% for t in page.talks %}",
        "{% endfor %}",
        "{{ t.title }}",
        "{% include schedule.html %}",
        "{% if site.show %}",
    ]
)
paragraphs = st.sampled_from(
    [
        "Our reading group meets weekly.",
        "We read one paper a week and discuss it.",
        "매주 한 편의 논문을 읽습니다.",
        "每周阅读一篇论文。",
        "Slides are in the folder below",
        "Organised by the lab",
    ]
)
hard_paragraph = st.builds(
    lambda first, hard, second: f"{first}{hard}\n{second}", paragraphs, HARD, paragraphs
)
atx_heading = st.builds(
    lambda level, text: "#" * level + " " + text,
    st.integers(1, 4),
    st.sampled_from(["Paper List", "Schedule", "Members", "Week 3", "논문 목록", "일정", "Notes"]),
)
setext_heading = st.builds(
    lambda text, rule: f"{text}\n{rule}", st.sampled_from(["Schedule", "Papers"]), st.just("===")
)
week_label = st.one_of(
    st.builds(lambda n: f"## Week {n}", WEEKS),
    st.builds(lambda n: f"### {n}주차", WEEKS),
    st.builds(lambda n: f"**Week {n}**", WEEKS),
    st.builds(lambda n: f"Week {n} (2021.03.{n:02d})", WEEKS),
    st.builds(lambda n: f"第{n}周", WEEKS),
)


@st.composite
def bold_talk_lines(draw: st.DrawFn) -> str:
    """``**Paper: X**  `` / ``Speaker - Name  `` / ``PPT:  ``, each maybe bold, maybe a hard
    break."""
    title, name = draw(TITLES), draw(NAMES)
    rows = [
        draw(st.sampled_from([f"**Paper: {title}**", f"Paper: {title}", f"**{title}**"])),
        draw(st.sampled_from([f"Speaker - {name}", f"**Speaker - {name}**", f"발표자: {name}"])),
        draw(st.sampled_from(["PPT:", "**PPT:**", "PPT: [link](https://example.org/s.pdf)"])),
    ]
    return "\n".join(row + draw(HARD) for row in rows[: draw(st.integers(2, 3))])


@st.composite
def week_block(draw: st.DrawFn) -> str:
    """A week label followed at once by talk lines."""
    talks = [draw(bold_talk_lines()) for _ in range(draw(st.integers(1, 2)))]
    return draw(week_label) + "\n" + draw(st.sampled_from(["\n", "\n\n"])).join(talks)


@st.composite
def talk_block(draw: st.DrawFn) -> str:
    """A title line, then labelled fields: plain, bulleted or tab-indented."""
    title = draw(st.sampled_from(["", "**", "### "])) + draw(TITLES)
    if title.startswith("**"):
        title += "**"
    prefix = draw(st.sampled_from(["", "- ", "* ", "\t"]))
    labels = draw(
        st.lists(
            st.sampled_from(
                [
                    "Presenter: {name}",
                    "발표자: {name}",
                    "主讲：{name}",
                    "PPT: {url}",
                    "Slides: {url}",
                    "Video: ",
                    "Date: 2021-03-02",
                ]
            ),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    name, url = draw(NAMES), draw(URLS)
    fields = [prefix + label.format(name=name, url=url) + draw(HARD) for label in labels]
    return "\n".join([title, *fields])


@st.composite
def paper_item(draw: st.DrawFn, title: str) -> str:
    venue, year = draw(VENUES), draw(YEARS)
    return draw(
        st.sampled_from(
            [
                f"{title}, {venue}, {year}",
                f"[{title}]({draw(URLS)}), {venue}, {year}",
                f"[{title}, {venue},{year}]({draw(URLS)})",
                f"{title} ({venue} {year})",
                f"**{title}** {venue} {year}",
            ]
        )
    )


@st.composite
def paper_list(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(["-", "*", "+", "•", "1.", "1)", "\t1.", "  -"]))
    titles = draw(st.lists(TITLES, min_size=1, max_size=4, unique=True))  # a list repeats none
    rows = []
    for number, title in enumerate(titles, start=1):
        mark = marker.replace("1", str(number))
        rows.append(f"{mark} {draw(paper_item(title))}")
        if draw(st.booleans()):  # a nested line, deeper than its item
            lead = mark[: len(mark) - len(mark.lstrip())]
            indent = lead + draw(st.sampled_from(["  ", "    ", "\t"]))
            rows.append(
                indent
                + draw(
                    st.sampled_from(
                        ["- Reviewer: 김철수", "- [slides](https://example.org/s.pdf)", "notes"]
                    )
                )
            )
    return "\n".join(rows)


@st.composite
def topic_list(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(["-", "*", "1."]))
    words = draw(st.lists(st.sampled_from(["Vision", "NLP", "강화학습", "图学习"]), min_size=1))
    return "\n".join(f"{marker} {word}" for word in words)


@st.composite
def table(draw: st.DrawFn) -> str:
    outer = draw(st.booleans())
    header = ["Week", "Date", "Title", draw(st.sampled_from(["Presenter", "발표자", "Name"]))]
    rows = [header, ["---"] * len(header)]
    for week in range(1, draw(st.integers(1, 3)) + 1):
        rows.append([str(week), f"2021-03-{week:02d}", draw(TITLES), draw(NAMES)])

    def row(cells: list[str]) -> str:
        text = " | ".join(cells)
        return f"| {text} |" if outer else text

    return "\n".join(row(cells) for cells in rows)


html_blocks = st.sampled_from(
    [
        '<div align="center">\n<img src="logo.png">\n</div>',
        "<details>\n<summary>Week 1</summary>\n\nAttention Is All You Need\n</details>",
        "<table>\n<tr><td>Week 1</td><td>Kim Minsu</td></tr>\n</table>",
        "<br>",
        "<!-- a comment -->",
        "<!--\n- Example, ICML, 2019\n-->",
    ]
)
other_blocks = st.sampled_from(
    [
        "> quoted text\n> more",
        "```\n{% for t in page.talks %}\n```",
        "---",
        "    indented code",
        "[Original Paper Link](https://arxiv.org/abs/1706.03762) / Summary PDF",
        "Members: Kim Minsu, Lee Jiwon",
    ]
)
paper_section = st.builds(
    lambda title, names, venue, year: (
        f"### {title}\n\n**{title}**\n\nAuthors: {names}\nVenue: {venue}\nYear: {year}"
    ),
    TITLES,
    st.sampled_from(["A. Kim, B. Lee", "김철수; 이영희"]),
    VENUES,
    YEARS,
)

#: Parts that may follow the part before them directly, with no blank line between.
TOUCHING = st.one_of(
    st.tuples(st.just("line"), st.one_of(template_lines, paragraphs, hard_paragraph)),
    st.tuples(st.just("heading"), st.one_of(atx_heading, week_label)),
    st.tuples(st.just("talk"), st.one_of(week_block(), talk_block())),
    st.tuples(st.just("list"), st.one_of(paper_list(), topic_list())),
    st.tuples(st.just("table"), table()),
)
#: Blocks that stand on their own, after a blank line: HTML, code, quotes, setext headings.
APART = st.one_of(setext_heading, html_blocks, other_blocks, paper_section)


@st.composite
def readmes(draw: st.DrawFn) -> str:
    text, under_list = "", False
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.integers(0, 3)) == 0:
            text += ("\n" if text else "") + draw(APART) + "\n\n"
            under_list = False
            continue
        kind, part = draw(TOUCHING)
        touches = bool(text) and text[-2:] != "\n\n"
        if under_list and touches and kind in ("talk", "table"):
            # Right below a list (or lines that run on from it), a talk changes how the
            # parser reads the list's items (a reading of the extract stage, not of the
            # writer), and CommonMark reads a table as the last item's text: kept apart.
            text += "\n"
            touches = False
        under_list = kind == "list" or (under_list and touches)
        text += part + draw(st.sampled_from(["\n", "\n\n", "\n\n\n"]))
    if draw(st.booleans()):
        text = draw(front_matter) + "\n" + draw(st.sampled_from(["", "\n"])) + text
    return text


def assert_fixed_point(text: str) -> None:
    once = normalize_text(text)  # refusing is a failure here too
    assert normalize_text(once) == once
    assert studyparse.to_markdown(studyparse.parse(once)) == once


S = "Schedule\n===\n\n"


@SETTINGS
@given(readmes())
@example(S + "### Attention Is All You Need\nPresenter: Kim Minsu\n발표자: Kim Minsu\n\n\nX Y Z\n")
@example(S + "### Attention Is All You Need\n\tPresenter: Kim Minsu   \n\t발표자: Kim Minsu\n")
@example(S + "## Week 1\n**Paper: Attention**\nSpeaker - Kim Minsu\n\n\nAttention\nVideo: \n")
@example(S + "### Graph Nets\n\tPresenter: Kim Minsu\n\t발표자: Kim\n- Graph Nets, ICML, 2015\n")
@example(
    S + "\t1. Graph Attention Networks, ICML, 2015\n\nAttention Is All You Need\nPresenter: Kim\n"
)
@example(
    S
    + "Attention Is All You Need\nPresenter: Kim\n\n\nAttention Is All You Need\nDate: 2021-03-02\n"
)
@example(S + "### 신경망 압축 기법\n- Video: \n- Presenter: Kim Minsu\n- 발표자: Kim Minsu\n")
def test_normalized_readmes_are_a_fixed_point(text: str) -> None:
    assert_fixed_point(text)


@SETTINGS
@given(st.lists(week_block(), min_size=1, max_size=3), st.sampled_from(["# Study\n\n", ""]))
def test_week_blocks_with_hard_breaks_are_a_fixed_point(blocks: list[str], title: str) -> None:
    assert_fixed_point(title + "\n\n".join(blocks) + "\n")


@SETTINGS
@given(front_matter, paragraphs, st.lists(template_lines, min_size=1, max_size=3), topic_list())
def test_template_lines_after_front_matter_are_a_fixed_point(
    matter: str, paragraph: str, template: list[str], items: str
) -> None:
    text = f"{matter}\n\n{paragraph}\n\n{template[0]}\n{items}\n" + "\n".join(template[1:])
    assert_fixed_point(text + "\n")


def test_the_template_line_of_the_issue_stays_a_line() -> None:
    text = (
        "---\nlayout: page\ntitle: Talks\n---\n\nOur reading group meets weekly.\n\n"
        "{% for t in page.talks %}\n- {{ t.title }}\n{% endfor %}\n"
    )
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert [heading.text for heading in studyparse.parse(once).headings] == []


def test_the_week_block_of_the_issue_is_a_fixed_point() -> None:
    text = (
        "# Study\n\n### Week 1 (2021.03.02)\n**Paper: Attention Is All You Need**  \n"
        "**Speaker - Kim Minsu**  \n**PPT:**  \n\n### Week 2\n**Paper: BERT**  \n"
        "Speaker - Lee Jiwon  \nPPT:  \n"
    )
    once = normalize_text(text)
    assert normalize_text(once) == once
    # Both weeks are read as talks (a bold "**Speaker - Name**" is a labelled line too) and
    # written as talk blocks: the title line, then one bullet per field.
    assert "**Paper: Attention Is All You Need**\n\n- **Speaker - Kim Minsu**\n- **PPT:**\n" in once
    assert "**Paper: BERT**\n\n- Speaker - Lee Jiwon\n- PPT:\n" in once
