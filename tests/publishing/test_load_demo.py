"""`load_demo` builds the seed agenda CAC/COSP/WG.4/2020/1/Rev.1 exactly, and only once.

What a first and a second run do is tested in test_load_demo_runs.py; the tests here read
the rows of the demo loaded once for the module (twice, in fact, as a second ``make run``
would load it).

The demo holds other agendas too (samples of other bodies); what is checked here is the
seed's: the rows of the Conference and its subsidiary bodies.

The Chinese expected here is typed from tests/data/seed_zh.txt with the
extraction's line breaks rejoined; it is deliberately not imported from the seed module.
"""

import datetime
import io
import re
from pathlib import Path
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.utils import translation

from agendas.models import (
    Agenda,
    AgendaItem,
    Body,
    Document,
    DocumentationLink,
    Room,
    Session,
    Venue,
)
from agendas.numbering import flatten, number_items
from publishing.models import PublishedVersion
from publishing.services import publish_agenda
from resolutions.models import Citation, Resolution
from scheduling.models import JointMeeting, JointParticipant, SlotItem, TimeSlot

from ..snapshot_contract import checked_rendering

SYMBOL = "CAC/COSP/WG.4/2020/1/Rev.1"
SEED_FILE = (
    Path(__file__).resolve().parents[2] / "publishing" / "demo" / "cosp-wg4-2020-1-rev1.json"
)


def run_load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def seed_bodies():
    """The Conference and its subsidiary bodies: the seed's, among the demo's."""
    return Body.objects.filter(symbol_prefix__startswith="CAC/COSP")


def seed_rows():
    """The rows of the seed, per model: those of its bodies' sessions and agendas."""
    bodies = seed_bodies()
    sessions = Session.objects.filter(body__in=bodies)
    agendas = Agenda.objects.filter(session__in=sessions)
    documents = Document.objects.filter(symbol__startswith="CAC/COSP/")
    through = JointParticipant.items.through
    return {
        "agendas.Body": bodies,
        "agendas.Session": sessions,
        "agendas.Agenda": agendas,
        "agendas.AgendaEdition": apps.get_model("agendas", "AgendaEdition").objects.filter(
            agenda__in=agendas
        ),
        "agendas.AgendaItem": AgendaItem.objects.filter(agenda__in=agendas),
        "agendas.Document": documents,
        "agendas.DocumentEdition": apps.get_model("agendas", "DocumentEdition").objects.filter(
            document__in=documents
        ),
        "agendas.DocumentationLink": DocumentationLink.objects.filter(item__agenda__in=agendas),
        "resolutions.Resolution": Resolution.objects.filter(body__in=bodies),
        "resolutions.Citation": Citation.objects.filter(item__agenda__in=agendas),
        "agendas.Venue": Venue.objects.filter(sessions__in=sessions).distinct(),
        # The rooms its sessions open in and meet in (the venue has others).
        "agendas.Room": Room.objects.filter(
            Q(pk__in=sessions.values("room")) | Q(time_slots__session__in=sessions)
        ).distinct(),
        "scheduling.JointMeeting": JointMeeting.objects.filter(
            participants__session__in=sessions
        ).distinct(),
        "scheduling.JointParticipant": JointParticipant.objects.filter(session__in=sessions),
        "scheduling.TimeSlot": TimeSlot.objects.filter(session__in=sessions),
        "scheduling.SlotItem": SlotItem.objects.filter(slot__session__in=sessions),
        "joint items": through.objects.filter(jointparticipant__session__in=sessions),
    }


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The demo loaded twice, as a second ``make run`` would: once for the module, the
    database rolled back after it (each test's own changes roll back after the test)."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        translation.override("en"),
        mock.patch("publishing.services.rendering_alongside", side_effect=checked_rendering),
    ):
        run_load_demo()
        run_load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def agenda(loaded_demo, db):
    return Agenda.objects.get(symbol=SYMBOL)


def numbered(agenda):
    items = list(AgendaItem.objects.filter(agenda=agenda))
    return {node.reference: node.item for node in flatten(number_items(items))}


def paragraphs(html):
    html = html or ""
    assert re.sub(r"<p>.*?</p>|\n", "", html) == "", "annotations are <p> paragraphs only"
    return re.findall(r"<p>(.*?)</p>", html)


