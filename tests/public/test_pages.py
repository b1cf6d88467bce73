"""The public site renders published versions only, in six languages, at a fixed cost."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from publishing import queries, search
from publishing.models import PublishedVersion
from publishing.services import publish_agenda
from tests.factories import (
    AgendaEditionFactory,
    AgendaFactory,
    AgendaItemFactory,
    DocumentationLinkFactory,
    DocumentFactory,
    SessionFactory,
    SlotItemFactory,
    TimeSlotFactory,
)

pytestmark = pytest.mark.django_db


def agenda_with_items(count, **session_fields):
    agenda = AgendaFactory(session=SessionFactory(**session_fields))
    items = [AgendaItemFactory(agenda=agenda) for _ in range(count)]
    return agenda, items


def published(count=1, **session_fields):
    agenda, items = agenda_with_items(count, **session_fields)
    publish_agenda(agenda)
    return agenda, items


def agenda_url(agenda, language="en"):
    session = agenda.session
    with translation.override(language):
        return reverse(
            "public:agenda",
            kwargs={"body": session.body.slug, "session": session.number, "document": agenda.slug},
        )


def test_root_redirects_to_the_visitors_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")

    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/"


def test_agenda_page_shows_the_published_items_with_both_anchors(client):
    agenda, items = published(2)

    response = client.get(agenda_url(agenda))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="item-{items[0].uid}"' in html
    assert 'id="item-1"' in html
    assert '<a href="#item-2">Item title' in html
    assert agenda.symbol in html
    assert "<li>Distr.: General</li><li>24 July 2020</li>" in html
    assert "Annotated provisional agenda" in html


def test_documentation_links_to_undocs_in_the_page_language(client):
    agenda, items = agenda_with_items(1)
    document = DocumentFactory(symbol="TEST/WG.1/2020/4", title_en="Background paper")
    DocumentationLinkFactory(item=items[0], document=document)
    publish_agenda(agenda)

    html = client.get(agenda_url(agenda, "fr")).content.decode()

    assert 'href="https://undocs.org/fr/TEST/WG.1/2020/4"' in html


def test_arabic_page_is_right_to_left_and_marks_missing_translations(client):
    agenda, items = published(1)

    html = client.get(agenda_url(agenda, "ar")).content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert (
        f'<span lang="en" dir="ltr">{items[0].title_en}</span> '
        '<span class="untranslated">(غير متاح بالعربية بعد)</span>'
    ) in html


def test_translated_text_is_shown_without_marker(client):
    agenda, items = agenda_with_items(1)
    items[0].title_zh_hans = "会议开幕"
    items[0].save()
    publish_agenda(agenda)

    html = client.get(agenda_url(agenda, "zh-hans")).content.decode()

    assert '<span class="items__title"><a href="#item-1">会议开幕</a>。</span>' in html


def test_language_switcher_and_alternates_keep_the_page(client):
    agenda, _items = published(1)
    path = agenda_url(agenda, "en")
    french = agenda_url(agenda, "fr")

    html = client.get(path).content.decode()

    assert f'<a href="{french}" lang="fr" hreflang="fr">Français</a>' in html
    assert f'<link rel="alternate" hreflang="fr" href="http://testserver{french}">' in html
    unprefixed = path.removeprefix("/en")
    assert (
        f'<link rel="alternate" hreflang="x-default" href="http://testserver{unprefixed}">' in html
    )
    assert 'hreflang="en" href=' not in html.split("</head>")[0]


def test_the_search_page_in_another_language_keeps_the_words(client):
    client.get("/en/search/", {"q": "ouverture"})  # the path's links, remembered

    html = client.get("/en/search/", {"q": "corruption & fraude"}).content.decode()

    assert (
        '<a href="/fr/search/?q=corruption+%26+fraude" lang="fr" hreflang="fr">Français</a>' in html
    )
    arabic = client.get("/ar/search/", {"q": "x"}).content.decode()
    assert '<a href="/zh-hans/search/?q=x" lang="zh-hans" hreflang="zh-hans">中文</a>' in arabic


def test_reissued_language_edition_gets_a_starred_symbol_and_footnote(client):
    agenda, _items = agenda_with_items(1)
    AgendaEditionFactory(
        agenda=agenda,
        language="zh-hans",
        job_number="V.20-04026 (C)",
        reissued_on=datetime.date(2020, 8, 27),
    )
    publish_agenda(agenda)

    chinese = client.get(agenda_url(agenda, "zh-hans")).content.decode()
    english = client.get(agenda_url(agenda, "en")).content.decode()

    assert f'<p class="masthead__symbol" dir="ltr">{agenda.symbol}*</p>' in chinese
    assert "因技术原因于 2020 年 8 月 27 日重新印发。" in chinese
    assert '<p class="job-number">V.20-04026 (C)</p>' in chinese
    assert '<p class="barcode">*2004026*</p>' in chinese
    assert f'<p class="masthead__symbol" dir="ltr">{agenda.symbol}</p>' in english
    assert 'id="fn-reissue"' not in english


def test_draft_edits_after_publishing_stay_private(client):
    agenda, items = published(1)
    items[0].title_en = "Secret new wording"
    items[0].save()

    html = client.get(agenda_url(agenda)).content.decode()

    assert "Secret new wording" not in html


def test_earlier_version_is_readable_and_marked_superseded(client):
    agenda, items = published(1)
    items[0].title_en = "Revised wording"
    items[0].save()
    publish_agenda(agenda)
    session = agenda.session
    kwargs = {"body": session.body.slug, "session": session.number, "document": agenda.slug}
    with translation.override("en"):
        first = reverse("public:agenda-version", kwargs={**kwargs, "version": 1})
        second = reverse("public:agenda-version", kwargs={**kwargs, "version": 2})

    old = client.get(first)
    current = client.get(second)

    assert old.status_code == 200
    assert "This is version 1 of this agenda. It has been superseded." in old.content.decode()
    assert "Revised wording" not in old.content.decode()
    assert current.status_code == 302
    assert current["Location"] == agenda_url(agenda)


def test_home_lists_sessions_grouped_by_body(client):
    agenda, _items = published(1)

    html = client.get("/en/").content.decode()

    assert agenda.session.body.name_en in html
    assert f'href="{agenda_url(agenda)}"' in html


def test_programme_shows_the_published_slots_of_the_day(client):
    agenda, items = agenda_with_items(1)
    SlotItemFactory(slot=TimeSlotFactory(session=agenda.session), item=items[0])
    publish_agenda(agenda)

    response = client.get("/en/programme/2020-08-31/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{agenda_url(agenda)}#item-{items[0].uid}"' in html
    assert items[0].title_en in html


def test_programme_without_date_goes_to_the_nearest_day_with_meetings(client):
    agenda, items = agenda_with_items(1)
    SlotItemFactory(slot=TimeSlotFactory(session=agenda.session), item=items[0])
    publish_agenda(agenda)

    response = client.get("/en/programme/")

    assert response.status_code == 302
    assert response["Location"] == "/en/programme/2020-08-31/"


def test_search_finds_items_by_words_of_another_language_and_links_the_anchor(client):
    agenda, items = agenda_with_items(1)
    items[0].title_fr = "Ouverture de la réunion"
    items[0].save()
    publish_agenda(agenda)

    html = client.get("/en/search/", {"q": "ouverture"}).content.decode()

    assert f'href="{agenda_url(agenda)}#item-1"' in html
    assert '<p class="search-results__kind">Agenda item</p>' in html


def test_search_finds_documents_by_symbol(client):
    agenda, items = agenda_with_items(1)
    DocumentationLinkFactory(item=items[0], document=DocumentFactory(symbol="TEST/WG.1/2020/9"))
    publish_agenda(agenda)

    html = client.get("/en/search/", {"q": "test/wg.1/2020/9"}).content.decode()

    assert f'href="{agenda_url(agenda)}#item-1"' in html


SEARCH_LABEL = re.compile(
    r'class="search-results__label"><a href="[^"]*">(?:<bdi>[^<]*</bdi> )?([^<]*)</a>'
)


def search_labels(html):
    """The titles of the results on a search page, without their numbers."""
    return SEARCH_LABEL.findall(html)


def published_items(*titles, **fields):
    agenda = AgendaFactory()
    for title in titles:
        AgendaItemFactory(agenda=agenda, title_en=title, annotation_en="", **fields)
    publish_agenda(agenda)
    return agenda


def test_search_shows_twenty_results_a_page_and_the_next_page_keeps_the_words(client):
    published_items(*(f"Prevention topic {n}" for n in range(25)))

    first = client.get("/en/search/", {"q": "prevention"}).content.decode()
    second = client.get("/en/search/", {"q": "prevention", "page": "2"}).content.decode()

    assert "25 results</h2>" in first
    assert len(search_labels(first)) == 20
    assert '<a href="?q=prevention&amp;page=2" rel="next">Next page</a>' in first
    assert 'rel="prev"' not in first
    # The second page goes on numbering where the first stopped, and has the last five.
    assert '<ol class="search-results__list" start="21">' in second
    assert len(search_labels(second)) == 5
    assert set(search_labels(first)) | set(search_labels(second)) == {
        f"Prevention topic {n}" for n in range(25)
    }
    assert '<a href="?q=prevention&amp;page=1" rel="prev">Previous page</a>' in second
    assert 'rel="next"' not in second


@pytest.mark.parametrize(("page", "start"), [("abc", 1), ("0", 21), ("-1", 21), ("99", 21)])
def test_a_search_page_out_of_range_shows_the_first_or_the_last(client, page, start):
    # Not a number: the first page; past either end: the last one, as the year pages do.
    published_items(*(f"Prevention topic {n}" for n in range(25)))

    response = client.get("/en/search/", {"q": "prevention", "page": page})

    assert response.status_code == 200
    assert f'<ol class="search-results__list" start="{start}">' in response.content.decode()


def test_a_thing_found_in_two_languages_is_one_result_in_the_page_language(client):
    published_items("Prevention of corruption", title_fr="Prévention de la corruption")

    english = client.get("/en/search/", {"q": "corruption"}).content.decode()
    french = client.get("/fr/search/", {"q": "corruption"}).content.decode()

    assert "1 result</h2>" in english
    assert search_labels(english) == ["Prevention of corruption"]
    assert search_labels(french) == ["Prévention de la corruption"]


def test_a_result_of_a_version_older_than_the_page_language_shows_another_summary(client):
    # A version published before a language existed has no summary in it: its result
    # shows the summary in the first of the product's languages that it has.
    published_items("Prevention of corruption")
    version = PublishedVersion.objects.get()
    version.summary = {"ar": {"body": "هيئة", "session": "الدورة"}, "en": version.summary["en"]}
    version.save(update_fields=["summary"])

    french = client.get("/fr/search/", {"q": "corruption"}).content.decode()
    english = client.get("/en/search/", {"q": "corruption"}).content.decode()

    assert '<p class="search-results__context">هيئة – الدورة</p>' in french
    assert f'<p class="search-results__context">{version.summary["en"]["body"]} – ' in english


def test_a_result_whose_version_went_between_the_two_queries_still_shows(client, monkeypatch):
    # The summaries are read after the matches: an agenda deleted in between takes its
    # versions along, and the result shows without a summary instead of failing.
    published_items("Prevention of corruption")
    monkeypatch.setattr(queries, "_summaries_in", lambda language, version_ids: {})

    response = client.get("/en/search/", {"q": "corruption"})

    assert response.status_code == 200
    assert search_labels(response.content.decode()) == ["Prevention of corruption"]


def test_a_search_cut_at_its_candidates_says_there_are_more(client, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 10)
    published_items(*(f"Prevention topic {n}" for n in range(12)))

    html = client.get("/en/search/", {"q": "prevention"}).content.decode()

    assert "10 results of many: add words to narrow the search</h2>" in html
    assert len(search_labels(html)) == 10
    assert 'rel="next"' not in html


# The query count of each public page is fixed: it does not grow with the content.
AGENDA_PAGE_QUERIES = 2
HOME_QUERIES = 3
PROGRAMME_QUERIES = 3


@pytest.mark.parametrize("count", [1, 3, 50])
def test_agenda_page_query_count_does_not_depend_on_its_size(
    client, django_assert_num_queries, count
):
    agenda, _items = published(count)
    url = agenda_url(agenda)

    with django_assert_num_queries(AGENDA_PAGE_QUERIES):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_home_query_count_does_not_depend_on_the_number_of_sessions(
    client, django_assert_num_queries, count
):
    for _ in range(count):
        published(2)

    with django_assert_num_queries(HOME_QUERIES):
        response = client.get("/en/")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_programme_query_count_does_not_depend_on_the_number_of_slots(
    client, django_assert_num_queries, count
):
    for hour in range(count):
        agenda, items = agenda_with_items(1)
        slot = TimeSlotFactory(
            session=agenda.session,
            start_time=datetime.time(9 + hour * 2),
            end_time=datetime.time(10 + hour * 2),
        )
        SlotItemFactory(slot=slot, item=items[0])
        publish_agenda(agenda)

    with django_assert_num_queries(PROGRAMME_QUERIES):
        response = client.get("/en/programme/2020-08-31/")

    assert response.status_code == 200
    assert response.content.decode().count('class="programme-slot"') == count


def test_provisional_agenda_has_no_annotations_section(client):
    agenda = AgendaFactory(kind="provisional")
    AgendaItemFactory(agenda=agenda, annotation_en="<p>Not shown in a provisional agenda.</p>")
    publish_agenda(agenda)

    html = client.get(agenda_url(agenda)).content.decode()

    assert '<h1 id="document-title" class="document__title">Provisional agenda</h1>' in html
    assert 'id="annotations-heading"' not in html
    assert "Not shown in a provisional agenda." not in html


def test_special_session_has_its_own_url(client):
    agenda = AgendaFactory(session=SessionFactory(number=2, is_special=True))
    AgendaItemFactory(agenda=agenda)
    publish_agenda(agenda)
    slug = agenda.session.body.slug

    special = client.get(f"/en/bodies/{slug}/sessions/special-2/annotated-agenda/")
    regular = client.get(f"/en/bodies/{slug}/sessions/2/annotated-agenda/")

    assert special.status_code == 200
    assert regular.status_code == 404


@pytest.mark.parametrize("language", ["ar", "zh-hans", "en", "fr", "ru", "es"])
def test_a_bare_agenda_renders_in_every_language(client, language):
    """No symbol, no date of issue, no room, no time slots, text only in French."""
    agenda = AgendaFactory(symbol="", issued_on=None, original_language="fr")
    AgendaItemFactory(agenda=agenda, title_en="", title_fr="Questions d’organisation")
    publish_agenda(agenda)
    session = agenda.session

    response = client.get(
        f"/{language}/bodies/{session.body.slug}/sessions/{session.number}/annotated-agenda/"
    )

    assert response.status_code == 200
    assert "Questions d’organisation" in response.content.decode()


def test_headings_unnumbered_entries_and_item_less_slots_render(client):
    agenda = AgendaFactory()
    heading = AgendaItemFactory(agenda=agenda, kind="heading", title_en="A. Procedural matters")
    AgendaItemFactory(agenda=agenda, parent=heading, title_en="Adoption of the agenda")
    AgendaItemFactory(agenda=agenda, kind="unnumbered", title_en="Statements by delegations")
    TimeSlotFactory(session=agenda.session, note_en="Informal consultations")
    publish_agenda(agenda)
    session = agenda.session

    html = client.get(
        f"/en/bodies/{session.body.slug}/sessions/{session.number}/annotated-agenda/"
    ).content.decode()

    assert "A. Procedural matters" in html
    assert '<span class="items__number"><bdi>1.</bdi></span>' in html
    assert "Statements by delegations" in html
    assert "Informal consultations" in html


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_agenda_addresses_written_without_reversal_match_the_reversed_ones(language):
    from public.views import agenda_address

    agenda = AgendaFactory(session=SessionFactory(number=2, is_special=True))
    AgendaItemFactory(agenda=agenda)
    first = publish_agenda(agenda)
    second = publish_agenda(agenda)
    first.refresh_from_db()

    with translation.override(language):
        assert agenda_address(first) == first.get_absolute_url()
        assert agenda_address(second) == second.get_absolute_url()
    assert agenda_address(first).endswith("/sessions/special-2/annotated-agenda/versions/1/")
