"""The admin for bodies, venues, sessions, agendas, agenda items and documents.

One page edits a whole agenda: its masthead, its language versions and its items (parent,
position, kind, title and annotation in every language). The admin has no nested
inlines, so each item's documentation is edited on the item's own page, linked from its
row on the agenda page.

The other apps extend these pages without this module knowing them: ``resolutions``
adds citations to the item page, ``scheduling`` the time slots to the session page and
``publishing`` Preview and Publish to the agenda page (each re-registers a subclass).
Admin classes parse input and call services (``save_model``/``save_formset``); they hold
no business rules.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

import languages

from . import queries, services
from .adminkit import (
    CachedChoicesInlineMixin,
    LargeTablePaginator,
    ServiceAdminMixin,
    TranslationTabsMedia,
    change_link,
    history_link,
    translated,
)
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
from .numbering import flatten, number_items


class BodyAdmin(ServiceAdminMixin, TranslationAdmin):
    list_display = ["symbol_prefix", "name", "short_name", "parent", "gathering_term"]
    list_select_related = ["parent"]
    list_filter = ["gathering_term"]
    fields = ["name", "short_name", "symbol_prefix", "parent", "gathering_term", "slug"]

    class Media(TranslationTabsMedia):
        pass

    search_fields = ["symbol_prefix", *translated("name"), *translated("short_name")]


class SessionForm(forms.ModelForm):
    """Interpretation languages as boxes to tick, not a list to type."""

    interpretation_languages = forms.MultipleChoiceField(
        label=_("interpretation"),
        choices=languages.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=Session._meta.get_field("interpretation_languages").help_text,
    )

    class Meta:
        model = Session
        fields = [
            "body",
            "number",
            "is_special",
            "is_resumed",
            "part",
            "start_date",
            "end_date",
            "venue",
            "room",
            "opening_time",
            "interpretation_languages",
        ]


class SessionAdmin(ServiceAdminMixin, admin.ModelAdmin):
    form = SessionForm
    list_display = ["__str__", "body", "number", "is_special", "start_date", "end_date", "venue"]
    list_select_related = ["body", "venue"]
    list_filter = ["body"]
    search_fields = ["body__symbol_prefix", "body__short_name_en", "body__name_en", "number"]
    date_hierarchy = "start_date"
    related_querysets = {"room": lambda: Room.objects.select_related("venue")}
    inlines = []

    class Media(TranslationTabsMedia):
        pass


class AgendaEditionInline(CachedChoicesInlineMixin, admin.TabularInline):
    model = AgendaEdition
    fields = ["language", "job_number", "processed_on", "printed_on", "reissued_on"]
    row_select_related = ["agenda"]
    extra = 0


class AgendaItemInlineFormSet(BaseInlineFormSet):
    """The items of one agenda in reading order, numbered, with their parent choices.

    The numbers and the parent choices are computed from the rows the formset loads
    anyway, so twenty items cost no more queries than one.
    """

    def get_queryset(self):
        if not hasattr(self, "_ordered_items"):
            nodes = list(flatten(number_items(list(super().get_queryset()))))
            for node in nodes:
                node.item.derived_number = node.reference
            self._ordered_items = [node.item for node in nodes]
            self._parent_choices = [("", _("— none (top level) —"))] + [
                (node.item.pk, parent_label(node)) for node in nodes
            ]
            self._queryset = self._ordered_items
        return self._ordered_items

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields.get("parent")
        if field is not None:
            self.get_queryset()
            field.queryset = AgendaItem.objects.filter(agenda_id=self.instance.pk)
            field.choices = self._parent_choices

    def clean(self):
        super().clean()
        # Each form checks its own parent against the database; only the formset sees
        # two rows that become each other's parents in one save.
        parents, kinds = {}, {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or form in self.deleted_forms or form.instance.pk is None:
                continue
            parent = data.get("parent")
            parents[form.instance.pk] = parent.pk if parent else None
            kinds[form.instance.pk] = data.get("kind", form.instance.kind)
        try:
            services.validate_item_tree(parents, kinds)
        except ValidationError as error:
            raise ValidationError(error.message_dict["parent"]) from error


def parent_label(node):
    title = str(node.item.title or "")
    title = title if len(title) <= 70 else title[:69] + "…"
    return f"{node.reference} {title}".strip() if node.reference else f"– {title}"


class AgendaItemInline(CachedChoicesInlineMixin, TranslationStackedInline):
    model = AgendaItem
    formset = AgendaItemInlineFormSet
    fields = [
        ("number", "position", "kind"),
        "parent",
        "title",
        "heading",
        "annotation",
        ("in_list", "in_annotations", "lettered"),
        "details",
    ]
    readonly_fields = ["number", "details"]
    uncached_fields = ["parent"]
    extra = 1

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # The formset limits the choices to the agenda's items (and lists them).
            kwargs["queryset"] = AgendaItem.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        widgets = formset.form.base_fields
        for name, field in widgets.items():
            if name.startswith(("title_", "heading_")):
                field.widget.attrs["rows"] = 2
            elif name.startswith("annotation_"):
                field.widget.attrs["rows"] = 6
        return formset

    @admin.display(description=_("number"))
    def number(self, obj):
        return getattr(obj, "derived_number", "") or "–"

    @admin.display(description=_("documentation and citations"))
    def details(self, obj):
        if obj is None or obj.pk is None:
            return _("Save the item first.")
        return format_html(
            "{} · {}",
            change_link(obj, _("Edit documentation and citations"), ""),
            history_link(obj, _("History")),
        )


class SectionInline(CachedChoicesInlineMixin, TranslationStackedInline):
    model = Section
    fields = [("kind", "position", "is_annex"), "heading", "text"]
    row_select_related = ["agenda"]
    extra = 0


class AgendaItemChoicesFormSet(BaseInlineFormSet):
    """Rows that point at an item of the agenda choose among its items only, listed once."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields.get("item")
        if field is not None:
            if not hasattr(self, "_item_choices"):
                self._item_choices = [("", "---------")] + [
                    (node.item.pk, parent_label(node))
                    for node in queries.numbered_items(self.instance.pk)
                ]
            field.queryset = AgendaItem.objects.filter(agenda_id=self.instance.pk)
            field.choices = self._item_choices


