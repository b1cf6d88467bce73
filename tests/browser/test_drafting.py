"""The drafting pages in Chromium: the outline moved by drag and drop and by keyboard,
rich text that keeps its paragraphs, a pasted document list, the timetable grid, and a
new agenda begun from the last one; axe-core finds no violation on any of them."""

import datetime
import importlib

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps as django_apps
from playwright.sync_api import expect

from agendas import services
from agendas.models import AgendaItem, Document, Footnote
from scheduling.models import TimeSlot
from tests.browser.test_accessibility import AXE_OPTIONS, describe
from tests.factories import AgendaFactory, RoomFactory, UserFactory

add_purposes = importlib.import_module("agendas.migrations.0002_document_purposes").add_purposes
pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery staple"


def log_in(page):
    UserFactory(username="officer", is_staff=True, is_superuser=True)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_be_visible()


@pytest.fixture
def agenda(transactional_db):
    # A transactional test empties the tables after it ran, the vocabulary of purposes
    # that a migration gives a new installation included: give it back.
    add_purposes(django_apps, None)
    agenda = AgendaFactory(original_language="en")
    for title in ("Opening", "Review", "Report"):
        services.add_agenda_item(agenda, title_en=title)
    return agenda


def open_page(page, agenda, query=""):
    page.goto(f"/admin/drafting/agendas/{agenda.pk}/{query}")
    expect(page.locator(".outline")).to_be_visible()


def outline(page):
    return page.locator(".outline__entry .outline__title")


def entry(page, title):
    return page.locator(".outline__entry", has=page.locator(".outline__title", has_text=title))


def expect_outline(page, texts):
    expect(outline(page)).to_have_text(texts)


def test_entries_move_by_drag_and_drop(page, agenda):
    log_in(page)
    open_page(page, agenda)
    expect_outline(page, ["1 Opening", "2 Review", "3 Report"])

    # Dropped on the upper part of "Opening": before it.
    target = entry(page, "Opening")
    box = target.bounding_box()
    entry(page, "Report").locator(".outline__handle").drag_to(
        target, target_position={"x": box["width"] / 2, "y": 2}
    )
    expect_outline(page, ["1 Report", "2 Opening", "3 Review"])

    # Dropped on the middle of "Opening": under it, as its last sub-item.
    target = entry(page, "Opening")
    box = target.bounding_box()
    entry(page, "Review").locator(".outline__handle").drag_to(
        target, target_position={"x": box["width"] / 2, "y": box["height"] / 2}
    )
    expect_outline(page, ["1 Report", "2 Opening", "2(a) Review"])
    review = AgendaItem.objects.get(title_en="Review")
    assert review.parent.title_en == "Opening"


def test_entries_move_by_keyboard(page, agenda):
    log_in(page)
    open_page(page, agenda)
    entry(page, "Opening").focus()
    page.keyboard.press("ArrowDown")  # to "Review"
    expect(entry(page, "Review")).to_be_focused()
    page.keyboard.press("Alt+ArrowRight")  # under "Opening"
    expect_outline(page, ["1 Opening", "1(a) Review", "2 Report"])
    expect(entry(page, "Review")).to_be_focused()
    page.keyboard.press("Alt+ArrowLeft")
    expect_outline(page, ["1 Opening", "2 Review", "3 Report"])
    page.keyboard.press("Alt+ArrowUp")
    expect_outline(page, ["1 Review", "2 Opening", "3 Report"])
    # A refusal is said where a screen reader hears it, and nothing moves.
    page.keyboard.press("Alt+ArrowLeft")
    expect(page.locator(".drafting-messages")).to_have_text(
        "A top-level entry cannot move further out."
    )
    expect_outline(page, ["1 Review", "2 Opening", "3 Report"])
    page.keyboard.press("Enter")
    expect(page.locator("#editor-heading")).to_have_text("1 Review")


def test_rich_text_keeps_paragraphs_typed_and_pasted(page, agenda):
    log_in(page)
    opening = AgendaItem.objects.get(title_en="Opening")
    open_page(page, agenda, f"?item={opening.pk}")
    editor = page.locator(".editor__item .ProseMirror").last  # the annotation
    editor.click()
    page.keyboard.type("The meeting opens at 10 a.m.")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("Delegations are invited to register.")
    page.keyboard.press("Control+b")
    page.keyboard.press("Enter")
    # Text pasted from an e-mail: its blank line separates two paragraphs.
    editor.evaluate(
        """(element) => {
            const data = new DataTransfer()
            data.setData("text/plain", "Pasted first.\\n\\nPasted second.")
            const options = { clipboardData: data, bubbles: true, cancelable: true }
            element.dispatchEvent(new ClipboardEvent("paste", options))
        }"""
    )
    page.locator(".editor__item").get_by_role("button", name="Save").click()
    expect(page.locator(".drafting-messages")).to_have_text("Saved.")
    opening.refresh_from_db()
    assert opening.annotation_en == (
        "<p>The meeting opens at 10 a.m.</p>"
        "<p><strong>Delegations are invited to register.</strong></p>"
        "<p>Pasted first.</p><p>Pasted second.</p>"
    )
    # The editor shows what was saved, paragraphs and all, after the workspace is redrawn.
    expect(page.locator(".editor__item .ProseMirror").last.locator("p")).to_have_count(4)


