"""Reusable read querysets. Prefetching and selection live here, once."""

from django.db.models import Count

from .models import Agenda, AgendaItem, PublishedSlot, PublishedVersion, SearchEntry
from .numbering import flatten, number_items

# Public pages: only published versions, and of those only the live one per agenda.


def current_versions():
    """Live published versions with their session, body and venue; content deferred."""
    return (
        PublishedVersion.objects.filter(is_current=True)
        .select_related("agenda__session__body", "agenda__session__venue")
        .defer("content")
        .order_by("agenda__session__start_date", "agenda__session__body__symbol_prefix")
    )


def session_versions(body_slug, session_number, *, is_special=False):
    """Every published version of the session's agendas, newest first."""
    return PublishedVersion.objects.filter(
        agenda__session__body__slug=body_slug,
        agenda__session__number=session_number,
        agenda__session__is_special=is_special,
    ).order_by("-published_at", "-number")


def current_version_for_session(body_slug, session_number, *, is_special=False):
    """The live version of a session's agenda, or None when nothing is published."""
    return (
        session_versions(body_slug, session_number, is_special=is_special)
        .filter(is_current=True)
        .first()
    )


def published_slots_on(date):
    """Rows of the live organizations of work that fall on ``date``."""
    return (
        PublishedSlot.objects.filter(date=date, version__is_current=True)
        .select_related("version")
        .defer("version__content")
        .order_by("start_time", "end_time", "pk")
    )


def other_versions(version):
    """The other published versions of ``version``'s agenda, newest first, no content."""
    return list(
        PublishedVersion.objects.filter(agenda_id=version.agenda_id)
        .exclude(pk=version.pk)
        .order_by("-number")
        .only("pk", "number", "published_at", "agenda_id")
    )


def _live_slot_dates():
    return PublishedSlot.objects.filter(version__is_current=True).values_list("date", flat=True)


def programme_dates_around(date):
    """The nearest earlier and later dates with live slots (either may be None)."""
    before = _live_slot_dates().filter(date__lt=date).order_by("-date").first()
    after = _live_slot_dates().filter(date__gt=date).order_by("date").first()
    return before, after


def nearest_programme_date(date):
    """The date with live slots nearest to ``date`` (later wins a tie), or None."""
    if _live_slot_dates().filter(date=date).exists():
        return date
    before, after = programme_dates_around(date)
    if after is None or before is None:
        return after or before
    return after if (after - date) <= (date - before) else before


def search_published(query, *, language=None):
    """Entries of live versions whose text contains every word of ``query``."""
    words = [word for word in query.casefold().split() if word]
    if not words:
        return SearchEntry.objects.none()
    entries = SearchEntry.objects.filter(version__is_current=True).select_related(
        "version__agenda__session__body"
    )
    for word in words:
        entries = entries.filter(text__contains=word)
    if language:
        entries = entries.filter(language=language)
    return entries.order_by("version__agenda__session__start_date", "pk")


# The admin: what its changelists and change pages read, selected up front so that the
# number of queries does not grow with the rows shown.


def admin_agendas():
    """Agendas with their session and body, and how many items each has."""
    return Agenda.objects.select_related("session__body").annotate(item_count=Count("items"))


def admin_agenda_items():
    """Agenda items with their agenda (and its session and body) and their parent."""
    return AgendaItem.objects.select_related("agenda__session__body", "parent")


def numbered_items(agenda_id):
    """The items of an agenda in reading order, as ``numbering.NumberedNode``s."""
    return list(flatten(number_items(list(AgendaItem.objects.filter(agenda_id=agenda_id)))))
