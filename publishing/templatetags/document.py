"""Template helpers that render a snapshot into the document, in the active language.

Used when a version is published (``publishing.rendering`` renders every language in
turn) and for the staff preview; never when a page is served, which shows the frozen
result. Human text in a snapshot is a ``{language: text}`` dict with missing
translations left out. ``tr`` picks the active language and, when that translation is
missing, shows the original-language text marked as such, so the page is never blank.
"""

import datetime

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext

import languages
from publishing.snapshot import link_anchor

register = template.Library()


def page_language():
    """The language being rendered (the active one)."""
    language = get_language()
    return language if language in languages.codes() else languages.codes()[0]


def page():
    return languages.get(page_language())


def pick(value, language, fallback=None):
    """``(text, language of the text)`` from a ``{language: text}`` dict.

    Falls back to ``fallback`` (the original language), then English, then any language,
    in the order of the product's languages, so that something is always shown when
    anything exists.
    """
    if not value:
        return "", None
    if isinstance(value, str):
        return value, None
    if value.get(language):
        return value[language], language
    for code in (fallback, "en", *languages.codes()):
        if code and value.get(code):
            return value[code], code
    return "", None


def marked(text, code, language, *, block=False):
    """Wrap text shown in another language than the page's with its lang and a marker."""
    marker = languages.get(language).not_yet_translated
    direction = languages.get(code).direction
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
    return marked(text, code, language)


@register.filter
def tr_html(value, fallback=None):
    """Like ``tr`` for sanitised HTML (annotations), which is trusted as published."""
    language = page_language()
    text, code = pick(value, language, fallback)
    if code is None or code == language:
        return mark_safe(text)  # noqa: S308 - sanitised with nh3 when the snapshot was built
    return marked(mark_safe(text), code, language, block=True)  # noqa: S308


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
def table_date(value):
    date = _date(value)
    return page().format_table_date(date) if date else ""


@register.simple_tag
def time_range(start, end):
    return page().format_time_range(_time(start), _time(end))


@register.simple_tag
def place_and_dates(session, fallback=None):
    city = pick(session.get("city"), page_language(), fallback)[0]
    return page().format_place_and_dates(
        city, _date(session["start_date"]), _date(session["end_date"])
    )


@register.simple_tag
def session_ordinal(session, term, capitalize=False):
    return page().session_ordinal(
        session["number"],
        term,
        special=session.get("is_special", False),
        capitalize_first=capitalize,
    )


@register.simple_tag
def masthead_lines(agenda):
    return page().masthead_lines(
        agenda["distribution"], _date(agenda["issued_on"]), agenda["original_language"]
    )


@register.simple_tag
def masthead_language():
    """The language of the masthead lines: English in the Arabic, Chinese and Russian
    versions, which keep "Distr.: General" and the date in English."""
    return page().masthead_code


def reissued_on(snapshot):
    """The reissue date of the page language's edition, or None."""
    return _date(snapshot.get("reissue", {}).get(page_language()))


@register.simple_tag
def reissue_note(snapshot):
    date = reissued_on(snapshot)
    return page().reissue_note(date) if date else ""


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
    return f"https://undocs.org/{page().undocs_code or 'en'}/{symbol}"


@register.filter
def direction(language):
    return languages.get(language).direction


@register.simple_tag
def agenda_entries(snapshot):
    """Items of the snapshot with what the list and annotations need to lay them out."""
    items = snapshot["items"]
    language = page()
    has_children = {item["parent"] for item in items if item["parent"]}
    last_sibling = {}
    for item in items:
        last_sibling[item["parent"]] = item["uid"]
    entries = []
    for item in items:
        title = pick(item["title"], language.code, snapshot["agenda"]["original_language"])[0]
        if title.rstrip()[-1:] in language.closing_marks:
            punctuation = ""
        elif item["uid"] in has_children:
            punctuation = language.list_colon
        elif item["parent"] and last_sibling[item["parent"]] != item["uid"]:
            punctuation = language.list_semicolon
        else:
            punctuation = language.list_stop
        entries.append(
            {
                **item,
                "number": language.item_number(item["path"]),
                "link": link_anchor(item),
                "punctuation": punctuation,
                # h3 for items, h4 for sub-items, h5 below: under the h2 "Annotations".
                "heading_level": min(3 + item["depth"], 6),
                "documentation_level": min(4 + item["depth"], 6),
            }
        )
    return entries


@register.simple_tag
def documentation_brackets():
    """The brackets around a symbol after a document title: full-width in Chinese."""
    return page().brackets


@register.simple_tag
def organization_rows(snapshot):
    """Table rows of the organization of work: one per item taken up, or per slot.

    Date and time are printed only where they change, as in the document.
    """
    language = page()
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
                    "reference": language.item_reference(entry["path"]) if entry else "",
                    "anchor": anchors.get(entry["item"], "") if entry else "",
                    "joint": slot["joint"] if entry is None else entry.get("footnote"),
                }
            )
        previous_date = slot["date"]
    return rows


def continued_text():
    """ "(continued)" after a title, with the space the language puts before it."""
    return page().continued_separator + pgettext(
        "organization of work: an agenda item taken up again in a later meeting", "(continued)"
    )


@register.simple_tag
def continued():
    return continued_text()
