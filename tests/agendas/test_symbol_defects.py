"""Symbol defects: suffixes without their dot, and symbols whose parts outgrow their columns.

A suffix written without its dot (``Add1``) used to be blamed on the document number
before it ("the part “1” is out of place"); the message now names the suffix and how to
write it. A symbol whose parts are longer than the columns that keep them (body prefix
60, session 20, number 30, suffixes 60 characters) used to fail on save with a database
error; it is now refused beside the symbol, and nothing is written.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from agendas import services
from agendas.models import Agenda, Document
from agendas.symbols import ParsedSymbol, parse_symbol
from tests.admin_helpers import form_data
from tests.factories import DocumentFactory, SessionFactory

WG4 = "CAC/COSP/WG.4/2020/1"


def refusal(symbol):
    with pytest.raises(ValidationError) as error:
        parse_symbol(symbol)
    return error.value.messages


def invalid(symbol, reason):
    return [f"“{symbol}” is not a valid UN document symbol: {reason}"]


# -- Suffixes without their dot ------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "written"),
    [
        ("Add1", "Add.1"),
        ("Rev1", "Rev.1"),
        ("Corr2", "Corr.2"),
        ("Amend1", "Amend.1"),
        ("add1", "Add.1"),
        ("REV12", "Rev.12"),
        ("cOrR3", "Corr.3"),
        ("AMEND2", "Amend.2"),
    ],
)
def test_a_suffix_without_its_dot_is_named_with_how_to_write_it(suffix, written):
    symbol = f"{WG4}/{suffix}"
    assert refusal(symbol) == invalid(
        symbol, f"the suffix “{suffix}” needs a dot: write it {written}."
    )


@pytest.mark.parametrize(
    ("symbol", "suffix", "written"),
    [
        # Before a well-formed suffix, and after one.
        (f"{WG4}/Rev1/Add.1", "Rev1", "Rev.1"),
        (f"{WG4}/Add.1/Rev2", "Rev2", "Rev.2"),
        # With a reissue mark, and after a series number.
        (f"{WG4}/Add1*", "Add1", "Add.1"),
        ("A/C.3/72/L.1/Rev1", "Rev1", "Rev.1"),
    ],
)
def test_a_stacked_suffix_without_its_dot_is_the_one_named(symbol, suffix, written):
    assert refusal(symbol) == invalid(
        symbol, f"the suffix “{suffix}” needs a dot: write it {written}."
    )


@pytest.mark.parametrize(
    ("suffix", "normalised"),
    [
        ("Rev.1", "Rev.1"),
        ("rev.1", "Rev.1"),
        ("REV.1", "Rev.1"),
        ("ReV.1", "Rev.1"),
        ("Corr.2", "Corr.2"),
        ("corr.2", "Corr.2"),
        ("CORR.2", "Corr.2"),
        ("Add.1", "Add.1"),
        ("add.1", "Add.1"),
        ("ADD.1", "Add.1"),
        ("Amend.1", "Amend.1"),
        ("amend.1", "Amend.1"),
        ("AMEND.1", "Amend.1"),
        # The number is kept as written.
        ("Rev.01", "Rev.01"),
        ("Add.12", "Add.12"),
    ],
)
def test_every_suffix_kind_is_accepted_in_any_case_and_normalised(suffix, normalised):
    assert parse_symbol(f"{WG4}/{suffix}") == ParsedSymbol(
        "CAC/COSP/WG.4", 2020, "", "", "1", (normalised,)
    )


@pytest.mark.parametrize(
    ("symbol", "suffixes", "reissue"),
    [
        (f"{WG4}/Add.1/Rev.2", ("Add.1", "Rev.2"), 0),
        (f"{WG4}/add.1/REV.2", ("Add.1", "Rev.2"), 0),
        (f"{WG4}/Rev.1/Corr.1", ("Rev.1", "Corr.1"), 0),
        (f"{WG4}/Rev.1/Rev.2", ("Rev.1", "Rev.2"), 0),
        (f"{WG4}/Add.1/Rev.1/Corr.1/Amend.1", ("Add.1", "Rev.1", "Corr.1", "Amend.1"), 0),
        (f"{WG4}/Rev.1*", ("Rev.1",), 1),
        (f"{WG4}/Add.1/Rev.2*", ("Add.1", "Rev.2"), 1),
        (f"{WG4}/Corr.1***", ("Corr.1",), 3),
        (f"{WG4}*", (), 1),
        (f"{WG4}**", (), 2),
    ],
)
def test_stacked_suffixes_keep_their_order_and_stars_count_reissues(symbol, suffixes, reissue):
    assert parse_symbol(symbol) == ParsedSymbol(
        "CAC/COSP/WG.4", 2020, "", "", "1", suffixes, reissue
    )


def test_a_series_document_takes_suffixes_too():
    assert parse_symbol("A/C.3/72/L.1/Rev.1*") == ParsedSymbol(
        "A/C.3", None, "72", "L", "1", ("Rev.1",), 1
    )


@pytest.mark.parametrize(
    ("symbol", "reason"),
    [
        # What is not a suffix kind is left to the other rules, unchanged.
        (f"{WG4}/Addendum1", "the part “1” is out of place."),
        (f"{WG4}/Add.", "the part “Add.” has characters a symbol cannot have."),
        (f"{WG4}/Add-1", "the part “Add-1” has characters a symbol cannot have."),
        (f"{WG4}/Rev 1", "symbols contain no spaces."),
        (f"{WG4}*/Rev.1", "the part “1*” has characters a symbol cannot have."),
    ],
)
def test_other_malformed_suffixes_keep_their_messages(symbol, reason):
    assert refusal(symbol) == invalid(symbol, reason)


def test_a_document_symbol_without_a_suffix_dot_is_kept_as_printed_and_named_irregular(db):
    """Older documents carry such symbols: kept as printed, with the irregular part named,
    and found under the normalised form (a second document Add.1 is the same one)."""
    symbol = f"{WG4}/Add1"
    document = services.create_document(symbol=symbol, title_en="Addendum")

    assert (document.symbol, document.symbol_key) == (symbol, f"{WG4}/ADD.1".upper())
    assert document.symbol_irregularity == "the suffix “Add1” needs a dot: write it Add.1."
    with pytest.raises(ValidationError) as error:
        services.create_document(symbol=f"{WG4}/Add.1", title_en="The same addendum")
    assert error.value.message_dict == {"symbol": [f"The symbol {WG4}/Add.1 is already in use."]}
    assert Document.objects.count() == 1


def test_an_agenda_symbol_without_the_dot_of_its_suffix_is_refused_too(db):
    agenda = Agenda(session=SessionFactory(), symbol=f"{WG4}/Rev1", kind=Agenda.Kind.PROVISIONAL)
    with pytest.raises(ValidationError) as error:
        services.save_agenda(agenda)
    assert error.value.message_dict["symbol"] == invalid(
        f"{WG4}/Rev1", "the suffix “Rev1” needs a dot: write it Rev.1."
    )
    assert Agenda.objects.count() == 0


# -- Parts longer than their columns ---------------------------------------------------------

# Every symbol is well formed and fits the symbol field (120 characters); one of its parts
# does not fit the column it is copied to.
LONG_BODY_PREFIX = "A/" + "/".join(["ABCDEFGHIJ"] * 6)  # 67 characters; the column holds 60
LONG_SESSION = "1" * 21  # the column holds 20
LONG_NUMBER = "1" * 31  # the column holds 30
LONG_SUFFIXES = "/".join(["Rev.1"] * 11)  # 65 characters; the column holds 60

TOO_LONG = [
    pytest.param(
        f"{LONG_BODY_PREFIX}/2020/1",
        f"“{LONG_BODY_PREFIX}”, the body prefix read from the symbol, "
        "is longer than 60 characters.",
        id="body-prefix",
    ),
    pytest.param(
        f"A/{LONG_SESSION}/1",
        f"“{LONG_SESSION}”, the session read from the symbol, is longer than 20 characters.",
        id="session",
    ),
    pytest.param(
        f"A/2020/{LONG_NUMBER}",
        f"“{LONG_NUMBER}”, the number read from the symbol, is longer than 30 characters.",
        id="number",
    ),
    pytest.param(
        f"A/2020/1/{LONG_SUFFIXES}",
        f"“{LONG_SUFFIXES}”, the suffixes read from the symbol, is longer than 60 characters.",
        id="suffixes",
    ),
]


def test_the_long_symbols_are_well_formed_and_fit_the_symbol_field():
    for param in TOO_LONG:
        symbol = param.values[0]
        assert len(symbol) <= Document._meta.get_field("symbol").max_length
        parse_symbol(symbol)


@pytest.mark.parametrize(("symbol", "message"), TOO_LONG)
def test_create_document_refuses_a_symbol_part_longer_than_its_column(db, symbol, message):
    with pytest.raises(ValidationError) as error:
        services.create_document(symbol=symbol, title_en="Report", editions=[{"language": "en"}])
    assert error.value.message_dict == {"symbol": [message]}
    assert Document.objects.count() == 0


@pytest.mark.parametrize(("symbol", "message"), TOO_LONG)
def test_save_document_refuses_to_change_a_symbol_to_one_too_long(db, symbol, message):
    document = DocumentFactory(symbol="A/2020/7")
    document.symbol = symbol
    with pytest.raises(ValidationError) as error:
        services.save_document(document)
    assert error.value.message_dict == {"symbol": [message]}
    document.refresh_from_db()
    assert (document.symbol, document.body_prefix, document.number) == ("A/2020/7", "A", "7")


@pytest.mark.parametrize(("symbol", "message"), TOO_LONG)
def test_the_admin_add_form_shows_a_symbol_part_longer_than_its_column(
    secretariat_client, symbol, message
):
    url = reverse("admin:agendas_document_add")
    data = form_data(secretariat_client.get(url))
    data.update({"symbol": symbol, "title_en": "Report"})
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"symbol": [message]}
    assert Document.objects.count() == 0


FULL_BODY_PREFIX = "A/" + "/".join(["ABCDEFGHIJ"] * 5) + "/ABC"  # 60 characters
FULL_SUFFIXES = "/".join(["Rev.1"] * 10)  # 59 characters


@pytest.mark.parametrize(
    ("symbol", "parts"),
    [
        (f"{FULL_BODY_PREFIX}/2020/1", (FULL_BODY_PREFIX, "", "1", "")),
        (
            f"A/{'1' * 20}/{'1' * 30}/{FULL_SUFFIXES}",
            ("A", "1" * 20, "1" * 30, FULL_SUFFIXES),
        ),
    ],
)
def test_a_symbol_whose_parts_just_fit_is_saved_with_its_parts(db, symbol, parts):
    assert (len(FULL_BODY_PREFIX), len(FULL_SUFFIXES)) == (60, 59)
    document = services.create_document(symbol=symbol, title_en="Report")
    document.refresh_from_db()
    stored = (document.body_prefix, document.session_number, document.number, document.suffixes)
    assert stored == parts
