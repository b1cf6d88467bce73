"""Writes to bodies, venues, sessions, agendas, agenda items and documents.

Every function here validates with ``full_clean`` before it writes and runs in one
transaction, so bad input raises ``ValidationError`` with a message a person can act on
and leaves the database as it was. The admin, ``load_demo`` and publishing all write
through these functions, so a rule added here holds everywhere.

``by`` is the user on whose behalf the change is made (``None`` for scripts); it is
logged so that changes can be traced.
"""

import logging
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

import languages
from languages.base import capitalize

from . import history, permissions, translating
from .models import (
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
from .models.common import translated_values
from .models.versioning import EditConflict
from .numbering import flatten, number_items
from .pasting import read_lines, refused_line
from .symbols import symbol_key

logger = logging.getLogger(__name__)

# Positions are spaced so that a person can slot an item in between (15 between 10 and
# 20) without renumbering; services renumber in these steps after every move.
POSITION_STEP = 10

# 1., (a), (i): the deepest an agenda nests.
MAX_ITEM_DEPTH = 3


def next_position(queryset, step=POSITION_STEP):
    """The position after the last row of ``queryset``: appending keeps the gaps."""
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + step


class StaleEditError(ValidationError):
    """A save based on a version of the row that someone else has saved over since (or
    deleted). Nothing was written; ``current`` is the row as it is now (None when it was
    deleted) and ``differences`` lists ``(label, theirs)`` for each field whose saved
    value differs from the one this save would write."""

    def __init__(self, conflict):
        self.instance, self.current = conflict.instance, conflict.current
        name = f"{conflict.instance._meta.verbose_name} “{conflict.instance}”"
        if self.current is None:
            self.differences = []
            message = _(
                "The %(name)s was removed by someone else after you opened it; nothing was saved."
            ) % {"name": name}
        else:
            self.differences = differences(conflict.instance, self.current)
            message = _(
                "Someone else saved the %(name)s after you opened it, so nothing of yours was "
                "saved; what you typed is kept here."
            ) % {"name": name}
            if self.differences:
                message += " " + _("Now saved: %(changes)s.") % {
                    "changes": "; ".join(
                        f"{label}: “{theirs}”" for label, theirs in self.differences
                    )
                }
        super().__init__(message, code="stale")


def differences(mine, theirs):
    """``(label, their value)`` of each content field where two versions of a row differ."""
    changed = []
    # modeltranslation keeps each translated field's original column (title) beside its
    # languages' (title_en ...): name the languages only.
    originals = {
        f.translated_field.name for f in mine._meta.fields if hasattr(f, "translated_field")
    }
    for model_field in mine._meta.concrete_fields:
        if (
            model_field.primary_key
            or not model_field.editable
            or model_field.name == "version"
            or model_field.name in originals
        ):
            continue
        ours, saved = model_field.value_from_object(mine), model_field.value_from_object(theirs)
        if (ours or None) != (saved or None):
            shown = saved if saved not in (None, "") else "—"
            changed.append((str(model_field.verbose_name), str(shown)))
    return changed


@history.recorded_save
def validate_and_save(instance, *, by=None):
    """Validate ``instance`` with ``full_clean`` and save it; raise ValidationError if bad.

    A unique constraint can still fail between the check and the insert when two people
    save at the same moment; that race is reported as a ValidationError too, never as an
    IntegrityError, so the admin shows a message instead of a server error.

    ``by`` may be refused the change (``translating.check_change``: a translator changes
    only their languages' texts), and each changed text's source is kept for its status.
    """
    stored = translating.check_change(instance, by=by)
    instance.full_clean()
    try:
        # A savepoint, so that a caller's surrounding transaction stays usable.
        with transaction.atomic():
            instance.save()
    except EditConflict as conflict:
        raise StaleEditError(conflict) from None
    except IntegrityError as error:
        # Re-validate now that the competing row is visible: usually this names the
        # exact field; if it does not, say what happened in general terms.
        instance.full_clean()
        raise ValidationError(
            _("This change conflicts with one saved at the same moment. Reload and try again."),
            code="conflict",
        ) from error
    translating.record_change(instance, stored, by=by)
    # Debug level: a loader saves hundreds of rows, and the admin's own history already
    # records what staff change there.
    logger.debug("%s %s saved by %s", type(instance).__name__, instance.pk, by or "a script")
    return instance


def save_body(body, *, by=None):
    """Create or update a body (organ or subsidiary body)."""
    with transaction.atomic():
        return validate_and_save(body, by=by)


def save_venue(venue, *, by=None):
    """Create or update a venue; its time zone must be an IANA name."""
    with transaction.atomic():
        return validate_and_save(venue, by=by)


def save_room(room, *, by=None):
    """Create or update a room of a venue."""
    with transaction.atomic():
        return validate_and_save(room, by=by)


def save_session(session, *, by=None):
    """Create or update a session of a body."""
    with transaction.atomic():
        return validate_and_save(session, by=by)


def save_agenda(agenda, *, by=None):
    """Create or update an agenda's masthead: symbol, kind, distribution, dates.

    The symbol must be a well-formed UN symbol used by no other agenda or document.
    """
    # See save_document: stored spaces would defeat the uniqueness check.
    agenda.symbol = agenda.symbol.strip()
    with transaction.atomic():
        if not agenda.slug and agenda.session_id:
            agenda.slug = _free_agenda_slug(agenda)
        return validate_and_save(agenda, by=by)


# Addresses of agendas left without one: "annotated-agenda", then "annotated-agenda-2".
DEFAULT_AGENDA_SLUGS = {
    Agenda.Kind.PROVISIONAL: "provisional-agenda",
    Agenda.Kind.ANNOTATED: "annotated-agenda",
}


def _free_agenda_slug(agenda):
    base = DEFAULT_AGENDA_SLUGS.get(agenda.kind, "agenda")
    taken = set(
        Agenda.objects.filter(session_id=agenda.session_id)
        .exclude(pk=agenda.pk)
        .values_list("slug", flat=True)
    )
    slug, counter = base, 1
    while slug in taken:
        counter += 1
        slug = f"{base}-{counter}"
    return slug


def save_agenda_edition(edition, *, by=None):
    """Create or update a language version of an agenda (job number, reissue date)."""
    with transaction.atomic():
        return validate_and_save(edition, by=by)


EDITION_FIELDS = ("job_number", "processed_on", "printed_on", "reissued_on")


@history.records("editions")
def save_agenda_editions(agenda, values, *, by=None):
    """Create or update several language versions of an agenda at once, all or none.

    ``values`` maps a language code to the version's fields (``EDITION_FIELDS``); a
    language whose fields are all empty and that has no version yet gets none. A
    refusal names the language: "中文: ...".
    """
    existing = {edition.language: edition for edition in agenda.editions.all()}
    saved = []
    with transaction.atomic():
        for code, fields in values.items():
            edition = existing.get(code)
            if edition is None and not any(fields.values()):
                continue
            edition = edition or AgendaEdition(agenda=agenda, language=code)
            for name, value in fields.items():
                setattr(edition, name, value)
            try:
                saved.append(save_agenda_edition(edition, by=by))
            except ValidationError as error:
                raise ValidationError(
                    f"{languages.get(code).name}: {' '.join(error.messages)}",
                    code=getattr(error, "code", None) or "bad_edition",
                ) from error
    return saved


def validate_item_tree(parents, kinds=None):
    """Check that a parent mapping forms a tree no deeper than 1., (a), (i).

    ``parents`` maps each item's key to its parent's key (``None`` at the top level);
    keys can be primary keys or any other hashable, so forms that are not saved yet can
    be checked together before anything is written. ``kinds`` (key -> kind), when
    given, also keeps numbered items out from under unnumbered entries, where their
    numbers would repeat those of the top level.
    """
    kinds = kinds or {}
    for key in parents:
        seen = {key}
        depth = 1
        parent = parents.get(key)
        while parent is not None:
            if parent in seen:
                raise ValidationError(
                    {"parent": _("An item cannot be its own parent or ancestor.")},
                    code="item_cycle",
                )
            seen.add(parent)
            # A heading groups items without taking a level of the numbering.
            if kinds.get(parent) != AgendaItem.Kind.HEADING:
                depth += 1
            parent = parents.get(parent)
        if depth > MAX_ITEM_DEPTH:
            raise ValidationError(
                {"parent": _("Agendas nest at most three levels deep: 1., (a), (i).")},
                code="item_too_deep",
            )
    for key, kind in kinds.items():
        parent = parents.get(key)
        if kinds.get(parent) == AgendaItem.Kind.PART:
            raise ValidationError(
                {"parent": _("A sub-heading inside an annotation has nothing under it.")},
                code="under_part",
            )
        if kind == AgendaItem.Kind.PART and kinds.get(parent) == AgendaItem.Kind.HEADING:
            raise ValidationError(
                {"parent": _("A sub-heading inside an annotation belongs to an item.")},
                code="part_under_heading",
            )
        if kind != AgendaItem.Kind.ITEM:
            continue
        # Headings group items without taking a level: look past them.
        parent = parents.get(key)
        while parent is not None and kinds.get(parent) == AgendaItem.Kind.HEADING:
            parent = parents.get(parent)
        if parent is not None and kinds.get(parent) == AgendaItem.Kind.UNNUMBERED:
            raise ValidationError(
                {"parent": _("A numbered item cannot be placed under an unnumbered entry.")},
                code="numbered_under_unnumbered",
            )


def _agenda_tree(agenda_id):
    """``(parents, kinds)`` of the agenda's items, keyed by primary key."""
    rows = AgendaItem.objects.filter(agenda_id=agenda_id).values_list("pk", "parent_id", "kind")
    return {pk: parent for pk, parent, _kind in rows}, {pk: kind for pk, _parent, kind in rows}


def save_agenda_item(item, *, by=None):
    """Create or update an agenda item: its parent, position, kind, title and annotation.

    Checks, besides the fields, that the parent is in the same agenda, that the item is
    not made its own ancestor, that its sub-items would not end up deeper than three
    levels, and that no numbered item would sit under an unnumbered entry.
    """
    with transaction.atomic():
        # The tree is checked and written under the agenda's structure lock: two saves
        # that each make one item the other's parent cannot both pass the check.
        lock_structure(item.agenda_id)
        parents, kinds = _agenda_tree(item.agenda_id)
        # A new item has no key yet; any key that is not a primary key stands for it.
        key = item.pk if item.pk is not None else "new"
        parents[key], kinds[key] = item.parent_id, item.kind
        validate_item_tree(parents, kinds)
        return validate_and_save(item, by=by)


def add_agenda_item(agenda, *, parent=None, by=None, **fields):
    """Append a new item at the end of ``agenda`` (or of ``parent``'s sub-items).

    ``fields`` are AgendaItem fields such as ``title_en``, ``annotation_zh_hans`` or
    ``kind``.
    """
    with transaction.atomic():
        item = AgendaItem(
            agenda=agenda,
            parent=parent,
            position=next_position(AgendaItem.objects.filter(agenda=agenda, parent=parent)),
            **fields,
        )
        return save_agenda_item(item, by=by)


def _siblings(item):
    return list(
        AgendaItem.objects.select_for_update()
        .filter(agenda_id=item.agenda_id, parent_id=item.parent_id)
        .order_by("position", "pk")
    )


def _renumber(items):
    moved = []
    for index, sibling in enumerate(items, start=1):
        if sibling.position != index * POSITION_STEP:
            moved.append(sibling)
        sibling.position = index * POSITION_STEP
    AgendaItem.objects.bulk_update(items, ["position"])
    # A bulk update sends no post_save: record the entries whose place changed.
    history.include(*moved)


@history.records("moved")
def move_item(item, *, direction=None, position=None, by=None):
    """Move an item among its siblings, so that the derived numbers follow.

    Give either ``direction`` ("up" or "down": one place; a no-op at either end) or
    ``position``, the 1-based place among the siblings ("2" makes it (b)). Siblings'
    positions are rewritten in steps of ten. Returns True if the order changed.
    """
    if (direction is None) == (position is None):
        raise ValueError("Give exactly one of direction and position.")
    permissions.require_structure(by)
    if direction is not None and direction not in ("up", "down"):
        raise ValidationError(
            _("Move an item “up” or “down”, not “%(direction)s”.") % {"direction": direction},
            code="invalid_direction",
        )
    with transaction.atomic():
        lock_structure(item.agenda_id)
        siblings = _siblings(item)
        index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
        if direction is not None:
            target = index - 1 if direction == "up" else index + 1
            if not 0 <= target < len(siblings):
                return False
        else:
            if not 1 <= position <= len(siblings):
                raise ValidationError(
                    _(
                        "There are %(count)d items at this level; "
                        "choose a place from 1 to %(count)d."
                    )
                    % {"count": len(siblings)},
                    code="invalid_position",
                )
            target = position - 1
        if target == index:
            return False
        siblings.insert(target, siblings.pop(index))
        _renumber(siblings)
        item.position = siblings[target].position
        logger.info("AgendaItem %s moved by %s", item.pk, by or "a script")
        return True


@history.records("reordered")
def reorder_items(agenda, ordered_ids, *, by=None):
    """Put items in the given order without touching their parents.

    ``ordered_ids`` lists either every item of the agenda or every sub-item of one
    parent, each once. Positions are rewritten in steps of ten in that order; since
    numbers are derived from the order of siblings, items are renumbered accordingly.
    """
    permissions.require_structure(by)
    ordered_ids = [int(pk) for pk in ordered_ids]
    with transaction.atomic():
        lock_structure(agenda.pk)
        items = {
            item.pk: item for item in AgendaItem.objects.select_for_update().filter(agenda=agenda)
        }
        wanted = set(ordered_ids)
        same_parent = {items[pk].parent_id for pk in wanted if pk in items}
        is_whole_agenda = wanted == set(items)
        is_one_level = (
            len(same_parent) == 1
            and wanted <= set(items)
            and wanted == {pk for pk, it in items.items() if it.parent_id in same_parent}
        )
        if len(wanted) != len(ordered_ids) or not (is_whole_agenda or is_one_level):
            raise ValidationError(
                _("List every item of the agenda, or every sub-item of one item, exactly once."),
                code="invalid_order",
            )
        _renumber([items[pk] for pk in ordered_ids])
        logger.info("Agenda %s reordered by %s", agenda.pk, by or "a script")


def lock_structure(agenda_id):
    """Serialise changes to an agenda's structure (parents and order), so that no two
    of them interleave into a cycle or undo each other's move. SQLite serialises writers
    already; PostgreSQL waits on the agenda's row."""
    if connection.features.has_select_for_update:
        Agenda.objects.select_for_update().filter(pk=agenda_id).first()


@history.records("moved")
def place_item(item, *, parent, index, by=None):
    """Put ``item`` under ``parent`` (None: the top level) as its ``index``-th entry
    (0-based; past the end appends), renumbering the siblings it leaves and joins.

    The tree rules of ``save_agenda_item`` hold: no cycle, no fourth level, no numbered
    item under an unnumbered entry. Returns the item as saved.
    """
    permissions.require_structure(by)
    with transaction.atomic():
        lock_structure(item.agenda_id)
        item = AgendaItem.objects.get(pk=item.pk)
        parent_id = parent.pk if parent is not None else None
        if parent is not None and parent.agenda_id != item.agenda_id:
            raise ValidationError(
                {"parent": _("The parent item belongs to another agenda.")},
                code="foreign_parent",
            )
        parents, kinds = _agenda_tree(item.agenda_id)
        parents[item.pk] = parent_id
        validate_item_tree(parents, kinds)
        siblings = list(
            AgendaItem.objects.filter(agenda_id=item.agenda_id, parent_id=parent_id)
            .exclude(pk=item.pk)
            .order_by("position", "pk")
        )
        old_parent_id = item.parent_id
        item.parent_id = parent_id
        siblings.insert(max(0, min(index, len(siblings))), item)
        _renumber(siblings)
        item.save(update_fields=["parent", "position"])
        if old_parent_id != parent_id:
            _renumber(
                list(
                    AgendaItem.objects.filter(
                        agenda_id=item.agenda_id, parent_id=old_parent_id
                    ).order_by("position", "pk")
                )
            )
        logger.info("AgendaItem %s placed by %s", item.pk, by or "a script")
        return item


@history.records("indented")
def indent_item(item, *, by=None):
    """Make ``item`` the last sub-entry of the entry above it, as a Tab would.

    Refused at the top of its level (nothing to go under), with the message of the tree
    rule it would break otherwise.
    """
    permissions.require_structure(by)
    above = (
        AgendaItem.objects.filter(
            agenda_id=item.agenda_id, parent_id=item.parent_id, position__lt=item.position
        )
        .order_by("-position", "-pk")
        .first()
    )
    if above is None:
        raise ValidationError(
            _("The first entry of a level has no entry above it to go under."),
            code="nothing_to_indent_under",
        )
    return place_item(item, parent=above, index=above.children.count(), by=by)


@history.records("outdented")
def outdent_item(item, *, by=None):
    """Move ``item`` out of its parent, to just after it, as Shift+Tab would."""
    permissions.require_structure(by)
    if item.parent_id is None:
        raise ValidationError(
            _("A top-level entry cannot move further out."), code="nothing_to_outdent_to"
        )
    parent = item.parent
    siblings = list(
        AgendaItem.objects.filter(agenda_id=item.agenda_id, parent_id=parent.parent_id)
        .order_by("position", "pk")
        .values_list("pk", flat=True)
    )
    return place_item(item, parent=parent.parent, index=siblings.index(parent.pk) + 1, by=by)


@history.records("removed_entry")
def remove_agenda_item(item, *, by=None):
    """Delete an entry with its sub-entries, documentation, citations, footnotes and the
    timetable's references to them."""
    permissions.require_structure(by)
    with transaction.atomic():
        lock_structure(item.agenda_id)
        logger.info("AgendaItem %s removed by %s", item.pk, by or "a script")
        # Seen in the history of the agenda, and of the entry it was under.
        history.include(item.agenda, item.parent)
        agenda_id, parent_id = item.agenda_id, item.parent_id
        item.delete()
        _renumber(
            list(
                AgendaItem.objects.filter(agenda_id=agenda_id, parent_id=parent_id).order_by(
                    "position", "pk"
                )
            )
        )


def normalize_positions(agenda, *, by=None):
    """Rewrite positions in reading order in steps of ten (after hand-typed positions).

    Positions already so written are left alone: saving an agenda's page without
    moving anything (a translator's) changes no position.
    """
    items = list(AgendaItem.objects.filter(agenda=agenda).only("pk", "parent", "position", "kind"))
    reading_order = [node.item for node in flatten(number_items(items))]
    if all(item.position == index * POSITION_STEP for index, item in enumerate(reading_order, 1)):
        return
    reorder_items(agenda, [item.pk for item in reading_order], by=by)


def save_section(section, *, by=None):
    """Create or update a section of an agenda document (its contents and heading)."""
    with transaction.atomic():
        if section.agenda_id:
            lock_structure(section.agenda_id)
        if not section.position and section.agenda_id:
            section.position = next_position(Section.objects.filter(agenda_id=section.agenda_id))
        return validate_and_save(section, by=by)


def save_footnote(footnote, *, by=None):
    """Create or update a footnote the secretariat writes on a title or an annotation."""
    with transaction.atomic():
        if not footnote.position and footnote.agenda_id:
            footnote.position = next_position(Footnote.objects.filter(agenda_id=footnote.agenda_id))
        return validate_and_save(footnote, by=by)


def save_document_purpose(purpose, *, by=None):
    """Create or update a purpose documents are listed for ("For decision" ...)."""
    with transaction.atomic():
        return validate_and_save(purpose, by=by)


def save_document(document, *, by=None):
    """Create or update a document; its symbol is validated, parsed and must be unique.

    Symbols are unique regardless of case across documents and agendas, because
    undocs.org and ODS treat ``CAC/COSP/2020/1`` and ``cac/cosp/2020/1`` as one.
    """
    # The symbol validator ignores surrounding spaces; stored, they would let
    # " A/1" slip past the case-insensitive uniqueness check on "A/1".
    document.symbol = document.symbol.strip()
    with transaction.atomic():
        return validate_and_save(document, by=by)


@history.records("added", about=lambda document, **kwargs: {"model": document, "object": document})
def create_document(*, symbol="", by=None, editions=(), **fields):
    """Create a document from its fields and language versions in one step.

    ``fields`` are Document fields (``title_en``, ``issued_on`` ...); ``editions`` is an
    iterable of dicts of DocumentEdition fields (``language``, ``job_number`` ...).
    """
    with transaction.atomic():
        document = save_document(Document(symbol=symbol, **fields), by=by)
        for edition in editions:
            save_document_edition(DocumentEdition(document=document, **edition), by=by)
        return document


def save_document_edition(edition, *, by=None):
    """Create or update a language version of a document (job number, availability)."""
    with transaction.atomic():
        return validate_and_save(edition, by=by)


def _document_for(document):
    if isinstance(document, Document):
        return document
    found = Document.objects.filter(symbol_key=symbol_key(str(document))).first()
    if found is None:
        raise ValidationError(
            {"document": _("There is no document %(symbol)s.") % {"symbol": document}},
            code="unknown_document",
        )
    return found


def purpose_for(purpose):
    """A DocumentPurpose from itself, its code ("for-decision") or None."""
    if purpose is None or isinstance(purpose, DocumentPurpose):
        return purpose
    found = DocumentPurpose.objects.filter(code=str(purpose).strip()).first()
    if found is None:
        raise ValidationError(
            {"purpose": _("There is no purpose “%(code)s”.") % {"code": purpose}},
            code="unknown_purpose",
        )
    return found


def add_documentation(item, document, purpose=None, *, by=None):
    """List ``document`` (a Document or a symbol) under ``item``, after those listed,
    for ``purpose`` (a DocumentPurpose, its code, or None).

    Listing a document twice under one item is refused.
    """
    with transaction.atomic():
        document = _document_for(document)
        link = DocumentationLink(
            item=item,
            document=document,
            purpose=purpose_for(purpose),
            position=next_position(DocumentationLink.objects.filter(item=item)),
        )
        return validate_and_save(link, by=by)


@dataclass
class PasteReport:
    """What a pasted list of documents became, line by line, in the order pasted.

    Each entry is ``(line, outcome, document, note)``: outcome "linked" (an existing
    document), "created" (a new one, from the symbol as printed), "to be issued" (no
    symbol: created without one) or "already listed" (left as it was); ``note`` names
    what is irregular in a symbol, or is empty.
    """

    entries: list = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for entry in self.entries if entry[1] == outcome)


