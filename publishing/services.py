"""Publishing: freeze an agenda's draft into its next published version.

The draft stays editable; ``publish_agenda`` reads it (``publishing.snapshot``), renders
it in every language (``publishing.rendering``) and stores the result as an immutable
``PublishedVersion`` with the rows the daily programme and search read.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agendas.models import Agenda

from . import queries, search
from .index import published_slots, search_entries
from .models import PublishedSlot, PublishedVersion, SearchEntry
from .rendering import freeze
from .signals import version_published
from .snapshot import build_snapshot

logger = logging.getLogger(__name__)


def _summaries(content):
    return {code: edition["summary"] for code, edition in content["rendered"].items()}


def publish_agenda(agenda, *, by=None):
    """Publish the draft of ``agenda`` as its next version and make it the live one.

    Raises ValidationError, changing nothing, when the agenda cannot be published.
    Returns the new ``PublishedVersion``.
    """
    with transaction.atomic():
        # Lock the agenda so two publishers cannot both take the same version number.
        agenda = Agenda.objects.select_for_update().get(pk=agenda.pk)
        if not agenda.items.exists():
            raise ValidationError(_("An agenda without items cannot be published."))
        number = queries.next_version_number(agenda)
        content = build_snapshot(agenda)
        content["version"] = number
        freeze(content)
        session = content["session"]
        agenda.versions.filter(is_current=True).update(is_current=False)
        version = PublishedVersion.objects.create(
            agenda=agenda,
            number=number,
            published_at=timezone.now(),
            published_by=by,
            content=content,
            is_current=True,
            symbol=content["agenda"]["symbol"],
            body_slug=content["body"]["slug"],
            session_number=session["number"],
            session_is_special=session["is_special"],
            agenda_slug=content["agenda"]["slug"],
            start_date=datetime.date.fromisoformat(session["start_date"]),
            end_date=datetime.date.fromisoformat(session["end_date"]),
            summary=_summaries(content),
        )
        PublishedSlot.objects.bulk_create(published_slots(version))
        entries = search_entries(version)
        search.prepare(entries)
        SearchEntry.objects.bulk_create(entries)
        search.index_version(version)
        version_published.send(
            sender=PublishedVersion, version=version, addresses=queries.addresses_of(agenda)
        )
    logger.info("%s published as version %s by %s", agenda, version.number, by or "a script")
    return version
