"""Every kind of page works under the Content Security Policy, and the browser reports
no violation on any of them.

The policy forbids inline scripts and style attributes; a template or a script that
used one would be blocked silently in production. The browser reports each blocked
thing twice, as a console message and as a ``securitypolicyviolation`` event; the test
listens to both, and proves at the end that the listener does hear a violation.
"""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = pytest.mark.browser

AGENDA_PATH = "/en/bodies/cosp-wg4/sessions/11/annotated-agenda/"

# Runs before any script of the page (Playwright injects it outside the page's policy).
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


class Violations:
    def __init__(self, page):
        self.page = page
        self.console = []
        page.on("console", self._console)
        page.add_init_script(LISTEN)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.console.append(message.text)

    def reported(self):
        events = self.page.evaluate("window.__cspViolations")
        return {"events": events, "console": list(self.console)}


@pytest.fixture
def violations(page):
    return Violations(page)


def visit(page, path):
    response = page.goto(path)
    assert response.status == 200, path
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    return response


def test_public_pages_admin_tabs_and_preview_run_without_a_csp_violation(page, violations, demo):
    UserFactory(username="secretariat", is_staff=True, is_superuser=True)
    clean = {"events": [], "console": []}

    visit(page, "/en/")
    expect(page.locator(".site-header")).to_be_visible()
    assert violations.reported() == clean

    visit(page, AGENDA_PATH)
    expect(page.locator(".agenda-list .items__entry").first).to_be_visible()
    # The stylesheets applied: the document's masthead is laid out by document.css.
    assert page.locator(".masthead").evaluate("e => getComputedStyle(e).display") != "inline"
    assert violations.reported() == clean

    visit(page, "/admin/login/")
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.locator("tr.model-agenda th a").click()
    page.locator("#result_list tbody th a", has_text="CAC/COSP/WG.4/2020/1/Rev.1").click()
    expect(page.locator("#publishing-status")).to_be_visible()

    # The language tabs of an item's title work: French opens, English closes.
    item = page.locator(".inline-related", has=page.locator("textarea[name$='-title_fr']")).first
    french = item.locator("textarea[name$='-title_fr']")
    english = item.locator("textarea[name$='-title_en']")
    expect(english).to_be_visible()
    expect(french).to_be_hidden()
    item.locator(".ui-tabs-nav a", has_text="fr").first.click()
    expect(french).to_be_visible()
    expect(english).to_be_hidden()
    assert violations.reported() == clean

    page.locator(".object-tools").get_by_role("link", name="Preview").click()
    expect(page.locator(".preview-banner")).to_contain_text("Preview – not published")
    assert page.locator(".preview-banner").evaluate("e => getComputedStyle(e).display") != "inline"
    page.locator(".preview-languages").get_by_role("link", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert violations.reported() == clean

    # The listeners do hear a violation: an inline style attribute is refused.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    page.wait_for_function("window.__cspViolations.length > 0")
    assert violations.reported()["events"][0].startswith("style-src-attr blocked inline")
