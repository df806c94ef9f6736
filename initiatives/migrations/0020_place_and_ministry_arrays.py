"""The place and ministry facets read arrays that also hold the participants and the
responsible ministries: ``ministry_ids`` (the owner's ministry and the responsible ones),
``municipality_numbers`` and ``county_numbers`` (the owner's place and the participating
organisations'). The database keeps them, as it keeps the single owner columns of 0006: the
row trigger fills them, statement triggers on the two link tables touch the measures
concerned, an organisation that moves touches the measures it takes part in as well as its
own, and the overview entry copies them (the copy function of 0009 with three more columns).
"""

from importlib import import_module

import django.contrib.postgres.fields
from django.conf import settings
from django.db import migrations, models

copying = import_module("initiatives.migrations.0009_experience_reports")
sort_keys = import_module("initiatives.migrations.0008_overview_entry_sort_keys")
ARRAYS = ", ministry_ids, municipality_numbers, county_numbers"
COPY = sort_keys.copy_function(
    sort_keys.COLUMNS + ", has_experience" + ARRAYS,
    sort_keys.SOURCE + ", has_experience" + ARRAYS,
    [*sort_keys.COPIED, "has_experience", "ministry_ids", "municipality_numbers", "county_numbers"],
)
COPY_BEFORE = copying.FORWARD

# The fill function of 0006, with the three arrays (sorted, without duplicates).
FILL = """
CREATE OR REPLACE FUNCTION initiative_fill_facets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.municipality_id,
           COALESCE(m.county_id, o.county_id),
           CASE WHEN o.kind = 'departement' THEN o.id ELSE o.parent_ministry_id END
      INTO NEW.municipality_id, NEW.county_id, NEW.owning_ministry_id
      FROM accounts_organisation o
      LEFT JOIN accounts_municipality m ON m.number = o.municipality_id
     WHERE o.id = NEW.organisation_id;
    NEW.start_year := EXTRACT(YEAR FROM NEW.start_date);
    NEW.focus_area_numbers := COALESCE(
        (SELECT array_agg(f.number ORDER BY t.is_primary DESC, f.number)
           FROM initiatives_initiativefocusarea t
           JOIN initiatives_focusarea f ON f.id = t.focus_area_id
          WHERE t.initiative_id = NEW.id),
        '{}');
    NEW.ministry_ids := ARRAY(
        SELECT DISTINCT x FROM (
            SELECT NEW.owning_ministry_id AS x
            UNION ALL
            SELECT r.organisation_id FROM initiatives_initiative_responsible_ministries r
             WHERE r.initiative_id = NEW.id) AS ids
         WHERE x IS NOT NULL ORDER BY x);
    NEW.municipality_numbers := ARRAY(
        SELECT DISTINCT x FROM (
            SELECT NEW.municipality_id AS x
            UNION ALL
            SELECT o.municipality_id FROM initiatives_initiative_participating_organisations p
              JOIN accounts_organisation o ON o.id = p.organisation_id
             WHERE p.initiative_id = NEW.id) AS numbers
         WHERE x IS NOT NULL ORDER BY x);
    NEW.county_numbers := ARRAY(
        SELECT DISTINCT x FROM (
            SELECT NEW.county_id AS x
            UNION ALL
            SELECT COALESCE(m.county_id, o.county_id)
              FROM initiatives_initiative_participating_organisations p
              JOIN accounts_organisation o ON o.id = p.organisation_id
              LEFT JOIN accounts_municipality m ON m.number = o.municipality_id
             WHERE p.initiative_id = NEW.id) AS numbers
         WHERE x IS NOT NULL ORDER BY x);
    RETURN NEW;
END $$;
"""
FILL_BEFORE = """
CREATE OR REPLACE FUNCTION initiative_fill_facets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.municipality_id,
           COALESCE(m.county_id, o.county_id),
           CASE WHEN o.kind = 'departement' THEN o.id ELSE o.parent_ministry_id END
      INTO NEW.municipality_id, NEW.county_id, NEW.owning_ministry_id
      FROM accounts_organisation o
      LEFT JOIN accounts_municipality m ON m.number = o.municipality_id
     WHERE o.id = NEW.organisation_id;
    NEW.start_year := EXTRACT(YEAR FROM NEW.start_date);
    NEW.focus_area_numbers := COALESCE(
        (SELECT array_agg(f.number ORDER BY t.is_primary DESC, f.number)
           FROM initiatives_initiativefocusarea t
           JOIN initiatives_focusarea f ON f.id = t.focus_area_id
          WHERE t.initiative_id = NEW.id),
        '{}');
    RETURN NEW;
END $$;
"""

