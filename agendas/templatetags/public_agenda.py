"""Template helpers for the public pages, which render from published snapshots.

Human text in a snapshot is a ``{language: text}`` dict with missing translations left
out. ``tr`` picks the page language and, when that translation is missing, shows the
original-language text marked as such, so the page is never blank.
"""

import datetime

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from agendas import formatting
from agendas.languages import UNDOCS_LANGUAGE, language_codes
from agendas.publishing import link_anchor

register = template.Library()

# Whole sentences per language rather than "in %(language)s": the name of a language
# declines differently after "in" (Russian "на арабском языке", French "en arabe").
NOT_YET_AVAILABLE = {
    "ar": _("(not yet available in Arabic)"),
    "zh-hans": _("(not yet available in Chinese)"),
    "en": _("(not yet available in English)"),
    "fr": _("(not yet available in French)"),
    "ru": _("(not yet available in Russian)"),
    "es": _("(not yet available in Spanish)"),
}

CONTINUED = pgettext_lazy(
    "organization of work: an agenda item taken up again in a later meeting", "(continued)"
)


def page_language():
    language = get_language() or "en"
    return language if language in language_codes() else "en"


def pick(value, language, fallback=None):
    """``(text, language of the text)`` from a ``{language: text}`` dict.

    Falls back to ``fallback`` (the original language), then English, then any language,
    in the UN order, so that something is always shown when anything exists.
    """
    if not value:
        return "", None
    if isinstance(value, str):
        return value, None
    if value.get(language):
        return value[language], language
    for code in (fallback, "en", *language_codes()):
        if code and value.get(code):
            return value[code], code
    return "", None


def _marked(text, code, language, *, block=False):
    """Wrap text shown in another language than the page's with its lang and a marker."""
    marker = NOT_YET_AVAILABLE.get(language, NOT_YET_AVAILABLE["en"])
    direction = formatting.text_direction(code)
    if block:
        return format_html(
            '<div class="untranslated-text" lang="{}" dir="{}">{}</div>'
            '<p class="untranslated">{}</p>',
            code,
            direction,
            text,
            marker,
        )
    return format_html(
        '<span lang="{}" dir="{}">{}</span> <span class="untranslated">{}</span>',
        code,
        direction,
        text,
        marker,
    )


@register.filter
def tr(value, fallback=None):
    """Text in the page language, or the original marked as not yet translated."""
    language = page_language()
    text, code = pick(value, language, fallback)
    if code is None or code == language:
        return text
    return _marked(text, code, language)


@register.filter
def tr_html(value, fallback=None):
    """Like ``tr`` for sanitised HTML (annotations), which is trusted as published."""
    language = page_language()
    text, code = pick(value, language, fallback)
    if code is None or code == language:
        return mark_safe(text)  # noqa: S308 - sanitised with nh3 when the snapshot was built
    return _marked(mark_safe(text), code, language, block=True)  # noqa: S308


@register.filter
def tr_plain(value, fallback=None):
    """Plain text for titles and attributes: the fallback unmarked."""
    return pick(value, page_language(), fallback)[0]


def _date(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value) if value else None


def _time(value):
    if isinstance(value, datetime.time):
        return value
    return datetime.time.fromisoformat(value) if value else None


@register.filter
def long_date(value):
    date = _date(value)
    return formatting.format_date(date, page_language()) if date else ""


@register.filter
def day_heading(value):
    date = _date(value)
    return formatting.format_day_heading(date, page_language()) if date else ""


@register.filter
def table_date(value):
    date = _date(value)
    return formatting.format_table_date(date, page_language()) if date else ""


@register.simple_tag
def time_range(start, end):
    return formatting.format_time_range(_time(start), _time(end), page_language())


@register.filter
def date_range(session):
    return formatting.format_date_range(
        _date(session["start_date"]), _date(session["end_date"]), page_language()
    )


@register.simple_tag
def place_and_dates(session, fallback=None):
    city = pick(session.get("city"), page_language(), fallback)[0]
    return formatting.format_place_and_dates(
        city, _date(session["start_date"]), _date(session["end_date"]), page_language()
    )


@register.simple_tag
def session_ordinal(session, term, capitalize=False):
    return formatting.session_ordinal(
        session["number"],
        term,
        page_language(),
        special=session.get("is_special", False),
        capitalize=capitalize,
    )


@register.simple_tag
def masthead_lines(agenda):
    return formatting.masthead_lines(
        agenda["distribution"],
        _date(agenda["issued_on"]),
        page_language(),
        agenda["original_language"],
    )


