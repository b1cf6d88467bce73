"""What an agenda document says in each of the six languages, as patterns to read it by.

Dates, times, ordinals, references to resolutions and the set phrases of the family
(the footnote that cites resolutions, the joint-meeting note, the reissue note) are read
back with the language modules' own words (``languages/*.py``, Babel's month and
weekday names), so that what the product writes it can also read. Headings and the
other fixed words of a document are listed here, with the variants real documents use.
"""

import datetime
import functools
import re
import unicodedata

from babel.dates import get_day_names, get_month_names
from django.utils import translation

import languages

CODES = ("ar", "zh-hans", "en", "fr", "ru", "es")

# Headings and fixed words, by language; compared after ``key`` (case, spaces and
# punctuation do not count).
UNITED_NATIONS = {
    "en": ["United Nations"],
    "fr": ["Nations Unies"],
    "es": ["Naciones Unidas"],
    "ru": ["Организация Объединенных Наций"],
    "ar": ["الأمم المتحدة"],
    "zh-hans": ["联合国"],
}
ANNOTATED_TITLES = {
    "en": [
        "Annotated provisional agenda",
        "Provisional agenda and annotations",
        "Annotations to the provisional agenda",
    ],
    "fr": [
        "Ordre du jour provisoire annoté",
        "Ordre du jour provisoire et annotations",
        "Annotations à l'ordre du jour provisoire",
    ],
    "es": [
        "Programa provisional anotado",
        "Programa provisional y anotaciones",
        "Anotaciones al programa provisional",
    ],
    "ru": [
        "Аннотированная предварительная повестка дня",
        "Предварительная повестка дня и аннотации",
        "Предварительная повестка дня с аннотациями",
    ],
    "ar": ["جدول الأعمال المؤقت المشروح", "جدول الأعمال المؤقت وشروحه"],
    "zh-hans": ["临时议程说明", "临时议程和说明", "附加说明的临时议程"],
}
LIST_HEADINGS = {
    "en": ["Provisional agenda"],
    "fr": ["Ordre du jour provisoire"],
    "es": ["Programa provisional"],
    "ru": ["Предварительная повестка дня"],
    "ar": ["جدول الأعمال المؤقت"],
    "zh-hans": ["临时议程"],
}
ANNOTATION_HEADINGS = {
    "en": ["Annotations", "Annotations to the provisional agenda"],
    "fr": ["Annotations", "Annotations à l'ordre du jour provisoire"],
    "es": ["Anotaciones", "Anotaciones al programa provisional"],
    "ru": ["Аннотации", "Аннотации к предварительной повестке дня"],
    "ar": ["الشروح", "شروح جدول الأعمال المؤقت"],
    "zh-hans": ["说明", "临时议程说明"],
}
DOCUMENTATION_HEADINGS = {
    "en": ["Documentation", "Documents"],
    "fr": ["Documentation", "Documents"],
    "es": ["Documentación", "Documentos"],
    "ru": ["Документация", "Документы"],
    "ar": ["الوثائق"],
    "zh-hans": ["文件", "文档"],
}
ANNEX_HEADINGS = {
    "en": ["Annex"],
    "fr": ["Annexe"],
    "es": ["Anexo"],
    "ru": ["Приложение"],
    "ar": ["المرفق"],
    "zh-hans": ["附件"],
}
TIMETABLE_HEADINGS = {
    "en": [
        "Proposed organization of work",
        "Organization of work",
        "Provisional timetable",
        "Proposed timetable",
    ],
    "fr": [
        "Projet d'organisation des travaux",
        "Organisation des travaux proposée",
        "Organisation des travaux",
        "Calendrier provisoire",
    ],
    "es": [
        "Propuesta de organización de los trabajos",
        "Organización de los trabajos propuesta",
        "Organización de los trabajos",
        "Calendario provisional",
    ],
    "ru": ["Предлагаемая организация работы", "Организация работы", "Предварительный график"],
    "ar": ["تنظيم الأعمال المقترح", "تنظيم الأعمال", "الجدول الزمني المؤقت"],
    "zh-hans": ["拟议工作安排", "工作安排", "临时时间表"],
}
# The column heads of the organization of work.
TABLE_WORDS = {
    "en": ["Date", "Time", "Item", "Agenda item", "Title or description", "Date and time",
           "Introduced by", "Items"],
    "fr": ["Date", "Heure", "Point", "Point de l'ordre du jour", "Titre ou description",
           "Date et heure", "Présenté par", "Points"],
    "es": ["Fecha", "Hora", "Tema", "Tema del programa", "Título o descripción",
           "Fecha y hora", "Presentado por", "Temas"],
    "ru": ["Дата", "Время", "Пункт", "Пункт повестки дня", "Название или описание",
           "Дата и время", "Представляет", "Пункты"],
    "ar": ["التاريخ", "الوقت", "البند", "بند جدول الأعمال", "العنوان أو الوصف",
           "التاريخ والوقت", "يعرضه", "البنود"],
    "zh-hans": ["日期", "时间", "项目", "议程项目", "标题或说明", "日期和时间", "介绍者"],
}  # fmt: skip
PER_SLOT_WORDS = {
    "en": ["Date and time", "Introduced by"],
    "fr": ["Date et heure", "Présenté par"],
    "es": ["Fecha y hora", "Presentado por"],
    "ru": ["Дата и время", "Представляет"],
    "ar": ["التاريخ والوقت", "يعرضه"],
    "zh-hans": ["日期和时间", "介绍者"],
}
CONTINUED = {
    "en": ["(continued)"],
    "fr": ["(suite)"],
    "es": ["(continuación)"],
    "ru": ["(продолжение)"],
    "ar": ["(تابع)"],
    "zh-hans": ["（续）", "(续)"],
}
TO_BE_ISSUED = {
    "en": ["to be issued"],
    "fr": ["à paraître"],
    "es": ["de próxima publicación"],
    "ru": ["будет издан", "будет издано"],
    "ar": ["ستصدر", "سيصدر"],
    "zh-hans": ["待印发", "即将印发"],
}
# "and" between symbols: "A/75/1 and Corr.1".
AND_WORDS = {
    "en": ["and"],
    "fr": ["et"],
    "es": ["y"],
    "ru": ["и"],
    "ar": ["و"],
    "zh-hans": ["和", "及"],
}
DISTRIBUTIONS = {
    "general": ["general", "générale", "generale", "общее"],
    "limited": ["limited", "limitée", "limitee", "limitada", "ограниченное"],
    "restricted": ["restricted", "restreinte", "reservada", "restringida", "для служебного"],
}

