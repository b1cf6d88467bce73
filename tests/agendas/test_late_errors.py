"""A service that refuses at save time keeps what the person typed, and saves nothing.

Forms check most rules beside each field; some refusals only come when the service
saves (a row someone else saved a moment ago, a rule across several rows). The page is
then shown again with every value as typed and the reason, and the database is as it
was before.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from agendas import savers
from agendas.models import AgendaItem, Body
from tests.admin_helpers import form_data
from tests.factories import AgendaFactory, AgendaItemFactory, BodyFactory

pytestmark = pytest.mark.django_db


def refusing(error):
    def save(instance, *, by=None):
        raise error

    return save


def test_a_field_refusal_shows_beside_the_field_with_the_typed_values(
    secretariat_client, monkeypatch
):
    body = BodyFactory(name_en="Working Group", slug="wg")
    url = reverse("admin:agendas_body_change", args=[body.pk])
    data = {**form_data(secretariat_client.get(url)), "name_en": "Renamed group", "slug": "new"}
    monkeypatch.setitem(
        savers._SAVERS, Body, refusing(ValidationError({"slug": "Taken a moment ago."}))
    )

    response = secretariat_client.post(url, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"slug": ["Taken a moment ago."]}
    assert 'value="Renamed group"' in html
    assert 'value="new"' in html
    body.refresh_from_db()
    assert (body.name_en, body.slug) == ("Working Group", "wg")


def test_a_refusal_of_an_inline_row_keeps_every_row_as_typed(secretariat_client, monkeypatch):
    agenda = AgendaFactory()
    item = AgendaItemFactory(agenda=agenda, title_en="Opening of the session")
    url = reverse("admin:agendas_agenda_change", args=[agenda.pk])
    data = form_data(secretariat_client.get(url))
    prefix = next(key for key in data if key.endswith("-0-title_en")).removesuffix("-0-title_en")
    data[f"{prefix}-0-title_en"] = "Opening, as retyped"
    message = "This change conflicts with one saved at the same moment. Reload and try again."
    monkeypatch.setitem(savers._SAVERS, AgendaItem, refusing(ValidationError(message)))

    response = secretariat_client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [message]
    assert "Opening, as retyped" in response.content.decode()
    item.refresh_from_db()
    assert item.title_en == "Opening of the session"


def test_a_refusal_on_a_page_that_is_only_read_still_raises(secretariat_client, monkeypatch):
    """GET requests save nothing, so an error there is a real fault, not a refusal."""

    def broken(*args, **kwargs):
        raise ValidationError("not a refusal")

    monkeypatch.setattr("agendas.admin.BodyAdmin.get_object", broken)
    with pytest.raises(ValidationError):
        secretariat_client.get(reverse("admin:agendas_body_change", args=[1]))
