"""The published Chinese agenda reproduces the seed document line for line."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

SEED = Path(__file__).resolve().parents[1] / "data" / "seed_zh.txt"

# Lines of the PDF extraction that are not text of the agenda itself: the barcode,
# the document's job number footer (shown apart from the text), the undocs.org
# addresses behind the symbols, and the footnote rule.
NOT_TEXT = re.compile(r"^(\*2004026\*|_+|https?://\S+|V\.20-04026 \(C\)\s+\d+\s+\d+)$")


def squeeze(text):
    """Drop whitespace: the extraction breaks lines and pads digits unpredictably."""
    return re.sub(r"\s+", "", text)


def page_text(html):
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    return squeeze(re.sub(r"<[^>]+>", "", html).replace("&quot;", '"'))


@pytest.fixture
def chinese_agenda(client, db):
    call_command("load_demo", stdout=io.StringIO())
    response = client.get("/zh-hans/bodies/cosp-wg4/sessions/11/annotated-agenda/")
    assert response.status_code == 200
    return page_text(response.content.decode())


def seed_lines():
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not NOT_TEXT.match(line):
            yield line


def test_every_line_of_the_seed_appears_on_the_published_chinese_page(chinese_agenda):
    missing = []
    for line in seed_lines():
        # The footnote marker of item 2 sits inside its title in the extraction
        # ("决议1的执行情况"); on the page it is a superscript link after the title.
        wanted = squeeze(line).replace("决议1的执行情况", "决议的执行情况1")
        if wanted not in chinese_agenda:
            missing.append(line)
    assert missing == []


def test_seed_page_keeps_document_order(chinese_agenda):
    landmarks = [
        "CAC/COSP/WG.4/2020/1/Rev.1*",
        "临时议程说明",
        "临时议程",
        "1.组织事项：",
        "4.通过报告。",
        "说明",
        "1.组织事项",
        "4.通过报告",
        "附件",
        "拟议工作安排",
        "日期时间项目标题或说明",
    ]
    position = 0
    for mark in landmarks:
        found = chinese_agenda.find(squeeze(mark), position)
        assert found != -1, f"{mark} missing after position {position}"
        position = found + len(squeeze(mark))
