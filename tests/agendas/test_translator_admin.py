"""Translating in the admin: a translator's forms, each language's field in its direction
with the original beside it, and refusals shown on the page with nothing saved."""

import pytest
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from agendas.models import AgendaItem
from tests.admin_helpers import form_data, formset_of
from tests.factories import AgendaFactory, AgendaItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda():
    agenda = AgendaFactory(original_language="fr")
    AgendaItemFactory(
        agenda=agenda,
        position=10,
        title_en="Opening of the session",
        title_fr="Ouverture de la session",
        annotation_fr="<p>La session sera ouverte <em>à 10 heures</em>.</p>",
    )
    AgendaItemFactory(agenda=agenda, position=20, title_fr="Adoption de l’ordre du jour")
    return agenda


def first(agenda):
    return agenda.items.order_by("position").first()


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def item_url(item):
    return reverse("admin:agendas_agendaitem_change", args=[item.pk])


def field(page, name):
    (found,) = page.xpath(f"//*[@name='{name}']")
    return found


def test_a_translator_edits_their_language_and_sees_the_rest_disabled(translator_zh, agenda):
    response = client_of(translator_zh).get(item_url(first(agenda)))
    page = lxml_html.fromstring(response.content.decode())

    assert response.status_code == 200
    assert field(page, "title_zh_hans").get("disabled") is None
    assert {
        name: field(page, name).get("disabled")
        for name in ("title_ar", "title_en", "title_fr", "title_ru", "title_es", "kind", "parent")
    } == dict.fromkeys(
        ("title_ar", "title_en", "title_fr", "title_ru", "title_es", "kind", "parent"), "disabled"
    )
    assert (field(page, "title_zh_hans").get("lang"), field(page, "title_zh_hans").get("dir")) == (
        "zh-hans",
        "ltr",
    )


def test_the_original_stands_beside_the_translation_read_only(translator_zh, agenda):
    page = lxml_html.fromstring(
        client_of(translator_zh).get(item_url(first(agenda))).content.decode()
    )

    (pair,) = page.xpath("//div[@class='translation-pair'][.//textarea[@name='title_zh_hans']]")
    (source,) = pair.xpath("div[@class='translation-source']")
    assert (source.get("lang"), source.get("dir")) == ("fr", "ltr")
    assert source.xpath("string(div[@class='translation-source__label'])") == "Original (French)"
    assert source.xpath("string(div[2])") == "Ouverture de la session"
    assert source.xpath("count(.//textarea|.//input)") == 0
    # Rich text shows as it will print.
    (annotation,) = page.xpath(
        "//div[@class='translation-pair'][.//textarea[@name='annotation_zh_hans']]"
        "//div[contains(@class, 'translation-source__text')]"
    )
    assert lxml_html.tostring(annotation[0], encoding="unicode") == (
        "<p>La session sera ouverte <em>à 10 heures</em>.</p>"
    )
    # The original itself has nothing beside it.
    assert page.xpath("//div[@class='translation-pair'][.//textarea[@name='title_fr']]") == []


def test_arabic_fields_run_right_to_left_for_everyone(secretariat_client, agenda):
    page = lxml_html.fromstring(secretariat_client.get(item_url(first(agenda))).content.decode())

    arabic = field(page, "title_ar")
    assert (arabic.get("lang"), arabic.get("dir"), arabic.get("disabled")) == ("ar", "rtl", None)
    assert field(page, "title_en").get("dir") == "ltr"
    assert page.xpath("//link[contains(@href, 'agendas/admin/translating.css')]")


def test_a_translator_saves_their_language_and_nothing_else_from_the_item_page(
    translator_zh, agenda
):
    item = first(agenda)
    client = client_of(translator_zh)
    data = form_data(client.get(item_url(item)))
    data["title_zh_hans"] = "开幕"
    # Forged: disabled fields are not taken from the request.
    data.update(title_en="Forged", kind="heading", position="99")

    response = client.post(item_url(item), data)

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title_zh_hans, item.title_en, item.kind, item.position) == (
        "开幕",
        "Opening of the session",
        "item",
        10,
    )


def test_a_translator_saves_the_agenda_page_without_moving_anything(translator_zh, agenda):
    url = reverse("admin:agendas_agenda_change", args=[agenda.pk])
    client = client_of(translator_zh)
    response = client.get(url)
    prefix = formset_of(response, AgendaItem).prefix
    data = form_data(response)
    data[f"{prefix}-1-title_zh_hans"] = "通过议程"
    data["title_zh_hans"] = "临时议程"

    response = client.post(url, data)

    assert response.status_code == 302
    assert list(agenda.items.order_by("position").values_list("position", "title_zh_hans")) == [
        (10, None),
        (20, "通过议程"),
    ]
    agenda.refresh_from_db()
    assert agenda.title_zh_hans == "临时议程"


def test_the_service_refuses_what_a_page_let_through_and_the_page_says_why(
    translator_zh, agenda, monkeypatch
):
    """Disabled fields are a courtesy: a page that did not disable them (here, with the
    admin's forms left as Django makes them) still saves nothing it may not."""
    monkeypatch.setattr("agendas.adminkit.for_editor", lambda form, user, source=None: form)
    item = first(agenda)
    client = client_of(translator_zh)
    data = form_data(client.get(item_url(item)))
    data.update(title_zh_hans="开幕", title_en="Opening")

    response = client.post(item_url(item), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "title_en": ["You may change the texts in Chinese only, not the title in English."]
    }
    item.refresh_from_db()
    assert (item.title_zh_hans, item.title_en) == (None, "Opening of the session")


def test_a_translator_may_not_add_or_delete(translator_zh, agenda):
    client = client_of(translator_zh)
    item = first(agenda)
    assert client.get(reverse("admin:agendas_agendaitem_add")).status_code == 403
    assert client.post(reverse("admin:agendas_agendaitem_delete", args=[item.pk])).status_code == (
        403
    )
    response = client.get(reverse("admin:agendas_agenda_change", args=[agenda.pk]))
    prefix = formset_of(response, AgendaItem).prefix
    html = response.content.decode()
    # The two items, with no empty row to add one and no box to delete one.
    assert (
        f'name="{prefix}-1-title_zh_hans"' in html,
        f'name="{prefix}-2-title_zh_hans"' in html,
    ) == (
        True,
        False,
    )
    assert f'name="{prefix}-0-DELETE"' not in html
    assert AgendaItem.objects.count() == 2


def test_a_translator_moving_items_is_told_no_and_nothing_moves(translator_zh, agenda):
    client = client_of(translator_zh)
    items = list(agenda.items.order_by("position"))

    response = client.post(
        reverse("admin:agendas_agendaitem_changelist"),
        {"action": "move_down", "_selected_action": [items[0].pk]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "Only the secretariat may add, move or remove entries and rows of an agenda."
    ]
    assert list(agenda.items.order_by("position").values_list("pk", flat=True)) == [
        items[0].pk,
        items[1].pk,
    ]
