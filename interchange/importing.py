"""Read an agenda file (``exporting``'s format) into the database, all or nothing.

A file is checked in three passes before anything is written, and every fault is
reported with the place in the file where it is (a JSON pointer, ``/agenda/items/2``):

1. it must be JSON;
2. it must follow ``docs/agenda.schema.json``;
3. everything it refers to must be in it (a session's body, an item's documents) or,
   for the few things a file may point at outside itself (the items of a partner
   session's agenda, the item an agenda is issued under), in the database.

Then every row is written through its model's service, in one transaction: a refusal
there (a symbol another document already has) is reported at its place too, and leaves
the database as it was. Rows are found by the file's keys and updated in place; the
agenda's own rows that the file no longer holds (items, sections, footnotes, slots)
are removed, so that importing a file makes the agenda what the file says.
"""

import datetime
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname

import languages
from agendas import history
from agendas import services as agenda_services
from agendas.models import (
    Agenda,
    AgendaEdition,
    AgendaItem,
    Body,
    Document,
    DocumentationLink,
    DocumentEdition,
    DocumentPurpose,
    Footnote,
    Room,
    Section,
    Session,
    Venue,
)
from agendas.savers import saver_for
from resolutions.models import Citation, Resolution
from scheduling.models import JointMeeting, JointParticipant, SlotItem, TimeSlot

from .exporting import FORMAT, VERSION

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "agenda.schema.json"
STEP = agenda_services.POSITION_STEP
IMPORTED = history.message(
    "imported_file", gettext_lazy("Imported “%(object)s” from an agenda file.")
)


class AgendaFileError(Exception):
    """A file that cannot be imported; ``messages`` say where and why, one each."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


@cache
def _validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def pointer(path):
    """A JSON pointer for a path of keys and indexes: ("agenda", "items", 2) -> /agenda/items/2."""
    return "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _at(path, message):
    return _("At %(place)s: %(message)s") % {
        "place": pointer(path) if path else "/",
        "message": message,
    }


@dataclass
class ImportReport:
    """What an import did, per model: rows created, updated, unchanged and removed."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    agenda: Agenda | None = None

    @property
    def changed_anything(self):
        return any(sum(c.values()) for c in (self.created, self.updated, self.removed))

    def lines(self):
        names = sorted(
            set(self.created) | set(self.updated) | set(self.unchanged) | set(self.removed)
        )
        return [
            f"{name}: {self.created[name]} created, {self.updated[name]} updated, "
            f"{self.unchanged[name]} unchanged, {self.removed[name]} removed"
            for name in names
        ]


def parse(text):
    """The file's data, or AgendaFileError saying where the JSON breaks."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise AgendaFileError(
                [_("The file is not UTF-8 text (byte %(position)d).") % {"position": error.start}]
            ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise AgendaFileError(
            [
                _("The file is not JSON: %(reason)s at line %(line)d, column %(column)d.")
                % {"reason": error.msg, "line": error.lineno, "column": error.colno}
            ]
        ) from None


def check_shape(data):
    """Every departure from the schema, at its place, or nothing."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [_at(list(error.absolute_path), error.message) for error in errors]


def _walk_items(items, path):
    for index, item in enumerate(items):
        here = (*path, index)
        yield item, here
        yield from _walk_items(item["children"], (*here, "children"))


