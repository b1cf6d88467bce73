"""The frozen record of an agenda: what ``build_snapshot`` reads from the draft.

The draft (``Agenda`` and its items, documents, citations and time slots) stays
editable; ``build_snapshot`` reads it into plain data, every human text as a
``{language: text}`` dict with missing translations left out. Publishing adds the
document rendered in every language (``publishing.rendering``) and stores the whole as
``PublishedVersion.content``, from which pages and exports render alone. The record's
contract is ``docs/snapshot.schema.json``, explained in ``docs/snapshot.md``.
"""

from django.db.models import Prefetch, Q
from django.utils.html import escape
from modeltranslation.utils import build_localized_fieldname

import languages
from agendas.html import sanitize_html
from agendas.models import Agenda, AgendaItem, DocumentationLink, Footnote, Section
from agendas.numbering import flatten, number_items
from languages.base import latin_letters
from resolutions.models import Citation
from scheduling.models import JointParticipant, SlotItem, TimeSlot

# The version of the record's contract. A reader refuses a record of a version it does
# not know (``check_schema``) rather than misread it.
SCHEMA = 3
# Schema 2 records (before sections, footnotes of the secretariat and purposes) render
# from the same ``rendered`` part and stay readable.
READABLE_SCHEMAS = frozenset({2, SCHEMA})


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
            "session__body__parent__parent__parent__parent",
            "session__venue",
            "session__room",
            "issued_under_item__agenda",
        )
        .prefetch_related("editions", "sections", "footnotes")
        .get(pk=agenda.pk)
    )


