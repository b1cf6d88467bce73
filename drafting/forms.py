"""Forms of the drafting pages. They parse input; the services decide."""

import json
from dataclasses import dataclass

from django import forms
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import ProseEditorWidget
from modeltranslation.utils import build_localized_fieldname

import languages
from agendas.adminkit import digest, original_label
from agendas.html import sanitize_html
from agendas.models import (
    Agenda,
    AgendaEdition,
    AgendaItem,
    Body,
    DocumentPurpose,
    Footnote,
    Room,
    Venue,
)
from agendas.models.common import Distribution
from agendas.queries import field_statuses
from agendas.services import EDITION_FIELDS
from agendas.translating import is_rich
from resolutions.models import Citation
from scheduling.models import TimeSlot

# What the rich text editor offers: exactly what the public page keeps
# (agendas.html.ALLOWED_TAGS), nothing it would strip.
RICH_TEXT_TYPES = [
    "Bold",
    "Italic",
    "BulletList",
    "OrderedList",
    "Link",
    "Superscript",
    "Subscript",
]


class RichTextWidget(ProseEditorWidget):
    """django-prose-editor's editor, started by our own module (drafting/rich_text.js)
    rather than through an inline import map, which the Content-Security-Policy forbids."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("config", {"types": RICH_TEXT_TYPES, "history": True, "html": False})
        super().__init__(*args, **kwargs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attributes = context["widget"]["attrs"]
        attributes["data-rich-text"] = attributes.pop("data-django-prose-editor-default")
        return context

    @property
    def media(self):
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                ]
            }
        )


class RichTextField(forms.CharField):
    """Rich text kept as the public page will print it: whatever a paste or a hand
    brought outside the allowlist is dropped on the way in, so what the person sees
    after saving is what delegates will read."""

    def clean(self, value):
        return sanitize_html(super().clean(value))


def language_fields(field, codes, *, rich=False, rows=2):
    """Form fields of a translated model field, one per working language."""
    fields = {}
    for code in codes:
        language = languages.get(code)
        widget = (
            RichTextWidget(attrs={"lang": code, "dir": language.direction})
            if rich
            else forms.Textarea(attrs={"rows": rows, "lang": code, "dir": language.direction})
        )
        field_class = RichTextField if rich else forms.CharField
        fields[build_localized_fieldname(field, code)] = field_class(
            label=language.name, required=False, widget=widget
        )
    return fields


@dataclass
class Text:
    """A text field of one working language, with what a translator needs beside it:
    the original's text (read-only, in its language) and the translation's status."""

    bound: forms.BoundField
    source: str = ""  # the original's text; HTML for rich text (sanitised)
    source_code: str = ""
    status: object = None  # agendas.translating.FieldStatus, or None

    @property
    def source_direction(self):
        return languages.get(self.source_code).direction if self.source_code else ""

    @property
    def source_label(self):
        return original_label(self.source_code)


class DraftingForm(forms.Form):
    """A form whose labels begin with a capital, as the admin's do (the labels are the
    models' lower-case verbose names, shared with the admin and its catalogue), and
    whose fields' ids begin with ``id_prefix``: the drafting page shows several forms
    with fields of one name ("kind", "lines"), and an id must name one field."""

    id_prefix = "id"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.label = capfirst(field.label)


class MergingForm(DraftingForm):
    """A form that knows what its page showed (``shown``: a digest of each value), so
    that a save writes only what the person changed, and refuses a change to a field
    someone else has changed since (``agendas.adminkit.VersionedForm`` does the same for
    the admin's forms)."""

    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def get_initial_for_field(self, field, field_name):
        if field_name == "shown":
            return self._digests(
                {
                    name: super(MergingForm, self).get_initial_for_field(self.fields[name], name)
                    for name in self._content_names()
                }
            )
        return super().get_initial_for_field(field, field_name)

    def _content_names(self):
        return [name for name in self.fields if name != "shown"]

    def _digests(self, values):
        return json.dumps(
            {name: digest(self.fields[name], value) for name, value in values.items()},
            separators=(",", ":"),
        )

    def _shown(self):
        try:
            shown = json.loads(self.data.get(self.add_prefix("shown")) or "")
        except ValueError:
            return {}
        return shown if isinstance(shown, dict) else {}

    def touched(self):
        """The fields whose values differ from what the page showed; never a disabled
        one (a translator's kind and places), which the browser does not send."""
        shown = self._shown()
        return [
            name
            for name in self._content_names()
            if not self.fields[name].disabled
            and shown.get(name)
            != digest(
                self.fields[name],
                self.fields[name].widget.value_from_datadict(
                    self.data, self.files, self.add_prefix(name)
                ),
            )
        ]

    def refuse_changed_since(self, now, describe):
        """Add an error to each field the person changed that someone else has changed
        since the page was drawn (``now``: the values as saved now); True if any. The
        page's digest is brought up to date, so that saving again replaces theirs."""
        shown, refused = self._shown(), False
        if not shown:
            return False  # a form that did not say what it showed: nothing to compare
        for name in self.touched():
            theirs = digest(self.fields[name], now.get(name))
            if name in now and theirs != shown.get(name):
                self.add_error(
                    name,
                    _(
                        "Someone else changed this after you opened the page; it is now "
                        "“%(theirs)s”. Yours is kept here: save again to replace theirs."
                    )
                    % {"theirs": describe(name, now[name]) or "—"},
                )
                shown[name], refused = theirs, True
        if refused:
            data = self.data.copy()
            data[self.add_prefix("shown")] = json.dumps(shown, separators=(",", ":"))
            self.data = data
        return refused


class ItemForm(MergingForm):
    """An entry's kind, where it shows, and its texts in the working languages.

    For those who may not change the structure (translators) the kind and the places
    are shown disabled: they keep the entry's values whatever the request says.
    """

    id_prefix = "item"

    kind = forms.ChoiceField(label=_("kind"), choices=AgendaItem.Kind.choices)
    in_list = forms.BooleanField(label=_("in the agenda list"), required=False)
    in_annotations = forms.BooleanField(label=_("in the annotations"), required=False)
    lettered = forms.BooleanField(label=_("lettered"), required=False)

    TEXTS = ("title", "heading", "annotation")
    STRUCTURE = ("kind", "in_list", "in_annotations", "lettered")

    def __init__(self, *args, codes, structure=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = codes
        self.sources = {}
        self.fields.update(language_fields("title", codes))
        self.fields.update(language_fields("heading", codes))
        self.fields.update(language_fields("annotation", codes, rich=True))
        if not structure:
            for name in self.STRUCTURE:
                self.fields[name].disabled = True

    def show_sources(self, item, source_code):
        """Show beside each working language but the original the original's text of
        ``item`` and the translation's status (one query)."""
        targets = [code for code in self.codes if code != source_code]
        if not targets:
            return
        statuses = {
            (status.field, status.language): status
            for status in field_statuses(
                [(item, name) for name in self.TEXTS], source_code, targets
            )
        }
        for name in self.TEXTS:
            source = getattr(item, build_localized_fieldname(name, source_code)) or ""
            if is_rich(AgendaItem, name):
                source = mark_safe(sanitize_html(source))
            for code in targets:
                self.sources[(name, code)] = (source_code, source, statuses.get((name, code)))

    def texts(self, field):
        texts = []
        for code in self.codes:
            bound = self[build_localized_fieldname(field, code)]
            source_code, source, status = self.sources.get((field, code), ("", "", None))
            texts.append(Text(bound, source, source_code, status))
        return texts

    @property
    def title_fields(self):
        return self.texts("title")

    @property
    def heading_fields(self):
        return self.texts("heading")

    @property
    def annotation_fields(self):
        return self.texts("annotation")


class AddItemForm(DraftingForm):
    id_prefix = "add"

    kind = forms.ChoiceField(
        label=_("kind"), choices=AgendaItem.Kind.choices, initial=AgendaItem.Kind.ITEM
    )
    title = forms.CharField(label=_("title"), max_length=2000)
    under = forms.ModelChoiceField(
        label=_("under"), queryset=AgendaItem.objects.none(), required=False
    )


class PasteDocumentsForm(DraftingForm):
    id_prefix = "documents"

    lines = forms.CharField(
        label=_("Paste documents"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One a line: a symbol, then a title and a purpose if you like, separated by a "
            "tab or a dash; or a title followed by its symbol in brackets. A line without "
            "a symbol is a document to be issued."
        ),
    )


class PasteCitationsForm(DraftingForm):
    id_prefix = "citations"

    lines = forms.CharField(
        label=_("Paste resolutions and decisions"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: “resolution 8/7, entitled …”, “decision 2019/210”."),
    )
    placement = forms.ChoiceField(
        label=_("cited"), choices=Citation.Placement.choices, initial=Citation.Placement.TITLE
    )
    body = forms.ModelChoiceField(label=_("adopted by"), queryset=Body.objects.all())


class FootnoteForm(DraftingForm):
    id_prefix = "footnote"

    placement = forms.ChoiceField(
        label=_("on"),
        choices=[(v, label) for v, label in Footnote.Placement.choices if v != "title"],
    )
    paragraph = forms.IntegerField(label=_("paragraph"), min_value=1, required=False)

    def __init__(self, *args, codes, **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = codes
        self.fields.update(language_fields("text", codes, rich=True))

    @property
    def text_fields(self):
        return [Text(self[build_localized_fieldname("text", code)]) for code in self.codes]


class EditionsForm(DraftingForm):
    """The language versions' footers in the working languages: job number and dates."""

    id_prefix = "editions"

    def __init__(self, *args, codes, **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = codes
        for code in codes:
            language = languages.get(code).name
            for name in EDITION_FIELDS:
                model_field = AgendaEdition._meta.get_field(name)
                field = model_field.formfield(required=False)
                field.label = f"{capfirst(model_field.verbose_name)} ({language})"
                field.help_text = ""
                if isinstance(field, forms.DateField):
                    field.widget = forms.DateInput(attrs={"type": "date"})
                self.fields[f"{name}_{code}"] = field

    def values(self):
        """{code: {field: value}} for the service."""
        return {
            code: {name: self.cleaned_data[f"{name}_{code}"] for name in EDITION_FIELDS}
            for code in self.codes
        }

    def rows(self):
        return [
            (languages.get(code).name, [self[f"{name}_{code}"] for name in EDITION_FIELDS])
            for code in self.codes
        ]


class PurposeForm(DraftingForm):
    id_prefix = "purpose"

    purpose = forms.ModelChoiceField(
        label=_("purpose"), queryset=DocumentPurpose.objects.all(), required=False
    )


class SlotForm(DraftingForm):
    """A row of the timetable grid."""

    slot = forms.IntegerField(widget=forms.HiddenInput, required=False)
    date = forms.DateField(label=_("date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(label=_("starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("ends"), widget=forms.TimeInput(attrs={"type": "time"}))
    # The initial kind matters: an empty row whose kind is still the first choice has
    # not changed, and is left out rather than refused for its missing date.
    kind = forms.ChoiceField(
        label=_("kind"), choices=TimeSlot.Kind.choices, initial=TimeSlot.Kind.MEETING
    )
    room = forms.ModelChoiceField(label=_("room"), queryset=Room.objects.none(), required=False)
    items = forms.CharField(
        label=_("items"),
        required=False,
        help_text=_("Their numbers, such as 1(a), 2; an unnumbered entry by its title."),
    )

    def __init__(self, *args, codes, rooms, row=None, structure=True, **kwargs):
        self.codes = codes
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms
        if not structure:
            # A translator fills the texts; the rows keep their days, times and items.
            for name in ("date", "start_time", "end_time", "kind", "room", "items"):
                self.fields[name].disabled = True
        for field_name in ("introduced_by", "note"):
            heading = capfirst(TimeSlot._meta.get_field(field_name).verbose_name)
            for name, field in language_fields(field_name, codes, rows=1).items():
                field.label = f"{heading} ({field.label})"
                self.fields[name] = field
        # The grid shows its labels once, as column headings; each cell is named for
        # those who hear it: "Row 2: Starts".
        self.row_name = gettext("Row %(number)d") % {"number": row} if row else gettext("New row")
        for field in self.visible_fields():
            field.field.widget.attrs["aria-label"] = f"{self.row_name}: {field.label}"

    def texts(self, field):
        return [self[build_localized_fieldname(field, code)] for code in self.codes]


class BaseSlotFormSet(forms.BaseFormSet):
    def __init__(self, *args, codes, rooms, structure=True, **kwargs):
        self.codes, self.rooms, self.structure = codes, rooms, structure
        if not structure:
            self.extra = 0  # no new rows: adding slots is the secretariat's
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].disabled = not self.structure
            form.fields["DELETE"].label = gettext("Remove")
            form.fields["DELETE"].widget.attrs["aria-label"] = (
                f"{form.row_name}: {gettext('Remove')}"
            )

    def get_form_kwargs(self, index):
        row = index + 1 if index is not None else None
        return {"codes": self.codes, "rooms": self.rooms, "row": row, "structure": self.structure}


SlotFormSet = forms.formset_factory(SlotForm, formset=BaseSlotFormSet, extra=3, can_delete=True)


class NewAgendaForm(DraftingForm):
    """Everything a new agenda needs, on one form: where, when, and its masthead."""

    body = forms.ModelChoiceField(label=_("body"), queryset=Body.objects.all())
    number = forms.IntegerField(label=_("session number"), min_value=1, max_value=9999)
    start_date = forms.DateField(
        label=_("first day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(label=_("last day"), widget=forms.DateInput(attrs={"type": "date"}))
    venue = forms.ModelChoiceField(label=_("venue"), queryset=Venue.objects.all())
    symbol = forms.CharField(label=_("symbol"), max_length=120, required=False)
    kind = forms.ChoiceField(label=_("kind"), choices=Agenda.Kind.choices, initial="annotated")
    distribution = forms.ChoiceField(
        label=_("distribution"), choices=Distribution.choices, initial="general"
    )
    issued_on = forms.DateField(
        label=_("date of issue"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    original_language = forms.ChoiceField(
        label=_("original language"), choices=languages.choices, initial="en"
    )
    start_from_previous = forms.BooleanField(
        label=_("Start from the body's last agenda"),
        required=False,
        help_text=_(
            "Its items, headings and annotations, with the session's ordinal and dates "
            "brought up to date; documentation and the timetable start empty."
        ),
    )
