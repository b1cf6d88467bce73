"""Agenda numbering, derived from the order of items and never typed.

Top-level items are numbered ``1.``, ``2.``; their sub-items ``(a)``, ``(b)``; a third
level ``(i)``, ``(ii)``. Unnumbered entries and sub-headings take no number and do not
advance the count of their numbered siblings.
"""

from dataclasses import dataclass, field

ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def to_letters(n):
    """1 -> a, 26 -> z, 27 -> aa (as long agendas letter their sub-items)."""
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def to_roman(n):
    out = ""
    for value, numeral in ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out


def ordinal_label(depth, n):
    """The bare label of the n-th numbered item at a depth: '2', 'a', 'iv'."""
    if depth == 0:
        return str(n)
    if depth == 1:
        return to_letters(n)
    return to_roman(n)


@dataclass
class NumberedNode:
    item: object
    depth: int
    label: str = ""  # '2', 'a', 'i'; empty for unnumbered entries and headings
    path: tuple = ()  # ('2', 'a'): the labels from the top level down
    children: list = field(default_factory=list)

    @property
    def display_number(self):
        """As printed before the title: '2.' at the top level, '(a)' below."""
        if not self.label:
            return ""
        return f"{self.label}." if self.depth == 0 else f"({self.label})"

    @property
    def reference(self):
        """As cited in tables and cross-references: '2', '2(a)', '2(a)(i)'."""
        if not self.label:
            return ""
        head, *rest = self.path
        return head + "".join(f"({part})" for part in rest)

    @property
    def anchor(self):
        """A readable fragment for the current numbering: 'item-2-a'."""
        return "item-" + "-".join(self.path) if self.label else ""


def number_items(items):
    """Build the numbered tree from items in any order.

    ``items`` need ``pk``, ``parent_id``, ``position``, ``is_numbered`` and
    ``is_heading``. A sub-heading groups items without taking a level of its own: the
    items under it carry on the numbering of its siblings (as in agendas divided into
    "A. Organizational matters", "B. ..."). Returns the top-level nodes, each listing
    its children in order.
    """
    by_parent = {}
    for item in items:
        by_parent.setdefault(item.parent_id, []).append(item)
    for siblings in by_parent.values():
        siblings.sort(key=lambda it: (it.position, it.pk or 0))

    def build(parent_id, depth, path, counter):
        nodes = []
        for item in by_parent.get(parent_id, []):
            node = NumberedNode(item=item, depth=depth, path=path)
            if item.is_heading:
                node.children = build(item.pk, depth, path, counter)
            else:
                if item.is_numbered:
                    counter[0] += 1
                    node.label = ordinal_label(depth, counter[0])
                    node.path = (*path, node.label)
                node.children = build(item.pk, depth + 1, node.path, [0])
            nodes.append(node)
        return nodes

    return build(None, 0, (), [0])


def flatten(nodes):
    """Depth-first, in reading order."""
    for node in nodes:
        yield node
        yield from flatten(node.children)
