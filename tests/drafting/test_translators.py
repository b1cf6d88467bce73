"""The drafting pages for translators: their languages only, the original beside each
field with its status, no structural controls, and the server refusing them anyway."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode
from lxml import html

from agendas import services
from agendas.models import AgendaItem
from scheduling import services as scheduling_services
from scheduling.models import TimeSlot
from tests.factories import AgendaFactory, DocumentationLinkFactory

pytestmark = pytest.mark.django_db
FRAGMENT = {"HTTP_X_DRAFTING_FRAGMENT": "1"}


@pytest.fixture
def agenda():
    agenda = AgendaFactory(original_language="en")
    agenda.opening = services.add_agenda_item(
        agenda,
        title_en="Opening of the meeting",
        annotation_en="<p>The Chair will open the meeting.</p>",
    )
    agenda.review = services.add_agenda_item(agenda, title_en="Review")
    return agenda


@pytest.fixture
def translator(make_translator):
    client = Client()
    client.force_login(make_translator("fr"))
    return client


def agenda_url(agenda, **query):
    url = reverse("drafting:agenda", args=[agenda.pk])
    return url + ("?" + urlencode(query, doseq=True) if query else "")


def page(response):
    return html.fromstring(response.content.decode())


def messages_of(response):
    return [
        " ".join(li.text_content().split())
        for li in page(response).xpath("//ul[@class='messagelist']/li")
    ]


def test_a_translator_works_in_their_languages_only(translator, agenda):
    tree = page(translator.get(agenda_url(agenda, item=agenda.opening.pk, languages="en")))

    offered = tree.xpath("//form[@class='drafting-languages']//input[@name='languages']/@value")
    assert offered == ["fr"]
    assert tree.xpath("//form[@class='editor__item']//textarea/@name") == [
        "title_fr",
        "heading_fr",
        "annotation_fr",
    ]


def test_a_translator_sees_no_structural_control(translator, agenda):
    DocumentationLinkFactory(item=agenda.opening)
    tree = page(translator.get(agenda_url(agenda, item=agenda.opening.pk)))

    assert (
        tree.xpath(
            "count(//form[contains(@class,'outline__actions')] | //form[@class='outline__add']"
            " | //details[@class='outline__editions'] | //form[@class='editor__paste']"
            " | //form[@class='editor__footnote'] | //*[@draggable])"
        )
        == 0
    )
    assert tree.xpath("//form[contains(@action, '/remove/')]") == []
    assert tree.xpath("//select[@name='kind']/@disabled") == ["disabled"]
    assert tree.xpath("//input[@name='in_list']/@disabled") == ["disabled"]
    tools = tree.xpath("//ul[contains(@class,'drafting-tools')]//a/text()")
    assert tools == ["Masthead and layout", "Timetable", "History", "Preview", "Translations"]
    assert tree.xpath("//div[@id='workspace']/@data-structure") == ["false"]


def test_the_secretariat_keeps_every_control(secretariat_client, agenda):
    tree = page(secretariat_client.get(agenda_url(agenda, item=agenda.opening.pk)))

    assert len(tree.xpath("//form[contains(@class,'outline__actions')]")) == 2
    assert tree.xpath("//ul[contains(@class,'drafting-tools')]//a/text()")[-1] == "Publish"
    assert tree.xpath("//div[@id='workspace']/@data-structure") == ["true"]


def test_the_original_stands_beside_each_field_with_its_status(translator, agenda):
    tree = page(translator.get(agenda_url(agenda, item=agenda.opening.pk)))

    (title,) = tree.xpath("//div[@class='editor__text'][.//textarea[@name='title_fr']]")
    (source,) = title.xpath(".//div[@class='translation-source']")
    assert (source.get("lang"), source.get("dir")) == ("en", "ltr")
    assert source.xpath("string(div[1])") == "Original (English)"
    assert source.xpath("string(div[2])") == "Opening of the meeting"
    assert title.xpath("string(.//span[contains(@class,'translation-status')])") == "missing"
    (annotation,) = tree.xpath(
        "//div[@class='editor__text'][.//textarea[@name='annotation_fr']]"
        "//div[@class='translation-source__text']/p"
    )
    assert annotation.text == "The Chair will open the meeting."
    # The heading has no original text: nothing beside it, no status.
    (heading,) = tree.xpath("//div[@class='editor__text'][.//textarea[@name='heading_fr']]")
    assert heading.xpath(".//div[@class='translation-source'] | .//span") == []


def test_an_outdated_translation_shows_how_the_original_changed(translator, agenda):
    opening = agenda.opening
    opening.title_fr = "Ouverture de la réunion"
    services.save_agenda_item(opening)
    opening.title_en = "Opening of the eleventh meeting"
    services.save_agenda_item(opening)

    tree = page(translator.get(agenda_url(agenda, item=opening.pk)))

    (title,) = tree.xpath("//div[@class='editor__text'][.//textarea[@name='title_fr']]")
    assert title.xpath("string(.//span[contains(@class,'translation-status')])") == "outdated"
    (diff,) = title.xpath(".//details[@class='translation-change']/div")
    assert html.tostring(diff, encoding="unicode") == (
        '<div class="translation-diff" lang="en" dir="ltr">Opening of the <ins>eleventh </ins>'
        "meeting</div>"
    )


def test_a_translator_saves_a_text_and_the_kind_stays(translator, agenda):
    response = translator.post(
        reverse("drafting:item", args=[agenda.opening.pk]),
        {"kind": "heading", "title_fr": "Ouverture de la réunion"},
        **FRAGMENT,
    )

    assert messages_of(response) == ["Saved."]
    opening = AgendaItem.objects.get(pk=agenda.opening.pk)
    assert (opening.kind, opening.in_list, opening.title_fr) == (
        "item",
        True,
        "Ouverture de la réunion",
    )
    status = page(response).xpath(
        "string(//div[@class='editor__text'][.//textarea[@name='title_fr']]"
        "//span[contains(@class,'translation-status')])"
    )
    assert status == "up to date"


@pytest.mark.parametrize("action", ["up", "down", "indent", "outdent", "remove"])
def test_the_server_refuses_a_translators_outline_action(translator, agenda, action):
    before = list(AgendaItem.objects.values_list("pk", "parent_id", "position").order_by("pk"))
    item = agenda.review if action in ("up", "indent", "remove") else agenda.opening
    response = translator.post(
        reverse("drafting:outline", args=[agenda.pk]),
        {"action": action, "item": item.pk},
        **FRAGMENT,
    )

    assert messages_of(response) == [
        "Only the secretariat may add, move or remove entries and rows of an agenda."
    ]
    assert list(AgendaItem.objects.values_list("pk", "parent_id", "position").order_by("pk")) == (
        before
    )


def test_the_server_refuses_a_translators_other_changes(translator, agenda):
    link = DocumentationLinkFactory(item=agenda.opening)
    remove = translator.post(
        reverse("drafting:remove", args=["documentation", link.pk]), **FRAGMENT
    )
    paste = translator.post(
        reverse("drafting:documents", args=[agenda.opening.pk]), {"lines": "A/75/1"}, **FRAGMENT
    )
    add = translator.post(
        reverse("drafting:outline", args=[agenda.pk]),
        {"action": "add", "kind": "item", "title": "Autres questions"},
        **FRAGMENT,
    )
    editions = translator.post(
        reverse("drafting:editions", args=[agenda.pk]),
        {"job_number_fr": "V.20-04027 (F)"},
        **FRAGMENT,
    )

    assert messages_of(remove) == ["Only the secretariat may remove documentation."]
    assert messages_of(paste) == [
        "Only the secretariat may add, move or remove entries and rows of an agenda."
    ]
    assert messages_of(add) == ["Only the secretariat may add agenda items."]
    assert messages_of(editions) == ["Français: Only the secretariat may add language versions."]
    assert (agenda.opening.documentation.get(), agenda.items.count()) == (link, 2)
    assert agenda.editions.count() == 0


def test_a_translator_fills_the_timetable_notes_without_touching_the_rows(translator, agenda, slot):
    url = reverse("drafting:timetable", args=[agenda.session_id])
    tree = page(translator.get(url))
    assert tree.xpath("//input[@name='slots-0-date']/@disabled") == ["disabled"]
    assert tree.xpath("//input[@name='slots-TOTAL_FORMS']/@value") == ["1"]
    assert tree.xpath("//template | //button[@id='add-row']") == []

    response = translator.post(
        url,
        {
            "slots-TOTAL_FORMS": "1",
            "slots-INITIAL_FORMS": "0",
            "slots-0-slot": str(slot.pk),
            "slots-0-date": "2021-01-01",
            "slots-0-items": "2",
            "slots-0-note_fr": "Consultations officieuses",
            "slots-0-DELETE": "on",
        },
    )

    assert response.status_code == 302
    slot.refresh_from_db()
    assert (slot.date, slot.note_fr) == (datetime.date(2020, 8, 31), "Consultations officieuses")
    assert list(slot.slot_items.values_list("item__title_en", flat=True)) == [
        "Opening of the meeting"
    ]


@pytest.fixture
def slot(agenda):
    slot = scheduling_services.save_time_slot(
        TimeSlot(
            session=agenda.session,
            date=datetime.date(2020, 8, 31),
            start_time=datetime.time(10),
            end_time=datetime.time(13),
            note_en="Informal consultations",
        )
    )
    scheduling_services.take_up(slot, [agenda.opening])
    return slot
