"""python manage.py import_agenda <file>: create or update a draft agenda from a JSON file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from interchange.importing import AgendaFileError, import_agenda


class Command(BaseCommand):
    help = (
        "Create or update the draft agenda a JSON file in the exchange format describes "
        "(docs/agenda.schema.json), with everything it refers to. A file that cannot be "
        "imported is refused whole, with the place of every fault; nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The agenda file")

    def handle(self, *args, file, **options):
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        try:
            report = import_agenda(data)
        except AgendaFileError as error:
            raise CommandError(
                f"{file} was not imported; nothing was written.\n" + "\n".join(error.messages)
            ) from None
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Imported {report.agenda}."))
