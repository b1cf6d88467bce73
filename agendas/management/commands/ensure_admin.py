"""Create the local admin account once; never touch it again."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create a superuser from ADMIN_USERNAME (default: admin) and ADMIN_PASSWORD "
        "(default: a random password, printed once). If the user already exists, say so "
        "and leave its password alone."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME") or "admin"
        email = os.environ.get("ADMIN_EMAIL", "")
        given_password = os.environ.get("ADMIN_PASSWORD")
        with transaction.atomic():
            if User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
                # Rerunning `make run` must not lock out someone who changed the password.
                self.stdout.write(
                    f"The admin account “{username}” already exists; its password is unchanged."
                )
                return
            password = given_password or secrets.token_urlsafe(12)
            User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Created the admin account “{username}”."))
        if given_password:
            self.stdout.write("Its password is the one in ADMIN_PASSWORD.")
        else:
            self.stdout.write(f"Username: {username}")
            self.stdout.write(f"Password: {password}")
            self.stdout.write("Write the password down: it is shown only this once.")
