"""Bodies, sessions, agendas, agenda items and documents.

Models hold fields and simple predicates. Every write that involves a business rule goes
through ``agendas.services``; reads that need prefetching live in ``agendas.queries``.
"""

import re
import uuid
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

import languages
from languages.base import MAX_SESSION_NUMBER

from .symbols import parse_symbol, validate_body_prefix, validate_symbol


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone; use an IANA name such as Europe/Vienna."),
            code="invalid_time_zone",
            params={"value": value},
        )


class Distribution(models.TextChoices):
    GENERAL = "general", _("General")
    LIMITED = "limited", _("Limited")
    RESTRICTED = "restricted", _("Restricted")


class Body(models.Model):
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
        body = self
        while body.parent_id is not None:
            body = body.parent
        return body


class Venue(models.Model):
    """A conference centre, e.g. the Vienna International Centre, in its time zone."""

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


class Room(models.Model):
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


class Session(models.Model):
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
                fields=["body", "number", "is_special"], name="session_unique_number"
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
        return f"{self.body} {self.number} ({self.start_date:%Y-%m-%d})"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
        if self.room_id and self.venue_id and self.room.venue_id != self.venue_id:
            raise ValidationError({"room": _("This room is not at the session's venue.")})

    @property
    def time_zone(self):
        return self.venue.time_zone


class MastheadMixin(models.Model):
    """What the masthead of a UN document shows: symbol, distribution, date, original."""

    symbol = models.CharField(_("symbol"), max_length=120, blank=True, validators=[validate_symbol])
    distribution = models.CharField(
        _("distribution"),
        max_length=12,
        choices=Distribution.choices,
        default=Distribution.GENERAL,
    )
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    original_language = models.CharField(
        _("original language"),
        max_length=7,
        choices=languages.choices,
        default="en",
    )

    class Meta:
        abstract = True

    def clean_symbol_uniqueness(self):
        """A symbol names one document: no agenda and no other document may reuse it."""
        if not self.symbol:
            return
        lowered = self.symbol.lower()
        clashes = [
            Document.objects.filter(symbol__iexact=lowered),
            Agenda.objects.filter(symbol__iexact=lowered),
        ]
        for queryset in clashes:
            if queryset.model is type(self) and self.pk:
                queryset = queryset.exclude(pk=self.pk)
            if queryset.exists():
                message = _("The symbol %(symbol)s is already in use.") % {"symbol": self.symbol}
                raise ValidationError({"symbol": message}, code="duplicate_symbol")

    @property
    def parsed_symbol(self):
        return parse_symbol(self.symbol) if self.symbol else None


class Agenda(MastheadMixin):
    """The agenda document of a session: provisional, annotated, or both in one."""

    class Kind(models.TextChoices):
        PROVISIONAL = "provisional", _("Provisional agenda")
        ANNOTATED = "annotated", _("Annotated provisional agenda")

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="agendas"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.ANNOTATED)
    # A session can have several agenda documents (a provisional agenda and its
    # annotated addendum); each is published at its session's address plus this slug.
    slug = models.SlugField(
        _("address"),
        max_length=60,
        blank=True,
        help_text=_(
            "The last part of the agenda's public address, e.g. annotated-agenda; made "
            "from the kind when left empty. After a change, earlier addresses still lead here."
        ),
    )
    updated_at = models.DateTimeField(_("last edited"), auto_now=True)

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")
        ordering = ["-session__start_date"]
        constraints = [
            models.UniqueConstraint(
                Lower("symbol"),
                name="agenda_unique_symbol",
                condition=~models.Q(symbol=""),
                violation_error_message=_("An agenda with this symbol already exists."),
            ),
            models.UniqueConstraint(
                fields=["session", "slug"],
                name="agenda_unique_slug",
                violation_error_message=_(
                    "Another agenda of this session already has this address."
                ),
            ),
        ]

    def __str__(self):
        return self.symbol or f"{self.get_kind_display()} – {self.session}"

    def clean(self):
        self.clean_symbol_uniqueness()


