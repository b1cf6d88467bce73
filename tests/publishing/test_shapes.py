"""Each shape of the agenda family, entered through the services, published and read
back as a delegate reads it in English, French and Arabic.

Every test builds its agenda the way the secretariat enters it (``agendas.services``,
``resolutions.services``, ``scheduling.services``), publishes it with
``publishing.services.publish_agenda`` and asserts the exact text of the part of the
frozen document the shape is about, in the three languages. ``lines`` reduces the HTML
to text: one line per block, the cells of a table row joined by " | " (blocks inside a
cell by " / "), and a footnote marker (``<sup class="fnref">``) written ``^1``. Where the
place of a marker or a link matters, the exact HTML is asserted as well.

Arabic texts are entered where the test is about Arabic wording; elsewhere the Arabic
version shows the English text followed by the marker "(غير متاح بالعربية بعد)".
"""

import datetime
import html
import re
from html.parser import HTMLParser

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

from agendas import services
from agendas.models import (
    Agenda,
    AgendaEdition,
    Body,
    DocumentPurpose,
    Footnote,
    Room,
    Section,
    Session,
    Venue,
)
from publishing.services import publish_agenda
from resolutions import services as resolution_services
from resolutions.models import Citation, Resolution
from scheduling import services as scheduling_services
from scheduling.models import SlotItem, TimeSlot

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "ar")
NOT_IN_ARABIC = "(غير متاح بالعربية بعد)"


# Reading the published document --------------------------------------------------------


