"""Dates, times, ordinals and set phrases written as UN documents write them.

Pure functions, no database access. ``lang`` is one of the six official languages
("ar", "zh-hans", "en", "fr", "ru", "es"); an unknown language, an end before its
start or an unknown kind of term raises ValueError.

Everything that differs between languages lives in one ``LanguageStyle`` per language
(see ``STYLES`` at the end of the tables). Month and weekday names come from Babel
(CLDR) where CLDR already gives the UN form; the tables override it where UN practice
differs: Arabic dual month names ("آب/أغسطس"), Chinese numerals spaced from the
characters ("2020 年 8 月 31 日"), French "1er", the UN's time styles and ordinals.
"""

from collections.abc import Callable
from dataclasses import dataclass

from babel.dates import get_day_names, get_month_names
from num2words import num2words

# Ordinal helpers ------------------------------------------------------------------------

MAX_ORDINAL = 100


def _english_ordinal(n, gender):
    return num2words(n, to="ordinal", lang="en")


def _french_ordinal(n, gender):
    word = num2words(n, to="ordinal", lang="fr")
    # num2words 0.5.14 writes 80 as "quatre-vingtsième"; the plural s drops before -ième.
    word = word.replace("quatre-vingtsième", "quatre-vingtième")
    if gender == "f" and word == "premier":
        return "première"
    return word


SPANISH_ORDINALS = {
    1: "primero", 2: "segundo", 3: "tercero", 4: "cuarto", 5: "quinto", 6: "sexto",
    7: "séptimo", 8: "octavo", 9: "noveno", 10: "décimo",
    # The UN writes undécimo and duodécimo, not decimoprimero and decimosegundo.
    11: "undécimo", 12: "duodécimo", 13: "decimotercero", 14: "decimocuarto",
    15: "decimoquinto", 16: "decimosexto", 17: "decimoséptimo", 18: "decimoctavo",
    19: "decimonoveno", 20: "vigésimo", 30: "trigésimo", 40: "cuadragésimo",
    50: "quincuagésimo", 60: "sexagésimo", 70: "septuagésimo", 80: "octogésimo",
    90: "nonagésimo", 100: "centésimo",
}  # fmt: skip


def _spanish_ordinal(n, gender):
    tens, units = divmod(n, 10)
    if n in SPANISH_ORDINALS:
        words = [SPANISH_ORDINALS[n]]
    else:
        words = [SPANISH_ORDINALS[tens * 10], SPANISH_ORDINALS[units]]
    if gender == "f":
        return " ".join(word[:-1] + "a" for word in words)
    phrase = " ".join(words)
    # Before a masculine noun primero/tercero lose their final o: "tercer período".
    return phrase[:-1] if phrase.endswith("ero") else phrase


RUSSIAN_ORDINALS = {
    1: "первый", 2: "второй", 3: "третий", 4: "четвертый", 5: "пятый", 6: "шестой",
    7: "седьмой", 8: "восьмой", 9: "девятый", 10: "десятый", 11: "одиннадцатый",
    12: "двенадцатый", 13: "тринадцатый", 14: "четырнадцатый", 15: "пятнадцатый",
    16: "шестнадцатый", 17: "семнадцатый", 18: "восемнадцатый", 19: "девятнадцатый",
    20: "двадцатый", 30: "тридцатый", 40: "сороковой", 50: "пятидесятый",
    60: "шестидесятый", 70: "семидесятый", 80: "восьмидесятый", 90: "девяностый",
    100: "сотый",
}  # fmt: skip

# In a compound ordinal only the last word is ordinal: "двадцать первая".
RUSSIAN_TENS = {
    20: "двадцать", 30: "тридцать", 40: "сорок", 50: "пятьдесят", 60: "шестьдесят",
    70: "семьдесят", 80: "восемьдесят", 90: "девяносто",
}  # fmt: skip


