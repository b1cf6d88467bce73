from types import SimpleNamespace

from agendas.numbering import flatten, number_items
from languages.base import latin_letters, roman_numeral


def item(pk, position, parent=None, kind="item", lettered=False):
    return SimpleNamespace(
        pk=pk,
        position=position,
        parent_id=parent,
        is_numbered=kind == "item",
        is_heading=kind == "heading",
        is_part=kind == "part",
        lettered=lettered,
    )


def test_numbers_follow_order_not_primary_keys():
    items = [item(3, 10), item(1, 20), item(2, 5, parent=1), item(4, 1, parent=1)]
    nodes = list(flatten(number_items(items)))
    assert [(n.item.pk, n.display_number, n.reference, n.anchor) for n in nodes] == [
        (3, "1.", "1", "item-1"),
        (1, "2.", "2", "item-2"),
        (4, "(a)", "2(a)", "item-2-a"),
        (2, "(b)", "2(b)", "item-2-b"),
    ]


def test_unnumbered_entries_take_no_number_and_do_not_advance_the_count():
    items = [item(1, 1), item(2, 2, kind="unnumbered"), item(3, 3)]
    nodes = list(flatten(number_items(items)))
    assert [(n.item.pk, n.display_number) for n in nodes] == [(1, "1."), (2, ""), (3, "2.")]


def test_items_under_a_sub_heading_carry_on_the_numbering_of_the_level():
    items = [
        item(1, 1, kind="heading"),
        item(2, 1, parent=1),
        item(3, 2, parent=1),
        item(4, 2, kind="heading"),
        item(5, 1, parent=4),
        item(6, 1, parent=5),
    ]
    nodes = list(flatten(number_items(items)))
    assert [(n.item.pk, n.display_number, n.reference) for n in nodes] == [
        (1, "", ""),
        (2, "1.", "1"),
        (3, "2.", "2"),
        (4, "", ""),
        (5, "3.", "3"),
        (6, "(a)", "3(a)"),
    ]


def test_third_level_uses_roman_numerals_and_long_lists_double_letters():
    assert roman_numeral(4) == "iv"
    assert roman_numeral(14) == "xiv"
    assert latin_letters(26) == "z"
    assert latin_letters(27) == "aa"
    items = [item(1, 1), item(2, 1, 1), item(3, 1, 2), item(4, 2, 2)]
    refs = [n.reference for n in flatten(number_items(items))]
    assert refs == ["1", "1(a)", "1(a)(i)", "1(a)(ii)"]


def test_sub_headings_inside_an_annotation_take_letters_among_themselves_only():
    items = [
        item(1, 10),
        item(2, 10, parent=1, kind="part", lettered=True),
        item(3, 20, parent=1),
        item(4, 30, parent=1, kind="part"),
        item(5, 40, parent=1, kind="part", lettered=True),
        item(6, 50, parent=1),
        item(7, 20),
    ]
    nodes = list(flatten(number_items(items)))
    assert [(n.item.pk, n.reference, n.letter) for n in nodes] == [
        (1, "1", 0),
        (2, "", 1),
        (3, "1(a)", 0),
        (4, "", 0),
        (5, "", 2),
        (6, "1(b)", 0),
        (7, "2", 0),
    ]
