"""Translations of the draft: who may change which text, and what each was made from.

``services.validate_and_save`` calls ``check_change`` before it saves (a translator's
change to another language's text, or to anything but texts, is refused there and
nothing is saved) and ``record_change`` after: for every language whose text changed,
a ``TranslationRecord`` keeps the other languages' texts of that moment. A text's
status in a language, measured against a source language (the agenda's original), is
then:

- **missing**: the source has text, the language has none;
- **outdated**: the source's text is no longer the one the translation was saved
  with; ``FieldStatus.diff`` shows how the source changed;
- **up to date**: otherwise, including texts saved before records were kept (or
  written around the services), of which nothing is known to have changed.

Reads of many statuses at once are ``agendas.queries.field_statuses``.
"""

import difflib
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from . import permissions
from .html import html_to_text
from .models import Session, TranslationRecord, TranslationStatus

# Fields that hold basic HTML (agendas.html): their statuses and diffs read the text.
RICH_FIELDS = {"agendas.agendaitem.annotation", "agendas.section.text", "agendas.footnote.text"}


def _registered_fields(model):
    """modeltranslation's ``{field name: its language columns}`` of ``model``, or {}."""
    try:
        return translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return {}


def translated_fields(model):
    """The names of ``model``'s translated fields ("title", "annotation"), or ()."""
    return tuple(_registered_fields(model))


def localized_fields(model):
    """``{"title_fr": ("title", "fr"), ...}``: each language's column of each field,
    as modeltranslation made them."""
    return {
        column.name: (name, column.language)
        for name, columns in _registered_fields(model).items()
        for column in columns
    }


def _text(obj, field, code):
    return getattr(obj, build_localized_fieldname(field, code), None) or ""


def is_rich(model, name):
    return f"{model._meta.label_lower}.{name}" in RICH_FIELDS


def plain(model, name, text):
    """The words of a text, without the markup of a rich field."""
    return html_to_text(text) if is_rich(model, name) else (text or "")


def source_language_of(obj):
    """The language ``obj``'s texts are translated from: its own or its agenda's
    original language; a session's (and its slots') from its first agenda; else the
    default language of the settings (bodies, venues, resolutions serve many agendas)."""
    if getattr(obj, "original_language", ""):
        return obj.original_language
    agenda = getattr(obj, "agenda", None)
    if agenda is not None:
        return agenda.original_language
    session = obj if isinstance(obj, Session) else getattr(obj, "session", None)
    if session is not None and session.pk is not None:
        first = session.agendas.order_by("pk").values_list("original_language", flat=True).first()
        if first:
            return first
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


# Writing ------------------------------------------------------------------------------


def _compared_fields(model):
    """The columns a change is judged by: all but the key, timestamps kept by Django,
    the row's version (optimistic locking: the save checks and counts it), and the
    untranslated column modeltranslation keeps under each translated field."""
    skipped = {*translated_fields(model), "version"}
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name not in skipped
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    ]


def _same(field, old, new):
    # A translation never given is NULL in the database and "" in a form.
    if old in (None, "") and new in (None, ""):
        return True
    if old == new:
        return True
    # Checked before validation: "10" from a form is the stored 10.
    try:
        return old == field.to_python(new)
    except ValidationError:
        return False


def _stored(instance, fields):
    if instance.pk is None:
        return None
    names = [field.attname for field in fields]
    return type(instance)._base_manager.filter(pk=instance.pk).values(*names).first()


def check_change(instance, *, by=None):
    """Refuse, with a ValidationError naming the field, a change ``by`` may not make.

    Asked before the instance is validated: a translator is told that they may not add
    a row rather than what the row would lack.

    Those who may change the structure may change everything; a translator only the
    texts of their languages: a new row, a removed one, or a change to any other
    column is refused. Returns the row as stored (None for a new one), for
    ``record_change``.
    """
    model = type(instance)
    structure = permissions.may_edit_structure(by)
    localized = localized_fields(model)
    if structure and not localized:
        return None
    fields = _compared_fields(model)
    stored = _stored(instance, fields)
    if structure:
        return stored
    if stored is None:
        raise permissions.refuse_new(model)
    allowed = permissions.languages_of(by)
    for field in fields:
        if _same(field, stored[field.attname], getattr(instance, field.attname)):
            continue
        if field.name not in localized:
            raise permissions.refuse_field(model, field)
        name, code = localized[field.name]
        if code not in allowed:
            base = model._meta.get_field(name)
            raise permissions.refuse_language(field.name, base, code, allowed)
    return stored