EXPECTED_ROWS = {
    "agendas.Body": 3,
    "agendas.Session": 2,
    "agendas.Agenda": 1,
    "agendas.AgendaEdition": 1,
    "agendas.AgendaItem": 8,
    "agendas.Document": 3,
    "agendas.DocumentEdition": 0,
    "agendas.DocumentationLink": 3,
    "resolutions.Resolution": 7,
    "resolutions.Citation": 7,
    "agendas.Venue": 1,
    "agendas.Room": 1,
    "scheduling.JointMeeting": 1,
    "scheduling.JointParticipant": 2,
    "scheduling.TimeSlot": 5,
    "scheduling.SlotItem": 8,
    "joint items": 1,
}


def test_row_counts_are_those_of_the_seed(agenda):
    rows = seed_rows()
    assert {label: rows[label].count() for label in EXPECTED_ROWS} == EXPECTED_ROWS


def test_bodies_nest_under_the_conference_with_names_in_six_languages(agenda):
    bodies = seed_bodies().order_by("symbol_prefix")
    assert [
        (
            b.symbol_prefix,
            b.parent.symbol_prefix if b.parent else None,
            b.gathering_term,
            b.name_en,
            b.name_zh_hans,
            b.short_name_en,
            b.short_name_zh_hans,
        )
        for b in bodies
    ] == [
        (
            "CAC/COSP",
            None,
            "session",
            "Conference of the States Parties to the United Nations Convention against Corruption",
            "联合国反腐败公约缔约国会议",
            "Conference",
            "缔约国会议",
        ),
        (
            "CAC/COSP/IRG",
            "CAC/COSP",
            "session",
            "Implementation Review Group",
            "实施情况审议组",
            "Implementation Review Group",
            "实施情况审议组",
        ),
        (
            "CAC/COSP/WG.4",
            "CAC/COSP",
            "meeting",
            "Open-ended Intergovernmental Working Group on the Prevention of Corruption",
            "预防腐败问题不限成员名额政府间工作组",
            "Working Group",
            "工作组",
        ),
    ]
    assert [(b.name_fr, b.name_ar) for b in bodies] == [
        (
            "Conférence des États parties à la Convention des Nations Unies contre la corruption",
            "مؤتمر الدول الأطراف في اتفاقية الأمم المتحدة لمكافحة الفساد",
        ),
        ("Groupe d’examen de l’application", "فريق استعراض التنفيذ"),
        (
            "Groupe de travail intergouvernemental à composition non limitée sur la "
            "prévention de la corruption",
            "الفريق العامل الحكومي الدولي المفتوح العضوية المعني بمنع الفساد",
        ),
    ]
    assert all(b.name_es and b.name_ru and b.short_name_ar for b in bodies)


def test_sessions_meet_at_the_vienna_international_centre(agenda):
    session = agenda.session
    assert (session.body.symbol_prefix, session.number, session.is_special) == (
        "CAC/COSP/WG.4",
        11,
        False,
    )
    assert (session.start_date, session.end_date) == (
        datetime.date(2020, 8, 31),
        datetime.date(2020, 9, 2),
    )
    venue = session.venue
    assert (venue.name_en, venue.name_zh_hans, venue.city_en, venue.city_zh_hans) == (
        "Vienna International Centre",
        "维也纳国际中心",
        "Vienna",
        "维也纳",
    )
    assert session.time_zone == "Europe/Vienna"
    assert (session.room.name_en, session.room.name_zh_hans) == (
        "Plenary Hall M, M Building",
        "M 楼 M 全体会议厅",
    )
    review_group = Session.objects.get(body__symbol_prefix="CAC/COSP/IRG")
    assert (review_group.number, review_group.start_date, review_group.venue) == (
        11,
        datetime.date(2020, 8, 31),
        venue,
    )
    assert not review_group.agendas.exists()


def test_agenda_masthead_and_the_reissued_chinese_edition(agenda):
    assert (
        agenda.kind,
        agenda.distribution,
        agenda.issued_on,
        agenda.original_language,
    ) == ("annotated", "general", datetime.date(2020, 7, 24), "en")
    assert [
        (e.language, e.job_number, e.reissued_on, e.barcode) for e in agenda.editions.all()
    ] == [("zh-hans", "V.20-04026 (C)", datetime.date(2020, 8, 27), "*2004026*")]


