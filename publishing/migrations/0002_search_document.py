"""Full-text search on PostgreSQL: a tsvector per search entry, its GIN index and a
trigram index on symbols (publishing.search). On SQLite only the (empty) column is added.
"""

import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

INDEXES = [
    # fastupdate off: rows are written once per publish, read by every search; with the
    # pending list on, each search scanned up to 4 MB of unmerged entries (4 ms for a
    # rare word instead of 0.4 ms on the benchmark's 3.6 million rows).
    "CREATE INDEX IF NOT EXISTS search_entry_document ON publishing_searchentry "
    "USING gin (document) WITH (fastupdate = off)",
    "CREATE INDEX IF NOT EXISTS search_entry_symbol_trgm ON publishing_searchentry "
    "USING gin (UPPER(symbol) gin_trgm_ops) WITH (fastupdate = off) WHERE symbol <> ''",
]
DROP = ["DROP INDEX IF EXISTS search_entry_document", "DROP INDEX IF EXISTS search_entry_symbol_trgm"]


def index_existing_entries(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    import languages
    from publishing.search import character_vector

    SearchEntry = apps.get_model("publishing", "SearchEntry")
    with schema_editor.connection.cursor() as cursor:
        for language in languages.all_languages():
            if language.search_by_characters:
                continue
            cursor.execute(
                "UPDATE publishing_searchentry SET document = "
                "setweight(to_tsvector(%s::regconfig, label), 'A') || "
                "setweight(to_tsvector(%s::regconfig, text), 'B') WHERE language = %s",
                [language.search_config, language.search_config, language.code],
            )
    by_characters = [lang.code for lang in languages.all_languages() if lang.search_by_characters]
    batch = []
    for entry in SearchEntry.objects.filter(language__in=by_characters).only("label", "text"):
        entry.document = character_vector(entry.label, entry.text)
        batch.append(entry)
        if len(batch) == 1000:
            SearchEntry.objects.bulk_update(batch, ["document"])
            batch = []
    SearchEntry.objects.bulk_update(batch, ["document"])
    for statement in INDEXES:
        schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("publishing", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name="searchentry",
            name="document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(index_existing_entries, drop_indexes),
    ]
