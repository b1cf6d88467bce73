"""Helpers for tests that need a PostgreSQL database of their own beside the test one."""

import contextlib

import psycopg
from django.db import connection
from psycopg import sql


def database_url(name):
    """The address of database ``name`` on the server the tests run on."""
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{name}"


@contextlib.contextmanager
def scratch_database(suffix, *, create=True):
    """The name of a database beside the test database, dropped before and after."""
    name = f"{connection.settings_dict['NAME']}_{suffix}"
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        admin.execute(drop)
        if create:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield name
        finally:
            admin.execute(drop)
