"""What a translator of an agenda translates: every translated field it prints.

``collect(agenda)`` lists, in reading order and grouped by what they belong to, the
objects whose text the agenda shows and their translated fields: the agenda's title,
its sections, items (title, heading, annotation) and footnotes, the documents listed
under its items and the purposes they are listed for, the resolutions it cites, the
session's timetable (who introduces, notes, joint meetings' notes), and the bodies,
venue and rooms it names.

Each field has an id that survives renumbering and re-export: its object's key (a uid,
a body's symbol prefix, a purpose's code) and the field's name. The XLIFF unit id is
that triple, NMTOKEN-safe: ``item:2ed47da9-…:title``; a key's characters outside
letters, digits, ``.`` and ``-`` are written ``_`` and two hex digits per UTF-8 byte,
so ``CAC/COSP/WG.4`` becomes ``CAC_2FCOSP_2FWG.4``. The readable path
``item/2ed47da9-…/title`` is the unit's ``name``.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from agendas.models import AgendaItem, DocumentationLink
from agendas.numbering import flatten, number_items
from resolutions.models import Citation
from scheduling.models import JointParticipant, TimeSlot

# The fields that hold basic HTML (agendas.html); the others are plain text.
RICH = {("item", "annotation"), ("section", "text"), ("footnote", "text")}

_SAFE = re.compile(r"[A-Za-z0-9.\-]")
_ESCAPE = re.compile(r"_([0-9A-F]{2})")


def encode_key(key):
    """A key as NMTOKEN characters that cannot hold the ``:`` separating the parts."""
    out = []
    for char in key:
        if _SAFE.fullmatch(char):
            out.append(char)
        else:
            out.extend(f"_{byte:02X}" for byte in char.encode("utf-8"))
    return "".join(out)


def decode_key(encoded):
    """The key ``encode_key`` wrote; ValueError if it is not such a key."""
    if not encoded or not re.fullmatch(r"(?:[A-Za-z0-9.\-]|_[0-9A-F]{2})+", encoded):
        raise ValueError(encoded)
    raw = bytearray()
    position = 0
    for match in _ESCAPE.finditer(encoded):
        raw += encoded[position : match.start()].encode("ascii")
        raw.append(int(match.group(1), 16))
        position = match.end()
    raw += encoded[position:].encode("ascii")
    return raw.decode("utf-8")


def source_hash(text):
    """The fingerprint of a source text, as stored in each unit: SHA-256, hex."""
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Field:
    """One translated field of one object."""

    kind: str
    key: str
    name: str
    obj: object = field(compare=False, hash=False, repr=False)

    @property
    def unit_id(self):
        return f"{self.kind}:{encode_key(self.key)}:{self.name}"

    @property
    def path(self):
        return f"{self.kind}/{self.key}/{self.name}"

    @property
    def rich(self):
        return (self.kind, self.name) in RICH

    @property
    def label(self):
        return str(self.obj._meta.get_field(self.name).verbose_name)

    def text(self, language):
        return getattr(self.obj, build_localized_fieldname(self.name, language), None) or ""

    def set_text(self, language, value):
        setattr(self.obj, build_localized_fieldname(self.name, language), value)


@dataclass
class Entry:
    """An object with its translated fields: one <group> of units."""

    kind: str
    key: str
    label: str
    obj: object
    fields: list

    @property
    def group_id(self):
        return f"{self.kind}:{encode_key(self.key)}"


@dataclass
class Part:
    """The objects of one kind, in reading order: one <group> of groups."""

    id: str
    label: str
    entries: list = field(default_factory=list)


# The translated fields of each kind of object, in the order a translator meets them.
FIELDS = {
    "agenda": ("title",),
    "section": ("heading", "text"),
    "item": ("title", "heading", "annotation"),
    "footnote": ("text",),
    "document": ("title",),
    "purpose": ("name",),
    "resolution": ("title",),
    "slot": ("introduced_by", "note"),
    "joint-meeting": ("note",),
    "body": ("name", "short_name"),
    "venue": ("name", "city"),
    "room": ("name",),
}


def _entry(kind, key, label, obj):
    return Entry(
        kind=kind,
        key=key,
        label=label,
        obj=obj,
        fields=[Field(kind, key, name, obj) for name in FIELDS[kind]],
    )


def _item_label(node):
    item = node.item
    if node.numbered:
        return _("Item %(number)s") % {"number": node.reference}
    if item.is_heading:
        return _("Heading of a group of items")
    if item.is_part:
        return _("Sub-heading inside an annotation")
    return _("Unnumbered entry")


def collect(agenda):
    """The parts of ``agenda`` a translator translates, each a list of entries."""
    session = agenda.session
    items = list(AgendaItem.objects.filter(agenda=agenda))
    nodes = list(flatten(number_items(items)))
    labels = {node.item.pk: _item_label(node) for node in nodes}
    ordered = [node.item for node in nodes]

    parts = [Part("agenda", _("The agenda"))]
    parts[0].entries.append(_entry("agenda", str(agenda.uid), str(agenda), agenda))

    sections = Part("sections", _("Sections"))
    for section in agenda.sections.order_by("position", "pk"):
        sections.entries.append(
            _entry("section", str(section.uid), section.get_kind_display(), section)
        )

    item_part = Part("items", _("Items"))
    for item in ordered:
        item_part.entries.append(_entry("item", str(item.uid), labels[item.pk], item))

    footnotes = Part("footnotes", _("Footnotes"))
    for index, footnote in enumerate(
        agenda.footnotes.select_related("item").order_by("position", "pk"), start=1
    ):
        where = labels.get(footnote.item_id, _("the title of the document"))
        label = _("Footnote %(number)d, on %(place)s") % {"number": index, "place": where}
        footnotes.entries.append(_entry("footnote", str(footnote.uid), label, footnote))

    position = {item.pk: index for index, item in enumerate(ordered)}
    links = sorted(
        DocumentationLink.objects.filter(item__agenda=agenda).select_related("document", "purpose"),
        key=lambda link: (position[link.item_id], link.position, link.pk),
    )
    documents = Part("documents", _("Documents"))
    purposes = Part("purposes", _("Purposes of documents"))
    seen = set()
    for link in links:
        document = link.document
        if ("document", document.pk) not in seen:
            seen.add(("document", document.pk))
            label = _("Document %(symbol)s") % {"symbol": document.symbol or document.url or "–"}
            documents.entries.append(_entry("document", str(document.uid), label, document))
        purpose = link.purpose
        if purpose is not None and ("purpose", purpose.pk) not in seen:
            seen.add(("purpose", purpose.pk))
            label = _("Purpose “%(code)s”") % {"code": purpose.code}
            purposes.entries.append(_entry("purpose", purpose.code, label, purpose))

    citations = sorted(
        Citation.objects.filter(item__agenda=agenda).select_related("resolution__body"),
        key=lambda citation: (position[citation.item_id], citation.position, citation.pk),
    )
    resolutions = Part("resolutions", _("Resolutions and decisions"))
    bodies_named = [session.body]
    for citation in citations:
        resolution = citation.resolution
        if ("resolution", resolution.pk) not in seen:
            seen.add(("resolution", resolution.pk))
            resolutions.entries.append(
                _entry("resolution", str(resolution.uid), str(resolution), resolution)
            )
            bodies_named.append(resolution.body)

    timetable = Part("timetable", _("Organization of work"))
    slots = list(
        TimeSlot.objects.filter(session=session)
        .select_related("room", "joint_meeting")
        .order_by("date", "start_time", "pk")
    )
    rooms = [session.room] if session.room_id else []
    meetings = []
    for slot in slots:
        timetable.entries.append(
            _entry("slot", str(slot.uid), _("Meeting of %(when)s") % {"when": slot}, slot)
        )
        if slot.room_id:
            rooms.append(slot.room)
        if slot.joint_meeting_id and slot.joint_meeting not in meetings:
            meetings.append(slot.joint_meeting)
    for meeting in meetings:
        timetable.entries.append(
            _entry("joint-meeting", str(meeting.uid), _("Joint meeting"), meeting)
        )
    for participant in JointParticipant.objects.filter(joint_meeting__in=meetings).select_related(
        "session__body"
    ):
        bodies_named.append(participant.session.body)

    bodies = Part("bodies", _("Bodies"))
    for named in bodies_named:
        for body in named.chain():
            if ("body", body.pk) not in seen:
                seen.add(("body", body.pk))
                bodies.entries.append(_entry("body", body.symbol_prefix, str(body), body))

    places = Part("places", _("Venue and rooms"))
    venue = session.venue
    places.entries.append(_entry("venue", str(venue.uid), str(venue), venue))
    for room in rooms:
        if ("room", room.pk) not in seen:
            seen.add(("room", room.pk))
            places.entries.append(_entry("room", str(room.uid), room.name, room))

    return [
        part
        for part in (
            parts[0],
            sections,
            item_part,
            footnotes,
            documents,
            purposes,
            resolutions,
            timetable,
            bodies,
            places,
        )
        if part.entries
    ]


def fields_by_unit_id(parts):
    """{unit id: Field} for every translated field of the parts."""
    return {
        translated.unit_id: translated
        for part in parts
        for entry in part.entries
        for translated in entry.fields
    }
