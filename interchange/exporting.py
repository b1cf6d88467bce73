"""Write a whole draft agenda as one JSON document, losing nothing.

The file holds the agenda with its sections, items, footnotes, documentation and
citations, and everything they refer to: the bodies (down from the top of the chain),
the session and its venue, the documents, the resolutions and decisions cited, the
purposes used, and the session's timetable with its joint meetings. Every row is named
by a key that survives a move between databases (a uid, a symbol prefix, a purpose's
code), so that ``importing.import_agenda`` rebuilds the same agenda anywhere, and
exporting it again gives the same file. The format is ``docs/agenda.schema.json``.
"""

import json

from modeltranslation.utils import build_localized_fieldname

import languages
from agendas.models import Agenda, AgendaItem
from agendas.numbering import number_items
from scheduling.models import JointParticipant, SlotItem, TimeSlot

FORMAT = "agenda-exchange"
VERSION = 1


def texts(obj, field):
    """``{language: text}`` of a translated field, missing languages left out."""
    values = {}
    for code in languages.codes():
        value = getattr(obj, build_localized_fieldname(field, code), "") or ""
        if value:
            values[code] = value
    return values


def _iso(value):
    return value.isoformat() if value else None


def _time(value):
    return value.strftime("%H:%M") if value else None


def _uid(obj):
    return str(obj.uid) if obj is not None else None


class _Collector:
    """Gathers what the agenda refers to, each once, in the order first met."""

    def __init__(self):
        self.bodies = {}
        self.venues = {}
        self.sessions = {}
        self.purposes = {}
        self.resolutions = {}
        self.documents = {}

    def body(self, body):
        for link in body.chain():
            self.bodies.setdefault(link.symbol_prefix, link)
        return body.symbol_prefix

    def session(self, session):
        self.body(session.body)
        self.venues.setdefault(session.venue.uid, session.venue)
        self.sessions.setdefault(session.uid, session)
        return str(session.uid)


def _body(body):
    return {
        "symbol_prefix": body.symbol_prefix,
        "slug": body.slug,
        "parent": body.parent.symbol_prefix if body.parent_id else None,
        "gathering_term": body.gathering_term,
        "name": texts(body, "name"),
        "short_name": texts(body, "short_name"),
    }


def _venue(venue):
    return {
        "uid": str(venue.uid),
        "name": texts(venue, "name"),
        "city": texts(venue, "city"),
        "time_zone": venue.time_zone,
        "rooms": [
            {"uid": str(room.uid), "name": texts(room, "name")}
            for room in venue.rooms.order_by("pk")
        ],
    }


def _session(session):
    return {
        "uid": str(session.uid),
        "body": session.body.symbol_prefix,
        "number": session.number,
        "is_special": session.is_special,
        "is_resumed": session.is_resumed,
        "part": session.part,
        "start_date": _iso(session.start_date),
        "end_date": _iso(session.end_date),
        "venue": str(session.venue.uid),
        "room": _uid(session.room),
        "opening_time": _time(session.opening_time),
        "interpretation_languages": list(session.interpretation_languages),
    }


def _purpose(purpose):
    return {"code": purpose.code, "name": texts(purpose, "name"), "position": purpose.position}


def _resolution(resolution):
    return {
        "uid": str(resolution.uid),
        "body": resolution.body.symbol_prefix,
        "kind": resolution.kind,
        "session_number": resolution.session_number,
        "number": resolution.number,
        "designation": resolution.designation,
        "title": texts(resolution, "title"),
        "adopted_on": _iso(resolution.adopted_on),
        "symbol": resolution.symbol,
        "url": resolution.url,
    }


def _document(document):
    return {
        "uid": str(document.uid),
        "symbol": document.symbol,
        "title": texts(document, "title"),
        "url": document.url,
        "distribution": document.distribution,
        "issued_on": _iso(document.issued_on),
        "original_language": document.original_language,
        "editions": [
            {
                "language": edition.language,
                "job_number": edition.job_number,
                "reissued_on": _iso(edition.reissued_on),
                "is_available": edition.is_available,
            }
            for edition in document.editions.order_by("language")
        ],
    }


def _items(agenda, collect):
    items = list(
        AgendaItem.objects.filter(agenda=agenda).prefetch_related(
            "citations__resolution__body__parent",
            "documentation__document__editions",
            "documentation__purpose",
        )
    )

    def item(node):
        obj = node.item
        documentation = []
        for link in obj.documentation.all():
            collect.documents.setdefault(link.document.uid, link.document)
            if link.purpose_id:
                collect.purposes.setdefault(link.purpose.code, link.purpose)
            documentation.append(
                {
                    "document": str(link.document.uid),
                    "purpose": link.purpose.code if link.purpose_id else None,
                }
            )
        citations = []
        for citation in obj.citations.all():
            collect.body(citation.resolution.body)
            collect.resolutions.setdefault(citation.resolution.uid, citation.resolution)
            citations.append(
                {"resolution": str(citation.resolution.uid), "placement": citation.placement}
            )
        return {
            "uid": str(obj.uid),
            "kind": obj.kind,
            "title": texts(obj, "title"),
            "heading": texts(obj, "heading"),
            "annotation": texts(obj, "annotation"),
            "in_list": obj.in_list,
            "in_annotations": obj.in_annotations,
            "lettered": obj.lettered,
            "documentation": documentation,
            "citations": citations,
            "children": [item(child) for child in node.children],
        }

    return [item(node) for node in number_items(items)]


