"""Exact renderings of dates, times, ordinals and set phrases in the six languages.

The Chinese expectations are copied from the seed document (CAC/COSP/WG.4/2020/1/Rev.1).
"""

from datetime import date, time

import pytest

import languages

MONDAY = date(2020, 8, 31)
TUESDAY = date(2020, 9, 1)
WEDNESDAY = date(2020, 9, 2)

SEED_FOOTNOTE_1 = (
    "题为“促进《联合国反腐败公约》缔约国公共部门的廉正”的第 8/3 号决议；"
    "题为“加强反腐败机构在打击腐败方面的效力”的第 8/7 号决议；"
    "题为“《马拉喀什预防腐败宣言》的后续行动”的第 8/8 号决议；"
    "题为“对腐败的衡量”的第 8/10 号决议；"
    "题为“加强小岛屿发展中国家实施《联合国反腐败公约》”的第 8/11 号决议；"
    "题为“预防和打击与影响环境的犯罪有关的腐败”的第 8/12 号决议；"
    "以及题为“关于加强最高审计机构与反腐败机构之间的合作以更有效地预防和打击腐败的阿布扎比宣言”"
    "的第 8/13 号决议。"
)
SEED_CITATIONS_ZH = [
    ("resolution", "8/3", "促进《联合国反腐败公约》缔约国公共部门的廉正"),
    ("resolution", "8/7", "加强反腐败机构在打击腐败方面的效力"),
    ("resolution", "8/8", "《马拉喀什预防腐败宣言》的后续行动"),
    ("resolution", "8/10", "对腐败的衡量"),
    ("resolution", "8/11", "加强小岛屿发展中国家实施《联合国反腐败公约》"),
    ("resolution", "8/12", "预防和打击与影响环境的犯罪有关的腐败"),
    (
        "resolution",
        "8/13",
        "关于加强最高审计机构与反腐败机构之间的合作以更有效地预防和打击腐败的阿布扎比宣言",
    ),
]
SEED_ANNEX_FOOTNOTE_A = (
    "议程项目 2 将与实施情况审议组第十一届会议议程项目 4 和 5 一起，"
    "在预防腐败问题不限成员名额政府间工作组和实施情况审议组联席会议上讨论。"
)

# Body names in each language, as the joint meeting footnote receives them.
WORKING_GROUP = {
    "en": "Open-ended Intergovernmental Working Group on the Prevention of Corruption",
    "zh-hans": "预防腐败问题不限成员名额政府间工作组",
    "fr": "Groupe de travail intergouvernemental à composition non limitée sur la "
    "prévention de la corruption",
    "es": "Grupo de Trabajo Intergubernamental de Composición Abierta sobre Prevención "
    "de la Corrupción",
    "ru": "Рабочая группа открытого состава по предупреждению коррупции",
    "ar": "الفريق العامل الحكومي الدولي المفتوح العضوية المعني بمنع الفساد",
}
REVIEW_GROUP = {
    "en": "Implementation Review Group",
    "zh-hans": "实施情况审议组",
    "fr": "Groupe d'examen de l'application",
    "es": "Grupo de Examen de la Aplicación",
    "ru": "Группа по обзору хода осуществления",
    "ar": "فريق استعراض التنفيذ",
}


# Dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "31 August 2020"),
        ("zh-hans", "2020 年 8 月 31 日"),
        ("fr", "31 août 2020"),
        ("es", "31 de agosto de 2020"),
        ("ru", "31 августа 2020 года"),
        ("ar", "31 آب/أغسطس 2020"),
    ],
)
def test_full_date_follows_each_languages_un_form(lang, expected):
    assert languages.get(lang).format_date(MONDAY) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Monday, 31 August 2020"),
        ("zh-hans", "2020 年 8 月 31 日星期一"),
        ("fr", "lundi 31 août 2020"),
        ("es", "lunes, 31 de agosto de 2020"),
        ("ru", "понедельник, 31 августа 2020 года"),
        ("ar", "الاثنين، 31 آب/أغسطس 2020"),
    ],
)
def test_full_date_with_weekday(lang, expected):
    assert languages.get(lang).format_date(MONDAY, weekday=True) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1 September 2020"),
        ("zh-hans", "2020 年 9 月 1 日"),
        ("fr", "1er septembre 2020"),
        ("es", "1 de septiembre de 2020"),
        ("ru", "1 сентября 2020 года"),
        ("ar", "1 أيلول/سبتمبر 2020"),
    ],
)
def test_only_french_writes_the_first_of_the_month_as_an_ordinal(lang, expected):
    assert languages.get(lang).format_date(TUESDAY) == expected


