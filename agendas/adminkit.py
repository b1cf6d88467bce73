"""Admin helpers shared by the admins of every app: saving through services, language
tabs served from our own static files, forms made for the person editing (a
translator's other languages and structure disabled, each language's field in its
direction with the original beside it), and select lists that cost one query.

Kept apart from ``agendas.admin`` so that the other apps' admins import them without
importing, or being imported by, the agenda admin.
"""

import functools
import hashlib
import json

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.forms.models import InlineForeignKeyField
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

import languages

from . import permissions, translating
from .admin_filters import SafeDateFiltersMixin
from .admin_history import HistoryAdminMixin
from .html import sanitize_html
from .savers import saver_for
from .services import remove_row


class TranslationTabsMedia:
    """modeltranslation's tabbed fields, with the tabs served from our static files.

    modeltranslation's TabbedTranslationAdmin loads jQuery UI from a CDN, which the
    admin must not depend on; ``agendas/admin/translation_tabs.js`` implements the part
    of it that the tabs need.
    """

    js = (
        "admin/js/jquery.init.js",
        "modeltranslation/js/force_jquery.js",
        "agendas/admin/translation_tabs.js",
        "modeltranslation/js/tabbed_translation_fields.js",
    )
    css = {
        "all": (
            "modeltranslation/css/tabbed_translation_fields.css",
            "agendas/admin/translating.css",
        )
    }


def translated(field):
    """The per-language columns of a translated field, e.g. title_en, title_zh_hans."""
    return [build_localized_fieldname(field, code) for code in languages.codes()]


def change_link(obj, label, unsaved):
    """A link to ``obj``'s own admin page, or ``unsaved`` while it has none yet."""
    if obj is None or obj.pk is None:
        return unsaved
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label)


def history_link(obj, label):
    """A link to the History page of ``obj`` (saved), where its versions are listed."""
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label)


def with_late_errors(form_class, error):
    """``form_class`` made to fail with ``error``, a service's refusal at save time."""

    class LateErrorForm(form_class):
        def _post_clean(self):
            super()._post_clean()
            errors = error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error}
            for field, field_errors in errors.items():
                target = field if field in self.fields else None
                self.add_error(target, ValidationError(field_errors))

    return LateErrorForm


def digest(field, value):
    """A short digest of ``value`` as ``field`` shows it, the same whether the value is
    the one a page was drawn with or the one its form sent back."""
    widget, value = field.widget, field.prepare_value(value)
    if isinstance(widget, forms.CheckboxInput):
        normal = bool(value) and value not in ("false", "False", "0")
    elif isinstance(value, (list, tuple)):
        normal = sorted(str(v) for v in value)
    else:
        formatted = widget.format_value(value)
        normal = ("" if formatted is None else str(formatted)).replace("\r\n", "\n")
    return hashlib.sha256(json.dumps(normal).encode()).hexdigest()[:16]


