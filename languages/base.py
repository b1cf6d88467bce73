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

import dataclasses
import functools
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale
from babel.dates import get_day_names, get_month_names, get_timezone_location
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


def letters_of(alphabet):
    """The lettering of sub-items in ``alphabet``: 1 -> its first letter, and past its
    last letter two letters, as ``latin_letters`` goes from z to aa."""

    def letters(n):
        if n < 1:
            raise ValueError(f"Letters count from 1, not {n}.")
        out = []
        while n > 0:
            n, rest = divmod(n - 1, len(alphabet))
            out.insert(0, alphabet[rest])
        return "".join(out)

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


# Punctuation that closes a sentence or clause, in every script of the product, and the
# spaces French sets before some of it; a footnote marker goes before or after it.
SENTENCE_PUNCTUATION = ".,:;!?…。，、；：！？،؛؟"
SPACES_BEFORE_PUNCTUATION = "\u00a0\u202f"


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

    # Numbering of the agenda list: sub-items and their references. English and Chinese
    # print "(a)" and cite "2(a)"; French, Spanish and Russian print "a)" and cite
    # "2 a)"; Arabic letters its sub-items in abjad order, "(أ)", "2(أ)".
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
    # Where a footnote marker stands against the punctuation that ends the words it
    # belongs to: after it in English ("agenda:1"), before it in French, Spanish,
    # Russian, Arabic and Chinese ("ordre du jour1 :", "决议1：").
    footnote_mark_after_punctuation: bool = True
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
    # Joining words rather than numbers, where the language sets them differently.
    word_separator: str | None = None
    word_last_separator: str | None = None
    joint_meeting: str = ""
    # placeholder -> {"one": ..., "two": ..., "other": ...}, chosen by the count of items
    joint_meeting_words: dict | None = None
    of_name: Callable[[str], str] = _same  # a body's name after "of"
    of_session: Callable[[str], str] = _same  # a rendered session after "of"
    reissue: str = ""
    # Shown after text that is not yet translated into this language, in this language.
    not_yet_translated: str = ""

    # Sessions of other kinds. ``resumed`` and ``part`` wrap a rendered session; their
    # values are templates keyed by the grammatical gender of the session's noun (with
    # "other" for the rest), given {session}, {session_of} and {part} (an ordinal).
    resumed: dict | None = None
    part: dict | None = None
    part_gender: str = "f"  # of the word for "part", which agrees with its ordinal
    # Of the noun ``resumed`` puts at the head of the name ("continuación del ..."), which
    # a sentence about the session then agrees with; None where the session's noun stays.
    resumed_gender: str | None = None

    # The title block.
    item_of_agenda: str = "Item {number} of the provisional agenda"
    # The gatherings ("meeting", "session") whose ordinal the title block prints on a line
    # under the body's name: "Eleventh meeting". The Chinese seed prints the working
    # group's name and then the dates, with no "第十一次会议" line.
    session_line_terms: tuple = ("meeting", "session")
    # The sentence that announces where and when the session opens; {starting} and
    # {room} are empty or the fragments below.
    venue_sentence: str = ""
    # Where the sentence's words agree with the noun heading the session's name
    # (``session_gender``): its forms keyed by that gender, "other" for the rest, used
    # instead of ``venue_sentence``. Arabic سيعقد الجزء الأول ... but ستعقد الدورة ...
    venue_sentence_forms: dict | None = None
    venue_starting_time: str = ""  # {time}, {date}
    venue_starting_date: str = ""  # {date}
    venue_room: str = ""  # {room}
    interpretation: str = ""  # {languages}
    # Where a word of it takes the number of the languages named: its forms keyed "one",
    # "two", "other", used instead of ``interpretation``. Arabic باللغة، باللغتين، باللغات.
    interpretation_forms: dict | None = None
    # Names of languages in the interpretation sentence, where they decline.
    interpretation_names: dict | None = None

    # Sections: "I." and annexes "Annex", "Annex I".
    section_numerals: Callable[[int], str] = lambda n: roman_numeral(n).upper() + "."
    annex: str = "Annex"
    annex_numbered: str = "Annex {number}"
    annex_numerals: Callable[[int], str] = lambda n: roman_numeral(n).upper()
    # Sub-headings inside an annotation: "A.", "B."
    part_letters: Callable[[int], str] = lambda n: latin_letters(n).upper() + "."

    # The 24-hour notation some offices use in this language ("14.30–15.00"), as field
    # overrides of the times above; None when the language writes times one way only.
    twenty_four_hour: dict | None = None

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

    def _notation(self, notation):
        """This language, or its 24-hour variant where it has one and it is asked for."""
        if notation == "24h" and self.twenty_four_hour:
            return dataclasses.replace(self, twenty_four_hour=None, **self.twenty_four_hour)
        return self

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

    def format_time(self, t, notation="12h"):
        """A clock time: "11 a.m.", "10.30 a.m.", "上午 11 时", "10 h 30", "11.00 horas".

        ``notation`` "24h" asks for the 24-hour clock where the language has both.
        """
        if notation != "12h":
            return self._notation(notation).format_time(t)
        return self.time.format(**self._time_fields(t))

    def _time_range_template(self, start, end):
        """The template of a range and its fields: the half-day named once when shared."""
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
        return template, fields

    def format_time_range(self, start, end, notation="12h"):
        """A meeting's hours: "11 a.m.–1 p.m.", "3–5 p.m." (one half-day named once)."""
        if notation != "12h":
            return self._notation(notation).format_time_range(start, end)
        template, fields = self._time_range_template(start, end)
        return template.format(**fields)

    def format_time_range_parts(self, start, end, notation="12h"):
        """``format_time_range`` cut where a line may break: ``(head, separator, tail)``,
        the separator the space at the cut, or "" where the two parts touch.

        The cut follows the start time: after a dash that joins the two ("11 a.m.–" /
        "1 p.m.", "11 ч. 00 м. –" / "13 ч. 00 м."), before a word that does ("11.00" /
        "a 13.00 horas", "من الساعة 00/11" / "إلى الساعة 00/13", "上午 11 时" / "至下午 1 时").
        """
        if notation != "12h":
            return self._notation(notation).format_time_range_parts(start, end)
        template, fields = self._time_range_template(start, end)
        text = template.format(**fields)
        marker = "\x00"
        marked = template.format(
            **{
                **fields,
                "start": fields["start"] + marker,
                "start_clock": fields["start_clock"] + marker,
            }
        )
        cut = marked.find(marker)
        if cut < 0:  # a template without the start: nowhere to cut
            return text, "", ""
        head, rest = text[:cut], text[cut:]
        dash = re.match(r"\s*[^\w\s]+", rest)
        if dash:  # a dash (or the like) joining the two ends the first part
            head, rest = head + dash.group(0), rest[dash.end() :]
        separator = " " if head[-1:].isspace() or rest[:1].isspace() else ""
        return head.rstrip(), separator, rest.strip()

    def time_zone_place(self, time_zone, city=""):
        """The place whose clock a time zone keeps, in this language, for "(local time,
        Vienna)": the venue's ``city`` as this language writes it when it is given (a
        meeting in Geneva keeps Europe/Zurich time: "Geneva", not "Zurich"), else
        CLDR's exemplar city of the zone ("Vienne", "维也纳"), else the zone's own last
        part ("Etc/GMT-3" -> "GMT-3")."""
        if city:
            return city
        if not time_zone:
            return ""
        try:
            return get_timezone_location(time_zone, locale=self.babel_locale, return_city=True)
        except (LookupError, ValueError):
            return time_zone.rsplit("/", 1)[-1].replace("_", " ")

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
        """As cited in tables and cross-references: "2", "2(a)", "2(a)(i)"; "2 a)" in
        French, Spanish and Russian; "2(أ)" in Arabic."""
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

    def session_name(
        self,
        number,
        term,
        *,
        special=False,
        resumed=False,
        part=None,
        capitalize_first=False,
    ):
        """A session of any kind: "resumed eleventh session", "first part of the
        eleventh session", "第十一届会议续会"."""
        text = self.session_ordinal(number, term, special=special)
        gender = self.gatherings[(term, bool(special))][1]
        if resumed:
            text = self._agreeing(self.resumed, gender).format(
                session=text, session_of=self.of_session(text)
            )
        if part:
            text = self._agreeing(self.part, gender).format(
                session=text,
                session_of=self.of_session(text),
                part=self.ordinal(part, self.part_gender),
            )
        return capitalize(text) if capitalize_first else text

    @staticmethod
    def _agreeing(templates, gender):
        return templates.get(gender, templates["other"])

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
        An entry without a title is cited by its reference alone.
        """
        if not entries:
            raise ValueError("A citation footnote needs at least one resolution or decision.")
        # "entitled" only where there is a title.
        parts = [
            self.citations[kind].format(
                reference=self.resolution_reference(kind, label), title=title
            )
            if title
            else self.resolution_reference(kind, label)
            for kind, label, title in entries
        ]
        if any(title for _kind, _label, title in entries):
            sentence = join(parts, self.citation_separator, self.citation_last_separator)
        else:
            # References alone read as a list: "Resolution 1472 (XIV) and resolution 81/104."
            sentence = join(
                parts, self.list_separator, self.word_last_separator or self.list_last_separator
            )
        return capitalize(sentence) + self.citation_end

    def join_list(self, values):
        """ "4 and 5", "4, 5 and 6", "4 和 5", "4 و 5"."""
        values = [str(value) for value in values]
        if not values:
            raise ValueError("Cannot join an empty list.")
        return join(values, self.list_separator, self.list_last_separator)

    def join_words(self, values):
        """Like ``join_list`` for values that begin with a word: Arabic joins "و" to the
        word after it ("الإنكليزية والفرنسية", "المقرر XXXI/7 والمقرر SC-9/4"), where
        numbers stand apart ("4 و 5")."""
        values = [str(value) for value in values]
        if not values:
            raise ValueError("Cannot join an empty list.")
        return join(
            values,
            self.word_separator or self.list_separator,
            self.word_last_separator or self.list_last_separator,
        )

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

    # The title block and sections --------------------------------------------------

    def prints_session_line(self, term):
        """Whether the title block prints the session's ordinal line for ``term``."""
        return term in self.session_line_terms

    def issued_under(self, number):
        """ "Item 2 of the provisional agenda"."""
        return self.item_of_agenda.format(number=number)

    def session_gender(self, term, *, special=False, resumed=False, part=None):
        """The grammatical gender of the noun that heads a session's name, which the words
        of a sentence about it agree with: the word for "part" in a part of a session."""
        if part:
            return self.part_gender
        if resumed and self.resumed_gender:
            return self.resumed_gender
        return self.gatherings[(term, bool(special))][1]

    def announce_venue(self, session, body, venue, city, date, *, time=None, room="", gender=None):
        """The sentence saying where and when a session opens; ``session`` is rendered,
        ``gender`` is that of the noun heading it (``session_gender``)."""
        template = self.venue_sentence
        if self.venue_sentence_forms:
            template = self._agreeing(self.venue_sentence_forms, gender)
        if time is not None:
            starting = self.venue_starting_time.format(time=time, date=date)
        else:
            starting = self.venue_starting_date.format(date=date)
        return template.format(
            session=session,
            Session=capitalize(session),
            session_of=self.of_session(session),
            body=body,
            body_of=self.of_name(body),
            venue=venue,
            city=city,
            starting=starting,
            room=self.venue_room.format(room=room) if room else "",
        )

    def announce_interpretation(self, codes):
        """ "Interpretation will be provided in English, French and Spanish."."""
        names = [
            (self.interpretation_names or {}).get(code) or self.language_name(code)
            for code in codes
        ]
        template = self.interpretation
        if self.interpretation_forms:
            template = _count_form(self.interpretation_forms, len(names))
        return template.format(languages=self.join_words(names))

    def section_number(self, n):
        """The number of the n-th section when sections are numbered: "I.", "II."."""
        return self.section_numerals(n)

    def annex_label(self, n=None):
        """ "Annex" for the only annex, "Annex I", "Annex II" when there are several."""
        if n is None:
            return self.annex
        return self.annex_numbered.format(number=self.annex_numerals(n))

    def part_label(self, n):
        """The letter of the n-th lettered sub-heading inside an annotation: "A."."""
        return self.part_letters(n)

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
