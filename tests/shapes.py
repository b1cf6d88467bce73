"""One agenda that holds every shape of the family, entered through the services.

Built the way a secretariat would enter it: an ECOSOC commission's resumed session
whose annotated agenda has numbered sections, a title of its own, an entry only in the
annotations, an annotation heading that differs from the list title, a lettered
sub-heading with its own documentation, footnotes on the title and on a paragraph, an
inline citation and one without a title, documents with purposes (one not issued yet,
one with an irregular symbol), a timetable by meeting on the 24-hour clock with a
break and who introduces each item, interpretation in three languages, the venue
announced and the footer's job number with its dates. English and French throughout.
"""

import datetime

from agendas import services
from agendas.models import (
    Agenda,
    AgendaEdition,
    Body,
    Footnote,
    Room,
    Section,
    Session,
    Venue,
)
from resolutions import services as resolution_services
from resolutions.models import Resolution
from scheduling import services as scheduling_services
from scheduling.models import SlotItem, TimeSlot


def build_sample_agenda():
    """The agenda and its parts, by name."""
    ecosoc = services.save_body(
        Body(
            name_en="Economic and Social Council",
            name_fr="Conseil économique et social",
            name_ar="المجلس الاقتصادي والاجتماعي",
            symbol_prefix="E",
            slug="ecosoc",
        )
    )
    commission = services.save_body(
        Body(
            name_en="Commission on Narcotic Drugs",
            name_fr="Commission des stupéfiants",
            name_ar="لجنة المخدرات",
            symbol_prefix="E/CN.7",
            slug="cnd",
            parent=ecosoc,
        )
    )
    assembly = services.save_body(
        Body(name_en="General Assembly", name_fr="Assemblée générale", symbol_prefix="A", slug="ga")
    )
    venue = services.save_venue(
        Venue(
            name_en="Vienna International Centre",
            name_fr="Centre international de Vienne",
            name_ar="مركز فيينا الدولي",
            city_en="Vienna",
            city_fr="Vienne",
            city_ar="فيينا",
            time_zone="Europe/Vienna",
        )
    )
    room = services.save_room(
        Room(
            venue=venue,
            name_en="Plenary Hall M",
            name_fr="Salle plénière M",
            name_ar="قاعة الاجتماعات العامة M",
        )
    )
    session = services.save_session(
        Session(
            body=commission,
            number=63,
            is_resumed=True,
            start_date=datetime.date(2027, 12, 9),
            end_date=datetime.date(2027, 12, 10),
            venue=venue,
            room=room,
            opening_time=datetime.time(10),
            interpretation_languages=["en", "fr", "es"],
        )
    )
    agenda = services.save_agenda(
        Agenda(
            session=session,
            symbol="E/CN.7/2027/15",
            issued_on=datetime.date(2027, 10, 1),
            section_numbering=Agenda.SectionNumbering.ROMAN,
            documentation_style=Agenda.DocumentationStyle.TABLE,
            timetable_layout=Agenda.TimetableLayout.PER_SLOT,
            time_notation=Agenda.TimeNotation.TWENTY_FOUR_HOUR,
            announces_venue=True,
            title_en="Provisional agenda and annotations",
            title_fr="Ordre du jour provisoire et annotations",
        )
    )
    services.save_agenda_edition(
        AgendaEdition(
            agenda=agenda,
            language="en",
            job_number="V.27-01234 (E)",
            processed_on=datetime.date(2027, 10, 3),
            printed_on=datetime.date(2027, 10, 5),
        )
    )
    for kind in (Section.Kind.AGENDA_LIST, Section.Kind.ANNOTATIONS, Section.Kind.TIMETABLE):
        services.save_section(Section(agenda=agenda, kind=kind))
    opening = services.add_agenda_item(
        agenda,
        kind="unnumbered",
        in_list=False,
        title_en="Opening of the session",
        title_fr="Ouverture de la session",
        annotation_en="<p>The session will open.</p><p>Delegations will register.</p>",
        annotation_fr="<p>La session s’ouvrira.</p><p>Les délégations s’inscriront.</p>",
    )
    adoption = services.add_agenda_item(
        agenda,
        title_en="Adoption of the agenda",
        title_fr="Adoption de l’ordre du jour",
        heading_en="Adoption of the agenda and other organizational matters",
        heading_fr="Adoption de l’ordre du jour et autres questions d’organisation",
        annotation_en="<p>The Commission will adopt its agenda.</p>",
        annotation_fr="<p>La Commission adoptera son ordre du jour.</p>",
    )
    background = services.add_agenda_item(
        agenda,
        parent=adoption,
        kind="part",
        in_list=False,
        lettered=True,
        title_en="Background",
        title_fr="Contexte",
        annotation_en="<p>The Council decided so in 2019.</p>",
        annotation_fr="<p>Le Conseil l’a décidé en 2019.</p>",
    )
    programme = services.add_agenda_item(
        agenda,
        title_en="Implementation of the programme",
        title_fr="Exécution du programme",
    )
    strengthening = resolution_services.save_resolution(
        Resolution(
            body=assembly,
            kind="resolution",
            session_number=74,
            number=270,
            title_en="Strengthening the programme",
            title_fr="Renforcement du programme",
        )
    )
    decision = resolution_services.save_resolution(
        Resolution(body=ecosoc, kind="decision", designation="2019/210")
    )
    resolution_services.cite_resolution(programme, strengthening, "title")
    resolution_services.cite_resolution(programme, decision, "inline")
    services.save_footnote(
        Footnote(
            agenda=agenda,
            placement="title",
            text_en='Practical information: <a href="https://example.org/info">the website</a>.',
            text_fr='Informations pratiques : <a href="https://example.org/info">le site</a>.',
        )
    )
    services.save_footnote(
        Footnote(
            agenda=agenda,
            item=opening,
            placement="annotation",
            paragraph=1,
            text_en="At 10 a.m.",
            text_fr="À 10 heures.",
        )
    )
    report = services.create_document(
        symbol="E/CN.7/2027/16",
        title_en="Report of the Executive Director",
        title_fr="Rapport du Directeur exécutif",
    )
    addendum = services.create_document(
        symbol="E/CN.7/2026/2/Add1", title_en="Earlier addendum", title_fr="Additif antérieur"
    )
    note = services.create_document(
        title_en="Note by the Secretariat", title_fr="Note du Secrétariat"
    )
    services.add_documentation(adoption, report, "for-decision")
    services.add_documentation(background, addendum, "background")
    services.add_documentation(programme, note, "for-information")
    morning = scheduling_services.save_time_slot(
        TimeSlot(
            session=session,
            date=datetime.date(2027, 12, 9),
            start_time=datetime.time(10),
            end_time=datetime.time(13),
            introduced_by_en="The Chair",
            introduced_by_fr="La Présidente",
        )
    )
    lunch = scheduling_services.save_time_slot(
        TimeSlot(
            session=session,
            date=datetime.date(2027, 12, 9),
            start_time=datetime.time(13),
            end_time=datetime.time(15),
            kind=TimeSlot.Kind.BREAK,
            note_en="Lunch break",
            note_fr="Pause déjeuner",
        )
    )
    afternoon = scheduling_services.save_time_slot(
        TimeSlot(
            session=session,
            date=datetime.date(2027, 12, 9),
            start_time=datetime.time(15),
            end_time=datetime.time(18),
            introduced_by_en="The Secretariat",
            introduced_by_fr="Le Secrétariat",
        )
    )
    for slot, items in ((morning, [opening, adoption]), (afternoon, [programme])):
        for position, item in enumerate(items, start=1):
            scheduling_services.save_slot_item(SlotItem(slot=slot, item=item, position=position))
    return {
        "agenda": agenda,
        "session": session,
        "opening": opening,
        "adoption": adoption,
        "background": background,
        "programme": programme,
        "lunch": lunch,
    }