# Scripts, to tell the language of a document.
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_WORDS = {
    "en": {"the", "of", "and", "to", "will", "be", "in", "its", "on", "with"},
    "fr": {"le", "la", "les", "des", "et", "du", "de", "sera", "au", "aux"},
    "es": {"el", "los", "las", "del", "y", "de", "la", "se", "en", "por"},
}

FINAL_MARKS = "。：；！？.:;!?؛؟"
OPENING_QUOTES = '“«"„'


def key(text):
    """A form of ``text`` under which spacing, case and punctuation do not count."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.replace("’", "'")
    return "".join(ch for ch in text if ch.isalnum())


def is_cjk(ch):
    return bool(_CJK.match(ch))


def detect_language(text):
    """The language a document is written in, from its script and its commonest words."""
    counts = {
        "zh-hans": len(_CJK.findall(text)),
        "ar": len(_ARABIC.findall(text)),
        "ru": len(_CYRILLIC.findall(text)),
    }
    best = max(counts, key=counts.get)
    latin = len(re.findall(r"[A-Za-zÀ-ÿ]", text))
    if counts[best] * 2 > latin:
        return best
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    scores = {code: sum(word in stop for word in words) for code, stop in _LATIN_WORDS.items()}
    return max(scores, key=scores.get)


def phrases(table, code):
    return table.get(code, []) + (table["en"] if code != "en" else [])


def matches_any(text, table, code):
    """Whether ``text`` is one of the phrases of ``table`` (in ``code`` or English)."""
    wanted = key(text)
    return bool(wanted) and any(wanted == key(phrase) for phrase in phrases(table, code))


def kind_titles(code):
    """The product's own titles of the two kinds, in a language."""
    with translation.override(code):
        return {
            "annotated": translation.gettext("Annotated provisional agenda"),
            "provisional": translation.gettext("Provisional agenda"),
        }


