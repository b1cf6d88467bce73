"""Template helpers that render a snapshot into the document, in the active language.

Used when a version is published (``publishing.rendering`` renders every language in
turn) and for the staff preview; never when a page is served, which shows the frozen
result. Human text in a snapshot is a ``{language: text}`` dict with missing
translations left out. ``tr`` picks the active language and, when that translation is
missing, shows the original-language text marked as such, so the page is never blank.
"""

import datetime
import re
from contextlib import contextmanager
from contextvars import ContextVar
from html import escape as escape_text

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, pgettext

import languages
from publishing.snapshot import link_anchor

register = template.Library()


def _escaped(value):
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape_text(str(value))


def markup(template_string, *args):
    """``format_html`` for the markup made for every entry of a document, with the same
    escaping: markup (``__html__``) as it is, anything else as escaped text. Without
    Django's check of every argument of every escape for a lazy translation, which was
    a quarter of a publish's rendering (a lazy argument is simply made text here)."""
    return mark_safe(template_string.format(*map(_escaped, args)))  # noqa: S308 - escaped


# The language ``rendering`` renders in: read by every filter below, thousands of times
# a publish, where asking Django for the active language each time cost a tenth of it.
_rendering = ContextVar("rendering", default=None)


@contextmanager
def rendering(code):
    """Render in ``code`` (which the caller has activated) without asking Django again."""
    token = _rendering.set(code)
    try:
        yield
    finally:
        _rendering.reset(token)


