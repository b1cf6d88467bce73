"""Draft an agenda from the document the secretariat wrote: a Word file or plain text.

    from interchange.documents import import_agenda_document
    report = import_agenda_document(data, "agenda.docx")
    report.agenda          # the new draft (never published)
    report.lines()         # what was recognised, found, created, and left over

``sources`` reads the file into lines, ``parsing`` recognises the parts of the agenda
in them, ``writing`` writes the draft through the services, and ``comparing`` counts
and compares drafts with agenda files. A file that cannot be read, or holds no
agenda, raises ``DocumentImportError`` and writes nothing.
"""

from pathlib import Path

from .comparing import compare_with_file, counts_of_agenda
from .parsing import parse_document
from .sources import DocumentImportError, read_document
from .writing import DocumentImportReport, write_draft

__all__ = [
    "DocumentImportError",
    "DocumentImportReport",
    "compare_with_file",
    "counts_of_agenda",
    "import_agenda_document",
    "read_agenda_document",
]


def read_agenda_document(data, name):
    """The ``Reading`` of a file's bytes (what the document says), without writing."""
    kind, lines = read_document(data, name)
    return parse_document(lines, kind)


def _recognised(reading):
    fields = [
        ("language", reading.language),
        ("symbol", reading.symbol + "*" * reading.symbol_stars),
        ("distribution", reading.distribution),
        ("date of issue", reading.issued_on),
        ("language of the version", reading.version_language),
        ("original language", reading.original_language),
        ("job number", reading.job_number),
        ("footer dates", " ".join(str(d) for d in (reading.processed_on, reading.printed_on) if d)),
        ("reissued on", reading.reissued_on),
        ("parent body", reading.parent_body_name),
        ("body", reading.body_name),
        ("session", _session_text(reading)),
        ("place and dates", _place_text(reading)),
        ("venue", reading.venue_name),
        ("room", reading.room_name),
        ("opening time", reading.opening_time.strftime("%H:%M") if reading.opening_time else ""),
        ("kind", reading.kind),
        ("title", reading.title),
        ("section headings", reading.section_numbering if reading.sections else ""),
        ("timetable", f"{reading.timetable_layout}, {reading.time_notation}"
         if reading.slots else ""),
        ("interpretation", ", ".join(reading.interpretation)),
    ]  # fmt: skip
    return [(what, str(value)) for what, value in fields if value]


def _session_text(reading):
    if not reading.session:
        return ""
    number, term, special, resumed = reading.session
    words = [f"{number}", term]
    if special:
        words.insert(0, "special")
    if resumed:
        words.insert(0, "resumed")
    return " ".join(words)


def _place_text(reading):
    if not reading.start_date:
        return ""
    return f"{reading.city}, {reading.start_date} to {reading.end_date}"


def import_agenda_document(data, name, *, by=None, dry_run=False):
    """Create a draft agenda from a document's bytes; return a ``DocumentImportReport``.

    ``name`` is the file's name (its suffix says .docx or text). ``dry_run`` reads and
    writes as usual, then rolls back: the report says what an import would do.
    Raises DocumentImportError, having written nothing, when the file cannot be read or
    holds no agenda, or when the draft cannot be written.
    """
    kind, lines = read_document(data, name)
    reading = parse_document(lines, kind)
    report = DocumentImportReport(
        file_name=Path(name or "").name, source_kind=kind, language=reading.language
    )
    report.recognised = _recognised(reading)
    report.notes.extend(reading.notes)
    report.leftovers.extend(reading.leftovers)
    agenda = write_draft(reading, report, by=by, dry_run=dry_run)
    report.leftovers.sort()
    report.counts = counts_of_reading(reading)
    report.agenda = None if dry_run else agenda
    return report


def counts_of_reading(reading):
    items = list(reading.all_items())
    footnotes = sum(1 for note in reading.footnotes if note.used) + len(
        [n for n in reading.annex_footnotes if any(n.mark in e.marks for s in reading.slots
                                                   for e in s.entries)]
    )  # fmt: skip
    return {
        "items": sum(1 for i in items if i.kind == "item" and len(i.path) == 1),
        "sub_items": sum(1 for i in items if i.kind == "item" and len(i.path) > 1),
        "parts": sum(1 for i in items if i.kind == "part"),
        "paragraphs": sum(len(i.paragraphs) for i in items),
        "documents": sum(len(i.documents) for i in items),
        "footnotes": footnotes,
        "slots": len(reading.slots),
        "joint_meetings": len({m for s in reading.slots for e in s.entries for m in e.marks}),
    }
