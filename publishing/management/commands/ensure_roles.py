"""Create the groups of the roles that are missing; rerunning changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from publishing.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Create the groups “Secretariat” and “Translators (<language>)” for every "
        "language of the settings, with their permissions, where they are missing (run "
        "it after adding a language). Groups and permissions already there are kept."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            created = ensure_roles()
        for name in created:
            self.stdout.write(f"Created the group “{name}”.")
        self.stdout.write(self.style.SUCCESS("The roles are in place."))
