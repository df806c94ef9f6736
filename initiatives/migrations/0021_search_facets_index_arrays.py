"""The indexes of the arrays of 0020, and the combined search-and-facets index of 0012 remade
over the columns the facets now read.

The place and ministry facets read the arrays of 0020 instead of the single owner columns,
so the index holds those arrays (GIN's own array operators) beside the plain columns
(``btree_gin``); the owner columns leave it, as no facet filters on them any longer. Built
concurrently, as in 0012, and left out where PostgreSQL lacks ``btree_gin``.
"""

import logging
from importlib import import_module

import django.contrib.postgres.indexes
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations

logger = logging.getLogger("tillit.migrations")
previous = import_module("initiatives.migrations.0012_search_facets_index")

INDEX = (
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS entry_public_search_facets "
    "ON initiatives_overviewentry USING gin (search_vector, kind, sector, lifecycle_status, "
    "union_assessment, county_numbers, municipality_numbers, ministry_ids, start_year, "
    "focus_area_numbers) WHERE workflow_status = 'publisert'"
)
DROP = "DROP INDEX CONCURRENTLY IF EXISTS entry_public_search_facets"


def _remake(schema_editor, index: str) -> None:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'btree_gin'")
        if not cursor.fetchone():
            logger.warning("PostgreSQL has no btree_gin extension; searches with facets are slower")
            return
        cursor.execute(DROP)
        cursor.execute(index)


def remake_index(apps, schema_editor):
    _remake(schema_editor, INDEX)


def restore_index(apps, schema_editor):
    _remake(schema_editor, previous.INDEX)


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [("initiatives", "0020_place_and_ministry_arrays")]

    operations = [
        # each array's own index, for filters without a text search
        AddIndexConcurrently(
            model_name="initiative",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["ministry_ids"], name="initiative_ministries_gin"
            ),
        ),
        AddIndexConcurrently(
            model_name="initiative",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["municipality_numbers"], name="initiative_municipalities_gin"
            ),
        ),
        AddIndexConcurrently(
            model_name="initiative",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["county_numbers"], name="initiative_counties_gin"
            ),
        ),
        AddIndexConcurrently(
            model_name="overviewentry",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["ministry_ids"], name="entry_ministries_gin"
            ),
        ),
        AddIndexConcurrently(
            model_name="overviewentry",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["municipality_numbers"], name="entry_municipalities_gin"
            ),
        ),
        AddIndexConcurrently(
            model_name="overviewentry",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["county_numbers"], name="entry_counties_gin"
            ),
        ),
        migrations.RunPython(remake_index, restore_index, elidable=False),
    ]
