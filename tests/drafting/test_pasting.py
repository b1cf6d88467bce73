"""Reading pasted lists: documents (agendas.pasting) and resolutions (resolutions.pasting).

Lines come from Word tables, e-mails and the printed agenda; each shape a secretariat
pastes is read to the same parts, and what cannot be read is said, never guessed.
"""

import pytest

from agendas.pasting import PastedLine, read_line, read_lines
from resolutions.pasting import PastedCitation
from resolutions.pasting import read_line as read_citation
from resolutions.pasting import read_lines as read_citations

PURPOSES = ["For decision", "For information", "Pour information", "information"]


@pytest.mark.parametrize(
    ("text", "symbol", "title", "purpose"),
    [
        # A Word table copied: cells become tabs.
        (
            "CAC/COSP/WG.4/2020/4\tBackground paper prepared by the Secretariat\tFor decision",
            "CAC/COSP/WG.4/2020/4",
            "Background paper prepared by the Secretariat",
            "For decision",
        ),
        # Typed with dashes between the parts.
        (
            "CAC/COSP/WG.4/2020/3 – Background paper – For information",
            "CAC/COSP/WG.4/2020/3",
            "Background paper",
            "For information",
        ),
        # A symbol alone.
        ("CAC/COSP/WG.4/2020/1/Rev.1", "CAC/COSP/WG.4/2020/1/Rev.1", "", ""),
        # Symbol and title separated by a space only.
        (
            "A/75/123 Report of the Secretary-General",
            "A/75/123",
            "Report of the Secretary-General",
            "",
        ),
        # As printed in the list: the title, then the symbol in brackets.
        (
            "Background paper prepared by the Secretariat (CAC/COSP/WG.4/2020/2)",
            "CAC/COSP/WG.4/2020/2",
            "Background paper prepared by the Secretariat",
            "",
        ),
        # The Chinese edition's full-width brackets.
        (
            "秘书处编写的背景文件（CAC/COSP/WG.4/2020/4）",
            "CAC/COSP/WG.4/2020/4",
            "秘书处编写的背景文件",
            "",
        ),
        # No symbol: a document to be issued; the purpose is read in any language.
        (
            "Note by the Secretariat on the venue - Pour information",
            "",
            "Note by the Secretariat on the venue",
            "Pour information",
        ),
        # A last part that is not a purpose stays in the title.
        ("A/75/1 – Report – annex", "A/75/1", "Report annex", ""),
        # An irregular symbol is kept as printed: the service flags it.
        ("E/CN.7/2026/L.1/Add.1/Corr.1", "E/CN.7/2026/L.1/Add.1/Corr.1", "", ""),
    ],
)
def test_each_shape_of_line_is_read_to_its_parts(text, symbol, title, purpose):
    line = read_line(4, text, PURPOSES)
    assert (line.number, line.symbol, line.title, line.purpose, line.problem) == (
        4,
        symbol,
        title,
        purpose,
        "",
    )


def test_a_mistyped_symbol_is_a_problem_not_a_document_to_be_issued():
    line = read_line(2, "A//75/1\tReport", PURPOSES)
    assert line == PastedLine(
        number=2,
        text="A//75/1\tReport",
        problem="“A//75/1” is not a valid UN document symbol: "
        "it has an empty part between slashes.",
    )


def test_blank_lines_are_skipped_and_the_others_keep_their_line_numbers():
    lines = read_lines("\n  A/75/1\n\n\r\nNote on the venue\n   \n", PURPOSES)
    assert [(line.number, line.symbol, line.title) for line in lines] == [
        (2, "A/75/1", ""),
        (5, "", "Note on the venue"),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "label", "title"),
    [
        (
            "resolution 8/7, entitled “Enhancing the effectiveness of anti-corruption bodies”",
            "resolution",
            "8/7",
            "Enhancing the effectiveness of anti-corruption bodies",
        ),
        ("decision 2019/210", "decision", "2019/210", ""),
        ("Decision XXXI/7 – Bali Declaration", "decision", "XXXI/7", "Bali Declaration"),
        (
            "résolution 74/270 intitulée « Solidarité mondiale »",
            "resolution",
            "74/270",
            "Solidarité mondiale",
        ),
        ("题为“对腐败的衡量”的第 8/10 号决议", "resolution", "8/10", "对腐败的衡量"),
        ("第 2019/210 号决定", "decision", "2019/210", ""),
        ("resolution 1472 (XIV)", "resolution", "1472 (XIV)", ""),
    ],
)
def test_each_shape_of_citation_is_read(text, kind, label, title):
    assert read_citation(1, text) == PastedCitation(1, text.strip(), kind, label, title)


def test_lines_naming_no_resolution_are_returned_to_be_reported():
    read, unread = read_citations("resolution 8/7\nsee the report\n\nresolution 8/8")
    assert [(c.number, c.label) for c in read] == [(1, "8/7"), (4, "8/8")]
    assert unread == [(2, "see the report")]
    assert read[0].session_and_number == (8, 7)
    assert read_citation(1, "Decision XXXI/7").session_and_number is None
