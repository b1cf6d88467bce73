"""The status of each text in each language, kept by the services whatever path saves.

missing -> (translated) up to date -> (the original changes) outdated, with the
original's change as a diff -> (translation fixed) up to date; an emptied translation
is missing again.
"""

import pytest

from agendas import services
from agendas.models import AgendaItem, TranslationRecord
from agendas.queries import field_statuses
from agendas.translating import source_diff
from tests.factories import AgendaFactory

pytestmark = pytest.mark.django_db


def status(item, field="title", language="fr", source="en"):
    found = {(s.field, s.language): s for s in field_statuses([(item, field)], source, [language])}
    return found.get((field, language))


@pytest.fixture
def item():
    return services.add_agenda_item(AgendaFactory(), title_en="Adoption of the agenda")


def save(item, by=None, **texts):
    item = AgendaItem.objects.get(pk=item.pk)
    for name, value in texts.items():
        setattr(item, name, value)
    return services.save_agenda_item(item, by=by)


def test_a_text_goes_missing_up_to_date_outdated_and_up_to_date_again(item, make_translator):
    translator = make_translator("fr")
    assert status(item).status == "missing"

    item = save(item, by=translator, title_fr="Adoption de l’ordre du jour")
    assert status(item).status == "up_to_date"

    item = save(item, title_en="Adoption of the agenda and organization of work")
    outdated = status(item)
    assert outdated.status == "outdated"
    assert outdated.diff == ("Adoption of the agenda<ins> and organization of work</ins>")

    item = save(
        item, by=translator, title_fr="Adoption de l’ordre du jour et organisation des travaux"
    )
    assert status(item).status == "up_to_date"
    assert status(item).diff == ""

    item = save(item, by=translator, title_fr="")
    assert status(item).status == "missing"
    assert TranslationRecord.objects.filter(field="title", language="fr").count() == 0


def test_the_record_keeps_the_other_languages_texts_and_who_saved(item, make_translator):
    translator = make_translator("fr")
    save(item, by=translator, title_fr="Adoption de l’ordre du jour")

    record = TranslationRecord.objects.get(object_id=item.pk, field="title", language="fr")
    assert record.sources == {
        "ar": "",
        "zh-hans": "",
        "en": "Adoption of the agenda",
        "ru": "",
        "es": "",
    }
    assert record.updated_by == translator
    assert record.content_type.model == "agendaitem"


def test_a_change_back_to_the_text_translated_is_up_to_date_again(item):
    item = save(item, title_fr="Adoption de l’ordre du jour")
    item = save(item, title_en="Adoption of the agendas")
    assert status(item).status == "outdated"
    item = save(item, title_en="Adoption of the agenda")
    assert status(item).status == "up_to_date"


def test_a_save_that_changes_nothing_keeps_the_record(item, make_translator):
    item = save(item, title_fr="Adoption de l’ordre du jour")
    item = save(item, title_en="Adoption of the agendas")
    # Saving the row again (a translator's page saved unchanged) does not make the
    # translation up to date: only changing it does.
    item = save(item, by=make_translator("fr"))
    assert status(item).status == "outdated"


def test_the_status_is_measured_against_the_given_source_language(item):
    item = save(item, title_fr="Adoption de l’ordre du jour")
    item = save(item, title_ar="إقرار جدول الأعمال", title_en="Adoption of the agendas")
    # Against French (an agenda drafted in French), Arabic was translated from the
    # French text as it is: up to date; English came before the French: up to date too,
    # nothing being known of what it was made from.
    assert status(item, language="ar", source="fr").status == "up_to_date"
    assert status(item, language="en", source="fr").status == "up_to_date"
    assert status(item, language="fr", source="en").status == "outdated"
    # An original without text has nothing to translate.
    assert status(item, language="es", source="ru") is None


def test_a_text_saved_around_the_services_is_up_to_date(item):
    AgendaItem.objects.filter(pk=item.pk).update(title_fr="Adoption de l’ordre du jour")
    item.refresh_from_db()
    assert status(item).status == "up_to_date"


def test_rich_text_is_compared_and_diffed_by_its_words(item):
    item = save(item, annotation_en="<p>The Working Group will adopt its agenda.</p>")
    item = save(item, annotation_fr="<p>Le Groupe de travail adoptera son ordre du jour.</p>")
    item = save(item, annotation_en="<p>The Working Group will <em>consider</em> its agenda.</p>")
    changed = status(item, field="annotation")
    assert changed.status == "outdated"
    assert changed.diff == "The Working Group will <del>adopt</del><ins>consider</ins> its agenda."
    # Markup without words is no text to translate.
    item = save(item, annotation_en="<p></p>", annotation_fr="")
    assert status(item, field="annotation") is None


def test_the_diff_escapes_and_goes_character_by_character_in_chinese():
    assert source_diff("审议议程", "通过议程") == "<del>审议</del><ins>通过</ins>议程"
    assert source_diff("a < b", "a > b") == "a <del>&lt;</del><ins>&gt;</ins> b"


def test_a_removed_row_takes_its_records_along(item):
    save(item, title_fr="Adoption de l’ordre du jour", annotation_fr="<p>Texte.</p>")
    assert TranslationRecord.objects.filter(object_id=item.pk).count() == 3
    services.remove_agenda_item(item)
    assert TranslationRecord.objects.count() == 0


@pytest.mark.parametrize("count", [1, 30])
def test_statuses_of_many_texts_take_one_query(django_assert_num_queries, count):
    agenda = AgendaFactory()
    for n in range(count):
        services.add_agenda_item(agenda, title_en=f"Item {n}", title_fr=f"Point {n}")
    items = list(AgendaItem.objects.filter(agenda=agenda))
    with django_assert_num_queries(1):
        statuses = field_statuses(
            [(item, name) for item in items for name in ("title", "annotation")],
            "en",
            ["ar", "zh-hans", "en", "fr", "ru", "es"],
        )
    assert [s.status for s in statuses].count("up_to_date") == count
    assert [s.status for s in statuses].count("missing") == 4 * count