def _russian_ordinal(n, gender):
    tens, units = divmod(n, 10)
    if n in RUSSIAN_ORDINALS:
        prefix, word = "", RUSSIAN_ORDINALS[n]
    else:
        prefix, word = RUSSIAN_TENS[tens * 10] + " ", RUSSIAN_ORDINALS[units]
    if word == "третий":
        endings = {"m": "третий", "n": "третье", "f": "третья"}
        return prefix + endings[gender]
    stem = word[:-2]
    return prefix + stem + {"m": word[-2:], "n": "ое", "f": "ая"}[gender]


ARABIC_UNITS = {
    "m": ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
          "التاسع", "العاشر"],
    "f": ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
          "الثامنة", "التاسعة", "العاشرة"],
}  # fmt: skip
ARABIC_TENS = {
    20: "العشرون", 30: "الثلاثون", 40: "الأربعون", 50: "الخمسون", 60: "الستون",
    70: "السبعون", 80: "الثمانون", 90: "التسعون", 100: "المائة",
}  # fmt: skip


def _arabic_ordinal(n, gender):
    tens, units = divmod(n, 10)
    # In compounds "one" takes the form الحادي / الحادية, not الأول / الأولى.
    unit = {"m": "الحادي", "f": "الحادية"}[gender] if units == 1 else None
    if n <= 10:
        return ARABIC_UNITS[gender][n - 1]
    if n < 20:
        ten = {"m": "عشر", "f": "عشرة"}[gender]
        return " ".join([unit or ARABIC_UNITS[gender][units - 1], ten])
    if units == 0:
        return ARABIC_TENS[n]
    return (unit or ARABIC_UNITS[gender][units - 1]) + " و" + ARABIC_TENS[tens * 10]


CHINESE_DIGITS = "〇一二三四五六七八九"


def _chinese_ordinal(n, gender):
    """The numeral after 第: 十一, 二十, 二十一, 一百, 一百零一, 一百三十七, 一千零五."""
    if n < 100:
        tens, units = divmod(n, 10)
        numeral = ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" if tens else ""
        return numeral + (CHINESE_DIGITS[units] if units else "")
    numeral = ""
    pending_zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            numeral += ("零" if pending_zero else "") + CHINESE_DIGITS[digit] + unit
            pending_zero = False
        elif numeral:
            pending_zero = True
    return numeral


# Past MAX_ORDINAL (executive boards reach their 150th session) ordinals are written in
# figures, as the UN does: "137th session", "137e session", "137º período de sesiones".


def _english_figures(n, gender):
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _french_figures(n, gender):
    return f"{n}e"


def _spanish_figures(n, gender):
    return f"{n}{'ª' if gender == 'f' else 'º'}"


def _russian_figures(n, gender):
    return f"{n}-{ {'m': 'й', 'n': 'е', 'f': 'я'}[gender] }"


def _plain_figures(n, gender):
    return str(n)


# Grammar helpers for names inside a sentence --------------------------------------------

FRENCH_FEMININE_HEADS = {
    "assemblée", "commission", "conférence", "convention", "instance", "organisation",
    "réunion", "sous-commission",
}  # fmt: skip


def _french_of(name):
    """ "de" with the article a body's name takes: du Groupe, de la Conférence, de l'Organe."""
    head = name.split(" ", 1)[0].lower()
    if head[:1] in "aeiouyàâéèêîôû":
        return "de l'" + name
    # Unlisted head nouns are taken as masculine, as most body names are (Groupe, Comité).
    return ("de la " if head in FRENCH_FEMININE_HEADS else "du ") + name


SPANISH_FEMININE_HEADS = {
    "asamblea", "comisión", "conferencia", "convención", "junta", "mesa", "oficina",
    "organización", "reunión", "subcomisión",
}  # fmt: skip


SPANISH_FEMININE_ORDINALS = {word[:-1] + "a" for word in SPANISH_ORDINALS.values()}


def _spanish_of(name):
    """ "de" with the article: del Grupo, de la Conferencia, de la undécima reunión."""
    head = name.split(" ", 1)[0].lower()
    # An ordinal in front gives the gender away: "undécima reunión", "undécimo período".
    feminine = head in SPANISH_FEMININE_HEADS or head in SPANISH_FEMININE_ORDINALS
    return ("de la " if feminine else "del ") + name