def _timetable(agenda, collect):
    session = agenda.session
    slots = list(
        TimeSlot.objects.filter(session=session)
        .select_related("room", "joint_meeting")
        .order_by("date", "start_time", "pk")
    )
    slot_items = {}
    # The session's timetable is shared by its agendas: each file takes up its own items.
    for slot_item in (
        SlotItem.objects.filter(slot__in=slots, item__agenda=agenda)
        .select_related("item")
        .order_by("slot", "position", "pk")
    ):
        slot_items.setdefault(slot_item.slot_id, []).append(str(slot_item.item.uid))
    joint_meetings = {}
    for slot in slots:
        if slot.joint_meeting_id:
            joint_meetings.setdefault(slot.joint_meeting_id, slot.joint_meeting)
    participants = (
        JointParticipant.objects.filter(joint_meeting__in=joint_meetings)
        .select_related("session__body__parent", "session__venue")
        .prefetch_related("items")
        .order_by("joint_meeting", "position", "pk")
    )
    by_meeting = {}
    for participant in participants:
        collect.session(participant.session)
        by_meeting.setdefault(participant.joint_meeting_id, []).append(
            {
                "session": str(participant.session.uid),
                "items": [str(item.uid) for item in participant.items.order_by("pk")],
                "item_numbers": participant.item_numbers,
            }
        )
    return {
        "joint_meetings": [
            {
                "uid": str(meeting.uid),
                "note": texts(meeting, "note"),
                "participants": by_meeting.get(pk, []),
            }
            for pk, meeting in joint_meetings.items()
        ],
        "slots": [
            {
                "uid": str(slot.uid),
                "date": _iso(slot.date),
                "start": _time(slot.start_time),
                "end": _time(slot.end_time),
                "kind": slot.kind,
                "room": _uid(slot.room),
                "joint_meeting": _uid(slot.joint_meeting),
                "introduced_by": texts(slot, "introduced_by"),
                "note": texts(slot, "note"),
                "items": slot_items.get(slot.pk, []),
            }
            for slot in slots
        ],
    }


def export_agenda(agenda):
    """The agenda and all it refers to, as a JSON-able dict in the exchange format."""
    agenda = (
        Agenda.objects.select_related(
            "session__body", "session__venue", "session__room", "issued_under_item"
        )
        .prefetch_related("editions", "sections", "footnotes__item")
        .get(pk=agenda.pk)
    )
    collect = _Collector()
    session = collect.session(agenda.session)
    items = _items(agenda, collect)
    timetable = _timetable(agenda, collect)
    under = agenda.issued_under_item
    agenda_data = {
        "uid": str(agenda.uid),
        "session": session,
        "symbol": agenda.symbol,
        "slug": agenda.slug,
        "kind": agenda.kind,
        "title": texts(agenda, "title"),
        "distribution": agenda.distribution,
        "issued_on": _iso(agenda.issued_on),
        "original_language": agenda.original_language,
        "issued_under_item": _uid(under),
        "announces_venue": agenda.announces_venue,
        "section_numbering": agenda.section_numbering,
        "documentation_style": agenda.documentation_style,
        "timetable_layout": agenda.timetable_layout,
        "time_notation": agenda.time_notation,
        "is_sample": agenda.is_sample,
        "editions": [
            {
                "language": edition.language,
                "job_number": edition.job_number,
                "processed_on": _iso(edition.processed_on),
                "printed_on": _iso(edition.printed_on),
                "reissued_on": _iso(edition.reissued_on),
            }
            for edition in sorted(agenda.editions.all(), key=lambda e: e.language)
        ],
        "sections": [
            {
                "uid": str(section.uid),
                "kind": section.kind,
                "heading": texts(section, "heading"),
                "text": texts(section, "text"),
                "is_annex": section.is_annex,
            }
            for section in agenda.sections.all()
        ],
        "items": items,
        "footnotes": [
            {
                "uid": str(footnote.uid),
                "item": _uid(footnote.item),
                "placement": footnote.placement,
                "paragraph": footnote.paragraph,
                "text": texts(footnote, "text"),
            }
            for footnote in agenda.footnotes.all()
        ],
    }
    # The things referred to, in the order they were first met, parents before children.
    bodies = sorted(collect.bodies.values(), key=lambda b: (len(b.chain()), b.symbol_prefix))
    return {
        "format": FORMAT,
        "version": VERSION,
        "bodies": [_body(body) for body in bodies],
        "venues": [_venue(venue) for venue in collect.venues.values()],
        "sessions": [_session(s) for s in collect.sessions.values()],
        "purposes": [_purpose(p) for p in sorted(collect.purposes.values(), key=lambda p: p.code)],
        "resolutions": [_resolution(r) for r in collect.resolutions.values()],
        "documents": [_document(d) for d in collect.documents.values()],
        "agenda": agenda_data,
        "timetable": timetable,
    }


def dumps(data):
    """The file's text: the same data always gives the same bytes."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
