"""Load and publish the seed agenda CAC/COSP/WG.4/2020/1/Rev.1; rerunning changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from agendas.models import Agenda
from publishing.demo.loader import load_description
from publishing.demo.seed import DESCRIPTION
from publishing.queries import has_unpublished_changes
from publishing.services import publish_agenda


class Command(BaseCommand):
    help = (
        "Create or update the demo data: the bodies, session, annotated provisional agenda "
        "CAC/COSP/WG.4/2020/1/Rev.1 (English and Chinese), its documents, the resolutions "
        "it cites and its organization of work, and publish the agenda if its draft differs "
        "from the live version. Safe to run repeatedly."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            report = load_description(DESCRIPTION)
            published = []
            for data in DESCRIPTION["agendas"]:
                agenda = Agenda.objects.get(symbol__iexact=data["symbol"])
                # Publishing only a changed draft keeps a second run from adding versions.
                if has_unpublished_changes(agenda):
                    published.append(publish_agenda(agenda, by=None))
        for line in report.lines():
            self.stdout.write(line)
        for version in published:
            self.stdout.write(f"Published {version.symbol} as version {version.number}.")
        if report.changed_anything or published:
            self.stdout.write(self.style.SUCCESS("The demo agenda is loaded."))
        else:
            self.stdout.write(self.style.SUCCESS("The demo agenda was already up to date."))
