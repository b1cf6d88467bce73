"""Properties of the symbol parser, checked on generated symbols (hypothesis).

Whatever text it is given, the parser answers with the symbol's parts or refuses with a
reason, never with another error; a symbol built from known parts reads back as those
parts; and whatever symbol a document is given, creating it either saves everything or
writes nothing.
"""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agendas import services
from agendas.models import Document, DocumentEdition
from agendas.symbols import SERIES, SUFFIX_KINDS, ParsedSymbol, parse_symbol

# Characters symbols are made of, and some they must refuse, so that generated text
# reaches deep into the parser rather than failing on its first check.
SYMBOL_CHARACTERS = "ACEGLRSWIFNPMVDT0123456789/.()*abcdevor -_\t<>&\u00a0\u200f" + "".join(
    SUFFIX_KINDS
)
symbol_like = st.text(alphabet=SYMBOL_CHARACTERS, max_size=40)
any_text = st.text(max_size=60)


def parse_or_refuse(text):
    try:
        return parse_symbol(text)
    except ValidationError as error:
        assert error.code == "invalid_symbol"
        assert len(error.messages) == 1
        assert error.messages[0].startswith("“")
        return None


@given(st.one_of(symbol_like, any_text))
def test_any_text_is_parsed_or_refused_with_a_reason(text):
    parsed = parse_or_refuse(text)
    if parsed is not None:
        assert parsed.body_prefix
        assert parsed.number or parsed.series


# Parts of a symbol, each of a kind the parser must recognise in its place.
series_names = set(SERIES)
body_head = st.from_regex(r"[A-Z][A-Z0-9]{0,5}", fullmatch=True)
body_part = st.from_regex(r"[A-Z]{1,5}(\.[0-9]{1,2})?", fullmatch=True)
not_a_series = lambda part: part.split(".")[0] not in series_names  # noqa: E731
number = st.from_regex(r"[1-9][0-9]{0,3}", fullmatch=True)
year = st.integers(min_value=1946, max_value=2099)
session = st.integers(min_value=1, max_value=1899).map(str)
suffix = st.tuples(st.sampled_from(SUFFIX_KINDS), st.integers(min_value=1, max_value=20))


@st.composite
def built_symbols(draw):
    """A symbol written from parts, and the ParsedSymbol those parts make."""
    body = [draw(body_head.filter(not_a_series))]
    body += draw(st.lists(body_part.filter(not_a_series), max_size=3))
    when = draw(st.sampled_from(["year", "session", "none"]))
    parts = list(body)
    parsed_year, parsed_session = None, ""
    if when == "year":
        parsed_year = draw(year)
        parts.append(str(parsed_year))
    elif when == "session":
        parsed_session = draw(session)
        parts.append(parsed_session)
    series, doc_number = "", draw(number)
    shape = draw(st.sampled_from(["number", "series.number", "series/number"]))
    if shape == "number":
        parts.append(doc_number)
    else:
        series = draw(st.sampled_from(SERIES))
        parts += [f"{series}.{doc_number}"] if shape == "series.number" else [series, doc_number]
    suffixes = [f"{kind}.{n}" for kind, n in draw(st.lists(suffix, max_size=3))]
    reissue = draw(st.integers(min_value=0, max_value=3))
    text = "/".join(parts + suffixes) + "*" * reissue
    expected = ParsedSymbol(
        body_prefix="/".join(body),
        year=parsed_year,
        session=parsed_session,
        series=series,
        number=doc_number,
        suffixes=tuple(suffixes),
        reissue=reissue,
    )
    return text, expected


@given(built_symbols())
def test_a_symbol_built_from_parts_reads_back_as_those_parts(built):
    text, expected = built
    assert parse_symbol(text) == expected


@given(built_symbols(), st.sampled_from([" ", "\t", "\n"]))
def test_surrounding_space_and_suffix_case_do_not_change_the_reading(built, space):
    text, expected = built
    lowered = "/".join(
        part.lower() if part.split(".")[0] in SUFFIX_KINDS else part for part in text.split("/")
    )
    assert parse_symbol(space + lowered + space) == expected


@given(built_symbols(), st.integers(min_value=0, max_value=2), st.sampled_from(["/", " ", "//"]))
def test_a_broken_symbol_is_refused_not_misread(built, at, breaker):
    text, _expected = built
    slash = [i for i, ch in enumerate(text) if ch == "/"]
    position = slash[at % len(slash)] if slash else len(text)
    broken = text[:position] + breaker + text[position:]
    if breaker == "/":
        broken = breaker + text
    with pytest.raises(ValidationError):
        parse_symbol(broken)


@pytest.mark.django_db
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(symbol=st.one_of(symbol_like, any_text, built_symbols().map(lambda b: b[0] * 3)))
def test_creating_a_document_with_any_symbol_saves_all_or_writes_nothing(symbol):
    before = (Document.objects.count(), DocumentEdition.objects.count())
    try:
        document = services.create_document(
            symbol=symbol,
            title_en="A document",
            editions=[{"language": "en"}, {"language": "fr"}],
        )
    except ValidationError:
        assert (Document.objects.count(), DocumentEdition.objects.count()) == before
    else:
        assert document.editions.count() == 2
        assert (Document.objects.count(), DocumentEdition.objects.count()) == (
            before[0] + 1,
            before[1] + 2,
        )