def _items_of(agenda):
    return list(
        AgendaItem.objects.filter(agenda=agenda).prefetch_related(
            Prefetch(
                "documentation",
                queryset=DocumentationLink.objects.select_related(
                    "document", "purpose"
                ).prefetch_related("document__editions"),
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


def _citation_entries(citations, language):
    """(kind, label, title) per citation in ``language``; None when a title is missing
    there but exists in another language (the footnote is then not written in it)."""
    entries = []
    for citation in citations:
        resolution = citation.resolution
        titles = translations(resolution, "title")
        if titles and language not in titles:
            return None
        entries.append((resolution.kind, resolution.label, titles.get(language)))
    return entries


def _citation_footnote(citations):
    """The footnote listing cited resolutions, in each language whose titles all exist.

    Where no language has every title, each language cites what it has, titles where
    they exist: a footnote is never left empty.
    """
    texts = {}
    for language in languages.all_languages():
        entries = _citation_entries(citations, language.code)
        if entries is not None:
            texts[language.code] = escape(language.citation_footnote(entries))
    if not texts:
        for language in languages.all_languages():
            entries = [
                (
                    c.resolution.kind,
                    c.resolution.label,
                    translations(c.resolution, "title").get(language.code),
                )
                for c in citations
            ]
            texts[language.code] = escape(language.citation_footnote(entries))
    return texts


def _inline_citations(citations):
    return [
        {"kind": c.resolution.kind, "label": c.resolution.label}
        for c in citations
        if c.placement == Citation.Placement.INLINE
    ]


def _purpose(purpose):
    if purpose is None:
        return None
    return {"code": purpose.code, "name": translations(purpose, "name")}


def _documents(item):
    documents = []
    for link in item.documentation.all():
        document = link.document
        documents.append(
            {
                "uid": str(document.uid),
                "symbol": document.symbol,
                "url": document.url,
                "purpose": _purpose(link.purpose),
                "title": translations(document, "title"),
                "languages": sorted(e.language for e in document.editions.all() if e.is_available),
            }
        )
    return documents


class _FootnoteNumbers:
    """Footnotes numbered 1, 2, 3 in the order a reader meets their markers."""

    def __init__(self):
        self.footnotes = []

    def add(self, text):
        footnote_id = str(len(self.footnotes) + 1)
        self.footnotes.append({"id": footnote_id, "text": text})
        return footnote_id


def _written(footnote):
    return translations(footnote, "text", clean=sanitize_html)


def _printed(section_kinds, item):
    """Where an item's footnote markers are printed: (its title's place, its annotation).

    The title carries them in the list ("list"), or, for an entry the list leaves out, in
    the annotations' heading ("annotations"), or nowhere (None); the annotation only in
    an annotations section. A footnote with no marker printed takes no number.
    """
    in_list = Section.Kind.AGENDA_LIST in section_kinds and item.in_list and not item.is_part
    in_annotations = Section.Kind.ANNOTATIONS in section_kinds and item.in_annotations
    title_place = "list" if in_list else "annotations" if in_annotations else None
    return title_place, in_annotations


def _paragraph_order(footnote):
    """Footnotes on paragraphs in paragraph order; those on no paragraph (the last) last."""
    return (footnote.paragraph is None, footnote.paragraph or 0, footnote.position, footnote.pk)


def _items_and_footnotes(agenda, items, section_kinds):
    nodes = list(flatten(number_items(items)))
    written = [f for f in agenda.footnotes.all() if _written(f)]
    numbers = _FootnoteNumbers()
    printed = {node.item.pk: _printed(section_kinds, node.item) for node in nodes}

    def title_marks(item):
        marks = [
            numbers.add(_written(f))
            for f in written
            if f.item_id == item.pk and f.placement == Footnote.Placement.ITEM
        ]
        cited = [c for c in item.citations.all() if c.placement == Citation.Placement.TITLE]
        if cited:
            marks.append(numbers.add(_citation_footnote(cited)))
        return marks

    # Numbered in the order a reader meets the markers: the document's title, the list
    # of items, then the annotations, heading by heading and paragraph by paragraph.
    title_notes = [numbers.add(_written(f)) for f in written if f.placement == "title"]
    on_titles = {node.item.pk: [] for node in nodes}
    on_annotations = {node.item.pk: [] for node in nodes}
    for node in nodes:
        if printed[node.item.pk][0] == "list":
            on_titles[node.item.pk] = title_marks(node.item)
    for node in nodes:
        item = node.item
        title_place, annotated = printed[item.pk]
        if title_place == "annotations":
            on_titles[item.pk] = title_marks(item)
        if not annotated:
            continue
        on_paragraphs = sorted(
            (f for f in written if f.item_id == item.pk and f.placement == "annotation"),
            key=_paragraph_order,
        )
        marks = [{"id": numbers.add(_written(f)), "paragraph": f.paragraph} for f in on_paragraphs]
        cited = [c for c in item.citations.all() if c.placement == Citation.Placement.ANNOTATION]
        if cited:
            marks.append({"id": numbers.add(_citation_footnote(cited)), "paragraph": None})
        on_annotations[item.pk] = marks
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
                "letter": node.letter,
                "number": node.display_number,
                "reference": node.reference,
                "anchor": node.anchor,
                "in_list": item.in_list,
                "in_annotations": item.in_annotations,
                "title": translations(item, "title"),
                "heading": translations(item, "heading"),
                "annotation": translations(item, "annotation", clean=sanitize_html),
                "title_footnotes": on_titles[item.pk],
                "annotation_footnotes": on_annotations[item.pk],
                "inline_citations": _inline_citations(item.citations.all()),
                "documents": _documents(item),
            }
        )
    return rows, numbers.footnotes, title_notes, {node.item.pk: node for node in nodes}


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
                "kind": slot.kind,
                "room": translations(room, "name") if room else {},
                "introduced_by": translations(slot, "introduced_by"),
                "note": translations(slot, "note"),
                "joint": joint_id,
                "entries": entries,
            }
        )
    return {"rows": rows, "footnotes": footnotes}


def _section_kinds(agenda):
    """The kinds of the sections the document has: set, or the usual ones."""
    explicit = {section.kind for section in agenda.sections.all()}
    if explicit:
        return explicit
    if agenda.kind == Agenda.Kind.PROVISIONAL:
        return {Section.Kind.AGENDA_LIST, Section.Kind.TIMETABLE}
    return {Section.Kind.AGENDA_LIST, Section.Kind.ANNOTATIONS, Section.Kind.TIMETABLE}


