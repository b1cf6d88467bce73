"""What each translation was made from, so that its status can be told."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationStatus(models.TextChoices):
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")
    UP_TO_DATE = "up_to_date", _("up to date")


class TranslationRecord(models.Model):
    """The texts of the other languages when one language's text of a field was last
    saved: ``sources`` maps each other language's code to its text at that moment.

    The agenda decides which language is the source (its original language, which can
    change, and a body or a document serves agendas of several originals), so the
    texts of every other language are kept: a translation is outdated when the text of
    the source language differs from the one kept here. The services write these rows
    whenever a text changes (``agendas.translating``); nobody edits them by hand.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=60)
    language = models.CharField(max_length=7)
    sources = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("translation record")
        verbose_name_plural = _("translation records")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="translation_record_unique",
            )
        ]
        # The permissions to translate into each language (translate_ar ...) are made
        # for the languages of the settings by publishing.roles, on this model.
        default_permissions = ()

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.field}:{self.language}"