def test_arabic_names_every_month_by_both_its_levantine_and_egyptian_names():
    months = [languages.get("ar").format_date(date(2021, month, 5)) for month in range(1, 13)]
    assert months == [
        "5 كانون الثاني/يناير 2021",
        "5 شباط/فبراير 2021",
        "5 آذار/مارس 2021",
        "5 نيسان/أبريل 2021",
        "5 أيار/مايو 2021",
        "5 حزيران/يونيه 2021",
        "5 تموز/يوليه 2021",
        "5 آب/أغسطس 2021",
        "5 أيلول/سبتمبر 2021",
        "5 تشرين الأول/أكتوبر 2021",
        "5 تشرين الثاني/نوفمبر 2021",
        "5 كانون الأول/ديسمبر 2021",
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "31 August–2 September 2020"),
        ("zh-hans", "2020 年 8 月 31 日至 9 月 2 日"),
        ("fr", "31 août–2 septembre 2020"),
        ("es", "31 de agosto a 2 de septiembre de 2020"),
        ("ru", "31 августа – 2 сентября 2020 года"),
        ("ar", "31 آب/أغسطس - 2 أيلول/سبتمبر 2020"),
    ],
)
def test_date_range_across_two_months_names_the_year_once(lang, expected):
    assert languages.get(lang).format_date_range(MONDAY, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1–3 June 2020"),
        ("zh-hans", "2020 年 6 月 1 日至 3 日"),
        ("fr", "1er–3 juin 2020"),
        ("es", "1 a 3 de junio de 2020"),
        ("ru", "1–3 июня 2020 года"),
        ("ar", "1-3 حزيران/يونيه 2020"),
    ],
)
def test_date_range_within_one_month_names_the_month_once(lang, expected):
    assert languages.get(lang).format_date_range(date(2020, 6, 1), date(2020, 6, 3)) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "31 December 2020–2 January 2021"),
        ("zh-hans", "2020 年 12 月 31 日至 2021 年 1 月 2 日"),
        ("fr", "31 décembre 2020–2 janvier 2021"),
        ("es", "31 de diciembre de 2020 a 2 de enero de 2021"),
        ("ru", "31 декабря 2020 года – 2 января 2021 года"),
        ("ar", "31 كانون الأول/ديسمبر 2020 - 2 كانون الثاني/يناير 2021"),
    ],
)
def test_date_range_across_years_writes_both_dates_in_full(lang, expected):
    assert languages.get(lang).format_date_range(date(2020, 12, 31), date(2021, 1, 2)) == expected


@pytest.mark.parametrize("lang", ["ar", "zh-hans", "en", "fr", "ru", "es"])
def test_single_day_range_renders_as_one_date(lang):
    assert languages.get(lang).format_date_range(MONDAY, MONDAY) == languages.get(lang).format_date(
        MONDAY
    )


def test_date_range_ending_before_it_starts_is_rejected():
    with pytest.raises(ValueError, match="The end date 2020-08-30 is before the start date"):
        languages.get("en").format_date_range(MONDAY, date(2020, 8, 30))


@pytest.mark.parametrize(
    ("lang", "city", "expected"),
    [
        ("en", "Vienna", "Vienna, 31 August–2 September 2020"),
        ("zh-hans", "维也纳", "2020 年 8 月 31 日至 9 月 2 日，维也纳"),
        ("fr", "Vienne", "Vienne, 31 août–2 septembre 2020"),
        ("es", "Viena", "Viena, 31 de agosto a 2 de septiembre de 2020"),
        ("ru", "Вена", "Вена, 31 августа – 2 сентября 2020 года"),
        ("ar", "فيينا", "فيينا، 31 آب/أغسطس - 2 أيلول/سبتمبر 2020"),
    ],
)
def test_place_and_dates_put_the_city_first_except_in_chinese(lang, city, expected):
    assert languages.get(lang).format_place_and_dates(city, MONDAY, WEDNESDAY) == expected


