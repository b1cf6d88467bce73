"""Write what was read from a document as a draft agenda, through the services.

Bodies, venues, rooms, sessions, documents and resolutions are looked up first (by
symbol prefix or by name in any language; by symbol; by number) and created only when
the database has none: the report says which. Rows that exist are never changed, so
an import cannot alter another agenda; where the document disagrees with them, the
report says so. The agenda and everything under it is new, and a draft: nothing is
published. Everything is written in one transaction: a refusal anywhere leaves the
database as it was.

Why not build an exchange file and hand it to ``importing.import_agenda``: that
importer makes a session's timetable what the file says, removing the slots of other
agendas of the session, and rewrites every translation of the rows the file names.
A document gives one language and part of the picture; it must only add.
"""

import html
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname

import interchange.documents.vocabulary as v
import languages
from agendas import history, services
from agendas.models import (
    JOB_NUMBER_RE,
    Agenda,
    AgendaEdition,
    Body,
    Document,
    Footnote,
    Room,
    Section,
    Session,
    Venue,
)
from agendas.symbols import parse_symbol, symbol_key
from resolutions import services as resolution_services
from resolutions.models import Resolution
from scheduling import services as scheduling_services
from scheduling.models import JointMeeting, JointParticipant, SlotItem, TimeSlot

from .places import time_zone_for
from .sources import DocumentImportError


def localized(field_name, code):
    return build_localized_fieldname(field_name, code)


def names_of(obj, field_name):
    return [getattr(obj, localized(field_name, code), "") or "" for code in languages.codes()]


@dataclass
class DocumentImportReport:
    """What an import recognised and wrote, and what it did not understand."""

    file_name: str = ""
    source_kind: str = ""
    language: str = ""
    agenda: Agenda | None = None
    written: bool = False
    recognised: list = field(default_factory=list)  # (what, value)
    matched: list = field(default_factory=list)  # found in the database
    created: list = field(default_factory=list)  # created from the document
    counts: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    leftovers: list = field(default_factory=list)  # (line number, text)

    COUNT_LABELS = (
        ("items", "items"),
        ("sub_items", "sub-items"),
        ("parts", "sub-headings"),
        ("paragraphs", "annotation paragraphs"),
        ("documents", "documents listed"),
        ("footnotes", "footnotes"),
        ("slots", "timetable slots"),
        ("joint_meetings", "joint meetings"),
    )

    def count_line(self):
        return ", ".join(f"{self.counts.get(name, 0)} {label}" for name, label in self.COUNT_LABELS)

    def lines(self):
        out = [f"{self.file_name} ({self.source_kind}, {self.language})"]
        out.append("Recognised:")
        out.extend(f"  {what}: {value}" for what, value in self.recognised)
        out.append(f"  {self.count_line()}")
        if self.matched:
            out.append("Found in the database:")
            out.extend(f"  {line}" for line in self.matched)
        if self.created:
            out.append("Created from the document:")
            out.extend(f"  {line}" for line in self.created)
        if self.notes:
            out.append("Notes:")
            out.extend(f"  {line}" for line in self.notes)
        if self.leftovers:
            out.append(f"Not recognised ({len(self.leftovers)} lines):")
            out.extend(f"  line {number}: {text}" for number, text in self.leftovers)
        else:
            out.append("Not recognised: nothing.")
        return out


def annotation_html(paragraphs):
    return "\n".join(f"<p>{html.escape(p.text, quote=False)}</p>" for p in paragraphs)