def check_references(data):
    """Every reference the file makes that leads nowhere, at its place, or nothing."""
    errors = []

    def defined(values, key, where):
        seen = {}
        for index, value in enumerate(values):
            if value[key] in seen:
                errors.append(
                    _at((*where, index, key), _("“%(key)s” appears twice.") % {"key": value[key]})
                )
            seen[value[key]] = index
        return set(seen)

    bodies = defined(data["bodies"], "symbol_prefix", ("bodies",)) | set(
        Body.objects.values_list("symbol_prefix", flat=True)
    )
    venues = defined(data["venues"], "uid", ("venues",))
    rooms = {room["uid"] for venue in data["venues"] for room in venue["rooms"]}
    sessions = defined(data["sessions"], "uid", ("sessions",))
    purposes = defined(data["purposes"], "code", ("purposes",)) | set(
        DocumentPurpose.objects.values_list("code", flat=True)
    )
    resolutions = defined(data["resolutions"], "uid", ("resolutions",))
    documents = defined(data["documents"], "uid", ("documents",))
    agenda = data["agenda"]
    items = {}
    for item, path in _walk_items(agenda["items"], ("agenda", "items")):
        if item["uid"] in items:
            errors.append(_at((*path, "uid"), _("“%(key)s” appears twice.") % {"key": item["uid"]}))
        items[item["uid"]] = item

    def need(value, known, path, what):
        if value is not None and value not in known:
            errors.append(
                _at(
                    path,
                    _("there is no %(what)s “%(value)s” in the file.")
                    % {"what": what, "value": value},
                )
            )

    for index, body in enumerate(data["bodies"]):
        need(body["parent"], bodies, ("bodies", index, "parent"), _("body"))
    for index, session in enumerate(data["sessions"]):
        need(session["body"], bodies, ("sessions", index, "body"), _("body"))
        need(session["venue"], venues, ("sessions", index, "venue"), _("venue"))
        need(session["room"], rooms, ("sessions", index, "room"), _("room"))
    for index, resolution in enumerate(data["resolutions"]):
        need(resolution["body"], bodies, ("resolutions", index, "body"), _("body"))
    need(agenda["session"], sessions, ("agenda", "session"), _("session"))
    for item, path in _walk_items(agenda["items"], ("agenda", "items")):
        for index, link in enumerate(item["documentation"]):
            need(
                link["document"],
                documents,
                (*path, "documentation", index, "document"),
                _("document"),
            )
            need(
                link["purpose"], purposes, (*path, "documentation", index, "purpose"), _("purpose")
            )
        for index, citation in enumerate(item["citations"]):
            need(
                citation["resolution"],
                resolutions,
                (*path, "citations", index, "resolution"),
                _("resolution or decision"),
            )
    for index, footnote in enumerate(agenda["footnotes"]):
        need(footnote["item"], items, ("agenda", "footnotes", index, "item"), _("item"))
    under = agenda["issued_under_item"]
    if (
        under is not None
        and not AgendaItem.objects.filter(uid=under).exclude(agenda__uid=agenda["uid"]).exists()
    ):
        errors.append(
            _at(
                ("agenda", "issued_under_item"),
                _("there is no item “%(value)s” of another agenda.") % {"value": under},
            )
        )
    timetable = data["timetable"]
    meetings = defined(timetable["joint_meetings"], "uid", ("timetable", "joint_meetings"))
    for m_index, meeting in enumerate(timetable["joint_meetings"]):
        for p_index, participant in enumerate(meeting["participants"]):
            here = ("timetable", "joint_meetings", m_index, "participants", p_index)
            need(participant["session"], sessions, (*here, "session"), _("session"))
            # Items of another session's agenda are not in the file: they must exist here.
            outside = [uid for uid in participant["items"] if uid not in items]
            found = {
                str(u)
                for u in AgendaItem.objects.filter(uid__in=outside).values_list("uid", flat=True)
            }
            for i_index, uid in enumerate(participant["items"]):
                if uid not in items and uid not in found:
                    errors.append(
                        _at(
                            (*here, "items", i_index),
                            _("there is no item “%(value)s”.") % {"value": uid},
                        )
                    )
    defined(timetable["slots"], "uid", ("timetable", "slots"))
    for index, slot in enumerate(timetable["slots"]):
        here = ("timetable", "slots", index)
        need(slot["room"], rooms, (*here, "room"), _("room"))
        need(slot["joint_meeting"], meetings, (*here, "joint_meeting"), _("joint meeting"))
        for i_index, uid in enumerate(slot["items"]):
            need(uid, items, (*here, "items", i_index), _("item"))
    return errors


def _fields(field, values):
    """{'en': 'x'} -> {'title_en': 'x', 'title_fr': '' ...}: every language, so that a
    translation the file leaves out is emptied, as the file says."""
    return {
        build_localized_fieldname(field, code): (values or {}).get(code, "")
        for code in languages.codes()
    }


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