def test_organization_of_work_dates_match_the_seed_in_chinese():
    dates = [languages.get("zh-hans").format_table_date(d) for d in (MONDAY, TUESDAY, WEDNESDAY)]
    assert dates == ["8 月 31 日，星期一", "9 月 1 日，星期二", "9 月 2 日，星期三"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Monday, 31 August"),
        ("zh-hans", "8 月 31 日，星期一"),
        ("fr", "Lundi 31 août"),
        ("es", "Lunes, 31 de agosto"),
        ("ru", "Понедельник, 31 августа"),
        ("ar", "الاثنين، 31 آب/أغسطس"),
    ],
)
def test_table_date_gives_weekday_and_day_without_the_year(lang, expected):
    assert languages.get(lang).format_table_date(MONDAY) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Monday, 31 August 2020"),
        ("zh-hans", "2020 年 8 月 31 日星期一"),
        ("fr", "Lundi 31 août 2020"),
        ("es", "Lunes, 31 de agosto de 2020"),
        ("ru", "Понедельник, 31 августа 2020 года"),
        ("ar", "الاثنين، 31 آب/أغسطس 2020"),
    ],
)
def test_day_heading_is_the_capitalised_date_with_weekday(lang, expected):
    assert languages.get(lang).format_day_heading(MONDAY) == expected


# Times ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "on_the_hour", "with_minutes"),
    [
        ("en", "11 a.m.", "10.30 a.m."),
        ("zh-hans", "上午 11 时", "上午 10 时 30 分"),
        ("fr", "11 heures", "10 h 30"),
        ("es", "11.00 horas", "10.30 horas"),
        ("ru", "11 ч. 00 м.", "10 ч. 30 м."),
        ("ar", "الساعة 00/11", "الساعة 30/10"),
    ],
)
def test_time_on_the_hour_and_with_minutes(lang, on_the_hour, with_minutes):
    assert languages.get(lang).format_time(time(11)) == on_the_hour
    assert languages.get(lang).format_time(time(10, 30)) == with_minutes


@pytest.mark.parametrize(
    ("lang", "morning", "afternoon"),
    [
        ("en", "11 a.m.–1 p.m.", "3–5 p.m."),
        ("zh-hans", "上午 11 时至下午 1 时", "下午 3 时至 5 时"),
        ("fr", "11 heures-13 heures", "15 heures-17 heures"),
        ("es", "11.00 a 13.00 horas", "15.00 a 17.00 horas"),
        ("ru", "11 ч. 00 м. – 13 ч. 00 м.", "15 ч. 00 м. – 17 ч. 00 м."),
        ("ar", "من الساعة 00/11 إلى الساعة 00/13", "من الساعة 00/15 إلى الساعة 00/17"),
    ],
)
def test_time_ranges_of_the_seed_slots_name_a_shared_half_day_once(lang, morning, afternoon):
    assert languages.get(lang).format_time_range(time(11), time(13)) == morning
    assert languages.get(lang).format_time_range(time(15), time(17)) == afternoon


def test_english_and_chinese_name_noon():
    assert languages.get("en").format_time_range(time(10), time(12)) == "10 a.m.–12 noon"
    assert languages.get("en").format_time_range(time(12), time(13)) == "12 noon–1 p.m."
    assert languages.get("en").format_time(time(12, 30)) == "12.30 p.m."
    assert (
        languages.get("zh-hans").format_time_range(time(10), time(12)) == "上午 10 时至中午 12 时"
    )


def test_time_range_within_one_half_day_with_minutes():
    assert languages.get("en").format_time_range(time(10, 30), time(11, 45)) == "10.30–11.45 a.m."
    assert languages.get("fr").format_time_range(time(15), time(18, 5)) == "15 heures-18 h 05"


@pytest.mark.parametrize("end", [time(11), time(10)])
def test_time_range_that_does_not_end_after_it_starts_is_rejected(end):
    with pytest.raises(ValueError, match="is not after the start time 11:00:00"):
        languages.get("en").format_time_range(time(11), end)


