"""Language faults a delegate would notice on the public pages and in print.

Sub-item labels and references per language, <bdi> around numbers and references, the
footnote marker against the punctuation, the meeting block and punctuation of the
Chinese seed, the time zone as a place, the marker on search results in another
language, the time column's line breaks and the font stacks. The browser half (visual
order in Arabic, phones, italics) is tests/browser/test_language_faults.py.
"""

import datetime
import io
import re
from html import unescape
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

import languages
from agendas.models import AgendaItem
from publishing.index import END_ISOLATE, ISOLATE
from publishing.models import PublishedVersion, SearchEntry
from publishing.services import publish_agenda
from publishing.templatetags import document as tags
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    SessionFactory,
    SlotItemFactory,
    TimeSlotFactory,
    VenueFactory,
)

ROOT = Path(__file__).resolve().parents[2]
SEED_SYMBOL = "CAC/COSP/WG.4/2020/1/Rev.1"
SEED_AGENDA = "/{}/bodies/cosp-wg4/sessions/11/annotated-agenda/"

ARABIC_LETTERS = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف",
    "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
]  # fmt: skip


def text(html):
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


def cells(html, css_class, tag="[a-z0-9]+"):
    """The text of each element with ``css_class`` (no nested element of its tag)."""
    pattern = rf'<({tag})\b[^>]*class="[^"]*\b{css_class}\b[^"]*"[^>]*>(.*?)</\1>'
    return [text(found[1]) for found in re.findall(pattern, html, re.S)]


# 1. Sub-item labels and references, in the six languages -------------------------------

LABELS = {
    # language: (item, first sub-item, fifth, its reference, a third level, its reference)
    "en": ("2.", "(a)", "(e)", "2(a)", "(ii)", "2(a)(ii)"),
    "zh-hans": ("2.", "(a)", "(e)", "2(a)", "(ii)", "2(a)(ii)"),
    "fr": ("2.", "a)", "e)", "2 a)", "ii)", "2 a) ii)"),
    "es": ("2.", "a)", "e)", "2 a)", "ii)", "2 a) ii)"),
    "ru": ("2.", "a)", "e)", "2 a)", "ii)", "2 a) ii)"),
    "ar": ("2.", "(أ)", "(هـ)", "2(أ)", "(ii)", "2(أ)(ii)"),
}


@pytest.mark.parametrize("code", list(LABELS))
def test_items_and_sub_items_are_labelled_and_cited_as_each_language_prints_them(code):
    language = languages.get(code)
    item, first, fifth, reference, third, third_reference = LABELS[code]

    assert language.item_number((2,)) == item
    assert language.item_number((2, 1)) == first
    assert language.item_number((2, 5)) == fifth
    assert language.item_reference((2,)) == "2"
    assert language.item_reference((2, 1)) == reference
    assert language.item_number((2, 1, 2)) == third
    assert language.item_reference((2, 1, 2)) == third_reference


def test_arabic_letters_its_sub_items_in_abjad_order_and_goes_on_past_the_last_letter():
    arabic = languages.get("ar")

    assert [arabic.sub_item_letters(n) for n in range(1, 29)] == ARABIC_LETTERS
    assert arabic.sub_item_letters(29) == "أأ"
    assert arabic.item_number((1, 5)) == "(هـ)"
    with pytest.raises(ValueError):
        arabic.sub_item_letters(0)


@pytest.fixture
def seed(db):
    """The seed agenda, published by load_demo in every language."""
    call_command("load_demo", stdout=io.StringIO())
    return PublishedVersion.objects.get(symbol=SEED_SYMBOL)