class AgendaItem(models.Model):
    """An entry of an agenda: a numbered item, an unnumbered entry or a sub-heading.

    Numbers (``1.``, ``(a)``, ``(i)``) are derived from the order of siblings and never
    stored; ``uid`` identifies the item across renumbering and revisions.
    """

    class Kind(models.TextChoices):
        ITEM = "item", _("Numbered item")
        UNNUMBERED = "unnumbered", _("Unnumbered entry")
        HEADING = "heading", _("Sub-heading")

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    agenda = models.ForeignKey(
        Agenda, verbose_name=_("agenda"), on_delete=models.CASCADE, related_name="items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    position = models.PositiveIntegerField(_("position"), default=0, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ITEM)
    title = models.TextField(_("title"))
    annotation = models.TextField(
        _("annotation"),
        blank=True,
        help_text=_("The paragraphs under the item in the annotated agenda (basic HTML)."),
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["agenda", "position", "pk"]
        indexes = [
            # The admin's list of items, newest agenda first, in reading order: read
            # from this index rather than sorting every item through four joins.
            models.Index(fields=["-agenda", "position", "id"], name="item_admin_order"),
        ]

    def __str__(self):
        return self.title_en or self.title or str(self.uid)

    def clean(self):
        # Cycles and depth are checked on the whole tree: agendas.services.validate_item_tree.
        if self.parent_id is not None and self.parent.agenda_id != self.agenda_id:
            raise ValidationError({"parent": _("The parent item belongs to another agenda.")})

    @property
    def is_numbered(self):
        return self.kind == self.Kind.ITEM

    @property
    def is_heading(self):
        return self.kind == self.Kind.HEADING


class Document(MastheadMixin):
    """A document listed in agenda documentation: usually a UN symbol, sometimes not."""

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    title = models.TextField(_("title"))
    url = models.URLField(
        _("link"),
        blank=True,
        help_text=_("Only for documents without a UN symbol; symbols link to undocs.org."),
    )
    # Parsed from the symbol on save, so documents can be filtered by body, year and series.
    body_prefix = models.CharField(_("body prefix"), max_length=60, blank=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False)
    session_number = models.CharField(_("session"), max_length=20, blank=True, editable=False)
    series = models.CharField(_("series"), max_length=10, blank=True, editable=False)
    number = models.CharField(_("number"), max_length=30, blank=True, editable=False)
    suffixes = models.CharField(_("suffixes"), max_length=60, blank=True, editable=False)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["symbol", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("symbol"),
                name="document_unique_symbol",
                condition=~models.Q(symbol=""),
                violation_error_message=_("A document with this symbol already exists."),
            ),
        ]

    def __str__(self):
        return self.symbol or (self.title_en or self.title)[:80]

    def save(self, *args, **kwargs):
        self.sync_parsed_symbol()
        super().save(*args, **kwargs)

    def clean(self):
        if not self.symbol and not self.url:
            raise ValidationError(
                _("Give the document a UN symbol or, if it has none, a link."),
                code="document_unlocated",
            )
        self.clean_parsed_symbol()
        self.clean_symbol_uniqueness()

    def clean_parsed_symbol(self):
        """The parts read from the symbol must fit the columns that keep them."""
        if not self.symbol:
            return
        try:
            self.sync_parsed_symbol()
        except ValidationError:
            return  # the symbol field's own validator reports what is wrong
        for name in PARSED_SYMBOL_FIELDS:
            field = self._meta.get_field(name)
            value = str(getattr(self, name) or "")
            if field.max_length and len(value) > field.max_length:
                # The value leads: "The suffixes ... is" would not read for every part.
                message = _(
                    "“%(value)s”, the %(part)s read from the symbol, is longer than "
                    "%(limit)d characters."
                ) % {"part": field.verbose_name, "value": value, "limit": field.max_length}
                raise ValidationError({"symbol": message}, code="symbol_part_too_long")

    def sync_parsed_symbol(self):
        parsed = self.parsed_symbol
        self.body_prefix = parsed.body_prefix if parsed else ""
        self.year = parsed.year if parsed else None
        self.session_number = parsed.session if parsed else ""
        self.series = parsed.series if parsed else ""
        self.number = parsed.number if parsed else ""
        self.suffixes = "/".join(parsed.suffixes) if parsed else ""


# The columns filled from the symbol on save, so documents can be filtered by them.
PARSED_SYMBOL_FIELDS = ("body_prefix", "session_number", "series", "number", "suffixes")

JOB_NUMBER_RE = re.compile(r"^(?:[A-Z]{1,2}\.)?\d{2}-\d{5}\*{0,3} ?\(([A-Z])\)$")


class EditionMixin(models.Model):
    """One language version of a document: its job number and whether it is out."""

    language = models.CharField(_("language"), max_length=7, choices=languages.choices)
    job_number = models.CharField(
        _("job number"),
        max_length=30,
        blank=True,
        help_text=_("As printed in the footer, e.g. V.20-04026 (C)."),
    )
    reissued_on = models.DateField(_("reissued for technical reasons on"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        if not self.job_number:
            return
        match = JOB_NUMBER_RE.match(self.job_number.strip())
        if not match:
            raise ValidationError(
                {"job_number": _("Write the job number as printed, e.g. V.20-04026 (C).")},
                code="invalid_job_number",
            )
        expected = languages.get(self.language).job_letter if self.language else ""
        if expected and match.group(1) != expected:
            raise ValidationError(
                {
                    "job_number": _("The %(language)s version's job number ends in (%(letter)s).")
                    % {"language": self.get_language_display(), "letter": expected}
                },
                code="job_number_language",
            )

    @property
    def barcode(self):
        """The barcode text under the job number: V.20-04026 (C) -> *2004026*."""
        digits = re.sub(r"\D", "", self.job_number.split("(")[0])
        return f"*{digits}*" if digits else ""


class AgendaEdition(EditionMixin):
    agenda = models.ForeignKey(
        Agenda, verbose_name=_("agenda"), on_delete=models.CASCADE, related_name="editions"
    )

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["agenda", "language"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "language"], name="agenda_edition_unique")
        ]

    def __str__(self):
        return f"{self.agenda} ({self.language})"


class DocumentEdition(EditionMixin):
    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="editions"
    )
    is_available = models.BooleanField(_("available"), default=True)

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["document", "language"]
        constraints = [
            models.UniqueConstraint(fields=["document", "language"], name="document_edition_unique")
        ]

    def __str__(self):
        return f"{self.document} ({self.language})"


class DocumentationLink(models.Model):
    """A document listed under an agenda item, in order, with its role."""

    class Role(models.TextChoices):
        CONSIDERATION = "consideration", _("For consideration")
        INFORMATION = "information", _("For information")
        BACKGROUND = "background", _("Background")

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="documentation",
    )
    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="links"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=Role.choices, default=Role.CONSIDERATION
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("documentation")
        verbose_name_plural = _("documentation")
        ordering = ["item", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "document"], name="documentation_unique")
        ]

    def __str__(self):
        return f"{self.item} – {self.document}"
