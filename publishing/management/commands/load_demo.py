"""Load and publish the demo agendas; rerunning changes nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from interchange.importing import AgendaFileError, import_agenda
from publishing.queries import has_unpublished_changes
from publishing.services import publish_agenda

DEMO = Path(__file__).resolve().parents[2] / "demo"


class Command(BaseCommand):
    help = (
        "Create or update the demo agendas (publishing/demo/*.json: the seed agenda "
        "CAC/COSP/WG.4/2020/1/Rev.1 and samples of other shapes), with their bodies, "
        "sessions, documents, resolutions and timetables, and publish each whose draft "
        "differs from its live version. Safe to run repeatedly."
    )

    def handle(self, *args, **options):
        published, changed = [], False
        with transaction.atomic():
            for path in sorted(DEMO.glob("*.json")):
                try:
                    report = import_agenda(path.read_bytes())
                except AgendaFileError as error:
                    raise CommandError(f"{path.name}: " + "\n".join(error.messages)) from None
                self.stdout.write(f"{path.name}:")
                for line in report.lines():
                    self.stdout.write(f"  {line}")
                changed |= report.changed_anything
                # Publishing only a changed draft keeps a second run from adding versions.
                if has_unpublished_changes(report.agenda):
                    published.append(publish_agenda(report.agenda, by=None))
        for version in published:
            self.stdout.write(f"Published {version.symbol} as version {version.number}.")
        if changed or published:
            self.stdout.write(self.style.SUCCESS("The demo agendas are loaded."))
        else:
            self.stdout.write(self.style.SUCCESS("The demo agendas were already up to date."))
