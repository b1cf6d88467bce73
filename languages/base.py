"""The interface every language implements: how it writes the pieces of an agenda.

A ``Language`` holds one language's templates, words and grammar helpers; its methods
turn dates, times, ordinals, references and set phrases into text as UN documents of
that language print them. The six official languages live in one module each
(``languages/en.py`` ...), every one building a ``Language`` named ``LANGUAGE``. A new
language is one more such module plus a gettext catalogue for the interface.

Pure code, no database access. Month and weekday names, and the names of languages,
come from Babel (CLDR) where CLDR already gives the UN form; a module overrides them
where UN practice differs (Arabic dual month names, Chinese numerals spaced from the
characters, French "1er").
"""

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale
from babel.dates import get_day_names, get_month_names
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import get_language
from num2words import num2words

# Words up to this number, figures beyond it (executive boards reach their 150th
# session): "137th session", "137e session", "137º período de sesiones".
MAX_ORDINAL = 100
MAX_SESSION_NUMBER = 9999


ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]  # fmt: skip


def latin_letters(n):
    """1 -> a, 26 -> z, 27 -> aa (as long agendas letter their sub-items)."""
    if n < 1:
        raise ValueError(f"Letters count from 1, not {n}.")
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def roman_numeral(n):
    """1 -> i, 4 -> iv, 1990 -> mcmxc."""
    if n < 1:
        raise ValueError(f"Roman numerals count from 1, not {n}.")
    out = ""
    for value, numeral in ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out


def capitalize(text):
    return text[:1].upper() + text[1:]


def join(parts, separator, last_separator):
    if len(parts) == 1:
        return parts[0]
    return separator.join(parts[:-1]) + last_separator + parts[-1]


def _count_form(forms, count):
    category = {1: "one", 2: "two"}.get(count, "other")
    return forms.get(category, forms["other"])


def _same(text):
    return text


def _english_words(n, gender):
    return num2words(n, to="ordinal", lang="en")


def _plain_figures(n, gender):
    return str(n)


