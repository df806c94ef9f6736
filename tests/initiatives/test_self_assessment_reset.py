"""Assessments of employee involvement made before the separation-of-duties rule by a party to
the measure go back to unknown, with a history entry and an audit event (issue 18, item 3)."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from initiatives.models import Initiative, InitiativeChange
from tillit.accounts.models import Role
from tillit.core.models import AuditEvent

from ..factories import InitiativeFactory, MembershipFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("initiatives.migrations.0018_reset_self_assessments")


def _assessed(measure, by, assessment="bekreftet"):
    Initiative.objects.filter(pk=measure.pk).update(
        union_assessment=assessment,
        union_assessment_text="Vi var med",
        union_assessment_union="Delta",
        union_assessed_by=by,
        union_assessed_at=timezone.now(),
    )
    InitiativeChange.objects.create(initiative=measure, actor_id=by.pk, action="assessed")


@pytest.fixture
def assessed(bergen, people):
    leading_rep = MembershipFactory(
        organisation=bergen, roles=[Role.LEDER, Role.TILLITSVALGT], union_name="Delta"
    ).user
    staff_rep = MembershipFactory(
        organisation=bergen, roles=[Role.ANSATT, Role.TILLITSVALGT], union_name="Unio"
    ).user
    rep = people["tillitsvalgt"]

    def published(**extra):
        return InitiativeFactory(organisation=bergen, workflow_status="publisert", **extra)

    measures = {
        "by_leader": published(),
        "disputed_by_leader": published(),
        "created_by_rep": published(created_by=staff_rep),
        "edited_by_rep": published(),
        "published_by_rep": published(),
        "by_uninvolved_rep": published(),
        "rep_edited_another": published(),
    }
    _assessed(measures["by_leader"], leading_rep)
    _assessed(measures["disputed_by_leader"], leading_rep, "ikke_involvert")
    _assessed(measures["created_by_rep"], staff_rep)
    for how in ("edited", "published"):
        InitiativeChange.objects.create(
            initiative=measures[f"{how}_by_rep"], actor_id=staff_rep.pk, action=how
        )
        _assessed(measures[f"{how}_by_rep"], staff_rep)
    _assessed(measures["by_uninvolved_rep"], rep)
    InitiativeChange.objects.create(
        initiative=measures["by_uninvolved_rep"], actor_id=staff_rep.pk, action="edited"
    )
    _assessed(measures["rep_edited_another"], staff_rep)
    InitiativeChange.objects.create(
        initiative=measures["by_leader"], actor_id=staff_rep.pk, action="edited"
    )
    return {name: Initiative.objects.get(pk=m.pk) for name, m in measures.items()}


def test_assessments_by_a_party_go_back_to_unknown_on_the_record(client, assessed):
    kept = {"by_uninvolved_rep", "rep_edited_another"}
    reset = migration.reset_self_assessments(apps, None)
    assert sorted(reset) == sorted(m.pk for name, m in assessed.items() if name not in kept)
    for name, before in assessed.items():
        after = Initiative.objects.get(pk=before.pk)
        if name in kept:
            assert (after.union_assessment, after.version) == ("bekreftet", before.version)
            continue
        assert after.union_assessment == "ukjent" and after.union_assessed_by is None
        assert after.version == before.version + 1
        change = after.changes.get(action="assessment_reset")
        assert change.fields["union_assessment"] == [before.union_assessment, "ukjent"]
        event = AuditEvent.objects.get(
            action="initiative.assessment_reset", object_id=str(after.pk)
        )
        assert event.details["was"] == before.union_assessment
    # The API and the overview count only the assessments that stand.
    confirmed = client.get("/api/v1/tiltak/?bekreftet=ja").json()
    assert sorted(item["id"] for item in confirmed["resultater"]) == sorted(
        assessed[name].pk for name in kept
    )
    # Running it again changes nothing.
    assert migration.reset_self_assessments(apps, None) == []


def test_the_history_says_why_in_norwegian(client, people, assessed):
    migration.reset_self_assessments(apps, None)
    client.force_login(people["leder"])
    page = client.get(f"/tiltak/{assessed['by_leader'].pk}/")
    assert "satte medvirkningen tilbake til ukjent" in page.content.decode()
