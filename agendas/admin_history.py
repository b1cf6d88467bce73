"""The admin's History page of every recorded model, and its Restore button.

The page answers at the admin's own history address (``<id>/history/``, the History
link of every change page) and lists the object's revisions, newest first: when, who,
what happened (the revision's comment), which fields changed with their old and new
values (a word diff for texts), and which rows hanging from it (an item's documentation,
an agenda's footnotes) were added, removed or changed. Staff who may view the model see
it; staff who may change it also get a Restore button per revision, which posts to
``<id>/history/<version id>/restore/`` and calls ``history.restore_version``.

Reading is kept to a fixed number of queries whatever the number of revisions: the
object's versions in one query, the versions of its rows in all those revisions in a
second, and the names of rows that changed fields point at in one query per model (one
more for the names of such rows since removed, read from their last version).
"""

import difflib
import json
import re
from dataclasses import dataclass, field

import reversion
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reversion.models import Version

from . import history

# Revisions shown on one page; older ones are a link away.
PAGE_SIZE = 50

# A text is compared word by word; Chinese and Japanese, written without spaces,
# character by character; markup tags and punctuation marks are words of their own.
_IDEOGRAPHS = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_TOKENS = re.compile(rf"<[^>]*>|\s+|[{_IDEOGRAPHS}]|[^\W{_IDEOGRAPHS}]+|.", re.DOTALL)


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    # For texts: [(kind, text)] with kind "same", "del" or "ins"; empty otherwise.
    diff: list = field(default_factory=list)


@dataclass
class RowChange:
    summary: str
    changes: list = field(default_factory=list)


@dataclass
class Entry:
    version: Version
    user: str
    comment: str
    first: bool
    restorable: bool
    changes: list = field(default_factory=list)
    rows: list = field(default_factory=list)


