"""The agenda page fits a phone screen and prints as the document, without the site chrome."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AGENDA_PATH = "bodies/cosp-wg4/sessions/11/annotated-agenda/"


@pytest.mark.parametrize("language", ["en", "zh-hans", "ar"])
def test_agenda_page_does_not_scroll_sideways_on_a_phone(page, demo, language):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"/{language}/{AGENDA_PATH}")

    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )

    assert widths["inner"] == 375
    assert widths["scroll"] <= widths["inner"]


def test_printed_agenda_hides_the_navigation_and_keeps_the_document(page, demo):
    page.goto(f"/en/{AGENDA_PATH}")
    expect(page.locator("nav.site-nav")).to_be_visible()

    page.emulate_media(media="print")

    expect(page.locator("nav.site-nav")).to_be_hidden()
    expect(page.locator("nav.language-switcher")).to_be_hidden()
    expect(page.locator("nav.breadcrumbs")).to_be_hidden()
    expect(page.locator("form[role=search]")).to_be_hidden()
    expect(page.locator("article.document h1")).to_be_visible()
    expect(page.locator("table.work-table")).to_be_visible()
