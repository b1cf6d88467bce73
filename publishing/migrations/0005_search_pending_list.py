"""The search indexes take a publish's entries into their pending list, merged by the
publish before it commits (publishing.search.insert_entries): a third of the cost of
inserting each entry into the index on its own, which is what ``fastupdate = off``
(migration 0002) did."""

from django.db import migrations

# Literal, as a migration's names must stay what they were.
GIN_INDEXES = ("search_entry_document", "search_entry_symbol_trgm")


def fastupdate(value):
    def alter(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for index in GIN_INDEXES:
            schema_editor.execute(f"ALTER INDEX IF EXISTS {index} SET (fastupdate = {value})")

    return alter


class Migration(migrations.Migration):
    dependencies = [("publishing", "0004_roles")]

    operations = [migrations.RunPython(fastupdate("on"), fastupdate("off"))]
