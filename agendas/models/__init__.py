"""Bodies, sessions, agendas, agenda items and documents: the draft.

Models hold fields and simple predicates. Every write that involves a business rule goes
through ``agendas.services``; reads that need prefetching live in ``agendas.queries``.
"""

from .agenda import Agenda, AgendaEdition, AgendaItem, Footnote, Section
from .common import JOB_NUMBER_RE, Distribution, validate_time_zone
from .documents import (
    PARSED_SYMBOL_FIELDS,
    Document,
    DocumentationLink,
    DocumentEdition,
    DocumentPurpose,
)
from .meetings import (
    MAX_SESSION_PART,
    SESSION_KEY,
    Body,
    Room,
    Session,
    Venue,
    parse_session_key,
    session_key,
)
from .translating import TranslationRecord, TranslationStatus

__all__ = [
    "JOB_NUMBER_RE",
    "MAX_SESSION_PART",
    "PARSED_SYMBOL_FIELDS",
    "SESSION_KEY",
    "Agenda",
    "AgendaEdition",
    "AgendaItem",
    "Body",
    "Distribution",
    "Document",
    "DocumentEdition",
    "DocumentPurpose",
    "DocumentationLink",
    "Footnote",
    "Room",
    "Section",
    "Session",
    "TranslationRecord",
    "TranslationStatus",
    "Venue",
    "parse_session_key",
    "session_key",
    "validate_time_zone",
]
