"""Counting rows, for the tests that prove an action wrote nothing."""

from django.apps import apps
from django.db import connection


def row_counts(*app_labels):
    """``{model label: rows}`` of the models of ``app_labels`` (of every installed
    app when none is named), read in one query."""
    if app_labels:
        models = [
            model for label in app_labels for model in apps.get_app_config(label).get_models()
        ]
    else:
        models = apps.get_models()
    tables = sorted({model._meta.db_table for model in models})
    quote = connection.ops.quote_name
    counts = " UNION ALL ".join(
        f"SELECT {i}, COUNT(*) FROM {quote(table)}" for i, table in enumerate(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(counts)
        by_table = {tables[i]: count for i, count in cursor.fetchall()}
    return {model._meta.label: by_table[model._meta.db_table] for model in models}
