"""The API's responsible ministries and participants: on each measure, and in the
departement, kommune and fylke filters."""

import pytest

from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(bergen):
    grong = Organisation.objects.get(municipality_id="5045")
    measure = InitiativeFactory(
        organisation=grong, workflow_status="publisert", title="Felles legevakt"
    )
    measure.participating_organisations.add(Organisation.objects.get(municipality_id="5043"))
    measure.responsible_ministries.add(Organisation.objects.get(short_name="HOD"))
    InitiativeFactory(organisation=bergen, workflow_status="publisert", title="Bergens eget")
    return measure


def _titles(client, query):
    return {row["tittel"] for row in client.get(f"/api/v1/tiltak/?{query}").json()["resultater"]}


def test_a_measure_names_its_participants_and_responsible_ministries(client, shared):
    record = client.get(f"/api/v1/tiltak/{shared.pk}/").json()
    assert [o["navn"] for o in record["deltakende_organisasjoner"]] == ["Raarvihke kommune"]
    assert [o["navn"] for o in record["ansvarlige_departementer"]] == [
        "Helse- og omsorgsdepartementet"
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("departement=HOD", {"Felles legevakt"}),
        ("kommune=5043", {"Felles legevakt"}),
        ("kommune=5045", {"Felles legevakt"}),
        ("fylke=50", {"Felles legevakt"}),
        ("fylke=46", {"Bergens eget"}),
    ],
)
def test_the_filters_find_participants_and_responsible_ministries(client, shared, query, expected):
    assert _titles(client, query) == expected


def test_the_schema_describes_them(client):
    schema = client.get("/api/v1/schema/").json()
    measure = schema["components"]["schemas"]["Tiltak"]["properties"]
    assert {"deltakende_organisasjoner", "ansvarlige_departementer"} <= set(measure)
