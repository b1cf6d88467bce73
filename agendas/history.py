"""The history of the content: who changed what and when, and restoring what was.

django-reversion keeps the record. A *revision* is one change: who made it, when, and a
comment saying what happened; it holds a *version* of every object the change touched,
serialised whole (every language of every translated field), together with the rows each
one *follows* (``register``): an agenda's language versions, sections and footnotes, an
item's documentation and citations. So every version of an object says what
hung from it at that moment, and a change to a row shows in the history of the object it
hangs from.

Revisions are made by the services, the single write path: ``validate_and_save`` is
wrapped by ``recorded_save`` and services that write several rows, or write without a
``post_save`` (bulk updates, deletions), by ``records``. Calls nest: the outermost one
makes the revision, names the user and writes the comment; the calls inside it join it.
So one service call, or one save of an admin page, is one revision.

Comments are stored as a message code and its parameters (``describe``) and put into
words when they are read (``comment_text``), so that each reader sees them in their own
language, as the admin's own log does.

Restoring (``restore_version``) applies a version's stored values to the object as it
is now and saves it through the object's service, so the rules hold and the restore is
itself a recorded change; deleted objects are not brought back.
"""

import json
from contextlib import contextmanager
from functools import wraps

import reversion
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import formats, timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from modeltranslation.manager import get_translatable_fields_for_model
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

import languages

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
from .savers import saver_for

# --- What is recorded ----------------------------------------------------------------------

# What a version of each model holds besides the object itself. Rows follow the object
# they hang from, and that object follows its rows: a change to a documentation entry
# is then seen in its item's history, and every version of the item lists the item's
# documentation as it was. Following is transitive, so nothing leads from an item to
# its agenda (every item change would copy the agenda, its sections, its footnotes and
# through them other items): footnotes, numbered through the whole document and edited
# with it, belong to the agenda's history, even those placed on an item. Documents are
# not followed from where they are listed (a document's history is its own).
# ``resolutions`` and ``scheduling`` add their rows when they are ready.
FOLLOWS = {
    Body: (),
    Venue: ("rooms",),
    Room: ("venue",),
    Session: (),
    Agenda: ("editions", "sections", "footnotes"),
    AgendaEdition: ("agenda",),
    Section: ("agenda",),
    AgendaItem: ("documentation",),
    Footnote: ("agenda",),
    Document: ("editions",),
    DocumentEdition: ("document",),
    DocumentationLink: ("item",),
    DocumentPurpose: (),
}

_follows = {}


def register(model, follow=()):
    """Record every save of ``model`` made through the services, with the rows named by
    ``follow`` (names of its relations); a model registered already follows these too.

    The untranslated column of a translated field (``title`` beside ``title_en`` ...)
    is left out: it only mirrors one language, and which one depends on the language
    active when it is read.
    """
    if reversion.is_registered(model):
        follow = (*_follows[model], *(name for name in follow if name not in _follows[model]))
        reversion.unregister(model)
    _follows[model] = tuple(follow)
    reversion.register(
        model, follow=_follows[model], exclude=tuple(get_translatable_fields_for_model(model) or ())
    )


def follows(model):
    """The relations a version of ``model`` holds, as registered."""
    return _follows.get(model, ())


# --- Comments --------------------------------------------------------------------------------

# What a revision's comment can say. Stored by code with its parameters and put into
# words when read; a parameter "model" is stored as the model's label and read as its
# name, "date" as an ISO date and time and read in the reader's format, "language" as
# a language's code and read as its name.
MESSAGES = {
    "added": gettext_lazy("Added %(model)s “%(object)s”."),
    "changed": gettext_lazy("Changed %(model)s “%(object)s”."),
    "removed": gettext_lazy("Removed %(model)s “%(object)s”."),
    "editions": gettext_lazy("Saved the language versions of “%(object)s”."),
    "moved": gettext_lazy("Moved “%(object)s”."),
    "indented": gettext_lazy("Put “%(object)s” under the entry above it."),
    "outdented": gettext_lazy("Took “%(object)s” out of the entry it was under."),
    "reordered": gettext_lazy("Reordered the entries of “%(object)s”."),
    "removed_entry": gettext_lazy("Removed “%(object)s” with everything under it."),
    "pasted_documents": ngettext_lazy(
        "Listed %(count)d pasted document under “%(object)s”.",
        "Listed %(count)d pasted documents under “%(object)s”.",
        "count",
    ),
    "started_from_previous": gettext_lazy(
        "Started an agenda of “%(object)s” from the body's last agenda."
    ),
    "drafted": gettext_lazy("Drafted the agenda “%(object)s”."),
    "restored": gettext_lazy("Restored the version of %(date)s by %(user)s."),
    "restored_script": gettext_lazy("Restored the version of %(date)s."),
}


