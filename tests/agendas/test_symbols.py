import pytest
from django.core.exceptions import ValidationError

from agendas.symbols import ParsedSymbol, parse_symbol, validate_body_prefix


@pytest.mark.parametrize(
    ("symbol", "parsed"),
    [
        (
            "CAC/COSP/WG.4/2020/1/Rev.1*",
            ParsedSymbol("CAC/COSP/WG.4", 2020, "", "", "1", ("Rev.1",), 1),
        ),
        ("CAC/COSP/WG.4/2020/4", ParsedSymbol("CAC/COSP/WG.4", 2020, "", "", "4")),
        ("CAC/COSP/WG.4/2012/CRP.1", ParsedSymbol("CAC/COSP/WG.4", 2012, "", "CRP", "1")),
        ("A/C.3/72/L.1**", ParsedSymbol("A/C.3", None, "72", "L", "1", (), 2)),
        ("A/31/99", ParsedSymbol("A", None, "31", "", "99")),
        ("E/2015/1", ParsedSymbol("E", 2015, "", "", "1")),
        (
            "CBD/SBI/3/1/Add.1/Rev.2",
            ParsedSymbol("CBD/SBI", None, "3", "", "1", ("Add.1", "Rev.2")),
        ),
        ("A/RES/2758(XXVI)", ParsedSymbol("A", None, "", "RES", "2758(XXVI)")),
        ("S/RES/2231(2015)", ParsedSymbol("S", None, "", "RES", "2231(2015)")),
        (
            "CAC/COSP/WG.4/2011/2/Corr.1",
            ParsedSymbol("CAC/COSP/WG.4", 2011, "", "", "2", ("Corr.1",)),
        ),
        ("ECE/TRADE/C/CEFACT/2018/1", ParsedSymbol("ECE/TRADE/C/CEFACT", 2018, "", "", "1")),
        ("CAC/COSP/IRG/2015/INF/1", ParsedSymbol("CAC/COSP/IRG", 2015, "", "INF", "1")),
    ],
)
def test_symbols_parse_into_their_components(symbol, parsed):
    assert parse_symbol(symbol) == parsed


@pytest.mark.parametrize(
    ("symbol", "message"),
    [
        ("", "“” is not a valid UN document symbol: it is empty."),
        (
            "CAC/COSP 2020/4",
            "“CAC/COSP 2020/4” is not a valid UN document symbol: symbols contain no spaces.",
        ),
        (
            "CAC//2020/4",
            "“CAC//2020/4” is not a valid UN document symbol: "
            "it has an empty part between slashes.",
        ),
        (
            "cac/cosp/2020/4",
            "“cac/cosp/2020/4” is not a valid UN document symbol: "
            "it must begin with an organ or series in capitals, such as A, E or CAC.",
        ),
        (
            "CAC/COSP/WG.4",
            "“CAC/COSP/WG.4” is not a valid UN document symbol: "
            "it has no document number, as in CAC/COSP/WG.4/2020/4.",
        ),
        (
            "CAC/COSP/2020/<b>",
            "“CAC/COSP/2020/<b>” is not a valid UN document symbol: "
            "the part “<b>” has characters a symbol cannot have.",
        ),
    ],
)
def test_malformed_symbols_are_rejected_with_a_reason(symbol, message):
    with pytest.raises(ValidationError) as error:
        parse_symbol(symbol)
    assert error.value.messages == [message]


def test_body_prefixes_exclude_numbers():
    validate_body_prefix("CAC/COSP/WG.4")
    with pytest.raises(ValidationError):
        validate_body_prefix("CAC/COSP/2020")
