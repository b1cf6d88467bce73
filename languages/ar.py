"""Arabic, as UN documents write it: "31 آب/أغسطس 2020" with both names of the month,
"الساعة 00/11", "الدورة الحادية عشرة", right to left."""

from .base import Language, letters_of

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


# "First", "second" ... as UN Arabic numbers the sections of a document: أولاً -
SECTION_ADVERBS = [
    "أولاً", "ثانياً", "ثالثاً", "رابعاً", "خامساً", "سادساً", "سابعاً", "ثامناً", "تاسعاً",
    "عاشراً", "حادي عشر", "ثاني عشر",
]  # fmt: skip
# The letters of headings A., B., C. as UN Arabic writes them: ألف -، باء -، جيم -
PART_LETTERS = [
    "ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام",
    "ميم", "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء",
    "ذال", "ضاد",
]  # fmt: skip


# Sub-items as UN Arabic documents letter sub-paragraphs, in abjad order: (أ)، (ب)، (ج) ...
SUB_ITEM_LETTERS = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف",
    "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
]  # fmt: skip


def of_session(session):
    """A session's name where a preposition governs it: the tens of its ordinal in the
    genitive, الجزء الأول من الدورة الثالثة والستين (not والستون)."""
    for tens in TENS.values():
        if tens.endswith("ون"):
            session = session.replace(tens, tens[:-2] + "ين")
    return session


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
    # "(أ)" before a sub-item's title, "2(أ)" where it is cited.
    sub_item_letters=letters_of(SUB_ITEM_LETTERS),
    list_semicolon="؛",
    footnote_mark_after_punctuation=False,
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
    # "و" joins the word after it: الإنكليزية والفرنسية
    word_separator=" و",
    word_last_separator=" و",
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
    of_session=of_session,
    reissue="أعيد إصدارها لأسباب فنية في {date}.",
    resumed={"f": "{session} المستأنفة", "other": "{session} المستأنف"},
    part={"other": "الجزء {part} من {session_of}"},
    part_gender="m",
    item_of_agenda="البند {number} من جدول الأعمال المؤقت",
    venue_sentence="ستعقد {session} {body_of} في {venue}، {city}{starting}{room}.",
    # The verb agrees with the noun heading the session's name: الدورة is feminine,
    # الاجتماع and الجزء (a part of a session) are masculine.
    venue_sentence_forms={
        "m": "سيعقد {session} {body_of} في {venue}، {city}{starting}{room}.",
        "other": "ستعقد {session} {body_of} في {venue}، {city}{starting}{room}.",
    },
    venue_starting_time="، ابتداء من {time} يوم {date}",
    venue_starting_date="، ابتداء من يوم {date}",
    venue_room="، في {room}",
    interpretation="ستوفر الترجمة الشفوية باللغات {languages}.",
    # "Languages" takes the number of the languages named: singular, dual, plural.
    interpretation_forms={
        "one": "ستوفر الترجمة الشفوية باللغة {languages}.",
        "two": "ستوفر الترجمة الشفوية باللغتين {languages}.",
        "other": "ستوفر الترجمة الشفوية باللغات {languages}.",
    },
    # UN Arabic spells English الإنكليزية; CLDR has الإنجليزية.
    language_names={"en": "الإنكليزية"},
    section_numerals=lambda n: SECTION_ADVERBS[n - 1] + " -",
    annex="المرفق",
    annex_numbered="المرفق {number}",
    annex_numerals=lambda n: ordinal(n, "m"),
    part_letters=lambda n: PART_LETTERS[n - 1] + " -",
    not_yet_translated="(غير متاح بالعربية بعد)",
    masthead_language="en",
)
