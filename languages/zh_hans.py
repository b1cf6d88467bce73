"""Chinese (simplified), as UN documents write it: "2020 年 8 月 31 日", "上午 11 时至下午 1 时".

The UN spaces Western digits from the Chinese characters around them, and keeps the
masthead's distribution and date lines in English.
"""

from .base import Language

DIGITS = "〇一二三四五六七八九"


def ordinal(n, gender):
    """The numeral after 第: 十一, 二十, 二十一, 一百, 一百零一, 一百三十七, 一千零五."""
    if n < 100:
        tens, units = divmod(n, 10)
        numeral = ("" if tens == 1 else DIGITS[tens]) + "十" if tens else ""
        return numeral + (DIGITS[units] if units else "")
    numeral = ""
    pending_zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            numeral += ("零" if pending_zero else "") + DIGITS[digit] + unit
            pending_zero = False
        elif numeral:
            pending_zero = True
    return numeral


LANGUAGE = Language(
    code="zh-hans",
    name="中文",
    babel_locale="zh_Hans",
    cldr_code="zh",
    job_letter="C",
    undocs_code="zh",
    search_by_characters=True,
    date="{year} 年 {month} 月 {day} 日",
    date_with_weekday="{year} 年 {month} 月 {day} 日{weekday}",
    table_date="{month} 月 {day} 日，{weekday}",
    day_heading="{year} 年 {month} 月 {day} 日{weekday}",
    range_same_month="{year} 年 {month} 月 {start_day} 日至 {end_day} 日",
    range_same_year="{year} 年 {start_month} 月 {start_day} 日至 {end_month} 月 {end_day} 日",
    range_across_years="{start}至 {end}",
    place_and_dates="{dates}，{place}",
    month_names=tuple(str(month) for month in range(1, 13)),
    clock="{hour} 时",
    clock_with_minutes="{hour} 时 {minute} 分",
    time="{period} {clock}",
    time_range="{start}至{end}",
    time_range_within_period="{period} {start_clock}至 {end_clock}",
    periods=((0, "上午"), (12, "中午"), (13, "下午")),
    list_colon="：",
    list_semicolon="；",
    list_stop="。",
    closing_marks="。：；！？.:;!?",
    brackets=("（", "）"),
    # The seed: "缔约国会议有关决议1的执行情况：", the marker before the colon.
    footnote_mark_after_punctuation=False,
    # Full-width brackets need no space before them: "项目（续）".
    continued_separator="",
    ordinal=ordinal,
    ordinal_in_figures=ordinal,
    gatherings={
        ("meeting", False): ("第{ordinal}次会议", "m"),
        ("session", False): ("第{ordinal}届会议", "m"),
        ("meeting", True): ("第{ordinal}次特别会议", "m"),
        ("session", True): ("第{ordinal}届特别会议", "m"),
    },
    references={"resolution": "第 {label} 号决议", "decision": "第 {label} 号决定"},
    citations={
        "resolution": "题为“{title}”的{reference}",
        "decision": "题为“{title}”的{reference}",
    },
    citation_separator="；",
    citation_last_separator="；以及",
    citation_end="。",
    list_separator="、",
    list_last_separator=" 和 ",
    word_last_separator="和",
    joint_meeting=(
        "议程项目 {items} 将与{partner_body}{partner_session}议程项目 {partner_items} 一起，"
        "在{body}和{partner_body}联席会议上讨论。"
    ),
    reissue="因技术原因于 {date}重新印发。",
    resumed={"other": "{session}续会"},
    part={"other": "{session}第{part}部分"},
    item_of_agenda="临时议程项目 {number}",
    # The seed prints the working group's name, then "2020 年 8 月 31 日至 9 月 2 日，维也纳":
    # no line "第十一次会议" for a meeting. Sessions keep theirs ("第十一届会议").
    session_line_terms=("session",),
    venue_sentence="{body}{session}将{starting}在{venue}{room}举行。",
    venue_starting_time="于{date}{time}",
    venue_starting_date="于{date}",
    venue_room="{room}",
    interpretation="将提供{languages}口译。",
    section_numerals=lambda n: ordinal(n, "m") + ".",
    annex="附件",
    annex_numbered="附件{number}",
    annex_numerals=lambda n: ordinal(n, "m"),
    not_yet_translated="（尚无中文本）",
    masthead_language="en",
)
