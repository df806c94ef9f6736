"""``search_version`` says what a row's vector was made with (0: the database's fallback).

A BEFORE trigger is the safety net for writes that leave the vector out (a plain
``QuerySet.update``, a row inserted by hand or by an older version of the code): when the
text changes and the vector does not, or a row arrives without one, it fills in a weighted
Snowball vector, as the generated column of 0004/0009 did, and sets ``search_version`` to 0,
so searching still works and ``manage.py reindex_search`` (or the scheduled task) makes the
proper vector. Small registers are re-indexed here; a large one is left to that command."""

import logging

from django.db import migrations, models

from initiatives.search import indexing

logger = logging.getLogger("tillit.migrations")
REINDEX_LIMIT = 50_000

INITIATIVE_TEXTS = (
    "title",
    "summary",
    "description",
    "goal_resources",
    "goal_activities",
    "goal_outputs",
    "goal_user_effects",
    "goal_societal_effects",
    "kind",
    "organisation_id",
)
REPORT_TEXTS = (
    "title",
    "summary",
    "what_was_done",
    "what_worked",
    "challenges",
    "success_conditions",
    "advice",
    "outcomes",
)


def _weighted(fields: dict[str, tuple[str, ...]]) -> str:
    return " || ".join(
        f"setweight(to_tsvector('pg_catalog.norwegian'::regconfig, "
        f"concat_ws(' ', {', '.join(f'NEW.{c}' for c in columns)})), '{weight}')"
        for weight, columns in fields.items()
    )


def _trigger(table: str, name: str, texts: tuple[str, ...], fallback: str) -> str:
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in texts)
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.search_vector IS NULL
       OR (TG_OP = 'UPDATE' AND NEW.search_vector IS NOT DISTINCT FROM OLD.search_vector
           AND ({changed})) THEN
        NEW.search_vector := {fallback};
        NEW.search_version := 0;
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS {name} ON {table};
CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {name}();
"""


FORWARD = _trigger(
    "initiatives_initiative",
    "initiative_search_fallback",
    INITIATIVE_TEXTS,
    _weighted(
        {
            "A": ("title",),
            "B": ("summary",),
            "C": ("description", *(c for c in INITIATIVE_TEXTS if c.startswith("goal_"))),
        }
    ),
) + _trigger(
    "initiatives_experiencereport",
    "experience_search_fallback",
    REPORT_TEXTS,
    _weighted({"A": ("title",), "B": REPORT_TEXTS[1:3], "C": REPORT_TEXTS[3:]}),
)
BACKWARD = """
DROP TRIGGER IF EXISTS initiative_search_fallback ON initiatives_initiative;
DROP FUNCTION IF EXISTS initiative_search_fallback();
DROP TRIGGER IF EXISTS experience_search_fallback ON initiatives_experiencereport;
DROP FUNCTION IF EXISTS experience_search_fallback();
"""


def _live_models_fit(connection) -> bool:
    """Whether the live models' columns exist yet (they do not when later migrations of the
    same run add columns; the live code reads every column)."""
    from initiatives.models import ExperienceReport, Initiative

    with connection.cursor() as cursor:
        for model in (Initiative, ExperienceReport):
            table = model._meta.db_table
            found = {c.name for c in connection.introspection.get_table_description(cursor, table)}
            if any(field.column not in found for field in model._meta.concrete_fields):
                return False
    return True


def reindex_small_registers(apps, schema_editor):
    """Counted here; the vectors are made by the live code (``reindex_everything``), since
    they need the analyser and the names, places and ministries of the relations."""
    Initiative = apps.get_model("initiatives", "Initiative")
    count = Initiative.objects.count()
    if count == 0:
        return
    if not _live_models_fit(schema_editor.connection):
        logger.warning(
            "Later migrations change the tables the search index reads: run "
            "`manage.py reindex_search` after migrating to make the Norwegian search vectors"
        )
        return
    if count > REINDEX_LIMIT:
        logger.warning(
            "%d measures: run `manage.py reindex_search` to make the Norwegian search "
            "vectors (until then search uses the Snowball vectors it had)",
            count,
        )
        return
    indexing.reindex_everything()


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0023_search_vector_plain")]

    operations = [
        migrations.AddField(
            model_name=model,
            name="search_version",
            field=models.PositiveSmallIntegerField(db_default=0, default=0, editable=False),
        )
        for model in ("initiative", "experiencereport")
    ] + [
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.RunPython(reindex_small_registers, migrations.RunPython.noop, elidable=False),
    ]
