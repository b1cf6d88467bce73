"""python manage.py export_agenda <symbol> <file>: a whole draft agenda as one JSON file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agendas.models import Agenda
from interchange.exporting import dumps, export_agenda


class Command(BaseCommand):
    help = (
        "Write the draft agenda with this symbol, and everything it refers to, as a JSON "
        "file in the exchange format (docs/agenda.schema.json). '-' writes to the output."
    )

    def add_arguments(self, parser):
        parser.add_argument("symbol", help="The agenda's symbol, e.g. CAC/COSP/WG.4/2020/1/Rev.1")
        parser.add_argument("file", help="Where to write the file; - for standard output")

    def handle(self, *args, symbol, file, **options):
        agenda = Agenda.objects.filter(symbol__iexact=symbol.strip()).first()
        if agenda is None:
            raise CommandError(f"There is no agenda {symbol}.")
        text = dumps(export_agenda(agenda))
        if file == "-":
            self.stdout.write(text, ending="")
            return
        try:
            Path(file).write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {file}: {error.strerror}.") from None
        self.stdout.write(self.style.SUCCESS(f"Wrote {agenda} to {file}."))