# Ordinals and references -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "meeting", "session"),
    [
        ("en", "eleventh meeting", "eleventh session"),
        ("zh-hans", "第十一次会议", "第十一届会议"),
        ("fr", "onzième réunion", "onzième session"),
        ("es", "undécima reunión", "undécimo período de sesiones"),
        ("ru", "одиннадцатое совещание", "одиннадцатая сессия"),
        ("ar", "الاجتماع الحادي عشر", "الدورة الحادية عشرة"),
    ],
)
def test_session_ordinal_agrees_with_the_term_the_body_uses(lang, meeting, session):
    assert languages.get(lang).session_ordinal(11, "meeting") == meeting
    assert languages.get(lang).session_ordinal(11, "session") == session


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Eleventh meeting"),
        ("zh-hans", "第十一次会议"),
        ("fr", "Onzième réunion"),
        ("es", "Undécima reunión"),
        ("ru", "Одиннадцатое совещание"),
        ("ar", "الاجتماع الحادي عشر"),
    ],
)
def test_capitalised_session_ordinal_for_headings(lang, expected):
    assert languages.get(lang).session_ordinal(11, "meeting", capitalize_first=True) == expected


@pytest.mark.parametrize(
    ("lang", "meeting", "session"),
    [
        ("en", "third special meeting", "third special session"),
        ("zh-hans", "第三次特别会议", "第三届特别会议"),
        ("fr", "troisième réunion extraordinaire", "troisième session extraordinaire"),
        ("es", "tercera reunión extraordinaria", "tercer período extraordinario de sesiones"),
        ("ru", "третье специальное совещание", "третья специальная сессия"),
        ("ar", "الاجتماع الاستثنائي الثالث", "الدورة الاستثنائية الثالثة"),
    ],
)
def test_special_sessions_carry_the_word_special(lang, meeting, session):
    assert languages.get(lang).session_ordinal(3, "meeting", special=True) == meeting
    assert languages.get(lang).session_ordinal(3, "session", special=True) == session


@pytest.mark.parametrize(
    ("number", "lang", "term", "expected"),
    [
        (1, "fr", "session", "première session"),
        (1, "es", "session", "primer período de sesiones"),
        (1, "ar", "session", "الدورة الأولى"),
        (12, "es", "session", "duodécimo período de sesiones"),
        (13, "es", "session", "decimotercer período de sesiones"),
        (13, "es", "meeting", "decimotercera reunión"),
        (20, "ar", "meeting", "الاجتماع العشرون"),
        (21, "en", "session", "twenty-first session"),
        (21, "zh-hans", "session", "第二十一届会议"),
        (21, "fr", "session", "vingt et unième session"),
        (21, "es", "session", "vigésimo primer período de sesiones"),
        (21, "es", "meeting", "vigésima primera reunión"),
        (21, "ru", "session", "двадцать первая сессия"),
        (21, "ar", "session", "الدورة الحادية والعشرون"),
        (23, "ru", "meeting", "двадцать третье совещание"),
        (40, "ru", "session", "сороковая сессия"),
        (73, "es", "session", "septuagésimo tercer período de sesiones"),
        (80, "fr", "session", "quatre-vingtième session"),
        (99, "ar", "meeting", "الاجتماع التاسع والتسعون"),
        (100, "zh-hans", "meeting", "第一百次会议"),
        (100, "ru", "meeting", "сотое совещание"),
        (100, "ar", "session", "الدورة المائة"),
    ],
)
def test_ordinals_beyond_eleven(number, lang, term, expected):
    assert languages.get(lang).session_ordinal(number, term) == expected


@pytest.mark.parametrize("lang", ["ar", "zh-hans", "en", "fr", "ru", "es"])
@pytest.mark.parametrize("term", ["meeting", "session"])
def test_every_session_from_1_to_100_has_its_own_ordinal(lang, term):
    ordinals = {languages.get(lang).session_ordinal(n, term) for n in range(1, 101)}
    assert len(ordinals) == 100


@pytest.mark.parametrize(
    ("number", "lang", "term", "expected"),
    [
        (137, "en", "session", "137th session"),
        (101, "en", "meeting", "101st meeting"),
        (112, "en", "session", "112th session"),
        (137, "zh-hans", "session", "第一百三十七届会议"),
        (137, "fr", "session", "137e session"),
        (137, "es", "session", "137º período de sesiones"),
        (137, "es", "meeting", "137ª reunión"),
        (137, "ru", "session", "137-я сессия"),
        (137, "ru", "meeting", "137-е совещание"),
        (137, "ar", "session", "الدورة 137"),
    ],
)
def test_sessions_past_100_are_written_in_figures(number, lang, term, expected):
    assert languages.get(lang).session_ordinal(number, term) == expected


