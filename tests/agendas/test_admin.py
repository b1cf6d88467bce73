"""The admin: every page renders, query counts do not grow with rows, agendas edit on one page."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from agendas.models import (
    Agenda,
    AgendaItem,
    Body,
    Document,
    DocumentPurpose,
    Room,
    Session,
    Venue,
)
from publishing.models import PublishedVersion
from publishing.services import publish_agenda
from resolutions.models import Resolution
from scheduling.models import JointMeeting, TimeSlot
from tests.admin_helpers import form_data, formset_of
from tests.factories import (
    AccessAttemptFactory,
    AccessFailureLogFactory,
    AccessLogFactory,
    AgendaEditionFactory,
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    CitationFactory,
    DocumentationLinkFactory,
    DocumentEditionFactory,
    DocumentFactory,
    JointParticipantFactory,
    ResolutionFactory,
    RoomFactory,
    SessionFactory,
    SlotItemFactory,
    TimeSlotFactory,
    VenueFactory,
)


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def add_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


def make_body():
    return BodyFactory(parent=BodyFactory())


def make_agenda():
    agenda = AgendaFactory()
    AgendaEditionFactory(agenda=agenda)
    return agenda


def make_item():
    parent = AgendaItemFactory()
    item = AgendaItemFactory(agenda=parent.agenda, parent=parent)
    DocumentationLinkFactory(item=item)
    CitationFactory(item=item)
    return item


def make_document():
    document = DocumentFactory()
    DocumentEditionFactory(document=document)
    return document


def make_joint_meeting():
    participant = JointParticipantFactory()
    participant.items.add(AgendaItemFactory(agenda__session=participant.session))
    return participant.joint_meeting


def make_time_slot():
    session = SessionFactory()
    slot = TimeSlotFactory(
        session=session,
        room=RoomFactory(venue=session.venue),
        joint_meeting=JointParticipantFactory(session=session).joint_meeting,
    )
    SlotItemFactory(slot=slot, item=AgendaItemFactory(agenda__session=session))
    return slot


def make_purpose():
    return DocumentPurpose.objects.create(
        code=f"for-{DocumentPurpose.objects.count()}", name_en="For ratification"
    )


def make_published_version():
    agenda = make_agenda()
    AgendaItemFactory(agenda=agenda)
    return publish_agenda(agenda)


MAKERS = {
    Body: make_body,
    Session: SessionFactory,
    Agenda: make_agenda,
    AgendaItem: make_item,
    Document: make_document,
    Resolution: ResolutionFactory,
    Venue: VenueFactory,
    Room: RoomFactory,
    JointMeeting: make_joint_meeting,
    TimeSlot: make_time_slot,
    PublishedVersion: make_published_version,
    DocumentPurpose: make_purpose,
}


# django-axes' records of logins: written by axes only, read in the admin.
LOGIN_RECORDS = {
    AccessAttempt: AccessAttemptFactory,
    AccessLog: AccessLogFactory,
    AccessFailureLog: AccessFailureLogFactory,
}


def test_every_registered_model_has_a_maker():
    assert set(admin.site._registry) == {*MAKERS, *LOGIN_RECORDS, User, Group}


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.label)
def test_every_admin_page_renders(secretariat, secretariat_client, model):
    auth_objects = {User: lambda: secretariat, Group: lambda: Group.objects.create(name="Editors")}
    obj = {**MAKERS, **LOGIN_RECORDS, **auth_objects}[model]()
    for url in (changelist_url(model), add_url(model), change_url(obj)):
        response = secretariat_client.get(url)
        # A published version is never written again, nor added except by publishing;
        # login records are added by logging in.
        added_elsewhere = model is PublishedVersion or model in LOGIN_RECORDS
        expected = 403 if added_elsewhere and url == add_url(model) else 200
        assert response.status_code == expected, url


# Queries of each changelist, measured; the same for 1 row and for 20.
CHANGELIST_QUERIES = {
    Body: 5,
    Session: 8,
    Agenda: 5,
    AgendaItem: 4,
    Document: 8,
    Resolution: 7,
    Venue: 5,
    Room: 5,
    JointMeeting: 8,
    TimeSlot: 10,
    PublishedVersion: 7,
    DocumentPurpose: 5,
}


@pytest.mark.parametrize("model", list(MAKERS), ids=lambda m: m._meta.label)
def test_changelist_query_count_does_not_grow_with_rows(
    secretariat_client, django_assert_num_queries, model
):
    MAKERS[model]()
    url = changelist_url(model)
    ContentType.objects.clear_cache()
    with django_assert_num_queries(CHANGELIST_QUERIES[model]):
        assert secretariat_client.get(url).status_code == 200
    for _ in range(19):
        MAKERS[model]()
    ContentType.objects.clear_cache()
    with django_assert_num_queries(CHANGELIST_QUERIES[model]):
        response = secretariat_client.get(url)
    assert (
        response.context["cl"].result_count
        == model.objects.filter(
            pk__in=[obj.pk for obj in response.context["cl"].result_list]
        ).count()
    )
    assert len(response.context["cl"].result_list) >= 20


def agenda_with_items(count):
    agenda = make_agenda()
    top = None
    for index in range(count):
        # Every third item is a sub-item of the last top-level one: 1., (a), (b), 2. ...
        parent = top if index % 3 else None
        item = AgendaItemFactory(agenda=agenda, parent=parent, position=(index + 1) * 10)
        DocumentationLinkFactory(item=item)
        if parent is None:
            top = item
    return agenda


AGENDA_PAGE_QUERIES = 12


def test_agenda_change_page_query_count_is_the_same_for_1_and_20_items(
    secretariat_client, django_assert_num_queries
):
    one = agenda_with_items(1)
    twenty = agenda_with_items(20)
    ContentType.objects.clear_cache()
    with django_assert_num_queries(AGENDA_PAGE_QUERIES):
        response = secretariat_client.get(change_url(one))
    assert response.status_code == 200
    ContentType.objects.clear_cache()
    with django_assert_num_queries(AGENDA_PAGE_QUERIES):
        response = secretariat_client.get(change_url(twenty))
    assert response.status_code == 200
    numbers = [
        form.instance.derived_number for form in formset_of(response, AgendaItem).initial_forms
    ]
    assert numbers[:7] == ["1", "1(a)", "1(b)", "2", "2(a)", "2(b)", "3"]


def test_agenda_page_links_each_item_to_its_documentation_and_citations(secretariat_client):
    agenda = agenda_with_items(2)
    item = agenda.items.get(parent__isnull=False)
    content = secretariat_client.get(change_url(agenda)).content.decode()
    assert f'href="{change_url(item)}">Edit documentation and citations</a>' in content


def test_agenda_page_offers_only_items_of_the_same_agenda_as_parents(secretariat_client):
    agenda = agenda_with_items(2)
    stranger = AgendaItemFactory(title_en="Item of another agenda")
    response = secretariat_client.get(change_url(agenda))
    formset = formset_of(response, AgendaItem)
    choices = [value for value, _label in formset.forms[0].fields["parent"].choices]
    assert choices == ["", *[item.pk for item in agenda.items.order_by("position")]]
    assert stranger.pk not in choices


def test_translated_fields_are_tabbed_without_any_cdn(secretariat_client):
    agenda = agenda_with_items(1)
    content = secretariat_client.get(change_url(agenda)).content.decode()
    assert "/static/agendas/admin/translation_tabs.js" in content
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in content
    assert "googleapis" not in content
    assert "//" not in content.split("<script")[1].split(">")[0].replace("/static/", "")
    for suffix in ("ar", "zh_hans", "en", "fr", "ru", "es"):
        assert f'name="items-0-title_{suffix}"' in content
        assert f'name="items-0-annotation_{suffix}"' in content


def test_saving_the_agenda_page_reorders_items_by_typed_positions(secretariat_client):
    agenda = agenda_with_items(3)  # 1., 1(a), 1(b)
    first, sub_a, sub_b = agenda.items.order_by("position")
    data = form_data(secretariat_client.get(change_url(agenda)))
    # Type 5 for (b): it becomes (a) without anyone retyping a number.
    index = [k for k, v in data.items() if k.endswith("-id") and v == sub_b.pk][0]
    data[index.replace("-id", "-position")] = 5
    data["items-0-title_fr"] = "Questions d’organisation"
    response = secretariat_client.post(change_url(agenda), data)
    assert response.status_code == 302, response.context["errors"]
    assert list(agenda.items.order_by("position").values_list("pk", "position")) == [
        (first.pk, 10),
        (sub_b.pk, 20),
        (sub_a.pk, 30),
    ]
    first.refresh_from_db()
    assert first.title_fr == "Questions d’organisation"


def test_item_page_edits_documentation_and_citations_and_returns_to_the_agenda(
    secretariat_client,
):
    item = AgendaItemFactory()
    document = DocumentFactory(symbol="TEST/WG.1/2020/4")
    resolution = ResolutionFactory(session_number=8, number=7)
    data = form_data(secretariat_client.get(change_url(item)))
    data.update(
        {
            "documentation-TOTAL_FORMS": 1,
            "documentation-0-document": document.pk,
            "documentation-0-purpose": DocumentPurpose.objects.get(code="for-decision").pk,
            "documentation-0-position": 1,
            "citations-TOTAL_FORMS": 1,
            "citations-0-resolution": resolution.pk,
            "citations-0-placement": "title",
            "citations-0-position": 1,
        }
    )
    response = secretariat_client.post(change_url(item), data)
    assert response.status_code == 302
    assert response["Location"] == change_url(item.agenda)
    assert list(item.documentation.values_list("document__symbol", "purpose__code")) == [
        ("TEST/WG.1/2020/4", "for-decision")
    ]
    assert list(item.citations.values_list("resolution__number", "placement")) == [(7, "title")]


def test_move_actions_renumber_items(secretariat_client):
    agenda = AgendaFactory()
    one, two, three = (
        AgendaItemFactory(agenda=agenda, position=p, title_en=t)
        for p, t in ((10, "One"), (20, "Two"), (30, "Three"))
    )
    response = secretariat_client.post(
        changelist_url(AgendaItem),
        {"action": "move_up", "_selected_action": [three.pk]},
    )
    assert response.status_code == 302
    assert list(agenda.items.order_by("position").values_list("title_en", flat=True)) == [
        "One",
        "Three",
        "Two",
    ]
    secretariat_client.post(
        changelist_url(AgendaItem),
        {"action": "move_down", "_selected_action": [one.pk]},
    )
    assert list(agenda.items.order_by("position").values_list("title_en", flat=True)) == [
        "Three",
        "One",
        "Two",
    ]
    assert two.pk in agenda.items.values_list("pk", flat=True)


def test_document_search_finds_a_symbol(secretariat_client):
    DocumentFactory(symbol="CAC/COSP/WG.4/2020/4", title_en="Background paper")
    DocumentFactory(symbol="CAC/COSP/WG.4/2020/3", title_en="Other paper")
    response = secretariat_client.get(changelist_url(Document), {"q": "CAC/COSP/WG.4/2020/4"})
    assert [d.symbol for d in response.context["cl"].result_list] == ["CAC/COSP/WG.4/2020/4"]


def test_document_list_filters_by_body_year_and_series(secretariat_client):
    DocumentFactory(symbol="CAC/COSP/WG.4/2020/CRP.1")
    DocumentFactory(symbol="CAC/COSP/WG.4/2020/4")
    DocumentFactory(symbol="CAC/COSP/2019/4")
    response = secretariat_client.get(
        changelist_url(Document), {"body_prefix": "CAC/COSP/WG.4", "year": 2020, "series": "CRP"}
    )
    assert [d.symbol for d in response.context["cl"].result_list] == ["CAC/COSP/WG.4/2020/CRP.1"]


def test_session_page_edits_its_time_slots(secretariat_client):
    session = SessionFactory(start_date=datetime.date(2020, 8, 31))
    room = RoomFactory(venue=session.venue)
    TimeSlotFactory(session=session, room=room)
    data = form_data(secretariat_client.get(change_url(session)))
    data.update(
        {
            "time_slots-TOTAL_FORMS": 2,
            "time_slots-1-date": "2020-09-01",
            "time_slots-1-start_time": "15:00",
            "time_slots-1-end_time": "17:00",
            "time_slots-1-room": room.pk,
            "time_slots-1-kind": "meeting",
            "time_slots-1-note_en": "Informal consultations",
        }
    )
    response = secretariat_client.post(change_url(session), data)
    assert response.status_code == 302, response.context["errors"]
    assert list(
        session.time_slots.order_by("date").values_list("date", "start_time", "note_en")
    ) == [
        (datetime.date(2020, 8, 31), datetime.time(11, 0), None),
        (datetime.date(2020, 9, 1), datetime.time(15, 0), "Informal consultations"),
    ]
