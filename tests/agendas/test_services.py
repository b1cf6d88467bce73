"""The agenda write services: ordering, documentation, and races on unique symbols."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from agendas import services
from agendas.models import AgendaItem, Document
from agendas.numbering import flatten, number_items
from tests.factories import AgendaFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def numbered(agenda):
    items = list(AgendaItem.objects.filter(agenda=agenda))
    return [(node.reference, node.item.title_en) for node in flatten(number_items(items))]


@pytest.fixture
def agenda():
    agenda = AgendaFactory()
    one = services.add_agenda_item(agenda, title_en="Organizational matters")
    services.add_agenda_item(agenda, parent=one, title_en="Opening of the meeting")
    services.add_agenda_item(agenda, parent=one, title_en="Adoption of the agenda")
    services.add_agenda_item(agenda, title_en="Future priorities")
    services.add_agenda_item(agenda, title_en="Adoption of the report")
    return agenda


def item(agenda, title):
    return AgendaItem.objects.get(agenda=agenda, title_en=title)


def test_add_agenda_item_appends_at_the_end_of_its_level(agenda):
    assert numbered(agenda) == [
        ("1", "Organizational matters"),
        ("1(a)", "Opening of the meeting"),
        ("1(b)", "Adoption of the agenda"),
        ("2", "Future priorities"),
        ("3", "Adoption of the report"),
    ]
    assert list(agenda.items.filter(parent=None).values_list("position", flat=True)) == [
        10,
        20,
        30,
    ]


def test_move_item_up_renumbers_without_touching_other_levels(agenda):
    assert services.move_item(item(agenda, "Adoption of the report"), direction="up") is True
    assert numbered(agenda) == [
        ("1", "Organizational matters"),
        ("1(a)", "Opening of the meeting"),
        ("1(b)", "Adoption of the agenda"),
        ("2", "Adoption of the report"),
        ("3", "Future priorities"),
    ]


def test_move_item_past_either_end_changes_nothing(agenda):
    assert services.move_item(item(agenda, "Organizational matters"), direction="up") is False
    assert services.move_item(item(agenda, "Adoption of the agenda"), direction="down") is False
    assert numbered(agenda)[2] == ("1(b)", "Adoption of the agenda")


def test_move_item_to_a_place_among_its_siblings(agenda):
    services.move_item(item(agenda, "Adoption of the agenda"), position=1)
    assert numbered(agenda)[1:3] == [
        ("1(a)", "Adoption of the agenda"),
        ("1(b)", "Opening of the meeting"),
    ]


def test_move_item_refuses_a_place_that_does_not_exist(agenda):
    with pytest.raises(ValidationError) as error:
        services.move_item(item(agenda, "Future priorities"), position=4)
    assert error.value.messages == ["There are 3 items at this level; choose a place from 1 to 3."]


def test_reorder_items_takes_every_item_of_the_agenda(agenda):
    order = [
        "Future priorities",
        "Organizational matters",
        "Adoption of the agenda",
        "Opening of the meeting",
        "Adoption of the report",
    ]
    services.reorder_items(agenda, [item(agenda, title).pk for title in order])
    assert numbered(agenda) == [
        ("1", "Future priorities"),
        ("2", "Organizational matters"),
        ("2(a)", "Adoption of the agenda"),
        ("2(b)", "Opening of the meeting"),
        ("3", "Adoption of the report"),
    ]


def test_reorder_items_takes_the_sub_items_of_one_parent(agenda):
    titles = ["Adoption of the agenda", "Opening of the meeting"]
    services.reorder_items(agenda, [item(agenda, title).pk for title in titles])
    assert numbered(agenda)[1:3] == [
        ("1(a)", "Adoption of the agenda"),
        ("1(b)", "Opening of the meeting"),
    ]


def test_reorder_items_refuses_a_partial_list(agenda):
    before = list(agenda.items.values_list("pk", "position"))
    with pytest.raises(ValidationError) as error:
        services.reorder_items(agenda, [item(agenda, "Future priorities").pk])
    assert error.value.messages == [
        "List every item of the agenda, or every sub-item of one item, exactly once."
    ]
    assert list(agenda.items.values_list("pk", "position")) == before


def test_add_documentation_by_symbol_lists_documents_in_order(agenda):
    DocumentFactory(symbol="CAC/COSP/WG.4/2020/4")
    DocumentFactory(symbol="CAC/COSP/WG.4/2020/3")
    target = item(agenda, "Future priorities")
    services.add_documentation(target, "CAC/COSP/WG.4/2020/4")
    services.add_documentation(target, "cac/cosp/wg.4/2020/3", "background")
    purposes = target.documentation.values_list("document__symbol", "purpose__code", "position")
    assert list(purposes) == [
        ("CAC/COSP/WG.4/2020/4", None, 10),
        ("CAC/COSP/WG.4/2020/3", "background", 20),
    ]
    with pytest.raises(ValidationError) as error:
        services.add_documentation(target, "CAC/COSP/WG.4/2020/3", "for-ratification")
    assert error.value.message_dict == {"purpose": ["There is no purpose “for-ratification”."]}


def test_add_documentation_refuses_an_unknown_symbol_and_a_repeat(agenda):
    document = DocumentFactory(symbol="CAC/COSP/WG.4/2020/4")
    target = item(agenda, "Future priorities")
    with pytest.raises(ValidationError) as error:
        services.add_documentation(target, "CAC/COSP/WG.4/2020/9")
    assert error.value.message_dict == {"document": ["There is no document CAC/COSP/WG.4/2020/9."]}
    services.add_documentation(target, document)
    with pytest.raises(ValidationError) as error:
        services.add_documentation(target, document)
    assert error.value.messages == [
        "Documentation with this Agenda item and Document already exists."
    ]
    assert target.documentation.count() == 1


def test_create_document_parses_the_symbol_and_saves_editions():
    document = services.create_document(
        symbol="CAC/COSP/WG.4/2020/1/Rev.1",
        title_en="Annotated provisional agenda",
        editions=[{"language": "zh-hans", "job_number": "V.20-04026 (C)"}],
    )
    assert (document.body_prefix, document.year, document.number, document.suffixes) == (
        "CAC/COSP/WG.4",
        2020,
        "1",
        "Rev.1",
    )
    assert list(document.editions.values_list("language", "job_number")) == [
        ("zh-hans", "V.20-04026 (C)")
    ]


def test_create_document_with_a_bad_edition_saves_nothing():
    with pytest.raises(ValidationError) as error:
        services.create_document(
            symbol="CAC/COSP/WG.4/2020/4",
            title_en="Background paper",
            editions=[{"language": "zh-hans", "job_number": "V.20-04026 (E)"}],
        )
    assert error.value.message_dict == {
        "job_number": ["The Chinese version's job number ends in (C)."]
    }
    assert Document.objects.count() == 0


def test_a_unique_constraint_failing_at_insert_is_a_validation_error_not_a_500():
    """A row inserted between the checks and our insert (another person saving the same
    symbol at that moment) makes the INSERT fail; the service reports it as a
    ValidationError and saves nothing."""
    document = Document(symbol="CAC/COSP/WG.4/2020/4", title_en="Mine")

    def competing_insert(execute, sql, params, many, context):
        if sql.startswith('INSERT INTO "agendas_document"') and "Mine" in (params or ()):
            Document.objects.create(symbol="CAC/COSP/WG.4/2020/4", title_en="Theirs")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(competing_insert), pytest.raises(ValidationError) as error:
        services.save_document(document)
    assert error.value.messages == [
        "This change conflicts with one saved at the same moment. Reload and try again."
    ]
    # The competing row was written inside our savepoint here, so it is rolled back too.
    assert Document.objects.filter(title_en="Mine").count() == 0
