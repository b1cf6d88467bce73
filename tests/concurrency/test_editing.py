"""Two officers at work on one agenda: every scenario that once lost work, replayed with
two clients, now ends with nothing lost and a clear message.

The admin's forms and the drafting page write only what the person changed, onto the
row as it is now; a field both people changed is refused beside the field with what the
other saved; the UPDATE itself checks the row's version. These interleavings are
deterministic, so they run on SQLite and on PostgreSQL alike; the races that need two
transactions at once are in test_races.py.
"""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from agendas import services
from agendas.models import AgendaItem
from agendas.services import StaleEditError
from tests.admin_helpers import form_data
from tests.factories import AgendaFactory, UserFactory

pytestmark = pytest.mark.django_db


def officer(name):
    client = Client()
    client.force_login(UserFactory(username=name, is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def ana():
    return officer("ana")


@pytest.fixture
def ben():
    return officer("ben")


@pytest.fixture
def agenda():
    agenda = AgendaFactory()
    for number in range(1, 9):
        services.add_agenda_item(agenda, title_en=f"Item {number}", title_fr=f"Point {number}")
    return agenda


def item(agenda, number):
    return AgendaItem.objects.filter(agenda=agenda, parent=None).order_by("position")[number - 1]


def item_url(obj):
    return reverse("admin:agendas_agendaitem_change", args=[obj.pk])


def agenda_url(agenda):
    return reverse("admin:agendas_agenda_change", args=[agenda.pk])


def errors_of(response):
    form = response.context["adminform"].form
    return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


# Two people save the same item ------------------------------------------------------


def test_the_second_save_of_one_field_is_refused_with_what_the_first_saved(agenda, ana, ben):
    second = item(agenda, 2)
    page_of_ana = form_data(ana.get(item_url(second)))
    page_of_ben = form_data(ben.get(item_url(second)))

    page_of_ana["title_en"] = "Ana’s title"
    assert ana.post(item_url(second), page_of_ana).status_code == 302
    page_of_ben["title_en"] = "Ben’s title"
    refused = ben.post(item_url(second), page_of_ben)

    assert refused.status_code == 200
    assert errors_of(refused) == {
        "title_en": [
            "Someone else changed this after you opened the page; it is now “Ana’s title”. "
            "Yours is kept here: save again to replace theirs."
        ]
    }
    assert 'value="Ben’s title"' in refused.content.decode() or "Ben’s title" in (
        refused.content.decode()
    )
    second.refresh_from_db()
    assert second.title_en == "Ana’s title"

    # Ben read Ana's title and saves his again: now deliberately, it replaces hers.
    again = ben.post(item_url(second), form_data(refused))
    assert again.status_code == 302
    second.refresh_from_db()
    assert second.title_en == "Ben’s title"


def test_two_people_saving_different_languages_of_one_item_both_keep_their_text(agenda, ana, ben):
    second = item(agenda, 2)
    page_of_ana = form_data(ana.get(item_url(second)))
    page_of_ben = form_data(ben.get(item_url(second)))
    page_of_ana["title_en"] = "Organizational matters"
    page_of_ben["title_fr"] = "Questions d’organisation"

    assert ana.post(item_url(second), page_of_ana).status_code == 302
    assert ben.post(item_url(second), page_of_ben).status_code == 302

    second.refresh_from_db()
    assert (second.title_en, second.title_fr) == (
        "Organizational matters",
        "Questions d’organisation",
    )


# A stale agenda page does not revert rows its user did not touch --------------------


def inline_prefix(data, obj):
    return next(k for k, v in data.items() if k.endswith("-id") and v == obj.pk)[: -len("-id")]


def test_an_older_agenda_page_writes_only_the_row_its_user_edited(agenda, ana, ben):
    second, eighth = item(agenda, 2), item(agenda, 8)
    page_of_ben = form_data(ben.get(agenda_url(agenda)))  # opened first, saved last
    page_of_ana = form_data(ana.get(agenda_url(agenda)))
    page_of_ana[f"{inline_prefix(page_of_ana, second)}-title_en"] = "Ana’s item 2"
    assert ana.post(agenda_url(agenda), page_of_ana).status_code == 302

    page_of_ben[f"{inline_prefix(page_of_ben, eighth)}-title_en"] = "Ben’s item 8"
    response = ben.post(agenda_url(agenda), page_of_ben)

    assert response.status_code == 302
    second.refresh_from_db()
    eighth.refresh_from_db()
    assert (second.title_en, eighth.title_en) == ("Ana’s item 2", "Ben’s item 8")


# Two people reorder at once ------------------------------------------------------------


def outline(agenda):
    return list(
        AgendaItem.objects.filter(agenda=agenda, parent=None)
        .order_by("position")
        .values_list("title_en", flat=True)
    )


def test_two_moves_from_two_pages_both_happen(agenda, ana, ben):
    url = reverse("drafting:outline", args=[agenda.pk])
    third, sixth = item(agenda, 3), item(agenda, 6)
    # Both pages show 1–8; each moves an entry up.
    assert ana.post(url, {"action": "up", "item": third.pk}).status_code == 302
    assert ben.post(url, {"action": "up", "item": sixth.pk}).status_code == 302
    assert outline(agenda) == [
        "Item 1", "Item 3", "Item 2", "Item 4", "Item 6", "Item 5", "Item 7", "Item 8",
    ]  # fmt: skip


def test_two_position_edits_on_two_agenda_pages_both_happen(agenda, ana, ben):
    first, eighth = item(agenda, 1), item(agenda, 8)
    page_of_ana = form_data(ana.get(agenda_url(agenda)))
    page_of_ben = form_data(ben.get(agenda_url(agenda)))
    page_of_ana[f"{inline_prefix(page_of_ana, eighth)}-position"] = 5  # to the top
    page_of_ben[f"{inline_prefix(page_of_ben, first)}-position"] = 85  # to the end

    assert ana.post(agenda_url(agenda), page_of_ana).status_code == 302
    assert ben.post(agenda_url(agenda), page_of_ben).status_code == 302

    assert outline(agenda) == [
        "Item 8", "Item 2", "Item 3", "Item 4", "Item 5", "Item 6", "Item 7", "Item 1",
    ]  # fmt: skip


# The drafting page ------------------------------------------------------------------------


def drafting_save(client, obj, shown_page, **changes):
    data = {**shown_page, **changes}
    return client.post(reverse("drafting:item", args=[obj.pk]), data, HTTP_X_DRAFTING_FRAGMENT="1")


def shown_form(client, agenda, obj, languages):
    url = reverse("drafting:agenda", args=[agenda.pk])
    response = client.get(url, {"item": obj.pk, "languages": languages})
    form = response.context["item_form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is True:
            data[name] = "on"
        elif value not in (None, False):
            data[name] = value
    return data


def test_drafting_two_translators_at_once_keep_both_languages(agenda, ana, ben):
    second = item(agenda, 2)
    page_of_ana = shown_form(ana, agenda, second, ["en"])
    page_of_ben = shown_form(ben, agenda, second, ["fr"])
    assert (
        drafting_save(ana, second, page_of_ana, title_en="Organizational matters").status_code
        == 200
    )
    assert (
        drafting_save(ben, second, page_of_ben, title_fr="Questions d’organisation").status_code
        == 200
    )
    second.refresh_from_db()
    assert (second.title_en, second.title_fr) == (
        "Organizational matters",
        "Questions d’organisation",
    )


def test_drafting_one_field_saved_twice_is_refused_and_kept(agenda, ana, ben):
    second = item(agenda, 2)
    page_of_ana = shown_form(ana, agenda, second, ["en"])
    page_of_ben = shown_form(ben, agenda, second, ["en"])
    drafting_save(ana, second, page_of_ana, annotation_en="<p>Ana’s paragraph.</p>")
    refused = drafting_save(ben, second, page_of_ben, annotation_en="<p>Ben’s paragraph.</p>")

    form = refused.context["item_form"]
    assert form.errors == {
        "annotation_en": [
            "Someone else changed this after you opened the page; it is now "
            "“<p>Ana’s paragraph.</p>”. Yours is kept here: save again to replace theirs."
        ]
    }
    assert form["annotation_en"].value() == "<p>Ben’s paragraph.</p>"
    second.refresh_from_db()
    assert second.annotation_en == "<p>Ana’s paragraph.</p>"


def test_drafting_a_save_of_an_entry_someone_removed_is_a_404(agenda, ana, ben):
    second = item(agenda, 2)
    page_of_ben = shown_form(ben, agenda, second, ["en"])
    services.remove_agenda_item(item(agenda, 2))
    assert drafting_save(ben, second, page_of_ben, title_en="Too late").status_code == 404


# The services -----------------------------------------------------------------------------


def test_a_service_save_from_an_old_copy_of_a_row_is_refused_and_writes_nothing(agenda):
    old_copy, fresh = item(agenda, 2), item(agenda, 2)
    fresh.title_en = "Saved first"
    services.save_agenda_item(fresh)

    old_copy.title_en = "Saved from an old copy"
    with pytest.raises(StaleEditError) as refused:
        services.save_agenda_item(old_copy)

    assert refused.value.messages == [
        "Someone else saved the agenda item “Saved from an old copy” after you opened it, so "
        "nothing of yours was saved; what you typed is kept here. Now saved: "
        "title [en]: “Saved first”."
    ]
    assert item(agenda, 2).title_en == "Saved first"
    assert item(agenda, 2).version == 2  # created at 1, then saved once


def test_a_save_of_a_row_someone_deleted_is_refused_not_resurrected(agenda):
    copy = item(agenda, 2)
    AgendaItem.objects.filter(pk=copy.pk).delete()
    copy.title_en = "Still here?"
    with pytest.raises(ValidationError) as refused:
        services.save_agenda_item(copy)
    assert "was removed by someone else" in refused.value.messages[0]
    assert not AgendaItem.objects.filter(pk=copy.pk).exists()


def test_saving_the_agenda_page_writes_no_row_its_user_did_not_touch(agenda, ana):
    page = form_data(ana.get(agenda_url(agenda)))
    versions = dict(AgendaItem.objects.filter(agenda=agenda).values_list("pk", "version"))
    third = item(agenda, 3)
    page[f"{inline_prefix(page, third)}-title_en"] = "Item three"

    assert ana.post(agenda_url(agenda), page).status_code == 302

    after = dict(AgendaItem.objects.filter(agenda=agenda).values_list("pk", "version"))
    assert {pk for pk in after if after[pk] != versions[pk]} == {third.pk}