# Nominative -> genitive adjective endings, the more specific first. After hushing
# consonants an unstressed ending is spelt with е (рабочая -> рабочей), after г, к, х
# with о (высокий -> высокого).
RUSSIAN_ADJECTIVE_GENITIVE = [
    ("третья", "третьей"), ("третье", "третьего"), ("третий", "третьего"),
    ("жая", "жей"), ("чая", "чей"), ("шая", "шей"), ("щая", "щей"),
    ("гий", "гого"), ("кий", "кого"), ("хий", "хого"),
    ("ая", "ой"), ("яя", "ей"), ("ое", "ого"), ("ее", "его"), ("ый", "ого"), ("ой", "ого"),
    ("ий", "его"),
]  # fmt: skip
RUSSIAN_NOUN_GENITIVE = [("ия", "ии"), ("ие", "ия"), ("я", "и"), ("й", "я")]


def _russian_genitive(phrase):
    """The genitive of a name or session headed by adjectives and a noun.

    Body names and sessions are nominative phrases whose first noun governs the rest:
    "Рабочая группа открытого состава" -> "Рабочей группы открытого состава",
    "одиннадцатая сессия" -> "одиннадцатой сессии". Only the leading adjectives and
    that noun change; the words after it are already in their governed case.
    """
    words = phrase.split(" ")
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in RUSSIAN_TENS.values():
            continue
        adjective = next((p for p in RUSSIAN_ADJECTIVE_GENITIVE if lower.endswith(p[0])), None)
        if adjective:
            words[index] = word[: len(word) - len(adjective[0])] + adjective[1]
            continue
        words[index] = _russian_noun_genitive(word)
        break
    return " ".join(words)


def _russian_noun_genitive(word):
    for ending, genitive in RUSSIAN_NOUN_GENITIVE:
        if word.endswith(ending):
            return word[: -len(ending)] + genitive
    if word.endswith("а"):
        # After г, к, х and the hushing consonants the genitive ending is и, not ы.
        return word[:-1] + ("и" if word[-2:-1] in "гкхжчшщ" else "ы")
    if word[-1:].lower() in "бвгджзклмнпрстфхцчшщ":
        return word + "а"
    return word  # indeclinable (Бюро) or unknown: leave as written


def _arabic_of(name):
    """The preposition لـ fused to a name: لفريق ..., and ال + ل -> لل (للفريق ...)."""
    return "لل" + name[2:] if name.startswith("ال") else "ل" + name


def _same(text):
    return text


# The tables -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LanguageStyle:
    """How one language writes the pieces of an agenda.

    Date templates take {day}, {month}, {year}, {weekday} and {Weekday} (capitalised);
    range templates take the same names prefixed start_/end_, plus {start} and {end}
    (full dates). Time templates take {clock}/{period} or {start}, {end}, {start_clock},
    {end_clock} and {period}.
    """

    code: str
    babel_locale: str
    direction: str

    # Dates.
    date: str
    date_with_weekday: str
    table_date: str
    day_heading: str
    range_same_month: str
    range_same_year: str
    range_across_years: str
    place_and_dates: str
    month_names: tuple | None = None  # None: CLDR's names in the format context
    first_day: str | None = None  # how the first of the month is written, if special

    # Times. With periods, the clock is 12-hour and the period ("a.m.") names the half
    # day; without, the clock is 24-hour.
    clock: str = "{hour}"
    clock_with_minutes: str = "{hour}.{minute:02}"
    time: str = "{clock}"
    time_range: str = "{start}–{end}"
    time_range_within_period: str = "{start_clock}–{end_clock} {period}"
    periods: tuple = ()  # ((first hour, name), ...)
    noon: str | None = None  # the period name of exactly 12.00, if it has its own

    # Words.
    ordinal: Callable[[int, str], str] = _english_ordinal
    ordinal_in_figures: Callable[[int, str], str] = _plain_figures  # past MAX_ORDINAL
    # (term, special) -> (template with {ordinal}, grammatical gender of the noun)
    gatherings: dict | None = None
    references: dict | None = None  # kind -> template with {label}
    citations: dict | None = None  # kind -> template with {reference} and {title}
    citation_separator: str = "; "
    citation_last_separator: str = "; and "
    citation_end: str = "."
    list_separator: str = ", "
    list_last_separator: str = " and "
    joint_meeting: str = ""
    # placeholder -> {"one": ..., "two": ..., "other": ...}, chosen by the count of items
    joint_meeting_words: dict | None = None
    of_name: Callable[[str], str] = _same  # a body's name after "of"
    of_session: Callable[[str], str] = _same  # a rendered session after "of"
    reissue: str = ""

    # Masthead (CONVENTIONS.md section 3).
    distributions: dict | None = None
    masthead_date_language: str = "en"
    language_line: str | None = None  # the name of this language version, if shown
    original_line: str = "Original: {language}"
    language_names: dict | None = None  # names used in the "Original" line


