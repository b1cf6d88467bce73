"""Every interface string is translated into the five languages besides English.

The catalogues in ``locale/`` are checked as text (nothing untranslated, nothing fuzzy,
the same placeholders as the English), and the public pages are rendered to prove the
compiled catalogues are what a delegate reads. English needs no catalogue: its
``msgid`` is the English text.
"""

import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import ngettext, to_locale

TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]

# %(name)s, %(count)d ... and bare %s / %d; "%%" is a literal percent sign.
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([sdifrxXeEgGc%])")


def catalogue_path(language):
    return Path(settings.LOCALE_PATHS[0]) / to_locale(language) / "LC_MESSAGES" / "django.po"


def read_catalogue(language):
    # The locale only tells babel the plural rule to expect; the file's header decides.
    with open(catalogue_path(language), "rb") as po:
        return read_po(po, locale=to_locale(language))


def messages(catalogue):
    return [message for message in catalogue if message.id]


def label(message):
    msgid = message.id[0] if message.pluralizable else message.id
    return f"{message.context} | {msgid}" if message.context else msgid


def placeholders(text):
    """The named placeholders of a message (a name may recur), then the unnamed ones in
    order (their order is their meaning)."""
    named = set()
    unnamed = []
    for name, conversion in PLACEHOLDER.findall(text):
        if conversion == "%":
            continue
        if name:
            named.add(f"%({name}){conversion}")
        else:
            unnamed.append(f"%{conversion}")
    return sorted(named), unnamed


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    catalogue = read_catalogue(language)
    assert len(messages(catalogue)) > 200  # the catalogue really holds our strings
    untranslated = []
    fuzzy = []
    for message in messages(catalogue):
        strings = message.string if message.pluralizable else (message.string,)
        if not all(strings):
            untranslated.append(label(message))
        if message.fuzzy:
            fuzzy.append(label(message))
    assert (untranslated, fuzzy) == ([], []), (
        f"{catalogue_path(language)}: translate these and remove '#, fuzzy', then run "
        "`make messages`"
    )


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_header_is_not_fuzzy_and_names_its_language(language):
    catalogue = read_catalogue(language)
    assert catalogue.fuzzy is False
    assert dict(catalogue.mime_headers)["Language"] == to_locale(language)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_translation_keeps_the_placeholders_of_the_english(language):
    wrong = []
    for message in messages(read_catalogue(language)):
        if message.pluralizable:
            # Every plural form says the number, so each carries msgid_plural's placeholders.
            expected = placeholders(message.id[1])
            forms = message.string
        else:
            expected = placeholders(message.id)
            forms = (message.string,)
        for form in forms:
            if placeholders(form) != expected:
                wrong.append((label(message), form))
    assert wrong == []


@pytest.mark.parametrize(
    ("language", "plural_forms"),
    [("ar", 6), ("zh-hans", 1), ("fr", 3), ("ru", 3), ("es", 3)],
)
def test_plural_entries_have_as_many_forms_as_the_language_has(language, plural_forms):
    catalogue = read_catalogue(language)
    assert catalogue.num_plurals == plural_forms
    plural_messages = [message for message in messages(catalogue) if message.pluralizable]
    assert plural_messages != []
    assert {len(message.string) for message in plural_messages} == {plural_forms}


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        (
            "ru",
            {
                1: "1 результат",
                2: "2 результата",
                5: "5 результатов",
                11: "11 результатов",
                21: "21 результат",
                22: "22 результата",
                111: "111 результатов",
            },
        ),
        (
            "ar",
            {
                0: "0 نتيجة",
                1: "1 نتيجة",
                2: "2 نتيجتان",
                3: "3 نتائج",
                10: "10 نتائج",
                11: "11 نتيجة",
                102: "102 نتيجة",
            },
        ),
        ("zh-hans", {1: "1 个结果", 7: "7 个结果"}),
    ],
)
def test_search_result_count_takes_the_plural_form_of_the_language(language, counts):
    with translation.override(language):
        said = {
            n: ngettext("%(counter)s result", "%(counter)s results", n) % {"counter": n}
            for n in counts
        }
    assert said == counts


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_compiled_catalogue_is_not_older_than_its_source(language):
    # The .mo files are built, not committed (`make messages`, run by `make test` and
    # `make run`); a stale one would make the page tests below test old translations.
    source = catalogue_path(language)
    compiled = source.with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: run `make messages`"
    assert compiled.stat().st_mtime >= source.stat().st_mtime, (
        f"{compiled} is older than {source.name}: run `make messages`"
    )


