"""Item 23 of issue 18: a date known only to the year or the month is recorded and shown so."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from initiatives.dates import parse_partial_date, partial_date_iso
from initiatives.models import Initiative
from initiatives.models.initiatives import REFORM_START
from initiatives.notifications.recipients import queue_overdue_reminders

from ..factories import InitiativeFactory
from .test_views import _full_form

pytestmark = pytest.mark.django_db


def _register(client, people, bergen, **dates):
    client.force_login(people["ansatt"])
    response = client.post("/tiltak/ny/", _full_form(bergen, action="save", **dates))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Initiative.objects.get()


def test_a_year_and_a_month_are_stored_as_such_and_shown_without_an_invented_day(
    client, people, bergen
):
    initiative = _register(client, people, bergen, start_date="2024", end_date="mars 2025")
    assert (initiative.start_date, initiative.start_precision) == (dt.date(2024, 1, 1), "year")
    assert (initiative.end_date, initiative.end_precision) == (dt.date(2025, 3, 1), "month")
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "<dd>2024 – mars 2025</dd>" in html
    assert "januar" not in html and "1. mars" not in html


@pytest.mark.parametrize(
    ("language", "shown"), [("nb", "mars 2024"), ("nn", "mars 2024"), ("en", "March 2024")]
)
def test_a_month_is_shown_in_each_language(client, people, bergen, language, shown):
    initiative = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        start_date=dt.date(2024, 3, 1),
        start_precision="month",
    )
    client.cookies["django_language"] = language
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert f"<dd>{shown}</dd>" in html


@pytest.mark.parametrize(
    ("typed", "stored", "precision"),
    [
        ("2024", dt.date(2024, 1, 1), "year"),
        ("03.2024", dt.date(2024, 3, 1), "month"),
        ("Mars 2024", dt.date(2024, 3, 1), "month"),
        ("March 2024", dt.date(2024, 3, 1), "month"),
        ("12.03.2024", dt.date(2024, 3, 12), "day"),
        ("12. mars 2024", dt.date(2024, 3, 12), "day"),
        ("2024-03-12", dt.date(2024, 3, 12), "day"),
    ],
)
def test_the_form_accepts_a_year_a_month_or_a_date(
    client, people, bergen, typed, stored, precision
):
    initiative = _register(client, people, bergen, start_date=typed)
    assert (initiative.start_date, initiative.start_precision) == (stored, precision)


@pytest.mark.parametrize("typed", ["32.03.2024", "13.2024", "midtsommer 2024", "24"])
def test_what_is_not_a_date_gets_a_norwegian_message_and_is_kept(client, people, bergen, typed):
    client.force_login(people["ansatt"])
    response = client.post("/tiltak/ny/", _full_form(bergen, start_date=typed))
    html = response.content.decode()
    assert response.status_code == 200 and "id_start_date_error" in html
    assert "Skriv en dato (12.03.2024), en måned (03.2024 eller mars 2024) eller et år" in html
    assert f'value="{typed}"' in html
    assert not Initiative.objects.exists()


def test_the_edit_form_shows_the_precision_and_keeps_it(client, people, bergen):
    initiative = InitiativeFactory(
        organisation=bergen,
        start_date=dt.date(2024, 1, 1),
        start_precision="year",
        end_date=dt.date(2025, 3, 1),
        end_precision="month",
    )
    client.force_login(people["ansatt"])
    html = client.get(f"/tiltak/{initiative.pk}/rediger/").content.decode()
    assert 'name="start_date" value="2024"' in html and 'name="end_date" value="03.2025"' in html
    data = _full_form(
        bergen, start_date="2024", end_date="03.2025", version=initiative.version, action="save"
    )
    assert client.post(f"/tiltak/{initiative.pk}/rediger/", data).status_code == 302
    initiative.refresh_from_db()
    assert (initiative.start_precision, initiative.end_precision) == ("year", "month")


def test_filters_and_the_yearly_overview_use_the_stored_year(client, people, bergen):
    initiative = _register(client, people, bergen, start_date="2024", end_date="2024")
    Initiative.objects.filter(pk=initiative.pk).update(workflow_status="publisert")
    client.logout()
    assert initiative.title in client.get("/tiltak/?aar=2024").content.decode()
    assert initiative.title not in client.get("/tiltak/?aar=2023").content.decode()
    assert initiative.title in client.get("/oversikt/2024/").content.decode()
    assert initiative.title not in client.get("/oversikt/2025/").content.decode()


def test_a_measure_ending_in_a_year_is_overdue_only_after_that_year(people, bergen):
    InitiativeFactory(
        organisation=bergen,
        created_by=people["ansatt"],
        start_date=dt.date(2024, 1, 1),
        end_date=dt.date(2025, 1, 1),
        end_precision="year",
    )
    assert queue_overdue_reminders(today=dt.date(2025, 12, 31)) == 0
    assert queue_overdue_reminders(today=dt.date(2026, 1, 1)) == 1


def test_files_get_iso_dates_cut_to_the_precision_and_read_back():
    for value, precision, text in [
        (dt.date(2024, 1, 1), "year", "2024"),
        (dt.date(2024, 3, 1), "month", "2024-03"),
        (dt.date(2024, 3, 12), "day", "2024-03-12"),
    ]:
        assert partial_date_iso(value, precision) == text
        assert parse_partial_date(text) == (value, precision)


def test_the_api_says_how_much_of_a_date_is_known(client, bergen):
    initiative = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        start_date=dt.date(2024, 1, 1),
        start_precision="year",
        end_date=dt.date(2025, 3, 1),
        end_precision="month",
    )
    record = client.get(f"/api/v1/tiltak/{initiative.pk}/").json()
    assert (record["startdato"], record["startdato_presisjon"]) == ("2024-01-01", "ar")
    assert (record["sluttdato"], record["sluttdato_presisjon"]) == ("2025-03-01", "maned")
    listed = client.get("/api/v1/tiltak/").json()
    items = listed["resultater"] if isinstance(listed, dict) else listed
    assert {(r["startdato_presisjon"], r["sluttdato_presisjon"]) for r in items} == {
        ("ar", "maned")
    }


def test_the_api_schema_documents_the_norwegian_precision_codes(client):
    schemas = client.get("/api/v1/schema/").json()["components"]["schemas"]
    for name in ("startdato_presisjon", "sluttdato_presisjon"):
        field = next(
            s["properties"][name] for s in schemas.values() if name in s.get("properties", {})
        )
        assert field["enum"] == ["dag", "maned", "ar"]
        assert "dag, maned or ar" in field["description"]


@pytest.mark.parametrize(
    ("start", "end"),
    [("15.03.2024", "mars 2024"), ("mars 2024", "2024"), ("15.03.2024", "2024"), ("2024", "2024")],
)
def test_an_end_in_the_start_s_month_or_year_is_accepted(client, people, bergen, start, end):
    initiative = _register(client, people, bergen, start_date=start, end_date=end)
    assert initiative.end_display in {"mars 2024", "2024"}


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("15.03.2024", "14.03.2024"),
        ("15.03.2024", "februar 2024"),
        ("mars 2024", "2023"),
        ("2024", "31.12.2023"),
        ("2024", "desember 2023"),
    ],
)
def test_an_end_before_the_start_s_period_is_refused(client, people, bergen, start, end):
    client.force_login(people["ansatt"])
    response = client.post(
        "/tiltak/ny/", _full_form(bergen, action="save", start_date=start, end_date=end)
    )
    html = response.content.decode()
    assert response.status_code == 200 and "id_end_date_error" in html
    assert "Sluttdatoen kan ikke være før startdatoen." in html
    assert "initiative_end_after_start" not in html
    assert not Initiative.objects.exists()


def test_the_database_holds_the_same_rule(bergen):
    initiative = InitiativeFactory(organisation=bergen, start_date=dt.date(2024, 3, 15))
    rows = Initiative.objects.filter(pk=initiative.pk)
    rows.update(end_date=dt.date(2024, 3, 1), end_precision="month")
    rows.update(end_date=dt.date(2024, 1, 1), end_precision="year")
    for end, precision in [
        (dt.date(2024, 3, 14), "day"),
        (dt.date(2024, 2, 1), "month"),
        (dt.date(2023, 1, 1), "year"),
    ]:
        with pytest.raises(IntegrityError), transaction.atomic():
            rows.update(end_date=end, end_precision=precision)


@pytest.mark.parametrize(
    ("typed", "before"),
    [
        ("2020", True),
        ("2021", False),  # may have started after 1 September 2021
        ("august 2021", True),
        ("september 2021", False),
        ("31.08.2021", True),
        ("01.09.2021", False),
    ],
)
def test_started_before_the_reform_only_when_the_whole_period_is(
    client, people, bergen, typed, before
):
    assert dt.date(2021, 9, 1) == REFORM_START
    initiative = _register(client, people, bergen, start_date=typed)
    assert initiative.started_before_reform is before


def test_an_end_before_the_start_is_told_beside_the_other_errors(client, people, bergen):
    """Not in a second round once the rest is valid: with a bad link too, both are told."""
    client.force_login(people["ansatt"])
    data = {
        "organisation": bergen.pk,
        "title": "To feil på en gang",
        "start_date": "2025",
        "end_date": "2024",
        "links": "ftp://filer.ks.no/",
        "action": "save",
    }
    with translation.override("nb"):
        html = client.post("/tiltak/ny/", data).content.decode()
    assert 'id="id_links_error"' in html
    assert 'id="id_end_date_error"' in html and "Sluttdatoen kan ikke være før startdatoen." in html
    assert not Initiative.objects.filter(title="To feil på en gang").exists()
