"""The public site: published versions only, shown as they were frozen.

Views stay thin: they read through ``publishing.queries`` and render. Nothing here reads
a draft table (bodies, sessions, agendas): lists come from the columns frozen with each
version, and an agenda page shows the document rendered when it was published. Only the
site around it (navigation, language switcher, versions box) is drawn here.
"""

import functools

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import get_script_prefix, reverse, translate_url
from django.utils import timezone, translation
from django.utils.translation import get_language

from agendas.models import parse_session_key, session_key
from publishing import queries
from publishing.models import SearchEntry

from .pagecache import published_page

# Agenda documents each list of home and body pages shows at most; the rest by year.
LISTED_DOCUMENTS = 30
# Agenda documents per page of a year.
YEAR_PAGE_SIZE = 100
MIN_YEAR, MAX_YEAR = 1, 9999
SEARCH_QUERY_LIMIT = 200


def language_links(request):
    """The current page in each language: switcher links and hreflang alternates."""
    current = get_language()
    full_path = request.get_full_path()
    path, mark, query = full_path.partition("?")
    script_prefix = get_script_prefix()
    links = []
    for code, name in settings.LANGUAGES:
        url = _translated_path(path, code, current, script_prefix) + mark + query
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    # Without a prefix the site picks the visitor's language (Accept-Language).
    prefix = f"/{current}/"
    unprefixed = "/" + full_path.removeprefix(prefix) if full_path.startswith(prefix) else "/"
    return {"language_links": links, "x_default": request.build_absolute_uri(unprefixed)}


@functools.lru_cache(maxsize=4096)
def _translated_path(path, code, active, script_prefix):
    """``translate_url`` of a path into ``code``: resolved and reversed once per path
    and language. The language active and the script prefix decide how the path
    resolves and reverses, so they are part of the key."""
    return translate_url(path, code)


@functools.lru_cache(maxsize=64)
def _agenda_patterns(language, script_prefix):
    """The addresses of a live agenda and of a numbered version in ``language``, each
    reversed once, as format strings of the frozen columns."""
    marks = {"body": "body-mark", "session": "9999", "document": "document-mark"}
    with translation.override(language):
        live = reverse("public:agenda", kwargs=marks)
        numbered = reverse("public:agenda-version", kwargs={**marks, "version": 1})

    def pattern(path):
        path = path.replace("/body-mark/", "/{body}/").replace("/9999/", "/{session}/")
        path = path.replace("/document-mark/", "/{document}/")
        return path.replace("/versions/1/", "/versions/{version}/")

    return pattern(live), pattern(numbered)


def agenda_address(version):
    """``version.get_absolute_url()`` without a URL reversal: for long lists (and
    search results, which carry a version's list columns)."""
    live, numbered = _agenda_patterns(get_language(), get_script_prefix())
    return (live if version.is_current else numbered).format(
        body=version.body_slug,
        session=version.session_key,
        document=version.agenda_slug,
        version=version.number,
    )


def canonical_session(view):
    """Send an address whose session is written another way ("007" for "7") to the one
    the session is published at, permanently: one page, one address, one cached copy."""

    @functools.wraps(view)
    def redirected(request, *args, session, **kwargs):
        canonical = session_key(*parse_session_key(session))
        if canonical != session:
            match = request.resolver_match
            url = reverse(
                f"{match.namespace}:{match.url_name}",
                kwargs={**match.kwargs, "session": canonical},
            )
            return redirect(url, permanent=True)
        return view(request, *args, session=session, **kwargs)

    return redirected


def session_url(version):
    return reverse(
        "public:session", kwargs={"body": version.body_slug, "session": version.session_key}
    )


def _listed(versions):
    """Versions grouped per session, as lists of sessions show them."""
    language = get_language()
    sessions = {}
    for version in versions:
        key = (version.body_slug, version.session_key)
        entry = sessions.setdefault(
            key,
            {"summary": version.summary_in(language), "url": session_url(version), "documents": []},
        )
        entry["documents"].append({"version": version, "summary": version.summary_in(language)})
    return list(sessions.values())


def _by_body(versions):
    groups = {}
    for session in _listed(versions):
        version = session["documents"][0]["version"]
        group = groups.setdefault(
            version.body_slug,
            {"slug": version.body_slug, "summary": session["summary"], "sessions": []},
        )
        group["sessions"].append(session)
    return list(groups.values())


def _lists(*, body_slug=None):
    """Current and upcoming sessions, then the latest earlier ones under their years,
    each list at most ``LISTED_DOCUMENTS`` long, and every year with its count: a page
    that stays small however many sessions are published."""
    today = timezone.localdate()
    upcoming = queries.upcoming_live_versions(today, LISTED_DOCUMENTS + 1, body_slug=body_slug)
    earlier = queries.earlier_live_versions(today, LISTED_DOCUMENTS + 1, body_slug=body_slug)
    years = {}
    for version in earlier[:LISTED_DOCUMENTS]:
        years.setdefault(version.start_date.year, []).append(version)
    return {
        "upcoming": upcoming[:LISTED_DOCUMENTS],
        "more_upcoming": len(upcoming) > LISTED_DOCUMENTS,
        "earlier": [{"year": year, "versions": listed} for year, listed in years.items()],
        "more_earlier": len(earlier) > LISTED_DOCUMENTS,
        "years": queries.live_years(body_slug=body_slug),
    }


