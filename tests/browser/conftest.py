"""Playwright driving Debian's Chromium against pytest-django's live server.

One browser for the whole session (starting Chromium costs about a second), a fresh
context per test so cookies and storage never leak between tests, and a screenshot of
every test in test-artifacts/screenshots/ for CI to keep.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from interchange.importing import import_agenda
from publishing.services import publish_agenda

# Playwright's sync API runs an asyncio loop in this thread from the moment the browser
# starts until the session ends; Django refuses ORM calls from a thread with a running
# loop unless told that this is deliberate. The browser tests do their database setup in
# this thread between browser steps, and so does every test that runs after them in the
# same session, hence a process-wide setting rather than a per-test one.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
SEED_FILE = REPO / "publishing" / "demo" / "cosp-wg4-2020-1-rev1.json"
ARTIFACTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Long enough for a page of the live server on a busy two-core machine, short enough
# that a missing element fails the test quickly instead of eating the time budget.
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


def screenshot_name(node_name):
    # Parametrized names carry brackets and slashes that do not belong in file names.
    return re.sub(r"[^\w.-]+", "_", node_name).strip("_") + ".png"


@pytest.fixture
def page(browser, live_server, request):
    """A page whose requests may only reach the live server: the suite runs offline."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    allowed = urlsplit(live_server.url).netloc

    def keep_offline(route):
        if urlsplit(route.request.url).netloc == allowed:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", keep_offline)
    page = context.new_page()
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=str(ARTIFACTS / screenshot_name(request.node.name)), full_page=True)
    finally:
        context.close()


@pytest.fixture
def demo(transactional_db):
    """The seed agenda CAC/COSP/WG.4/2020/1/Rev.1, imported from its demo file and
    published, as load_demo does for each demo file. The demo's other agendas are of no
    use to the browser tests, and loading them would double the time each test takes."""
    report = import_agenda(SEED_FILE.read_bytes())
    publish_agenda(report.agenda)
