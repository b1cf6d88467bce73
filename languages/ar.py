"""Arabic, as UN documents write it: "31 آب/أغسطس 2020" with both names of the month,
"الساعة 00/11", "الدورة الحادية عشرة", right to left."""

from .base import Language

UNITS = {
    "m": ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
          "التاسع", "العاشر"],
    "f": ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
          "الثامنة", "التاسعة", "العاشرة"],
}  # fmt: skip
TENS = {
    20: "العشرون", 30: "الثلاثون", 40: "الأربعون", 50: "الخمسون", 60: "الستون",
    70: "السبعون", 80: "الثمانون", 90: "التسعون", 100: "المائة",
}  # fmt: skip


def ordinal(n, gender):
    tens, units = divmod(n, 10)
    # In compounds "one" takes the form الحادي / الحادية, not الأول / الأولى.
    unit = {"m": "الحادي", "f": "الحادية"}[gender] if units == 1 else None
    if n <= 10:
        return UNITS[gender][n - 1]
    if n < 20:
        ten = {"m": "عشر", "f": "عشرة"}[gender]
        return " ".join([unit or UNITS[gender][units - 1], ten])
    if units == 0:
        return TENS[n]
    return (unit or UNITS[gender][units - 1]) + " و" + TENS[tens * 10]


def of_name(name):
    """The preposition لـ fused to a name: لفريق ..., and ال + ل -> لل (للفريق ...)."""
    return "لل" + name[2:] if name.startswith("ال") else "ل" + name


LANGUAGE = Language(
    code="ar",
    name="العربية",
    babel_locale="ar",
    cldr_code="ar",
    direction="rtl",
    job_letter="A",
    undocs_code="ar",
    search_config="arabic",
    date="{day} {month} {year}",
    date_with_weekday="{weekday}، {day} {month} {year}",
    table_date="{weekday}، {day} {month}",
    day_heading="{weekday}، {day} {month} {year}",
    range_same_month="{start_day}-{end_day} {month} {year}",
    range_same_year="{start_day} {start_month} - {end_day} {end_month} {year}",
    range_across_years="{start} - {end}",
    place_and_dates="{place}، {dates}",
    # The UN writes both the Levantine and the Egyptian name of each month; CLDR has
    # only the latter.
    month_names=(
        "كانون الثاني/يناير",
        "شباط/فبراير",
        "آذار/مارس",
        "نيسان/أبريل",
        "أيار/مايو",
        "حزيران/يونيه",
        "تموز/يوليه",
        "آب/أغسطس",
        "أيلول/سبتمبر",
        "تشرين الأول/أكتوبر",
        "تشرين الثاني/نوفمبر",
        "كانون الأول/ديسمبر",
    ),
    # UN Arabic writes clock times minutes first, with Western digits: "الساعة 00/10".
    clock="{minute:02}/{hour}",
    clock_with_minutes="{minute:02}/{hour}",
    time="الساعة {clock}",
    time_range="من الساعة {start_clock} إلى الساعة {end_clock}",
    list_semicolon="؛",
    closing_marks=".:;!?؛؟",
    ordinal=ordinal,
    gatherings={
        ("meeting", False): ("الاجتماع {ordinal}", "m"),
        ("session", False): ("الدورة {ordinal}", "f"),
        ("meeting", True): ("الاجتماع الاستثنائي {ordinal}", "m"),
        ("session", True): ("الدورة الاستثنائية {ordinal}", "f"),
    },
    references={"resolution": "القرار {label}", "decision": "المقرر {label}"},
    # Plain quotation marks: curly ones do not mirror in right-to-left text.
    citations={
        "resolution": '{reference} المعنون "{title}"',
        "decision": '{reference} المعنون "{title}"',
    },
    citation_separator="؛ ",
    citation_last_separator="؛ و",
    list_separator=" و ",
    list_last_separator=" و ",
    joint_meeting=(
        "سينظر في {items} من جدول الأعمال بالاقتران مع {partner_items} من جدول أعمال "
        "{partner_session} {partner_body_of} في جلسات مشتركة بين {body} و{partner_body}."
    ),
    # Arabic has a dual: البند 2، البندين 4 و 5، البنود 4 و 5 و 6.
    joint_meeting_words={
        "items": {"one": "البند {}", "two": "البندين {}", "other": "البنود {}"},
        "partner_items": {"one": "البند {}", "two": "البندين {}", "other": "البنود {}"},
    },
    of_name=of_name,
    reissue="أعيد إصدارها لأسباب فنية في {date}.",
    not_yet_translated="(غير متاح بالعربية بعد)",
    masthead_language="en",
)
