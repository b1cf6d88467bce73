"""`make bench` makes its data with bench/generate.py: COPY and bulk inserts that bypass
the model, so a column added to the model can break it unseen. This runs its ``tiny``
size into a database of its own and checks what it made, down to the search vectors.

PostgreSQL only (COPY, full-text search): skipped on a laptop's SQLite, failed where
RUN_SERVICE_TESTS=1 (CI).
"""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from .postgres import database_url, scratch_database

REPO = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.services, pytest.mark.django_db]

# What the generator made, told from the demo's rows by its bodies' slugs (wg-1, wg-2).
COUNTS = """
WITH body AS (SELECT id FROM agendas_body WHERE slug ~ '^wg-[0-9]+$'),
     session AS (SELECT id FROM agendas_session WHERE body_id IN (SELECT id FROM body)),
     agenda AS (SELECT id FROM agendas_agenda WHERE session_id IN (SELECT id FROM session)),
     item AS (SELECT id FROM agendas_agendaitem WHERE agenda_id IN (SELECT id FROM agenda)),
     version AS (
       SELECT id FROM publishing_publishedversion
       WHERE is_current AND agenda_id IN (SELECT id FROM agenda)
     )
SELECT
  (SELECT count(*) FROM body),
  (SELECT count(*) FROM session),
  (SELECT count(*) FROM item),
  (SELECT count(*) FROM version),
  (SELECT count(*) FROM agendas_documentationlink WHERE item_id IN (SELECT id FROM item)),
  (SELECT count(*) FROM scheduling_slotitem WHERE item_id IN (SELECT id FROM item)),
  (SELECT count(*) FROM publishing_searchentry WHERE version_id IN (SELECT id FROM version)),
  (SELECT count(*) FROM publishing_searchentry WHERE document IS NULL)
"""


def test_the_benchmark_generator_makes_its_tiny_set(postgresql):
    with scratch_database("bench") as name:
        url = database_url(name)
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings"}
        completed = subprocess.run(
            [sys.executable, "bench/generate.py", "tiny", "--processes", "1"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert completed.returncode == 0, completed.stderr
        with psycopg.connect(url) as database:
            counts = database.execute(COUNTS).fetchone()

    bodies, sessions, items, versions, links, slot_items, entries, unindexed = counts
    # 2 bodies of 3 sessions; the latest of each published: the first body's with the
    # peer's 50 items (10 of 4 sub-items), the other's 3 of 1 sub-item; 4 drafts of 1.
    assert (bodies, sessions, items, versions) == (2, 6, 50 + 6 + 4, 2)
    # A document under each top-level item; time slots take up to 3 items each.
    assert (links, slot_items) == (10 + 3, 5 + 3)
    # In each of the six languages a search entry for each published session, item and
    # document, every one with its tsvector.
    assert (entries, unindexed) == (6 * (2 + 56 + 13), 0)
