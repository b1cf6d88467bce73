"""A real Celery worker, started as in production, runs a task sent through Redis.

Skipped only where no broker is configured (a laptop on eager Celery). `.ci/run` sets
CELERY_BROKER_URL and RUN_SERVICE_TESTS=1, and fails on any skipped test.
"""

import os
import signal
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
from celery.exceptions import TimeoutError as CeleryTimeoutError
from django.db import connection

from config.celery import app as celery_app
from config.tasks import health_check

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.services


def broker_url():
    url = os.environ.get("CELERY_BROKER_URL", "")
    if not url:
        if os.environ.get("RUN_SERVICE_TESTS") == "1":
            pytest.fail("RUN_SERVICE_TESTS=1 but CELERY_BROKER_URL is not set.")
        pytest.skip("CELERY_BROKER_URL is not set: Celery runs eagerly, there is no broker.")
    return url


@pytest.fixture
def not_eager():
    # The test settings run tasks in-process; this test needs them sent to the broker.
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = previous


class Worker:
    def __init__(self, queue, log):
        self.queue = queue
        self._log = log

    def log(self):
        self._log.seek(0)
        return self._log.read()


@pytest.fixture
def worker(not_eager):
    """Start `celery -A config worker` on a queue of its own, as production starts it.

    A queue of its own keeps a concurrent run (a developer's, CI's) from taking this
    test's message.
    """
    broker_url()
    queue = f"test-health-{uuid.uuid4().hex}"
    with tempfile.TemporaryFile(mode="w+") as log:
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "--queues",
                queue,
                "--hostname",
                f"{queue}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=INFO",
            ],
            cwd=REPO,
            env=os.environ.copy(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield Worker(queue, log)
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
            with celery_app.connection_for_write() as conn:
                conn.default_channel.client.delete(f"_kombu.binding.{queue}")


def test_real_worker_runs_health_check_sent_through_redis(worker):
    result = health_check.apply_async(args=["ping-from-test"], queue=worker.queue)
    try:
        answer = result.get(timeout=60)
    except CeleryTimeoutError:
        pytest.fail("The worker returned no result within 60 s. Its log:\n" + worker.log())

    # The worker answers from its own process, through its own database connection.
    assert answer == {
        "token": "ping-from-test",
        "database": connection.vendor,
        "select_one": 1,
    }
    assert result.status == "SUCCESS"