def _pasted(report, item, *args, **kwargs):
    listed = len(report.entries) - report.count("already listed")
    return {"object": item, "count": listed}


@history.records("pasted_documents", about=_pasted)
def paste_documentation(item, text, *, language, by=None):
    """List under ``item``, after what it lists, every document of a pasted list.

    One document a line (``agendas.pasting``): a symbol, an optional title in
    ``language`` and an optional purpose (a name of the vocabulary in any language, or
    its code). Documents that exist are linked, found by their normalised symbol; the
    others are created from the symbol as printed, an irregular one named in the
    report; a line without a symbol is a document to be issued. The rows keep the order
    of the paste. All or nothing: a line that cannot be written leaves the item as it
    was, and the ValidationError names the line.
    """
    permissions.require_structure(by)
    purposes = {}
    for purpose in DocumentPurpose.objects.all():
        purposes[purpose.code.casefold()] = purpose
        for name in translated_values(purpose, "name"):
            if name:
                purposes[name.casefold()] = purpose
    title_field = build_localized_fieldname("title", language)
    report = PasteReport()
    with transaction.atomic():
        listed = set(item.documentation.values_list("document_id", flat=True))
        for line in read_lines(text, purposes):
            try:
                if line.problem:
                    raise ValidationError(line.problem, code="unreadable_line")
                # A new document's title is complete in the language it was pasted in.
                with translation.override(language):
                    document, outcome = _pasted_document(line, title_field, by)
                if document.pk in listed:
                    report.entries.append((line, "already listed", document, ""))
                    continue
                add_documentation(item, document, purposes.get(line.purpose.casefold()), by=by)
            except ValidationError as error:
                raise refused_line(line, error) from error
            listed.add(document.pk)
            report.entries.append((line, outcome, document, document.symbol_irregularity))
    return report


