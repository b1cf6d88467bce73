"""The groups of the roles: the secretariat and translators per language (publishing.roles)."""

from django.db import migrations


def create_roles(apps, schema_editor):
    from publishing.roles import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("agendas", "0003_translation_records"),
        ("resolutions", "0001_initial"),
        ("scheduling", "0001_initial"),
        ("publishing", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Groups stay when the migration is undone: people may have been put in them.
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
