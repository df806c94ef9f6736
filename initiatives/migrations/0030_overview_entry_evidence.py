"""The overview entry copies how the measure's effect was judged (``evidence_methods``), so
the overview's evidence facet counts and filters on the same narrow rows as the others: the
copy function of 0020 with one more column, and the measures that already have methods
copied once (the rest keep the empty default)."""

from importlib import import_module

import django.contrib.postgres.fields
from django.db import migrations, models

sort_keys = import_module("initiatives.migrations.0008_overview_entry_sort_keys")
arrays = import_module("initiatives.migrations.0020_place_and_ministry_arrays")
BEFORE = ", has_experience" + arrays.ARRAYS
COPIED_BEFORE = [
    *sort_keys.COPIED,
    "has_experience",
    "ministry_ids",
    "municipality_numbers",
    "county_numbers",
]
FORWARD = sort_keys.copy_function(  # noqa: S608 (constant SQL)
    sort_keys.COLUMNS + BEFORE + ", evidence_methods",
    sort_keys.SOURCE + BEFORE + ", evidence_methods",
    [*COPIED_BEFORE, "evidence_methods"],
) + (
    "UPDATE initiatives_overviewentry e SET evidence_methods = i.evidence_methods"
    " FROM initiatives_initiative i"
    " WHERE i.id = e.initiative_id AND cardinality(i.evidence_methods) > 0;"
)
BACKWARD = sort_keys.copy_function(
    sort_keys.COLUMNS + BEFORE, sort_keys.SOURCE + BEFORE, COPIED_BEFORE
)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_constraint_messages"),
        ("initiatives", "0029_evidence_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="overviewentry",
            name="evidence_methods",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=30),
                default=list,
                db_default=models.Value(
                    [],
                    output_field=django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=30)
                    ),
                ),
                size=None,
            ),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