def _pasted_document(line, title_field, by):
    if line.symbol:
        found = Document.objects.filter(symbol_key=symbol_key(line.symbol)).first()
        if found is not None:
            return found, "linked"
        fields = {title_field: line.title or line.symbol}
        return save_document(Document(symbol=line.symbol, **fields), by=by), "created"
    return save_document(Document(**{title_field: line.title}), by=by), "to be issued"


def save_documentation_link(link, *, by=None):
    """Create or update a documentation entry of an item (document, purpose, position)."""
    with transaction.atomic():
        return validate_and_save(link, by=by)


# The service each model is saved with, for callers (the admin, loaders) that receive
# instances of several models and must not bypass a model's rules.
SAVERS = {
    Body: save_body,
    Venue: save_venue,
    Room: save_room,
    Session: save_session,
    Agenda: save_agenda,
    AgendaEdition: save_agenda_edition,
    AgendaItem: save_agenda_item,
    Document: save_document,
    DocumentEdition: save_document_edition,
    DocumentationLink: save_documentation_link,
    DocumentPurpose: save_document_purpose,
    Section: save_section,
    Footnote: save_footnote,
}


def _session_phrases(session, language):
    """How the texts of an agenda name its session and dates in ``language``, in a
    fixed order, so that two sessions' phrases pair up one to one."""
    term = session.body.gathering_term
    name = language.session_name(
        session.number,
        term,
        special=session.is_special,
        resumed=session.is_resumed,
        part=session.part,
    )
    phrases = [
        name,
        language.format_date_range(session.start_date, session.end_date),
        language.format_date(session.start_date, weekday=True),
        language.format_date(session.start_date),
        language.format_date(session.end_date, weekday=True),
        language.format_date(session.end_date),
    ]
    return [*phrases, *(capitalize(p) for p in phrases)]