class Writer:
    def __init__(self, reading, report, *, by=None):
        self.reading = reading
        self.report = report
        self.code = reading.language
        self.language = languages.get(self.code)
        self.by = by
        self.documents = {}
        self.items = {}  # path -> AgendaItem (numbered items)

    def field(self, name):
        return localized(name, self.code)

    def call(self, service, *args, **kwargs):
        """Call a service with the document's language active: a row that has only
        that language's text is complete in it (the default language's field, which
        validation asks for, is the active language's)."""
        with translation.override(self.code):
            return service(*args, by=self.by, **kwargs)

    def note(self, text):
        self.report.notes.append(text)

    # Bodies, places, sessions ------------------------------------------------------

    def find_body(self, name, prefix):
        if prefix:
            found = Body.objects.filter(symbol_prefix__iexact=prefix).first()
            if found:
                return found
        wanted = v.key(name)
        if not wanted:
            return None
        for body in Body.objects.all():
            if wanted in {v.key(n) for n in names_of(body, "name") + names_of(body, "short_name")}:
                return body
        return None

    def find_body_named(self, text):
        """The body ``text`` names, also as the language writes it after "of" ("du
        Groupe d’examen", "Группы по обзору")."""
        wanted = v.key(text)
        for body in Body.objects.all():
            for name in names_of(body, "name") + names_of(body, "short_name"):
                if name and wanted in (v.key(name), v.key(self.language.of_name(name))):
                    return body
        return None

    def body(self, name, prefix, *, term="session", parent=None, role):
        found = self.find_body(name, prefix)
        if found:
            self.report.matched.append(f"{role}: {found} ({found.symbol_prefix})")
            if name and v.key(name) not in {v.key(n) for n in names_of(found, "name")}:
                self.note(
                    _("The document names the %(role)s “%(name)s”; the database calls it “%(db)s”.")
                    % {"role": role, "name": name, "db": found.name}
                )
            return found
        if not name:
            return None
        if not prefix:
            raise DocumentImportError(
                _(
                    "The body “%(name)s” is not in the database and the document has no "
                    "symbol to take its symbol prefix from; add the body first."
                )
                % {"name": name}
            )
        slug = base = slugify(prefix.replace("/", "-").replace(".", "")) or "body"
        counter = 1
        while Body.objects.filter(slug=slug).exists():
            counter += 1
            slug = f"{base}-{counter}"
        body = self.call(
            services.save_body,
            Body(
                symbol_prefix=prefix,
                slug=slug,
                parent=parent,
                gathering_term=term,
                **{self.field("name"): name},
            ),
        )
        self.report.created.append(f"{role}: {name} ({prefix})")
        return body

    def bodies(self):
        reading = self.reading
        prefix = ""
        if reading.symbol:
            try:
                prefix = parse_symbol(reading.symbol).body_prefix
            except ValidationError:
                prefix = ""
        term = reading.session[1] if reading.session else "session"
        parent = None
        if reading.parent_body_name and v.key(reading.parent_body_name) != v.key(reading.body_name):
            parent_prefix = prefix.rsplit("/", 1)[0] if "/" in prefix else ""
            found = self.find_body(reading.body_name, prefix)
            if found is not None and found.parent_id:
                parent = found.parent
            else:
                parent = self.body(reading.parent_body_name, parent_prefix, role=_("parent body"))
        body = self.body(reading.body_name, prefix, term=term, parent=parent, role=_("body"))
        if body is None:
            raise DocumentImportError(
                _("The document does not say which body meets: no body name under the masthead.")
            )
        return body

    def venue(self, session):
        reading = self.reading
        name, city = reading.venue_name, reading.city
        if session is not None and not name:
            return session.venue
        venues = list(Venue.objects.all())
        for venue in venues:
            if name and v.key(name) in {v.key(n) for n in names_of(venue, "name")}:
                self.report.matched.append(_("venue: %(venue)s") % {"venue": venue})
                return venue
        in_city = [
            venue
            for venue in venues
            if city and v.key(city) in {v.key(n) for n in names_of(venue, "city")}
        ]
        if not name and len(in_city) == 1:
            self.report.matched.append(_("venue: %(venue)s") % {"venue": in_city[0]})
            return in_city[0]
        if session is not None:
            return session.venue
        if not (name or city):
            raise DocumentImportError(
                _("The document does not say where the session meets (no place and dates line).")
            )
        zone = time_zone_for(city or name)
        if zone is None:
            zone = "UTC"
            self.note(
                _(
                    "The time zone of “%(city)s” is not known: the new venue is set to UTC; "
                    "correct it."
                )
                % {"city": city or name}
            )
        venue = self.call(
            services.save_venue,
            Venue(
                time_zone=zone,
                **{self.field("name"): name or city, self.field("city"): city or name},
            ),
        )
        self.report.created.append(
            _("venue: %(name)s, %(city)s (%(zone)s)")
            % {"name": name or city, "city": city or name, "zone": zone}
        )
        return venue

    def room(self, venue):
        name = self.reading.room_name
        if not name:
            return None
        for room in venue.rooms.all():
            if v.key(name) in {v.key(n) for n in names_of(room, "name")}:
                self.report.matched.append(_("room: %(room)s") % {"room": room.name})
                return room
        room = self.call(services.save_room, Room(venue=venue, **{self.field("name"): name}))
        self.report.created.append(_("room: %(room)s") % {"room": name})
        return room

    def session(self, body):
        reading = self.reading
        found = None
        if reading.session:
            number, _term, special, resumed = reading.session
            found = Session.objects.filter(
                body=body, number=number, is_special=special, is_resumed=resumed, part=None
            ).first()
        elif reading.start_date:
            found = Session.objects.filter(
                body=body, start_date=reading.start_date, end_date=reading.end_date
            ).first()
        if found:
            self.report.matched.append(_("session: %(session)s") % {"session": found})
            if reading.start_date and (found.start_date, found.end_date) != (
                reading.start_date,
                reading.end_date,
            ):
                self.note(
                    _(
                        "The document gives the dates %(start)s to %(end)s; the session in "
                        "the database runs from %(db_start)s to %(db_end)s (kept)."
                    )
                    % {
                        "start": reading.start_date,
                        "end": reading.end_date,
                        "db_start": found.start_date,
                        "db_end": found.end_date,
                    }
                )
            return found
        if not reading.session:
            raise DocumentImportError(
                _(
                    "The document does not say which session this is (no ordinal such as "
                    "“eleventh meeting”), and the body has no session on these dates."
                )
            )
        if not reading.start_date:
            raise DocumentImportError(
                _(
                    "The document does not give the session's dates (a line such as “Vienna, "
                    "31 August–2 September 2020”)."
                )  # fmt: skip
            )
        venue = self.venue(None)
        room = self.room(venue)
        number, term, special, resumed = reading.session
        if term != body.gathering_term:
            self.note(
                _("The document calls the gathering a %(term)s; the body's are %(db)ss.")
                % {"term": term, "db": body.gathering_term}
            )
        session = self.call(
            services.save_session,
            Session(
                body=body,
                number=number,
                is_special=special,
                is_resumed=resumed,
                start_date=reading.start_date,
                end_date=reading.end_date,
                venue=venue,
                room=room,
                opening_time=reading.opening_time,
                interpretation_languages=reading.interpretation,
            ),
        )
        self.report.created.append(_("session: %(session)s") % {"session": session})
        return session

    # Documents and resolutions ------------------------------------------------------

    def document(self, entry):
        if entry.symbol:
            cache_key = symbol_key(entry.symbol)
            if cache_key in self.documents:
                return self.documents[cache_key]
            found = Document.objects.filter(symbol_key=cache_key).first()
            if found:
                self.report.matched.append(_("document: %(symbol)s") % {"symbol": found.symbol})
                known = v.key(getattr(found, self.field("title"), "") or "")
                if entry.title and known and known != v.key(entry.title):
                    self.note(
                        _("%(symbol)s: the document's title differs from the database's (kept).")
                        % {"symbol": found.symbol}
                    )
                self.documents[cache_key] = found
                return found
        title = entry.title or entry.symbol
        document = self.call(
            services.create_document, symbol=entry.symbol, **{self.field("title"): title}
        )
        self.report.created.append(
            _("document: %(symbol)s %(title)s")
            % {"symbol": entry.symbol or _("(no symbol)"), "title": title}
        )
        if entry.symbol:
            self.documents[symbol_key(entry.symbol)] = document
        return document

    def resolution(self, body, kind, label, title):
        session_number, number = (int(part) for part in label.split("/"))
        chain = body.chain()[::-1]
        for candidate in chain:
            found = Resolution.objects.filter(
                body=candidate, kind=kind, session_number=session_number, number=number
            ).first()
            if found:
                self.report.matched.append(f"{kind} {label} ({candidate.symbol_prefix})")
                return found
        owner = body.parent or body
        resolution = self.call(
            resolution_services.save_resolution,
            Resolution(
                body=owner,
                kind=kind,
                session_number=session_number,
                number=number,
                **{self.field("title"): title},
            ),
        )
        self.report.created.append(f"{kind} {label} ({owner.symbol_prefix}): {title}")
        return resolution

    # The agenda ----------------------------------------------------------------------

    def agenda(self, session):
        reading = self.reading
        symbol = reading.symbol
        if symbol:
            try:
                parse_symbol(symbol)
            except ValidationError as error:
                self.note(" ".join(error.messages) + " " + _("The draft has no symbol."))
                symbol = ""
        if symbol:
            taken = Agenda.objects.filter(symbol__iexact=symbol).first()
            if taken is None:
                taken = Document.objects.filter(symbol_key=symbol_key(symbol)).first()
            if taken is not None:
                self.note(
                    _(
                        "The symbol %(symbol)s is already used by %(other)s: the draft was "
                        "created without a symbol; give it one when you have decided which "
                        "to keep."
                    )
                    % {"symbol": symbol, "other": taken}
                )
                symbol = ""
        original = reading.original_language or reading.language
        agenda = self.call(
            services.save_agenda,
            Agenda(
                session=session,
                symbol=symbol,
                kind=reading.kind,
                distribution=reading.distribution or "general",
                issued_on=reading.issued_on,
                original_language=original,
                announces_venue=reading.announces_venue,
                section_numbering=reading.section_numbering,
                timetable_layout=reading.timetable_layout,
                time_notation=reading.time_notation,
                **({self.field("title"): reading.title} if reading.title else {}),
            ),
        )
        self.edition(agenda)
        for position, (kind, heading, is_annex) in enumerate(reading.sections, start=1):
            self.call(
                services.save_section,
                Section(
                    agenda=agenda,
                    kind=kind,
                    is_annex=is_annex,
                    position=position * services.POSITION_STEP,
                    **({self.field("heading"): heading} if heading else {}),
                ),
            )
        for item in reading.items:
            self.item(agenda, item, None)
        for note in reading.title_footnotes:
            self.call(
                services.save_footnote,
                Footnote(agenda=agenda, placement="title", **{self.field("text"): note.text}),
            )
        return agenda

    def edition(self, agenda):
        reading = self.reading
        job = reading.job_number
        if job:
            match = JOB_NUMBER_RE.match(job)
            letter = self.language.job_letter
            if not match or (letter and match.group(1) != letter):
                self.note(
                    _("The job number %(job)s is not one of the %(language)s version: left out.")
                    % {"job": job, "language": self.code}
                )
                job = ""
        if not (job or reading.reissued_on or reading.processed_on):
            return None
        return self.call(
            services.save_agenda_edition,
            AgendaEdition(
                agenda=agenda,
                language=self.code,
                job_number=job,
                processed_on=reading.processed_on,
                printed_on=reading.printed_on,
                reissued_on=reading.reissued_on,
            ),
        )

    def item(self, agenda, reading_item, parent):
        fields = {
            "kind": reading_item.kind,
            "in_list": reading_item.in_list,
            "in_annotations": reading_item.in_annotations or self.reading.kind == "provisional",
            "lettered": reading_item.lettered,
            self.field("title"): reading_item.title,
        }
        if reading_item.heading:
            fields[self.field("heading")] = reading_item.heading
        if reading_item.paragraphs:
            fields[self.field("annotation")] = annotation_html(reading_item.paragraphs)
        item = self.call(services.add_agenda_item, agenda, parent=parent, **fields)
        if reading_item.kind == "item":
            self.items[reading_item.path] = item
        for entry in reading_item.documents:
            document = self.document(entry)
            if item.documentation.filter(document=document).exists():
                self.note(
                    _("%(symbol)s is listed twice under one item: listed once.")
                    % {"symbol": document}
                )
                continue
            self.call(services.add_documentation, item, document, entry.purpose or None)
        self.item_footnotes(agenda, item, reading_item)
        for child in reading_item.children:
            self.item(agenda, child, item)
        return item

    def item_footnotes(self, agenda, item, reading_item):
        notes = {note.mark: note for note in self.reading.footnotes}
        for mark in reading_item.title_marks:
            note = notes.get(mark)
            if note is None:
                continue
            entries = v.read_citations(note.text, self.code)
            generated = self.language.citation_footnote(entries) if entries else ""
            if entries and v.key(generated) == v.key(note.text):
                for kind, label, title in entries:
                    resolution = self.resolution(agenda.session.body, kind, label, title)
                    known = getattr(resolution, self.field("title"), "") or ""
                    if title and known and v.key(known) != v.key(title):
                        self.note(
                            _("The title of %(kind)s %(label)s differs from the database's (kept).")
                            % {"kind": kind, "label": label}
                        )
                    self.call(resolution_services.cite_resolution, item, resolution, "title")
                self.report.recognised.append(
                    (
                        _("footnote %(mark)s") % {"mark": mark},
                        _("cites %(count)d resolutions and decisions") % {"count": len(entries)},
                    )
                )
                continue
            self.call(
                services.save_footnote,
                Footnote(
                    agenda=agenda, item=item, placement="item", **{self.field("text"): note.text}
                ),
            )
        count = len(reading_item.paragraphs)
        for mark, paragraph in reading_item.paragraph_marks.items():
            note = notes.get(mark)
            if note is None:
                continue
            self.call(
                services.save_footnote,
                Footnote(
                    agenda=agenda,
                    item=item,
                    placement="annotation",
                    paragraph=None if paragraph == count else paragraph,
                    **{self.field("text"): note.text},
                ),
            )

    # The organization of work --------------------------------------------------------

    def timetable(self, agenda):
        reading = self.reading
        session = agenda.session
        if not reading.slots:
            return
        if TimeSlot.objects.filter(session=session).exists():
            self.note(
                _(
                    "The session already has an organization of work: the document's "
                    "%(count)d time slots were not imported."
                )
                % {"count": len(reading.slots)}
            )
            reading.slots = []
            return
        meetings = {}
        notes = {note.mark: note for note in reading.annex_footnotes}
        for slot_reading in reading.slots:
            for entry in slot_reading.entries:
                for mark in entry.marks:
                    if mark not in meetings and mark in notes:
                        meetings[mark] = self.joint_meeting(session, notes[mark], reading.slots)
        for note in reading.annex_footnotes:
            if note.mark not in meetings:
                self.report.leftovers.append((note.line, f"{note.mark} {note.text}"))
        for slot_reading in reading.slots:
            marks = {mark for entry in slot_reading.entries for mark in entry.marks}
            joint = next((meetings[m] for m in marks if m in meetings), None)
            slot = self.call(
                scheduling_services.save_time_slot,
                TimeSlot(
                    session=session,
                    date=slot_reading.date,
                    start_time=slot_reading.start,
                    end_time=slot_reading.end,
                    room=session.room,
                    joint_meeting=joint,
                    **{
                        self.field("note"): slot_reading.note,
                        self.field("introduced_by"): slot_reading.introduced_by,
                    },
                ),
            )
            for position, entry in enumerate(slot_reading.entries, start=1):
                item = self.items.get(entry.path)
                if item is None:
                    self.report.leftovers.append(
                        (slot_reading.line, _("item %(path)s") % {"path": entry.path})
                    )
                    continue
                if slot.slot_items.filter(item=item).exists():
                    continue
                self.call(
                    scheduling_services.save_slot_item,
                    SlotItem(slot=slot, item=item, position=position),
                )

    def joint_meeting(self, session, note, slots):
        """A joint meeting from its note: the items, and the partner session when the
        database has its body; otherwise the note is kept as printed."""
        own_paths = []
        parsed = self.read_joint_note(note.text)
        partner_session = None
        if parsed:
            own_paths = [p for p in (_path(n) for n in parsed["items"]) if p in self.items]
            partner_body = self.find_body_named(parsed["partner_body"])
            if partner_body is not None and parsed["session"]:
                number, _term, special, _resumed = parsed["session"]
                partner_session = Session.objects.filter(
                    body=partner_body, number=number, is_special=special, is_resumed=False
                ).first()
            if partner_session is None:
                self.note(
                    _(
                        "The joint meeting's partner (%(body)s) has no such session in the "
                        "database: the joint meeting keeps its note as printed."
                    )
                    % {"body": parsed["partner_body"]}
                )
        else:
            self.note(
                _(
                    "The footnote “%(mark)s” of the organization of work was not understood as a "
                    "joint meeting: kept as the joint meeting's note."
                )  # fmt: skip
                % {"mark": note.mark}
            )
        if not own_paths:
            own_paths = [
                entry.path for slot in slots for entry in slot.entries if note.mark in entry.marks
            ]
            own_paths = [p for p in dict.fromkeys(own_paths) if len(p) == 1] or own_paths[:1]
        keep_note = True
        if partner_session is not None:
            generated = self.language.joint_meeting_footnote(
                [self.language.item_reference(p) for p in own_paths],
                parsed["partner_items"],
                getattr(session.body, self.field("name"), "") or "",
                getattr(partner_session.body, self.field("name"), "") or "",
                self.language.session_ordinal(
                    partner_session.number,
                    partner_session.body.gathering_term,
                    special=partner_session.is_special,
                ),
            )
            keep_note = v.key(generated) != v.key(note.text)
        meeting = self.call(
            scheduling_services.save_joint_meeting,
            JointMeeting(**({self.field("note"): note.text} if keep_note else {})),
        )
        own = self.call(
            scheduling_services.save_joint_participant,
            JointParticipant(joint_meeting=meeting, session=session, position=0),
        )
        own.items.set([self.items[p] for p in own_paths if p in self.items])
        if partner_session is not None:
            self.call(
                scheduling_services.save_joint_participant,
                JointParticipant(
                    joint_meeting=meeting,
                    session=partner_session,
                    item_numbers=", ".join(parsed["partner_items"]),
                    position=1,
                ),
            )
        return meeting

    def read_joint_note(self, text):
        template = self.language.joint_meeting
        if not template:
            return None
        session_words = v._session_pattern(self.code).pattern
        session_words = re.sub(r"^\(\?<!\\w\)|\(\?!\\w\)$", "", session_words)
        pattern = v.template_pattern(
            template,
            {
                "items": r".+?",
                "partner_items": r".+?",
                "verb": r".+?",
                "partner_session": session_words,
                "partner_session_of": r".+?",
                "partner_body": r".+?",
                "partner_body_of": r".+?",
                "body": r".+?",
                "body_of": r".+?",
            },
        )
        match = re.fullmatch(pattern, text.strip(), re.IGNORECASE)
        if not match:
            return None
        groups = match.groupdict()
        partner = groups.get("partner_body") or groups.get("partner_body_of") or ""
        session_text = groups.get("partner_session") or groups.get("partner_session_of") or ""
        found = v.find_session(session_text, self.code)
        return {
            "items": v.split_numbers(groups.get("items") or "", self.code),
            "partner_items": v.split_numbers(groups.get("partner_items") or "", self.code),
            "partner_body": partner.strip(),
            "session": found[:4] if found else None,
        }

    # The whole draft ------------------------------------------------------------------

    def write(self):
        body = self.bodies()
        session = self.session(body)
        agenda = self.agenda(session)
        self.timetable(agenda)
        return agenda


def _path(reference):
    match = re.match(r"(\d+)(?:\s*\(([a-z])\))?", reference)
    if not match:
        return ()
    path = (int(match.group(1)),)
    if match.group(2):
        path += (ord(match.group(2)) - ord("a") + 1,)
    return path


DRAFTED = history.message(
    "drafted_from_document", gettext_lazy("Drafted “%(object)s” from the document %(file)s.")
)


def write_draft(reading, report, *, by=None, dry_run=False):
    """Write ``reading`` as a new draft agenda; return it. All or nothing."""
    writer = Writer(reading, report, by=by)
    try:
        with transaction.atomic(), history.recording(by=by) as revision:
            agenda = writer.write()
            revision.describe(DRAFTED, object=agenda, file=report.file_name)
            if dry_run:
                transaction.set_rollback(True)
    except ValidationError as error:
        raise DocumentImportError(
            [_("The draft could not be written; nothing was saved.")] + list(error.messages)
        ) from None
    report.written = not dry_run
    return agenda
