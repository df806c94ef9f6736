"""The demo shows measures that build on each other and a programme they share."""

import pytest
from django.core.management import call_command

from initiatives.models import Initiative, InitiativeRelation, RelationKind

pytestmark = pytest.mark.django_db


def _pairs() -> list[tuple]:
    return sorted(
        (r.initiative.title, r.initiative.organisation_id, r.other.organisation_id, r.kind)
        for r in InitiativeRelation.objects.select_related("initiative", "other")
    )


def test_the_demo_connects_measures_once_and_the_same_way_for_a_seed(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "200", "--seed", "1")
    relations = InitiativeRelation.objects.select_related("initiative", "other")
    adoption = relations.filter(kind=RelationKind.BYGGER_PA).first()
    assert adoption is not None
    assert adoption.initiative.title == adoption.other.title
    assert adoption.initiative.organisation_id != adoption.other.organisation_id
    assert relations.filter(kind=RelationKind.SAMME_NETTVERK).exists()
    assert all(r.initiative.is_published and r.other.is_published for r in relations)
    source_page = client.get(adoption.other.get_absolute_url()).content.decode()
    assert "Prøvd videre av" in source_page
    assert "Bygger på" in client.get(adoption.initiative.get_absolute_url()).content.decode()

    first = _pairs()
    call_command("seed_demo", "--initiatives", "200", "--seed", "1")
    assert _pairs() == first  # seeded once

    InitiativeRelation.objects.all().delete()
    Initiative.objects.all().delete()
    call_command("seed_demo", "--initiatives", "200", "--seed", "1")
    assert _pairs() == first  # the same measures again