@functools.cache
def language_names():
    """Every way the six languages name each other: {"chinese": "zh-hans", "anglais": "en"}."""
    names = {}
    for code in CODES:
        language = languages.get(code)
        names[key(language.name)] = code
        for writer in CODES:
            names[key(languages.get(writer).language_name(code))] = code
    names[key("Chinese")] = "zh-hans"
    return names


def language_named(text):
    return language_names().get(key(text))


# Dates -----------------------------------------------------------------------------


@functools.cache
def _months(code):
    """``{month name (casefolded): number}`` in a language, every form Babel knows."""
    language = languages.get(code)
    months = {}
    if language.month_names:
        for number, name in enumerate(language.month_names, start=1):
            months[name.casefold()] = number
            # Arabic writes both names: either alone is read too.
            for part in name.split("/"):
                months[part.casefold()] = number
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, context, language.babel_locale).items():
                months.setdefault(name.casefold().rstrip("."), number)
    return months


@functools.cache
def _latin_months():
    months = {}
    for code in CODES:
        if code != "zh-hans":
            for name, number in _months(code).items():
                months.setdefault(name, number)
    return months


@functools.cache
def _weekdays():
    names = set()
    for code in CODES:
        locale = languages.get(code).babel_locale
        for context in ("format", "stand-alone"):
            names.update(n.casefold() for n in get_day_names("wide", context, locale).values())
    return names


def _alternation(words):
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@functools.cache
def _date_token():
    months = _alternation(_latin_months())
    return re.compile(
        r"(?<![\d/])(?P<day>1er|1ᵉʳ|\d{1,2})(?:º|ª)?"
        r"(?:\s*(?:de\s+)?(?P<month>" + months + r")\.?(?![\w]))?"
        r"(?:,?\s*(?:de\s+)?(?P<year>(?:19|20)\d\d)(?!\d))?",
        re.IGNORECASE,
    )


_ZH_DATE = re.compile(
    r"(?:(?P<year>(?:19|20)\d\d)\s*年\s*)?(?:(?P<month>\d{1,2})\s*月\s*)?(?P<day>\d{1,2})\s*日"
)


@functools.cache
def _weekday_pattern():
    return re.compile(r"(?<!\w)(" + _alternation(_weekdays()) + r")(?!\w)", re.IGNORECASE)


def date_tokens(text):
    """Day, month and year pieces in reading order, as ``(start, end, day, month, year)``
    with ``None`` for a piece the text leaves to its neighbour ("31 August–2 September
    2020"); Chinese dates ("2020 年 8 月 31 日") and the others alike."""
    tokens = []
    for match in _ZH_DATE.finditer(text):
        tokens.append(
            (
                match.start(),
                match.end(),
                int(match["day"]),
                int(match["month"]) if match["month"] else None,
                int(match["year"]) if match["year"] else None,
            )
        )
    if tokens:
        return tokens
    months = _latin_months()
    for match in _date_token().finditer(text):
        if not match["month"] and not match["year"]:
            # A bare number is a day only when a dated piece follows at once (14–16 June).
            rest = text[match.end() :]
            joined = re.match(r"\s*(?:[-–—]|to|au|à|a|al|до|по|إلى)\s*(?=\d)", rest, re.IGNORECASE)
            if not joined:
                continue
        day = 1 if match["day"].startswith("1") and not match["day"].isdigit() else None
        tokens.append(
            (
                match.start(),
                match.end(),
                day or int(match["day"]),
                months.get(match["month"].casefold().rstrip(".")) if match["month"] else None,
                int(match["year"]) if match["year"] else None,
            )
        )
    return [token for token in tokens if token[2] <= 31]


