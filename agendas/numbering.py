"""Agenda numbering, derived from the order of items and never typed.

Top-level items are numbered ``1.``, ``2.``; their sub-items ``(a)``, ``(b)``; a third
level ``(i)``, ``(ii)``. Unnumbered entries, headings and the sub-headings inside an
annotation take no number and do not advance the count of their numbered siblings;
lettered sub-headings inside an annotation are lettered A., B. among themselves.

A node's ``path`` is its place at each level, (2, 1) for 2(a); each language writes it
its own way (``languages.base.Language.item_number``). The labels here (``2(a)``,
``item-2-a``) are the language-neutral ones of the admin, anchors and exports.
"""

from dataclasses import dataclass, field

from languages.base import latin_letters, roman_numeral


def ordinal_label(depth, n):
    """The bare label of the n-th numbered item at a depth: '2', 'a', 'iv'."""
    if depth == 0:
        return str(n)
    if depth == 1:
        return latin_letters(n)
    return roman_numeral(n)


@dataclass
class NumberedNode:
    item: object
    depth: int
    path: tuple = ()  # (2, 1) for 2(a); empty for unnumbered entries and headings
    children: list = field(default_factory=list)
    numbered: bool = False
    letter: int = 0  # 1 for the first lettered sub-heading inside an annotation

    @property
    def labels(self):
        """('2', 'a'): the bare labels from the top level down."""
        return tuple(ordinal_label(depth, n) for depth, n in enumerate(self.path))

    @property
    def label(self):
        return self.labels[-1] if self.numbered else ""

    @property
    def display_number(self):
        """As printed before the title: '2.' at the top level, '(a)' below."""
        if not self.numbered:
            return ""
        return f"{self.label}." if self.depth == 0 else f"({self.label})"

    @property
    def reference(self):
        """As cited in tables and cross-references: '2', '2(a)', '2(a)(i)'."""
        if not self.numbered:
            return ""
        head, *rest = self.labels
        return head + "".join(f"({part})" for part in rest)

    @property
    def anchor(self):
        """A readable fragment for the current numbering: 'item-2-a'."""
        return "item-" + "-".join(self.labels) if self.numbered else ""


def number_items(items):
    """Build the numbered tree from items in any order.

    ``items`` need ``pk``, ``parent_id``, ``position``, ``is_numbered``,
    ``is_heading``, ``is_part`` and ``lettered``. A heading groups items without taking
    a level of its own: the items under it carry on the numbering of its siblings (as in
    agendas divided into "A. Organizational matters", "B. ..."). Returns the top-level
    nodes, each listing its children in order.
    """
    by_parent = {}
    for item in items:
        by_parent.setdefault(item.parent_id, []).append(item)
    for siblings in by_parent.values():
        siblings.sort(key=lambda it: (it.position, it.pk or 0))

    def build(parent_id, depth, path, counter):
        nodes = []
        letters = 0
        for item in by_parent.get(parent_id, []):
            node = NumberedNode(item=item, depth=depth, path=path)
            if item.is_part:
                if item.lettered:
                    letters += 1
                    node.letter = letters
                node.path = ()
            elif item.is_heading:
                node.children = build(item.pk, depth, path, counter)
            else:
                if item.is_numbered:
                    counter[0] += 1
                    node.numbered = True
                    node.path = (*path, counter[0])
                node.children = build(item.pk, depth + 1, node.path, [0])
            nodes.append(node)
        return nodes

    return build(None, 0, (), [0])


def flatten(nodes):
    """Depth-first, in reading order."""
    for node in nodes:
        yield node
        yield from flatten(node.children)