class _Lines(HTMLParser):
    """The text of the first element whose id, or one of whose classes, is ``target``."""

    BLOCKS = {
        "article", "div", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "p",
        "section", "table", "tbody", "thead", "tr", "ul",
    }  # fmt: skip
    VOID = {"br", "hr", "img", "input", "link", "meta", "wbr"}

    def __init__(self, target):
        super().__init__(convert_charrefs=True)
        self.target = target
        self.depth = 0  # open elements inside the target; 0 before and after it
        self.done = False
        self.lines = []
        self.line = ""
        self.cells = None  # the cells of the table row being read
        self.cell = None  # the blocks of the cell being read

    def _flush(self):
        text = re.sub(r"\s+", " ", self.line).strip()
        self.line = ""
        if not text:
            return
        if self.cell is not None:
            self.cell.append(text)
        else:
            self.lines.append(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth == 0:
            classes = (attrs.get("class") or "").split()
            if self.done or (attrs.get("id") != self.target and self.target not in classes):
                return
        if tag not in self.VOID:
            self.depth += 1
        if tag in self.BLOCKS:
            self._flush()
        if tag == "tr":
            self.cells = []
        elif tag in ("td", "th"):
            self._flush()
            self.cell = []
        elif tag == "sup":
            self.line += "^"

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in self.VOID:
            return
        if tag in ("td", "th"):
            self._flush()
            self.cells.append(" / ".join(self.cell))
            self.cell = None
        elif tag == "tr":
            self.lines.append(" | ".join(self.cells))
            self.cells = None
        elif tag in self.BLOCKS:
            self._flush()
        self.depth -= 1
        if self.depth == 0:
            self._flush()
            self.done = True

    def handle_data(self, data):
        if self.depth:
            self.line += data


def lines(document, target="document"):
    """The text of the element ``target`` (an id or a class) of a rendered document."""
    parser = _Lines(target)
    parser.feed(document)
    parser.close()
    assert parser.done, f"No element {target!r} in the document."
    return parser.lines


def document(version, language):
    return version.content["rendered"][language]["document"]


def read(version, target):
    """``{language: lines}`` of the element ``target`` in the three languages."""
    return {language: lines(document(version, language), target) for language in LANGUAGES}


def headings(version, language):
    """The section headings (h2, h3) of the document in reading order, as text."""
    found = re.findall(r"<h([23])\b[^>]*>(.*?)</h\1>", document(version, language), re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", text)).strip() for _level, text in found]


# Entering agendas through the services -------------------------------------------------


def names(field, en, fr=None, ar=None):
    """The translated fields of ``field``: names("title", "Opening", "Ouverture")."""
    values = {f"{field}_en": en}
    if fr is not None:
        values[f"{field}_fr"] = fr
    if ar is not None:
        values[f"{field}_ar"] = ar
    return values


@pytest.fixture
def ecosoc():
    return services.save_body(
        Body(
            **names(
                "name",
                "Economic and Social Council",
                "Conseil économique et social",
                "المجلس الاقتصادي والاجتماعي",
            ),
            symbol_prefix="E",
            slug="ecosoc",
        )
    )


@pytest.fixture
def commission(ecosoc):
    return services.save_body(
        Body(
            **names(
                "name",
                "Commission on Narcotic Drugs",
                "Commission des stupéfiants",
                "لجنة المخدرات",
            ),
            symbol_prefix="E/CN.7",
            slug="cnd",
            parent=ecosoc,
        )
    )


@pytest.fixture
def vienna():
    venue = services.save_venue(
        Venue(
            **names(
                "name",
                "Vienna International Centre",
                "Centre international de Vienne",
                "مركز فيينا الدولي",
            ),
            **names("city", "Vienna", "Vienne", "فيينا"),
            time_zone="Europe/Vienna",
        )
    )
    services.save_room(
        Room(
            venue=venue,
            **names("name", "Plenary Hall M", "Salle plénière M", "قاعة الاجتماعات العامة M"),
        )
    )
    return venue


def new_session(body, venue, *, number=63, start=(2027, 3, 15), end=(2027, 3, 19), **fields):
    return services.save_session(
        Session(
            body=body,
            number=number,
            start_date=datetime.date(*start),
            end_date=datetime.date(*end),
            venue=venue,
            **fields,
        )
    )


@pytest.fixture
def session(commission, vienna):
    """The sixty-third session of the Commission on Narcotic Drugs, Vienna, 15–19 March."""
    return new_session(commission, vienna)


def new_agenda(session, symbol="E/CN.7/2027/1", issued_on=datetime.date(2027, 1, 8), **fields):
    return services.save_agenda(
        Agenda(session=session, symbol=symbol, issued_on=issued_on, **fields)
    )


def item(agenda, en, fr=None, ar=None, **fields):
    """A new item at the end of the agenda (or of ``parent``), titled in the languages."""
    return services.add_agenda_item(agenda, **names("title", en, fr, ar), **fields)


def section(agenda, kind, **fields):
    return services.save_section(Section(agenda=agenda, kind=kind, **fields))


def slot(session, day, start, end, **fields):
    """A time slot of the session on ``day`` (of its month) from ``start`` to ``end``."""
    start_date = session.start_date
    return scheduling_services.save_time_slot(
        TimeSlot(
            session=session,
            date=start_date.replace(day=day),
            start_time=datetime.time(*start),
            end_time=datetime.time(*end),
            **fields,
        )
    )


def take_up(time_slot, *items):
    for position, taken in enumerate(items, start=1):
        scheduling_services.save_slot_item(SlotItem(slot=time_slot, item=taken, position=position))


def interface(language, message, context=None):
    """An interface word of the document as the gettext catalogue of ``language`` has it.

    Only for the words the catalogues do not translate yet (the documentation table's
    columns, "To be issued", two columns of the timetable by meeting): the page prints
    what the catalogue says, and the expected failure
    ``test_the_catalogues_translate_the_words_of_the_new_layouts`` records that the
    catalogue says nothing yet, so that the page prints them in English.
    """
    with translation.override(language):
        return pgettext(context, message) if context else gettext(message)


# 1. Sections ---------------------------------------------------------------------------


def test_sections_take_chosen_headings_and_roman_numbers_and_several_annexes_are_numbered(
    session,
):
    agenda = new_agenda(session, section_numbering=Agenda.SectionNumbering.ROMAN)
    section(
        agenda,
        Section.Kind.AGENDA_LIST,
        **names("heading", "Agenda", "Ordre du jour", "جدول الأعمال"),
    )
    section(agenda, Section.Kind.ANNOTATIONS)  # the usual heading
    section(
        agenda,
        Section.Kind.TEXT,
        **names("heading", "Credentials", "Pouvoirs", "وثائق التفويض"),
        **names(
            "text",
            "<p>Credentials are to be submitted.</p>",
            "<p>Les pouvoirs doivent être communiqués.</p>",
            "<p>تقدم وثائق التفويض.</p>",
        ),
    )
    section(agenda, Section.Kind.TIMETABLE, is_annex=True)
    section(
        agenda,
        Section.Kind.TEXT,
        is_annex=True,
        **names(
            "heading",
            "Documents before the Commission",
            "Documents dont la Commission est saisie",
            "الوثائق المعروضة على اللجنة",
        ),
        **names("text", "<p>None.</p>", "<p>Aucun.</p>", "<p>لا توجد.</p>"),
    )
    opening = item(agenda, "Opening of the session", "Ouverture de la session", "افتتاح الدورة")
    take_up(slot(session, 15, (10,), (13,)), opening)

    version = publish_agenda(agenda)

    assert {language: headings(version, language) for language in LANGUAGES} == {
        "en": [
            "I. Agenda",
            "II. Annotations",
            "1. Opening of the session",
            "III. Credentials",
            "Annex I",
            "Proposed organization of work",
            "Annex II",
            "Documents before the Commission",
        ],
        "fr": [
            "I. Ordre du jour",
            "II. Annotations",
            "1. Ouverture de la session",
            "III. Pouvoirs",
            "Annexe I",
            "Projet d’organisation des travaux",
            "Annexe II",
            "Documents dont la Commission est saisie",
        ],
        "ar": [
            "أولاً - جدول الأعمال",
            "ثانياً - شروح",
            "1. افتتاح الدورة",
            "ثالثاً - وثائق التفويض",
            "المرفق الأول",
            "تنظيم الأعمال المقترح",
            "المرفق الثاني",
            "الوثائق المعروضة على اللجنة",
        ],
    }
    assert (
        '<h2 id="agenda-list-heading"><span class="section__number">أولاً -</span> جدول الأعمال</h2>'
        in document(version, "ar")
    )


def test_unnumbered_sections_keep_their_usual_headings_and_a_single_annex_is_not_numbered(
    session,
):
    agenda = new_agenda(session)  # no sections set: the list, the annotations, the annex
    opening = item(agenda, "Opening of the session", "Ouverture de la session", "افتتاح الدورة")
    take_up(slot(session, 15, (10,), (13,)), opening)

    version = publish_agenda(agenda)

    assert {language: headings(version, language) for language in LANGUAGES} == {
        "en": [
            "Provisional agenda",
            "Annotations",
            "1. Opening of the session",
            "Annex",
            "Proposed organization of work",
        ],
        "fr": [
            "Ordre du jour provisoire",
            "Annotations",
            "1. Ouverture de la session",
            "Annexe",
            "Projet d’organisation des travaux",
        ],
        "ar": [
            "جدول الأعمال المؤقت",
            "شروح",
            "1. افتتاح الدورة",
            "المرفق",
            "تنظيم الأعمال المقترح",
        ],
    }


# 2. A title in the list, another heading in the annotations -----------------------------


def test_the_annotations_head_an_item_otherwise_than_the_list(session):
    agenda = new_agenda(session)
    item(
        agenda,
        "Adoption of the agenda",
        "Adoption de l’ordre du jour",
        "إقرار جدول الأعمال",
        **names(
            "heading",
            "Adoption of the agenda and organization of work",
            "Adoption de l’ordre du jour et organisation des travaux",
            "إقرار جدول الأعمال وتنظيم الأعمال",
        ),
        **names(
            "annotation",
            "<p>The Commission will adopt its agenda.</p>",
            "<p>La Commission adoptera son ordre du jour.</p>",
            "<p>ستقر اللجنة جدول أعمالها.</p>",
        ),
    )

    version = publish_agenda(agenda)

    assert read(version, "agenda-list") == {
        "en": ["Provisional agenda", "1. Adoption of the agenda."],
        "fr": ["Ordre du jour provisoire", "1. Adoption de l’ordre du jour."],
        "ar": ["جدول الأعمال المؤقت", "1. إقرار جدول الأعمال."],
    }
    assert read(version, "annotations") == {
        "en": [
            "Annotations",
            "1. Adoption of the agenda and organization of work",
            "The Commission will adopt its agenda.",
        ],
        "fr": [
            "Annotations",
            "1. Adoption de l’ordre du jour et organisation des travaux",
            "La Commission adoptera son ordre du jour.",
        ],
        "ar": ["شروح", "1. إقرار جدول الأعمال وتنظيم الأعمال", "ستقر اللجنة جدول أعمالها."],
    }


# 3. An unnumbered entry only in the annotations and the timetable -----------------------


def test_an_unnumbered_entry_is_in_the_annotations_and_the_timetable_but_not_the_list(session):
    agenda = new_agenda(session)
    opening = item(
        agenda,
        "Opening of the session",
        "Ouverture de la session",
        "افتتاح الدورة",
        kind="unnumbered",
        in_list=False,
        **names(
            "annotation",
            "<p>The Chair will open the session.</p>",
            "<p>La Présidente ouvrira la session.</p>",
            "<p>ستفتتح الرئيسة الدورة.</p>",
        ),
    )
    adoption = item(
        agenda, "Adoption of the agenda", "Adoption de l’ordre du jour", "إقرار جدول الأعمال"
    )
    take_up(slot(session, 15, (10,), (13,)), opening, adoption)

    version = publish_agenda(agenda)

    assert read(version, "agenda-list") == {
        "en": ["Provisional agenda", "1. Adoption of the agenda."],
        "fr": ["Ordre du jour provisoire", "1. Adoption de l’ordre du jour."],
        "ar": ["جدول الأعمال المؤقت", "1. إقرار جدول الأعمال."],
    }
    assert read(version, "annotations") == {
        "en": [
            "Annotations",
            "Opening of the session",
            "The Chair will open the session.",
            "1. Adoption of the agenda",
        ],
        "fr": [
            "Annotations",
            "Ouverture de la session",
            "La Présidente ouvrira la session.",
            "1. Adoption de l’ordre du jour",
        ],
        "ar": ["شروح", "افتتاح الدورة", "ستفتتح الرئيسة الدورة.", "1. إقرار جدول الأعمال"],
    }
    assert read(version, "timetable") == {
        "en": [
            "Proposed organization of work",
            "Date | Time | Item | Title or description",
            "Monday, 15 March | 10 a.m.–1 p.m. |  | Opening of the session",
            " |  | 1 | Adoption of the agenda",
        ],
        "fr": [
            "Projet d’organisation des travaux",
            "Date | Heure | Point | Titre ou description",
            "Lundi 15 mars | 10 heures-13 heures |  | Ouverture de la session",
            " |  | 1 | Adoption de l’ordre du jour",
        ],
        "ar": [
            "تنظيم الأعمال المقترح",
            "التاريخ | الوقت | البند | العنوان أو الوصف",
            "الاثنين، 15 آذار/مارس | من الساعة 00/10 إلى الساعة 00/13 |  | افتتاح الدورة",
            " |  | 1 | إقرار جدول الأعمال",
        ],
    }
    # No number, so nothing to link: an empty cell, not an empty link.
    assert '<td class="work-table__item is-empty" data-label="Item"></td>' in document(
        version, "en"
    )


# 4. Sub-headings inside an annotation --------------------------------------------------


def test_sub_headings_inside_an_annotation_carry_their_own_text_and_documents_not_list_numbers(
    session,
):
    agenda = new_agenda(session)
    adoption = item(
        agenda,
        "Adoption of the agenda",
        "Adoption de l’ordre du jour",
        "إقرار جدول الأعمال",
        **names(
            "annotation",
            "<p>The Commission will adopt its agenda.</p>",
            "<p>La Commission adoptera son ordre du jour.</p>",
            "<p>ستقر اللجنة جدول أعمالها.</p>",
        ),
    )
    background = item(
        agenda,
        "Background",
        "Contexte",
        "معلومات أساسية",
        parent=adoption,
        kind="part",
        in_list=False,
        lettered=True,
        **names(
            "annotation",
            "<p>The Council decided so in 2019.</p>",
            "<p>Le Conseil l’a décidé en 2019.</p>",
            "<p>قرر المجلس ذلك في عام 2019.</p>",
        ),
    )
    item(
        agenda,
        "Organization of work",
        "Organisation des travaux",
        "تنظيم الأعمال",
        parent=adoption,
        kind="part",
        in_list=False,
        lettered=True,
        **names(
            "annotation",
            "<p>The Commission will meet for five days.</p>",
            "<p>La Commission se réunira pendant cinq jours.</p>",
            "<p>ستجتمع اللجنة لمدة خمسة أيام.</p>",
        ),
    )
    programme = item(
        agenda, "Implementation of the programme", "Exécution du programme", "تنفيذ البرنامج"
    )
    item(
        agenda,
        "Note by the Chair",
        "Note de la Présidente",
        "مذكرة من الرئيسة",
        parent=programme,
        kind="part",
        in_list=False,
        **names(
            "annotation",
            "<p>The Chair will report.</p>",
            "<p>La Présidente fera rapport.</p>",
            "<p>ستقدم الرئيسة تقريراً.</p>",
        ),
    )
    report = services.create_document(
        symbol="E/CN.7/2027/2",
        **names("title", "Report of the Council", "Rapport du Conseil", "تقرير المجلس"),
    )
    services.add_documentation(background, report, "background")

    version = publish_agenda(agenda)

    # Only the items are in the list; an item with sub-headings does not end with a colon.
    assert read(version, "agenda-list") == {
        "en": [
            "Provisional agenda",
            "1. Adoption of the agenda.",
            "2. Implementation of the programme.",
        ],
        "fr": [
            "Ordre du jour provisoire",
            "1. Adoption de l’ordre du jour.",
            "2. Exécution du programme.",
        ],
        "ar": ["جدول الأعمال المؤقت", "1. إقرار جدول الأعمال.", "2. تنفيذ البرنامج."],
    }
    assert read(version, "annotations") == {
        "en": [
            "Annotations",
            "1. Adoption of the agenda",
            "The Commission will adopt its agenda.",
            "A. Background",
            "The Council decided so in 2019.",
            "Documentation",
            "Report of the Council (E/CN.7/2027/2) – Background",
            "B. Organization of work",
            "The Commission will meet for five days.",
            "2. Implementation of the programme",
            "Note by the Chair",
            "The Chair will report.",
        ],
        "fr": [
            "Annotations",
            "1. Adoption de l’ordre du jour",
            "La Commission adoptera son ordre du jour.",
            "A. Contexte",
            "Le Conseil l’a décidé en 2019.",
            "Documentation",
            "Rapport du Conseil (E/CN.7/2027/2) – Document de référence",
            "B. Organisation des travaux",
            "La Commission se réunira pendant cinq jours.",
            "2. Exécution du programme",
            "Note de la Présidente",
            "La Présidente fera rapport.",
        ],
        "ar": [
            "شروح",
            "1. إقرار جدول الأعمال",
            "ستقر اللجنة جدول أعمالها.",
            "ألف - معلومات أساسية",
            "قرر المجلس ذلك في عام 2019.",
            "الوثائق",
            "تقرير المجلس (E/CN.7/2027/2) – معلومات أساسية",
            "باء - تنظيم الأعمال",
            "ستجتمع اللجنة لمدة خمسة أيام.",
            "2. تنفيذ البرنامج",
            "مذكرة من الرئيسة",
            "ستقدم الرئيسة تقريراً.",
        ],
    }
    # A sub-heading is a heading below its item's, not an entry of the list.
    assert (
        '<h4 class="annotation__title"><span class="annotation__number"><bdi>ألف -</bdi></span> '
        "معلومات أساسية</h4>" in document(version, "ar")
    )


# 5. Footnotes the secretariat writes, numbered with the generated ones ------------------


@pytest.fixture
def ga():
    return services.save_body(
        Body(
            **names("name", "General Assembly", "Assemblée générale", "الجمعية العامة"),
            symbol_prefix="A",
            slug="ga",
        )
    )


def test_footnotes_on_the_title_an_item_and_a_paragraph_are_numbered_with_citations_in_order(
    session, ga
):
    agenda = new_agenda(
        session,
        **names(
            "title",
            "Provisional agenda and annotations",
            "Ordre du jour provisoire et annotations",
            "جدول الأعمال المؤقت وشروحه",
        ),
    )
    adoption = item(
        agenda, "Adoption of the agenda", "Adoption de l’ordre du jour", "إقرار جدول الأعمال"
    )
    programme = item(
        agenda,
        "Implementation of the programme",
        "Exécution du programme",
        "تنفيذ البرنامج",
        **names(
            "annotation",
            "<p>The Commission will consider the report.</p><p>It may adopt a decision.</p>",
            "<p>La Commission examinera le rapport.</p><p>Elle pourrait adopter une décision.</p>",
            "<p>ستنظر اللجنة في التقرير.</p><p>وقد تعتمد مقرراً.</p>",
        ),
    )
    strengthening = resolution_services.save_resolution(
        Resolution(
            body=ga,
            kind="resolution",
            session_number=74,
            number=270,
            **names(
                "title",
                "Strengthening the programme",
                "Renforcement du programme",
                "تعزيز البرنامج",
            ),
        )
    )
    resolution_services.cite_resolution(adoption, strengthening, Citation.Placement.TITLE)
    website = "https://www.unodc.org/cnd"
    services.save_footnote(
        Footnote(
            agenda=agenda,
            placement="title",
            **names(
                "text",
                f'Information for participants is on <a href="{website}">the website</a>.',
                f'Les informations pratiques figurent sur <a href="{website}">le site Web</a>.',
                f'ترد المعلومات العملية في <a href="{website}">الموقع الشبكي</a>.',
            ),
        )
    )
    services.save_footnote(
        Footnote(
            agenda=agenda,
            item=programme,
            placement="item",
            **names("text", "To be continued.", "Point à suivre."),  # not in Arabic yet
        )
    )
    services.save_footnote(
        Footnote(
            agenda=agenda,
            item=programme,
            placement="annotation",
            paragraph=1,
            **names("text", "E/CN.7/2027/2.", "E/CN.7/2027/2.", "E/CN.7/2027/2."),
        )
    )

    version = publish_agenda(agenda)

    assert read(version, "document-title") == {
        "en": ["Provisional agenda and annotations^1"],
        "fr": ["Ordre du jour provisoire et annotations^1"],
        "ar": ["جدول الأعمال المؤقت وشروحه^1"],
    }
    assert read(version, "agenda-list") == {
        "en": [
            "Provisional agenda",
            "1. Adoption of the agenda.^2",
            "2. Implementation of the programme.^3",
        ],
        "fr": [
            "Ordre du jour provisoire",
            "1. Adoption de l’ordre du jour^2.",
            "2. Exécution du programme^3.",
        ],
        "ar": ["جدول الأعمال المؤقت", "1. إقرار جدول الأعمال^2.", "2. تنفيذ البرنامج^3."],
    }
    assert read(version, "annotations") == {
        "en": [
            "Annotations",
            "1. Adoption of the agenda",
            "2. Implementation of the programme",
            "The Commission will consider the report.^4",
            "It may adopt a decision.",
        ],
        "fr": [
            "Annotations",
            "1. Adoption de l’ordre du jour",
            "2. Exécution du programme",
            "La Commission examinera le rapport^4.",
            "Elle pourrait adopter une décision.",
        ],
        "ar": [
            "شروح",
            "1. إقرار جدول الأعمال",
            "2. تنفيذ البرنامج",
            "ستنظر اللجنة في التقرير^4.",
            "وقد تعتمد مقرراً.",
        ],
    }
    assert read(version, "footnotes") == {
        "en": [
            "Footnotes",
            "1 Information for participants is on the website.",
            "2 Resolution 74/270, entitled “Strengthening the programme”.",
            "3 To be continued.",
            "4 E/CN.7/2027/2.",
        ],
        "fr": [
            "Notes",
            "1 Les informations pratiques figurent sur le site Web.",
            "2 Résolution 74/270, intitulée « Renforcement du programme ».",
            "3 Point à suivre.",
            "4 E/CN.7/2027/2.",
        ],
        "ar": [
            "الحواشي",
            "1 ترد المعلومات العملية في الموقع الشبكي.",
            '2 القرار 74/270 المعنون "تعزيز البرنامج".',
            f"3 To be continued. {NOT_IN_ARABIC}",
            "4 E/CN.7/2027/2.",
        ],
    }
    # The marker after the title, before the full stop of the list in French (after it in
    # English); the link kept.
    assert (
        '<a href="#item-1">Adoption de l’ordre du jour</a><sup class="fnref">'
        '<a href="#fn-2" aria-label="Note 2"><bdi>2</bdi></a></sup>.</span>'
    ) in document(version, "fr")
    assert (
        '<a href="#item-1">Adoption of the agenda</a>.<sup class="fnref">'
        '<a href="#fn-2" aria-label="Footnote 2"><bdi>2</bdi></a></sup></span>'
    ) in document(version, "en")
    assert (
        '<li class="footnote" id="fn-1"><span class="footnote__mark">1</span> ترد المعلومات '
        f'العملية في <a href="{website}" rel="noopener noreferrer">الموقع الشبكي</a>.</li>'
    ) in document(version, "ar")
    # A footnote not yet in Arabic: the English text, marked, in its own language.
    assert (
        '<span class="footnote__mark">3</span> <span lang="en" dir="ltr">To be continued.</span> '
        f'<span class="untranslated">{NOT_IN_ARABIC}</span></li>'
    ) in document(version, "ar")


def test_footnotes_are_numbered_in_the_order_a_reader_meets_them(session):
    agenda = new_agenda(session)
    opening = item(agenda, "Opening of the session", kind="unnumbered", in_list=False)
    adoption = item(agenda, "Adoption of the agenda", annotation_en="<p>First.</p><p>Second.</p>")
    for placement, on, paragraph in (
        ("item", opening, None),
        ("item", adoption, None),
        ("annotation", adoption, 2),
        ("annotation", adoption, 1),
    ):
        services.save_footnote(
            Footnote(
                agenda=agenda, item=on, placement=placement, paragraph=paragraph, text_en="Note."
            )
        )

    version = publish_agenda(agenda)

    text = lines(document(version, "en"), "document")
    assert text[text.index("Provisional agenda") :][:8] == [
        "Provisional agenda",
        "1. Adoption of the agenda.^1",
        "Annotations",
        "Opening of the session^2",
        "1. Adoption of the agenda",
        "First.^3",
        "Second.^4",
        "Footnotes",
    ]


# 6. Documentation with a purpose: as a list, as a table ---------------------------------


def documented_agenda(session, style):
    """An item listing a report, a note not issued yet, and a draft for a purpose the
    secretariat added and translated."""
    agenda = new_agenda(session, documentation_style=style)
    adoption = item(
        agenda, "Adoption of the agenda", "Adoption de l’ordre du jour", "إقرار جدول الأعمال"
    )
    comments = services.save_document_purpose(
        DocumentPurpose(
            code="for-comments",
            position=20,
            **names("name", "For comments", "Pour observations", "لإبداء التعليقات"),
        )
    )
    documents = [
        (
            services.create_document(
                symbol="E/CN.7/2027/2",
                **names(
                    "title",
                    "Report of the Executive Director",
                    "Rapport du Directeur exécutif",
                    "تقرير المدير التنفيذي",
                ),
            ),
            "for-decision",
        ),
        (
            services.create_document(
                **names(
                    "title", "Note by the Secretariat", "Note du Secrétariat", "مذكرة من الأمانة"
                )
            ),
            "for-information",
        ),
        (
            services.create_document(
                symbol="E/CN.7/2027/3",
                **names(
                    "title",
                    "Draft guidelines",
                    "Projet de lignes directrices",
                    "مشروع مبادئ توجيهية",
                ),
            ),
            comments,
        ),
    ]
    for listed, purpose in documents:
        services.add_documentation(adoption, listed, purpose)
    return agenda


def test_documentation_as_a_list_gives_each_document_its_symbol_or_to_be_issued_and_its_purpose(
    session,
):
    version = publish_agenda(documented_agenda(session, Agenda.DocumentationStyle.LIST))

    to_be_issued = {language: interface(language, "to be issued") for language in LANGUAGES}
    assert read(version, "documentation") == {
        "en": [
            "Report of the Executive Director (E/CN.7/2027/2) – For decision",
            "Note by the Secretariat (to be issued) – For information",
            "Draft guidelines (E/CN.7/2027/3) – For comments",
        ],
        "fr": [
            "Rapport du Directeur exécutif (E/CN.7/2027/2) – Pour décision",
            f"Note du Secrétariat ({to_be_issued['fr']}) – Pour information",
            "Projet de lignes directrices (E/CN.7/2027/3) – Pour observations",
        ],
        "ar": [
            "تقرير المدير التنفيذي (E/CN.7/2027/2) – لاتخاذ قرار",
            f"مذكرة من الأمانة ({to_be_issued['ar']}) – للعلم",
            "مشروع مبادئ توجيهية (E/CN.7/2027/3) – لإبداء التعليقات",
        ],
    }
    assert (
        '<li>تقرير المدير التنفيذي (<a href="https://undocs.org/ar/E/CN.7/2027/2" dir="ltr">'
        'E/CN.7/2027/2</a>) <span class="documentation__purpose">– لاتخاذ قرار</span></li>'
    ) in document(version, "ar")


def test_documentation_as_a_table_has_a_column_for_title_symbol_and_purpose(session):
    version = publish_agenda(documented_agenda(session, Agenda.DocumentationStyle.TABLE))

    def header(language):
        columns = [
            interface(language, word, "column of a documentation table")
            for word in ("Title", "Symbol", "Purpose")
        ]
        return " | ".join(columns)

    to_be_issued = {language: interface(language, "To be issued") for language in LANGUAGES}
    assert read(version, "documentation-table") == {
        "en": [
            "Title | Symbol | Purpose",
            "Report of the Executive Director | E/CN.7/2027/2 | For decision",
            "Note by the Secretariat | To be issued | For information",
            "Draft guidelines | E/CN.7/2027/3 | For comments",
        ],
        "fr": [
            header("fr"),
            "Rapport du Directeur exécutif | E/CN.7/2027/2 | Pour décision",
            f"Note du Secrétariat | {to_be_issued['fr']} | Pour information",
            "Projet de lignes directrices | E/CN.7/2027/3 | Pour observations",
        ],
        "ar": [
            header("ar"),
            "تقرير المدير التنفيذي | E/CN.7/2027/2 | لاتخاذ قرار",
            f"مذكرة من الأمانة | {to_be_issued['ar']} | للعلم",
            "مشروع مبادئ توجيهية | E/CN.7/2027/3 | لإبداء التعليقات",
        ],
    }


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_catalogues_translate_the_words_of_the_new_layouts(language):
    words = [
        ("Title", "column of a documentation table"),
        ("Symbol", "column of a documentation table"),
        ("Purpose", "column of a documentation table"),
        ("To be issued", None),
        ("to be issued", None),
        ("Date and time", "column of the organization of work"),
        ("Introduced by", "column of the organization of work"),
    ]
    untranslated = [word for word, context in words if interface(language, word, context) == word]
    assert untranslated == []


# 7. Symbols as printed -----------------------------------------------------------------


def test_an_irregular_symbol_is_printed_as_written_and_the_agenda_lists_itself(session):
    agenda = new_agenda(session, symbol="E/CN.7/2027/1")
    adoption = item(
        agenda, "Adoption of the agenda", "Adoption de l’ordre du jour", "إقرار جدول الأعمال"
    )
    itself = services.create_document(
        symbol="E/CN.7/2027/1",
        **names(
            "title",
            "Annotated provisional agenda",
            "Ordre du jour provisoire annoté",
            "جدول الأعمال المؤقت المشروح",
        ),
    )
    addendum = services.create_document(
        symbol="E/CN.7/2026/2/Add1",
        **names("title", "Report: addendum", "Rapport : additif", "تقرير: إضافة"),
    )
    services.add_documentation(adoption, itself)
    services.add_documentation(adoption, addendum)
    assert addendum.symbol_irregularity == "the suffix “Add1” needs a dot: write it Add.1."

    version = publish_agenda(agenda)

    assert read(version, "documentation") == {
        "en": [
            "Annotated provisional agenda (E/CN.7/2027/1)",
            "Report: addendum (E/CN.7/2026/2/Add1)",
        ],
        "fr": [
            "Ordre du jour provisoire annoté (E/CN.7/2027/1)",
            "Rapport : additif (E/CN.7/2026/2/Add1)",
        ],
        "ar": [
            "جدول الأعمال المؤقت المشروح (E/CN.7/2027/1)",
            "تقرير: إضافة (E/CN.7/2026/2/Add1)",
        ],
    }
    assert (
        '<a href="https://undocs.org/fr/E/CN.7/2026/2/Add1" dir="ltr">E/CN.7/2026/2/Add1</a>'
        in document(version, "fr")
    )


# 8. Decisions numbered otherwise -------------------------------------------------------


def test_decisions_are_cited_as_their_bodies_number_them_inline_and_in_footnotes(
    session, ecosoc, ga
):
    parties = services.save_body(
        Body(
            **names(
                "name",
                "Meeting of the Parties to the Montreal Protocol",
                "Réunion des Parties au Protocole de Montréal",
                "اجتماع الأطراف في بروتوكول مونتريال",
            ),
            symbol_prefix="UNEP/OzL.Pro",
            slug="mop",
        )
    )
    stockholm = services.save_body(
        Body(
            **names(
                "name",
                "Conference of the Parties to the Stockholm Convention",
                "Conférence des Parties à la Convention de Stockholm",
                "مؤتمر الأطراف في اتفاقية استكهولم",
            ),
            symbol_prefix="UNEP/POPS/COP",
            slug="pops-cop",
        )
    )
    data = resolution_services.save_resolution(
        Resolution(
            body=parties,
            kind="decision",
            designation="XXXI/7",
            **names(
                "title", "Data and information", "Données et informations", "البيانات والمعلومات"
            ),
        )
    )
    listing = resolution_services.save_resolution(
        Resolution(body=stockholm, kind="decision", designation="SC-9/4")  # no title
    )
    council = resolution_services.save_resolution(
        Resolution(body=ecosoc, kind="decision", designation="2019/210")  # no title
    )
    assembly = resolution_services.save_resolution(
        Resolution(
            body=ga,
            kind="resolution",
            session_number=74,
            number=270,
            **names(
                "title",
                "Strengthening the programme",
                "Renforcement du programme",
                "تعزيز البرنامج",
            ),
        )
    )
    assert [r.label for r in (data, listing, council, assembly)] == [
        "XXXI/7",
        "SC-9/4",
        "2019/210",
        "74/270",
    ]
    agenda = new_agenda(session)
    ozone = item(agenda, "Ozone layer", "Couche d’ozone", "طبقة الأوزون")
    programme = item(
        agenda, "Implementation of the programme", "Exécution du programme", "تنفيذ البرنامج"
    )
    for cited, placement in (
        (data, Citation.Placement.INLINE),
        (listing, Citation.Placement.INLINE),
        (data, Citation.Placement.TITLE),
        (listing, Citation.Placement.TITLE),
    ):
        resolution_services.cite_resolution(ozone, cited, placement)
    resolution_services.cite_resolution(programme, council, Citation.Placement.INLINE)
    resolution_services.cite_resolution(programme, assembly, Citation.Placement.TITLE)
    resolution_services.cite_resolution(programme, council, Citation.Placement.TITLE)

    version = publish_agenda(agenda)

    assert read(version, "agenda-list") == {
        "en": [
            "Provisional agenda",
            "1. Ozone layer (decision XXXI/7 and decision SC-9/4).^1",
            "2. Implementation of the programme (decision 2019/210).^2",
        ],
        "fr": [
            "Ordre du jour provisoire",
            "1. Couche d’ozone (décision XXXI/7 et décision SC-9/4)^1.",
            "2. Exécution du programme (décision 2019/210)^2.",
        ],
        # "و" joins the word after it: والمقرر, not و المقرر.
        "ar": [
            "جدول الأعمال المؤقت",
            "1. طبقة الأوزون (المقرر XXXI/7 والمقرر SC-9/4)^1.",
            "2. تنفيذ البرنامج (المقرر 2019/210)^2.",
        ],
    }
    assert read(version, "annotations") == {
        "en": [
            "Annotations",
            "1. Ozone layer (decision XXXI/7 and decision SC-9/4)",
            "2. Implementation of the programme (decision 2019/210)",
        ],
        "fr": [
            "Annotations",
            "1. Couche d’ozone (décision XXXI/7 et décision SC-9/4)",
            "2. Exécution du programme (décision 2019/210)",
        ],
        "ar": [
            "شروح",
            "1. طبقة الأوزون (المقرر XXXI/7 والمقرر SC-9/4)",
            "2. تنفيذ البرنامج (المقرر 2019/210)",
        ],
    }
    # "entitled" only where there is a title.
    assert read(version, "footnotes") == {
        "en": [
            "Footnotes",
            "1 Decision XXXI/7, entitled “Data and information”; and decision SC-9/4.",
            "2 Resolution 74/270, entitled “Strengthening the programme”; and decision 2019/210.",
        ],
        "fr": [
            "Notes",
            "1 Décision XXXI/7, intitulée « Données et informations » ; et décision SC-9/4.",
            "2 Résolution 74/270, intitulée « Renforcement du programme » ; et décision 2019/210.",
        ],
        "ar": [
            "الحواشي",
            '1 المقرر XXXI/7 المعنون "البيانات والمعلومات"؛ والمقرر SC-9/4.',
            '2 القرار 74/270 المعنون "تعزيز البرنامج"؛ والمقرر 2019/210.',
        ],
    }


# 9. Timetables -------------------------------------------------------------------------


def timetabled_agenda(session, notation):
    """A timetable by meeting: three items in the first meeting, introduced by the Chair
    with a note; lunch; two meetings taking up item 2 again, the last the next day."""
    agenda = new_agenda(
        session, timetable_layout=Agenda.TimetableLayout.PER_SLOT, time_notation=notation
    )
    opening = item(
        agenda,
        "Opening of the session",
        "Ouverture de la session",
        "افتتاح الدورة",
        kind="unnumbered",
        in_list=False,
    )
    adoption = item(
        agenda, "Adoption of the agenda", "Adoption de l’ordre du jour", "إقرار جدول الأعمال"
    )
    programme = item(
        agenda, "Implementation of the programme", "Exécution du programme", "تنفيذ البرنامج"
    )
    morning = slot(
        session,
        15,
        (10,),
        (13,),
        **names("introduced_by", "The Chair", "La Présidente", "الرئيسة"),
        **names("note", "Opening statements", "Déclarations liminaires", "البيانات الافتتاحية"),
    )
    take_up(morning, opening, adoption, programme)
    slot(
        session,
        15,
        (13,),
        (14, 30),
        kind=TimeSlot.Kind.BREAK,
        **names("note", "Lunch break", "Pause déjeuner", "استراحة الغداء"),
    )
    take_up(
        slot(
            session,
            15,
            (14, 30),
            (15,),
            **names("introduced_by", "The Secretariat", "Le Secrétariat", "الأمانة"),
        ),
        programme,
    )
    take_up(slot(session, 16, (15,), (17,)), programme)
    return agenda


def expected_timetable(language, times):
    """The timetable by meeting in ``language`` with the four meetings' ``times``."""
    date_and_time = interface(language, "Date and time", "column of the organization of work")
    introduced_by = interface(language, "Introduced by", "column of the organization of work")
    first, lunch, second, third = times
    return {
        "en": [
            "Proposed organization of work",
            f"{date_and_time} | Item | {introduced_by}",
            f"Monday, 15 March {first} | Opening of the session / 1 Adoption of the agenda / "
            "2 Implementation of the programme / Opening statements | The Chair",
            f"{lunch} | Lunch break",
            f"{second} | 2 Implementation of the programme (continued) | The Secretariat",
            f"Tuesday, 16 March {third} | 2 Implementation of the programme (continued) | ",
        ],
        "fr": [
            "Projet d’organisation des travaux",
            f"{date_and_time} | Point | {introduced_by}",
            f"Lundi 15 mars {first} | Ouverture de la session / 1 Adoption de l’ordre du jour / "
            "2 Exécution du programme / Déclarations liminaires | La Présidente",
            f"{lunch} | Pause déjeuner",
            f"{second} | 2 Exécution du programme (suite) | Le Secrétariat",
            f"Mardi 16 mars {third} | 2 Exécution du programme (suite) | ",
        ],
        "ar": [
            "تنظيم الأعمال المقترح",
            f"{date_and_time} | البند | {introduced_by}",
            f"الاثنين، 15 آذار/مارس {first} | افتتاح الدورة / 1 إقرار جدول الأعمال / "
            "2 تنفيذ البرنامج / البيانات الافتتاحية | الرئيسة",
            f"{lunch} | استراحة الغداء",
            f"{second} | 2 تنفيذ البرنامج (تابع) | الأمانة",
            f"الثلاثاء، 16 آذار/مارس {third} | 2 تنفيذ البرنامج (تابع) | ",
        ],
    }[language]


# French and Arabic write times one way whatever the office's notation in English.
FRENCH_TIMES = [
    "10 heures-13 heures",
    "13 heures-14 h 30",
    "14 h 30-15 heures",
    "15 heures-17 heures",
]
ARABIC_TIMES = [
    "من الساعة 00/10 إلى الساعة 00/13",
    "من الساعة 00/13 إلى الساعة 30/14",
    "من الساعة 30/14 إلى الساعة 00/15",
    "من الساعة 00/15 إلى الساعة 00/17",
]


@pytest.mark.parametrize(
    "notation, english_times",
    [
        ("12h", ["10 a.m.–1 p.m.", "1–2.30 p.m.", "2.30–3 p.m.", "3–5 p.m."]),
        ("24h", ["10.00–13.00", "13.00–14.30", "14.30–15.00", "15.00–17.00"]),
    ],
)
def test_timetable_by_meeting_with_several_items_who_introduces_them_notes_and_a_lunch_break(
    session, notation, english_times
):
    version = publish_agenda(timetabled_agenda(session, notation))

    assert read(version, "timetable") == {
        "en": expected_timetable("en", english_times),
        "fr": expected_timetable("fr", FRENCH_TIMES),
        "ar": expected_timetable("ar", ARABIC_TIMES),
    }
    # The unnumbered entry has no reference to link; the day is set above the hours.
    assert (
        "<p>Opening of the session</p>"
        '<p><a href="#item-1"><bdi>1</bdi></a> Adoption of the agenda</p>'
        in document(version, "en")
    )
    assert (
        '<span class="work-table__day">Monday, 15 March</span> <span class="time-range__part">'
        in document(version, "en")
    )


# 10. Masthead and title block ----------------------------------------------------------


@pytest.fixture
def geneva():
    venue = services.save_venue(
        Venue(
            **names("name", "Palais des Nations", "Palais des Nations", "قصر الأمم"),
            **names("city", "Geneva", "Genève", "جنيف"),
            time_zone="Europe/Zurich",
        )
    )
    services.save_room(
        Room(venue=venue, **names("name", "Room XVII", "Salle XVII", "القاعة السابعة عشرة"))
    )
    return venue


def test_title_block_of_a_document_issued_under_an_item_four_bodies_down_from_a_principal_organ(
    ecosoc, geneva
):
    """The World Forum (WP.29) of the Inland Transport Committee of the Economic
    Commission for Europe, under the Economic and Social Council: its annotations, issued
    under item 2 of its provisional agenda, announce the venue and the interpretation."""
    commission = services.save_body(
        Body(
            **names(
                "name",
                "Economic Commission for Europe",
                "Commission économique pour l’Europe",
                "اللجنة الاقتصادية لأوروبا",
            ),
            symbol_prefix="ECE",
            slug="ece",
            parent=ecosoc,
        )
    )
    committee = services.save_body(
        Body(
            **names(
                "name",
                "Inland Transport Committee",
                "Comité des transports intérieurs",
                "لجنة النقل الداخلي",
            ),
            symbol_prefix="ECE/TRANS",
            slug="itc",
            parent=commission,
        )
    )
    forum = services.save_body(
        Body(
            **names(
                "name",
                "World Forum for Harmonization of Vehicle Regulations",
                "Forum mondial de l’harmonisation des Règlements concernant les véhicules",
                "المنتدى العالمي لتنسيق اللوائح المتعلقة بالمركبات",
            ),
            symbol_prefix="ECE/TRANS/WP.29",
            slug="wp29",
            parent=committee,
        )
    )
    session = new_session(
        forum,
        geneva,
        number=192,
        start=(2024, 3, 5),
        end=(2024, 3, 8),
        room=geneva.rooms.get(),
        opening_time=datetime.time(9, 30),
        interpretation_languages=["en", "fr", "ru"],
    )
    provisional = new_agenda(
        session, symbol="ECE/TRANS/WP.29/1175", kind=Agenda.Kind.PROVISIONAL, slug="provisional"
    )
    item(provisional, "Adoption of the agenda", "Adoption de l’ordre du jour", "إقرار جدول الأعمال")
    item(
        provisional,
        "Organization of work",
        "Organisation des travaux",
        "تنظيم الأعمال",
    )
    agenda = new_agenda(
        session,
        symbol="ECE/TRANS/WP.29/1175/Add.1",
        issued_on=datetime.date(2023, 12, 20),
        issued_under_item=provisional.items.get(title_en="Organization of work"),
        announces_venue=True,
        **names(
            "title",
            "Annotations to the provisional agenda for the 192nd session",
            "Annotations à l’ordre du jour provisoire de la 192e session",
            "شروح جدول الأعمال المؤقت للدورة 192",
        ),
    )
    for language, job_number in (
        ("en", "GE.24-00001 (E)"),
        ("fr", "GE.24-00001 (F)"),
        ("ar", "GE.24-00001 (A)"),
    ):
        services.save_agenda_edition(
            AgendaEdition(
                agenda=agenda,
                language=language,
                job_number=job_number,
                processed_on=datetime.date(2024, 1, 3),
                printed_on=datetime.date(2024, 1, 5),
            )
        )
    item(agenda, "Adoption of the agenda", "Adoption de l’ordre du jour", "إقرار جدول الأعمال")

    version = publish_agenda(agenda)

    # The principal organ in the masthead, the rest of the chain in the title block.
    assert read(version, "masthead") == {
        "en": [
            "United Nations",
            "ECE/TRANS/WP.29/1175/Add.1",
            "Economic and Social Council",
            "Distr.: General",
            "20 December 2023",
            "Original: English",
        ],
        "fr": [
            "Nations Unies",
            "ECE/TRANS/WP.29/1175/Add.1",
            "Conseil économique et social",
            "Distr. générale",
            "20 décembre 2023",
            "Français",
            "Original : anglais",
        ],
        "ar": [
            "الأمم المتحدة",
            "ECE/TRANS/WP.29/1175/Add.1",
            "المجلس الاقتصادي والاجتماعي",
            "Distr.: General",
            "20 December 2023",
            "Arabic",
            "Original: English",
        ],
    }
    assert read(version, "meeting") == {
        "en": [
            "Economic Commission for Europe",
            "Inland Transport Committee",
            "World Forum for Harmonization of Vehicle Regulations",
            "192nd session",
            "Geneva, 5–8 March 2024",
            "Item 2 of the provisional agenda^*",
            "Organization of work",
        ],
        "fr": [
            "Commission économique pour l’Europe",
            "Comité des transports intérieurs",
            "Forum mondial de l’harmonisation des Règlements concernant les véhicules",
            "192e session",
            "Genève, 5–8 mars 2024",
            "Point 2 de l’ordre du jour provisoire^*",
            "Organisation des travaux",
        ],
        "ar": [
            "اللجنة الاقتصادية لأوروبا",
            "لجنة النقل الداخلي",
            "المنتدى العالمي لتنسيق اللوائح المتعلقة بالمركبات",
            "الدورة 192",
            "جنيف، 5-8 آذار/مارس 2024",
            "البند 2 من جدول الأعمال المؤقت^*",
            "تنظيم الأعمال",
        ],
    }
    assert read(version, "document-title") == {
        "en": ["Annotations to the provisional agenda for the 192nd session"],
        "fr": ["Annotations à l’ordre du jour provisoire de la 192e session"],
        "ar": ["شروح جدول الأعمال المؤقت للدورة 192"],
    }
    assert read(version, "document__venue") == {
        "en": [
            "The 192nd session of the World Forum for Harmonization of Vehicle Regulations "
            "will be held at the Palais des Nations, Geneva, starting at 9.30 a.m. on Tuesday, "
            "5 March 2024, in Room XVII."
        ],
        "fr": [
            "La 192e session du Forum mondial de l’harmonisation des Règlements concernant les "
            "véhicules se tiendra à Genève, au Palais des Nations ; elle s’ouvrira le mardi "
            "5 mars 2024 à 9 h 30, dans la salle suivante : Salle XVII."
        ],
        "ar": [
            "ستعقد الدورة 192 للمنتدى العالمي لتنسيق اللوائح المتعلقة بالمركبات في قصر الأمم، "
            "جنيف، ابتداء من الساعة 30/9 يوم الثلاثاء، 5 آذار/مارس 2024، في القاعة السابعة عشرة."
        ],
    }
    assert read(version, "document__interpretation") == {
        "en": ["Interpretation will be provided in English, French and Russian."],
        "fr": ["L'interprétation sera assurée en anglais, français et russe."],
        "ar": ["ستوفر الترجمة الشفوية باللغات الإنكليزية والفرنسية والروسية."],
    }
    # The starred footnote gives the symbol of the agenda the item is on.
    assert read(version, "footnotes") == {
        "en": ["Footnotes", "* ECE/TRANS/WP.29/1175."],
        "fr": ["Notes", "* ECE/TRANS/WP.29/1175."],
        "ar": ["الحواشي", "* ECE/TRANS/WP.29/1175."],
    }
    # Each language version's own job number, with the two footer dates as ddmmyy.
    for language, letter in (("en", "E"), ("fr", "F"), ("ar", "A")):
        assert (
            f'<p class="job-number">GE.24-00001 ({letter})\u2003030124\u2003050124</p>'
            in document(version, language)
        )


def test_a_treaty_body_at_the_top_of_the_chain_heads_the_masthead(vienna):
    conference = services.save_body(
        Body(
            **names(
                "name",
                "Conference of the States Parties to the United Nations Convention against "
                "Corruption",
                "Conférence des États parties à la Convention des Nations Unies contre la "
                "corruption",
                "مؤتمر الدول الأطراف في اتفاقية الأمم المتحدة لمكافحة الفساد",
            ),
            symbol_prefix="CAC/COSP",
            slug="cosp",
        )
    )
    group = services.save_body(
        Body(
            **names(
                "name",
                "Implementation Review Group",
                "Groupe d’examen de l’application",
                "فريق استعراض التنفيذ",
            ),
            symbol_prefix="CAC/COSP/IRG",
            slug="irg",
            parent=conference,
        )
    )
    agenda = new_agenda(
        new_session(group, vienna, number=16, start=(2025, 6, 16), end=(2025, 6, 20)),
        symbol="CAC/COSP/IRG/2025/1",
    )
    item(agenda, "Organizational matters", "Questions d’organisation", "المسائل التنظيمية")

    version = publish_agenda(agenda)

    assert {
        language: lines(document(version, language), "masthead__body") for language in LANGUAGES
    } == {
        "en": [
            "Conference of the States Parties to the United Nations Convention against Corruption"
        ],
        "fr": [
            "Conférence des États parties à la Convention des Nations Unies contre la corruption"
        ],
        "ar": ["مؤتمر الدول الأطراف في اتفاقية الأمم المتحدة لمكافحة الفساد"],
    }
    assert read(version, "meeting") == {
        "en": ["Implementation Review Group", "Sixteenth session", "Vienna, 16–20 June 2025"],
        "fr": ["Groupe d’examen de l’application", "Seizième session", "Vienne, 16–20 juin 2025"],
        "ar": ["فريق استعراض التنفيذ", "الدورة السادسة عشرة", "فيينا، 16-20 حزيران/يونيه 2025"],
    }


@pytest.mark.parametrize(
    "codes, expected",
    [
        (
            ["en"],
            {
                "en": "Interpretation will be provided in English.",
                "fr": "L'interprétation sera assurée en anglais.",
                "ar": "ستوفر الترجمة الشفوية باللغة الإنكليزية.",
            },
        ),
        (
            ["en", "fr"],
            {
                "en": "Interpretation will be provided in English and French.",
                "fr": "L'interprétation sera assurée en anglais et français.",
                # The dual: "in the two languages".
                "ar": "ستوفر الترجمة الشفوية باللغتين الإنكليزية والفرنسية.",
            },
        ),
    ],
    ids=["one-language", "two-languages"],
)
def test_interpretation_in_fewer_languages_takes_their_number(commission, vienna, codes, expected):
    agenda = new_agenda(new_session(commission, vienna, interpretation_languages=codes))
    item(agenda, "Adoption of the agenda", "Adoption de l’ordre du jour", "إقرار جدول الأعمال")

    version = publish_agenda(agenda)

    assert read(version, "document__interpretation") == {
        language: [sentence] for language, sentence in expected.items()
    }


# 11. Sessions of other kinds -----------------------------------------------------------


@pytest.mark.parametrize(
    "session_fields, symbol, address, title_block, venue",
    [
        (
            {"number": 63, "is_resumed": True, "start": (2027, 12, 9), "end": (2027, 12, 9)},
            "E/CN.7/2027/INF/1",
            "/en/bodies/cnd/sessions/63-resumed/annotated-agenda/",
            {
                "en": ["Resumed sixty-third session", "Vienna, 9 December 2027"],
                "fr": ["Soixante-troisième session reprise", "Vienne, 9 décembre 2027"],
                "ar": ["الدورة الثالثة والستون المستأنفة", "فيينا، 9 كانون الأول/ديسمبر 2027"],
            },
            {
                "en": "The resumed sixty-third session of the Commission on Narcotic Drugs will "
                "be held at the Vienna International Centre, Vienna, starting on Thursday, "
                "9 December 2027.",
                "fr": "La soixante-troisième session reprise de la Commission des stupéfiants "
                "se tiendra à Vienne, au Centre international de Vienne ; elle s’ouvrira le "
                "jeudi 9 décembre 2027.",
                "ar": "ستعقد الدورة الثالثة والستون المستأنفة للجنة المخدرات في مركز فيينا "
                "الدولي، فيينا، ابتداء من يوم الخميس، 9 كانون الأول/ديسمبر 2027.",
            },
        ),
        (
            {"number": 11, "part": 1},
            "E/CN.7/2027/20",
            "/en/bodies/cnd/sessions/11-part-1/annotated-agenda/",
            {
                "en": ["First part of the eleventh session", "Vienna, 15–19 March 2027"],
                "fr": ["Première partie de la onzième session", "Vienne, 15–19 mars 2027"],
                "ar": ["الجزء الأول من الدورة الحادية عشرة", "فيينا، 15-19 آذار/مارس 2027"],
            },
            {
                "en": "The first part of the eleventh session of the Commission on Narcotic "
                "Drugs will be held at the Vienna International Centre, Vienna, starting on "
                "Monday, 15 March 2027.",
                "fr": "La première partie de la onzième session de la Commission des "
                "stupéfiants se tiendra à Vienne, au Centre international de Vienne ; elle "
                "s’ouvrira le lundi 15 mars 2027.",
                # The verb agrees with الجزء (masculine), not with الدورة.
                "ar": "سيعقد الجزء الأول من الدورة الحادية عشرة للجنة المخدرات في مركز فيينا "
                "الدولي، فيينا، ابتداء من يوم الاثنين، 15 آذار/مارس 2027.",
            },
        ),
        (
            {"number": 64, "is_resumed": True, "part": 2},
            "E/CN.7/2027/21",
            "/en/bodies/cnd/sessions/64-resumed-part-2/annotated-agenda/",
            {
                "en": [
                    "Second part of the resumed sixty-fourth session",
                    "Vienna, 15–19 March 2027",
                ],
                "fr": [
                    "Deuxième partie de la soixante-quatrième session reprise",
                    "Vienne, 15–19 mars 2027",
                ],
                # After من the tens of the ordinal are genitive: والستين.
                "ar": [
                    "الجزء الثاني من الدورة الرابعة والستين المستأنفة",
                    "فيينا، 15-19 آذار/مارس 2027",
                ],
            },
            {
                "en": "The second part of the resumed sixty-fourth session of the Commission on "
                "Narcotic Drugs will be held at the Vienna International Centre, Vienna, "
                "starting on Monday, 15 March 2027.",
                "fr": "La deuxième partie de la soixante-quatrième session reprise de la "
                "Commission des stupéfiants se tiendra à Vienne, au Centre international de "
                "Vienne ; elle s’ouvrira le lundi 15 mars 2027.",
                "ar": "سيعقد الجزء الثاني من الدورة الرابعة والستين المستأنفة للجنة المخدرات في "
                "مركز فيينا الدولي، فيينا، ابتداء من يوم الاثنين، 15 آذار/مارس 2027.",
            },
        ),
    ],
    ids=["resumed-one-day-informal", "first-part", "second-part-of-resumed"],
)
def test_sessions_of_other_kinds_are_named_dated_and_addressed_as_such(
    commission, vienna, session_fields, symbol, address, title_block, venue
):
    session = new_session(commission, vienna, **session_fields)
    agenda = new_agenda(session, symbol=symbol, announces_venue=True)
    item(agenda, "Adoption of the agenda", "Adoption de l’ordre du jour", "إقرار جدول الأعمال")

    version = publish_agenda(agenda)

    assert version.get_absolute_url() == address
    for language in LANGUAGES:
        assert lines(document(version, language), "masthead__symbol") == [symbol]
    commission_names = {
        "en": "Commission on Narcotic Drugs",
        "fr": "Commission des stupéfiants",
        "ar": "لجنة المخدرات",
    }
    assert read(version, "meeting") == {
        language: [commission_names[language], *block] for language, block in title_block.items()
    }
    assert read(version, "document__venue") == {
        language: [sentence] for language, sentence in venue.items()
    }


def test_spanish_venue_sentence_agrees_with_the_noun_that_heads_the_session(commission, vienna):
    """Not one of the three languages of this module: the same agreement, fixed with the
    Arabic one. "La continuación", "la primera parte", not "el"."""
    commission.name_es = "Comisión de Estupefacientes"
    services.save_body(commission)
    vienna.name_es, vienna.city_es = "Centro Internacional de Viena", "Viena"
    services.save_venue(vienna)
    session = new_session(commission, vienna, number=64, is_resumed=True, part=2)
    agenda = new_agenda(session, announces_venue=True)
    item(agenda, "Adoption of the agenda")

    version = publish_agenda(agenda)

    assert lines(document(version, "es"), "document__venue") == [
        "La segunda parte de la continuación del sexagésimo cuarto período de sesiones de la "
        "Comisión de Estupefacientes se celebrará en Viena, en el Centro Internacional de "
        "Viena, a partir del lunes, 15 de marzo de 2027."
    ]
