"""Ranked full-text search in six languages (publishing.search).

The character terms of Chinese are pure functions and tested everywhere; the search
itself runs PostgreSQL's stemmers and indexes, so it is tested on PostgreSQL: skipped on
a laptop's SQLite, failed rather than skipped where RUN_SERVICE_TESTS=1 (CI).
"""

import pytest
from django.db import connection

from publishing import queries, search
from publishing.models import SearchEntry
from publishing.services import publish_agenda
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    DocumentationLinkFactory,
    DocumentFactory,
)


def test_chinese_text_is_indexed_as_pairs_of_characters_and_the_last_alone():
    assert search.character_terms("预防腐败 COSP 会议") == [
        "预防", "防腐", "腐败", "败", "cosp", "会议", "议",
    ]  # fmt: skip


def test_a_chinese_query_is_a_phrase_of_pairs_or_a_prefix():
    assert search.character_query("腐败问题") == "('腐败' <-> '败问' <-> '问题')"
    assert search.character_query("腐 WG") == "'腐':* & 'wg'"
    assert search.character_query("，。") == ""


def test_a_character_vector_weighs_the_label_above_the_text():
    assert search.character_vector("议程", "it's") == "'议程':1A '程':2A 'it':3B 's':4B"
    assert search.character_vector("a\\b", "") == "'a':1A 'b':2A"


def publish(**titles):
    agenda = AgendaFactory()
    items = [
        AgendaItemFactory(agenda=agenda, **{"title_en": "", "annotation_en": "", **fields})
        for fields in titles.values()
    ]
    version = publish_agenda(agenda)
    return version, dict(zip(titles, items, strict=True))


def labels(query):
    """The labels found, their numbers' bidi isolates (U+2068, U+2069) left out: the
    page turns them into <bdi> (tests/languages/test_language_faults.py)."""
    return [
        entry.label.replace("\u2068", "").replace("\u2069", "")
        for entry in queries.search_published(query, language="en").object_list
    ]


@pytest.mark.services
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "stored", "query"),
    [
        ("title_en", "Implementation of the Convention", "implementing"),
        ("title_fr", "Prévention de la corruption", "corruptions"),
        ("title_es", "Prevención de la corrupción", "corrupciones"),
        ("title_ru", "Предупреждение коррупции", "коррупция"),
        ("title_ar", "منع الفساد", "فساد"),
    ],
    ids=["english", "french", "spanish", "russian", "arabic"],
)
def test_each_language_finds_other_forms_of_its_words(postgresql, field, stored, query):
    publish(item={field: stored, "title_en": "Opening" if field != "title_en" else stored})

    assert [label for label in labels(query) if stored in label] == [f"1. {stored}"]


@pytest.mark.services
@pytest.mark.django_db
def test_chinese_finds_words_of_one_two_and_more_characters(postgresql):
    publish(item={"title_en": "Prevention", "title_zh_hans": "预防腐败问题"})

    for query in ("腐败", "腐", "题", "腐败问题", "预防 问题"):
        assert labels(query) == ["1. 预防腐败问题"], query
    assert labels("问腐") == []


@pytest.mark.services
@pytest.mark.django_db
def test_titles_rank_above_annotations(postgresql):
    publish(
        annotated={"title_en": "Other matters", "annotation_en": "<p>On asset recovery.</p>"},
        titled={"title_en": "Asset recovery"},
    )

    assert labels("asset recovery") == ["2. Asset recovery", "1. Other matters"]


@pytest.mark.services
@pytest.mark.django_db
def test_part_of_a_symbol_finds_its_document(postgresql):
    version, items = publish(item={"title_en": "Review"})
    agenda = version.agenda
    DocumentationLinkFactory(
        item=items["item"], document=DocumentFactory(symbol="CAC/COSP/WG.4/2020/2", title_en="")
    )
    publish_agenda(agenda)

    assert labels("wg.4/2020") == ["CAC/COSP/WG.4/2020/2"]
    assert labels("WG.4/2020/2 review") == []


@pytest.mark.services
@pytest.mark.django_db
def test_only_live_versions_are_found_and_stop_words_find_nothing(postgresql):
    version, items = publish(item={"title_en": "Asset recovery"})
    items["item"].title_en = "Technical assistance"
    items["item"].save()
    publish_agenda(version.agenda)

    assert labels("recovery") == []
    assert labels("assistance") == ["1. Technical assistance"]
    assert labels("the of") == []


@pytest.mark.services
@pytest.mark.django_db
def test_every_entry_has_its_document(postgresql):
    publish(item={"title_en": "Opening", "title_zh_hans": "开幕"})

    assert SearchEntry.objects.filter(document__isnull=True).count() == 0
    # The session in English (its body has no Chinese name), the item in both.
    assert SearchEntry.objects.count() == 3


def plan(query):
    """PostgreSQL's plan for the search of ``query``, with sequential scans discouraged
    (on a handful of rows it would rightly prefer them)."""
    sql, params = search.best_matches(query).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.services
@pytest.mark.django_db
def test_a_symbol_is_looked_up_in_the_trigram_index(postgresql):
    # The index holds only entries with a symbol: a search that did not say so would
    # read every entry of every version, millions at scale.
    assert "search_entry_symbol_trgm" in plan("WG.4/2020")


@pytest.mark.services
@pytest.mark.django_db
def test_words_are_looked_up_in_the_full_text_index(postgresql):
    assert "search_entry_document" in plan("implementation")


@pytest.mark.services
@pytest.mark.django_db
def test_each_entry_is_written_with_its_vector_in_its_language(postgresql):
    # Stemmed in English, the label weighted A and the text B; in Chinese as pairs.
    publish(item={"title_en": "Technical assistances", "title_zh_hans": "技术援助"})

    vectors = dict(
        SearchEntry.objects.filter(kind=SearchEntry.Kind.ITEM).values_list("language", "document")
    )
    assert vectors == {
        "en": "'1':1A 'assist':3A,5B 'technic':2A,4B",
        "zh-hans": "'1':1A '助':5A,9B '技术':2A,6B '援助':4A,8B '术援':3A,7B",
    }
