"""Nothing unpublished is public: every public URL answers 404 for drafts and unknowns.

The list of URLs comes from the URL configuration itself, so a new public page fails
this test until it registers what to request here.
"""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from languages import codes as language_codes
from publishing.services import publish_agenda
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    SessionFactory,
    SlotItemFactory,
    TimeSlotFactory,
)

pytestmark = pytest.mark.django_db

# Namespaces that are not the public site.
NOT_PUBLIC = {"admin"}
NOT_PUBLIC_PREFIXES = ("admin/", "i18n/")


def public_url_names():
    """Every named public pattern, as "namespace:name"."""
    names = set()

    def walk(patterns, namespace, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if inner in NOT_PUBLIC or route.startswith(NOT_PUBLIC_PREFIXES):
                    continue
                full = f"{namespace}:{inner}" if namespace and pattern.namespace else inner
                walk(pattern.url_patterns, full, route)
            elif isinstance(pattern, URLPattern) and pattern.name:
                if route.startswith(NOT_PUBLIC_PREFIXES):
                    continue
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None, "")
    return names


@pytest.fixture
def world():
    """A published session, a draft-only session, a session without agenda."""
    live = AgendaFactory()
    live_item = AgendaItemFactory(agenda=live, title_en="Public item")
    SlotItemFactory(slot=TimeSlotFactory(session=live.session), item=live_item)
    publish_agenda(live)

    draft_session = SessionFactory(
        start_date=datetime.date(2021, 3, 1), end_date=datetime.date(2021, 3, 3)
    )
    draft = AgendaFactory(session=draft_session)
    draft_item = AgendaItemFactory(
        agenda=draft, title_en="Confidential draft wording", annotation_en="<p>Hush.</p>"
    )
    SlotItemFactory(slot=TimeSlotFactory(session=draft_session), item=draft_item)

    empty_session = SessionFactory()
    return {"live": live, "draft": draft, "empty": empty_session}


def unpublished_samples(world):
    """For each public URL name, keyword arguments that must answer 404."""
    live = world["live"].session
    draft = world["draft"].session
    empty = world["empty"]
    return {
        "public:home": [],
        "public:body": [
            {"body": "no-such-body"},
            {"body": draft.body.slug},
            {"body": empty.body.slug},
        ],
        # The draft session is in 2021, the live one in 2020.
        "public:year": [{"year": 2021}, {"year": 1990}, {"year": 0}, {"year": 10000}],
        "public:body-year": [
            {"body": draft.body.slug, "year": 2021},
            {"body": live.body.slug, "year": 2021},
            {"body": "no-such-body", "year": live.start_date.year},
            {"body": empty.body.slug, "year": empty.start_date.year},
        ],
        "public:session": [
            {"body": draft.body.slug, "session": draft.number},
            {"body": empty.body.slug, "session": empty.number},
            {"body": "no-such-body", "session": 1},
            {"body": live.body.slug, "session": live.number + 100},
            {"body": live.body.slug, "session": f"special-{live.number}"},
        ],
        "public:agenda": [
            {"body": draft.body.slug, "session": draft.number, "document": "annotated-agenda"},
            {"body": "no-such-body", "session": 1, "document": "annotated-agenda"},
            {"body": live.body.slug, "session": live.number, "document": "no-such-agenda"},
            {"body": live.body.slug, "session": live.number + 100, "document": "annotated-agenda"},
        ],
        "public:agenda-version": [
            {
                "body": draft.body.slug,
                "session": draft.number,
                "document": "annotated-agenda",
                "version": 1,
            },
            {"body": "no-such-body", "session": 1, "document": "annotated-agenda", "version": 1},
            {
                "body": live.body.slug,
                "session": live.number,
                "document": "annotated-agenda",
                "version": 2,
            },
            {
                "body": live.body.slug,
                "session": live.number,
                "document": "annotated-agenda",
                "version": 0,
            },
        ],
        # Pages that always exist; their content is checked for drafts below.
        "public:programme-today": [],
        "public:programme": [],
        "public:search": [],
        # Lists live agendas only; tests/public/test_sitemap.py checks it holds no draft.
        "sitemap": [],
        "sitemap-home": [],
        "sitemap-agendas": [{"page": 2}, {"page": 0}],
    }


def test_every_public_url_has_unpublished_samples(world):
    assert public_url_names() == set(unpublished_samples(world))


@pytest.mark.parametrize("language", ["ar", "zh-hans", "en", "fr", "ru", "es"])
def test_unpublished_things_answer_404_in_every_language(client, world, language):
    assert language in language_codes()
    for name, samples in unpublished_samples(world).items():
        for kwargs in samples:
            with translation.override(language):
                url = reverse(name, kwargs=kwargs)
            response = client.get(url)
            assert response.status_code == 404, url


def test_live_session_and_agenda_pages_answer_200(client, world):
    live = world["live"].session
    kwargs = {"body": live.body.slug, "session": live.number}
    for language in language_codes():
        with translation.override(language):
            session = reverse("public:session", kwargs=kwargs)
            agenda = reverse("public:agenda", kwargs={**kwargs, "document": "annotated-agenda"})
        assert client.get(session).status_code == 200, session
        assert client.get(agenda).status_code == 200, agenda


@pytest.mark.parametrize("language", ["ar", "zh-hans", "en", "fr", "ru", "es"])
def test_search_does_not_reveal_draft_text(client, world, language):
    with translation.override(language):
        url = reverse("public:search")

    draft = client.get(url, {"q": "confidential"}).content.decode()
    live = client.get(url, {"q": "public item"}).content.decode()

    assert "Confidential draft wording" not in draft
    assert "Public item" in live


@pytest.mark.parametrize("language", ["ar", "zh-hans", "en", "fr", "ru", "es"])
def test_programme_does_not_show_draft_slots(client, world, language):
    with translation.override(language):
        draft_day = reverse("public:programme", kwargs={"date": datetime.date(2021, 3, 1)})
        live_day = reverse("public:programme", kwargs={"date": datetime.date(2020, 8, 31)})

    draft = client.get(draft_day)
    live = client.get(live_day)

    assert draft.status_code == 200
    assert "Confidential draft wording" not in draft.content.decode()
    assert 'class="programme-slot"' not in draft.content.decode()
    assert "Public item" in live.content.decode()


def test_programme_today_never_leads_to_a_draft_only_day(client, world):
    response = client.get("/en/programme/")

    assert response.status_code == 302
    assert response["Location"] == "/en/programme/2020-08-31/"


def test_home_does_not_list_draft_sessions(client, world):
    html = client.get("/en/").content.decode()

    assert world["draft"].session.body.name_en not in html
    assert world["empty"].body.name_en not in html
    assert world["live"].session.body.name_en in html
