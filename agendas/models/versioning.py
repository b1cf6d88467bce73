"""Optimistic locking: every editable row counts its saves.

A person's change states the version of the row it was based on (the version shown on
their page); the save is one ``UPDATE ... SET version = version + 1 WHERE id = %s AND
version = %s``, so of two people who saved from the same version, the second finds no
row at that version and is told, instead of silently writing over the first. Nothing is
read before the write and nothing is locked for longer than the UPDATE.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    """The row is no longer at the version the change was based on (``current`` holds
    the row as it is now), or it was deleted meanwhile (``current`` is None)."""

    def __init__(self, instance, current):
        super().__init__(
            f"{type(instance).__name__} {instance.pk} changed since version {instance.version}"
        )
        self.instance = instance
        self.current = current


class Versioned(models.Model):
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def _do_update(
        self, base_qs, using, pk_val, values, update_fields, forced_update, returning_fields
    ):
        if update_fields is not None and "version" not in update_fields:
            # A save of chosen columns by a service (positions renumbered, a parent
            # moved under the agenda's structure lock) is not a person's edit of the
            # row's content: it neither needs nor bumps the version.
            return super()._do_update(
                base_qs, using, pk_val, values, update_fields, forced_update, returning_fields
            )
        based_on = self.version
        values = [
            (field, model, based_on + 1 if field.attname == "version" else value)
            for field, model, value in values
        ]
        updated = super()._do_update(
            base_qs.filter(version=based_on),
            using,
            pk_val,
            values,
            update_fields,
            forced_update,
            returning_fields,
        )
        if not updated:
            # Without this, Django would go on to INSERT the row again.
            raise EditConflict(self, base_qs.filter(pk=pk_val).first())
        self.version = based_on + 1
        return updated