def test_eight_items_numbered_from_their_order_with_the_seed_titles(agenda):
    assert [
        (reference, item.title_zh_hans, item.title_en)
        for reference, item in numbered(agenda).items()
    ] == [
        ("1", "组织事项", "Organizational matters"),
        ("1(a)", "会议开幕", "Opening of the meeting"),
        ("1(b)", "通过议程和工作安排", "Adoption of the agenda and organization of work"),
        ("2", "缔约国会议有关决议的执行情况", "Implementation of relevant Conference resolutions"),
        (
            "2(a)",
            "预防腐败方面的良好做法和举措：加强反腐败机构的效力（《联合国反腐败公约》第六条）",
            "Good practices and initiatives in the prevention of corruption: enhancing the "
            "effectiveness of anti-corruption bodies (article 6 of the United Nations "
            "Convention against Corruption)",
        ),
        ("2(b)", "其他建议", "Other recommendations"),
        ("3", "今后的优先事项", "Future priorities"),
        ("4", "通过报告", "Adoption of the report"),
    ]


CHINESE_ANNOTATIONS = {
    "1": [],
    "1(a)": [
        "预防腐败问题不限成员名额政府间工作组第十一次会议将于 8 月 31 日星期一上午 11 时在"
        "维也纳国际中心 M 楼 M 全体会议厅开幕。",
    ],
    "1(b)": [
        "联合国反腐败公约缔约国会议在题为“《马拉喀什预防腐败宣言》的后续行动”的第 8/8 号"
        "决议中决定，工作组应继续开展工作，为缔约国会议执行其预防腐败任务提供建议和协助，"
        "并应在缔约国会议第九届会议之前至少举行两次会议。",
        "第十一次会议的临时议程是根据缔约国会议题为“加强反腐败机构在打击腐败方面的效力”的"
        "第 8/7 号决议编写的，缔约国会议在该决议中决定将加强反腐败机构效力的问题列入工作组"
        "议程。",
        "拟议工作安排（见附件）是根据 2019 年 12 月 16 日至 20 日在阿布扎比举行的缔约国会议"
        "第八届会议通过的缔约国会议附属机构工作计划所载的指导意见以及随后的缔约国会议主席团"
        "建议编写的，以便能够与实施情况审议组共同审议议程项目 2。",
    ],
    "2": [
        "缔约国会议在题为“预防措施”的第 3/2 号决议中强调实施《反腐败公约》第五至十四条以"
        "预防和打击腐败的重要性。在该决议中，缔约国会议还决定设立一个不限成员名额的临时政府"
        "间工作组，为缔约国会议履行其有关预防腐败的任务授权提供咨询和协助，并决定该工作组将"
        "履行以下职能：",
        "(a) 协助缔约国会议发展和积累预防腐败方面的知识；",
        "(b) 便利各国交流有关预防措施和做法的信息和经验",
        "(c) 便利收集、传播和促进预防腐败方面的最佳做法；",
        "(d) 协助缔约国会议鼓励社会所有利益相关方和部门为预防腐败相互合作。",
        "缔约国会议在第 8/8 号决议中欢迎工作组为促进缔约国之间交流信息所作的持续努力，并强调"
        "工作组 2018 年 9 月 5 日至 7 日和 2019 年 9 月 4 日至 6 日在维也纳举行的会议的结论和"
        "建议的重要性。",
        "缔约国会议在上述决议中请缔约国继续分享信息，并请秘书处在可获得预算外资源的前提下，"
        "继续作为国际观察站开展工作，包括更新该工作组的专题网站，增补相关信息。",
        "联合国反腐败公约缔约国会议在题为“继续审议《联合国反腐败公约》实施情况”的第 6/1 号"
        "决议中请秘书处为缔约国会议设立的附属机构制定临时议程，以避免重复讨论，同时尊重其任务"
        "授权。",
        "缔约国会议在第 8/7 号决议中决定将加强反腐败机构效力问题列入工作组议程。根据该决议，"
        "第十一次会议的讨论议题为“反腐败机构的效力（《联合国反腐败公约》第六条）”。",
        "工作组在 2011 年 8 月 22 日至 24 日于维也纳举行的第二次会议上建议，今后应在其每次"
        "会议之前，邀请缔约国交流在实施所审议条款方面的经验，最好是利用自评清单开展交流，包括"
        "在可能的情况下交流成功事例、挑战、技术援助需求和实施过程中汲取的经验教训。工作组请"
        "秘书处编写一份背景文件汇总此类信息，并决定在会议期间举行专题小组讨论，此类讨论应有就"
        "所审议的优先议题提供书面答复的国家的专家参加。",
        "议程项目 2 将与实施情况审议组第十一届会议议程项目 4 和 5 一起，在工作组和实施情况"
        "审议组联席会议上讨论。",
    ],
    "2(a)": [
        "审议加强反腐败机构的效力这一专题时，将首先进行一次专题小组讨论，其中包括介绍秘书处"
        "依据缔约国应邀在会前提供的材料编写的有关该专题的背景文件。",
    ],
    "2(b)": [
        "缔约国会议在第 7/1 号决定中回顾其第 6/1 号决议，并请秘书处编排实施情况审议组和缔约国"
        "会议设立的其他附属机构的临时议程，以避免重复讨论，同时尊重其任务授权。",
    ],
    "3": [
        "将讨论工作组今后为缔约国会议执行预防腐败任务提供建议和协助的优先事项。讨论将参考工作组"
        "以前的讨论情况，并参考正在联合国反腐败公约实施情况审议机制第二周期对《公约》第二章实施"
        "情况进行的审议。将考虑实行符合该章要求的立法框架和体制框架的重要性，以及如何对这类实施"
        "工作进行有效审议。",
    ],
    "4": ["工作组将通过会议报告，报告草稿将由秘书处编写。"],
}


