"""The admin's long lists read their rows in the order of an index (PostgreSQL).

Sorting half a million agenda items through their agenda, session and body on every
page of the list took over a second; read from ``item_admin_order`` the page costs the
same at any size. Each test takes the list's own query as the admin sends it and asks
PostgreSQL for its plan with sorting discouraged: the plan must read the index.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AgendaFactory, AgendaItemFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def plan_of_list_query(client, url, table):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    (sql,) = [
        query["sql"]
        for query in captured
        if query["sql"].startswith("SELECT")
        and f'FROM "{table}"' in query["sql"]
        and "ORDER BY" in query["sql"]
    ]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_item_list_reads_the_item_admin_order_index(postgresql, secretariat_client):
    for _ in range(3):
        AgendaItemFactory(agenda=AgendaFactory())

    plan = plan_of_list_query(
        secretariat_client, "/admin/agendas/agendaitem/", "agendas_agendaitem"
    )

    assert "item_admin_order" in plan
    assert "Sort" not in plan


def test_the_agenda_list_reads_the_session_latest_first_index(postgresql, secretariat_client):
    for _ in range(3):
        AgendaItemFactory(agenda=AgendaFactory())

    plan = plan_of_list_query(secretariat_client, "/admin/agendas/agenda/", "agendas_agenda")

    assert "session_latest_first" in plan
