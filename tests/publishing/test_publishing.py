import datetime

import pytest
from django.core.exceptions import ValidationError

from agendas.models import AgendaItem, DocumentPurpose
from publishing import rendering
from publishing.models import PublishedSlot, PublishedVersion, SearchEntry
from publishing.queries import has_unpublished_changes
from publishing.services import publish_agenda
from publishing.snapshot import build_snapshot
from resolutions.models import Citation

from ..factories import (
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    CitationFactory,
    DocumentationLinkFactory,
    DocumentEditionFactory,
    DocumentFactory,
    JointMeetingFactory,
    JointParticipantFactory,
    ResolutionFactory,
    SessionFactory,
    SlotItemFactory,
    TimeSlotFactory,
)
from ..rows import row_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda():
    agenda = AgendaFactory(symbol="TEST/WG.1/2020/1")
    first = AgendaItemFactory(agenda=agenda, position=1, title_en="Organizational matters")
    AgendaItemFactory(agenda=agenda, parent=first, position=1, title_en="Opening")
    AgendaItemFactory(agenda=agenda, parent=first, position=2, title_en="Adoption")
    AgendaItemFactory(
        agenda=agenda,
        position=2,
        title_en="Implementation",
        title_zh_hans="执行情况",
        annotation_en='<p onclick="x">Text<script>alert(1)</script></p>',
    )
    return agenda


def test_snapshot_numbers_items_in_reading_order_and_keeps_only_filled_languages(agenda):
    content = build_snapshot(agenda)
    assert [(i["number"], i["reference"], i["anchor"], i["title"]) for i in content["items"]] == [
        ("1.", "1", "item-1", {"en": "Organizational matters"}),
        ("(a)", "1(a)", "item-1-a", {"en": "Opening"}),
        ("(b)", "1(b)", "item-1-b", {"en": "Adoption"}),
        ("2.", "2", "item-2", {"en": "Implementation", "zh-hans": "执行情况"}),
    ]
    assert content["items"][1]["parent"] == content["items"][0]["uid"]
    assert content["items"][3]["annotation"] == {"en": "<p>Text</p>"}


def test_title_citations_become_one_numbered_footnote_listing_full_titles(agenda):
    item = agenda.items.get(title_en="Implementation")
    body = BodyFactory()
    for number, title in ((3, "Promoting integrity"), (7, "Enhancing effectiveness")):
        CitationFactory(
            item=item,
            resolution=ResolutionFactory(
                body=body, session_number=8, number=number, title_en=title
            ),
            position=number,
        )
    content = build_snapshot(agenda)
    assert content["items"][3]["title_footnotes"] == ["1"]
    assert content["footnotes"] == [
        {
            "id": "1",
            "text": {
                "en": "Resolution 8/3, entitled “Promoting integrity”; and resolution 8/7, "
                "entitled “Enhancing effectiveness”."
            },
        }
    ]


def test_annotation_citations_are_numbered_after_title_citations(agenda):
    opening = agenda.items.get(title_en="Opening")
    implementation = agenda.items.get(title_en="Implementation")
    CitationFactory(item=opening, placement=Citation.Placement.ANNOTATION)
    CitationFactory(item=implementation, placement=Citation.Placement.TITLE)
    content = build_snapshot(agenda)
    by_title = {i["title"]["en"]: i for i in content["items"]}
    assert by_title["Implementation"]["title_footnotes"] == ["1"]
    assert by_title["Opening"]["annotation_footnotes"] == [{"id": "2", "paragraph": None}]


def test_documentation_lists_symbol_title_purpose_and_available_languages(agenda):
    item = agenda.items.get(title_en="Implementation")
    document = DocumentFactory(symbol="TEST/WG.1/2020/4", title_en="Background paper")
    DocumentEditionFactory(document=document, language="en")
    DocumentEditionFactory(document=document, language="fr", is_available=False)
    DocumentEditionFactory(document=document, language="zh-hans")
    DocumentationLinkFactory(
        item=item, document=document, purpose=DocumentPurpose.objects.get(code="for-noting")
    )
    (row,) = build_snapshot(agenda)["items"][3]["documents"]
    assert row == {
        "uid": str(document.uid),
        "symbol": "TEST/WG.1/2020/4",
        "url": "",
        "purpose": {
            "code": "for-noting",
            "name": {
                "ar": "للإحاطة علماً",
                "en": "For noting",
                "es": "Para que se tome nota",
                "fr": "Pour prise de note",
                "ru": "Для сведения",
                "zh-hans": "供注意",
            },
        },
        "title": {"en": "Background paper"},
        "languages": ["en", "zh-hans"],
    }


