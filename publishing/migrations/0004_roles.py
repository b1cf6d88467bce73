"""The groups of the roles: the secretariat and translators per language (publishing.roles)."""

from django.db import migrations


def create_roles(apps, schema_editor):
    from publishing.roles import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("agendas", "0005_translation_records"),
        ("resolutions", "0002_versions"),
        ("scheduling", "0002_versions"),
        ("publishing", "0003_live_versions_of_body"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Groups stay when the migration is undone: people may have been put in them.
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
