"""A backup made with pg_dump, restored with pg_restore into an empty database, serves
byte-identical public pages (README.md, "Backup and restore").

PostgreSQL only: the test dumps its own database, restores it into a new one beside it,
and renders the public pages from each in a fresh process. Skipped on SQLite on a
laptop; where RUN_SERVICE_TESTS=1 (`.ci/run`) a missing PostgreSQL is a failure.
"""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from psycopg import sql

from agendas.models import Agenda
from publishing.services import publish_agenda

from .postgres import database_url, scratch_database

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.services

AGENDA = "bodies/cosp-wg4/sessions/11/annotated-agenda/"
LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
PAGES = [
    *(f"/{language}/" for language in LANGUAGES),
    *(f"/{language}/{AGENDA}" for language in LANGUAGES),
    f"/en/{AGENDA}versions/1/",
    "/en/bodies/cosp-wg4/",
    "/fr/bodies/cosp-wg4/sessions/11/",
    "/en/programme/2020-08-31/",
    "/ru/search/?q=corruption",
    "/en/search/?q=CAC%2FCOSP%2FWG.4%2F2020%2F1",
    "/sitemap.xml",
]

# Run in a fresh process against DATABASE_URL: every page, as bytes, and its status.
RENDER = """
import base64, json, sys
import django
django.setup()
from django.test import Client
client = Client()
pages = {}
for url in json.loads(sys.argv[1]):
    response = client.get(url)
    pages[url] = [response.status_code, base64.b64encode(response.content).decode()]
print(json.dumps(pages))
"""


def require_postgresql():
    if connection.vendor == "postgresql" and shutil.which("pg_dump") and shutil.which("pg_restore"):
        return
    message = "Backup and restore need PostgreSQL and its pg_dump and pg_restore."
    if os.environ.get("RUN_SERVICE_TESTS") == "1":
        pytest.fail("RUN_SERVICE_TESTS=1 but: " + message)
    pytest.skip(message)


def render_pages(url):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.test_settings", "DATABASE_URL": url}
    completed = subprocess.run(
        [sys.executable, "-c", RENDER, json.dumps(PAGES)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    return {
        page: (status, base64.b64decode(content))
        for page, (status, content) in json.loads(completed.stdout.splitlines()[-1]).items()
    }


@pytest.fixture
def restored_name():
    require_postgresql()
    with scratch_database("restored", create=False) as name:
        yield name


def test_a_restored_backup_serves_byte_identical_public_pages(transactional_db, restored_name):
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)
    # A second version, so that an earlier one is served from its own address too.
    publish_agenda(Agenda.objects.get(symbol="CAC/COSP/WG.4/2020/1/Rev.1"))
    original = database_url(connection.settings_dict["NAME"])
    restored = database_url(restored_name)

    with tempfile.TemporaryDirectory() as directory:
        dump = Path(directory) / "agendas.dump"
        # The commands of README.md's "Backup and restore".
        subprocess.run(
            ["pg_dump", "--format=custom", f"--file={dump}", original],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(restored_name)))
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored}", str(dump)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip

    before = render_pages(original)
    after = render_pages(restored)

    assert {page: status for page, (status, _content) in before.items()} == dict.fromkeys(
        PAGES, 200
    )
    assert b"CAC/COSP/WG.4/2020/1/Rev.1" in before[f"/en/{AGENDA}"][1]
    assert after == before
