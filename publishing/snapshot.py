"""The frozen record of an agenda: what ``build_snapshot`` reads from the draft.

The draft (``Agenda`` and its items, documents, citations and time slots) stays
editable; ``build_snapshot`` reads it into plain data, every human text as a
``{language: text}`` dict with missing translations left out. Publishing adds the
document rendered in every language (``publishing.rendering``) and stores the whole as
``PublishedVersion.content``, from which pages and exports render alone. The record's
contract is ``docs/snapshot.schema.json``, explained in ``docs/snapshot.md``.
"""

from django.db.models import Prefetch, Q
from modeltranslation.utils import build_localized_fieldname

import languages
from agendas.html import sanitize_html
from agendas.models import Agenda, AgendaItem, DocumentationLink
from agendas.numbering import flatten, number_items
from languages.base import latin_letters
from resolutions.models import Citation
from scheduling.models import JointParticipant, SlotItem, TimeSlot

# The version of the record's contract. A reader refuses a record of a version it does
# not know (``check_schema``) rather than misread it.
SCHEMA = 2
READABLE_SCHEMAS = frozenset({SCHEMA})


class UnreadableSnapshot(ValueError):
    """A record written to a contract this code does not know."""


def check_schema(schema):
    """Raise UnreadableSnapshot unless ``schema`` (a record's "schema") is one this code
    reads; return it as a number."""
    # Read back from JSON as a number, or as text where the database extracts it so.
    if isinstance(schema, str) and schema.isdigit():
        schema = int(schema)
    if schema not in READABLE_SCHEMAS:
        raise UnreadableSnapshot(
            f"A published record of schema {schema!r} cannot be read; "
            f"this code reads schema {', '.join(map(str, sorted(READABLE_SCHEMAS)))}."
        )
    return schema


def translations(obj, field, *, clean=None):
    """``{language: text}`` of a translated field, leaving out missing languages."""
    values = {}
    for language in languages.codes():
        value = getattr(obj, build_localized_fieldname(field, language), "") or ""
        if clean is not None:
            value = clean(value)
        if value.strip():
            values[language] = value.strip()
    return values


def link_anchor(item):
    """The fragment that links to an item of a snapshot: its readable anchor
    ("item-2-a"), or for entries without a number the id its section always has."""
    return item["anchor"] or f"item-{item['uid']}"


def _iso(value):
    return value.isoformat() if value else None


def _hhmm(value):
    return value.strftime("%H:%M")


def _agenda_for_snapshot(agenda):
    return (
        Agenda.objects.select_related(
            "session__body__parent__parent__parent",
            "session__venue",
            "session__room",
        )
        .prefetch_related("editions")
        .get(pk=agenda.pk)
    )


def _items_of(agenda):
    return list(
        AgendaItem.objects.filter(agenda=agenda).prefetch_related(
            Prefetch(
                "documentation",
                queryset=DocumentationLink.objects.select_related("document").prefetch_related(
                    "document__editions"
                ),
            ),
            Prefetch(
                "citations",
                queryset=Citation.objects.select_related("resolution"),
            ),
        )
    )


def _body_block(body):
    return {
        "slug": body.slug,
        "symbol_prefix": body.symbol_prefix,
        "term": body.gathering_term,
        "name": translations(body, "name"),
        "short_name": translations(body, "short_name"),
    }


def _footnote_text(citations):
    """The footnote listing cited resolutions, in each language whose titles all exist."""
    texts = {}
    for language in languages.all_languages():
        entries = []
        for citation in citations:
            titles = translations(citation.resolution, "title")
            if language.code not in titles:
                break
            entries.append(
                (citation.resolution.kind, citation.resolution.label, titles[language.code])
            )
        else:
            texts[language.code] = language.citation_footnote(entries)
    return texts


def _documents(item):
    documents = []
    for link in item.documentation.all():
        document = link.document
        documents.append(
            {
                "uid": str(document.uid),
                "symbol": document.symbol,
                "url": document.url,
                "role": link.role,
                "title": translations(document, "title"),
                "languages": sorted(e.language for e in document.editions.all() if e.is_available),
            }
        )
    return documents


