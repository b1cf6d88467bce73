"""python manage.py import_xliff <file>: write a translated XLIFF file back into its agenda."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agendas.models import Agenda
from interchange.xliff import XliffFileError, import_xliff


class Command(BaseCommand):
    help = (
        "Import the translations of an XLIFF 2.0 file made by export_xliff into the agenda "
        "it was made for. A file that cannot be imported (another agenda or language, an "
        "unknown unit, a source text changed since the export, broken markup) is refused "
        "whole, with the unit of every fault; nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The translated .xlf file")
        parser.add_argument(
            "--agenda", help="Refuse the file unless it is for the agenda with this symbol"
        )
        parser.add_argument(
            "--language", help="Refuse the file unless it translates into this language"
        )

    def handle(self, *args, file, agenda=None, language=None, **options):
        expected = None
        if agenda:
            expected = Agenda.objects.filter(symbol__iexact=agenda.strip()).first()
            if expected is None:
                raise CommandError(f"There is no agenda {agenda}.")
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        try:
            report = import_xliff(
                data, agenda=expected, language=language.strip().lower() if language else None
            )
        except XliffFileError as error:
            raise CommandError(
                f"{file} was not imported; nothing was written.\n" + "\n".join(error.messages)
            ) from None
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(f"Imported the {report.language} translation of {report.agenda}.")
        )
