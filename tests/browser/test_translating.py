"""Translating in the admin, in Chromium: an Arabic translator's field runs right to
left in an Arabic font, with the original beside it; the other languages cannot be
typed in."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from agendas import services
from agendas.models import AgendaItem
from publishing.roles import ensure_roles, translators_group_name
from tests.factories import AgendaFactory, UserFactory

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery staple"
TITLE = "افتتاح الدورة"


@pytest.fixture
def item(transactional_db):
    # A transactional test empties the tables after it ran, the groups included.
    ensure_roles()
    translator = UserFactory(username="translator_ar", is_staff=True)
    translator.groups.add(Group.objects.get(name=translators_group_name("ar")))
    agenda = AgendaFactory(original_language="en")
    return services.add_agenda_item(agenda, title_en="Opening of the session")


def log_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_be_visible()


def computed(locator, prop):
    return locator.evaluate(f"(element) => getComputedStyle(element).{prop}")


def test_the_arabic_field_runs_right_to_left_beside_the_original(page, item):
    log_in(page, "translator_ar")
    page.goto(f"/admin/agendas/agendaitem/{item.pk}/change/")
    # The language tabs: the Arabic one shows the Arabic field.
    page.locator(".ui-tabs-nav a", has_text="ar").first.click()
    arabic = page.locator("#id_title_ar")
    expect(arabic).to_be_visible()
    expect(arabic).to_be_enabled()

    arabic.fill(TITLE)

    assert (computed(arabic, "direction"), computed(arabic, "textAlign")) == ("rtl", "start")
    assert computed(arabic, "fontFamily").startswith('"Noto Naskh Arabic"')
    # The original stands beside the field, read-only, left to right, at the same height.
    pair = page.locator(".translation-pair", has=arabic)
    source = pair.locator(".translation-source")
    expect(source).to_be_visible()
    expect(source.locator(".translation-source__text")).to_have_text("Opening of the session")
    expect(source.locator(".translation-source__label")).to_have_text("Original (English)")
    assert (source.get_attribute("lang"), computed(source, "direction")) == ("en", "ltr")
    source_box, field_box = source.bounding_box(), arabic.bounding_box()
    assert abs(source_box["y"] - field_box["y"]) < 40
    assert source_box["x"] + source_box["width"] <= field_box["x"] + 1

    # The other languages are there, but cannot be typed in.
    page.locator(".ui-tabs-nav a", has_text="en").first.click()
    expect(page.locator("#id_title_en")).to_be_disabled()

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    saved = AgendaItem.objects.get(pk=item.pk)
    assert (saved.title_ar, saved.title_en) == (TITLE, "Opening of the session")


def test_arabic_text_typed_reads_from_the_right(page, item):
    """What the eye sees: the first letter of the Arabic title is drawn to the right of
    the last, measured in a copy of the field's text laid out with the field's style."""
    log_in(page, "translator_ar")
    page.goto(f"/admin/agendas/agendaitem/{item.pk}/change/")
    page.locator(".ui-tabs-nav a", has_text="ar").first.click()
    arabic = page.locator("#id_title_ar")
    arabic.fill(TITLE)

    first_and_last = arabic.evaluate(
        """(element) => {
            const mirror = document.createElement("div");
            const style = getComputedStyle(element);
            mirror.style.direction = style.direction;
            mirror.style.font = style.font;
            mirror.style.width = style.width;
            mirror.style.textAlign = style.textAlign;
            mirror.textContent = element.value;
            element.parentNode.appendChild(mirror);
            const range = document.createRange();
            const text = mirror.firstChild;
            range.setStart(text, 0);
            range.setEnd(text, 1);
            const first = range.getBoundingClientRect();
            range.setStart(text, text.length - 1);
            range.setEnd(text, text.length);
            const last = range.getBoundingClientRect();
            const box = mirror.getBoundingClientRect();
            mirror.remove();
            return {first: first.left, last: last.left, right: box.right};
        }"""
    )
    assert first_and_last["first"] > first_and_last["last"]
    # Aligned where right-to-left text starts: against the right edge.
    assert first_and_last["right"] - first_and_last["first"] < 40