ENGLISH_LANGUAGE_NAMES = {
    "ar": "Arabic", "zh-hans": "Chinese", "en": "English", "fr": "French",
    "ru": "Russian", "es": "Spanish",
}  # fmt: skip

# Chinese, Russian and Arabic versions keep the English distribution line.
ENGLISH_DISTRIBUTIONS = {
    "general": "Distr.: General",
    "limited": "Distr.: Limited",
    "restricted": "Distr.: Restricted",
}

ENGLISH = LanguageStyle(
    code="en",
    babel_locale="en",
    direction="ltr",
    date="{day} {month} {year}",
    date_with_weekday="{Weekday}, {day} {month} {year}",
    table_date="{Weekday}, {day} {month}",
    day_heading="{Weekday}, {day} {month} {year}",
    range_same_month="{start_day}–{end_day} {month} {year}",
    range_same_year="{start_day} {start_month}–{end_day} {end_month} {year}",
    range_across_years="{start}–{end}",
    place_and_dates="{place}, {dates}",
    clock="{hour}",
    clock_with_minutes="{hour}.{minute:02}",
    time="{clock} {period}",
    time_range="{start}–{end}",
    time_range_within_period="{start_clock}–{end_clock} {period}",
    periods=((0, "a.m."), (12, "p.m.")),
    noon="noon",
    ordinal=_english_ordinal,
    ordinal_in_figures=_english_figures,
    gatherings={
        ("meeting", False): ("{ordinal} meeting", "m"),
        ("session", False): ("{ordinal} session", "f"),
        ("meeting", True): ("{ordinal} special meeting", "m"),
        ("session", True): ("{ordinal} special session", "f"),
    },
    references={"resolution": "resolution {label}", "decision": "decision {label}"},
    citations={
        "resolution": "{reference}, entitled “{title}”",
        "decision": "{reference}, entitled “{title}”",
    },
    citation_separator="; ",
    citation_last_separator="; and ",
    citation_end=".",
    list_separator=", ",
    list_last_separator=" and ",
    joint_meeting=(
        "{items} will be considered jointly with {partner_items} of the agenda of the "
        "{partner_session} of the {partner_body} at joint meetings of the {body} and the "
        "{partner_body}."
    ),
    joint_meeting_words={
        "items": {"one": "Agenda item {}", "other": "Agenda items {}"},
        "partner_items": {"one": "item {}", "other": "items {}"},
    },
    reissue="Reissued for technical reasons on {date}.",
    distributions=ENGLISH_DISTRIBUTIONS,
    masthead_date_language="en",
    # An English version never names its own language; translations into English
    # only say what the original was.
    language_line=None,
    language_names=ENGLISH_LANGUAGE_NAMES,
)