@pytest.mark.parametrize(
    ("number", "numeral"),
    [(101, "一百零一"), (110, "一百一十"), (1005, "一千零五"), (2020, "二千零二十")],
)
def test_chinese_ordinals_use_numerals_with_zero_for_gaps(number, numeral):
    assert languages.get("zh-hans").session_ordinal(number, "session") == f"第{numeral}届会议"


@pytest.mark.parametrize("number", [0, 10000, -3, 1.5, True, "11"])
def test_session_number_outside_1_to_9999_is_rejected(number):
    with pytest.raises(ValueError, match="Session number|whole number"):
        languages.get("en").session_ordinal(number, "session")


def test_unknown_gathering_term_is_rejected():
    with pytest.raises(ValueError, match="Unknown gathering term 'conference'"):
        languages.get("en").session_ordinal(11, "conference")


@pytest.mark.parametrize(
    ("lang", "resolution", "decision"),
    [
        ("en", "resolution 8/7", "decision 7/1"),
        ("zh-hans", "第 8/7 号决议", "第 7/1 号决定"),
        ("fr", "résolution 8/7", "décision 7/1"),
        ("es", "resolución 8/7", "decisión 7/1"),
        ("ru", "резолюция 8/7", "решение 7/1"),
        ("ar", "القرار 8/7", "المقرر 7/1"),
    ],
)
def test_resolution_and_decision_references(lang, resolution, decision):
    assert languages.get(lang).resolution_reference("resolution", "8/7") == resolution
    assert languages.get(lang).resolution_reference("decision", "7/1") == decision


def test_unknown_kind_of_reference_is_rejected():
    with pytest.raises(ValueError, match="Unknown kind 'report'"):
        languages.get("en").resolution_reference("report", "8/7")


# Footnotes ------------------------------------------------------------------------------


def test_citation_footnote_reproduces_footnote_1_of_the_seed():
    assert languages.get("zh-hans").citation_footnote(SEED_CITATIONS_ZH) == SEED_FOOTNOTE_1


CITATIONS = {
    "en": ["Promoting integrity", "Enhancing effectiveness", "Abu Dhabi declaration"],
    "fr": ["Promouvoir l'intégrité", "Renforcer l'efficacité", "Déclaration d'Abou Dhabi"],
    "es": ["Promoción de la integridad", "Mejora de la eficacia", "Declaración de Abu Dabi"],
    "ru": ["Поощрение честности", "Повышение эффективности", "Абу-Дабийская декларация"],
    "ar": ["تعزيز النزاهة", "تعزيز الفعالية", "إعلان أبوظبي"],
}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Resolution 8/3, entitled “Promoting integrity”; decision 7/1, entitled "
            "“Enhancing effectiveness”; and resolution 8/13, entitled “Abu Dhabi declaration”.",
        ),
        (
            "fr",
            "Résolution 8/3, intitulée « Promouvoir l'intégrité » ; décision 7/1, intitulée "
            "« Renforcer l'efficacité » ; et résolution 8/13, intitulée "
            "« Déclaration d'Abou Dhabi ».",
        ),
        (
            "es",
            "Resolución 8/3, titulada “Promoción de la integridad”; decisión 7/1, titulada "
            "“Mejora de la eficacia”; y resolución 8/13, titulada “Declaración de Abu Dabi”.",
        ),
        (
            "ru",
            "Резолюция 8/3, озаглавленная «Поощрение честности»; решение 7/1, озаглавленное "
            "«Повышение эффективности»; и резолюция 8/13, озаглавленная "
            "«Абу-Дабийская декларация».",
        ),
        (
            "ar",
            'القرار 8/3 المعنون "تعزيز النزاهة"؛ المقرر 7/1 المعنون "تعزيز الفعالية"؛ '
            'والقرار 8/13 المعنون "إعلان أبوظبي".',
        ),
    ],
)
def test_citation_footnote_lists_titles_with_a_conjunction_before_the_last(lang, expected):
    titles = CITATIONS[lang]
    entries = [
        ("resolution", "8/3", titles[0]),
        ("decision", "7/1", titles[1]),
        ("resolution", "8/13", titles[2]),
    ]
    assert languages.get(lang).citation_footnote(entries) == expected


def test_citation_footnote_of_a_single_entry_has_no_conjunction():
    entries = [("resolution", "8/8", "Follow-up to the Marrakech declaration")]
    assert languages.get("en").citation_footnote(entries) == (
        "Resolution 8/8, entitled “Follow-up to the Marrakech declaration”."
    )
    assert languages.get("zh-hans").citation_footnote(SEED_CITATIONS_ZH[2:3]) == (
        "题为“《马拉喀什预防腐败宣言》的后续行动”的第 8/8 号决议。"
    )


