"""The open data API shows approved trials only, with their exemptions and decisions, in a
fixed number of queries."""

import pytest

from trials.models import TrialStatus

from .world import application_in

pytestmark = pytest.mark.django_db
S = TrialStatus


def test_only_approved_trials_with_exemptions_and_decision(client, world):
    public = {application_in(world, state).pk for state in (S.APPROVED, S.RUNNING, S.ENDED)}
    for state in (S.DRAFT, S.UNDER_ASSESSMENT, S.FINAL_SENT, S.REFUSED, S.NOT_SELECTED):
        application_in(world, state)
    body = client.get("/api/v1/forsok/").json()
    assert {row["id"] for row in body["resultater"]} == public
    record = body["resultater"][0]
    assert record["unntak"][0]["lov"] == "helse- og omsorgstjenesteloven"
    assert record["vedtak"]["departement"] == "HOD"
    assert record["vedtak"]["forskrift"].startswith("Forskrift om forsøk")
    assert {o["navn"] for o in record["sokere"]} == {"Grong kommune", "Lierne kommune"}


def test_one_trial_and_not_one_under_way(client, world):
    approved = application_in(world, S.APPROVED)
    pending = application_in(world, S.FINAL_SENT)
    assert client.get(f"/api/v1/forsok/{approved.pk}/").json()["tilstand"] == "godkjent"
    assert client.get(f"/api/v1/forsok/{pending.pk}/").status_code == 404


def test_the_list_keeps_its_query_budget(client, world, django_assert_max_num_queries):
    """The rate limit, validators and session take their few; the records a fixed four."""
    for _ in range(6):
        application_in(world, S.RUNNING)
    with django_assert_max_num_queries(10):
        assert len(client.get("/api/v1/forsok/").json()["resultater"]) == 6


def test_a_new_approval_changes_the_etag(client, world):
    etag = client.get("/api/v1/forsok/")["ETag"]
    application_in(world, S.APPROVED)
    assert client.get("/api/v1/forsok/", HTTP_IF_NONE_MATCH=etag).status_code == 200
