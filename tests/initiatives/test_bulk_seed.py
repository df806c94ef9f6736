"""The bulk seeder of benchmark databases (``seed_bulk``, ``initiatives/demo/bulk.py``) makes
the rows ``seed_demo`` makes: the same measures for the same seed and size, with the facet
columns, arrays and overview entries the triggers would have written, and the history."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from initiatives import vocabulary
from initiatives.models import (
    Initiative,
    InitiativeChange,
    OverviewEntry,
    SearchVocabulary,
    WorkflowStatus,
)
from initiatives.search.indexing import current_version

pytestmark = pytest.mark.django_db

# What a measure is, apart from its id and the times taken from the clock.
COMPARED = [
    "title",
    "organisation_id",
    "workflow_status",
    "lifecycle_status",
    "kind",
    "sector",
    "start_date",
    "end_date",
    "published_at",
    "union_assessment",
    "union_assessment_text",
    "review_note",
    "created_by_id",
    "contact_email",
    "publish_contact",
    "county_id",
    "municipality_id",
    "owning_ministry_id",
    "start_year",
    "focus_area_numbers",
    "ministry_ids",
    "municipality_numbers",
    "county_numbers",
    "search_vector",
    "search_version",
]
ENTRY = [
    "workflow_status",
    "kind",
    "county_numbers",
    "municipality_numbers",
    "ministry_ids",
    "focus_area_numbers",
    "title",
    "published_at",
    "search_vector",
]
SIZE, HEAD = 300, 100


def _snapshot() -> dict:
    """The measures after the first ``HEAD`` (which seed_demo makes in both paths), their
    links, history and overview entries, without ids."""
    ids = list(Initiative.objects.order_by("pk").values_list("pk", flat=True))[HEAD:]
    measures = Initiative.objects.filter(pk__in=ids).order_by("pk")
    entries = OverviewEntry.objects.filter(initiative__in=ids).order_by("initiative_id")
    changes = InitiativeChange.objects.filter(initiative__in=ids)
    focus = Initiative.focus_areas.through.objects.filter(initiative__in=ids)
    ministries = Initiative.responsible_ministries.through.objects.filter(initiative__in=ids)
    return {
        "measures": list(measures.values_list(*COMPARED)),
        "focus": list(
            focus.order_by("initiative_id", "-is_primary", "focus_area_id").values_list(
                "focus_area_id", "is_primary"
            )
        ),
        "ministries": list(
            ministries.order_by("initiative_id", "organisation_id").values_list(
                "organisation_id", flat=True
            )
        ),
        "entries": list(entries.values_list(*ENTRY)),
        "changes": Counter(changes.values_list("action", "actor_id", "actor_name")),
    }


def _bulk(settings, size=SIZE, head=HEAD):
    settings.DEBUG = True
    call_command("seed_bulk", "--initiatives", str(size), "--head", str(head), "--seed", "4")


def test_bulk_rows_are_the_rows_seed_demo_makes(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", str(SIZE), "--seed", "4")
    normal = _snapshot()
    Initiative.objects.all().delete()
    _bulk(settings)
    bulk = _snapshot()
    assert len(bulk["measures"]) == SIZE - HEAD
    for row, (made, expected) in enumerate(zip(bulk["measures"], normal["measures"], strict=True)):
        differ = [c for c, a, b in zip(COMPARED, made, expected, strict=True) if a != b]
        assert not differ, (row, differ)
    for part in normal:
        assert bulk[part] == normal[part], part
    # made by the engine, not by the database's Snowball fallback (version 0)
    assert {row[-1] for row in bulk["measures"]} == {current_version()}


def test_bulk_rows_match_what_the_triggers_write(settings):
    _bulk(settings)
    statuses = dict(
        Initiative.objects.values_list("workflow_status").annotate(n=Count("pk")).order_by()
    )
    assert set(statuses) == set(WorkflowStatus.values)
    assert statuses[WorkflowStatus.PUBLISERT] > SIZE / 2
    assert OverviewEntry.objects.count() == SIZE
    published = Initiative.objects.filter(workflow_status=WorkflowStatus.PUBLISERT)
    assert not published.filter(focus_area_numbers=[]).exists()
    assert published.exclude(ministry_ids=[]).count() > SIZE / 3
    assert published.exclude(county_numbers=[]).count() > SIZE / 3
    # The triggers, enabled again, write the same facet columns, arrays and entries.
    derived = [c for c in COMPARED if c not in ("title", "organisation_id")]
    before = (
        list(Initiative.objects.order_by("pk").values_list(*derived)),
        list(OverviewEntry.objects.order_by("initiative_id").values_list(*ENTRY)),
    )
    with connection.cursor() as cursor:
        cursor.execute("UPDATE initiatives_initiative SET id = id")
    after = (
        list(Initiative.objects.order_by("pk").values_list(*derived)),
        list(OverviewEntry.objects.order_by("initiative_id").values_list(*ENTRY)),
    )
    assert after == before
    history = dict(
        InitiativeChange.objects.values_list("action").annotate(n=Count("pk")).order_by()
    )
    assert history["created"] == SIZE
    assert history["published"] == Initiative.objects.exclude(published_at=None).count()
    assert history["archived"] == statuses[WorkflowStatus.ARKIVERT]


def test_bulk_refreshes_the_search_vocabulary(settings):
    """The corrections' vocabulary counts the bulk measures too (seed_demo counted only the
    first ``head``): a refresh now changes nothing."""
    _bulk(settings, size=300, head=50)
    after_load = sorted(SearchVocabulary.objects.values_list("word", "documents"))
    vocabulary.refresh()
    assert sorted(SearchVocabulary.objects.values_list("word", "documents")) == after_load
    assert len(after_load) > 100


def test_bulk_leaves_triggers_and_indexes_as_they_were(settings):
    def state():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"
            )
            triggers = cursor.fetchall()
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"
            )
            return triggers, cursor.fetchall()

    before = state()
    _bulk(settings, size=150, head=50)
    assert state() == before
    # and a second run with nothing missing adds nothing
    _bulk(settings, size=150, head=50)
    assert Initiative.objects.count() == 150