LINK_TABLES = (
    "initiatives_initiative_responsible_ministries",
    "initiatives_initiative_participating_organisations",
)


def link_triggers(table: str) -> str:
    """Links added, changed or removed: touch the measures concerned, once per statement
    (the function of 0006 reads ``initiative_id`` of the transition tables)."""
    return f"""
CREATE TRIGGER {table}_inserted AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_links
    FOR EACH STATEMENT EXECUTE FUNCTION initiative_focus_links_changed();
CREATE TRIGGER {table}_updated AFTER UPDATE ON {table}
    REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
    FOR EACH STATEMENT EXECUTE FUNCTION initiative_focus_links_changed();
CREATE TRIGGER {table}_deleted AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_links
    FOR EACH STATEMENT EXECUTE FUNCTION initiative_focus_links_changed();
"""


def drop_link_triggers(table: str) -> str:
    return "".join(
        f"DROP TRIGGER {table}_{event} ON {table};\n"
        for event in ("inserted", "updated", "deleted")
    )


# An organisation that moves touches the measures it owns and those it takes part in.
PLACEMENT = """
CREATE OR REPLACE FUNCTION organisation_placement_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE initiatives_initiative SET id = id
     WHERE organisation_id = NEW.id
        OR id IN (SELECT initiative_id FROM initiatives_initiative_participating_organisations
                   WHERE organisation_id = NEW.id);
    RETURN NULL;
END $$;
"""
PLACEMENT_BEFORE = """
CREATE OR REPLACE FUNCTION organisation_placement_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE initiatives_initiative SET id = id WHERE organisation_id = NEW.id;
    RETURN NULL;
END $$;
"""

TOUCH_ALL = "UPDATE initiatives_initiative SET id = id;"
FORWARD = FILL + "".join(link_triggers(t) for t in LINK_TABLES) + PLACEMENT + COPY + TOUCH_ALL
BACKWARD = (
    COPY_BEFORE
    + PLACEMENT_BEFORE
    + "".join(drop_link_triggers(table) for table in LINK_TABLES)
    + FILL_BEFORE
)


# (table, column, type) of the arrays
NEW_COLUMNS = [
    (table, column, kind)
    for table in ("initiatives_initiative", "initiatives_overviewentry")
    for column, kind in (
        ("ministry_ids", "bigint[]"),
        ("municipality_numbers", "varchar(4)[]"),
        ("county_numbers", "varchar(2)[]"),
    )
]
ADD_COLUMNS = "".join(
    f"ALTER TABLE {table} ADD COLUMN {column} {kind} DEFAULT '{{}}' NOT NULL;\n"
    for table, column, kind in NEW_COLUMNS
)
DROP_COLUMNS = "".join(
    f"ALTER TABLE {table} DROP COLUMN {column};\n" for table, column, _kind in NEW_COLUMNS
)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_constraint_messages"),
        ("initiatives", "0019_ministries_and_participants"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The columns get a database default, so the version still running while this is
        # deployed can insert measures (the triggers fill the arrays either way).
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(ADD_COLUMNS, DROP_COLUMNS)],
            state_operations=[
                migrations.AddField(
                    model_name="initiative",
                    name="county_numbers",
                    field=django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=2),
                        default=list,
                        editable=False,
                        size=None,
                    ),
                ),
                migrations.AddField(
                    model_name="initiative",
                    name="ministry_ids",
                    field=django.contrib.postgres.fields.ArrayField(
                        base_field=models.BigIntegerField(), default=list, editable=False, size=None
                    ),
                ),
                migrations.AddField(
                    model_name="initiative",
                    name="municipality_numbers",
                    field=django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=4),
                        default=list,
                        editable=False,
                        size=None,
                    ),
                ),
                migrations.AddField(
                    model_name="overviewentry",
                    name="county_numbers",
                    field=django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=2), default=list, size=None
                    ),
                ),
                migrations.AddField(
                    model_name="overviewentry",
                    name="ministry_ids",
                    field=django.contrib.postgres.fields.ArrayField(
                        base_field=models.BigIntegerField(), default=list, size=None
                    ),
                ),
                migrations.AddField(
                    model_name="overviewentry",
                    name="municipality_numbers",
                    field=django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=4), default=list, size=None
                    ),
                ),
            ],
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
