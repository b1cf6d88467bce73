"""A delegate reads the published seed agenda in Chinese, follows its links, switches language."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AGENDA_PATH = "bodies/cosp-wg4/sessions/11/annotated-agenda/"
DOCUMENT_URL = "https://undocs.org/zh/CAC/COSP/WG.4/2020/4"


def test_delegate_reads_the_chinese_agenda_follows_its_links_and_switches_language(
    page, live_server, demo
):
    page.goto(f"/zh-hans/{AGENDA_PATH}")

    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator(".masthead__symbol")).to_have_text("CAC/COSP/WG.4/2020/1/Rev.1*")
    expect(page.locator("h1")).to_have_text("临时议程说明")
    expect(page.locator(".agenda-list .items__title").first).to_have_text("组织事项：")
    expect(page.locator(".annotation__text").last).to_have_text(
        "工作组将通过会议报告，报告草稿将由秘书处编写。"
    )
    expect(page.locator("#fn-reissue")).to_have_text("* 因技术原因于 2020 年 8 月 27 日重新印发。")
    expect(page.locator("#fn-1")).to_contain_text("题为“对腐败的衡量”的第 8/10 号决议")

    # The documentation link leads to the Chinese edition on undocs.org; the request is
    # caught and aborted, the suite never leaves the machine.
    page.route("https://undocs.org/**", lambda route: route.abort())
    link = (
        page.locator("#item-2-a")
        .locator("..")
        .get_by_role("link", name="CAC/COSP/WG.4/2020/4", exact=True)
    )
    expect(link).to_have_attribute("href", DOCUMENT_URL)
    with page.expect_request(DOCUMENT_URL) as request:
        link.click(no_wait_after=True)
    assert request.value.url == DOCUMENT_URL
    page.goto(f"/zh-hans/{AGENDA_PATH}")

    page.locator(".agenda-list").get_by_role("link", name="预防腐败方面的良好做法和举措").click()
    assert page.url == f"{live_server.url}/zh-hans/{AGENDA_PATH}#item-2-a"
    target = page.locator("#item-2-a")
    expect(target).to_have_count(1)
    expect(target).to_contain_text("(a) 预防腐败方面的良好做法和举措：加强反腐败机构的效力")
    expect(target).to_be_in_viewport()

    page.locator(".language-switcher").get_by_role("link", name="العربية").click()
    page.wait_for_url(f"**/ar/{AGENDA_PATH}")
    assert page.url == f"{live_server.url}/ar/{AGENDA_PATH}"
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # Only the Chinese edition was reissued (the "*"); Arabic shows the English text of
    # the untranslated item, marked as English.
    expect(page.locator(".masthead__symbol")).to_have_text("CAC/COSP/WG.4/2020/1/Rev.1")
    expect(page.locator(".agenda-list .items__title").first.locator('[lang="en"]')).to_have_text(
        "Organizational matters"
    )

    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/{AGENDA_PATH}")
    assert page.url == f"{live_server.url}/en/{AGENDA_PATH}"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator(".agenda-list .items__title").first).to_have_text("Organizational matters:")