@dataclass(frozen=True)
class Language:
    """How one language writes the pieces of an agenda.

    Date templates take {day}, {month}, {year}, {weekday} and {Weekday} (capitalised);
    range templates take the same names prefixed start_/end_, plus {start} and {end}
    (full dates). Time templates take {clock}/{period} or {start}, {end}, {start_clock},
    {end_clock} and {period}.
    """

    code: str  # as in settings.LANGUAGES: "zh-hans"
    name: str  # the language's name for itself, as the language switcher shows it
    babel_locale: str  # "zh_Hans"
    cldr_code: str  # the code CLDR names the language by: "zh"
    direction: str = "ltr"
    job_letter: str = ""  # the letter of its job numbers: "V.20-04026 (C)"
    undocs_code: str = ""  # the path segment of undocs.org: "zh"
    # Search: PostgreSQL's text search configuration (its stemmer) for the language, and
    # whether words run together unspaced, so text is indexed by characters (Chinese).
    search_config: str = "simple"
    search_by_characters: bool = False

    # Dates.
    date: str = "{day} {month} {year}"
    date_with_weekday: str = "{Weekday}, {day} {month} {year}"
    table_date: str = "{Weekday}, {day} {month}"
    day_heading: str = "{Weekday}, {day} {month} {year}"
    range_same_month: str = "{start_day}–{end_day} {month} {year}"
    range_same_year: str = "{start_day} {start_month}–{end_day} {end_month} {year}"
    range_across_years: str = "{start}–{end}"
    place_and_dates: str = "{place}, {dates}"
    month_names: tuple | None = None  # None: CLDR's names in the format context
    first_day: str | None = None  # how the first of the month is written, if special

    # Times. With periods, the clock is 12-hour and the period ("a.m.") names the half
    # day; without, the clock is 24-hour.
    clock: str = "{hour}.{minute:02}"
    clock_with_minutes: str = "{hour}.{minute:02}"
    time: str = "{clock}"
    time_range: str = "{start}–{end}"
    time_range_within_period: str = "{start_clock}–{end_clock} {period}"
    periods: tuple = ()  # ((first hour, name), ...)
    noon: str | None = None  # the period name of exactly 12.00, if it has its own

    # Numbering of the agenda list: sub-items and their references.
    sub_item_letters: Callable[[int], str] = latin_letters  # 1 -> "a"
    third_level_numerals: Callable[[int], str] = roman_numeral  # 1 -> "i"
    sub_item_number: str = "({label})"  # as printed before a sub-item's title
    reference_part: str = "({label})"  # appended to the item number: "2(a)"

    # Punctuation.
    # What closes an entry of the provisional agenda list: an item with sub-items ends
    # with a colon, sub-items but the last with a semicolon, the rest with a full stop.
    list_colon: str = ":"
    list_semicolon: str = ";"
    list_stop: str = "."
    # Punctuation that already closes a title, so that none is added after it.
    closing_marks: str = ".:;!?"
    # Around a document's symbol after its title: "Title (A/1)".
    brackets: tuple = (" (", ")")
    continued_separator: str = " "  # before "(continued)"

    # Words.
    ordinal: Callable[[int, str], str] = _english_words
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
    # Shown after text that is not yet translated into this language, in this language.
    not_yet_translated: str = ""

    # Masthead (distribution, date, language and "Original" lines). Arabic, Chinese and
    # Russian versions keep these lines in English: they name English here.
    masthead_language: str | None = None  # None: this language
    distributions: dict | None = None  # distribution -> "Distr.: General"
    original_line: str = "Original: {language}"
    # Whether a translated version names its own language above the "Original" line.
    names_its_version: bool = True
    language_names: dict | None = None  # overrides CLDR's names of languages

    # Helpers -------------------------------------------------------------------------

    def _writer(self):
        return get(self.masthead_language) if self.masthead_language else self

    def language_name(self, code):
        """Another (or this) language's name in this language: "anglais", "Chinese"."""
        if self.language_names and code in self.language_names:
            return self.language_names[code]
        other = get(code)
        return Locale.parse(self.babel_locale).languages.get(other.cldr_code, other.name)

    # Dates ---------------------------------------------------------------------------

    def _date_fields(self, d):
        if self.month_names:
            month = self.month_names[d.month - 1]
        else:
            month = get_month_names("wide", "format", self.babel_locale)[d.month]
        weekday = get_day_names("wide", "format", self.babel_locale)[d.weekday()]
        day = self.first_day if d.day == 1 and self.first_day else str(d.day)
        return {
            "day": day,
            "month": month,
            "year": str(d.year),
            "weekday": weekday,
            "Weekday": capitalize(weekday),
        }

    def format_date(self, d, *, weekday=False):
        """The full date: "31 August 2020", "2020 年 8 月 31 日", "31 آب/أغسطس 2020"."""
        template = self.date_with_weekday if weekday else self.date
        return template.format(**self._date_fields(d))

    def format_date_range(self, start, end):
        """Meeting dates: "31 August–2 September 2020", "2020 年 8 月 31 日至 9 月 2 日"."""
        if end < start:
            raise ValueError(f"The end date {end} is before the start date {start}.")
        if start == end:
            return self.format_date(start)
        if start.year != end.year:
            template = self.range_across_years
        elif start.month != end.month:
            template = self.range_same_year
        else:
            template = self.range_same_month
        start_fields, end_fields = self._date_fields(start), self._date_fields(end)
        fields = {"start_" + key: value for key, value in start_fields.items()}
        fields.update({"end_" + key: value for key, value in end_fields.items()})
        fields.update(
            month=end_fields["month"],
            year=end_fields["year"],
            start=self.format_date(start),
            end=self.format_date(end),
        )
        return template.format(**fields)

    def format_place_and_dates(self, city, start, end):
        """ "Vienna, 31 August–2 September 2020"; Chinese puts the dates first."""
        return self.place_and_dates.format(place=city, dates=self.format_date_range(start, end))

    def format_table_date(self, d):
        """The Date column of the organization of work: "Monday, 31 August"."""
        return self.table_date.format(**self._date_fields(d))

    def format_day_heading(self, d):
        """A daily programme heading: "Monday, 31 August 2020", "2020 年 8 月 31 日星期一"."""
        return self.day_heading.format(**self._date_fields(d))

    # Times ---------------------------------------------------------------------------

    def _time_fields(self, t):
        period = ""
        hour = t.hour
        if self.periods:
            period = [name for first_hour, name in self.periods if t.hour >= first_hour][-1]
            if self.noon and (t.hour, t.minute) == (12, 0):
                period = self.noon
            hour = t.hour % 12 or 12
        template = self.clock_with_minutes if t.minute else self.clock
        return {"clock": template.format(hour=hour, minute=t.minute), "period": period}

    def format_time(self, t):
        """A clock time: "11 a.m.", "10.30 a.m.", "上午 11 时", "10 h 30", "11.00 horas"."""
        return self.time.format(**self._time_fields(t))

    def format_time_range(self, start, end):
        """A meeting's hours: "11 a.m.–1 p.m.", "3–5 p.m." (one half-day named once)."""
        if end <= start:
            raise ValueError(f"The end time {end} is not after the start time {start}.")
        start_fields, end_fields = self._time_fields(start), self._time_fields(end)
        fields = {
            "start": self.format_time(start),
            "end": self.format_time(end),
            "start_clock": start_fields["clock"],
            "end_clock": end_fields["clock"],
            "period": end_fields["period"],
        }
        within_one_period = self.periods and start_fields["period"] == end_fields["period"]
        template = self.time_range_within_period if within_one_period else self.time_range
        return template.format(**fields)

    # Numbering -----------------------------------------------------------------------

    def item_label(self, depth, n):
        """The bare label of the n-th numbered entry at a depth: "2", "a", "iv"."""
        if depth == 0:
            return str(n)
        if depth == 1:
            return self.sub_item_letters(n)
        return self.third_level_numerals(n)

    def item_number(self, path):
        """As printed before a title: "2." for an item, "(a)" for a sub-item.

        ``path`` holds the entry's place at each level from the top: (2, 1) is 2(a).
        """
        if not path:
            return ""
        if len(path) == 1:
            return f"{path[0]}."
        return self.sub_item_number.format(label=self.item_label(len(path) - 1, path[-1]))

    def item_reference(self, path):
        """As cited in tables and cross-references: "2", "2(a)", "2(a)(i)"."""
        if not path:
            return ""
        head, *rest = path
        return str(head) + "".join(
            self.reference_part.format(label=self.item_label(depth, n))
            for depth, n in enumerate(rest, start=1)
        )

    # Words ---------------------------------------------------------------------------

    def session_ordinal(self, number, term, *, special=False, capitalize_first=False):
        """ "eleventh meeting", "第十一届会议", "undécimo período de sesiones".

        Words up to MAX_ORDINAL, figures beyond: "137th session", "第一百三十七届会议".
        """
        if isinstance(number, bool) or not isinstance(number, int):
            raise ValueError(f"A session number must be a whole number, not {number!r}.")
        if not 1 <= number <= MAX_SESSION_NUMBER:
            raise ValueError(f"Session number {number} must be from 1 to {MAX_SESSION_NUMBER}.")
        try:
            template, gender = self.gatherings[(term, bool(special))]
        except KeyError:
            raise ValueError(
                f"Unknown gathering term {term!r}; expected 'meeting' or 'session'."
            ) from None
        write = self.ordinal if number <= MAX_ORDINAL else self.ordinal_in_figures
        text = template.format(ordinal=write(number, gender))
        return capitalize(text) if capitalize_first else text

    def resolution_reference(self, kind, label, *, capitalize_first=False):
        """ "resolution 8/7", "第 8/7 号决议", "المقرر 7/1"."""
        try:
            template = self.references[kind]
        except KeyError:
            raise ValueError(
                f"Unknown kind {kind!r}; expected 'resolution' or 'decision'."
            ) from None
        text = template.format(label=label)
        return capitalize(text) if capitalize_first else text

    def citation_footnote(self, entries):
        """The footnote sentence giving the titles of the resolutions and decisions cited.

        ``entries`` is a list of (kind, label, title): the seed's footnote 1 in Chinese,
        'Resolution 8/3, entitled “…”; … and resolution 8/13, entitled “…”.' in English.
        """
        if not entries:
            raise ValueError("A citation footnote needs at least one resolution or decision.")
        parts = [
            self.citations[kind].format(
                reference=self.resolution_reference(kind, label), title=title
            )
            for kind, label, title in entries
        ]
        sentence = join(parts, self.citation_separator, self.citation_last_separator)
        return capitalize(sentence) + self.citation_end

    def join_list(self, values):
        """ "4 and 5", "4, 5 and 6", "4 和 5", "4 و 5"."""
        values = [str(value) for value in values]
        if not values:
            raise ValueError("Cannot join an empty list.")
        return join(values, self.list_separator, self.list_last_separator)

    def joint_meeting_footnote(
        self, items, partner_items, body_name, partner_body_name, partner_session
    ):
        """The note that items are taken up jointly with another body's items.

        ``items`` and ``partner_items`` are item references (["2"], ["4", "5"]);
        ``partner_session`` is already rendered ("eleventh session", "第十一届会议").
        """
        if not items or not partner_items:
            raise ValueError("A joint meeting needs items of both bodies.")
        counts = {"items": len(items), "verb": len(items), "partner_items": len(partner_items)}
        lists = {"items": self.join_list(items), "partner_items": self.join_list(partner_items)}
        fields = {**lists, "verb": ""}
        for name, forms in (self.joint_meeting_words or {}).items():
            fields[name] = _count_form(forms, counts[name]).format(lists.get(name, ""))
        fields.update(
            body=body_name,
            partner_body=partner_body_name,
            body_of=self.of_name(body_name),
            partner_body_of=self.of_name(partner_body_name),
            partner_session=partner_session,
            partner_session_of=self.of_session(partner_session),
        )
        return self.joint_meeting.format(**fields)

    def reissue_note(self, d):
        """The starred footnote of a reissue ("Reissued for technical reasons on ...")."""
        return self.reissue.format(date=self.format_date(d))

    # Masthead ------------------------------------------------------------------------

    @property
    def masthead_code(self):
        """The language the masthead lines are written in: English in the Arabic, Chinese
        and Russian versions, the version's own in the others."""
        return self.masthead_language or self.code

    def masthead_lines(self, distribution, issued_on, original_language):
        """The masthead block: ["Distr.: General", "24 July 2020", "Chinese", "Original: English"].

        Translations name their own language above the "Original" line; the
        original-language version does not. A draft without a date of issue shows no
        date line rather than an invented one.
        """
        get(original_language)
        writer = self._writer()
        try:
            lines = [writer.distributions[distribution]]
        except KeyError:
            raise ValueError(
                f"Unknown distribution {distribution!r}; "
                "expected 'general', 'limited' or 'restricted'."
            ) from None
        if issued_on is not None:
            lines.append(writer.format_date(issued_on))
        if self.code != original_language and self.names_its_version:
            lines.append(capitalize(writer.language_name(self.code)))
        lines.append(writer.original_line.format(language=writer.language_name(original_language)))
        return lines

    def __str__(self):
        return self.code