CHINESE = LanguageStyle(
    code="zh-hans",
    babel_locale="zh_Hans",
    direction="ltr",
    # The UN spaces Western digits from the Chinese characters around them.
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
    ordinal=_chinese_ordinal,
    ordinal_in_figures=_chinese_ordinal,
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
    joint_meeting=(
        "议程项目 {items} 将与{partner_body}{partner_session}议程项目 {partner_items} 一起，"
        "在{body}和{partner_body}联席会议上讨论。"
    ),
    reissue="因技术原因于 {date}重新印发。",
    distributions=ENGLISH_DISTRIBUTIONS,
    masthead_date_language="en",
    language_line="Chinese",
    language_names=ENGLISH_LANGUAGE_NAMES,
)

FRENCH = LanguageStyle(
    code="fr",
    babel_locale="fr",
    direction="ltr",
    date="{day} {month} {year}",
    date_with_weekday="{weekday} {day} {month} {year}",
    table_date="{Weekday} {day} {month}",
    day_heading="{Weekday} {day} {month} {year}",
    range_same_month="{start_day}–{end_day} {month} {year}",
    range_same_year="{start_day} {start_month}–{end_day} {end_month} {year}",
    range_across_years="{start}–{end}",
    place_and_dates="{place}, {dates}",
    first_day="1er",
    clock="{hour} heures",
    clock_with_minutes="{hour} h {minute:02}",
    time="{clock}",
    time_range="{start}-{end}",
    ordinal=_french_ordinal,
    ordinal_in_figures=_french_figures,
    gatherings={
        ("meeting", False): ("{ordinal} réunion", "f"),
        ("session", False): ("{ordinal} session", "f"),
        ("meeting", True): ("{ordinal} réunion extraordinaire", "f"),
        ("session", True): ("{ordinal} session extraordinaire", "f"),
    },
    references={"resolution": "résolution {label}", "decision": "décision {label}"},
    citations={
        "resolution": "{reference}, intitulée « {title} »",
        "decision": "{reference}, intitulée « {title} »",
    },
    citation_separator=" ; ",
    citation_last_separator=" ; et ",
    citation_end=".",
    list_separator=", ",
    list_last_separator=" et ",
    # Réunion and session are both feminine, hence "de la {partner_session}".
    joint_meeting=(
        "{items} de l'ordre du jour {verb} conjointement avec {partner_items} de l'ordre du "
        "jour de la {partner_session} {partner_body_of} lors de séances communes {body_of} "
        "et {partner_body_of}."
    ),
    joint_meeting_words={
        "items": {"one": "Le point {}", "other": "Les points {}"},
        "verb": {"one": "sera examiné", "other": "seront examinés"},
        "partner_items": {"one": "le point {}", "other": "les points {}"},
    },
    of_name=_french_of,
    reissue="Nouveau tirage pour raisons techniques ({date}).",
    distributions={
        "general": "Distr. générale",
        "limited": "Distr. limitée",
        "restricted": "Distr. restreinte",
    },
    masthead_date_language="fr",
    language_line="Français",
    original_line="Original : {language}",
    language_names={
        "ar": "arabe",
        "zh-hans": "chinois",
        "en": "anglais",
        "fr": "français",
        "ru": "russe",
        "es": "espagnol",
    },
)