def page_language():
    """The language being rendered (the active one)."""
    rendered = _rendering.get()
    if rendered is not None:
        return rendered  # one of languages.codes(): render_edition is given no other
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
        return markup(
            '<div class="untranslated-text" lang="{}" dir="{}">{}</div>'
            '<p class="untranslated">{}</p>',
            code,
            direction,
            text,
            marker,
        )
    return markup(
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
def tr_inline_html(value, fallback=None):
    """Like ``tr_html`` for sanitised HTML that runs on in a line (footnotes)."""
    language = page_language()
    text, code = pick(value, language, fallback)
    if code is None or code == language:
        return mark_safe(text)  # noqa: S308 - sanitised or escaped when the snapshot was built
    return marked(mark_safe(text), code, language)  # noqa: S308


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
def time_range(start, end, notation="12h"):
    return page().format_time_range(_time(start), _time(end), notation)


@register.simple_tag
def time_range_cell(start, end, notation="12h"):
    """A meeting's hours in the organization of work, breaking between its start and its
    end and nowhere else: "من الساعة 00/11 | إلى الساعة 00/13", "11 ч. 00 м. – | 13 ч.
    00 м.", two lines at most in a narrow column instead of three or four."""
    head, separator, tail = page().format_time_range_parts(_time(start), _time(end), notation)
    return format_html(
        '<span class="time-range__part">{}</span>{}<span class="time-range__part">{}</span>',
        head,
        separator or mark_safe("<wbr>"),  # noqa: S308 - a constant
        tail,
    )


@register.filter
def isolated(text):
    """A number or reference set apart from the text around it (``<bdi>``), so that a
    right-to-left page neither reverses "1(a)" into "(a)1" nor "1." into ".1"."""
    if not text:
        return ""
    return markup("<bdi>{}</bdi>", text)


@register.simple_tag
def time_notation(snapshot):
    """The agenda's notation of times ("12h" or "24h"); 12-hour in records before it."""
    return snapshot["agenda"].get("time_notation", "12h")


@register.simple_tag
def place_and_dates(session, fallback=None):
    city = pick(session.get("city"), page_language(), fallback)[0]
    return page().format_place_and_dates(
        city, _date(session["start_date"]), _date(session["end_date"])
    )


@register.simple_tag
def session_line(session, term):
    """The session's line of the title block ("Eleventh meeting"), or "" in a language
    that does not print it for this kind of gathering (Chinese meetings)."""
    if not page().prints_session_line(term):
        return ""
    return session_name(session, term)


@register.simple_tag
def session_name(session, term, capitalize=True):
    """The session as the title block names it: "Eleventh meeting", "Resumed sixty-third
    session", "First part of the eleventh session"."""
    return page().session_name(
        session["number"],
        term,
        special=session.get("is_special", False),
        resumed=session.get("is_resumed", False),
        part=session.get("part"),
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


def _inline_citations(item):
    """ " (decision 2019/210)": citations written in the text, after the title."""
    cited = item.get("inline_citations") or []
    if not cited:
        return ""
    language = page()
    references = [language.resolution_reference(c["kind"], c["label"]) for c in cited]
    # References begin with a word: joined as words, so that Arabic writes
    # "المقرر XXXI/7 والمقرر SC-9/4", not a "و" standing apart as between numbers.
    return f" ({language.join_words(references)})"


@register.simple_tag
def list_entries(snapshot):
    """The entries of the provisional agenda list as markup (``<li>``), each with its
    closing punctuation and footnote markers.

    Markup made here rather than in the template: a publish renders every entry in six
    languages, and the template language's cost per tag and variable made this list a
    third of a publish's rendering."""
    original = snapshot["agenda"]["original_language"]
    items = [
        item for item in snapshot["items"] if item.get("in_list", True) and item["kind"] != "part"
    ]
    language = page()
    has_children = {item["parent"] for item in items if item["parent"]}
    last_sibling = {}
    for item in items:
        last_sibling[item["parent"]] = item["uid"]
    entries = []
    for item in items:
        title = pick(item["title"], language.code, original)[0]
        inline = _inline_citations(item)
        if not inline and title.rstrip()[-1:] in language.closing_marks:
            punctuation = ""
        elif item["uid"] in has_children:
            punctuation = language.list_colon
        elif item["parent"] and last_sibling[item["parent"]] != item["uid"]:
            punctuation = language.list_semicolon
        else:
            punctuation = language.list_stop
        number = language.item_number(item["path"])
        marks = _marks(item.get("title_footnotes") or [])
        # English sets the footnote marker after the entry's closing punctuation.
        after = bool(punctuation) and language.footnote_mark_after_punctuation
        entries.append(
            markup(
                '<li class="items__entry items__entry--depth-{} items__entry--{}">{}'
                '<span class="items__title"><a href="#{}">{}</a>{}{}{}</span></li>',
                item["depth"],
                item["kind"],
                markup('<span class="items__number">{}</span> ', isolated(number))
                if number
                else "",
                link_anchor(item),
                tr(item["title"], original),
                inline,
                *((punctuation, marks) if after else (marks, punctuation)),
            )
        )
    return entries


@register.simple_tag
def annotation_entries(snapshot):
    """The entries of the annotations: items, headings and the sub-headings inside them,
    each with its opening markup (the section, its heading and text), made here for the
    reason ``list_entries`` gives."""
    language = page()
    original = snapshot["agenda"]["original_language"]
    has_list = any(section["kind"] == "list" for section in snapshot.get("sections") or [])
    entries = []
    for item in snapshot["items"]:
        if not item.get("in_annotations", True):
            continue
        listed = has_list and item.get("in_list", True) and item["kind"] != "part"
        if item["kind"] == "part":
            label = language.part_label(item["letter"]) if item.get("letter") else ""
        else:
            label = language.item_number(item["path"])
        # h3 for items, h4 for sub-items, h5 below: under the h2 "Annotations".
        level = min(3 + item["depth"], 6)
        heading = markup(
            '<h{} class="annotation__title"{}>{}{}{}{}</h{}>',
            level,
            markup(' id="{}"', item["anchor"]) if item.get("anchor") else "",
            markup('<span class="annotation__number">{}</span> ', isolated(label)) if label else "",
            tr(item.get("heading") or item["title"], original),
            _inline_citations(item) if item["kind"] != "part" else "",
            # Footnote markers of the title go here when the list does not show it.
            "" if listed else _marks(item.get("title_footnotes") or []),
            level,
        )
        has_text = item.get("annotation") or item.get("annotation_footnotes")
        text = (
            markup(
                '\n    <div class="annotation__text">{}</div>\n    ',
                annotation_text(item, original),
            )
            if has_text
            else ""
        )
        entries.append(
            {
                **item,
                # Up to the documentation, which the template adds, then </section>.
                "opening": markup(
                    '<section class="annotation annotation--depth-{} annotation--{}" '
                    'id="item-{}">\n    {}\n    {}',
                    item["depth"],
                    item["kind"],
                    item["uid"],
                    heading,
                    text,
                ),
                "documentation_level": min(4 + item["depth"], 6),
            }
        )
    return entries


def _marks(ids):
    # The number isolated: after "القرار 8/7" a bare "1" would join the figures.
    return mark_safe(  # noqa: S308 - each part is made by markup()
        "".join(
            markup(
                '<sup class="fnref"><a href="#fn-{}" aria-label="{}"><bdi>{}</bdi></a></sup>',
                footnote_id,
                gettext("Footnote %(number)s") % {"number": footnote_id},
                footnote_id,
            )
            for footnote_id in ids
        )
    )


@register.simple_tag
def footnote_marks(ids):
    """Superscript links to footnotes, after a title."""
    return _marks(ids or [])


_PARAGRAPH_END = re.compile(r"</p>", re.IGNORECASE)
_PUNCTUATION = re.escape(languages.base.SENTENCE_PUNCTUATION)
_SPACES = re.escape(languages.base.SPACES_BEFORE_PUNCTUATION)
# The punctuation that ends a paragraph's text, with the space French puts before it,
# and the closing tags and spaces after it.
_FINAL_PUNCTUATION = re.compile(
    rf"(?:[{_SPACES}]|&nbsp;|&#160;|&#x0*a0;)?[{_PUNCTUATION}]+(?:\s|</[a-z][a-z0-9]*\s*>)*$",
    re.IGNORECASE,
)


def _before_punctuation(html):
    """Where a marker goes in ``html`` in a language that sets it before the closing
    punctuation ("rapport1."): before that punctuation, or at the end."""
    found = _FINAL_PUNCTUATION.search(html)
    return found.start() if found else len(html)


def _with_marks(html, notes):
    """``html`` with the footnote markers of ``notes`` at the end of their paragraphs
    (the last paragraph when none is named, or beyond the paragraphs there are): after
    the paragraph's closing punctuation in English, before it in the languages that set
    the marker there ("...le rapport1.", "...的报告1。")."""
    if not notes:
        return html
    after = page().footnote_mark_after_punctuation
    ends = [match.start() for match in _PARAGRAPH_END.finditer(html)]
    at = {}
    for note in notes:
        paragraph = note.get("paragraph") if isinstance(note, dict) else None
        note_id = note["id"] if isinstance(note, dict) else note
        index = (min(paragraph, len(ends)) - 1) if paragraph and ends else len(ends) - 1
        at.setdefault(index, []).append(note_id)
    pieces, start = [], 0
    for index, end in enumerate(ends):
        if index in at:
            at_mark = end if after else start + _before_punctuation(html[start:end])
            pieces += [html[start:at_mark], str(_marks(at[index]))]
            start = at_mark
    if -1 in at:  # no paragraph at all: after the text
        rest = html[start:]
        at_mark = len(rest) if after else _before_punctuation(rest)
        pieces += [rest[:at_mark], str(_marks(at[-1])), rest[at_mark:]]
    else:
        pieces.append(html[start:])
    return "".join(pieces)


def annotation_text(entry, fallback=None):
    """The annotation in the page language (or the original, marked), with its footnote
    markers at the end of the paragraphs they are on."""
    language = page_language()
    text, code = pick(entry["annotation"], language, fallback)
    text = mark_safe(_with_marks(text, entry.get("annotation_footnotes") or []))  # noqa: S308
    if code is None or code == language:
        return text
    return marked(text, code, language, block=True)


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


# The title block -------------------------------------------------------------------


def document_title_text(snapshot):
    """The document's title in the active language: its own, or that of its kind."""
    agenda = snapshot["agenda"]
    title, _code = pick(agenda.get("title"), page_language(), agenda["original_language"])
    if title:
        return title
    if agenda["kind"] == "provisional":
        return gettext("Provisional agenda")
    return gettext("Annotated provisional agenda")


@register.simple_tag
def document_title(snapshot):
    agenda = snapshot["agenda"]
    if agenda.get("title"):
        return tr(agenda["title"], agenda["original_language"])
    return document_title_text(snapshot)


@register.simple_tag
def issued_under(under):
    """ "Item 2 of the provisional agenda", the reference isolated."""
    language = page()
    reference = language.item_reference(under["path"])
    # The sentence is the language's; the reference goes in as markup.
    text = conditional_escape(language.issued_under("\x00"))
    return mark_safe(text.replace("\x00", str(isolated(reference))))  # noqa: S308


@register.simple_tag
def special_footnotes(snapshot):
    """Starred footnotes: the reissue (*) and the agenda a document is issued under."""
    notes = {}
    under = snapshot["agenda"].get("issued_under")
    # The footnote names the agenda the item is on: none to name without its symbol.
    if under and under["symbol"]:
        stars = "**" if reissued_on(snapshot) else "*"
        notes["under"] = {"mark": stars, "text": f"{under['symbol']}."}
    return notes


@register.simple_tag
def venue_sentence(snapshot):
    """ "The sixty-third session of the Commission will be held at ..."."""
    session = snapshot["session"]
    original = snapshot["agenda"]["original_language"]
    language = page()
    name = session_name(session, snapshot["body"]["term"], capitalize=False)
    start = _date(session["start_date"])
    opening = _time(session.get("opening_time"))
    return language.announce_venue(
        name,
        tr_plain(snapshot["body"]["name"], original),
        tr_plain(session["venue"], original),
        tr_plain(session["city"], original),
        language.format_date(start, weekday=True),
        time=language.format_time(opening, time_notation(snapshot)) if opening else None,
        room=tr_plain(session["room"], original),
        # The verb agrees with the noun heading the name: Arabic سيعقد الجزء الأول من
        # الدورة ... (a part, masculine), ستعقد الدورة ... (a session, feminine).
        gender=language.session_gender(
            snapshot["body"]["term"],
            special=session.get("is_special", False),
            resumed=session.get("is_resumed", False),
            part=session.get("part"),
        ),
    )


@register.simple_tag
def interpretation_sentence(codes):
    return page().announce_interpretation(codes)


@register.simple_tag
def job_line(edition):
    """The job number with its footer dates, as printed: "V.20-04026 (C)  030820  270820"."""
    dates = [
        _date(edition[key]).strftime("%d%m%y")
        for key in ("processed_on", "printed_on")
        if edition.get(key)
    ]
    return "\u2003".join([edition["job_number"], *dates])


@register.simple_tag
def document_sections(snapshot):
    """The sections in two runs, ``main`` and ``annexes``, each with its heading text,
    number or annex label and the id its heading carries."""
    language = page()
    original = snapshot["agenda"]["original_language"]
    sections = snapshot.get("sections") or []
    numbered = snapshot["agenda"].get("section_numbering") == "roman"
    annexes = [section for section in sections if section["is_annex"]]
    main, appended = [], []
    counts = {}
    number = 0
    for section in sections:
        base = SECTION_IDS[section["kind"]]
        counts[base] = counts.get(base, 0) + 1
        html_id = base if counts[base] == 1 else f"{base}-{counts[base]}"
        heading = section["heading"]
        entry = {
            **section,
            "id": html_id,
            "heading": tr(heading, original) if heading else default_heading(section["kind"]),
            "level": 3 if section["is_annex"] else 2,
            "number": "",
            "label": "",
        }
        if section["is_annex"]:
            index = annexes.index(section)
            entry["label"] = language.annex_label(index + 1 if len(annexes) > 1 else None)
            appended.append(entry)
        else:
            if numbered and section["show_heading"]:
                number += 1
                entry["number"] = language.section_number(number)
            main.append(entry)
    return {"main": main, "annexes": appended}


SECTION_IDS = {
    "list": "agenda-list-heading",
    "annotations": "annotations-heading",
    "timetable": "work-heading",
    "text": "text-heading",
}


def default_heading(kind):
    """The usual heading of a section's contents, in the active language."""
    if kind == "list":
        return gettext("Provisional agenda")
    if kind == "annotations":
        return pgettext("section of the annotated provisional agenda", "Annotations")
    if kind == "timetable":
        return gettext("Proposed organization of work")
    return ""


@register.simple_tag
def slot_entries(slot, snapshot):
    """The items a slot takes up, with their references in the page language."""
    language = page()
    anchors = {item["uid"]: link_anchor(item) for item in snapshot["items"]}
    return [
        {
            "entry": entry,
            "reference": language.item_reference(entry["path"]),
            "anchor": anchors.get(entry["item"], ""),
            "joint": entry.get("footnote"),
        }
        for entry in slot["entries"]
    ]


@register.simple_tag
def slot_day(slot, snapshot):
    """The slot's date when it is the first slot of its day, else ""."""
    rows = snapshot["organization_of_work"]["rows"]
    index = next(i for i, row in enumerate(rows) if row["uid"] == slot["uid"])
    return slot["date"] if index == 0 or rows[index - 1]["date"] != slot["date"] else ""