def _items_and_footnotes(items):
    nodes = list(flatten(number_items(items)))
    footnotes = []
    title_notes, annotation_notes = {}, {}
    # Footnote markers are numbered in reading order: the provisional agenda (titles)
    # comes before the annotations.
    for placement, marks in (
        (Citation.Placement.TITLE, title_notes),
        (Citation.Placement.ANNOTATION, annotation_notes),
    ):
        for node in nodes:
            cited = [c for c in node.item.citations.all() if c.placement == placement]
            if cited:
                footnote_id = str(len(footnotes) + 1)
                footnotes.append({"id": footnote_id, "text": _footnote_text(cited)})
                marks[node.item.pk] = [footnote_id]
    uid_by_pk = {node.item.pk: str(node.item.uid) for node in nodes}
    rows = []
    for node in nodes:
        item = node.item
        rows.append(
            {
                "uid": str(item.uid),
                "parent": uid_by_pk.get(item.parent_id),
                "kind": item.kind,
                "depth": node.depth,
                "path": list(node.path) if node.numbered else [],
                "number": node.display_number,
                "reference": node.reference,
                "anchor": node.anchor,
                "title": translations(item, "title"),
                "annotation": translations(item, "annotation", clean=sanitize_html),
                "title_footnotes": title_notes.get(item.pk, []),
                "annotation_footnotes": annotation_notes.get(item.pk, []),
                "documents": _documents(item),
            }
        )
    return rows, footnotes, {node.item.pk: node for node in nodes}


def _session_slots(session):
    """Slots of the session, and joint-meeting slots hosted by a partner session."""
    return list(
        TimeSlot.objects.filter(
            Q(session=session) | Q(joint_meeting__participants__session=session)
        )
        .select_related("room", "joint_meeting", "session__body")
        .distinct()
        .order_by("date", "start_time", "pk")
    )


class _PartnerNumbering:
    """Item paths of the partner sessions' agendas, each agenda numbered once."""

    def __init__(self):
        self._paths = {}

    def paths(self, participant):
        paths = []
        for item in participant.items.all():
            if item.agenda_id not in self._paths:
                nodes = flatten(
                    number_items(list(AgendaItem.objects.filter(agenda=item.agenda_id)))
                )
                self._paths[item.agenda_id] = {n.item.pk: n.path for n in nodes if n.numbered}
            path = self._paths[item.agenda_id].get(item.pk)
            if path:
                paths.append(path)
        return paths


def _joint_footnote(joint_meeting, session, own_paths, numbering):
    note = translations(joint_meeting, "note")
    if note:
        return note
    partners = [
        p
        for p in joint_meeting.participants.select_related("session__body")
        if p.session_id != session.pk
    ]
    partner_paths = {p.pk: numbering.paths(p) for p in partners}
    texts = {}
    body_names = translations(session.body, "name")
    for language in languages.all_languages():
        sentences = []
        for partner in partners:
            partner_names = translations(partner.session.body, "name")
            if language.code not in body_names or language.code not in partner_names:
                break
            if partner.item_numbers:
                # Items of a session whose agenda is not in the system, as printed.
                references = [p.strip() for p in partner.item_numbers.split(",") if p.strip()]
            else:
                references = [language.item_reference(p) for p in partner_paths[partner.pk]]
            # Without item numbers on both sides there is no sentence to write; the
            # staff can still give the joint meeting a footnote of their own.
            if not own_paths or not references:
                continue
            sentences.append(
                language.joint_meeting_footnote(
                    [language.item_reference(path) for path in own_paths],
                    references,
                    body_names[language.code],
                    partner_names[language.code],
                    language.session_ordinal(
                        partner.session.number,
                        partner.session.body.gathering_term,
                        special=partner.session.is_special,
                    ),
                )
            )
        else:
            if sentences:
                texts[language.code] = " ".join(sentences)
    return texts


