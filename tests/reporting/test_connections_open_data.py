"""Connections between measures in the open data API, the exports and the statistics:
published measures only."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from initiatives.models import InitiativeRelation, RelationKind
from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db
PUBLISHED = "publisert"


@pytest.fixture
def connected(bergen):
    trondheim = Organisation.objects.get(municipality_id="5001")
    oslo = Organisation.objects.get(municipality_id="0301")
    source = InitiativeFactory(organisation=bergen, workflow_status=PUBLISHED, title="Kilden")
    adopted = InitiativeFactory(organisation=trondheim, workflow_status=PUBLISHED, title="Prøvd")
    also = InitiativeFactory(organisation=oslo, workflow_status=PUBLISHED, title="Også prøvd")
    draft = InitiativeFactory(organisation=oslo, title="Hemmelig utkast")
    peer = InitiativeFactory(organisation=trondheim, workflow_status=PUBLISHED, title="Nabo")
    own = InitiativeFactory(organisation=bergen, workflow_status=PUBLISHED, title="Egen")
    for measure in (adopted, also, draft, own):
        InitiativeRelation.objects.create(
            initiative=measure, other=source, kind=RelationKind.BYGGER_PA
        )
    InitiativeRelation.objects.create(
        initiative=source, other=peer, kind=RelationKind.SAMME_NETTVERK, network_name="Runde 1"
    )
    return {
        "source": source,
        "adopted": adopted,
        "also": also,
        "draft": draft,
        "peer": peer,
        "own": own,
    }


def test_the_api_names_published_connections_both_ways(client, connected):
    source, adopted, peer = connected["source"], connected["adopted"], connected["peer"]
    record = client.get(f"/api/v1/tiltak/{source.pk}/").json()
    assert [m["tittel"] for m in record["provd_videre_av"]] == ["Prøvd", "Også prøvd", "Egen"]
    assert record["bygger_pa"] == []
    network = record["samme_nettverk"]
    assert [(m["id"], m["tittel"], m["nettverk"]) for m in network] == [
        (peer.pk, "Nabo", "Runde 1")
    ]
    assert network[0]["api_url"].endswith(f"/api/v1/tiltak/{peer.pk}/")
    adopted_record = client.get(f"/api/v1/tiltak/{adopted.pk}/").json()
    assert [m["id"] for m in adopted_record["bygger_pa"]] == [source.pk]
    peer_record = client.get(f"/api/v1/tiltak/{peer.pk}/").json()
    assert [m["id"] for m in peer_record["samme_nettverk"]] == [source.pk]
    listed = {r["id"]: r for r in client.get("/api/v1/tiltak/").json()["resultater"]}
    assert "Hemmelig utkast" not in str(listed)
    assert [m["id"] for m in listed[adopted.pk]["bygger_pa"]] == [source.pk]


def test_the_schema_describes_the_connections(client):
    schemas = client.get("/api/v1/schema/").json()["components"]["schemas"]
    properties = schemas["Tiltak"]["properties"]
    assert {"bygger_pa", "provd_videre_av", "samme_nettverk"} <= set(properties)
    assert "nettverk" in schemas["NettverkLenke"]["properties"]


def test_api_list_reads_connections_in_a_fixed_number_of_queries(
    client, connected, bergen, django_assert_max_num_queries
):
    client.get("/api/v1/tiltak/")
    with CaptureQueriesContext(connection) as before:
        client.get("/api/v1/tiltak/")
    for _ in range(5):
        measure = InitiativeFactory(organisation=bergen, workflow_status=PUBLISHED)
        InitiativeRelation.objects.create(
            initiative=measure, other=connected["peer"], kind=RelationKind.SAMME_NETTVERK
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get("/api/v1/tiltak/")


def _csv(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body), delimiter=";"))


def test_exports_have_the_connection_columns(client, connected):
    source, adopted = connected["source"], connected["adopted"]
    rows = {row["ID"]: row for row in _csv(client.get("/tiltak/eksport.csv"))}
    row = rows[str(source.pk)]
    assert row["Prøvd videre av"] == (
        f"{adopted.pk}: Prøvd; {connected['also'].pk}: Også prøvd; {connected['own'].pk}: Egen"
    )
    assert row["Samme nettverk eller program"] == f"{connected['peer'].pk}: Nabo"
    assert rows[str(adopted.pk)]["Bygger på"] == f"{source.pk}: Kilden"
    assert "Hemmelig utkast" not in str(rows)

    response = client.get("/tiltak/eksport.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    assert {"Bygger på", "Prøvd videre av", "Samme nettverk eller program"} <= set(header)


def test_statistics_count_how_published_measures_spread(client, connected):
    spread = client.get("/statistikk/").context["stats"].spread
    # Trondheim's and Oslo's published measures build on Bergen's; Bergen's own does not
    # count, nor Oslo's draft
    assert spread == {"adopted": 1, "adoptions": 2, "organisations": 2, "counties": 2}
    page = client.get("/statistikk/").content.decode()
    assert 'id="spredning"' in page
    # under a filter: only the filtered measures that build on others
    assert client.get("/statistikk/?fylke=50").context["stats"].spread["adoptions"] == 1
