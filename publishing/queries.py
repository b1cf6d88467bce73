"""Reads of published versions. Prefetching and selection live here, once.

The public site reads only what these return: published versions and the rows frozen
with them, never the draft tables. Pages that show one language read that language's
rendering out of the record (``edition_of``) rather than the whole record.
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.db.models.fields.json import KT, KeyTransform
from django.db.models.functions import Coalesce, ExtractYear

import languages

from . import search
from .models import PublishedSlot, PublishedVersion
from .snapshot import check_schema, draft_differs

# Results on a page of search.
SEARCH_PAGE_SIZE = 20
# Everything of a version but its record, for lists.
LIST_FIELDS = (
    "id",
    "agenda_id",
    "number",
    "published_at",
    "is_current",
    "symbol",
    "body_slug",
    "session_key",
    "agenda_slug",
    "start_date",
    "end_date",
    "summary",
)


# Drafting and publishing -------------------------------------------------------------


def next_version_number(agenda):
    """The number the agenda's next published version takes: one more than the last."""
    last = agenda.versions.aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def live_version(agenda_id):
    """The version of the agenda the public sees now, without its record, or None."""
    return (
        PublishedVersion.objects.filter(agenda_id=agenda_id, is_current=True)
        .only(*LIST_FIELDS)
        .first()
    )


def addresses_of(agenda):
    """Every public address the agenda was published at, as (body slug, session as
    written in addresses, agenda slug)."""
    rows = (
        PublishedVersion.objects.filter(agenda=agenda)
        .values_list("body_slug", "session_key", "agenda_slug")
        .distinct()
    )
    return sorted(rows)


def has_unpublished_changes(agenda):
    """True when the draft differs from what is live (or nothing is live)."""
    live = PublishedVersion.objects.filter(agenda=agenda, is_current=True).first()
    return live is None or draft_differs(agenda, live.content)


# The public site -----------------------------------------------------------------------


def live_versions():
    """Live versions for lists of sessions, in order of the sessions' dates."""
    return (
        PublishedVersion.objects.filter(is_current=True)
        .only(*LIST_FIELDS)
        # A session's documents in the order of their symbols: the agenda, then Add.1.
        .order_by("start_date", "body_slug", "session_key", "symbol", "agenda_slug")
    )


def upcoming_live_versions(today, limit, *, body_slug=None):
    """Live versions of sessions not yet over on ``today``, soonest first, at most
    ``limit``."""
    versions = live_versions().filter(end_date__gte=today)
    if body_slug is not None:
        versions = versions.filter(body_slug=body_slug)
    return list(versions[:limit])


def earlier_live_versions(today, limit, *, body_slug=None):
    """Live versions of sessions over before ``today``, latest first, at most ``limit``."""
    versions = live_versions().filter(end_date__lt=today)
    if body_slug is not None:
        versions = versions.filter(body_slug=body_slug)
    return list(versions.order_by("-start_date", "body_slug", "session_key", "agenda_slug")[:limit])


def live_years(*, body_slug=None):
    """[(year, number of live agenda documents)] by the year sessions start, latest first."""
    versions = PublishedVersion.objects.filter(is_current=True)
    if body_slug is not None:
        versions = versions.filter(body_slug=body_slug)
    return list(
        versions.annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(documents=Count("pk"))
        .order_by("-year")
        .values_list("year", "documents")
    )


def live_versions_in_year(year, *, body_slug=None):
    """Live versions of the sessions that start in ``year``, in order of their dates."""
    versions = live_versions().filter(
        start_date__gte=datetime.date(year, 1, 1), start_date__lte=datetime.date(year, 12, 31)
    )
    if body_slug is not None:
        versions = versions.filter(body_slug=body_slug)
    return versions


def live_version_count():
    return PublishedVersion.objects.filter(is_current=True).count()


def live_addresses(start, stop):
    """Addresses of live versions, in agenda order (the order of the index of one live
    version per agenda), from ``start`` to ``stop``: (body slug, session key, agenda slug,
    published at)."""
    return list(
        PublishedVersion.objects.filter(is_current=True)
        .order_by("agenda_id")
        .values_list("body_slug", "session_key", "agenda_slug", "published_at")[start:stop]
    )


def session_live_versions(body_slug, session_key):
    """The live versions of a session's agenda documents, as published."""
    return live_versions().filter(body_slug=body_slug, session_key=session_key)


