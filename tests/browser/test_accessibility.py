"""axe-core finds no WCAG 2.1 A/AA violation on the public pages delegates read."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AGENDA_PATH = "bodies/cosp-wg4/sessions/11/annotated-agenda/"


def describe(violations):
    """One line per violation and one per failing node, so a failure says what to fix."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}: {node['failureSummary']!r}")
    return "\n".join(lines)


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        f"/en/{AGENDA_PATH}",
        f"/zh-hans/{AGENDA_PATH}",
        f"/ar/{AGENDA_PATH}",
        "/en/programme/2020-08-31/",
        "/en/search/?q=corruption",
    ],
)
def test_public_page_has_no_wcag_21_aa_violations(page, demo, path):
    response = page.goto(path)
    assert response.status == 200

    results = Axe().run(page, options=AXE_OPTIONS).response
    violations = results["violations"]

    # A run that checked nothing would also report no violations.
    assert results["passes"] != []
    print(describe(violations))
    assert [violation["id"] for violation in violations] == []