class VersionedForm(forms.ModelForm):
    """A form that merges a person's changes into the row as it is now.

    ``shown`` carries a digest of each value the page showed. When the form comes back,
    the fields whose values differ from what was shown are the ones the person changed;
    only those are written, onto the row as it is now, so a stale page never puts back
    the old values of fields (or inline rows) its user did not touch. A changed field
    that someone else has also changed since the page was drawn is refused beside the
    field, showing what they saved, with the person's text kept; saving again then
    replaces theirs deliberately. The save itself is checked against the row's version
    in the UPDATE (``agendas.models.versioning``), which closes the moment between
    reading the row and writing it.
    """

    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    # Written as typed even if they changed meanwhile: a position is read against the
    # positions as they are now (typing 85 puts the row after the one now at 80), and
    # other people's moves renumber positions without anyone having edited them.
    unchecked_fields = frozenset({"position"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["shown"] = json.dumps(
                {
                    name: self._digest(field, self._initial_value(name))
                    for name, field in self._content_fields()
                },
                separators=(",", ":"),
            )

    # What was shown, what came back ----------------------------------------------------

    def _content_fields(self):
        """The fields a person edits: not this digest, the row's id, an inline's link to
        its parent, or the formset's own DELETE and ORDER (added after the form was made;
        a deletion is the formset's business)."""
        pk_name = self.instance._meta.pk.name
        return [
            (name, field)
            for name, field in self.fields.items()
            if name not in ("shown", pk_name, "DELETE", "ORDER")
            and not isinstance(field, InlineForeignKeyField)
        ]

    def _initial_value(self, name):
        return self.get_initial_for_field(self.fields[name], name)

    _digest = staticmethod(digest)

    def _shown(self):
        try:
            shown = json.loads(self.data.get(self.add_prefix("shown")) or "")
        except ValueError:
            return None
        return shown if isinstance(shown, dict) else None

    def touched(self):
        """The names of the fields whose values differ from what the page showed (all of
        them when the page did not say what it showed)."""
        shown = self._shown()
        names = []
        for name, field in self._content_fields():
            posted = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if shown is None or shown.get(name) != self._digest(field, posted):
                names.append(name)
        return names

    def has_changed(self):
        if self.is_bound and self.instance.pk is not None and self._shown() is not None:
            return bool(self.touched())
        return super().has_changed()

    # Merging -----------------------------------------------------------------------------

    def _model_field(self, name):
        try:
            field = self.instance._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        return field if getattr(field, "concrete", False) and not field.many_to_many else None

    def _post_clean(self):
        shown = self._shown() if self.instance.pk is not None else None
        now = {}
        if shown is not None:
            for name, _field in self._content_fields():
                if (model_field := self._model_field(name)) is not None:
                    now[name] = (model_field, model_field.value_from_object(self.instance))
        super()._post_clean()
        if shown is None:
            return
        touched = set(self.touched())
        refreshed = dict(shown)
        for name, (model_field, current) in now.items():
            if name not in touched:
                # Not the person's change: the row keeps what it holds now.
                setattr(self.instance, model_field.attname, current)
            elif name not in self.unchecked_fields and (
                theirs := self._digest(self.fields[name], self._initial_value(name))
            ) != shown.get(name):
                refreshed[name] = theirs
                self.add_error(
                    name,
                    _(
                        "Someone else changed this after you opened the page; it is now "
                        "“%(theirs)s”. Yours is kept here: save again to replace theirs."
                    )
                    % {"theirs": self._shown_text(model_field, current) or "—"},
                )
        if refreshed != shown:
            data = self.data.copy()
            data[self.add_prefix("shown")] = json.dumps(refreshed, separators=(",", ":"))
            self.data = data

    def _shown_text(self, model_field, value):
        if model_field.is_relation and value is not None:
            return str(model_field.related_model._default_manager.filter(pk=value).first() or "")
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        return "" if value is None else str(value)


def versioned(form_class):
    """``form_class`` with the hidden fields of optimistic locking (VersionedForm)."""
    if issubclass(form_class, VersionedForm) or "version" not in {
        f.name for f in form_class._meta.model._meta.concrete_fields
    }:
        return form_class
    return type(f"Versioned{form_class.__name__}", (VersionedForm, form_class), {})


@functools.cache
def _with_source(widget_class):
    """``widget_class`` rendered after the source text it translates (``source_html``)."""

    class WithSource(widget_class):
        source_html = ""

        def render(self, name, value, attrs=None, renderer=None):
            target = super().render(name, value, attrs, renderer)
            return format_html(
                '<div class="translation-pair">{}<div class="translation-target">{}</div></div>',
                self.source_html,
                target,
            )

    WithSource.__name__ = f"{widget_class.__name__}WithSource"
    return WithSource


def original_label(code):
    """The label over the original's text beside a translation: "Original (English)"."""
    return _("Original (%(language)s)") % {"language": permissions.language_name(code)}


def source_html(model, name, code, text):
    """The source text shown beside a translation, read-only, in its language."""
    language = languages.get(code)
    rich = translating.is_rich(model, name)
    return format_html(
        '<div class="translation-source" lang="{}" dir="{}">'
        '<div class="translation-source__label" lang="{}">{}</div>'
        '<div class="translation-source__text{}">{}</div></div>',
        code,
        language.direction,
        get_language() or "",
        original_label(code),
        " translation-source__text--rich" if rich else "",
        mark_safe(sanitize_html(text)) if rich else text,
    )


def for_editor(form_class, user, source_language=None):
    """``form_class`` made for ``user``: each language's field in its language and
    direction (``lang``, ``dir``) with the original's text beside it, read-only; the
    fields ``user`` may not change (a translator's other languages, and everything
    that is not a text) disabled, so that they show but are not taken from the request.
    The services refuse such changes anyway. ``source_language`` defaults to the
    edited object's (``translating.source_language_of``)."""
    allowed = set(permissions.languages_of(user))
    structure = permissions.may_edit_structure(user)

    class EditorForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            model = self._meta.model
            localized = translating.localized_fields(model)
            source = source_language
            if source is None and localized and self.instance.pk is not None:
                source = translating.source_language_of(self.instance)
            for name, field in self.fields.items():
                if name not in localized:
                    # Hidden fields (the digest of what the page showed) are no content.
                    if not field.widget.is_hidden:
                        field.disabled = field.disabled or not structure
                    continue
                base, code = localized[name]
                field.widget.attrs.update(lang=code, dir=languages.get(code).direction)
                if code not in allowed:
                    field.disabled = True
                    continue
                if not source or code == source:
                    continue
                text = getattr(self.instance, build_localized_fieldname(base, source), "")
                if text:
                    field.widget.__class__ = _with_source(type(field.widget))
                    field.widget.source_html = source_html(model, base, source, text)

        def touched(self):
            # A disabled field is not sent by the browser: it is not the person's change
            # (VersionedForm would otherwise take it for one).
            return [name for name in super().touched() if not self.fields[name].disabled]

    if not hasattr(form_class, "touched"):
        del EditorForm.touched
    EditorForm.__name__ = form_class.__name__
    return EditorForm


class ServiceAdminMixin(HistoryAdminMixin, SafeDateFiltersMixin):
    """Saves through the services and shows their late refusals beside what was typed.

    A save of the page is one revision of the history, and its History link lists the
    revisions with a Restore button each (``admin_history.HistoryAdminMixin``).

    Forms already run the models' rules, so errors normally show beside the field. A
    service can still refuse at save time (two people booking one room at the same
    moment, a rule that spans several rows); the page's transaction is then rolled back,
    and the page is shown again with everything the person typed and the reason.
    """

    # Related models whose __str__ reads further relations: select them with the
    # choices, so that a select list costs one query however many options it has.
    related_querysets = {}

    def save_model(self, request, obj, form, change):
        if change and not form.has_changed():
            return  # untouched: nothing to write, and nothing to overwrite
        saver_for(type(obj))(obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            remove_row(obj, by=request.user)
        for instance in instances:
            saver_for(type(instance))(instance, by=request.user)
        formset.save_m2m()

    def delete_model(self, request, obj):
        remove_row(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            remove_row(obj, by=request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            if request.method != "POST" or hasattr(request, "late_service_error"):
                raise
            # Nothing was saved (the whole page is one transaction). Build the page again
            # from the submitted data, with the service's reason as a form error.
            request.late_service_error = error
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs.setdefault("form", versioned(self.form_for_model()))
        form = for_editor(super().get_form(request, obj, change=change, **kwargs), request.user)
        error = getattr(request, "late_service_error", None)
        return with_late_errors(form, error) if error is not None else form

    def get_formset(self, request, obj=None, **kwargs):
        """(Inlines.) Rows made for the person, as ``get_form``; their source language
        is the parent's (one question for all rows)."""
        kwargs.setdefault("form", versioned(self.form_for_model()))
        formset = super().get_formset(request, obj, **kwargs)
        source = ""
        if obj is not None and translating.translated_fields(self.model):
            source = translating.source_language_of(obj)
        formset.form = for_editor(formset.form, request.user, source)
        return formset

    def form_for_model(self):
        """``self.form``, or a ModelForm of the model when it is Django's bare default
        (which has no model to read the version field from)."""
        if getattr(self.form, "_meta", None) is not None and self.form._meta.model is not None:
            return self.form
        return forms.modelform_factory(self.model, form=self.form, fields="__all__")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        named = set(flatten_fieldsets(fieldsets))
        if "shown" not in named and hasattr(self.model, "version"):
            fieldsets = [*fieldsets, (None, {"fields": ["shown"], "classes": ["hidden"]})]
        return fieldsets

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        queryset = self.related_querysets.get(db_field.name)
        if queryset is not None and "queryset" not in kwargs:
            kwargs["queryset"] = queryset()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CachedChoicesInlineMixin(ServiceAdminMixin):
    """Inline rows share one evaluated list of choices for each select.

    Django evaluates a select's queryset again for every row of a formset; evaluating it
    once when the formset class is built keeps the page's query count independent of
    the number of rows.
    """

    # Relations that each row's name (shown above the row) reads.
    row_select_related = ()
    # Selects whose choices the formset sets itself.
    uncached_fields = ()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.row_select_related:
            queryset = queryset.select_related(*self.row_select_related)
        return queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if (
            formfield is not None
            and db_field.name not in self.autocomplete_fields
            and db_field.name not in self.raw_id_fields
            and db_field.name not in self.uncached_fields
            and hasattr(formfield, "queryset")
        ):
            # iter() first: list() would ask for len(), which costs a COUNT query.
            formfield.choices = list(iter(formfield.choices))
        return formfield


class LargeTablePaginator(Paginator):
    """A changelist's paginator that does not read half a million rows to count them.

    An unfiltered list on PostgreSQL is counted from the planner's statistics
    (``pg_class.reltuples``, kept by autovacuum) once the table holds more than
    ``ESTIMATE_ABOVE`` rows, and exactly below that; a filtered list is counted exactly.
    One query either way.
    """

    ESTIMATE_ABOVE = 100_000

    @cached_property
    def count(self):
        queryset = self.object_list
        if connection.vendor != "postgresql" or queryset.query.where:
            return super().count
        table = connection.ops.quote_name(queryset.model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT CASE WHEN reltuples > %s THEN reltuples::bigint "
                f"ELSE (SELECT COUNT(*) FROM {table}) END "
                "FROM pg_class WHERE oid = %s::regclass",
                [self.ESTIMATE_ABOVE, table],
            )
            return cursor.fetchone()[0]