@pytest.fixture(scope="module")
def seed_content(django_db_setup, django_db_blocker):
    """The published record of the seed, for the tests that only read it: published once
    for the module, the database rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        content = PublishedVersion.objects.get(symbol=SEED_SYMBOL).content
        transaction.set_rollback(True)
    return content


# The seed's list and organization of work (tests/data/seed_zh.txt) in each language.
SEED_LABELS = {
    "en": (["(a)", "(b)"], ["1(a)", "1(b)", "2", "2(a)", "2", "2(b)", "3", "4"]),
    "zh-hans": (["(a)", "(b)"], ["1(a)", "1(b)", "2", "2(a)", "2", "2(b)", "3", "4"]),
    "fr": (["a)", "b)"], ["1 a)", "1 b)", "2", "2 a)", "2", "2 b)", "3", "4"]),
    "es": (["a)", "b)"], ["1 a)", "1 b)", "2", "2 a)", "2", "2 b)", "3", "4"]),
    "ru": (["a)", "b)"], ["1 a)", "1 b)", "2", "2 a)", "2", "2 b)", "3", "4"]),
    "ar": (["(أ)", "(ب)"], ["1(أ)", "1(ب)", "2", "2(أ)", "2", "2(ب)", "3", "4"]),
}


@pytest.mark.parametrize("code", list(SEED_LABELS))
def test_published_list_and_timetable_label_sub_items_in_the_language(seed_content, code):
    sub_items, references = SEED_LABELS[code]
    document = seed_content["rendered"][code]["document"]

    numbers = cells(document, "items__number", "span")
    assert numbers == ["1.", *sub_items, "2.", *sub_items, "3.", "4."]
    assert cells(document, "annotation__number", "span") == numbers
    assert cells(document, "work-table__item", "td") == references


@pytest.mark.parametrize("code", list(SEED_LABELS))
def test_the_daily_programme_cites_items_in_the_language(seed_content, code):
    programme = seed_content["rendered"][code]["programme"]
    cited = [
        entry["reference"]
        for row in seed_content["organization_of_work"]["rows"]
        for entry in programme[row["uid"]]["entries"]
    ]
    assert [reference for reference in cited if reference] == SEED_LABELS[code][1]


@pytest.mark.parametrize("code", ["en", "zh-hans"])  # the languages the seed's items have
def test_search_labels_name_items_by_number_and_sub_items_by_full_reference(seed, code):
    labels = SearchEntry.objects.filter(
        version=seed, language=code, kind=SearchEntry.Kind.ITEM
    ).values_list("label", flat=True)
    numbers = []
    for label in labels:
        assert label.startswith(ISOLATE)
        numbers.append(label[1 : label.index(END_ISOLATE)])
    # "(a)" alone names nothing in a list of results: "1(a)".
    assert numbers == ["1.", "1(a)", "1(b)", "2.", "2(a)", "2(b)", "3.", "4."]


# 2. Numbers and references isolated (<bdi>) ----------------------------------------------


def test_numbers_references_and_marks_are_isolated_in_the_document(seed_content):
    document = seed_content["rendered"]["ar"]["document"]

    assert '<span class="items__number"><bdi>1.</bdi></span>' in document
    assert '<span class="annotation__number"><bdi>(أ)</bdi></span>' in document
    assert '<a href="#item-1-a"><bdi>1(أ)</bdi></a>' in document
    assert re.search(r'<a href="#fn-1" aria-label="[^"]*"><bdi>1</bdi></a>', document)
    assert re.search(r'<a href="#annex-fn-a" aria-label="[^"]*"><bdi>a</bdi></a>', document)


def test_programme_and_search_isolate_the_item_numbers(client, seed):
    programme = client.get("/ar/programme/2020-08-31/").content.decode()
    assert "البند <bdi>1(أ)</bdi></a>" in programme
    # 4. The zone by its place, in the language.
    assert "Europe/Vienna" not in programme
    assert "(التوقيت المحلي، فيينا)" in programme

    results = client.get("/en/search/", {"q": "opening of the meeting"}).content.decode()
    assert "<bdi>1(a)</bdi> Opening of the meeting</a>" in results


# 5. Footnote markers against the punctuation ---------------------------------------------


@pytest.mark.parametrize(
    "code, after",
    [("en", True), ("fr", False), ("es", False), ("ru", False), ("ar", False), ("zh-hans", False)],
)
def test_footnote_marker_goes_after_the_punctuation_in_english_only(code, after):
    assert languages.get(code).footnote_mark_after_punctuation is after


def test_seed_list_sets_the_marker_after_the_colon_in_english_and_before_it_in_chinese(
    seed_content,
):
    english = seed_content["rendered"]["en"]["document"]
    chinese = seed_content["rendered"]["zh-hans"]["document"]

    assert re.search(r"Conference resolutions</a>:<sup class=\"fnref\">.*?</sup></span>", english)
    assert re.search(r"有关决议的执行情况</a><sup class=\"fnref\">.*?</sup>：</span>", chinese)


@pytest.mark.parametrize(
    "code, paragraph, expected",
    [
        ("en", "<p>It will consider the report.</p>", "<p>It will consider the report.^</p>"),
        ("fr", "<p>Elle examinera le rapport.</p>", "<p>Elle examinera le rapport^.</p>"),
        (
            "fr",
            "<p>Elle examinera ce qui suit&nbsp;:</p>",
            "<p>Elle examinera ce qui suit^&nbsp;:</p>",
        ),
        ("fr", "<p>Intitulée « Suivi »\u00a0;</p>", "<p>Intitulée « Suivi »^\u00a0;</p>"),
        ("es", "<p>Examinará el <em>informe</em>.</p>", "<p>Examinará el <em>informe</em>^.</p>"),
        ("es", "<p>Examinará el <em>informe.</em></p>", "<p>Examinará el <em>informe^.</em></p>"),
        ("ru", "<p>Рассмотрит доклад.</p>", "<p>Рассмотрит доклад^.</p>"),
        ("ar", "<p>ستنظر في التقرير.</p>", "<p>ستنظر في التقرير^.</p>"),
        ("zh-hans", "<p>将审议报告。</p>", "<p>将审议报告^。</p>"),
        ("zh-hans", "<p>《公约》第六条</p>", "<p>《公约》第六条^</p>"),
        ("fr", "Sans paragraphe.", "Sans paragraphe^."),
        ("en", "Without a paragraph.", "Without a paragraph.^"),
    ],
)
def test_annotation_markers_stand_before_or_after_the_closing_punctuation(
    code, paragraph, expected
):
    with translation.override(code):
        marked = tags._with_marks(paragraph, [{"id": "1", "paragraph": 1}])
    assert re.sub(r'<sup class="fnref">.*?</sup>', "^", marked) == expected


def test_annotation_markers_go_on_their_paragraphs_in_every_language():
    html = "<p>Premier.</p><p>Deuxième.</p>"
    with translation.override("fr"):
        marked = tags._with_marks(html, [{"id": "1", "paragraph": 2}, {"id": "2", "paragraph": 1}])
    assert re.sub(r'<sup class="fnref">.*?>(\d)<.*?</sup>', r"^\1", marked) == (
        "<p>Premier^2.</p><p>Deuxième^1.</p>"
    )


# 5. The Chinese seed's meeting block and punctuation ---------------------------------


def meeting_block(document):
    block = re.search(r'<div class="meeting">(.*?)</div>', document, re.S).group(1)
    return [text(line) for line in re.findall(r"<p[^>]*>(.*?)</p>", block, re.S)]


def test_meeting_block_prints_the_ordinal_line_as_each_language_does(seed_content):
    rendered = seed_content["rendered"]
    assert meeting_block(rendered["zh-hans"]["document"]) == [
        "预防腐败问题不限成员名额政府间工作组",
        "2020 年 8 月 31 日至 9 月 2 日，维也纳",
    ]
    assert meeting_block(rendered["en"]["document"]) == [
        "Open-ended Intergovernmental Working Group on the Prevention of Corruption",
        "Eleventh meeting",
        "Vienna, 31 August–2 September 2020",
    ]
    assert meeting_block(rendered["fr"]["document"])[1] == "Onzième réunion"


def test_chinese_prints_the_line_of_a_session_but_not_of_a_meeting():
    chinese = languages.get("zh-hans")
    assert not chinese.prints_session_line("meeting")
    assert chinese.prints_session_line("session")
    assert all(
        languages.get(code).prints_session_line("meeting") for code in LABELS if code != "zh-hans"
    )


SEED_HEADING_2A = (
    "预防腐败方面的良好做法和举措：加强反腐败机构的效力（《联合国反腐败公约》第六条）；"
)


def annotation_heading(document, anchor):
    found = re.search(rf'<h\d class="annotation__title" id="{anchor}">(.*?)</h\d>', document, re.S)
    return text(found.group(1))


def test_a_heading_of_its_own_keeps_the_seeds_semicolon_and_the_list_keeps_its_rule(seed):
    # Why the page drops it: the annotations head an item by its title unless the item
    # has a heading of its own, and the title carries no closing punctuation (the list
    # adds it: "；" to sub-items but the last). The seed's heading of 2(a) is a heading
    # of its own, ending in "；"; entered as such, it is printed whole.
    item = AgendaItem.objects.get(agenda__symbol=SEED_SYMBOL, title_zh_hans__startswith="预防腐败")
    item.heading_zh_hans = SEED_HEADING_2A
    item.save()

    version = publish_agenda(item.agenda)

    document = version.content["rendered"]["zh-hans"]["document"]
    assert annotation_heading(document, "item-2-a") == f"(a) {SEED_HEADING_2A}"
    assert document.count(SEED_HEADING_2A) == 1
    # The list adds its "；" to the title once; the timetable prints the title without it.
    assert f"{SEED_HEADING_2A[:-1]}</a>；</span>" in document
    assert f"{SEED_HEADING_2A[:-1]}</td>" in document


def test_the_demo_seed_prints_the_heading_of_2a_as_the_seed_does(seed_content):
    document = seed_content["rendered"]["zh-hans"]["document"]
    assert annotation_heading(document, "item-2-a") == f"(a) {SEED_HEADING_2A}"


# 4. The time zone as a place in the reader's language --------------------------------


@pytest.mark.parametrize(
    "code, place",
    [("en", "Vienna"), ("fr", "Vienne"), ("es", "Viena"), ("ru", "Вена"), ("ar", "فيينا"),
     ("zh-hans", "维也纳")],
)  # fmt: skip
def test_time_zone_is_named_by_its_place_in_the_language(code, place):
    language = languages.get(code)
    assert language.time_zone_place("Europe/Vienna") == place
    # The venue's city, when the language has it, names the place of a zone that CLDR
    # names after another city: Geneva keeps Europe/Zurich time.
    assert language.time_zone_place("Europe/Zurich", "Genève") == "Genève"
    assert language.time_zone_place("Etc/GMT-3") == "GMT-3"
    assert language.time_zone_place("Mars/Olympus_Mons") == "Olympus Mons"


def test_programme_rows_name_the_place_not_the_zone(seed_content):
    programme = seed_content["rendered"]
    zones = {
        code: {row["time_zone"] for row in programme[code]["programme"].values()} for code in LABELS
    }
    assert zones == {
        "en": {"Vienna"}, "zh-hans": {"维也纳"}, "fr": {"Vienne"}, "es": {"Viena"},
        "ru": {"Вена"}, "ar": {"فيينا"},
    }  # fmt: skip


def test_a_venue_city_missing_in_the_language_falls_back_to_cldrs_name(db):
    venue = VenueFactory(city_en="Geneva", time_zone="Europe/Zurich", name_en="Palais")
    session = SessionFactory(venue=venue)
    agenda = AgendaFactory(session=session)
    item = AgendaItemFactory(agenda=agenda, title_en="Opening")
    slot = TimeSlotFactory(session=session)
    SlotItemFactory(slot=slot, item=item)

    version = publish_agenda(agenda)

    rows = {
        code: next(iter(edition["programme"].values()))
        for code, edition in version.content["rendered"].items()
    }
    assert rows["en"]["time_zone"] == "Geneva"
    assert rows["ru"]["time_zone"] == "Цюрих"  # no Russian name of the city entered


# 6. Search results in another language are marked ------------------------------------


def test_search_results_in_another_language_carry_the_page_languages_marker(client, seed):
    arabic = client.get("/ar/search/", {"q": "opening of the meeting"}).content.decode()
    label = re.search(r'<p class="search-results__label">(.*?)</p>', arabic, re.S).group(1)
    assert 'lang="en"' in label
    assert '<span class="untranslated">(غير متاح بالعربية بعد)</span>' in label

    english = client.get("/en/search/", {"q": "opening of the meeting"}).content.decode()
    assert 'class="untranslated"' not in english


# 7. The time column breaks between start and end only ------------------------------------


TIME_PARTS = {
    "en": ("11 a.m.–", "", "1 p.m."),
    "zh-hans": ("上午 11 时", "", "至下午 1 时"),
    "fr": ("11 heures-", "", "13 heures"),
    "es": ("11.00", " ", "a 13.00 horas"),
    "ru": ("11 ч. 00 м. –", " ", "13 ч. 00 м."),
    "ar": ("من الساعة 00/11", " ", "إلى الساعة 00/13"),
}


@pytest.mark.parametrize("code", list(TIME_PARTS))
def test_time_ranges_are_cut_after_a_dash_or_before_a_word_joining_start_and_end(code):
    language = languages.get(code)
    morning = (datetime.time(11), datetime.time(13))

    assert language.format_time_range_parts(*morning) == TIME_PARTS[code]
    for notation in ("12h", "24h"):
        for start, end in (morning, (datetime.time(15), datetime.time(17, 30))):
            head, separator, tail = language.format_time_range_parts(start, end, notation)
            assert head and tail
            assert head + separator + tail == language.format_time_range(start, end, notation)
    assert languages.get("en").format_time_range_parts(*morning, "24h") == ("11.00–", "", "13.00")


def test_the_time_cell_breaks_only_between_its_two_parts(seed_content):
    document = seed_content["rendered"]["ar"]["document"]
    assert (
        '<span class="time-range__part">من الساعة 00/11</span> '
        '<span class="time-range__part">إلى الساعة 00/13</span>'
    ) in document
    english = seed_content["rendered"]["en"]["document"]
    assert (
        '<span class="time-range__part">11 a.m.–</span><wbr><span class="time-range__part">'
        "1 p.m.</span>"
    ) in english


# 8. Font stacks name each platform's Chinese and Arabic fonts --------------------------


def custom_properties():
    css = (ROOT / "publishing" / "static" / "publishing" / "document.css").read_text()
    root = re.search(r":root\s*\{(.*?)\}", css, re.S).group(1)
    root = re.sub(r"/\*.*?\*/", "", root, flags=re.S)
    return {
        name: [font.strip().strip('"') for font in value.split(",")]
        for name, value in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", root)
    }


PLATFORM_FONTS = {
    "--font-chinese": {
        "Windows": ["Microsoft YaHei", "SimSun"],
        "macOS": ["PingFang SC", "Hiragino Sans GB"],
        "iOS": ["PingFang SC"],
        "Android": ["Noto Sans CJK SC", "Droid Sans Fallback"],
        "Linux": ["Noto Sans CJK SC", "WenQuanYi Micro Hei"],
    },
    "--font-arabic": {
        "Windows": ["Segoe UI", "Tahoma", "Arial", "Traditional Arabic", "Arabic Typesetting",
                    "Sakkal Majalla", "Simplified Arabic"],
        "macOS": ["Geeza Pro"],
        "iOS": ["Geeza Pro"],
        "Android": ["Noto Naskh Arabic", "Droid Arabic Naskh"],
        "Linux": ["Noto Naskh Arabic", "Noto Sans Arabic"],
    },
}  # fmt: skip


@pytest.mark.parametrize("stack", list(PLATFORM_FONTS))
def test_font_stacks_name_the_chinese_and_arabic_fonts_of_every_platform(stack):
    fonts = custom_properties()[stack]
    missing = {
        platform: [font for font in wanted if font not in fonts]
        for platform, wanted in PLATFORM_FONTS[stack].items()
    }
    assert {platform: names for platform, names in missing.items() if names} == {}
    assert fonts[-1] == "sans-serif"
