"""Personas and shared fixtures.

- ``secretariat``: staff who draft and publish agendas (superuser in the admin).
- ``secretariat_member``: the same work as a member of the group "Secretariat" only.
- ``translator_zh``: staff in the group "Translators (Chinese)": fills the Chinese
  fields; ``make_translator("fr")`` makes the translator of any language.
- ``staff``: staff without any permission.
- ``delegate``: a member of the public with an account; sees only published pages.
- ``outsider``: an anonymous visitor.

The groups are those of the migration (``publishing.roles``); ``roles`` makes sure
they exist, also after a browser test emptied the database.
"""

import os
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from public.pagecache import local_pages
from publishing.roles import SECRETARIAT, ensure_roles, translators_group_name

from .factories import UserFactory
from .snapshot_contract import checked_rendering

# Property-based tests (hypothesis): no deadline, because the machine is shared and a
# slow example is not a wrong one; examples are found afresh on each run and not kept
# in a .hypothesis/ database, so that CI and a laptop run the same way.
hypothesis_settings.register_profile("agendas", deadline=None, database=None)
hypothesis_settings.load_profile("agendas")


@pytest.fixture
def secretariat(db):
    return UserFactory(username="secretariat", is_staff=True, is_superuser=True)


@pytest.fixture
def roles(db):
    ensure_roles()


@pytest.fixture
def secretariat_member(roles):
    user = UserFactory(username="officer", is_staff=True)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return user


@pytest.fixture
def make_translator(roles):
    def make(code, username=None):
        user = UserFactory(username=username or f"translator_{code}", is_staff=True)
        user.groups.add(Group.objects.get(name=translators_group_name(code)))
        return user

    return make


@pytest.fixture
def translator_zh(make_translator):
    return make_translator("zh-hans", "translator_zh")


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", is_staff=True)


@pytest.fixture
def delegate(db):
    return UserFactory(username="delegate")


@pytest.fixture
def outsider():
    return Client()


@pytest.fixture
def secretariat_client(secretariat):
    client = Client()
    client.force_login(secretariat)
    return client


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a request in another language must not leak its
    active language into the next test's messages."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def published_records_keep_their_contract():
    """Every record any test publishes must keep docs/snapshot.schema.json.

    ``publish_agenda`` renders the record with ``rendering_alongside`` just before storing
    it; checking there catches every publication, whichever module started it.
    """
    with mock.patch("publishing.services.rendering_alongside", side_effect=checked_rendering):
        yield


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no stored page: the database is new, so is the site."""
    cache.clear()
    local_pages.clear()
    yield


@pytest.fixture
def postgresql():
    """For tests of what only PostgreSQL does (full-text search, query plans): skipped on
    a laptop's SQLite, failed where RUN_SERVICE_TESTS=1 (CI) and the database is not
    PostgreSQL. Mark such tests ``services`` too."""
    if connection.vendor != "postgresql":
        if os.environ.get("RUN_SERVICE_TESTS") == "1":
            pytest.fail("RUN_SERVICE_TESTS=1 but the database is not PostgreSQL.")
        pytest.skip("This runs on PostgreSQL only; DATABASE_URL is SQLite.")