def test_every_chinese_annotation_paragraph_is_the_seeds(agenda):
    assert {
        reference: paragraphs(item.annotation_zh_hans)
        for reference, item in numbered(agenda).items()
    } == CHINESE_ANNOTATIONS


def test_every_chinese_paragraph_has_an_english_paragraph(agenda):
    for reference, item in numbered(agenda).items():
        english = paragraphs(item.annotation_en)
        assert len(english) == len(CHINESE_ANNOTATIONS[reference]), reference
        assert all(text and text[0].isupper() or text.startswith("(") for text in english)
    items = numbered(agenda)
    assert paragraphs(items["1(a)"].annotation_en) == [
        "The eleventh meeting of the Open-ended Intergovernmental Working Group on the "
        "Prevention of Corruption will be opened on Monday, 31 August 2020, at 11 a.m., in "
        "Plenary Hall M, M Building, at the Vienna International Centre."
    ]
    assert [p[:4] for p in paragraphs(items["2"].annotation_en)[1:5]] == [
        "(a) ",
        "(b) ",
        "(c) ",
        "(d) ",
    ]


def test_documents_and_what_each_item_lists(agenda):
    assert [
        (d.symbol, d.distribution, d.original_language, d.title_zh_hans, d.title_en)
        for d in seed_rows()["agendas.Document"].order_by("symbol")
    ] == [
        (
            "CAC/COSP/WG.4/2020/2",
            "general",
            "en",
            "秘书处编写的关于工作组任务执行进展情况的背景文件",
            "Background paper prepared by the Secretariat on progress made in the "
            "implementation of the mandates of the Working Group",
        ),
        (
            "CAC/COSP/WG.4/2020/3",
            "general",
            "en",
            "秘书处编写的关于缔约国会议有关决议执行情况的背景文件",
            "Background paper prepared by the Secretariat on the implementation of relevant "
            "Conference resolutions",
        ),
        (
            "CAC/COSP/WG.4/2020/4",
            "general",
            "en",
            "秘书处编写的关于提高反腐败机构效力的背景文件",
            "Background paper prepared by the Secretariat on enhancing the effectiveness of "
            "anti-corruption bodies",
        ),
    ]
    references = {item.pk: reference for reference, item in numbered(agenda).items()}
    assert sorted(
        (references[link.item_id], link.document.symbol, link.purpose_id)
        for link in DocumentationLink.objects.filter(item__agenda=agenda).select_related("document")
    ) == [
        # The seed prints no purpose beside its documents.
        ("2(a)", "CAC/COSP/WG.4/2020/4", None),
        ("2(b)", "CAC/COSP/WG.4/2020/3", None),
        ("3", "CAC/COSP/WG.4/2020/2", None),
    ]


def test_resolutions_of_the_conference_with_their_titles(agenda):
    # The agenda file holds the resolutions the agenda cites (footnote 1); those its
    # annotations only name in the text (3/2, 6/1, decision 7/1) are not part of it.
    assert [
        (str(r), r.body.symbol_prefix, r.title_zh_hans, r.title_en)
        for r in seed_rows()["resolutions.Resolution"].order_by("session_number", "number", "kind")
    ] == [
        (
            "resolution 8/3",
            "CAC/COSP",
            "促进《联合国反腐败公约》缔约国公共部门的廉正",
            "Promoting integrity in the public sector among States parties to the United "
            "Nations Convention against Corruption",
        ),
        (
            "resolution 8/7",
            "CAC/COSP",
            "加强反腐败机构在打击腐败方面的效力",
            "Enhancing the effectiveness of anti-corruption bodies in fighting corruption",
        ),
        (
            "resolution 8/8",
            "CAC/COSP",
            "《马拉喀什预防腐败宣言》的后续行动",
            "Follow-up to the Marrakech declaration on the prevention of corruption",
        ),
        ("resolution 8/10", "CAC/COSP", "对腐败的衡量", "Measurement of corruption"),
        (
            "resolution 8/11",
            "CAC/COSP",
            "加强小岛屿发展中国家实施《联合国反腐败公约》",
            "Strengthening the implementation of the United Nations Convention against "
            "Corruption in small island developing States",
        ),
        (
            "resolution 8/12",
            "CAC/COSP",
            "预防和打击与影响环境的犯罪有关的腐败",
            "Preventing and combating corruption as it relates to crimes that have an impact "
            "on the environment",
        ),
        (
            "resolution 8/13",
            "CAC/COSP",
            "关于加强最高审计机构与反腐败机构之间的合作以更有效地预防和打击腐败的阿布扎比宣言",
            "Abu Dhabi declaration on enhancing collaboration between the supreme audit "
            "institutions and anti-corruption bodies to more effectively prevent and fight "
            "corruption",
        ),
    ]


