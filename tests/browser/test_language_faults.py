"""Language faults a delegate sees in the browser: the order of Arabic item numbers and
references on screen and in print, pages that fit a phone in Russian and Arabic, and no
slanted Chinese or Arabic glyphs.

What the eye sees is read from the layout: the boxes of single characters (a Range
around each), the computed direction of the <bdi> that isolates a number, the number of
lines a cell takes, and computed styles.
"""

import pytest

pytestmark = pytest.mark.browser

AGENDA = "/{}/bodies/cosp-wg4/sessions/11/annotated-agenda/"
PROGRAMME = "/{}/programme/2020-08-31/"

# The horizontal centre of each character of the first text node of an element.
CHARACTER_CENTRES = """(element) => {
  const node = [...element.childNodes].find((child) => child.nodeType === Node.TEXT_NODE);
  const range = document.createRange();
  return [...node.data].map((character, index) => {
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    const box = range.getBoundingClientRect();
    return [character, box.left + box.width / 2];
  });
}"""

# The lines an element's text takes: its line boxes, told apart by their tops.
LINE_COUNT = """(element) => {
  const range = document.createRange();
  range.selectNodeContents(element);
  const tops = [];
  for (const box of range.getClientRects()) {
    if (box.width < 1 || box.height < 1) continue;
    if (!tops.some((top) => Math.abs(top - box.top) < box.height / 2)) tops.push(box.top);
  }
  return tops.length;
}"""


def centres(locator):
    return locator.evaluate(CHARACTER_CENTRES)


def direction(locator):
    return locator.evaluate("(element) => getComputedStyle(element).direction")


def assert_reads_right_to_left(locator, text):
    """The characters of ``text`` stand from right to left in their logical order: the
    number first, at the right, then the letter in its brackets ("1(أ)")."""
    boxes = centres(locator)
    assert "".join(character for character, _x in boxes) == text
    xs = [x for _character, x in boxes]
    assert xs == sorted(xs, reverse=True), boxes
    assert direction(locator) == "rtl"


def assert_reads_left_to_right(locator, text):
    """ "1." as written: the digit, then the full stop at its right."""
    boxes = centres(locator)
    assert "".join(character for character, _x in boxes) == text
    xs = [x for _character, x in boxes]
    assert xs == sorted(xs), boxes


@pytest.mark.parametrize("media", ["screen", "print"])
def test_arabic_item_numbers_and_references_keep_their_order(page, demo, media):
    page.emulate_media(media=media)
    page.goto(AGENDA.format("ar"))

    # The list: "1." stays "1.", not ".1"; a sub-item is lettered "(أ)".
    assert_reads_left_to_right(page.locator(".items__number bdi").first, "1.")
    letter = page.locator(".items__entry--depth-1 .items__number bdi").first
    assert_reads_right_to_left(letter, "(أ)")
    # The annotations' headings, the same.
    assert_reads_left_to_right(page.locator(".annotation__number bdi").first, "1.")
    # The organization of work: "1(أ)", read from the right: 1, then (أ).
    assert_reads_right_to_left(page.locator(".work-table__item bdi").first, "1(أ)")
    # A footnote mark isolated from the figures before it.
    assert page.locator(".items__title .fnref bdi").first.text_content() == "1"


def test_arabic_daily_programme_cites_items_in_their_order(page, demo):
    page.goto(PROGRAMME.format("ar"))

    reference = page.locator(".programme-slot__items bdi").first
    assert_reads_right_to_left(reference, "1(أ)")
    # "البند" before the reference: at its right.
    word_left = reference.locator("xpath=..").evaluate(
        """(link) => {
          const range = document.createRange();
          range.selectNodeContents(link.firstChild);
          return range.getBoundingClientRect().left;
        }"""
    )
    assert reference.evaluate("(bdi) => bdi.getBoundingClientRect().right") <= word_left + 1


PHONE = {"width": 375, "height": 740}

OVERFLOWING = """() => {
  const root = document.documentElement;
  const wide = [];
  if (root.scrollWidth > root.clientWidth) wide.push(["document", root.scrollWidth]);
  for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    // A heading for screen readers only clips what it holds: nothing shows.
    if (getComputedStyle(heading).overflowX !== "visible") continue;
    if (heading.clientWidth && heading.scrollWidth > heading.clientWidth) {
      wide.push([heading.textContent.trim(), heading.scrollWidth, heading.clientWidth]);
    }
  }
  return wide;
}"""


@pytest.mark.parametrize("language", ["ru", "ar"])
@pytest.mark.parametrize(
    "path", ["/{}/", AGENDA, PROGRAMME, "/{}/search/?q=2020", "/{}/bodies/cosp-wg4/"]
)
def test_pages_fit_a_phone_without_scrolling_sideways(page, demo, language, path):
    page.set_viewport_size(PHONE)
    page.goto(path.format(language))

    assert page.evaluate(OVERFLOWING) == []


@pytest.mark.parametrize("language", ["ru", "ar"])
@pytest.mark.parametrize("width", [375, 1280])
def test_timetable_hours_take_two_lines_at_most(page, demo, language, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(AGENDA.format(language))

    cells = page.locator(".work-table__time:not(.is-empty)")
    assert cells.count() == 5
    lines = [cells.nth(index).evaluate(LINE_COUNT) for index in range(cells.count())]
    assert max(lines) <= 2, lines


@pytest.mark.parametrize("language", ["ru", "ar"])
def test_the_not_yet_translated_marker_runs_on_after_the_footnote(page, demo, language):
    page.set_viewport_size(PHONE)
    page.goto(AGENDA.format(language))

    note = page.locator("#fn-1")
    marker = note.locator(".untranslated")
    # After the text, on its last line or the next, across the width: not a column of
    # single words beside the text.
    assert marker.evaluate(LINE_COUNT) <= 2
    text_box = note.locator("[lang]").first.bounding_box()
    assert marker.bounding_box()["y"] >= text_box["y"] + text_box["height"] / 2


SLANT = "(element) => getComputedStyle(element).fontStyle"


@pytest.mark.parametrize("language", ["zh-hans", "ar"])
def test_chinese_and_arabic_are_never_slanted(page, demo, language):
    page.goto(AGENDA.format(language))

    assert page.locator(".documentation__heading").first.evaluate(SLANT) == "normal"
    assert page.locator(".work-table th").first.evaluate(SLANT) == "normal"
    # Emphasis written in an annotation: upright, in bold.
    page.locator(".annotation__text").first.evaluate(
        """(text) => text.insertAdjacentHTML(
             'beforeend', '<p><em id="emphasis">x</em> <i id="other">y</i></p>')"""
    )
    emphasis = page.locator("#emphasis")
    assert emphasis.evaluate(SLANT) == "normal"
    assert emphasis.evaluate("(element) => getComputedStyle(element).fontWeight") == "700"
    assert page.locator("#other").evaluate(SLANT) == "normal"


def test_latin_text_keeps_its_italics(page, demo):
    page.goto(AGENDA.format("en"))

    assert page.locator(".documentation__heading").first.evaluate(SLANT) == "italic"
    page.locator(".annotation__text").first.evaluate(
        "(text) => text.insertAdjacentHTML('beforeend', '<p><em id=\"emphasis\">x</em></p>')"
    )
    assert page.locator("#emphasis").evaluate(SLANT) == "italic"