SPANISH = LanguageStyle(
    code="es",
    babel_locale="es",
    direction="ltr",
    date="{day} de {month} de {year}",
    date_with_weekday="{weekday}, {day} de {month} de {year}",
    table_date="{Weekday}, {day} de {month}",
    day_heading="{Weekday}, {day} de {month} de {year}",
    range_same_month="{start_day} a {end_day} de {month} de {year}",
    range_same_year="{start_day} de {start_month} a {end_day} de {end_month} de {year}",
    range_across_years="{start} a {end}",
    place_and_dates="{place}, {dates}",
    clock="{hour}.{minute:02}",
    clock_with_minutes="{hour}.{minute:02}",
    time="{clock} horas",
    time_range="{start_clock} a {end_clock} horas",
    ordinal=_spanish_ordinal,
    ordinal_in_figures=_spanish_figures,
    gatherings={
        ("meeting", False): ("{ordinal} reunión", "f"),
        ("session", False): ("{ordinal} período de sesiones", "m"),
        ("meeting", True): ("{ordinal} reunión extraordinaria", "f"),
        ("session", True): ("{ordinal} período extraordinario de sesiones", "m"),
    },
    references={"resolution": "resolución {label}", "decision": "decisión {label}"},
    citations={
        "resolution": "{reference}, titulada “{title}”",
        "decision": "{reference}, titulada “{title}”",
    },
    citation_separator="; ",
    citation_last_separator="; y ",
    citation_end=".",
    list_separator=", ",
    list_last_separator=" y ",
    joint_meeting=(
        "{items} del programa {verb} conjuntamente con {partner_items} del programa "
        "{partner_session_of} {partner_body_of} en sesiones conjuntas {body_of} y "
        "{partner_body_of}."
    ),
    joint_meeting_words={
        "items": {"one": "El tema {}", "other": "Los temas {}"},
        "verb": {"one": "se examinará", "other": "se examinarán"},
        "partner_items": {"one": "el tema {}", "other": "los temas {}"},
    },
    of_name=_spanish_of,
    of_session=_spanish_of,
    reissue="Publicado nuevamente por razones técnicas el {date}.",
    distributions={
        "general": "Distr. general",
        "limited": "Distr. limitada",
        "restricted": "Distr. reservada",
    },
    masthead_date_language="es",
    language_line="Español",
    original_line="Original: {language}",
    language_names={
        "ar": "árabe",
        "zh-hans": "chino",
        "en": "inglés",
        "fr": "francés",
        "ru": "ruso",
        "es": "español",
    },
)

RUSSIAN = LanguageStyle(
    code="ru",
    babel_locale="ru",
    direction="ltr",
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
    ordinal=_russian_ordinal,
    ordinal_in_figures=_russian_figures,
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
    citation_separator="; ",
    citation_last_separator="; и ",
    citation_end=".",
    list_separator=", ",
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
    of_name=_russian_genitive,
    of_session=_russian_genitive,
    reissue="Переиздано по техническим причинам {date}.",
    distributions=ENGLISH_DISTRIBUTIONS,
    masthead_date_language="en",
    language_line="Russian",
    language_names=ENGLISH_LANGUAGE_NAMES,
)

ARABIC = LanguageStyle(
    code="ar",
    babel_locale="ar",
    direction="rtl",
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
    ordinal=_arabic_ordinal,
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
    citation_end=".",
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
    of_name=_arabic_of,
    reissue="أعيد إصدارها لأسباب فنية في {date}.",
    distributions=ENGLISH_DISTRIBUTIONS,
    masthead_date_language="en",
    language_line="Arabic",
    language_names=ENGLISH_LANGUAGE_NAMES,
)

STYLES = {style.code: style for style in (ARABIC, CHINESE, ENGLISH, FRENCH, RUSSIAN, SPANISH)}


def _style(lang):
    try:
        return STYLES[lang]
    except (KeyError, TypeError):
        raise ValueError(
            f"Unknown language {lang!r}; expected one of {', '.join(STYLES)}."
        ) from None


def _capitalize(text):
    return text[:1].upper() + text[1:]


# Dates ----------------------------------------------------------------------------------


def _date_fields(d, style):
    if style.month_names:
        month = style.month_names[d.month - 1]
    else:
        month = get_month_names("wide", "format", style.babel_locale)[d.month]
    weekday = get_day_names("wide", "format", style.babel_locale)[d.weekday()]
    day = style.first_day if d.day == 1 and style.first_day else str(d.day)
    return {
        "day": day,
        "month": month,
        "year": str(d.year),
        "weekday": weekday,
        "Weekday": _capitalize(weekday),
    }


def format_date(d, lang, *, weekday=False):
    """The full date: "31 August 2020", "2020 年 8 月 31 日", "31 آب/أغسطس 2020"."""
    style = _style(lang)
    template = style.date_with_weekday if weekday else style.date
    return template.format(**_date_fields(d, style))