def test_item_2_title_cites_the_seven_resolutions_of_footnote_1_in_order(agenda):
    item_2 = numbered(agenda)["2"]
    assert [
        (c.placement, c.resolution.label)
        for c in Citation.objects.filter(item=item_2).order_by("position")
    ] == [
        ("title", "8/3"),
        ("title", "8/7"),
        ("title", "8/8"),
        ("title", "8/10"),
        ("title", "8/11"),
        ("title", "8/12"),
        ("title", "8/13"),
    ]
    # The seed has no footnotes for resolutions named in annotations, so no citations.
    assert Citation.objects.filter(item__agenda=agenda).exclude(item=item_2).count() == 0


def test_organization_of_work_slots_take_up_the_items_of_the_annex(agenda):
    references = {item.pk: reference for reference, item in numbered(agenda).items()}
    slots = TimeSlot.objects.filter(session=agenda.session).order_by("date", "start_time")
    assert [
        (
            slot.date.isoformat(),
            slot.start_time.strftime("%H:%M"),
            slot.end_time.strftime("%H:%M"),
            slot.room == agenda.session.room,
            slot.joint_meeting_id is not None,
            [references[s.item_id] for s in slot.slot_items.order_by("position")],
        )
        for slot in slots
    ] == [
        ("2020-08-31", "11:00", "13:00", True, False, ["1(a)", "1(b)"]),
        ("2020-08-31", "15:00", "17:00", True, True, ["2", "2(a)"]),
        ("2020-09-01", "11:00", "13:00", True, True, ["2"]),
        ("2020-09-01", "15:00", "17:00", True, False, ["2(b)"]),
        ("2020-09-02", "11:00", "13:00", True, False, ["3", "4"]),
    ]


def test_joint_meeting_takes_up_item_2_with_items_4_and_5_of_the_review_group(agenda):
    joint_meeting = JointMeeting.objects.get()
    item_2 = numbered(agenda)["2"]
    assert [
        (
            p.session.body.symbol_prefix,
            p.session.number,
            [item.pk for item in p.items.all()],
            p.item_numbers,
        )
        for p in joint_meeting.participants.all()
    ] == [
        ("CAC/COSP/WG.4", 11, [item_2.pk], ""),
        ("CAC/COSP/IRG", 11, [], "4, 5"),
    ]
    assert joint_meeting.note == ""
    assert joint_meeting.time_slots.count() == 2


def test_an_edited_title_is_restored_in_place_without_duplicating(agenda):
    item = numbered(agenda)["3"]
    item.title_zh_hans = "今后优先事项"
    item.save()
    output = run_load_demo()
    item.refresh_from_db()
    assert item.title_zh_hans == "今后的优先事项"
    assert "agendas.AgendaItem: 0 created, 1 updated, 7 unchanged, 0 removed" in output
    assert AgendaItem.objects.filter(agenda=agenda).count() == 8
    # The live version never showed the edit, so restoring it publishes nothing new.
    assert "Published" not in output
    assert PublishedVersion.objects.get(agenda=agenda).number == 1


def test_a_draft_edited_after_publishing_is_published_again_on_reload(agenda):
    item = numbered(agenda)["4"]
    item.title_zh_hans = "通过会议报告"
    item.save()
    publish_agenda(agenda, by=None)
    output = run_load_demo()
    assert "Published CAC/COSP/WG.4/2020/1/Rev.1 as version 3." in output
    live = PublishedVersion.objects.get(agenda=agenda, is_current=True)
    assert live.number == 3
    assert [row["title"]["zh-hans"] for row in live.content["items"]][-1] == "通过报告"
