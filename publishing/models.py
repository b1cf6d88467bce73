"""Published versions of agendas and the index rows written with them.

A ``PublishedVersion`` is a document as issued: its ``content`` (the frozen record,
``docs/snapshot.md``) holds everything the reader sees, rendered in every language, and
is never written again. The few columns beside it are frozen with it too: where the
version is published (body, session, agenda address) and what lists of sessions show of
it, so that the public site never reads the draft tables. Only ``is_current`` changes
after publication.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

import languages


class PublishedVersion(models.Model):
    """One published version of an agenda, frozen in every language."""

    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    agenda = models.ForeignKey(
        "agendas.Agenda",
        verbose_name=_("agenda"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content = models.JSONField(_("content"))
    # True for the newest version of its agenda: the one the public sees.
    is_current = models.BooleanField(_("live"), default=True)

    # Frozen with the version: its address and the session it belongs to, as published.
    symbol = models.CharField(_("symbol"), max_length=120, blank=True)
    body_slug = models.SlugField(_("body"), max_length=80)
    # How the session is written in addresses: "11", "special-2", "63-resumed".
    session_key = models.CharField(_("session"), max_length=40)
    agenda_slug = models.SlugField(_("address"), max_length=60)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    # What lists of sessions show, per language: {"en": {"body": ..., "session": ...}}.
    summary = models.JSONField(_("summary"), default=dict)

    class Meta:
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        ordering = ["agenda", "-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["agenda", "number"], name="version_unique_number"),
            models.UniqueConstraint(
                fields=["agenda"],
                condition=models.Q(is_current=True),
                name="one_live_version_per_agenda",
            ),
        ]
        indexes = [
            models.Index(
                fields=["body_slug", "session_key", "agenda_slug"],
                name="version_address",
            ),
            models.Index(
                fields=["start_date", "body_slug"],
                condition=models.Q(is_current=True),
                name="live_version_dates",
            ),
            # A body's page and its years, whatever the number of bodies.
            models.Index(
                fields=["body_slug", "start_date"],
                condition=models.Q(is_current=True),
                name="live_versions_of_body",
            ),
        ]

    def __str__(self):
        return f"{self.symbol or self.agenda_slug} v{self.number}"

    def get_absolute_url(self):
        """The version's public address: the agenda's own while it is live, then its
        numbered one. (A URL name of the public site; not an import of it.)"""
        kwargs = {
            "body": self.body_slug,
            "session": self.session_key,
            "document": self.agenda_slug,
        }
        if self.is_current:
            return reverse("public:agenda", kwargs=kwargs)
        return reverse("public:agenda-version", kwargs={**kwargs, "version": self.number})

    def summary_in(self, language):
        """What lists show of the version in ``language``; in another published language
        when ``language`` came after the version (a language added since)."""
        return self.summary.get(language) or next(iter(self.summary.values()), {})


class PublishedSlot(models.Model):
    """One row of a published organization of work, for the daily programme.

    Written once with its version; ``row`` holds what the programme shows, rendered in
    every language, so the page needs no other table.
    """

    version = models.ForeignKey(PublishedVersion, on_delete=models.CASCADE, related_name="slots")
    date = models.DateField(db_index=True)
    start_time = models.TimeField()
    end_time = models.TimeField()
    row = models.JSONField()

    class Meta:
        ordering = ["date", "start_time", "pk"]

    def __str__(self):
        return f"{self.version} {self.date} {self.start_time}"


class SearchEntry(models.Model):
    """Searchable text of a published version: one row per thing and language.

    ``text`` is lower-cased (casefolded) so that a plain ``contains`` lookup finds words
    in every script on SQLite and PostgreSQL alike.
    """

    class Kind(models.TextChoices):
        SESSION = "session", _("Session")
        ITEM = "item", _("Agenda item")
        DOCUMENT = "document", _("Document")

    version = models.ForeignKey(
        PublishedVersion, on_delete=models.CASCADE, related_name="search_entries"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    language = models.CharField(max_length=7, choices=languages.choices)
    anchor = models.CharField(max_length=80, blank=True)
    symbol = models.CharField(max_length=120, blank=True)
    label = models.TextField()
    text = models.TextField()
    # PostgreSQL only: the label and text as a weighted tsvector in the language's
    # configuration (publishing.search); its GIN index is made by migration 0002.
    document = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["version", "pk"]

    def __str__(self):
        return f"{self.kind}: {self.label[:60]}"