def _organization_of_work(session, nodes_by_pk):
    slots = _session_slots(session)
    slot_items = (
        SlotItem.objects.filter(slot__in=slots, item__agenda__session=session)
        .select_related("item")
        .order_by("slot", "position", "pk")
    )
    items_by_slot = {}
    for slot_item in slot_items:
        items_by_slot.setdefault(slot_item.slot_id, []).append(slot_item.item)
    participants = {
        p.joint_meeting_id: p
        for p in JointParticipant.objects.filter(
            session=session, joint_meeting__in=[s.joint_meeting_id for s in slots]
        ).prefetch_related("items")
    }
    numbering = _PartnerNumbering()
    joint_ids = {}
    footnotes = []
    rows = []
    seen = set()
    for slot in slots:
        joint_id = None
        own_joint_items = set()
        if slot.joint_meeting_id:
            participant = participants.get(slot.joint_meeting_id)
            if participant is not None:
                own_joint_items = {item.pk for item in participant.items.all()}
            if slot.joint_meeting_id not in joint_ids:
                # Item paths in reading order (nodes_by_pk is built in that order).
                own_paths = [
                    node.path
                    for pk, node in nodes_by_pk.items()
                    if pk in own_joint_items and node.numbered
                ]
                text = _joint_footnote(slot.joint_meeting, session, own_paths, numbering)
                # A joint meeting with nothing to say in any language gets no marker.
                joint_ids[slot.joint_meeting_id] = None
                if text:
                    # Letters, as footnotes of tables are marked: a ... z, aa, ab ...
                    letter = latin_letters(len(footnotes) + 1)
                    joint_ids[slot.joint_meeting_id] = letter
                    footnotes.append({"id": letter, "text": text})
            joint_id = joint_ids[slot.joint_meeting_id]
        entries = []
        for item in items_by_slot.get(slot.pk, []):
            node = nodes_by_pk.get(item.pk)
            if node is None:
                continue
            entries.append(
                {
                    "item": str(item.uid),
                    "path": list(node.path) if node.numbered else [],
                    "reference": node.reference,
                    "title": translations(item, "title"),
                    "continued": item.pk in seen,
                    "footnote": joint_id if joint_id and item.pk in own_joint_items else None,
                }
            )
            seen.add(item.pk)
        room = slot.room
        rows.append(
            {
                "uid": str(slot.uid),
                "date": _iso(slot.date),
                "start": _hhmm(slot.start_time),
                "end": _hhmm(slot.end_time),
                "room": translations(room, "name") if room else {},
                "note": translations(slot, "note"),
                "joint": joint_id,
                "entries": entries,
            }
        )
    return {"rows": rows, "footnotes": footnotes}


def build_snapshot(agenda):
    """Everything the public sees of ``agenda``, in every language, as a JSON-able dict.

    The record without its renderings: ``publishing.rendering.freeze`` adds them.
    """
    agenda = _agenda_for_snapshot(agenda)
    session = agenda.session
    body = session.body
    items = _items_of(agenda)
    item_rows, footnotes, nodes_by_pk = _items_and_footnotes(items)
    editions = {
        edition.language: {
            "job_number": edition.job_number,
            "barcode": edition.barcode,
            "reissued_on": _iso(edition.reissued_on),
        }
        for edition in agenda.editions.all()
    }
    return {
        "schema": SCHEMA,
        "version": None,
        "agenda": {
            "uid": str(agenda.uid),
            "symbol": agenda.symbol,
            "slug": agenda.slug,
            "kind": agenda.kind,
            "distribution": agenda.distribution,
            "issued_on": _iso(agenda.issued_on),
            "original_language": agenda.original_language,
        },
        "editions": editions,
        "reissue": {
            language: edition["reissued_on"]
            for language, edition in editions.items()
            if edition["reissued_on"]
        },
        "body": _body_block(body),
        "root_body": _body_block(body.root()),
        "session": {
            "uid": str(session.uid),
            "number": session.number,
            "is_special": session.is_special,
            "start_date": _iso(session.start_date),
            "end_date": _iso(session.end_date),
            "time_zone": session.venue.time_zone,
            "venue": translations(session.venue, "name"),
            "city": translations(session.venue, "city"),
            "room": translations(session.room, "name") if session.room_id else {},
        },
        "items": item_rows,
        "footnotes": footnotes,
        "organization_of_work": _organization_of_work(session, nodes_by_pk),
    }


def draft_differs(agenda, content):
    """True when the draft of ``agenda`` would not publish as ``content`` (a record)."""
    ignored = {"version", "rendered"}
    draft = build_snapshot(agenda)
    return {k: v for k, v in content.items() if k not in ignored} != {
        k: v for k, v in draft.items() if k not in ignored
    }
