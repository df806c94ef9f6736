"""The columns the database copies onto each measure for the overview (migration 0006):
whatever writes the measure, its focus areas or its organisation, they follow."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict

from initiatives.models import FocusArea, InitiativeFocusArea, OverviewEntry
from initiatives.overview.registry import COLUMNS
from initiatives.overview.selectors import overview
from initiatives.services import initiative_publish
from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_new_measure_gets_its_place_year_and_focus_areas(bergen):
    initiative = InitiativeFactory(
        organisation=bergen, start_date=date(2023, 5, 1), areas=["medbestemmelse", "faglig-frihet"]
    )
    initiative.refresh_from_db()
    assert initiative.municipality_id == "4601"
    assert initiative.county_id == "46"
    assert initiative.owning_ministry_id is None
    assert initiative.start_year == 2023
    # the primary focus area first, then the others by number
    numbers = dict(FocusArea.objects.values_list("slug", "number"))
    assert initiative.focus_area_numbers == [numbers["medbestemmelse"], numbers["faglig-frihet"]]


def test_agencies_belong_to_their_ministry_and_ministries_to_themselves(ministry):
    agency = OrganisationFactory(parent_ministry=ministry)
    by_agency = InitiativeFactory(organisation=agency)
    by_ministry = InitiativeFactory(organisation=ministry)
    for initiative in (by_agency, by_ministry):
        initiative.refresh_from_db()
        assert initiative.owning_ministry_id == ministry.pk
        assert initiative.county_id is None


def test_changing_focus_areas_or_dates_updates_the_copies(bergen):
    initiative = InitiativeFactory(organisation=bergen, areas=["faglig-frihet"])
    InitiativeFocusArea.objects.filter(initiative=initiative).delete()
    InitiativeFocusArea.objects.create(
        initiative=initiative, focus_area=FocusArea.objects.get(slug="medbestemmelse")
    )
    initiative.start_date = date(2021, 1, 1)
    initiative.save()
    initiative.refresh_from_db()
    assert initiative.focus_area_numbers == [FocusArea.objects.get(slug="medbestemmelse").number]
    assert initiative.start_year == 2021


def test_a_stale_instance_cannot_write_old_copies_back(bergen):
    initiative = InitiativeFactory(organisation=bergen, areas=["faglig-frihet"])
    InitiativeFocusArea.objects.create(
        initiative=initiative, focus_area=FocusArea.objects.get(slug="medbestemmelse")
    )
    initiative.title = "Saved from an instance loaded before the new focus area"
    initiative.save()
    initiative.refresh_from_db()
    assert len(initiative.focus_area_numbers) == 2


def test_an_organisation_that_moves_takes_its_measures_along(bergen):
    organisation = OrganisationFactory(municipality=None, county_id="46", kind="annet")
    initiative = InitiativeFactory(organisation=organisation)
    organisation.county_id = "50"
    organisation.save()
    initiative.refresh_from_db()
    assert initiative.county_id == "50"


def test_facet_counts_without_text_are_cached_until_a_service_writes(
    bergen, people, django_capture_on_commit_callbacks
):
    InitiativeFactory(organisation=bergen, workflow_status="publisert", kind="pilot")
    pending = InitiativeFactory(organisation=bergen, workflow_status="til_godkjenning")
    query = QueryDict("type=pilot")
    assert overview(query=query, user=AnonymousUser()).total == 1
    # a factory writes past the services, so the cached counts still hold
    InitiativeFactory(organisation=bergen, workflow_status="publisert", kind="pilot")
    assert overview(query=query, user=AnonymousUser()).total == 1
    with django_capture_on_commit_callbacks(execute=True):
        initiative_publish(initiative=pending, by=people["leder"])
    assert overview(query=query, user=AnonymousUser()).total == 3


def test_oslo_measures_count_under_oslo_county():
    oslo = Organisation.objects.get(municipality_id="0301")
    initiative = InitiativeFactory(organisation=oslo)
    initiative.refresh_from_db()
    assert initiative.county_id == "03"


def test_the_overview_entry_follows_its_measure(bergen):
    initiative = InitiativeFactory(organisation=bergen, kind="pilot", areas=["faglig-frihet"])
    InitiativeFocusArea.objects.create(
        initiative=initiative, focus_area=FocusArea.objects.get(slug="medbestemmelse")
    )
    initiative.refresh_from_db()
    initiative.kind = "prosjekt"
    initiative.workflow_status = "publisert"
    initiative.save()
    entry = OverviewEntry.objects.get(initiative=initiative)
    assert (entry.kind, entry.workflow_status, entry.county_id) == ("prosjekt", "publisert", "46")
    assert entry.focus_area_numbers == initiative.focus_area_numbers
    initiative.refresh_from_db()  # a plain save() that changes the kind: the database's vector
    assert entry.search_vector == initiative.search_vector
    initiative.delete()
    assert not OverviewEntry.objects.filter(pk=initiative.pk).exists()


def test_every_facet_column_is_in_the_search_index_of_published_measures():
    """Migration 0012: a search's words and its selected facets meet in one GIN index, so
    a facet added later belongs in that index too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gin'")
        if not cursor.fetchone():
            pytest.skip("PostgreSQL without btree_gin (the pgserver fallback)")
        cursor.execute(
            "SELECT a.attname, pg_get_expr(i.indpred, i.indrelid) FROM pg_index i"
            " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
            " WHERE i.indexrelid = 'entry_public_search_facets'::regclass"
        )
        rows = cursor.fetchall()
    columns = {column for column, _predicate in rows}
    facets = set(COLUMNS) - {"has_experience"}  # a yes/no: no use to an index
    assert columns == {"search_vector", *facets}
    assert "publisert" in rows[0][1]