def message(code, text):
    """Add a message other apps' services comment with; returns ``code``."""
    MESSAGES[code] = text
    return code


def describe(code, **params):
    """The stored form of a comment: ``code`` (a key of MESSAGES) and its parameters."""
    stored = {}
    for name, value in params.items():
        if isinstance(value, models.Model) and name == "model":
            value = value._meta.label_lower
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        elif not isinstance(value, int):
            value = _shorten(str(value))
        stored[name] = value
    return json.dumps({"history": code, "params": stored}, ensure_ascii=False)


def _shorten(text, limit=120):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def comment_text(comment):
    """A revision's comment in words, in the active language.

    Our own comments (``describe``) and the admin's change messages, which the admin
    stores the same way, are put into words; any other text is shown as it is.
    """
    try:
        stored = json.loads(comment)
    except ValueError:
        return comment
    if isinstance(stored, dict) and stored.get("history") in MESSAGES:
        params = dict(stored.get("params") or {})
        if "model" in params:
            params["model"] = _model_name(params["model"])
        if "date" in params:
            params["date"] = _date_text(params["date"])
        if params.get("language") in languages.codes():
            params["language"] = languages.get(params["language"]).name
        try:
            return str(MESSAGES[stored["history"]] % params)
        except (KeyError, TypeError, ValueError):
            return comment
    if isinstance(stored, list):
        return LogEntry(change_message=comment).get_change_message()
    return comment


def _model_name(label):
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def _date_text(value):
    moment = parse_datetime(value)
    if moment is None:
        return value
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "DATETIME_FORMAT")


# --- Recording -------------------------------------------------------------------------------


class _Recording:
    """The revision a service call is part of; only the outermost call comments it."""

    def __init__(self, outermost):
        self.outermost = outermost

    def describe(self, code, **params):
        if self.outermost:
            reversion.set_comment(describe(code, **params))


@contextmanager
def recording(*, by=None):
    """Record what is written inside as one revision, made by ``by``.

    Inside another ``recording`` this joins it, leaving its user and comment alone.
    Opens a transaction only where none is open, so that the revision and the rows it
    records are written together without a savepoint in every service.
    """
    outermost = not reversion.is_active()
    atomic = not transaction.get_connection().in_atomic_block
    with reversion.create_revision(atomic=atomic):
        if outermost and getattr(by, "pk", None) is not None:
            reversion.set_user(by)
        yield _Recording(outermost)


def set_admin_comment(message):
    """Comment the revision being recorded with an admin page's change message (the
    list the admin logs, stored as the admin stores it)."""
    if reversion.is_active():
        reversion.set_comment(json.dumps(message) if isinstance(message, list) else str(message))


def recorded_save(save):
    """Wrap ``validate_and_save``: one save is one revision, unless a service that
    makes several writes has one open already (then the save joins it)."""

    @wraps(save)
    def recorded(instance, *args, by=None, **kwargs):
        adding = instance._state.adding
        with recording(by=by) as revision:
            saved = save(instance, *args, by=by, **kwargs)
            revision.describe("added" if adding else "changed", model=instance, object=instance)
        return saved

    return recorded


def _about_first(result, *args, **kwargs):
    return {"object": args[0]}


def records(code, about=_about_first):
    """Make a service one revision, commented with ``MESSAGES[code]``.

    ``about(result, *args, **kwargs)`` gives the message's parameters from the
    service's arguments and result; by default ``object`` is its first argument.
    """

    def decorate(service):
        @wraps(service)
        def recorded(*args, by=None, **kwargs):
            with recording(by=by) as revision:
                result = service(*args, by=by, **kwargs)
                if revision.outermost:
                    revision.describe(code, **about(result, *args, **kwargs))
            return result

        return recorded

    return decorate


def include(*objects):
    """Add ``objects`` (with what they follow) to the revision being recorded.

    For writes that send no ``post_save``: bulk updates, and deletions, which are
    recorded as a version of what the deleted row hung from (a version of a deleted
    row itself is dropped when the revision is written).
    """
    if not reversion.is_active():
        return
    for obj in objects:
        if obj is not None and obj.pk is not None and reversion.is_registered(type(obj)):
            reversion.add_to_revision(obj)


# --- Restoring -------------------------------------------------------------------------------


# Fields that say how an object was saved rather than what it holds: the counter an
# optimistic lock checks must stay what it is now, or the restore's own save would be
# refused as stale. Neither restored nor shown as a change.
NOT_CONTENT = {"version"}


