"""Writes to time slots and joint meetings (the organization of work).

As in ``agendas.services``: each function validates before it writes, runs in one
transaction, and raises ``ValidationError`` with a clear message on bad input.
"""

from django.db import connection, transaction

from agendas.models import Room
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
