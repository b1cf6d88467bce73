"""When the database does not answer, pages answer 503 with Retry-After, not 500, and the
site is back by itself once the database is.

The first tests make the database refuse inside this process (any backend). The last
starts a PostgreSQL cluster of its own and a gunicorn serving the site from it, stops
the cluster, asks for a page, starts the cluster and asks again, restarting nothing
else. It needs the Debian PostgreSQL binaries: skipped on a laptop without them, and a
failure where RUN_SERVICE_TESTS=1 (`.ci/run`).
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client

REPO = Path(__file__).resolve().parent.parent


def refuse(error):
    """An execute wrapper: the database refuses every query with ``error``."""

    def wrapper(execute, sql, params, many, context):
        raise error

    return wrapper


@pytest.fixture
def client():
    # Answer as production does, with the error page, rather than raise into the test.
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "error",
    [
        OperationalError("the database system is shutting down"),
        InterfaceError("connection already closed"),
    ],
    ids=["operational-error", "interface-error"],
)
def test_a_database_that_fails_gives_503_with_retry_after_and_an_explanation(client, error):
    with connection.execute_wrapper(refuse(error)):
        response = client.get("/en/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    text = response.content.decode()
    assert "<h1>Service temporarily unavailable</h1>" in text
    assert "the database is not answering." in text
    assert "Please try again shortly." in text


@pytest.mark.django_db
def test_the_503_page_speaks_the_page_language(client):
    with connection.execute_wrapper(refuse(OperationalError("gone"))):
        response = client.get("/fr/search/?q=corruption")

    assert response.status_code == 503
    text = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in text
    assert "<h1>Service temporairement indisponible</h1>" in text


@pytest.mark.django_db
def test_the_admin_answers_503_too(client, secretariat):
    client.force_login(secretariat)
    with connection.execute_wrapper(refuse(OperationalError("gone"))):
        response = client.get("/admin/agendas/agenda/")

    assert response.status_code == 503


@pytest.mark.django_db
def test_other_errors_stay_500(client):
    with connection.execute_wrapper(refuse(ValueError("a bug, not an outage"))):
        response = client.get("/en/")

    assert response.status_code == 500
    assert "Retry-After" not in response


# --- A real outage ----------------------------------------------------------------------

# Ports of their own: 54390-54399 for the cluster, 8190-8199 for the server.
CLUSTER_PORTS = range(54390, 54400)
SERVER_PORTS = range(8190, 8200)
# Every step is bounded: a hung cluster or server fails the test, never the run.
STEP_TIMEOUT = 60


def postgresql_bin():
    """The newest Debian PostgreSQL's bin/ directory, or skip (fail in CI)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda path: int(Path(path).parts[-3].split(".")[0]),
    )
    if not found:
        message = "No PostgreSQL binaries in /usr/lib/postgresql (apt-get install postgresql)."
        if os.environ.get("RUN_SERVICE_TESTS") == "1":
            pytest.fail("RUN_SERVICE_TESTS=1 but: " + message)
        pytest.skip(message)
    return Path(found[-1]).parent


def free_port(ports):
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"No free port in {ports.start}-{ports.stop - 1}.")


class Cluster:
    """A throw-away PostgreSQL cluster, run as the postgres user when we are root
    (initdb refuses root)."""

    def __init__(self, bin_dir, directory, port):
        self.bin_dir = bin_dir
        self.data = directory / "data"
        self.log = directory / "postgresql.log"
        self.directory = directory
        self.port = port
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            account = pwd.getpwnam(self.user)
            os.chown(directory, account.pw_uid, account.pw_gid)

    def run(self, program, *args):
        subprocess.run(
            [str(self.bin_dir / program), *args],
            user=self.user,
            cwd=self.directory,
            check=True,
            capture_output=True,
            timeout=STEP_TIMEOUT,
        )

    def init(self):
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                 "--encoding=UTF8", "--no-locale", "--no-sync")  # fmt: skip

    def start(self):
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
                 "-w", "-t", str(STEP_TIMEOUT), "start")  # fmt: skip

    def stop(self, mode="fast"):
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", str(STEP_TIMEOUT),
                 "stop")  # fmt: skip

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


@pytest.fixture
def cluster():
    bin_dir = postgresql_bin()
    directory = Path(tempfile.mkdtemp(prefix="agendas-outage-"))
    cluster = Cluster(bin_dir, directory, free_port(CLUSTER_PORTS))
    try:
        cluster.init()
        cluster.start()
        with psycopg.connect(cluster.url("postgres"), autocommit=True) as admin:
            admin.execute("CREATE DATABASE outage")
        yield cluster
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            cluster.stop("immediate")
        shutil.rmtree(directory, ignore_errors=True)


def get(url):
    """Status, headers and text of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def worker_pids(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text()
    return sorted(int(pid) for pid in children.split())


@pytest.fixture
def server(cluster):
    """gunicorn serving the site from the cluster, as production runs it."""
    env = {
        **os.environ,
        # The test settings: production's, with static files served without a manifest.
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
        "DATABASE_URL": cluster.url("outage"),
        "DB_CONN_MAX_AGE": "60",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=REPO, env=env, check=True, timeout=STEP_TIMEOUT * 3,
    )  # fmt: skip
    port = free_port(SERVER_PORTS)
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "1", "--timeout", "30"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        process.base_url = f"http://127.0.0.1:{port}"
        try:
            wait_until_answering(process, log)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_answering(process, log):
    deadline = time.monotonic() + STEP_TIMEOUT
    while True:
        try:
            get(process.base_url + "/en/")
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                log.seek(0)
                pytest.fail("gunicorn did not answer:\n" + log.read().decode())
            time.sleep(0.2)


@pytest.mark.services
def test_the_site_answers_503_while_postgresql_is_stopped_and_recovers_by_itself(cluster, server):
    status, _headers, _text = get(server.base_url + "/en/search/?q=corruption")
    assert status == 200
    workers = worker_pids(server)

    cluster.stop()
    status, headers, text = get(server.base_url + "/en/search/?q=corruption")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "<h1>Service temporarily unavailable</h1>" in text

    cluster.start()
    status, _headers, _text = get(server.base_url + "/en/search/?q=corruption")
    assert status == 200

    # A restart between two requests costs no request an error: the kept connection,
    # dead since the restart, is checked before reuse (CONN_HEALTH_CHECKS) and replaced.
    cluster.stop()
    cluster.start()
    status, _headers, _text = get(server.base_url + "/en/search/?q=corruption")
    assert status == 200

    # The same server and worker answered throughout: nothing was restarted.
    assert server.poll() is None
    assert worker_pids(server) == workers