def _complete(tokens, *, year_first):
    """Fill what each piece leaves to its neighbours: Latin scripts name the month and
    year last (31 August–2 September 2020), Chinese first (2020 年 8 月 31 日至 9 月 2 日)."""
    filled = []
    for index, (_start, _end, day, month, year) in enumerate(tokens):
        neighbours = tokens[:index][::-1] if year_first else tokens[index + 1 :]
        others = tokens[index + 1 :] if year_first else tokens[:index][::-1]
        for _s, _e, _d, other_month, other_year in [*neighbours, *others]:
            month = month or other_month
            year = year or other_year
        filled.append((day, month, year))
    return filled


def read_dates(text, *, default_year=None):
    """The dates a phrase gives, in order: one for a date, two for a range."""
    tokens = date_tokens(text)
    if not tokens:
        return []
    dates = []
    year_first = bool(_ZH_DATE.search(text))
    for day, month, year in _complete(tokens, year_first=year_first):
        year = year or default_year
        if not (month and year):
            continue
        try:
            dates.append(datetime.date(year, month, day))
        except ValueError:
            continue
    return dates


def read_date(text, *, default_year=None):
    dates = read_dates(text, default_year=default_year)
    return dates[0] if len(dates) == 1 else None


def is_date_line(text):
    """Whether a line is nothing but a date (the masthead's "24 July 2020")."""
    tokens = date_tokens(text)
    if len(tokens) != 1 or not read_date(text):
        return False
    start, end = tokens[0][0], tokens[0][1]
    rest = (text[:start] + text[end:]).strip(" ,.")
    return not rest or bool(_weekday_pattern().fullmatch(rest))


def strip_weekdays(text):
    return _weekday_pattern().sub(" ", text)


# Times -----------------------------------------------------------------------------

_ZH_TIME = r"(?P<{p}>上午|下午|中午|晚上)?\s*(?P<{h}>\d{{1,2}})\s*时(?:\s*(?P<{m}>\d{{1,2}})\s*分)?"
_EN_TIME = (
    r"(?:(?P<{h}>\d{{1,2}})(?:[.:](?P<{m}>\d{{2}}))?"
    r"(?:\s*(?P<{p}>a\.\s?m\.|p\.\s?m\.))?|(?P<{n}>noon))"
)
_FR_TIME = r"(?:(?P<{h}>\d{{1,2}})\s*(?:heures?|h)(?:\s*(?P<{m}>\d{{2}}))?|(?P<{n}>midi))"
_ES_TIME = r"(?P<{h}>\d{{1,2}})[.:](?P<{m}>\d{{2}})"
_RU_TIME = r"(?P<{h}>\d{{1,2}})\s*ч\.?(?:\s*(?P<{m}>\d{{2}})\s*м(?:ин)?\.?)?"
_AR_TIME = r"(?:الساعة\s*)?(?P<{m}>\d{{2}})/(?P<{h}>\d{{1,2}})"

_TIME_RANGES = {
    "zh-hans": (_ZH_TIME, r"\s*至\s*", ""),
    "en": (_EN_TIME, r"\s*(?:[-–—]|to)\s*", ""),
    "fr": (_FR_TIME, r"\s*(?:[-–—]|à)\s*", ""),
    "es": (_ES_TIME, r"\s*(?:[-–—]|a)\s*", r"(?:\s*horas)?"),
    "ru": (_RU_TIME, r"\s*(?:[-–—]|до)\s*", ""),
    "ar": (_AR_TIME, r"\s*(?:[-–—]|إلى)\s*", ""),
}


@functools.cache
def time_range_pattern(code):
    one, joiner, tail = _TIME_RANGES[code]
    names = {"h": "h{}", "m": "m{}", "p": "p{}", "n": "n{}"}
    first = one.format(**{k: v.format(1) for k, v in names.items()})
    second = one.format(**{k: v.format(2) for k, v in names.items()})
    prefix = r"(?:من\s*)?" if code == "ar" else r"(?:de\s+)?" if code in ("fr", "es") else ""
    return re.compile(prefix + first + joiner + second + tail, re.IGNORECASE)


