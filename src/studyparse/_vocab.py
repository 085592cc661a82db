"""The words study READMEs use, in English, Korean and Chinese, kept as data.

Extend a tuple to teach studyparse a new wording; every rule reads these
tables, none spells a word of its own. Matching is case-insensitive on whole
words for Latin script and on substrings for Hangul and Han characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

#: Words in a heading that say what the section holds.
SECTION_ROLES: dict[str, tuple[str, ...]] = {
    "papers": (
        "paper",
        "papers",
        "paper list",
        "reading list",
        "readings",
        "reading",
        "publications",
        "works",
        "awesome",
        "bibliography",
        "literature",
        "technical report",
        "논문",
        "리딩",
        "읽을",
        "论文",
        "文献",
        "阅读",
    ),
    "schedule": (
        "schedule",
        "presentation",
        "presentations",
        "timetable",
        "curriculum",
        "syllabus",
        "agenda",
        "program",
        "programme",
        "sessions",
        "seminar",
        "seminars",
        "talks",
        "meetings",
        "발표",
        "일정",
        "커리큘럼",
        "시간표",
        "진행",
        "모임",
        "日程",
        "安排",
        "课程",
        "分享",
    ),
    "people": (
        "contributor",
        "contributors",
        "participants",
        "participant",
        "members",
        "member",
        "organizers",
        "organizer",
        "team",
        "teams",
        "presenters",
        "authors",
        "maintainers",
        "참여자",
        "참가자",
        "멤버",
        "구성원",
        "팀원",
        "스터디원",
        "成员",
        "参与者",
        "贡献者",
    ),
    "resources": (
        "resources",
        "resource",
        "links",
        "link",
        "references",
        "related",
        "tools",
        "blogs",
        "blog",
        "tutorial",
        "tutorials",
        "survey",
        "posting",
        "channel",
        "site",
        "sites",
        "참고",
        "도움",
        "사이트",
        "자료",
        "资源",
        "链接",
        "参考",
    ),
}

#: Labels of talk fields ("Presenter: ...") and of table columns.
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "presenters": (
        "presenter",
        "presenters",
        "presentor",
        "presentors",
        "speaker",
        "speakers",
        "team",
        "group",
        "발표자",
        "발표",
        "조",
        "팀",
        "主讲",
        "主讲人",
        "讲者",
        "分享人",
        "报告人",
        "分享",
        "分享者",
        "汇报人",
        "presented by",
        "who",
        "person",
        "발표인",
        "발제자",
        "발제",
        "発表者",
        "登壇者",
        "講演者",
    ),
    "hosts": (
        "host",
        "hosts",
        "moderator",
        "moderators",
        "chair",
        "lead",
        "leads",
        "leader",
        "leaders",
        "led by",
        "discussion lead",
        "discussion leader",
        "discussion leaders",
        "리더",
        "领读",
        "领读人",
        "discussant",
        "discussants",
        "主持",
        "主持人",
        "주최",
        "사회",
        "사회자",
        "진행자",
        "facilitator",
        "facilitators",
    ),
    "reviewers": ("reviewer", "reviewers", "리뷰어", "담당", "담당자", "assigned to", "assignee"),
    "assistants": ("assistant", "assistants", "helper", "보조", "助教"),
    "slides": (
        "ppt",
        "slides",
        "slide",
        "presentation",
        "presentation file",
        "deck",
        "materials",
        "material",
        "발표자료",
        "발표 자료",
        "자료",
        "슬라이드",
        "课件",
        "幻灯片",
        "スライド",
        "発表資料",
    ),
    "video": (
        "video",
        "videos",
        "youtube",
        "recording",
        "영상",
        "녹화",
        "视频",
        "录像",
        "動画",
        "録画",
    ),
    "date": (
        "date",
        "dates",
        "day",
        "when",
        "time",
        "날짜",
        "일정",
        "일시",
        "발표일",
        "발표 날짜",
        "日期",
        "时间",
        "日付",
        "日時",
        "開催日",
        "時間",
    ),
    "title": (
        "title",
        "topic",
        "topics",
        "theme",
        "subject",
        "paper",
        "papers",
        "technical report",
        "report",
        "논문",
        "주제",
        "제목",
        "论文",
        "题目",
        "主题",
        "内容",
        "what",
        "topics covered",
        "reading",
        "readings",
        "발표 제목",
        "발표 주제",
        "발표 논문",
        "발표논문",
        "발표논문명",
        "论文标题",
        "论文题目",
        "论文名称",
        "논문 제목",
        "논문명",
        "chapter",
        "chapters",
        "챕터",
        "章节",
        "タイトル",
        "題目",
        "論文",
        "テーマ",
    ),
    "venue": (
        "venue",
        "conference",
        "conf",
        "conf.",
        "journal",
        "published",
        "publication",
        "pub",
        "pub.",
        "source",
        "학회",
        "출처",
        "会议",
        "期刊",
        "来源",
        "出处",
        "发表期刊",
        "发表会议",
        "发表刊物",
        "会议/期刊",
        "期刊/会议",
    ),
    # A paper's publication, not a meeting's day: "发表" is to publish in Chinese (the
    # Japanese "発表" and the Korean "발표" are a presentation, read as dates above).
    "year": (
        "year",
        "연도",
        "年份",
        "发表时间",
        "发表日期",
        "发表年份",
        "出版时间",
        "出版日期",
        "publication date",
        "published date",
        "출판 연도",
    ),
    "authors": ("author", "authors", "저자", "作者", "著者"),
    "category": (
        "task",
        "tasks",
        "category",
        "categories",
        "type",
        "area",
        "field",
        "domain",
        "keyword",
        "keywords",
        "tag",
        "tags",
        "분야",
        "분류",
        "카테고리",
        "类别",
        "分类",
        "任务",
        "领域",
        "方向",
    ),
    "week": ("week", "#", "no", "no.", "회차", "주차", "주", "周", "周次", "周数"),
    "code": ("code", "코드", "代码", "implementation"),
    "notes": (
        "notes",
        "note",
        "summary",
        "review",
        "memo",
        "description",
        "abstract",
        "comment",
        "comments",
        "비고",
        "요약",
        "설명",
        "备注",
        "简介",
        "介绍",
        "说明",
        "概要",
        "備考",
        "activities",
        "homework",
        "deliverables",
        "과제",
        "作业",
        "課題",
    ),
    "paper_url": (
        "paper",
        "pdf",
        "arxiv",
        "link",
        "original paper link",
        "original paper",
        "논문",
        "url",
        "href",
        "paper url",
        "paper link",
    ),
}

#: Labels of the lines that describe one entry ("Authors: …", "**발표자**: …", "年份：2023").
#: Unlike a table's columns, a talk's own title and the paper it reads are told apart.
RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("title", "talk", "talk title", "제목", "题目", "标题", "タイトル", "演題"),
    "topic": ("topic", "theme", "subject", "주제", "발표 주제", "主题", "テーマ"),
    "paper": (
        "paper",
        "papers",
        "reading",
        "readings",
        "paper title",
        "논문",
        "논문 제목",
        "论文",
        "論文",
        "文献",
        "technical report",
    ),
    "authors": ("author", "authors", "저자", "作者", "著者"),
    "venue": FIELD_LABELS["venue"]
    + ("저널", "booktitle", "proceedings", "published in", "发表", "出处", "来源", "学会", "掲載"),
    "year": ("year", "연도", "발행연도", "年份", "年", "出版年"),
    "url": ("link", "links", "url", "pdf", "arxiv", "doi", "paper link", "링크", "链接", "リンク"),
    "presenters": FIELD_LABELS["presenters"]
    + ("reporter", "reporters", "lecturer", "発表者", "発表", "講演者", "担当", "担当者", "讲者"),
    "hosts": FIELD_LABELS["hosts"],
    "date": FIELD_LABELS["date"] + ("日時", "日付", "日期时间"),
    "week": ("week", "주차", "周次"),
    "slides": FIELD_LABELS["slides"] + ("スライド", "資料", "发表资料"),
    "video": FIELD_LABELS["video"] + ("動画",),
    "code": FIELD_LABELS["code"] + ("github", "repo", "repository", "깃허브", "깃헙"),
    "notes": FIELD_LABELS["notes"]
    + ("tl;dr", "摘要", "comments", "contributions", "key idea", "blog", "详解", "解读", "讲解")
    + ("笔记", "贡献", "主要贡献", "核心思想", "블로그", "정리", "기여", "解説", "まとめ"),
}

#: Words for the thing a compound label is about ("模型代码" is the code of the model).
THING_WORDS: tuple[str, ...] = ("model", "模型", "모델", "モデル", "method", "方法", "방법")

#: Words for a group of an entry's fields ("Paper info", "论文信息", "논문 정보"): a line
#: of only these words (perhaps after the thing's name) heads the fields, it titles nothing.
INFO_WORDS: tuple[str, ...] = (
    "info",
    "information",
    "details",
    "metadata",
    "meta",
    "basic info",
    "basic information",
    "信息",
    "基本信息",
    "资料",
    "基本資料",
    "정보",
    "기본 정보",
    "情報",
    "基本情報",
)

#: Words for the name of a thing, after the thing in a label ("论文名称", "Paper name").
NAME_WORDS: tuple[str, ...] = ("name", "名称", "名字", "名", "이름", "명", "名前")

#: Words for the address of a thing, after its name in a label ("论文地址", "Code link").
LINK_WORDS: tuple[str, ...] = (
    "link",
    "links",
    "url",
    "address",
    "링크",
    "주소",
    "链接",
    "地址",
    "网址",
    "連結",
    "リンク",
    "アドレス",
)

#: Endings of data keys that hold a link to what the rest names ("slides_url", "video_link").
LINK_KEY_ENDINGS: tuple[str, ...] = ("url", "link", "href", "uri")

#: Words that start a deadline rather than a meeting ("Due on March 6", "**Due** Form").
DEADLINE_WORDS: tuple[str, ...] = (
    "due",
    "deadline",
    "마감",
    "제출 마감",
    "截止",
    "締切",
    "締め切り",
)

#: Who-presents values that name nobody in particular ("All Students", "모두").
EVERYONE_WORDS: tuple[str, ...] = (
    "all",
    "everyone",
    "everybody",
    "all students",
    "all members",
    "students",
    "모두",
    "전원",
    "다같이",
    "全员",
    "大家",
    "全員",
    "みんな",
)

#: The word before a speaker's name in a title ("Guest Lecture by Kaiming He").
SPEAKER_BEFORE: tuple[str, ...] = ("by",)

#: Words for a talk itself: "Invited Talk by A" names its speaker, "Learning by Doing" does not.
TALK_WORDS: tuple[str, ...] = (
    "talk",
    "lecture",
    "keynote",
    "seminar",
    "tutorial",
    "presentation",
    "session",
    "강연",
    "특강",
    "세미나",
    "讲座",
    "报告",
    "講演",
    "講義",
)

#: Notes after a name that mark the one who presents ("고현웅(발표)").
PRESENTER_MARKS: tuple[str, ...] = ("발표", "발표자", "presenter", "speaker", "主讲")

#: Labels of lines that list people ("Main Contributor: A (a@x), B (b@y)").
PEOPLE_LABELS: tuple[str, ...] = (
    "contributor",
    "contributors",
    "main contributor",
    "presenters",
    "participants",
    "members",
    "organizer",
    "organizers",
    "참여자",
    "참가자",
    "멤버",
    "팀원",
    "成员",
    "参与者",
)

#: Korean nouns that label a line ("목적 : …", "장소: …") and so are never a presenter's name.
NOT_NAMES: frozenset[str] = frozenset(
    (
        "목적",
        "목표",
        "기간",
        "장소",
        "시간",
        "일시",
        "일정",
        "방식",
        "방법",
        "진행",
        "진행 방식",
        "내용",
        "대상",
        "모집",
        "준비",
        "준비물",
        "과제",
        "규칙",
        "공지",
        "참고",
        "비고",
        "주의",
        "소개",
        "예시",
        "자료",
        "링크",
        "코드",
        "구현",
        "정리",
        "요약",
        "회비",
        "벌금",
        "온라인",
        "오프라인",
    )
)

#: The most common Korean and Chinese surnames: a name of two to four syllables starting
#: with one is a person's, where a word of the same length may be anything.
KOREAN_SURNAMES: frozenset[str] = frozenset(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원"
    "천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복태목"
    "형피두감음빈동온호범좌팽승간상갈단견당화창옹순빙"
)
CHINESE_SURNAMES: frozenset[str] = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤邢常温康施文牛樊葛邱安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包"
    "宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳"
    "时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇"
    "栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)

#: Word endings of English nouns that no personal name has ("Recognition", "Learning").
NOT_NAME_ENDINGS: tuple[str, ...] = (
    "tion",
    "sion",
    "ment",
    "ness",
    "ity",
    "ics",
    "ogy",
    "ing",
    "ance",
    "ence",
    "ism",
    "ous",
    "ble",
)

#: Endings of Korean verbs and sentences ("사용하라", "정리한다"): a word with one is no name,
#: even when its first syllable is a surname.
KOREAN_VERB_ENDINGS: tuple[str, ...] = (
    "하라",
    "마라",
    "하다",
    "한다",
    "하자",
    "하기",
    "된다",
    "이다",
)

#: Titles and roles written before or after a name ("Dr. Ann Lee", "석사과정 김하늘", "송주님").
HONORIFIC_PREFIXES: tuple[str, ...] = (
    "dr",
    "drs",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "m.sc",
    "msc",
    "ph.d",
    "phd",
    "석사과정",
    "박사과정",
    "통합과정",
    "석박통합과정",
    "학부생",
    "교수",
)
HONORIFIC_SUFFIXES: tuple[str, ...] = (
    "석박사통합과정",
    "석박통합과정",
    "박사과정",
    "석사과정",
    "학부연구생",
    "학부생",
    "연구원",
    "팀장",
    "(발표)",
    "님",
    "교수님",
    "선생님",
    "교수",
    "박사",
    "教授",
    "博士",
    "老师",
    "さん",
    "先生",
    "氏",
)

#: Words that name a group of members ("1팀", "Team A", "B조", "第二组").
GROUP_WORDS: tuple[str, ...] = ("team", "group", "팀", "조", "반", "组", "小组")

#: Link labels that name a kind of resource rather than a title ("[pdf]", "[slides]").
LINK_LABELS: dict[str, tuple[str, ...]] = {
    "url": (
        "paper",
        "pdf",
        "arxiv",
        "link",
        "original paper link",
        "original paper",
        "논문",
        "abs",
    ),
    "slides": FIELD_LABELS["slides"] + ("presentation file", "ppt file", "발표 파일"),
    "video": FIELD_LABELS["video"] + ("paper review video", "review video"),
    "code": (
        "code",
        "code practice",
        "github",
        "repo",
        "notebook",
        "ipython notebook",
        "colab",
        "코드",
    ),
    "notes": (
        "review",
        "summary",
        "summary pdf",
        "notes",
        "blog",
        "link review",
        "feedback",
        "post",
        "리뷰",
        "요약",
        "정리",
    ),
}

#: Cell values that mean "not decided yet".
PLACEHOLDERS: tuple[str, ...] = ("tbd", "tba", "미정", "待定", "-", "—", "?", "n/a", "todo", "x")

#: A schedule's own slots, not talks, when nobody presents them: words that mark a
#: meeting that does not take place, wherever they stand ("Fall Break (No Class)") ...
NO_MEETING_WORDS: tuple[str, ...] = (
    "no class",
    "no meeting",
    "no session",
    "cancelled",
    "canceled",
    "휴강",
    "休講",
    "休讲",
    "停课",
)
#: ... and words that open a short slot's name or close a longer one ("Opening remarks",
#: "Nov 23 - Nov 25 Thanksgiving break", "休憩"); a title rarely starts or ends so.
AGENDA_FIRST_WORDS = 3
AGENDA_LAST_WORDS = 6
AGENDA_WORDS: tuple[str, ...] = (
    "break",
    "holiday",
    "recess",
    "opening",
    "closing",
    "welcome",
    "lunch",
    "休憩",
    "オープニング",
    "クロージング",
    "휴식",
    "개회",
    "폐회",
    "茶歇",
    "开幕",
    "闭幕",
)

LABEL_MARKUP = "*_`[]() :：\t"
#: Hangul Jamo, Hangul compatibility Jamo, Hangul syllables, CJK unified ideographs.
HAN_OR_HANGUL_BLOCKS = (
    ("\u1100", "\u11ff"),
    ("\u3130", "\u318f"),
    ("\uac00", "\ud7af"),
    ("\u4e00", "\u9fff"),
)


def latin_letters(text: str) -> int:
    """Letters of the Latin alphabet without accents in ``text``."""
    return sum(1 for char in text if char.isascii() and char.isalpha())


def foreign_letters(text: str) -> int:
    """Han, Hangul and kana characters in ``text``."""
    if text.isascii():
        return 0
    return sum(1 for char in text if has_han_or_hangul(char) or "\u3040" <= char <= "\u30ff")


def has_han_or_hangul(text: str) -> bool:
    """Whether ``text`` holds a Hangul or Han character.

    A string test, not a regex: a character class over these blocks takes 2-4 ms to
    compile, paid at every start, for a test run on a few dozen table words.
    """
    return not text.isascii() and any(
        low <= char <= high for char in text for low, high in HAN_OR_HANGUL_BLOCKS
    )


_WORD_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    cached = _WORD_CACHE.get(words)
    if cached is None:
        ordered = sorted(words, key=len, reverse=True)
        latin = [re.escape(w) for w in ordered if not has_han_or_hangul(w)]
        other = [re.escape(w) for w in ordered if has_han_or_hangul(w)]
        # One pair of look-arounds around the Latin words, not one pair per word:
        # the same matches, and a pattern that compiles several times faster.
        parts = [rf"(?<![A-Za-z])(?:{'|'.join(latin)})(?![A-Za-z])"] if latin else []
        cached = re.compile("|".join(parts + other), re.IGNORECASE)
        _WORD_CACHE[words] = cached
    return cached


def mentions(text: str, words: tuple[str, ...]) -> bool:
    """True when ``text`` contains one of ``words`` as a word."""
    return bool(_pattern(words).search(text))


def normalized_label(text: str) -> str:
    """A label as compared with the tables: lower case, inner spaces folded, no markup."""
    text = text.strip().strip(LABEL_MARKUP).strip()
    text = re.sub(r"[*`\[\]()]|(?<!\w)_|_(?!\w)", "", text).replace("_", " ")
    return " ".join(text.lower().split()) or text.strip()


def label_kind(
    label: str, tables: dict[str, tuple[str, ...]], kinds: Iterable[str] | None = None
) -> str | None:
    """Which kind a whole label belongs to (``"PPT"`` is ``slides``), or None."""
    wanted, squeezed = label_forms(label)
    for kind in kinds or tables:
        words = tables[kind]
        known = _LABEL_WORDS.get((id(tables), kind))
        if known is None or known[0] is not words:
            known = _label_words(tables, kind)
        if wanted in known[1] or squeezed in known[2]:
            return kind
    parts = label_in_two_languages(wanted)
    if not parts:
        return None
    kinds_of_parts = {label_kind(part, tables, kinds) for part in parts}
    return kinds_of_parts.pop() if len(kinds_of_parts) == 1 else None


@lru_cache(maxsize=4096)
def label_in_two_languages(wanted: str) -> tuple[str, ...]:
    """The parts of a label written twice, in Latin letters and in another script ("作者
    Authors", "Authors（作者）", "발표자 Presenter"), or () for a label in one script.

    The label names a field when every part names the same one.
    """
    parts: list[str] = []
    script: bool | None = None
    for char in wanted:
        if not char.isalpha():
            if parts and char in " -.'&" and script is True:
                parts[-1] += char  # "paper title", "co-author" stay one part
            elif parts and char == " " and script is False:
                parts[-1] += char  # "발표 자료" stays one part
            else:
                script = None
            continue
        latin = char.isascii()
        if latin is not script:
            parts.append("")
            script = latin
        parts[-1] += char
    parts = [part.strip(" -.'&") for part in parts]
    scripts = {part.isascii() for part in parts if part}
    return tuple(part for part in parts if part) if len(scripts) == 2 else ()


@lru_cache(maxsize=4096)
def label_forms(label: str) -> tuple[str, str]:
    """A label as compared with the tables, and the same with its spaces removed.

    The rules ask about the same few labels many times in a document ("Presenter",
    "slides"), so the answers are remembered until ``forget_labels``.
    """
    wanted = normalized_label(label)
    return wanted, wanted.replace(" ", "")


def forget_labels() -> None:
    """Empty the memory of ``label_forms``: each document starts afresh."""
    label_forms.cache_clear()


#: (table, kind) -> (its words, as a set, as a set with spaces removed); rebuilt when a
#: table's entry is replaced, so the tables stay plain data that can be extended.
_LABEL_WORDS: dict[tuple[int, str], tuple[tuple[str, ...], frozenset[str], frozenset[str]]] = {}


def _label_words(
    tables: dict[str, tuple[str, ...]], kind: str
) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    words = tables[kind]
    known = _LABEL_WORDS.get((id(tables), kind))
    if known is None or known[0] is not words:
        known = (words, frozenset(words), frozenset(w.replace(" ", "") for w in words))
        _LABEL_WORDS[(id(tables), kind)] = known
    return known


def is_placeholder(text: str) -> bool:
    """True for an empty or "TBD" cell."""
    return not text.strip() or text.strip().lower() in PLACEHOLDERS


def is_agenda_slot(text: str) -> bool:
    """A slot of the program rather than a talk: "Opening", "Lunch break", "休憩", "휴강".

    Latin words are matched as whole words (first or last for a slot's name, anywhere
    for a meeting that does not take place); other scripts, which need no spaces, by
    where the text starts or ends, or by containing the word.
    """
    words = "".join(char if char.isalnum() else " " for char in text.casefold()).split()
    if not words:
        return False
    spaced = f" {' '.join(words)} "
    squeezed = "".join(words)
    if any((f" {w} " in spaced) if w.isascii() else (w in squeezed) for w in NO_MEETING_WORDS):
        return True
    first = words[0] if len(words) <= AGENDA_FIRST_WORDS else ""
    last = words[-1] if len(words) <= AGENDA_LAST_WORDS else ""
    return any(
        word in (first, last)
        if word.isascii()
        else squeezed.startswith(word) or squeezed.endswith(word)
        for word in AGENDA_WORDS
    )


#: Hosts whose links point at a publication rather than at a study's own material.
PAPER_HOSTS: tuple[str, ...] = (
    "arxiv.org",
    "openreview.net",
    "aclanthology.org",
    "aclweb.org",
    "papers.nips.cc",
    "proceedings.neurips.cc",
    "neurips.cc",
    "proceedings.mlr.press",
    "jmlr.org",
    "ieeexplore.ieee.org",
    "dl.acm.org",
    "openaccess.thecvf.com",
    "semanticscholar.org",
    "doi.org",
    "link.springer.com",
    "sciencedirect.com",
    "nature.com",
    "science.org",
    "pdfs.semanticscholar.org",
    "ojs.aaai.org",
    "aaai.org",
    "ijcai.org",
    "usenix.org",
    "biorxiv.org",
    "researchgate.net",
    "cv-foundation.org",
    "papers.nips.cc",
)

#: Hosts of recorded talks.
VIDEO_HOSTS: tuple[str, ...] = (
    "youtube.com",
    "youtu.be",
    "bilibili.com",
    "b23.tv",
    "vimeo.com",
    "tv.naver.com",
    "panopto.com",
    "dailymotion.com",
    "ixigua.com",
    "nicovideo.jp",
    "v.qq.com",
)

#: Hosts of slide decks.
SLIDES_HOSTS: tuple[str, ...] = (
    "slideshare.net",
    "speakerdeck.com",
    "slides.com",
    "prezi.com",
)

#: Hosts of code and notebooks.
CODE_HOSTS: tuple[str, ...] = (
    "github.com",
    "gitlab.com",
    "bitbucket.org",
    "colab.research.google.com",
    "huggingface.co",
    "paperswithcode.com",
    "kaggle.com",
)

#: Field and link labels the canonical Markdown may rename or drop ("[pdf](url)" becomes the
#: title's link); the normalizer's no-word-lost check does not count them as lost.
RENAMEABLE_LABELS: frozenset[str] = frozenset(
    {
        "presenter",
        "presenters",
        "presentor",
        "ppt",
        "slides",
        "slide",
        "video",
        "videos",
        "date",
        "title",
        "week",
        "pdf",
        "link",
        "links",
    }
)
