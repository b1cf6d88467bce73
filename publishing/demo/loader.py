"""Load an agenda, and everything it refers to, from a structured description.

The description is plain data (see ``publishing.demo.seed`` for the seed agenda): bodies,
venues with rooms, sessions, resolutions, documents, agendas with their items, and
joint meetings. Every row is found by a natural key (a symbol prefix, a symbol, a
resolution number, or a uuid5 derived from the agenda's symbol and a stable key), so
loading the same description again updates in place and, when nothing differs, writes
nothing at all. Rows the description does not mention are left alone: reloading never
deletes what the secretariat added since.

Each row is saved through its model's service (``<app>/services.py``), which validates it
with ``full_clean()``; the whole load runs in one transaction, so a description with an
error changes nothing. Positions follow the services' steps, so reloading after an
item was moved and moved back in the admin finds nothing to change.
"""

import html
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from agendas import services as agenda_services
from agendas.models import (
    Agenda,
    AgendaEdition,
    AgendaItem,
    Body,
    Document,
    DocumentationLink,
    Room,
    Session,
    Venue,
)
from agendas.savers import saver_for
from resolutions.models import Citation, Resolution
from scheduling.models import JointMeeting, JointParticipant, SlotItem, TimeSlot

STEP = agenda_services.POSITION_STEP


def stable_uid(*parts):
    """A uuid that is the same on every machine for the same natural key."""
    return uuid.uuid5(uuid.NAMESPACE_URL, "https://undocs.org/" + "#".join(map(str, parts)))


def paragraphs_html(paragraphs):
    """Basic HTML for annotation paragraphs: one <p> each, text escaped."""
    return "\n".join(f"<p>{html.escape(text, quote=False)}</p>" for text in paragraphs)


def translated(field_name, values):
    """{'en': 'x', 'zh-hans': 'y'} -> {'title_en': 'x', 'title_zh_hans': 'y'}."""
    return {
        build_localized_fieldname(field_name, lang): value for lang, value in (values or {}).items()
    }


