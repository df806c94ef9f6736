"""The overview entry also carries the sort keys (title, published, updated), so a search
ranks and pages its results on the same short rows that it counts."""

from django.db import migrations, models

COLUMNS = """initiative_id, organisation_id, workflow_status, kind, sector, lifecycle_status,
    union_assessment, county_id, municipality_id, owning_ministry_id, start_year,
    focus_area_numbers, search_vector, title, published_at, updated_at"""
SOURCE = """id, organisation_id, workflow_status, kind, sector, lifecycle_status,
    union_assessment, county_id, municipality_id, owning_ministry_id, start_year,
    focus_area_numbers, search_vector, title, published_at, updated_at"""
COPIED = [column.strip() for column in COLUMNS.split(",")][1:]


def copy_function(columns: str, source: str, copied: list[str]) -> str:
    assignments = ", ".join(copied)
    excluded = ", ".join(f"EXCLUDED.{column}" for column in copied)
    return f"""
CREATE OR REPLACE FUNCTION initiative_copy_to_overview() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO initiatives_overviewentry ({columns})
    SELECT {source} FROM (SELECT NEW.*) AS n
    ON CONFLICT (initiative_id) DO UPDATE SET ({assignments}) = ({excluded});
    RETURN NULL;
END $$;
"""  # noqa: S608 (constant SQL)


FORWARD = (
    copy_function(COLUMNS, SOURCE, COPIED)
    + """
UPDATE initiatives_overviewentry e
   SET title = i.title, published_at = i.published_at, updated_at = i.updated_at
  FROM initiatives_initiative i WHERE i.id = e.initiative_id;
"""
)
OLD_COLUMNS = COLUMNS.rsplit(", title", 1)[0]
OLD_SOURCE = SOURCE.rsplit(", title", 1)[0]
BACKWARD = copy_function(OLD_COLUMNS, OLD_SOURCE, COPIED[:-3])

TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS entry_title_trgm "
    "ON initiatives_overviewentry USING gin (title gin_trgm_ops)"
)


def create_trigram_index(apps, schema_editor):
    """The typo-tolerant fallback matches titles by trigrams, when pg_trgm is there."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone():
            cursor.execute(TRIGRAM_INDEX)


def drop_trigram_index(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS entry_title_trgm")


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0007_overview_entries")]

    operations = [
        migrations.AddField(
            model_name="overviewentry",
            name="title",
            field=models.CharField(default="", max_length=200),
        ),
        migrations.AddField(
            model_name="overviewentry",
            name="published_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.AddField(
            model_name="overviewentry",
            name="updated_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