def format_date_range(start, end, lang):
    """Meeting dates: "31 August–2 September 2020", "2020 年 8 月 31 日至 9 月 2 日"."""
    style = _style(lang)
    if end < start:
        raise ValueError(f"The end date {end} is before the start date {start}.")
    if start == end:
        return format_date(start, lang)
    if start.year != end.year:
        template = style.range_across_years
    elif start.month != end.month:
        template = style.range_same_year
    else:
        template = style.range_same_month
    start_fields, end_fields = _date_fields(start, style), _date_fields(end, style)
    fields = {"start_" + key: value for key, value in start_fields.items()}
    fields.update({"end_" + key: value for key, value in end_fields.items()})
    fields.update(
        month=end_fields["month"],
        year=end_fields["year"],
        start=format_date(start, lang),
        end=format_date(end, lang),
    )
    return template.format(**fields)


def format_place_and_dates(city, start, end, lang):
    """ "Vienna, 31 August–2 September 2020"; Chinese puts the dates first."""
    style = _style(lang)
    return style.place_and_dates.format(place=city, dates=format_date_range(start, end, lang))


def format_table_date(d, lang):
    """The Date column of the organization of work: "Monday, 31 August"."""
    style = _style(lang)
    return style.table_date.format(**_date_fields(d, style))


def format_day_heading(d, lang):
    """A daily programme heading: "Monday, 31 August 2020", "2020 年 8 月 31 日星期一"."""
    style = _style(lang)
    return style.day_heading.format(**_date_fields(d, style))


# Times ----------------------------------------------------------------------------------


def _time_fields(t, style):
    period = ""
    hour = t.hour
    if style.periods:
        period = [name for first_hour, name in style.periods if t.hour >= first_hour][-1]
        if style.noon and (t.hour, t.minute) == (12, 0):
            period = style.noon
        hour = t.hour % 12 or 12
    template = style.clock_with_minutes if t.minute else style.clock
    return {"clock": template.format(hour=hour, minute=t.minute), "period": period}


def format_time(t, lang):
    """A clock time: "11 a.m.", "10.30 a.m.", "上午 11 时", "10 h 30", "11.00 horas"."""
    style = _style(lang)
    return style.time.format(**_time_fields(t, style))


def format_time_range(start, end, lang):
    """A meeting's hours: "11 a.m.–1 p.m.", "3–5 p.m." (one half-day named once)."""
    style = _style(lang)
    if end <= start:
        raise ValueError(f"The end time {end} is not after the start time {start}.")
    start_fields, end_fields = _time_fields(start, style), _time_fields(end, style)
    fields = {
        "start": format_time(start, lang),
        "end": format_time(end, lang),
        "start_clock": start_fields["clock"],
        "end_clock": end_fields["clock"],
        "period": end_fields["period"],
    }
    within_one_period = style.periods and start_fields["period"] == end_fields["period"]
    template = style.time_range_within_period if within_one_period else style.time_range
    return template.format(**fields)


# Words ----------------------------------------------------------------------------------


def session_ordinal(number, term, lang, *, special=False, capitalize=False):
    """ "eleventh meeting", "第十一届会议", "undécimo período de sesiones".

    Words up to MAX_ORDINAL, figures beyond: "137th session", "第一百三十七届会议".
    """
    style = _style(lang)
    if isinstance(number, bool) or not isinstance(number, int):
        raise ValueError(f"A session number must be a whole number, not {number!r}.")
    if not 1 <= number <= 9999:
        raise ValueError(f"Session number {number} must be from 1 to 9999.")
    try:
        template, gender = style.gatherings[(term, bool(special))]
    except KeyError:
        raise ValueError(
            f"Unknown gathering term {term!r}; expected 'meeting' or 'session'."
        ) from None
    write = style.ordinal if number <= MAX_ORDINAL else style.ordinal_in_figures
    text = template.format(ordinal=write(number, gender))
    return _capitalize(text) if capitalize else text


def resolution_reference(kind, label, lang, *, capitalize=False):
    """ "resolution 8/7", "第 8/7 号决议", "المقرر 7/1"."""
    style = _style(lang)
    try:
        template = style.references[kind]
    except KeyError:
        raise ValueError(f"Unknown kind {kind!r}; expected 'resolution' or 'decision'.") from None
    text = template.format(label=label)
    return _capitalize(text) if capitalize else text


