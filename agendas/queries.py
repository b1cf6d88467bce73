"""Reusable reads of the draft. Prefetching and selection live here, once.

The admin's changelists and change pages read these, selected up front so that the
number of queries does not grow with the rows shown. (The public site reads published
versions only: ``publishing.queries``.)
"""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from . import translating
from .models import Agenda, AgendaItem, TranslationRecord
from .numbering import flatten, number_items


def admin_agendas():
    """Agendas with their session and body, and how many items each has.

    The count is a subquery per agenda shown, not a GROUP BY over every item."""
    items = (
        AgendaItem.objects.filter(agenda=OuterRef("pk"))
        .order_by()
        .values("agenda")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Agenda.objects.select_related("session__body").annotate(
        item_count=Coalesce(Subquery(items), 0)
    )


def admin_agenda_items():
    """Agenda items with their agenda (and its session and body) and their parent, in
    no order: the admin's list orders them by an index of its own (modeltranslation's
    queryset would otherwise carry the model's ordering, through the agenda's session,
    into every list)."""
    return AgendaItem.objects.select_related("agenda__session__body", "parent").order_by()


def numbered_items(agenda_id):
    """The items of an agenda in reading order, as ``numbering.NumberedNode``s."""
    return list(flatten(number_items(list(AgendaItem.objects.filter(agenda_id=agenda_id)))))


def translation_records(objects):
    """``{(model label, pk): {(field, language): TranslationRecord}}`` of ``objects``
    (of any translated models), read in one query."""
    keys = {}
    for obj in objects:
        keys.setdefault((obj._meta.app_label, obj._meta.model_name), set()).add(obj.pk)
    if not keys:
        return {}
    condition = Q()
    for (app_label, model_name), pks in keys.items():
        condition |= Q(
            content_type__app_label=app_label, content_type__model=model_name, object_id__in=pks
        )
    found = {}
    for record in TranslationRecord.objects.filter(condition).select_related("content_type"):
        key = (f"{record.content_type.app_label}.{record.content_type.model}", record.object_id)
        found.setdefault(key, {})[(record.field, record.language)] = record
    return found


def field_statuses(fields, source_language, codes):
    """The status (``translating.FieldStatus``) of each of ``fields`` (``(object, field
    name)`` pairs) in each of ``codes`` but the source language, against that source;
    fields whose source is empty have none. One query, however many fields."""
    fields = list(fields)
    records = translation_records(obj for obj, _name in fields)
    statuses = []
    for obj, name in fields:
        kept = records.get((obj._meta.label_lower, obj.pk), {})
        for code in codes:
            if code == source_language:
                continue
            status = translating.status_of(obj, name, code, source_language, kept.get((name, code)))
            if status is not None:
                statuses.append(status)
    return statuses