def test_citation_footnote_without_entries_is_rejected():
    with pytest.raises(ValueError, match="at least one resolution or decision"):
        languages.get("en").citation_footnote([])


@pytest.mark.parametrize(
    ("lang", "two", "three"),
    [
        ("en", "4 and 5", "4, 5 and 6"),
        ("zh-hans", "4 和 5", "4、5 和 6"),
        ("fr", "4 et 5", "4, 5 et 6"),
        ("es", "4 y 5", "4, 5 y 6"),
        ("ru", "4 и 5", "4, 5 и 6"),
        ("ar", "4 و 5", "4 و 5 و 6"),
    ],
)
def test_join_list(lang, two, three):
    assert languages.get(lang).join_list(["4"]) == "4"
    assert languages.get(lang).join_list(["4", "5"]) == two
    assert languages.get(lang).join_list(["4", "5", "6"]) == three


def test_join_list_of_nothing_is_rejected():
    with pytest.raises(ValueError, match="empty list"):
        languages.get("en").join_list([])


def test_joint_meeting_footnote_reproduces_annex_footnote_a_of_the_seed():
    footnote = languages.get("zh-hans").joint_meeting_footnote(
        ["2"], ["4", "5"], WORKING_GROUP["zh-hans"], REVIEW_GROUP["zh-hans"], "第十一届会议"
    )
    assert footnote == SEED_ANNEX_FOOTNOTE_A


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Agenda item 2 will be considered jointly with items 4 and 5 of the agenda of the "
            "eleventh session of the Implementation Review Group at joint meetings of the "
            "Open-ended Intergovernmental Working Group on the Prevention of Corruption and "
            "the Implementation Review Group.",
        ),
        (
            "fr",
            "Le point 2 de l’ordre du jour sera examiné conjointement avec les points 4 et 5 "
            "de l’ordre du jour de la onzième session du Groupe d'examen de l'application lors "
            "de séances communes du Groupe de travail intergouvernemental à composition non "
            "limitée sur la prévention de la corruption et du Groupe d'examen de l'application.",
        ),
        (
            "es",
            "El tema 2 del programa se examinará conjuntamente con los temas 4 y 5 del "
            "programa del undécimo período de sesiones del Grupo de Examen de la Aplicación en "
            "sesiones conjuntas del Grupo de Trabajo Intergubernamental de Composición Abierta "
            "sobre Prevención de la Corrupción y del Grupo de Examen de la Aplicación.",
        ),
        (
            "ru",
            "Пункт 2 повестки дня будет рассмотрен совместно с пунктами 4 и 5 повестки дня "
            "одиннадцатой сессии Группы по обзору хода осуществления на совместных заседаниях "
            "Рабочей группы открытого состава по предупреждению коррупции и Группы по обзору "
            "хода осуществления.",
        ),
        (
            "ar",
            "سينظر في البند 2 من جدول الأعمال بالاقتران مع البندين 4 و 5 من جدول أعمال "
            "الدورة الحادية عشرة لفريق استعراض التنفيذ في جلسات مشتركة بين الفريق العامل "
            "الحكومي الدولي المفتوح العضوية المعني بمنع الفساد وفريق استعراض التنفيذ.",
        ),
    ],
)
def test_joint_meeting_footnote_in_the_other_languages(lang, expected):
    partner_session = languages.get(lang).session_ordinal(11, "session")
    footnote = languages.get(lang).joint_meeting_footnote(
        ["2"], ["4", "5"], WORKING_GROUP[lang], REVIEW_GROUP[lang], partner_session
    )
    assert footnote == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Agenda items 2 and 3 will be considered jointly with item 4 of the agenda of the "
            "eleventh meeting of the Implementation Review Group at joint meetings of the "
            "Open-ended Intergovernmental Working Group on the Prevention of Corruption and "
            "the Implementation Review Group.",
        ),
        (
            "zh-hans",
            "议程项目 2 和 3 将与实施情况审议组第十一次会议议程项目 4 一起，"
            "在预防腐败问题不限成员名额政府间工作组和实施情况审议组联席会议上讨论。",
        ),
        (
            "fr",
            "Les points 2 et 3 de l’ordre du jour seront examinés conjointement avec le point 4 "
            "de l’ordre du jour de la onzième réunion du Groupe d'examen de l'application lors "
            "de séances communes du Groupe de travail intergouvernemental à composition non "
            "limitée sur la prévention de la corruption et du Groupe d'examen de l'application.",
        ),
        (
            "es",
            "Los temas 2 y 3 del programa se examinarán conjuntamente con el tema 4 del "
            "programa de la undécima reunión del Grupo de Examen de la Aplicación en sesiones "
            "conjuntas del Grupo de Trabajo Intergubernamental de Composición Abierta sobre "
            "Prevención de la Corrupción y del Grupo de Examen de la Aplicación.",
        ),
        (
            "ru",
            "Пункты 2 и 3 повестки дня будут рассмотрены совместно с пунктом 4 повестки дня "
            "одиннадцатого совещания Группы по обзору хода осуществления на совместных "
            "заседаниях Рабочей группы открытого состава по предупреждению коррупции и Группы "
            "по обзору хода осуществления.",
        ),
        (
            "ar",
            "سينظر في البندين 2 و 3 من جدول الأعمال بالاقتران مع البند 4 من جدول أعمال "
            "الاجتماع الحادي عشر لفريق استعراض التنفيذ في جلسات مشتركة بين الفريق العامل "
            "الحكومي الدولي المفتوح العضوية المعني بمنع الفساد وفريق استعراض التنفيذ.",
        ),
    ],
)
def test_joint_meeting_footnote_agrees_with_the_number_of_items(lang, expected):
    partner_session = languages.get(lang).session_ordinal(11, "meeting")
    footnote = languages.get(lang).joint_meeting_footnote(
        ["2", "3"], ["4"], WORKING_GROUP[lang], REVIEW_GROUP[lang], partner_session
    )
    assert footnote == expected