def _at_address(body_slug, session_key, agenda_slug):
    return PublishedVersion.objects.filter(
        body_slug=body_slug, session_key=session_key, agenda_slug=agenda_slug
    )


def live_at_address(body_slug, session_key, agenda_slug):
    """The live version published at this address (a queryset of at most one)."""
    return _at_address(body_slug, session_key, agenda_slug).filter(is_current=True)


def agenda_at_address(body_slug, session_key, agenda_slug):
    """The id of the agenda ever published at this address, or None.

    An address stays valid after a later version moved the agenda (a renamed body, a
    renumbered session): the agenda is found through any version published there.
    """
    return (
        _at_address(body_slug, session_key, agenda_slug)
        .order_by("-is_current", "-published_at")
        .values_list("agenda_id", flat=True)
        .first()
    )


def edition_of(versions, language):
    """The one version of ``versions`` with its rendering in ``language`` read out of
    its record (``rendered_title``, ``rendered_document``), or None."""
    version = (
        versions.only(*LIST_FIELDS)
        .annotate(
            schema=KT("content__schema"),
            rendered_title=KT(f"content__rendered__{language}__title"),
            rendered_document=KT(f"content__rendered__{language}__document"),
        )
        .first()
    )
    if version is not None:
        check_schema(version.schema)
    return version


def numbered_edition(agenda_id, number, language):
    return edition_of(PublishedVersion.objects.filter(agenda_id=agenda_id, number=number), language)


def versions_of(agenda_id):
    """Every version of an agenda, newest first, without records."""
    return list(
        PublishedVersion.objects.filter(agenda_id=agenda_id).only(*LIST_FIELDS).order_by("-number")
    )


def published_slots_on(date):
    """Rows of the live organizations of work that fall on ``date``."""
    return (
        PublishedSlot.objects.filter(date=date, version__is_current=True)
        .select_related("version")
        .only(
            "pk", "date", "start_time", "end_time", "row", *(f"version__{f}" for f in LIST_FIELDS)
        )
        .order_by("start_time", "end_time", "pk")
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


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A thing search found, as its result shows it; ``agenda_address`` reads it as it
    reads a version (the version's list columns are here)."""

    kind: str
    language: str
    anchor: str
    symbol: str
    label: str
    is_current: bool
    body_slug: str
    session_key: str
    agenda_slug: str
    number: int
    summary: dict | None


# What a result shows, read for every ranked match; version_id is second.
SEARCH_COLUMNS = (
    "kind", "version_id", "anchor", "symbol", "language", "label",
    "version__is_current", "version__body_slug", "version__session_key",
    "version__agenda_slug", "version__number",
)  # fmt: skip


def search_published(query, *, language, page=1, per_page=SEARCH_PAGE_SIZE):
    """One page of what live versions have matching every word of ``query``, best first:
    a ``Page`` of ``SearchResult``, never a version's record.

    A thing found in several languages is one result, in ``language`` when it matched
    there. The ranked matches (at most ``search.CANDIDATES``) are read as values and
    grouped here, then the summaries of the page's versions in ``language``: two
    queries, one when nothing matched. The page's ``capped`` says whether the matches
    were cut at ``search.CANDIDATES``: then more things match than those shown across
    the pages."""
    matches = search.best_matches(query).values_list(*SEARCH_COLUMNS)[: search.CANDIDATES]
    chosen = {}
    for match in matches:
        key = match[:4]  # kind, version, anchor, symbol
        if key not in chosen or (match[4] == language and chosen[key][4] != language):
            chosen[key] = match
    found = Paginator(list(chosen.values()), per_page).get_page(page)
    found.capped = len(matches) == search.CANDIDATES
    if found.object_list:
        summaries = _summaries_in(language, {match[1] for match in found.object_list})
        found.object_list = [
            # None for a version deleted (with its agenda) between the two queries.
            SearchResult(kind, found_in, anchor, symbol, *rest, summaries.get(version_id))
            for kind, version_id, anchor, symbol, found_in, *rest in found.object_list
        ]
    return found


def _summaries_in(language, version_ids):
    """``{version id: summary in language}``, or in the first of the product's languages
    the version has (one added after the version was published has none)."""
    summary = Coalesce(*(KeyTransform(code, "summary") for code in (language, *languages.codes())))
    versions = PublishedVersion.objects.filter(pk__in=version_ids).order_by()
    return dict(versions.values_list("pk", summary))