def _clock(match, index, period_default):
    groups = match.groupdict()
    if groups.get(f"n{index}"):
        return datetime.time(12), "noon"
    hour = int(groups[f"h{index}"])
    minute = int(groups.get(f"m{index}") or 0)
    period = (groups.get(f"p{index}") or "").replace(" ", "").lower() or period_default
    return (hour, minute), period


def _to_time(hour, minute, period):
    if period in ("p.m.", "下午", "晚上") and hour < 12:
        hour += 12
    elif period in ("a.m.", "上午") and hour == 12:
        hour = 0
    elif period == "中午" and hour < 6:
        hour += 12
    return datetime.time(hour % 24, minute)


def read_time_ranges(text, code):
    """Every ``(start, end, match_start, match_end, has_periods)`` meeting time in ``text``."""
    found = []
    for match in time_range_pattern(code).finditer(text):
        given = match.groupdict()
        first_period = (given.get("p1") or "").replace(" ", "").lower()
        end_clock, end_period = _clock(match, 2, first_period)
        start_clock, start_period = _clock(match, 1, end_period)
        if isinstance(end_clock, datetime.time):
            end = end_clock
        else:
            end = _to_time(*end_clock, end_period)
        if isinstance(start_clock, datetime.time):
            start = start_clock
        else:
            start = _to_time(*start_clock, start_period)
            if start >= end and not match.groupdict().get("p1") and end_period:
                # "11–1 p.m.": the start is in the morning.
                start = _to_time(*start_clock, "a.m." if end_period == "p.m." else "上午")
        if end <= start:
            continue
        has_periods = bool(end_period or start_period)
        found.append((start, end, match.start(), match.end(), has_periods))
    return found


def read_single_time(text, code):
    """The first clock time of a sentence ("at 11 a.m.", "上午 11 时", "à 10 heures")."""
    one = _TIME_RANGES[code][0]
    pattern = re.compile(one.format(h="h1", m="m1", p="p1", n="n1"), re.IGNORECASE)
    for match in pattern.finditer(text):
        groups = match.groupdict()
        if not (groups.get("p1") or groups.get("n1") or code not in ("en", "zh-hans")):
            continue
        clock, period = _clock(match, 1, "")
        return clock if isinstance(clock, datetime.time) else _to_time(*clock, period)
    return None


# Ordinals, sessions, references --------------------------------------------------


@functools.cache
def sessions(code):
    """``{written session: (number, term, special, resumed)}`` for sessions 1 to 100."""
    language = languages.get(code)
    table = {}
    for term in ("meeting", "session"):
        for special in (False, True):
            for resumed in (False, True):
                for number in range(1, languages.base.MAX_ORDINAL + 1):
                    text = language.session_name(number, term, special=special, resumed=resumed)
                    table.setdefault(text.casefold(), (number, term, special, resumed))
    return table


@functools.cache
def _session_pattern(code):
    words = _alternation(sessions(code))
    if code == "zh-hans":
        return re.compile("(" + words + ")")
    return re.compile(r"(?<!\w)(" + words + r")(?!\w)", re.IGNORECASE)


def find_session(text, code):
    """``(number, term, special, resumed, start, end)`` of the first session named in
    ``text`` ("eleventh meeting", "第十一届会议"), or None."""
    match = _session_pattern(code).search(text)
    if not match:
        return None
    return (*sessions(code)[match.group(1).casefold()], match.start(), match.end())


def template_pattern(template, groups, *, flexible_spaces=True, unnamed=()):
    """A regex from one of the language modules' templates: each ``{name}`` becomes the
    group ``groups[name]`` (a pattern), a second ``{name}`` a back-reference."""
    out, seen, position = [], set(), 0
    for match in re.finditer(r"\{(\w+)\}", template):
        literal = template[position : match.start()]
        out.append(_literal(literal, flexible_spaces))
        name = match.group(1)
        pattern = groups.get(name, r".+?")
        if name in unnamed:
            out.append(f"(?:{pattern})")
        elif name in seen:
            out.append(f"(?P={name})")
        else:
            out.append(f"(?P<{name}>{pattern})")
            seen.add(name)
        position = match.end()
    out.append(_literal(template[position:], flexible_spaces))
    return "".join(out)