def test_arabic_joint_meeting_footnote_uses_the_plural_for_three_items():
    footnote = languages.get("ar").joint_meeting_footnote(
        ["2", "3", "4"], ["5"], "مؤتمر الدول الأطراف", "الفريق العامل", "الدورة الأولى"
    )
    assert footnote == (
        "سينظر في البنود 2 و 3 و 4 من جدول الأعمال بالاقتران مع البند 5 من جدول أعمال "
        "الدورة الأولى للفريق العامل في جلسات مشتركة بين مؤتمر الدول الأطراف والفريق العامل."
    )


def test_french_and_spanish_give_feminine_body_names_their_article():
    french = languages.get("fr").joint_meeting_footnote(
        ["2"], ["3"], "Conférence des États parties", "Organe subsidiaire", "première session"
    )
    assert french.endswith(
        "de la première session de l’Organe subsidiaire lors de séances communes "
        "de la Conférence des États parties et de l’Organe subsidiaire."
    )
    spanish = languages.get("es").joint_meeting_footnote(
        ["2"],
        ["3"],
        "Conferencia de los Estados Partes",
        "Comisión de Estupefacientes",
        "primer período de sesiones",
    )
    assert spanish.endswith(
        "del primer período de sesiones de la Comisión de Estupefacientes en sesiones "
        "conjuntas de la Conferencia de los Estados Partes y de la Comisión de Estupefacientes."
    )


def test_joint_meeting_footnote_without_partner_items_is_rejected():
    with pytest.raises(ValueError, match="needs items of both bodies"):
        languages.get("en").joint_meeting_footnote(["2"], [], "A", "B", "eleventh session")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Reissued for technical reasons on 27 August 2020."),
        ("zh-hans", "因技术原因于 2020 年 8 月 27 日重新印发。"),
        ("fr", "Nouveau tirage pour raisons techniques (27 août 2020)."),
        ("es", "Publicado nuevamente por razones técnicas el 27 de agosto de 2020."),
        ("ru", "Переиздано по техническим причинам 27 августа 2020 года."),
        ("ar", "أعيد إصدارها لأسباب فنية في 27 آب/أغسطس 2020."),
    ],
)
def test_reissue_note(lang, expected):
    assert languages.get(lang).reissue_note(date(2020, 8, 27)) == expected


# Masthead and direction -----------------------------------------------------------------


