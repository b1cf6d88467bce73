"""Agendas, their language editions, sections, items and footnotes."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from ..html import html_to_text, sanitize_html
from ..symbols import validate_symbol
from .common import EditionMixin, MastheadMixin, clean_unique_symbol, translated_values
from .meetings import Session
from .versioning import Versioned


class Agenda(MastheadMixin):
    """The agenda document of a session: provisional, annotated, or both in one.

    Besides its masthead, an agenda carries the choices the issuing office makes about
    how its documents are laid out: how sections are numbered, how documentation and the
    timetable are set, and how times are written.
    """

    class Kind(models.TextChoices):
        PROVISIONAL = "provisional", _("Provisional agenda")
        ANNOTATED = "annotated", _("Annotated provisional agenda")

    class SectionNumbering(models.TextChoices):
        NONE = "none", _("Unnumbered headings")
        ROMAN = "roman", _("Roman numerals: I., II.")

    class DocumentationStyle(models.TextChoices):
        LIST = "list", _("A list: title (symbol)")
        TABLE = "table", _("A table: title, symbol, purpose")

    class TimetableLayout(models.TextChoices):
        PER_ITEM = "per_item", _("A row per item: date, time, item, title")
        PER_SLOT = "per_slot", _("A row per meeting: date and time, items, introduced by, notes")

    class TimeNotation(models.TextChoices):
        TWELVE_HOUR = "12h", _("12-hour, as in 3 p.m.")
        TWENTY_FOUR_HOUR = "24h", _("24-hour, as in 15.00")

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    symbol = models.CharField(_("symbol"), max_length=120, blank=True, validators=[validate_symbol])
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
    title = models.TextField(
        _("title"),
        blank=True,
        help_text=_(
            "As printed under the masthead, e.g. “Provisional agenda and annotations for its "
            "thirtieth session”; empty for the title of its kind."
        ),
    )
    issued_under_item = models.ForeignKey(
        "AgendaItem",
        verbose_name=_("issued under item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "For a document issued under an item of another agenda of the session, such as "
            "annotations issued under “Adoption of the agenda”."
        ),
    )
    announces_venue = models.BooleanField(
        _("announce the venue"),
        default=False,
        help_text=_("Print the sentence saying where and when the session opens, under the title."),
    )
    section_numbering = models.CharField(
        _("section headings"),
        max_length=8,
        choices=SectionNumbering.choices,
        default=SectionNumbering.NONE,
    )
    documentation_style = models.CharField(
        _("documentation"),
        max_length=8,
        choices=DocumentationStyle.choices,
        default=DocumentationStyle.LIST,
    )
    timetable_layout = models.CharField(
        _("timetable"),
        max_length=10,
        choices=TimetableLayout.choices,
        default=TimetableLayout.PER_ITEM,
    )
    time_notation = models.CharField(
        _("times"),
        max_length=4,
        choices=TimeNotation.choices,
        default=TimeNotation.TWELVE_HOUR,
        help_text=_("The issuing office's notation, in the languages that have both."),
    )
    is_sample = models.BooleanField(
        _("sample"),
        default=False,
        help_text=_("Written for demonstration; the document says so."),
    )
    updated_at = models.DateTimeField(_("last edited"), auto_now=True)

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")
        ordering = ["-session__start_date"]
        # Checked by the services (agendas.permissions), whatever page or import asks:
        # translators hold change permissions too, for their languages' texts only.
        permissions = [
            ("publish_agenda", _("Can publish agendas")),
            (
                "edit_structure",
                _("Can change the structure, untranslated fields and every language"),
            ),
        ]
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
        if self.symbol:
            others = Agenda.objects.filter(symbol__iexact=self.symbol.strip())
            clean_unique_symbol(self, others, self.symbol)
        if self.issued_under_item_id is not None:
            under = self.issued_under_item
            if under.agenda_id == self.pk or under.agenda.session_id != self.session_id:
                raise ValidationError(
                    {
                        "issued_under_item": _(
                            "Choose an item of another agenda of the same session."
                        )
                    }
                )


class AgendaEdition(EditionMixin):
    agenda = models.ForeignKey(
        Agenda, verbose_name=_("agenda"), on_delete=models.CASCADE, related_name="editions"
    )
    # The footer prints two dates after the job number, as ddmmyy: "V.20-04026 (C)
    # 030820 270820".
    processed_on = models.DateField(_("first footer date"), null=True, blank=True)
    printed_on = models.DateField(_("second footer date"), null=True, blank=True)

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["agenda", "language"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "language"], name="agenda_edition_unique")
        ]

    def __str__(self):
        return f"{self.agenda} ({self.language})"


class AgendaItem(Versioned):
    """An entry of an agenda: a numbered item, an unnumbered entry, a heading that groups
    items, or a sub-heading inside an item's annotation.

    Numbers (``1.``, ``(a)``, ``(i)``) are derived from the order of siblings and never
    stored; ``uid`` identifies the item across renumbering and revisions.
    """

    class Kind(models.TextChoices):
        ITEM = "item", _("Numbered item")
        UNNUMBERED = "unnumbered", _("Unnumbered entry")
        HEADING = "heading", _("Heading of a group of items")
        PART = "part", _("Sub-heading inside an annotation")

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
    heading = models.TextField(
        _("heading in the annotations"),
        blank=True,
        help_text=_("Only where the annotations head the item otherwise than the list."),
    )
    annotation = models.TextField(
        _("annotation"),
        blank=True,
        help_text=_("The paragraphs under the item in the annotated agenda (basic HTML)."),
    )
    in_list = models.BooleanField(
        _("in the agenda list"),
        default=True,
        help_text=_("Unnumbered entries such as “Opening of the session” may be left out."),
    )
    in_annotations = models.BooleanField(_("in the annotations"), default=True)
    lettered = models.BooleanField(
        _("lettered"),
        default=False,
        help_text=_("For sub-headings inside an annotation: A., B., C."),
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
        # Any language's title before the uid: an item drafted in Chinese only is still
        # named by its title in an English interface.
        any_title = next((title for title in translated_values(self, "title") if title), "")
        return self.title_en or self.title or any_title or str(self.uid)

    def clean(self):
        # Cycles and depth are checked on the whole tree: agendas.services.validate_item_tree.
        errors = {}
        if self.parent_id is not None and self.parent.agenda_id != self.agenda_id:
            errors["parent"] = _("The parent item belongs to another agenda.")
        if self.kind == self.Kind.ITEM and not self.in_list:
            errors["in_list"] = _("A numbered item is always in the agenda list.")
        if self.kind == self.Kind.PART:
            if self.parent_id is None:
                errors["parent"] = _("A sub-heading inside an annotation belongs to an item.")
            if self.in_list:
                errors["in_list"] = _("A sub-heading inside an annotation is not in the list.")
        elif self.lettered:
            errors["lettered"] = _("Only sub-headings inside an annotation are lettered.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_numbered(self):
        return self.kind == self.Kind.ITEM

    @property
    def is_heading(self):
        return self.kind == self.Kind.HEADING

    @property
    def is_part(self):
        return self.kind == self.Kind.PART


class Section(Versioned):
    """A section of the agenda document, in order, under a heading the secretariat chooses.

    An agenda without sections is laid out by its kind: the list, then (annotated) the
    annotations, then the organization of work as an annex when there is one.
    """

    class Kind(models.TextChoices):
        AGENDA_LIST = "list", _("The provisional agenda (the list of items)")
        ANNOTATIONS = "annotations", _("The annotations")
        TIMETABLE = "timetable", _("The organization of work")
        TEXT = "text", _("Text")

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    agenda = models.ForeignKey(
        Agenda, verbose_name=_("agenda"), on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("contents"), max_length=12, choices=Kind.choices)
    heading = models.TextField(
        _("heading"), blank=True, help_text=_("Empty for the usual heading of its contents.")
    )
    text = models.TextField(_("text"), blank=True, help_text=_("For text sections (basic HTML)."))
    is_annex = models.BooleanField(
        _("annex"), default=False, help_text=_("Printed after the footnotes, as “Annex”.")
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["agenda", "position", "pk"]

    def __str__(self):
        return self.heading_en or self.heading or self.get_kind_display()

    def clean(self):
        if self.kind != self.Kind.TEXT and any(translated_values(self, "text")):
            raise ValidationError({"text": _("Only text sections have text of their own.")})


class Footnote(Versioned):
    """A footnote the secretariat writes: on the document's title, an item, or a
    paragraph of an item's annotation. Numbered with the generated ones, in reading order.
    """

    class Placement(models.TextChoices):
        TITLE = "title", _("The title of the document")
        ITEM = "item", _("The item's title in the list")
        ANNOTATION = "annotation", _("A paragraph of the item's annotation")

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    agenda = models.ForeignKey(
        Agenda, verbose_name=_("agenda"), on_delete=models.CASCADE, related_name="footnotes"
    )
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="footnotes",
    )
    placement = models.CharField(
        _("on"), max_length=12, choices=Placement.choices, default=Placement.ITEM
    )
    paragraph = models.PositiveSmallIntegerField(
        _("paragraph"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("1 for the first paragraph; empty for the last."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.TextField(_("text"), help_text=_("Basic HTML: emphasis and links."))

    class Meta:
        verbose_name = _("footnote")
        verbose_name_plural = _("footnotes")
        ordering = ["agenda", "position", "pk"]

    def __str__(self):
        return (self.text_en or self.text or "")[:60]

    def clean(self):
        errors = {}
        if self.placement == self.Placement.TITLE and self.item_id is not None:
            errors["item"] = _("A footnote on the title of the document belongs to no item.")
        if self.placement != self.Placement.TITLE and self.item_id is None:
            errors["item"] = _("Choose the item the footnote is on.")
        if self.item_id is not None and self.item.agenda_id != self.agenda_id:
            errors["item"] = _("This item belongs to another agenda.")
        if self.paragraph is not None and self.placement != self.Placement.ANNOTATION:
            errors["paragraph"] = _("Only a footnote on an annotation names a paragraph.")
        # What the page will show is the text as sanitised: markup alone is no footnote.
        if not any(html_to_text(sanitize_html(text)) for text in translated_values(self, "text")):
            errors["text"] = _("Write the footnote's text, in one language at least.")
        if errors:
            raise ValidationError(errors)
