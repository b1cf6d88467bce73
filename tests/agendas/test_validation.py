"""Bad input to agendas and documents: a clear message, and nothing changed.

Each rule is proven twice: through the service functions (ValidationError) and through
the admin (the form shows the message and the database is untouched).
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from agendas import services
from agendas.models import Agenda, AgendaItem, Document
from tests.admin_helpers import form_data, formset_of
from tests.factories import AgendaFactory, AgendaItemFactory, DocumentFactory, SessionFactory

MALFORMED = [
    (
        "cac/cosp 2020/4",
        "“cac/cosp 2020/4” is not a valid UN document symbol: symbols contain no spaces.",
    ),
    (
        "CAC//2020/4",
        "“CAC//2020/4” is not a valid UN document symbol: it has an empty part between slashes.",
    ),
    (
        "CAC/COSP/WG.4",
        "“CAC/COSP/WG.4” is not a valid UN document symbol: it has no document number, "
        "as in CAC/COSP/WG.4/2020/4.",
    ),
]


def document_add_data(symbol):
    return {
        "symbol": symbol,
        "title_en": "Background paper",
        "distribution": "general",
        "original_language": "en",
        "editions-TOTAL_FORMS": 0,
        "editions-INITIAL_FORMS": 0,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("symbol", "message"), MALFORMED)
def test_service_refuses_a_malformed_document_symbol(symbol, message):
    with pytest.raises(ValidationError) as error:
        services.create_document(symbol=symbol, title_en="Background paper")
    assert error.value.message_dict == {"symbol": [message]}
    assert Document.objects.count() == 0


@pytest.mark.parametrize(("symbol", "message"), MALFORMED)
def test_admin_refuses_a_malformed_document_symbol(secretariat_client, symbol, message):
    response = secretariat_client.post(
        reverse("admin:agendas_document_add"), document_add_data(symbol)
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"symbol": [message]}
    assert message in response.content.decode()
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_service_refuses_a_symbol_that_differs_from_a_documents_only_in_case():
    DocumentFactory(symbol="CAC/COSP/WG.4/2020/1/Rev.1")
    with pytest.raises(ValidationError) as error:
        services.create_document(symbol="CAC/COSP/WG.4/2020/1/REV.1", title_en="Copy")
    assert error.value.message_dict == {
        "symbol": ["The symbol CAC/COSP/WG.4/2020/1/REV.1 is already in use."]
    }
    assert list(Document.objects.values_list("symbol", flat=True)) == ["CAC/COSP/WG.4/2020/1/Rev.1"]


@pytest.mark.django_db
def test_an_agenda_may_list_itself_as_documentation_of_its_adoption():
    """Agendas and documents are separate registers: the agenda's own symbol may name the
    document listed under "Adoption of the agenda"."""
    agenda = AgendaFactory(symbol="CAC/COSP/WG.4/2020/1")
    adoption = services.add_agenda_item(agenda, title_en="Adoption of the agenda")
    itself = services.create_document(symbol=" CAC/COSP/WG.4/2020/1 ", title_en="Agenda")
    services.add_documentation(adoption, itself)

    assert itself.symbol == "CAC/COSP/WG.4/2020/1"
    assert list(adoption.documentation.values_list("document__symbol", flat=True)) == [
        "CAC/COSP/WG.4/2020/1"
    ]


@pytest.mark.django_db
def test_service_refuses_an_agenda_symbol_another_agenda_uses_in_any_case():
    AgendaFactory(symbol="CAC/COSP/WG.4/2020/4")
    agenda = Agenda(session=SessionFactory(), symbol="cac/cosp/wg.4/2020/4".upper())
    with pytest.raises(ValidationError) as error:
        services.save_agenda(agenda)
    assert error.value.message_dict == {
        "symbol": ["The symbol CAC/COSP/WG.4/2020/4 is already in use."]
    }
    assert Agenda.objects.count() == 1


def test_admin_refuses_a_document_symbol_another_document_uses(secretariat_client):
    DocumentFactory(symbol="CAC/COSP/WG.4/2020/1")
    response = secretariat_client.post(
        reverse("admin:agendas_document_add"), document_add_data("cac/cosp/WG.4/2020/1*")
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "symbol": ["The symbol cac/cosp/WG.4/2020/1* is already in use."]
    }
    assert Document.objects.count() == 1


def test_admin_refuses_an_agenda_symbol_differing_only_in_case(secretariat_client):
    AgendaFactory(symbol="CAC/COSP/WG.4/2020/1/Rev.1")
    agenda = AgendaFactory(symbol="CAC/COSP/WG.4/2020/1")
    url = reverse("admin:agendas_agenda_change", args=[agenda.pk])
    data = form_data(secretariat_client.get(url))
    data["symbol"] = "CAC/COSP/WG.4/2020/1/REV.1"
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "symbol": ["The symbol CAC/COSP/WG.4/2020/1/REV.1 is already in use."]
    }
    agenda.refresh_from_db()
    assert agenda.symbol == "CAC/COSP/WG.4/2020/1"


# An item made its own ancestor.


@pytest.fixture
def item_with_child(db):
    parent = AgendaItemFactory(title_en="Organizational matters")
    child = AgendaItemFactory(agenda=parent.agenda, parent=parent, title_en="Opening")
    return parent, child


def test_service_refuses_an_item_as_its_own_parent(item_with_child):
    parent, _child = item_with_child
    parent.parent = parent
    with pytest.raises(ValidationError) as error:
        services.save_agenda_item(parent)
    assert error.value.message_dict == {"parent": ["An item cannot be its own parent or ancestor."]}
    assert AgendaItem.objects.get(pk=parent.pk).parent_id is None


def test_service_refuses_an_item_under_its_own_child(item_with_child):
    parent, child = item_with_child
    parent.parent = child
    with pytest.raises(ValidationError) as error:
        services.save_agenda_item(parent)
    assert error.value.message_dict == {"parent": ["An item cannot be its own parent or ancestor."]}
    assert AgendaItem.objects.get(pk=parent.pk).parent_id is None


def test_service_refuses_a_parent_from_another_agenda(item_with_child):
    _parent, child = item_with_child
    child.parent = AgendaItemFactory()
    with pytest.raises(ValidationError) as error:
        services.save_agenda_item(child)
    assert error.value.message_dict == {"parent": ["The parent item belongs to another agenda."]}


def test_service_refuses_a_move_that_would_nest_sub_items_four_levels_deep(item_with_child):
    parent, child = item_with_child
    grandchild = AgendaItemFactory(agenda=parent.agenda, parent=child)
    other = AgendaItemFactory(agenda=parent.agenda)
    other_child = AgendaItemFactory(agenda=parent.agenda, parent=other)
    parent.parent = other_child  # parent's grandchild would become a fourth level
    with pytest.raises(ValidationError) as error:
        services.save_agenda_item(parent)
    assert error.value.message_dict == {
        "parent": ["Agendas nest at most three levels deep: 1., (a), (i)."]
    }
    assert AgendaItem.objects.get(pk=grandchild.pk).parent_id == child.pk
    assert AgendaItem.objects.get(pk=parent.pk).parent_id is None


def _agenda_post(client, agenda, change):
    url = reverse("admin:agendas_agenda_change", args=[agenda.pk])
    data = form_data(client.get(url))
    prefixes = {data[key]: key[: -len("-id")] for key in data if key.endswith("-id")}
    change(data, prefixes)
    return client.post(url, data)


def test_admin_refuses_an_item_as_its_own_parent(secretariat_client, item_with_child):
    parent, child = item_with_child

    def change(data, prefixes):
        data[f"{prefixes[parent.pk]}-parent"] = parent.pk

    response = _agenda_post(secretariat_client, parent.agenda, change)
    assert response.status_code == 200
    assert "An item cannot be its own parent or ancestor." in response.content.decode()
    assert AgendaItem.objects.get(pk=parent.pk).parent_id is None


def test_admin_refuses_an_item_under_its_own_child(secretariat_client, item_with_child):
    parent, child = item_with_child

    def change(data, prefixes):
        data[f"{prefixes[parent.pk]}-parent"] = child.pk
        data[f"{prefixes[parent.pk]}-title_en"] = "Changed, but must not be saved"

    response = _agenda_post(secretariat_client, parent.agenda, change)
    assert response.status_code == 200
    assert "An item cannot be its own parent or ancestor." in response.content.decode()
    parent.refresh_from_db()
    assert (parent.parent_id, parent.title_en) == (None, "Organizational matters")


def test_admin_refuses_two_items_made_each_others_parents_in_one_save(secretariat_client):
    one = AgendaItemFactory()
    two = AgendaItemFactory(agenda=one.agenda)

    def change(data, prefixes):
        data[f"{prefixes[one.pk]}-parent"] = two.pk
        data[f"{prefixes[two.pk]}-parent"] = one.pk

    response = _agenda_post(secretariat_client, one.agenda, change)
    assert response.status_code == 200
    formset = formset_of(response, AgendaItem)
    assert formset.non_form_errors() == ["An item cannot be its own parent or ancestor."]
    assert list(one.agenda.items.values_list("parent_id", flat=True)) == [None, None]


def test_a_numbered_item_cannot_sit_under_an_unnumbered_entry(db):
    agenda = AgendaFactory()
    other = services.add_agenda_item(agenda, kind="unnumbered", title_en="Other matters")
    heading = services.add_agenda_item(agenda, parent=other, kind="heading", title_en="A.")

    for parent in (other, heading):
        with pytest.raises(ValidationError) as error:
            services.add_agenda_item(agenda, parent=parent, title_en="Would be numbered (a)")
        assert error.value.message_dict == {
            "parent": ["A numbered item cannot be placed under an unnumbered entry."]
        }
    # Unnumbered entries may hold unnumbered entries; nothing else was written.
    services.add_agenda_item(agenda, parent=other, kind="unnumbered", title_en="Statements")
    assert agenda.items.count() == 3
    # Nor may an entry with numbered sub-items become unnumbered.
    item = services.add_agenda_item(agenda, title_en="Organizational matters")
    services.add_agenda_item(agenda, parent=item, title_en="Opening of the session")
    item.kind = "unnumbered"
    with pytest.raises(ValidationError):
        services.save_agenda_item(item)