def test_masthead_of_the_seed_keeps_english_lines_in_the_chinese_version():
    lines = languages.get("zh-hans").masthead_lines("general", date(2020, 7, 24), "en")
    assert lines == ["Distr.: General", "24 July 2020", "Chinese", "Original: English"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["Distr.: General", "24 July 2020", "Original: English"]),
        ("fr", ["Distr. générale", "24 juillet 2020", "Français", "Original : anglais"]),
        ("es", ["Distr. general", "24 de julio de 2020", "Español", "Original: inglés"]),
        ("ru", ["Distr.: General", "24 July 2020", "Russian", "Original: English"]),
        ("ar", ["Distr.: General", "24 July 2020", "Arabic", "Original: English"]),
    ],
)
def test_masthead_of_each_language_version_of_an_english_original(lang, expected):
    assert languages.get(lang).masthead_lines("general", date(2020, 7, 24), "en") == expected


@pytest.mark.parametrize(
    ("distribution", "lang", "original", "expected"),
    [
        ("limited", "fr", "fr", ["Distr. limitée", "3 mars 2021", "Original : français"]),
        ("restricted", "es", "es", ["Distr. reservada", "3 de marzo de 2021", "Original: español"]),
        ("limited", "en", "fr", ["Distr.: Limited", "3 March 2021", "Original: French"]),
        (
            "restricted",
            "zh-hans",
            "ru",
            ["Distr.: Restricted", "3 March 2021", "Chinese", "Original: Russian"],
        ),
        (
            "general",
            "es",
            "ar",
            ["Distr. general", "3 de marzo de 2021", "Español", "Original: árabe"],
        ),
    ],
)
def test_masthead_names_no_language_line_in_the_original_version(
    distribution, lang, original, expected
):
    assert languages.get(lang).masthead_lines(distribution, date(2021, 3, 3), original) == expected


def test_masthead_of_a_draft_without_date_of_issue_has_no_date_line():
    assert languages.get("zh-hans").masthead_lines("general", None, "en") == [
        "Distr.: General",
        "Chinese",
        "Original: English",
    ]


def test_masthead_with_unknown_distribution_is_rejected():
    with pytest.raises(ValueError, match="Unknown distribution 'secret'"):
        languages.get("en").masthead_lines("secret", date(2020, 7, 24), "en")


def test_only_arabic_is_written_right_to_left():
    directions = {lang: languages.get(lang).direction for lang in languages.codes()}
    assert directions == {
        "ar": "rtl",
        "zh-hans": "ltr",
        "en": "ltr",
        "fr": "ltr",
        "ru": "ltr",
        "es": "ltr",
    }


@pytest.mark.parametrize(
    "call",
    [
        lambda lang: languages.get(lang).format_date(MONDAY),
        lambda lang: languages.get(lang).format_date_range(MONDAY, WEDNESDAY),
        lambda lang: languages.get(lang).format_place_and_dates("Vienna", MONDAY, WEDNESDAY),
        lambda lang: languages.get(lang).format_table_date(MONDAY),
        lambda lang: languages.get(lang).format_day_heading(MONDAY),
        lambda lang: languages.get(lang).format_time(time(11)),
        lambda lang: languages.get(lang).format_time_range(time(11), time(13)),
        lambda lang: languages.get(lang).session_ordinal(11, "session"),
        lambda lang: languages.get(lang).resolution_reference("resolution", "8/7"),
        lambda lang: languages.get(lang).citation_footnote([("resolution", "8/7", "T")]),
        lambda lang: languages.get(lang).join_list(["4", "5"]),
        lambda lang: languages.get(lang).joint_meeting_footnote(["2"], ["4"], "A", "B", "C"),
        lambda lang: languages.get(lang).reissue_note(MONDAY),
        lambda lang: languages.get(lang).masthead_lines("general", MONDAY, "en"),
        lambda lang: languages.get("en").masthead_lines("general", MONDAY, lang),
        lambda lang: languages.get(lang).direction,
    ],
)
@pytest.mark.parametrize("lang", ["de", "zh", "EN", "", None])
def test_unknown_language_is_rejected_by_every_function(call, lang):
    with pytest.raises(ValueError, match="Unknown language"):
        call(lang)


def test_masthead_is_english_in_the_arabic_chinese_and_russian_versions():
    written_in = {lang: languages.get(lang).masthead_code for lang in languages.codes()}
    assert written_in == {
        "ar": "en",
        "zh-hans": "en",
        "en": "en",
        "fr": "fr",
        "ru": "en",
        "es": "es",
    }