def test_pasting_a_document_list(page, agenda):
    log_in(page)
    review = AgendaItem.objects.get(title_en="Review")
    open_page(page, agenda, f"?item={review.pk}")
    page.get_by_label("Paste documents").fill(
        "CAC/COSP/WG.4/2020/2\tBackground paper prepared by the Secretariat\tFor information\n"
        "CAC/COSP/WG.4/2020/3 – Conference room paper\n"
        "Note by the Secretariat on the venue"
    )
    page.get_by_role("button", name="List them").click()
    expect(page.locator(".drafting-messages li").first).to_have_text(
        "Listed 0 existing documents and 2 new ones, and 1 to be issued; 0 were listed already."
    )
    rows = page.locator(".editor__table tbody tr")
    expect(rows.locator("td:nth-child(1)")).to_have_text(
        ["CAC/COSP/WG.4/2020/2", "CAC/COSP/WG.4/2020/3", "—"]
    )
    expect(rows.locator("td:nth-child(2)")).to_have_text(
        [
            "Background paper prepared by the Secretariat",
            "Conference room paper",
            "Note by the Secretariat on the venue",
        ]
    )
    assert Document.objects.count() == 3
    # The paste box is empty again, ready for the next list; the outline did not move.
    expect(page.get_by_label("Paste documents")).to_have_value("")
    expect_outline(page, ["1 Opening", "2 Review", "3 Report"])


def test_the_timetable_grid(page, agenda):
    log_in(page)
    room = RoomFactory(venue=agenda.session.venue, name_en="Boardroom D")
    page.goto(f"/admin/drafting/sessions/{agenda.session_id}/timetable/")
    first = page.locator(".timetable-grid tbody tr").nth(0)
    first.locator("input[name$='-date']").fill("2020-08-31")
    first.locator("input[name$='-start_time']").fill("10:00")
    first.locator("input[name$='-end_time']").fill("13:00")
    first.locator("select[name$='-room']").select_option(label=str(room))
    first.locator("input[name$='-items']").fill("1, 2")
    first.locator("[name$='-introduced_by_en']").fill("The Chair")
    second = page.locator(".timetable-grid tbody tr").nth(1)
    second.locator("input[name$='-date']").fill("2020-08-31")
    second.locator("input[name$='-start_time']").fill("15:00")
    second.locator("input[name$='-end_time']").fill("18:00")
    second.locator("input[name$='-items']").fill("9")
    page.get_by_role("button", name="Save the timetable").click()
    # Item 9 does not exist: nothing is written and the grid keeps what was typed.
    expect(page.locator(".errorlist.nonform")).to_have_text(
        "Row 2: No agenda of the session has the item “9”."
    )
    expect(second.locator("input[name$='-items']")).to_have_value("9")
    assert not TimeSlot.objects.exists()

    second.locator("input[name$='-items']").fill("3")
    page.get_by_role("button", name="Add a row").click()
    expect(page.locator(".timetable-grid tbody tr")).to_have_count(4)
    page.get_by_role("button", name="Save the timetable").click()
    expect(page.locator(".messagelist .success")).to_have_text("The timetable was saved.")
    slots = list(TimeSlot.objects.order_by("start_time"))
    assert [
        (slot.start_time, [si.item.title_en for si in slot.slot_items.all()]) for slot in slots
    ] == [(datetime.time(10), ["Opening", "Review"]), (datetime.time(15), ["Report"])]
    assert (slots[0].room, slots[0].introduced_by_en) == (room, "The Chair")


def test_a_new_agenda_begun_from_the_last_one(page, agenda):
    log_in(page)
    session = agenda.session
    session.number = 11  # from 31 August to 2 September 2020
    session.save()
    opening = AgendaItem.objects.get(title_en="Opening")
    opening.annotation_en = "<p>The eleventh meeting opens on 31 August 2020.</p>"
    opening.save()
    page.goto("/admin/agendas/agenda/")
    page.get_by_role("link", name="A new agenda").click()
    page.get_by_label("Body:", exact=True).select_option(label=str(agenda.session.body))
    page.get_by_label("Session number").fill("12")
    page.get_by_label("First day").fill("2021-09-06")
    page.get_by_label("Last day").fill("2021-09-08")
    page.get_by_label("Venue").select_option(index=1)
    page.get_by_label("Start from the body's last agenda").check()
    page.get_by_role("button", name="Create the draft").click()
    expect(page.locator(".messagelist .success")).to_contain_text("was created")
    expect_outline(page, ["1 Opening", "2 Review", "3 Report"])
    new_opening = AgendaItem.objects.exclude(agenda=agenda).get(title_en="Opening")
    assert new_opening.annotation_en == "<p>The twelfth meeting opens on 6 September 2021.</p>"


@pytest.mark.parametrize("where", ["agenda", "item", "timetable", "new"])
def test_the_drafting_pages_have_no_wcag_21_aa_violations(page, agenda, where):
    log_in(page)
    opening = AgendaItem.objects.get(title_en="Opening")
    Footnote.objects.create(agenda=agenda, item=opening, placement="annotation", text_en="A note.")
    path = {
        "agenda": f"/admin/drafting/agendas/{agenda.pk}/",
        "item": f"/admin/drafting/agendas/{agenda.pk}/?item={opening.pk}",
        "timetable": f"/admin/drafting/sessions/{agenda.session_id}/timetable/",
        "new": "/admin/drafting/agendas/new/",
    }[where]
    page.goto(path)
    if where == "item":
        expect(page.locator(".ProseMirror").first).to_be_visible()
    results = Axe().run(page, options=AXE_OPTIONS).response
    assert results["passes"] != []
    print(describe(results["violations"]))
    assert [violation["id"] for violation in results["violations"]] == []