def _brought_forward(text, replacements):
    """``text`` with each old phrase replaced by its new one in a single pass, so that
    a phrase just written (this session's first day) is never taken for an old one
    (the earlier session's last day)."""
    pairs = {}
    for old, new in replacements:
        if old and old != new:
            pairs.setdefault(old, new)  # a one-day session's day: its first day's pair
    if not text or not pairs:
        return text
    pattern = re.compile("|".join(re.escape(old) for old in sorted(pairs, key=len, reverse=True)))
    return pattern.sub(lambda match: pairs[match[0]], text)


@history.records("started_from_previous")
def start_from_previous(session, *, by=None):
    """A new draft agenda for ``session``, begun from the last agenda of its body.

    The items, their headings and annotations and the sections are copied, with every
    mention of the earlier session's ordinal and dates replaced by this session's, in
    each language; documentation, citations, footnotes and the timetable start empty,
    since they change from session to session. Raises ValidationError when the body
    has no earlier agenda.
    """
    previous = (
        Agenda.objects.filter(
            session__body=session.body, session__start_date__lt=session.start_date
        )
        .select_related("session__body")
        .order_by("-session__start_date", "-pk")
        .first()
    )
    if previous is None:
        raise ValidationError(
            _("%(body)s has no agenda of an earlier session to start from.")
            % {"body": session.body},
            code="no_previous_agenda",
        )
    replacements = {}
    for language in languages.all_languages():
        old = _session_phrases(previous.session, language)
        new = _session_phrases(session, language)
        replacements[language.code] = list(zip(old, new, strict=True))

    def carried(obj, field):
        return {
            build_localized_fieldname(field, code): _brought_forward(
                getattr(obj, build_localized_fieldname(field, code)) or "", pairs
            )
            for code, pairs in replacements.items()
        }

    with transaction.atomic():
        agenda = save_agenda(
            Agenda(
                session=session,
                kind=previous.kind,
                distribution=previous.distribution,
                original_language=previous.original_language,
                announces_venue=previous.announces_venue,
                section_numbering=previous.section_numbering,
                documentation_style=previous.documentation_style,
                timetable_layout=previous.timetable_layout,
                time_notation=previous.time_notation,
                **carried(previous, "title"),
            ),
            by=by,
        )
        for section in previous.sections.all():
            save_section(
                Section(
                    agenda=agenda,
                    position=section.position,
                    kind=section.kind,
                    is_annex=section.is_annex,
                    **carried(section, "heading"),
                    **carried(section, "text"),
                ),
                by=by,
            )
        copies = {}
        for node in flatten(number_items(list(previous.items.all()))):
            item = node.item
            copies[item.pk] = save_agenda_item(
                AgendaItem(
                    agenda=agenda,
                    parent=copies.get(item.parent_id),
                    position=item.position,
                    kind=item.kind,
                    in_list=item.in_list,
                    in_annotations=item.in_annotations,
                    lettered=item.lettered,
                    **carried(item, "title"),
                    **carried(item, "heading"),
                    **carried(item, "annotation"),
                ),
                by=by,
            )
    logger.info("Agenda %s started from %s by %s", agenda.pk, previous.pk, by or "a script")
    return agenda