class PageText(HTMLParser):
    """Collects the text of headings and table header cells, in document order."""

    COLLECTED = {"h1", "h2", "h3", "th"}

    def __init__(self):
        super().__init__()
        self.headings = []
        self.columns = []
        self._open = []

    def handle_starttag(self, tag, attrs):
        if tag in self.COLLECTED:
            self._open.append((tag, []))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            _tag, parts = self._open.pop()
            text = " ".join("".join(parts).split())
            (self.columns if tag == "th" else self.headings).append(text)

    def handle_data(self, data):
        for _tag, parts in self._open:
            parts.append(data)


def parse(response):
    assert response.status_code == 200
    page = PageText()
    page.feed(response.content.decode())
    return page


# What a delegate reads on the seed agenda, as the UN translation services write it.
AGENDA_PAGE = {
    "zh-hans": {
        "headings": ["临时议程说明", "临时议程", "说明", "附件", "拟议工作安排"],
        "columns": ["日期", "时间", "项目", "标题或说明"],
        "continued": "（续）",
    },
    "ar": {
        "headings": [
            "جدول الأعمال المؤقت المشروح",
            "جدول الأعمال المؤقت",
            "شروح",
            "المرفق",
            "تنظيم الأعمال المقترح",
        ],
        "columns": ["التاريخ", "الوقت", "البند", "العنوان أو الوصف"],
        "continued": "(تابع)",
    },
    "fr": {
        "headings": [
            "Ordre du jour provisoire annoté",
            "Ordre du jour provisoire",
            "Annotations",
            "Annexe",
            "Projet d’organisation des travaux",
        ],
        "columns": ["Date", "Heure", "Point", "Titre ou description"],
        "continued": "(suite)",
    },
    "ru": {
        "headings": [
            "Аннотированная предварительная повестка дня",
            "Предварительная повестка дня",
            "Аннотации",
            "Приложение",
            "Предлагаемая организация работы",
        ],
        "columns": ["Дата", "Время", "Пункт", "Название или описание"],
        "continued": "(продолжение)",
    },
    "es": {
        "headings": [
            "Programa provisional anotado",
            "Programa provisional",
            "Anotaciones",
            "Anexo",
            "Propuesta de organización de los trabajos",
        ],
        "columns": ["Fecha", "Hora", "Tema", "Título o descripción"],
        "continued": "(continuación)",
    },
}

ENGLISH_INTERFACE = [
    "Provisional agenda",
    "Annotations",
    "Proposed organization of work",
    "Title or description",
    "(continued)",
    "Skip to main content",
    "Daily programme",
]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


@pytest.mark.parametrize("language", sorted(AGENDA_PAGE))
def test_published_agenda_shows_the_interface_in_the_page_language(client, demo, language):
    response = client.get(f"/{language}/bodies/cosp-wg4/sessions/11/annotated-agenda/")
    page = parse(response)
    expected = AGENDA_PAGE[language]
    document_headings = [heading for heading in page.headings if heading in expected["headings"]]
    assert document_headings == expected["headings"]
    assert page.columns == expected["columns"]
    html = response.content.decode()
    assert expected["continued"] in html
    # French writes "Annotations" as English does; that one is not a leak.
    leaked = [text for text in ENGLISH_INTERFACE if text in html]
    assert [text for text in leaked if text not in expected["headings"]] == []


def test_chinese_home_page_is_in_chinese(client, db):
    response = client.get("/zh-hans/")
    page = parse(response)
    assert page.headings == ["政府间会议议程", "本届和今后各届会议"]
    html = response.content.decode()
    assert "尚未发布本届或今后各届会议的议程。" in html
    assert "跳至主要内容" in html
    assert "每日会议方案" in html


def test_arabic_home_page_is_in_arabic_and_right_to_left(client, db):
    response = client.get("/ar/")
    page = parse(response)
    assert page.headings == ["جداول أعمال الاجتماعات الحكومية الدولية", "الدورات الجارية والمقبلة"]
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "لم يُنشر بعد أي جدول أعمال لدورة جارية أو مقبلة." in html
    assert "الانتقال إلى المحتوى الرئيسي" in html