# The registry ---------------------------------------------------------------------------
# Language modules import this one; it finds them by name (importlib), as Django finds
# apps, so that no module lists the languages and no import runs in a circle.


def codes():
    """The codes of the product's languages, in the order of ``settings.LANGUAGES``."""
    return [code for code, _name in settings.LANGUAGES]


def _module_path(code):
    custom = getattr(settings, "LANGUAGE_MODULES", {}) or {}
    return custom.get(code) or f"languages.{code.replace('-', '_')}"


@functools.cache
def _load(module_path):
    return importlib.import_module(module_path).LANGUAGE


def get(code):
    """The ``Language`` of ``code``; ValueError for a language the product does not have."""
    if not isinstance(code, str) or code not in codes():
        raise ValueError(f"Unknown language {code!r}; expected one of {', '.join(codes())}.")
    return _load(_module_path(code))


def all_languages():
    return [get(code) for code in codes()]


def _name_in_interface_language(code):
    interface = get_language()
    writer = get(interface) if interface in codes() else get(settings.LANGUAGE_CODE)
    return capitalize(writer.language_name(code))


def choices():
    """``(code, name)`` pairs for model and form fields, each name in the interface
    language at the time it is shown ("Chinese", "chinois", "中文")."""
    name = lazy(_name_in_interface_language, str)
    return [(code, name(code)) for code in codes()]