def record_change(instance, stored, *, by=None):
    """Keep, for each language whose text of a field changed, the texts the other
    languages had at that moment (``TranslationRecord``); forget an emptied one's."""
    model = type(instance)
    columns = {}
    for column, (name, code) in localized_fields(model).items():
        columns.setdefault(name, {})[code] = column
    if not columns:
        return
    changed = []
    for name, by_code in columns.items():
        texts = {code: getattr(instance, column) or "" for code, column in by_code.items()}
        for code, column in by_code.items():
            before = (stored or {}).get(column) or ""
            if stored is None and not texts[code]:
                continue
            if stored is not None and texts[code] == before:
                continue
            changed.append((name, code, texts))
    if not changed:
        return
    content_type = ContentType.objects.get_for_model(model)
    existing = {
        (record.field, record.language): record
        for record in TranslationRecord.objects.filter(
            content_type=content_type,
            object_id=instance.pk,
            field__in={name for name, _code, _texts in changed},
        )
    }
    user = by if getattr(by, "pk", None) is not None else None
    now = timezone.now()
    new, updated, emptied = [], [], []
    for name, code, texts in changed:
        record = existing.get((name, code))
        if not texts[code]:
            if record is not None:
                emptied.append(record.pk)
            continue
        sources = {other: text for other, text in texts.items() if other != code}
        if record is None:
            new.append(
                TranslationRecord(
                    content_type=content_type,
                    object_id=instance.pk,
                    field=name,
                    language=code,
                    sources=sources,
                    updated_by=user,
                )
            )
        else:
            record.sources, record.updated_by, record.updated_at = sources, user, now
            updated.append(record)
    if new:
        TranslationRecord.objects.bulk_create(new)
    if updated:
        TranslationRecord.objects.bulk_update(updated, ["sources", "updated_by", "updated_at"])
    if emptied:
        TranslationRecord.objects.filter(pk__in=emptied).delete()


def forget(sender, instance, **kwargs):
    """A row removed takes its records along (connected in ``AgendasConfig.ready``)."""
    TranslationRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


# Reading ------------------------------------------------------------------------------


@dataclass
class FieldStatus:
    """The status of one field of one object in one language, against a source."""

    obj: object
    field: str
    language: str
    source_language: str
    status: str
    record: TranslationRecord | None = None

    @property
    def localized_name(self):
        return build_localized_fieldname(self.field, self.language)

    @property
    def label(self):
        return str(type(self.obj)._meta.get_field(self.field).verbose_name)

    @property
    def source_text(self):
        return _text(self.obj, self.field, self.source_language)

    @property
    def text(self):
        return _text(self.obj, self.field, self.language)

    @property
    def rich(self):
        return is_rich(type(self.obj), self.field)

    @property
    def status_label(self):
        return TranslationStatus(self.status).label

    @cached_property
    def diff(self):
        """How the source changed since the translation was saved, as HTML with
        <del> and <ins>; empty unless the translation is outdated."""
        if self.status != TranslationStatus.OUTDATED:
            return ""
        model = type(self.obj)
        before = plain(model, self.field, self.record.sources.get(self.source_language, ""))
        return source_diff(before, plain(model, self.field, self.source_text))


def status_of(obj, field, language, source_language, record):
    """A ``FieldStatus``, or None when the source has nothing to translate."""
    source = _text(obj, field, source_language)
    if not plain(type(obj), field, source).strip():
        return None
    target = _text(obj, field, language)
    if not plain(type(obj), field, target).strip():
        status = TranslationStatus.MISSING
    elif record is not None and record.sources.get(source_language, source) != source:
        status = TranslationStatus.OUTDATED
    else:
        # No record (a text saved before records were kept, or around the services), or
        # one made before this language existed: nothing is known to have changed.
        status = TranslationStatus.UP_TO_DATE
    return FieldStatus(obj, field, language, source_language, status, record)


# Words, single CJK characters (Chinese is written without spaces), spaces, signs.
_TOKEN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|\w+|\s+|[^\w\s]")


def source_diff(before, after):
    """``before`` against ``after`` word by word: HTML, removed words in <del>,
    added ones in <ins>, the rest escaped."""
    old, new = _TOKEN.findall(before or ""), _TOKEN.findall(after or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(old[old_start:old_end])))
            continue
        if old_end > old_start:
            parts.append(format_html("<del>{}</del>", "".join(old[old_start:old_end])))
        if new_end > new_start:
            parts.append(format_html("<ins>{}</ins>", "".join(new[new_start:new_end])))
    return mark_safe("".join(str(part) for part in parts))
