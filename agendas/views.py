"""The public site: published agendas only, rendered from their snapshots.

Views stay thin: they fetch published versions through ``agendas.queries`` and render.
Nothing here reads a draft; the staff preview (``agendas.admin_publishing``) renders an
unsaved snapshot through the same template.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language

from . import queries
from .converters import SessionNumber
from .publishing import translations

SEARCH_RESULT_LIMIT = 200


def language_links(request):
    """The current page in each language: switcher links and hreflang alternates."""
    current = get_language()
    full_path = request.get_full_path()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(full_path, code)
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


def session_number(session):
    """The ``<session:number>`` URL argument of a session (model or snapshot block)."""
    if isinstance(session, dict):
        return SessionNumber(session["number"], session.get("is_special", False))
    return SessionNumber(session.number, session.is_special)


def session_url(body_slug, session):
    return reverse("agendas:session", kwargs={"body": body_slug, "number": session_number(session)})


def _listed_session(version):
    """What a list of sessions shows of a live version, without loading its content."""
    session = version.agenda.session
    return {
        "version": version,
        "symbol": version.symbol,
        "url": session_url(session.body.slug, session),
        "term": session.body.gathering_term,
        "session": {
            "number": session.number,
            "is_special": session.is_special,
            "start_date": session.start_date,
            "end_date": session.end_date,
            "city": translations(session.venue, "city"),
        },
    }


def _by_body(versions):
    groups = {}
    for version in versions:
        body = version.agenda.session.body
        group = groups.setdefault(
            body.pk,
            {"body": body, "name": translations(body, "name"), "sessions": []},
        )
        group["sessions"].append(_listed_session(version))
    return list(groups.values())


def home(request):
    today = timezone.localdate()
    versions = list(queries.current_versions())
    upcoming = [v for v in versions if v.agenda.session.end_date >= today]
    earlier = [v for v in reversed(versions) if v.agenda.session.end_date < today]
    context = {
        "upcoming": _by_body(upcoming),
        "earlier": _by_body(earlier),
        **language_links(request),
    }
    return render(request, "agendas/home.html", context)


def body(request, body):
    versions = list(queries.current_versions().filter(agenda__session__body__slug=body))
    # A body is public through its published sessions only: one known only to drafts
    # does not exist for the public.
    if not versions:
        raise Http404
    versions.reverse()
    body_object = versions[0].agenda.session.body
    context = {
        "body": body_object,
        "name": translations(body_object, "name"),
        "sessions": [_listed_session(v) for v in versions],
        **language_links(request),
    }
    return render(request, "agendas/body.html", context)


def render_agenda(request, snapshot, *, version=None, extra=None):
    """Render a snapshot as the agenda page; shared by the public site and the preview."""
    context = {
        "snapshot": snapshot,
        "original": snapshot["agenda"]["original_language"],
        "version": version,
        **(extra or {}),
    }
    return render(request, "agendas/agenda.html", context)


def session_agenda(request, body, number):
    version = queries.current_version_for_session(body, number.number, is_special=number.is_special)
    if version is None:
        raise Http404
    extra = {
        "body_slug": body,
        "session_number": number,
        "earlier_versions": queries.other_versions(version),
        **language_links(request),
    }
    return render_agenda(request, version.content, version=version, extra=extra)


def session_agenda_version(request, body, number, version):
    versions = queries.session_versions(body, number.number, is_special=number.is_special)
    published = versions.filter(number=version).select_related("agenda").first()
    if published is None:
        raise Http404
    if published.is_current:
        return redirect("agendas:session", body=body, number=number)
    current = versions.filter(agenda=published.agenda, is_current=True).defer("content").first()
    extra = {
        "body_slug": body,
        "session_number": number,
        "superseded_by": current,
        "earlier_versions": queries.other_versions(published),
        **language_links(request),
    }
    return render_agenda(request, published.content, version=published, extra=extra)


def programme_today(request):
    today = timezone.localdate()
    nearest = queries.nearest_programme_date(today)
    return redirect("agendas:programme", date=nearest or today)


def programme(request, date):
    slots = list(queries.published_slots_on(date))
    previous_date, next_date = queries.programme_dates_around(date)
    meetings = []
    for slot in slots:
        row = slot.row
        url = session_url(row["body"]["slug"], row["session"])
        meetings.append({"row": row, "url": url, "slot": slot})
    context = {
        "date": date,
        "meetings": meetings,
        "previous_date": previous_date,
        "next_date": next_date,
        **language_links(request),
    }
    return render(request, "agendas/programme.html", context)


def _search_results(query):
    """Matches grouped per thing found, labelled in the page language where it matched."""
    language = get_language()
    groups = {}
    for entry in queries.search_published(query)[:SEARCH_RESULT_LIMIT]:
        key = (entry.version_id, entry.kind, entry.anchor, entry.symbol)
        chosen = groups.get(key)
        if chosen is None or (entry.language == language and chosen.language != language):
            groups[key] = entry
    results = []
    for entry in groups.values():
        session = entry.version.agenda.session
        url = session_url(session.body.slug, session)
        results.append(
            {
                "entry": entry,
                "url": f"{url}#{entry.anchor}" if entry.anchor else url,
                "body": translations(session.body, "name"),
                "session": {
                    "number": session.number,
                    "is_special": session.is_special,
                },
                "term": session.body.gathering_term,
                "foreign": entry.language != language,
            }
        )
    return results


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    context = {
        "query": query,
        "results": _search_results(query) if query else [],
        **language_links(request),
    }
    return render(request, "agendas/search.html", context)
