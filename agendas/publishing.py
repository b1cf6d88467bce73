"""Publishing: freeze an agenda into an immutable, self-contained published version.

The draft (``Agenda`` and its items, documents, citations and time slots) stays
editable; ``publish_agenda`` writes what the public sees, in every language, into a
``PublishedVersion`` whose ``content`` pages and exports render from alone. Its shape
is documented in ``docs/snapshot.md``.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from resolutions.models import Citation
from scheduling.models import JointParticipant, SlotItem, TimeSlot

from . import formatting
from .html import html_to_text, sanitize_html
from .languages import language_codes
from .models import (
    Agenda,
    AgendaItem,
    DocumentationLink,
    PublishedSlot,
    PublishedVersion,
    SearchEntry,
)
from .numbering import flatten, number_items

logger = logging.getLogger(__name__)

SCHEMA = 1
FOOTNOTE_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def translations(obj, field, *, clean=None):
    """``{language: text}`` of a translated field, leaving out missing languages."""
    values = {}
    for language in language_codes():
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
    for language in language_codes():
        entries = []
        for citation in citations:
            titles = translations(citation.resolution, "title")
            if language not in titles:
                break
            entries.append((citation.resolution.kind, citation.resolution.label, titles[language]))
        else:
            texts[language] = formatting.citation_footnote(entries, language)
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
    rows = []
    for node in nodes:
        item = node.item
        rows.append(
            {
                "uid": str(item.uid),
                "parent": None,
                "kind": item.kind,
                "depth": node.depth,
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
    uid_by_pk = {node.item.pk: str(node.item.uid) for node in nodes}
    for row, node in zip(rows, nodes, strict=True):
        row["parent"] = uid_by_pk.get(node.item.parent_id)
    return rows, footnotes, {node.item.pk: node for node in nodes}


def _session_slots(session):
    """Slots of the session, and joint-meeting slots hosted by a partner session."""
    return list(
        TimeSlot.objects.filter(
            Q(session=session) | Q(joint_meeting__participants__session=session)
        )
        .select_related("room", "joint_meeting")
        .distinct()
        .order_by("date", "start_time", "pk")
    )


def _partner_references(participant):
    """Item references of a participating session, from its agenda or as recorded."""
    if participant.item_numbers:
        return [part.strip() for part in participant.item_numbers.split(",") if part.strip()]
    references = []
    for item in participant.items.all():
        nodes = {n.item.pk: n for n in flatten(number_items(list(item.agenda.items.all())))}
        references.append(nodes[item.pk].reference)
    return references


def _joint_footnote(joint_meeting, session, own_references):
    note = translations(joint_meeting, "note")
    if note:
        return note
    partners = [p for p in joint_meeting.participants.all() if p.session_id != session.pk]
    texts = {}
    body_names = translations(session.body, "name")
    for language in language_codes():
        sentences = []
        for partner in partners:
            partner_names = translations(partner.session.body, "name")
            if language not in body_names or language not in partner_names:
                break
            partner_references = _partner_references(partner)
            # Without item numbers on both sides there is no sentence to write; the
            # staff can still give the joint meeting a footnote of their own.
            if not own_references or not partner_references:
                continue
            sentences.append(
                formatting.joint_meeting_footnote(
                    own_references,
                    partner_references,
                    body_names[language],
                    partner_names[language],
                    formatting.session_ordinal(
                        partner.session.number,
                        partner.session.body.gathering_term,
                        language,
                        special=partner.session.is_special,
                    ),
                    language,
                )
            )
        else:
            if sentences:
                texts[language] = " ".join(sentences)
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
                # Item references in reading order (nodes_by_pk is built in that order).
                references = [
                    node.reference for pk, node in nodes_by_pk.items() if pk in own_joint_items
                ]
                text = _joint_footnote(slot.joint_meeting, session, references)
                # A joint meeting with nothing to say in any language gets no marker.
                joint_ids[slot.joint_meeting_id] = None
                if text:
                    letter = FOOTNOTE_LETTERS[len(footnotes) % len(FOOTNOTE_LETTERS)]
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

    Used for publishing and, unsaved, for the staff preview.
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


def _without_version(content):
    return {key: value for key, value in content.items() if key != "version"}


def has_unpublished_changes(agenda):
    """True when the draft differs from what is live (or nothing is live)."""
    latest = PublishedVersion.objects.filter(agenda=agenda).order_by("-number").first()
    if latest is None:
        return True
    return _without_version(latest.content) != _without_version(build_snapshot(agenda))


def _search_entries(version, content):
    session_block = content["session"]
    original = content["agenda"]["original_language"]
    entries = []
    for language in language_codes():
        names = [
            content["body"]["name"].get(language, ""),
            content["body"]["short_name"].get(language, ""),
            session_block["city"].get(language, ""),
            session_block["venue"].get(language, ""),
        ]
        if any(names):
            label = content["body"]["name"].get(language) or content["agenda"]["symbol"]
            entries.append(
                SearchEntry(
                    version=version,
                    kind=SearchEntry.Kind.SESSION,
                    language=language,
                    symbol=content["agenda"]["symbol"],
                    label=label,
                    text=" ".join([content["agenda"]["symbol"], *names]).casefold(),
                )
            )
        for item in content["items"]:
            title = item["title"].get(language, "")
            annotation = html_to_text(item["annotation"].get(language, ""))
            if title or annotation:
                entries.append(
                    SearchEntry(
                        version=version,
                        kind=SearchEntry.Kind.ITEM,
                        language=language,
                        anchor=link_anchor(item),
                        label=" ".join(p for p in (item["number"], title) if p),
                        text=f"{title} {annotation}".casefold(),
                    )
                )
            for document in item["documents"]:
                doc_title = document["title"].get(language, "")
                # A symbol is the same in every language: index it once without a title.
                if doc_title or (document["symbol"] and language == original):
                    entries.append(
                        SearchEntry(
                            version=version,
                            kind=SearchEntry.Kind.DOCUMENT,
                            language=language,
                            anchor=link_anchor(item),
                            symbol=document["symbol"],
                            label=doc_title or document["symbol"],
                            text=f"{document['symbol']} {doc_title}".casefold(),
                        )
                    )
    return entries


def _published_slots(version, content):
    context = {
        "symbol": content["agenda"]["symbol"],
        "body": content["body"],
        "session": {
            "uid": content["session"]["uid"],
            "number": content["session"]["number"],
            "is_special": content["session"]["is_special"],
            "time_zone": content["session"]["time_zone"],
        },
        "footnotes": content["organization_of_work"]["footnotes"],
    }
    return [
        PublishedSlot(
            version=version,
            date=datetime.date.fromisoformat(row["date"]),
            start_time=datetime.time.fromisoformat(row["start"]),
            end_time=datetime.time.fromisoformat(row["end"]),
            row={**row, **context},
        )
        for row in content["organization_of_work"]["rows"]
    ]


def publish_agenda(agenda, *, by=None):
    """Publish the draft of ``agenda`` as its next version and make it the live one.

    Raises ValidationError, changing nothing, when the agenda cannot be published.
    Returns the new ``PublishedVersion``.
    """
    with transaction.atomic():
        # Lock the agenda so two publishers cannot both take the same version number.
        agenda = Agenda.objects.select_for_update().get(pk=agenda.pk)
        if not agenda.items.exists():
            raise ValidationError(_("An agenda without items cannot be published."))
        content = build_snapshot(agenda)
        last = agenda.versions.aggregate(last=Max("number"))["last"] or 0
        content["version"] = last + 1
        agenda.versions.filter(is_current=True).update(is_current=False)
        version = PublishedVersion.objects.create(
            agenda=agenda,
            number=last + 1,
            symbol=agenda.symbol,
            published_at=timezone.now(),
            published_by=by,
            content=content,
            is_current=True,
        )
        PublishedSlot.objects.bulk_create(_published_slots(version, content))
        SearchEntry.objects.bulk_create(_search_entries(version, content))
    logger.info("%s published as version %s by %s", agenda, version.number, by or "a script")
    return version