def test_organization_of_work_derives_continued_and_joint_meeting_footnote(agenda):
    session = agenda.session
    session.body.name_en = "Working Group on Prevention"
    session.body.save()
    partner = SessionFactory(
        body=BodyFactory(name_en="Implementation Review Group"),
        number=11,
        start_date=session.start_date,
        end_date=session.end_date,
        venue=session.venue,
    )
    partner.body.gathering_term = "session"
    partner.body.save()
    item = agenda.items.get(title_en="Implementation")
    joint = JointMeetingFactory()
    participant = JointParticipantFactory(joint_meeting=joint, session=session)
    participant.items.add(item)
    JointParticipantFactory(joint_meeting=joint, session=partner, item_numbers="4, 5")
    first = TimeSlotFactory(session=session, joint_meeting=joint)
    second = TimeSlotFactory(
        session=session,
        joint_meeting=joint,
        date=datetime.date(2020, 9, 1),
    )
    SlotItemFactory(slot=first, item=item)
    SlotItemFactory(slot=second, item=item)

    work = build_snapshot(agenda)["organization_of_work"]
    assert [(r["date"], r["start"], r["end"], r["joint"]) for r in work["rows"]] == [
        ("2020-08-31", "11:00", "13:00", "a"),
        ("2020-09-01", "11:00", "13:00", "a"),
    ]
    assert [
        (e["reference"], e["continued"], e["footnote"]) for r in work["rows"] for e in r["entries"]
    ] == [
        ("2", False, "a"),
        ("2", True, "a"),
    ]
    assert work["footnotes"] == [
        {
            "id": "a",
            "text": {
                "en": "Agenda item 2 will be considered jointly with items 4 and 5 of the agenda "
                "of the eleventh session of the Implementation Review Group at joint meetings "
                "of the Working Group on Prevention and the Implementation Review Group."
            },
        }
    ]


def test_publishing_freezes_the_draft_and_numbers_versions(agenda, secretariat):
    # In English only: staff publish the other languages with the original's text.
    fallback = ["ar", "zh-hans", "fr", "ru", "es"]
    first = publish_agenda(agenda, by=secretariat, fallback=fallback)
    assert (first.number, first.is_current, first.published_by) == (1, True, secretariat)
    assert first.content["version"] == 1
    assert not has_unpublished_changes(agenda)

    item = agenda.items.get(title_en="Implementation")
    item.title_en = "Implementation, revised"
    item.save()
    first.refresh_from_db()
    assert first.content["items"][3]["title"]["en"] == "Implementation"
    assert has_unpublished_changes(agenda)

    second = publish_agenda(agenda, by=secretariat, fallback=fallback)
    first.refresh_from_db()
    assert (second.number, second.is_current, first.is_current) == (2, True, False)
    assert second.content["items"][3]["title"]["en"] == "Implementation, revised"


def test_publishing_indexes_slots_and_search_text(agenda):
    item = agenda.items.get(title_en="Implementation")
    SlotItemFactory(slot=TimeSlotFactory(session=agenda.session), item=item)
    version = publish_agenda(agenda)
    slot = PublishedSlot.objects.get(version=version)
    assert (slot.date, slot.start_time, slot.row["rendered"]["en"]["entries"][0]) == (
        datetime.date(2020, 8, 31),
        datetime.time(11, 0),
        {"item": str(item.uid), "reference": "2", "title": "Implementation", "continued": ""},
    )
    assert slot.row["rendered"]["en"]["time"] == "11 a.m.–1 p.m."
    assert SearchEntry.objects.filter(
        version=version, language="zh-hans", kind="item", text__contains="执行情况"
    ).exists()


def test_an_agenda_without_items_cannot_be_published_and_nothing_is_written():
    agenda = AgendaFactory()
    with pytest.raises(ValidationError) as error:
        publish_agenda(agenda)
    assert error.value.messages == ["An agenda without items cannot be published."]
    assert PublishedVersion.objects.count() == 0
    assert AgendaItem.objects.count() == 0


def test_joint_meeting_without_partner_items_publishes_without_a_generated_sentence(agenda):
    joint = JointMeetingFactory(note_en="Joint meeting with the Review Group.")
    item = agenda.items.get(title_en="Implementation")
    JointParticipantFactory(joint_meeting=joint, session=agenda.session).items.add(item)
    JointParticipantFactory(joint_meeting=joint)
    SlotItemFactory(slot=TimeSlotFactory(session=agenda.session, joint_meeting=joint), item=item)
    assert build_snapshot(agenda)["organization_of_work"]["footnotes"] == [
        {"id": "a", "text": {"en": "Joint meeting with the Review Group."}}
    ]
    joint.note_en = ""
    joint.save()
    work = build_snapshot(agenda)["organization_of_work"]
    assert work["footnotes"] == []
    assert [(row["joint"], row["entries"][0]["footnote"]) for row in work["rows"]] == [(None, None)]


def test_a_rendering_that_fails_publishes_nothing(agenda, monkeypatch):
    # The search rows are written while the record renders: a failed rendering must
    # take them back with everything else.
    def broken(content, language):
        raise ValueError("rendering broke")

    monkeypatch.setattr(rendering, "render_edition", broken)
    before = row_counts("publishing")

    with pytest.raises(ValueError, match="rendering broke"):
        publish_agenda(agenda)

    assert row_counts("publishing") == before


def test_rendering_cannot_reach_the_database(agenda, monkeypatch):
    # It runs in a thread of its own, whose connection would be outside the publish's
    # transaction: a query from it fails instead, and nothing is published.
    def reads_the_database(content, language):
        return AgendaItem.objects.count()

    monkeypatch.setattr(rendering, "render_edition", reads_the_database)

    with pytest.raises(RuntimeError, match="never the database"):
        publish_agenda(agenda)

    assert not PublishedVersion.objects.exists()
    assert not SearchEntry.objects.exists()
