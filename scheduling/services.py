"""Writes to time slots and joint meetings (the organization of work).

As in ``agendas.services``: each function validates before it writes, runs in one
transaction, and raises ``ValidationError`` with a clear message on bad input.
"""

import re

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agendas import history, permissions
from agendas.models import Room
from agendas.models.common import translated_values
from agendas.numbering import flatten, number_items
from agendas.services import validate_and_save

from .models import JointMeeting, JointParticipant, SlotItem, TimeSlot


def _lock_room(room_id, date):
    """Serialize bookings of a room, so that two overlapping slots cannot both pass.

    Locking the room's existing slots of that date is not enough on its own: two
    people adding the first two slots of a day would find nothing to lock. Locking the
    room row as well makes every booking of the room wait for the one in progress.
    SQLite has no row locks but serializes writers, so it needs none.
    """
    if connection.features.has_select_for_update:
        Room.objects.select_for_update().filter(pk=room_id).first()
        list(TimeSlot.objects.select_for_update().filter(room_id=room_id, date=date))


def save_time_slot(slot, *, by=None):
    """Create or update a time slot of a session's organization of work.

    Refuses a slot that ends before it starts, falls outside the session's dates, is in
    a room of another venue, or overlaps another slot in the same room. The overlap is
    checked inside the transaction, with the room locked (see ``_lock_room``).
    """
    with transaction.atomic():
        if slot.room_id and slot.date:
            _lock_room(slot.room_id, slot.date)
        return validate_and_save(slot, by=by)


def save_slot_item(slot_item, *, by=None):
    """Add or update an agenda item taken up in a slot; it must be one of the slot's sessions'."""
    with transaction.atomic():
        return validate_and_save(slot_item, by=by)


def save_joint_meeting(joint_meeting, *, by=None):
    """Create or update a joint meeting (its footnote)."""
    with transaction.atomic():
        return validate_and_save(joint_meeting, by=by)


def save_joint_participant(participant, *, by=None):
    """Create or update a session taking part in a joint meeting."""
    with transaction.atomic():
        return validate_and_save(participant, by=by)


SAVERS = {
    TimeSlot: save_time_slot,
    SlotItem: save_slot_item,
    JointMeeting: save_joint_meeting,
    JointParticipant: save_joint_participant,
}


def items_by_reference(session):
    """The entries of the session's agendas a timetable can name: ``{name: item}``, where
    a name is a numbered item's reference ("2(a)") or an entry's title in any language
    (for unnumbered entries such as "Opening of the session"), compared casefolded."""
    names = {}
    for agenda in session.agendas.all():
        for node in flatten(number_items(list(agenda.items.all()))):
            if node.numbered:
                names.setdefault(node.reference.casefold(), node.item)
            for title in translated_values(node.item, "title"):
                if title:
                    names.setdefault(title.strip().casefold(), node.item)
    return names


def read_item_names(text, names):
    """The items ``text`` names, in order ("1(a), 1(b); Opening of the session");
    ValidationError naming what it cannot find."""
    found, unknown = [], []
    for part in re.split(r"[,;\n]", text or ""):
        name = part.strip()
        if not name:
            continue
        item = names.get(name.casefold())
        if item is None:
            unknown.append(name)
        elif item not in found:
            found.append(item)
    if unknown:
        raise ValidationError(
            {
                "items": _("No agenda of the session has the item %(names)s.")
                % {"names": ", ".join(f"“{name}”" for name in unknown)}
            },
            code="unknown_item",
        )
    return found


TOOK_UP = history.message("took_up", gettext_lazy("Changed the items taken up at “%(object)s”."))
SAVED_TIMETABLE = history.message("timetable", gettext_lazy("Saved the timetable of “%(object)s”."))


@history.records(TOOK_UP)
def take_up(slot, items, *, by=None):
    """Make ``slot`` take up exactly ``items``, in that order.

    Which items a slot takes up is the structure of the timetable: a translator saving
    the grid leaves them as they are, or is refused.
    """
    taken = list(slot.slot_items.order_by("position", "pk").values_list("item_id", flat=True))
    if taken == [item.pk for item in items]:
        return
    permissions.require_structure(by)
    with transaction.atomic():
        slot.slot_items.exclude(item__in=items).delete()
        # Items only let go of are recorded as a version of the slot without them.
        history.include(slot)
        for position, item in enumerate(items, start=1):
            existing = slot.slot_items.filter(item=item).first()
            slot_item = existing or SlotItem(slot=slot, item=item)
            if existing is None or existing.position != position:
                slot_item.position = position
                save_slot_item(slot_item, by=by)


@history.records(SAVED_TIMETABLE)
def save_timetable(session, rows, *, by=None):
    """Save a session's timetable from its grid, all rows or none.

    ``rows`` are ``(slot, items_text, delete)``: an unsaved or changed TimeSlot of the
    session, the items it takes up as written ("1(a), 2"), and whether to remove it.
    A refusal names the row: "Row 3: ...".
    """
    with transaction.atomic():
        # Slots only removed are recorded as a version of the session without them.
        history.include(session)
        names = items_by_reference(session)
        for number, (slot, items_text, delete) in enumerate(rows, start=1):
            try:
                if delete:
                    if slot.pk:
                        if not permissions.may_edit_structure(by):
                            raise permissions.refuse_removal(type(slot))
                        slot.delete()
                    continue
                save_time_slot(slot, by=by)
                take_up(slot, read_item_names(items_text, names), by=by)
            except ValidationError as error:
                raise ValidationError(
                    _("Row %(number)d: %(reason)s")
                    % {"number": number, "reason": " ".join(error.messages)},
                    code="bad_timetable_row",
                ) from error
