"""PostgreSQL extensions for search, and the database cache table.

``pg_trgm`` and ``unaccent`` are created when the server has them (Debian's ``postgresql``
package does; the ``pgserver`` fallback does not, and then typo-tolerant search is off).
"""

import logging

from django.core.management import call_command
from django.db import migrations

logger = logging.getLogger("tillit.migrations")

EXTENSIONS = ("pg_trgm", "unaccent")


def create_extensions(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for name in EXTENSIONS:
            cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = %s", [name])
            if cursor.fetchone():
                cursor.execute(f"CREATE EXTENSION IF NOT EXISTS {name}")
            else:
                logger.warning("PostgreSQL has no %s extension; typo-tolerant search is off", name)


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunPython(create_extensions, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False),
    ]