@published_page
def home(request):
    lists = _lists()
    context = {
        **lists,
        "upcoming": _by_body(lists["upcoming"]),
        "earlier": [
            {"year": year["year"], "groups": _by_body(year["versions"])}
            for year in lists["earlier"]
        ],
        **language_links(request),
    }
    return render(request, "public/home.html", context)


@published_page
def body(request, body):
    lists = _lists(body_slug=body)
    # A body is public through its published sessions only: one known only to drafts
    # does not exist for the public.
    if not lists["years"]:
        raise Http404
    shown = lists["upcoming"] or [v for year in lists["earlier"] for v in year["versions"]]
    context = {
        **lists,
        "upcoming": _listed(lists["upcoming"]),
        "earlier": [
            {"year": year["year"], "sessions": _listed(year["versions"])}
            for year in lists["earlier"]
        ],
        "body_slug": body,
        "summary": shown[0].summary_in(get_language()),
        **language_links(request),
    }
    return render(request, "public/body.html", context)


def _year_page(request, year, *, body_slug=None):
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    versions = queries.live_versions_in_year(year, body_slug=body_slug)
    page = Paginator(versions, YEAR_PAGE_SIZE).get_page(request.GET.get("page"))
    if not page.object_list:
        raise Http404
    return {
        "year": year,
        "page": page,
        "groups": _by_body(page.object_list),
        "sessions": _listed(page.object_list),
        **language_links(request),
    }


@published_page
def year(request, year):
    return render(request, "public/year.html", _year_page(request, year))


@published_page
def body_year(request, body, year):
    context = _year_page(request, year, body_slug=body)
    context["body_slug"] = body
    context["summary"] = context["page"].object_list[0].summary_in(get_language())
    return render(request, "public/year.html", context)


@canonical_session
@published_page
def session(request, body, session):
    """A session's published agenda documents (a provisional agenda and its annotations
    are often separate documents), each linking to its own page."""
    versions = list(queries.session_live_versions(body, session))
    if not versions:
        raise Http404
    listed = _listed(versions)[0]
    context = {"body_slug": body, "session": listed, **language_links(request)}
    return render(request, "public/session.html", context)


def _agenda_page(request, version, *, superseded_by=None):
    versions = queries.versions_of(version.agenda_id)
    context = {
        "version": version,
        "summary": version.summary_in(get_language()),
        "superseded_by": superseded_by,
        "versions": versions,
        **language_links(request),
    }
    response = render(request, "public/agenda.html", context)
    # The page changes only when the agenda is published again (its versions box).
    response.last_modified = max(other.published_at for other in versions)
    return response


# A record of a schema this code does not know raises UnreadableSnapshot in
# ``queries.edition_of``: refused, and logged as a server error, rather than misread.


@canonical_session
@published_page
def agenda(request, body, session, document):
    version = queries.edition_of(queries.live_at_address(body, session, document), get_language())
    if version is None:
        # Published here once and moved since (a renamed body, a new address): follow.
        agenda_id = queries.agenda_at_address(body, session, document)
        live = queries.live_version(agenda_id) if agenda_id else None
        if live is None:
            raise Http404
        return redirect(live.get_absolute_url(), permanent=True)
    return _agenda_page(request, version)


@canonical_session
@published_page
def agenda_version(request, body, session, document, version):
    agenda_id = queries.agenda_at_address(body, session, document)
    published = queries.numbered_edition(agenda_id, version, get_language()) if agenda_id else None
    if published is None:
        raise Http404
    if published.is_current:
        return redirect(published.get_absolute_url())
    return _agenda_page(request, published, superseded_by=queries.live_version(agenda_id))


def programme_today(request):
    today = timezone.localdate()
    nearest = queries.nearest_programme_date(today)
    return redirect("public:programme", date=nearest or today)


@published_page
def programme(request, date):
    language = get_language()
    meetings = []
    for slot in queries.published_slots_on(date):
        version = slot.version
        meetings.append(
            {
                "uid": slot.row["uid"],
                "rendered": slot.row["rendered"].get(language)
                or next(iter(slot.row["rendered"].values())),
                "summary": version.summary_in(language),
                "version": version,
            }
        )
    previous_date, next_date = queries.programme_dates_around(date)
    context = {
        "date": date,
        "meetings": meetings,
        "previous_date": previous_date,
        "next_date": next_date,
        **language_links(request),
    }
    return render(request, "public/programme.html", context)


def _search_results(query, page):
    """A page of results, each labelled in the page language where it matched there."""
    language = get_language()
    found = queries.search_published(query, language=language, page=page)
    kinds = dict(SearchEntry.Kind.choices)  # once, not get_kind_display() per result
    results = []
    for result in found.object_list:
        url = agenda_address(result)
        results.append(
            {
                "entry": result,
                "kind": kinds[result.kind],
                "url": f"{url}#{result.anchor}" if result.anchor else url,
                "summary": result.summary or {},
                "foreign": result.language != language,
            }
        )
    return found, results


def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_LIMIT]
    page, results = _search_results(query, request.GET.get("page")) if query else (None, [])
    context = {"query": query, "page": page, "results": results, **language_links(request)}
    return render(request, "public/search.html", context)
