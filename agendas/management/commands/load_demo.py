"""Load the seed agenda CAC/COSP/WG.4/2020/1/Rev.1; running it again changes nothing."""

from django.core.management.base import BaseCommand

from agendas.demo.loader import load_description
from agendas.demo.seed import DESCRIPTION


class Command(BaseCommand):
    help = (
        "Create or update the demo data: the bodies, session, annotated provisional agenda "
        "CAC/COSP/WG.4/2020/1/Rev.1 (English and Chinese), its documents, the resolutions "
        "it cites and its organization of work. Safe to run repeatedly."
    )

    def handle(self, *args, **options):
        report = load_description(DESCRIPTION)
        for line in report.lines():
            self.stdout.write(line)
        if report.changed_anything:
            self.stdout.write(self.style.SUCCESS("The demo agenda is loaded."))
        else:
            self.stdout.write(self.style.SUCCESS("The demo agenda was already up to date."))