def _join(parts, separator, last_separator):
    if len(parts) == 1:
        return parts[0]
    return separator.join(parts[:-1]) + last_separator + parts[-1]


def citation_footnote(entries, lang):
    """The footnote sentence giving the titles of the resolutions and decisions cited.

    ``entries`` is a list of (kind, label, title): the seed's footnote 1 in Chinese,
    'Resolution 8/3, entitled “…”; … and resolution 8/13, entitled “…”.' in English.
    """
    style = _style(lang)
    if not entries:
        raise ValueError("A citation footnote needs at least one resolution or decision.")
    parts = [
        style.citations[kind].format(reference=resolution_reference(kind, label, lang), title=title)
        for kind, label, title in entries
    ]
    sentence = _join(parts, style.citation_separator, style.citation_last_separator)
    return _capitalize(sentence) + style.citation_end


def join_list(values, lang):
    """ "4 and 5", "4, 5 and 6", "4 和 5", "4 و 5"."""
    style = _style(lang)
    values = [str(value) for value in values]
    if not values:
        raise ValueError("Cannot join an empty list.")
    return _join(values, style.list_separator, style.list_last_separator)


def _count_form(forms, count):
    category = {1: "one", 2: "two"}.get(count, "other")
    return forms.get(category, forms["other"])


def joint_meeting_footnote(
    items, partner_items, body_name, partner_body_name, partner_session, lang
):
    """The note that items are taken up jointly with another body's items.

    ``items`` and ``partner_items`` are item references (["2"], ["4", "5"]);
    ``partner_session`` is already rendered ("eleventh session", "第十一届会议").
    """
    style = _style(lang)
    if not items or not partner_items:
        raise ValueError("A joint meeting needs items of both bodies.")
    words = style.joint_meeting_words or {}
    counts = {"items": len(items), "verb": len(items), "partner_items": len(partner_items)}
    lists = {"items": join_list(items, lang), "partner_items": join_list(partner_items, lang)}
    fields = {
        "items": lists["items"],
        "partner_items": lists["partner_items"],
        "verb": "",
    }
    for name, forms in words.items():
        fields[name] = _count_form(forms, counts[name]).format(lists.get(name, ""))
    fields.update(
        body=body_name,
        partner_body=partner_body_name,
        body_of=style.of_name(body_name),
        partner_body_of=style.of_name(partner_body_name),
        partner_session=partner_session,
        partner_session_of=style.of_session(partner_session),
    )
    return style.joint_meeting.format(**fields)


def reissue_note(d, lang):
    """The starred footnote of a reissue: "Reissued for technical reasons on 27 August 2020."."""
    style = _style(lang)
    return style.reissue.format(date=format_date(d, lang))


def masthead_lines(distribution, issued_on, language, original_language):
    """The masthead block: ["Distr.: General", "24 July 2020", "Chinese", "Original: English"].

    Chinese, Russian and Arabic versions keep the English distribution and date lines;
    French and Spanish translate them. Translations name their own language above the
    "Original" line; the original-language version does not.
    """
    style = _style(language)
    _style(original_language)
    try:
        lines = [style.distributions[distribution]]
    except KeyError:
        raise ValueError(
            f"Unknown distribution {distribution!r}; expected 'general', 'limited' or 'restricted'."
        ) from None
    # A draft without a date of issue yet shows no date line rather than an invented one.
    if issued_on is not None:
        lines.append(format_date(issued_on, style.masthead_date_language))
    if language != original_language and style.language_line:
        lines.append(style.language_line)
    lines.append(style.original_line.format(language=style.language_names[original_language]))
    return lines


def masthead_language(lang):
    """The language the masthead lines are written in: English in the Arabic, Chinese
    and Russian versions, the page's own in the others."""
    return _style(lang).masthead_date_language


def text_direction(lang):
    """ "rtl" for Arabic, "ltr" for the other languages."""
    return _style(lang).direction
