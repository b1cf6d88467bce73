"""A secretariat officer edits the seed agenda in the admin, previews it and publishes it."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = pytest.mark.browser

PUBLIC_PATH = "/en/bodies/cosp-wg4/sessions/11/annotated-agenda/"
OLD_TITLE = "Adoption of the report"
NEW_TITLE = "Adoption of the report on the eleventh meeting"


def test_secretariat_edits_previews_and_publishes_a_new_version_the_public_then_reads(page, demo):
    UserFactory(username="secretariat", is_staff=True, is_superuser=True)

    page.goto("/admin/")
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.locator("tr.model-agenda th a").click()
    page.locator("#result_list tbody th a", has_text="CAC/COSP/WG.4/2020/1/Rev.1").click()
    expect(page.locator("#publishing-status")).to_contain_text("Version 1, published on")

    item = page.locator(".inline-related", has=page.locator("h3", has_text=OLD_TITLE))
    item.get_by_role("tab", name="en").or_(
        item.get_by_role("link", name="en", exact=True)
    ).first.click()
    item.locator("textarea[name$='-title_en']").fill(NEW_TITLE)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")

    page.locator(".object-tools").get_by_role("link", name="Preview").click()
    expect(page.locator(".preview-banner")).to_contain_text("Preview – not published")
    expect(page.locator(".agenda-list .items__title").last).to_have_text(NEW_TITLE + ".")

    # The saved draft is private until it is published.
    page.goto(PUBLIC_PATH)
    expect(page.locator(".agenda-list .items__title").last).to_have_text(OLD_TITLE + ".")
    page.go_back()
    page.go_back()

    page.locator(".object-tools").get_by_role("link", name="Publish").click()
    expect(page.locator("#content-main")).to_contain_text("Version 1 is live")
    # The Chinese title was translated from the title as it was: now outdated. The seed
    # has no other translation: every language is published as it is, by choice.
    chinese = page.locator(".publish-translations tbody tr", has_text="Chinese")
    expect(chinese.locator("td").nth(1)).to_have_text("1")
    for box in page.locator("input[name=fallback]").all():
        box.check()
    page.get_by_role("button", name="Yes, publish version 2").click()
    expect(page.locator(".messagelist .success")).to_have_text(
        "Published version 2 of CAC/COSP/WG.4/2020/1/Rev.1."
    )
    expect(page.locator("#publishing-status")).to_contain_text("Version 2, published on")

    page.goto(PUBLIC_PATH)
    expect(page.locator(".preview-banner")).to_have_count(0)
    expect(page.locator(".agenda-list .items__title").last).to_have_text(NEW_TITLE + ".")
    expect(page.locator(".versions")).to_contain_text("Version 2, published on")