@register.simple_tag
def reissued_on(snapshot):
    """The reissue date of the page language's edition, or None."""
    return _date(snapshot.get("reissue", {}).get(page_language()))


@register.simple_tag
def reissue_note(snapshot):
    date = reissued_on(snapshot)
    return formatting.reissue_note(date, page_language()) if date else ""


@register.simple_tag
def agenda_symbol(snapshot):
    """The symbol, starred when this language edition was reissued for technical reasons."""
    symbol = snapshot["agenda"]["symbol"]
    return f"{symbol}*" if symbol and reissued_on(snapshot) else symbol


@register.simple_tag
def edition(snapshot):
    """Job number and barcode of the page language's edition ({} when none recorded)."""
    return snapshot.get("editions", {}).get(page_language(), {})


@register.filter
def undocs_url(symbol):
    language = UNDOCS_LANGUAGE.get(page_language(), "en")
    return f"https://undocs.org/{language}/{symbol}"


@register.filter
def direction(language):
    return formatting.text_direction(language)


# Punctuation that closes an entry of the provisional agenda list, as printed: an item
# with sub-items ends with a colon, sub-items but the last with a semicolon, the rest
# with a full stop ("1. Organizational matters:", "(a) Opening of the meeting;").
LIST_PUNCTUATION = {
    "zh-hans": ("：", "；", "。"),
    "fr": ("\u00a0:", "\u00a0;", "."),
    "ar": (":", "؛", "."),
}
DEFAULT_PUNCTUATION = (":", ";", ".")
ENDINGS = tuple(".:;。：；؛!?")


@register.simple_tag
def agenda_entries(snapshot):
    """Items of the snapshot with what the list and annotations need to lay them out."""
    items = snapshot["items"]
    language = page_language()
    colon, semicolon, stop = LIST_PUNCTUATION.get(language, DEFAULT_PUNCTUATION)
    has_children = {item["parent"] for item in items if item["parent"]}
    last_sibling = {}
    for item in items:
        last_sibling[item["parent"]] = item["uid"]
    entries = []
    for item in items:
        title = pick(item["title"], language, snapshot["agenda"]["original_language"])[0]
        if title.rstrip().endswith(ENDINGS):
            punctuation = ""
        elif item["uid"] in has_children:
            punctuation = colon
        elif item["parent"] and last_sibling[item["parent"]] != item["uid"]:
            punctuation = semicolon
        else:
            punctuation = stop
        entries.append(
            {
                **item,
                "link": link_anchor(item),
                "punctuation": punctuation,
                # h3 for items, h4 for sub-items, h5 below: under the h2 "Annotations".
                "heading_level": min(3 + item["depth"], 6),
                "documentation_level": min(4 + item["depth"], 6),
            }
        )
    return entries


@register.simple_tag
def documentation_parentheses():
    """The brackets around a symbol after a document title: full-width in Chinese."""
    if page_language() == "zh-hans":
        return ("（", "）")
    return (" (", ")")


@register.simple_tag
def organization_rows(snapshot):
    """Table rows of the organization of work: one per item taken up, or per slot.

    Date and time are printed only where they change, as in the document.
    """
    anchors = {item["uid"]: link_anchor(item) for item in snapshot["items"]}
    rows = []
    previous_date = None
    for slot in snapshot["organization_of_work"]["rows"]:
        entries = slot["entries"] or [None]
        for index, entry in enumerate(entries):
            first = index == 0
            rows.append(
                {
                    "slot": slot,
                    "date": slot["date"] if first and slot["date"] != previous_date else "",
                    "time": first,
                    "entry": entry,
                    "anchor": anchors.get(entry["item"], "") if entry else "",
                    "joint": slot["joint"] if entry is None else entry.get("footnote"),
                }
            )
        previous_date = slot["date"]
    return rows


@register.simple_tag
def continued():
    """ "(continued)" after a title; Chinese sets its full-width brackets without a space."""
    if page_language() == "zh-hans":
        return str(CONTINUED)
    return " " + str(CONTINUED)


@register.simple_tag
def masthead_language():
    """The language of the masthead lines: English in the Arabic, Chinese and Russian
    versions, which keep "Distr.: General" and the date in English."""
    return formatting.masthead_language(page_language())


@register.filter
def language_name(code):
    """A language's name in that language itself, as the switcher shows it."""
    return dict(settings.LANGUAGES).get(code, code)