class FootnoteInline(CachedChoicesInlineMixin, TranslationStackedInline):
    model = Footnote
    formset = AgendaItemChoicesFormSet
    fields = [("placement", "item", "paragraph", "position"), "text"]
    uncached_fields = ["item"]
    row_select_related = ["agenda", "item"]
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "item":
            kwargs["queryset"] = AgendaItem.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AgendaAdmin(ServiceAdminMixin, TranslationAdmin):
    list_display = ["__str__", "session", "kind", "distribution", "issued_on", "item_count"]
    # Latest sessions first, read through the session_latest_first index.
    ordering = ["-session__start_date", "-session_id", "-pk"]
    list_filter = ["kind", "distribution"]
    search_fields = ["symbol", "session__body__symbol_prefix"]
    autocomplete_fields = ["session"]
    related_querysets = {"session": lambda: Session.objects.select_related("body")}
    fieldsets = [
        (
            _("Masthead"),
            {
                "fields": [
                    "session",
                    ("symbol", "slug"),
                    "kind",
                    "title",
                    ("distribution", "issued_on", "original_language"),
                    "issued_under_item",
                    ("announces_venue", "is_sample"),
                ]
            },
        ),
        (
            _("Layout"),
            {
                "fields": [
                    ("section_numbering", "documentation_style"),
                    ("timetable_layout", "time_notation"),
                ]
            },
        ),
    ]
    inlines = [AgendaEditionInline, SectionInline, AgendaItemInline, FootnoteInline]

    class Media(TranslationTabsMedia):
        pass

    def get_queryset(self, request):
        return queries.admin_agendas()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        field = form.base_fields.get("issued_under_item")
        if field is not None:
            # Items of the session's other agendas: the provisional agenda an annotated
            # addendum is issued under.
            field.queryset = (
                AgendaItem.objects.filter(agenda__session_id=obj.session_id)
                .exclude(agenda=obj)
                .select_related("agenda")
                if obj is not None
                else AgendaItem.objects.none()
            )
        return form

    @admin.display(description=_("items"), ordering="item_count")
    def item_count(self, obj):
        return obj.item_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # People type positions such as 15 to slot an item between 10 and 20; respace
        # them so the next insertion has room again.
        services.normalize_positions(form.instance, by=request.user)


class DocumentationLinkInline(CachedChoicesInlineMixin, admin.TabularInline):
    model = DocumentationLink
    fields = ["document", "purpose", "position"]
    autocomplete_fields = ["document"]
    row_select_related = ["item", "document"]
    extra = 1


