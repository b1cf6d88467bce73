"""Documents listed in agenda documentation, their language editions and purposes."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..symbols import read_symbol, validate_printed_symbol
from .common import EditionMixin, MastheadMixin, clean_unique_symbol
from .versioning import Versioned

# The columns filled from the symbol on save, so documents can be filtered by them.
PARSED_SYMBOL_FIELDS = ("body_prefix", "session_number", "series", "number", "suffixes")


class DocumentPurpose(Versioned):
    """Why a document is listed: "For decision", "For information" ... A vocabulary the
    secretariat extends and translates; the usual six are there from the start."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("purpose of a document")
        verbose_name_plural = _("purposes of documents")
        ordering = ["position", "code"]

    def __str__(self):
        return self.name_en or self.name or self.code


class Document(MastheadMixin):
    """A document listed in agenda documentation: usually with a UN symbol, sometimes
    with a link instead, sometimes neither yet ("to be issued").

    The symbol is kept as printed, even where it breaks today's rules; ``symbol_key`` is
    its normalised form, under which search and the duplicate check find it.
    """

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    symbol = models.CharField(
        _("symbol"),
        max_length=120,
        blank=True,
        validators=[validate_printed_symbol],
        help_text=_("As printed; an irregular symbol is accepted with a warning."),
    )
    symbol_key = models.CharField(
        _("normalised symbol"), max_length=120, blank=True, editable=False
    )
    title = models.TextField(_("title"))
    url = models.URLField(
        _("link"),
        blank=True,
        help_text=_(
            "Only for documents without a UN symbol; symbols link to undocs.org. A document "
            "with neither is shown as to be issued."
        ),
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
                "symbol_key",
                name="document_unique_symbol",
                condition=~models.Q(symbol_key=""),
                violation_error_message=_("A document with this symbol already exists."),
            ),
        ]

    def __str__(self):
        return self.symbol or (self.title_en or self.title)[:80]

    def save(self, *args, **kwargs):
        self.sync_parsed_symbol()
        super().save(*args, **kwargs)

    def clean(self):
        # The normalised symbol is what the uniqueness constraint compares: fill it first.
        self.clean_parsed_symbol()
        if self.symbol_key:
            others = Document.objects.filter(symbol_key=self.symbol_key)
            clean_unique_symbol(self, others, self.symbol)

    def validate_constraints(self, exclude=None):
        # The normalised symbol stands for the symbol: once the symbol has an error (a
        # duplicate, said in words by ``clean``), its constraint need not say it again.
        if exclude and "symbol" in exclude:
            exclude = {*exclude, "symbol_key"}
        super().validate_constraints(exclude=exclude)

    @property
    def symbol_reading(self):
        """What could be read from the symbol (``symbols.SymbolReading``), or None."""
        return read_symbol(self.symbol) if self.symbol else None

    @property
    def symbol_irregularity(self):
        """Why the symbol breaks today's rules, naming the part; "" when it does not."""
        reading = self.symbol_reading if self.symbol else None
        return reading.irregularity if reading else ""

    def clean_parsed_symbol(self):
        """The parts read from the symbol must fit the columns that keep them."""
        if not self.symbol:
            self.sync_parsed_symbol()
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
        reading = self.symbol_reading
        parsed = reading.parsed if reading else None
        self.symbol_key = reading.key if reading else ""
        self.body_prefix = parsed.body_prefix if parsed else ""
        self.year = parsed.year if parsed else None
        self.session_number = parsed.session if parsed else ""
        self.series = parsed.series if parsed else ""
        self.number = parsed.number if parsed else ""
        self.suffixes = "/".join(parsed.suffixes) if parsed else ""


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


class DocumentationLink(Versioned):
    """A document listed under an agenda item (or a sub-heading of its annotation), in
    order, with the purpose it is listed for."""

    item = models.ForeignKey(
        "AgendaItem",
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="documentation",
    )
    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="links"
    )
    purpose = models.ForeignKey(
        DocumentPurpose,
        verbose_name=_("purpose"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
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
