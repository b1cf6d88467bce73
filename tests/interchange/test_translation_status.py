"""What is left to translate: counts per agenda and language, the to-do list with links
to each text, on the agenda's Translations page and on the admin's home page."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from lxml import html

from agendas import services
from interchange.translation_status import agenda_progress
from tests.factories import AgendaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda():
    agenda = AgendaFactory(
        original_language="en",
        session__body__name_en="Working Group on Prevention",
        session__body__short_name_en="Working Group",
        session__venue__name_en="Vienna International Centre",
        session__venue__city_en="Vienna",
    )
    agenda.opening = services.add_agenda_item(
        agenda, title_en="Opening of the meeting", title_fr="Ouverture de la réunion"
    )
    review = services.add_agenda_item(
        agenda, title_en="Review", title_fr="Examen", annotation_en="<p>The review.</p>"
    )
    review.title_en = "Review of implementation"
    agenda.review = services.save_agenda_item(review)
    return agenda


def counts(progress):
    return {p.code: (p.missing, p.outdated, p.up_to_date) for p in progress}


def test_each_language_counts_its_missing_outdated_and_up_to_date_texts(agenda):
    progress = agenda_progress(agenda)

    # Two titles and an annotation; the body's name and short name; the venue's name
    # and city. French: the opening up to date, the review's title outdated.
    assert counts(progress) == {
        "ar": (7, 0, 0),
        "zh-hans": (7, 0, 0),
        "fr": (5, 1, 1),
        "ru": (7, 0, 0),
        "es": (7, 0, 0),
    }
    assert [p.complete for p in progress] == [False] * 5


def test_the_to_do_list_is_in_reading_order_and_links_to_each_text(agenda):
    (french,) = agenda_progress(agenda, ["fr"])
    drafting = reverse("drafting:agenda", args=[agenda.pk])
    body = agenda.session.body
    venue = agenda.session.venue

    assert [(t.place, t.status.label, t.status.status, t.url) for t in french.todo] == [
        (
            "Item 2",
            "title",
            "outdated",
            f"{drafting}?item={agenda.review.pk}&languages=fr#item_title_fr",
        ),
        (
            "Item 2",
            "annotation",
            "missing",
            f"{drafting}?item={agenda.review.pk}&languages=fr#item_annotation_fr",
        ),
        (
            "Working Group",
            "name",
            "missing",
            reverse("admin:agendas_body_change", args=[body.pk]) + "#id_name_fr",
        ),
        (
            "Working Group",
            "short name",
            "missing",
            reverse("admin:agendas_body_change", args=[body.pk]) + "#id_short_name_fr",
        ),
        (
            "Vienna International Centre",
            "name",
            "missing",
            reverse("admin:agendas_venue_change", args=[venue.pk]) + "#id_name_fr",
        ),
        (
            "Vienna International Centre",
            "city",
            "missing",
            reverse("admin:agendas_venue_change", args=[venue.pk]) + "#id_city_fr",
        ),
    ]
    assert french.todo[0].status.diff == "Review<ins> of implementation</ins>"


def test_an_agenda_translated_throughout_is_complete(agenda):
    for obj, fields in (
        (agenda.session.body, {"name_fr": "Groupe", "short_name_fr": "Groupe"}),
        (agenda.session.venue, {"name_fr": "Centre international", "city_fr": "Vienne"}),
    ):
        for name, value in fields.items():
            setattr(obj, name, value)
        services.SAVERS[type(obj)](obj)
    review = agenda.review
    review.title_fr, review.annotation_fr = "Examen de l’application", "<p>L’examen.</p>"
    services.save_agenda_item(review)

    (french,) = agenda_progress(agenda, ["fr"])

    assert (french.missing, french.outdated, french.up_to_date, french.complete) == (0, 0, 7, True)
    assert french.todo == []


# The page -----------------------------------------------------------------------------


def page_url(agenda, **query):
    url = reverse("admin:agendas_agenda_translations", args=[agenda.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def rows(tree):
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("th|td")]
        for row in tree.xpath("//table[@class='translation-counts']/tbody/tr")
    ]


def test_the_page_counts_every_language_and_lists_one_languages_to_do(secretariat_client, agenda):
    response = secretariat_client.get(page_url(agenda, language="fr"))
    tree = html.fromstring(response.content.decode())

    assert response.status_code == 200
    assert rows(tree) == [
        ["Arabic", "7", "0", "0"],
        ["Chinese", "7", "0", "0"],
        ["French", "5", "1", "1"],
        ["Russian", "7", "0", "0"],
        ["Spanish", "7", "0", "0"],
    ]
    assert tree.xpath("string(//h2[@id='todo-heading'])") == "To do in French"
    entries = tree.xpath("//ol[@class='translation-todo']/li")
    assert len(entries) == 6
    first = entries[0]
    assert " ".join(first.xpath("string(p)").split()) == "outdated Item 2 – title Translate"
    (diff,) = first.xpath("div[@class='translation-source']")
    assert html.tostring(diff, encoding="unicode", with_tail=False) == (
        '<div class="translation-source" lang="en" dir="ltr">Review<ins> of implementation'
        "</ins></div>"
    )
    assert " ".join(entries[1].xpath("string(div)").split()) == "The review."


def test_staff_start_with_the_first_language_with_something_to_do(secretariat_client, agenda):
    tree = html.fromstring(secretariat_client.get(page_url(agenda)).content.decode())
    assert tree.xpath("string(//h2[@id='todo-heading'])") == "To do in Arabic"


def test_a_translator_sees_their_language_first_and_chosen(make_translator, agenda):
    client = Client()
    client.force_login(make_translator("ru"))

    tree = html.fromstring(client.get(page_url(agenda)).content.decode())

    assert [row[0] for row in rows(tree)] == ["Russian", "Arabic", "Chinese", "French", "Spanish"]
    assert tree.xpath("string(//h2[@id='todo-heading'])") == "To do in Russian"


def test_a_language_with_nothing_to_do_says_so(secretariat_client):
    agenda = AgendaFactory(
        original_language="en",
        session__body__name_fr="Groupe de travail",
        session__body__short_name_fr="Groupe",
        session__venue__name_fr="Centre international de Vienne",
        session__venue__city_fr="Vienne",
    )
    services.add_agenda_item(agenda, title_en="Opening", title_fr="Ouverture")
    tree = html.fromstring(secretariat_client.get(page_url(agenda, language="fr")).content.decode())
    assert "Nothing to do: every text is translated and up to date." in tree.text_content()


# Measured: the person's session and user; the agenda with its session and body; its
# items, sections, footnotes, documentation, citations, the session's slots and its
# venue; the records of every text, in one query.
PAGE_QUERIES = 11


@pytest.mark.parametrize("count", [1, 20])
def test_the_page_takes_the_same_queries_for_1_and_20_items(
    secretariat_client, django_assert_num_queries, count
):
    agenda = AgendaFactory(original_language="en")
    for number in range(count):
        services.add_agenda_item(agenda, title_en=f"Item {number}", title_fr=f"Point {number}")
    secretariat_client.get(page_url(agenda))  # the session and caches warm
    ContentType.objects.clear_cache()

    with django_assert_num_queries(PAGE_QUERIES):
        response = secretariat_client.get(page_url(agenda, language="fr"))

    assert response.status_code == 200
    assert rows(html.fromstring(response.content.decode()))[2] == ["French", "4", "0", str(count)]


# The admin's home page ----------------------------------------------------------------------


def overview(client):
    tree = html.fromstring(client.get(reverse("admin:index")).content.decode())
    return (
        tree.xpath("string(//div[@id='translation-overview']/h2)"),
        rows(tree),
    )


def test_a_translators_home_page_begins_with_their_languages(make_translator, agenda):
    client = Client()
    client.force_login(make_translator("fr"))
    assert overview(client) == ("Your translations", [["French", "5", "1", "1"]])


def test_staff_home_page_shows_every_language(secretariat_client, agenda):
    title, found = overview(secretariat_client)
    assert title == "Translations"
    assert [row[0] for row in found] == ["Arabic", "Chinese", "French", "Russian", "Spanish"]


def test_the_home_page_of_staff_who_may_not_see_agendas_shows_no_translations(staff, agenda):
    client = Client()
    client.force_login(staff)
    assert overview(client) == ("", [])
