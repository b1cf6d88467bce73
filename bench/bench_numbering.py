"""Numbering a 500-entry agenda: what every agenda page and publish pays.

500 entries: 100 numbered items, each with 3 sub-items, one unnumbered entry under every
other item and a sub-heading every 20 items.
"""

import random
import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _timing import report  # noqa: E402

from agendas.numbering import flatten, number_items  # noqa: E402


def entry(pk, parent_id, position, kind="item"):
    return SimpleNamespace(
        pk=pk,
        parent_id=parent_id,
        position=position,
        is_numbered=kind == "item",
        is_heading=kind == "heading",
        is_part=False,
        lettered=False,
    )


def agenda_of_500():
    entries, pk = [], 0
    heading = None
    for top in range(100):
        if top % 20 == 0:
            pk += 1
            heading = entry(pk, None, top * 10, "heading")
            entries.append(heading)
        pk += 1
        item = entry(pk, heading.pk, top * 10 + 1)
        entries.append(item)
        for sub in range(3):
            pk += 1
            entries.append(entry(pk, item.pk, sub))
        if top % 2:
            pk += 1
            entries.append(entry(pk, item.pk, 9, "unnumbered"))
    # Pad to exactly 500 with unnumbered entries at the end.
    while len(entries) < 500:
        pk += 1
        entries.append(entry(pk, None, 10_000 + pk, "unnumbered"))
    return entries[:500]


def main():
    entries = agenda_of_500()
    # Rows come from the database in any order; numbering must not depend on it.
    random.Random(7).shuffle(entries)
    nodes = number_items(entries)
    labels = [node.reference for node in flatten(nodes) if node.reference]
    assert labels[:5] == ["1", "1(a)", "1(b)", "1(c)", "2"], labels[:5]
    assert labels[-1] == "100(c)", labels[-1]
    print(f"{len(entries)} entries, {len(labels)} numbered")
    report("number_items(500 entries)", lambda: number_items(entries), number=50)
    report(
        "number_items + flatten(500 entries)",
        lambda: list(flatten(number_items(entries))),
        number=50,
    )


if __name__ == "__main__":
    main()
