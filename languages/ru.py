"""Russian, as UN documents write it: "31 августа 2020 года", "11 ч. 00 м.",
"одиннадцатая сессия", and the genitive of body names ("Рабочей группы")."""

from .base import Language

ORDINALS = {
    1: "первый", 2: "второй", 3: "третий", 4: "четвертый", 5: "пятый", 6: "шестой",
    7: "седьмой", 8: "восьмой", 9: "девятый", 10: "десятый", 11: "одиннадцатый",
    12: "двенадцатый", 13: "тринадцатый", 14: "четырнадцатый", 15: "пятнадцатый",
    16: "шестнадцатый", 17: "семнадцатый", 18: "восемнадцатый", 19: "девятнадцатый",
    20: "двадцатый", 30: "тридцатый", 40: "сороковой", 50: "пятидесятый",
    60: "шестидесятый", 70: "семидесятый", 80: "восьмидесятый", 90: "девяностый",
    100: "сотый",
}  # fmt: skip

# In a compound ordinal only the last word is ordinal: "двадцать первая".
TENS = {
    20: "двадцать", 30: "тридцать", 40: "сорок", 50: "пятьдесят", 60: "шестьдесят",
    70: "семьдесят", 80: "восемьдесят", 90: "девяносто",
}  # fmt: skip


def ordinal(n, gender):
    tens, units = divmod(n, 10)
    if n in ORDINALS:
        prefix, word = "", ORDINALS[n]
    else:
        prefix, word = TENS[tens * 10] + " ", ORDINALS[units]
    if word == "третий":
        endings = {"m": "третий", "n": "третье", "f": "третья"}
        return prefix + endings[gender]
    stem = word[:-2]
    return prefix + stem + {"m": word[-2:], "n": "ое", "f": "ая"}[gender]


def ordinal_in_figures(n, gender):
    return f"{n}-{ {'m': 'й', 'n': 'е', 'f': 'я'}[gender] }"


# Nominative -> genitive adjective endings, the more specific first. After hushing
# consonants an unstressed ending is spelt with е (рабочая -> рабочей), after г, к, х
# with о (высокий -> высокого).
ADJECTIVE_GENITIVE = [
    ("третья", "третьей"), ("третье", "третьего"), ("третий", "третьего"),
    ("жая", "жей"), ("чая", "чей"), ("шая", "шей"), ("щая", "щей"),
    ("гий", "гого"), ("кий", "кого"), ("хий", "хого"),
    ("ая", "ой"), ("яя", "ей"), ("ое", "ого"), ("ее", "его"), ("ый", "ого"), ("ой", "ого"),
    ("ий", "его"),
]  # fmt: skip
NOUN_GENITIVE = [("ия", "ии"), ("ие", "ия"), ("я", "и"), ("й", "я")]


def genitive(phrase):
    """The genitive of a name or session headed by adjectives and a noun.

    Body names and sessions are nominative phrases whose first noun governs the rest:
    "Рабочая группа открытого состава" -> "Рабочей группы открытого состава",
    "одиннадцатая сессия" -> "одиннадцатой сессии". Only the leading adjectives and
    that noun change; the words after it are already in their governed case.
    """
    words = phrase.split(" ")
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in TENS.values():
            continue
        adjective = next((p for p in ADJECTIVE_GENITIVE if lower.endswith(p[0])), None)
        if adjective:
            words[index] = word[: len(word) - len(adjective[0])] + adjective[1]
            continue
        words[index] = noun_genitive(word)
        break
    return " ".join(words)


def noun_genitive(word):
    for ending, form in NOUN_GENITIVE:
        if word.endswith(ending):
            return word[: -len(ending)] + form
    if word.endswith("а"):
        # After г, к, х and the hushing consonants the genitive ending is и, not ы.
        return word[:-1] + ("и" if word[-2:-1] in "гкхжчшщ" else "ы")
    if word[-1:].lower() in "бвгджзклмнпрстфхцчшщ":
        return word + "а"
    return word  # indeclinable (Бюро) or unknown: leave as written


LANGUAGE = Language(
    code="ru",
    name="Русский",
    babel_locale="ru",
    cldr_code="ru",
    job_letter="R",
    undocs_code="ru",
    search_config="russian",
    # CLDR's Russian month names in the format context are already genitive (августа).
    date="{day} {month} {year} года",
    date_with_weekday="{weekday}, {day} {month} {year} года",
    table_date="{Weekday}, {day} {month}",
    day_heading="{Weekday}, {day} {month} {year} года",
    range_same_month="{start_day}–{end_day} {month} {year} года",
    range_same_year="{start_day} {start_month} – {end_day} {end_month} {year} года",
    range_across_years="{start} – {end}",
    place_and_dates="{place}, {dates}",
    clock="{hour} ч. {minute:02} м.",
    clock_with_minutes="{hour} ч. {minute:02} м.",
    time="{clock}",
    time_range="{start} – {end}",
    # Sub-items "a)" in Latin letters; cited "пункт 2 a) повестки дня": the reference is
    # "2 a)".
    sub_item_number="{label})",
    reference_part=" {label})",
    footnote_mark_after_punctuation=False,
    ordinal=ordinal,
    ordinal_in_figures=ordinal_in_figures,
    gatherings={
        ("meeting", False): ("{ordinal} совещание", "n"),
        ("session", False): ("{ordinal} сессия", "f"),
        ("meeting", True): ("{ordinal} специальное совещание", "n"),
        ("session", True): ("{ordinal} специальная сессия", "f"),
    },
    references={"resolution": "резолюция {label}", "decision": "решение {label}"},
    citations={
        "resolution": "{reference}, озаглавленная «{title}»",
        "decision": "{reference}, озаглавленное «{title}»",
    },
    citation_last_separator="; и ",
    list_last_separator=" и ",
    joint_meeting=(
        "{items} повестки дня {verb} совместно с {partner_items} повестки дня "
        "{partner_session_of} {partner_body_of} на совместных заседаниях {body_of} и "
        "{partner_body_of}."
    ),
    joint_meeting_words={
        "items": {"one": "Пункт {}", "other": "Пункты {}"},
        "verb": {"one": "будет рассмотрен", "other": "будут рассмотрены"},
        "partner_items": {"one": "пунктом {}", "other": "пунктами {}"},
    },
    of_name=genitive,
    of_session=genitive,
    reissue="Переиздано по техническим причинам {date}.",
    resumed={"f": "возобновленная {session}", "other": "возобновленное {session}"},
    part={"other": "{part} часть {session_of}"},
    item_of_agenda="Пункт {number} предварительной повестки дня",
    # "в городе Вена": the name of the city after "город" needs no declension.
    venue_sentence="{Session} {body_of} состоится в городе {city}, {venue}{starting}{room}.",
    venue_starting_time=", и начнется в {date} в {time}",
    venue_starting_date=", и начнется в {date}",
    venue_room=", {room}",
    interpretation="Устный перевод будет обеспечиваться на {languages} языках.",
    interpretation_names={
        "ar": "арабском",
        "zh-hans": "китайском",
        "en": "английском",
        "fr": "французском",
        "ru": "русском",
        "es": "испанском",
    },
    annex="Приложение",
    annex_numbered="Приложение {number}",
    not_yet_translated="(пока нет на русском языке)",
    masthead_language="en",
)
