"""Missing translations fall back to the original language, marked; pages cost a fixed
number of queries however much they show."""

import pytest
from django.utils import translation

from agendas import services
from publishing.services import publish_agenda
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    CitationFactory,
    ResolutionFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

MARKED_FRENCH = (
    '<span lang="fr" dir="ltr">{}</span> '
    '<span class="untranslated">(not yet available in English)</span>'
)


@pytest.fixture
def french_original():
    """An agenda drafted in French, translated into English only in part."""
    agenda = AgendaFactory(original_language="fr")
    AgendaItemFactory(
        agenda=agenda,
        title_en="",
        title_fr="Questions d’organisation",
        title_es="Cuestiones de organización",
        annotation_en="",
        annotation_fr="<p>La session sera ouverte.</p>",
        annotation_es="<p>Se abrirá el período de sesiones.</p>",
    )
    return agenda


def test_a_missing_translation_shows_the_original_language_first(client, french_original):
    version = publish_agenda(french_original)

    html = client.get(version.get_absolute_url()).content.decode()

    # French is the original: it is chosen over Spanish, which comes later in the list
    # but is a translation, and over nothing at all.
    assert MARKED_FRENCH.format("Questions d’organisation") in html
    assert "Cuestiones de organización" not in html
    assert (
        '<div class="untranslated-text" lang="fr" dir="ltr"><p>La session sera ouverte.</p></div>'
        '<p class="untranslated">(not yet available in English)</p>'
    ) in html


def test_the_original_language_page_shows_no_marker(client, french_original):
    version = publish_agenda(french_original)
    with translation.override("fr"):
        url = version.get_absolute_url()

    html = client.get(url).content.decode()

    document = html[html.index('<article class="document"') :]
    assert "Questions d’organisation" in document
    assert "<p>La session sera ouverte.</p>" in document
    # The body's name (in the masthead) exists in English only: that, and only that, is
    # marked.
    assert document.count('class="untranslated"') == 1
    assert document.count('<span class="untranslated">(pas encore disponible en français)') == 1


def test_a_citation_footnote_needs_every_title_in_its_language(client):
    agenda = AgendaFactory(original_language="en")
    item = AgendaItemFactory(agenda=agenda, title_en="Implementation", title_fr="Application")
    CitationFactory(
        item=item,
        resolution=ResolutionFactory(
            session_number=8, number=7, title_en="Strengthening", title_fr="Renforcer"
        ),
    )
    CitationFactory(
        item=item, resolution=ResolutionFactory(session_number=8, number=8, title_en="Follow-up")
    )

    version = publish_agenda(agenda)

    # Without the French title of 8/8 there is no French footnote: the English one is
    # shown on the French page, marked, rather than a footnote that leaves 8/8 out.
    assert version.content["footnotes"] == [
        {
            "id": "1",
            "text": {
                "en": "Resolution 8/7, entitled “Strengthening”; and resolution 8/8, "
                "entitled “Follow-up”."
            },
        }
    ]
    with translation.override("fr"):
        html = client.get(version.get_absolute_url()).content.decode()
    assert (
        '<span lang="en" dir="ltr">Resolution 8/7, entitled “Strengthening”; and resolution '
        "8/8, entitled “Follow-up”.</span> "
        '<span class="untranslated">(pas encore disponible en français)</span>'
    ) in html


def test_items_nest_exactly_three_levels_deep():
    agenda = AgendaFactory()
    top = services.add_agenda_item(agenda, title_en="Organizational matters")
    sub = services.add_agenda_item(agenda, parent=top, title_en="Adoption of the agenda")
    third = services.add_agenda_item(agenda, parent=sub, title_en="Provisional agenda")

    with pytest.raises(Exception) as error:
        services.add_agenda_item(agenda, parent=third, title_en="One level too many")

    assert error.value.message_dict == {
        "parent": ["Agendas nest at most three levels deep: 1., (a), (i)."]
    }
    assert agenda.items.count() == 3
    version = publish_agenda(agenda)
    assert [item["number"] for item in version.content["items"]] == ["1.", "(a)", "(i)"]


# Queries of each page of the site, measured; the same for one session and for three.
PAGE_QUERIES = {
    "body": 3,
    "session": 1,
    "version": 4,
    "search": 2,  # the ranked matches as values, then the summaries of the page's versions
}


def publish_sessions(count, body=None):
    versions = []
    for number in range(1, count + 1):
        session = SessionFactory(**({"body": body} if body else {}), number=number)
        agenda = AgendaFactory(session=session, symbol=f"{session.body.symbol_prefix}/{number}/1")
        for index in range(3):
            AgendaItemFactory(agenda=agenda, title_en=f"Prevention item {index}")
        versions.append(publish_agenda(agenda))
        body = session.body
    return versions


@pytest.mark.parametrize("count", [1, 3])
def test_body_session_and_search_pages_cost_the_same_for_one_session_or_three(
    client, django_assert_num_queries, count
):
    versions = publish_sessions(count)
    first = versions[0]
    pages = {
        "body": f"/en/bodies/{first.body_slug}/",
        "session": f"/en/bodies/{first.body_slug}/sessions/1/",
        "search": "/en/search/?q=prevention",
    }
    for name, url in pages.items():
        with django_assert_num_queries(PAGE_QUERIES[name]):
            response = client.get(url)
        assert response.status_code == 200, url
    assert response.content.decode().count('class="search-results__label"') == 3 * count


@pytest.mark.parametrize("count", [2, 4])
def test_an_earlier_version_costs_the_same_however_many_versions_exist(
    client, django_assert_num_queries, count
):
    (version,) = publish_sessions(1)
    agenda = version.agenda
    for _ in range(count - 1):
        publish_agenda(agenda)
    version.refresh_from_db()
    url = version.get_absolute_url()
    assert url.endswith("/versions/1/")

    with django_assert_num_queries(PAGE_QUERIES["version"]):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count("published on") == count