def _literal(text, flexible_spaces):
    escaped = re.escape(text)
    # A typed apostrophe is either: the modules print ’, documents carry both.
    escaped = re.sub("['’]", "['’]", escaped)
    if flexible_spaces:
        escaped = re.sub(r"(?:\\ )+", r"\\s*", escaped)
    return escaped


@functools.cache
def citation_pattern(code):
    """An entry of the footnote that cites resolutions: kind, label and title."""
    language = languages.get(code)
    alternatives = []
    for kind in ("resolution", "decision"):
        reference = template_pattern(language.references[kind], {"label": r"\d+/\d+"})
        reference = reference.replace("(?P<label>", f"(?P<label_{kind}>")
        entry = template_pattern(
            language.citations[kind], {"title": r".+?", "reference": reference}
        ).replace("(?P<title>", f"(?P<title_{kind}>")
        entry = entry.replace(f"(?P<reference>{reference})", f"(?:{reference})")
        alternatives.append(f"(?P<entry_{kind}>{entry})")
        alternatives.append(f"(?P<bare_{kind}>{reference.replace('label_', 'bare_label_')})")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def read_citations(text, code):
    """``[(kind, "8/3", title or "")]`` of a footnote that cites resolutions, in order."""
    entries = []
    for match in citation_pattern(code).finditer(text):
        for kind in ("resolution", "decision"):
            if match.group(f"entry_{kind}"):
                entries.append((kind, match.group(f"label_{kind}"), match.group(f"title_{kind}")))
            elif match.group(f"bare_{kind}"):
                entries.append((kind, match.group(f"bare_label_{kind}"), ""))
    return entries


def reissue_date(text, code):
    """The date of a "Reissued for technical reasons on ..." note, in any language."""
    for writer in (code, *CODES):
        template = languages.get(writer).reissue
        head = template.split("{date}")[0].strip()
        if head and key(head) and key(text).startswith(key(head)):
            return read_date(text)
    return None


def split_numbers(text, code):
    """ "4 和 5", "4, 5 and 6" -> ["4", "5", "6"]."""
    return re.findall(r"\d+(?:\s*\([a-z]\))?", text)


# Symbols ---------------------------------------------------------------------------

# A symbol as printed, possibly broken after a slash by the extraction ("WG.4/ 2020/3").
_SYMBOL = re.compile(
    r"(?<![\w/.])[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*"
    r"(?:/ ?[A-Za-z0-9][A-Za-z0-9.\-]*(?:\([A-Za-z0-9.]+\))?)+\**"
)
_SHORT_SUFFIX = r"(?:Corr|Add|Rev|Amend)\.\d+"


def find_symbols(text, code="en"):
    """``[(symbol, start, end)]`` of the document symbols in ``text``, as printed and
    checked by ``agendas.symbols.read_symbol``; "A/75/1 and Corr.1" gives both."""
    from django.core.exceptions import ValidationError

    from agendas.symbols import read_symbol

    found = []
    joiners = _alternation([",", *AND_WORDS.get(code, []), *AND_WORDS["en"]])
    for match in _SYMBOL.finditer(text):
        printed = match.group(0).replace(" ", "").rstrip(".-")
        end = match.start() + len(match.group(0).rstrip(".-"))
        if "/" not in printed:
            continue
        try:
            read_symbol(printed)
        except ValidationError:
            continue
        found.append((printed, match.start(), end))
        base = printed.rstrip("*")
        position = end
        while True:
            more = re.compile(r"\s*(?:" + joiners + r")\s*(" + _SHORT_SUFFIX + r")(?![\w/])")
            extra = more.match(text, position)
            if not extra:
                break
            found.append((f"{base}/{extra.group(1)}", extra.start(1), extra.end(1)))
            position = extra.end()
    return found
