"""The admin's long lists read their rows in the order of an index (PostgreSQL).

Sorting half a million agenda items through their agenda, session and body on every
page of the list took over a second; read from ``item_admin_order`` the page costs the
same at any size. Each test takes the list's own query as the admin sends it and asks
PostgreSQL for its plan with sorting discouraged: the plan must read the index.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agendas.adminkit import LargeTablePaginator
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


def test_a_long_unfiltered_list_is_counted_from_statistics(
    postgresql, secretariat_client, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(LargeTablePaginator, "ESTIMATE_ABOVE", 2)
    agenda = AgendaFactory()
    for _ in range(3):
        AgendaItemFactory(agenda=agenda)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE agendas_agendaitem")
    for _ in range(2):
        AgendaItemFactory(agenda=agenda)

    unfiltered = secretariat_client.get("/admin/agendas/agendaitem/")
    filtered = secretariat_client.get("/admin/agendas/agendaitem/", {"kind": "item"})

    # The statistics saw 3 rows; a filtered list is counted exactly.
    assert unfiltered.context["cl"].result_count == 3
    assert filtered.context["cl"].result_count == 5
    monkeypatch.setattr(LargeTablePaginator, "ESTIMATE_ABOVE", 100_000)
    assert secretariat_client.get("/admin/agendas/agendaitem/").context["cl"].result_count == 5