def _sections(agenda, has_timetable):
    """The sections of the document in order: those the secretariat set, or the usual
    ones for the agenda's kind (the list; the annotations; the timetable as an annex)."""
    explicit = list(agenda.sections.all())
    if explicit:
        return [
            {
                "uid": str(section.uid),
                "kind": section.kind,
                "heading": translations(section, "heading"),
                "show_heading": True,
                "text": translations(section, "text", clean=sanitize_html),
                "is_annex": section.is_annex,
            }
            for section in explicit
        ]
    provisional = agenda.kind == Agenda.Kind.PROVISIONAL
    kinds = [Section.Kind.AGENDA_LIST]
    if not provisional:
        kinds.append(Section.Kind.ANNOTATIONS)
    if has_timetable:
        kinds.append(Section.Kind.TIMETABLE)
    return [
        {
            "uid": None,
            "kind": kind,
            "heading": {},
            # A provisional agenda is the list: its title says so, no heading repeats it.
            "show_heading": not (provisional and kind == Section.Kind.AGENDA_LIST),
            "text": {},
            "is_annex": kind == Section.Kind.TIMETABLE,
        }
        for kind in kinds
    ]


def _issued_under(item):
    """The item of another agenda this document is issued under, or None."""
    if item is None:
        return None
    node = next(
        node
        for node in flatten(number_items(list(AgendaItem.objects.filter(agenda=item.agenda_id))))
        if node.item.pk == item.pk
    )
    return {
        "symbol": item.agenda.symbol,
        "path": list(node.path) if node.numbered else [],
        "title": translations(item, "title"),
    }


def build_snapshot(agenda):
    """Everything the public sees of ``agenda``, in every language, as a JSON-able dict.

    The record without its renderings: ``publishing.rendering.freeze`` adds them.
    """
    agenda = _agenda_for_snapshot(agenda)
    session = agenda.session
    body = session.body
    items = _items_of(agenda)
    section_kinds = _section_kinds(agenda)
    item_rows, footnotes, title_footnotes, nodes_by_pk = _items_and_footnotes(
        agenda, items, section_kinds
    )
    # The session's timetable is printed by the agenda documents that have a place for it
    # (two documents of one session must not both put it in the daily programme).
    if Section.Kind.TIMETABLE in section_kinds:
        work = _organization_of_work(session, nodes_by_pk)
    else:
        work = {"rows": [], "footnotes": []}
    editions = {
        edition.language: {
            "job_number": edition.job_number,
            "barcode": edition.barcode,
            "reissued_on": _iso(edition.reissued_on),
            "processed_on": _iso(edition.processed_on),
            "printed_on": _iso(edition.printed_on),
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
            "title": translations(agenda, "title"),
            "title_footnotes": title_footnotes,
            "distribution": agenda.distribution,
            "issued_on": _iso(agenda.issued_on),
            "original_language": agenda.original_language,
            "issued_under": _issued_under(agenda.issued_under_item),
            "announces_venue": agenda.announces_venue,
            "section_numbering": agenda.section_numbering,
            "documentation_style": agenda.documentation_style,
            "timetable_layout": agenda.timetable_layout,
            "time_notation": agenda.time_notation,
            "is_sample": agenda.is_sample,
        },
        "editions": editions,
        "reissue": {
            language: edition["reissued_on"]
            for language, edition in editions.items()
            if edition["reissued_on"]
        },
        "body": _body_block(body),
        # The bodies printed in the masthead and title block, from the top down.
        "chain": [_body_block(link) for link in body.chain()],
        "session": {
            "uid": str(session.uid),
            "number": session.number,
            "is_special": session.is_special,
            "is_resumed": session.is_resumed,
            "part": session.part,
            "start_date": _iso(session.start_date),
            "end_date": _iso(session.end_date),
            "opening_time": _hhmm(session.opening_time) if session.opening_time else None,
            "time_zone": session.venue.time_zone,
            "venue": translations(session.venue, "name"),
            "city": translations(session.venue, "city"),
            "room": translations(session.room, "name") if session.room_id else {},
            "interpretation": list(session.interpretation_languages),
        },
        "sections": _sections(agenda, bool(work["rows"])),
        "items": item_rows,
        "footnotes": footnotes,
        "organization_of_work": work,
    }


def draft_differs(agenda, content):
    """True when the draft of ``agenda`` would not publish as ``content`` (a record)."""
    ignored = {"version", "rendered"}
    draft = build_snapshot(agenda)
    return {k: v for k, v in content.items() if k not in ignored} != {
        k: v for k, v in draft.items() if k not in ignored
    }