class _Writer:
    """Writes the checked file through the services, tracking where it is in the file."""

    def __init__(self, by=None):
        self.report = ImportReport()
        self.path = ()
        self.by = by

    def sync(self, model, lookup, values):
        """Find the row by ``lookup``; create it or set ``values``; save only if changed."""
        instance = model.objects.filter(**lookup).first()
        created = instance is None
        if created:
            instance = model(**lookup)
        changed = created
        for name, value in values.items():
            if self._current(instance, name) != self._comparable(value):
                setattr(instance, name, value)
                changed = True
        label = model._meta.label
        if changed:
            saver_for(model)(instance, by=self.by)
            (self.report.created if created else self.report.updated)[label] += 1
        else:
            self.report.unchanged[label] += 1
        return instance

    def remove(self, queryset):
        label = queryset.model._meta.label
        for instance in queryset.order_by("-pk"):
            # A row may have gone already, with a parent removed before it.
            if queryset.model.objects.filter(pk=instance.pk).exists():
                agenda_services.remove_row(instance, by=self.by)
                self.report.removed[label] += 1

    @staticmethod
    def _current(instance, name):
        field = instance._meta.get_field(name)
        if field.many_to_one:
            return getattr(instance, field.attname)
        value = getattr(instance, name)
        # Translations never given are NULL; the file writes them as absent ("").
        text = isinstance(field, models.CharField | models.TextField)
        return "" if value is None and text else value

    @staticmethod
    def _comparable(value):
        return value.pk if hasattr(value, "_meta") else value

    def at(self, *path):
        self.path = path
        return self

    def write(self, data):
        bodies = {}
        for index, body in enumerate(data["bodies"]):
            self.at("bodies", index)
            parent = body["parent"]
            bodies[body["symbol_prefix"]] = self.sync(
                Body,
                {"symbol_prefix": body["symbol_prefix"]},
                {
                    "slug": body["slug"],
                    "parent": bodies.get(parent)
                    or (Body.objects.get(symbol_prefix=parent) if parent else None),
                    "gathering_term": body["gathering_term"],
                    **_fields("name", body["name"]),
                    **_fields("short_name", body["short_name"]),
                },
            )
        venues, rooms = {}, {}
        for index, venue in enumerate(data["venues"]):
            self.at("venues", index)
            venues[venue["uid"]] = saved = self.sync(
                Venue,
                {"uid": venue["uid"]},
                {
                    "time_zone": venue["time_zone"],
                    **_fields("name", venue["name"]),
                    **_fields("city", venue["city"]),
                },
            )
            for r_index, room in enumerate(venue["rooms"]):
                self.at("venues", index, "rooms", r_index)
                rooms[room["uid"]] = self.sync(
                    Room, {"uid": room["uid"]}, {"venue": saved, **_fields("name", room["name"])}
                )
        sessions = {}
        for index, session in enumerate(data["sessions"]):
            self.at("sessions", index)
            sessions[session["uid"]] = self.sync(
                Session,
                {"uid": session["uid"]},
                {
                    "body": bodies.get(session["body"])
                    or Body.objects.get(symbol_prefix=session["body"]),
                    "number": session["number"],
                    "is_special": session["is_special"],
                    "is_resumed": session["is_resumed"],
                    "part": session["part"],
                    "start_date": _date(session["start_date"]),
                    "end_date": _date(session["end_date"]),
                    "venue": venues[session["venue"]],
                    "room": rooms.get(session["room"]),
                    "opening_time": _time(session["opening_time"]),
                    "interpretation_languages": session["interpretation_languages"],
                },
            )
        purposes = {}
        for index, purpose in enumerate(data["purposes"]):
            self.at("purposes", index)
            purposes[purpose["code"]] = self.sync(
                DocumentPurpose,
                {"code": purpose["code"]},
                {"position": purpose["position"], **_fields("name", purpose["name"])},
            )
        resolutions = {}
        for index, resolution in enumerate(data["resolutions"]):
            self.at("resolutions", index)
            resolutions[resolution["uid"]] = self.sync(
                Resolution,
                {"uid": resolution["uid"]},
                {
                    "body": bodies.get(resolution["body"])
                    or Body.objects.get(symbol_prefix=resolution["body"]),
                    "kind": resolution["kind"],
                    "session_number": resolution["session_number"],
                    "number": resolution["number"],
                    "designation": resolution["designation"],
                    "adopted_on": _date(resolution["adopted_on"]),
                    "symbol": resolution["symbol"],
                    "url": resolution["url"],
                    **_fields("title", resolution["title"]),
                },
            )
        documents = {}
        for index, document in enumerate(data["documents"]):
            self.at("documents", index)
            documents[document["uid"]] = saved = self.sync(
                Document,
                {"uid": document["uid"]},
                {
                    "symbol": document["symbol"],
                    "url": document["url"],
                    "distribution": document["distribution"],
                    "issued_on": _date(document["issued_on"]),
                    "original_language": document["original_language"],
                    **_fields("title", document["title"]),
                },
            )
            kept = []
            for e_index, edition in enumerate(document["editions"]):
                self.at("documents", index, "editions", e_index)
                kept.append(
                    self.sync(
                        DocumentEdition,
                        {"document": saved, "language": edition["language"]},
                        {
                            "job_number": edition["job_number"],
                            "reissued_on": _date(edition["reissued_on"]),
                            "is_available": edition["is_available"],
                        },
                    ).pk
                )
            self.remove(saved.editions.exclude(pk__in=kept))
        agenda = self._agenda(data["agenda"], sessions, purposes, resolutions, documents)
        self._timetable(data["timetable"], agenda, sessions, rooms)
        self.report.agenda = agenda
        return self.report

    def _agenda(self, data, sessions, purposes, resolutions, documents):
        self.at("agenda")
        under = data["issued_under_item"]
        agenda = self.sync(
            Agenda,
            {"uid": data["uid"]},
            {
                "session": sessions[data["session"]],
                "symbol": data["symbol"],
                "slug": data["slug"],
                "kind": data["kind"],
                "distribution": data["distribution"],
                "issued_on": _date(data["issued_on"]),
                "original_language": data["original_language"],
                "issued_under_item": AgendaItem.objects.get(uid=under) if under else None,
                "announces_venue": data["announces_venue"],
                "section_numbering": data["section_numbering"],
                "documentation_style": data["documentation_style"],
                "timetable_layout": data["timetable_layout"],
                "time_notation": data["time_notation"],
                "is_sample": data["is_sample"],
                **_fields("title", data["title"]),
            },
        )
        kept = []
        for index, edition in enumerate(data["editions"]):
            self.at("agenda", "editions", index)
            kept.append(
                self.sync(
                    AgendaEdition,
                    {"agenda": agenda, "language": edition["language"]},
                    {
                        "job_number": edition["job_number"],
                        "processed_on": _date(edition["processed_on"]),
                        "printed_on": _date(edition["printed_on"]),
                        "reissued_on": _date(edition["reissued_on"]),
                    },
                ).pk
            )
        self.remove(agenda.editions.exclude(pk__in=kept))
        kept = []
        for index, section in enumerate(data["sections"], start=1):
            self.at("agenda", "sections", index - 1)
            kept.append(
                self.sync(
                    Section,
                    {"uid": section["uid"]},
                    {
                        "agenda": agenda,
                        "position": index * STEP,
                        "kind": section["kind"],
                        "is_annex": section["is_annex"],
                        **_fields("heading", section["heading"]),
                        **_fields("text", section["text"]),
                    },
                ).pk
            )
        self.remove(agenda.sections.exclude(pk__in=kept))
        self.items = {}
        self._items(
            data["items"], agenda, None, ("agenda", "items"), purposes, resolutions, documents
        )
        # Items the file no longer holds go, with what hangs from them.
        self.remove(agenda.items.exclude(pk__in=[i.pk for i in self.items.values()]))
        kept = []
        for index, footnote in enumerate(data["footnotes"], start=1):
            self.at("agenda", "footnotes", index - 1)
            kept.append(
                self.sync(
                    Footnote,
                    {"uid": footnote["uid"]},
                    {
                        "agenda": agenda,
                        "item": self.items.get(footnote["item"]),
                        "placement": footnote["placement"],
                        "paragraph": footnote["paragraph"],
                        "position": index * STEP,
                        **_fields("text", footnote["text"]),
                    },
                ).pk
            )
        self.remove(agenda.footnotes.exclude(pk__in=kept))
        return agenda

    def _items(self, items, agenda, parent, path, purposes, resolutions, documents):
        for index, data in enumerate(items, start=1):
            here = (*path, index - 1)
            self.at(*here)
            item = self.sync(
                AgendaItem,
                {"uid": data["uid"]},
                {
                    "agenda": agenda,
                    "parent": parent,
                    "position": index * STEP,
                    "kind": data["kind"],
                    "in_list": data["in_list"],
                    "in_annotations": data["in_annotations"],
                    "lettered": data["lettered"],
                    **_fields("title", data["title"]),
                    **_fields("heading", data["heading"]),
                    **_fields("annotation", data["annotation"]),
                },
            )
            self.items[data["uid"]] = item
            kept = []
            for d_index, link in enumerate(data["documentation"], start=1):
                self.at(*here, "documentation", d_index - 1)
                kept.append(
                    self.sync(
                        DocumentationLink,
                        {"item": item, "document": documents[link["document"]]},
                        {
                            "purpose": purposes.get(link["purpose"])
                            or (
                                DocumentPurpose.objects.get(code=link["purpose"])
                                if link["purpose"]
                                else None
                            ),
                            "position": d_index * STEP,
                        },
                    ).pk
                )
            self.remove(item.documentation.exclude(pk__in=kept))
            kept = []
            # Citations are ordered within each placement (the footnote on the title, the
            # one on the annotation, those in the text).
            placed = Counter()
            for c_index, citation in enumerate(data["citations"]):
                self.at(*here, "citations", c_index)
                placed[citation["placement"]] += 1
                kept.append(
                    self.sync(
                        Citation,
                        {
                            "item": item,
                            "resolution": resolutions[citation["resolution"]],
                            "placement": citation["placement"],
                        },
                        {"position": placed[citation["placement"]] * STEP},
                    ).pk
                )
            self.remove(item.citations.exclude(pk__in=kept))
            self._items(
                data["children"],
                agenda,
                item,
                (*here, "children"),
                purposes,
                resolutions,
                documents,
            )

    def _timetable(self, data, agenda, sessions, rooms):
        meetings = {}
        for index, meeting in enumerate(data["joint_meetings"]):
            self.at("timetable", "joint_meetings", index)
            saved = meetings[meeting["uid"]] = self.sync(
                JointMeeting, {"uid": meeting["uid"]}, _fields("note", meeting["note"])
            )
            kept = []
            for p_index, participant in enumerate(meeting["participants"]):
                self.at("timetable", "joint_meetings", index, "participants", p_index)
                joined = self.sync(
                    JointParticipant,
                    {"joint_meeting": saved, "session": sessions[participant["session"]]},
                    {"item_numbers": participant["item_numbers"], "position": p_index},
                )
                wanted = [
                    self.items.get(uid) or AgendaItem.objects.get(uid=uid)
                    for uid in participant["items"]
                ]
                if {i.pk for i in joined.items.all()} != {i.pk for i in wanted}:
                    joined.items.set(wanted)
                kept.append(joined.pk)
            self.remove(saved.participants.exclude(pk__in=kept))
        kept = []
        for index, slot in enumerate(data["slots"]):
            self.at("timetable", "slots", index)
            saved = self.sync(
                TimeSlot,
                {"uid": slot["uid"]},
                {
                    "session": agenda.session,
                    "date": _date(slot["date"]),
                    "start_time": _time(slot["start"]),
                    "end_time": _time(slot["end"]),
                    "kind": slot["kind"],
                    "room": rooms.get(slot["room"]),
                    "joint_meeting": meetings.get(slot["joint_meeting"]),
                    **_fields("introduced_by", slot["introduced_by"]),
                    **_fields("note", slot["note"]),
                },
            )
            kept.append(saved.pk)
            taken = []
            for i_index, uid in enumerate(slot["items"], start=1):
                self.at("timetable", "slots", index, "items", i_index - 1)
                taken.append(
                    self.sync(
                        SlotItem, {"slot": saved, "item": self.items[uid]}, {"position": i_index}
                    ).pk
                )
            # Items of the session's other agendas taken up in the slot are theirs to keep.
            self.remove(saved.slot_items.filter(item__agenda=agenda).exclude(pk__in=taken))
        # Slots the file no longer holds go, unless another agenda of the session still
        # takes up items in them.
        others = SlotItem.objects.filter(slot=OuterRef("pk")).exclude(item__agenda=agenda)
        self.remove(
            TimeSlot.objects.filter(session=agenda.session)
            .exclude(pk__in=kept)
            .exclude(Exists(others))
        )


def import_agenda(source, *, by=None):
    """Import an agenda file (text, bytes or parsed data); return an ``ImportReport``.

    ``by`` is the user the services write for (None: a script, which may do all).
    Raises AgendaFileError, having written nothing, when the file cannot be imported.
    The import is one revision of the history, made by ``by``.
    """
    data = parse(source) if isinstance(source, str | bytes) else source
    errors = check_shape(data)
    if errors:
        raise AgendaFileError(errors)
    if data["format"] != FORMAT or data["version"] != VERSION:
        raise AgendaFileError([_at(("version",), _("this file is of another format or version."))])
    errors = check_references(data)
    if errors:
        raise AgendaFileError(errors)
    writer = _Writer(by=by)
    try:
        with transaction.atomic(), history.recording(by=by) as revision:
            report = writer.write(data)
            if report.changed_anything:
                # Rows only removed are recorded as a version of the agenda without them.
                history.include(report.agenda)
                revision.describe(IMPORTED, object=report.agenda)
            return report
    except ValidationError as error:
        raise AgendaFileError([_at(writer.path, message) for message in error.messages]) from None
