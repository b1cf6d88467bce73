"""Citing a resolution that does not exist: a clear message, and nothing saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from resolutions import services
from resolutions.models import Citation, Resolution
from tests.admin_helpers import form_data
from tests.factories import AgendaItemFactory, BodyFactory, ResolutionFactory


@pytest.fixture
def conference(db):
    return BodyFactory(
        symbol_prefix="CAC/COSP",
        short_name_en="Conference",
        name_en="Conference of the States Parties",
    )


def test_cite_resolution_by_reference(conference):
    item = AgendaItemFactory()
    wanted = ResolutionFactory(body=conference, session_number=8, number=7)
    ResolutionFactory(body=BodyFactory(), session_number=8, number=7)
    citation = services.cite_resolution(item, "resolution 8/7", body="CAC/COSP")
    assert (citation.resolution, citation.placement, citation.position) == (wanted, "title", 10)


def test_cite_resolution_refuses_a_reference_to_nothing(conference):
    item = AgendaItemFactory()
    ResolutionFactory(body=conference, session_number=8, number=7)
    with pytest.raises(ValidationError) as error:
        services.cite_resolution(item, "resolution 8/9", body=conference)
    assert error.value.messages == ["There is no resolution 8/9 of Conference."]
    assert Citation.objects.count() == 0


def test_cite_resolution_refuses_a_decision_cited_as_a_resolution(conference):
    ResolutionFactory(body=conference, kind=Resolution.Kind.DECISION, session_number=7, number=1)
    with pytest.raises(ValidationError) as error:
        services.cite_resolution(AgendaItemFactory(), "resolution 7/1", body=conference)
    assert error.value.messages == ["There is no resolution 7/1 of Conference."]
    assert Citation.objects.count() == 0


def test_cite_resolution_refuses_the_same_citation_twice(conference):
    item = AgendaItemFactory()
    resolution = ResolutionFactory(body=conference)
    services.cite_resolution(item, resolution)
    with pytest.raises(ValidationError) as error:
        services.cite_resolution(item, resolution)
    assert error.value.messages == [
        "Citation with this Agenda item, Resolution or decision and Footnote on already exists."
    ]
    assert Citation.objects.count() == 1


def test_admin_refuses_a_citation_of_a_resolution_that_does_not_exist(secretariat_client):
    item = AgendaItemFactory()
    url = reverse("admin:agendas_agendaitem_change", args=[item.pk])
    data = form_data(secretariat_client.get(url))
    data.update(
        {
            "citations-TOTAL_FORMS": 1,
            "citations-0-resolution": 987654,
            "citations-0-placement": "title",
            "citations-0-position": 1,
        }
    )
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    message = (
        "There is no such resolution or decision; add it under “Resolutions and decisions” first."
    )
    assert message in response.content.decode()
    assert Citation.objects.count() == 0
