"""Races that need two transactions at once, on PostgreSQL (what production runs):
two saves that would make a cycle, two saves of one row from one version, and a publish
while the draft is being edited.

Each thread has its own database connection; a barrier starts them together. SQLite
serialises every writer, so these run only on PostgreSQL: CI runs the suite there
(.ci/run), where a skip fails the build.
"""

import json
import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from agendas import services
from agendas.models import AgendaItem, Document, Footnote
from agendas.services import StaleEditError
from publishing.models import PublishedVersion
from publishing.services import publish_agenda
from tests.factories import AgendaFactory, DocumentFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="Races need PostgreSQL's concurrency."
    ),
]


def together(*jobs):
    """Run the jobs in threads started at one moment; their results or exceptions."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait()
            results[index] = ("ok", job())
        except Exception as error:  # noqa: BLE001 - the test inspects what each job met
            results[index] = ("refused", error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_saves_that_would_make_a_cycle_never_both_commit():
    agenda = AgendaFactory()
    for trial in range(10):
        a = services.add_agenda_item(agenda, title_en=f"A{trial}")
        b = services.add_agenda_item(agenda, title_en=f"B{trial}")

        def put(child_pk, parent_pk):
            def job():
                child = AgendaItem.objects.get(pk=child_pk)
                child.parent_id = parent_pk
                return services.save_agenda_item(child)

            return job

        results = together(put(a.pk, b.pk), put(b.pk, a.pk))

        outcomes = sorted(outcome for outcome, _value in results)
        assert outcomes == ["ok", "refused"], results
        refusal = next(value for outcome, value in results if outcome == "refused")
        assert isinstance(refusal, ValidationError)
        assert refusal.message_dict == {"parent": ["An item cannot be its own parent or ancestor."]}
        parents = dict(AgendaItem.objects.filter(pk__in=[a.pk, b.pk]).values_list("pk", "parent"))
        assert set(parents.values()) in ({None, a.pk}, {None, b.pk})


def test_two_saves_of_one_row_from_one_version_keep_the_first_and_refuse_the_second():
    agenda = AgendaFactory()
    item = services.add_agenda_item(agenda, title_en="Opening")

    def save_as(title):
        def job():
            copy = AgendaItem.objects.get(pk=item.pk)
            copy.title_en = title
            return services.save_agenda_item(copy)

        return job

    for round_ in range(5):
        before = AgendaItem.objects.get(pk=item.pk).version
        results = together(save_as(f"Ana {round_}"), save_as(f"Ben {round_}"))
        outcomes = [outcome for outcome, _value in results]
        saved = AgendaItem.objects.get(pk=item.pk)
        if outcomes.count("ok") == 2:
            # The second read the row after the first committed: a later edit, not a
            # race (the structure lock orders the two saves).
            assert saved.version == before + 2
            continue
        assert sorted(outcomes) == ["ok", "refused"]
        refusal = next(value for outcome, value in results if outcome == "refused")
        assert isinstance(refusal, StaleEditError)
        winner = next(value for outcome, value in results if outcome == "ok")
        assert (saved.title_en, saved.version) == (winner.title_en, before + 1)


def test_a_publication_never_mixes_two_states_of_the_draft():
    """An editor saves a footnote and a listed document's title together, state after
    state, while versions are published: each version holds one state only."""
    agenda = AgendaFactory()
    item = services.add_agenda_item(agenda, title_en="Opening")
    document = DocumentFactory(title_en="state 0")
    services.add_documentation(item, document)
    footnote = services.save_footnote(
        Footnote(agenda=agenda, item=item, placement="annotation", text_en="state 0")
    )
    stop = threading.Event()

    def edit():
        state = 0
        while not stop.is_set() and state < 400:
            state += 1
            with transaction.atomic():
                doc = Document.objects.get(pk=document.pk)
                doc.title_en = f"state {state}"
                services.save_document(doc)
                note = Footnote.objects.get(pk=footnote.pk)
                note.text_en = f"state {state}"
                services.save_footnote(note)
        return state

    def publish_many():
        try:
            for _ in range(25):
                publish_agenda(agenda)
        finally:
            stop.set()

    results = together(edit, publish_many)
    assert [outcome for outcome, _value in results] == ["ok", "ok"], results

    versions = PublishedVersion.objects.filter(agenda=agenda)
    assert versions.count() == 25
    mixed = []
    for version in versions:
        draft = {k: v for k, v in version.content.items() if k != "rendered"}
        states = set(re.findall(r"state (\d+)", json.dumps(draft)))
        if len(states) != 1:
            mixed.append((version.number, sorted(states)))
    assert mixed == []
