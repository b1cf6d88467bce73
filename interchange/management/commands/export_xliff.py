"""python manage.py export_xliff <symbol> <language> <file>: an agenda's text for translators."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agendas.models import Agenda
from interchange.xliff import export_xliff


class Command(BaseCommand):
    help = (
        "Write every text of the agenda with this symbol (its items, footnotes, the "
        "documents it lists, the resolutions it cites, its organization of work) as an "
        "XLIFF 2.0 file for translation from its original language into <language>, with "
        "the translations there are. '-' writes to the output."
    )

    def add_arguments(self, parser):
        parser.add_argument("symbol", help="The agenda's symbol, e.g. CAC/COSP/WG.4/2020/1/Rev.1")
        parser.add_argument("language", help="The language to translate into, e.g. fr, zh-hans")
        parser.add_argument("file", help="Where to write the file; - for standard output")

    def handle(self, *args, symbol, language, file, **options):
        agenda = Agenda.objects.filter(symbol__iexact=symbol.strip()).first()
        if agenda is None:
            raise CommandError(f"There is no agenda {symbol}.")
        try:
            data = export_xliff(agenda, language.strip().lower())
        except ValueError as error:
            raise CommandError(str(error)) from None
        if file == "-":
            self.stdout.write(data.decode("utf-8"), ending="")
            return
        try:
            Path(file).write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {file}: {error.strerror}.") from None
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {agenda} for translation into {language} to {file}.")
        )
