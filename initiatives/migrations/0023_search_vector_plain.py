"""The search vectors become plain columns, written by the application (initiatives/search):
PostgreSQL's Snowball stemmer cannot lemmatise Norwegian compounds or relate bokmål and
nynorsk, and a managed database cannot load dictionaries. ``DROP EXPRESSION`` keeps every
value and the GIN indexes, without rewriting the table, so the running version goes on
searching the old vectors until they are re-indexed (0024 and ``manage.py reindex_search``).
The overview entry's copy trigger (0020) copies the column as before."""

import django.contrib.postgres.search
from django.db import migrations

TABLES = ("initiatives_initiative", "initiatives_experiencereport")
FORWARD = "".join(
    f"ALTER TABLE {table} ALTER COLUMN search_vector DROP EXPRESSION;" for table in TABLES
)
# Going back makes the generated columns of 0004 and 0009 again (PostgreSQL 15 cannot give a
# plain column an expression), with their GIN indexes.
INITIATIVE_EXPRESSION = (
    "setweight(to_tsvector('norwegian'::regconfig, COALESCE(title, '')), 'A') || "
    "setweight(to_tsvector('norwegian'::regconfig, COALESCE(summary, '')), 'B') || "
    "setweight(to_tsvector('norwegian'::regconfig, COALESCE(description, '')), 'C')"
)
REPORT_EXPRESSION = (
    "setweight(to_tsvector('norwegian'::regconfig, COALESCE(title, '')), 'A') || "
    "setweight(to_tsvector('norwegian'::regconfig, COALESCE(summary, '') || ' ' || "
    "COALESCE(what_was_done, '')), 'B') || "
    "setweight(to_tsvector('norwegian'::regconfig, COALESCE(what_worked, '') || ' ' || "
    "COALESCE(challenges, '') || ' ' || COALESCE(success_conditions, '') || ' ' || "
    "COALESCE(advice, '') || ' ' || COALESCE(outcomes, '')), 'C')"
)
BACKWARD = f"""
ALTER TABLE initiatives_initiative DROP COLUMN search_vector;
ALTER TABLE initiatives_initiative ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS ({INITIATIVE_EXPRESSION}) STORED;
CREATE INDEX initiative_search_gin ON initiatives_initiative USING gin (search_vector);
CREATE INDEX initiative_public_search_gin ON initiatives_initiative USING gin (search_vector)
    WHERE workflow_status = 'publisert';
ALTER TABLE initiatives_experiencereport DROP COLUMN search_vector;
ALTER TABLE initiatives_experiencereport ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS ({REPORT_EXPRESSION}) STORED;
CREATE INDEX experience_search_gin ON initiatives_experiencereport USING gin (search_vector);
"""


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0022_yearbook_pick_sections")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(FORWARD, BACKWARD)],
            state_operations=[
                migrations.AlterField(
                    model_name=model,
                    name="search_vector",
                    field=django.contrib.postgres.search.SearchVectorField(
                        editable=False, null=True
                    ),
                )
                for model in ("initiative", "experiencereport")
            ],
        ),
    ]
