"""Publishing: freeze an agenda's draft into its next published version.

The draft stays editable; ``publish_agenda`` reads it (``publishing.snapshot``), renders
it in every language (``publishing.rendering``) and stores the result as an immutable
``PublishedVersion`` with the rows the daily programme and search read.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agendas import permissions
from agendas.models import Agenda, session_key
from interchange.translation_status import incomplete_languages

from . import queries, review, search
from .index import published_slots, search_entries
from .models import PublishedSlot, PublishedVersion
from .rendering import rendering_alongside
from .signals import version_published
from .snapshot import build_snapshot

logger = logging.getLogger(__name__)


def _check_translations(agenda, fallback):
    refused = [
        progress for code, progress in incomplete_languages(agenda).items() if code not in fallback
    ]
    if not refused:
        return
    details = "; ".join(
        _("%(language)s: %(missing)d missing, %(outdated)d outdated")
        % {"language": found.name, "missing": found.missing, "outdated": found.outdated}
        for found in refused
    )
    raise ValidationError(
        _(
            "Nothing was published: texts are missing or outdated in %(details)s. Complete "
            "the translations, or choose to publish these languages as they are, with the "
            "original text where a translation is missing."
        )
        % {"details": details},
        code="incomplete_translations",
    )


def _summaries(content):
    return {code: edition["summary"] for code, edition in content["rendered"].items()}


class DraftChangedError(ValidationError):
    """The draft is no longer the one that was reviewed; ``changes`` says how, in words
    (empty when the reviewed draft is no longer kept)."""

    def __init__(self, changes):
        self.changes = changes
        message = _(
            "The draft changed after you reviewed it, so nothing was published. Review it "
            "again, then publish."
        )
        if changes:
            message += " " + _("Changed since: %(changes)s") % {"changes": " ".join(changes)}
        super().__init__(message, code="draft_changed")


def publish_agenda(agenda, *, by=None, reviewed=None, fallback=None):
    """Publish the draft of ``agenda`` as its next version (``_publish``), trying again
    when PostgreSQL could not give the reading one consistent view because the agenda's
    row changed while the publication waited for it.

    Only those who may publish (``agendas.publish_agenda``) may. A language with texts
    missing or outdated (``interchange.translation_status``) is published only if it
    is in ``fallback``: the languages ``by`` chose to publish as they are, the
    original's text standing in where a translation is missing (pages mark it so) and
    outdated translations as they were made. A script (``by`` None) that gives no
    ``fallback`` publishes every language as it is.
    """
    if not permissions.may_publish(by):
        raise ValidationError(
            _("Only the secretariat may publish agendas."), code=permissions.NOT_PERMITTED
        )
    for attempt in range(3):
        try:
            return _publish(agenda, by=by, reviewed=reviewed, fallback=fallback)
        except OperationalError as error:
            if getattr(error.__cause__, "sqlstate", None) != SERIALIZATION_FAILURE or attempt == 2:
                raise
    raise AssertionError("unreachable")


# PostgreSQL's "could not serialize access due to concurrent update".
SERIALIZATION_FAILURE = "40001"


def _reserve_version_id():
    """On PostgreSQL, the id the next published version will have, taken from its
    sequence before the row is written (so that rows pointing at it can be written
    first); None elsewhere, where the id is known only once the row is."""
    if connection.vendor != "postgresql":
        return None
    table = PublishedVersion._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [table])
        return cursor.fetchone()[0]


def _publish(agenda, *, by=None, reviewed=None, fallback=None):
    """Publish the draft of ``agenda`` as its next version and make it the live one.

    ``reviewed`` is the fingerprint of the draft the person reviewed (the publish
    confirmation carries it): the draft is published only if it is still that one, and
    if that draft is already live the live version is returned instead of a copy (two
    clicks make one version). Without it (scripts), the draft is published as it is.
    ``fallback``: see ``publish_agenda``.

    Raises ValidationError, changing nothing, when the agenda cannot be published.
    Returns the ``PublishedVersion``.
    """
    outer = transaction.get_connection().in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and not outer:
            # The first statement of this transaction: read the draft as of one moment.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        # Lock the agenda so two publishers cannot both take the same version number,
        # and no change to its structure interleaves with the reading.
        agenda = Agenda.objects.select_for_update().get(pk=agenda.pk)
        if not agenda.items.exists():
            raise ValidationError(_("An agenda without items cannot be published."))
        content = build_snapshot(agenda)
        if reviewed is not None:
            if review.fingerprint(content) != reviewed:
                before = review.reviewed(agenda.pk, reviewed)
                raise DraftChangedError(review.changes(before, content) if before else [])
            live = agenda.versions.filter(is_current=True).first()
            if live is not None and review.fingerprint(live.content) == reviewed:
                return live  # what was reviewed is live already: a second click
        if by is not None or fallback is not None:
            _check_translations(agenda, set(fallback or ()))
        number = queries.next_version_number(agenda)
        content["version"] = number
        agenda.versions.filter(is_current=True).update(is_current=False)
        # The search rows are written while the record is rendered, before the version
        # row, under the id it will have (their foreign key is checked at commit).
        version_id = _reserve_version_id()
        with rendering_alongside(content):
            if version_id is not None:
                search.insert_entries(search_entries(content, version_id))
        session = content["session"]
        version = PublishedVersion.objects.create(
            id=version_id,
            agenda=agenda,
            number=number,
            published_at=timezone.now(),
            published_by=by,
            content=content,
            is_current=True,
            symbol=content["agenda"]["symbol"],
            body_slug=content["body"]["slug"],
            session_key=session_key(
                session["number"], session["is_special"], session["is_resumed"], session["part"]
            ),
            agenda_slug=content["agenda"]["slug"],
            start_date=datetime.date.fromisoformat(session["start_date"]),
            end_date=datetime.date.fromisoformat(session["end_date"]),
            summary=_summaries(content),
        )
        PublishedSlot.objects.bulk_create(published_slots(version))
        if version_id is None:
            search.insert_entries(search_entries(content, version.pk))
        version_published.send(
            sender=PublishedVersion, version=version, addresses=queries.addresses_of(agenda)
        )
    logger.info("%s published as version %s by %s", agenda, version.number, by or "a script")
    return version
