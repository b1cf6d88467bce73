"""Search of published versions: ranked full-text search on PostgreSQL.

Each ``SearchEntry`` is one thing (session, item, document) in one language. On
PostgreSQL its ``document`` column holds a ``tsvector`` made when the version is
published: the label weighted A, the rest of the text B, each language through its own
stemmer (``Language.search_config``: arabic, english, french, russian, spanish). Chinese
has no stemmer and no spaces between words: its text is indexed as overlapping pairs of
characters (the last character of each run also alone), which finds a word of any
length, and the two-character words most Chinese words are, with the same GIN index.
(A trigram index cannot: a two-character word has no trigram.) Document symbols are
found through a trigram index on ``UPPER(symbol)``.

A query is read in every language at once (``websearch_to_tsquery`` per configuration,
and as character pairs), so words of any language find their entries. Ranking reads
each candidate's ``tsvector``; to keep a very common word from ranking a million rows,
only the first ``CANDIDATES`` matches are ranked, then shown a page at a time
(``queries.search_published``). Neither step reads a version's record.

On SQLite (development) an entry matches when its casefolded text contains every word.
"""

import re

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func
from django.db.models.expressions import RawSQL

import languages

from .models import SearchEntry

# How many matches are ranked at most: enough to rank every match of a rare word and a
# sample of a common one, few enough to rank in a few milliseconds.
CANDIDATES = 150
# The columns of a search entry inserted from Python, the version first (insert_entries).
COLUMNS = ("version_id", "kind", "language", "anchor", "symbol", "label", "text")
# The GIN indexes of search entries (migration 0002), merged after each publish.
GIN_INDEXES = ("search_entry_document", "search_entry_symbol_trgm")
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
RUN = re.compile(rf"[{CJK}]+|[^\W{CJK}]+")
STARTS_CJK = re.compile(rf"[{CJK}]")
# The last position a tsvector records; later words share it.
MAX_POSITION = 16383


def is_postgresql():
    return connection.vendor == "postgresql"


def character_terms(text):
    """The terms of text written without spaces: pairs of characters in each run of
    Chinese characters and its last character alone, other words whole, casefolded."""
    terms = []
    for run in RUN.findall(text.casefold()):
        if STARTS_CJK.match(run):
            terms.extend([run[i : i + 2] for i in range(len(run) - 1)])
            terms.append(run[-1])
        else:
            terms.append(run)
    return terms


def _lexeme(term):
    if "'" in term or "\\" in term:
        term = term.replace("\\", "\\\\").replace("'", "''")
    return f"'{term}'"


def character_vector(label, text):
    """A ``tsvector`` literal of the label (weight A) and text (weight B)."""
    parts = []
    position = 0
    for weight, terms in (("A", character_terms(label)), ("B", character_terms(text))):
        for term in terms:
            if position < MAX_POSITION:
                position += 1
            parts.append(f"{_lexeme(term)}:{position}{weight}")
    return " ".join(parts)


def character_query(query):
    """A ``tsquery`` of text written without spaces: each word a phrase of its character
    pairs, a single character as a prefix; every word required. "" when no word."""
    words = []
    for run in RUN.findall(query.casefold()):
        if STARTS_CJK.match(run):
            if len(run) == 1:
                words.append(f"{_lexeme(run)}:*")
            else:
                pairs = [_lexeme(run[i : i + 2]) for i in range(len(run) - 1)]
                words.append("(" + " <-> ".join(pairs) + ")")
        else:
            words.append(_lexeme(run))
    return " & ".join(words)