@history.records("removed", about=lambda result, row, **kwargs: {"model": row, "object": row})
def remove_row(row, *, by=None):
    """Delete a row: one that hangs from an entry (a documentation link, a citation, a
    footnote), or any other the admin removes. The order of the rows left is kept.

    Removing is the secretariat's: a translator is refused."""
    if not permissions.may_edit_structure(by):
        raise permissions.refuse_removal(type(row))
    with transaction.atomic():
        logger.info("%s %s removed by %s", type(row).__name__, row.pk, by or "a script")
        # The row's own version is dropped once it is gone; what it follows (its entry,
        # a footnote's agenda) is recorded without it.
        history.include(row)
        row.delete()


@history.records("drafted", about=lambda agenda, **kwargs: {"object": agenda})
def draft_agenda(
    *, body, number, start_date, end_date, venue, agenda_fields, from_previous=False, by=None
):
    """A new draft agenda of a body's regular session, the session created if it does
    not exist yet; begun from the body's last agenda when ``from_previous``.

    ``agenda_fields`` are Agenda fields (symbol, kind, original language ...).
    """
    with transaction.atomic():
        session = Session.objects.filter(
            body=body, number=number, is_special=False, is_resumed=False, part=None
        ).first() or save_session(
            Session(
                body=body, number=number, start_date=start_date, end_date=end_date, venue=venue
            ),
            by=by,
        )
        if not from_previous:
            return save_agenda(Agenda(session=session, **agenda_fields), by=by)
        agenda = start_from_previous(session, by=by)
        for name, value in agenda_fields.items():
            setattr(agenda, name, value)
        return save_agenda(agenda, by=by)
