"""python manage.py import_agenda_document <file.docx|file.txt>: a draft from a document."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from interchange.documents import DocumentImportError, compare_with_file, import_agenda_document

COUNTED = (
    ("items", "items"),
    ("sub_items", "sub-items"),
    ("parts", "sub-headings"),
    ("paragraphs", "annotation paragraphs"),
    ("documents", "documents"),
    ("footnotes", "footnotes"),
    ("slots", "timetable slots"),
    ("joint_meetings", "joint meetings"),
)


class Command(BaseCommand):
    help = (
        "Create a draft agenda from the document the secretariat wrote: a Word file "
        "(.docx) or plain text, in any of the six languages. Prints what was recognised, "
        "what was found in the database or created, and the lines that were not "
        "understood. Never publishes; a file that cannot be read writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The agenda document, .docx or .txt")
        parser.add_argument(
            "--compare",
            metavar="AGENDA_FILE",
            help="An agenda file (.json, the exchange format) to compare the draft with, "
            "in the document's language: counts side by side, then every difference.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read and check everything, print the report, and write nothing.",
        )

    def handle(self, *args, file, compare=None, dry_run=False, **options):
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        expected = None
        if compare:
            try:
                expected = json.loads(Path(compare).read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise CommandError(f"Cannot read the agenda file {compare}: {error}.") from None
            if dry_run:
                raise CommandError("--compare needs the draft written: leave out --dry-run.")
        try:
            report = import_agenda_document(data, Path(file).name, dry_run=dry_run)
        except DocumentImportError as error:
            raise CommandError(
                f"{file} was not imported; nothing was written.\n" + "\n".join(error.messages)
            ) from None
        for line in report.lines():
            self.stdout.write(line)
        if expected is not None:
            mine, theirs, differences = compare_with_file(report.agenda, expected, report.language)
            self.stdout.write(f"Compared with {Path(compare).name} ({report.language}):")
            for name, label in COUNTED:
                self.stdout.write(f"  {label}: {mine[name]} recognised, {theirs[name]} expected")
            if differences:
                self.stdout.write(f"  {len(differences)} differences:")
                for difference in differences:
                    self.stdout.write("  " + difference.replace("\n", "\n  "))
            else:
                self.stdout.write("  no differences.")
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Dry run: nothing was written."))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created the draft {report.agenda} (not published); edit it in the admin."
                )
            )
