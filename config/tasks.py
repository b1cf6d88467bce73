"""Project-wide Celery tasks that belong to no single app.

``config`` is not an installed app, so ``config/celery.py`` names this module for
autodiscovery explicitly.
"""

from celery import shared_task
from django.db import connection


@shared_task(name="config.health_check")
def health_check(token):
    """Answer ``token`` back after a round trip to the database.

    Operations call it to prove that a worker is consuming, can reach the database and
    can return a result: ``celery -A config call config.health_check --args='["x"]'``.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (one,) = cursor.fetchone()
    return {"token": token, "database": connection.vendor, "select_one": one}
