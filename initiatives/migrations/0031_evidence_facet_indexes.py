"""The evidence facet's indexes on the overview entries: its own (filters without a text
search), and the combined search-and-facets index of 0021 remade with the new column, so a
search with the facet selected meets in one index. Built concurrently, as in 0021, and the
combined one left out where PostgreSQL lacks ``btree_gin``."""

from importlib import import_module

import django.contrib.postgres.indexes
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations

previous = import_module("initiatives.migrations.0021_search_facets_index_arrays")

INDEX = previous.INDEX.replace("focus_area_numbers)", "focus_area_numbers, evidence_methods)")
assert INDEX != previous.INDEX  # noqa: S101 (the column list of 0021 is where it was)


def remake_index(apps, schema_editor):
    previous._remake(schema_editor, INDEX)


def restore_index(apps, schema_editor):
    previous._remake(schema_editor, previous.INDEX)


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [("initiatives", "0030_overview_entry_evidence")]

    operations = [
        AddIndexConcurrently(
            model_name="overviewentry",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["evidence_methods"], name="entry_evidence_gin"
            ),
        ),
        migrations.RunPython(remake_index, restore_index),
    ]