class AgendaItemAdmin(ServiceAdminMixin, TranslationAdmin):
    list_display = ["__str__", "agenda", "parent", "position", "kind"]
    # Newest agenda first, each in reading order: the order of the item_admin_order
    # index. ("agenda" would sort by the agenda's own ordering, through two joins.)
    ordering = ["-agenda_id", "position", "pk"]
    # Half a million items: counted from statistics, and only once per page.
    paginator = LargeTablePaginator
    show_full_result_count = False
    list_select_related = ["agenda__session__body", "parent"]
    list_filter = ["kind"]
    autocomplete_fields = ["agenda"]
    fields = ["agenda", "number", "parent", ("position", "kind"), "title", "annotation"]
    readonly_fields = ["number"]
    inlines = [DocumentationLinkInline]
    actions = ["move_up", "move_down"]

    class Media(TranslationTabsMedia):
        pass

    search_fields = [*translated("title"), "agenda__symbol"]

    def get_queryset(self, request):
        return queries.admin_agenda_items()

    def get_readonly_fields(self, request, obj=None):
        # An item does not move between agendas: its parent and numbers would not follow.
        return ["agenda", "number"] if obj is not None else ["number"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "parent" in form.base_fields:
            parent = form.base_fields["parent"]
            if obj is not None:
                choices = [("", _("— none (top level) —"))] + [
                    (node.item.pk, parent_label(node))
                    for node in queries.numbered_items(obj.agenda_id)
                ]
                parent.queryset = AgendaItem.objects.filter(agenda_id=obj.agenda_id)
                parent.choices = choices
            else:
                parent.queryset = AgendaItem.objects.select_related("agenda")
        return form

    @admin.display(description=_("number"))
    def number(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        for node in queries.numbered_items(obj.agenda_id):
            if node.item.pk == obj.pk:
                return node.reference or "–"
        return "–"

    def response_change(self, request, obj):
        # The item is edited from its agenda's page: go back there after saving.
        if "_continue" in request.POST or "_addanother" in request.POST:
            return super().response_change(request, obj)
        super().response_change(request, obj)
        return HttpResponseRedirect(reverse("admin:agendas_agenda_change", args=[obj.agenda_id]))

    def _move(self, request, queryset, direction):
        moved = 0
        try:
            with transaction.atomic():
                for item in queryset.order_by("position" if direction == "up" else "-position"):
                    moved += services.move_item(item, direction=direction, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(
            request,
            ngettext("%(count)d item moved.", "%(count)d items moved.", moved) % {"count": moved},
            messages.SUCCESS,
        )

    @admin.action(description=_("Move selected items up one place"))
    def move_up(self, request, queryset):
        self._move(request, queryset, "up")

    @admin.action(description=_("Move selected items down one place"))
    def move_down(self, request, queryset):
        self._move(request, queryset, "down")


class DocumentEditionInline(CachedChoicesInlineMixin, admin.TabularInline):
    model = DocumentEdition
    fields = ["language", "job_number", "is_available", "reissued_on"]
    row_select_related = ["document"]
    extra = 0


class DocumentAdmin(ServiceAdminMixin, TranslationAdmin):
    list_display = ["symbol", "short_title", "distribution", "issued_on", "original_language"]
    list_filter = ["body_prefix", "year", "series", "distribution"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "symbol",
                    "title",
                    "url",
                    ("distribution", "issued_on", "original_language"),
                ]
            },
        ),
        (
            _("Read from the symbol"),
            {
                "fields": [
                    ("body_prefix", "year", "session_number", "series", "number"),
                    "symbol_key",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    readonly_fields = ["body_prefix", "year", "session_number", "series", "number", "symbol_key"]
    inlines = [DocumentEditionInline]

    class Media(TranslationTabsMedia):
        pass

    search_fields = ["symbol", "symbol_key", *translated("title")]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.symbol_irregularity:
            self.message_user(
                request,
                _("The symbol %(symbol)s is kept as printed, but it is irregular: %(why)s")
                % {"symbol": obj.symbol, "why": obj.symbol_irregularity},
                messages.WARNING,
            )

    @admin.display(description=_("title"))
    def short_title(self, obj):
        title = str(obj.title or "")
        return title if len(title) <= 90 else title[:89] + "…"


class RoomInline(CachedChoicesInlineMixin, TranslationTabularInline):
    model = Room
    fields = ["name"]
    row_select_related = ["venue"]
    extra = 1


class VenueAdmin(ServiceAdminMixin, TranslationAdmin):
    list_display = ["name", "city", "time_zone"]
    fields = ["name", "city", "time_zone"]
    inlines = [RoomInline]

    class Media(TranslationTabsMedia):
        pass

    search_fields = [*translated("name"), *translated("city")]


class RoomAdmin(ServiceAdminMixin, TranslationAdmin):
    list_display = ["name", "venue"]
    list_select_related = ["venue"]
    fields = ["venue", "name"]

    class Media(TranslationTabsMedia):
        pass

    search_fields = [*translated("name"), "venue__name_en"]


class DocumentPurposeAdmin(ServiceAdminMixin, TranslationAdmin):
    list_display = ["name", "code", "position"]
    fields = ["name", "code", "position"]

    class Media(TranslationTabsMedia):
        pass


admin.site.register(Body, BodyAdmin)
admin.site.register(DocumentPurpose, DocumentPurposeAdmin)
admin.site.register(Venue, VenueAdmin)
admin.site.register(Room, RoomAdmin)
admin.site.register(Session, SessionAdmin)
admin.site.register(Agenda, AgendaAdmin)
admin.site.register(AgendaItem, AgendaItemAdmin)
admin.site.register(Document, DocumentAdmin)