@dataclass
class LoadReport:
    """What a load did, per model: rows created, updated and found unchanged."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    @property
    def changed_anything(self):
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    def lines(self):
        names = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [
            f"{name}: {self.created[name]} created, {self.updated[name]} updated, "
            f"{self.unchanged[name]} unchanged"
            for name in names
        ]


class DescriptionLoader:
    def __init__(self):
        self.report = LoadReport()
        self.bodies = {}
        self.venues = {}
        self.rooms = {}
        self.sessions = {}
        self.resolutions = {}
        self.documents = {}
        self.agendas = {}
        self.items = {}  # (agenda symbol, item key) -> AgendaItem
        self.joint_meetings = {}

    def sync(self, model, lookup, values, *, on_create=None):
        """Find the row by ``lookup``; create it or set ``values``; save only if changed."""
        instance = model.objects.filter(**lookup).first()
        created = instance is None
        if created:
            fields = {key.split("__")[0]: value for key, value in lookup.items()}
            instance = model(**fields, **(on_create or {}))
        changed = created
        for name, value in values.items():
            if self.current_value(instance, name) != self.comparable(value):
                setattr(instance, name, value)
                changed = True
        name = model._meta.label
        if changed:
            # Through the model's service, so the loader obeys the admin's rules.
            saver_for(model)(instance, by=None)
            (self.report.created if created else self.report.updated)[name] += 1
        else:
            self.report.unchanged[name] += 1
        return instance

    def sync_many(self, instance, name, objects):
        """Make a many-to-many relation hold exactly ``objects``; counted on its own line."""
        manager = getattr(instance, name)
        label = f"{instance._meta.label}.{name}"
        if set(manager.values_list("pk", flat=True)) == {obj.pk for obj in objects}:
            self.report.unchanged[label] += 1
        else:
            manager.set(objects)
            self.report.updated[label] += 1

    @staticmethod
    def current_value(instance, name):
        # Compare foreign keys by id: reading an unset relation raises on a new row.
        field = instance._meta.get_field(name)
        if field.many_to_one:
            return getattr(instance, field.attname)
        return getattr(instance, name)

    @staticmethod
    def comparable(value):
        return value.pk if hasattr(value, "_meta") else value

    def load(self, description):
        for body in description.get("bodies", []):
            self.load_body(body)
        for venue in description.get("venues", []):
            self.load_venue(venue)
        for session in description.get("sessions", []):
            self.load_session(session)
        for resolution in description.get("resolutions", []):
            self.load_resolution(resolution)
        for document in description.get("documents", []):
            self.load_document(document)
        for agenda in description.get("agendas", []):
            self.load_agenda(agenda)
        # Joint meetings name items of the agendas, and time slots name joint meetings.
        for joint_meeting in description.get("joint_meetings", []):
            self.load_joint_meeting(joint_meeting)
        for agenda in description.get("agendas", []):
            self.load_organization_of_work(agenda)
        return self.report

    def load_body(self, data):
        parent = self.bodies[data["parent"]] if data.get("parent") else None
        body = self.sync(
            Body,
            {"symbol_prefix": data["symbol_prefix"]},
            {
                "slug": data["slug"],
                "parent": parent,
                "gathering_term": data.get("gathering_term", Body.GatheringTerm.SESSION),
                **translated("name", data["name"]),
                **translated("short_name", data.get("short_name")),
            },
        )
        self.bodies[body.symbol_prefix] = body

    def load_venue(self, data):
        key = data["name"]["en"]
        venue = self.sync(
            Venue,
            {"name_en": key},
            {
                "time_zone": data["time_zone"],
                **translated("name", data["name"]),
                **translated("city", data["city"]),
            },
        )
        self.venues[key] = venue
        for room_data in data.get("rooms", []):
            room_key = room_data["name"]["en"]
            self.rooms[room_key] = self.sync(
                Room,
                {"venue": venue, "name_en": room_key},
                translated("name", room_data["name"]),
            )

    def session_key(self, data):
        return (data["body"], data["number"], data.get("is_special", False))

    def load_session(self, data):
        body, number, is_special = self.session_key(data)
        session = self.sync(
            Session,
            {"body": self.bodies[body], "number": number, "is_special": is_special},
            {
                "start_date": data["start_date"],
                "end_date": data["end_date"],
                "venue": self.venues[data["venue"]],
                "room": self.rooms[data["room"]] if data.get("room") else None,
            },
            on_create={"uid": stable_uid(body, "session", number, is_special)},
        )
        self.sessions[(body, number, is_special)] = session

    def find_session(self, reference):
        body, number, *rest = reference
        return self.sessions[(body, number, rest[0] if rest else False)]

    def load_resolution(self, data):
        key = (data["body"], data["kind"], data.get("session_number"), data["number"])
        self.resolutions[key] = self.sync(
            Resolution,
            {
                "body": self.bodies[data["body"]],
                "kind": data["kind"],
                "session_number": data.get("session_number"),
                "number": data["number"],
            },
            {
                "designation": data.get("designation", ""),
                "adopted_on": data.get("adopted_on"),
                "symbol": data.get("symbol", ""),
                "url": data.get("url", ""),
                **translated("title", data["title"]),
            },
            on_create={"uid": stable_uid(*key)},
        )

    def load_document(self, data):
        symbol = data["symbol"]
        self.documents[symbol] = self.sync(
            Document,
            {"symbol__iexact": symbol},
            {
                "symbol": symbol,
                "distribution": data.get("distribution", "general"),
                "issued_on": data.get("issued_on"),
                "original_language": data.get("original_language", "en"),
                "url": data.get("url", ""),
                **translated("title", data["title"]),
            },
            on_create={"uid": stable_uid(symbol)},
        )

    def load_agenda(self, data):
        symbol = data["symbol"]
        agenda = self.sync(
            Agenda,
            {"symbol__iexact": symbol},
            {
                "symbol": symbol,
                "session": self.find_session(data["session"]),
                "kind": data.get("kind", Agenda.Kind.ANNOTATED),
                "distribution": data.get("distribution", "general"),
                "issued_on": data.get("issued_on"),
                "original_language": data.get("original_language", "en"),
            },
            on_create={"uid": stable_uid(symbol)},
        )
        self.agendas[symbol] = agenda
        for edition in data.get("editions", []):
            self.sync(
                AgendaEdition,
                {"agenda": agenda, "language": edition["language"]},
                {
                    "job_number": edition.get("job_number", ""),
                    "reissued_on": edition.get("reissued_on"),
                },
            )
        self.load_items(agenda, data.get("items", []), parent=None)

    def load_items(self, agenda, items, parent):
        for position, data in enumerate(items, start=1):
            uid = stable_uid(agenda.symbol, "item", data["key"])
            annotation = {
                lang: paragraphs_html(paragraphs)
                for lang, paragraphs in data.get("annotation", {}).items()
            }
            item = self.sync(
                AgendaItem,
                {"uid": uid},
                {
                    "agenda": agenda,
                    "parent": parent,
                    "position": position * STEP,
                    "kind": data.get("kind", AgendaItem.Kind.ITEM),
                    **translated("title", data["title"]),
                    **translated("annotation", annotation),
                },
            )
            self.items[(agenda.symbol, data["key"])] = item
            for index, link in enumerate(data.get("documentation", []), start=1):
                self.sync(
                    DocumentationLink,
                    {"item": item, "document": self.documents[link["symbol"]]},
                    {
                        "role": link.get("role", DocumentationLink.Role.CONSIDERATION),
                        "position": index * STEP,
                    },
                )
            for index, citation in enumerate(data.get("citations", []), start=1):
                self.sync(
                    Citation,
                    {
                        "item": item,
                        "resolution": self.resolutions[citation["resolution"]],
                        "placement": citation.get("placement", Citation.Placement.TITLE),
                    },
                    {"position": index * STEP},
                )
            self.load_items(agenda, data.get("children", []), parent=item)

    def load_joint_meeting(self, data):
        joint_meeting = self.sync(
            JointMeeting,
            {"uid": stable_uid("joint-meeting", data["key"])},
            translated("note", data.get("note")),
        )
        self.joint_meetings[data["key"]] = joint_meeting
        for position, participant_data in enumerate(data["participants"]):
            participant = self.sync(
                JointParticipant,
                {
                    "joint_meeting": joint_meeting,
                    "session": self.find_session(participant_data["session"]),
                },
                {
                    "item_numbers": participant_data.get("item_numbers", ""),
                    "position": position,
                },
            )
            items = [
                self.items[(participant_data["agenda"], key)]
                for key in participant_data.get("items", [])
            ]
            self.sync_many(participant, "items", items)

    def load_organization_of_work(self, data):
        agenda = self.agendas[data["symbol"]]
        session = agenda.session
        for slot_data in data.get("organization_of_work", []):
            room_key = slot_data.get("room")
            slot = self.sync(
                TimeSlot,
                {"uid": stable_uid(agenda.symbol, "slot", slot_data["date"], slot_data["start"])},
                {
                    "session": session,
                    "date": slot_data["date"],
                    "start_time": slot_data["start"],
                    "end_time": slot_data["end"],
                    "room": self.rooms[room_key] if room_key else session.room,
                    "joint_meeting": (
                        self.joint_meetings[slot_data["joint_meeting"]]
                        if slot_data.get("joint_meeting")
                        else None
                    ),
                    **translated("note", slot_data.get("note")),
                },
            )
            for position, key in enumerate(slot_data.get("items", []), start=1):
                self.sync(
                    SlotItem,
                    {"slot": slot, "item": self.items[(agenda.symbol, key)]},
                    {"position": position},
                )


def load_description(description):
    """Create or update everything ``description`` names; return a ``LoadReport``."""
    with transaction.atomic():
        return DescriptionLoader().load(description)
