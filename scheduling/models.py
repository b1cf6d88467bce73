"""Time slots and joint meetings: the organization of work of a session.

Venues and rooms belong to sessions and live in ``agendas``; slots book its rooms.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from agendas.models import Room
from agendas.models.versioning import Versioned


class JointMeeting(Versioned):
    """Sessions of two or more bodies meeting together; each keeps its own item numbers.

    The items of each participating session are taken from its own agenda when it is in
    the system; otherwise ``item_numbers`` records them as printed (``4, 5``).
    """

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    note = models.TextField(
        _("footnote"),
        blank=True,
        help_text=_("Leave empty to generate it from the participants and their items."),
    )

    class Meta:
        verbose_name = _("joint meeting")
        verbose_name_plural = _("joint meetings")

    def __str__(self):
        names = [str(p.session.body) for p in self.participants.all()]
        return " + ".join(names) or str(self.uid)


class JointParticipant(Versioned):
    joint_meeting = models.ForeignKey(
        JointMeeting,
        verbose_name=_("joint meeting"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    session = models.ForeignKey(
        "agendas.Session",
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="joint_participations",
    )
    items = models.ManyToManyField(
        "agendas.AgendaItem", verbose_name=_("items taken up"), blank=True, related_name="+"
    )
    item_numbers = models.CharField(
        _("item numbers"),
        max_length=60,
        blank=True,
        help_text=_("Only when the session's agenda is not in the system, e.g. 4, 5."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("participating session")
        verbose_name_plural = _("participating sessions")
        ordering = ["joint_meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["joint_meeting", "session"], name="joint_participant_unique"
            )
        ]

    def __str__(self):
        return str(self.session)


class TimeSlot(Versioned):
    """A row of the organization of work: a date, local start and end times, a room, the
    items taken up and who introduces them; or a break (lunch) between meetings.

    Times are wall-clock times in the venue's time zone, as printed in the programme.
    """

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        BREAK = "break", _("Break")

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    session = models.ForeignKey(
        "agendas.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="time_slots",
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts"))
    end_time = models.TimeField(_("ends"))
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="time_slots",
    )
    joint_meeting = models.ForeignKey(
        JointMeeting,
        verbose_name=_("joint meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="time_slots",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.MEETING)
    introduced_by = models.CharField(
        _("introduced by"),
        max_length=200,
        blank=True,
        help_text=_("Who introduces the items: the Chair, the secretariat, a rapporteur."),
    )
    note = models.TextField(
        _("title or description"),
        blank=True,
        help_text=_(
            "A note on the row; for a slot without agenda items, what it is (informal "
            "consultations, lunch)."
        ),
    )

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="slot_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def clean(self):
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("A time slot must end after it starts.")
        if self.session_id and self.date:
            session = self.session
            if not session.start_date <= self.date <= session.end_date:
                errors["date"] = _(
                    "The date is outside the session, which runs from %(start)s to %(end)s."
                ) % {"start": session.start_date.isoformat(), "end": session.end_date.isoformat()}
        if self.room_id and self.session_id and self.room.venue_id != self.session.venue_id:
            errors["room"] = _("This room is not at the session's venue.")
        if self.kind == self.Kind.BREAK and self.pk and self.slot_items.exists():
            errors["kind"] = _("A break takes up no agenda items: remove them first.")
        if not errors and self.room_id and self.date and self.start_time and self.end_time:
            clash = self.overlapping_in_room().first()
            if clash is not None:
                errors["room"] = _(
                    "%(room)s is already booked from %(start)s to %(end)s on this date "
                    "(%(session)s)."
                ) % {
                    "room": clash.room.name,
                    "start": clash.start_time.strftime("%H:%M"),
                    "end": clash.end_time.strftime("%H:%M"),
                    "session": clash.session,
                }
        if errors:
            raise ValidationError(errors)

    # Two slots overlap when they share a room and a date and each starts before the
    # other ends (back-to-back slots do not). ``overlaps`` compares two slots in memory,
    # ``overlapping_in_room`` asks the database the same question.

    def overlaps(self, other):
        return (
            self.room_id is not None
            and self.room_id == other.room_id
            and self.date == other.date
            and self.start_time < other.end_time
            and other.start_time < self.end_time
        )

    def overlapping_in_room(self):
        slots = TimeSlot.objects.filter(
            room_id=self.room_id,
            date=self.date,
            start_time__lt=self.end_time,
            end_time__gt=self.start_time,
        ).select_related("room", "session__body")
        if self.pk:
            slots = slots.exclude(pk=self.pk)
        return slots


class SlotItem(Versioned):
    """An agenda item taken up in a time slot. "(continued)" is derived, never stored."""

    slot = models.ForeignKey(
        TimeSlot, verbose_name=_("time slot"), on_delete=models.CASCADE, related_name="slot_items"
    )
    item = models.ForeignKey(
        "agendas.AgendaItem",
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="slot_items",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("item taken up")
        verbose_name_plural = _("items taken up")
        ordering = ["slot", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["slot", "item"], name="slot_item_unique")]

    def __str__(self):
        return f"{self.slot}: {self.item}"

    def clean(self):
        if not (self.slot_id and self.item_id):
            return
        if self.slot.kind == TimeSlot.Kind.BREAK:
            raise ValidationError({"item": _("A break takes up no agenda items.")})
        allowed = {self.slot.session_id}
        if self.slot.joint_meeting_id:
            allowed |= set(
                self.slot.joint_meeting.participants.values_list("session_id", flat=True)
            )
        if self.item.agenda.session_id not in allowed:
            raise ValidationError(
                {"item": _("This item belongs to a session that does not meet in this slot.")}
            )
