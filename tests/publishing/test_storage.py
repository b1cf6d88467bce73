"""How PostgreSQL stores what a publish writes (migrations 0005 and 0006)."""

import pytest
from django.db import connection

from publishing.models import PublishedVersion
from publishing.search import GIN_INDEXES

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def fetch(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_the_search_indexes_take_a_publish_into_their_pending_list(postgresql):
    # The publish merges the list before it commits (search.insert_entries).
    options = fetch(
        "SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s) ORDER BY relname",
        [list(GIN_INDEXES)],
    )

    assert options == [
        ("search_entry_document", ["fastupdate=on"]),
        ("search_entry_symbol_trgm", ["fastupdate=on"]),
    ]


def test_records_are_compressed_with_lz4_where_the_server_has_it(postgresql):
    has_lz4 = fetch(
        "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' "
        "AND 'lz4' = ANY(enumvals)"
    )
    compression = fetch(
        "SELECT attcompression FROM pg_attribute WHERE attrelid = %s::regclass "
        "AND attname = 'content'",
        [PublishedVersion._meta.db_table],
    )

    assert compression == [("l" if has_lz4 else "",)]