def restorable_fields(model):
    """The fields a restore sets: those a person edits. Keys, identifiers, columns
    derived on save (a document's parsed symbol, "last edited"), the untranslated
    mirror of translated fields and ``NOT_CONTENT`` are left to the model."""
    translated = set(get_translatable_fields_for_model(model) or ())
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable
        and not field.primary_key
        and field.name not in translated
        and field.name not in NOT_CONTENT
    ]


def _model_of(version):
    # The content type from its cache: a query for each version would otherwise follow.
    return ContentType.objects.get_for_id(version.content_type_id).model_class()


def stored_values(version):
    """``{attname: value}`` of the restorable fields a version holds."""
    stored = version.field_dict
    model = _model_of(version)
    return {
        field.attname: stored[field.attname]
        for field in restorable_fields(model)
        if field.attname in stored
    }


def _last_known_name(model, pk):
    """How a row that may be gone was last named: its newest version, or its key."""
    if reversion.is_registered(model):
        version = Version.objects.get_for_object_reference(model, pk).first()
        if version is not None:
            return version.object_repr
    return f"#{pk}"


def _check_references(model, values):
    """Every row the restored values point at must still exist."""
    errors = {}
    for field in restorable_fields(model):
        if not field.many_to_one or values.get(field.attname) is None:
            continue
        pk = values[field.attname]
        if not field.related_model._default_manager.filter(pk=pk).exists():
            errors[field.name] = _("This version's %(field)s, “%(object)s”, no longer exists.") % {
                "field": field.verbose_name,
                "object": _last_known_name(field.related_model, pk),
            }
    if errors:
        raise ValidationError(errors, code="restore_missing_reference")


def _complete_language(obj):
    """A language in which ``obj``'s required texts are all written, to validate in.

    A required translated field is checked in the active language (falling back to
    English); an object written only in Chinese is complete in Chinese.
    """
    model = type(obj)
    required = [
        name
        for name in get_translatable_fields_for_model(model) or ()
        if not model._meta.get_field(name).blank
    ]
    active = translation.get_language()
    for code in [active, *languages.codes()]:
        if code in languages.codes() and all(
            getattr(obj, build_localized_fieldname(name, code), None) for name in required
        ):
            return code
    return active


def _with_field_names(model, error):
    """``error`` with each message preceded by the name of its field."""
    if not hasattr(error, "error_dict"):
        return error
    messages = []
    for name, field_errors in error.message_dict.items():
        try:
            label = str(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:  # a non-field error ("__all__")
            label = ""
        for text in field_errors:
            messages.append(f"{label[:1].upper()}{label[1:]}: {text}" if label else text)
    return ValidationError(messages, code="restore_refused")


def restore_version(version, *, by, latest=None):
    """Make the object ``version`` belongs to hold what that version recorded again.

    The stored values of its editable fields (every language of its texts, its parent,
    its place ...) are set on the object as it is now, which is then saved through its
    model's service (``saver_for``): the service's rules hold, and the restore is a
    revision of its own, made by ``by``. Rows that hang from the object (an item's
    documentation) are left as they are.

    ``latest``, when given, is the newest version of the object the person saw; if a
    newer one exists, someone changed the object since, and the restore is refused.

    Raises ValidationError, having changed nothing, when the object no longer exists,
    when the version holds what the object holds now, when it points at a row that no
    longer exists, or when the service refuses the values.
    """
    model = _model_of(version)
    with transaction.atomic():
        current = model._default_manager.select_for_update().filter(pk=version.object_id).first()
        if current is None:
            raise ValidationError(
                _("“%(object)s” no longer exists; a version of it cannot be restored.")
                % {"object": version.object_repr},
                code="restore_gone",
            )
        if latest is not None:
            newest = Version.objects.get_for_object(current).values_list("pk", flat=True).first()
            if newest != latest:
                raise ValidationError(
                    _(
                        "“%(object)s” was changed after its history was shown; look at "
                        "the newest change first."
                    )
                    % {"object": current},
                    code="restore_stale",
                )
        values = {
            name: value
            for name, value in stored_values(version).items()
            if getattr(current, name) != value
        }
        if not values:
            raise ValidationError(
                _("“%(object)s” holds what this version recorded: there is nothing to restore.")
                % {"object": current},
                code="nothing_to_restore",
            )
        _check_references(model, values)
        for name, value in values.items():
            setattr(current, name, value)
        revision = version.revision
        params = {"date": revision.date_created}
        if revision.user is not None:
            params["user"] = revision.user.get_full_name() or revision.user.get_username()
        with recording(by=by) as recorded, translation.override(_complete_language(current)):
            try:
                saver_for(model)(current, by=by)
            except ValidationError as error:
                raise _with_field_names(model, error) from error
            recorded.describe("restored" if "user" in params else "restored_script", **params)
    return current
