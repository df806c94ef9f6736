"""The vocabulary of published text that mistyped search words are corrected against; its
trigram index only where pg_trgm is installed (the pgserver fallback has none)."""

from django.db import migrations, models

TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS search_vocabulary_trgm "
    "ON initiatives_searchvocabulary USING gin (word gin_trgm_ops)"
)


def create_trigram_index(apps, schema_editor):
    """Corrections are looked up by trigram similarity, when pg_trgm is there."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone():
            cursor.execute(TRIGRAM_INDEX)


def drop_trigram_index(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS search_vocabulary_trgm")


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0024_search_version")]

    operations = [
        migrations.CreateModel(
            name="SearchVocabulary",
            fields=[
                ("word", models.TextField(db_collation="C", primary_key=True, serialize=False)),
                ("documents", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
