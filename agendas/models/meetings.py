"""Bodies, the venues and rooms they meet in, and their sessions."""

import re
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

import languages
from languages.base import MAX_SESSION_NUMBER

from ..symbols import validate_body_prefix
from .common import validate_time_zone
from .versioning import Versioned

# Sessions held in parts: "first part" ... "ninth part".
MAX_SESSION_PART = 9

SESSION_KEY = re.compile(r"^(special-)?([0-9]{1,4})(-resumed)?(?:-part-([1-9]))?$")


def session_key(number, is_special=False, is_resumed=False, part=None):
    """How a session is written in addresses: "11", "special-2", "11-resumed-part-1"."""
    key = f"special-{number}" if is_special else str(number)
    if is_resumed:
        key += "-resumed"
    if part:
        key += f"-part-{part}"
    return key


def parse_session_key(key):
    """``(number, is_special, is_resumed, part)`` from a session key; ValueError if none."""
    match = SESSION_KEY.match(key)
    if match is None:
        raise ValueError(f"{key!r} is not a session key.")
    special, number, resumed, part = match.groups()
    return int(number), bool(special), bool(resumed), int(part) if part else None


class Body(Versioned):
    """An organ or subsidiary body, e.g. the Conference of the States Parties (CAC/COSP)."""

    class GatheringTerm(models.TextChoices):
        SESSION = "session", _("sessions")
        MEETING = "meeting", _("meetings")

    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    symbol_prefix = models.CharField(
        _("symbol prefix"),
        max_length=60,
        unique=True,
        validators=[validate_body_prefix],
        help_text=_("The leading part of the body's document symbols, e.g. CAC/COSP/WG.4."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subsidiaries",
    )
    gathering_term = models.CharField(
        _("its gatherings are called"),
        max_length=10,
        choices=GatheringTerm.choices,
        default=GatheringTerm.SESSION,
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["symbol_prefix"]

    def __str__(self):
        return self.short_name or self.name

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A body cannot be its own parent or ancestor.")})
            ancestor = ancestor.parent

    def root(self):
        return self.chain()[0]

    def chain(self):
        """The bodies from the top of the parent chain down to this one."""
        bodies = [self]
        while bodies[0].parent_id is not None:
            bodies.insert(0, bodies[0].parent)
        return bodies


class Venue(Versioned):
    """A conference centre, e.g. the Vienna International Centre, in its time zone."""

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("IANA name, e.g. Europe/Vienna. Times in the programme are local."),
    )

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Room(Versioned):
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="rooms"
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["venue", "name"]

    def __str__(self):
        return f"{self.name}, {self.venue}"


class Session(Versioned):
    """One session (or meeting) of a body, held at a venue over consecutive dates."""

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="sessions"
    )
    number = models.PositiveSmallIntegerField(
        _("number"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_SESSION_NUMBER)],
        help_text=_("11 for the eleventh session; rendered as an ordinal."),
    )
    is_special = models.BooleanField(_("special session"), default=False)
    # A session can meet again after it closed ("resumed eleventh session") and meet in
    # parts ("first part of the eleventh session"): each is a session of its own here.
    is_resumed = models.BooleanField(_("resumed session"), default=False)
    part = models.PositiveSmallIntegerField(
        _("part"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_SESSION_PART)],
        help_text=_("1 for the first part of a session held in parts; empty otherwise."),
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("opening room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opening_time = models.TimeField(
        _("opening time"),
        null=True,
        blank=True,
        help_text=_("When the first meeting starts, for the sentence that announces the venue."),
    )
    interpretation_languages = models.JSONField(
        _("interpretation"),
        default=list,
        blank=True,
        help_text=_(
            "The languages interpretation is provided in, when fewer than all; leave "
            "empty when it is provided in every official language."
        ),
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-start_date", "body__symbol_prefix"]
        indexes = [
            # Lists of sessions and agendas, latest first.
            models.Index(fields=["-start_date", "id"], name="session_latest_first"),
        ]
        constraints = [
            models.UniqueConstraint(
                "body",
                "number",
                "is_special",
                "is_resumed",
                Coalesce("part", models.Value(0), output_field=models.IntegerField()),
                name="session_unique_number",
                violation_error_message=_(
                    "This body already has a session with this number (and kind and part)."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=MAX_SESSION_NUMBER),
                name="session_number_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.body} {self.key} ({self.start_date:%Y-%m-%d})"

    @property
    def key(self):
        """The session as written in addresses: "11", "special-2", "11-resumed-part-1"."""
        return session_key(self.number, self.is_special, self.is_resumed, self.part)

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
        if self.room_id and self.venue_id and self.room.venue_id != self.venue_id:
            raise ValidationError({"room": _("This room is not at the session's venue.")})
        codes = languages.codes()
        chosen = self.interpretation_languages
        if (
            not isinstance(chosen, list)
            or any(code not in codes for code in chosen)
            or len(set(chosen)) != len(chosen)
        ):
            raise ValidationError(
                {
                    "interpretation_languages": _(
                        "List the languages of interpretation by their codes: %(codes)s."
                    )
                    % {"codes": ", ".join(codes)}
                }
            )

    @property
    def time_zone(self):
        return self.venue.time_zone
