"""The resolutions admin: found by number as cited ("8/7") and by title."""

import pytest
from django.urls import reverse

from resolutions.models import Resolution
from tests.factories import BodyFactory, ResolutionFactory

URL = reverse("admin:resolutions_resolution_changelist")


@pytest.fixture
def resolutions(db):
    body = BodyFactory(short_name_en="Conference")
    return {
        "8/7": ResolutionFactory(
            body=body,
            session_number=8,
            number=7,
            title_en="Enhancing the effectiveness of anti-corruption bodies",
        ),
        "8/8": ResolutionFactory(
            body=body,
            session_number=8,
            number=8,
            title_en="Follow-up to the Marrakech declaration",
        ),
        "decision 7/1": ResolutionFactory(
            body=body,
            kind=Resolution.Kind.DECISION,
            session_number=7,
            number=1,
            title_en="Agendas of subsidiary bodies",
        ),
        "78/7": ResolutionFactory(body=body, session_number=78, number=7, title_en="Other"),
    }


def found(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return sorted(str(r) for r in response.context["cl"].result_list)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("8/7", ["resolution 8/7"]),
        ("resolution 8/7", ["resolution 8/7"]),
        ("Resolution 8 / 8", ["resolution 8/8"]),
        ("decision 7/1", ["decision 7/1"]),
        ("resolution 7/1", []),
        ("8/7 effectiveness", ["resolution 8/7"]),
        ("8/7 Marrakech", []),
        ("Marrakech", ["resolution 8/8"]),
    ],
)
def test_resolutions_are_found_by_number_as_cited_and_by_title(
    secretariat_client, resolutions, query, expected
):
    assert found(secretariat_client, query) == expected


def test_autocomplete_for_citations_finds_a_resolution_by_number(secretariat_client, resolutions):
    response = secretariat_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "8/7",
            "app_label": "resolutions",
            "model_name": "citation",
            "field_name": "resolution",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["resolution 8/7"]
