"""Resolutions and decisions, and the citations of them from agenda items."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext_lazy as _

from agendas.models.versioning import Versioned
from agendas.symbols import parse_symbol


class Resolution(Versioned):
    """A resolution or decision adopted by a body, e.g. resolution 8/7 of the Conference.

    Most treaty bodies number ``<session>/<number>`` (``8/7``). Others write their
    decisions otherwise (``XXXI/7``, ``SC-9/4``, ``2019/210``, ``2231 (2015)``): for
    them ``designation`` keeps what the body writes, and no number is made up.
    """

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("resolution")
        DECISION = "decision", _("decision")

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    body = models.ForeignKey(
        "agendas.Body",
        verbose_name=_("adopting body"),
        on_delete=models.PROTECT,
        related_name="resolutions",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.RESOLUTION)
    session_number = models.PositiveSmallIntegerField(
        _("session number"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    designation = models.CharField(
        _("designation"),
        max_length=40,
        blank=True,
        help_text=_(
            "As the body writes it, where it does not number session/number: XXXI/7, "
            "SC-9/4, 2019/210."
        ),
    )
    title = models.TextField(_("title"), blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    symbol = models.CharField(_("symbol"), max_length=120, blank=True)
    url = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("resolution or decision")
        verbose_name_plural = _("resolutions and decisions")
        ordering = ["body", "kind", "session_number", "number"]
        constraints = [
            # Coalesced, because a plain unique constraint lets rows without a session
            # number repeat (NULL is distinct from NULL); no session is numbered 0.
            models.UniqueConstraint(
                "body",
                "kind",
                Coalesce("session_number", models.Value(0), output_field=models.IntegerField()),
                "number",
                name="resolution_unique_number",
                condition=models.Q(number__isnull=False),
                violation_error_message=_(
                    "This body already has a resolution or decision with this number."
                ),
            ),
            models.UniqueConstraint(
                "body",
                "kind",
                Lower("designation"),
                name="resolution_unique_designation",
                condition=~models.Q(designation=""),
                violation_error_message=_(
                    "This body already has a resolution or decision with this designation."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.label}"

    @property
    def label(self):
        """The number as cited: '8/7', or the designation where the body uses another."""
        if self.designation:
            return self.designation
        if self.session_number is not None:
            return f"{self.session_number}/{self.number}"
        return str(self.number)

    def clean(self):
        if self.number is None and not self.designation:
            raise ValidationError(
                {"number": _("Give the number, or the designation as the body writes it.")},
                code="unnumbered_resolution",
            )
        if self.symbol:
            parse_symbol(self.symbol)


class Citation(Versioned):
    """An agenda item citing a resolution.

    Citations placed on the title become the footnote that lists the resolutions with
    their full titles (footnote 1 of the seed); those on the annotation are listed in a
    footnote at the end of the item's annotations; inline ones are written in the text,
    in brackets after the item's title ("(decision 2019/210)"), with no footnote.
    """

    class Placement(models.TextChoices):
        TITLE = "title", _("A footnote on the item's title")
        ANNOTATION = "annotation", _("A footnote on the annotation")
        INLINE = "inline", _("In the text, after the item's title")

    item = models.ForeignKey(
        "agendas.AgendaItem",
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="citations",
    )
    resolution = models.ForeignKey(
        Resolution,
        verbose_name=_("resolution or decision"),
        on_delete=models.PROTECT,
        related_name="citations",
    )
    placement = models.CharField(
        _("footnote on"), max_length=10, choices=Placement.choices, default=Placement.TITLE
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["item", "placement", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "resolution", "placement"], name="citation_unique"
            )
        ]

    def __str__(self):
        return f"{self.item} → {self.resolution}"

    def clean(self):
        if self.resolution_id is None and self.item_id is not None:
            raise ValidationError({"resolution": _("Choose a resolution or decision that exists.")})