def text_diff(old, new):
    """``[(kind, text)]``: the words of ``old`` and ``new`` in order, each kept,
    deleted or inserted."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    segments = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            segments.append(("same", "".join(before[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("del", "".join(before[i1:i2])))
        if j2 > j1:
            segments.append(("ins", "".join(after[j1:j2])))
    return segments


def _user_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _reverse_relations(model):
    """``[(label, related model, attname of its key to model)]`` of the rows a version
    of ``model`` follows (an item's documentation ...), in the order registered."""
    relations = []
    for name in history.follows(model):
        relation = model._meta.get_field(name)
        if relation.one_to_many and relation.auto_created:
            relations.append(
                (
                    capfirst(relation.related_model._meta.verbose_name_plural),
                    relation.related_model,
                    relation.field.attname,
                )
            )
    return relations


class _Labels:
    """Names of the rows that foreign keys point at, fetched together, one query a model."""

    def __init__(self):
        self.wanted = {}
        self.found = {}

    def want(self, field, value):
        if field.many_to_one and value is not None:
            self.wanted.setdefault(field.related_model, set()).add(value)

    def fetch(self):
        for model, keys in self.wanted.items():
            rows = model._default_manager.in_bulk(keys)
            self.found.update({(model, pk): str(row) for pk, row in rows.items()})
            gone = keys - set(rows)
            if gone and reversion.is_registered(model):
                # A removed row is named as its newest version named it.
                versions = (
                    Version.objects.get_for_model(model)
                    .filter(object_id__in=[str(pk) for pk in gone])
                    .order_by("pk")
                    .values_list("object_id", "object_repr")
                )
                for object_id, name in versions:
                    self.found[(model, int(object_id))] = _("%(name)s (removed)") % {"name": name}

    def of(self, field, value):
        if value is None:
            return ""
        return self.found.get(
            (field.related_model, value),
            _("#%(key)s (removed)") % {"key": value},
        )


def _display(field, value, labels):
    """A stored value as the page shows it."""
    if value is None or value == "":
        return ""
    if field.many_to_one:
        return labels.of(field, value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(value, list | tuple):
        return ", ".join(str(part) for part in value)
    if isinstance(field, models.JSONField):
        return json.dumps(value, ensure_ascii=False)
    return str(formats.localize(value))


def _compared(model, old, new):
    """``[(field, old value, new value)]`` of the restorable fields that differ; every
    field with a value when there is no ``old``."""
    changed = []
    for model_field in history.restorable_fields(model):
        name = model_field.attname
        if name not in new:
            continue
        before = old.get(name) if old is not None else None
        if old is None and new[name] in (None, "", []):
            continue
        if old is None or before != new[name]:
            changed.append((model_field, before, new[name]))
    return changed


def _field_changes(raw, labels):
    changes = []
    for model_field, before, after in raw:
        old, new = _display(model_field, before, labels), _display(model_field, after, labels)
        is_text = isinstance(model_field, models.TextField | models.CharField)
        diff = text_diff(old, new) if is_text and old and new and not model_field.choices else []
        changes.append(FieldChange(capfirst(model_field.verbose_name), old, new, diff))
    return changes


def _rows_by_revision(obj, versions):
    """``{revision id: {relation label: {(model, object id): version}}}`` of the rows
    that hung from ``obj`` in each of the revisions of ``versions``."""
    relations = _reverse_relations(type(obj))
    if not relations or not versions:
        return {}
    found = {}
    by_model = {related: (label, key) for label, related, key in relations}
    content_types = ContentType.objects.get_for_models(*by_model).values()
    rows = Version.objects.filter(
        revision_id__in={version.revision_id for version in versions},
        content_type__in=list(content_types),
    ).order_by("pk")
    for row in rows:
        # From the cache filled just above: no query per row.
        model = ContentType.objects.get_for_id(row.content_type_id).model_class()
        label, key = by_model[model]
        if row.field_dict.get(key) != obj.pk:
            continue
        found.setdefault(row.revision_id, {}).setdefault(label, {})[(model, row.object_id)] = row
    return found


def _row_changes(relations, before, after, labels):
    """What happened to the rows of each relation between two revisions."""
    changes = []
    for label, _model, _key in relations:
        old, new = before.get(label, {}), after.get(label, {})
        for key, row in new.items():
            if key not in old:
                summary = _("%(rows)s: added “%(name)s”.")
                changes.append((summary, label, row, []))
            else:
                raw = _compared(key[0], old[key].field_dict, row.field_dict)
                if raw:
                    summary = _("%(rows)s: changed “%(name)s”.")
                    changes.append((summary, label, row, raw))
        for key, row in old.items():
            if key not in new:
                summary = _("%(rows)s: removed “%(name)s”.")
                changes.append((summary, label, row, []))
    for _summary, _label, _row, raw in changes:
        for model_field, before_value, after_value in raw:
            labels.want(model_field, before_value)
            labels.want(model_field, after_value)
    return changes


def object_history(obj, *, before=None):
    """``(entries, older)``: the newest revisions of ``obj`` (before the version
    ``before``, when given), each an ``Entry``; ``older`` is the version to show older
    ones before, or None when there are none."""
    model = type(obj)
    versions = Version.objects.get_for_object(obj).select_related("revision__user")
    if before is not None:
        versions = versions.filter(pk__lt=before)
    # One more than shown: the version the last one shown is compared with.
    versions = list(versions.order_by("-pk")[: PAGE_SIZE + 1])
    shown = versions[:PAGE_SIZE]
    relations = _reverse_relations(model)
    rows = _rows_by_revision(obj, versions)
    current = {
        name: getattr(obj, name) for name in (f.attname for f in history.restorable_fields(model))
    }

    labels = _Labels()
    pending = []
    for index, version in enumerate(shown):
        earlier = versions[index + 1] if index + 1 < len(versions) else None
        raw = _compared(model, earlier.field_dict if earlier else None, version.field_dict)
        for model_field, old, new in raw:
            labels.want(model_field, old)
            labels.want(model_field, new)
        row_raw = _row_changes(
            relations,
            rows.get(earlier.revision_id, {}) if earlier else {},
            rows.get(version.revision_id, {}),
            labels,
        )
        pending.append((version, earlier, raw, row_raw))
    labels.fetch()

    entries = []
    for version, earlier, raw, row_raw in pending:
        stored = history.stored_values(version)
        entries.append(
            Entry(
                version=version,
                user=_user_name(version.revision.user),
                comment=history.comment_text(version.revision.comment),
                first=earlier is None,
                restorable=any(current.get(name) != value for name, value in stored.items()),
                changes=_field_changes(raw, labels),
                rows=[
                    RowChange(
                        summary % {"rows": label, "name": row.object_repr},
                        _field_changes(raw_fields, labels),
                    )
                    for summary, label, row, raw_fields in row_raw
                ],
            )
        )
    older = shown[-1].pk if len(versions) > PAGE_SIZE else None
    return entries, older


class HistoryAdminMixin:
    """The History page and Restore of a ModelAdmin whose model is recorded, and one
    revision per save of its change page, commented with the admin's change message."""

    object_history_template = "admin/agendas/history.html"

    def _is_recorded(self):
        return reversion.is_registered(self.model)

    def get_urls(self):
        urls = super().get_urls()
        if not self._is_recorded():
            return urls
        info = self.opts.app_label, self.opts.model_name
        # Before the default URLs: "<path:object_id>/" would otherwise swallow it.
        return [
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            *urls,
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST" or not self._is_recorded():
            return super().changeform_view(request, object_id, form_url, extra_context)
        # The page's saves (the object, its inline rows, what the services do after)
        # are one revision.
        with history.recording(by=request.user):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def log_addition(self, request, obj, message):
        history.set_admin_comment(message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        history.set_admin_comment(message)
        if message:
            # The object as the page left it, with its rows: also when only inline rows
            # were removed, which no save records, or when the object itself was not
            # written because the person did not touch it.
            history.include(obj)
        return super().log_change(request, obj, message)

    def _history_url(self, obj):
        info = self.opts.app_label, self.opts.model_name
        return reverse("admin:{}_{}_history".format(*info), args=[obj.pk])

    def history_view(self, request, object_id, extra_context=None):
        if not self._is_recorded():
            return super().history_view(request, object_id, extra_context)
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        before = request.GET.get("before", "")
        entries, older = object_history(obj, before=int(before) if before.isdigit() else None)
        context = {
            **self.admin_site.each_context(request),
            "title": _("History of %(object)s") % {"object": obj},
            "subtitle": None,
            "entries": entries,
            "older": older,
            "latest": self._newest_version(obj, entries, before),
            "can_restore": self.has_change_permission(request, obj),
            "module_name": str(capfirst(self.opts.verbose_name_plural)),
            "object": obj,
            "opts": self.opts,
            "preserved_filters": self.get_preserved_filters(request),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    @staticmethod
    def _newest_version(obj, entries, before):
        """The newest version's key, which a restore posts back: if a newer one exists
        by then, someone changed the object meanwhile and the restore is refused."""
        if not before:
            return entries[0].version.pk if entries else ""
        return Version.objects.get_for_object(obj).values_list("pk", flat=True).first() or ""

    def restore_view(self, request, object_id, version_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if request.method != "POST":
            return redirect(self._history_url(obj))
        version = (
            Version.objects.get_for_object(obj)
            .select_related("revision__user")
            .filter(pk=version_id)
            .first()
        )
        if version is None:
            raise Http404(_("This object has no such version."))
        latest = request.POST.get("latest", "")
        try:
            restored = history.restore_version(
                version, by=request.user, latest=int(latest) if latest.isdigit() else None
            )
        except ValidationError as error:
            messages.error(
                request,
                _("The version was not restored: %(reason)s")
                % {"reason": " ".join(error.messages)},
            )
        except PermissionDenied as error:
            # The service may refuse this person the change (a translator restoring
            # another language's text): say so on the history page, not as a 403.
            messages.error(
                request,
                _("The version was not restored: %(reason)s")
                % {"reason": str(error) or _("you may not make this change.")},
            )
        else:
            when = formats.date_format(
                timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
            )
            # The admin's own log too, for its list of recent actions.
            self.log_change(
                request, restored, _("Restored the version of %(date)s.") % {"date": when}
            )
            messages.success(
                request,
                _("The version of %(date)s was restored; the restore is the newest change.")
                % {"date": when},
            )
        return redirect(self._history_url(obj))