def insert_entries(entries):
    """Insert the entries (``{column: value}`` of ``COLUMNS``) with their ``tsvector``s,
    on PostgreSQL in one statement.

    Each row is written once, its vector made in the INSERT itself: through its
    language's stemmer (the label weighted A, the text B), or for a language indexed by
    characters from the ``tsvector`` made here (``character_vector``).

    The GIN indexes take the new entries into their pending list (``fastupdate``,
    migration 0005), merged here in the same transaction: one merge of a version's
    entries costs a third of inserting them into the index one by one, and no search
    scans a pending list left behind. On SQLite the entries are simply created."""
    if not is_postgresql():
        SearchEntry.objects.bulk_create(SearchEntry(**entry) for entry in entries)
        return
    if not entries:
        return
    by_code = {lang.code: lang for lang in languages.all_languages()}
    meta = SearchEntry._meta
    fields = [meta.get_field(name) for name in COLUMNS]
    values = [[] for _ in range(len(fields) + 2)]
    for entry in entries:
        lang = by_code[entry["language"]]
        characters = lang.search_by_characters
        row = [entry[column] for column in COLUMNS]
        row.append(None if characters else lang.search_config)
        row.append(character_vector(entry["label"], entry["text"]) if characters else None)
        for column, value in zip(values, row, strict=True):
            column.append(value)
    quote = connection.ops.quote_name
    targets = ", ".join(quote(field.column) for field in (*fields, meta.get_field("document")))
    names = ", ".join(quote(name) for name in COLUMNS)
    arrays = ", ".join(["%s::bigint[]"] + ["%s::text[]"] * (len(values) - 1))
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({targets}) SELECT {names}, "
        "CASE WHEN config IS NULL THEN characters::tsvector "
        "ELSE setweight(to_tsvector(config::regconfig, label), 'A') "
        "|| setweight(to_tsvector(config::regconfig, text), 'B') END "
        f"FROM unnest({arrays}) AS entry({names}, config, characters)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        # Only the index's owner may merge (as for VACUUM); where the site's database
        # user is not, autovacuum merges the pending list instead.
        cursor.execute(
            "SELECT gin_clean_pending_list(c.oid) FROM pg_class c "
            "WHERE c.oid IN (SELECT to_regclass(name) FROM unnest(%s::text[]) AS name) "
            "AND pg_has_role(c.relowner, 'USAGE')",
            [list(GIN_INDEXES)],
        )


def _symbols_and_words(query):
    symbols, words = [], []
    for word in query.split():
        (symbols if "/" in word else words).append(word)
    return symbols, words


def _text_query(words):
    """The words as one ``tsquery`` expression read in every language: each stemmed
    language's reading of them and their character pairs, joined with ``||``; None when
    no language makes a term of them.

    One piece of SQL rather than a tree of ``SearchQuery`` objects: Django copies and
    resolves every node of such a tree for each use, which cost more than the search
    itself on PostgreSQL (about 3 ms a request)."""
    text = " ".join(words)
    # Words written only in characters are read as such: a stemmer makes nothing of them.
    only_characters = not re.search(rf"[^\W{CJK}]", text)
    parts, params = [], []
    for lang in languages.all_languages():
        if lang.search_by_characters:
            raw = character_query(text)
            if raw:
                parts.append("to_tsquery('simple'::regconfig, %s)")
                params.append(raw)
        elif not only_characters:
            parts.append("websearch_to_tsquery(%s::regconfig, %s)")
            params += [lang.search_config, text]
    if not parts:
        return None
    return RawSQL("(" + " || ".join(parts) + ")", params)


class _Matches(Func):
    """``document @@ query``: whether a ``tsvector`` matches a ``tsquery``."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


class _Rank(Func):
    function = "ts_rank"
    output_field = FloatField()


def best_matches(query):
    """Live entries matching every word of ``query``, best first (a queryset: slice it).

    On PostgreSQL any ``CANDIDATES`` matches are found in no particular order and only
    those are ranked, in the same query."""
    symbols, words = _symbols_and_words(query)
    if not symbols and not words:
        return SearchEntry.objects.none()
    live = SearchEntry.objects.filter(version__is_current=True)
    if not is_postgresql():
        for word in query.casefold().split():
            live = live.filter(text__contains=word)
        return live.order_by("version__start_date", "pk")
    if symbols:
        # Entries without a symbol are outside the trigram index (its WHERE symbol <> ''):
        # saying so lets PostgreSQL use it.
        live = live.exclude(symbol="")
    for symbol in symbols:
        live = live.filter(symbol__icontains=symbol)
    if not words:
        return live.order_by("-version__start_date", "pk")
    text_query = _text_query(words)
    if text_query is None:
        return SearchEntry.objects.none()
    # In no order: the model's ordering would sort every match through its version.
    candidates = live.filter(_Matches(F("document"), text_query)).order_by().values("pk")
    return (
        SearchEntry.objects.filter(pk__in=candidates[:CANDIDATES])
        .annotate(rank=_Rank(F("document"), text_query))
        .order_by("-rank", "-version__start_date", "pk")
    )
