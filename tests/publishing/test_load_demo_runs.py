"""What a run of `load_demo` does: a first run publishes the seed agenda once, a second
changes no row, and a demo file edited by hand into a bad one changes nothing."""

import json

import pytest
from django.apps import apps

from agendas.models import Body
from interchange.importing import AgendaFileError, import_agenda
from publishing.models import PublishedVersion
from resolutions.models import Resolution

from .test_load_demo import SEED_FILE, SYMBOL, run_load_demo


def snapshot():
    """Every row of every model of our apps (and the joint items table), as values."""
    rows = {}
    for label in ("agendas", "resolutions", "scheduling"):
        for model in apps.get_app_config(label).get_models():
            rows[model._meta.label] = list(model.objects.order_by("pk").values())
    through = apps.get_model("scheduling", "JointParticipant").items.through
    rows["joint items"] = list(through.objects.order_by("pk").values())
    return rows


def test_second_run_changes_no_row_and_says_so(db):
    run_load_demo()
    before = snapshot()
    output = run_load_demo()
    assert snapshot() == before
    assert "The demo agendas were already up to date." in output
    assert "agendas.AgendaItem: 0 created, 0 updated, 8 unchanged, 0 removed" in output
    assert "Published" not in output


def test_first_run_publishes_the_agenda_once(db):
    output = run_load_demo()
    run_load_demo()
    version = PublishedVersion.objects.get(agenda__symbol=SYMBOL)
    assert (version.symbol, version.number, version.is_current) == (SYMBOL, 1, True)
    assert "Published CAC/COSP/WG.4/2020/1/Rev.1 as version 1." in output


def test_a_demo_file_with_a_bad_symbol_changes_nothing(db):
    data = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    data["documents"][2]["symbol"] = "CAC/COSP/WG.4/2020/ 4"
    with pytest.raises(AgendaFileError) as excinfo:
        import_agenda(data)
    assert excinfo.value.messages == [
        "At /documents/2: “CAC/COSP/WG.4/2020/ 4” is not a valid UN document symbol: "
        "symbols contain no spaces."
    ]
    assert Body.objects.count() == 0
    assert Resolution.objects.count() == 0
